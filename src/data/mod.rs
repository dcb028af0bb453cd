//! Loading the bundle: the browser's `fetch` and `JSON.parse`, then read
//! into the catalog's types (`read`): no JSON parser in the wasm.

pub(crate) mod read;

use catalog::{ArticleBody, ArticleMeta, Index, ListParts, Need, Shelf, Slug, TopicId, SCHEMA_VERSION};
use read::Obj;
use views::Words;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The folder the bundle is in: `data/` beside the viewer's own pages, or
/// the URL an embedded viewer is given. Ends in `/`.
#[derive(Clone, Debug, PartialEq)]
pub struct DataUrl(pub String);

impl Default for DataUrl {
    fn default() -> Self {
        Self("data/".into())
    }
}

/// Why a file of the bundle could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// No answer at all: offline, or the server is down.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The file is not JSON.
    NotJson,
    /// The file is JSON, but not of the bundle's shape: what did not fit.
    Malformed(String),
    /// A body file that holds another article than the index names.
    OtherArticle(Slug),
    /// A bundle of a schema this viewer does not read.
    Schema(u32),
}

impl FetchError {
    /// The reason in the reader's words.
    pub fn describe(&self, words: &Words) -> String {
        match self {
            FetchError::Network => words.no_connection.to_owned(),
            FetchError::Status(code) => words.http_status(*code),
            FetchError::NotJson => words.damaged(words.not_json),
            FetchError::Malformed(why) => words.damaged(why),
            FetchError::OtherArticle(slug) => words.damaged(&words.other_article(slug.as_str())),
            FetchError::Schema(v) => words.other_schema(*v),
        }
    }
}

/// The index, and what could not be read of it.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedIndex {
    pub index: Index,
    /// One line per article entry that is not an article: the list shows the rest.
    pub unreadable: Vec<String>,
}

/// The index's entries that could not be read, one line each, for the list
/// to say above the rest.
#[derive(Clone, Copy)]
pub struct UnreadableEntries(pub leptos::prelude::StoredValue<Vec<String>>);

pub async fn load_index(DataUrl(base): DataUrl, words: &'static Words) -> Result<LoadedIndex, FetchError> {
    let raw = fetch_json(&format!("{base}index.json")).await?;
    let malformed = FetchError::Malformed;
    let schema = raw.number("schema").map_err(malformed)?;
    check_schema(schema)?;
    let site = raw.object("site").map_err(malformed)?;
    let site = read::site(&site).map_err(|e| malformed(format!("`site`: {e}")))?;
    let topics = raw.array("topics").and_then(|t| t.iter().map(read::topic).collect()).map_err(malformed)?;
    // Its articles are read one by one, so one bad entry (from a CMS that
    // writes the bundle itself) costs only that entry.
    let (articles, unreadable) = each(&raw.array("articles").map_err(malformed)?, read::article, |n, entry| {
        let slug = js_sys::Reflect::get(entry, &"slug".into()).ok().and_then(|s| s.as_string());
        slug.map_or_else(|| words.entry_number(n), |s| format!("«{s}»"))
    });
    let list = read::list_parts(&raw).map_err(malformed)?;
    let search = read::search_parts(&raw).map_err(malformed)?;
    let index = Index { schema, site, topics, articles, list, search };
    Ok(LoadedIndex { index, unreadable })
}

/// The items of a JSON array read one by one: those that read, and a line
/// (named by `which`) for each that did not.
fn each<T>(
    items: &js_sys::Array,
    read: impl Fn(&JsValue) -> read::Read<T>,
    which: impl Fn(usize, &JsValue) -> String,
) -> (Vec<T>, Vec<String>) {
    let mut done = Vec::new();
    let mut unreadable = Vec::new();
    for (n, item) in items.iter().enumerate() {
        match read(&item) {
            Ok(value) => done.push(value),
            Err(why) => unreadable.push(format!("{}: {why}", which(n, &item))),
        }
    }
    (done, unreadable)
}

/// A file of the list's parts, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Chunk(usize, Vec<ArticleMeta>),
    Topic(TopicId, Vec<u32>),
    Bucket(usize, Vec<ArticleMeta>),
    /// The offered names' positions, in `ListParts::names` order.
    Names(Vec<Vec<u32>>),
}

