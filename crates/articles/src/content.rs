//! Reading `content/`: the site settings, the topics and the articles.
//! Parsers take `(path, text)` and push every problem to the report; only
//! `load` touches the disk.

use crate::diagnostic::{Diagnostic, Report};
use crate::fields::{self, At, Fields};
use crate::front_matter::{FrontMatter, Read};
use crate::markdown;
use crate::pictures::Pictures;
use catalog::{ArticleBody, ArticleMeta, Date, SiteInfo, Slug, TopicId};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Clone)]
pub struct TopicDef {
    pub id: TopicId,
    pub ru: String,
    pub en: String,
    pub ru_about: String,
    pub en_about: String,
    pub keywords: Vec<String>,
}

/// One article: its file, its metadata, and its body, or what is kept of
/// it (`B`: the body itself, or only its file name for a large build).
pub struct Article<B = ArticleBody> {
    pub path: PathBuf,
    pub meta: ArticleMeta,
    pub body: B,
    /// A draft, or embargoed until later than the build: checked, and
    /// published only by `build --drafts`.
    pub held: bool,
}

/// When the tool runs: today's date where it runs, to tell a date in the
/// future, and the moment, to tell an embargo that has not ended.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub today: Date,
    /// Seconds since 1970 ([`crate::moment::now`]).
    pub now: i64,
}

impl Clock {
    pub fn now() -> Self {
        Self { today: today(), now: crate::moment::now() }
    }
}

pub struct Content<B = ArticleBody> {
    pub site: SiteInfo,
    pub topics: Vec<TopicDef>,
    /// Newest first.
    pub articles: Vec<Article<B>>,
    /// The articles' pictures, as the build makes them.
    pub pictures: Arc<Pictures>,
}

/// Reads, parses and tags one article file, as `load` does.
pub struct ArticleReader {
    topics: Vec<TopicDef>,
    site_lang: String,
    tagger: catalog::Tagger,
    clock: Clock,
    pictures: Arc<Pictures>,
}

impl ArticleReader {
    pub fn read(&self, path: &Path, r: &mut Report) -> Option<Article> {
        let (path, text) = read(path, r)?;
        let mut a = parse_article(&path, &text, &self.topics, &self.site_lang, self.clock, r)?;
        for block in &mut a.body.blocks {
            tag_block(block, &self.tagger);
        }
        if let Some(lead) = &mut a.body.lead {
            self.tagger.tag(lead);
        }
        let images = a.meta.image.iter_mut().chain(a.body.blocks.iter_mut().filter_map(|b| match b {
            catalog::Block::Image(image) => Some(image),
            _ => None,
        }));
        let mut failed = false;
        for image in images {
            if let Err(why) = self.pictures.resolve(&path, image) {
                r.push(Diagnostic::error(&path, 0..3, why));
                failed = true;
            }
        }
        a.body.picture = a.meta.image.clone();
        (!failed).then_some(a)
    }
}

/// Reads the whole `content/` folder. Returns `None` when there were errors
/// (all of them are in the report).
pub fn load(dir: &Path, report: &mut Report) -> Option<Content> {
    load_with(dir, report, false, Pictures::in_memory(), |_, body| body).map(|(content, _)| content)
}

