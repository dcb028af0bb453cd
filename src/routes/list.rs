use super::PageSettled;
use crate::data::UnreadableEntries;
use leptos::prelude::*;
use views::{ListView, UnreadableNotice, PAGE_SIZE};

/// How the list is shown: the site's pages, or an element's attributes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListOptions {
    /// Articles on one page of the list.
    pub page_size: usize,
    /// Whether the topic chips are shown.
    pub filter: bool,
}

impl Default for ListOptions {
    fn default() -> Self {
        Self { page_size: PAGE_SIZE, filter: true }
    }
}

/// The list, with what could not be read of the index said above it.
#[component]
pub fn ListRoute(
    /// Page size and whether the topic chips show.
    options: ListOptions,
) -> impl IntoView {
    let UnreadableEntries(unreadable) = expect_context();
    if let Some(PageSettled(settled)) = use_context::<PageSettled>() {
        settled.set(true);
    }
    let ListOptions { page_size, filter } = options;
    view! {
        <UnreadableNotice unreadable=unreadable.get_value() />
        <ListView page_size filter />
    }
}
