//! `articles import`: RSS 0.9–2.0, Atom and JSON Feed items into
//! `content/articles/<date>-<slug>.md`.
//!
//! Each file remembers its item (`[import] id`) and a hash of what the feed
//! said (`[import] hash`), so importing the same feed again changes nothing,
//! and an item the feed changed is rewritten and reported. Topics are
//! suggested from topics.toml's keywords and marked as suggested until an
//! editor confirms them; an editor's confirmed topics, their other fields
//! and their comments survive an update. People, places and organisations
//! the site's articles already name are suggested when the item's text
//! names them too, in any form («Александра Соколова»); the editor keeps
//! or changes them.
//!
//! What happened to each item is said as a diagnostic placed at the item in
//! its feed, in the same `path:line:col: severity: message` lines as
//! `articles check`.

use crate::diagnostic::{Diagnostic, Report};
use crate::front_matter::{self, FrontMatter, Import};
use crate::content::TopicDef;
use crate::{content, html, slug};
use catalog::{Date, Image, Source, Tagger, TopicId};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// What happened, item by item, and what was counted.
#[derive(Default)]
pub struct ImportReport {
    /// Problems, and notes of the files written, placed in their feeds.
    diagnostics: Report,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Changed in the feed but edited here: left as the editor has it.
    pub kept: usize,
}

impl ImportReport {
    pub fn errors(&self) -> usize {
        self.diagnostics.errors()
    }

    /// One line for each item's outcome and problem, by feed and place.
    pub fn lines(&self) -> Vec<String> {
        self.diagnostics.lines()
    }

    pub fn summary(&self) -> String {
        let mut s = format!("{} new, {} updated, {} unchanged", self.new, self.updated, self.unchanged);
        if self.kept > 0 {
            let _ = write!(s, ", {} kept as edited here", self.kept);
        }
        let errors = self.errors();
        if errors > 0 {
            let _ = write!(s, ", {errors} {}", if errors == 1 { "error" } else { "errors" });
        }
        s
    }
}

/// An item's place in its feed, for what is said about it.
struct Place<'a> {
    feed: &'a Path,
    /// Where the item starts in the feed's text.
    span: Range<usize>,
    /// 1-based, as an editor counts.
    number: usize,
}

impl Place<'_> {
    fn error(&self, message: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::error(self.feed, self.span.clone(), format!("item {}: {message}", self.number))
    }

    fn warning(&self, message: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::warning(self.feed, self.span.clone(), format!("item {}: {message}", self.number))
    }

    fn note(&self, message: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::note(self.feed, self.span.clone(), format!("item {}: {message}", self.number))
    }
}

/// An article file written by an earlier import.
struct Known {
    path: PathBuf,
    /// Its front matter's TOML as the file has it, to update in place.
    toml: String,
    front_matter: FrontMatter,
    hash: String,
    /// The title, summary or text differ from what the import wrote.
    edited: bool,
}

pub fn run(feeds: &[PathBuf], content_dir: &Path) -> ImportReport {
    let mut report = ImportReport::default();
    let problems = &mut report.diagnostics;
    let topics_path = content_dir.join("topics.toml");
    let topics = match std::fs::read_to_string(&topics_path) {
        Ok(text) => {
            problems.add_source(&topics_path, &text);
            content::parse_topics(&topics_path, &text, problems)
        }
        Err(e) => {
            problems.push(Diagnostic::error(&topics_path, 0..0, format!("cannot read the file: {e}")));
            return report;
        }
    };
    if problems.has_errors() {
        return report;
    }
    let tagger = Tagger::new(topics.iter().map(|t| (t.id.clone(), t.keywords.as_slice())));
    let articles = content_dir.join("articles");
    let mut known = known_imports(&articles);
    let names = KnownNames::of(&articles);
    let mut slugs = existing_slugs(&articles);

    for file in feed_files(feeds, &mut report.diagnostics) {
        let Some((feed, mut extras)) = read_feed(&file, &mut report.diagnostics) else { continue };
        if feed.entries.is_empty() {
            report.diagnostics.push(Diagnostic::warning(&file, 0..0, "the feed has no items"));
        }
        let feed_title = feed.title.as_ref().map(|t| html::to_text(&t.content)).filter(|t| !t.is_empty());
        for (n, entry) in feed.entries.iter().enumerate() {
            let extra = extras.get_mut(n).map(std::mem::take).unwrap_or_default();
            let place = Place { feed: &file, span: extra.start..extra.start, number: n + 1 };
            match item(entry, extra, feed_title.as_deref(), &file, (&tagger, &topics, &names)) {
                Err(why) => report.diagnostics.push(place.error(why)),
                Ok(new) => {
                    for note in &new.dropped {
                        report.diagnostics.push(place.warning(note));
                    }
                    let named: Vec<&String> = [&new.front_matter.people, &new.front_matter.places, &new.front_matter.organizations].into_iter().flatten().flatten().collect();
                    if !named.is_empty() && !known.contains_key(&new.key) {
                        let named: Vec<&str> = named.iter().map(|n| n.as_str()).collect();
                        report.diagnostics.push(place.note(format!("names suggested from the site's articles: {}", named.join(", "))));
                    }
                    save(new, &articles, &mut known, &mut slugs, &place, &mut report);
                }
            }
        }
    }
    report
}

