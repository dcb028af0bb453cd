//! `articles import`: RSS 0.9–2.0, Atom and JSON Feed items into
//! `content/articles/<date>-<slug>.md`.
//!
//! Each file remembers its item (`[import] id`) and a hash of what the feed
//! said (`[import] hash`), so importing the same feed again changes nothing,
//! and an item the feed changed is rewritten and reported. Topics are
//! suggested from topics.toml's keywords and marked as suggested until an
//! editor confirms them; an editor's confirmed topics survive an update.

use crate::{content, diagnostic::Report, html, slug};
use catalog::{Tagger, TopicId};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What happened, line by line, and whether anything failed.
#[derive(Default)]
pub struct ImportReport {
    pub lines: Vec<String>,
    pub errors: usize,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Changed in the feed but edited here: left as the editor has it.
    pub kept: usize,
}

impl ImportReport {
    fn error(&mut self, line: String) {
        self.errors += 1;
        self.lines.push(line);
    }

    pub fn summary(&self) -> String {
        let mut s = format!("{} new, {} updated, {} unchanged", self.new, self.updated, self.unchanged);
        if self.kept > 0 {
            let _ = write!(s, ", {} kept as edited here", self.kept);
        }
        if self.errors > 0 {
            let _ = write!(s, ", {} {}", self.errors, if self.errors == 1 { "error" } else { "errors" });
        }
        s
    }
}

/// An article file written by an earlier import.
struct Known {
    path: PathBuf,
    /// The article's date as its file has it, kept when the feed changes it.
    date: String,
    hash: String,
    /// The editor's topics, once confirmed (no `topics_suggested`).
    confirmed: Option<Vec<String>>,
    /// The title, summary or text differ from what the import wrote.
    edited: bool,
}

pub fn run(feeds: &[PathBuf], content_dir: &Path) -> ImportReport {
    let mut report = ImportReport::default();
    let mut problems = Report::default();
    let topics_path = content_dir.join("topics.toml");
    let topics = match std::fs::read_to_string(&topics_path) {
        Ok(text) => content::parse_topics(&topics_path, &text, &mut problems),
        Err(e) => {
            report.error(format!("{}: {e}", topics_path.display()));
            return report;
        }
    };
    // topics.toml's own problems, said before the items they affect.
    if !problems.diagnostics.is_empty() {
        report.lines.extend(problems.render().lines().map(str::to_owned));
    }
    if problems.has_errors() {
        report.errors += 1;
        return report;
    }
    let tagger = Tagger::new(topics.iter().map(|t| (t.id.clone(), t.keywords.as_slice())));
    let order: Vec<TopicId> = topics.iter().map(|t| t.id.clone()).collect();
    let articles = content_dir.join("articles");
    let mut known = known_imports(&articles);
    let mut slugs = existing_slugs(&articles);

    for file in feed_files(feeds, &mut report) {
        let read = std::fs::read(&file).map_err(|e| e.to_string()).and_then(|bytes| {
            // An item without an id is known by its link, else its title, so
            // that importing it again finds it (feed-rs would make one up).
            let parser = feed_rs::parser::Builder::new()
                .id_generator(|links, title, _| match links.first() {
                    Some(link) => link.href.trim().to_owned(),
                    None => title.as_ref().map(|t| t.content.trim().to_owned()).unwrap_or_default(),
                })
                .build();
            let text = decoded(&bytes)?;
            let feed = parser.parse(bytes.as_slice()).map_err(|e| format!("not a feed that can be read: {e}"))?;
            Ok((feed, extras(&text)))
        });
        let (feed, mut extras) = match read {
            Ok(read) => read,
            Err(e) => {
                report.error(format!("{}: error: {e}", file.display()));
                continue;
            }
        };
        if feed.entries.is_empty() {
            report.lines.push(format!("{}: warning: the feed has no items", file.display()));
        }
        let feed_title = feed.title.as_ref().map(|t| html::to_text(&t.content)).filter(|t| !t.is_empty());
        for (n, entry) in feed.entries.iter().enumerate() {
            let place = format!("{}: item {}", file.display(), n + 1);
            let extra = extras.get_mut(n).map(std::mem::take).unwrap_or_default();
            match item(entry, extra, feed_title.as_deref(), &file, &tagger, &order) {
                Err(why) => report.error(format!("{place}: error: {why}")),
                Ok(new) => {
                    for note in &new.dropped {
                        report.lines.push(format!("{place}: {note}"));
                    }
                    save(new, &articles, &mut known, &mut slugs, &place, &mut report);
                }
            }
        }
    }
    report
}

