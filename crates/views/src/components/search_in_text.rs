use super::{focus_passage, ViewLink};
use crate::{use_words, CurrentView, FoundInText};
use catalog::{Page, ViewState};
use leptos::{ev::MouseEvent, prelude::*};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The search the reader came from, in the article: how many passages have
/// its words, a step to the next one, and a way back to the plain text.
/// Shown once the words are found (never while prerendering).
#[component]
pub fn SearchInText(#[prop(into)] found: Signal<Option<FoundInText>>) -> impl IntoView {
    let CurrentView(selection) = expect_context();
    let words = use_words();
    // Drawn whole when the words are found or the view changes: it holds
    // only what these say, and plain values are lighter in the wasm than
    // memos of each part.
    move || {
        let hits = found.with(|f| f.as_ref().map(FoundInText::passages_marked))?;
        let (query, plain) = selection.with(|s| {
            // The same article and lens, without the search.
            let plain = match &s.page {
                Page::Article(slug) => ViewState::article(slug.clone(), s.lens.clone()),
                Page::List { .. } | Page::Saved => ViewState::list(s.topics.clone()),
            };
            (s.query.trim().to_owned(), plain)
        });
        if query.is_empty() {
            return None;
        }
        let status = words.found_in_text(hits.len(), &query);
        // Steps to the passage after the last one stepped to, round and round.
        let step = Arc::new(AtomicUsize::new(usize::MAX));
        let next = (!hits.is_empty()).then(|| {
            let next = move |ev: MouseEvent| {
                let at = step.load(Ordering::Relaxed).wrapping_add(1) % hits.len();
                step.store(at, Ordering::Relaxed);
                focus_passage(&ev, hits[at]);
            };
            view! {
                <button type="button" class="button button--small" on:click=next>
                    {words.next_match}" ↓"
                </button>
            }
        });
        Some(view! {
            <div class="lens lens--search" role="group" aria-label=words.search_in_text data-testid="search-in-text">
                <div class="lens__status">
                    <p role="status" data-testid="search-count">{status}</p>
                    <ViewLink to=plain class="lens__clear">{words.clear_marks}</ViewLink>
                    {next}
                </div>
            </div>
        })
    }
}
