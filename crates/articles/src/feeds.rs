//! Feeds out: what the portal's other channels read from a build, for a
//! site whose public URL is known (a feed's links must be absolute).
//!
//! - `feed.xml`: RSS 2.0 with `yandex:full-text`, the whole text as plain
//!   text, for Yandex's intake of fresh content; at most 10 MB, UTF-8;
//! - `feed.json`: JSON Feed 1.1, the text as HTML and as plain text;
//! - `dzen.xml`: RSS 2.0 in Dzen's markup, the whole text as HTML of the
//!   tags Dzen takes, for a Dzen channel that imports the site's articles;
//! - `topic/<id>.xml`: the same RSS as `feed.xml` for one topic's articles.
//!
//! Each holds the newest [`FEED_ARTICLES`]. The HTML of a text is built
//! from its blocks, every text and address escaped: the body is never HTML.

use catalog::{ArticleBody, ArticleMeta, Block, Date, Image, Inline, SiteInfo, Topic};
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
        (PathBuf::from("dzen.xml"), dzen(site, base, entries).into_bytes()),
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
    let head = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:yandex=\"http://news.yandex.ru\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n\
         <channel>\n\
         <title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(title),
        escape(base),
        escape(&site.description),
        escape(&site.lang),
        escape(format!("{base}{file}")),
    );
    capped(head, entries.map(|entry| rss_item(site, base, entry, topics)))
}

/// `head`, the items that fit in [`YANDEX_LIMIT`], and the feed's end.
fn capped(mut xml: String, items: impl Iterator<Item = String>) -> String {
    const END: &str = "</channel>\n</rss>\n";
    for item in items {
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
    item.push_str(&format!("<yandex:full-text>{}</yandex:full-text>\n</item>\n", escape(plain_text(body))));
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
                "content_html": html(base, body, Markup::Full),
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

/// `dzen.xml`, by the rules of Dzen's RSS intake ("Разметка и подключение
/// ленты RSS", dzen.ru/help/ru/website/rss-modify):
/// - RSS 2.0 with the namespaces of Dzen's example: content, dc, media,
///   atom, georss. A feed made for Yandex News (`feed.xml`) does not do:
///   Dzen wants other elements;
/// - an item: title, link, guid, pubDate (RFC 822), description,
///   content:encoded, an `enclosure` (url, type) for each picture, and
///   `<media:rating scheme="urn:simple">nonadult</media:rating>`;
/// - `category` holds Dzen's directives, not topics: native-draft,
///   format-article or format-post, index or noindex, comment-all,
///   comment-subscribers or comment-none. Items go out as published
///   articles, indexed, open to comments; a topic's label would read as an
///   unknown directive;
/// - content:encoded: the whole text as HTML in CDATA, of p, a, b, i, u, s,
///   h1–h4, blockquote, ul, ol, li, figure, img, figcaption (and video and
///   source, which texts here never have). There is no br and no code: a
///   line break starts a paragraph, a code span is plain text;
/// - pictures: JPEG, PNG, GIF or WebP, at least 700 px wide; others are left
///   out (the width where it is known). The first picture of the text makes
///   the card, so the cover leads the text as it leads the enclosures;
/// - Dzen asks for the items of the last two or three days, at most 500 a
///   fetch, and takes a guid it has seen as an update of that publication.
///   A build cannot know when the file is read, so it lists the newest
///   [`FEED_ARTICLES`], each under its page's URL, which never changes;
/// - no minimum length is set: a short article is listed like the rest.
///
/// The same 10 MB cap as `feed.xml` keeps a fetch bounded.
fn dzen(site: &SiteInfo, base: &str, entries: &[Entry]) -> String {
    let head = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\" \
         xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:georss=\"http://www.georss.org/georss\">\n\
         <channel>\n\
         <title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>{}</language>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&site.title),
        escape(base),
        escape(&site.description),
        escape(&site.lang),
        escape(format!("{base}dzen.xml")),
    );
    capped(head, entries.iter().map(|entry| dzen_item(base, entry)))
}

fn dzen_item(base: &str, Entry { meta, body }: &Entry) -> String {
    let url = format!("{base}{}", meta.slug.page());
    let mut item = format!(
        "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n<pubDate>{}</pubDate>\n\
         <media:rating scheme=\"urn:simple\">nonadult</media:rating>\n\
         <category>format-article</category>\n<category>index</category>\n<category>comment-all</category>\n",
        escape(&meta.title),
        escape(&url),
        escape(&url),
        rfc2822(meta.date),
    );
    let in_text: Vec<&Image> = body.blocks.iter().filter_map(|b| if let Block::Image(i) = b { Some(i) } else { None }).collect();
    let mut sent: Vec<String> = Vec::new();
    for image in meta.image.iter().chain(in_text.iter().copied()).filter(|i| dzen_takes(base, i)) {
        let src = absolute(base, &image.src);
        if !sent.contains(&src) {
            item.push_str(&format!("<enclosure url=\"{}\" type=\"{}\"/>\n", escape(&src), image_type(&src)));
            sent.push(src);
        }
    }
    // Dzen shows it on the card; without a summary, the text's first passage.
    let description = if meta.summary.is_empty() { body.passages().next().map(catalog::Passage::plain_text).unwrap_or_default() } else { meta.summary.clone() };
    item.push_str(&format!("<description>{}</description>\n", escape(&description)));
    let mut text = String::new();
    // The viewer shows the cover above the text; on Dzen it has to be in it.
    if let Some(cover) = &meta.image {
        let src = absolute(base, &cover.src);
        if !in_text.iter().any(|i| absolute(base, &i.src) == src) {
            text.push_str(&figure(base, cover, Markup::Dzen));
        }
    }
    text.push_str(&html(base, body, Markup::Dzen));
    item.push_str(&format!("<content:encoded>{}</content:encoded>\n</item>\n", cdata(&text)));
    item
}

/// Whether Dzen takes the picture: its type, and its width where known.
fn dzen_takes(base: &str, image: &Image) -> bool {
    let format = matches!(image_type(&absolute(base, &image.src)), "image/jpeg" | "image/png" | "image/gif" | "image/webp");
    format && (image.width == 0 || image.width >= 700)
}

/// `text` as CDATA. A `]]>` in it would end the section early, so it is
/// split across two sections (escaped text never has one; this is the guard).
fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
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

/// Which HTML a text is built as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// For any reader: `feed.json`.
    Full,
    /// Of the tags Dzen takes only (see [`dzen`]'s notes).
    Dzen,
}

