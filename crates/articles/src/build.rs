//! `articles build`: the data bundle and the site's pages, written only
//! when the content has no errors, and only the files whose bytes changed.

use crate::content::{ArticleReader, Content, TopicDef};
use crate::feeds::{self, Entry, FEED_ARTICLES};
use crate::render::{Renderer, Shell};
use catalog::{ArticleBody, ArticleMeta, Index, ListParts, Need, SearchDoc, SearchParts, SiteInfo, Topic};
use sha2::{Digest, Sha256};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A body's file name: its slug and a hash of its bytes, so a changed body
/// gets a new name and any cache can keep a file for good.
fn body_file(slug: &catalog::Slug, bytes: &[u8]) -> String {
    format!("articles/{slug}.{}.json", short_hash(&Sha256::digest(bytes)))
}

/// A SHA-256 digest's first 8 bytes in hex: what names every file the
/// build names by content.
pub(crate) fn short_hash(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The name of an article's body file (`articles/<slug>.<hash>.json`).
pub fn body_name(meta: &ArticleMeta, body: &ArticleBody) -> String {
    body_file(&meta.slug, &json(body))
}

/// The bundle's index from the checked content; `bodies` are the body files' names.
pub fn index<B>(content: &Content<B>, bodies: &[String]) -> Index {
    let count = |t: &TopicDef| content.articles.iter().filter(|a| a.meta.topics.contains(&t.id)).count() as u32;
    Index {
        schema: catalog::SCHEMA_VERSION,
        site: content.site.clone(),
        topics: content
            .topics
            .iter()
            .map(|t| Topic {
                id: t.id.clone(),
                ru: t.ru.clone(),
                en: t.en.clone(),
                ru_about: t.ru_about.clone(),
                en_about: t.en_about.clone(),
                count: count(t),
            })
            .collect(),
        articles: content
            .articles
            .iter()
            .zip(bodies)
            .map(|(a, body)| ArticleMeta { body: Some(body.clone()), ..a.meta.clone() })
            .collect(),
        list: None,
        search: None,
    }
}

/// Articles per chunk of the list, the index's own included: one page.
pub const CHUNK: usize = views::PAGE_SIZE;
/// Articles per slug file, on average.
const PER_BUCKET: usize = 16;

/// The data files of `index` (every article, newest first): `index.json`
/// and, when the list is longer than one chunk, the list's parts. The
/// index then holds the first chunk and where the rest is, so its size,
/// and the first view's, do not grow with the archive (`docs/schema.md`,
/// "The list in parts"). Paths are relative to the site folder.
pub fn data_files(index: &Index, search: Search) -> Vec<(PathBuf, Vec<u8>)> {
    let (head, mut out) = list_files(index);
    out.extend(with_search(head, search));
    out
}

/// `head` with the search index's place, as `data/index.json`, then the
/// search index's shards.
fn with_search(mut head: Index, search: Search) -> Vec<(PathBuf, Vec<u8>)> {
    let (parts, shards) = search.finish();
    head.search = Some(parts);
    std::iter::once((PathBuf::from("data/index.json"), json(&head))).chain(shards).collect()
}

/// The index to write (the whole list, or its first chunk and where the
/// rest is), and the list's part files.
fn list_files(index: &Index) -> (Index, Vec<(PathBuf, Vec<u8>)>) {
    let articles = &index.articles;
    if articles.len() <= CHUNK {
        return (index.clone(), Vec::new());
    }
    #[derive(serde::Serialize)]
    struct Articles<'a> {
        schema: u32,
        articles: &'a [ArticleMeta],
    }
    #[derive(serde::Serialize)]
    struct Positions {
        schema: u32,
        gaps: Vec<u32>,
    }
    /// The names file: each offered name's positions, in `ListParts::names` order.
    #[derive(serde::Serialize)]
    struct NamePositions {
        schema: u32,
        gaps: Vec<Vec<u32>>,
    }
    let schema = catalog::SCHEMA_VERSION;
    let buckets = articles.len().div_ceil(PER_BUCKET) as u32;
    // (which part, bytes); each file's name (`ListParts`) gets the version once all are made.
    let mut parts: Vec<(Need, Vec<u8>)> = Vec::new();
    for (n, chunk) in articles.chunks(CHUNK).enumerate().skip(1) {
        parts.push((Need::Chunk(n), json(&Articles { schema, articles: chunk })));
    }
    for topic in index.topics.iter().filter(|t| t.count > 0) {
        let positions: Vec<u32> =
            (0..articles.len() as u32).filter(|&p| articles[p as usize].topics.contains(&topic.id)).collect();
        parts.push((Need::Topic(topic.id.clone()), json(&Positions { schema, gaps: catalog::to_gaps(&positions) })));
    }
    let named = catalog::top_names(articles);
    if !named.is_empty() {
        let gaps = named.iter().map(|(_, p)| catalog::to_gaps(p)).collect();
        parts.push((Need::Names, json(&NamePositions { schema, gaps })));
    }
    let mut filed = vec![Vec::new(); buckets as usize];
    for a in articles {
        filed[catalog::bucket(a.slug.as_str(), buckets)].push(a.clone());
    }
    for (n, bucket) in filed.iter().enumerate() {
        parts.push((Need::Bucket(n), json(&Articles { schema, articles: bucket })));
    }
    let mut digest = Sha256::new();
    for (part, bytes) in &parts {
        digest.update(format!("{part:?}").as_bytes());
        digest.update(bytes);
    }
    let list = ListParts {
        version: short_hash(&digest.finalize()),
        total: articles.len() as u32,
        chunk: CHUNK as u32,
        buckets,
        months: catalog::months_of(articles),
        names: catalog::name_table(&named),
    };
    let files = parts.into_iter().map(|(part, bytes)| {
        let file = match part {
            Need::Chunk(n) => list.chunk_file(n),
            Need::Topic(t) => list.topic_file(&t),
            Need::Bucket(n) => list.bucket_file(n),
            Need::Names => list.names_file(),
        };
        (PathBuf::from("data").join(file), bytes)
    });
    let files = files.collect();
    let head = Index { articles: articles[..CHUNK].to_vec(), list: Some(list), ..index.clone() };
    (head, files)
}

