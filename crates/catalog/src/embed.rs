//! The options of an embedded viewer (`<article-viewer>` or `embed.html`),
//! read from its attributes or query parameters. Bad values fall back to the
//! default, so a typo on a portal's page never leaves an empty box.

use crate::TopicId;

/// How many articles an embedded list shows unless told.
pub const EMBED_LIMIT: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The data folder's URL (`…/data/`), absolute or relative to the page.
    pub data: String,
    /// Topics chosen when the viewer starts.
    pub topics: Vec<TopicId>,
    /// Whether the topic chips are shown.
    pub filter: bool,
    /// Articles per list page.
    pub limit: usize,
    /// Smaller type and cards without summaries, for a sidebar.
    pub compact: bool,
    /// The interface's language (and the element's, for hyphenation and
    /// screen readers); without it, the site's.
    pub lang: Option<String>,
    pub theme: Theme,
    /// The query parameter of the host page's URL that keeps the view, if any.
    pub url_param: Option<String>,
}

impl EmbedOptions {
    /// Reads the options through `attr`, which gives an attribute's value
    /// (`Some("")` for a bare boolean attribute). `base` is the viewer's own
    /// folder, where the data is unless `src` says otherwise.
    pub fn read(base: &str, attr: impl Fn(&str) -> Option<String>) -> Self {
        let flag = |name: &str, default: bool| match attr(name).as_deref().map(str::trim) {
            None => default,
            Some("false" | "off" | "no" | "0") => false,
            Some(_) => true,
        };
        let data = match attr("src").map(|s| s.trim().to_owned()) {
            Some(src) if !src.is_empty() => {
                if src.ends_with('/') {
                    src
                } else {
                    format!("{src}/")
                }
            }
            _ => format!("{base}data/"),
        };
        let mut topics: Vec<TopicId> = Vec::new();
        for id in attr("topics").unwrap_or_default().split([',', ' ']).map(str::trim) {
            let id = TopicId::new(id);
            if !id.as_str().is_empty() && !topics.contains(&id) {
                topics.push(id);
            }
        }
        let limit = attr("limit")
            .and_then(|n| n.trim().parse::<usize>().ok())
            .filter(|n| (1..=100).contains(n))
            .unwrap_or(EMBED_LIMIT);
        let theme = match attr("theme").as_deref().map(str::trim) {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        };
        let lang = attr("lang")
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        let url_param = match attr("url-state").as_deref().map(str::trim) {
            None | Some("false" | "off" | "no" | "0") => None,
            Some("" | "true" | "on") => Some("article-viewer".to_owned()),
            Some(name) => Some(name.to_owned()),
        };
        Self {
            data,
            topics,
            filter: flag("filter", true),
            limit,
            compact: flag("compact", false),
            lang,
            theme,
            url_param,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> EmbedOptions {
        let attrs: HashMap<String, String> =
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        EmbedOptions::read("https://cdn.example/news/", |name| attrs.get(name).cloned())
    }

    #[test]
    fn defaults_read_the_data_beside_the_viewer() {
        let o = read(&[]);
        assert_eq!(o.data, "https://cdn.example/news/data/");
        assert!(o.topics.is_empty());
        assert!(o.filter);
        assert!(!o.compact);
        assert_eq!(o.limit, EMBED_LIMIT);
        assert_eq!(o.lang, None, "the site's language");
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.url_param, None);
    }

    #[test]
    fn attributes_set_every_option() {
        let o = read(&[
            ("src", "/static/news/data"),
            ("topics", "agriculture, industry,agriculture"),
            ("filter", "off"),
            ("limit", "3"),
            ("compact", ""),
            ("lang", "en"),
            ("theme", "dark"),
            ("url-state", "news"),
        ]);
        assert_eq!(o.data, "/static/news/data/");
        assert_eq!(o.topics, vec![TopicId::new("agriculture"), TopicId::new("industry")]);
        assert!(!o.filter);
        assert_eq!(o.limit, 3);
        assert!(o.compact);
        assert_eq!(o.lang.as_deref(), Some("en"));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.url_param.as_deref(), Some("news"));
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let o = read(&[("limit", "lots"), ("theme", "purple"), ("lang", "\"><x"), ("compact", "false")]);
        assert_eq!(o.limit, EMBED_LIMIT);
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.lang, None, "the site's language");
        assert!(!o.compact);
        assert_eq!(read(&[("limit", "0")]).limit, EMBED_LIMIT);
        assert_eq!(read(&[("url-state", "")]).url_param.as_deref(), Some("article-viewer"));
    }
}