/// The people, places and organisations the site's articles name, each
/// with its words folded and stemmed (as search does it), to be found in
/// an imported text in whatever case or form it uses.
struct KnownNames {
    stems: search::Stems,
    /// By kind: people, places, organisations.
    names: [Vec<(String, Vec<Word>)>; 3],
}

/// A word folded, and its stem.
type Word = (String, String);

impl KnownNames {
    fn of(dir: &Path) -> Self {
        let stems = search::Stems::default();
        let mut names: [Vec<(String, Vec<Word>)>; 3] = Default::default();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let mut ignored = Report::default();
            let Some((path, text)) = content::read(&path, &mut ignored).filter(|_| path.extension().is_some_and(|x| x == "md")) else { continue };
            let Some(read) = FrontMatter::read(&path, &text, &mut ignored) else { continue };
            let fm = read.front_matter;
            for (kind, given) in names.iter_mut().zip([fm.people, fm.places, fm.organizations]) {
                for name in given.into_iter().flatten() {
                    let words = Self::stemmed(&stems, &name);
                    if !words.is_empty() && !kind.iter().any(|(n, _)| *n == name) {
                        kind.push((name, words));
                    }
                }
            }
        }
        Self { stems, names }
    }

    /// Each word of `text`, folded, and its stem.
    fn stemmed(stems: &search::Stems, text: &str) -> Vec<Word> {
        search::words(text)
            .map(|w| {
                let stem = stems.stem(&w.folded);
                (w.folded, stem)
            })
            .collect()
    }

    /// The known names whose words `text` has in a row, by kind; `None` for a kind with none.
    fn in_text(&self, text: &str) -> [Option<Vec<String>>; 3] {
        let words = Self::stemmed(&self.stems, text);
        // Same stem, or the text's stem is the name's word: Snowball cuts
        // «Соколов» to «сокол» but «Соколова» to «соколов».
        let same = |(_, stem): &Word, (folded, name_stem): &Word| stem == name_stem || stem == folded;
        self.names.each_ref().map(|kind| {
            let found: Vec<String> = kind
                .iter()
                .filter(|(_, name)| words.windows(name.len()).any(|w| w.iter().zip(name).all(|(t, n)| same(t, n))))
                .map(|(n, _)| n.clone())
                .collect();
            (!found.is_empty()).then_some(found)
        })
    }
}

/// The files named: feeds themselves, or every feed file in a folder.
fn feed_files(paths: &[PathBuf], r: &mut Report) -> Vec<PathBuf> {
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
            r.push(Diagnostic::error(path, 0..0, "no such file or folder"));
        }
    }
    files
}

/// A feed file parsed, with what feed-rs leaves out; `None` when it cannot
/// be read (said in the report).
fn read_feed(file: &Path, r: &mut Report) -> Option<(feed_rs::model::Feed, Vec<Extras>)> {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            r.push(Diagnostic::error(file, 0..0, e.to_string()));
            return None;
        }
    };
    let text = decoded(file, &bytes, r)?;
    r.add_source(file, &text);
    // An item without an id is known by its link, else its title, so that
    // importing it again finds it (feed-rs would make one up).
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|links, title, _| match links.first() {
            Some(link) => link.href.trim().to_owned(),
            None => title.as_ref().map(|t| t.content.trim().to_owned()).unwrap_or_default(),
        })
        .build();
    match parser.parse(bytes.as_slice()) {
        Ok(feed) => Some((feed, extras(&text))),
        Err(e) => {
            r.push(Diagnostic::error(file, 0..0, format!("not a feed that can be read: {e}")));
            None
        }
    }
}

