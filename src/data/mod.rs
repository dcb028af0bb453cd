//! Loading the bundle: the browser's `fetch` and `JSON.parse`, then
//! `serde-wasm-bindgen` into the catalog's types (no JSON parser in the wasm).

use catalog::{ArticleBody, ArticleMeta, Block, Index, Passage, SiteInfo, Slug, Topic, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Where the bundle is: `data/` beside the viewer's own pages, or the URL an
/// embedded viewer is given.
#[derive(Clone, Debug, PartialEq)]
pub struct DataBase(pub String);

impl Default for DataBase {
    fn default() -> Self {
        Self("data/".into())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, or the server is down.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The file is not JSON, or not the bundle's shape.
    Malformed(String),
    /// A bundle of a schema this viewer does not read.
    Schema(u32),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network => f.write_str("нет связи с сервером"),
            LoadError::Status(code) => write!(f, "сервер ответил ошибкой {code}"),
            LoadError::Malformed(why) => write!(f, "файл повреждён ({why})"),
            LoadError::Schema(v) => write!(f, "данные версии {v}, а этот просмотрщик читает версию {SCHEMA_VERSION}"),
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

/// `index.json` as it comes: its articles are read one by one, so one bad
/// entry (from a CMS that writes the bundle itself) costs only that entry.
#[derive(Deserialize)]
struct RawIndex {
    schema: u32,
    site: SiteInfo,
    topics: Vec<Topic>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    articles: js_sys::Array,
}

pub async fn load_index(DataBase(base): DataBase) -> Result<LoadedIndex, LoadError> {
    let raw: RawIndex = fetch_json(&format!("{base}index.json")).await?;
    check_schema(raw.schema)?;
    let (articles, unreadable) = each(&raw.articles, |n, entry| {
        let slug = js_sys::Reflect::get(entry, &"slug".into()).ok().and_then(|s| s.as_string());
        slug.map_or_else(|| format!("№ {}", n + 1), |s| format!("«{s}»"))
    });
    let index = Index { schema: raw.schema, site: raw.site, topics: raw.topics, articles };
    Ok(LoadedIndex { index, unreadable })
}

/// The items of a JSON array read one by one: those that read, and a line
/// (named by `which`) for each that did not.
fn each<T: DeserializeOwned>(items: &js_sys::Array, which: impl Fn(usize, &JsValue) -> String) -> (Vec<T>, Vec<String>) {
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for (n, item) in items.iter().enumerate() {
        match serde_wasm_bindgen::from_value::<T>(item.clone()) {
            Ok(value) => read.push(value),
            Err(e) => unreadable.push(format!("{}: {}", which(n, &item), reason(e))),
        }
    }
    (read, unreadable)
}

/// An article's text, and what could not be read of it.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedBody {
    pub body: ArticleBody,
    /// One line per block that is not a block: the article shows the rest.
    pub unreadable: Vec<String>,
}

/// A body file as it comes: its blocks are read one by one.
#[derive(Deserialize)]
struct RawBody {
    schema: u32,
    slug: Slug,
    #[serde(default)]
    lead: Option<Passage>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    blocks: js_sys::Array,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    organizations: Vec<String>,
}

/// The body of the article `meta` describes.
pub async fn load_body(DataBase(base): DataBase, meta: ArticleMeta) -> Result<LoadedBody, LoadError> {
    let raw: RawBody = fetch_json(&format!("{base}{}", meta.body_file())).await?;
    check_schema(raw.schema)?;
    if raw.slug != meta.slug {
        return Err(LoadError::Malformed(format!("в файле статья «{}»", raw.slug)));
    }
    let (blocks, unreadable) = each::<Block>(&raw.blocks, |n, _| format!("блок {}", n + 1));
    let RawBody { schema, slug, lead, people, places, organizations, .. } = raw;
    let body = ArticleBody { schema, slug, lead, blocks, people, places, organizations };
    Ok(LoadedBody { body, unreadable })
}

fn check_schema(schema: u32) -> Result<(), LoadError> {
    if schema == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(LoadError::Schema(schema))
    }
}

async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadError::Network)?
        .unchecked_into();
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let json = response.json().map_err(|_| LoadError::Network)?;
    let value = JsFuture::from(json)
        .await
        .map_err(|_| LoadError::Malformed("это не JSON".into()))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| LoadError::Malformed(reason(e)))
}

/// What did not fit, without the "Error: " a JS error's text starts with.
fn reason(e: serde_wasm_bindgen::Error) -> String {
    let text = e.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_owned()
}
