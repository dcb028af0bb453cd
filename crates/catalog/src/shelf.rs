//! The list in parts. A site's index carries the newest articles and every
//! topic's count; the rest of the archive is in files fetched when a filter,
//! a later page or a link to an older article needs them (`docs/schema.md`,
//! "The list in parts"). What the first view costs does not grow with the
//! archive. An index that lists every article (a CMS may write one) is the
//! same shelf with nothing left to fetch.

use crate::{top_names, ArticleMeta, Index, Month, Name, NameKind, Slug, TopicId};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::ops::Range;
use std::sync::Arc;

/// `Index.list`: where the rest of the list is, when the index holds only
/// its start. The files are in `list/` beside the index, each named with
/// `version`, a hash of all of them, so a server and the service worker can
/// keep each for good and a new build never mixes with an old one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListParts {
    pub version: String,
    /// Articles in the whole list.
    pub total: u32,
    /// Articles per chunk file; the index's `articles` are chunk 0.
    pub chunk: u32,
    /// How many slug files the articles are spread over.
    pub buckets: u32,
    /// Each month of the list, newest first, with how many articles it has:
    /// the list is newest first, so a month's articles are a run of
    /// positions. Empty when the list is not offered by month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(Month, u32)>,
    /// The names offered as facets (`top_names`): `[kind, name, count]`,
    /// the kind `person`, `place` or `org`; their positions are in the
    /// names file, in this order. Empty when the list names none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<(String, String, u32)>,
}

impl ListParts {
    /// Chunk `n`: the articles at list positions `n * chunk ..`.
    pub fn chunk_file(&self, n: usize) -> String {
        format!("list/chunk-{n}.{}.json", self.version)
    }

    /// The list positions of the articles that carry `topic`.
    pub fn topic_file(&self, topic: &TopicId) -> String {
        format!("list/topic-{}.{}.json", topic.as_str(), self.version)
    }

    /// The positions of each of `names`' articles.
    pub fn names_file(&self) -> String {
        format!("list/names.{}.json", self.version)
    }

    /// `names` as names (their kinds are checked when the index is read).
    pub fn offered_names(&self) -> Vec<(Name, u32)> {
        let kind = |k: &str| NameKind::from_key(k).unwrap_or(NameKind::Person);
        self.names.iter().map(|(k, n, c)| (Name::new(kind(k), n.clone()), *c)).collect()
    }

    /// The articles whose slugs fall in bucket `n` (`bucket`).
    pub fn bucket_file(&self, n: usize) -> String {
        format!("list/slugs-{n}.{}.json", self.version)
    }
}

/// The bucket a slug's article is filed in: FNV-1a (32 bits) of the slug's
/// bytes, modulo the number of buckets.
pub fn bucket(slug: &str, buckets: u32) -> usize {
    let hash = slug.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    (hash % buckets.max(1)) as usize
}

/// Sorted positions written as gaps: the first position, then each one's
/// distance from the one before. Small numbers, so the file compresses well.
pub fn to_gaps(positions: &[u32]) -> Vec<u32> {
    let mut last = 0;
    positions
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let gap = if i == 0 { p } else { p - last };
            last = p;
            gap
        })
        .collect()
}

/// The positions `to_gaps` wrote; `None` when they overflow.
pub fn from_gaps(gaps: &[u32]) -> Option<Vec<u32>> {
    let mut at: Option<u32> = None;
    gaps.iter()
        .map(|&g| {
            let next = match at {
                None => g,
                Some(p) => p.checked_add(g).filter(|_| g > 0)?,
            };
            at = Some(next);
            Some(next)
        })
        .collect()
}

/// A file the shelf lacks for what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    Chunk(usize),
    Topic(TopicId),
    Bucket(usize),
    /// The positions of the names offered as facets.
    Names,
}

/// What narrows the list: any of `topics`, any of the chosen names of each
/// kind (each kind with a choice must match), and `month`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    pub topics: Vec<TopicId>,
    pub names: Vec<Name>,
    pub month: Option<Month>,
}

/// What a choice leaves of the list or of a search's results.
#[derive(Clone, Debug, PartialEq)]
pub struct Narrowed {
    /// The positions left, in the order given; `None`: the whole list.
    pub positions: Option<Vec<u32>>,
    /// For each of the list's months, the positions left under every
    /// other choice.
    pub by_month: Vec<usize>,
    /// For each offered name, the positions it leaves with the choices of
    /// its own kind set aside; `None` until the names' positions are here.
    pub by_name: Option<Vec<usize>>,
}

