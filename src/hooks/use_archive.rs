use crate::data::{self, DataUrl, FetchError};
use catalog::{Index, Need, Shelf};
use leptos::{prelude::*, task::spawn_local};
use views::{Archive, Words};

/// The list's articles over `index`: the parts a view asks for are fetched
/// from `data`, each once at a time and all at once, and put on the shelf.
/// A part that fails says why (in `words`) in the archive's `failure`.
pub fn use_archive(index: &Index, data: DataUrl, words: &'static Words) -> Archive {
    let shelf = RwSignal::new(Shelf::new(index));
    let failure = RwSignal::new(None);
    let pending = StoredValue::new(Vec::<Need>::new());
    let fetch = Callback::new(move |needs: Vec<Need>| {
        let Some(parts) = shelf.with_untracked(|s| s.parts().cloned()) else { return };
        for need in needs {
            let fresh = pending.try_update_value(|p| !p.contains(&need) && { p.push(need.clone()); true });
            if fresh != Some(true) {
                continue;
            }
            let (data, parts) = (data.clone(), parts.clone());
            spawn_local(async move {
                let got = data::load_part(data, parts, need.clone()).await;
                pending.try_update_value(|p| p.retain(|n| n != &need));
                match got {
                    Ok(part) => {
                        shelf.try_update(|s| part.shelve(s));
                    }
                    Err(FetchError::Status(404)) => {
                        failure.try_set(Some(words.list_moved.to_owned()));
                    }
                    Err(err) => {
                        failure.try_set(Some(err.describe(words)));
                    }
                }
            });
        }
    });
    Archive { shelf, fetch, failure }
}
