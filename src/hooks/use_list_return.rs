use catalog::{Page, ViewState};
use leptos::prelude::*;
use views::ListReturn;

/// Remembers the last list view the reader was on, so an article's "back"
/// link returns to it (filters and page kept) rather than to the whole list.
pub fn use_list_return(state: Signal<ViewState>, start: ViewState) -> ListReturn {
    let last = RwSignal::new(start);
    Effect::new(move |_| {
        state.with(|s| {
            if matches!(s.page, Page::List { .. }) {
                last.set(s.clone());
            }
        })
    });
    ListReturn(last.into())
}
