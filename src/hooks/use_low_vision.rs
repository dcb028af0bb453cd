use catalog::LowVision;
use leptos::prelude::*;
use views::LowVisionSettings;

/// Where the settings are kept: one line in the site's storage, which
/// `style/low-vision.js` reads before a page is drawn.
const KEY: &str = "article-viewer-low-vision";

/// The reader's low-vision settings as kept on this site, kept again on
/// each change and shown on `target` (the page's root element, or the
/// element's root in the embed) as its `data-lv-*` attributes, which the
/// stylesheet answers. Where storage is refused (a sandboxed frame), the
/// settings last as long as the page.
pub fn use_low_vision(target: impl Fn() -> Option<web_sys::Element> + 'static) -> LowVisionSettings {
    let storage = window().local_storage().ok().flatten();
    let kept = storage.as_ref().and_then(|s| s.get_item(KEY).ok().flatten()).unwrap_or_default();
    let settings = LowVisionSettings::new(LowVision::parse(&kept));
    let chosen = settings.chosen;
    Effect::new(move |before: Option<LowVision>| {
        let now = chosen.get();
        if let Some(el) = target() {
            // What the page's script put there from a line this viewer does
            // not know (another version's) goes first.
            if before.is_none() {
                let names = el.get_attribute_names();
                for name in names.iter().filter_map(|n| n.as_string()).filter(|n| n.starts_with("data-lv-")) {
                    let _ = el.remove_attribute(&name);
                }
            }
            for (name, value) in now.attributes() {
                let _ = match value {
                    Some(value) => el.set_attribute(&name, value),
                    None => el.remove_attribute(&name),
                };
            }
        }
        if before.is_some_and(|b| b != now) {
            if let Some(storage) = &storage {
                let _ = if now.is_usual() { storage.remove_item(KEY) } else { storage.set_item(KEY, &now.to_string()) };
            }
        }
        now
    });
    settings
}
