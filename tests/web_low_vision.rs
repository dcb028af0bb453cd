//! The low-vision version's controls in a real browser: the header's button
//! opens the settings, each choice changes them at once, and the usual
//! version puts everything back and gives focus to the button again.

mod common;

use catalog::{LowVision, Setting, ViewState};
use common::*;
use leptos::{prelude::*, task::tick};
use views::{LowVisionSettings, SiteHeader};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn radio(root: &web_sys::HtmlElement, setting: &str, choice: &str) -> web_sys::HtmlInputElement {
    root.query_selector(&format!("input[name=\"lv-{setting}\"][value=\"{choice}\"]")).unwrap().unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn the_header_opens_the_settings_and_each_choice_applies_at_once() {
    let settings = LowVisionSettings::new(LowVision::parse("scheme=blue"));
    let (root, _) = mount(ViewState::list(vec![]), move || {
        provide_context(settings);
        view! { <SiteHeader /> }
    });
    tick().await;
    let toggle = button(&root, "Версия для слабовидящих");
    let bar = &all(&root, "[data-testid=low-vision]")[0];
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(bar.hidden(), "closed until asked for");
    assert!(toggle.has_attribute("data-on"), "the button says the version is on");

    toggle.click();
    tick().await;
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!bar.hidden());
    assert_eq!(bar.get_attribute("aria-label").as_deref(), Some("Настройки для слабовидящих"));
    let legends: Vec<String> = all(&root, "legend").iter().map(text).collect();
    assert_eq!(legends, ["Размер шрифта", "Цвета", "Изображения", "Интервал между буквами", "Межстрочный интервал", "Шрифт"]);
    assert!(radio(&root, "scheme", "blue").checked(), "the kept choice is the checked one");
    assert!(radio(&root, "size", "100").checked());

    radio(&root, "size", "200").click();
    tick().await;
    radio(&root, "images", "grey").click();
    tick().await;
    let chosen = settings.chosen.get_untracked();
    assert_eq!(chosen.get(Setting::Size), "200");
    assert_eq!(chosen.get(Setting::Images), "grey");
    assert_eq!(chosen.get(Setting::Scheme), "blue", "one choice leaves the others");

    button(&root, "Обычная версия").click();
    tick().await;
    assert!(settings.chosen.get_untracked().is_usual());
    assert!(bar.hidden());
    assert!(!toggle.has_attribute("data-on"));
    let focused = leptos::prelude::document().active_element().map(|el| el.unchecked_into::<web_sys::HtmlElement>());
    assert_eq!(focused.as_ref(), Some(&toggle), "focus goes back to the button");
}

#[wasm_bindgen_test]
async fn without_the_live_viewer_the_button_only_holds_its_place() {
    let (root, _) = mount(ViewState::list(vec![]), || view! { <SiteHeader /> });
    tick().await;
    let toggle = button(&root, "Версия для слабовидящих");
    assert!(toggle.has_attribute("data-pending"));
    assert!(all(&root, "[data-testid=low-vision]").is_empty(), "no settings without the live viewer");
}