/// One item as an article.
struct Item {
    /// The feed's file name and the item's id: two feeds may both have an item `1`.
    key: (String, String),
    front_matter: FrontMatter,
    /// The article's text, Markdown.
    body: String,
    /// The item's date and slug, which name its file.
    date: Date,
    slug: String,
    /// What was left out of the item.
    dropped: Vec<String>,
}

impl Item {
    fn hash(&self) -> &str {
        self.front_matter.import.as_ref().and_then(|i| i.hash.as_deref()).unwrap_or_default()
    }
}

fn item(
    entry: &feed_rs::model::Entry,
    extra: Extras,
    feed_title: Option<&str>,
    file: &Path,
    (tagger, defs, names): (&Tagger, &[TopicDef], &KnownNames),
) -> Result<Item, String> {
    let mut notes = Vec::new();
    let title = entry.title.as_ref().map(|t| html::to_text(&t.content)).unwrap_or_default();
    let title = visible(&title, "title", &mut notes);
    if title.is_empty() {
        return Err("the item has no title".into());
    }
    let Extras { full_text, date, .. } = extra;
    let utc = entry.published.or(entry.updated).and_then(|d| calendar_date(&d));
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
    // Text by the feed's rules, unless it holds markup all the same.
    let text_field = |text: &str| if html::holds_markup(text) { html::markup_text_to_markdown(text, link) } else { html::text_to_markdown(text) };
    let body = match (&entry.content, &full_text) {
        (None, Some(text)) if !text.trim().is_empty() => text_field(text),
        // JSON Feed's `content_text`, Atom's `type="text"`: text by their rules.
        (Some(_), _) if plain_content => text_field(&source_html),
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
    // The picture, and its words as the feed gives them (media:description
    // or media:title): never the headline, which says what the article is
    // about, not what the picture shows. With none, `check` asks for them.
    let image = entry.media.iter().find_map(|m| {
        let src = m
            .content
            .iter()
            .find(|c| c.content_type.as_ref().is_some_and(|t| t.ty() == "image"))
            .and_then(|c| c.url.as_ref().map(|u| u.to_string()))
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))?;
        let alt = m.description.as_ref().or(m.title.as_ref()).map(|t| html::to_text(&t.content)).unwrap_or_default();
        Some((src, alt))
    });
    let image = image.map(|(src, alt)| Image::new(src, visible(&alt, "picture's text", &mut notes)));
    let author = entry.authors.iter().find_map(|a| a.name.clone()).map(|a| visible(&html::to_text(&a), "author", &mut notes)).filter(|a| !a.is_empty());

    let [people, places, organizations] = names.in_text(&format!("{title}\n{}", body.text));
    // The feed's own categories where they name a topic (by its id or a
    // label): the publisher's word. Otherwise topics are guessed from
    // keywords, for an editor to confirm.
    let names = |def: &TopicDef| [def.id.as_str(), def.ru.as_str(), def.en.as_str()].map(str::to_lowercase);
    let mut topics: Vec<TopicId> = Vec::new();
    for category in &entry.categories {
        let said: Vec<String> = [Some(category.term.as_str()), category.label.as_deref()].into_iter().flatten().map(|v| v.trim().to_lowercase()).collect();
        if let Some(def) = defs.iter().find(|d| names(d).iter().any(|n| said.contains(n))) {
            if !topics.contains(&def.id) {
                topics.push(def.id.clone());
            }
        }
    }
    let suggested = topics.is_empty();
    if suggested {
        topics = tagger.topics_of(&format!("{title}\n{}", body.text));
        topics.sort_by_key(|t| defs.iter().position(|d| &d.id == t));
        topics.dedup();
    }

    // What the feed said, so a re-import can tell a changed item.
    let hash = digest(&[&entry.id, &title, &date.to_string(), &source_html, &summary, link.unwrap_or(""), image.as_ref().map_or("", |i| i.src.as_str())]);
    let summary = shorten(&summary, 300);
    let feed = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let source = (link.is_some() || feed_title.is_some()).then(|| Source {
        name: feed_title.map(str::to_owned).or_else(|| link.and_then(host)).unwrap_or_default(),
        url: link.map(str::to_owned),
    });
    let front_matter = FrontMatter {
        title: title.clone(),
        date: Some(date),
        topics: Some(topics.iter().map(|t| t.as_str().to_owned()).collect()),
        summary: Some(summary.clone()),
        source,
        image,
        people,
        places,
        organizations,
        import: Some(Import {
            feed: Some(feed.clone()),
            id: entry.id.clone(),
            hash: Some(hash),
            text: Some(fingerprint(&title, &summary, &body.markdown)),
            author,
            topics_suggested: suggested,
        }),
        ..FrontMatter::default()
    };
    notes.extend(body.dropped);
    Ok(Item { key: (feed, entry.id.clone()), front_matter, body: body.markdown, date, slug: slug::for_title(&title), dropped: notes })
}

