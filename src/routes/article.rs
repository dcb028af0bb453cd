use crate::data::{self, DataUrl, FetchError};
use super::PageSettled;
use crate::hooks::use_load;
use catalog::Slug;
use leptos::prelude::*;
use std::sync::Arc;
use views::{use_words, ArticleView, BodyState, NotFound, SiteIndex};

/// An article: its metadata from the index at once, its text fetched.
#[component]
pub fn ArticleRoute(slug: Slug) -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let data: DataUrl = expect_context();
    let words = use_words();
    let settled = use_context::<PageSettled>();
    let Some(meta) = index.with_value(|ix| ix.article(&slug).cloned()) else {
        if let Some(PageSettled(settled)) = settled {
            settled.set(true);
        }
        return view! { <NotFound /> }.into_any();
    };
    let (body, reload) = use_load({
        let meta = meta.clone();
        move || data::load_body(data.clone(), meta.clone(), words)
    });
    let state = Signal::derive(move || match body.get() {
        None => BodyState::Loading,
        Some(Ok(b)) => BodyState::Ready(Arc::new(b.body)),
        Some(Err(FetchError::Status(404))) => BodyState::Failed(words.body_missing.into()),
        Some(Err(FetchError::Network)) if !window().navigator().on_line() => {
            BodyState::Failed(words.offline_not_saved.into())
        }
        Some(Err(err)) => BodyState::Failed(err.describe(words)),
    });
    Effect::new(move |_| {
        if let (Some(PageSettled(settled)), true) = (settled, body.with(Option::is_some)) {
            settled.set(true);
        }
    });
    let unreadable = Signal::derive(move || {
        body.with(|b| b.as_ref().and_then(|b| b.as_ref().ok()).map(|b| b.unreadable.clone()).unwrap_or_default())
    });
    view! { <ArticleView meta body=state unreadable on_retry=Callback::new(move |_| reload()) /> }.into_any()
}
