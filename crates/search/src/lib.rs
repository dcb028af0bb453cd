//! Full-text search of the articles, in Russian and English, with no
//! server: `articles build` writes the index as files (`index::Writer`),
//! and the viewer fetches only the shards a query needs and ranks what
//! they hold (`query::run`). Pure code, no browser types, so the content
//! tools and the viewer share it and cannot disagree.

pub mod index;
pub mod query;
pub mod text;

pub use index::{Postings, SearchParts, Shard, Writer};
pub use query::{excerpt, marks, run, Hits, Query, QueryWord};
pub use text::{fold, words, Stems, Word};