/// The text as HTML, built from its blocks.
fn html(base: &str, body: &ArticleBody, markup: Markup) -> String {
    let mut out = String::new();
    if let Some(lead) = &body.lead {
        out.push_str(&paragraphs(base, &lead.content, markup));
    }
    for block in &body.blocks {
        match block {
            Block::Paragraph(p) => out.push_str(&paragraphs(base, &p.content, markup)),
            Block::Heading { level, content } => {
                // Dzen has h1–h4; the tools write 2–4, a bundle from elsewhere may not.
                let level = if markup == Markup::Dzen { (*level).clamp(2, 4) } else { *level };
                out.push_str(&format!("<h{level}>{}</h{level}>", inline_html(base, content, markup)));
            }
            Block::Quote { passages } => {
                out.push_str("<blockquote>");
                for p in passages {
                    out.push_str(&paragraphs(base, &p.content, markup));
                }
                out.push_str("</blockquote>");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>", inline_html(base, &item.content, markup)));
                }
                out.push_str(&format!("</{tag}>"));
            }
            Block::Image(image) => out.push_str(&figure(base, image, markup)),
        }
    }
    out
}

/// A passage as a paragraph; for Dzen, which has no `br`, a paragraph a line.
fn paragraphs(base: &str, spans: &[Inline], markup: Markup) -> String {
    match markup {
        Markup::Full => format!("<p>{}</p>", inline_html(base, spans, markup)),
        Markup::Dzen => spans
            .split(|span| matches!(span, Inline::Break))
            .filter(|line| !line.is_empty())
            .map(|line| format!("<p>{}</p>", inline_html(base, line, markup)))
            .collect(),
    }
}

fn figure(base: &str, image: &Image, markup: Markup) -> String {
    let src = escape(absolute(base, &image.src)).into_owned();
    if markup == Markup::Dzen && !dzen_takes(base, image) {
        return String::new();
    }
    let caption = if image.caption.is_empty() { String::new() } else { format!("<figcaption>{}</figcaption>", escape(&image.caption)) };
    format!("<figure><img src=\"{src}\" alt=\"{}\">{caption}</figure>", escape(&image.alt))
}

fn inline_html(base: &str, spans: &[Inline], markup: Markup) -> String {
    spans
        .iter()
        .map(|span| match span {
            Inline::Text { text } => escape(text).into_owned(),
            Inline::Code { text } if markup == Markup::Dzen => escape(text).into_owned(),
            Inline::Code { text } => format!("<code>{}</code>", escape(text)),
            Inline::Emphasis { content } => format!("<i>{}</i>", inline_html(base, content, markup)),
            Inline::Strong { content } => format!("<b>{}</b>", inline_html(base, content, markup)),
            // Checked links only (http, https, mailto, tel or relative); relative ones made absolute.
            Inline::Link { href, content } => {
                let href = if href.contains(':') { href.clone() } else { absolute(base, href) };
                format!("<a href=\"{}\">{}</a>", escape(&href), inline_html(base, content, markup))
            }
            // In a heading, a list item or a span: a paragraph's own breaks split it already.
            Inline::Break if markup == Markup::Dzen => " ".to_owned(),
            Inline::Break => "<br>".to_owned(),
        })
        .collect()
}
