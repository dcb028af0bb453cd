use super::TopicChip;
use crate::{use_words, CurrentView, Nav, SiteIndex};
use catalog::{passages_with_topic, Page, Topic, TopicId, ViewState};
use leptos::{ev::MouseEvent, prelude::*, wasm_bindgen::JsCast, web_sys};
use std::sync::Arc;

/// The topic lens: choose a topic and the passages about it are marked,
/// counted, and can be stepped through.
#[component]
pub fn TopicLens(body: Arc<catalog::ArticleBody>) -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let CurrentView(selection) = expect_context();
    let nav: Nav = expect_context();
    let words = use_words();

    // The topics this article's passages touch, in the topics' order.
    let present: Vec<(Topic, usize)> = index.with_value(|ix| {
        ix.topics
            .iter()
            .map(|t| (t.clone(), passages_with_topic(&body, &t.id).len()))
            .filter(|(_, n)| *n > 0)
            .collect()
    });
    if present.is_empty() {
        return None;
    }

    let lens = Memo::new(move |_| selection.with(|s| s.lens.clone()));
    let hits = Memo::new({
        let body = body.clone();
        move |_| lens.with(|l| l.as_ref().map(|t| passages_with_topic(&body, t)).unwrap_or_default())
    });
    let status = {
        let present = present.clone();
        move || {
            let chosen = lens.get()?;
            let (topic, _) = present.iter().find(|(t, _)| t.id == chosen)?;
            Some(words.passages_about(hits.with(Vec::len), topic))
        }
    };

    let choose = move |id: TopicId| {
        let Page::Article(slug) = selection.with_untracked(|s| s.page.clone()) else {
            return;
        };
        let next = (lens.get_untracked().as_ref() != Some(&id)).then_some(id);
        nav.go(ViewState::article(slug, next).with_query(&selection.with_untracked(|s| s.query.clone())));
    };

    // Steps to the marked passage after the last one stepped to, round and round.
    let step = RwSignal::new(None::<(TopicId, usize)>);
    let next = move |ev: MouseEvent| {
        let (Some(topic), count) = (lens.get_untracked(), hits.with_untracked(Vec::len)) else {
            return;
        };
        if count == 0 {
            return;
        }
        let at = match step.get_untracked() {
            Some((t, i)) if t == topic => (i + 1) % count,
            _ => 0,
        };
        step.set(Some((topic, at)));
        let number = hits.with_untracked(|h| h[at]);
        focus_passage(&ev, number);
    };

    Some(view! {
        <div class="lens" role="group" aria-labelledby="lens-title">
            <p class="lens__title" id="lens-title">{words.lens}</p>
            <div class="lens__chips">
                {present
                    .into_iter()
                    .map(|(topic, count)| {
                        let id = topic.id.clone();
                        let pressed = Signal::derive({
                            let id = id.clone();
                            move || lens.get().as_ref() == Some(&id)
                        });
                        view! {
                            <TopicChip
                                label=words.topic(&topic).to_owned()
                                count
                                pressed
                                on_toggle=move || choose(id.clone())
                                variant="chip--lens"
                            />
                        }
                    })
                    .collect_view()}
            </div>
            <div class="lens__status">
                <p role="status" data-testid="lens-count">{status}</p>
                <Show when=move || hits.with(|h| !h.is_empty())>
                    <button type="button" class="button button--small" on:click=next>
                        {words.next_passage}" ↓"
                    </button>
                </Show>
            </div>
        </div>
    })
}

/// Scrolls passage `number` of this article into view and focuses it. Looks
/// it up from the button's own article, so it also works in a shadow root.
pub(super) fn focus_passage(ev: &MouseEvent, number: usize) {
    let passage = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest("article").ok().flatten())
        .and_then(|article| article.query_selector(&format!("#passage-{number}")).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = passage {
        let reduced = web_sys::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
            .is_some_and(|m| m.matches());
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(if reduced { web_sys::ScrollBehavior::Auto } else { web_sys::ScrollBehavior::Smooth });
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    }
}
