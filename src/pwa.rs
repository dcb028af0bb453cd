//! The service worker, seen from the app: registration, updates, and
//! whether pages are served offline. The glue to the browser's APIs is in
//! `pwa.js`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/pwa.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerWorker)]
    fn register_worker(on_update: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_name = workerActive)]
    pub fn worker_active() -> bool;
    #[wasm_bindgen(js_name = applyUpdate)]
    pub fn apply_update();
}

/// Registers `sw.js`; `on_update` runs when a new build waits to take over.
pub fn register(on_update: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(on_update);
    register_worker(&callback);
    // The page keeps listening for as long as it lives.
    callback.forget();
}