/// The files named: feeds themselves, or every feed file in a folder.
fn feed_files(paths: &[PathBuf], report: &mut ImportReport) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| matches!(x.to_str(), Some("xml" | "rss" | "atom" | "json"))))
                .collect();
            found.sort();
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            report.error(format!("{}: error: no such file or folder", path.display()));
        }
    }
    files
}

/// One item as an article file's text.
struct Item {
    /// The feed's file name and the item's id: two feeds may both have an item `1`.
    key: (String, String),
    hash: String,
    date: String,
    slug: String,
    text: String,
    dropped: Vec<String>,
    title: String,
}

fn item(
    entry: &feed_rs::model::Entry,
    extra: Extras,
    feed_title: Option<&str>,
    file: &Path,
    tagger: &Tagger,
    order: &[TopicId],
) -> Result<Item, String> {
    let mut notes = Vec::new();
    let title = entry.title.as_ref().map(|t| html::to_text(&t.content)).unwrap_or_default();
    let title = visible(&title, "title", &mut notes);
    if title.is_empty() {
        return Err("the item has no title".into());
    }
    let Extras { full_text, date } = extra;
    let utc = entry.published.or(entry.updated).map(|d| d.format("%Y-%m-%d").to_string());
    let date = date.or(utc).ok_or("the item has no date")?;
    let source_html = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
        .unwrap_or_default();
    let link = entry.links.iter().map(|l| l.href.trim()).find(|h| h.starts_with("https://") || h.starts_with("http://"));
    // The whole text: the item's content, else Yandex's full text, else its description.
    let plain_content = entry.content.as_ref().is_some_and(|c| c.content_type.as_str() == "text/plain");
    let body = match (&entry.content, &full_text) {
        (None, Some(text)) if !text.trim().is_empty() => html::text_to_markdown(text),
        // JSON Feed's `content_text`, Atom's `type="text"`: text, not markup.
        (Some(_), _) if plain_content => html::text_to_markdown(&source_html),
        _ => html::to_markdown(&source_html, link),
    };
    let source_html = match (&entry.content, &full_text) {
        (None, Some(text)) => text.clone(),
        _ => source_html,
    };
    if body.markdown.trim().is_empty() {
        return Err(format!("«{title}» has no text"));
    }
    let whole_text_elsewhere = entry.content.is_some() || full_text.is_some();
    let summary = match entry.summary.as_ref().map(|s| html::to_text(&s.content)) {
        Some(s) if !s.is_empty() && whole_text_elsewhere => s,
        _ => body.text.lines().next().unwrap_or_default().to_owned(),
    };
    let summary = visible(&summary, "summary", &mut notes);
    let image = entry
        .media
        .iter()
        .flat_map(|m| &m.content)
        .find(|c| c.content_type.as_ref().is_some_and(|t| t.ty() == "image"))
        .and_then(|c| c.url.as_ref().map(|u| u.to_string()))
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let author = entry.authors.iter().find_map(|a| a.name.clone()).map(|a| visible(&html::to_text(&a), "author", &mut notes)).filter(|a| !a.is_empty());

    let mut topics = tagger.topics_of(&format!("{title}\n{}", body.text));
    topics.sort_by_key(|t| order.iter().position(|o| o == t));
    topics.dedup();

    // What the feed said, so a re-import can tell a changed item.
    let hash = digest(&[&entry.id, &title, &date, &source_html, &summary, link.unwrap_or(""), image.as_deref().unwrap_or("")]);

    let slug = match slug::from_title(&title, 60) {
        s if s.is_empty() => "article".to_owned(),
        s => s,
    };
    let mut fm = String::from("+++\n");
    let _ = writeln!(fm, "title = {}", quoted(&title));
    let _ = writeln!(fm, "date = {date}");
    let _ = writeln!(fm, "topics = [{}]", topics.iter().map(|t| quoted(t.as_str())).collect::<Vec<_>>().join(", "));
    let _ = writeln!(fm, "summary = {}", quoted(&shorten(&summary, 300)));
    if link.is_some() || feed_title.is_some() {
        fm.push_str("\n[source]\n");
        let name = feed_title.map(str::to_owned).or_else(|| link.and_then(host)).unwrap_or_default();
        let _ = writeln!(fm, "name = {}", quoted(&name));
        if let Some(url) = link {
            let _ = writeln!(fm, "url = {}", quoted(url));
        }
    }
    if let Some(src) = &image {
        let _ = write!(fm, "\n[image]\nsrc = {}\nalt = {}\n", quoted(src), quoted(&title));
    }
    fm.push_str("\n[import]\n");
    let _ = writeln!(fm, "feed = {}", quoted(&file.file_name().unwrap_or_default().to_string_lossy()));
    let _ = writeln!(fm, "id = {}", quoted(&entry.id));
    let _ = writeln!(fm, "hash = {}", quoted(&hash));
    let _ = writeln!(fm, "text = {}", quoted(&fingerprint(&title, &shorten(&summary, 300), &body.markdown)));
    if let Some(a) = author {
        let _ = writeln!(fm, "author = {}", quoted(&a));
    }
    fm.push_str("topics_suggested = true\n+++\n\n");
    fm.push_str(&body.markdown);
    fm.push('\n');
    let feed = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
    notes.extend(body.dropped);
    Ok(Item { key: (feed, entry.id.clone()), hash, date, slug, text: fm, dropped: notes, title })
}

