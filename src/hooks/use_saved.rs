//! What the reader saved for offline reading: the service worker's cache of
//! article bodies, listed and pruned from the page. The glue to the Cache
//! Storage API is in `use_saved.js`.

use catalog::Slug;
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/hooks/use_saved.js")]
extern "C" {
    #[wasm_bindgen(js_name = listSaved)]
    fn list_saved() -> js_sys::Promise;
    #[wasm_bindgen(js_name = removeSaved)]
    fn remove_saved(urls: Vec<String>) -> js_sys::Promise;
    #[wasm_bindgen(js_name = keepSaved)]
    pub fn keep_saved();
}

/// One saved article's text.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedBody {
    /// Where the text is: the cache's key.
    pub url: String,
    pub slug: Slug,
    /// When it was saved, in milliseconds since 1970.
    pub at: f64,
    pub bytes: u64,
}

/// What is saved, newest first; `None` while it is read, `Some(Err(()))`
/// where the browser keeps nothing for offline reading.
#[derive(Clone, Copy)]
pub struct SavedBodies {
    pub list: ReadSignal<Option<Result<Vec<SavedBody>, ()>>>,
    /// Reads the list again (after "save all").
    pub refresh: Callback<()>,
    /// Removes these bodies, then reads the list again.
    pub remove: Callback<Vec<String>>,
}

pub fn use_saved() -> SavedBodies {
    let list = RwSignal::new(None);
    let refresh = Callback::new(move |_| {
        spawn_local(async move {
            let read = JsFuture::from(list_saved()).await.ok().filter(|v| !v.is_null()).map(|v| bodies(&v));
            list.try_set(Some(read.ok_or(())));
        });
    });
    let remove = Callback::new(move |urls: Vec<String>| {
        spawn_local(async move {
            let _ = JsFuture::from(remove_saved(urls)).await;
            refresh.run(());
        });
    });
    refresh.run(());
    SavedBodies { list: list.read_only(), refresh, remove }
}

/// `[url, at, bytes]` rows (newest first) into bodies; a key that is not an
/// article's body (`…/<slug>.<hash>.json`) is not one.
fn bodies(rows: &JsValue) -> Vec<SavedBody> {
    js_sys::Array::from(rows)
        .iter()
        .filter_map(|row| {
            let row = js_sys::Array::from(&row);
            let url = row.get(0).as_string()?;
            let file = url.rsplit('/').next()?;
            let stem = file.strip_suffix(".json")?.rsplit_once('.')?.0;
            Some(SavedBody {
                slug: Slug::parse(stem).ok()?,
                url,
                at: row.get(1).as_f64().unwrap_or(0.0),
                bytes: row.get(2).as_f64().unwrap_or(0.0) as u64,
            })
        })
        .collect()
}
