use super::ArticleCard;
use leptos::prelude::*;

/// The cards of the articles at `positions` in the index.
#[component]
pub fn ArticleList(#[prop(into)] positions: Signal<Vec<usize>>) -> impl IntoView {
    view! {
        <ul class="article-list" data-testid="article-list">
            <For each=move || positions.get() key=|position| *position let(position)>
                <li class="article-list__item"><ArticleCard position /></li>
            </For>
        </ul>
    }
}
