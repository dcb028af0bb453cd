use crate::data::{self, DataUrl};
use crate::hooks::{keep_saved, Searcher};
use catalog::Shelf;
use leptos::{prelude::*, task::spawn_local};
use views::{use_words, Archive};

#[derive(Clone, Copy, PartialEq)]
enum Saving {
    Idle,
    /// Saved so far, of how many.
    Running(usize, usize),
    Done(usize),
    /// How many could not be saved.
    Failed(usize, usize),
    /// The device ran out of space after this many were saved whole.
    NoSpace(usize, usize),
}

/// "Save every article for offline": fetches the list's parts, every body
/// and the search's files through the service worker, which keeps what it
/// fetches, and shows how far it got. It stops when the device is out of
/// space: each article is saved whole or not at all.
#[component]
pub fn SaveOffline(
    /// Called when saving ends, however it ends.
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let Archive { shelf, .. } = expect_context();
    let source: DataUrl = expect_context();
    let state = RwSignal::new(Saving::Idle);
    let words = use_words();
    let searcher = use_context::<Searcher>();
    let save = move |_| {
        let total = shelf.with_untracked(Shelf::total);
        let source = source.clone();
        state.set(Saving::Running(0, total));
        keep_saved();
        spawn_local(async move {
            let mut failed = 0;
            // The list's parts first: filters, later pages and links to
            // older articles then work offline too.
            if let Some(parts) = shelf.with_untracked(|s| s.parts().cloned()) {
                for need in shelf.with_untracked(Shelf::every_part) {
                    match data::load_part(source.clone(), parts.clone(), need.clone()).await {
                        Ok(part) => {
                            shelf.try_update(|s| part.shelve(s));
                        }
                        // An article whose chunk failed is counted below.
                        Err(_) => failed += usize::from(!matches!(need, catalog::Need::Chunk(_))),
                    }
                }
            }
            let mut done = 0;
            for n in 0..shelf.with_untracked(Shelf::chunk_count) {
                let articles = shelf.try_with_untracked(|s| s.chunk(n)).flatten().map_or_else(Vec::new, |c| c.to_vec());
                failed += shelf.with_untracked(|s| s.chunk_len(n)).saturating_sub(articles.len());
                let mut chunk_failed = 0;
                for meta in articles {
                    match data::load_body(source.clone(), meta, words).await {
                        Ok(body) if body.no_space => {
                            state.try_set(Saving::NoSpace(done, total));
                            if let Some(finished) = on_done {
                                finished.run(());
                            }
                            return;
                        }
                        Ok(_) => {}
                        Err(_) => chunk_failed += 1,
                    }
                    done += 1;
                    state.try_set(Saving::Running(done, total));
                }
                // The search's files for these articles (and, once, its
                // index), so search works offline over what is saved.
                if let Some(searcher) = searcher {
                    let positions: Vec<u32> = shelf.with_untracked(|s| s.chunk_positions(n)).collect();
                    let count = positions.len();
                    let missed = searcher.keep(positions).await.unwrap_or(count);
                    chunk_failed = (chunk_failed + missed).min(count);
                }
                failed += chunk_failed;
            }
            let failed = failed.min(total);
            state.try_set(if failed == 0 { Saving::Done(total) } else { Saving::Failed(failed, total) });
            if let Some(finished) = on_done {
                finished.run(());
            }
        });
    };
    let running = move || matches!(state.get(), Saving::Running(..));
    let progress = move || match state.get() {
        Saving::Idle => String::new(),
        Saving::Running(done, total) => words.saving(done, total),
        Saving::Done(total) => words.saved(total),
        Saving::Failed(failed, total) => words.not_saved(failed, total),
        Saving::NoSpace(done, total) => words.no_space(done, total),
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
