//! The viewer inside another site's page: `<article-viewer>` (defined by
//! `embed.js`) mounts it in the element's shadow root, and `embed.html`
//! hosts one element alone for an iframe. Options come from the element's
//! attributes and follow their changes; the view stays inside the element
//! unless the page asks for it in its URL (`url-state`), so the viewer never
//! fights the portal's own routing.

use crate::{
    data,
    hooks::{use_list_return, use_load},
    ArticleRoute, DataBase,
};
use catalog::{EmbedOptions, Page, TopicId, ViewState};
use leptos::{ev, html, mount::mount_to, prelude::*};
use views::{Catalog, LinkBase, ListView, Nav, Selection};
use wasm_bindgen::{prelude::*, JsCast};

/// One `<article-viewer>` element's app. Dropping it (`free()` from
/// JavaScript, when the element leaves the page) unmounts the app.
#[wasm_bindgen]
pub struct ArticleViewer {
    host: web_sys::HtmlElement,
    base: String,
    options: ArcRwSignal<EmbedOptions>,
    _mounted: Box<dyn std::any::Any>,
}

#[wasm_bindgen]
impl ArticleViewer {
    /// Mounts the viewer on `root` (an element in `host`'s shadow root);
    /// `base` is the viewer's own folder, where its data and pages are.
    #[wasm_bindgen(constructor)]
    pub fn new(host: web_sys::HtmlElement, root: web_sys::HtmlElement, base: String) -> ArticleViewer {
        let options = ArcRwSignal::new(read_options(&host, &base));
        let site = base.clone();
        let mounted = mount_to(root, {
            let options = options.clone();
            move || view! { <Embedded options=options.into() site /> }
        });
        ArticleViewer { host, base, options, _mounted: Box::new(mounted) }
    }

    /// Reads the attributes again, after one changed.
    pub fn refresh(&self) {
        let next = read_options(&self.host, &self.base);
        if self.options.with_untracked(|o| *o != next) {
            self.options.set(next);
        }
    }
}

fn read_options(host: &web_sys::HtmlElement, base: &str) -> EmbedOptions {
    EmbedOptions::read(base, |name| host.get_attribute(name))
}

/// The embedded viewer: loads its data, then shows the list or an article.
#[component]
fn Embedded(options: Signal<EmbedOptions>, site: String) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    let start = options.with_untracked(|o| ViewState::list(o.topics.clone()));
    let state = RwSignal::new(options.with_untracked(url_view).unwrap_or_else(|| start.clone()));
    provide_context(Selection(state.into()));
    use_list_return(state.into(), start);
    provide_context(LinkBase(site));
    use_embed_history(state, options, root);

    // A new `topics` attribute is a new starting point: the list with them.
    let topics = Memo::new(move |_| options.with(|o| o.topics.clone()));
    Effect::new(move |first: Option<()>| {
        let chosen = topics.get();
        if first.is_some() {
            state.set(ViewState::list(chosen));
        }
    });

    let data = Memo::new(move |_| options.with(|o| o.data.clone()));
    let theme = move || options.with(|o| o.theme.as_str());
    let compact = move || options.with(|o| o.compact.then_some("true"));
    let lang = move || options.with(|o| o.lang.clone());
    view! {
        <div class="embed-root" node_ref=root data-theme=theme data-compact=compact lang=lang>
            {move || {
                let data = DataBase(data.get());
                view! { <EmbeddedData data options root /> }
            }}
        </div>
    }
}

#[component]
fn EmbeddedData(data: DataBase, options: Signal<EmbedOptions>, root: NodeRef<html::Div>) -> impl IntoView {
    provide_context(data.clone());
    let (index, reload) = use_load(move || data::load_index(data.clone()));
    move || match index.get() {
        None => view! { <p class="embed-loading" aria-busy="true">"Загрузка новостей…"</p> }.into_any(),
        Some(Err(err)) => view! {
            <views::LoadError
                message=format!("Не удалось загрузить новости: {err}.")
                on_retry=Callback::new(move |_| reload())
            />
        }
        .into_any(),
        Some(Ok(loaded)) => view! { <EmbeddedViewer loaded options root /> }.into_any(),
    }
}

/// The list or an article, once the index is here.
#[component]
fn EmbeddedViewer(loaded: data::LoadedIndex, options: Signal<EmbedOptions>, root: NodeRef<html::Div>) -> impl IntoView {
    let data::LoadedIndex { index, unreadable } = loaded;
    provide_context(Catalog(StoredValue::new(index)));
    let Selection(state) = expect_context();
    announce(state, root);
    let page = Memo::new(move |_| state.with(|s| s.page.clone()));
    let list = Memo::new(move |_| options.with(|o| (o.filter, o.limit)));
    move || match page.get() {
        Page::List { .. } => {
            let (filter, limit) = list.get();
            view! { <views::UnreadableNotice unreadable=unreadable.clone() /> <ListView page_size=limit filter /> }.into_any()
        }
        Page::Article(slug) => view! { <ArticleRoute slug /> }.into_any(),
    }
}

