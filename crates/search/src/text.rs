//! Words as search sees them: split at anything that is not a letter or a
//! digit, folded (lower case, `ё` as `е`, stress marks dropped), and
//! stemmed with Snowball, Russian for Cyrillic words and English for the
//! rest. The index and the query go through the same functions.

use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;

/// A word of a text: where it is (bytes), and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub at: Range<usize>,
    pub folded: String,
}

/// The words of `text`, in order. A combining stress mark (U+0301, common
/// in Russian dictionaries and school texts) belongs to its word.
pub fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = loop {
            let &(i, c) = chars.peek()?;
            if is_word_char(c) {
                break (i, c);
            }
            chars.next();
        };
        let mut end = start;
        let mut folded = String::new();
        while let Some(&(i, c)) = chars.peek() {
            if !(is_word_char(c) || is_mark(c)) {
                break;
            }
            end = i + c.len_utf8();
            fold_into(c, &mut folded);
            chars.next();
        }
        Some(Word { at: start..end, folded })
    })
}

/// A letter or digit; Russian letters and ASCII answered without Unicode's tables.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'А'..='я' | 'Ё' | 'ё') || (!c.is_ascii() && c.is_alphanumeric())
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

fn fold_into(c: char, out: &mut String) {
    match c {
        'a'..='z' | '0'..='9' | 'а'..='я' => return out.push(c),
        'A'..='Z' => return out.push(c.to_ascii_lowercase()),
        // Cyrillic А–Я lie 32 below а–я.
        'А'..='Я' => return out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
        'Ё' | 'ё' => return out.push('е'),
        _ if is_mark(c) => return,
        _ => {}
    }
    for lower in c.to_lowercase() {
        out.push(if lower == 'ё' { 'е' } else { lower });
    }
}

/// `word` folded as `words` folds it.
pub fn fold(word: &str) -> String {
    let mut out = String::new();
    word.chars().for_each(|c| fold_into(c, &mut out));
    out
}

/// Snowball stemmers for the two languages the viewer speaks.
pub struct Stems {
    russian: Stemmer,
    english: Stemmer,
}

impl Default for Stems {
    fn default() -> Self {
        Self { russian: Stemmer::create(Algorithm::Russian), english: Stemmer::create(Algorithm::English) }
    }
}

impl Stems {
    /// The stem of a folded word: Russian when it has a Cyrillic letter,
    /// English otherwise. Numbers stay as they are.
    pub fn stem(&self, folded: &str) -> String {
        let cyrillic = folded.chars().any(|c| matches!(c, '\u{0400}'..='\u{04ff}'));
        let stemmer = if cyrillic { &self.russian } else { &self.english };
        stemmer.stem(folded).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).map(|w| w.folded).collect()
    }

    #[test]
    fn the_short_ways_for_russian_and_ascii_agree_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            let mut fast = String::new();
            fold_into(c, &mut fast);
            let general: String = if is_mark(c) { String::new() } else { c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l }).collect() };
            assert_eq!(fast, general, "{c:?}");
        }
    }

    #[test]
    fn words_are_split_at_punctuation_and_folded() {
        assert_eq!(folded("Ёлки, «МОЛОКО»—и 2026-й год!"), ["елки", "молоко", "и", "2026", "й", "год"]);
        assert_eq!(folded("бизнес-миссия"), ["бизнес", "миссия"]);
        assert_eq!(folded("  "), Vec::<String>::new());
    }

    #[test]
    fn a_word_keeps_its_place_in_the_text() {
        let text = "Про молоко́ и сыр";
        let found: Vec<(&str, String)> = words(text).map(|w| (&text[w.at.clone()], w.folded)).collect();
        assert_eq!(found[1], ("молоко́", "молоко".to_string()), "the stress mark is part of the word, not of its form");
        assert_eq!(found[3], ("сыр", "сыр".to_string()));
    }

    #[test]
    fn inflected_forms_share_a_stem_in_both_languages() {
        let stems = Stems::default();
        let ru: Vec<String> = ["молоко", "молока", "молоком", "молоку"].iter().map(|w| stems.stem(w)).collect();
        assert!(ru.iter().all(|s| s == &ru[0]), "{ru:?}");
        let en: Vec<String> = ["farming", "farms", "farm"].iter().map(|w| stems.stem(w)).collect();
        assert!(en.iter().all(|s| s == "farm"), "{en:?}");
        assert_eq!(stems.stem(&fold("Ёлки")), stems.stem("елки"));
        assert_eq!(stems.stem("2026"), "2026");
    }
}
