//! The viewer in the browser: loads the bundle, keeps the view in the URL,
//! and renders the shared components over the prerendered page.

mod components;
mod data;
#[cfg(feature = "element")]
mod embed;
mod hooks;
mod routes;
mod viewer;

use catalog::ViewState;
use components::{AppNotices, SitePage};
use data::DataUrl;
#[cfg(feature = "element")]
pub use embed::ArticleViewer;
use hooks::{use_low_vision, use_online, use_service_worker, ViewKeeper};
use leptos::prelude::*;
use viewer::Viewer;
use views::{provide_words, Lang};
use wasm_bindgen::JsCast;

/// Starts the viewer in `#app` on one of the site's own pages; an `#app` of
/// any other page is not the viewer's. (Portals' pages load the element's
/// module instead: `src/bin/element.rs`.)
pub fn start() {
    let Some(root) = document()
        .query_selector("#app[data-article-viewer-app]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    leptos::mount::mount_to(root, App).forget();
}

/// The site's own pages: the view in the page's URL, the data beside them.
#[component]
pub fn App() -> impl IntoView {
    // The build writes the site's language on every page.
    let page_lang = document().document_element().and_then(|html| html.get_attribute("lang"));
    provide_words(Lang::choose([page_lang.as_deref()]));
    provide_context(use_low_vision(|| document().document_element()));
    let worker = use_service_worker();
    provide_context(worker);
    let online = use_online();
    // None: the pages speak the site's language (`site.toml`).
    let lang: Option<String> = None;
    view! {
        <Viewer keeper=ViewKeeper::Page start=ViewState::list(Vec::new()) data=DataUrl::default() lang>
            <SitePage />
        </Viewer>
        <AppNotices online worker />
    }
}
