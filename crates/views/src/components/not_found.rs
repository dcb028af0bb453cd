use super::ViewLink;
use crate::use_words;
use catalog::ViewState;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let words = use_words();
    view! {
        <div class="not-found">
            <h1 tabindex="-1">{words.not_found}</h1>
            <p>{words.not_found_hint}</p>
            <p><ViewLink to=ViewState::list(Vec::new())>{words.back_to_list}</ViewLink></p>
        </div>
    }
}
