//! The service worker, seen from the app: registration, updates, and
//! whether pages are served offline. The glue to the browser's APIs is in
//! `use_service_worker.js`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/hooks/use_service_worker.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerWorker)]
    fn register_worker(on_update: &Closure<dyn Fn()>, on_controlled: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_name = workerActive)]
    fn worker_active() -> bool;
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update();
    #[wasm_bindgen(js_name = unregisterWorkers)]
    fn unregister_workers();
}

/// What the app knows of its service worker.
#[derive(Clone, Copy)]
pub struct ServiceWorker {
    /// A new build of the app waits to take over.
    pub update_ready: Signal<bool>,
    /// A worker serves this page, so articles can be saved for offline.
    pub controlled: Signal<bool>,
    /// Lets the waiting build take over; every open tab reloads onto it.
    pub apply_update: Callback<()>,
}

/// Registers `sw.js` and follows it.
pub fn use_service_worker() -> ServiceWorker {
    let update_ready = RwSignal::new(false);
    // On a first visit a worker takes over a moment after the page starts.
    let controlled = RwSignal::new(worker_active());
    // A development build (`make serve`) previews edits: a worker would
    // keep serving the build before them.
    if cfg!(debug_assertions) {
        unregister_workers();
    } else {
        let on_update = Closure::<dyn Fn()>::new(move || update_ready.set(true));
        let on_controlled = Closure::<dyn Fn()>::new(move || controlled.set(true));
        register_worker(&on_update, &on_controlled);
        // The page keeps listening for as long as it lives.
        on_update.forget();
        on_controlled.forget();
    }
    ServiceWorker {
        update_ready: update_ready.into(),
        controlled: controlled.into(),
        apply_update: Callback::new(|_| apply_update()),
    }
}
