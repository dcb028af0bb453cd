use catalog::Page;
use leptos::prelude::*;
use views::{use_words, Archive, CurrentView, SiteIndex};

/// Keeps the document's title on the open view, as the prerendered pages have it.
pub fn use_page_title() {
    let SiteIndex(index) = expect_context();
    let Archive { shelf, .. } = expect_context();
    let CurrentView(state) = expect_context();
    let words = use_words();
    Effect::new(move |_| {
        let title = state.with(|s| {
            index.with_value(|ix| match &s.page {
                Page::Article(slug) => match shelf.with(|s| s.find(slug).ok().flatten().map(|a| a.title.clone())) {
                    Some(title) => format!("{title} — {}", ix.site.title),
                    None => ix.site.title.clone(),
                },
                Page::List { number: number @ 2.. } => words.list_page_title(&ix.site.title, *number),
                Page::List { .. } => ix.site.title.clone(),
                Page::Saved => format!("{} — {}", words.saved_heading, ix.site.title),
            })
        });
        document().set_title(&title);
    });
}
