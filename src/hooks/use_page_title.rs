use catalog::Page;
use leptos::prelude::*;
use views::{Catalog, Selection};

/// Keeps the document's title on the open article, as the prerendered pages have it.
pub fn use_page_title() {
    let Catalog(index) = expect_context();
    let Selection(state) = expect_context();
    Effect::new(move |_| {
        let title = state.with(|s| {
            index.with_value(|ix| match &s.page {
                Page::Article(slug) => match ix.article(slug) {
                    Some(a) => format!("{} — {}", a.title, ix.site.title),
                    None => ix.site.title.clone(),
                },
                Page::List { number: number @ 2.. } => views::list_page_title(&ix.site.title, *number),
                Page::List { .. } => ix.site.title.clone(),
            })
        });
        document().set_title(&title);
    });
}