/// The search index of a build, filled article by article (on any thread:
/// one `Search` each, then `merge`), written with the index.
pub struct Search {
    /// Its shards' first terms are filled in by `finish`.
    parts: SearchParts,
    writer: search::Writer,
}

impl Search {
    /// The search index of the list in `index` (every article, with its
    /// body's name). Its version is a hash of that index, so the files of
    /// each article (written first) and the shards (written last) agree.
    pub fn new(index: &Index) -> Self {
        let version = short_hash(&Sha256::digest(json(index)));
        let parts = SearchParts { version, docs: index.articles.len() as u32, shards: Vec::new() };
        Self { parts, writer: search::Writer::default() }
    }

    /// Another writer for the same build, for another thread.
    pub fn fork(&self) -> Self {
        Self { parts: self.parts.clone(), writer: search::Writer::default() }
    }

    pub fn merge(&mut self, other: Search) {
        self.writer.merge(other.writer);
    }

    fn doc_file(&self, position: usize) -> String {
        self.parts.doc_file(position as u32)
    }

    /// Indexes the article at list position `position`; returns its search
    /// file (path relative to the site folder, bytes).
    pub fn add(&mut self, position: usize, meta: &ArticleMeta, body: &ArticleBody) -> (PathBuf, Vec<u8>) {
        let passages: Vec<String> = body.passages().map(catalog::Passage::plain_text).collect();
        let text = std::iter::once(meta.summary.as_str()).chain(passages.iter().map(String::as_str));
        self.writer.add_at(position as u32, &meta.title, text);
        let doc = SearchDoc { schema: catalog::SCHEMA_VERSION, article: meta.clone(), passages };
        (PathBuf::from("data").join(self.doc_file(position)), json(&doc))
    }

    /// Where the index is, and its shard files.
    fn finish(self) -> (SearchParts, Vec<(PathBuf, Vec<u8>)>) {
        let (firsts, shards) = self.writer.finish();
        let parts = SearchParts { shards: firsts, ..self.parts };
        let files = shards.iter().enumerate().map(|(n, shard)| (PathBuf::from("data").join(parts.shard_file(n)), json(shard))).collect();
        (parts, files)
    }
}

