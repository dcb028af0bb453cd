//! The data bundle the viewer reads: `data/index.json` and
//! `data/articles/<slug>.json`. Documented field by field in `docs/schema.md`,
//! since a portal may write it from its own CMS.

use crate::{Date, Slug, TopicId};
use serde::{Deserialize, Serialize};

/// The bundle's format version; the viewer refuses any other.
pub const SCHEMA_VERSION: u32 = 1;

/// `data/index.json`: the site, the topics and every article's metadata
/// (no bodies), loaded once when the viewer starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub schema: u32,
    pub site: SiteInfo,
    /// In display order.
    pub topics: Vec<Topic>,
    /// Newest first: every article, or with `list`, the first of them.
    pub articles: Vec<ArticleMeta>,
    /// Where the rest of the list is, when `articles` holds only its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<crate::ListParts>,
    /// Where the search index is, when the site has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchParts>,
}

/// `Index.search`: the search index's files (`docs/schema.md`, "Search").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchParts {
    /// Part of every search file's name, so each can be cached for good.
    pub version: String,
    /// Articles indexed: the whole list.
    pub docs: u32,
    /// The first term of each shard, in order; the first is always `""`.
    pub shards: Vec<String>,
}

impl SearchParts {
    pub fn shard_file(&self, n: usize) -> String {
        format!("search/shard-{n}.{}.json", self.version)
    }

    /// What a search result shows of the article at list position `position`.
    pub fn doc_file(&self, position: u32) -> String {
        format!("search/doc-{position}.{}.json", self.version)
    }

    /// The shard `term` is in, if it is anywhere.
    pub fn shard_of(&self, term: &str) -> usize {
        self.shards.partition_point(|first| first.as_str() <= term).saturating_sub(1)
    }

    /// The shards that may hold terms starting with `prefix`.
    pub fn shards_with_prefix(&self, prefix: &str) -> std::ops::RangeInclusive<usize> {
        let first = self.shard_of(prefix);
        let last = self.shards.partition_point(|s| s.as_str() < prefix || s.starts_with(prefix)).saturating_sub(1);
        first..=last.max(first)
    }
}

/// `search/doc-<position>.<version>.json`: what a search result shows of
/// an article, and the text its excerpt is cut from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchDoc {
    pub schema: u32,
    pub article: ArticleMeta,
    /// The text of each passage, in reading order.
    pub passages: Vec<String>,
}

impl Index {
    pub fn topic(&self, id: &TopicId) -> Option<&Topic> {
        self.topics.iter().find(|t| &t.id == id)
    }

}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// BCP 47 language of the site's own words, e.g. `ru`.
    pub lang: String,
    #[serde(default)]
    pub publisher: String,
    /// The site's public URL, ending in `/`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: TopicId,
    /// Russian label, e.g. "Сельское хозяйство".
    pub ru: String,
    pub en: String,
    /// Russian "about …" phrase, e.g. "о сельском хозяйстве".
    pub ru_about: String,
    pub en_about: String,
    /// How many articles carry this topic.
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub slug: Slug,
    pub title: String,
    pub date: Date,
    pub lang: String,
    pub topics: Vec<TopicId>,
    #[serde(default)]
    pub summary: String,
    /// A made-up article that shows the viewer at work; labelled "Пример".
    #[serde(default)]
    pub sample: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// People, places and organisations the article names: the list's
    /// facets beside topics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<String>,
    /// Minutes to read the text ([`ArticleBody::reading_minutes`]); 0 where
    /// a bundle does not say.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub minutes: u32,
    /// The body's file, relative to the data folder. The tools name it by
    /// its content (`articles/<slug>.<hash>.json`) so it can be cached for
    /// good; absent means `articles/<slug>.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl ArticleMeta {
    /// Where the article's body is, relative to the data folder.
    pub fn body_file(&self) -> String {
        self.body.clone().unwrap_or_else(|| format!("articles/{}.json", self.slug))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Relative to the site's folder, or an absolute `https:` URL: the
    /// widest of the picture's sizes.
    pub src: String,
    pub alt: String,
    /// Shown under the picture; empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// `src`'s size in pixels, 0 where not known: with it the page keeps
    /// the picture's place before the picture arrives.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub width: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub height: u32,
    /// Narrower copies of `src`, narrowest first, for `srcset`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub narrower: Vec<Resized>,
}

