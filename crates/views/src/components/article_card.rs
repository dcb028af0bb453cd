use super::{TopicLabels, ViewLink};
use crate::{text, Catalog};
use catalog::ViewState;
use leptos::prelude::*;

/// One article in the list: date, headline, summary, topics.
#[component]
pub fn ArticleCard(position: usize) -> impl IntoView {
    let Catalog(index) = expect_context();
    let a = index.with_value(|ix| ix.articles[position].clone());
    view! {
        <article class="card" lang=a.lang data-testid="article-card">
            <p class="card__meta">
                <time datetime=a.date.to_string()>{a.date.format_ru()}</time>
                {a.sample.then(|| view! {
                    <span class="badge" data-testid="sample-badge" title=text::SAMPLE_HINT>
                        {text::SAMPLE}
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