/// Every file of the build: (path relative to the output folder, bytes).
pub fn files(content: &Content, shell: Option<&Shell>) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut bodies = Vec::new();
    for a in &content.articles {
        let bytes = json(&a.body);
        let file = body_file(&a.meta.slug, &bytes);
        out.push((PathBuf::from("data").join(&file), bytes));
        bodies.push(file);
    }
    let index = index(content, &bodies);
    let mut search = Search::new(&index);
    for (position, a) in index.articles.iter().zip(&content.articles).enumerate() {
        out.push(search.add(position, a.0, &a.1.body));
    }
    out.splice(0..0, data_files(&index, search));
    if let Some(shell) = shell {
        let site = index.site.clone();
        let topics = index.topics.clone();
        let renderer = Renderer::new(index);
        for a in &content.articles {
            let page = renderer.article_page(shell, &a.meta, Arc::new(a.body.clone()));
            out.push((PathBuf::from(a.meta.slug.page()), page.into_bytes()));
        }
        let entries: Vec<_> = content.articles.iter().take(FEED_ARTICLES).map(|a| Entry { meta: &a.meta, body: &a.body }).collect();
        let made = std::sync::Mutex::new(Vec::new());
        let keep = |file, bytes| {
            made.lock().expect("no writer panicked").push((file, bytes));
            Ok(())
        };
        site_files(&renderer, shell, content, &site, &topics, &entries, &keep).expect("kept in memory");
        // Made on several threads: put in the order of their names, so that every build lists them alike.
        let mut made = made.into_inner().expect("no writer panicked");
        made.sort_by(|a: &(PathBuf, Vec<u8>), b| a.0.cmp(&b.0));
        out.extend(made);
    }
    out.extend(content.pictures.take_files());
    out
}

