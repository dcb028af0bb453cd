//! The hostile corpus (tests/fixtures/hostile): what an article or a feed
//! could carry, by accident or on purpose, is either refused with its place
//! or published as text that cannot run.

use articles::{build, content, diagnostic::Report, import};
use catalog::{ArticleBody, Block, Index, Inline, Passage};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const HOSTILE: &str = "tests/fixtures/hostile";

fn check(content: &str) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_articles")).current_dir(repo()).args(["check", "--content", content]).output().unwrap();
    (out.status.success(), String::from_utf8(out.stderr).unwrap())
}

/// Every inline of a body, depth first.
fn inlines(body: &ArticleBody) -> Vec<&Inline> {
    fn walk<'a>(content: &'a [Inline], out: &mut Vec<&'a Inline>) {
        for i in content {
            out.push(i);
            if let Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } = i {
                walk(content, out);
            }
        }
    }
    let mut out = Vec::new();
    let passages = body.lead.iter().chain(body.blocks.iter().flat_map(|b| b.passages()));
    for p in passages {
        walk(&p.content, &mut out);
    }
    for b in &body.blocks {
        if let Block::Heading { content, .. } = b {
            walk(content, &mut out);
        }
    }
    out
}

fn texts(body: &ArticleBody) -> Vec<String> {
    body.lead.iter().chain(body.blocks.iter().flat_map(|b| b.passages())).map(Passage::plain_text).collect()
}

#[test]
fn the_inert_corpus_passes_with_a_warning_for_each_oddity() {
    let (ok, out) = check(&format!("{HOSTILE}/inert"));
    assert!(ok, "{out}");
    let a = format!("{HOSTILE}/inert/articles/");
    for expected in [
        format!("{a}2026-03-01-raw-html.md:8:25: warning: raw HTML is not rendered: it will show as text"),
        format!("{a}2026-03-01-raw-html.md:10:1: warning: raw HTML is not rendered: it will show as text"),
        format!("{a}2026-03-03-invisible.md:2:19: warning: `title` holds an invisible character U+200B ZERO WIDTH SPACE: searches and copies of it will not match"),
        format!("{a}2026-03-05-long-paragraph.md:10:1: warning: a very long paragraph (568399 characters): on a phone it fills many screens"),
        format!("{a}2026-03-07-deep-nesting.md:213:17: warning: emphasis nested more than 8 deep: the inner levels show as plain text"),
        format!("{a}2999-12-31-future.md:3:8: warning: `date` 2999-12-31 is in the future (today is "),
    ] {
        assert!(out.lines().any(|l| l.starts_with(&expected)), "missing `{expected}` in:\n{out}");
    }
    assert!(out.contains("24 warnings in 5 files\n8 articles checked"), "{out}");
}

#[test]
fn the_inert_corpus_builds_into_text_only() {
    let mut report = Report::default();
    let c = content::load(&repo().join(HOSTILE).join("inert"), &mut report).expect("the inert corpus loads");
    let files = build::files(&c, None);
    let json = |prefix: &str| -> ArticleBody {
        let (_, bytes) = files.iter().find(|(p, _)| p.to_string_lossy().starts_with(&format!("data/articles/{prefix}."))).unwrap();
        serde_json::from_slice(bytes).unwrap()
    };
    let index: Index = serde_json::from_slice(&files.iter().find(|(p, _)| p == Path::new("data/index.json")).unwrap().1).unwrap();
    assert_eq!(index.articles.len(), 8);

    // Raw HTML is kept as the text the editor typed, and never as a link.
    let raw = json("raw-html");
    let text = texts(&raw).join("\n");
    for payload in [
        "Завод открыл новый цех. <script>window.__pwned = 'script'</script> Текст после скрипта.",
        "<img src=\"x\" onerror=\"window.__pwned = 'img'\">",
        "<svg onload=\"window.__pwned = 'svg'\"><circle r=\"1\"/></svg>",
        "Абзац с <a href=\"javascript:window.__pwned = 'a'\">HTML-ссылкой</a>",
        "Последний абзац читается как обычно.",
    ] {
        assert!(text.contains(payload), "missing `{payload}` in:\n{text}");
    }
    // Each HTML block is a passage of its own.
    assert!(texts(&raw).iter().any(|t| t == "<img src=\"x\" onerror=\"window.__pwned = 'img'\">"), "{text}");

    // Entities decode to text; code keeps its characters.
    let ent = json("entities");
    let text = texts(&ent).join("\n");
    assert!(text.contains("Сущности: <script>window.__pwned = 'entity'</script> и <img src=x onerror=\"window.__pwned = 'entity2'\">."), "{text}");
    assert!(text.contains("Двойное кодирование: &lt;b&gt;не жирный&lt;/b&gt;"), "{text}");
    assert!(inlines(&ent).iter().any(|i| matches!(i, Inline::Code { text } if text == "<script>window.__pwned = 'code'</script>")));
    let title = &index.articles.iter().find(|a| a.slug.as_str() == "entities").unwrap().title;
    assert_eq!(title, "<img src=x onerror=\"window.__pwned = 'title'\"> Разметка в заголовке");

    // No body of the corpus links anywhere but http(s), mail or phone.
    for (path, bytes) in files.iter().filter(|(p, _)| p.starts_with("data/articles")) {
        let body: ArticleBody = serde_json::from_slice(bytes).unwrap();
        for i in inlines(&body) {
            if let Inline::Link { href, .. } = i {
                assert!(catalog::is_safe_href(href), "{}: {href}", path.display());
            }
        }
    }

    // BOM and CRLF: the title is clean and the soft break is a space.
    let crlf = json("bom-crlf");
    assert_eq!(texts(&crlf), ["Первый абзац про урожай.", "Второй абзац, строка продолжается."]);
    assert_eq!(index.articles.iter().find(|a| a.slug.as_str() == "bom-crlf").unwrap().title, "Файл с BOM и переводами строк CRLF");

    // Size alone is no reason to lose text.
    let long = json("long-paragraph");
    assert_eq!(texts(&long).len(), 3);
    assert!(texts(&long)[1].len() > 1024 * 1024, "the megabyte paragraph is whole");
    let many = json("many-paragraphs");
    let many = texts(&many);
    assert_eq!((many.len(), many[0].as_str(), many[9999].as_str()), (10_000, "Абзац номер 1.", "Абзац номер 10000."));
    let deep = texts(&json("deep-nesting")).join("\n");
    assert!(deep.contains("цитата на дне") && deep.contains("выделение") && deep.ends_with("Конец."), "{deep}");
}

