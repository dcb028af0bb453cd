//! The viewer's components, one per thing a reader sees.
//!
//! They take their data from context and props and never call a browser API
//! while rendering, so the same code runs live in the browser (the app) and
//! natively to prerender every page (the content tools): what a crawler
//! reads is what a reader sees.

mod components;
mod context;
mod paint;
mod text;

pub use components::{
    ArticleView, BodyState, Frame, ListView, LoadError, LowVisionBar, LowVisionToggle, NotFound, SiteFooter, SiteHeader, UnreadableNotice, ViewLink, PAGE_SIZE,
};
pub use context::{Archive, CurrentView, Found, FoundInText, FoundPage, Finder, Marks, LinkBase, ListReturn, TopicPages, LowVisionSettings, Nav, SiteIndex};
pub use paint::after_paint;
pub use text::{provide_words, use_words, Lang, Noun, Words, EN, RU};
