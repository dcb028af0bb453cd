use super::SaveOffline;
use crate::hooks::{use_page_title, ServiceWorker};
use crate::routes::{CurrentPage, ListOptions};
use leptos::prelude::*;
use views::Frame;

/// A page of the site once the index is here: it replaces the prerendered copy.
#[component]
pub fn SitePage() -> impl IntoView {
    use_page_title();
    Effect::new(move |_| {
        if let Some(prerendered) = document().get_element_by_id("prerendered") {
            prerendered.remove();
        }
        let _ = document().document_element().map(|html| html.set_attribute("data-app", "ready"));
    });
    let worker: ServiceWorker = expect_context();
    let footer = move || worker.controlled.get().then(|| view! { <SaveOffline /> });
    view! {
        <Frame footer=Box::new(move || footer.into_any())>
            <CurrentPage list=ListOptions::default() />
        </Frame>
    }
}