#[test]
fn the_rejected_corpus_reports_each_case_with_its_place_and_writes_nothing() {
    let (ok, out) = check(&format!("{HOSTILE}/rejected"));
    assert!(!ok, "{out}");
    let a = format!("{HOSTILE}/rejected/articles/");
    let link = "only http, https, mailto, tel and relative links are allowed";
    let expected = [
        format!("{a}2026-04-01-links.md:10:1: error: link to `javascript:window.__pwned=1`: {link}"),
        format!("{a}2026-04-01-links.md:10:45: error: link to `JAVASCRIPT:x`: {link}"),
        format!("{a}2026-04-01-links.md:12:1: error: link to `data:text/html;base64,PHNjcmlwdD4=`: {link}"),
        format!("{a}2026-04-01-links.md:12:46: error: link to `vbscript:msgbox(1)`: {link}"),
        format!("{a}2026-04-01-links.md:14:1: error: link to `javascript:x`: {link}"),
        format!("{a}2026-04-01-links.md:14:35: error: link to `javascript:alert(1)`: {link}"),
        format!("{a}2026-04-01-links.md:16:1: error: picture `data:image/svg+xml;base64,PHN2Zz4=`: use a path under content/ or an https:// address"),
        format!("{a}2026-04-02-invalid-utf8.md:2:12: error: the file is not valid UTF-8 text"),
        format!("{a}2026-04-03-empty-body.md:7:1: error: the article has no text"),
        format!("{a}2026-04-05-twin.md:1:1: error: slug `twin` is already used by {a}2026-04-04-first.md"),
        format!("{a}2026-04-06-unknown-topic.md:4:20: error: unknown topic `culture`"),
        format!("{a}2026-04-07-bad-date.md:3:8: error: bad `date`: `07.04.2026` is not a date written YYYY-MM-DD"),
        format!("{a}2026-04-08-no-such-day.md:3:8: error: bad `date`: day 30 is not in month 2 of 2026"),
        format!("{a}2026-04-09-no-front-matter.md:1:1: error: the article does not start with `+++` front matter"),
        format!("{a}2026-04-10-bidi-title.md:2:16: error: `title` holds an invisible character U+202E RIGHT-TO-LEFT OVERRIDE: it changes the order the text is shown in"),
        format!("{a}2026-04-10-bidi-title.md:2:24: error: `title` holds an invisible character U+202C POP DIRECTIONAL FORMATTING: it changes the order the text is shown in"),
        format!("{a}2026-04-11-unclosed.md:1:1: error: the front matter is not closed"),
        "17 errors in 10 files".to_owned(),
    ];
    let problems: Vec<&str> = out.lines().filter(|l| !l.starts_with("  hint:")).collect();
    assert_eq!(problems, expected.iter().map(String::as_str).collect::<Vec<_>>(), "\n{out}");

    let dist = tempfile::tempdir().unwrap();
    let built = Command::new(env!("CARGO_BIN_EXE_articles"))
        .current_dir(repo())
        .args(["build", "--content", &format!("{HOSTILE}/rejected"), "--out"])
        .arg(dist.path())
        .output()
        .unwrap();
    assert!(!built.status.success());
    assert_eq!(std::fs::read_dir(dist.path()).unwrap().count(), 0, "nothing is written while errors remain");
}

fn content_with_topics() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["site.toml", "topics.toml"] {
        std::fs::copy(repo().join(HOSTILE).join("inert").join(f), dir.path().join(f)).unwrap();
    }
    dir
}

