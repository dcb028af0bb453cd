use super::{ArticleList, TopicFilter};
use crate::{text, Catalog, Nav, Selection};
use catalog::{TopicId, ViewState};
use leptos::prelude::*;

/// How many cards the list shows before "show more": the list never puts
/// thousands of articles in the page at once.
pub const PAGE_SIZE: usize = 20;

/// The list of articles, newest first, with the topic filter.
#[component]
pub fn ListView() -> impl IntoView {
    let Catalog(index) = expect_context();
    let Selection(selection) = expect_context();
    let nav = use_context::<Nav>();

    let chosen = Memo::new(move |_| selection.with(|s| s.topics.clone()));
    let positions = Memo::new(move |_| chosen.with(|c| index.with_value(|ix| catalog::filter(ix, c))));
    let total = index.with_value(|ix| ix.articles.len());

    // "Show more" counts for the choice it was pressed under; a new choice starts again.
    let more = RwSignal::new(None::<(Vec<TopicId>, usize)>);
    let shown = Memo::new(move |_| {
        more.with(|m| match m {
            Some((topics, n)) if chosen.with(|c| c == topics) => *n,
            _ => PAGE_SIZE,
        })
    });
    let hidden = move || positions.with(Vec::len).saturating_sub(shown.get());
    let show_all = move |_| {
        if let Some(nav) = nav {
            nav.go(ViewState::list(Vec::new()));
        }
    };

    view! {
        <h1 class="page-title" tabindex="-1">{text::LIST_HEADING}</h1>
        <TopicFilter />
        <p class="result-count" role="status" data-testid="result-count">
            {move || text::shown(positions.with(Vec::len), total)}
        </p>
        <Show
            when=move || positions.with(|p| !p.is_empty())
            fallback=move || view! {
                <div class="empty-state" data-testid="empty-state">
                    <p class="empty-state__title">{text::EMPTY}</p>
                    <p>{text::EMPTY_HINT}</p>
                    <button type="button" class="button" on:click=show_all>{text::SHOW_ALL}</button>
                </div>
            }
        >
            <ArticleList positions shown />
        </Show>
        <Show when=move || { hidden() > 0 }>
            <button
                type="button"
                class="button show-more"
                on:click=move |_| more.set(Some((chosen.get_untracked(), shown.get_untracked() + PAGE_SIZE)))
            >
                {text::SHOW_MORE}" ("{hidden}")"
            </button>
        </Show>
    }
}
