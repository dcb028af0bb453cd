//! The element's module: `embed.js` creates an `ArticleViewer` for each
//! `<article-viewer>`; nothing starts when it loads.

// Linked for its export, `ArticleViewer`.
use article_viewer as _;

fn main() {}
