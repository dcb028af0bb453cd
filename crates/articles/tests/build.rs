//! `articles build` on the project's own content: the seed article's text
//! survives verbatim, paragraphs are tagged, pages carry what crawlers read.

use articles::{build, content, diagnostic::Report, render::Shell};
use catalog::{Block, TopicId};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(dir: &Path) -> content::Content {
    let mut report = Report::default();
    let c = content::load(dir, &mut report);
    assert!(!report.has_errors(), "{}", report.render());
    c.unwrap()
}

const SEED: &str = "tests/fixtures/seed/000_92099814fd60e016.txt";
const SEED_SLUG: &str = "kirov-delegation-belarus";

fn seed_article(c: &content::Content) -> &content::Article {
    c.articles.iter().find(|a| a.meta.slug.as_str() == SEED_SLUG).expect("the seed article")
}

#[test]
fn the_seed_survives_verbatim_into_the_bundle() {
    let seed = std::fs::read_to_string(repo().join(SEED)).unwrap();
    let (first, rest) = seed.split_once('\n').unwrap();
    let title = first.strip_prefix(" date 2026-01-19 ").expect("seed heading line");
    let paragraphs: Vec<&str> = rest.lines().filter(|l| !l.trim().is_empty()).collect();

    let c = load(&repo().join("content"));
    let files = build::files(&c, None);
    let json = |name: &str| -> serde_json::Value {
        let (_, bytes) = files.iter().find(|(p, _)| p == Path::new(name)).unwrap();
        serde_json::from_slice(bytes).unwrap()
    };
    let index: catalog::Index = serde_json::from_value(json("data/index.json")).unwrap();
    let meta = index.articles.iter().find(|a| a.slug.as_str() == SEED_SLUG).unwrap();
    let file = meta.body_file();
    assert!(file.starts_with(&format!("articles/{SEED_SLUG}.")) && file.len() == format!("articles/{SEED_SLUG}.0123456789abcdef.json").len(), "{file}");
    let body: catalog::ArticleBody = serde_json::from_value(json(&format!("data/{file}"))).unwrap();

    assert_eq!(meta.title, title);
    assert_eq!(meta.date.to_string(), "2026-01-19");
    assert!(!meta.sample);
    let texts: Vec<String> = body.passages().map(|p| p.plain_text()).collect();
    assert_eq!(texts, paragraphs, "every paragraph, in order, unchanged");
    assert_eq!(body.lead.unwrap().plain_text(), paragraphs[0]);
}

#[test]
fn passages_are_tagged_by_topic_keywords() {
    let c = load(&repo().join("content"));
    let a = seed_article(&c);
    let tagged = |needle: &str| -> Vec<TopicId> {
        let p = a.body.blocks.iter().flat_map(Block::passages).find(|p| p.plain_text().contains(needle)).unwrap_or_else(|| panic!("{needle}"));
        p.topics.clone()
    };
    let has = |needle: &str, topic: &str| tagged(needle).contains(&TopicId::new(topic));
    assert!(has("по производству молока", "agriculture"));
    assert!(has("производство торфа и использование древесины", "agriculture"));
    assert!(has("лифтовые направляющие", "industry"));
    assert!(has("машиностроительные заводы в Гомеле", "industry"));
    assert!(has("патриотического воспитания молодежи", "humanitarian"));
    assert!(has("с большой бизнес-миссией", "trade"));
    assert!(!has("лифтовые направляющие", "agriculture"));
    assert!(tagged("Завершая рабочий диалог").is_empty());
}

#[test]
fn the_index_counts_articles_per_topic_and_lists_newest_first() {
    let c = load(&repo().join("content"));
    let bodies: Vec<String> = c.articles.iter().map(|a| format!("articles/{}.json", a.meta.slug)).collect();
    let index = build::index(&c, &bodies);
    for t in &index.topics {
        let n = index.articles.iter().filter(|a| a.topics.contains(&t.id)).count();
        assert_eq!(t.count as usize, n, "{}", t.id);
    }
    assert!(index.articles.windows(2).all(|w| w[0].date >= w[1].date));
    assert!(index.articles.len() >= 6);
    assert!(index.articles.iter().filter(|a| a.sample).count() >= 5);
}

fn shell() -> Shell {
    Shell::new("<html><head><!--page-head--></head><body><div id=\"app\"></div><!--page-body--></body></html>".into()).unwrap()
}

