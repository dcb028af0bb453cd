//! The view as a URL and back. Every view is a real file (`index.html`,
//! `<slug>.html`) plus a query string, so reloads and shared links work on
//! any static host, under any folder, with no rewrite rules.

use crate::{Choice, Month, Name, NameKind, Slug, TopicId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The list, newest first, in pages of a fixed size: `index.html` is
    /// page 1, `page-2.html` page 2, and so on.
    List { number: u32 },
    Article(Slug),
    /// What the reader saved for offline reading (`saved.html`).
    Saved,
}

impl Page {
    pub const FIRST: Page = Page::List { number: 1 };

    /// The page for the last segment of a URL's path: `""` or `index.html`
    /// is the list, `page-<n>.html` a later page of it, `saved.html` what
    /// the reader saved, `<slug>.html` an article; anything else is not ours.
    pub fn from_file(file: &str) -> Option<Page> {
        let name = match file {
            "" | "index.html" => return Some(Page::FIRST),
            "saved.html" => return Some(Page::Saved),
            _ => file.strip_suffix(".html")?,
        };
        if let Some(number) = list_page_number(name) {
            return (number >= 2).then_some(Page::List { number });
        }
        Slug::parse(name).ok().map(Page::Article)
    }

    pub fn file(&self) -> String {
        match self {
            Page::List { number: 0 | 1 } => "index.html".into(),
            Page::List { number } => format!("page-{number}.html"),
            Page::Article(slug) => slug.page(),
            Page::Saved => "saved.html".into(),
        }
    }
}

/// Page `number` of one topic's own pages, prerendered for crawlers and
/// readers without JavaScript: `topic/<id>.html`, then `topic/<id>-<n>.html`
/// (topic ids never end in `-<number>`, so the names cannot meet).
pub fn topic_page(id: &TopicId, number: u32) -> String {
    format!("topic/{}", topic_page_name(id, number))
}

/// The file name of `topic_page`, in its folder.
fn topic_page_name(id: &TopicId, number: u32) -> String {
    match number {
        0 | 1 => format!("{}.html", id.as_str()),
        n => format!("{}-{n}.html", id.as_str()),
    }
}

/// `n` for a list page's name `page-<n>`.
pub(crate) fn list_page_number(name: &str) -> Option<u32> {
    let digits = name.strip_prefix("page-")?;
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// What the reader is looking at: the page, the chosen topics and month
/// (list), the topic lens (article) and the words searched for (both: the
/// list shows what they find, the article marks them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub page: Page,
    pub topics: Vec<TopicId>,
    /// The list's articles that name any of these (of each kind chosen).
    pub names: Vec<Name>,
    /// The list's articles of one month only.
    pub month: Option<Month>,
    pub lens: Option<TopicId>,
    /// As the reader typed it; empty when not searching.
    pub query: String,
}

/// A query longer than this is cut: no reader types more, and a shared
/// link must not make the viewer search a book.
pub const QUERY_MAX: usize = 200;

impl ViewState {
    /// The first page of the list.
    pub fn list(topics: Vec<TopicId>) -> Self {
        Self { page: Page::FIRST, topics, names: Vec::new(), month: None, lens: None, query: String::new() }
    }

    /// Page `number` of the list.
    pub fn list_page(topics: Vec<TopicId>, number: u32) -> Self {
        Self { page: Page::List { number: number.max(1) }, topics, names: Vec::new(), month: None, lens: None, query: String::new() }
    }

    pub fn article(slug: Slug, lens: Option<TopicId>) -> Self {
        Self { page: Page::Article(slug), topics: Vec::new(), names: Vec::new(), month: None, lens, query: String::new() }
    }

    /// What the reader saved for offline reading.
    pub fn saved() -> Self {
        Self { page: Page::Saved, ..Self::list(Vec::new()) }
    }

    /// The first page of the list under `choice`.
    pub fn chosen(choice: Choice) -> Self {
        Self { names: choice.names, ..Self::list(choice.topics) }.with_month(choice.month)
    }

    /// The file name, in `topic/`, of the topic page this view is, when it
    /// is a page of one topic's list and nothing else is chosen or searched
    /// (`topic_page`).
    pub fn topic_page_name(&self) -> Option<String> {
        match (&self.page, self.topics.as_slice()) {
            (Page::List { number }, [id]) if self.names.is_empty() && self.month.is_none() && self.query.trim().is_empty() => Some(topic_page_name(id, *number)),
            _ => None,
        }
    }

    /// What narrows the list in this view.
    pub fn choice(&self) -> Choice {
        Choice { topics: self.topics.clone(), names: self.names.clone(), month: self.month }
    }

    /// The same list of `month`'s articles only (`None`: of every month).
    pub fn with_month(mut self, month: Option<Month>) -> Self {
        self.month = month;
        self
    }

