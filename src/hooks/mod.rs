//! One hook per file; each returns what it keeps, and the caller provides it.

mod use_archive;
mod use_history;
mod use_list_return;
mod use_load;
mod use_low_vision;
mod use_online;
mod use_page_title;
mod use_saved;
mod use_search;
mod use_service_worker;

pub use use_archive::use_archive;
pub use use_history::{use_history, ViewKeeper};
pub use use_list_return::use_list_return;
pub use use_load::use_load;
pub use use_low_vision::use_low_vision;
pub use use_online::use_online;
pub use use_page_title::use_page_title;
pub use use_saved::{keep_saved, use_saved, SavedBodies, SavedBody};
pub use use_search::{use_search, Searcher};
pub use use_service_worker::{use_service_worker, ServiceWorker};
