use crate::use_words;
use leptos::prelude::*;

/// A toggle button for a topic or a name: its label and a count, pressed or not.
#[component]
pub fn TopicChip(
    label: String,
    #[prop(into)] count: Signal<usize>,
    #[prop(into)] pressed: Signal<bool>,
    on_toggle: impl Fn() + 'static,
    /// Extra class for the chip's place (`chip--lens`).
    #[prop(optional)]
    variant: Option<&'static str>,
    /// The most the count can say (the whole list's, which other choices
    /// only lessen): its room is kept, so that the chips do not move as
    /// the counts change.
    #[prop(optional)]
    widest: Option<usize>,
) -> impl IntoView {
    let words = use_words();
    let class = match variant {
        Some(v) => format!("chip {v}"),
        None => "chip".to_owned(),
    };
    view! {
        <button
            type="button"
            class=class
            aria-pressed=move || pressed.get().to_string()
            on:click=move |_| on_toggle()
        >
            {label}
            " "
            <span class="chip__count" data-digits=widest.map(|n| words.number(n).chars().count())>{move || words.number(count.get())}</span>
        </button>
    }
}

/// Chip `i`'s count: its place in `counts` (under the other choices), or
/// `whole` (the index's) while there are none.
pub fn count_at(counts: Signal<Option<Vec<usize>>>, i: usize, whole: usize) -> Signal<usize> {
    Signal::derive(move || counts.with(|c| c.as_ref().and_then(|c| c.get(i).copied()).unwrap_or(whole)))
}