/// The feed's version of an article an earlier import wrote. The import owns
/// the title, summary, source, image, `[import]` and the topics until an
/// editor confirms them; every other field is the editor's and stays.
fn feeds_version(feed: FrontMatter, was: &FrontMatter) -> FrontMatter {
    let confirmed = was.import.as_ref().is_some_and(|i| !i.topics_suggested);
    let mut now = FrontMatter {
        title: feed.title,
        summary: feed.summary,
        topics: if confirmed { was.topics.clone() } else { feed.topics },
        source: feed.source,
        image: feed.image,
        import: feed.import,
        ..was.clone()
    };
    if let (true, Some(import)) = (confirmed, &mut now.import) {
        import.topics_suggested = false;
    }
    now
}

fn save(item: Item, dir: &Path, known: &mut HashMap<(String, String), Known>, slugs: &mut HashSet<String>, place: &Place, report: &mut ImportReport) {
    if let Some(old) = known.get(&item.key) {
        if old.hash == item.hash() {
            report.unchanged += 1;
            return;
        }
        if old.edited {
            report.kept += 1;
            report.diagnostics.push(place.warning(format_args!(
                "kept {} as edited here, though «{}» changed in the feed (to take the feed's version, delete the line `text = …` under [import])",
                old.path.display(),
                item.front_matter.title,
            )));
            return;
        }
        // Changed in the feed: same file and date, new text, the editor's fields kept.
        let now = feeds_version(item.front_matter, &old.front_matter);
        let toml = match now.update(&old.toml) {
            Ok(toml) => toml,
            Err(e) => {
                report.diagnostics.push(Diagnostic::error(&old.path, 0..0, format!("TOML: {}", e.message().trim())));
                return;
            }
        };
        match std::fs::write(&old.path, front_matter::join(&toml, &item.body)) {
            Ok(()) => {
                report.updated += 1;
                report.diagnostics.push(place.note(format_args!("updated {} («{}» changed in the feed)", old.path.display(), now.title)));
            }
            Err(e) => report.diagnostics.push(Diagnostic::error(&old.path, 0..0, e.to_string())),
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
    let toml = item.front_matter.write();
    match std::fs::write(&path, front_matter::join(&toml, &item.body)) {
        Ok(()) => {
            report.new += 1;
            report.diagnostics.push(place.note(format_args!("new {}", path.display())));
            slugs.insert(slug);
            let hash = item.hash().to_owned();
            known.insert(item.key, Known { path, toml, front_matter: item.front_matter, hash, edited: false });
        }
        Err(e) => report.diagnostics.push(Diagnostic::error(&path, 0..0, e.to_string())),
    }
}

/// The slugs the articles folder already uses (`<date>-<slug>.md`).
fn existing_slugs(dir: &Path) -> HashSet<String> {
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

/// Articles written by earlier imports, by their feed and item id. A file
/// with problems is still known by its `[import]` table: `check` reports
/// the problems.
fn known_imports(dir: &Path) -> HashMap<(String, String), Known> {
    let mut known = HashMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let mut ignored = Report::default();
        let Some((path, text)) = content::read(&path, &mut ignored) else { continue };
        let Some(read) = FrontMatter::read(&path, &text, &mut ignored) else { continue };
        let front_matter = read.front_matter;
        let Some(import) = &front_matter.import else { continue };
        let Some(hash) = import.hash.clone() else { continue };
        let key = (import.feed.clone().unwrap_or_default(), import.id.clone());
        // Files from before the fingerprint, or with it deleted, take the feed's version.
        let edited = import.text.as_ref().is_some_and(|written| {
            let summary = front_matter.summary.as_deref().unwrap_or_default();
            *written != fingerprint(&front_matter.title, summary, &text[read.parts.body_start..])
        });
        let toml = text[read.parts.toml].to_owned();
        known.insert(key, Known { path, toml, front_matter, hash, edited });
    }
    known
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
    /// Where the item starts in the feed's text, to place what is said about it.
    start: usize,
    /// `yandex:full-text`: the whole article as plain text, as Russian
    /// portals publish it for Yandex News.
    full_text: Option<String>,
    /// The publication date as the publisher wrote it, on their calendar:
    /// feed-rs turns dates into UTC, which moves an item published at
    /// 01:30 Moscow time to the day before.
    date: Option<Date>,
}

fn extras(text: &str) -> Vec<Extras> {
    if text.trim_start().starts_with('{') {
        return json_extras(text);
    }
    xml_extras(text)
}

/// The feed as text, in the encoding its XML declaration names (Russian
/// portals still publish windows-1251); UTF-8 when it names none. `None`
/// when it is not text in that encoding (said in the report, at the first
/// byte that is not).
fn decoded(file: &Path, bytes: &[u8], r: &mut Report) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let label = head
        .strip_prefix('\u{feff}')
        .unwrap_or(&head)
        .strip_prefix("<?xml")
        .and_then(|decl| decl.split("?>").next())
        .and_then(|decl| decl.split("encoding=").nth(1))
        .and_then(|v| v.get(1..)?.split(['"', '\'']).next());
    let encoding = match label {
        Some(label) => match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
            Some(encoding) => encoding,
            None => {
                r.push(Diagnostic::error(file, 0..0, format!("unknown encoding `{label}` in the XML declaration")));
                return None;
            }
        },
        None => encoding_rs::UTF_8,
    };
    let (text, _, malformed) = encoding.decode(bytes);
    if malformed {
        let before = match std::str::from_utf8(bytes) {
            Err(e) if encoding == encoding_rs::UTF_8 => String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned(),
            _ => text[..text.find('\u{fffd}').unwrap_or(0)].to_owned(),
        };
        r.add_source(file, &before);
        let at = before.len();
        r.push(Diagnostic::error(file, at..at, format!("the feed is not valid {} text", encoding.name())));
        return None;
    }
    Some(text.into_owned())
}

