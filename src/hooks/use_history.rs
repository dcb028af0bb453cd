use catalog::{Page, Slug, ViewState};
use leptos::{ev, html, prelude::*};
use views::Nav;
use wasm_bindgen::{JsCast, JsValue};

/// Where the reader was on a list when they opened an article from it, so
/// that going back puts them there again, on the card they opened.
#[derive(Clone, Debug, PartialEq)]
struct ListPlace {
    view: ViewState,
    scroll_y: f64,
    opened: Slug,
}

impl ListPlace {
    const SCROLL_Y: &'static str = "listScrollY";
    const OPENED: &'static str = "listOpened";

    /// The place kept in a history entry of the page's own (`Page`).
    fn from_entry(view: ViewState, entry: &JsValue) -> Option<Self> {
        let get = |key: &str| js_sys::Reflect::get(entry, &JsValue::from_str(key)).ok();
        let scroll_y = get(Self::SCROLL_Y)?.as_f64()?;
        let opened = Slug::parse(&get(Self::OPENED)?.as_string()?).ok()?;
        Some(Self { view, scroll_y, opened })
    }

    fn to_entry(&self) -> JsValue {
        let entry = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&entry, &JsValue::from_str(Self::SCROLL_Y), &JsValue::from_f64(self.scroll_y));
        let _ = js_sys::Reflect::set(&entry, &JsValue::from_str(Self::OPENED), &JsValue::from_str(self.opened.as_str()));
        entry.into()
    }
}

/// Where the viewer is, and so where the reader's view is kept for back,
/// forward, reload and shared links.
#[derive(Clone, Debug)]
pub enum ViewKeeper {
    /// The viewer is the page: each view is a file of the site
    /// (`<slug>.html?lens=…`), pushed to the page's history.
    Page,
    /// The viewer is an element of another site's page. Its view is kept in
    /// one query parameter of that page's URL (`url-state`), or nowhere.
    #[cfg_attr(not(feature = "element"), allow(dead_code))]
    Element { root: NodeRef<html::Div>, url_param: Option<String> },
}

impl ViewKeeper {
    /// The view the URL holds now, if this keeper keeps one there.
    pub fn read(&self) -> Option<ViewState> {
        let location = window().location();
        let search = location.search().ok()?;
        match self {
            ViewKeeper::Page => {
                let path = location.pathname().ok()?;
                let file = path.rsplit('/').next().unwrap_or_default();
                ViewState::from_url(file, &search)
            }
            ViewKeeper::Element { url_param, .. } => {
                let href = web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(url_param.as_deref()?)?;
                let (file, query) = href.split_once('?').unwrap_or((&href, ""));
                ViewState::from_url(file, query)
            }
        }
    }

    /// The view after back or forward, if this keeper follows the history.
    fn restored(&self, start: ViewState) -> Option<ViewState> {
        match self {
            ViewKeeper::Page => self.read(),
            // An entry without the parameter is the element's starting view.
            ViewKeeper::Element { url_param: Some(_), .. } => Some(self.read().unwrap_or(start)),
            ViewKeeper::Element { url_param: None, .. } => None,
        }
    }

    /// Keeps the list's place in its own history entry, so that back (even
    /// after a reload) returns to it. An element leaves the host's entries
    /// alone: it keeps the place only while the page is open.
    fn remember(&self, place: &ListPlace) {
        if let (ViewKeeper::Page, Ok(history)) = (self, window().history()) {
            let _ = history.replace_state(&place.to_entry(), "");
        }
    }

