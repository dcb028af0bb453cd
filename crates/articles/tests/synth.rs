//! `articles synth`: a corpus that passes `check`, the same for the same
//! seed, every article its own, in real inflected forms, with the withheld
//! dictionary forms nowhere in it.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn articles(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_articles"))
        .current_dir(repo())
        .args(args)
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8(out.stderr).unwrap())
}

fn synth(dir: &Path, count: usize, seed: u64) {
    let (ok, out) = articles(&[
        "synth",
        "--count",
        &count.to_string(),
        "--seed",
        &seed.to_string(),
        "--content",
        dir.to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
}

/// File name → text, for every article written.
fn corpus(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir.join("articles"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[test]
fn a_corpus_passes_check_and_says_it_is_synthetic() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), 400, 1);
    let (ok, out) = articles(&["check", "--content", dir.path().to_str().unwrap()]);
    assert!(ok, "{out}");
    assert!(out.contains("400 articles checked"), "{out}");
    let site = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    assert!(site.contains("Синтетический корпус"), "{site}");
    for (name, text) in corpus(dir.path()) {
        assert!(
            text.contains("sample = true"),
            "{name} is not marked as a sample"
        );
    }
}

#[test]
fn the_same_seed_writes_the_same_corpus_and_a_longer_one_begins_with_it() {
    let (a, b, c, d) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    synth(a.path(), 60, 7);
    synth(b.path(), 60, 7);
    synth(c.path(), 150, 7);
    synth(d.path(), 60, 8);
    let (a, b, c, d) = (
        corpus(a.path()),
        corpus(b.path()),
        corpus(c.path()),
        corpus(d.path()),
    );
    assert_eq!(a, b);
    assert_eq!(c.len(), 150);
    for (name, text) in &a {
        assert_eq!(
            c.get(name),
            Some(text),
            "{name} differs in the longer corpus"
        );
    }
    let same = a
        .iter()
        .filter(|(name, text)| d.get(*name) == Some(text))
        .count();
    assert_eq!(same, 0, "another seed wrote {same} identical articles");
}

#[test]
fn every_article_is_its_own_in_inflected_forms_without_the_withheld_ones() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), 1_000, 1);
    let texts = corpus(dir.path());
    let bodies: HashSet<&str> = texts
        .values()
        .map(|t| t.rsplit("+++").next().unwrap())
        .collect();
    assert_eq!(bodies.len(), texts.len(), "some articles are copies");

    let seen: HashSet<String> = texts.values().flat_map(|t| words(t)).collect();
    // Many forms of one word, as a news archive has them.
    for forms in [
        &["молока", "молоку", "молоком", "молоке"][..],
        &[
            "завод",
            "завода",
            "заводу",
            "заводом",
            "заводе",
            "заводы",
            "заводов",
            "заводах",
        ],
        &["ферма", "фермы", "ферме", "ферму", "фермой", "ферм"],
        &["молодёжь", "молодёжи", "молодёжью"],
    ] {
        for form in forms {
            assert!(seen.contains(*form), "«{form}» never occurs");
        }
    }
    for withheld in articles::synth::WITHHELD {
        assert!(
            !seen.contains(*withheld),
            "the withheld «{withheld}» occurs"
        );
    }
    // Every topic of topics.toml is written about.
    for topic in [
        "agriculture",
        "industry",
        "trade",
        "humanitarian",
        "transport",
    ] {
        let n = texts
            .values()
            .filter(|t| t.contains(&format!("\"{topic}\"")))
            .count();
        assert!(n > 50, "only {n} articles about {topic}");
    }
}

#[test]
fn it_never_writes_over_an_editors_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    let mine = dir.path().join("articles/2026-01-19-kirov.md");
    std::fs::write(&mine, "+++\ntitle = \"Моя статья\"\n+++\n").unwrap();
    let (ok, out) = articles(&[
        "synth",
        "--count",
        "5",
        "--content",
        dir.path().to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(
        out.contains("2026-01-19-kirov.md: not a synthetic article"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "+++\ntitle = \"Моя статья\"\n+++\n"
    );
}

#[test]
fn a_smaller_corpus_leaves_no_articles_of_the_larger_one() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), 30, 1);
    synth(dir.path(), 10, 1);
    assert_eq!(corpus(dir.path()).len(), 10);
}
