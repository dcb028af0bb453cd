use super::PageSettled;
use crate::components::SaveOffline;
use crate::hooks::{use_saved, SavedBodies, SavedBody};
use catalog::{Date, ViewState};
use leptos::prelude::*;
use views::{use_words, Archive, ViewLink, Words};

/// How many saved articles show at first, and how many more each time.
const SHOWN: usize = 50;

/// What the reader saved for offline reading: each article with when it was
/// saved and its size, each removable; "save all" and "remove all".
#[component]
pub fn SavedRoute() -> impl IntoView {
    let words = use_words();
    let Archive { shelf, fetch, .. } = expect_context();
    let settled = use_context::<PageSettled>();
    let SavedBodies { list, refresh, remove } = use_saved();
    let shown = RwSignal::new(SHOWN);
    let status = RwSignal::new(String::new());

    // Each shown body with what the list knows of its article: its title,
    // that it is gone from the list (`Ok(None)`), or the part to fetch first.
    let shown_bodies = Memo::new(move |_| {
        let Some(Ok(saved)) = list.get() else { return Vec::new() };
        shelf.with(|s| {
            saved
                .into_iter()
                .take(shown.get())
                .map(|body| {
                    let found = s.find(&body.slug).map(|meta| meta.map(|meta| meta.title.clone()));
                    (body, found)
                })
                .collect::<Vec<_>>()
        })
    });
    let rows = move || shown_bodies.get().into_iter().map(|(body, found)| (found.ok().flatten(), body)).collect::<Vec<_>>();
    // The parts that hold the shown articles are fetched; an article gone
    // from the index goes from what is saved too.
    Effect::new(move |_| {
        let (mut needs, mut gone) = (Vec::new(), Vec::new());
        shown_bodies.with(|bodies| {
            for (body, found) in bodies {
                match found {
                    Ok(Some(_)) => {}
                    Ok(None) => gone.push(body.url.clone()),
                    Err(need) if !needs.contains(need) => needs.push(need.clone()),
                    Err(_) => {}
                }
            }
        });
        if !needs.is_empty() {
            fetch.run(needs);
        }
        if !gone.is_empty() {
            remove.run(gone);
        }
    });
    Effect::new(move |_| {
        if let (Some(PageSettled(settled)), true) = (settled, list.with(Option::is_some)) {
            settled.set(true);
        }
    });
    // Drawn once the list is read: "save all" keeps its progress while the list changes.
    let available = Memo::new(move |_| list.with(|l| l.as_ref().map(Result::is_ok)));
    let total = Memo::new(move |_| list.with(|l| l.as_ref().and_then(|l| l.as_ref().ok()).map(|l| (l.len(), l.iter().map(|b| b.bytes).sum::<u64>()))));
    let remove_all = move |_| {
        let urls: Vec<String> = list.with_untracked(|l| l.iter().flatten().flatten().map(|b| b.url.clone()).collect());
        remove.run(urls);
        status.set(words.removed_all.to_owned());
    };

    view! {
        <section class="saved" aria-labelledby="saved-heading" data-testid="saved">
            <h1 id="saved-heading" class="saved__heading" tabindex="-1">{words.saved_heading}</h1>
            {move || match available.get() {
                None => ().into_any(),
                Some(false) => view! { <p class="saved__intro">{words.saved_unavailable}</p> }.into_any(),
                Some(true) => view! {
                    <p class="saved__intro">{words.saved_intro}</p>
                    <SaveOffline on_done=Callback::new(move |_| refresh.run(())) />
                    <div class="saved__head">
                        <p class="saved__summary" role="status" data-testid="saved-summary">
                            {move || match total.get() {
                                Some((0, _)) if !status.get().is_empty() => status.get(),
                                Some((0, _)) => words.saved_none.to_owned(),
                                Some((n, bytes)) => words.saved_summary(n, bytes),
                                None => String::new(),
                            }}
                        </p>
                        <Show when=move || total.get().is_some_and(|(n, _)| n > 0)>
                            <button type="button" class="button button--small button--quiet" on:click=remove_all data-testid="remove-all">
                                {words.remove_all}
                            </button>
                        </Show>
                    </div>
                    <ul class="saved__list">
                        <For each=rows key=|(title, body)| (body.url.clone(), title.is_some()) let:row>
                            <SavedArticle title=row.0 body=row.1 remove />
                        </For>
                    </ul>
                    <Show when=move || total.get().is_some_and(|(n, _)| n > shown.get())>
                        <button type="button" class="button button--small" on:click=move |_| shown.update(|n| *n += SHOWN)>
                            {words.show_more}
                        </button>
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}

/// One saved article: its headline (a link to it), when it was saved, its
/// size, and "remove".
#[component]
fn SavedArticle(
    /// The article's headline, once its part of the list is here.
    title: Option<String>,
    body: SavedBody,
    remove: Callback<Vec<String>>,
) -> impl IntoView {
    let words = use_words();
    let title = title.unwrap_or_else(|| body.slug.as_str().to_owned());
    let url = body.url.clone();
    let remove_label = words.remove_one(&title);
    view! {
        <li class="saved__item" data-testid="saved-article">
            <ViewLink to=ViewState::article(body.slug.clone(), None) class="saved__title">{title.clone()}</ViewLink>
            <span class="saved__meta">
                {words.saved_on(&moment(words, body.at))}
                " · "
                {words.size(body.bytes)}
            </span>
            <button type="button" class="button button--small button--quiet" aria-label=remove_label on:click=move |_| remove.run(vec![url.clone()])>
                {words.remove}
            </button>
        </li>
    }
}

/// `ms` since 1970 in the reader's own time and words.
pub(crate) fn moment(words: &Words, ms: f64) -> String {
    let at = js_sys::Date::new(&ms.into());
    let date = Date::new(at.get_full_year() as u16, at.get_month() as u8 + 1, at.get_date() as u8);
    date.map(|d| words.moment(d, at.get_hours(), at.get_minutes())).unwrap_or_default()
}
