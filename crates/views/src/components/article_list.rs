use super::ArticleCard;
use catalog::ArticleMeta;
use leptos::prelude::*;

/// The cards of `entries`, each keyed by its place in the list.
#[component]
pub fn ArticleList(
    #[prop(into)] entries: Signal<Vec<(usize, ArticleMeta)>>,
    /// While the next entries are on their way.
    #[prop(optional, into)]
    busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <ul class="article-list" data-testid="article-list" aria-busy=move || busy.get().then_some("true")>
            <For each=move || entries.get() key=|(position, _)| *position let((_, article))>
                <li class="article-list__item"><ArticleCard article /></li>
            </For>
        </ul>
    }
}