    /// Records `view` in the history: a new entry, or with `replace` the
    /// current one (a search being typed is one entry, not one a letter).
    /// Once the new view is painted: the browser's history call is slow on
    /// a phone, and the reader waits for the list, not for the address bar.
    fn push(&self, view: &ViewState, replace: bool) {
        let (state, url) = match self {
            // Relative, so the site works from any folder.
            ViewKeeper::Page => (JsValue::NULL, view.href()),
            ViewKeeper::Element { url_param: Some(param), .. } => {
                let location = window().location();
                let (Ok(search), Ok(hash)) = (location.search(), location.hash()) else { return };
                let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return };
                params.set(param, &view.href());
                // The page's own router may keep its data in the history entry.
                let state = window().history().and_then(|h| h.state()).unwrap_or(JsValue::NULL);
                (state, format!("?{}{hash}", String::from(params.to_string())))
            }
            ViewKeeper::Element { url_param: None, .. } => return,
        };
        views::after_paint(Box::new(move || {
            let Ok(history) = window().history() else { return };
            let _ = if replace {
                history.replace_state_with_url(&state, "", Some(&url))
            } else {
                history.push_state_with_url(&state, "", Some(&url))
            };
        }));
    }

    /// After moving to another view: its top in sight, and focus on its
    /// heading, so keyboard and screen-reader users start reading there.
    /// After back or forward (`moved_here` false) only the page's own view
    /// does so: an element must not pull the host page to itself.
    fn reveal(&self, moved_here: bool) {
        if !moved_here && matches!(self, ViewKeeper::Element { .. }) {
            return;
        }
        let this = self.clone();
        request_animation_frame(move || {
            let root = match &this {
                ViewKeeper::Page => document().query_selector("main").ok().flatten(),
                ViewKeeper::Element { root, .. } => root.get_untracked().map(Into::into),
            };
            let Some(root) = root else { return };
            match this {
                ViewKeeper::Page => jump_to(0.0),
                ViewKeeper::Element { .. } if root.get_bounding_client_rect().top() < 0.0 => root.scroll_into_view(),
                ViewKeeper::Element { .. } => {}
            }
            focus(root.query_selector("h1").ok().flatten(), false);
        });
    }

    /// Back on the list an article was opened from: the list scrolled as the
    /// reader left it, and focus on the card they opened.
    fn return_to(&self, place: ListPlace) {
        let this = self.clone();
        request_animation_frame(move || {
            let root = match &this {
                ViewKeeper::Page => document().document_element(),
                ViewKeeper::Element { root, .. } => root.get_untracked().map(Into::into),
            };
            let Some(root) = root else { return };
            jump_to(place.scroll_y);
            // A slug is letters, digits and hyphens: safe inside the selector.
            // While the app takes over a prerendered page, both copies are
            // there: the one shown is the one not hidden.
            let slug = place.opened.as_str();
            let selector = format!(
                "[data-testid=article-card] a[href=\"{slug}.html\"], [data-testid=article-card] a[href$=\"/{slug}.html\"], h1"
            );
            let shown = root.query_selector_all(&selector).ok().and_then(|found| {
                let found: Vec<web_sys::Element> =
                    (0..found.length()).filter_map(|i| found.item(i)?.dyn_into().ok()).collect();
                let shown = |e: &web_sys::Element| e.closest("[hidden]").ok().flatten().is_none();
                let card = found.iter().find(|e| e.tag_name() == "A" && shown(e));
                card.or_else(|| found.iter().find(|e| shown(e))).cloned()
            });
            focus(shown, true);
        });
    }
}

/// Scrolls the page to `y` at once, as a page load would: the stylesheet's
/// smooth scrolling is for moves within a page.
fn jump_to(y: f64) {
    let options = web_sys::ScrollToOptions::new();
    options.set_top(y);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    window().scroll_to_with_scroll_to_options(&options);
}

/// Focuses an element; with `keep_scroll`, without scrolling to it.
fn focus(element: Option<web_sys::Element>, keep_scroll: bool) {
    let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    if keep_scroll {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    } else {
        let _ = element.focus();
    }
}

/// Keeps `state` and the URL in step, as `keeper` says: moving to a view
/// records it; back and forward restore it (or `start`, for an element
/// whose parameter the entry lacks). Returns the navigator the components
/// move with.
pub fn use_history(state: RwSignal<ViewState>, keeper: Signal<ViewKeeper>, start: Signal<ViewState>) -> Nav {
    if keeper.with_untracked(|k| matches!(k, ViewKeeper::Page)) {
        // The app puts the reader back itself, once the view is there:
        // the browser would scroll before the list is drawn.
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            // Back to the list from another page, or a reload of it.
            let first = state.get_untracked();
            if let (Page::List { .. }, Ok(entry)) = (&first.page, history.state()) {
                if let Some(place) = ListPlace::from_entry(first, &entry) {
                    ViewKeeper::Page.return_to(place);
                }
            }
        }
    }
    let listener = window_event_listener(ev::popstate, move |ev| {
        let restored = keeper.with_untracked(|k| k.restored(start.get_untracked()));
        let Some(view) = restored else { return };
        let page_changed = view.page != state.get_untracked().page;
        let place = keeper.with_untracked(|k| matches!(k, ViewKeeper::Page) && matches!(view.page, Page::List { .. }))
            .then(|| ListPlace::from_entry(view.clone(), &ev.state()))
            .flatten();
        state.set(view);
        if page_changed {
            keeper.with_untracked(|k| match place {
                Some(place) => k.return_to(place),
                None => k.reveal(false),
            });
        }
    });
    on_cleanup(move || listener.remove());

    // The list the reader last opened an article from, while the page is open.
    let left = StoredValue::new(None::<ListPlace>);
    Nav(Callback::new(move |next: ViewState| {
        let current = state.get_untracked();
        if next == current {
            return;
        }
        if let (Page::List { .. }, Page::Article(opened)) = (&current.page, &next.page) {
            let scroll_y = window().scroll_y().unwrap_or_default();
            let place = ListPlace { view: current.clone(), scroll_y, opened: opened.clone() };
            keeper.with_untracked(|k| k.remember(&place));
            left.set_value(Some(place));
        }
        // Typing on in the search box changes the entry it started.
        let typing = !current.query.is_empty() && !next.query.is_empty() && next.query != current.query;
        keeper.with_untracked(|k| k.push(&next, typing && next.page == current.page));
        // A search moves to its first page without taking focus from the box.
        let page_changed = next.page != current.page && next.query == current.query;
        let back_to = left.with_value(|p| p.as_ref().filter(|p| p.view == next).cloned());
        state.set(next);
        if page_changed {
            keeper.with_untracked(|k| match back_to {
                Some(place) => k.return_to(place),
                None => k.reveal(true),
            });
        }
    }))
}