/// Where a JSON Feed's items start, and their publication dates.
fn json_extras(text: &str) -> Vec<Extras> {
    let feed: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let items = feed.get("items").and_then(|i| i.as_array()).map(Vec::as_slice).unwrap_or_default();
    let starts = json_item_starts(text);
    items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let date = ["date_published", "date_modified"].iter().find_map(|k| item.get(k)?.as_str().and_then(local_date));
            Extras { start: starts.get(n).copied().unwrap_or(0), full_text: None, date }
        })
        .collect()
}

/// Where each object in a JSON document's top-level `items` list starts:
/// serde_json keeps no places.
fn json_item_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut depth = 0usize;
    // The last string read at the top level: the key before a value.
    let mut last_key: &str = "";
    let mut in_items = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let open = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 {
                    last_key = text.get(open + 1..i).unwrap_or("");
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth == 2 && bytes[i] == b'[' && last_key == "items" {
                    in_items = true;
                } else if depth == 3 && in_items && bytes[i] == b'{' {
                    starts.push(i);
                }
            }
            b']' | b'}' => {
                if depth == 2 {
                    in_items = false;
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    starts
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
        let start = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.name().as_ref().to_owned();
                if !in_item && matches!(e.local_name().as_ref(), "item" | "entry") {
                    items.push(Extras { start, ..Extras::default() });
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

/// The date of an RFC 2822 (RSS) or RFC 3339 (Atom, JSON Feed) date-time,
/// in the offset it was written with.
fn local_date(text: &str) -> Option<Date> {
    let dt = chrono::DateTime::parse_from_rfc2822(text).or_else(|_| chrono::DateTime::parse_from_rfc3339(text)).ok()?;
    calendar_date(&dt)
}

fn calendar_date<Tz: chrono::TimeZone>(dt: &chrono::DateTime<Tz>) -> Option<Date> {
    use chrono::Datelike;
    Date::new(u16::try_from(dt.year()).ok()?, dt.month() as u8, dt.day() as u8).ok()
}
