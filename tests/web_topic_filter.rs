//! The topic filter in a real browser: chips change the list, the counts
//! and the view state.

mod common;

use catalog::{TopicId, ViewState};
use common::*;
use leptos::{prelude::*, task::tick};
use views::ListView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn titles(root: &web_sys::HtmlElement) -> Vec<String> {
    all(root, "[data-testid=article-card] h2").iter().map(text).collect()
}

#[wasm_bindgen_test]
async fn chips_filter_the_list_and_keep_counts_true() {
    let (root, state) = mount(ViewState::list(vec![]), || view! { <ListView /> });
    tick().await;
    assert_eq!(titles(&root), ["Статья plant", "Статья farm", "Статья fair"], "newest first");
    assert_eq!(text(&all(&root, "[data-testid=result-count]")[0]), "Показаны 3 статьи из 3");
    assert_eq!(button(&root, "Все темы").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(text(&button(&root, "Сельское хозяйство")), "Сельское хозяйство 2");

    button(&root, "Торговля").click();
    tick().await;
    assert_eq!(titles(&root), ["Статья fair"]);
    assert_eq!(text(&all(&root, "[data-testid=result-count]")[0]), "Показана 1 статья из 3");
    assert_eq!(button(&root, "Торговля").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(button(&root, "Все темы").get_attribute("aria-pressed").as_deref(), Some("false"));

    // A second topic widens the choice, and the state keeps the topics' order.
    button(&root, "Сельское хозяйство").click();
    tick().await;
    assert_eq!(titles(&root), ["Статья plant", "Статья farm", "Статья fair"]);
    assert_eq!(state.get_untracked().topics, [TopicId::new("agriculture"), TopicId::new("trade")]);
    assert_eq!(text(&button(&root, "Торговля")), "Торговля 1", "counts do not change with the choice");

    button(&root, "Сельское хозяйство").click();
    tick().await;
    assert_eq!(titles(&root), ["Статья fair"], "pressing a chosen topic again drops it");

    button(&root, "Все темы").click();
    tick().await;
    assert_eq!(titles(&root).len(), 3);
    assert_eq!(state.get_untracked(), ViewState::list(vec![]));
}

#[wasm_bindgen_test]
async fn a_choice_with_no_articles_says_what_to_do() {
    let (root, state) = mount(ViewState::list(vec![TopicId::new("transport")]), || view! { <ListView /> });
    tick().await;
    assert!(titles(&root).is_empty());
    let empty = &all(&root, "[data-testid=empty-state]")[0];
    assert!(text(empty).contains("Нет статей по выбранным темам."));
    button(&root, "Показать все статьи").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![]));
    assert_eq!(titles(&root).len(), 3);
}

#[wasm_bindgen_test]
async fn a_long_list_pages_with_links_and_keeps_the_choice() {
    let (root, state) = mount(ViewState::list(vec![]), || view! { <ListView page_size=2 /> });
    tick().await;
    assert_eq!(titles(&root), ["Статья plant", "Статья farm"]);
    assert!(text(&all(&root, "nav.pager, [aria-label='Страницы списка']")[0]).contains("Страница 1 из 2"));
    assert!(all(&root, "a").iter().all(|a| text(a) != "← Новее"), "no newer page on page 1");

    all(&root, "a").into_iter().find(|a| text(a) == "Раньше →").expect("a link to older articles").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list_page(vec![], 2));
    assert_eq!(titles(&root), ["Статья fair"]);
    let newer = all(&root, "a").into_iter().find(|a| text(a) == "← Новее").expect("a link back");
    assert_eq!(newer.get_attribute("href").as_deref(), Some("index.html"));

    // Choosing a topic starts again from its first page.
    button(&root, "Промышленность").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![TopicId::new("industry")]));
    assert_eq!(titles(&root), ["Статья plant", "Статья fair"]);
    assert!(all(&root, "[aria-label='Страницы списка']").is_empty(), "one page needs no pager");
}

