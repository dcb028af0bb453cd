//! The search module. A reader's first search starts it in a worker
//! (`search/worker.js`), so none of it is in the first view's bytes and no
//! search holds up the page. It keeps the shards it has read, runs queries
//! over them, and marks matches in the texts the page shows.

use search::{excerpt, marks, run, Query, SearchParts, Shard, Stems};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// An excerpt of about this many characters stands for a result's summary.
const EXCERPT: usize = 220;

#[wasm_bindgen]
pub struct Engine {
    parts: SearchParts,
    shards: Vec<Option<Shard>>,
    stems: Stems,
}

/// What a search found: list positions best first, whether they have every
/// word, and the index's terms that matched.
#[derive(Serialize)]
struct Found {
    ranked: Vec<u32>,
    every: bool,
    terms: Vec<String>,
}

/// Of a search file: what its marks are computed on.
#[derive(Deserialize)]
struct Doc {
    article: Title,
    passages: Vec<String>,
}

#[derive(Deserialize)]
struct Title {
    title: String,
}

/// Where a result's matches are: byte ranges in its title and excerpt.
#[derive(Serialize)]
struct Shown {
    title: Vec<[usize; 2]>,
    excerpt: String,
    marks: Vec<[usize; 2]>,
}

fn ranges(found: Vec<std::ops::Range<usize>>) -> Vec<[usize; 2]> {
    found.into_iter().map(|r| [r.start, r.end]).collect()
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

#[wasm_bindgen]
impl Engine {
    /// `parts`: the index's `search` object, as JSON.
    #[wasm_bindgen(constructor)]
    pub fn new(parts: &str) -> Result<Engine, JsError> {
        let parts: SearchParts = serde_json::from_str(parts)?;
        let shards = vec![None; parts.shards.len()];
        Ok(Engine { parts, shards, stems: Stems::default() })
    }

    /// The shards `query` needs that are not here yet.
    pub fn needs(&self, query: &str) -> Vec<u32> {
        let query = Query::parse(query, &self.stems);
        query.shards(&self.parts).into_iter().filter(|&n| self.shards.get(n).is_some_and(Option::is_none)).map(|n| n as u32).collect()
    }

    /// How many shards the index is in.
    pub fn shard_count(&self) -> u32 {
        self.shards.len() as u32
    }

    /// Shard `n`'s file, relative to the data folder.
    pub fn shard_file(&self, n: u32) -> String {
        self.parts.shard_file(n as usize)
    }

    pub fn add_shard(&mut self, n: u32, text: &str) -> Result<(), JsError> {
        let shard: Shard = serde_json::from_str(text)?;
        if shard.schema != catalog::SCHEMA_VERSION {
            return Err(JsError::new(&format!("shard {n}: schema {}", shard.schema)));
        }
        match self.shards.get_mut(n as usize) {
            Some(slot) => *slot = Some(shard),
            None => return Err(JsError::new(&format!("no shard {n}"))),
        }
        Ok(())
    }

    /// Runs `query` over the shards here; JSON `{"ranked", "every", "terms"}`.
    pub fn search(&self, query: &str) -> String {
        let query = Query::parse(query, &self.stems);
        let hits = run(&query, &self.parts, |n| self.shards.get(n).and_then(Option::as_ref));
        json(&Found { ranked: hits.ranked.into_iter().map(|h| h.0).collect(), every: hits.every_word, terms: hits.terms })
    }

    /// The search file of the article at `position`, relative to the data folder.
    pub fn doc_file(&self, position: u32) -> String {
        self.parts.doc_file(position)
    }

    /// A result's marks: `doc` a search file's text, `terms` the search's
    /// (JSON). JSON `{"title", "excerpt", "marks"}`.
    pub fn show(&self, doc: &str, terms: &str) -> Result<String, JsError> {
        let doc: Doc = serde_json::from_str(doc)?;
        let terms: Vec<String> = serde_json::from_str(terms)?;
        let title = marks(&doc.article.title, &terms, &self.stems);
        let (text, found) = excerpt(&doc.passages, &terms, &self.stems, EXCERPT);
        Ok(json(&Shown { title: ranges(title), excerpt: text, marks: ranges(found) }))
    }

    /// The matches of the words `query` finds (over the shards here) in each
    /// of `texts` (a JSON list): an article opened from a search.
    pub fn find_in(&self, query: &str, texts: &str) -> Result<String, JsError> {
        let query = Query::parse(query, &self.stems);
        let terms = run(&query, &self.parts, |n| self.shards.get(n).and_then(Option::as_ref)).terms;
        let texts: Vec<String> = serde_json::from_str(texts)?;
        Ok(json(&texts.iter().map(|t| ranges(marks(t, &terms, &self.stems))).collect::<Vec<_>>()))
    }
}

fn main() {}