    /// The same view searching for `query` (cut to `QUERY_MAX` characters).
    pub fn with_query(mut self, query: &str) -> Self {
        self.query = query.chars().take(QUERY_MAX).collect();
        self
    }

    /// Reads a view from a page's file name and query string (with or
    /// without the leading `?`). Unknown parameters are ignored.
    pub fn from_url(file: &str, query: &str) -> Option<Self> {
        let page = Page::from_file(file)?;
        let mut state = Self { page, topics: Vec::new(), names: Vec::new(), month: None, lens: None, query: String::new() };
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if key == "q" {
                state = state.with_query(&decode(value).unwrap_or_default());
                continue;
            }
            if let (Some(kind), Page::List { .. }) = (NameKind::from_key(key), &state.page) {
                let name = Name::new(kind, decode(value).unwrap_or_default().trim());
                if !name.text.is_empty() && !state.names.contains(&name) {
                    state.names.push(name);
                }
                continue;
            }
            let value = value.replace("%2C", ",").replace("%2c", ",");
            let mut ids = value.split(',').filter(|v| !v.is_empty()).map(TopicId::new);
            match (key, &state.page) {
                ("topic", Page::List { .. }) => {
                    for id in ids {
                        if !state.topics.contains(&id) {
                            state.topics.push(id);
                        }
                    }
                }
                ("lens", Page::Article(_)) => state.lens = ids.next_back(),
                // A month that is no month is no choice: the whole list shows.
                ("month", Page::List { .. }) => state.month = Month::parse(&value).ok(),
                _ => {}
            }
        }
        Some(state)
    }

    /// The view's URL relative to the site's folder, e.g.
    /// `index.html?topic=agriculture,industry&month=2026-01&q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE`.
    pub fn href(&self) -> String {
        let mut url = self.href_without_query();
        if !self.query.trim().is_empty() {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str("q=");
            url.push_str(&encode(&self.query));
        }
        url
    }

    fn href_without_query(&self) -> String {
        let mut url = self.page.file();
        match &self.page {
            Page::List { .. } => {
                if !self.topics.is_empty() {
                    let ids: Vec<&str> = self.topics.iter().map(TopicId::as_str).collect();
                    url.push_str("?topic=");
                    url.push_str(&ids.join(","));
                }
                let names = self.names.iter().map(|n| (n.kind.key(), encode(&n.text)));
                for (key, value) in names.chain(self.month.map(|m| ("month", m.to_string()))) {
                    url.push(if url.contains('?') { '&' } else { '?' });
                    url.push_str(key);
                    url.push('=');
                    url.push_str(&value);
                }
            }
            Page::Article(_) => {
                if let Some(lens) = &self.lens {
                    url.push_str("?lens=");
                    url.push_str(lens.as_str());
                }
            }
            Page::Saved => {}
        }
        url
    }
}

