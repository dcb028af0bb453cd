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