fn save(
    item: Item,
    dir: &Path,
    known: &mut HashMap<(String, String), Known>,
    slugs: &mut std::collections::HashSet<String>,
    place: &str,
    report: &mut ImportReport,
) {
    if let Some(old) = known.get(&item.key) {
        if old.hash == item.hash {
            report.unchanged += 1;
            return;
        }
        if old.edited {
            report.kept += 1;
            report.lines.push(format!(
                "{place}: kept {} as edited here, though «{}» changed in the feed (to take the feed's version, delete the line `text = …` under [import])",
                old.path.display(),
                item.title
            ));
            return;
        }
        // Changed in the feed: same file and date, new text, the editor's topics kept.
        let mut text = item.text.replacen(&format!("\ndate = {}\n", item.date), &format!("\ndate = {}\n", old.date), 1);
        if let Some(topics) = &old.confirmed {
            let line = format!("topics = [{}]", topics.iter().map(|t| quoted(t)).collect::<Vec<_>>().join(", "));
            text = replace_line(&text, "topics = ", &line).replacen("topics_suggested = true\n", "", 1);
        }
        match std::fs::write(&old.path, text) {
            Ok(()) => {
                report.updated += 1;
                report.lines.push(format!("{place}: updated {} («{}» changed in the feed)", old.path.display(), item.title));
            }
            Err(e) => report.error(format!("{}: error: {e}", old.path.display())),
        }
        return;
    }
    // A new item: its own file and slug, never another article's.
    let _ = std::fs::create_dir_all(dir);
    let mut slug = item.slug.clone();
    let mut n = 2;
    while slugs.contains(&slug) {
        slug = format!("{}-{n}", item.slug);
        n += 1;
    }
    let path = dir.join(format!("{}-{slug}.md", item.date));
    match std::fs::write(&path, &item.text) {
        Ok(()) => {
            report.new += 1;
            report.lines.push(format!("{place}: new {}", path.display()));
            slugs.insert(slug);
            known.insert(item.key, Known { path, date: item.date, hash: item.hash, confirmed: None, edited: false });
        }
        Err(e) => report.error(format!("{}: error: {e}", path.display())),
    }
}