#[test]
fn a_hostile_feed_imports_as_text_with_every_removal_reported() {
    let dir = content_with_topics();
    let feeds = repo().join(HOSTILE).join("feeds");
    let report = import::run(&[feeds.join("hostile.rss"), feeds.join("invalid-utf8.rss")], dir.path());
    let lines = report.lines().join("\n");
    assert_eq!((report.new, report.errors()), (2, 2), "{lines}");
    for expected in [
        "hostile.rss:7:5: warning: item 1: removed from the title: invisible U+202E RIGHT-TO-LEFT OVERRIDE",
        "hostile.rss:7:5: warning: item 1: removed from the title: invisible U+200B ZERO WIDTH SPACE",
        "hostile.rss:7:5: warning: item 1: removed from the author: invisible U+2066 LEFT-TO-RIGHT ISOLATE",
        "hostile.rss:7:5: warning: item 1: dropped <svg> and what it held",
        "hostile.rss:7:5: warning: item 1: dropped a link to `data:text/html;base64,PHNjcmlwdD4=`, kept its text",
        "hostile.rss:7:5: warning: item 1: dropped a link to `vbscript:msgbox(1)`, kept its text",
        "hostile.rss:7:5: warning: item 1: dropped a link to `JaVaScRiPt:window.__pwned='a'`, kept its text",
        "hostile.rss:7:5: warning: item 1: dropped a link to `javascript:window.__pwned='ent'`, kept its text",
        "hostile.rss:7:5: warning: item 1: dropped <math> and what it held",
        "hostile.rss:7:5: warning: item 1: dropped <template> and what it held",
        "hostile.rss:7:5: warning: item 1: dropped <base> and what it held",
        "hostile.rss:38:5: error: item 3: the item has no title",
        "invalid-utf8.rss:35:41: error: the feed is not valid UTF-8 text",
    ] {
        assert!(lines.contains(expected), "missing `{expected}` in:\n{lines}");
    }

    // What was written passes the checker, and carries no markup that runs.
    let mut problems = Report::default();
    let c = content::load(dir.path(), &mut problems).unwrap_or_else(|| panic!("{}", problems.render()));
    let bidi = c.articles.iter().find(|a| a.meta.title.starts_with("Цена")).unwrap();
    assert_eq!(bidi.meta.title, "Цена: 001 руб за литр");
    // 01:30 Moscow time on the 3rd is the 3rd, not UTC's 2nd.
    assert_eq!(bidi.meta.date.to_string(), "2026-03-03");
    let text = texts(&bidi.body).join("\n");
    assert!(text.contains("Двойное кодирование: &lt;script&gt;"), "{text}");
    assert!(!text.contains("__pwned='svg'") && !text.contains("'mxss'") && !text.contains("'template'") && !text.contains("'comment'"), "{text}");
    let links: Vec<&str> = inlines(&bidi.body)
        .into_iter()
        .filter_map(|i| match i {
            Inline::Link { href, .. } => Some(href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(links, ["https://portal.example/ok", "https://portal.example/news/relative"]);

    let markup = c.articles.iter().find(|a| a.meta.title == "Разметка в заголовке").unwrap();
    assert_eq!(markup.meta.summary, "Описание с текстом.", "a script's source is not a summary");
    // Its full text holds markup, read as HTML: the script goes, said in the report.
    assert_eq!(texts(&markup.body), ["Полный текст: остаётся текстом."]);
    assert!(lines.contains("hostile.rss:30:5: warning: item 2: dropped <script> and what it held"), "{lines}");
}

#[test]
fn a_feed_of_50_megabytes_is_imported_whole() {
    let dir = content_with_topics();
    let paragraph = format!("<p>{}</p>", "Завод в Кирове выпустил новую партию станков для предприятий области. ".repeat(40));
    let body = paragraph.repeat(8);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Архив</title><link>https://portal.example/</link><description>Все новости</description>\n");
    let mut n = 0;
    while xml.len() < 50 * 1024 * 1024 {
        n += 1;
        xml.push_str(&format!(
            "<item><title>Новость номер {n}</title><link>https://portal.example/n/{n}</link><guid>archive-{n}</guid><pubDate>Tue, 03 Mar 2026 10:00:00 +0300</pubDate><description><![CDATA[{body}]]></description></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    let feed = dir.path().join("archive.rss");
    std::fs::write(&feed, &xml).unwrap();

    let report = import::run(&[feed], dir.path());
    assert_eq!((report.new, report.errors()), (n, 0), "{}", report.lines().last().unwrap());
    let written = std::fs::read_dir(dir.path().join("articles")).unwrap().count();
    assert_eq!(written, n);
    let mut problems = Report::default();
    let c = content::load(dir.path(), &mut problems).unwrap_or_else(|| panic!("{}", problems.render()));
    let last = c.articles.iter().find(|a| a.meta.title == format!("Новость номер {n}")).unwrap();
    assert_eq!(texts(&last.body).len(), 8);
    assert!(last.meta.topics.iter().any(|t| t.as_str() == "industry"));
}
