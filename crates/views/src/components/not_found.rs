use super::ViewLink;
use crate::text;
use catalog::ViewState;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="not-found">
            <h1 tabindex="-1">{text::NOT_FOUND}</h1>
            <p>{text::NOT_FOUND_HINT}</p>
            <p><ViewLink to=ViewState::list(Vec::new())>{text::BACK_TO_LIST}</ViewLink></p>
        </div>
    }
}
