use super::ViewLink;
use crate::use_words;
use catalog::ViewState;
use leptos::prelude::*;

/// An article that is not there; or, `page`, any address of the site that
/// is not one of its pages (404.html).
#[component]
pub fn NotFound(#[prop(optional)] page: bool) -> impl IntoView {
    let words = use_words();
    view! {
        <div class="not-found">
            <h1 tabindex="-1">{if page { words.page_not_found } else { words.not_found }}</h1>
            <p>{words.not_found_hint}</p>
            <p><ViewLink to=ViewState::list(Vec::new())>{words.back_to_list}</ViewLink></p>
        </div>
    }
}
