use catalog::{Page, ViewState};
use leptos::prelude::*;
use views::ListReturn;

/// Remembers the last list view the reader was on, so an article's "back"
/// link returns to it (filters and page kept) rather than to the whole list.
/// An article with a search (`?q=`, opened from a result, perhaps in
/// another tab) returns to that search's results.
pub fn use_list_return(state: Signal<ViewState>, start: ViewState) -> ListReturn {
    let last = RwSignal::new(start);
    Effect::new(move |_| {
        state.with(|s| match s.page {
            Page::List { .. } => last.set(s.clone()),
            Page::Article(_) if !s.query.trim().is_empty() && last.with_untracked(|l| l.query != s.query) => {
                last.set(ViewState::list(Vec::new()).with_query(&s.query));
            }
            Page::Article(_) | Page::Saved => {}
        })
    });
    ListReturn(last.into())
}
