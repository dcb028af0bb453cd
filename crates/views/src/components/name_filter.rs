use super::topic_chip::count_at;
use super::TopicChip;
use crate::{use_words, Archive, CurrentView, Nav};
use catalog::{Choice, Name, NameKind, Need, Shelf, ViewState};
use leptos::{ev, prelude::*};

/// The people, places and organisations the list's articles name most,
/// each a toggle with how many articles it shows under the other choices:
/// an article shows when it names any chosen name of a kind, and one of
/// every kind chosen. Folded away until the reader opens it, or has chosen
/// a name: under a filter its counts need the names file, fetched then.
#[component]
pub fn NameFilter(
    /// For each of the shelf's names, its count under the other choices;
    /// `None` until the names file is here.
    #[prop(into)]
    counts: Signal<Option<Vec<usize>>>,
) -> impl IntoView {
    let Archive { shelf, fetch, .. } = expect_context();
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();
    let names: Vec<(Name, u32)> = shelf.with_untracked(|s| s.names().to_vec());
    let chosen = Memo::new(move |_| selection.with(|s| s.names.clone()));
    let open = RwSignal::new(!chosen.with_untracked(Vec::is_empty));
    Effect::new(move |_| {
        if open.get() && counts.with(Option::is_none) && !shelf.with_untracked(Shelf::has_name_positions) {
            fetch.run(vec![Need::Names]);
        }
    });

    // A name keeps the other choices and the search.
    let toggle = move |name: &Name| {
        nav.go(selection.with_untracked(|s| {
            let mut names = s.names.clone();
            match names.iter().position(|n| n == name) {
                Some(i) => {
                    names.remove(i);
                }
                None => names.push(name.clone()),
            }
            ViewState::chosen(Choice { names, ..s.choice() }).with_query(&s.query)
        }));
    };
    let groups = NameKind::ALL
        .into_iter()
        .filter(|kind| names.iter().any(|(n, _)| n.kind == *kind))
        .map(|kind| {
            let label = match kind {
                NameKind::Person => words.people,
                NameKind::Place => words.places,
                NameKind::Organization => words.organizations,
            };
            let chips = names
                .iter()
                .enumerate()
                .filter(|(_, (n, _))| n.kind == kind)
                .map(|(i, (name, whole))| {
                    let count = count_at(counts, i, *whole as usize);
                    let pressed = Signal::derive({
                        let name = name.clone();
                        move || chosen.with(|c| c.contains(&name))
                    });
                    let name = name.clone();
                    view! { <TopicChip label=name.text.clone() count widest=*whole as usize pressed on_toggle=move || toggle(&name) /> }
                })
                .collect_view();
            view! {
                <div class="names__group" role="group" aria-label=label>
                    <p class="names__label" aria-hidden="true">{label}</p>
                    <div class="topic-filter">{chips}</div>
                </div>
            }
        })
        .collect_view();
    (!names.is_empty()).then(|| {
        view! {
            <details
                class="names"
                data-testid="name-filter"
                prop:open=move || open.get()
                on:toggle=move |ev: ev::Event| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            >
                <summary class="names__summary">{words.names}</summary>
                {groups}
            </details>
        }
    })
}
