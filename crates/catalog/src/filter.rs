use crate::{ArticleBody, Index, TopicId};
use std::cmp::Reverse;

/// Positions in `index.articles` of the articles that carry any of `topics`
/// (all of them when `topics` is empty), newest first.
pub fn filter(index: &Index, topics: &[TopicId]) -> Vec<usize> {
    let mut hits: Vec<usize> = (0..index.articles.len())
        .filter(|&i| {
            topics.is_empty() || index.articles[i].topics.iter().any(|t| topics.contains(t))
        })
        .collect();
    // Ties keep the index's order, so a CMS that lists same-day articles in
    // its own order keeps it; an unstable sort with the position as the tie
    // breaker gives the same order as a stable one, in less wasm.
    hits.sort_unstable_by_key(|&i| (Reverse(index.articles[i].date), i));
    hits
}

/// Reading-order numbers of the passages tagged with `topic`.
pub fn passages_with_topic(body: &ArticleBody, topic: &TopicId) -> Vec<usize> {
    body.passages()
        .enumerate()
        .filter(|(_, p)| p.topics.contains(topic))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleMeta, Date, SiteInfo, Slug, Topic};

    fn article(slug: &str, date: &str, topics: &[&str]) -> ArticleMeta {
        ArticleMeta {
            slug: Slug::parse(slug).unwrap(),
            title: slug.into(),
            date: Date::parse(date).unwrap(),
            lang: "ru".into(),
            topics: topics.iter().map(|t| TopicId::new(*t)).collect(),
            summary: String::new(),
            sample: false,
            source: None,
            region: None,
            image: None,
            body: None,
        }
    }

    fn index() -> Index {
        Index {
            schema: 1,
            site: SiteInfo {
                title: "t".into(),
                description: String::new(),
                lang: "ru".into(),
                publisher: String::new(),
                url: None,
            },
            topics: Vec::<Topic>::new(),
            articles: vec![
                article("old", "2025-11-02", &["trade"]),
                article("new", "2026-01-19", &["industry", "agriculture"]),
                article("mid", "2025-12-10", &["agriculture"]),
            ],
        }
    }

    fn slugs(index: &Index, hits: Vec<usize>) -> Vec<&str> {
        hits.into_iter().map(|i| index.articles[i].slug.as_str()).collect()
    }

    #[test]
    fn no_topic_means_every_article_newest_first() {
        let ix = index();
        assert_eq!(slugs(&ix, filter(&ix, &[])), ["new", "mid", "old"]);
    }

    #[test]
    fn same_day_articles_keep_the_index_order() {
        let mut ix = index();
        let day = ["b", "a", "d", "c", "f", "e"].map(|s| article(s, "2025-12-10", &["trade"]));
        ix.articles.splice(1..1, day);
        assert_eq!(slugs(&ix, filter(&ix, &[])), ["new", "b", "a", "d", "c", "f", "e", "mid", "old"]);
    }

    #[test]
    fn an_article_matches_any_chosen_topic() {
        let ix = index();
        let agri = filter(&ix, &[TopicId::new("agriculture")]);
        assert_eq!(slugs(&ix, agri), ["new", "mid"]);
        let both = filter(&ix, &[TopicId::new("trade"), TopicId::new("industry")]);
        assert_eq!(slugs(&ix, both), ["new", "old"]);
        assert!(filter(&ix, &[TopicId::new("unknown")]).is_empty());
    }
}
