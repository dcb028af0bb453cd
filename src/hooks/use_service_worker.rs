//! The service worker, seen from the app: registration, updates, and
//! whether pages are served offline. The glue to the browser's APIs is in
//! `pwa.js`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/pwa.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerWorker)]
    fn register_worker(on_update: &Closure<dyn Fn()>, on_controlled: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_name = workerActive)]
    pub fn worker_active() -> bool;
    #[wasm_bindgen(js_name = applyUpdate)]
    pub fn apply_update();
    #[wasm_bindgen(js_name = unregisterWorkers)]
    fn unregister_workers();
}

/// Registers `sw.js`; `on_update` runs when a new build waits to take over,
/// `on_controlled` when a worker starts serving this page.
pub fn register(on_update: impl Fn() + 'static, on_controlled: impl Fn() + 'static) {
    // A development build (`make serve`) previews edits: a worker would
    // keep serving the build before them.
    if cfg!(debug_assertions) {
        unregister_workers();
        return;
    }
    let on_update = Closure::<dyn Fn()>::new(on_update);
    let on_controlled = Closure::<dyn Fn()>::new(on_controlled);
    register_worker(&on_update, &on_controlled);
    // The page keeps listening for as long as it lives.
    on_update.forget();
    on_controlled.forget();
}
