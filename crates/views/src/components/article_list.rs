use super::ArticleCard;
use crate::Marks;
use catalog::ArticleMeta;
use leptos::prelude::*;

/// A page of the list: each article at its place in the list, with its
/// marks when it is a search result.
pub type Entries = Vec<(usize, ArticleMeta, Option<Marks>)>;

/// The cards of `entries`, each keyed by its place in the list (and its
/// marks: the same article found by another search is drawn again).
#[component]
pub fn ArticleList(
    #[prop(into)] entries: Signal<Entries>,
    /// The search the entries were found by, for their links; empty for the list.
    #[prop(into)]
    query: Signal<String>,
    /// While the next entries are on their way.
    #[prop(into)]
    busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <ul class="article-list" data-testid="article-list" aria-busy=move || busy.get().then_some("true")>
            <For each=move || entries.get() key=|(position, _, marks)| (*position, marks.clone()) let((_, article, found))>
                <li class="article-list__item"><ArticleCard article found query=query.get_untracked() /></li>
            </For>
        </ul>
    }
}