/// Reads the whole `content/` folder as `load` does, keeping of each body
/// what `keep` makes of it, so that a large archive need not be held in
/// memory; also returns the reader, to read an article again. Drafts and
/// embargoed articles are checked, and kept only with `drafts`.
pub fn load_with<B: Send>(
    dir: &Path,
    report: &mut Report,
    drafts: bool,
    pictures: Pictures,
    keep: impl Fn(&ArticleMeta, ArticleBody) -> B + Sync,
) -> Option<(Content<B>, ArticleReader)> {
    let site = read(&dir.join("site.toml"), report).and_then(|(p, t)| parse_site(&p, &t, report));
    let topics = read(&dir.join("topics.toml"), report).map(|(p, t)| parse_topics(&p, &t, report));
    let topics = topics.unwrap_or_default();

    let articles_dir = dir.join("articles");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&articles_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect(),
        Err(e) => {
            report.push(Diagnostic::error(&articles_dir, 0..0, format!("cannot read the folder: {e}")));
            Vec::new()
        }
    };
    files.sort();

    let site_lang = site.as_ref().map_or("ru", |s| s.lang.as_str()).to_owned();
    let tagger = catalog::Tagger::new(topics.iter().map(|t| (t.id.clone(), t.keywords.as_slice())));
    let pictures = Arc::new(pictures);
    let reader = ArticleReader { topics, site_lang, tagger, clock: Clock::now(), pictures: pictures.clone() };
    // Each file read, parsed and tagged on its own, on all cores; what is
    // said of them comes back in file order.
    let one = |path: &PathBuf| {
        let mut r = Report::default();
        let article = reader.read(path, &mut r).map(|a| {
            let body = keep(&a.meta, a.body);
            Article { path: a.path, meta: a.meta, body, held: a.held }
        });
        (r, article)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    let read: Vec<(Report, Option<Article<B>>)> = std::thread::scope(|scope| {
        let parts: Vec<_> = files.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(&one).collect::<Vec<_>>())).collect();
        parts.into_iter().flat_map(|t| t.join().expect("an article reader panicked")).collect()
    });
    let mut articles = Vec::new();
    for (r, article) in read {
        report.absorb(r);
        articles.extend(article);
    }
    check_unique_slugs(&articles, report);
    // After the slug check: a draft's slug is taken too.
    articles.retain(|a| drafts || !a.held);
    articles.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.meta.slug.cmp(&b.meta.slug)));
    if report.has_errors() {
        return None;
    }
    let topics = reader.topics.iter().map(TopicDef::clone).collect();
    Some((Content { site: site?, topics, articles, pictures }, reader))
}

fn tag_block(block: &mut catalog::Block, tagger: &catalog::Tagger) {
    use catalog::Block;
    match block {
        Block::Paragraph(p) => tagger.tag(p),
        Block::Quote { passages } | Block::List { items: passages, .. } => passages.iter_mut().for_each(|p| tagger.tag(p)),
        Block::Heading { .. } | Block::Image(_) => {}
    }
}

/// Reads a file as UTF-8 text, without a byte-order mark and with `\n` line ends.
pub(crate) fn read(path: &Path, report: &mut Report) -> Option<(PathBuf, String)> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            report.push(Diagnostic::error(path, 0..0, format!("cannot read the file: {e}")));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            report.add_source(path, &valid);
            report.push(Diagnostic::error(path, at..at, "the file is not valid UTF-8 text").with_hint("save it as UTF-8"));
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n");
    report.add_source(path, &text);
    Some((path.to_owned(), text))
}

pub fn parse_site(path: &Path, text: &str, r: &mut Report) -> Option<SiteInfo> {
    let doc = fields::parse(text, 0, path, r)?;
    let mut f = Fields::new(doc.get_ref(), 0..0, 0, path);
    let title = f.required_string("title", r);
    let lang = f.required_string("lang", r);
    let description = f.string("description", r).map(|d| d.value).unwrap_or_default();
    let publisher = f.string("publisher", r).map(|d| d.value);
    let url = f.string("url", r).and_then(|At { value, span }| {
        if !(value.starts_with("https://") || value.starts_with("http://")) {
            r.push(Diagnostic::error(path, span, "`url` must be an absolute http(s) URL").with_hint("e.g. url = \"https://news.example.org/\""));
            return None;
        }
        Some(if value.ends_with('/') { value } else { value + "/" })
    });
    f.finish(r);
    let title = title?.value;
    Some(SiteInfo { publisher: publisher.unwrap_or_else(|| title.clone()), title, description, lang: lang?.value, url })
}