/// One page of the list as asked: which articles, and how many match.
#[derive(Clone, Debug, PartialEq)]
pub struct ListPage {
    /// Articles that match the chosen topics and month.
    pub matching: usize,
    /// For each of the list's months (`Shelf::months`), how many articles
    /// match the other choices (whatever the month).
    pub by_month: Vec<usize>,
    /// For each offered name (`Shelf::names`), how many articles it would
    /// show under the other choices; `None` until its file is here.
    pub by_name: Option<Vec<usize>>,
    /// Articles in the whole list.
    pub total: usize,
    /// The page shown: the one asked for, or the last when that is past the end.
    pub number: u32,
    pub pages: u32,
    /// (list position, article) for each article on the page.
    pub entries: Vec<(usize, ArticleMeta)>,
}

/// The articles known so far, in list order (newest first), and what the
/// rest of the list is made of.
#[derive(Clone, Debug, Default)]
pub struct Shelf {
    total: usize,
    chunk: usize,
    parts: Option<ListParts>,
    /// By chunk number; plain vectors and searches rather than maps, which
    /// would cost the wasm more than these lookups cost the reader.
    chunks: Vec<Option<Arc<[ArticleMeta]>>>,
    /// Positions per topic, sorted; topics with no article are left out.
    topics: Vec<(TopicId, Arc<[u32]>)>,
    /// Topics whose positions are in a file not fetched yet.
    unfetched: Vec<TopicId>,
    /// The index's topics with articles, in its order: what `topic_counts` counts.
    counted: Vec<TopicId>,
    /// Articles found through a slug file.
    by_slug: Vec<ArticleMeta>,
    /// The slug files read so far.
    buckets_read: Vec<usize>,
    /// Each month, newest first, and its articles' positions.
    months: Vec<(Month, Range<u32>)>,
    /// The names offered as facets, with their counts in the whole list,
    /// and their positions once here (a list in parts: the names file).
    names: Vec<(Name, u32)>,
    name_positions: Option<Vec<Arc<[u32]>>>,
}

/// The months of `articles` (newest first), each with how many it has:
/// what `ListParts::months` holds.
pub fn months_of(articles: &[ArticleMeta]) -> Vec<(Month, u32)> {
    let mut months: Vec<(Month, u32)> = Vec::new();
    for a in articles {
        match months.last_mut() {
            Some((m, count)) if *m == Month::from(a.date) => *count += 1,
            _ => months.push((a.date.into(), 1)),
        }
    }
    months
}

/// `ListParts::names` for the names `top_names` offers.
pub fn name_table(top: &[(Name, Vec<u32>)]) -> Vec<(String, String, u32)> {
    top.iter().map(|(n, p)| (n.kind.key().to_owned(), n.text.clone(), p.len() as u32)).collect()
}

/// Months with their counts, newest first, as positions: each month's run
/// starts where the one before ends.
fn runs(months: impl IntoIterator<Item = (Month, u32)>) -> Vec<(Month, Range<u32>)> {
    let mut at = 0;
    months
        .into_iter()
        .map(|(m, count)| {
            let run = at..at + count;
            at = run.end;
            (m, run)
        })
        .collect()
}

impl Shelf {
    /// The shelf of `index`: in parts when it says so, else every article,
    /// sorted newest first (ties keep the index's order).
    pub fn new(index: &Index) -> Self {
        let counted: Vec<TopicId> = index.topics.iter().filter(|t| t.count > 0).map(|t| t.id.clone()).collect();
        match &index.list {
            Some(parts) => Self {
                total: parts.total as usize,
                chunk: (parts.chunk as usize).max(1),
                chunks: vec![Some(index.articles.clone().into())],
                unfetched: counted.clone(),
                counted,
                months: runs(parts.months.iter().copied()),
                names: parts.offered_names(),
                parts: Some(parts.clone()),
                ..Self::default()
            },
            None => Self { counted, ..Self::whole(index) },
        }
    }

    fn whole(index: &Index) -> Self {
        let mut order: Vec<usize> = (0..index.articles.len()).collect();
        // An unstable sort with the position as the tie breaker gives the
        // stable order in less wasm.
        order.sort_unstable_by_key(|&i| (Reverse(index.articles[i].date), i));
        let articles: Vec<ArticleMeta> = order.iter().map(|&i| index.articles[i].clone()).collect();
        let named = top_names(&articles);
        let topics = index
            .topics
            .iter()
            .map(|t| {
                let positions = (0..articles.len() as u32).filter(|&p| articles[p as usize].topics.contains(&t.id));
                (t.id.clone(), positions.collect())
            })
            .collect();
        Self {
            total: articles.len(),
            chunk: articles.len().max(1),
            months: runs(months_of(&articles)),
            names: named.iter().map(|(n, p)| (n.clone(), p.len() as u32)).collect(),
            name_positions: Some(named.into_iter().map(|(_, p)| p.into()).collect()),
            chunks: vec![Some(articles.into())],
            topics,
            ..Self::default()
        }
    }

