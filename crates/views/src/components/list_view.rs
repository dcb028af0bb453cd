use super::article_list::Entries;
use super::{ArticleList, LoadError, MonthFilter, NameFilter, SearchBox, TopicFilter, ViewLink};
use crate::{use_words, Archive, CurrentView, Finder, Found, LowVisionSettings, Marks, Nav};
use catalog::{ListPage, Need, Page, Setting, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// Articles on one page of the list. Later pages are real files
/// (`page-2.html`, …), so older articles are reachable without JavaScript
/// and by crawlers, and the page never holds thousands of cards.
pub const PAGE_SIZE: usize = 20;

/// The page shown: of the list, or of what a search found.
#[derive(Clone, PartialEq, Default)]
struct Listing {
    page: Option<ListPage>,
    /// For a search: the query, whether every word matched, the marks,
    /// and every result's position.
    found: Option<(String, bool, Vec<Marks>, Arc<[u32]>)>,
    /// What the shelf lacks for the page asked for.
    missing: Vec<Need>,
    /// The page asked for is on its way; the one before stays meanwhile.
    busy: bool,
    /// The results shown are the first of the page; the rest are coming.
    more: bool,
}

impl Listing {
    fn entries(&self) -> Entries {
        let Some(page) = &self.page else { return Vec::new() };
        let marks = self.found.as_ref().map(|f| &f.2);
        page.entries
            .iter()
            .enumerate()
            .map(|(i, (position, article))| (*position, article.clone(), marks.and_then(|m| m.get(i).cloned())))
            .collect()
    }
}

/// The list of articles, newest first, with the search box and the topic
/// filter; while the reader searches, what the search found, ranked.
#[component]
pub fn ListView(
    #[prop(default = PAGE_SIZE)] page_size: usize,
    /// The page's heading, where it is not the whole list's (a topic's page).
    #[prop(optional, into)]
    heading: Option<String>,
    /// Whether the topic chips are shown (an embedded list may hide them).
    #[prop(default = true)]
    filter: bool,
) -> impl IntoView {
    let Archive { shelf, fetch, failure, .. } = expect_context();
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();
    let finder = use_context::<Finder>();

    let choice = Memo::new(move |_| selection.with(ViewState::choice));
    let number = Memo::new(move |_| {
        selection.with(|s| match s.page {
            Page::List { number } => number,
            Page::Article(_) | Page::Saved => 1,
        })
    });
    let searching = Memo::new(move |_| finder.is_some() && selection.with(|s| !s.query.trim().is_empty()));
    // The page asked for once it is here; until then the page the reader
    // was on stays, and what the shelf lacks is fetched.
    let listing = Memo::new(move |before: Option<&Listing>| {
        let kept = || Listing { busy: true, ..before.cloned().unwrap_or_default() };
        match finder.filter(|_| searching.get()) {
            Some(Finder(found)) => match found.get() {
                Found::Ready(f) => Listing { page: Some(f.page), found: Some((f.query, f.every_word, f.marks, f.results)), more: !f.complete, ..Listing::default() },
                Found::Searching => kept(),
                Found::Failed(_) => Listing { busy: false, more: false, ..kept() },
            },
            None => match choice.with(|c| shelf.with(|s| s.page(c, number.get(), page_size))) {
                Ok(page) => Listing { page: Some(page), ..Listing::default() },
                Err(missing) => Listing { missing, ..kept() },
            },
        }
    });
    Effect::new(move |_| {
        let missing = listing.with(|l| l.missing.clone());
        if !missing.is_empty() {
            fetch.run(missing);
        }
    });
    let shown = move |f: &dyn Fn(&ListPage) -> usize| listing.with(|l| l.page.as_ref().map(f));
    let entries = Signal::derive(move || listing.with(Listing::entries));
    let query = Signal::derive(move || listing.with(|l| l.found.as_ref().map(|f| f.0.clone()).unwrap_or_default()));
    let by_month = Memo::new(move |_| listing.with(|l| l.page.as_ref().map(|p| p.by_month.clone()).unwrap_or_default()));
    let by_name = Memo::new(move |_| listing.with(|l| l.page.as_ref().and_then(|p| p.by_name.clone())));
    // Each topic's count under the search, month and names: apart from the
    // page, so that the list never waits for the topics' files.
    let by_topic = Memo::new(move |_| {
        let results = listing.with(|l| l.found.as_ref().map(|f| f.3.clone()));
        choice.with(|c| shelf.with(|s| s.topic_counts(results.as_deref(), c)))
    });
    let current = Signal::derive(move || shown(&|p| p.number as usize).unwrap_or(1) as u32);
    let page_count = Signal::derive(move || shown(&|p| p.pages as usize).unwrap_or(1) as u32);
    let filtered = move || choice.with(|c| *c != catalog::Choice::default());
    // A search that finds articles the choices leave out: it is they that
    // leave nothing, and dropping them helps.
    let filters_hide_results = move || filtered() && listing.with(|l| l.found.as_ref().is_some_and(|f| !f.3.is_empty()));
    let status = move || {
        let filters_hide_results = filters_hide_results();
        listing.with(|l| match (&l.page, &l.found) {
            (_, _) if l.busy && searching.get() => words.searching.to_owned(),
            (Some(p), Some((q, ..))) if p.matching > 0 => words.found(p.matching, q.trim()),
            (Some(_), Some((q, ..))) => words.nothing_found(q.trim(), filters_hide_results),
            (Some(p), None) if p.pages > 1 => {
                let first = (p.number as usize - 1) * page_size + 1;
                words.shown_part(first, (first + page_size - 1).min(p.matching), p.matching, p.total)
            }
            (Some(p), None) => words.shown(p.matching, p.total),
            (None, _) => String::new(),
        })
    };
    let any_word = move || listing.with(|l| matches!(&l.found, Some((_, false, ..))) && shown(&|p| p.matching).unwrap_or(0) > 0);
    let retry = Callback::new(move |_| {
        failure.set(None);
        fetch.run(listing.with_untracked(|l| l.missing.clone()));
    });
    // A failed search is tried again as the reader types on; a part of the list on "retry".
    let failed = move || {
        let (message, on_retry) = match finder.filter(|_| searching.get()).map(|Finder(f)| f.get()) {
            Some(Found::Failed(why)) => (words.search_failure(&why), None),
            Some(_) => return None,
            None => (words.list_failure(&failure.get()?), Some(retry)),
        };
        Some(view! { <LoadError message on_retry /> })
    };
    let only_topics = move || choice.with(|c| c.month.is_none() && c.names.is_empty());
    let low_vision = use_context::<LowVisionSettings>();
    let large_text = move || low_vision.is_some_and(|s| s.chosen.with(|c| c.get(Setting::Size) != "100"));
    // "Show all" and "search all" drop every choice; "clear the search"
    // keeps them.
    let show_all = move |_| nav.go(ViewState::list(Vec::new()).with_query(&selection.with_untracked(|s| s.query.clone())));
    let clear = move |_| nav.go(ViewState::chosen(choice.get_untracked()));

    view! {
        <h1 class="page-title" tabindex="-1">{heading.unwrap_or_else(|| words.list_heading.to_owned())}</h1>
        {finder.map(|_| view! { <SearchBox /> })}
        {filter.then(|| view! {
            // At large text the chips would push the news screens down:
            // there they fold behind one control (folded at first; the
            // reader opens it). Shown everywhere else, and on prerendered
            // pages, which have no control to open them.
            <details class="filters" open=move || !large_text()>
                <summary class="filters__summary" data-testid="filters-summary">{words.filters}</summary>
                <TopicFilter counts=by_topic />
                <MonthFilter counts=by_month />
                <NameFilter counts=by_name />
            </details>
        })}
        <p class="result-count" role="status" data-testid="result-count">{status}</p>
        {failed}
        {move || any_word().then(|| view! { <p class="search-note" data-testid="any-word">{words.any_word}</p> })}
        <Show
            when=move || shown(&|p| p.matching).is_none_or(|n| n > 0)
            fallback=move || {
                // Nothing on the list under these topics, or nothing found.
                let (title, hint, wider) = if searching.get() {
                    let wider = if only_topics() { words.search_all_topics } else { words.search_without_filters };
                    (None, None, filters_hide_results().then_some(wider))
                } else {
                    (Some(words.empty), Some(words.empty_hint), Some(words.show_all))
                };
                view! {
                    <div class="empty-state" data-testid="empty-state">
                        {title.map(|t| view! { <p class="empty-state__title">{t}</p> })}
                        {hint.map(|h| view! { <p>{h}</p> })}
                        {wider.map(|w| view! { <button type="button" class="button" on:click=show_all>{w}</button> })}
                        {searching.get().then(|| view! { <button type="button" class="button" on:click=clear>{words.clear_search}</button> })}
                    </div>
                }
            }
        >
            <ArticleList entries query busy=Signal::derive(move || listing.with(|l| l.busy || l.more) && failure.with(Option::is_none)) />
        </Show>
        <Show when=move || { page_count.get() > 1 }>
            <nav class="pager" aria-label=words.pages>
                {move || {
                    let n = current.get();
                    // Results are ranked: their pages are not newer and older.
                    let label = if searching.get() { words.previous } else { words.newer };
                    (n > 1).then(|| view! { <ViewLink to=page_link(selection, n - 1) class="pager__link">{label}</ViewLink> })
                }}
                <span class="pager__status">{move || words.page_of(current.get(), page_count.get())}</span>
                {move || {
                    let n = current.get();
                    let label = if searching.get() { words.next } else { words.older };
                    (n < page_count.get()).then(|| view! { <ViewLink to=page_link(selection, n + 1) class="pager__link">{label}</ViewLink> })
                }}
            </nav>
        </Show>
    }
}

/// Page `n` of the view as it is: its topics, its search.
fn page_link(selection: Signal<ViewState>, n: u32) -> ViewState {
    selection.with(|s| ViewState { page: Page::List { number: n }, ..ViewState::chosen(s.choice()) }.with_query(&s.query))
}
