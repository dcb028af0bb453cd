use catalog::ViewState;
use leptos::{ev, html, prelude::*};
use views::Nav;
use wasm_bindgen::{JsCast, JsValue};

/// Where the viewer is, and so where the reader's view is kept for back,
/// forward, reload and shared links.
#[derive(Clone, Debug)]
pub enum ViewKeeper {
    /// The viewer is the page: each view is a file of the site
    /// (`<slug>.html?lens=…`), pushed to the page's history.
    Page,
    /// The viewer is an element of another site's page. Its view is kept in
    /// one query parameter of that page's URL (`url-state`), or nowhere.
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

    fn push(&self, view: &ViewState) {
        let Ok(history) = window().history() else { return };
        match self {
            ViewKeeper::Page => {
                // Relative, so the site works from any folder.
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&view.href()));
            }
            ViewKeeper::Element { url_param: Some(param), .. } => {
                let location = window().location();
                let (Ok(search), Ok(hash)) = (location.search(), location.hash()) else { return };
                let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return };
                params.set(param, &view.href());
                let url = format!("?{}{hash}", String::from(params.to_string()));
                // The page's own router may keep its data in the history entry.
                let state = history.state().unwrap_or(JsValue::NULL);
                let _ = history.push_state_with_url(&state, "", Some(&url));
            }
            ViewKeeper::Element { url_param: None, .. } => {}
        }
    }

    /// After moving to another view: its top in sight, and focus on its
    /// heading, so keyboard and screen-reader users start reading there.
    /// After back or forward (`moved_here` false) only the page's own view
    /// takes focus: an element must not pull the host page to itself.
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
            if moved_here {
                match this {
                    ViewKeeper::Page => window().scroll_to_with_x_and_y(0.0, 0.0),
                    ViewKeeper::Element { .. } if root.get_bounding_client_rect().top() < 0.0 => root.scroll_into_view(),
                    ViewKeeper::Element { .. } => {}
                }
            }
            let heading = root.query_selector("h1").ok().flatten();
            if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = h.focus();
            }
        });
    }
}

/// Keeps `state` and the URL in step, as `keeper` says: moving to a view
/// records it; back and forward restore it (or `start`, for an element
/// whose parameter the entry lacks). Returns the navigator the components
/// move with.
pub fn use_history(state: RwSignal<ViewState>, keeper: Signal<ViewKeeper>, start: Signal<ViewState>) -> Nav {
    let listener = window_event_listener(ev::popstate, move |_| {
        let restored = keeper.with_untracked(|k| k.restored(start.get_untracked()));
        if let Some(view) = restored {
            let page_changed = view.page != state.get_untracked().page;
            state.set(view);
            if page_changed {
                keeper.with_untracked(|k| k.reveal(false));
            }
        }
    });
    on_cleanup(move || listener.remove());

    Nav(Callback::new(move |next: ViewState| {
        let current = state.get_untracked();
        if next == current {
            return;
        }
        keeper.with_untracked(|k| k.push(&next));
        let page_changed = next.page != current.page;
        state.set(next);
        if page_changed {
            keeper.with_untracked(|k| k.reveal(true));
        }
    }))
}
