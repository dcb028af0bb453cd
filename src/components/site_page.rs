use super::SaveOffline;
use crate::hooks::{use_page_title, ServiceWorker};
use crate::routes::{CurrentPage, ListOptions, PageSettled};
use leptos::{html, prelude::*};
use catalog::{Page, ViewState};
use views::{use_words, CurrentView, Frame, ViewLink};
use wasm_bindgen::JsCast;

/// A page of the site once the index is here. It is built hidden beside the
/// prerendered copy and takes its place when it shows the same, in one
/// frame: what the reader sees does not move, and their scroll position and
/// focus stay where they were.
#[component]
pub fn SitePage() -> impl IntoView {
    use_page_title();
    let page = NodeRef::<html::Div>::new();
    let settled = RwSignal::new(false);
    provide_context(PageSettled(settled));
    Effect::new(move |taken: Option<bool>| {
        if taken == Some(true) {
            return true;
        }
        let (true, Some(page)) = (settled.get(), page.get()) else { return false };
        take_over(&page);
        true
    });
    let worker: ServiceWorker = expect_context();
    let CurrentView(state) = expect_context();
    let words = use_words();
    // The offline tools, where a worker can keep articles; the saved page has its own.
    let on_saved = Memo::new(move |_| state.with(|s| s.page == Page::Saved));
    let footer = move || {
        (worker.controlled.get() && !on_saved.get()).then(|| {
            view! {
                <SaveOffline />
                <p class="site-footer__saved">
                    <ViewLink to=ViewState::saved()>{words.saved_link}</ViewLink>
                </p>
            }
        })
    };
    view! {
        <div class="site-page" node_ref=page hidden>
            <Frame footer=Box::new(move || footer.into_any())>
                <CurrentPage list=ListOptions::default() />
            </Frame>
        </div>
    }
}

/// Shows `page` in place of `#prerendered`, keeping the scroll position and
/// moving focus to the same element in the app's copy.
fn take_over(page: &web_sys::HtmlDivElement) {
    let document = document();
    let window = window();
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let prerendered = document.get_element_by_id("prerendered");
    let focused = prerendered
        .as_ref()
        .zip(document.active_element())
        .and_then(|(prerendered, el)| path_from(prerendered, &el));
    if let Some(prerendered) = prerendered {
        prerendered.remove();
    }
    let _ = page.remove_attribute("hidden");
    if let Some(el) = focused.and_then(|path| follow(page, &path)) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "ready");
    }
    window.scroll_to_with_x_and_y(0.0, scrolled);
}

/// Where `el` is under `root`: the index among its element siblings at each level.
fn path_from(root: &web_sys::Element, el: &web_sys::Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut at = el.clone();
    while &at != root {
        let parent = at.parent_element()?;
        let children = parent.children();
        let index = (0..children.length()).find(|&i| children.item(i).as_ref() == Some(&at))?;
        path.push(index);
        at = parent;
    }
    path.reverse();
    Some(path)
}

/// The element at `path` under `root`, if it is one that can take focus.
fn follow(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::HtmlElement> {
    let mut at = root.clone();
    for &index in path {
        at = at.children().item(index)?;
    }
    at.dyn_into::<web_sys::HtmlElement>().ok()
}
