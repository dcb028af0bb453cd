//! Feeds out: what the portal's other channels read from a build, for a
//! site whose public URL is known (a feed's links must be absolute).
//!
//! - `feed.xml`: RSS 2.0 with `yandex:full-text`, the whole text as plain
//!   text, for Yandex's intake of fresh content; at most 10 MB, UTF-8;
//! - `feed.json`: JSON Feed 1.1, the text as HTML and as plain text;
//! - `topic/<id>.xml`: the same RSS for one topic's articles.
//!
//! Each holds the newest [`FEED_ARTICLES`]. The HTML of a text is built
//! from its blocks, every text and address escaped: the body is never HTML.

use catalog::{ArticleBody, ArticleMeta, Block, Date, Inline, SiteInfo, Topic};
use quick_xml::escape::escape;
use serde_json::json;
use std::path::PathBuf;

/// How many of the newest articles a feed holds.
pub const FEED_ARTICLES: usize = 100;
/// Yandex takes feeds of up to 10 MB.
const YANDEX_LIMIT: usize = 10 * 1024 * 1024;

/// An article of a feed: what the list says of it, and its text.
pub struct Entry<'a> {
    pub meta: &'a ArticleMeta,
    pub body: &'a ArticleBody,
}

/// The feeds of a site at `base` (its URL, ending in `/`), of `entries`
/// (newest first, at most [`FEED_ARTICLES`]).
pub fn files(site: &SiteInfo, base: &str, topics: &[Topic], entries: &[Entry]) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![
        (PathBuf::from("feed.xml"), rss(site, base, &site.title, "feed.xml", entries.iter(), topics).into_bytes()),
        (PathBuf::from("feed.json"), json_feed(site, base, entries, topics)),
    ];
    for topic in topics {
        let file = format!("topic/{}.xml", topic.id);
        let title = format!("{} — {}", site.title, label(site, topic));
        let mine = entries.iter().filter(|e| e.meta.topics.contains(&topic.id));
        out.push((PathBuf::from(&file), rss(site, base, &title, &file, mine, topics).into_bytes()));
    }
    out
}

fn label<'t>(site: &SiteInfo, topic: &'t Topic) -> &'t str {
    if site.lang == "en" { &topic.en } else { &topic.ru }
}

fn rss<'a>(site: &SiteInfo, base: &str, title: &str, file: &str, entries: impl Iterator<Item = &'a Entry<'a>>, topics: &[Topic]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:yandex=\"http://news.yandex.ru\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n\
         <channel>\n\
         <title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(title),
        escape(base),
        escape(&site.description),
        escape(&site.lang),
        escape(&format!("{base}{file}")),
    );
    const END: &str = "</channel>\n</rss>\n";
    for entry in entries {
        let item = rss_item(site, base, entry, topics);
        // The newest that fit: an item that would pass the limit ends the feed.
        if xml.len() + item.len() + END.len() > YANDEX_LIMIT {
            break;
        }
        xml.push_str(&item);
    }
    xml.push_str(END);
    xml
}

fn rss_item(site: &SiteInfo, base: &str, Entry { meta, body }: &Entry, topics: &[Topic]) -> String {
    let url = format!("{base}{}", meta.slug.page());
    let mut item = format!(
        "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n<pubDate>{}</pubDate>\n",
        escape(&meta.title),
        escape(&url),
        escape(&url),
        rfc2822(meta.date),
    );
    if !meta.summary.is_empty() {
        item.push_str(&format!("<description>{}</description>\n", escape(&meta.summary)));
    }
    for id in &meta.topics {
        if let Some(topic) = topics.iter().find(|t| &t.id == id) {
            item.push_str(&format!("<category>{}</category>\n", escape(label(site, topic))));
        }
    }
    if let Some(image) = &meta.image {
        let src = absolute(base, &image.src);
        item.push_str(&format!("<enclosure url=\"{}\" type=\"{}\" length=\"0\"/>\n", escape(&src), image_type(&src)));
    }
    item.push_str(&format!("<yandex:full-text>{}</yandex:full-text>\n</item>\n", escape(&plain_text(body))));
    item
}

