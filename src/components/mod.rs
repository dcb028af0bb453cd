//! Parts of the page only the live app has: they depend on the network and
//! the service worker, so no prerendered page shows them.

mod app_notices;
mod app_text;
mod save_offline;

pub use app_notices::AppNotices;
use app_text::AppText;
pub use save_offline::SaveOffline;
