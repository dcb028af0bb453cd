//! The topic lens in a real browser: it marks the passages of its topic,
//! counts them in Russian, and can be switched and turned off; and the
//! words of the search an article was opened from, marked and stepped through.

mod common;

use catalog::{Block, Inline, Passage, Slug, TopicId, ViewState};
use common::*;
use leptos::{prelude::*, task::tick};
use std::sync::Arc;
use views::{ArticleView, BodyState, FoundInText};
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

#[wasm_bindgen_test]
async fn an_article_opened_from_a_search_marks_its_words_and_steps_through_them() {
    let meta = index().articles[1].clone();
    let plant = Slug::parse("plant").unwrap();
    let mut text_body = body();
    // A match across an emphasis is marked on both sides of it.
    text_body.blocks.push(Block::Paragraph(Passage {
        content: vec![Inline::text("Снова мол"), Inline::Emphasis { content: vec![Inline::text("око")] }, Inline::text(".")],
        topics: vec![],
    }));
    let found = RwSignal::new(None::<FoundInText>);
    let start = ViewState::article(plant.clone(), None).with_query("молоко");
    let (root, state) = mount(start, move || {
        view! { <ArticleView meta body=BodyState::Ready(Arc::new(text_body)) found /> }
    });
    tick().await;
    assert!(all(&root, "mark").is_empty(), "nothing is marked before the words are found");
    assert!(all(&root, "[data-testid=search-in-text]").is_empty());

    // «Статья» in the title, «молоко» in passage 1, «мол|око» in passage 6.
    let molok = 7..19;
    found.set(Some(FoundInText {
        title: [0..12].to_vec(),
        passages: vec![vec![], vec![molok], vec![], vec![], vec![], vec![], vec![11..23]],
    }));
    tick().await;
    assert_eq!(all(&root, "h1 mark").iter().map(text).collect::<Vec<_>>(), ["Статья"]);
    assert_eq!(all(&root, "article p mark, article li mark").iter().map(text).collect::<Vec<_>>(), ["молоко", "мол", "око"]);
    assert_eq!(
        all(&root, "[data-testid=passage][data-search-match]").iter().map(text).collect::<Vec<_>>(),
        ["Про молоко.", "Снова молоко."]
    );
    assert_eq!(text(&all(&root, "[data-testid=search-count]")[0]), "«молоко» в тексте: 2 абзаца");

    // "Next" steps through the passages with matches, round and round.
    for expected in ["Про молоко.", "Снова молоко.", "Про молоко."] {
        button(&root, "Следующее совпадение").click();
        tick().await;
        let focused = leptos::prelude::document().active_element().unwrap();
        assert_eq!(focused.text_content().as_deref(), Some(expected));
    }

    // A lens chosen keeps the search; clearing the marks keeps the lens.
    button(&root, "Промышленность").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::article(plant.clone(), Some(TopicId::new("industry"))).with_query("молоко"));
    let clear = all(&root, "[data-testid=search-in-text] a")[0].clone();
    assert_eq!(clear.get_attribute("href").as_deref(), Some("plant.html?lens=industry"));
    clear.click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::article(plant, Some(TopicId::new("industry"))));
    assert!(all(&root, "[data-testid=search-in-text]").is_empty(), "the bar goes with the search");
}
