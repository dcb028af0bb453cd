use catalog::ViewState;
use leptos::{ev, prelude::*};
use views::Nav;
use wasm_bindgen::JsValue;

/// The view named by the page's current URL.
pub fn location_view() -> Option<ViewState> {
    let location = window().location();
    let path = location.pathname().ok()?;
    let file = path.rsplit('/').next().unwrap_or_default();
    ViewState::from_url(file, &location.search().ok()?)
}

/// Keeps `state` and the address bar in step: moving to a view pushes its
/// URL (relative, so any folder works); back and forward restore the view.
/// Provides the [`Nav`] the components move with.
pub fn use_history(state: RwSignal<ViewState>) {
    let nav = Callback::new(move |next: ViewState| {
        let current = state.get_untracked();
        if next == current {
            return;
        }
        let page_changed = next.page != current.page;
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&next.href()));
        }
        state.set(next);
        if page_changed {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            focus_heading();
        }
    });
    provide_context(Nav(nav));

    let listener = window_event_listener(ev::popstate, move |_| {
        if let Some(view) = location_view() {
            let page_changed = view.page != state.get_untracked().page;
            state.set(view);
            if page_changed {
                focus_heading();
            }
        }
    });
    on_cleanup(move || listener.remove());
}

/// Moves focus to the new view's heading once it is in the page, so that
/// keyboard and screen-reader users start reading there.
fn focus_heading() {
    request_animation_frame(|| {
        let heading = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
        if let Some(h) = heading {
            let _ = h.focus();
        }
    });
}
