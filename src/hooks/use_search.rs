//! The reader's search, run in the search worker (`search.js`, started at
//! the first search), for the view's query, topics and page. The glue to
//! the worker is in `use_search.js`.

use crate::data::{read, DataUrl};
use catalog::{ArticleMeta, Index, Page, SearchParts};
use js_sys::{Array, Reflect, JSON};
use leptos::{prelude::*, task::spawn_local};
use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;
use catalog::ListPage;
use views::{Archive, CurrentView, Finder, Found, FoundPage, Marks, Words, PAGE_SIZE};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/hooks/use_search.js")]
extern "C" {
    #[derive(Clone)]
    type SearchWorker;
    #[wasm_bindgen(constructor)]
    fn new(url: &str, parts: &str, data: &str) -> SearchWorker;
    #[wasm_bindgen(method)]
    fn search(this: &SearchWorker, query: &str) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn show(this: &SearchWorker, positions: Vec<u32>, terms: &str) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn keep(this: &SearchWorker, positions: Vec<u32>) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = findIn)]
    fn find_in(this: &SearchWorker, query: &str, texts: &str) -> js_sys::Promise;
}

/// Results asked for first: more than a first screen shows under the search
/// and the filters (one on a phone, two or three on a desktop).
const FIRST_SCREEN: usize = 3;

/// The search worker, started at the first question asked of it: by the
/// list's search, or by an article opened from a result.
#[derive(Clone, Copy)]
pub struct Searcher {
    started: StoredValue<Option<SearchWorker>, LocalStorage>,
    /// The worker's URL, the index's `search` as JSON, the data folder.
    config: StoredValue<(String, String, String)>,
    words: &'static Words,
}

impl Searcher {
    fn worker(self) -> SearchWorker {
        if self.started.with_value(Option::is_none) {
            let worker = self.config.with_value(|(url, parts, data)| SearchWorker::new(url, parts, &absolute(data)));
            self.started.set_value(Some(worker));
        }
        self.started.with_value(Clone::clone).expect("started above")
    }

    /// Fetches every shard and the result files of the articles at
    /// `positions`, which the service worker keeps: search then works
    /// offline over them. How many files failed.
    pub async fn keep(self, positions: Vec<u32>) -> Result<usize, String> {
        let answer = JsFuture::from(self.worker().keep(positions)).await.map_err(|e| reason(&e, self.words))?;
        let count = |key| get(&answer, key).as_f64().unwrap_or(0.0) as usize;
        Ok(count("shards") + count("docs"))
    }

    /// Where the words `query` finds are in each of `texts`: byte ranges.
    pub async fn find_in(self, query: &str, texts: &[String]) -> Result<Vec<Vec<Range<usize>>>, String> {
        let texts = JSON::stringify(&texts.iter().map(|t| JsValue::from_str(t)).collect::<Array>()).map(String::from).unwrap_or_default();
        let answer = JsFuture::from(self.worker().find_in(query, &texts)).await.map_err(|e| reason(&e, self.words))?;
        let lists = JSON::parse(&answer.as_string().unwrap_or_default()).map_err(|_| "the search answered nothing".to_owned())?;
        Ok(Array::from(&lists).iter().map(|list| ranges(&list)).collect())
    }
}

/// The page of results to show: what was ranked, narrowed to the view's
/// choices.
#[derive(Clone, PartialEq)]
struct Selected {
    ranked: Ranked,
    matching: usize,
    /// Results under the other choices in each of the list's months, and
    /// for each offered name.
    by_month: Vec<usize>,
    by_name: Option<Vec<usize>>,
    number: u32,
    pages: u32,
    page: Vec<u32>,
}

/// What the worker found for a query: list positions best first, whether
/// they have every word, and the matched terms (as JSON, passed on).
#[derive(Clone, Debug, PartialEq)]
struct Ranked {
    query: String,
    positions: Vec<u32>,
    every_word: bool,
    terms: String,
}

