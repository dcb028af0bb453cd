use catalog::{Index, ListPage, LowVision, Need, Shelf, ViewState};
use leptos::{html, prelude::*};
use std::ops::Range;
use std::sync::Arc;

/// The loaded index: the site, its topics and the list's first articles. It
/// does not change while a page is open.
#[derive(Clone, Copy)]
pub struct SiteIndex(pub StoredValue<Index>);

/// The list's articles as far as they are here. A view that lacks some asks
/// `fetch` for the files; the shelf grows when they come, and the view with it.
#[derive(Clone, Copy)]
pub struct Archive {
    pub shelf: RwSignal<Shelf>,
    /// Brings the files a view needs. Pages rendered ahead of time have the
    /// whole list and never ask.
    pub fetch: Callback<Vec<Need>>,
    /// Brings files ahead of a view that will want them (the topics'
    /// positions for the chips' counts); their failure goes unsaid.
    pub prefetch: Callback<Vec<Need>>,
    /// Why the last files asked for could not be had; asking again clears it.
    pub failure: RwSignal<Option<String>>,
}

impl Archive {
    /// An archive with every article on its shelf, for pages rendered ahead of time.
    pub fn whole(index: &Index) -> Self {
        let none = Callback::new(|_| {});
        Self { shelf: RwSignal::new(Shelf::new(index)), fetch: none, prefetch: none, failure: RwSignal::new(None) }
    }
}

/// The reader's low-vision settings, and whether their bar is open. Only
/// the live viewer has them: pages rendered ahead of time show no control
/// (with no script to answer it), but the page's script applies the kept
/// settings to them before they are drawn.
#[derive(Clone, Copy)]
pub struct LowVisionSettings {
    pub chosen: RwSignal<LowVision>,
    pub open: RwSignal<bool>,
    /// The button that opens the bar, which closing it focuses again.
    pub toggle: NodeRef<html::Button>,
}

impl LowVisionSettings {
    /// The settings as kept, the bar closed.
    pub fn new(chosen: LowVision) -> Self {
        Self { chosen: RwSignal::new(chosen), open: RwSignal::new(false), toggle: NodeRef::new() }
    }
}

/// The view the reader is on: the page, the topics, the lens.
#[derive(Clone, Copy)]
pub struct CurrentView(pub Signal<ViewState>);

/// Where the viewer's own pages are, when the components are shown inside
/// another site's page (the embedded viewer); links are relative otherwise.
#[derive(Clone, Debug)]
pub struct LinkBase(pub String);

/// On a topic's own pages (`topic/<id>.html`, prerendered): a link to the
/// list of one topic alone opens that topic's page, beside this one.
#[derive(Clone, Copy, Debug)]
pub struct TopicPages;

/// The list an article's "back" link returns to: the one the reader came
/// from, topics and page included. Without it, the whole list.
#[derive(Clone, Copy)]
pub struct ListReturn(pub Signal<ViewState>);

/// Moves to another view in place (the app pushes it to the history). It is
/// always there: while prerendering it moves nothing, and links stay plain
/// links.
#[derive(Clone, Copy)]
pub struct Nav(pub Callback<ViewState>);

impl Nav {
    /// A navigator that stays where it is, for pages rendered ahead of time.
    pub fn none() -> Self {
        Nav(Callback::new(|_| {}))
    }

    pub fn go(self, to: ViewState) {
        self.0.run(to);
    }
}

/// Where a search result's words matched: byte ranges in its title, and
/// an excerpt of its text (standing for the summary) with its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Marks {
    pub title: Vec<Range<usize>>,
    pub excerpt: String,
    pub in_excerpt: Vec<Range<usize>>,
}

/// A page of search results: a page of the list, ranked, with marks.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundPage {
    /// The search as typed.
    pub query: String,
    /// Whether the results have every word; else any of them.
    pub every_word: bool,
    pub page: ListPage,
    /// One per entry of `page`.
    pub marks: Vec<Marks>,
    /// Whether `page` has all of its entries: the first screen's come
    /// first, and the rest are added under them when they are here.
    pub complete: bool,
    /// Every result's list position, best first, whatever the choices:
    /// what the topics' chips count.
    pub results: Arc<[u32]>,
}

/// Where a search's words are in the open article: byte ranges in its
/// title and in each passage's text, the passages in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoundInText {
    pub title: Vec<Range<usize>>,
    pub passages: Vec<Vec<Range<usize>>>,
}

impl FoundInText {
    /// The passages with a match, by number.
    pub fn passages_marked(&self) -> Vec<usize> {
        self.passages.iter().enumerate().filter(|(_, m)| !m.is_empty()).map(|(n, _)| n).collect()
    }
}

/// Where the reader's search is.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// Under way: the page found before, if any, stays.
    Searching,
    Ready(FoundPage),
    Failed(String),
}

/// The reader's search, run by the app for the view's query; pages
/// rendered ahead of time have none.
#[derive(Clone, Copy)]
pub struct Finder(pub Signal<Found>);
