use super::{TopicLabels, ViewLink};
use crate::use_words;
use catalog::{ArticleMeta, ViewState};
use leptos::prelude::*;

/// One article in the list: date, headline, summary, topics.
#[component]
pub fn ArticleCard(#[prop(name = "article")] a: ArticleMeta) -> impl IntoView {
    let words = use_words();
    view! {
        <article class="card" lang=a.lang data-testid="article-card">
            <p class="card__meta">
                <time datetime=a.date.to_string()>{words.date(a.date)}</time>
                {a.sample.then(|| view! {
                    <span class="badge" data-testid="sample-badge" title=words.sample_hint>
                        {words.sample}
                    </span>
                })}
            </p>
            <h2 class="card__title">
                <ViewLink to=ViewState::article(a.slug, None)>{a.title}</ViewLink>
            </h2>
            <p class="card__summary">{a.summary}</p>
            <TopicLabels topics=a.topics />
        </article>
    }
}
