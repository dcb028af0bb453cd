//! The viewer's kinds of page: the list, an article, and what is saved.

mod article;
mod list;
mod saved;

use article::ArticleRoute;
use saved::SavedRoute;
pub(crate) use saved::moment;
use catalog::Page;
use leptos::prelude::*;
pub use list::{ListOptions, ListRoute};
use views::CurrentView;

/// Set once the page shows all it is going to: the list at once, an
/// article when its text has come or failed. The site's pages wait for it
/// to swap the prerendered copy for the app in one frame.
#[derive(Clone, Copy)]
pub struct PageSettled(pub RwSignal<bool>);

/// The list or an article, as the reader's view says.
#[component]
pub fn CurrentPage(
    /// How the list is shown.
    #[prop(into)]
    list: Signal<ListOptions>,
) -> impl IntoView {
    let CurrentView(state) = expect_context();
    let page = Memo::new(move |_| state.with(|s| s.page.clone()));
    move || match page.get() {
        Page::List { .. } => view! { <ListRoute options=list.get() /> }.into_any(),
        Page::Article(slug) => view! { <ArticleRoute slug /> }.into_any(),
        Page::Saved => view! { <SavedRoute /> }.into_any(),
    }
}