    /// Where the parts are, when the list comes in parts.
    pub fn parts(&self) -> Option<&ListParts> {
        self.parts.as_ref()
    }

    pub fn total(&self) -> usize {
        self.total
    }

    /// How many chunks the list is in.
    pub fn chunk_count(&self) -> usize {
        self.total.div_ceil(self.chunk)
    }

    /// How many articles chunk `n` holds.
    pub fn chunk_len(&self, n: usize) -> usize {
        self.total.saturating_sub(n * self.chunk).min(self.chunk)
    }

    /// The list positions of chunk `n`'s articles.
    pub fn chunk_positions(&self, n: usize) -> std::ops::Range<u32> {
        let start = n * self.chunk;
        start as u32..(start + self.chunk_len(n)) as u32
    }

    /// Chunk `n`'s articles, when it is here.
    pub fn chunk(&self, n: usize) -> Option<Arc<[ArticleMeta]>> {
        self.chunks.get(n).cloned().flatten()
    }

    /// Every file of the list's parts: what "save for offline" keeps, so
    /// that filters, pages and links to older articles work offline too.
    pub fn every_part(&self) -> Vec<Need> {
        let Some(parts) = &self.parts else { return Vec::new() };
        let chunks = (1..self.chunk_count()).map(Need::Chunk);
        let topics = self.unfetched.iter().cloned().map(Need::Topic);
        let buckets = (0..parts.buckets as usize).map(Need::Bucket);
        let names = (!parts.names.is_empty() && self.name_positions.is_none()).then_some(Need::Names);
        chunks.chain(topics).chain(buckets).chain(names).collect()
    }

    /// The slug file of an article found in a later chunk, when not read:
    /// a reader who opened the article may reload its page offline, and
    /// then only the slug file finds it.
    pub fn unread_slug_file(&self, slug: &Slug) -> Option<Need> {
        let parts = self.parts.as_ref()?;
        let first = self.chunk(0).is_some_and(|c| c.iter().any(|a| &a.slug == slug));
        let n = bucket(slug.as_str(), parts.buckets);
        (!first && !self.buckets_read.contains(&n)).then_some(Need::Bucket(n))
    }

    /// The list's months, newest first, each with its articles' positions.
    pub fn months(&self) -> &[(Month, Range<u32>)] {
        &self.months
    }

    /// The positions of `month`'s articles: none when the list has none.
    pub fn month_run(&self, month: Month) -> Range<u32> {
        self.months.iter().find(|(m, _)| *m == month).map_or(0..0, |(_, run)| run.clone())
    }

    /// The names offered as facets (`top_names`), each with how many
    /// articles of the whole list name it.
    pub fn names(&self) -> &[(Name, u32)] {
        &self.names
    }

    /// Whether the offered names' positions are here (the names file).
    pub fn has_name_positions(&self) -> bool {
        self.name_positions.is_some()
    }

    /// The files of the topics whose positions are not here: what
    /// `topic_counts` waits for.
    pub fn unfetched_topics(&self) -> Vec<Need> {
        self.unfetched.iter().cloned().map(Need::Topic).collect()
    }

    /// For each of the index's topics with articles, in its order, how many
    /// articles it would show under `choice`'s search (`base`), month and
    /// names: the chosen topics set aside, as one more topic adds to them.
    /// `None` when there is no such choice (the index's counts hold), and
    /// while a topic's positions or the names' are not here: the list does
    /// not wait for its counts.
    pub fn topic_counts(&self, base: Option<&[u32]>, choice: &Choice) -> Option<Vec<usize>> {
        let others = base.is_some() || choice.month.is_some() || !choice.names.is_empty();
        if !others || !self.unfetched.is_empty() {
            return None;
        }
        let rest = Choice { topics: Vec::new(), ..choice.clone() };
        let mut left = vec![false; self.total];
        for p in self.narrow(base, &rest).ok()?.positions? {
            if let Some(x) = left.get_mut(p as usize) {
                *x = true;
            }
        }
        let count = |id: &TopicId| {
            let at = self.topics.iter().find(|(t, _)| t == id);
            at.map_or(0, |(_, at)| at.iter().filter(|&&p| left.get(p as usize) == Some(&true)).count())
        };
        Some(self.counted.iter().map(count).collect())
    }

