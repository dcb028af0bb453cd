//! The site's pages, prerendered with the viewer's own components (Leptos
//! server-side rendering, which escapes all text), put into the shell page
//! that the wasm build produced, so asset names stay right.

use catalog::{ArticleBody, ArticleMeta, Index, SiteInfo, Topic, ViewState};
use leptos::prelude::*;
use std::sync::Arc;
use views::{provide_words, Archive, ArticleView, Finder, Found, BodyState, CurrentView, Frame, Lang, LinkBase, ListView, Nav, NotFound, SiteIndex, TopicPages};

/// Where the page's head tags go in the shell.
pub const HEAD_MARK: &str = "<!--page-head-->";
/// Where the page's prerendered content goes in the shell.
pub const BODY_MARK: &str = "<!--page-body-->";

/// The built page every page is made from: its root element, which takes
/// the interface's language, and the rest.
pub struct Shell {
    before_root: String,
    after_root: String,
}

impl Shell {
    pub fn new(html: String) -> Result<Self, String> {
        for mark in [HEAD_MARK, BODY_MARK] {
            if html.matches(mark).count() != 1 {
                return Err(format!("the shell page must contain `{mark}` exactly once"));
            }
        }
        let start = html.find("<html").ok_or("the shell page has no `<html>` element")?;
        let end = start + html[start..].find('>').ok_or("the shell page's `<html` tag is not closed")? + 1;
        Ok(Self { before_root: html[..start].to_owned(), after_root: html[end..].to_owned() })
    }

    /// The shell itself in `lang`, marks kept: the page the service worker
    /// serves for one it has not saved, and the next build's template.
    fn in_lang(&self, lang: Lang) -> String {
        format!("{}<html lang=\"{}\">{}", self.before_root, lang.tag(), self.after_root)
    }

    fn page(&self, lang: Lang, head: &str, body: &str) -> String {
        let rest = self
            .after_root
            .replacen(HEAD_MARK, head, 1)
            .replacen(BODY_MARK, &format!("<div id=\"prerendered\">{body}</div>"), 1);
        format!("{}<html lang=\"{}\">{rest}", self.before_root, lang.tag())
    }
}

/// The path of a site's URL: `/portal/news/` of `https://example.org/portal/news/`.
pub(crate) fn site_path(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    rest.find('/').map(|at| &rest[at..])
}

/// Renders pages against one index, shared by every page.
pub struct Renderer {
    owner: Owner,
    site: SiteInfo,
    /// The interface's language: the site's, when the viewer speaks it.
    lang: Lang,
}

impl Renderer {
    pub fn new(index: Index) -> Self {
        let owner = Owner::new();
        let site = index.site.clone();
        let lang = Lang::choose([Some(site.lang.as_str())]);
        owner.with(|| {
            provide_context(Archive::whole(&index));
            // The search field is on every list page: without JavaScript a
            // plain form, which the app takes over.
            provide_context(Finder(Signal::stored(Found::Searching)));
            provide_context(SiteIndex(StoredValue::new(index)));
            provide_words(lang);
            provide_context(Nav::none());
        });
        Self { owner, site, lang }
    }

    fn region(&self, state: ViewState, content: impl FnOnce() -> AnyView) -> String {
        self.owner.with(|| {
            let page = Owner::new();
            page.with(|| {
                provide_context(CurrentView(Signal::stored(state)));
                let content = content();
                view! { <Frame>{content}</Frame> }.to_html()
            })
        })
    }

    /// Page `number` of the list (1 is `index.html`).
    pub fn list_page(&self, shell: &Shell, number: u32) -> String {
        let state = ViewState::list_page(Vec::new(), number);
        let file = state.page.file();
        let body = self.region(state, || view! { <ListView /> }.into_any());
        shell.page(self.lang, &head::list(&self.site, self.lang, number, &file), &body)
    }

