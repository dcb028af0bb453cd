use crate::data::{self, DataUrl};
use crate::hooks::{keep_saved, Searcher};
use catalog::{Need, Shelf};
use js_sys::{Array, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use leptos::{prelude::*, task::spawn_local};
use views::{use_words, Archive};

/// Files asked for at once while saving (a group, then the next): as many
/// as a browser opens to one host, so that saving a portal's archive is not
/// one round trip after another.
const AT_ONCE: usize = 6;

/// What became of one article's file.
const SAVED: u32 = 0;
const FAILED: u32 = 1;
const NO_SPACE: u32 = 2;

/// Runs `loads` side by side (as the browser's own promises, so no
/// executor of our own is shipped) and gives each one's number, in order.
async fn all_of(loads: impl Iterator<Item = impl std::future::Future<Output = u32> + 'static>) -> Vec<u32> {
    let promises: Array = loads.map(|load| future_to_promise(async move { Ok(JsValue::from(load.await)) })).collect();
    let answers = JsFuture::from(Promise::all(&promises)).await.unwrap_or_else(|_| Array::new().into());
    Array::from(&answers).iter().map(|n| n.as_f64().unwrap_or(0.0) as u32).collect()
}

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
    /// The reader stopped it after this many.
    Stopped(usize, usize),
}

/// "Save every article for offline": fetches the list's parts, every body
/// and the search's files through the service worker, which keeps what it
/// fetches, and shows how far it got; the reader may stop it. It stops
/// when the device is out of space: each article is saved whole or not at
/// all.
#[component]
pub fn SaveOffline(
    /// Called when saving ends, however it ends.
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let Archive { shelf, .. } = expect_context();
    let source: DataUrl = expect_context();
    let state = RwSignal::new(Saving::Idle);
    let stop = RwSignal::new(false);
    let words = use_words();
    let searcher = use_context::<Searcher>();
    // The task outlives the button when the reader leaves the page: it
    // then runs on, and says nothing.
    let stopped = move || stop.try_get_untracked().unwrap_or(false);
    let finish = move |end: Saving| {
        state.try_set(end);
        if let Some(finished) = on_done {
            finished.try_run(());
        }
    };
    let save = move || {
        let total = shelf.with_untracked(Shelf::total);
        let source = source.clone();
        state.set(Saving::Running(0, total));
        stop.set(false);
        keep_saved();
        spawn_local(async move {
            let mut failed = 0;
            // The list's parts first: filters, later pages and links to
            // older articles then work offline too.
            if let Some(parts) = shelf.with_untracked(|s| s.parts().cloned()) {
                for needs in shelf.with_untracked(Shelf::every_part).chunks(AT_ONCE) {
                    if stopped() {
                        return finish(Saving::Stopped(0, total));
                    }
                    let loads = needs.iter().cloned().map(|need| {
                        let (source, parts) = (source.clone(), parts.clone());
                        async move {
                            // An article whose chunk failed is counted below.
                            let counted = !matches!(need, Need::Chunk(_));
                            match data::load_part(source, parts, need).await {
                                Ok(part) => {
                                    shelf.try_update(|s| part.shelve(s));
                                    0
                                }
                                Err(_) => u32::from(counted),
                            }
                        }
                    });
                    failed += all_of(loads).await.iter().sum::<u32>() as usize;
                }
            }
            // Articles tried, and saved, so far.
            let (mut done, mut saved) = (0, 0);
            for n in 0..shelf.with_untracked(Shelf::chunk_count) {
                let articles = shelf.try_with_untracked(|s| s.chunk(n)).flatten().map_or_else(Vec::new, |c| c.to_vec());
                failed += shelf.with_untracked(|s| s.chunk_len(n)).saturating_sub(articles.len());
                let mut chunk_failed = 0;
                let mut no_space = false;
                for group in articles.chunks(AT_ONCE) {
                    if stopped() {
                        return finish(Saving::Stopped(saved, total));
                    }
                    let loads = group.iter().cloned().map(|meta| {
                        let source = source.clone();
                        async move {
                            match data::load_body(source, meta, words).await {
                                Ok(body) if body.no_space => NO_SPACE,
                                Ok(_) => SAVED,
                                Err(_) => FAILED,
                            }
                        }
                    });
                    for outcome in all_of(loads).await {
                        match outcome {
                            NO_SPACE => no_space = true,
                            FAILED => {
                                chunk_failed += 1;
                                done += 1;
                            }
                            _ => {
                                saved += 1;
                                done += 1;
                            }
                        }
                    }
                    state.try_set(Saving::Running(done, total));
                    if no_space {
                        break;
                    }
                }
                if no_space {
                    return finish(Saving::NoSpace(done, total));
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
            finish(if failed == 0 { Saving::Done(total) } else { Saving::Failed(failed, total) });
        });
    };
    let running = move || matches!(state.get(), Saving::Running(..));
    let progress = move || match state.get() {
        Saving::Idle => String::new(),
        Saving::Running(done, total) => words.saving(done, total),
        Saving::Done(total) => words.saved(total),
        Saving::Failed(failed, total) => words.not_saved(failed, total),
        Saving::NoSpace(done, total) => words.no_space(done, total),
        Saving::Stopped(done, total) => words.saving_stopped(done, total),
    };
    // One button that saves, and stops while saving: the reader's focus
    // stays on it either way.
    let on_click = move |_| if matches!(state.get_untracked(), Saving::Running(..)) { stop.set(true) } else { save() };
    view! {
        <div class="save-offline">
            <button type="button" class="button button--small" on:click=on_click aria-busy=move || running().to_string()>
                {move || if running() { words.stop_saving } else { words.save_all }}
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
