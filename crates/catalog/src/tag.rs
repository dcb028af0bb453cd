//! Paragraph tagging: a passage carries a topic when one of its words, once
//! stemmed, begins with the stem of one of the topic's keywords.

use crate::{Passage, TopicId};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;

thread_local! {
    /// Each word's Russian stem, on each thread that tags: an archive
    /// repeats the same few thousand words in every article.
    static STEMS: std::cell::RefCell<HashMap<String, String>> = std::cell::RefCell::default();
}

pub struct Tagger {
    stemmer: Stemmer,
    /// In topic order.
    topics: Vec<TopicId>,
    /// Each keyword's stem, with the topics (indices into `topics`) it is a keyword of.
    keys: HashMap<String, Vec<usize>>,
    /// The shortest and longest stem in `keys`, in bytes.
    key_lengths: std::ops::RangeInclusive<usize>,
}

impl Tagger {
    /// `topics`: each topic with its keywords as written in `topics.toml`.
    pub fn new<'a>(topics: impl IntoIterator<Item = (TopicId, &'a [String])>) -> Self {
        let stemmer = Stemmer::create(Algorithm::Russian);
        let mut keys: HashMap<String, Vec<usize>> = HashMap::default();
        let mut ids = Vec::new();
        for (t, (id, words)) in topics.into_iter().enumerate() {
            for word in words.iter().flat_map(|w| words_of(w)) {
                let of = keys.entry(stemmer.stem(&word).into_owned()).or_default();
                if !of.contains(&t) {
                    of.push(t);
                }
            }
            ids.push(id);
        }
        let lengths = keys.keys().map(String::len);
        let key_lengths = lengths.clone().min().unwrap_or(1)..=lengths.max().unwrap_or(0);
        Self { stemmer, topics: ids, keys, key_lengths }
    }

    /// The topics whose keywords occur in `text`, in topic order.
    pub fn topics_of(&self, text: &str) -> Vec<TopicId> {
        // A Russian stem is its word with an ending cut off, so a stem can
        // begin with a keyword's stem only if the word does: only such words
        // are stemmed, each once.
        let mut word = String::new();
        let mut candidates: Vec<String> = Vec::new();
        for piece in text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
            fold_into(piece, &mut word);
            if self.keys_beginning(&word).next().is_some() {
                candidates.push(word.clone());
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut found = vec![false; self.topics.len()];
        STEMS.with_borrow_mut(|stems| {
            for w in candidates {
                let stem = stems.entry(w).or_insert_with_key(|w| self.stemmer.stem(w).into_owned());
                for &t in self.keys_beginning(stem).flatten() {
                    found[t] = true;
                }
            }
        });
        self.topics.iter().zip(found).filter(|&(_, f)| f).map(|(id, _)| id.clone()).collect()
    }

    /// The topics of each keyword stem that `word` begins with.
    fn keys_beginning<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a Vec<usize>> + 'a {
        let ends = word.char_indices().skip(1).map(|(i, _)| i).chain((!word.is_empty()).then_some(word.len()));
        ends.filter(|end| self.key_lengths.contains(end)).filter_map(|end| self.keys.get(&word[..end]))
    }

    pub fn tag(&self, passage: &mut Passage) {
        passage.topics = self.topics_of(&passage.plain_text());
    }
}

/// Lower-cased words, `ё` read as `е` (Russian text uses both), hyphenated
/// words split ("бизнес-миссия" is about "бизнес").
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).map(|w| {
        let mut folded = String::new();
        fold_into(w, &mut folded);
        folded
    })
}

/// `word` lower-cased with `ё` as `е`, into `out` (emptied first).
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            'a'..='z' | '0'..='9' | 'а'..='я' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            // Cyrillic А–Я lie 32 below а–я.
            'А'..='Я' => out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
            'Ё' | 'ё' => out.push('е'),
            _ => out.extend(c.to_lowercase().map(|c| if c == 'ё' { 'е' } else { c })),
        }
    }
}

/// A letter or digit; Russian letters and ASCII answered without Unicode's tables.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'А'..='я' | 'Ё' | 'ё') || (!c.is_ascii() && c.is_alphanumeric())
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
    fn topics_come_in_their_order_and_share_keywords() {
        let trade = vec!["экспорт".to_string(), "древесина".into()];
        let t = Tagger::new([
            (TopicId::new("trade"), trade.as_slice()),
            (TopicId::new("agriculture"), ["древесина".to_string()].as_slice()),
        ]);
        assert_eq!(t.topics_of("Древесину везут на экспорт"), [TopicId::new("trade"), TopicId::new("agriculture")]);
        assert_eq!(t.topics_of("ЭКСПОРТНЫЕ поставки"), [TopicId::new("trade")]);
    }

    #[test]
    fn untouched_text_has_no_topic() {
        assert!(tagger().topics_of("Завершая рабочий диалог, он поблагодарил").is_empty());
    }

    #[test]
    fn a_russian_stem_begins_every_word_it_is_cut_from() {
        // `topics_of` stems only words that begin with a keyword's stem.
        let stemmer = Stemmer::create(Algorithm::Russian);
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/articles/2026-01-19-kirov-delegation-belarus.md")).unwrap();
        let words: Vec<String> = words_of(&text).collect();
        assert!(words.len() > 300);
        for w in words.iter().chain(["длиннейшая", "стенной", "каменные", "пятьсот"].map(String::from).iter()) {
            let stem = stemmer.stem(w);
            assert!(w.starts_with(stem.as_ref()), "{w} → {stem}");
        }
    }

    #[test]
    fn the_short_ways_for_russian_and_ascii_agree_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            let mut fast = String::new();
            fold_into(&c.to_string(), &mut fast);
            let general: String = c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l }).collect();
            assert_eq!(fast, general, "{c:?}");
        }
    }

    #[test]
    fn words_are_folded_and_split_at_hyphens() {
        let words: Vec<String> = words_of("Бизнес-миссия ЁЛКИ, 2026 год; Minsk").collect();
        assert_eq!(words, ["бизнес", "миссия", "елки", "2026", "год", "minsk"]);
    }
}
