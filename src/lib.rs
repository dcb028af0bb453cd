//! The viewer in the browser: loads the bundle, keeps the view in the URL,
//! and renders the shared components over the prerendered page.

mod components;
mod data;
mod embed;
mod hooks;
mod pwa;

use catalog::{Page, Slug, ViewState};
use data::{DataBase, LoadError};
pub use embed::ArticleViewer;
use components::{AppNotices, SaveOffline};
use hooks::{use_history, use_load, use_online, use_page_title};
use leptos::prelude::*;
use std::sync::Arc;
use views::{ArticleView, BodyState, Catalog, Frame, ListView, NotFound, Selection, UnreadableNotice};
use wasm_bindgen::JsCast;

/// Starts the viewer in `#app` on one of its own pages. The wasm starts it
/// on every page it loads into; on a portal's page (`embed.js`), whose own
/// `#app` is not the viewer's, only the `<article-viewer>` elements start.
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

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(hooks::location_view().unwrap_or_else(|| ViewState::list(Vec::new())));
    use_history(state);
    provide_context(Selection(state.into()));
    hooks::use_list_return(state.into(), ViewState::list(Vec::new()));

    let update_ready = RwSignal::new(false);
    // Saving for offline needs a worker serving the page; on a first visit
    // one takes over a moment after the page starts.
    let worker_active = RwSignal::new(pwa::worker_active());
    pwa::register(move || update_ready.set(true), move || worker_active.set(true));
    provide_context(WorkerActive(worker_active.into()));
    let online = use_online();

    provide_context(DataBase::default());
    let (index, reload) = use_load(|| data::load_index(DataBase::default()));
    let page = move || match index.get() {
        // Until the index is here the prerendered page stays in view.
        None => ().into_any(),
        Some(Ok(loaded)) => view! { <Viewer loaded /> }.into_any(),
        Some(Err(err)) => view! {
            <views::LoadError
                message=format!("Не удалось загрузить список статей: {err}.")
                on_retry=Callback::new(move |_| reload())
            />
        }
        .into_any(),
    };
    view! {
        {page}
        <AppNotices online update_ready />
    }
}

/// Whether a service worker serves the page, so articles can be saved.
#[derive(Clone, Copy)]
struct WorkerActive(Signal<bool>);

/// The whole page once the index is here; it replaces the prerendered copy.
#[component]
fn Viewer(loaded: data::LoadedIndex) -> impl IntoView {
    let Selection(state) = expect_context();
    let data::LoadedIndex { index, unreadable } = loaded;
    provide_context(Catalog(StoredValue::new(index)));
    use_page_title();
    let page = Memo::new(move |_| state.with(|s| s.page.clone()));

    Effect::new(move |_| {
        if let Some(prerendered) = document().get_element_by_id("prerendered") {
            prerendered.remove();
        }
        let _ = document().document_element().map(|html| html.set_attribute("data-app", "ready"));
    });

    let WorkerActive(worker_active) = expect_context();
    let footer = move || worker_active.get().then(|| view! { <SaveOffline /> });
    view! {
        <Frame footer=Box::new(move || footer.into_any())>
            {move || match page.get() {
                Page::List { .. } => view! { <UnreadableNotice unreadable=unreadable.clone() /> <ListView /> }.into_any(),
                Page::Article(slug) => view! { <ArticleRoute slug /> }.into_any(),
            }}
        </Frame>
    }
}

/// An article: its metadata from the index at once, its text fetched.
#[component]
fn ArticleRoute(slug: Slug) -> impl IntoView {
    let Catalog(index) = expect_context();
    let data: DataBase = expect_context();
    let Some(meta) = index.with_value(|ix| ix.article(&slug).cloned()) else {
        return view! { <NotFound /> }.into_any();
    };
    let (body, reload) = use_load({
        let meta = meta.clone();
        move || data::load_body(data.clone(), meta.clone())
    });
    let state = Signal::derive(move || match body.get() {
        None => BodyState::Loading,
        Some(Ok(b)) => BodyState::Ready(Arc::new(b.body)),
        Some(Err(LoadError::Status(404))) => BodyState::Failed("файла с текстом нет на сервере".into()),
        Some(Err(LoadError::Network)) if !window().navigator().on_line() => {
            BodyState::Failed("нет сети, а эта статья не сохранена для чтения без сети".into())
        }
        Some(Err(err)) => BodyState::Failed(err.to_string()),
    });
    let unreadable = Signal::derive(move || body.with(|b| b.as_ref().and_then(|b| b.as_ref().ok()).map(|b| b.unreadable.clone()).unwrap_or_default()));
    view! {
        <ArticleView meta body=state unreadable on_retry=Callback::new(move |_| reload()) />
    }
    .into_any()
}
