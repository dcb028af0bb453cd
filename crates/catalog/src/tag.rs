//! Paragraph tagging: a passage carries a topic when one of its words, once
//! stemmed, begins with the stem of one of the topic's keywords.

use crate::{Passage, TopicId};
use rust_stemmers::{Algorithm, Stemmer};

pub struct Tagger {
    stemmer: Stemmer,
    /// (topic, stems of its keywords), in topic order.
    topics: Vec<(TopicId, Vec<String>)>,
}

impl Tagger {
    /// `topics`: each topic with its keywords as written in `topics.toml`.
    pub fn new<'a>(topics: impl IntoIterator<Item = (TopicId, &'a [String])>) -> Self {
        let stemmer = Stemmer::create(Algorithm::Russian);
        let topics = topics
            .into_iter()
            .map(|(id, words)| {
                let stems = words.iter().flat_map(|w| words_of(w)).map(|w| stemmer.stem(&w).into_owned());
                (id, stems.collect())
            })
            .collect();
        Self { stemmer, topics }
    }

    /// The topics whose keywords occur in `text`, in topic order.
    pub fn topics_of(&self, text: &str) -> Vec<TopicId> {
        // Each word stemmed once: long texts repeat most of their words.
        let words: std::collections::BTreeSet<String> = words_of(text).collect();
        let stems: Vec<String> = words.iter().map(|w| self.stemmer.stem(w).into_owned()).collect();
        self.topics
            .iter()
            .filter(|(_, keys)| {
                keys.iter().any(|k| stems.iter().any(|s| s.starts_with(k.as_str())))
            })
            .map(|(id, _)| id.clone())
            .collect()
    }

    pub fn tag(&self, passage: &mut Passage) {
        passage.topics = self.topics_of(&passage.plain_text());
    }
}

/// Lower-cased words, `ё` read as `е` (Russian text uses both), hyphenated
/// words split ("бизнес-миссия" is about "бизнес").
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('ё', "е"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagger() -> Tagger {
        let agri = vec!["молоко".to_string(), "торф".into(), "древесина".into()];
        let ind = vec!["промышленность".to_string(), "лифтовый".into()];
        Tagger::new([
            (TopicId::new("agriculture"), agri.as_slice()),
            (TopicId::new("industry"), ind.as_slice()),
        ])
    }

    #[test]
    fn matches_inflected_forms() {
        let t = tagger();
        assert_eq!(t.topics_of("по производству молока"), [TopicId::new("agriculture")]);
        assert_eq!(t.topics_of("производство торфа и использование древесины"), [TopicId::new("agriculture")]);
        assert_eq!(t.topics_of("Лифтовые направляющие"), [TopicId::new("industry")]);
        assert_eq!(t.topics_of("в промышленности и молочной отрасли").len(), 1);
    }

    #[test]
    fn untouched_text_has_no_topic() {
        assert!(tagger().topics_of("Завершая рабочий диалог, он поблагодарил").is_empty());
    }
}