    /// `saved.html`: the place of what a reader saved for offline reading.
    /// It lives in the browser, so the page says only what it is; the app
    /// fills it in. Crawlers are asked to leave it out.
    pub fn saved_page(&self, shell: &Shell) -> String {
        let words = self.lang.words();
        let body = self.region(ViewState::saved(), move || {
            view! {
                <section class="saved" aria-labelledby="saved-heading">
                    <h1 id="saved-heading" class="saved__heading" tabindex="-1">{words.saved_heading}</h1>
                    <p class="saved__intro">{words.saved_needs_script}</p>
                </section>
            }
            .into_any()
        });
        let head = view! {
            <title>{format!("{} — {}", words.saved_heading, self.site.title)}</title>
            <meta name="robots" content="noindex" />
        }
        .to_html();
        shell.page(self.lang, &head, &body)
    }

    /// `404.html`: what the server answers for an address that is no page
    /// of the site, in the site's look. The app does not start on it. Its
    /// files are named from the site's root when its URL is known, so it
    /// looks right at any depth of a missing address.
    pub fn not_found_page(&self, shell: &Shell) -> String {
        let words = self.lang.words();
        let body = self.region(ViewState::list(Vec::new()), || view! { <NotFound page=true /> }.into_any());
        let head = view! {
            <title>{format!("{} — {}", words.page_not_found, self.site.title)}</title>
            <meta name="robots" content="noindex" />
        }
        .to_html();
        let page = shell.page(self.lang, &head, &body).replacen(" data-article-viewer-app", "", 1);
        match self.site.url.as_deref().and_then(site_path) {
            Some(root) => page.replace("=\"./", &format!("=\"{root}")).replace("href=\"index.html", &format!("href=\"{root}index.html")),
            None => page,
        }
    }

    /// Page `number` of `topic`'s articles, `topic/<id>.html` (then
    /// `topic/<id>-<n>.html`): the list with that topic chosen, for crawlers
    /// and readers without JavaScript. The app does not start on it: its
    /// links open the site's own pages, where it does. It sits one folder
    /// down, so its files and links are named from the site's folder
    /// (`../`), and its pages link each other.
    pub fn topic_page(&self, shell: &Shell, topic: &Topic, number: u32) -> String {
        let state = ViewState::list_page(vec![topic.id.clone()], number);
        let label = if self.lang == Lang::En { topic.en.clone() } else { topic.ru.clone() };
        let heading = label.clone();
        let body = self.region(state, || {
            provide_context(LinkBase("../".into()));
            provide_context(TopicPages);
            view! { <ListView heading /> }.into_any()
        });
        shell
            .page(self.lang, &head::topic(&self.site, self.lang, topic, &label, number), &body)
            .replacen(" data-article-viewer-app", "", 1)
            .replace("=\"./", "=\"../")
    }

    /// `shell.html`: the shell in the interface's language.
    pub fn app_shell(&self, shell: &Shell) -> String {
        shell.in_lang(self.lang)
    }

    pub fn article_page(&self, shell: &Shell, meta: &ArticleMeta, body: Arc<ArticleBody>) -> String {
        let state = ViewState::article(meta.slug.clone(), None);
        let view_meta = meta.clone();
        let html = self.region(state, move || {
            view! { <ArticleView meta=view_meta body=BodyState::Ready(body) /> }.into_any()
        });
        shell.page(self.lang, &head::article(&self.site, meta), &html)
    }
}

mod head {
    //! `<title>`, description, Open Graph, Twitter card and JSON-LD: what
    //! crawlers and messengers' link previews read.

    use catalog::{ArticleMeta, SiteInfo};
    use leptos::prelude::*;
    use views::Lang;
    use serde_json::json;