/// A narrower copy of a picture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resized {
    pub src: String,
    pub width: u32,
}

impl Image {
    pub fn new(src: impl Into<String>, alt: impl Into<String>) -> Self {
        Self { src: src.into(), alt: alt.into(), ..Self::default() }
    }

    /// Every size, narrowest first, `src` (the widest) last: (address, width).
    pub fn sizes(&self) -> impl Iterator<Item = (&str, u32)> {
        self.narrower.iter().map(|r| (r.src.as_str(), r.width)).chain((self.width > 0).then_some((self.src.as_str(), self.width)))
    }

    /// A `srcset` of every size, each address made by `address`; empty
    /// when the picture has one size only.
    pub fn srcset(&self, address: impl Fn(&str) -> String) -> String {
        if self.narrower.is_empty() {
            return String::new();
        }
        self.sizes().map(|(src, width)| format!("{} {width}w", address(src))).collect::<Vec<_>>().join(", ")
    }

    /// The size nearest `width` pixels and not narrower, else the widest: what
    /// to keep of the picture for reading offline.
    pub fn nearest(&self, width: u32) -> &str {
        self.sizes().find(|(_, w)| *w >= width).map_or(self.src.as_str(), |(src, _)| src)
    }
}

/// `data/articles/<slug>.json`: one article's text, loaded when it is opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleBody {
    pub schema: u32,
    pub slug: Slug,
    /// The first paragraph, shown larger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Passage>,
    pub blocks: Vec<Block>,
    /// The article's own picture, as its entry in the list has it: kept
    /// with the text too, so that saving the text for offline saves it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<Image>,
    /// People, places and organisations the article names.
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub organizations: Vec<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Words a minute of an unhurried reader of news, in Russian as in English.
pub const WORDS_PER_MINUTE: usize = 180;

impl ArticleBody {
    /// Minutes to read the text, headings included, at
    /// [`WORDS_PER_MINUTE`], rounded up: at least 1.
    pub fn reading_minutes(&self) -> u32 {
        let mut text = String::new();
        for block in &self.blocks {
            if let Block::Heading { content, .. } = block {
                Inline::push_text(content, &mut text);
                text.push(' ');
            }
        }
        for passage in self.passages() {
            Inline::push_text(&passage.content, &mut text);
            text.push(' ');
        }
        let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        words.div_ceil(WORDS_PER_MINUTE).max(1) as u32
    }

    /// Every passage in reading order: the lead, then paragraphs, quote
    /// paragraphs and list items as they come. A passage's position here is
    /// its number in the topic lens.
    pub fn passages(&self) -> impl Iterator<Item = &Passage> {
        self.lead
            .iter()
            .chain(self.blocks.iter().flat_map(|b| b.passages()))
    }
}

/// A block of the body. Never HTML: the viewer builds elements from these.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "wire::Block")]
pub enum Block {
    Paragraph(Passage),
    /// `level` 2–4 (the article's title is the only level 1).
    Heading { level: u8, content: Vec<Inline> },
    Quote { passages: Vec<Passage> },
    List { ordered: bool, items: Vec<Passage> },
    Image(Image),
}

impl Block {
    pub fn passages(&self) -> &[Passage] {
        match self {
            Block::Paragraph(p) => std::slice::from_ref(p),
            Block::Quote { passages } => passages,
            Block::List { items, .. } => items,
            Block::Heading { .. } | Block::Image(_) => &[],
        }
    }
}

/// A run of text the topic lens can mark: a paragraph, a list item, a
/// paragraph of a quote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub content: Vec<Inline>,
    /// Topics whose keywords this passage contains.
    #[serde(default)]
    pub topics: Vec<TopicId>,
}

