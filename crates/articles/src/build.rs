//! `articles build`: the data bundle and the site's pages, written only
//! when the content has no errors, and only the files whose bytes changed.

use crate::content::{Content, TopicDef};
use crate::render::{Renderer, Shell};
use catalog::{Index, Topic};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The bundle's index from the checked content.
pub fn index(content: &Content) -> Index {
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
        articles: content.articles.iter().map(|a| a.meta.clone()).collect(),
    }
}

/// Every file of the build: (path relative to the output folder, bytes).
pub fn files(content: &Content, shell: Option<&Shell>) -> Vec<(PathBuf, Vec<u8>)> {
    let index = index(content);
    let mut out = vec![(PathBuf::from("data/index.json"), json(&index))];
    for a in &content.articles {
        out.push((PathBuf::from(format!("data/articles/{}.json", a.meta.slug)), json(&a.body)));
    }
    if let Some(shell) = shell {
        let site = index.site.clone();
        let renderer = Renderer::new(index);
        for number in 1..=list_pages(content) {
            let file = catalog::Page::List { number }.file();
            out.push((PathBuf::from(file), renderer.list_page(shell, number).into_bytes()));
        }
        for a in &content.articles {
            let page = renderer.article_page(shell, &a.meta, Arc::new(a.body.clone()));
            out.push((PathBuf::from(a.meta.slug.page()), page.into_bytes()));
        }
        if let Some(url) = &site.url {
            out.push((PathBuf::from("sitemap.xml"), sitemap(url, content).into_bytes()));
        }
    }
    out
}

/// How many pages the whole list takes.
fn list_pages(content: &Content) -> u32 {
    content.articles.len().div_ceil(views::PAGE_SIZE).max(1) as u32
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("bundle types always serialise")
}

fn sitemap(base: &str, content: &Content) -> String {
    // Slugs are [a-z0-9-] and the base URL is checked, so nothing needs escaping
    // but `&`, which a URL may hold.
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for number in 1..=list_pages(content) {
        xml.push_str(&format!("  <url><loc>{}{}</loc></url>\n", esc(base), catalog::Page::List { number }.file()));
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

/// Writes `files` under `out`, leaving files whose bytes are unchanged
/// alone. Returns how many were written.
pub fn write(out: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<usize> {
    let mut written = 0;
    for (rel, bytes) in files {
        let path = out.join(rel);
        if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, bytes)?;
        written += 1;
    }
    Ok(written)
}
