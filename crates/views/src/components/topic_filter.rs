use super::topic_chip::count_at;
use super::TopicChip;
use crate::{use_words, Archive, CurrentView, Nav, SiteIndex};
use catalog::{Choice, TopicId, ViewState};
use leptos::prelude::*;

/// Topic chips: choose several (an article shows when it has any of them),
/// or "all". Each chip says how many articles it would show: under a
/// search, a month or a name, how many of theirs carry its topic.
#[component]
pub fn TopicFilter(
    /// For each of the index's topics with articles, its count under the
    /// other choices; `None`: the whole list's.
    #[prop(into)]
    counts: Signal<Option<Vec<usize>>>,
) -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();
    let chosen = Memo::new(move |_| selection.with(|s| s.topics.clone()));
    // Under a search, a month or a name the counts need every topic's
    // positions: they are fetched meanwhile, and until they are here (or
    // if they cannot be had) the chips keep the index's counts.
    let Archive { shelf, prefetch, .. } = expect_context();
    Effect::new(move |_| {
        let others = selection.with(|s| s.month.is_some() || !s.names.is_empty() || !s.query.trim().is_empty());
        if others && counts.with(Option::is_none) {
            let needs = shelf.with_untracked(|s| s.unfetched_topics());
            if !needs.is_empty() {
                prefetch.run(needs);
            }
        }
    });

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
        next.sort_unstable_by_key(order);
        // A search and the other choices stay: the topics narrow what they show.
        nav.go(selection.with_untracked(|s| ViewState::chosen(Choice { topics: next, ..s.choice() }).with_query(&s.query)));
    };

    let topics = index.with_value(|ix| {
        ix.topics.iter().filter(|t| t.count > 0).cloned().collect::<Vec<_>>()
    });
    view! {
        <div class="topic-filter" role="group" aria-label=words.topics>
            <button
                type="button"
                class="chip"
                aria-pressed=move || chosen.with(Vec::is_empty).to_string()
                on:click=move |_| nav.go(selection.with_untracked(|s| ViewState::chosen(Choice { topics: Vec::new(), ..s.choice() }).with_query(&s.query)))
            >
                {words.all_topics}
            </button>
            {topics
                .into_iter()
                .enumerate()
                .map(|(i, topic)| {
                    let id = topic.id.clone();
                    let count = count_at(counts, i, topic.count as usize);
                    let pressed = Signal::derive({
                        let id = id.clone();
                        move || chosen.with(|c| c.contains(&id))
                    });
                    view! {
                        <TopicChip
                            label=words.topic(&topic).to_owned()
                            count
                            widest=topic.count as usize
                            pressed
                            on_toggle=move || toggle(id.clone())
                        />
                    }
                })
                .collect_view()}
        </div>
    }
}
