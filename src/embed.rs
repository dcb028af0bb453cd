//! The viewer inside another site's page: `<article-viewer>` (defined by
//! `embed.js`) mounts it in the element's shadow root, and `embed.html`
//! hosts one element alone for an iframe. Options come from the element's
//! attributes and follow their changes; the view stays inside the element
//! unless the page asks for it in its URL (`url-state`), so the viewer never
//! fights the portal's own routing.

use crate::components::EmbeddedPage;
use crate::data::DataUrl;
use crate::hooks::{use_low_vision, ViewKeeper};
use crate::routes::ListOptions;
use crate::viewer::Viewer;
use catalog::{EmbedOptions, ViewState};
use leptos::{html, mount::mount_to, prelude::*};
use views::{provide_words, use_words, Lang, LinkBase};
use wasm_bindgen::prelude::*;

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

/// The element's root: its options as the viewer's.
#[component]
fn Embedded(options: Signal<EmbedOptions>, site: String) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    provide_context(LinkBase(site));
    let lang = Memo::new(move |_| options.with(|o| o.lang.clone()));
    // The language around the element, when neither it nor the site names one.
    provide_words(Lang::default());
    provide_context(use_low_vision(move || root.get().map(Into::into)));
    let keeper = Signal::derive(move || ViewKeeper::Element { root, url_param: options.with(|o| o.url_param.clone()) });
    // A new `topics` attribute is a new starting point: the list with them.
    let start = Memo::new(move |_| ViewState::list(options.with(|o| o.topics.clone())));
    let data = Memo::new(move |_| DataUrl(options.with(|o| o.data.clone())));
    let list = Memo::new(move |_| options.with(|o| ListOptions { page_size: o.limit, filter: o.filter }));
    let theme = move || options.with(|o| o.theme.as_str());
    let compact = move || options.with(|o| o.compact.then_some("true"));
    let loading = move || view! { <p class="embed-loading" aria-busy="true">{use_words().loading_list}</p> };
    view! {
        <div class="embed-root" node_ref=root data-theme=theme data-compact=compact lang=lang>
            <Viewer keeper start data lang fallback=loading>
                <EmbeddedPage root list />
            </Viewer>
        </div>
    }
}
