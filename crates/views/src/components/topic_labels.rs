use crate::Catalog;
use catalog::TopicId;
use leptos::prelude::*;

/// An article's topics as labels.
#[component]
pub fn TopicLabels(topics: Vec<TopicId>) -> impl IntoView {
    let Catalog(index) = expect_context();
    let labels: Vec<String> = index.with_value(|ix| {
        topics
            .iter()
            .filter_map(|id| ix.topic(id).map(|t| t.ru.clone()))
            .collect()
    });
    (!labels.is_empty()).then(|| {
        view! {
            <ul class="topic-labels" aria-label="Темы статьи">
                {labels.into_iter().map(|l| view! { <li class="topic-labels__item">{l}</li> }).collect_view()}
            </ul>
        }
    })
}