fn json_feed(site: &SiteInfo, base: &str, entries: &[Entry], topics: &[Topic]) -> Vec<u8> {
    let items: Vec<_> = entries
        .iter()
        .map(|Entry { meta, body }| {
            let url = format!("{base}{}", meta.slug.page());
            let tags: Vec<&str> = meta.topics.iter().filter_map(|id| topics.iter().find(|t| &t.id == id)).map(|t| label(site, t)).collect();
            let mut item = json!({
                "id": url,
                "url": url,
                "title": meta.title,
                "content_html": html(base, body),
                "content_text": plain_text(body),
                "date_published": format!("{}T00:00:00+00:00", meta.date),
                "language": meta.lang,
                "tags": tags,
            });
            if !meta.summary.is_empty() {
                item["summary"] = json!(meta.summary);
            }
            if let Some(image) = &meta.image {
                item["image"] = json!(absolute(base, &image.src));
            }
            item
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.title,
        "home_page_url": base,
        "feed_url": format!("{base}feed.json"),
        "description": site.description,
        "language": site.lang,
        "authors": [{ "name": site.publisher }],
        "items": items,
    });
    serde_json::to_vec_pretty(&feed).expect("a feed always serialises")
}

/// "Mon, 19 Jan 2026 00:00:00 +0000": an article is dated by its day.
fn rfc2822(date: Date) -> String {
    chrono::NaiveDate::from_ymd_opt(i32::from(date.year()), u32::from(date.month()), u32::from(date.day()))
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().to_rfc2822())
        .expect("a checked date is a real day")
}

/// `src` (relative to the site's folder, to its host, or absolute) as an absolute URL.
fn absolute(base: &str, src: &str) -> String {
    if src.starts_with("https://") || src.starts_with("http://") {
        src.to_owned()
    } else if let Some(path) = src.strip_prefix('/') {
        let origin = base.find("://").and_then(|at| base[at + 3..].find('/').map(|end| &base[..at + 3 + end])).unwrap_or(base);
        format!("{origin}/{path}")
    } else {
        format!("{base}{}", src.trim_start_matches("./"))
    }
}

fn image_type(src: &str) -> &'static str {
    let ext = src.rsplit('.').next().unwrap_or_default().to_ascii_lowercase();
    match ext.as_str() {
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        _ => "image/jpeg",
    }
}

/// The text without markup, a paragraph a line: `yandex:full-text` and `content_text`.
fn plain_text(body: &ArticleBody) -> String {
    let mut lines: Vec<String> = body.lead.iter().map(catalog::Passage::plain_text).collect();
    for block in &body.blocks {
        match block {
            Block::Heading { content, .. } => lines.push(inline_text(content)),
            Block::Image(_) => {}
            _ => lines.extend(block.passages().iter().map(catalog::Passage::plain_text)),
        }
    }
    lines.join("\n")
}

fn inline_text(spans: &[Inline]) -> String {
    catalog::Passage { content: spans.to_vec(), topics: Vec::new() }.plain_text()
}

/// The text as HTML, built from its blocks.
fn html(base: &str, body: &ArticleBody) -> String {
    let mut out = String::new();
    if let Some(lead) = &body.lead {
        out.push_str(&format!("<p>{}</p>", inline_html(base, &lead.content)));
    }
    for block in &body.blocks {
        match block {
            Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>", inline_html(base, &p.content))),
            Block::Heading { level, content } => out.push_str(&format!("<h{level}>{}</h{level}>", inline_html(base, content))),
            Block::Quote { passages } => {
                out.push_str("<blockquote>");
                for p in passages {
                    out.push_str(&format!("<p>{}</p>", inline_html(base, &p.content)));
                }
                out.push_str("</blockquote>");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>", inline_html(base, &item.content)));
                }
                out.push_str(&format!("</{tag}>"));
            }
            Block::Image(image) => out.push_str(&format!(
                "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                escape(&absolute(base, &image.src)),
                escape(&image.alt),
                escape(&image.alt)
            )),
        }
    }
    out
}

fn inline_html(base: &str, spans: &[Inline]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Inline::Text { text } => escape(text).into_owned(),
            Inline::Code { text } => format!("<code>{}</code>", escape(text)),
            Inline::Emphasis { content } => format!("<i>{}</i>", inline_html(base, content)),
            Inline::Strong { content } => format!("<b>{}</b>", inline_html(base, content)),
            // Checked links only (http, https, mailto, tel or relative); relative ones made absolute.
            Inline::Link { href, content } => {
                let href = if href.contains(':') { href.clone() } else { absolute(base, href) };
                format!("<a href=\"{}\">{}</a>", escape(&href), inline_html(base, content))
            }
            Inline::Break => "<br>".to_owned(),
        })
        .collect()
}
