use super::{ArticleList, TopicFilter, ViewLink};
use crate::{use_words, CurrentView, Nav, SiteIndex};
use catalog::{Page, ViewState};
use leptos::prelude::*;

/// Articles on one page of the list. Later pages are real files
/// (`page-2.html`, …), so older articles are reachable without JavaScript
/// and by crawlers, and the page never holds thousands of cards.
pub const PAGE_SIZE: usize = 20;

/// The list of articles, newest first, with the topic filter.
#[component]
pub fn ListView(
    #[prop(default = PAGE_SIZE)] page_size: usize,
    /// Whether the topic chips are shown (an embedded list may hide them).
    #[prop(default = true)]
    filter: bool,
) -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();

    let chosen = Memo::new(move |_| selection.with(|s| s.topics.clone()));
    let matching = Memo::new(move |_| chosen.with(|c| index.with_value(|ix| catalog::filter(ix, c))));
    let total = index.with_value(|ix| ix.articles.len());
    let page_count = Memo::new(move |_| matching.with(Vec::len).div_ceil(page_size).max(1) as u32);
    // A page past the end (the list got shorter) shows the last one.
    let current = Memo::new(move |_| {
        let asked = selection.with(|s| match s.page {
            Page::List { number } => number,
            Page::Article(_) => 1,
        });
        asked.clamp(1, page_count.get())
    });
    let on_page = Memo::new(move |_| {
        let start = (current.get() as usize - 1) * page_size;
        matching.with(|m| m.iter().copied().skip(start).take(page_size).collect::<Vec<_>>())
    });
    let show_all = move |_| nav.go(ViewState::list(Vec::new()));

    view! {
        <h1 class="page-title" tabindex="-1">{words.list_heading}</h1>
        {filter.then(|| view! { <TopicFilter /> })}
        <p class="result-count" role="status" data-testid="result-count">
            {move || words.shown(matching.with(Vec::len), total)}
        </p>
        <Show
            when=move || matching.with(|p| !p.is_empty())
            fallback=move || view! {
                <div class="empty-state" data-testid="empty-state">
                    <p class="empty-state__title">{words.empty}</p>
                    <p>{words.empty_hint}</p>
                    <button type="button" class="button" on:click=show_all>{words.show_all}</button>
                </div>
            }
        >
            <ArticleList positions=on_page />
        </Show>
        <Show when=move || { page_count.get() > 1 }>
            <nav class="pager" aria-label=words.pages>
                {move || {
                    let (n, topics) = (current.get(), chosen.get());
                    (n > 1).then(|| view! {
                        <ViewLink to=ViewState::list_page(topics, n - 1) class="pager__link">
                            {words.newer}
                        </ViewLink>
                    })
                }}
                <span class="pager__status">{move || words.page_of(current.get(), page_count.get())}</span>
                {move || {
                    let (n, topics) = (current.get(), chosen.get());
                    (n < page_count.get()).then(|| view! {
                        <ViewLink to=ViewState::list_page(topics, n + 1) class="pager__link">
                            {words.older}
                        </ViewLink>
                    })
                }}
            </nav>
        </Show>
    }
}
