use super::{ArticleBody, Figure, LoadError, Marked, TopicLabels, UnreadableNotice, ViewLink};
use crate::{use_words, FoundInText, ListReturn};
use catalog::{ArticleMeta, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// Where an article's text is: on its way, here, or failed to arrive.
#[derive(Clone, Debug, PartialEq)]
pub enum BodyState {
    Loading,
    Ready(Arc<catalog::ArticleBody>),
    /// Why, in words a reader understands.
    Failed(String),
}

/// An article's page: its heading and metadata come with the index and show
/// at once; the text follows, or says why it could not.
#[component]
pub fn ArticleView(
    meta: ArticleMeta,
    #[prop(into)] body: Signal<BodyState>,
    #[prop(optional)] on_retry: Option<Callback<()>>,
    /// Blocks of the text that could not be read (the rest is shown).
    #[prop(optional, into)]
    unreadable: Signal<Vec<String>>,
    /// Where the words of the search the reader came from are, once found.
    #[prop(optional, into)]
    found: Signal<Option<FoundInText>>,
    /// The live app's tools for the text (reading it aloud), under its header.
    #[prop(optional)]
    tools: Option<Children>,
) -> impl IntoView {
    let ArticleMeta { title, date, lang, topics, sample, source, minutes, image, .. } = meta;
    let words = use_words();
    let failed_title = title.clone();
    let back = use_context::<ListReturn>();
    let back_link = move || {
        let to = back.map_or_else(|| ViewState::list(Vec::new()), |ListReturn(list)| list.get());
        view! {
            <ViewLink to class="crumbs__back">
                <span aria-hidden="true">"← "</span>
                {words.back_to_list}
            </ViewLink>
        }
    };
    view! {
        <nav class="crumbs" aria-label=words.crumbs>{back_link}</nav>
        <article class="article" lang=lang>
            <header class="article__header">
                <p class="article__meta">
                    <time datetime=date.to_string()>{words.date(date)}</time>
                    {(minutes > 0).then(|| view! { <span data-testid="reading-time">{words.reading_time(minutes)}</span> })}
                    {sample.then(|| view! {
                        <span class="badge" data-testid="sample-badge" title=words.sample_hint>
                            {words.sample}
                        </span>
                    })}
                </p>
                <h1 class="article__title" tabindex="-1">
                    {move || {
                        let marks = found.with(|f| f.as_ref().map(|f| f.title.clone()).unwrap_or_default());
                        view! { <Marked text=title.clone() marks /> }
                    }}
                </h1>
                {source.map(|s| view! {
                    <p class="article__source">
                        {words.source}": "
                        {match s.url.filter(|u| catalog::is_safe_href(u)) {
                            Some(url) => view! { <a href=url rel="noopener">{s.name}</a> }.into_any(),
                            None => s.name.into_any(),
                        }}
                    </p>
                })}
                <TopicLabels topics linked=true />
                // The place of the app's tools, kept in the prerendered page too
                // (where the browser can use them: style/low-vision.js), so
                // that nothing moves when the app takes over.
                <div class="article__tools" data-app-only="">{tools.map(|tools| tools())}</div>
            </header>
            {image.map(|image| view! { <Figure image eager=true class="article__picture" /> })}
            {move || match body.get() {
                BodyState::Loading => view! {
                    <p class="article__loading" aria-busy="true">{words.loading_body}</p>
                }
                .into_any(),
                BodyState::Failed(why) => view! {
                    <LoadError
                        message=words.body_failure(&failed_title, &why)
                        on_retry=Some(on_retry.unwrap_or_else(|| Callback::new(|_| {})))
                    />
                }
                .into_any(),
                BodyState::Ready(body) => view! {
                    <UnreadableNotice unreadable=unreadable.get() in_text=true />
                    <ArticleBody body found />
                }
                .into_any(),
            }}
        </article>
    }
}