    /// Which of the list's articles `choice` leaves. `base` is a search's
    /// results (in rank order, which is kept); `None` is the whole list.
    /// `Err` names the files it needs: a chosen topic's positions, or the
    /// names' positions when a name is chosen.
    pub fn narrow(&self, base: Option<&[u32]>, choice: &Choice) -> Result<Narrowed, Vec<Need>> {
        let mut needs: Vec<Need> = choice.topics.iter().filter(|t| self.unfetched.contains(t)).map(|t| Need::Topic(t.clone())).collect();
        if !choice.names.is_empty() && self.name_positions.is_none() {
            needs.push(Need::Names);
        }
        if !needs.is_empty() {
            return Err(needs);
        }
        let total = self.total;
        let mask = |positions: &mut dyn Iterator<Item = u32>| {
            let mut on = vec![false; total];
            for p in positions {
                if let Some(x) = on.get_mut(p as usize) {
                    *x = true;
                }
            }
            on
        };
        // Marks, one per list position: any chosen topic; any chosen name, per kind.
        let topics = (!choice.topics.is_empty()).then(|| {
            mask(&mut choice.topics.iter().filter_map(|t| self.topics.iter().find(|(id, _)| id == t)).flat_map(|(_, p)| p.iter().copied()))
        });
        let offered = self.name_positions.as_deref().unwrap_or_default();
        let kinds: Vec<(NameKind, Vec<bool>)> = NameKind::ALL
            .into_iter()
            .filter(|k| choice.names.iter().any(|n| n.kind == *k))
            .map(|k| {
                let chosen = self.names.iter().zip(offered).filter(|((n, _), _)| n.kind == k && choice.names.contains(n));
                (k, mask(&mut chosen.flat_map(|(_, p)| p.iter().copied())))
            })
            .collect();
        let run = choice.month.map(|m| self.month_run(m));
        let in_base = base.map(|b| mask(&mut b.iter().copied()));
        // Whether position `p` passes every choice but the month, and but the names of kind `but`.
        let passes = |p: u32, but: Option<NameKind>| {
            let i = p as usize;
            topics.as_ref().is_none_or(|t| t[i]) && kinds.iter().all(|(k, on)| Some(*k) == but || on[i])
        };
        let in_month = |p: u32| run.as_ref().is_none_or(|r| r.contains(&p));

        let everything = base.is_none() && choice.topics.is_empty() && choice.names.is_empty();
        let order: Box<dyn Iterator<Item = u32>> = match base {
            Some(b) => Box::new(b.iter().copied()),
            None => Box::new(0..total as u32),
        };
        let mut by_month = vec![0; self.months.len()];
        let mut positions = Vec::new();
        if everything {
            by_month = self.months.iter().map(|(_, r)| r.len()).collect();
        } else {
            for p in order.filter(|&p| (p as usize) < total && passes(p, None)) {
                let m = self.months.partition_point(|(_, r)| r.end <= p);
                if let Some(c) = by_month.get_mut(m) {
                    *c += 1;
                }
                if in_month(p) {
                    positions.push(p);
                }
            }
        }
        let positions = match (everything, run.clone()) {
            (true, None) => None,
            (true, Some(r)) => Some(r.collect()),
            (false, _) => Some(positions),
        };
        // Each name's count under the other choices, its own kind's aside.
        let by_name = match &self.name_positions {
            _ if everything && run.is_none() => Some(self.names.iter().map(|(_, n)| *n as usize).collect()),
            Some(offered) => Some(
                self.names
                    .iter()
                    .zip(offered)
                    .map(|((name, _), at)| {
                        let counted = |&&p: &&u32| {
                            (p as usize) < total
                                && in_base.as_ref().is_none_or(|b| b[p as usize])
                                && in_month(p)
                                && passes(p, Some(name.kind))
                        };
                        at.iter().filter(counted).count()
                    })
                    .collect(),
            ),
            None => None,
        };
        Ok(Narrowed { positions, by_month, by_name })
    }

    /// Page `number` (from 1) of what `choice` leaves of the list, pages of
    /// `page_size`; a number past the end gives the last page. `Err` names
    /// the files it needs.
    pub fn page(&self, choice: &Choice, number: u32, page_size: usize) -> Result<ListPage, Vec<Need>> {
        let page_size = page_size.max(1);
        let Narrowed { positions: matching, by_month, by_name } = self.narrow(None, choice)?;
        let count = matching.as_ref().map_or(self.total, Vec::len);
        let pages = count.div_ceil(page_size).max(1) as u32;
        let number = number.clamp(1, pages);
        let start = (number as usize - 1) * page_size;
        let positions: Vec<usize> = match &matching {
            None => (start..self.total.min(start + page_size)).collect(),
            Some(hits) => hits.iter().skip(start).take(page_size).map(|&p| p as usize).collect(),
        };
        let mut needs: Vec<Need> = positions.iter().map(|p| p / self.chunk).filter(|&c| self.chunk(c).is_none()).map(Need::Chunk).collect();
        needs.dedup();
        if !needs.is_empty() {
            return Err(needs);
        }
        let entries = positions
            .into_iter()
            .filter_map(|p| Some((p, self.chunks.get(p / self.chunk)?.as_ref()?.get(p % self.chunk)?.clone())))
            .collect();
        Ok(ListPage { matching: count, by_month, by_name, total: self.total, number, pages, entries })
    }

