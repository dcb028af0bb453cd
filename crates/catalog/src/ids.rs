use serde::{Deserialize, Serialize};
use std::fmt;

/// An article's URL name: the page is `<slug>.html`, the body `data/articles/<slug>.json`.
///
/// Lower-case ASCII letters, digits and single hyphens, so it is safe in a
/// file name and a URL on every host.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Names the site uses for its own pages; an article may not take them.
    pub const RESERVED: &'static [&'static str] = &["index", "embed", "404", "offline", "saved", "shell", "sitemap"];

    /// Checks the form of a slug; says what is wrong otherwise.
    pub fn parse(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            return Err("the slug is empty".into());
        }
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(format!(
                "slug `{s}` has `{c}`: use lower-case latin letters, digits and `-`"
            ));
        }
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(format!("slug `{s}` has a stray `-`"));
        }
        if Self::RESERVED.contains(&s) || crate::route::list_page_number(s).is_some() {
            return Err(format!(
                "slug `{s}` would overwrite the site's own page `{s}.html`"
            ));
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The article's page, relative to the site's folder.
    pub fn page(&self) -> String {
        format!("{}.html", self.0)
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A topic's id as written in `topics.toml` and in the URL (`?topic=agriculture`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TopicId(String);

impl TopicId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TopicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_checked_for_form_and_reserved_names() {
        assert!(Slug::parse("kirov-delegation-belarus").is_ok());
        assert!(Slug::parse("2026-news").is_ok());
        assert!(Slug::parse("Kirov").unwrap_err().contains("`K`"));
        assert!(Slug::parse("киров").is_err());
        assert!(Slug::parse("a--b").is_err());
        assert!(Slug::parse("-a").is_err());
        assert!(Slug::parse("").is_err());
        assert!(Slug::parse("index").unwrap_err().contains("index.html"));
        assert!(Slug::parse("page-2").unwrap_err().contains("page-2.html"), "list pages are the site's");
    }
}
