use crate::use_words;
use leptos::prelude::*;

/// Parts of the bundle that could not be read, said above the parts that
/// could: entries of the list, or blocks of an article's text. Nothing when
/// everything read.
#[component]
pub fn UnreadableNotice(
    unreadable: Vec<String>,
    /// Blocks of an article's text rather than entries of the list.
    #[prop(optional)]
    in_text: bool,
) -> impl IntoView {
    (!unreadable.is_empty()).then(|| {
        let message = {
            let words = use_words();
            if in_text { words.unreadable_blocks(&unreadable) } else { words.unreadable_articles(&unreadable) }
        };
        view! {
            <div class="load-error" role="alert" data-testid="unreadable">
                <p class="load-error__message">{message}</p>
            </div>
        }
    })
}
