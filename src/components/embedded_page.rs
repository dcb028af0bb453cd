use crate::routes::{CurrentPage, ListOptions};
use catalog::{Page, TopicId, ViewState};
use leptos::{html, prelude::*};
use views::{use_words, Archive, CurrentView, LinkBase, LowVisionBar, LowVisionToggle};
use wasm_bindgen::JsValue;

/// The current page inside `<article-viewer>`, in the interface's language,
/// telling the host page what the reader does.
#[component]
pub fn EmbeddedPage(root: NodeRef<html::Div>, #[prop(into)] list: Signal<ListOptions>) -> impl IntoView {
    let CurrentView(state) = expect_context();
    announce(state, root);
    view! {
        <div class="embed-page" lang=use_words().lang.tag()>
            <div class="embed-tools">
                <LowVisionToggle />
            </div>
            <LowVisionBar />
            <CurrentPage list />
        </div>
    }
}

/// Tells the host page what the reader does, as DOM events that leave the
/// shadow root: `article-open` (`detail.slug`, `detail.title`, `detail.url`)
/// and `topics-change` (`detail.topics`).
fn announce(state: Signal<ViewState>, root: NodeRef<html::Div>) {
    let Archive { shelf, .. } = expect_context();
    let LinkBase(site) = expect_context();
    let article = Memo::new(move |_| {
        state.with(|s| match &s.page {
            Page::Article(slug) => Some(slug.clone()),
            Page::List { .. } | Page::Saved => None,
        })
    });
    // An article the element starts on (from the page's URL) is not one the
    // reader opened: only changes after the start are told.
    Effect::new(move |started: Option<()>| {
        let Some(slug) = article.get() else { return };
        if started.is_none() {
            return;
        }
        let title = shelf.with_untracked(|s| s.find(&slug).ok().flatten().map(|a| a.title.clone())).unwrap_or_default();
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