/// The slugs the articles folder already uses (`<date>-<slug>.md`).
fn existing_slugs(dir: &Path) -> std::collections::HashSet<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".md")?;
            stem.get(11..).map(str::to_owned)
        })
        .collect()
}

/// Articles written by earlier imports, by their feed and item id.
fn known_imports(dir: &Path) -> HashMap<(String, String), Known> {
    let mut known = HashMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let Some((front, body)) = text.strip_prefix("+++").and_then(|t| t.split_once("\n+++")) else { continue };
        let Ok(table) = toml::from_str::<toml::Table>(front) else { continue };
        let Some(import) = table.get("import").and_then(|i| i.as_table()) else { continue };
        let (Some(id), Some(hash)) = (import.get("id").and_then(|v| v.as_str()), import.get("hash").and_then(|v| v.as_str())) else {
            continue;
        };
        let feed = import.get("feed").and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let date = table.get("date").map(|d| d.to_string()).unwrap_or_default();
        let suggested = import.get("topics_suggested").and_then(|v| v.as_bool()).unwrap_or(false);
        let confirmed = (!suggested).then(|| {
            table.get("topics").and_then(|t| t.as_array()).into_iter().flatten().filter_map(|t| t.as_str().map(str::to_owned)).collect()
        });
        // Files from before the fingerprint, or with it deleted, take the feed's version.
        let edited = import.get("text").and_then(|v| v.as_str()).is_some_and(|written| {
            let field = |k: &str| table.get(k).and_then(|v| v.as_str()).unwrap_or_default();
            written != fingerprint(field("title"), field("summary"), body)
        });
        known.insert((feed, id.to_owned()), Known { path, date, hash: hash.to_owned(), confirmed, edited });
    }
    known
}

/// A TOML basic string, escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// `text` with the front matter's line starting with `start` replaced.
fn replace_line(text: &str, start: &str, line: &str) -> String {
    let end = text.find("\n+++\n").map_or(text.len(), |i| i + 1);
    let (front, body) = text.split_at(end);
    let front: String = front.lines().map(|l| if l.starts_with(start) { line } else { l }).collect::<Vec<_>>().join("\n");
    front + "\n" + body
}

/// What the editor may change in an imported article (its title, summary and
/// text), fingerprinted as the import wrote them, so a later import can tell
/// an edited article and leave it alone.
fn fingerprint(title: &str, summary: &str, body: &str) -> String {
    digest(&[title, summary, body.trim()])
}

/// 16 hex digits of SHA-256 over the parts, each ended by a NUL so that
/// ("ab", "c") and ("a", "bc") differ.
fn digest(parts: &[&str]) -> String {
    let mut digest = Sha256::new();
    for part in parts {
        digest.update(part.as_bytes());
        digest.update([0]);
    }
    digest.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The text without the invisible characters `articles check` reports
/// (direction controls, zero-width spaces), each removal noted.
fn visible(text: &str, field: &str, notes: &mut Vec<String>) -> String {
    let mut kept = String::with_capacity(text.len());
    for c in text.chars() {
        match crate::fields::invisible_char(c) {
            Some((name, _)) => notes.push(format!("removed from the {field}: invisible U+{:04X} {name}", c as u32)),
            None => kept.push(c),
        }
    }
    // What the removed characters stood between may be only spaces.
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn host(url: &str) -> Option<String> {
    url.split("://").nth(1)?.split('/').next().map(str::to_owned)
}

/// What feed-rs does not give for each item, by the item's position.
#[derive(Default)]
struct Extras {
    /// `yandex:full-text`: the whole article as plain text, as Russian
    /// portals publish it for Yandex News.
    full_text: Option<String>,
    /// The publication date as the publisher wrote it, on their calendar:
    /// feed-rs turns dates into UTC, which moves an item published at
    /// 01:30 Moscow time to the day before.
    date: Option<String>,
}

fn extras(text: &str) -> Vec<Extras> {
    if text.trim_start().starts_with('{') {
        return json_extras(text.as_bytes());
    }
    xml_extras(text)
}

/// The feed as text, in the encoding its XML declaration names (Russian
/// portals still publish windows-1251); UTF-8 when it names none.
fn decoded(bytes: &[u8]) -> Result<String, String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let label = head
        .strip_prefix('\u{feff}')
        .unwrap_or(&head)
        .strip_prefix("<?xml")
        .and_then(|decl| decl.split("?>").next())
        .and_then(|decl| decl.split("encoding=").nth(1))
        .and_then(|v| v.get(1..)?.split(['"', '\'']).next());
    let encoding = match label {
        Some(label) => encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| format!("unknown encoding `{label}` in the XML declaration"))?,
        None => encoding_rs::UTF_8,
    };
    let (text, _, malformed) = encoding.decode(bytes);
    if malformed {
        // The line of the first byte that is not text in that encoding.
        let before = match std::str::from_utf8(bytes) {
            Err(e) if encoding == encoding_rs::UTF_8 => &bytes[..e.valid_up_to()],
            _ => &text.as_bytes()[..text.find('\u{fffd}').unwrap_or(0)],
        };
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        return Err(format!("line {line}: the feed is not valid {} text", encoding.name()));
    }
    Ok(text.into_owned())
}

