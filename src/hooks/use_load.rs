use leptos::{prelude::*, task::spawn_local};
use std::future::Future;

/// Runs `load` at once and again on each call of the returned retry; the
/// value is `None` while a load is under way. A plain signal and a spawned
/// future: the app needs no more of async resources than this.
pub fn use_load<T, Fut>(load: impl Fn() -> Fut + 'static) -> (ReadSignal<Option<T>>, impl Fn() + Copy + 'static)
where
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    let value = RwSignal::new(None);
    // Each load has a number; an answer to an older one is dropped.
    let latest = StoredValue::new(0u32);
    let load = StoredValue::new_local(load);
    let run = move || {
        let ticket = latest.try_update_value(|n| {
            *n += 1;
            *n
        });
        let Some(ticket) = ticket else { return };
        value.set(None);
        let Some(future) = load.try_with_value(|load| load()) else { return };
        spawn_local(async move {
            let result = future.await;
            if latest.try_get_value() == Some(ticket) {
                value.try_set(Some(result));
            }
        });
    };
    run();
    (value.read_only(), run)
}
