//! The topic lens in a real browser: it marks the passages of its topic,
//! counts them in Russian, and can be switched and turned off.

mod common;

use catalog::{Slug, TopicId, ViewState};
use common::*;
use leptos::{prelude::*, task::tick};
use std::sync::Arc;
use views::{ArticleView, BodyState};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn marked(root: &web_sys::HtmlElement) -> Vec<String> {
    all(root, "[data-testid=passage][data-lens-match]").iter().map(text).collect()
}

fn status(root: &web_sys::HtmlElement) -> String {
    text(&all(root, "[data-testid=lens-count]")[0])
}

#[wasm_bindgen_test]
async fn the_lens_marks_the_passages_of_its_topic() {
    let meta = index().articles[1].clone();
    let plant = Slug::parse("plant").unwrap();
    let start = ViewState::article(plant.clone(), Some(TopicId::new("agriculture")));
    let (root, state) = mount(start, move || {
        view! { <ArticleView meta body=BodyState::Ready(Arc::new(body())) /> }
    });
    tick().await;
    assert_eq!(all(&root, "[data-testid=passage]").len(), 6, "every passage is shown");
    assert_eq!(marked(&root), ["Про молоко.", "Торф и завод."]);
    assert_eq!(status(&root), "2 абзаца о сельском хозяйстве");
    assert_eq!(text(&button(&root, "Промышленность")), "Промышленность 3");

    button(&root, "Промышленность").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::article(plant.clone(), Some(TopicId::new("industry"))));
    assert_eq!(marked(&root), ["Про завод.", "Станки.", "Торф и завод."]);
    assert_eq!(status(&root), "3 абзаца о промышленности");

    // "Next" steps to the first marked passage and focuses it.
    button(&root, "Следующий абзац").click();
    tick().await;
    let focused = leptos::prelude::document().active_element().unwrap();
    assert_eq!(focused.text_content().as_deref(), Some("Про завод."));

    button(&root, "Промышленность").click();
    tick().await;
    assert_eq!(state.get_untracked().lens, None, "pressing the chosen lens again turns it off");
    assert!(marked(&root).is_empty());
    assert_eq!(status(&root), "");
}

#[wasm_bindgen_test]
async fn a_body_that_failed_says_so_and_offers_a_retry() {
    let meta = index().articles[1].clone();
    let tries = RwSignal::new(0);
    let (root, _) = mount(ViewState::article(Slug::parse("plant").unwrap(), None), move || {
        view! {
            <ArticleView
                meta
                body=BodyState::Failed("сервер ответил ошибкой 500".into())
                on_retry=Callback::new(move |_| tries.update(|n| *n += 1))
            />
        }
    });
    tick().await;
    let alert = &all(&root, "[role=alert]")[0];
    assert!(text(alert).contains("Не удалось загрузить текст статьи «Статья plant»: сервер ответил ошибкой 500"));
    assert_eq!(all(&root, "h1").iter().map(text).collect::<Vec<_>>(), ["Статья plant"], "the heading stays");
    button(&root, "Повторить").click();
    assert_eq!(tries.get_untracked(), 1);
}
