use leptos::{ev, prelude::*};

/// Whether the browser has a network connection, kept up to date.
pub fn use_online() -> Signal<bool> {
    let online = RwSignal::new(window().navigator().on_line());
    let up = window_event_listener(ev::online, move |_| online.set(true));
    let down = window_event_listener(ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    online.into()
}
