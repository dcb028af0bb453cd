//! Search from the reader's side: inflected forms find each other, words
//! that occur nowhere find nothing, the title weighs more, every word before
//! any, the word being typed and one typo, and shards change nothing.

use search::{excerpt, marks, run, Hits, Query, SearchParts, Shard, Stems, Writer};

/// An index of `docs` (title, text), newest first, in one piece of memory.
fn index(docs: &[(&str, &str)]) -> (SearchParts, Vec<Shard>) {
    let mut w = Writer::default();
    for (title, text) in docs {
        w.add(title, [*text]);
    }
    let (shards, files) = w.finish();
    (SearchParts { version: "v".into(), docs: docs.len() as u32, shards }, files)
}

fn find(ix: &(SearchParts, Vec<Shard>), q: &str) -> Hits {
    let query = Query::parse(q, &Stems::default());
    run(&query, &ix.0, |n| ix.1.get(n))
}

fn positions(h: &Hits) -> Vec<u32> {
    h.ranked.iter().map(|r| r.0).collect()
}

fn news() -> (SearchParts, Vec<Shard>) {
    index(&[
        ("Завод выпустил станки", "Предприятие нарастило выпуск. Ёмкости для молока тоже делают здесь."),
        ("Молочная ферма в Уржуме", "Производство молока выросло на треть."),
        ("Ярмарка в Кирове", "Торговали мёдом, сыром и молоком."),
        ("Мост через Вятку", "Движение открыто."),
        ("Farm news", "Dairy farming grew in the region."),
    ])
}

#[test]
fn a_dictionary_form_finds_the_forms_articles_use() {
    let ix = news();
    // «молоко» is in no article: they say «молока» and «молоком».
    let hits = find(&ix, "молоко ");
    assert_eq!(positions(&hits).len(), 3, "{hits:?}");
    assert!(positions(&hits).iter().all(|p| [0, 1, 2].contains(p)));
    assert!(hits.every_word);
    assert_eq!(positions(&find(&ix, "farm ")), [4]);
    assert_eq!(positions(&find(&ix, "ёмкость ")), positions(&find(&ix, "емкость ")));
}

#[test]
fn words_that_occur_nowhere_find_nothing() {
    let ix = news();
    for word in ["квазар ", "тромбон ", "zebra ", "синхрофазотрон ", "ё "] {
        assert!(find(&ix, word).ranked.is_empty(), "{word}");
    }
    assert!(find(&ix, "").ranked.is_empty());
}

#[test]
fn the_title_weighs_more_and_ties_go_to_the_newest() {
    let ix = index(&[
        ("Про сыр", "Молоко упомянуто вскользь, в тексте."),
        ("Молоко дорожает", "Об этом сказано в заголовке."),
        ("Ещё про сыр", "Молоко упомянуто вскользь, в тексте."),
    ]);
    let hits = find(&ix, "молоко ");
    assert_eq!(positions(&hits), [1, 0, 2], "title first, then the equal two newest first: {hits:?}");
}

#[test]
fn every_word_first_and_any_word_when_none_has_all() {
    let ix = news();
    let both = find(&ix, "молоко ярмарка ");
    assert_eq!((positions(&both), both.every_word), (vec![2], true));
    let none_has_both = find(&ix, "станки мост ");
    assert!(!none_has_both.every_word);
    assert_eq!({ let mut p = positions(&none_has_both); p.sort(); p }, [0, 3]);
}

#[test]
fn the_word_being_typed_matches_what_it_begins_and_a_typo_is_forgiven() {
    let ix = news();
    assert_eq!(positions(&find(&ix, "моло")).len(), 3, "«моло…» as typed");
    assert!(find(&ix, "моло ").ranked.is_empty(), "a finished word is not a prefix");
    let typo = find(&ix, "малоко ");
    assert_eq!(positions(&typo).len(), 3, "one letter off, six letters long: {typo:?}");
    assert!(find(&ix, "мост ").ranked.len() == 1 && find(&ix, "мист ").ranked.is_empty(), "short words are taken as typed");
}

#[test]
fn matches_are_marked_where_they_are_and_the_excerpt_holds_them() {
    let ix = news();
    let hits = find(&ix, "молоко ");
    let stems = Stems::default();
    let text = "Торговали мёдом, сыром и молоком.";
    let found = marks(text, &hits.terms, &stems);
    assert_eq!(found.iter().map(|m| &text[m.clone()]).collect::<Vec<_>>(), ["молоком"]);

    let long = format!("{} Здесь пьют молоко каждый день. {}", "Слово ".repeat(80), "Хвост ".repeat(80));
    let passages = vec!["Первый абзац без совпадений.".to_string(), long];
    let (cut, at) = excerpt(&passages, &hits.terms, &stems, 120);
    assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
    assert!(cut.chars().count() <= 124, "{}", cut.chars().count());
    assert_eq!(at.iter().map(|m| &cut[m.clone()]).collect::<Vec<_>>(), ["молоко"], "{cut}");
}

#[test]
fn many_shards_find_what_one_would() {
    // Enough articles for several shards; each a few "words" of a small vocabulary.
    let docs: Vec<(String, String)> = (0..3000u32)
        .map(|i| {
            let words: Vec<String> = (0..6).map(|k| format!("слово{}", (i * 7 + k * 13) % 400)).collect();
            (format!("Новость {i}"), words.join(" "))
        })
        .collect();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let ix = index(&refs);
    assert!(ix.1.len() > 2, "{} shards", ix.1.len());
    assert_eq!(ix.0.shards[0], "");
    for q in ["слово17 ", "слово399 слово3 ", "новость "] {
        let query = Query::parse(q, &Stems::default());
        let needed = query.shards(&ix.0);
        let only = run(&query, &ix.0, |n| needed.contains(&n).then(|| &ix.1[n]));
        let all = run(&query, &ix.0, |n| ix.1.get(n));
        assert_eq!(only, all, "{q}");
        assert!(!all.ranked.is_empty(), "{q}");
    }
}

#[test]
fn shard_files_round_trip_as_json() {
    let ix = news();
    let json = serde_json::to_string(&ix.1[0]).unwrap();
    assert!(json.starts_with("{\"schema\":1,\"terms\":[[\""), "{json}");
    let back: Shard = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ix.1[0]);
}