fn page(files: &[(PathBuf, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = files.iter().find(|(p, _)| p == Path::new(name)).unwrap_or_else(|| panic!("{name}"));
    String::from_utf8(bytes.clone()).unwrap()
}

#[test]
fn article_pages_carry_text_open_graph_and_json_ld() {
    let c = load(&repo().join("content"));
    let files = build::files(&c, Some(&shell()));
    let html = page(&files, &format!("{SEED_SLUG}.html"));
    let a = seed_article(&c);
    assert!(html.contains(&format!("<h1 tabindex=\"-1\" class=\"article__title\">{}<", a.meta.title)), "{html}");
    assert!(html.contains("Омутнинский металлургический завод, который производит лифтовые направляющие"));
    assert!(html.contains("<time datetime=\"2026-01-19\">19 января 2026 г.</time>"));
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"), "{html}");
    assert!(html.contains("<meta property=\"og:locale\" content=\"ru_RU\">"));
    assert!(html.contains("<meta property=\"article:published_time\" content=\"2026-01-19\">"));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    // No public URL in content/site.toml: no canonical, no og:url, no sitemap.
    assert!(!html.contains("og:url") && !html.contains("rel=\"canonical\""));
    assert!(!files.iter().any(|(p, _)| p == Path::new("sitemap.xml")));

    let ld = html.split("<script type=\"application/ld+json\">").nth(1).unwrap().split("</script>").next().unwrap();
    let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], a.meta.title.as_str());
    assert_eq!(ld["datePublished"], "2026-01-19");
    assert_eq!(ld["inLanguage"], "ru");

    let list = page(&files, "index.html");
    for a in &c.articles {
        assert!(list.contains(&format!("href=\"{}.html\"", a.meta.slug)), "{}", a.meta.slug);
    }
}

