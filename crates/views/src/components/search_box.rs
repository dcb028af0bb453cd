use crate::{use_words, CurrentView, LinkBase, Nav};
use catalog::ViewState;
use leptos::{ev, prelude::*};

/// The search field: results come as the reader types, within the chosen
/// topics, names and month; the words go in the URL (`?q=`). Without JavaScript it is a
/// plain form that opens the list with the words in its URL.
#[component]
pub fn SearchBox() -> impl IntoView {
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();
    let query = Memo::new(move |_| selection.with(|s| s.query.clone()));
    // The list's page, from a page in another folder too.
    let action = format!("{}index.html", use_context::<LinkBase>().map(|LinkBase(base)| base).unwrap_or_default());
    let search = move |text: String| {
        nav.go(selection.with_untracked(|s| ViewState::chosen(s.choice())).with_query(&text));
    };
    view! {
        <form class="search" role="search" aria-label=words.search action=action on:submit=move |e: ev::SubmitEvent| e.prevent_default()>
            <label class="search__label">
                <span class="search__name">{words.search}</span>
                <input
                    class="search__input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    enterkeyhint="search"
                    maxlength=catalog::QUERY_MAX
                    prop:value=move || query.get()
                    on:input=move |e| search(event_target_value(&e))
                />
            </label>
            <button type="submit" class="button button--small search__button">{words.search_button}</button>
        </form>
    }
}