    /// `<meta property=… content=…>`: Open Graph's attribute is not HTML's `name`.
    fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
        leptos::html::meta().attr("property", property).attr("content", content.into())
    }

    fn og_locale(lang: &str) -> String {
        match lang {
            "ru" => "ru_RU".into(),
            "en" => "en_US".into(),
            "be" => "be_BY".into(),
            other => other.replace('-', "_"),
        }
    }

    /// Page `number` of the whole list, `file`.
    pub fn list(site: &SiteInfo, lang: Lang, number: u32, file: &str) -> String {
        let feeds = [("application/rss+xml", "feed.xml".to_owned()), ("application/feed+json", "feed.json".to_owned())];
        listing(site, lang, &site.title, number, file, &feeds)
    }

    /// Page `number` of `topic`'s own pages, its feed beside it.
    pub fn topic(site: &SiteInfo, lang: Lang, topic: &catalog::Topic, label: &str, number: u32) -> String {
        let name = format!("{label} — {}", site.title);
        listing(site, lang, &name, number, &catalog::topic_page(&topic.id, number), &[("application/rss+xml", format!("{}.xml", topic.id))])
    }

    /// A page of a list named `name`, at `file`, with its `feeds` (type, file).
    fn listing(site: &SiteInfo, lang: Lang, name: &str, number: u32, file: &str, feeds: &[(&'static str, String)]) -> String {
        let url = site.url.clone().map(|u| u + file);
        let title = if number > 1 { lang.words().list_page_title(name, number) } else { name.to_owned() };
        view! {
            <title>{title}</title>
            <meta name="description" content=site.description.clone() />
            {url.clone().map(|u| view! { <link rel="canonical" href=u /> })}
            // The feeds, for readers that find them from the page (written when the site's URL is known).
            {site.url.is_some().then(|| {
                feeds
                    .iter()
                    .map(|(kind, href)| view! { <link rel="alternate" type=*kind title=name.to_owned() href=href.clone() /> })
                    .collect_view()
            })}
            {og("og:type", "website")}
            {og("og:site_name", site.title.clone())}
            {og("og:title", name.to_owned())}
            {og("og:description", site.description.clone())}
            {og("og:locale", og_locale(&site.lang))}
            {url.map(|u| view! { {og("og:url", u)} })}
            <meta name="twitter:card" content="summary" />
        }
        .to_html()
    }

    pub fn article(site: &SiteInfo, a: &ArticleMeta) -> String {
        let url = site.url.as_ref().map(|u| format!("{u}{}", a.slug.page()));
        // A preview image must be an absolute URL.
        let image = a.image.as_ref().and_then(|img| match &site.url {
            _ if img.src.starts_with("https://") || img.src.starts_with("http://") => Some(img.src.clone()),
            Some(base) => Some(format!("{base}{}", img.src.trim_start_matches("./"))),
            None => None,
        });
        let description = if a.summary.is_empty() { site.description.clone() } else { a.summary.clone() };
        let date = a.date.to_string();
        let mut ld = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "description": description,
            "datePublished": date,
            "dateModified": date,
            "inLanguage": a.lang,
            "publisher": { "@type": "Organization", "name": site.publisher },
        });
        if let Some(u) = &url {
            ld["mainEntityOfPage"] = json!(u);
            ld["url"] = json!(u);
        }
        if let Some(i) = &image {
            ld["image"] = json!([i]);
        }
        if let Some(src) = &a.source {
            ld["isBasedOn"] = json!(src.url.clone().unwrap_or_else(|| src.name.clone()));
        }
        let tags = view! {
            <title>{format!("{} — {}", a.title, site.title)}</title>
            <meta name="description" content=description.clone() />
            {url.clone().map(|u| view! { <link rel="canonical" href=u /> })}
            {og("og:type", "article")}
            {og("og:site_name", site.title.clone())}
            {og("og:title", a.title.clone())}
            {og("og:description", description.clone())}
            {og("og:locale", og_locale(&a.lang))}
            {url.map(|u| view! { {og("og:url", u)} })}
            {image.clone().map(|i| view! { {og("og:image", i)} })}
            {og("article:published_time", date)}
            <meta name="twitter:card" content=if image.is_some() { "summary_large_image" } else { "summary" } />
            <meta name="twitter:title" content=a.title.clone() />
            <meta name="twitter:description" content=description />
        }
        .to_html();
        format!("{tags}<script type=\"application/ld+json\">{}</script>", script_json(&ld))
    }

    /// JSON that cannot end its `<script>` element or open markup in it.
    pub fn script_json(value: &serde_json::Value) -> String {
        value
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn json_in_a_script_cannot_close_it() {
            let s = script_json(&json!({ "headline": "</script><script>alert(1)</script> & co" }));
            assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'), "{s}");
            let back: serde_json::Value = serde_json::from_str(&s).unwrap();
            assert_eq!(back["headline"], "</script><script>alert(1)</script> & co");
        }
    }
}