/// Publication dates of a JSON Feed's items.
fn json_extras(bytes: &[u8]) -> Vec<Extras> {
    let feed: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_default();
    let items = feed.get("items").and_then(|i| i.as_array()).map(Vec::as_slice).unwrap_or_default();
    items
        .iter()
        .map(|item| {
            let date = ["date_published", "date_modified"].iter().find_map(|k| item.get(k)?.as_str().and_then(local_date));
            Extras { full_text: None, date }
        })
        .collect()
}

fn xml_extras(xml: &str) -> Vec<Extras> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut items: Vec<Extras> = Vec::new();
    // Depth below the open item: dates count only as its own children (an
    // Atom entry's <source> has an <updated> of its own).
    let mut depth = 0usize;
    let mut in_item = false;
    let mut field: Option<(String, String)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.name().as_ref().to_owned();
                if !in_item && matches!(e.local_name().as_ref(), "item" | "entry") {
                    items.push(Extras::default());
                    in_item = true;
                    depth = 0;
                    continue;
                }
                if in_item {
                    depth += 1;
                    let wanted = matches!(name.as_str(), "yandex:full-text" | "pubDate" | "published" | "updated" | "dc:date");
                    if depth == 1 && wanted {
                        field = Some((name, String::new()));
                    }
                }
            }
            Ok(Event::Text(t)) => {
                if let Some((_, buf)) = &mut field {
                    buf.push_str(&t.xml10_content());
                }
            }
            Ok(Event::CData(t)) => {
                if let Some((_, buf)) = &mut field {
                    buf.push_str(&t.into_inner());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some((_, buf)) = &mut field {
                    let named = match r.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => r.resolve_char_ref().ok().flatten(),
                    };
                    buf.extend(named);
                }
            }
            Ok(Event::End(e)) if in_item => {
                if depth == 0 {
                    in_item = false;
                    continue;
                }
                depth -= 1;
                let (Some((name, text)), Some(last)) = (field.take_if(|(n, _)| n.as_str() == e.name().as_ref()), items.last_mut()) else {
                    continue;
                };
                match name.as_str() {
                    "yandex:full-text" => last.full_text = Some(text),
                    // The first date given wins: published before updated.
                    _ if last.date.is_none() => last.date = local_date(text.trim()),
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    items
}

/// `YYYY-MM-DD` of an RFC 2822 (RSS) or RFC 3339 (Atom, JSON Feed) date,
/// in the offset it was written with.
fn local_date(text: &str) -> Option<String> {
    let dt = chrono::DateTime::parse_from_rfc2822(text).or_else(|_| chrono::DateTime::parse_from_rfc3339(text)).ok()?;
    Some(dt.format("%Y-%m-%d").to_string())
}
