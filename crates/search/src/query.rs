//! A reader's query over the index: each word stemmed as the index was; the
//! word being typed also matches the terms it begins; a long word with no
//! match matches terms one letter off. Articles with every word come
//! first; when none has them all, articles with any are shown, and the
//! result says so.

use crate::index::{SearchParts, Shard};
use crate::text::{words, Stems};
use std::collections::BTreeMap;

/// A word of the query.
#[derive(Clone, Debug, PartialEq)]
pub struct QueryWord {
    pub folded: String,
    pub stem: String,
    /// The word the reader is still typing: it also matches longer terms.
    pub prefix: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Query {
    pub words: Vec<QueryWord>,
}

/// Words shorter than this are not taken as the start of longer ones: a
/// letter or two would match half the index.
const PREFIX_MIN: usize = 3;
/// Words of this many letters or more tolerate one typo.
const TYPO_MIN: usize = 5;
/// How much a match counts beside an exact one.
const PREFIX_FACTOR: f32 = 0.8;
const TYPO_FACTOR: f32 = 0.6;
/// At most this many words of a query are looked up.
const MAX_WORDS: usize = 8;

impl Query {
    pub fn parse(text: &str, stems: &Stems) -> Self {
        let still_typing = text.chars().last().is_some_and(char::is_alphanumeric);
        let mut found: Vec<QueryWord> = Vec::new();
        for w in words(text) {
            if found.iter().any(|q| q.folded == w.folded) {
                continue;
            }
            let stem = stems.stem(&w.folded);
            found.push(QueryWord { folded: w.folded, stem, prefix: false });
        }
        found.truncate(MAX_WORDS);
        if let Some(last) = found.last_mut() {
            last.prefix = still_typing && last.folded.chars().count() >= PREFIX_MIN;
        }
        Self { words: found }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The shards the query needs, each once.
    pub fn shards(&self, parts: &SearchParts) -> Vec<usize> {
        let mut all = Vec::new();
        for w in &self.words {
            all.push(parts.shard_of(&w.stem));
            if w.prefix {
                all.extend(parts.shards_with_prefix(&w.folded));
            }
        }
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// What a query found.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Hits {
    /// (list position, score), best first; equal scores newest first.
    pub ranked: Vec<(u32, f32)>,
    /// Whether the articles have every word (else: any of them).
    pub every_word: bool,
    /// The index's terms that matched, for marking them in text.
    pub terms: Vec<String>,
}

/// Runs `query` over the shards it needs (`shard(n)`; a shard not given
/// counts as empty), for an index of `docs` articles.
pub fn run<'a>(query: &Query, parts: &SearchParts, shard: impl Fn(usize) -> Option<&'a Shard>) -> Hits {
    let docs = parts.docs.max(1) as f32;
    let mut per_word: Vec<BTreeMap<u32, f32>> = Vec::new();
    let mut terms = Vec::new();
    for word in &query.words {
        let mut scores: BTreeMap<u32, f32> = BTreeMap::new();
        // A word's score in an article is its best-matching term's.
        let mut add = |scores: &mut BTreeMap<u32, f32>, postings: &crate::index::Postings, factor: f32| {
            let df = postings.1.len() as f32;
            let idf = (1.0 + (docs - df + 0.5) / (df + 0.5)).ln();
            for (position, w) in postings.iter() {
                let s = factor * idf * f32::from(w);
                let best = scores.entry(position).or_insert(0.0);
                *best = best.max(s);
            }
            terms.push(postings.0.clone());
        };
        let home = shard(parts.shard_of(&word.stem));
        let exact = home.and_then(|s| s.get(&word.stem));
        if let Some(p) = exact {
            add(&mut scores, p, 1.0);
        }
        if word.prefix {
            for n in parts.shards_with_prefix(&word.folded) {
                for p in shard(n).into_iter().flat_map(|s| &s.terms) {
                    if p.0.starts_with(&word.folded) && p.0 != word.stem {
                        add(&mut scores, p, PREFIX_FACTOR);
                    }
                }
            }
        }
        if exact.is_none() && scores.is_empty() && word.folded.chars().count() >= TYPO_MIN {
            for p in home.into_iter().flat_map(|s| &s.terms) {
                if one_edit_apart(&p.0, &word.stem) {
                    add(&mut scores, p, TYPO_FACTOR);
                }
            }
        }
        per_word.push(scores);
    }
    terms.sort_unstable();
    terms.dedup();
    let Some((first, rest)) = per_word.split_first() else { return Hits::default() };
    // Every word first.
    let mut every: Vec<(u32, f32)> = first
        .iter()
        .filter_map(|(&p, &s)| rest.iter().try_fold(s, |sum, w| w.get(&p).map(|x| sum + x)).map(|s| (p, s)))
        .collect();
    let every_word = !every.is_empty() || per_word.len() == 1;
    if !every_word {
        let mut any: BTreeMap<u32, f32> = BTreeMap::new();
        for w in &per_word {
            for (&p, &s) in w {
                *any.entry(p).or_insert(0.0) += s;
            }
        }
        every = any.into_iter().collect();
    }
    every.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Hits { ranked: every, every_word, terms }
}

/// Whether `a` becomes `b` by one letter changed, added, removed, or two
/// neighbours swapped.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

/// Where `terms` occur in `text` (byte ranges), for `<mark>`.
pub fn marks(text: &str, terms: &[String], stems: &Stems) -> Vec<std::ops::Range<usize>> {
    words(text).filter(|w| terms.binary_search(&stems.stem(&w.folded)).is_ok()).map(|w| w.at).collect()
}

/// A short passage of `passages` for a result: the one with the most
/// matches (the first of equals; the first passage when none matches), cut
/// to about `max` characters around its first match. With its marks.
pub fn excerpt(passages: &[String], terms: &[String], stems: &Stems, max: usize) -> (String, Vec<std::ops::Range<usize>>) {
    let best = passages
        .iter()
        .map(|p| (p, marks(p, terms, stems)))
        .enumerate()
        .max_by_key(|(i, (_, m))| (m.len(), std::cmp::Reverse(*i)))
        .map(|(_, found)| found);
    let Some((text, found)) = best else { return (String::new(), Vec::new()) };
    if text.chars().count() <= max {
        return (text.clone(), found);
    }
    // Start a little before the first match, at a word; end at a word.
    let first = found.first().map_or(0, |m| m.start);
    let lead = max / 4;
    let mut start = text[..first].char_indices().rev().nth(lead).map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..].find(char::is_whitespace).map_or(start, |s| start + s + 1);
    }
    let mut end = text[start..].char_indices().nth(max).map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[..end].rfind(char::is_whitespace).filter(|&e| e > start).unwrap_or(end);
    }
    let before = if start > 0 { "…" } else { "" };
    let after = if end < text.len() { "…" } else { "" };
    let shift = before.len() as isize - start as isize;
    let marks = found
        .into_iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| (m.start as isize + shift) as usize..(m.end as isize + shift) as usize)
        .collect();
    (format!("{before}{}{after}", &text[start..end]), marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_means_one_letter() {
        assert!(one_edit_apart("молок", "малок"));
        assert!(one_edit_apart("молок", "молоко"));
        assert!(one_edit_apart("молок", "молк"));
        assert!(!one_edit_apart("молок", "олмок"), "two letters apart are two edits");
        assert!(one_edit_apart("молок", "омлок"));
        assert!(!one_edit_apart("молок", "молок"));
        assert!(!one_edit_apart("молок", "мал"));
    }

    #[test]
    fn the_last_word_is_a_prefix_only_while_typed() {
        let stems = Stems::default();
        let typing = Query::parse("Молоко кир", &stems);
        assert_eq!(typing.words.iter().map(|w| w.prefix).collect::<Vec<_>>(), [false, true]);
        assert!(!Query::parse("молоко кир ", &stems).words[1].prefix);
        assert!(!Query::parse("молоко ки", &stems).words[1].prefix, "two letters start too much");
        assert_eq!(Query::parse("ёж, Ёж", &stems).words.len(), 1);
    }
}