pub fn parse_topics(path: &Path, text: &str, r: &mut Report) -> Vec<TopicDef> {
    let Some(doc) = fields::parse(text, 0, path, r) else { return Vec::new() };
    let mut root = Fields::new(doc.get_ref(), 0..0, 0, path);
    let tables = root.tables("topic", r);
    let mut topics: Vec<TopicDef> = Vec::new();
    for mut t in tables {
        let id = t.required_string("id", r);
        let ru = t.required_string("ru", r);
        let en = t.required_string("en", r);
        let ru_about = t.required_string("ru_about", r);
        let en_about = t.required_string("en_about", r);
        let keywords = t.strings("keywords", r).unwrap_or_default();
        if keywords.is_empty() {
            r.push(Diagnostic::warning(path, t.span(), "this topic has no `keywords`: no paragraph will be tagged with it"));
        }
        t.finish(r);
        let Some(id) = id else { continue };
        if let Err(why) = Slug::parse(&id.value) {
            r.push(Diagnostic::error(path, id.span, format!("topic id: {why}")));
            continue;
        }
        // `topic/<id>-2.html` is page 2 of topic `<id>`'s pages.
        if id.value.rsplit_once('-').is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit())) {
            r.push(Diagnostic::error(path, id.span, format!("topic id `{}` ends in a number: that names a page of another topic's list", id.value)).with_hint("end it in a word"));
            continue;
        }
        if topics.iter().any(|x| x.id.as_str() == id.value) {
            r.push(Diagnostic::error(path, id.span, format!("topic `{}` is defined twice", id.value)));
            continue;
        }
        if let (Some(ru), Some(en), Some(ru_about), Some(en_about)) = (ru, en, ru_about, en_about) {
            topics.push(TopicDef {
                id: TopicId::new(id.value),
                ru: ru.value,
                en: en.value,
                ru_about: ru_about.value,
                en_about: en_about.value,
                keywords: keywords.into_iter().map(|k| k.value).collect(),
            });
        }
    }
    root.finish(r);
    if topics.is_empty() && !r.has_errors() {
        r.push(Diagnostic::error(path, 0..0, "no topics defined").with_hint("add a `[[topic]]` table with id, ru, en, ru_about, en_about and keywords"));
    }
    topics
}

/// Today's date where the tool runs, to tell a date in the future.
pub fn today() -> Date {
    use chrono::Datelike;
    let now = chrono::Local::now().date_naive();
    Date::new(now.year() as u16, now.month() as u8, now.day() as u8).expect("the clock gives a real date")
}

