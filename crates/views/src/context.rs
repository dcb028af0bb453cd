use catalog::{Index, ViewState};
use leptos::prelude::*;

/// The loaded index. It does not change while a page is open.
#[derive(Clone, Copy)]
pub struct SiteIndex(pub StoredValue<Index>);

/// The view the reader is on: the page, the topics, the lens.
#[derive(Clone, Copy)]
pub struct CurrentView(pub Signal<ViewState>);

/// Where the viewer's own pages are, when the components are shown inside
/// another site's page (the embedded viewer); links are relative otherwise.
#[derive(Clone, Debug)]
pub struct LinkBase(pub String);

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
