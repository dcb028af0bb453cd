use crate::data::{self, DataUrl, FetchError};
use super::PageSettled;
use crate::components::{ReadAloud, ShareArticle};
use crate::hooks::{use_load, use_online, Searcher};
use super::moment;
use catalog::{ArticleMeta, Slug};
use leptos::{prelude::*, task::spawn_local};
use std::sync::Arc;
use views::{use_words, Archive, ArticleView, BodyState, CurrentView, FoundInText, LoadError, NotFound};

/// An article: its metadata from the list (an older one's from its slug
/// file, fetched first), its text fetched.
#[component]
pub fn ArticleRoute(slug: Slug) -> impl IntoView {
    let Archive { shelf, fetch, failure, .. } = expect_context();
    let words = use_words();
    let settled = use_context::<PageSettled>();
    let found = Memo::new({
        let slug = slug.clone();
        move |_| shelf.with(|s| s.find(&slug).map(|a| a.cloned()))
    });
    Effect::new(move |_| match found.get() {
        Err(need) => fetch.run(vec![need]),
        Ok(Some(_)) => {
            if let Some(need) = shelf.with_untracked(|s| s.unread_slug_file(&slug)) {
                fetch.run(vec![need]);
            }
        }
        Ok(None) => {}
    });
    let settle = move || {
        if let Some(PageSettled(settled)) = settled {
            settled.set(true);
        }
    };
    let retry = Callback::new(move |_| {
        failure.set(None);
        if let Err(need) = found.get_untracked() {
            fetch.run(vec![need]);
        }
    });
    move || match found.get() {
        Ok(Some(meta)) => view! { <ArticleText meta /> }.into_any(),
        Ok(None) => {
            settle();
            view! { <NotFound /> }.into_any()
        }
        Err(_) => (move || {
            failure.get().map(|why| {
                settle();
                view! { <LoadError message=words.list_failure(&why) on_retry=Some(retry) /> }
            })
        })
        .into_any(),
    }
}

/// An article whose metadata is here: shown at once, its text fetched.
#[component]
fn ArticleText(meta: ArticleMeta) -> impl IntoView {
    let data: DataUrl = expect_context();
    let words = use_words();
    let settled = use_context::<PageSettled>();
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

    // Opened from a search (`?q=`): the worker finds its words in the title
    // and each passage. Without a search index, or if it fails, the text
    // shows unmarked.
    let CurrentView(view) = expect_context();
    let query = Memo::new(move |_| view.with(|v| v.query.trim().to_owned()));
    let found = RwSignal::new(None::<FoundInText>);
    // The headline, then the text passage by passage: where a search's words
    // are looked for, and what reading aloud says.
    let texts = {
        let title = meta.title.clone();
        Memo::new(move |_| {
            body.with(|b| match b {
                Some(Ok(b)) => Some(std::iter::once(title.clone()).chain(b.body.passages().map(catalog::Passage::plain_text)).collect::<Vec<_>>()),
                _ => None,
            })
        })
    };
    let searcher = use_context::<Searcher>();
    Effect::new(move |_| {
        let q = query.get();
        found.set(None);
        let texts = texts.get();
        let (Some(searcher), Some(texts), false) = (searcher, texts, q.is_empty()) else { return };
        spawn_local(async move {
            let Ok(mut lists) = searcher.find_in(&q, &texts).await else { return };
            if query.get_untracked() == q && !lists.is_empty() {
                let title = lists.remove(0);
                found.set(Some(FoundInText { title, passages: lists }));
            }
        });
    });
    // Offline, a text from what the reader saved says when they saved it.
    let online = use_online();
    let saved_on = move || {
        let at = body.with(|b| b.as_ref().and_then(|b| b.as_ref().ok()).and_then(|b| b.saved_at))?;
        (!online.get()).then(|| view! { <p class="saved-on" data-testid="saved-on">{words.saved_on(&moment(words, at))}</p> })
    };
    let share = (meta.slug.clone(), meta.title.clone());
    let lang = meta.lang.clone();
    view! {
        {saved_on}
        <ArticleView
            meta
            body=state
            unreadable
            found
            on_retry=Callback::new(move |_| reload())
            tools=Box::new(move || view! { <ReadAloud lang texts /> }.into_any())
        />
        <ShareArticle slug=share.0 title=share.1 />
    }
}
