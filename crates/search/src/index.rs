//! The search index as files: terms (stems) in sorted order, cut into
//! shards, each term with the list positions of the articles that use it
//! and a weight per article. A query fetches only the shards its words fall
//! in (`docs/schema.md`, "Search").

use crate::text::{words, Stems};
pub use catalog::SearchParts;
use serde::{Deserialize, Serialize};
use rustc_hash::FxHashMap;

/// One shard file: `{"schema": 1, "terms": [[term, gaps, weights], …]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub schema: u32,
    /// Sorted by term.
    pub terms: Vec<Postings>,
}

impl Shard {
    pub fn get(&self, term: &str) -> Option<&Postings> {
        self.terms.binary_search_by(|p| p.0.as_str().cmp(term)).ok().map(|i| &self.terms[i])
    }
}

/// A term, the list positions of its articles as gaps (the first position,
/// then each one's distance from the one before), and one weight per
/// article: how much the term says about it, 1 to 255.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Postings(pub String, pub Vec<u32>, pub Vec<u8>);

impl Postings {
    /// (position, weight) for each article, in list order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut at = 0u32;
        self.1.iter().enumerate().zip(&self.2).map(move |((i, &gap), &w)| {
            at = if i == 0 { gap } else { at.saturating_add(gap) };
            (at, w)
        })
    }
}

/// Okapi BM25's constants, the usual ones.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A word in the title counts three times one in the text.
const TITLE: f32 = 3.0;
/// Weights are stored as whole numbers: this many per unit of BM25's
/// term-frequency part.
const SCALE: f32 = 25.0;
/// About this many postings to a shard: a few KB brotli each.
const SHARD_POSTINGS: usize = 6_000;

/// Builds the index from the articles of the list. Articles may come in
/// any order, and parts of the list may be indexed apart (one writer per
/// thread) and merged.
#[derive(Default)]
pub struct Writer {
    stems: Stems,
    /// Each word form's term (its index in `terms`), stemmed once: a
    /// language has far fewer forms than an archive has words.
    stemmed: FxHashMap<String, u32>,
    /// Each stem's index in `terms`.
    ids: FxHashMap<String, u32>,
    /// Per term: its stem, and per article (position, times in the title, times in the text).
    terms: Vec<(String, Vec<(u32, u16, u16)>)>,
    /// Per article, by position: (words in the title, words in the text).
    lengths: Vec<(u32, u32)>,
}

impl Writer {
    /// Adds the next article of the list (position 0, 1, … in turn).
    pub fn add<'a>(&mut self, title: &str, text: impl IntoIterator<Item = &'a str>) {
        self.add_at(self.lengths.len() as u32, title, text);
    }

    /// Adds the article at list position `position`.
    pub fn add_at<'a>(&mut self, position: u32, title: &str, text: impl IntoIterator<Item = &'a str>) {
        let mut counts: FxHashMap<u32, (u16, u16)> = FxHashMap::default();
        let mut title_len = 0;
        for word in words(title) {
            title_len += 1;
            let c = counts.entry(self.term(word.folded)).or_default();
            c.0 = c.0.saturating_add(1);
        }
        let mut text_len = 0;
        for part in text {
            for word in words(part) {
                text_len += 1;
                let c = counts.entry(self.term(word.folded)).or_default();
                c.1 = c.1.saturating_add(1);
            }
        }
        for (term, (t, x)) in counts {
            self.terms[term as usize].1.push((position, t, x));
        }
        let at = position as usize;
        if self.lengths.len() <= at {
            self.lengths.resize(at + 1, (0, 0));
        }
        self.lengths[at] = (title_len, text_len);
    }

    /// The term of a folded word form.
    fn term(&mut self, folded: String) -> u32 {
        if let Some(&term) = self.stemmed.get(&folded) {
            return term;
        }
        let term = self.term_of_stem(self.stems.stem(&folded));
        self.stemmed.insert(folded, term);
        term
    }

    fn term_of_stem(&mut self, stem: String) -> u32 {
        let Self { ids, terms, .. } = self;
        *ids.entry(stem).or_insert_with_key(|stem| {
            terms.push((stem.clone(), Vec::new()));
            (terms.len() - 1) as u32
        })
    }

    /// Takes in what `other` indexed.
    pub fn merge(&mut self, other: Writer) {
        for (stem, mut postings) in other.terms {
            let term = self.term_of_stem(stem);
            self.terms[term as usize].1.append(&mut postings);
        }
        if self.lengths.len() < other.lengths.len() {
            self.lengths.resize(other.lengths.len(), (0, 0));
        }
        for (at, l) in other.lengths.into_iter().enumerate() {
            if l != (0, 0) {
                self.lengths[at] = l;
            }
        }
    }

    /// The shards, and the first term of each.
    pub fn finish(self) -> (Vec<String>, Vec<Shard>) {
        let n = self.lengths.len().max(1) as f32;
        let avg_title = (self.lengths.iter().map(|l| l.0 as f32).sum::<f32>() / n).max(1.0);
        let avg_text = (self.lengths.iter().map(|l| l.1 as f32).sum::<f32>() / n).max(1.0);
        let part = |tf: u16, len: u32, avg: f32| {
            let tf = f32::from(tf);
            if tf == 0.0 {
                0.0
            } else {
                tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len as f32 / avg))
            }
        };
        let mut firsts = Vec::new();
        let mut shards: Vec<Shard> = Vec::new();
        let mut filled = usize::MAX;
        let mut terms = self.terms;
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (term, mut postings) in terms {
            postings.sort_unstable_by_key(|p| p.0);
            if filled >= SHARD_POSTINGS {
                firsts.push(if shards.is_empty() { String::new() } else { term.clone() });
                shards.push(Shard { schema: 1, terms: Vec::new() });
                filled = 0;
            }
            filled += postings.len();
            let mut last = 0;
            let (mut gaps, mut weights) = (Vec::with_capacity(postings.len()), Vec::with_capacity(postings.len()));
            for (i, (position, t, x)) in postings.into_iter().enumerate() {
                gaps.push(if i == 0 { position } else { position - last });
                last = position;
                let (title_len, text_len) = self.lengths[position as usize];
                let w = TITLE * part(t, title_len, avg_title) + part(x, text_len, avg_text);
                weights.push((w * SCALE).round().clamp(1.0, 255.0) as u8);
            }
            shards.last_mut().expect("a shard was opened").terms.push(Postings(term, gaps, weights));
        }
        if shards.is_empty() {
            firsts.push(String::new());
            shards.push(Shard { schema: 1, terms: Vec::new() });
        }
        (firsts, shards)
    }
}
