use super::AppText;
use leptos::prelude::*;

/// Notices about the app itself, at the foot of the window: no network, or
/// a new version ready to take over.
#[component]
pub fn AppNotices(#[prop(into)] online: Signal<bool>, update_ready: RwSignal<bool>) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    let text = AppText::for_document();
    view! {
        <div class="app-notices">
            <Show when=move || !online.get()>
                <p class="notice notice--offline" role="status" data-testid="offline-notice">
                    {text.offline()}
                </p>
            </Show>
            <Show when=move || update_ready.get() && !dismissed.get()>
                <div class="notice notice--update" role="status" data-testid="update-prompt">
                    <p class="notice__text">{text.update_ready()}</p>
                    <button type="button" class="button button--small" on:click=move |_| crate::pwa::apply_update()>
                        {text.update()}
                    </button>
                    <button type="button" class="notice__close" aria-label=text.not_now() on:click=move |_| dismissed.set(true)>
                        "×"
                    </button>
                </div>
            </Show>
        </div>
    }
}