    /// The article with `slug`: `Ok(None)` when the list has none, `Err`
    /// when its slug file is not here yet.
    pub fn find(&self, slug: &Slug) -> Result<Option<&ArticleMeta>, Need> {
        // The first in list order, should a slug be listed twice.
        let loaded = self.chunks.iter().flatten().flat_map(|c| c.iter());
        if let Some(a) = loaded.chain(&self.by_slug).find(|a| &a.slug == slug) {
            return Ok(Some(a));
        }
        match &self.parts {
            Some(parts) => {
                let n = bucket(slug.as_str(), parts.buckets);
                if self.buckets_read.contains(&n) { Ok(None) } else { Err(Need::Bucket(n)) }
            }
            None => Ok(None),
        }
    }

    pub fn add_chunk(&mut self, n: usize, articles: Vec<ArticleMeta>) {
        if self.chunks.len() <= n {
            self.chunks.resize(n + 1, None);
        }
        self.chunks[n] = Some(articles.into());
    }

    pub fn add_topic(&mut self, topic: &TopicId, positions: Vec<u32>) {
        self.unfetched.retain(|t| t != topic);
        self.topics.push((topic.clone(), positions.into()));
    }

    /// The offered names' positions, in the order of `names()`.
    pub fn add_names(&mut self, positions: Vec<Vec<u32>>) {
        self.name_positions = Some(positions.into_iter().map(Into::into).collect());
    }

