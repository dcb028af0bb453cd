use super::ArticleCard;
use leptos::prelude::*;

/// The cards for `positions` (into the index's articles), first `shown` of them.
#[component]
pub fn ArticleList(
    #[prop(into)] positions: Signal<Vec<usize>>,
    #[prop(into)] shown: Signal<usize>,
) -> impl IntoView {
    view! {
        <ul class="article-list" data-testid="article-list">
            <For
                each=move || positions.with(|p| p.iter().copied().take(shown.get()).collect::<Vec<_>>())
                key=|position| *position
                let(position)
            >
                <li class="article-list__item"><ArticleCard position /></li>
            </For>
        </ul>
    }
}
