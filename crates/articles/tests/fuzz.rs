//! Property tests over generated input: the article reader (front matter and
//! Markdown) and the feed importer never panic, report every problem with a
//! place that exists, and never let through what the checker refuses.
//!
//! `make test` runs a short round (PROPTEST_CASES, 256 by default);
//! `make fuzz` runs a long one. A failure prints the input that caused it:
//! add it to tests/fixtures/hostile/ as a case of its own.

use articles::{content, diagnostic::Report, html, import, markdown};
use catalog::{Block, Inline, TopicId};
use proptest::prelude::*;
use std::path::Path;

/// Pieces that mean something to TOML, Markdown, HTML or the checker, mixed
/// with any characters at all.
fn piece() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = vec![
        "+++\n", "+++", "\n", "\r\n", "\n\n", "title = \"", "date = ", "2026-01-19", "2026-02-30", "topics = [\"trade\"]",
        "topics = [", "summary = \"", "slug = \"", "\"", "'", "]", "[", "[source]\n", "[image]\n", "[import]\n", "name = ",
        "url = \"javascript:x\"", "= ", "#", "## ", "> ", "- ", "1. ", "* ", "```\n", "`", "*", "**", "_", "](", ")",
        "![", "<", ">", "</", "<script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "&lt;",
        "&#106;", "&amp;", "javascript:", "JaVaScRiPt:", "data:text/html,", "vbscript:", "https://example.org/", "\\",
        "\u{feff}", "\u{202e}", "\u{200b}", "\t", "    ", "|", "---", "===", "<!--", "-->", "<![CDATA[", "]]>", "завод ",
        "Текст ", "ё",
    ];
    prop_oneof![
        3 => proptest::sample::select(known).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => proptest::collection::vec(any::<char>(), 0..8).prop_map(|c| c.into_iter().collect()),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..max).prop_map(|p| p.concat())
}

fn topics() -> Vec<content::TopicDef> {
    ["trade", "industry"]
        .into_iter()
        .map(|id| content::TopicDef {
            id: TopicId::new(id),
            ru: id.into(),
            en: id.into(),
            ru_about: id.into(),
            en_about: id.into(),
            keywords: vec!["завод".into()],
        })
        .collect()
}

fn links(blocks: &[Block], lead: Option<&catalog::Passage>) -> Vec<String> {
    fn walk(content: &[Inline], out: &mut Vec<String>) {
        for i in content {
            match i {
                Inline::Link { href, content } => {
                    out.push(href.clone());
                    walk(content, out);
                }
                Inline::Emphasis { content } | Inline::Strong { content } => walk(content, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for p in lead.into_iter().chain(blocks.iter().flat_map(|b| b.passages())) {
        walk(&p.content, &mut out);
    }
    out
}

/// Every problem is placed on a line and column the file has.
fn assert_places_exist(report: &Report, text: &str) {
    let lines = text.split('\n').count();
    for d in &report.diagnostics {
        let (line, column) = report.position(d);
        assert!(line >= 1 && line <= lines.max(1), "line {line} of {lines}: {}", d.message);
        let width = text.split('\n').nth(line - 1).map_or(0, |l| l.chars().count());
        assert!(column >= 1 && column <= width + 1, "column {column} of {width} on line {line}: {}", d.message);
    }
}

proptest! {
    // Failing inputs are saved beside this file, and tried first next time.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct("tests/fuzz.proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_article_reader_never_panics_and_places_every_problem(body in text(48)) {
        let text = format!("+++\ntitle = \"Т\"\ndate = 2026-01-19\ntopics = [\"trade\"]\nsummary = \"С\"\n+++\n\n{body}");
        for text in [text.as_str(), body.as_str()] {
            let path = Path::new("a.md");
            let mut r = Report::default();
            r.add_source(path, text);
            let article = content::parse_article(path, text, &topics(), "ru", content::Clock::now(), &mut r);
            assert_places_exist(&r, text);
            let _ = r.render();
            if let Some(a) = article {
                prop_assert!(!r.has_errors());
                for href in links(&a.body.blocks, a.body.lead.as_ref()) {
                    prop_assert!(catalog::is_safe_href(&href), "published a link to {href:?}");
                }
            }
        }
    }

    #[test]
    fn imported_html_always_passes_the_checker(html_text in text(40), base in proptest::option::of(Just("https://portal.example/news/item"))) {
        let converted = html::to_markdown(&html_text, base);
        let path = Path::new("imported.md");
        let mut r = Report::default();
        r.add_source(path, &converted.markdown);
        let (lead, blocks) = markdown::parse(path, &converted.markdown, 0, &mut r);
        prop_assert!(!r.has_errors(), "the checker refuses what import wrote:\n{}\n{}", converted.markdown, r.render());
        for href in links(&blocks, lead.as_ref()) {
            prop_assert!(catalog::is_safe_href(&href));
        }
    }

    #[test]
    fn the_feed_importer_never_panics_and_writes_only_what_checks(
        title in text(6), description in text(24), full_text in text(8), date in proptest::sample::select(vec![
            "Tue, 03 Mar 2026 01:30:00 +0300", "2026-03-03T10:00:00Z", "not a date", "", "Mon, 31 Feb 2026 10:00:00 GMT",
        ]),
        cdata in any::<bool>(), shape in 0..3usize, cut in proptest::option::of(0..2000usize),
    ) {
        let dir = tempfile::tempdir().unwrap();
        for (f, t) in [("site.toml", "title = \"Т\"\nlang = \"ru\"\n"), ("topics.toml", "[[topic]]\nid = \"trade\"\nru = \"Т\"\nen = \"T\"\nru_about = \"о т\"\nen_about = \"t\"\nkeywords = [\"завод\"]\n")] {
            std::fs::write(dir.path().join(f), t).unwrap();
        }
        std::fs::create_dir(dir.path().join("articles")).unwrap();
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let body = if cdata { format!("<![CDATA[{description}]]>") } else { esc(&description) };
        let (name, mut feed) = match shape {
            0 => ("feed.rss", format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:yandex=\"http://news.yandex.ru\"><channel><title>Л</title><link>https://portal.example/</link><description>x</description>\
                 <item><title>{}</title><link>https://portal.example/n/1</link><pubDate>{date}</pubDate><description>{body}</description><yandex:full-text>{}</yandex:full-text></item></channel></rss>",
                esc(&title), esc(&full_text))),
            1 => ("feed.atom", format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Л</title><id>urn:x</id><updated>2026-03-03T10:00:00Z</updated>\
                 <entry><title type=\"html\">{}</title><id>urn:1</id><updated>{date}</updated><content type=\"html\">{body}</content></entry></feed>",
                esc(&title))),
            _ => ("feed.json", serde_json::json!({
                "version": "https://jsonfeed.org/version/1.1", "title": "Л",
                "items": [{ "id": "1", "title": title, "date_published": date, "content_html": description, "content_text": full_text }],
            }).to_string()),
        };
        // A feed cut short anywhere must fail cleanly too.
        if let Some(at) = cut {
            let mut at = at.min(feed.len());
            while !feed.is_char_boundary(at) { at -= 1; }
            feed.truncate(at);
        }
        let file = dir.path().join(name);
        std::fs::write(&file, &feed).unwrap();
        let report = import::run(&[file], dir.path());
        let mut problems = Report::default();
        let loaded = content::load(dir.path(), &mut problems);
        prop_assert!(loaded.is_some(), "import wrote what the checker refuses:\n{}\n{}\n{}", feed, report.lines().join("\n"), problems.render());
    }
}
