//! The search box and its results in a real browser: typing puts the words
//! in the view, results show with their matches marked, and a search that
//! finds nothing offers a way out.

mod common;

use catalog::{ListPage, TopicId, ViewState};
use common::*;
use leptos::{prelude::*, task::tick};
use views::{Finder, Found, FoundPage, ListView, Marks};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The list with a search the test answers itself.
fn mount_search(state: ViewState) -> (web_sys::HtmlElement, RwSignal<ViewState>, RwSignal<Found>) {
    let found = RwSignal::new(Found::Searching);
    let (root, state) = mount(state, move || {
        provide_context(Finder(found.into()));
        view! { <ListView /> }
    });
    (root, state, found)
}

fn input(root: &web_sys::HtmlElement) -> web_sys::HtmlInputElement {
    root.query_selector("input[type=search]").unwrap().expect("a search field").unchecked_into()
}

fn status(root: &web_sys::HtmlElement) -> String {
    text(&all(root, "[data-testid=result-count]")[0])
}

#[wasm_bindgen_test]
async fn typing_puts_the_words_in_the_view_and_keeps_the_topics() {
    let (root, state, _) = mount_search(ViewState::list_page(vec![TopicId::new("trade")], 2));
    tick().await;
    let field = input(&root);
    assert_eq!(field.closest("label").unwrap().unwrap().text_content().unwrap().trim(), "Поиск по новостям");
    field.set_value("молоко");
    field.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    }).unwrap()).unwrap();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![TopicId::new("trade")]).with_query("молоко"), "first page, same topics");
    assert_eq!(status(&root), "Ищем…");
}

#[wasm_bindgen_test]
async fn results_are_cards_with_their_matches_marked() {
    let (root, _, found) = mount_search(ViewState::list(vec![]).with_query("завод"));
    let plant = index().articles[1].clone();
    let title = plant.title.clone();
    found.set(Found::Ready(FoundPage {
        query: "завод".into(),
        every_word: false,
        page: ListPage { matching: 1, by_month: vec![1, 0], by_name: None, total: 3, number: 1, pages: 1, entries: vec![(0, plant)] },
        marks: vec![Marks { title: vec![0..title.find(' ').unwrap()], excerpt: "…на заводе…".into(), in_excerpt: vec![8..20] }],
        complete: true,
        results: [0].into(),
    }));
    tick().await;
    assert_eq!(status(&root), "Найдена 1 статья по запросу «завод»");
    painted().await;
    let months: Vec<String> = all(&root, "[data-testid=month-filter] option").iter().map(text).collect();
    assert_eq!(months, ["Все месяцы (1)", "Январь 2026 (1)"], "the months count what was found");
    let marks: Vec<String> = all(&root, "[data-testid=article-card] mark").iter().map(text).collect();
    assert_eq!(marks, ["Статья", "заводе"]);
    assert_eq!(text(&all(&root, ".card__summary")[0]), "…на заводе…");
    assert_eq!(all(&root, "[data-testid=any-word]").len(), 1, "not every word matched, and it says so");
    let link = root.query_selector("[data-testid=article-card] a").unwrap().unwrap();
    assert!(link.get_attribute("href").unwrap().starts_with("plant.html?q="), "the article opens with the search");
}

