use super::{Marked, Picture, TopicLabels, ViewLink};
use crate::{use_words, Marks};
use catalog::{ArticleMeta, ViewState};
use leptos::prelude::*;

/// One article in the list: date, headline, summary, topics. As a search
/// result (`found`, for the search `query`), its matches are marked in the
/// headline and an excerpt of its text stands for the summary, and its link
/// opens the article with the matches marked.
#[component]
pub fn ArticleCard(
    #[prop(name = "article")] a: ArticleMeta,
    #[prop(default = None)] found: Option<Marks>,
    #[prop(default = String::new())] query: String,
) -> impl IntoView {
    let words = use_words();
    let to = ViewState::article(a.slug, None).with_query(&query);
    // One way to draw both: a list card is a result with nothing marked.
    let Marks { title, excerpt, in_excerpt } = found.unwrap_or_else(|| Marks { excerpt: a.summary, ..Marks::default() });
    let title = view! { <Marked text=a.title marks=title /> };
    let summary = view! { <Marked text=excerpt marks=in_excerpt /> };
    let class = if a.image.is_some() { "card card--pictured" } else { "card" };
    // A thumbnail: 6.5 of the page's rem wide, so the narrowest width on any screen.
    let picture = a.image.map(|image| view! { <Picture image sizes="8rem" class="card__picture" /> });
    view! {
        <article class=class lang=a.lang data-testid="article-card">
            {picture}
            <p class="card__meta">
                <time datetime=a.date.to_string()>{words.date(a.date)}</time>
                {(a.minutes > 0).then(|| view! { <span data-testid="reading-time">{words.reading_time(a.minutes)}</span> })}
                {a.sample.then(|| view! {
                    <span class="badge" data-testid="sample-badge" title=words.sample_hint>
                        {words.sample}
                    </span>
                })}
            </p>
            <h2 class="card__title">
                <ViewLink to>{title}</ViewLink>
            </h2>
            <p class="card__summary">{summary}</p>
            <TopicLabels topics=a.topics />
        </article>
    }
}
