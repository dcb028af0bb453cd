//! `articles check` and `articles build` on broken content: every problem at
//! once, each with its file and line, and nothing written.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_articles")).current_dir(repo()).args(args).output().unwrap();
    (out.status.success(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn check_reports_every_problem_with_its_place() {
    let (ok, out) = run(&["check", "--content", "tests/fixtures/broken"]);
    assert!(!ok, "check must fail on broken content");
    let a = "tests/fixtures/broken/articles/";
    let expected = [
        format!("{a}2026-01-01-bad-toml.md:2:24: error: TOML: invalid basic string, expected `\"`"),
        format!("{a}2026-01-02-fields.md:2:1: error: missing field `title`"),
        format!("{a}2026-01-02-fields.md:2:8: error: bad `date`: month 13 is not 1–12"),
        format!("{a}2026-01-02-fields.md:3:26: error: unknown topic `culture`"),
        format!("{a}2026-01-02-fields.md:5:1: error: unknown field `titel`"),
        format!("{a}2026-01-03-index.md:1:1: error: slug `index` would overwrite the site's own page `index.html`"),
        format!("{a}2026-01-05-same.md:1:1: error: slug `same` is already used by {a}2026-01-04-same.md"),
        format!("{a}2026-01-06-links.md:1:1: warning: no `summary`: the list and link previews will show none"),
        format!("{a}2026-01-06-links.md:3:8: error: the file name says 2026-01-06 but `date` is 2026-01-07"),
        format!("{a}2026-01-06-links.md:9:9: error: link to `javascript:alert(1)`: only http, https, mailto, tel and relative links are allowed"),
        format!("{a}notes.md:1:1: error: the article does not start with `+++` front matter"),
    ];
    let problems: Vec<&str> = out.lines().filter(|l| !l.starts_with("  hint:")).collect();
    assert_eq!(problems[..expected.len()], expected.iter().map(String::as_str).collect::<Vec<_>>()[..], "\n{out}");
    assert_eq!(problems.last(), Some(&"10 errors in 6 files, 1 warning in 1 file"), "\n{out}");
    assert!(out.contains("  hint: topics.toml has: agriculture, industry"), "{out}");
}

#[test]
fn build_writes_nothing_while_errors_remain() {
    let out = tempfile::tempdir().unwrap();
    let (ok, text) = run(&["build", "--content", "tests/fixtures/broken", "--out", out.path().to_str().unwrap()]);
    assert!(!ok);
    assert!(text.trim_end().ends_with("nothing was written"), "{text}");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn the_project_content_is_clean() {
    let (ok, out) = run(&["check"]);
    assert!(ok, "{out}");
    assert!(out.contains("no problems"), "{out}");
}

/// A site of the project's topics and these articles, in a folder of its own.
fn site_of(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("site.toml"), "title = \"T\"\nlang = \"ru\"\nurl = \"https://news.example.org/\"\n").unwrap();
    std::fs::copy(repo().join("content/topics.toml"), dir.path().join("topics.toml")).unwrap();
    for (name, front) in articles {
        let text = format!("+++\ntitle = \"{name}\"\n{front}\ntopics = [\"trade\"]\nsummary = \"S.\"\n+++\n\nТорговля.\n");
        std::fs::write(dir.path().join("articles").join(format!("{name}.md")), text).unwrap();
    }
    dir
}

/// `articles` at the moment `now` (seconds since 1970, as SOURCE_DATE_EPOCH).
fn run_at(now: i64, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_articles")).env("SOURCE_DATE_EPOCH", now.to_string()).args(args).output().unwrap();
    (out.status.success(), String::from_utf8(out.stderr).unwrap())
}

fn slugs_in(out: &Path) -> Vec<String> {
    let index: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("data/index.json")).unwrap()).unwrap();
    index["articles"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_draft_is_checked_never_published_and_built_for_a_preview() {
    let site = site_of(&[("2026-01-10-out", "date = 2026-01-10"), ("2026-01-11-draft", "date = 2026-01-11\ndraft = true")]);
    let content = site.path().to_str().unwrap();
    let (ok, out) = run_at(1_768_000_000, &["check", "--content", content]);
    assert!(ok, "{out}");
    assert!(out.contains("2026-01-11-draft.md:1:1: note: a draft: checked, not published"), "{out}");

    let built = tempfile::tempdir().unwrap();
    let shell = site.path().join("shell.html");
    std::fs::write(&shell, "<html><head><!--page-head--></head><body><!--page-body--></body></html>").unwrap();
    let (ok, out) = run_at(1_768_000_000, &["build", "--content", content, "--out", built.path().to_str().unwrap(), "--shell", shell.to_str().unwrap()]);
    assert!(ok, "{out}");
    assert_eq!(slugs_in(built.path()), ["out"]);
    assert!(built.path().join("out.html").exists() && !built.path().join("draft.html").exists());
    let bodies: Vec<_> = std::fs::read_dir(built.path().join("data/articles")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(bodies.iter().all(|b| b.starts_with("out.")), "{bodies:?}");
    let sitemap = std::fs::read_to_string(built.path().join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("out.html") && !sitemap.contains("draft"), "{sitemap}");

    // A draft's errors are errors all the same.
    let broken = site_of(&[("2026-01-11-draft", "date = 2026-01-11\ndraft = true\ntitel = \"x\"")]);
    let (ok, out) = run_at(1_768_000_000, &["check", "--content", broken.path().to_str().unwrap()]);
    assert!(!ok && out.contains("unknown field `titel`"), "{out}");

    let preview = tempfile::tempdir().unwrap();
    let (ok, out) = run_at(1_768_000_000, &["build", "--drafts", "--content", content, "--out", preview.path().to_str().unwrap()]);
    assert!(ok, "{out}");
    assert_eq!(slugs_in(preview.path()), ["draft", "out"]);
}

#[test]
fn an_embargoed_article_goes_out_with_the_first_build_at_or_after_its_moment() {
    // 2026-03-01T09:00:00+03:00 is 1772344800.
    let site = site_of(&[("2026-01-10-old", "date = 2026-01-10"), ("2026-03-01-embargo", "date = 2026-03-01T09:00:00+03:00")]);
    let content = site.path().to_str().unwrap();
    let before = 1_772_344_800 - 3 * 86_400;
    let (ok, out) = run_at(before, &["check", "--content", content]);
    assert!(ok, "{out}");
    assert!(
        out.contains("2026-03-01-embargo.md:3:8: note: embargoed until 2026-03-01 09:00 +03:00: the first build at or after then publishes it (in 3 days)"),
        "{out}"
    );
    for (now, want) in [(before, vec!["old"]), (1_772_344_799, vec!["old"]), (1_772_344_800, vec!["embargo", "old"])] {
        let built = tempfile::tempdir().unwrap();
        let (ok, out) = run_at(now, &["build", "--content", content, "--out", built.path().to_str().unwrap()]);
        assert!(ok, "{out}");
        assert_eq!(slugs_in(built.path()), want, "at {now}");
    }
    // Its date is the day in its own offset.
    let built = tempfile::tempdir().unwrap();
    run_at(1_772_344_800, &["build", "--content", content, "--out", built.path().to_str().unwrap()]);
    let index = std::fs::read_to_string(built.path().join("data/index.json")).unwrap();
    assert!(index.contains("\"slug\":\"embargo\",\"title\":\"2026-03-01-embargo\",\"date\":\"2026-03-01\""), "{index}");

    // A time needs its offset.
    let vague = site_of(&[("2026-03-01-vague", "date = 2026-03-01T09:00:00")]);
    let (ok, out) = run_at(before, &["check", "--content", vague.path().to_str().unwrap()]);
    assert!(!ok && out.contains("2026-03-01-vague.md:3:8: error: `date` has a time but no offset from UTC"), "{out}");
}
