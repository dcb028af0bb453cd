use super::ViewLink;
use crate::{use_words, SiteIndex};
use catalog::{TopicId, ViewState};
use leptos::prelude::*;

/// An article's topics as labels; `linked`, each a link to the list of its
/// topic (an article's own page: a card is one link already).
#[component]
pub fn TopicLabels(topics: Vec<TopicId>, #[prop(optional)] linked: bool) -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let words = use_words();
    let labels: Vec<(TopicId, String)> = index.with_value(|ix| {
        topics
            .iter()
            .filter_map(|id| ix.topic(id).map(|t| (id.clone(), words.topic(t).to_owned())))
            .collect()
    });
    (!labels.is_empty()).then(|| {
        view! {
            <ul class="topic-labels" aria-label=words.article_topics>
                {labels
                    .into_iter()
                    .map(|(id, label)| {
                        let label = if linked {
                            view! { <ViewLink to=ViewState::list(vec![id]) class="topic-labels__link">{label}</ViewLink> }.into_any()
                        } else {
                            label.into_any()
                        };
                        view! { <li class="topic-labels__item">{label}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
