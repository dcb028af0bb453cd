#![allow(dead_code)] // each test file uses part of it
//! A small catalog and a mount helper for the browser tests.

use catalog::{ArticleBody, ArticleMeta, Block, Date, Index, Inline, Passage, SiteInfo, Slug, Topic, TopicId, ViewState};
use leptos::{mount::mount_to, prelude::*};
use views::{provide_words, Archive, CurrentView, Lang, Nav, SiteIndex};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub fn topic(id: &str, ru: &str, about: &str, count: u32) -> Topic {
    let en = format!("{}{}", id[..1].to_uppercase(), &id[1..]);
    Topic { id: TopicId::new(id), ru: ru.into(), en, ru_about: about.into(), en_about: format!("about {id}"), count }
}

fn article(slug: &str, date: &str, topics: &[&str]) -> ArticleMeta {
    ArticleMeta {
        slug: Slug::parse(slug).unwrap(),
        title: format!("Статья {slug}"),
        date: Date::parse(date).unwrap(),
        lang: "ru".into(),
        topics: topics.iter().map(|t| TopicId::new(*t)).collect(),
        summary: "Кратко.".into(),
        sample: true,
        source: None,
        region: None,
        image: None,
        people: vec![],
        places: vec![],
        organizations: vec![],
        minutes: 2,
        body: None,
    }
}

pub fn index() -> Index {
    Index {
        schema: 1,
        site: SiteInfo { title: "Новости".into(), description: String::new(), lang: "ru".into(), publisher: "Р".into(), url: None },
        topics: vec![
            topic("agriculture", "Сельское хозяйство", "о сельском хозяйстве", 2),
            topic("industry", "Промышленность", "о промышленности", 2),
            topic("trade", "Торговля", "о торговле", 1),
        ],
        articles: vec![
            ArticleMeta { places: vec!["Киров".into()], ..article("farm", "2026-01-10", &["agriculture"]) },
            ArticleMeta {
                people: vec!["Иванов".into()],
                places: vec!["Киров".into()],
                ..article("plant", "2026-01-12", &["industry", "agriculture"])
            },
            ArticleMeta { people: vec!["Петров".into()], ..article("fair", "2025-12-01", &["trade", "industry"]) },
        ],
        list: None,
        search: None,
    }
}

pub fn passage(text: &str, topics: &[&str]) -> Passage {
    Passage { content: vec![Inline::text(text)], topics: topics.iter().map(|t| TopicId::new(*t)).collect() }
}

pub fn body() -> ArticleBody {
    ArticleBody {
        schema: 1,
        slug: Slug::parse("plant").unwrap(),
        lead: Some(passage("Лид без темы.", &[])),
        blocks: vec![
            Block::Paragraph(passage("Про молоко.", &["agriculture"])),
            Block::Paragraph(passage("Про завод.", &["industry"])),
            Block::List { ordered: false, items: vec![passage("Станки.", &["industry"]), passage("Просто пункт.", &[])] },
            Block::Quote { passages: vec![passage("Торф и завод.", &["agriculture", "industry"])] },
        ],
        picture: None,
        people: vec![],
        places: vec!["Киров".into()],
        organizations: vec![],
    }
}

/// Mounts `view` in a fresh element with the catalog, a view state and a
/// navigator that moves the state, as the app does, in Russian.
pub fn mount<V: IntoView + 'static>(
    state: ViewState,
    view: impl FnOnce() -> V + 'static,
) -> (HtmlElement, RwSignal<ViewState>) {
    mount_in(Lang::Ru, state, view)
}

/// [`mount`] with the interface in `lang`.
pub fn mount_in<V: IntoView + 'static>(
    lang: Lang,
    state: ViewState,
    view: impl FnOnce() -> V + 'static,
) -> (HtmlElement, RwSignal<ViewState>) {
    let document = leptos::prelude::document();
    let el: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let state = RwSignal::new(state);
    let handle = mount_to(el.clone(), move || {
        provide_context(Archive::whole(&index()));
        provide_context(SiteIndex(StoredValue::new(index())));
        provide_words(lang);
        provide_context(CurrentView(state.into()));
        provide_context(Nav(Callback::new(move |s| state.set(s))));
        view()
    });
    handle.forget();
    (el, state)
}

pub fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

pub fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The button whose text starts with `label`.
pub fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    all(root, "button").into_iter().find(|b| text(b).starts_with(label)).unwrap_or_else(|| panic!("no button {label}"))
}

/// Resolves once the page has been painted twice: what a component draws
/// after the next paint (a month choice's counts) is there by then.
pub async fn painted() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            leptos::prelude::request_animation_frame(move || {
                resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap();
            });
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    }
}