#[wasm_bindgen_test]
async fn the_first_results_stay_in_place_while_the_rest_of_the_page_comes() {
    let (root, _, found) = mount_search(ViewState::list(vec![]).with_query("завод"));
    let articles = index().articles;
    let marks = |n: usize| vec![Marks::default(); n];
    let page = |entries: Vec<(usize, catalog::ArticleMeta)>| ListPage { matching: 2, by_month: vec![2, 0], by_name: None, total: 3, number: 1, pages: 1, entries };
    let first = page(vec![(0, articles[0].clone())]);
    found.set(Found::Ready(FoundPage { query: "завод".into(), every_word: true, page: first, marks: marks(1), complete: false, results: [0, 1].into() }));
    tick().await;
    let list = root.query_selector("[data-testid=article-list]").unwrap().unwrap();
    assert_eq!(status(&root), "Найдено 2 статьи по запросу «завод»", "the count is known with the first results");
    assert_eq!(all(&root, "[data-testid=article-card]").len(), 1);
    assert_eq!(list.get_attribute("aria-busy").as_deref(), Some("true"), "the list says more is coming");
    let card = all(&root, "[data-testid=article-card]")[0].clone();
    let whole = page(vec![(0, articles[0].clone()), (1, articles[1].clone())]);
    found.set(Found::Ready(FoundPage { query: "завод".into(), every_word: true, page: whole, marks: marks(2), complete: true, results: [0, 1].into() }));
    tick().await;
    let cards = all(&root, "[data-testid=article-card]");
    assert_eq!(cards.len(), 2);
    assert!(cards[0].is_same_node(Some(&card)), "the first card is not drawn again");
    assert_eq!(list.get_attribute("aria-busy"), None);
}

#[wasm_bindgen_test]
async fn a_page_whose_rest_fails_is_not_left_busy() {
    let (root, _, found) = mount_search(ViewState::list(vec![]).with_query("завод"));
    let first = ListPage { matching: 2, by_month: vec![2, 0], by_name: None, total: 3, number: 1, pages: 1, entries: vec![(0, index().articles[0].clone())] };
    found.set(Found::Ready(FoundPage { query: "завод".into(), every_word: true, page: first, marks: vec![Marks::default()], complete: false, results: [0, 1].into() }));
    tick().await;
    found.set(Found::Failed("HTTP 503".into()));
    tick().await;
    let list = root.query_selector("[data-testid=article-list]").unwrap().unwrap();
    assert_eq!(list.get_attribute("aria-busy"), None, "nothing more is coming");
    assert_eq!(all(&root, "[data-testid=article-card]").len(), 1, "what came stays");
}

/// What a search found: nothing under the view's choices, `elsewhere` the
/// list positions it found that they leave out.
fn nothing(query: &str, elsewhere: Vec<u32>) -> Found {
    Found::Ready(FoundPage {
        query: query.into(),
        every_word: true,
        page: ListPage { matching: 0, by_month: vec![0, 0], by_name: None, total: 3, number: 1, pages: 1, entries: vec![] },
        marks: vec![],
        complete: true,
        results: elsewhere.into(),
    })
}

#[wasm_bindgen_test]
async fn nothing_found_under_a_topic_offers_every_topic_and_clearing_the_search() {
    let (root, state, found) = mount_search(ViewState::list(vec![TopicId::new("trade")]).with_query("молоко"));
    found.set(nothing("молоко", vec![2]));
    tick().await;
    assert_eq!(status(&root), "По запросу «молоко» с выбранными фильтрами ничего не нашлось.");
    button(&root, "Искать во всех темах").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![]).with_query("молоко"));
    button(&root, "Сбросить поиск").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![]));
    assert_eq!(status(&root), "Показаны 3 статьи из 3", "the list again");
}

#[wasm_bindgen_test]
async fn nothing_found_anywhere_does_not_blame_the_filters() {
    let (root, _, found) = mount_search(ViewState::list(vec![TopicId::new("trade")]).with_query("квазар"));
    found.set(nothing("квазар", vec![]));
    tick().await;
    assert_eq!(status(&root), "По запросу «квазар» ничего не нашлось.");
    let buttons: Vec<String> = all(&root, "[data-testid=empty-state] button").iter().map(text).collect();
    assert_eq!(buttons, ["Сбросить поиск"], "dropping the topic would find nothing either");
}

#[wasm_bindgen_test]
async fn nothing_found_under_a_month_offers_to_search_without_filters() {
    let month = catalog::Month::parse("2026-01").unwrap();
    let (root, state, found) = mount_search(ViewState::chosen(catalog::Choice { month: Some(month), ..Default::default() }).with_query("молоко"));
    found.set(nothing("молоко", vec![0]));
    tick().await;
    button(&root, "Искать без фильтров").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![]).with_query("молоко"), "the month is dropped too");
}
