//! The editors' tool: reads `content/`, reports every problem at once, and
//! builds the data bundle and the prerendered pages.

pub mod build;
pub mod content;
pub mod diagnostic;
pub mod feeds;
mod fields;
pub mod front_matter;
pub mod html;
pub mod import;
pub mod markdown;
pub mod moment;
pub mod pictures;
pub mod render;
pub mod slug;
pub mod synth;
