use crate::{after_paint, use_words, Archive, CurrentView, Nav, Words};
use catalog::{Choice, Month, ViewState};
use leptos::{ev, prelude::*};

/// The archive by month: one month of the list, or all. Each month says how
/// many articles it has under the chosen topics (and search), and months
/// with none are left out. Shown once the list spans two months or more.
#[component]
pub fn MonthFilter(
    /// Articles under the other filters in each of the shelf's months.
    #[prop(into)]
    counts: Signal<Vec<usize>>,
) -> impl IntoView {
    let Archive { shelf, .. } = expect_context();
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();
    let chosen = Memo::new(move |_| selection.with(|s| s.month));

    // A month keeps the other choices and the search: it narrows what they show.
    let choose = move |ev: ev::Event| {
        let month = Month::parse(&event_target_value(&ev)).ok();
        nav.go(selection.with_untracked(|s| ViewState::chosen(Choice { month, ..s.choice() }).with_query(&s.query)));
    };
    // The months are the shelf's from the start: only their counts change.
    let months: Vec<Month> = shelf.with_untracked(|s| s.months().iter().map(|(m, _)| *m).collect());
    (months.len() > 1).then(|| {
        // The list is drawn first: the counts of a closed choice of a hundred
        // months or more follow once it is painted. Rewriting a select's
        // option texts was a third of a topic toggle on a large archive.
        let shown = RwSignal::new(counts.get_untracked());
        Effect::new(move |_| {
            counts.track();
            after_paint(Box::new(move || {
                // The counts as they are then, unless the filter is gone meanwhile.
                if let Some(now) = counts.try_get_untracked() {
                    if shown.try_with_untracked(|s| *s != now) == Some(true) {
                        shown.try_set(now);
                    }
                }
            }));
        });
        // Drawn whole as the counts change, as one type-erased view: one
        // closure is lighter in the wasm than a reactive part per option.
        let options = move || shown.with(|counts| options(words, &months, counts, chosen.get()));
        view! {
            <label class="month-filter">
                <span class="month-filter__name">{words.month}</span>
                <select class="month-filter__choice" aria-label=words.month data-testid="month-filter" on:change=choose>
                    {options}
                </select>
            </label>
        }
    })
}

/// "All months" and each month with articles under the other filters (and
/// the chosen one, even with none), the chosen one selected.
fn options(words: &'static Words, months: &[Month], counts: &[usize], chosen: Option<Month>) -> AnyView {
    let all = format!("{} ({})", words.all_months, words.number(counts.iter().sum::<usize>()));
    let each = months
        .iter()
        .zip(counts.iter().copied())
        .filter(|&(m, n)| n > 0 || Some(*m) == chosen)
        .map(|(&m, n)| view! { <option value=m.to_string() selected=Some(m) == chosen>{words.month_choice(m, n)}</option> })
        .collect_view();
    view! {
        <option value="" selected=chosen.is_none()>{all}</option>
        {each}
    }
    .into_any()
}
