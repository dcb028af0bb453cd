//! The feeds a build writes, read back as their readers read them: by
//! `feed-rs`, and by `articles import` into an empty site (a round trip:
//! every article, its whole text, its date and its topics).

use articles::build;
use articles::content::{self, Article};
use articles::diagnostic::Report;
use articles::import;
use articles::render::Shell;
use catalog::Block;
use std::path::{Path, PathBuf};

const BASE: &str = "https://news.example.org/kirov/";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The project's content, with a public URL (feeds need absolute links).
fn content_with_url() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().flatten() {
            if e.path().is_file() {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    };
    copy(&repo().join("content"), dir.path());
    copy(&repo().join("content/articles"), &dir.path().join("articles"));
    let site = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    std::fs::write(dir.path().join("site.toml"), format!("{site}\nurl = \"{BASE}\"\n")).unwrap();
    dir
}

fn built(dir: &Path) -> (content::Content, Vec<(PathBuf, Vec<u8>)>) {
    let mut report = Report::default();
    let c = content::load(dir, &mut report).unwrap_or_else(|| panic!("{}", report.render()));
    let shell = Shell::new("<html><head><!--page-head--></head><body><!--page-body--></body></html>".into()).unwrap();
    let files = build::files(&c, Some(&shell));
    (c, files)
}

fn file<'f>(files: &'f [(PathBuf, Vec<u8>)], name: &str) -> &'f [u8] {
    &files.iter().find(|(p, _)| p == Path::new(name)).unwrap_or_else(|| panic!("{name} is not in the build")).1
}

/// An article's text as lines of plain words: its lead, headings and passages.
fn lines(a: &Article) -> Vec<String> {
    let mut out: Vec<String> = a.body.lead.iter().map(catalog::Passage::plain_text).collect();
    for block in &a.body.blocks {
        match block {
            Block::Heading { content, .. } => out.push(catalog::Passage { content: content.clone(), topics: vec![] }.plain_text()),
            other => out.extend(other.passages().iter().map(catalog::Passage::plain_text)),
        }
    }
    out
}

#[test]
fn feed_xml_reads_back_with_every_article_its_text_date_and_topics() {
    let dir = content_with_url();
    let (c, files) = built(dir.path());
    let rss = file(&files, "feed.xml");
    let text = std::str::from_utf8(rss).unwrap();
    assert!(text.contains("xmlns:yandex=\"http://news.yandex.ru\"") && text.len() < 10 * 1024 * 1024);
    let list = std::str::from_utf8(file(&files, "index.html")).unwrap();
    assert!(list.contains(r#"<link rel="alternate" type="application/rss+xml" title="Новости Кировской области" href="feed.xml">"#), "{list}");

    let feed = feed_rs::parser::parse(rss).unwrap();
    assert_eq!(feed.entries.len(), c.articles.len());
    for (entry, a) in feed.entries.iter().zip(&c.articles) {
        assert_eq!(entry.title.as_ref().unwrap().content, a.meta.title);
        assert_eq!(entry.links[0].href, format!("{BASE}{}.html", a.meta.slug));
        assert_eq!(entry.published.unwrap().date_naive().to_string(), a.meta.date.to_string());
        let labels: Vec<&str> = entry.categories.iter().map(|c| c.term.as_str()).collect();
        let want: Vec<&str> = a.meta.topics.iter().map(|id| c.topics.iter().find(|t| &t.id == id).unwrap().ru.as_str()).collect();
        assert_eq!(labels, want, "{}", a.meta.slug);
    }

    // Imported into an empty site: the same articles, texts, dates and topics.
    let back = tempfile::tempdir().unwrap();
    for f in ["site.toml", "topics.toml"] {
        std::fs::copy(repo().join("content").join(f), back.path().join(f)).unwrap();
    }
    let feed_file = back.path().join("feed.xml");
    std::fs::write(&feed_file, rss).unwrap();
    let report = import::run(std::slice::from_ref(&feed_file), back.path());
    assert_eq!((report.new, report.errors()), (c.articles.len(), 0), "{}", report.lines().join("\n"));
    let mut problems = Report::default();
    let imported = content::load(back.path(), &mut problems).unwrap_or_else(|| panic!("{}", problems.render()));
    for a in &c.articles {
        let b = imported.articles.iter().find(|b| b.meta.title == a.meta.title).unwrap_or_else(|| panic!("{} was not imported", a.meta.title));
        assert_eq!(b.meta.date, a.meta.date, "{}", a.meta.slug);
        assert_eq!(b.meta.topics, a.meta.topics, "{}", a.meta.slug);
        assert_eq!(b.meta.summary, a.meta.summary, "{}", a.meta.slug);
        assert_eq!(lines(b), lines(a), "{}", a.meta.slug);
    }
}

#[test]
fn feed_json_and_each_topics_feed_read_back() {
    let dir = content_with_url();
    let (c, files) = built(dir.path());
    let json: serde_json::Value = serde_json::from_slice(file(&files, "feed.json")).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["feed_url"], format!("{BASE}feed.json"));
    let feed = feed_rs::parser::parse(file(&files, "feed.json")).unwrap();
    assert_eq!(feed.entries.len(), c.articles.len());
    for (entry, a) in feed.entries.iter().zip(&c.articles) {
        assert_eq!(entry.id, format!("{BASE}{}.html", a.meta.slug));
        let html = entry.content.as_ref().and_then(|c| c.body.clone()).unwrap();
        assert!(html.starts_with("<p>") && !html.contains("<script"), "{html}");
        assert!(html.contains(&quick_escape(&lines(a)[0])), "{html}");
    }

    for topic in &c.topics {
        let feed = feed_rs::parser::parse(file(&files, &format!("topic/{}.xml", topic.id))).unwrap();
        let titles: Vec<String> = feed.entries.iter().map(|e| e.title.as_ref().unwrap().content.clone()).collect();
        let want: Vec<String> = c.articles.iter().filter(|a| a.meta.topics.contains(&topic.id)).map(|a| a.meta.title.clone()).collect();
        assert_eq!(titles, want, "{}", topic.id);
        assert!(feed.title.unwrap().content.ends_with(&topic.ru));
    }
}

#[test]
fn a_site_without_a_public_url_writes_no_feed() {
    let (_, files) = built(&repo().join("content"));
    assert!(!files.iter().any(|(p, _)| p.extension().is_some_and(|e| e == "xml") || p == Path::new("feed.json")));
}

fn quick_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
