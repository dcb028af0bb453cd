use crate::{use_words, SiteIndex};
use catalog::TopicId;
use leptos::prelude::*;

/// An article's topics as labels.
#[component]
pub fn TopicLabels(topics: Vec<TopicId>) -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let words = use_words();
    let labels: Vec<String> = index.with_value(|ix| {
        topics
            .iter()
            .filter_map(|id| ix.topic(id).map(|t| words.topic(t).to_owned()))
            .collect()
    });
    (!labels.is_empty()).then(|| {
        view! {
            <ul class="topic-labels" aria-label=words.article_topics>
                {labels.into_iter().map(|l| view! { <li class="topic-labels__item">{l}</li> }).collect_view()}
            </ul>
        }
    })
}