pub fn parse_article(path: &Path, text: &str, topics: &[TopicDef], site_lang: &str, clock: Clock, r: &mut Report) -> Option<Article> {
    let today = clock.today;
    let errors_before = r.errors();
    let Read { front_matter, places, parts } = FrontMatter::read(path, text, r)?;
    let body_start = parts.body_start;
    if front_matter.import.as_ref().is_some_and(|i| i.topics_suggested) {
        r.push(
            Diagnostic::warning(path, places.import, "the topics were suggested by `articles import` from keywords")
                .with_hint("check `topics`, then delete the line `topics_suggested = true`"),
        );
    }
    if let Some(image) = &front_matter.image {
        let checked = crate::pictures::check_source(path, &image.src);
        if let Err(why) = checked {
            r.push(Diagnostic::error(path, places.image.clone(), why).with_hint("put the picture under content/ and give its path from the article's folder, or an https:// address"));
        }
    }
    if front_matter.image.as_ref().is_some_and(|i| i.alt.trim().is_empty()) {
        r.push(
            Diagnostic::warning(path, 0..3, "the picture has no `alt`: a reader who cannot see it learns nothing of it")
                .with_hint("say in `alt = \"…\"` what the picture shows (not the headline)"),
        );
    }
    if front_matter.summary.is_none() {
        r.push(Diagnostic::warning(path, 0..3, "no `summary`: the list and link previews will show none").with_hint("add `summary = \"…\"`: one or two sentences"));
    }
    // Only here are topics.toml's ids known, for the hint.
    if front_matter.topics.is_none() {
        r.push(Diagnostic::error(path, 0..3, "missing field `topics`").with_hint(format!(
            "add `topics = [\"…\"]` with ids from topics.toml: {}",
            topic_list(topics)
        )));
    }
    let mut checked_topics = Vec::new();
    for (t, span) in front_matter.topics.iter().flatten().zip(places.topics) {
        if topics.iter().any(|d| d.id.as_str() == t) {
            if !checked_topics.iter().any(|x: &TopicId| x.as_str() == t) {
                checked_topics.push(TopicId::new(t.clone()));
            }
        } else if !topics.is_empty() {
            r.push(Diagnostic::error(path, span, format!("unknown topic `{t}`")).with_hint(format!("topics.toml has: {}", topic_list(topics))));
        }
    }

    let date = front_matter.date.map(|value| At { value, span: places.date.clone() });
    let embargo = front_matter.publish_at.filter(|at| at.unix() > clock.now);
    if front_matter.draft {
        r.push(Diagnostic::note(path, 0..3, "a draft: checked, not published").with_hint("`articles build --drafts` builds it for a preview; delete `draft = true` to publish it"));
    } else if let Some(at) = embargo {
        r.push(Diagnostic::note(
            path,
            places.date.clone(),
            format!("embargoed until {at}: the first build at or after then publishes it ({})", crate::moment::until(clock.now, at.unix())),
        ));
    } else if let Some(d) = date.as_ref().filter(|d| d.value > today && front_matter.publish_at.is_none()) {
        r.push(
            Diagnostic::warning(path, d.span.clone(), format!("`date` {} is in the future (today is {today})", d.value))
                .with_hint("the list is newest first, so it will stay on top until then; is the year right?"),
        );
    }
    let slug_field = front_matter.slug.map(|value| At { value, span: places.slug });
    let slug = slug_of(path, slug_field, date.as_ref(), r);
    let body = markdown::parse(path, &text[body_start..], body_start, r);
    if body.0.is_none() && body.1.is_empty() {
        r.push(
            Diagnostic::error(path, body_start..body_start, "the article has no text")
                .with_hint("write the text after the closing `+++` line"),
        );
    }

    if r.errors() > errors_before {
        return None;
    }
    let slug = slug?;
    let (lead, blocks) = body;
    let (people, places, organizations) = (
        front_matter.people.unwrap_or_default(),
        front_matter.places.unwrap_or_default(),
        front_matter.organizations.unwrap_or_default(),
    );
    let body = ArticleBody { schema: catalog::SCHEMA_VERSION, slug: slug.clone(), lead, blocks, picture: None, people: people.clone(), places: places.clone(), organizations: organizations.clone() };
    Some(Article {
        path: path.to_owned(),
        meta: ArticleMeta {
            slug,
            title: front_matter.title,
            date: date?.value,
            lang: front_matter.lang.unwrap_or_else(|| site_lang.to_owned()),
            topics: checked_topics,
            summary: front_matter.summary.unwrap_or_default(),
            sample: front_matter.sample,
            source: front_matter.source,
            region: front_matter.region,
            image: front_matter.image,
            people,
            places,
            organizations,
            minutes: body.reading_minutes(),
            body: None,
        },
        body,
        held: front_matter.draft || embargo.is_some(),
    })
}

fn topic_list(topics: &[TopicDef]) -> String {
    topics.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// The slug is the file name without its date (`2026-01-19-kirov.md` →
/// `kirov`) unless the front matter sets `slug`.
fn slug_of(path: &Path, field: Option<At<String>>, date: Option<&At<Date>>, r: &mut Report) -> Option<Slug> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let (file_date, name) = match stem.get(..11) {
        Some(prefix) if prefix.ends_with('-') && Date::parse(&prefix[..10]).is_ok() => (Some(&prefix[..10]), &stem[11..]),
        _ => (None, stem),
    };
    if let (Some(file_date), Some(date)) = (file_date, date) {
        if file_date != date.value.to_string() {
            r.push(Diagnostic::error(path, date.span.clone(), format!("the file name says {file_date} but `date` is {}", date.value)).with_hint("rename the file or fix the date"));
        }
    }
    let (text, span) = match field {
        Some(At { value, span }) => (value, span),
        None => (name.to_owned(), 0..0),
    };
    match Slug::parse(&text) {
        Ok(s) => Some(s),
        Err(why) => {
            r.push(Diagnostic::error(path, span, why).with_hint("name the file `YYYY-MM-DD-latin-words.md` or set `slug = \"…\"`"));
            None
        }
    }
}

fn check_unique_slugs<B>(articles: &[Article<B>], r: &mut Report) {
    let mut seen: HashMap<&Slug, &Path> = HashMap::new();
    for a in articles {
        if let Some(first) = seen.insert(&a.meta.slug, &a.path) {
            r.push(
                Diagnostic::error(&a.path, 0..0, format!("slug `{}` is already used by {}", a.meta.slug, first.display()))
                    .with_hint("each article needs its own page name: rename one file or set `slug`"),
            );
        }
    }
}
