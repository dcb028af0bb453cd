//! Parts of the page only the live app has: they depend on the network and
//! the service worker, or on the host page, so no prerendered page shows them.

mod app_notices;
#[cfg(feature = "element")]
mod embedded_page;
mod index_loader;
mod read_aloud;
mod save_offline;
mod share_article;
mod site_page;

pub use app_notices::AppNotices;
#[cfg(feature = "element")]
pub use embedded_page::EmbeddedPage;
pub use index_loader::IndexLoader;
pub use read_aloud::ReadAloud;
pub use save_offline::SaveOffline;
pub use share_article::ShareArticle;
pub use site_page::SitePage;