/// Moving between views inside the element. With `url-state`, each view is
/// also kept in one query parameter of the host page's URL, so back and
/// forward and shared links work there too.
fn use_embed_history(state: RwSignal<ViewState>, options: Signal<EmbedOptions>, root: NodeRef<html::Div>) {
    provide_context(Nav(Callback::new(move |next: ViewState| {
        let current = state.get_untracked();
        if next == current {
            return;
        }
        if let Some(param) = options.with_untracked(|o| o.url_param.clone()) {
            push_url(&param, &next);
        }
        let page_changed = next.page != current.page;
        state.set(next);
        if page_changed {
            bring_into_view(root);
        }
    })));
    let listener = window_event_listener(ev::popstate, move |_| {
        // Only an element that keeps its view in the URL follows the history;
        // an entry without its parameter is the element's starting view.
        let view = options.with_untracked(|o| {
            o.url_param.is_some().then(|| url_view(o).unwrap_or_else(|| ViewState::list(o.topics.clone())))
        });
        if let Some(view) = view {
            state.set(view);
        }
    });
    on_cleanup(move || listener.remove());
}

/// The view kept in the host page's URL, if the element keeps one there.
fn url_view(options: &EmbedOptions) -> Option<ViewState> {
    let param = options.url_param.as_deref()?;
    let search = window().location().search().ok()?;
    let href = web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(param)?;
    let (file, query) = href.split_once('?').unwrap_or((&href, ""));
    ViewState::from_url(file, query)
}

fn push_url(param: &str, view: &ViewState) {
    let location = window().location();
    let (Ok(search), Ok(hash)) = (location.search(), location.hash()) else { return };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return };
    params.set(param, &view.href());
    let url = format!("?{}{hash}", String::from(params.to_string()));
    if let Ok(history) = window().history() {
        // The page's own router may keep its data in the history entry.
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.push_state_with_url(&state, "", Some(&url));
    }
}

/// After moving to another view, the element's top in sight and focus on
/// the new view's heading, as on the viewer's own pages.
fn bring_into_view(root: NodeRef<html::Div>) {
    request_animation_frame(move || {
        let Some(root) = root.get_untracked() else { return };
        if root.get_bounding_client_rect().top() < 0.0 {
            root.scroll_into_view();
        }
        let heading = root.query_selector("h1").ok().flatten();
        if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = h.focus();
        }
    });
}

/// Tells the host page what the reader does, as DOM events that leave the
/// shadow root: `article-open` (`detail.slug`, `detail.title`, `detail.url`)
/// and `topics-change` (`detail.topics`).
fn announce(state: Signal<ViewState>, root: NodeRef<html::Div>) {
    let Catalog(index) = expect_context();
    let site = use_context::<LinkBase>().map(|LinkBase(b)| b).unwrap_or_default();
    let article = Memo::new(move |_| {
        state.with(|s| match &s.page {
            Page::Article(slug) => Some(slug.clone()),
            Page::List { .. } => None,
        })
    });
    // An article the element starts on (from the page's URL) is not one the
    // reader opened: only changes after the start are told.
    Effect::new(move |started: Option<()>| {
        let Some(slug) = article.get() else { return };
        if started.is_none() {
            return;
        }
        let title = index.with_value(|ix| ix.article(&slug).map(|a| a.title.clone())).unwrap_or_default();
        let detail = js_sys::Object::new();
        set(&detail, "slug", &slug.as_str().into());
        set(&detail, "title", &title.into());
        set(&detail, "url", &format!("{site}{}", slug.page()).into());
        dispatch(root, "article-open", &detail);
    });

    let topics = Memo::new(move |_| state.with(|s| matches!(s.page, Page::List { .. }).then(|| s.topics.clone())));
    Effect::new(move |before: Option<Option<Vec<TopicId>>>| {
        let now = topics.get();
        if let (Some(Some(before)), Some(now)) = (&before, &now) {
            if before != now {
                let list: js_sys::Array = now.iter().map(|t| JsValue::from(t.as_str())).collect();
                let detail = js_sys::Object::new();
                set(&detail, "topics", &list);
                dispatch(root, "topics-change", &detail);
            }
        }
        // Opening an article and coming back is no change of topics.
        now.or(before.flatten())
    });
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

fn dispatch(root: NodeRef<html::Div>, name: &str, detail: &JsValue) {
    let Some(root) = root.get_untracked() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    // Out of the shadow root, to the host element and the page.
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = root.dispatch_event(&event);
    }
}