#[test]
fn text_is_escaped_and_a_public_url_gives_canonical_links_and_a_sitemap() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    std::fs::create_dir(content.join("articles")).unwrap();
    std::fs::write(content.join("site.toml"), "title = \"T\"\nlang = \"ru\"\nurl = \"https://news.example.org/kirov\"\n").unwrap();
    std::fs::copy(repo().join("content/topics.toml"), content.join("topics.toml")).unwrap();
    std::fs::write(
        content.join("articles/2026-01-02-x.md"),
        "+++\ntitle = \"</title><script>alert(1)</script>\"\ndate = 2026-01-02\ntopics = [\"trade\"]\nsummary = \"\\\"><img src=x onerror=alert(1)>\"\n\n[image]\nsrc = \"img/a.jpg\"\nalt = \"Ярмарка\"\n+++\n\nТекст <b>жирный</b>.\n",
    )
    .unwrap();
    std::fs::create_dir(content.join("articles/img")).unwrap();
    std::fs::copy(repo().join("tests/fixtures/pictures/articles/pictures/field.jpg"), content.join("articles/img/a.jpg")).unwrap();
    let c = load(content);
    let files = build::files(&c, Some(&shell()));
    let html = page(&files, "x.html");
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(html.contains("<link rel=\"canonical\" href=\"https://news.example.org/kirov/x.html\">"), "{html}");
    // The preview's picture: the widest made, by its absolute address, and a file of the build.
    let og = html.split("<meta property=\"og:image\" content=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("og:image");
    let made = og.strip_prefix("https://news.example.org/kirov/").expect("absolute, under the site");
    assert!(made.starts_with("media/") && made.ends_with("-1600.jpg"), "{og}");
    assert!(files.iter().any(|(path, bytes)| path == Path::new(made) && !bytes.is_empty()), "{made} is built");
    let sitemap = page(&files, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://news.example.org/kirov/x.html</loc><lastmod>2026-01-02</lastmod>"), "{sitemap}");
    let robots = page(&files, "robots.txt");
    assert!(robots.contains("\nSitemap: https://news.example.org/kirov/sitemap.xml\n"), "{robots}");
    assert!(robots.contains("Disallow: /kirov/saved.html\n"), "{robots}");
}

#[test]
fn the_404_page_has_the_site_look_files_from_the_root_and_no_app() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    std::fs::create_dir(content.join("articles")).unwrap();
    std::fs::write(content.join("site.toml"), "title = \"Новости\"\nlang = \"ru\"\nurl = \"https://news.example.org/kirov/\"\n").unwrap();
    std::fs::copy(repo().join("content/topics.toml"), content.join("topics.toml")).unwrap();
    let shell = shell_with_files();
    let files = build::files(&load(content), Some(&shell));
    let html = page(&files, "404.html");
    assert!(html.contains("<title>Страница не найдена — Новости</title>"), "{html}");
    assert!(html.contains(">Страница не найдена</h1>"), "{html}");
    assert!(html.contains("href=\"/kirov/index.html\""), "the way back works at any depth: {html}");
    assert!(html.contains("href=\"/kirov/main-0123456789ab.css\"") && html.contains("src=\"/kirov/start-0123456789ab.js\""), "{html}");
    assert!(!html.contains("data-article-viewer-app"), "the app does not take the page over: {html}");
    assert!(html.contains(r#"<meta name="robots" content="noindex""#), "{html}");
}

/// A shell with a stylesheet and a script, as the wasm build's has, and the app's mount point.
fn shell_with_files() -> Shell {
    Shell::new(
        "<html><head><!--page-head--><link rel=\"stylesheet\" href=\"./main-0123456789ab.css\"></head>\
         <body><div id=\"app\" data-article-viewer-app></div><!--page-body--><script src=\"./start-0123456789ab.js\"></script></body></html>"
            .into(),
    )
    .unwrap()
}

/// A site of `count` articles, one a day from 2025-01-01, every third on
/// industry, the rest on trade.
fn long_list(content: &Path, count: usize) {
    std::fs::create_dir_all(content.join("articles")).unwrap();
    std::fs::write(content.join("site.toml"), "title = \"T\"\nlang = \"ru\"\nurl = \"https://news.example.org/\"\n").unwrap();
    std::fs::copy(repo().join("content/topics.toml"), content.join("topics.toml")).unwrap();
    for i in 0..count {
        let date = format!("2025-{:02}-{:02}", i / 28 + 1, i % 28 + 1);
        let topic = if i % 3 == 0 { "industry" } else { "trade" };
        std::fs::write(
            content.join(format!("articles/{date}-n{i}.md")),
            format!("+++\ntitle = \"Новость {i}\"\ndate = {date}\ntopics = [\"{topic}\"]\nsummary = \"s\"\n{}+++\n\nТекст.\n", if i % 4 == 0 { "people = [\"Иван Иванов\"]\n" } else { "" }),
        )
        .unwrap();
    }
}

#[test]
fn a_long_list_is_split_into_linked_pages() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    long_list(content, 45);
    let c = load(content);
    let files = build::files(&c, Some(&shell()));
    let cards = |html: &str| html.matches("data-testid=\"article-card\"").count();
    let first = page(&files, "index.html");
    let second = page(&files, "page-2.html");
    let third = page(&files, "page-3.html");
    assert_eq!((cards(&first), cards(&second), cards(&third)), (20, 20, 5));
    assert!(!files.iter().any(|(p, _)| p == Path::new("page-4.html")));
    // Newest first across pages: page 2 starts where page 1 stops.
    assert!(first.contains(">Новость 44<") && second.contains(">Новость 24<") && third.contains(">Новость 0<"));
    assert!(first.contains("href=\"page-2.html\"") && !first.contains("href=\"page-3.html\""));
    assert!(second.contains("href=\"index.html\" class=\"pager__link\"") && second.contains("href=\"page-3.html\""));
    assert!(second.contains("Страница 2 из 3"), "{second}");
    assert!(second.contains("<title>T — страница 2</title>"));
    assert!(second.contains("<link rel=\"canonical\" href=\"https://news.example.org/page-2.html\">"));
    assert!(page(&files, "sitemap.xml").contains("<loc>https://news.example.org/page-3.html</loc>"));
}

#[test]
fn each_topic_has_pages_of_its_own_for_crawlers_linked_to_each_other_and_to_its_feed() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    // 45 articles: 15 on industry (one page), 30 on trade (two).
    long_list(content, 45);
    let c = load(content);
    let shell = shell_with_files();
    let files = build::files(&c, Some(&shell));
    let cards = |html: &str| html.matches("data-testid=\"article-card\"").count();
    let industry = page(&files, "topic/industry.html");
    let trade = page(&files, "topic/trade.html");
    let trade_2 = page(&files, "topic/trade-2.html");
    assert_eq!((cards(&industry), cards(&trade), cards(&trade_2)), (15, 20, 10));
    assert!(!files.iter().any(|(p, _)| p == Path::new("topic/industry-2.html") || p == Path::new("topic/agriculture.html")), "no empty pages");
    // Only this topic's articles, newest first, each linking its own page in the site's folder.
    assert!(industry.contains("href=\"../n0.html\"") && !industry.contains("href=\"../n1.html\""), "{industry}");
    assert!(trade.contains(">Новость 44<") && trade_2.contains(">Новость 1<"));
    // The topic's pages link each other; the site's files are named from its folder.
    assert!(trade.contains("href=\"trade-2.html\"") && trade_2.contains("href=\"trade.html\" class=\"pager__link\""), "{trade_2}");
    assert!(trade.contains("href=\"../main-0123456789ab.css\"") && trade.contains("src=\"../start-0123456789ab.js\""), "{trade}");
    assert!(trade.contains("action=\"../index.html\""), "the search form opens the list: {trade}");
    assert!(!trade.contains("data-article-viewer-app"), "the app does not take the page over");
    assert!(trade.contains("<title>Торговля и бизнес — T</title>") && trade.contains(">Торговля и бизнес</h1>"), "{trade}");
    assert!(trade.contains("<link rel=\"canonical\" href=\"https://news.example.org/topic/trade.html\">"), "{trade}");
    assert!(trade.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Торговля и бизнес — T\" href=\"trade.xml\">"), "{trade}");
    assert!(files.iter().any(|(p, _)| p == Path::new("topic/trade.xml")), "the feed it names is built");
    let sitemap = page(&files, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://news.example.org/topic/trade-2.html</loc>") && !sitemap.contains("topic/agriculture"), "{sitemap}");
}