/// The site's pages but the articles' (the shell, the saved list, 404, the
/// list's pages, each topic's pages) and, when its URL is known, its
/// sitemap, robots.txt and feeds of `entries`, the newest articles: each
/// given to `put` as it is made, so that a large archive's pages are never
/// all in memory at once. The list's and topics' pages (over a thousand at
/// 10,000 articles) are made on all cores. Returns how many files it made.
fn site_files<B>(
    renderer: &Renderer,
    shell: &Shell,
    content: &Content<B>,
    site: &SiteInfo,
    topics: &[Topic],
    entries: &[Entry],
    put: &(dyn Fn(PathBuf, Vec<u8>) -> io::Result<()> + Sync),
) -> io::Result<usize> {
    put(PathBuf::from("shell.html"), renderer.app_shell(shell).into_bytes())?;
    put(PathBuf::from(catalog::Page::Saved.file()), renderer.saved_page(shell).into_bytes())?;
    put(PathBuf::from("404.html"), renderer.not_found_page(shell).into_bytes())?;
    let mut made = 3;
    // Each page of the list (no topic) and of each topic's.
    let pages: Vec<(Option<&Topic>, u32)> = (1..=list_pages(content))
        .map(|number| (None, number))
        .chain(topic_pages(topics).flat_map(|(topic, pages)| (1..=pages).map(move |number| (Some(topic), number))))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads())
            .map(|_| {
                scope.spawn(|| -> io::Result<()> {
                    // The next page not taken: pages differ in cost, so no thread waits on another's share.
                    while let Some(&(topic, number)) = pages.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                        match topic {
                            None => put(PathBuf::from(catalog::Page::List { number }.file()), renderer.list_page(shell, number).into_bytes())?,
                            Some(topic) => put(PathBuf::from(catalog::topic_page(&topic.id, number)), renderer.topic_page(shell, topic, number).into_bytes())?,
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.join().expect("a page writer panicked"))
    })?;
    made += pages.len();
    if let Some(url) = &site.url {
        put(PathBuf::from("sitemap.xml"), sitemap(url, content, topics).into_bytes())?;
        put(PathBuf::from("robots.txt"), robots(url).into_bytes())?;
        made += 2;
        for (file, bytes) in feeds::files(site, url, topics, entries) {
            put(file, bytes)?;
            made += 1;
        }
    }
    Ok(made)
}

/// How many threads to write with: one per core.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Each topic with articles, and how many pages its list takes.
fn topic_pages(topics: &[Topic]) -> impl Iterator<Item = (&Topic, u32)> {
    topics.iter().filter(|t| t.count > 0).map(|t| (t, (t.count as usize).div_ceil(views::PAGE_SIZE) as u32))
}

/// How many pages the whole list takes.
fn list_pages<B>(content: &Content<B>) -> u32 {
    content.articles.len().div_ceil(views::PAGE_SIZE).max(1) as u32
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("bundle types always serialise")
}

/// robots.txt: crawlers welcome, the reader's own pages left out, and where
/// the sitemap is. Crawlers read it only at a host's root: a site in a
/// folder puts these lines in the root's robots.txt (docs/deploy.md).
fn robots(base: &str) -> String {
    let path = crate::render::site_path(base).unwrap_or("/");
    format!("User-agent: *\nDisallow: {path}saved.html\nDisallow: {path}shell.html\n\nSitemap: {base}sitemap.xml\n")
}

fn sitemap<B>(base: &str, content: &Content<B>, topics: &[Topic]) -> String {
    // Slugs are [a-z0-9-] and the base URL is checked, so nothing needs escaping
    // but `&`, which a URL may hold.
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for number in 1..=list_pages(content) {
        xml.push_str(&format!("  <url><loc>{}{}</loc></url>\n", esc(base), catalog::Page::List { number }.file()));
    }
    for (topic, pages) in topic_pages(topics) {
        for number in 1..=pages {
            xml.push_str(&format!("  <url><loc>{}{}</loc></url>\n", esc(base), catalog::topic_page(&topic.id, number)));
        }
    }
    for a in &content.articles {
        xml.push_str(&format!(
            "  <url><loc>{}{}</loc><lastmod>{}</lastmod></url>\n",
            esc(base),
            a.meta.slug.page(),
            a.meta.date
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Writes the whole build under `out`, as `files` would list it, without
/// holding the articles' bodies in memory: `content` keeps only each body's
/// file name, and each article is read again (`reader`) when its body and
/// page are written, on all cores. Only files whose bytes changed are
/// written; body files of earlier builds are removed. Returns (files
/// written, files in the build).
pub fn write_site(out: &Path, content: &Content<String>, reader: &ArticleReader, shell: Option<&Shell>) -> io::Result<(usize, usize)> {
    let articles = &content.articles;
    let bodies: Vec<String> = articles.iter().map(|a| a.body.clone()).collect();
    let index = index(content, &bodies);
    let site = index.site.clone();
    let topics = index.topics.clone();
    // The list's files now, so that the renderer can take the index itself.
    let (head, list) = list_files(&index);
    let search = Search::new(&index);
    let metas: Vec<ArticleMeta> = index.articles.clone();
    let renderer = shell.map(|_| Renderer::new(index));
    let written = std::sync::atomic::AtomicUsize::new(0);
    let put = |rel: &Path, bytes: &[u8]| -> io::Result<()> {
        if write_if_changed(&out.join(rel), bytes)? {
            written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    };

    // Each article's body, search file and page, from its file read again.
    let one = |position: usize, search: &mut Search| -> io::Result<()> {
        let a = &articles[position];
        let mut report = crate::diagnostic::Report::default();
        let changed = || io::Error::other(format!("{}: changed while the site was being built; build again", a.path.display()));
        let full = reader.read(&a.path, &mut report).ok_or_else(changed)?;
        let bytes = json(&full.body);
        if body_file(&a.meta.slug, &bytes) != a.body {
            return Err(changed());
        }
        put(&PathBuf::from("data").join(&a.body), &bytes)?;
        let (doc, doc_bytes) = search.add(position, &metas[position], &full.body);
        put(&doc, &doc_bytes)?;
        if let (Some(shell), Some(renderer)) = (shell, &renderer) {
            let page = renderer.article_page(shell, &full.meta, Arc::new(full.body));
            put(Path::new(&a.meta.slug.page()), page.as_bytes())?;
        }
        Ok(())
    };
    let chunk = articles.len().div_ceil(threads()).max(1);
    let mut search = search;
    std::thread::scope(|scope| {
        let parts: Vec<_> = (0..articles.len())
            .step_by(chunk)
            .map(|start| {
                let mut mine = search.fork();
                let one = &one;
                scope.spawn(move || (start..(start + chunk).min(articles.len())).try_for_each(|p| one(p, &mut mine)).map(|()| mine))
            })
            .collect();
        parts.into_iter().try_for_each(|t| t.join().expect("an article writer panicked").map(|part| search.merge(part)))
    })?;
    let docs: Vec<PathBuf> = (0..articles.len()).map(|p| PathBuf::from("data").join(search.doc_file(p))).collect();
    // The index first, so that it is written last (below).
    let mut data = with_search(head, search);
    data.splice(1..1, list);
    let ours = bodies.iter().map(|b| out.join("data").join(b)).chain(docs.iter().map(|d| out.join(d)));
    remove_stale_data(out, ours.chain(data.iter().map(|(rel, _)| out.join(rel))).collect(), previous_versions(out))?;

    // The index last, once every file it names is there.
    for (rel, bytes) in data.iter().rev() {
        put(rel, bytes)?;
    }
    let mut total = bodies.len() + docs.len() + data.len();
    if let (Some(shell), Some(renderer)) = (shell, &renderer) {
        total += articles.len();
        // The newest articles' texts for the feeds, read again (only names were kept).
        let mut report = crate::diagnostic::Report::default();
        let newest: Vec<_> = match site.url {
            Some(_) => articles.iter().take(FEED_ARTICLES).filter_map(|a| reader.read(&a.path, &mut report)).collect(),
            None => Vec::new(),
        };
        let entries: Vec<_> = newest.iter().map(|a| Entry { meta: &a.meta, body: &a.body }).collect();
        total += site_files(renderer, shell, content, &site, &topics, &entries, &|rel, bytes| put(&rel, &bytes))?;
    }
    for (rel, bytes) in content.pictures.take_files() {
        put(&rel, &bytes)?;
    }
    let pictures = content.pictures.used();
    total += pictures.len();
    remove_stale_pictures(out, &pictures)?;
    Ok((written.into_inner(), total))
}

/// Removes the picture widths in `out` that no article shows any more.
fn remove_stale_pictures(out: &Path, used: &std::collections::HashSet<String>) -> io::Result<()> {
    let Ok(entries) = std::fs::read_dir(out.join(crate::pictures::FOLDER)) else { return Ok(()) };
    for entry in entries.flatten() {
        if !used.contains(entry.file_name().to_string_lossy().as_ref()) && entry.path().is_file() {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` unless it holds them already; says whether it wrote.
fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)?;
    Ok(true)
}

/// The versions of the list's parts and the search index that the index in
/// `out` names, before this build replaces it.
fn previous_versions(out: &Path) -> Vec<String> {
    let Some(index) = std::fs::read(out.join("data/index.json")).ok().and_then(|b| serde_json::from_slice::<Index>(&b).ok()) else {
        return Vec::new();
    };
    index.list.map(|l| l.version).into_iter().chain(index.search.map(|s| s.version)).collect()
}

/// Removes the body, list and search files in `out` that this build does
/// not have. The list and search files of the `previous` versions stay: a
/// reader whose app is still on the build before (an open tab, its service
/// worker's copy of the index) can still page, filter and search; the
/// build after this one removes them.
fn remove_stale_data(out: &Path, ours: std::collections::HashSet<PathBuf>, previous: Vec<String>) -> io::Result<()> {
    let kept: Vec<String> = previous.iter().map(|v| format!(".{v}.json")).collect();
    for folder in ["data/articles", "data/list", "data/search"] {
        let Ok(entries) = std::fs::read_dir(out.join(folder)) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let previous = folder != "data/articles" && kept.iter().any(|k| name.ends_with(k.as_str()));
            if !ours.contains(&path) && !previous && path.extension().is_some_and(|x| x == "json") {
                std::fs::remove_file(&path)?;
            }
        }
    }
    Ok(())
}

/// Writes `files` under `out`, leaving files whose bytes are unchanged
/// alone, and removes body files of earlier builds. Returns how many were written.
pub fn write(out: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<usize> {
    // A set, not a scan of `files` per entry: 10,000 bodies stay linear.
    remove_stale_data(out, files.iter().map(|(rel, _)| out.join(rel)).collect(), previous_versions(out))?;
    let mut written = 0;
    for (rel, bytes) in files {
        if write_if_changed(&out.join(rel), bytes)? {
            written += 1;
        }
    }
    Ok(written)
}
