//! The feeds a build writes, read back as their readers read them: by
//! `feed-rs`, and by `articles import` into an empty site (a round trip:
//! every article, its whole text, its date and its topics); `dzen.xml`
//! also against Dzen's rules for its markup.

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

/// The tags Dzen keeps in `content:encoded` (dzen.ru/help/ru/website/rss-modify).
const DZEN_TAGS: &[&str] = &["p", "a", "b", "i", "u", "s", "h1", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "figure", "img", "figcaption"];

/// An article with every kind of block and span, and pictures Dzen takes
/// and one it does not (SVG).
const EVERYTHING: &str = r#"+++
title = "Проверка ленты для Дзена"
date = 2026-01-20
lang = "ru"
topics = ["trade"]
summary = "Заметка, в которой есть всё, что умеет текст."

[image]
src = "https://news.example.org/img/cover.png"
alt = "Обложка"
+++

Первая строка\
вторая строка с `кодом` и [ссылкой](https://example.org/?a=1&b=2).

## Подзаголовок

> Цитата со **словом** и *курсивом*.

1. пункт один
2. пункт два

![Ферма зимой](https://news.example.org/img/farm.jpg)

![Схема](https://news.example.org/img/scheme.svg)

Конец ]]> текста.
"#;

/// The names of the tags in `html`, end tags included.
fn tag_names(html: &str) -> Vec<String> {
    html.split('<').skip(1).map(|rest| rest.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect()).collect()
}

#[test]
fn dzen_xml_holds_every_article_in_dzens_markup() {
    let dir = content_with_url();
    std::fs::write(dir.path().join("articles/2026-01-20-dzen-markup.md"), EVERYTHING).unwrap();
    let (c, files) = built(dir.path());
    let xml = file(&files, "dzen.xml");
    let text = std::str::from_utf8(xml).unwrap();
    for ns in [
        r#"xmlns:content="http://purl.org/rss/1.0/modules/content/""#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/""#,
        r#"xmlns:media="http://search.yahoo.com/mrss/""#,
        r#"xmlns:atom="http://www.w3.org/2005/Atom""#,
        r#"xmlns:georss="http://www.georss.org/georss""#,
    ] {
        assert!(text.contains(ns), "{ns}");
    }
    assert!(!text.contains("yandex:") && text.contains(&format!(r#"<atom:link href="{BASE}dzen.xml""#)));

    let feed = feed_rs::parser::parse(xml).unwrap();
    assert_eq!(feed.entries.len(), c.articles.len());
    for (entry, a) in feed.entries.iter().zip(&c.articles) {
        let url = format!("{BASE}{}.html", a.meta.slug);
        assert_eq!(entry.title.as_ref().unwrap().content, a.meta.title);
        assert_eq!((entry.links[0].href.as_str(), entry.id.as_str()), (url.as_str(), url.as_str()));
        assert_eq!(entry.published.unwrap().date_naive().to_string(), a.meta.date.to_string());
        let directives: Vec<&str> = entry.categories.iter().map(|c| c.term.as_str()).collect();
        assert_eq!(directives, ["format-article", "index", "comment-all"], "{}", a.meta.slug);
        assert!(entry.summary.as_ref().is_some_and(|s| !s.content.is_empty()), "{}", a.meta.slug);
    }

    // The seed: its title and its words.
    let seed = feed.entries.iter().find(|e| e.links[0].href == format!("{BASE}kirov-delegation-belarus.html")).expect("the seed article");
    assert_eq!(seed.title.as_ref().unwrap().content, "Александр Соколов на встрече с Президентом Беларуси обсудил перспективы расширения сотрудничества");
    let html = seed.content.as_ref().and_then(|c| c.body.as_deref()).unwrap();
    assert!(html.starts_with("<p>Александр Соколов возглавляет делегацию"), "{html}");
    assert!(html.contains("Омутнинский металлургический завод, который производит лифтовые направляющие"), "{html}");

    // Every item as Dzen reads it: rated, and its text of Dzen's tags only.
    let items: Vec<&str> = text.split("<item>").skip(1).collect();
    assert_eq!(items.len(), c.articles.len());
    for item in &items {
        assert!(item.contains("<media:rating scheme=\"urn:simple\">nonadult</media:rating>\n"), "{item}");
        let (_, rest) = item.split_once("<content:encoded><![CDATA[").expect("the text, in CDATA");
        let (cdata, _) = rest.split_once("]]></content:encoded>").unwrap();
        let html = cdata.replace("]]]]><![CDATA[>", "]]>");
        assert!(!html.is_empty() && !html.contains("]]>"), "{item}");
        for tag in tag_names(&html) {
            assert!(DZEN_TAGS.contains(&tag.as_str()), "<{tag}> in {html}");
        }
    }

    // Everything a text can hold, in Dzen's tags: a line break starts a
    // paragraph, code is plain text, the cover leads and an SVG is left out.
    let all = feed.entries.iter().find(|e| e.links[0].href == format!("{BASE}dzen-markup.html")).expect("the article of every block");
    let html = all.content.as_ref().and_then(|c| c.body.as_deref()).unwrap();
    assert_eq!(
        html,
        "<figure><img src=\"https://news.example.org/img/cover.png\" alt=\"Обложка\"></figure>\
         <p>Первая строка</p>\
         <p>вторая строка с кодом и <a href=\"https://example.org/?a=1&amp;b=2\">ссылкой</a>.</p>\
         <h2>Подзаголовок</h2>\
         <blockquote><p>Цитата со <b>словом</b> и <i>курсивом</i>.</p></blockquote>\
         <ol><li>пункт один</li><li>пункт два</li></ol>\
         <figure><img src=\"https://news.example.org/img/farm.jpg\" alt=\"Ферма зимой\"></figure>\
         <p>Конец ]]&gt; текста.</p>"
    );
    let pictures: Vec<String> = all.media.iter().flat_map(|m| &m.content).filter_map(|m| m.url.as_ref().map(|u| u.to_string())).collect();
    assert_eq!(pictures, ["https://news.example.org/img/cover.png", "https://news.example.org/img/farm.jpg"]);
}

#[test]
fn a_site_without_a_public_url_writes_no_feed() {
    let (_, files) = built(&repo().join("content"));
    assert!(!files.iter().any(|(p, _)| p.extension().is_some_and(|e| e == "xml") || p == Path::new("feed.json")));
}

fn quick_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
