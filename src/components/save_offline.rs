use crate::data::{self, DataUrl};
use catalog::ArticleMeta;
use leptos::{prelude::*, task::spawn_local};
use views::{use_words, SiteIndex};

#[derive(Clone, Copy, PartialEq)]
enum Saving {
    Idle,
    /// Saved so far, of how many.
    Running(usize, usize),
    Done(usize),
    /// How many could not be saved.
    Failed(usize, usize),
}

/// "Save every article for offline": fetches every body through the service
/// worker, which keeps what it fetches, and shows how far it got.
#[component]
pub fn SaveOffline() -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let source: DataUrl = expect_context();
    let state = RwSignal::new(Saving::Idle);
    let words = use_words();
    let save = move |_| {
        let articles: Vec<ArticleMeta> = index.with_value(|ix| ix.articles.clone());
        let total = articles.len();
        let source = source.clone();
        state.set(Saving::Running(0, total));
        spawn_local(async move {
            let mut failed = 0;
            for (done, meta) in articles.into_iter().enumerate() {
                if data::load_body(source.clone(), meta, words).await.is_err() {
                    failed += 1;
                }
                state.try_set(Saving::Running(done + 1, total));
            }
            state.try_set(if failed == 0 { Saving::Done(total) } else { Saving::Failed(failed, total) });
        });
    };
    let running = move || matches!(state.get(), Saving::Running(..));
    let progress = move || match state.get() {
        Saving::Idle => String::new(),
        Saving::Running(done, total) => words.saving(done, total),
        Saving::Done(total) => words.saved(total),
        Saving::Failed(failed, total) => words.not_saved(failed, total),
    };
    view! {
        <div class="save-offline">
            <button type="button" class="button button--small" on:click=save disabled=running aria-busy=move || running().to_string()>
                {words.save_all}
            </button>
            <Show when=move || matches!(state.get(), Saving::Running(..))>
                {move || match state.get() {
                    Saving::Running(done, total) => view! {
                        <progress class="save-offline__bar" max=total value=done aria-label=words.saving_label></progress>
                    }.into_any(),
                    _ => ().into_any(),
                }}
            </Show>
            <p class="save-offline__status" role="status" data-testid="save-status">{progress}</p>
        </div>
    }
}
