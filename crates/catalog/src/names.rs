//! The people, places and organisations articles name: facets of the list
//! beside topics and months.

use crate::ArticleMeta;
use std::cmp::Reverse;
use std::collections::HashMap;

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    Person,
    Place,
    Organization,
}

impl NameKind {
    pub const ALL: [NameKind; 3] = [NameKind::Person, NameKind::Place, NameKind::Organization];

    /// Its URL parameter and its word in the bundle: `person`, `place`, `org`.
    pub fn key(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Place => "place",
            NameKind::Organization => "org",
        }
    }

    pub fn from_key(key: &str) -> Option<NameKind> {
        NameKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A person, place or organisation, as articles spell it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name {
    pub kind: NameKind,
    pub text: String,
}

impl Name {
    pub fn new(kind: NameKind, text: impl Into<String>) -> Self {
        Self { kind, text: text.into() }
    }
}

/// Names of each kind offered as facets: the most named, so the list of
/// choices stays short at any archive size.
pub const NAMES_PER_KIND: usize = 12;

/// The names offered as facets of `articles` (in list order): for each kind,
/// the `NAMES_PER_KIND` named by the most articles (ties by name), each
/// with the positions of its articles, ascending.
pub fn top_names(articles: &[ArticleMeta]) -> Vec<(Name, Vec<u32>)> {
    let mut by_name: HashMap<Name, Vec<u32>> = HashMap::new();
    for (p, a) in articles.iter().enumerate() {
        for name in a.names() {
            let positions = by_name.entry(name).or_default();
            // A name an article gives twice counts once.
            if positions.last() != Some(&(p as u32)) {
                positions.push(p as u32);
            }
        }
    }
    let mut all: Vec<(Name, Vec<u32>)> = by_name.into_iter().collect();
    all.sort_unstable_by(|(a, pa), (b, pb)| (a.kind, Reverse(pa.len()), &a.text).cmp(&(b.kind, Reverse(pb.len()), &b.text)));
    let mut kept = Vec::new();
    for kind in NameKind::ALL {
        kept.extend(all.iter().filter(|(n, _)| n.kind == kind).take(NAMES_PER_KIND).cloned());
    }
    kept
}

impl ArticleMeta {
    /// The people, places and organisations the article names.
    pub fn names(&self) -> impl Iterator<Item = Name> + '_ {
        self.people
            .iter()
            .map(|n| Name::new(NameKind::Person, n.clone()))
            .chain(self.places.iter().map(|n| Name::new(NameKind::Place, n.clone())))
            .chain(self.organizations.iter().map(|n| Name::new(NameKind::Organization, n.clone())))
    }
}
