use crate::data::{self, DataUrl, FetchError};
use catalog::{Index, Need, Shelf};
use leptos::{prelude::*, task::spawn_local};
use std::sync::Arc;
use views::{Archive, Words};

/// The list's articles over `index`: the parts a view asks for are fetched
/// from `data`, each once at a time and all at once, and put on the shelf.
/// A part a view needs that fails says why (in `words`) in the archive's
/// `failure`; a part only fetched ahead fails quietly.
pub fn use_archive(index: &Index, data: DataUrl, words: &'static Words) -> Archive {
    let shelf = RwSignal::new(Shelf::new(index));
    let failure = RwSignal::new(None);
    // The parts on their way, each with whether its failure goes unsaid.
    let pending = StoredValue::new(Vec::<(Need, bool)>::new());
    let load = Arc::new(move |needs: Vec<Need>, quiet: bool| {
        let Some(parts) = shelf.with_untracked(|s| s.parts().cloned()) else { return };
        for need in needs {
            // Asked for again: by a view that needs it, its failure is said.
            let fresh = pending.try_update_value(|p| match p.iter_mut().find(|(n, _)| *n == need) {
                Some((_, q)) => {
                    *q &= quiet;
                    false
                }
                None => {
                    p.push((need.clone(), quiet));
                    true
                }
            });
            if fresh != Some(true) {
                continue;
            }
            let (data, parts) = (data.clone(), parts.clone());
            spawn_local(async move {
                let got = data::load_part(data, parts, need.clone()).await;
                let quiet = pending.try_update_value(|p| {
                    let quiet = p.iter().any(|(n, q)| *n == need && *q);
                    p.retain(|(n, _)| *n != need);
                    quiet
                });
                match got {
                    Ok(part) => {
                        shelf.try_update(|s| part.shelve(s));
                    }
                    Err(_) if quiet == Some(true) => {}
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
    let ahead = load.clone();
    Archive {
        shelf,
        fetch: Callback::new(move |needs| load(needs, false)),
        prefetch: Callback::new(move |needs| ahead(needs, true)),
        failure,
    }
}
