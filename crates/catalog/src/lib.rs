//! The article model and the data bundle's schema.
//!
//! Pure data and functions, no browser types: the content tools compile it
//! natively and the viewer to wasm, so the two cannot disagree about the data.

mod bundle;
mod date;
mod embed;
mod filter;
mod href;
mod ids;
mod lang;
mod low_vision;
mod names;
mod route;
mod shelf;
#[cfg(feature = "tagging")]
mod tag;

pub use bundle::{
    ArticleBody, ArticleMeta, Block, Image, Resized, Index, Inline, Passage, SearchDoc, SearchParts, SiteInfo, Source, Topic,
    SCHEMA_VERSION,
};
pub use date::{Date, Month};
pub use embed::{EmbedOptions, Theme, EMBED_LIMIT};
pub use filter::passages_with_topic;
pub use href::is_safe_href;
pub use ids::{Slug, TopicId};
pub use lang::{plural_ru, Plural};
pub use low_vision::{LowVision, Setting};
pub use names::{top_names, Name, NameKind, NAMES_PER_KIND};
pub use route::{topic_page, Page, ViewState, QUERY_MAX};
pub use shelf::{bucket, from_gaps, months_of, name_table, to_gaps, Choice, ListPage, ListParts, Narrowed, Need, Shelf};
#[cfg(feature = "tagging")]
pub use tag::Tagger;
