use super::{ArticleList, LoadError, TopicFilter, ViewLink};
use crate::{use_words, Archive, CurrentView, Nav};
use catalog::{ListPage, Need, Page, ViewState};
use leptos::prelude::*;

/// Articles on one page of the list. Later pages are real files
/// (`page-2.html`, …), so older articles are reachable without JavaScript
/// and by crawlers, and the page never holds thousands of cards.
pub const PAGE_SIZE: usize = 20;

/// The page of the list shown, and what the shelf lacks for the one asked.
#[derive(Clone, PartialEq)]
struct Listing {
    page: Option<ListPage>,
    missing: Vec<Need>,
}

/// The list of articles, newest first, with the topic filter.
#[component]
pub fn ListView(
    #[prop(default = PAGE_SIZE)] page_size: usize,
    /// Whether the topic chips are shown (an embedded list may hide them).
    #[prop(default = true)]
    filter: bool,
) -> impl IntoView {
    let Archive { shelf, fetch, failure } = expect_context();
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();

    let chosen = Memo::new(move |_| selection.with(|s| s.topics.clone()));
    let number = Memo::new(move |_| {
        selection.with(|s| match s.page {
            Page::List { number } => number,
            Page::Article(_) => 1,
        })
    });
    // The page asked for once the shelf has it; until then the page the
    // reader was on stays, and what is missing is fetched.
    let listing = Memo::new(move |before: Option<&Listing>| {
        match chosen.with(|c| shelf.with(|s| s.page(c, number.get(), page_size))) {
            Ok(page) => Listing { page: Some(page), missing: Vec::new() },
            Err(missing) => Listing { page: before.and_then(|b| b.page.clone()), missing },
        }
    });
    let missing = move || listing.with(|l| l.missing.clone());
    Effect::new(move |_| {
        let missing = missing();
        if !missing.is_empty() {
            fetch.run(missing);
        }
    });
    let shown = move |f: &dyn Fn(&ListPage) -> usize| listing.with(|l| l.page.as_ref().map(f));
    let entries = Signal::derive(move || listing.with(|l| l.page.as_ref().map(|p| p.entries.clone()).unwrap_or_default()));
    let current = Memo::new(move |_| shown(&|p| p.number as usize).unwrap_or(1) as u32);
    let page_count = Memo::new(move |_| shown(&|p| p.pages as usize).unwrap_or(1) as u32);
    let show_all = move |_| nav.go(ViewState::list(Vec::new()));
    let retry = Callback::new(move |_| {
        failure.set(None);
        fetch.run(listing.with_untracked(|l| l.missing.clone()));
    });

    view! {
        <h1 class="page-title" tabindex="-1">{words.list_heading}</h1>
        {filter.then(|| view! { <TopicFilter /> })}
        <p class="result-count" role="status" data-testid="result-count">
            {move || listing.with(|l| l.page.as_ref().map(|p| words.shown(p.matching, p.total)))}
        </p>
        {move || failure.get().map(|why| view! { <LoadError message=words.list_failure(&why) on_retry=retry /> })}
        <Show
            when=move || shown(&|p| p.matching).is_none_or(|n| n > 0)
            fallback=move || view! {
                <div class="empty-state" data-testid="empty-state">
                    <p class="empty-state__title">{words.empty}</p>
                    <p>{words.empty_hint}</p>
                    <button type="button" class="button" on:click=show_all>{words.show_all}</button>
                </div>
            }
        >
            <ArticleList entries busy=Signal::derive(move || listing.with(|l| !l.missing.is_empty())) />
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