#[test]
fn a_site_in_english_gets_english_pages_and_shell() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    std::fs::create_dir(content.join("articles")).unwrap();
    std::fs::write(content.join("site.toml"), "title = \"Kirov News\"\nlang = \"en\"\n").unwrap();
    std::fs::copy(repo().join("content/topics.toml"), content.join("topics.toml")).unwrap();
    std::fs::write(
        content.join("articles/2026-01-19-milk.md"),
        "+++\ntitle = \"Молоко\"\ndate = 2026-01-19\ntopics = [\"agriculture\"]\nlang = \"ru\"\n+++\n\nМолочная ферма.\n",
    )
    .unwrap();
    let c = load(content);
    let files = build::files(&c, Some(&shell()));
    let list = page(&files, "index.html");
    assert!(list.starts_with("<html lang=\"en\">"), "{list}");
    assert!(list.contains(">News</h1>"), "{list}");
    assert!(list.contains("Showing 1 of 1 article"), "{list}");
    assert!(list.contains("19 January 2026"), "{list}");
    assert!(list.contains(">Agriculture"), "{list}");
    assert!(list.contains("<article lang=\"ru\""), "the article keeps its language: {list}");
    let article = page(&files, "milk.html");
    assert!(article.contains("All news"), "{article}");
    let app_shell = page(&files, "shell.html");
    assert!(app_shell.starts_with("<html lang=\"en\">"), "{app_shell}");
    assert!(app_shell.contains("<!--page-head-->") && app_shell.contains("<!--page-body-->"), "still a template");
    let saved = page(&files, "saved.html");
    assert!(saved.contains("<title>Saved articles — "), "{saved}");
    assert!(saved.contains(">Saved articles</h1>"), "{saved}");
    assert!(saved.contains(r#"<meta name="robots" content="noindex""#), "a reader's own page is not for search engines: {saved}");
}

/// Every file under `dir`, by its path relative to it.
fn tree(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn the_site_streamed_on_all_cores_is_the_build_file_for_file_and_a_rebuild_writes_nothing() {
    let c = load(&repo().join("content"));
    let shell = shell();
    let one = tempfile::tempdir().unwrap();
    let all = tempfile::tempdir().unwrap();
    // An earlier build's body, gone from this one.
    std::fs::create_dir_all(all.path().join("data/articles")).unwrap();
    std::fs::write(all.path().join("data/articles/gone.0123456789abcdef.json"), "{}").unwrap();

    let files = build::files(&c, Some(&shell));
    build::write(one.path(), &files).unwrap();
    let mut report = Report::default();
    let (lean, reader) = content::load_with(&repo().join("content"), &mut report, false, articles::pictures::Pictures::in_memory(), |meta, body| build::body_name(meta, &body)).unwrap();
    let (written, total) = build::write_site(all.path(), &lean, &reader, Some(&shell)).unwrap();
    assert_eq!((written, total), (files.len(), files.len()));
    assert_eq!(tree(all.path()), tree(one.path()));

    let (written, total) = build::write_site(all.path(), &lean, &reader, Some(&shell)).unwrap();
    assert_eq!((written, total), (0, files.len()), "an unchanged rebuild rewrites nothing");
}

fn parse<T: serde::de::DeserializeOwned>(files: &[(PathBuf, Vec<u8>)], name: &str) -> T {
    let (_, bytes) = files.iter().find(|(p, _)| p == Path::new(name)).unwrap_or_else(|| panic!("no {name}"));
    serde_json::from_slice(bytes).unwrap()
}

#[derive(serde::Deserialize)]
struct Articles {
    articles: Vec<catalog::ArticleMeta>,
}

#[derive(serde::Deserialize)]
struct Positions {
    gaps: Vec<u32>,
}

#[derive(serde::Deserialize)]
struct NamePositions {
    gaps: Vec<Vec<u32>>,
}

#[test]
fn a_long_list_ships_its_first_page_in_the_index_and_the_rest_in_parts() {
    let dir = tempfile::tempdir().unwrap();
    long_list(dir.path(), 45);
    let c = load(dir.path());
    let files = build::files(&c, None);
    let bodies: Vec<String> = files.iter().filter_map(|(p, _)| p.strip_prefix("data").ok()?.to_str().filter(|p| p.starts_with("articles/")).map(String::from)).collect();
    let whole = build::index(&c, &c.articles.iter().map(|a| bodies.iter().find(|b| b.starts_with(&format!("articles/{}.", a.meta.slug))).unwrap().clone()).collect::<Vec<_>>());

    let head: catalog::Index = parse(&files, "data/index.json");
    let list = head.list.clone().expect("the index says where the rest is");
    assert_eq!((head.articles.len(), list.total, list.chunk, list.buckets), (20, 45, 20, 3));
    assert_eq!(head.articles, whole.articles[..20]);
    assert_eq!(head.topics, whole.topics, "every topic's count, for the whole list");
    assert_eq!(list.version.len(), 16);

    // The chunks, after the index's own, are the rest of the list in order.
    let mut all = head.articles.clone();
    for n in 1..3 {
        all.extend(parse::<Articles>(&files, &format!("data/{}", list.chunk_file(n))).articles);
    }
    assert_eq!(all, whole.articles);
    // A topic's positions are exactly its articles'.
    let industry = catalog::TopicId::new("industry");
    let gaps = parse::<Positions>(&files, &format!("data/{}", list.topic_file(&industry))).gaps;
    let positions: Vec<u32> = catalog::from_gaps(&gaps).unwrap();
    let want: Vec<u32> = (0..45).filter(|&p| whole.articles[p as usize].topics.contains(&industry)).collect();
    assert_eq!((positions.len(), &positions), (15, &want));
    // Each article is in the slug file its slug names, and only there.
    let mut filed = Vec::new();
    for n in 0..3 {
        for a in parse::<Articles>(&files, &format!("data/{}", list.bucket_file(n))).articles {
            assert_eq!(catalog::bucket(a.slug.as_str(), 3), n, "{}", a.slug);
            filed.push(a);
        }
    }
    filed.sort_by(|a, b| a.slug.cmp(&b.slug));
    let mut every = whole.articles.clone();
    every.sort_by(|a, b| a.slug.cmp(&b.slug));
    assert_eq!(filed, every);
    // Nothing else in the list's folder: chunks, topics, slug files, names.
    assert_eq!(files.iter().filter(|(p, _)| p.starts_with("data/list")).count(), 2 + 2 + 3 + 1);

    // The shelf over the parts shows what the shelf over the whole list shows.
    let mut shelf = catalog::Shelf::new(&head);
    let full = catalog::Shelf::new(&whole);
    for need in shelf.every_part() {
        match need {
            catalog::Need::Chunk(n) => shelf.add_chunk(n, parse::<Articles>(&files, &format!("data/{}", list.chunk_file(n))).articles),
            catalog::Need::Topic(t) => shelf.add_topic(&t, catalog::from_gaps(&parse::<Positions>(&files, &format!("data/{}", list.topic_file(&t))).gaps).unwrap()),
            catalog::Need::Bucket(n) => shelf.add_bucket(n, parse::<Articles>(&files, &format!("data/{}", list.bucket_file(n))).articles),
            catalog::Need::Names => shelf.add_names(
                parse::<NamePositions>(&files, &format!("data/{}", list.names_file())).gaps.iter().map(|g| catalog::from_gaps(g).unwrap()).collect(),
            ),
        }
    }
    // The index names the list's months newest first, with their counts.
    let months: Vec<String> = head.list.as_ref().unwrap().months.iter().map(|(m, n)| format!("{m}: {n}")).collect();
    assert_eq!(months, ["2025-02: 17", "2025-01: 28"]);
    assert_eq!(shelf.months(), full.months());
    // The names offered, their counts in the index and their positions in the names file.
    assert_eq!(head.list.as_ref().unwrap().names, [("person".to_owned(), "Иван Иванов".to_owned(), 12)]);
    assert_eq!(shelf.names(), full.names());
    let ivanov = vec![catalog::Name::new(catalog::NameKind::Person, "Иван Иванов")];
    let every_month = [None].into_iter().chain(full.months().iter().map(|(m, _)| Some(*m)));
    for month in every_month {
        for topics in [vec![], vec![industry.clone()], vec![catalog::TopicId::new("trade"), industry.clone()]] {
            for names in [vec![], ivanov.clone()] {
                let choice = catalog::Choice { topics: topics.clone(), names, month };
                for number in 1..=4 {
                    assert_eq!(shelf.page(&choice, number, 7), full.page(&choice, number, 7), "{choice:?} page {number}");
                }
            }
        }
    }
}

#[test]
fn a_new_build_of_a_long_list_replaces_its_parts() {
    let dir = tempfile::tempdir().unwrap();
    long_list(dir.path(), 30);
    let out = tempfile::tempdir().unwrap();
    let mut report = Report::default();
    let build = |report: &mut Report| {
        let (lean, reader) = content::load_with(dir.path(), report, false, articles::pictures::Pictures::in_memory(), |meta, body| build::body_name(meta, &body)).unwrap();
        build::write_site(out.path(), &lean, &reader, None).unwrap()
    };
    build(&mut report);
    let before: Vec<PathBuf> = tree(out.path()).into_keys().filter(|p| p.starts_with("data/list")).collect();
    assert_eq!(before.len(), 1 + 2 + 2 + 1, "{before:?}");
    assert_eq!(build(&mut report).0, 0, "an unchanged rebuild rewrites nothing");

    // The next build's parts are all new; the build before's stay for the
    // readers still on it, and go with the build after.
    let parts = || -> Vec<PathBuf> { tree(out.path()).into_keys().filter(|p| p.starts_with("data/list")).collect() };
    long_list(dir.path(), 31);
    build(&mut report);
    let second: Vec<PathBuf> = parts().into_iter().filter(|p| !before.contains(p)).collect();
    assert_eq!(second.len(), 6, "every part is named by the new version: {second:?}");
    assert_eq!(parts().len(), 12);
    long_list(dir.path(), 32);
    build(&mut report);
    let third = parts();
    assert_eq!(third.len(), 12);
    assert!(before.iter().all(|p| !third.contains(p)), "the first build's parts are gone");
    assert!(second.iter().all(|p| third.contains(p)), "the second build's stay for its readers");
}

#[test]
fn the_build_writes_a_search_index_that_finds_inflected_forms() {
    let c = load(&repo().join("content"));
    let files = build::files(&c, None);
    let index: catalog::Index = parse(&files, "data/index.json");
    let parts = index.search.clone().expect("the index says where the search index is");
    assert_eq!(parts.docs as usize, c.articles.len());
    let shards: Vec<search::Shard> = (0..parts.shards.len()).map(|n| parse(&files, &format!("data/{}", parts.shard_file(n)))).collect();
    let stems = search::Stems::default();

    // «молоко» as a reader types it; the seed says «молока».
    let hits = search::run(&search::Query::parse("молоко", &stems), &parts, |n| shards.get(n));
    let seed = index.articles.iter().position(|a| a.slug.as_str() == SEED_SLUG).unwrap() as u32;
    assert!(hits.ranked.iter().any(|h| h.0 == seed), "{hits:?}");
    let doc: catalog::SearchDoc = parse(&files, &format!("data/{}", parts.doc_file(seed)));
    assert_eq!(doc.article, index.articles[seed as usize]);
    let (excerpt, marks) = search::excerpt(&doc.passages, &hits.terms, &stems, 200);
    assert!(marks.iter().any(|m| excerpt[m.clone()].to_lowercase() == "молока"), "{excerpt}");

    // A word in no article finds nothing; a search file per article, no more.
    assert!(search::run(&search::Query::parse("синхрофазотрон ", &stems), &parts, |n| shards.get(n)).ranked.is_empty());
    let docs = files.iter().filter(|(p, _)| p.starts_with("data/search") && p.to_string_lossy().contains("/doc-")).count();
    assert_eq!(docs, c.articles.len());
}