impl Passage {
    /// The passage's words without markup.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        Inline::push_text(&self.content, &mut out);
        out
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "wire::Inline")]
pub enum Inline {
    Text { text: String },
    Emphasis { content: Vec<Inline> },
    Strong { content: Vec<Inline> },
    Code { text: String },
    /// `href` is `http:`, `https:`, `mailto:` or relative; the tools refuse others.
    Link { href: String, content: Vec<Inline> },
    Break,
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }

    fn push_text(spans: &[Inline], out: &mut String) {
        for span in spans {
            match span {
                Inline::Text { text } | Inline::Code { text } => out.push_str(text),
                Inline::Emphasis { content }
                | Inline::Strong { content }
                | Inline::Link { content, .. } => Self::push_text(content, out),
                Inline::Break => out.push('\n'),
            }
        }
    }
}

/// Reading blocks and spans through flat structs keeps serde's buffering of
/// internally tagged enums out of the viewer's wasm; the JSON is the same.
mod wire {
    use super::{Image, Passage};
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum BlockType {
        Paragraph,
        Heading,
        Quote,
        List,
        Image,
    }

    #[derive(Deserialize)]
    pub struct Block {
        #[serde(rename = "type")]
        kind: BlockType,
        content: Option<Vec<super::Inline>>,
        #[serde(default)]
        topics: Vec<crate::TopicId>,
        level: Option<u8>,
        passages: Option<Vec<Passage>>,
        ordered: Option<bool>,
        items: Option<Vec<Passage>>,
        src: Option<String>,
        alt: Option<String>,
        #[serde(default)]
        caption: String,
        #[serde(default)]
        width: u32,
        #[serde(default)]
        height: u32,
        #[serde(default)]
        narrower: Vec<super::Resized>,
    }