/// The search over the index's search files in `data`, with the worker at
/// `worker` (relative to the page): the list's results for the view's
/// query, and the worker for other questions. `None` when the site has no
/// search index.
pub fn use_search(index: &Index, data: DataUrl, worker: String, archive: Archive, words: &'static Words) -> Option<(Finder, Searcher)> {
    let parts = index.search.clone()?;
    let CurrentView(view) = expect_context();
    let found = RwSignal::new(Found::Searching);
    let ranked = RwSignal::new(None::<Result<Ranked, String>>);
    let searcher = Searcher {
        started: StoredValue::new_local(None),
        config: StoredValue::new((worker, parts_json(&parts), data.0)),
        words,
    };
    let ask = move || searcher.worker();

    // A new query asks the worker; an answer to an older one is dropped.
    let query = Memo::new(move |_| view.with(|v| v.query.trim().to_owned()));
    Effect::new(move |_| {
        let q = query.get();
        if q.is_empty() {
            return;
        }
        found.set(Found::Searching);
        let typed = view.with_untracked(|v| v.query.clone());
        let promise = ask().search(&typed);
        spawn_local(async move {
            let answer = JsFuture::from(promise).await;
            if query.get_untracked() != q {
                return;
            }
            ranked.set(Some(answer.map_err(|e| reason(&e, words)).and_then(|a| read_ranked(&q, &a))));
        });
    });

    // The page of results under the view's choices, once the shelf has
    // the files they need.
    let selection = Memo::new(move |_| {
        let Some(Ok(r)) = ranked.get() else { return None };
        if r.query != query.get() {
            return None;
        }
        let (choice, number) = view.with(|v| (v.choice(), match v.page { Page::List { number } => number, Page::Article(_) | Page::Saved => 1 }));
        let narrowed = archive.shelf.with(|s| s.narrow(Some(&r.positions), &choice));
        Some(narrowed.map(|catalog::Narrowed { positions, by_month, by_name }| {
            let positions = positions.unwrap_or_default();
            let pages = positions.len().div_ceil(PAGE_SIZE).max(1) as u32;
            let number = number.clamp(1, pages);
            let page: Vec<u32> = positions.iter().copied().skip((number as usize - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
            Selected { ranked: r.clone(), matching: positions.len(), by_month, by_name, number, pages, page }
        }))
    });
    Effect::new(move |_| {
        if let Some(Err(why)) = ranked.get() {
            found.set(Found::Failed(why));
        }
    });
    // Each new selection outdates the pages asked for before it, whatever
    // changed (the words, a topic, a month, the page).
    let asked = Rc::new(Cell::new(0_u64));
    Effect::new(move |_| {
        let mine = asked.get() + 1;
        asked.set(mine);
        match selection.get() {
            None => {}
            Some(Err(needs)) => archive.fetch.run(needs),
            Some(Ok(Selected { ranked: r, matching, by_month, by_name, number, pages, page })) => {
                let asked = asked.clone();
                found.set(Found::Searching);
                // A result's card needs its search file. The first screen's are
                // asked for first and shown as soon as they are here; the rest
                // of the page is added under them.
                let mut first = page;
                let rest = first.split_off(FIRST_SCREEN.min(first.len()));
                let asked_first = ask().show(first.clone(), &r.terms);
                spawn_local(async move {
                    let current = || asked.get() == mine;
                    let total = archive.shelf.with_untracked(|s| s.total());
                    let results: std::sync::Arc<[u32]> = r.positions.as_slice().into();
                    let ready = |(entries, marks): Shown, complete: bool| {
                        Found::Ready(FoundPage {
                            query: r.query.clone(),
                            every_word: r.every_word,
                            page: ListPage { matching, by_month: by_month.clone(), by_name: by_name.clone(), total, number, pages, entries },
                            marks,
                            complete,
                            results: results.clone(),
                        })
                    };
                    let answer = JsFuture::from(asked_first).await;
                    if !current() {
                        return;
                    }
                    let (mut entries, mut marks) = match answer.map_err(|e| reason(&e, words)).and_then(|a| read_hits(&a, &first)) {
                        Ok(shown) => shown,
                        Err(why) => return found.set(Found::Failed(why)),
                    };
                    if rest.is_empty() {
                        return found.set(ready((entries, marks), true));
                    }
                    // Asked for only now: asked with the first, they would share
                    // the browser's connections with them and slow them down.
                    let asked_rest = ask().show(rest.clone(), &r.terms);
                    found.set(ready((entries.clone(), marks.clone()), false));
                    let answer = JsFuture::from(asked_rest).await;
                    if !current() {
                        return;
                    }
                    match answer.map_err(|e| reason(&e, words)).and_then(|a| read_hits(&a, &rest)) {
                        Ok((more, more_marks)) => {
                            entries.extend(more);
                            marks.extend(more_marks);
                            found.set(ready((entries, marks), true));
                        }
                        Err(why) => found.set(Found::Failed(why)),
                    }
                });
            }
        }
    });
    Some((Finder(found.into()), searcher))
}

/// The data folder as an absolute URL: the worker's own URL is another.
fn absolute(data: &str) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(data, &base).map(|u| u.href()).unwrap_or_else(|_| data.to_owned())
}

fn parts_json(parts: &SearchParts) -> String {
    let o = js_sys::Object::new();
    let _ = Reflect::set(&o, &"version".into(), &parts.version.as_str().into());
    let _ = Reflect::set(&o, &"docs".into(), &parts.docs.into());
    let shards: Array = parts.shards.iter().map(|s| JsValue::from_str(s)).collect();
    let _ = Reflect::set(&o, &"shards".into(), &shards);
    JSON::stringify(&o).map(String::from).unwrap_or_default()
}

fn reason(error: &JsValue, words: &'static Words) -> String {
    if !window().navigator().on_line() {
        return words.no_connection.to_owned();
    }
    Reflect::get(error, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| format!("{error:?}"))
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn read_ranked(query: &str, answer: &JsValue) -> Result<Ranked, String> {
    let found = JSON::parse(&answer.as_string().unwrap_or_default()).map_err(|_| "the search answered nothing".to_owned())?;
    let positions = Array::from(&get(&found, "ranked")).iter().filter_map(|p| p.as_f64()).map(|p| p as u32).collect();
    let terms = JSON::stringify(&get(&found, "terms")).map(String::from).unwrap_or_else(|_| "[]".into());
    Ok(Ranked { query: query.to_owned(), positions, every_word: get(&found, "every").as_bool().unwrap_or(false), terms })
}

fn ranges(list: &JsValue) -> Vec<Range<usize>> {
    Array::from(list)
        .iter()
        .filter_map(|r| {
            let r = Array::from(&r);
            Some(r.get(0).as_f64()? as usize..r.get(1).as_f64()? as usize)
        })
        .collect()
}

/// Results: each at its place in the list, and its marks.
type Shown = (Vec<(usize, ArticleMeta)>, Vec<Marks>);

/// The worker's answer to `show`: each result's article and marks.
fn read_hits(answer: &JsValue, positions: &[u32]) -> Result<Shown, String> {
    let mut entries = Vec::new();
    let mut all = Vec::new();
    for (pair, &position) in Array::from(answer).iter().zip(positions) {
        let pair = Array::from(&pair);
        let doc = JSON::parse(&pair.get(0).as_string().unwrap_or_default()).map_err(|_| "a result's file is not JSON".to_owned())?;
        entries.push((position as usize, read::article(&get(&doc, "article"))?));
        let marks = JSON::parse(&pair.get(1).as_string().unwrap_or_default()).map_err(|_| "no marks".to_owned())?;
        all.push(Marks {
            title: ranges(&get(&marks, "title")),
            excerpt: get(&marks, "excerpt").as_string().unwrap_or_default(),
            in_excerpt: ranges(&get(&marks, "marks")),
        });
    }
    Ok((entries, all))
}
