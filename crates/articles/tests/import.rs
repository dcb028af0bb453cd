//! `articles import` on feeds in the shapes portals publish (RSS with
//! content:encoded and an enclosure, Atom, JSON Feed), broken ones, and a
//! second import of the same feed.

use articles::{build, content, diagnostic::Report, import};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn feed(name: &str) -> PathBuf {
    repo().join("tests/fixtures/feeds").join(name)
}

/// A content folder with the site's topics and no articles yet.
fn empty_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["site.toml", "topics.toml"] {
        std::fs::copy(repo().join("content").join(f), dir.path().join(f)).unwrap();
    }
    dir
}

fn articles(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir.join("articles"))
        .unwrap()
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn rss_atom_and_json_feed_items_become_articles_that_check_and_build() {
    let dir = empty_content();
    let report = import::run(&[feed("portal.rss"), feed("portal.atom"), feed("portal.json")], dir.path());
    assert_eq!((report.new, report.updated, report.unchanged, report.errors()), (6, 0, 0, 1), "{}", report.lines().join("\n"));
    let lines = report.lines().join("\n");
    for expected in [
        "portal.rss:8:5: warning: item 1: dropped <script> and what it held",
        "portal.rss:8:5: warning: item 1: dropped a link to `javascript:alert(1)`, kept its text",
        "portal.rss:8:5: warning: item 1: dropped <iframe> and what it held",
        "portal.rss:8:5: warning: item 1: dropped the `onclick` attribute of <p>",
        "portal.rss:8:5: warning: item 1: dropped the `onerror` attribute of <img>",
        "portal.rss:44:5: error: item 4: the item has no date",
        // yandex:full-text is plain text by Yandex's rules; this CMS put HTML in it.
        "portal.rss:34:5: warning: item 3: dropped <script> and what it held",
        "portal.rss:34:5: warning: item 3: dropped the `onclick` attribute of <p>",
    ] {
        assert!(lines.contains(expected), "missing `{expected}` in:\n{lines}");
    }

    let files = articles(dir.path());
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "2026-02-08-ceny-na-moloko-ne-izmenilis.md",
            "2026-02-09-studenty-poedut-na-praktiku-v-minsk.md",
            "2026-02-10-eksportyory-obsudili-postavki-v-belarus.md",
            "2026-02-10-torf-iz-orichej-poedet-v-belarus.md",
            "2026-02-11-vyatskie-polyany-malmyzh-otkryt-novyj-avtobusnyj-marshrut.md",
            "2026-02-12-na-molochnoj-ferme-v-kumyonax-zapustili-novyj-doilnyj-zal.md",
        ]
    );
    let milk = &files[5].1;
    for expected in [
        "title = \"На молочной ферме в Кумёнах запустили новый доильный зал\"",
        "date = 2026-02-12",
        "topics = [\"agriculture\"]",
        "summary = \"Хозяйство увеличит производство молока на треть.\"",
        "url = \"https://portal.example/news/kumeny-milk-farm\"",
        "src = \"https://portal.example/media/kumeny.jpg\"",
        "id = \"portal-2026-0212\"",
        "author = \"Редакция портала\"",
        "topics_suggested = true",
        "Хозяйство в Кумёнском районе открыло **доильный зал** на 40 мест.",
        "## Что дальше",
        "- переработка молока на месте",
        "[странице сельского хозяйства](https://portal.example/agro) и тут.",
    ] {
        assert!(milk.contains(expected), "missing `{expected}` in:\n{milk}");
    }
    assert!(!milk.contains("взлом") && !milk.contains("javascript"), "{milk}");
    // Markup inside text stays text.
    assert!(files[4].1.contains("Билет стоит 250 рублей \\<в одну сторону\\>."), "{}", files[4].1);
    // A Yandex-style item: the whole text from `yandex:full-text`, which
    // this CMS filled with HTML: read as HTML, so no tag shows as text, and
    // its script and handler are dropped.
    let peat = &files[3].1;
    assert!(peat.contains("summary = \"Предприятие отгрузит первую партию торфа.\""), "{peat}");
    assert!(
        peat.ends_with("+++\n\nОричевское предприятие отгрузит в Беларусь первую партию торфа для тепличных хозяйств.\n\nПоставки \\& переговоры о переработке продолжатся **весной**.\n\nДоговор подписан.\n"),
        "{peat}"
    );
    assert!(!peat.contains("взлом") && !peat.contains('<'), "{peat}");

    // JSON Feed's `content_text` is text: its lines are paragraphs, `<` is a character.
    assert!(files[0].1.ends_with("+++\n\nЛитр молока стоит \\<80 рублей.\n\nЗакупочные цены для хозяйств прежние.\n"), "{}", files[0].1);

    // What was imported passes the checks (with a warning for each
    // suggested set of topics) and builds.
    let mut problems = Report::default();
    let loaded = content::load(dir.path(), &mut problems).expect("imported content loads");
    assert!(!problems.has_errors(), "{}", problems.render());
    assert_eq!(problems.render().matches("suggested by `articles import`").count(), 6, "{}", problems.render());
    let built = build::files(&loaded, None);
    let body = built.iter().find(|(p, _)| p.to_string_lossy().contains("na-molochnoj-ferme")).expect("the body file");
    let body = String::from_utf8(body.1.clone()).unwrap();
    assert!(body.contains("переработка молока на месте") && !body.contains("script"), "{body}");
}