    impl TryFrom<Block> for super::Block {
        type Error = &'static str;
        fn try_from(b: Block) -> Result<Self, Self::Error> {
            Ok(match b.kind {
                BlockType::Paragraph => super::Block::Paragraph(Passage {
                    content: b.content.ok_or("a paragraph needs `content`")?,
                    topics: b.topics,
                }),
                BlockType::Heading => super::Block::Heading {
                    level: b.level.ok_or("a heading needs `level`")?,
                    content: b.content.ok_or("a heading needs `content`")?,
                },
                BlockType::Quote => super::Block::Quote { passages: b.passages.ok_or("a quote needs `passages`")? },
                BlockType::List => super::Block::List {
                    ordered: b.ordered.unwrap_or(false),
                    items: b.items.ok_or("a list needs `items`")?,
                },
                BlockType::Image => super::Block::Image(Image {
                    src: b.src.ok_or("an image needs `src`")?,
                    alt: b.alt.ok_or("an image needs `alt`")?,
                    caption: b.caption,
                    width: b.width,
                    height: b.height,
                    narrower: b.narrower,
                }),
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum InlineType {
        Text,
        Emphasis,
        Strong,
        Code,
        Link,
        Break,
    }

    #[derive(Deserialize)]
    pub struct Inline {
        #[serde(rename = "type")]
        kind: InlineType,
        text: Option<String>,
        content: Option<Vec<super::Inline>>,
        href: Option<String>,
    }

    impl TryFrom<Inline> for super::Inline {
        type Error = &'static str;
        fn try_from(i: Inline) -> Result<Self, Self::Error> {
            let content = |c: Option<Vec<super::Inline>>| c.ok_or("a span needs `content`");
            Ok(match i.kind {
                InlineType::Text => super::Inline::Text { text: i.text.ok_or("a text span needs `text`")? },
                InlineType::Code => super::Inline::Code { text: i.text.ok_or("a code span needs `text`")? },
                InlineType::Emphasis => super::Inline::Emphasis { content: content(i.content)? },
                InlineType::Strong => super::Inline::Strong { content: content(i.content)? },
                InlineType::Link => super::Inline::Link {
                    href: i.href.ok_or("a link needs `href`")?,
                    content: content(i.content)?,
                },
                InlineType::Break => super::Inline::Break,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_the_words_of_the_text_and_its_headings_rounded_up() {
        let body = |blocks: Vec<Block>| ArticleBody { schema: 1, slug: Slug::parse("a").unwrap(), lead: None, blocks, picture: None, people: vec![], places: vec![], organizations: vec![] };
        let words = |n: usize| Passage { content: vec![Inline::text(vec!["слово"; n].join(" "))], topics: vec![] };
        assert_eq!(body(vec![Block::Paragraph(words(1))]).reading_minutes(), 1, "never less than a minute");
        assert_eq!(body(vec![Block::Paragraph(words(180))]).reading_minutes(), 1);
        assert_eq!(body(vec![Block::Paragraph(words(181))]).reading_minutes(), 2);
        let heading = Block::Heading { level: 2, content: vec![Inline::text("Итоги года")] };
        let list = Block::List { ordered: false, items: vec![words(100), words(170)] };
        assert_eq!(body(vec![heading, Block::Paragraph(words(90)), list]).reading_minutes(), 3, "2 + 90 + 270 words");
        // A dash is not a word.
        let dashes = Passage { content: vec![Inline::text(format!("{} — — —", vec!["слово"; 180].join(" ")))], topics: vec![] };
        assert_eq!(body(vec![Block::Paragraph(dashes)]).reading_minutes(), 1);
    }

    #[test]
    fn blocks_use_readable_type_tags() {
        let block: Block = serde_json::from_str(
            r#"{"type":"paragraph","content":[{"type":"text","text":"Молоко"},
                {"type":"link","href":"https://example.org/","content":[{"type":"text","text":" и лес"}]}],
                "topics":["agriculture"]}"#,
        )
        .unwrap();
        let Block::Paragraph(p) = &block else { panic!("{block:?}") };
        assert_eq!(p.plain_text(), "Молоко и лес");
        assert_eq!(p.topics, vec![TopicId::new("agriculture")]);
        let back = serde_json::to_string(&block).unwrap();
        assert!(back.starts_with(r#"{"type":"paragraph""#), "{back}");
        assert_eq!(serde_json::from_str::<Block>(&back).unwrap(), block);
    }

    #[test]
    fn every_block_and_span_round_trips_and_key_order_does_not_matter() {
        let p = |t: &str| Passage { content: vec![Inline::text(t)], topics: vec![TopicId::new("trade")] };
        let blocks = vec![
            Block::Heading { level: 3, content: vec![Inline::Strong { content: vec![Inline::text("h")] }, Inline::Break] },
            Block::Quote { passages: vec![p("q")] },
            Block::List { ordered: true, items: vec![p("i")] },
            Block::Image(Image::new("a.jpg", "A")),
            Block::Paragraph(Passage {
                content: vec![Inline::Code { text: "c".into() }, Inline::Emphasis { content: vec![Inline::text("e")] }],
                topics: vec![],
            }),
        ];
        let json = serde_json::to_string(&blocks).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), blocks);
        let reordered: Block = serde_json::from_str(r#"{"content":[{"text":"x","type":"text"}],"type":"paragraph"}"#).unwrap();
        assert_eq!(reordered, Block::Paragraph(Passage { content: vec![Inline::text("x")], topics: vec![] }));
    }

    #[test]
    fn a_block_missing_its_parts_is_refused_with_a_reason() {
        let err = serde_json::from_str::<Block>(r#"{"type":"heading","content":[]}"#).unwrap_err();
        assert!(err.to_string().contains("a heading needs `level`"), "{err}");
        assert!(serde_json::from_str::<Block>(r#"{"type":"table"}"#).is_err());
    }

    #[test]
    fn passages_come_in_reading_order() {
        let p = |t: &str| Passage { content: vec![Inline::text(t)], topics: vec![] };
        let body = ArticleBody {
            schema: 1,
            slug: Slug::parse("a").unwrap(),
            lead: Some(p("lead")),
            blocks: vec![
                Block::Heading { level: 2, content: vec![Inline::text("h")] },
                Block::Paragraph(p("one")),
                Block::List { ordered: false, items: vec![p("two"), p("three")] },
                Block::Quote { passages: vec![p("four")] },
            ],
            picture: None,
            people: vec![],
            places: vec![],
            organizations: vec![],
        };
        let texts: Vec<_> = body.passages().map(Passage::plain_text).collect();
        assert_eq!(texts, ["lead", "one", "two", "three", "four"]);
    }
}
