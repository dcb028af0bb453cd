use crate::hooks::ServiceWorker;
use leptos::prelude::*;
use views::use_words;

/// Notices about the app itself, at the foot of the window: no network, or
/// a new version ready to take over.
#[component]
pub fn AppNotices(#[prop(into)] online: Signal<bool>, worker: ServiceWorker) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    let words = use_words();
    view! {
        <div class="app-notices">
            <Show when=move || !online.get()>
                <p class="notice notice--offline" role="status" data-testid="offline-notice">
                    {words.offline}
                </p>
            </Show>
            <Show when=move || worker.update_ready.get() && !dismissed.get()>
                <div class="notice notice--update" role="status" data-testid="update-prompt">
                    <p class="notice__text">{words.update_ready}</p>
                    <button type="button" class="button button--small" on:click=move |_| worker.apply_update.run(())>
                        {words.update}
                    </button>
                    <button type="button" class="notice__close" aria-label=words.not_now on:click=move |_| dismissed.set(true)>
                        "×"
                    </button>
                </div>
            </Show>
        </div>
    }
}
