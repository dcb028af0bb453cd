use crate::text;
use leptos::prelude::*;

/// Entries of the index that could not be read, said above the list of
/// the ones that could. Nothing when every entry read.
#[component]
pub fn UnreadableNotice(unreadable: Vec<String>) -> impl IntoView {
    (!unreadable.is_empty()).then(|| {
        view! {
            <div class="load-error" role="alert" data-testid="unreadable-articles">
                <p class="load-error__message">{text::unreadable_articles(&unreadable)}</p>
            </div>
        }
    })
}