#[wasm_bindgen_test]
async fn the_list_speaks_english_when_asked() {
    let (root, _) = mount_in(views::Lang::En, ViewState::list(vec![]), || view! { <ListView /> });
    tick().await;
    assert_eq!(text(&all(&root, "h1")[0]), "News");
    assert_eq!(text(&all(&root, "[data-testid=result-count]")[0]), "Showing 3 of 3 articles");
    assert_eq!(text(&button(&root, "Agriculture")), "Agriculture 2");
    assert_eq!(text(&all(&root, "[data-testid=article-card] time")[0]), "12 January 2026");
    button(&root, "Trade").click();
    tick().await;
    assert_eq!(button(&root, "All topics").get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(titles(&root), ["Статья fair"], "articles keep their own words");
}

fn month_filter(root: &web_sys::HtmlElement) -> web_sys::HtmlSelectElement {
    all(root, "[data-testid=month-filter]").remove(0).unchecked_into()
}

fn month_choices(root: &web_sys::HtmlElement) -> Vec<String> {
    all(root, "[data-testid=month-filter] option").iter().map(text).collect()
}

#[wasm_bindgen_test]
async fn a_month_narrows_the_list_and_its_counts_follow_the_topics() {
    let (root, state) = mount(ViewState::list(vec![]), || view! { <ListView /> });
    tick().await;
    assert_eq!(month_choices(&root), ["Все месяцы (3)", "Январь 2026 (2)", "Декабрь 2025 (1)"]);
    assert_eq!(month_filter(&root).value(), "");

    let select = month_filter(&root);
    select.set_value("2025-12");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    let december = catalog::Month::parse("2025-12").ok();
    assert_eq!(state.get_untracked(), ViewState::list(vec![]).with_month(december));
    assert_eq!(titles(&root), ["Статья fair"]);
    assert_eq!(text(&all(&root, "[data-testid=result-count]")[0]), "Показана 1 статья из 3");
    assert_eq!(month_filter(&root).value(), "2025-12", "the choice shows");
    // Each topic counts what it would show in that month.
    assert_eq!(text(&button(&root, "Сельское хозяйство")), "Сельское хозяйство 0");
    assert_eq!(text(&button(&root, "Промышленность")), "Промышленность 1");

    // A topic keeps the month; each month counts what the topic has in it,
    // and the chosen month stays a choice with none.
    button(&root, "Сельское хозяйство").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![TopicId::new("agriculture")]).with_month(december));
    assert!(titles(&root).is_empty());
    painted().await;
    assert_eq!(month_choices(&root), ["Все месяцы (2)", "Январь 2026 (2)", "Декабрь 2025 (0)"]);

    // "Show all" drops the topics and the month.
    button(&root, "Показать все статьи").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState::list(vec![]));
    assert_eq!(titles(&root).len(), 3);
    assert_eq!(month_filter(&root).value(), "");
    assert_eq!(text(&button(&root, "Сельское хозяйство")), "Сельское хозяйство 2", "the whole list's counts again");
}

fn name_chips(root: &web_sys::HtmlElement) -> Vec<String> {
    all(root, "[data-testid=name-filter] button").iter().map(text).collect()
}

#[wasm_bindgen_test]
async fn names_fold_away_narrow_the_list_and_count_under_the_other_choices() {
    let (root, state) = mount(ViewState::list(vec![]), || view! { <ListView /> });
    tick().await;
    let names = all(&root, "[data-testid=name-filter]").remove(0);
    assert!(!names.has_attribute("open"), "folded until opened");
    all(&root, "[data-testid=name-filter] summary")[0].click();
    tick().await;
    assert_eq!(name_chips(&root), ["Иванов 1", "Петров 1", "Киров 2"], "people, then places; most named first");
    let group = |label: &str| all(&root, &format!("[role=group][aria-label='{label}'] button")).len();
    assert_eq!((group("Люди"), group("Места")), (2, 1));

    button(&root, "Киров").click();
    tick().await;
    let kirov = catalog::Name::new(catalog::NameKind::Place, "Киров");
    assert_eq!(state.get_untracked().names, [kirov.clone()]);
    assert_eq!(titles(&root), ["Статья plant", "Статья farm"]);
    assert_eq!(button(&root, "Киров").get_attribute("aria-pressed").as_deref(), Some("true"));
    // People count within Kirov; Kirov itself counts with its own kind aside.
    assert_eq!(name_chips(&root), ["Иванов 1", "Петров 0", "Киров 2"]);

    // Another kind narrows further; a topic keeps the names.
    button(&root, "Петров").click();
    tick().await;
    assert!(titles(&root).is_empty(), "no article names both Петров and Киров");
    button(&root, "Петров").click();
    button(&root, "Промышленность").click();
    tick().await;
    assert_eq!(state.get_untracked(), ViewState { names: vec![kirov], ..ViewState::list(vec![TopicId::new("industry")]) });
    assert_eq!(titles(&root), ["Статья plant"]);
    assert_eq!(name_chips(&root), ["Иванов 1", "Петров 0", "Киров 1"]);
}