    pub fn add_bucket(&mut self, n: usize, articles: Vec<ArticleMeta>) {
        if !self.buckets_read.contains(&n) {
            self.buckets_read.push(n);
            self.by_slug.extend(articles);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Date, SiteInfo, Topic};

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
            people: vec![],
            places: vec![],
            organizations: vec![],
            minutes: 0,
            body: None,
        }
    }

    fn topic(id: &str, count: u32) -> Topic {
        Topic { id: TopicId::new(id), ru: id.into(), en: id.into(), ru_about: id.into(), en_about: id.into(), count }
    }

    fn index(articles: Vec<ArticleMeta>) -> Index {
        let site = SiteInfo { title: "t".into(), description: String::new(), lang: "ru".into(), publisher: String::new(), url: None };
        let topics = ["industry", "agriculture", "trade"].map(|t| topic(t, 1)).to_vec();
        Index { schema: 1, site, topics, articles, list: None, search: None }
    }

    fn three() -> Index {
        index(vec![
            article("old", "2025-11-02", &["trade"]),
            article("new", "2026-01-19", &["industry", "agriculture"]),
            article("mid", "2025-12-10", &["agriculture"]),
        ])
    }

    fn slugs(page: &ListPage) -> Vec<&str> {
        page.entries.iter().map(|(_, a)| a.slug.as_str()).collect()
    }

    fn pick(topics: &[TopicId], month: Option<Month>) -> Choice {
        Choice { topics: topics.to_vec(), names: vec![], month }
    }

    fn ids(ids: &[&str]) -> Vec<TopicId> {
        ids.iter().map(|t| TopicId::new(*t)).collect()
    }

    #[test]
    fn a_whole_index_lists_every_article_newest_first() {
        let shelf = Shelf::new(&three());
        let page = shelf.page(&pick(&[], None), 1, 20).unwrap();
        assert_eq!(slugs(&page), ["new", "mid", "old"]);
        assert_eq!((page.matching, page.total, page.pages), (3, 3, 1));
    }

    #[test]
    fn same_day_articles_keep_the_index_order() {
        let mut ix = three();
        let day = ["b", "a", "d", "c", "f", "e"].map(|s| article(s, "2025-12-10", &["trade"]));
        ix.articles.splice(1..1, day);
        let page = Shelf::new(&ix).page(&pick(&[], None), 1, 20).unwrap();
        assert_eq!(slugs(&page), ["new", "b", "a", "d", "c", "f", "e", "mid", "old"]);
    }

    #[test]
    fn an_article_matches_any_chosen_topic() {
        let shelf = Shelf::new(&three());
        assert_eq!(slugs(&shelf.page(&pick(&ids(&["agriculture"]), None), 1, 20).unwrap()), ["new", "mid"]);
        let both = shelf.page(&pick(&ids(&["trade", "industry"]), None), 1, 20).unwrap();
        assert_eq!((slugs(&both), both.matching), (vec!["new", "old"], 2));
        let none = shelf.page(&pick(&ids(&["unknown"]), None), 1, 20).unwrap();
        assert_eq!((none.matching, none.pages, none.entries.len()), (0, 1, 0));
    }

    #[test]
    fn pages_split_the_matches_and_a_page_past_the_end_is_the_last() {
        let articles = (1..=9).map(|d| article(&format!("a{d}"), &format!("2026-01-0{d}"), &["trade"])).collect();
        let shelf = Shelf::new(&index(articles));
        let second = shelf.page(&pick(&ids(&["trade"]), None), 2, 4).unwrap();
        assert_eq!((slugs(&second), second.number, second.pages), (vec!["a5", "a4", "a3", "a2"], 2, 3));
        let past = shelf.page(&pick(&[], None), 7, 4).unwrap();
        assert_eq!((slugs(&past), past.number), (vec!["a1"], 3));
    }

    /// The index of a list in parts, as the build writes it: the first
    /// `chunk` of `all`, and the folder where the rest is.
    fn in_parts(all: &[ArticleMeta], chunk: usize) -> Index {
        let parts = ListParts { version: "0123456789abcdef".into(), total: all.len() as u32, chunk: chunk as u32, buckets: 3, months: months_of(all), names: name_table(&top_names(all)) };
        Index { list: Some(parts), ..index(all[..chunk.min(all.len())].to_vec()) }
    }

    fn archive() -> Vec<ArticleMeta> {
        (0..50u32)
            .map(|i| {
                let topics: &[&str] = if i % 10 == 3 { &["industry"] } else { &["trade"] };
                article(&format!("n{i}"), &Date::parse("2026-01-01").unwrap().to_string(), topics)
            })
            .collect()
    }

    #[test]
    fn a_list_in_parts_asks_for_the_files_each_view_needs() {
        let all = archive();
        let mut shelf = Shelf::new(&in_parts(&all, 20));
        // The first page is in the index itself.
        assert_eq!(shelf.page(&pick(&[], None), 1, 20).unwrap().entries.len(), 20);
        assert_eq!(shelf.page(&pick(&[], None), 2, 20), Err(vec![Need::Chunk(1)]));
        // A page across two chunks needs both.
        assert_eq!(shelf.page(&pick(&[], None), 2, 25), Err(vec![Need::Chunk(1), Need::Chunk(2)]));
        let industry = ids(&["industry"]);
        assert_eq!(shelf.page(&pick(&industry, None), 1, 20), Err(vec![Need::Topic(TopicId::new("industry"))]));

        let positions: Vec<u32> = (0..50).filter(|i| i % 10 == 3).collect();
        shelf.add_topic(&industry[0], positions);
        assert_eq!(shelf.page(&pick(&industry, None), 1, 20), Err(vec![Need::Chunk(1), Need::Chunk(2)]));
        shelf.add_chunk(1, all[20..40].to_vec());
        shelf.add_chunk(2, all[40..].to_vec());
        let page = shelf.page(&pick(&industry, None), 1, 20).unwrap();
        assert_eq!((slugs(&page), page.matching, page.total), (vec!["n3", "n13", "n23", "n33", "n43"], 5, 50));
        assert_eq!(shelf.page(&pick(&[], None), 3, 20).unwrap().entries.len(), 10);
        // "Save all" keeps each chunk's articles' search files by their positions.
        let chunks: Vec<_> = (0..shelf.chunk_count()).map(|n| shelf.chunk_positions(n)).collect();
        assert_eq!(chunks, [0..20, 20..40, 40..50]);
        assert_eq!(Shelf::new(&three()).chunk_positions(0), 0..3);
    }

    /// 50 articles, newest first: 10 in March 2026, 25 in February, 15 in
    /// December 2025; every fifth about industry, the rest trade.
    fn by_month() -> Vec<ArticleMeta> {
        (0..50u32)
            .map(|i| {
                let date = match i {
                    0..10 => "2026-03-01",
                    10..35 => "2026-02-01",
                    _ => "2025-12-01",
                };
                article(&format!("m{i}"), date, if i % 5 == 0 { &["industry"] } else { &["trade"] })
            })
            .collect()
    }

    #[test]
    fn a_month_narrows_the_list_and_every_month_counts_under_the_topics() {
        let all = by_month();
        let month = |s| Some(Month::parse(s).unwrap());
        let whole = Shelf::new(&index(all.clone()));
        let mut parted = Shelf::new(&in_parts(&all, 20));
        let industry = ids(&["industry"]);
        let positions: Vec<u32> = (0..50).filter(|i| i % 5 == 0).collect();
        parted.add_topic(&industry[0], positions);
        parted.add_chunk(1, all[20..40].to_vec());
        parted.add_chunk(2, all[40..].to_vec());
        for shelf in [&whole, &parted] {
            let listed: Vec<String> = shelf.months().iter().map(|(m, run)| format!("{m} {run:?}")).collect();
            assert_eq!(listed, ["2026-03 0..10", "2026-02 10..35", "2025-12 35..50"]);
            let feb = shelf.page(&pick(&[], month("2026-02")), 2, 20).unwrap();
            assert_eq!((feb.matching, feb.pages, feb.entries.len()), (25, 2, 5));
            assert_eq!(feb.entries[0].1.slug.as_str(), "m30");
            // Every month's count stays the whole list's, whichever month is shown.
            assert_eq!(feb.by_month, [10, 25, 15]);
            let page = shelf.page(&pick(&industry, month("2025-12")), 1, 20).unwrap();
            assert_eq!((slugs(&page), &page.by_month[..]), (vec!["m35", "m40", "m45"], &[2, 5, 3][..]));
            // A month the list does not have shows nothing, not everything.
            let none = shelf.page(&pick(&industry, month("2024-01")), 1, 20).unwrap();
            assert_eq!((none.matching, none.entries.len()), (0, 0));
        }
    }

    #[test]
    fn names_narrow_any_within_a_kind_and_every_kind_and_count_under_the_rest() {
        let all: Vec<ArticleMeta> = (0..30u32)
            .map(|i| {
                let mut a = article(&format!("p{i}"), "2026-01-01", &["trade"]);
                a.people = [(i % 3 == 0, "Иванов"), (i % 5 == 0, "Петров")].iter().filter(|(on, _)| *on).map(|(_, n)| n.to_string()).collect();
                a.places = if i < 10 { vec!["Киров".into()] } else { vec![] };
                a
            })
            .collect();
        let whole = Shelf::new(&index(all.clone()));
        let mut parted = Shelf::new(&in_parts(&all, 20));
        let person = |n: &str| Name::new(NameKind::Person, n);
        let ivanov = Choice { names: vec![person("Иванов")], ..Choice::default() };
        assert_eq!(parted.page(&ivanov, 1, 20), Err(vec![Need::Names]));
        assert!(parted.every_part().contains(&Need::Names), "saving for offline keeps the names");
        parted.add_names(top_names(&all).into_iter().map(|(_, p)| p).collect());
        parted.add_chunk(1, all[20..].to_vec());
        for shelf in [&whole, &parted] {
            let offered: Vec<String> = shelf.names().iter().map(|(n, c)| format!("{} {c}", n.text)).collect();
            assert_eq!(offered, ["Иванов 10", "Петров 6", "Киров 10"], "most named first, per kind");
            let positions = |c: &Choice| shelf.narrow(None, c).unwrap().positions.unwrap();
            assert_eq!(positions(&ivanov), (0..30).filter(|i| i % 3 == 0).collect::<Vec<_>>());
            let either = Choice { names: vec![person("Иванов"), person("Петров")], ..Choice::default() };
            assert_eq!(positions(&either), (0..30).filter(|i| i % 3 == 0 || i % 5 == 0).collect::<Vec<_>>());
            let both = Choice { names: vec![person("Иванов"), Name::new(NameKind::Place, "Киров")], ..Choice::default() };
            assert_eq!(positions(&both), [0, 3, 6, 9]);
            // A person's count sets the other people aside; a place's counts the chosen people.
            assert_eq!(shelf.narrow(None, &ivanov).unwrap().by_name, Some(vec![10, 6, 4]));
            assert_eq!(shelf.page(&ivanov, 1, 20).unwrap().by_name, Some(vec![10, 6, 4]));
            // Within a search's results, in their order.
            let found = [27, 5, 3, 10];
            let narrowed = shelf.narrow(Some(&found), &ivanov).unwrap();
            assert_eq!((narrowed.positions, narrowed.by_name), (Some(vec![27, 3]), Some(vec![2, 2, 1])));
        }
    }

    /// `topic_counts` beside the index's topics (all three have articles here).
    fn topic_counts(shelf: &Shelf, base: Option<&[u32]>, choice: &Choice) -> Option<Vec<String>> {
        let topics = ["industry", "agriculture", "trade"];
        Some(topics.iter().zip(shelf.topic_counts(base, choice)?).map(|(t, n)| format!("{t} {n}")).collect())
    }

    #[test]
    fn each_topic_counts_what_it_would_show_under_a_search_a_month_and_names() {
        let mut all = by_month();
        for (i, a) in all.iter_mut().enumerate() {
            a.places = if i % 2 == 0 { vec!["Киров".into()] } else { vec![] };
        }
        let month = Some(Month::parse("2026-02").unwrap());
        let kirov = vec![Name::new(NameKind::Place, "Киров")];
        let whole = Shelf::new(&index(all.clone()));
        let mut parted = Shelf::new(&in_parts(&all, 20));
        let industry = ids(&["industry"]);
        parted.add_topic(&industry[0], (0..50).filter(|i| i % 5 == 0).collect());
        parted.add_chunk(1, all[20..40].to_vec());
        parted.add_chunk(2, all[40..].to_vec());
        // With no other choice the index's counts hold; the list never
        // waits for the counts: until every topic's file is here, there are none.
        assert_eq!(whole.topic_counts(None, &pick(&industry, None)), None);
        assert_eq!(parted.topic_counts(None, &pick(&[], month)), None);
        assert!(parted.page(&pick(&[], month), 1, 20).is_ok(), "a month needs no topic's file");
        assert_eq!(parted.unfetched_topics(), [Need::Topic(TopicId::new("agriculture")), Need::Topic(TopicId::new("trade"))]);
        parted.add_topic(&TopicId::new("trade"), (0..50).filter(|i| i % 5 != 0).collect());
        parted.add_topic(&TopicId::new("agriculture"), vec![]);
        assert!(parted.unfetched_topics().is_empty());
        // A name's counts wait for the names' positions too.
        assert_eq!(parted.topic_counts(None, &Choice { names: kirov.clone(), ..Choice::default() }), None);
        parted.add_names(top_names(&all).into_iter().map(|(_, p)| p).collect());

        let found: Vec<u32> = vec![40, 12, 15, 3, 20, 33, 0];
        for shelf in [&whole, &parted] {
            // February has 25 articles: 5 about industry, 20 about trade.
            let feb = topic_counts(shelf, None, &pick(&[], month));
            assert_eq!(feb.as_deref(), Some(&["industry 5", "agriculture 0", "trade 20"].map(String::from)[..]));
            // A chosen topic does not change the counts: another one adds to it.
            assert_eq!(topic_counts(shelf, None, &pick(&industry, month)), feb);
            // Every count is what choosing that topic alone shows, under
            // any mix of the other choices.
            for base in [None, Some(&found[..])] {
                for month in [None, month] {
                    for names in [vec![], kirov.clone()] {
                        let others = Choice { topics: vec![], names: names.clone(), month };
                        let Some(counts) = shelf.topic_counts(base, &others) else {
                            assert!(base.is_none() && month.is_none() && names.is_empty());
                            continue;
                        };
                        assert_eq!(counts.len(), 3);
                        for (topic, n) in ids(&["industry", "agriculture", "trade"]).into_iter().zip(counts) {
                            let alone = Choice { topics: vec![topic.clone()], ..others.clone() };
                            let shown = shelf.narrow(base, &alone).unwrap().positions.map_or(shelf.total(), |p| p.len());
                            assert_eq!(n, shown, "{topic:?} under {others:?}, search {base:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn an_older_article_is_found_through_its_slug_file() {
        let all = archive();
        let mut shelf = Shelf::new(&in_parts(&all, 20));
        let first = Slug::parse("n0").unwrap();
        assert_eq!(shelf.find(&first).unwrap().map(|a| a.slug.as_str()), Some("n0"));
        let old = Slug::parse("n45").unwrap();
        let n = bucket("n45", 3);
        assert_eq!(shelf.find(&old), Err(Need::Bucket(n)));
        let filed: Vec<ArticleMeta> = all.iter().filter(|a| bucket(a.slug.as_str(), 3) == n).cloned().collect();
        shelf.add_bucket(n, filed);
        assert_eq!(shelf.find(&old).unwrap().map(|a| a.slug.as_str()), Some("n45"));
        // A slug its bucket does not hold is no article, with nothing more to fetch.
        let gone = (0..).map(|i| format!("gone{i}")).find(|s| bucket(s, 3) == n).unwrap();
        assert_eq!(shelf.find(&Slug::parse(&gone).unwrap()), Ok(None));
    }

    #[test]
    fn gaps_round_trip_and_refuse_what_cannot_be_positions() {
        let positions = [0, 3, 4, 90, 4_000_000];
        assert_eq!(to_gaps(&positions), [0, 3, 1, 86, 3_999_910]);
        assert_eq!(from_gaps(&to_gaps(&positions)).unwrap(), positions);
        assert_eq!(from_gaps(&[]), Some(vec![]));
        // Positions only grow, and never past u32.
        assert_eq!(from_gaps(&[5, 0]), None);
        assert_eq!(from_gaps(&[u32::MAX, 1]), None);
    }

    #[test]
    fn slugs_spread_over_every_bucket() {
        let mut seen = [0; 8];
        for i in 0..800 {
            seen[bucket(&format!("article-{i}"), 8)] += 1;
        }
        assert!(seen.iter().all(|&n| (60..=140).contains(&n)), "{seen:?}");
        assert_eq!(bucket("anything", 0), 0);
    }
}
