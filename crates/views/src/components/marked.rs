use leptos::prelude::*;
use std::ops::Range;

/// `text` with the byte ranges `marks` in `<mark>`: a search's matches.
/// Ranges that do not fall on the text's characters, overlap or run out of
/// order are left unmarked, never cut.
#[component]
pub fn Marked(text: String, marks: Vec<Range<usize>>) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for m in marks {
        let (Some(before), Some(marked)) = (text.get(at..m.start), text.get(m.clone())) else { continue };
        if !before.is_empty() {
            parts.push(before.to_owned().into_any());
        }
        parts.push(view! { <mark>{marked.to_owned()}</mark> }.into_any());
        at = m.end;
    }
    parts.push(text.get(at..).unwrap_or_default().to_owned().into_any());
    parts
}