/// A query parameter's value as a form writes it: `+` for a space, `%XX`
/// for any byte but ASCII letters, digits and `-._~`.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `encode` undone, for any form's encoding; `None` for a broken `%` or bytes that are not UTF-8.
fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = value.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_round_trips_with_topics_pages_and_articles() {
        let s = ViewState::from_url("index.html", "topic=trade&q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE+%D1%91").unwrap();
        assert_eq!((s.query.as_str(), s.topics.len()), ("молоко ё", 1));
        assert_eq!(s.href(), "index.html?topic=trade&q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE+%D1%91");
        let a = ViewState::article(Slug::parse("kirov").unwrap(), Some(t("trade"))).with_query("a&b=c");
        assert_eq!(a.href(), "kirov.html?lens=trade&q=a%26b%3Dc");
        assert_eq!(ViewState::from_url("kirov.html", "lens=trade&q=a%26b%3Dc"), Some(a));
        assert_eq!(ViewState::list(vec![]).with_query("  ").href(), "index.html", "blanks are no search");
        // Broken encodings are no search; a long one is cut.
        assert_eq!(ViewState::from_url("index.html", "q=%D0").unwrap().query, "");
        assert_eq!(ViewState::from_url("index.html", "q=%G1").unwrap().query, "");
        assert_eq!(ViewState::from_url("index.html", &format!("q={}", "я".repeat(500))).unwrap().query.chars().count(), QUERY_MAX);
    }

    fn t(id: &str) -> TopicId {
        TopicId::new(id)
    }

    #[test]
    fn one_topic_alone_has_pages_of_its_own() {
        assert_eq!(topic_page(&t("trade"), 1), "topic/trade.html");
        assert_eq!(ViewState::list_page(vec![t("trade")], 3).topic_page_name().as_deref(), Some("trade-3.html"));
        // Anything else chosen or searched is the app's list, not a topic page.
        assert_eq!(ViewState::list(vec![t("trade"), t("industry")]).topic_page_name(), None);
        assert_eq!(ViewState::list(vec![t("trade")]).with_query("зерно").topic_page_name(), None);
        assert_eq!(ViewState::list(vec![t("trade")]).with_month(Month::parse("2026-01").ok()).topic_page_name(), None);
        assert_eq!(ViewState::list(vec![]).topic_page_name(), None);
        assert_eq!(ViewState::article(Slug::parse("kirov").unwrap(), Some(t("trade"))).topic_page_name(), None);
    }

    #[test]
    fn list_with_topics_round_trips() {
        let s = ViewState::from_url("index.html", "?topic=agriculture,industry").unwrap();
        assert_eq!(s, ViewState::list(vec![t("agriculture"), t("industry")]));
        assert_eq!(s.href(), "index.html?topic=agriculture,industry");
        assert_eq!(ViewState::from_url("", "").unwrap().href(), "index.html");
    }

    #[test]
    fn article_with_lens_round_trips() {
        let s = ViewState::from_url("kirov.html", "lens=industry&utm_source=tg").unwrap();
        assert_eq!(s, ViewState::article(Slug::parse("kirov").unwrap(), Some(t("industry"))));
        assert_eq!(s.href(), "kirov.html?lens=industry");
    }

    #[test]
    fn encoded_commas_and_repeats_are_understood() {
        let s = ViewState::from_url("index.html", "topic=trade%2Cindustry&topic=trade").unwrap();
        assert_eq!(s.topics, vec![t("trade"), t("industry")]);
    }

    #[test]
    fn a_month_round_trips_with_topics_and_a_search() {
        let s = ViewState::from_url("page-2.html", "month=2026-01&topic=trade&q=%D0%BC").unwrap();
        let month = Month::parse("2026-01").ok();
        assert_eq!(s, ViewState::list_page(vec![t("trade")], 2).with_month(month).with_query("м"));
        assert_eq!(s.href(), "page-2.html?topic=trade&month=2026-01&q=%D0%BC");
        assert_eq!(ViewState::list(vec![]).with_month(month).href(), "index.html?month=2026-01");
        // Not a month, or on an article: ignored.
        assert_eq!(ViewState::from_url("index.html", "month=2026-13").unwrap().month, None);
        assert_eq!(ViewState::from_url("kirov.html", "month=2026-01").unwrap().month, None);
    }

    #[test]
    fn names_round_trip_one_parameter_each() {
        let s = ViewState::from_url("index.html", "person=%D0%98%D0%B2%D0%B0%D0%BD+%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&org=A%26B&person=X&person=X&place=").unwrap();
        let names = vec![Name::new(NameKind::Person, "Иван Иванов"), Name::new(NameKind::Organization, "A&B"), Name::new(NameKind::Person, "X")];
        assert_eq!(s.names, names, "repeats and empty values dropped");
        assert_eq!(s.href(), "index.html?person=%D0%98%D0%B2%D0%B0%D0%BD+%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&org=A%26B&person=X");
        let chosen = ViewState::chosen(s.choice());
        assert_eq!((chosen.names, chosen.page), (names, Page::FIRST));
        assert!(ViewState::from_url("a.html", "person=X").unwrap().names.is_empty(), "not on an article");
    }

    #[test]
    fn parameters_of_the_other_page_are_ignored() {
        let s = ViewState::from_url("index.html", "lens=industry").unwrap();
        assert_eq!(s.lens, None);
        let s = ViewState::from_url("a.html", "topic=industry").unwrap();
        assert!(s.topics.is_empty());
    }

    #[test]
    fn later_list_pages_are_their_own_files() {
        let s = ViewState::from_url("page-3.html", "topic=trade").unwrap();
        assert_eq!(s, ViewState::list_page(vec![t("trade")], 3));
        assert_eq!(s.href(), "page-3.html?topic=trade");
        assert_eq!(ViewState::list_page(vec![], 1).href(), "index.html");
        assert_eq!(ViewState::from_url("page-1.html", ""), None, "page 1 is index.html");
        assert_eq!(Page::from_file("page-02.html"), Slug::parse("page-02").ok().map(Page::Article));
    }

    #[test]
    fn the_saved_page_is_its_own_file_and_takes_no_filters() {
        let s = ViewState::from_url("saved.html", "topic=trade&lens=industry&month=2026-01").unwrap();
        assert_eq!(s, ViewState::saved());
        assert_eq!(s.href(), "saved.html");
        assert!(Slug::parse("saved").is_err(), "an article may not take the saved page's file");
    }

    #[test]
    fn files_that_are_not_pages_are_not_ours() {
        assert_eq!(ViewState::from_url("embed.html", ""), None);
        assert_eq!(ViewState::from_url("Bad.html", ""), None);
        assert_eq!(ViewState::from_url("data.json", ""), None);
    }
}
