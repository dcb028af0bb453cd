use crate::{ArticleBody, TopicId};

/// Reading-order numbers of the passages tagged with `topic`.
pub fn passages_with_topic(body: &ArticleBody, topic: &TopicId) -> Vec<usize> {
    body.passages()
        .enumerate()
        .filter(|(_, p)| p.topics.contains(topic))
        .map(|(i, _)| i)
        .collect()
}
