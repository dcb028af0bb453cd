use leptos::prelude::{document, request_animation_frame};

/// Runs `f` once the next frame is painted; at once in a page not shown,
/// which paints no frames. For work a reader need not wait for: the
/// address bar, the counts of a closed choice. Boxed: one copy in the wasm
/// for every caller.
pub fn after_paint(f: Box<dyn FnOnce()>) {
    if document().hidden() {
        return f();
    }
    // The frame after next starts once the next one is painted.
    request_animation_frame(move || request_animation_frame(f));
}
