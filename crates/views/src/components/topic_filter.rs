use super::TopicChip;
use crate::{text, Catalog, Nav, Selection};
use catalog::{TopicId, ViewState};
use leptos::prelude::*;

/// Topic chips: choose several (an article shows when it has any of them),
/// or "all". Each chip says how many articles carry its topic.
#[component]
pub fn TopicFilter() -> impl IntoView {
    let Catalog(index) = expect_context();
    let Selection(selection) = expect_context();
    let nav = use_context::<Nav>();
    let chosen = Memo::new(move |_| selection.with(|s| s.topics.clone()));

    // The new choice keeps the topics' own order, so one set of topics has one URL.
    let toggle = move |id: TopicId| {
        let mut next = chosen.get_untracked();
        match next.iter().position(|t| *t == id) {
            Some(i) => {
                next.remove(i);
            }
            None => next.push(id),
        }
        let order = |t: &TopicId| index.with_value(|ix| ix.topics.iter().position(|x| x.id == *t));
        next.sort_by_key(order);
        if let Some(nav) = nav {
            nav.go(ViewState::list(next));
        }
    };

    let topics = index.with_value(|ix| {
        ix.topics.iter().filter(|t| t.count > 0).cloned().collect::<Vec<_>>()
    });
    view! {
        <div class="topic-filter" role="group" aria-label=text::TOPICS>
            <button
                type="button"
                class="chip"
                aria-pressed=move || chosen.with(Vec::is_empty).to_string()
                on:click=move |_| {
                    if let Some(nav) = nav {
                        nav.go(ViewState::list(Vec::new()));
                    }
                }
            >
                {text::ALL_TOPICS}
            </button>
            {topics
                .into_iter()
                .map(|topic| {
                    let id = topic.id.clone();
                    let pressed = Signal::derive({
                        let id = id.clone();
                        move || chosen.with(|c| c.contains(&id))
                    });
                    view! {
                        <TopicChip
                            label=topic.ru
                            count=topic.count as usize
                            pressed
                            on_toggle=move || toggle(id.clone())
                        />
                    }
                })
                .collect_view()}
        </div>
    }
}