impl Part {
    /// Puts what the file holds on the shelf.
    pub fn shelve(self, shelf: &mut Shelf) {
        match self {
            Part::Chunk(n, articles) => shelf.add_chunk(n, articles),
            Part::Topic(t, positions) => shelf.add_topic(&t, positions),
            Part::Bucket(n, articles) => shelf.add_bucket(n, articles),
            Part::Names(positions) => shelf.add_names(positions),
        }
    }
}

/// The file of the list's parts that `need` names.
pub async fn load_part(DataUrl(base): DataUrl, parts: ListParts, need: Need) -> Result<Part, FetchError> {
    let file = match &need {
        Need::Chunk(n) => parts.chunk_file(*n),
        Need::Topic(t) => parts.topic_file(t),
        Need::Bucket(n) => parts.bucket_file(*n),
        Need::Names => parts.names_file(),
    };
    let raw = fetch_json(&format!("{base}{file}")).await?;
    check_schema(raw.number("schema").map_err(FetchError::Malformed)?)?;
    // The build writes these files with the index; unlike a CMS's index, an
    // entry that does not read makes the file damaged.
    let articles = || -> Result<Vec<ArticleMeta>, FetchError> {
        let (articles, unreadable) = each(&raw.array("articles").map_err(FetchError::Malformed)?, read::article, |n, _| format!("{n}"));
        match unreadable.into_iter().next() {
            Some(why) => Err(FetchError::Malformed(why)),
            None => Ok(articles),
        }
    };
    Ok(match need {
        Need::Chunk(n) => Part::Chunk(n, articles()?),
        Need::Bucket(n) => Part::Bucket(n, articles()?),
        Need::Topic(t) => Part::Topic(t, read::positions(&raw, parts.total).map_err(FetchError::Malformed)?),
        Need::Names => Part::Names(read::name_positions(&raw, &parts).map_err(FetchError::Malformed)?),
    })
}

/// An article's text, and what could not be read of it.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedBody {
    pub body: ArticleBody,
    /// One line per block that is not a block: the article shows the rest.
    pub unreadable: Vec<String>,
    /// When the reader saved it, in milliseconds since 1970, when it comes
    /// from what they saved for offline (the service worker says so).
    pub saved_at: Option<f64>,
    /// The service worker could not save it: the device is out of space.
    pub no_space: bool,
}

/// The body of the article `meta` describes; its blocks are read one by one.
pub async fn load_body(DataUrl(base): DataUrl, meta: ArticleMeta, words: &'static Words) -> Result<LoadedBody, FetchError> {
    let (raw, response) = fetch_json_with(&format!("{base}{}", meta.body_file())).await?;
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let saved_at = header("X-Saved-At").map(|at| js_sys::Date::parse(&at)).filter(|ms| ms.is_finite());
    let no_space = header("X-Not-Saved").is_some_and(|why| why == "quota");
    let schema = raw.number("schema").map_err(FetchError::Malformed)?;
    check_schema(schema)?;
    let slug = read::slug(&raw).map_err(FetchError::Malformed)?;
    if slug != meta.slug {
        return Err(FetchError::OtherArticle(slug));
    }
    let blocks = raw.array("blocks").map_err(FetchError::Malformed)?;
    let (blocks, unreadable) = each(&blocks, read::block, |n, _| words.block_number(n));
    let body = read::body(&raw, schema, slug, blocks).map_err(FetchError::Malformed)?;
    Ok(LoadedBody { body, unreadable, saved_at, no_space })
}

fn check_schema(schema: u32) -> Result<(), FetchError> {
    if schema == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(FetchError::Schema(schema))
    }
}

async fn fetch_json(url: &str) -> Result<Obj, FetchError> {
    fetch_json_with(url).await.map(|(json, _)| json)
}

/// The JSON at `url`, and the response it came in (for its headers).
async fn fetch_json_with(url: &str) -> Result<(Obj, Response), FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| FetchError::Network)?
        .unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let json = response.json().map_err(|_| FetchError::Network)?;
    let value = JsFuture::from(json).await.map_err(|_| FetchError::NotJson)?;
    Ok((Obj::new(value).map_err(FetchError::Malformed)?, response))
}