#[test]
fn importing_again_changes_nothing_and_an_edited_item_is_updated() {
    let dir = empty_content();
    let rss = feed("portal.rss");
    import::run(std::slice::from_ref(&rss), dir.path());
    let first = articles(dir.path());

    let again = import::run(std::slice::from_ref(&rss), dir.path());
    assert_eq!((again.new, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(articles(dir.path()), first);

    // The editor confirms other topics; then the portal corrects the item.
    let (name, text) = first.iter().find(|(n, _)| n.contains("molochnoj")).unwrap();
    let path = dir.path().join("articles").join(name);
    let confirmed = text.replace("topics = [\"agriculture\"]", "topics = [\"agriculture\", \"industry\"]").replace("topics_suggested = true\n", "");
    std::fs::write(&path, confirmed).unwrap();
    // The portal's next copy of the same feed.
    std::fs::create_dir(dir.path().join("next")).unwrap();
    let edited = dir.path().join("next/portal.rss");
    std::fs::write(&edited, std::fs::read_to_string(&rss).unwrap().replace("на 40 мест", "на 48 мест")).unwrap();

    let update = import::run(&[edited], dir.path());
    assert_eq!((update.new, update.updated, update.unchanged), (0, 1, 2), "{}", update.lines().join("\n"));
    assert!(update.lines().iter().any(|l| l.contains("updated") && l.contains(name.as_str())), "{}", update.lines().join("\n"));
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.contains("на 48 мест"), "{now}");
    assert!(now.contains("topics = [\"agriculture\", \"industry\"]") && !now.contains("topics_suggested"), "{now}");
    assert_eq!(articles(dir.path()).len(), 3);
}

#[test]
fn an_article_edited_here_is_kept_when_the_feed_changes_until_the_editor_lets_it_go() {
    let dir = empty_content();
    let rss = feed("portal.rss");
    import::run(std::slice::from_ref(&rss), dir.path());
    let (name, text) = articles(dir.path()).into_iter().find(|(n, _)| n.contains("molochnoj")).unwrap();
    let path = dir.path().join("articles").join(&name);
    // The editor rewrites the lead; then the portal corrects the item.
    let edited_here = text.replace("Хозяйство в Кумёнском районе открыло", "Как сообщили в хозяйстве, в Кумёнском районе открыли");
    assert_ne!(edited_here, text);
    std::fs::write(&path, &edited_here).unwrap();
    std::fs::create_dir(dir.path().join("next")).unwrap();
    let next = dir.path().join("next/portal.rss");
    std::fs::write(&next, std::fs::read_to_string(&rss).unwrap().replace("на 40 мест", "на 48 мест")).unwrap();

    let update = import::run(std::slice::from_ref(&next), dir.path());
    assert_eq!((update.updated, update.kept, update.unchanged), (0, 1, 2), "{}", update.lines().join("\n"));
    assert!(update.summary().contains("1 kept as edited here"), "{}", update.summary());
    assert!(update.lines().iter().any(|l| l.contains(&format!("kept {}", path.display())) && l.contains("delete the line `text = …`")), "{}", update.lines().join("\n"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited_here, "nothing the editor wrote is lost");

    // Deleting the fingerprint takes the feed's version.
    let released: String = edited_here.lines().filter(|l| !l.starts_with("text = ")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, released).unwrap();
    let again = import::run(&[next], dir.path());
    assert_eq!((again.updated, again.kept), (1, 0), "{}", again.lines().join("\n"));
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.contains("на 48 мест") && now.contains("Хозяйство в Кумёнском районе открыло"), "{now}");
}

#[test]
fn broken_and_empty_feeds_are_reported_and_write_nothing() {
    let dir = empty_content();
    let report = import::run(&[feed("truncated.rss"), feed("empty.rss"), feed("missing.rss")], dir.path());
    assert_eq!((report.new, report.errors()), (0, 2), "{}", report.lines().join("\n"));
    let lines = report.lines().join("\n");
    assert!(lines.contains("truncated.rss:1:1: error: not a feed that can be read"), "{lines}");
    assert!(lines.contains("empty.rss:1:1: warning: the feed has no items"), "{lines}");
    assert!(lines.contains("missing.rss:1:1: error: no such file or folder"), "{lines}");
    assert!(!dir.path().join("articles").exists() || articles(dir.path()).is_empty());
}

#[test]
fn a_folder_imports_every_feed_in_it() {
    let dir = empty_content();
    let report = import::run(&[repo().join("tests/fixtures/feeds")], dir.path());
    // portal.rss (3 + 1 without a date), portal.atom, portal.json (2),
    // rayon-1251.rss; the truncated feed fails, the empty one warns.
    assert_eq!((report.new, report.errors()), (7, 2), "{}", report.lines().join("\n"));
}

#[test]
fn a_feed_in_windows_1251_reads_as_its_declaration_says_and_keeps_the_publishers_date() {
    let dir = empty_content();
    let report = import::run(&[feed("rayon-1251.rss")], dir.path());
    assert_eq!((report.new, report.errors()), (1, 0), "{}", report.lines().join("\n"));
    let (name, text) = articles(dir.path()).remove(0);
    // 00:15 Moscow time on 2 January is the 2nd, though in UTC it is the 1st.
    assert_eq!(name, "2026-01-02-lesozagotoviteli-slobodskogo-rajona-podveli-itogi-goda.md");
    assert!(text.contains("title = \"Лесозаготовители Слободского района подвели итоги года\""), "{text}");
    // yandex:full-text, read by this tool and not by the feed library, is decoded too.
    assert!(text.contains("Заготовка древесины в районе выросла на десятую часть.\n\nЁлки, пихты и берёзы — «в порядке очереди»."), "{text}");
    assert!(text.contains("[source]\nname = \"Районная газета\""), "{text}");
}

#[test]
fn new_scaffolds_an_article_dated_today_that_checks() {
    let dir = empty_content();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_articles")).args(args).arg("--content").arg(dir.path()).output().unwrap()
    };
    let out = run(&["new", "Вятские сыры едут в Минск"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert_eq!(path.file_name().unwrap().to_string_lossy(), format!("{today}-vyatskie-syry-edut-v-minsk.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("title = \"Вятские сыры едут в Минск\"") && text.contains(&format!("date = {today}")), "{text}");
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_articles")).arg("check").arg("--content").arg(dir.path()).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    // Never over an existing file.
    assert!(!run(&["new", "Вятские сыры едут в Минск"]).status.success());
}

#[test]
fn same_titles_get_their_own_slugs_and_relative_links_resolve() {
    let dir = empty_content();
    let rss = dir.path().join("rates.rss");
    std::fs::write(
        &rss,
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Курсы</title><link>https://portal.example/</link><description>-</description>
<item><title>Курс валют</title><link>https://portal.example/news/rates-10</link><pubDate>Tue, 10 Feb 2026 12:00:00 +0000</pubDate>
<description><![CDATA[<p>См. <a href="/rates?day=10">таблицу</a>.</p>]]></description></item>
<item><title>Курс валют</title><link>https://portal.example/news/rates-11</link><pubDate>Wed, 11 Feb 2026 12:00:00 +0000</pubDate>
<description>Без изменений.</description></item>
</channel></rss>"#,
    )
    .unwrap();
    let report = import::run(std::slice::from_ref(&rss), dir.path());
    assert_eq!((report.new, report.errors()), (2, 0), "{}", report.lines().join("\n"));
    let names: Vec<String> = articles(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["2026-02-10-kurs-valyut.md", "2026-02-11-kurs-valyut-2.md"]);
    let first = &articles(dir.path())[0].1;
    assert!(first.contains("[таблицу](https://portal.example/rates?day=10)"), "{first}");
    // Items without a guid are known by their link: a second import adds nothing.
    let again = import::run(&[rss], dir.path());
    assert_eq!((again.new, again.unchanged), (0, 2), "{}", again.lines().join("\n"));
    let mut problems = Report::default();
    content::load(dir.path(), &mut problems);
    assert!(!problems.has_errors(), "{}", problems.render());
}

#[test]
fn the_report_places_each_item_in_its_feed_as_check_places_problems() {
    let dir = empty_content();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_articles"))
        .current_dir(repo())
        .args(["import", "tests/fixtures/feeds/portal.rss", "--content"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success(), "an item failed");
    let report = String::from_utf8(out.stderr).unwrap().replace(&dir.path().display().to_string(), "content");
    let feed = "tests/fixtures/feeds/portal.rss";
    let expected = [
        format!("{feed}:8:5: warning: item 1: dropped <script> and what it held"),
        format!("{feed}:8:5: warning: item 1: dropped the `onclick` attribute of <p>"),
        format!("{feed}:8:5: warning: item 1: dropped a link to `javascript:alert(1)`, kept its text"),
        format!("{feed}:8:5: warning: item 1: dropped <iframe> and what it held"),
        format!("{feed}:8:5: warning: item 1: dropped the `onerror` attribute of <img>"),
        format!("{feed}:8:5: warning: item 1: dropped an image (<img>): an article's picture goes in `[image]`"),
        format!("{feed}:8:5: note: item 1: new content/articles/2026-02-12-na-molochnoj-ferme-v-kumyonax-zapustili-novyj-doilnyj-zal.md"),
        format!("{feed}:27:5: note: item 2: new content/articles/2026-02-11-vyatskie-polyany-malmyzh-otkryt-novyj-avtobusnyj-marshrut.md"),
        format!("{feed}:34:5: warning: item 3: dropped <script> and what it held"),
        format!("{feed}:34:5: warning: item 3: dropped the `onclick` attribute of <p>"),
        format!("{feed}:34:5: note: item 3: new content/articles/2026-02-10-torf-iz-orichej-poedet-v-belarus.md"),
        format!("{feed}:44:5: error: item 4: the item has no date"),
        "3 new, 0 updated, 0 unchanged, 1 error".to_owned(),
    ];
    assert_eq!(report.lines().collect::<Vec<_>>(), expected, "\n{report}");
}

#[test]
fn an_update_keeps_the_editors_comments_and_fields_the_import_does_not_write() {
    let dir = empty_content();
    let rss = feed("portal.rss");
    import::run(std::slice::from_ref(&rss), dir.path());
    let (name, text) = articles(dir.path()).into_iter().find(|(n, _)| n.contains("molochnoj")).unwrap();
    let path = dir.path().join("articles").join(&name);
    // The editor adds a note, a region and places, and keeps the suggested topics.
    let edited = text
        .replacen("+++\n", "+++\n# Проверено с порталом.\n", 1)
        .replace("summary = ", "region = \"Кировская область\"\nplaces = [\"Кумёны\"]\nsummary = ");
    std::fs::write(&path, &edited).unwrap();
    std::fs::create_dir(dir.path().join("next")).unwrap();
    let next = dir.path().join("next/portal.rss");
    std::fs::write(&next, std::fs::read_to_string(&rss).unwrap().replace("на 40 мест", "на 48 мест")).unwrap();

    let update = import::run(&[next], dir.path());
    assert_eq!(update.updated, 1, "{}", update.lines().join("\n"));
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.starts_with("+++\n# Проверено с порталом.\ntitle = "), "{now}");
    assert!(now.contains("region = \"Кировская область\"\nplaces = [\"Кумёны\"]\nsummary = "), "{now}");
    assert!(now.contains("на 48 мест") && now.contains("topics_suggested = true"), "{now}");
    // Only the feed's fingerprints and text changed.
    let changed: Vec<(&str, &str)> = edited.lines().zip(now.lines()).filter(|(a, b)| a != b).collect();
    assert!(changed.iter().all(|(a, _)| a.starts_with("hash = ") || a.starts_with("text = ") || a.contains("40 мест")), "{changed:?}");
}

#[test]
fn names_the_site_already_knows_are_suggested_in_whatever_form_the_item_uses() {
    let dir = empty_content();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    let seed = "2026-01-19-kirov-delegation-belarus.md";
    std::fs::copy(repo().join("content/articles").join(seed), dir.path().join("articles").join(seed)).unwrap();
    let rss = dir.path().join("names.rss");
    std::fs::write(
        &rss,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Портал</title>\
         <item><guid>n1</guid><title>Губернатор встретился со студентами</title>\
         <pubDate>Tue, 10 Feb 2026 09:00:00 +0300</pubDate>\
         <description>Александра Соколова поблагодарили студенты из МИНСКА и Гомельской области.</description></item>\
         </channel></rss>",
    )
    .unwrap();
    let report = import::run(&[rss], dir.path());
    assert_eq!((report.new, report.errors()), (1, 0), "{}", report.lines().join("\n"));
    let lines = report.lines().join("\n");
    assert!(lines.contains("note: item 1: names suggested from the site's articles: Александр Соколов, Минск"), "{lines}");
    let files = articles(dir.path());
    let (_, text) = files.iter().find(|(n, _)| n.starts_with("2026-02-10")).expect("the imported article");
    assert!(text.contains("people = [\"Александр Соколов\"]"), "{text}");
    // «Гомельской области» is not «Гомель»: a name's words must all be there.
    assert!(text.contains("places = [\"Минск\"]") && !text.contains("Гомель\""), "{text}");

    // What the editor then writes stays through a second import.
    let path = dir.path().join("articles").join(&files.iter().find(|(n, _)| n.starts_with("2026-02-10")).unwrap().0);
    std::fs::write(&path, text.replace("places = [\"Минск\"]", "places = [\"Минск\", \"Гомель\"]")).unwrap();
    let again = import::run(&[dir.path().join("names.rss")], dir.path());
    assert_eq!(again.unchanged, 1, "{}", again.lines().join("\n"));
    assert!(std::fs::read_to_string(&path).unwrap().contains("places = [\"Минск\", \"Гомель\"]"));
}

#[test]
fn an_imported_picture_says_what_the_feed_says_of_it_never_the_headline() {
    let dir = empty_content();
    let rss = dir.path().join("pictures.rss");
    std::fs::write(
        &rss,
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Фото</title><link>https://portal.example/</link><description>-</description>
<item><title>Ферма открыла доильный зал</title><link>https://portal.example/news/hall</link><pubDate>Tue, 10 Feb 2026 12:00:00 +0000</pubDate>
<description>Зал на 40 мест.</description>
<media:content url="https://portal.example/media/hall.jpg" type="image/jpeg" medium="image"><media:description>Доярка у нового доильного аппарата</media:description></media:content></item>
<item><title>Мост открыт</title><link>https://portal.example/news/bridge</link><pubDate>Wed, 11 Feb 2026 12:00:00 +0000</pubDate>
<description>Движение пошло.</description>
<enclosure url="https://portal.example/media/bridge.jpg" type="image/jpeg" length="1000"/></item>
</channel></rss>"#,
    )
    .unwrap();
    let report = import::run(std::slice::from_ref(&rss), dir.path());
    assert_eq!((report.new, report.errors()), (2, 0), "{}", report.lines().join("\n"));
    let files = articles(dir.path());
    let hall = &files.iter().find(|(n, _)| n.contains("doilnyj")).unwrap().1;
    assert!(hall.contains("[image]\nsrc = \"https://portal.example/media/hall.jpg\"\nalt = \"Доярка у нового доильного аппарата\""), "{hall}");
    let bridge = &files.iter().find(|(n, _)| n.contains("most")).unwrap().1;
    assert!(bridge.contains("alt = \"\"") && !bridge.contains("alt = \"Мост открыт\""), "{bridge}");

    // The check asks the editor for the words the feed did not give.
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_articles")).arg("check").arg("--content").arg(dir.path()).output().unwrap();
    let out = String::from_utf8(check.stderr).unwrap();
    assert!(check.status.success(), "{out}");
    assert!(out.contains("most-otkryt.md:1:1: warning: the picture has no `alt`"), "{out}");
    assert!(!out.contains("doilnyj-zal.md:1:1: warning: the picture"), "{out}");
}
