use crate::data::DataUrl;
use catalog::Slug;
use leptos::{prelude::*, task::spawn_local};
use views::use_words;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/components/share_article.js")]
extern "C" {
    #[wasm_bindgen(js_name = canShare)]
    fn can_share() -> bool;
    #[wasm_bindgen(js_name = share)]
    fn share(title: &str, url: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str) -> js_sys::Promise;
}

/// Sharing an article with no third-party script: the system's share sheet
/// where the browser has one; else plain links to share in Telegram, VK and
/// Odnoklassniki (nothing is asked of those hosts until the reader clicks),
/// and "copy link". The link is the article's own page on the viewer's
/// site, whose preview shows its headline, summary and picture; from an
/// embedded viewer too.
#[component]
pub fn ShareArticle(slug: Slug, title: String) -> impl IntoView {
    let words = use_words();
    let DataUrl(data) = expect_context();
    // The bundle sits in the site's folder: its pages are one level up.
    let url = web_sys::Url::new_with_base(&format!("{data}../{}", slug.page()), &window().location().href().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or_default();
    let copied = RwSignal::new(None::<bool>);
    let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
    let (u, t) = (encode(&url), encode(&title));
    let networks = [
        ("Telegram", format!("https://t.me/share/url?url={u}&text={t}")),
        (words.vk, format!("https://vk.com/share.php?url={u}&title={t}")),
        (words.ok, format!("https://connect.ok.ru/offer?url={u}&title={t}")),
    ];
    let ways = if can_share() {
        let (title, url) = (title.clone(), url.clone());
        view! {
            <button type="button" class="button button--small" on:click=move |_| {
                let _ = share(&title, &url);
            }>{words.share}</button>
        }
        .into_any()
    } else {
        view! {
            <span class="share__label">{words.share}":"</span>
            {networks.into_iter().map(|(name, href)| view! {
                <a class="share__link" href=href target="_blank" rel="noopener noreferrer">{name}</a>
            }).collect_view()}
        }
        .into_any()
    };
    let copy = move |_| {
        let url = url.clone();
        spawn_local(async move {
            let done = JsFuture::from(copy_text(&url)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
            copied.try_set(Some(done));
        });
    };
    view! {
        // The prerendered page has none of it: it needs the page's own address and the browser.
        <section class="share" aria-label=words.share data-testid="share" data-app-only="">
            {ways}
            <button type="button" class="button button--small button--quiet" on:click=copy>{words.copy_link}</button>
            <span class="share__status" role="status">
                {move || copied.get().map(|done| if done { words.link_copied } else { words.copy_failed })}
            </span>
        </section>
    }
}
