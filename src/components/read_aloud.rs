use leptos::prelude::*;
use views::use_words;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/components/read_aloud.js")]
extern "C" {
    #[wasm_bindgen(js_name = canSpeak)]
    fn can_speak() -> bool;
    fn speak(texts: js_sys::Array, lang: &str, done: &JsValue, event: &JsValue);
    fn pause();
    fn resume();
    fn stop();
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Speech {
    Idle,
    Speaking,
    Paused,
}

/// The article read aloud by the browser's speech synthesis, in a voice of
/// its language where the system has one: listen, pause, resume, stop. Not
/// drawn where the browser cannot speak. Leaving the article stops it.
#[component]
pub fn ReadAloud(
    /// The article's language (`ru`, `en`).
    lang: String,
    /// What to say, in order (the headline, then each passage), once the text is here.
    #[prop(into)]
    texts: Signal<Option<Vec<String>>>,
) -> impl IntoView {
    let words = use_words();
    let state = RwSignal::new(Speech::Idle);
    on_cleanup(move || {
        if state.try_get_untracked().is_some_and(|s| s != Speech::Idle) {
            stop();
        }
    });
    let listen = move |ev: leptos::ev::MouseEvent| {
        let Some(texts) = texts.get_untracked() else { return };
        let texts: js_sys::Array = texts.iter().map(|t| JsValue::from_str(t)).collect();
        state.set(Speech::Speaking);
        // Called once, when all is said or the speech stopped.
        let done = Closure::once_into_js(move || {
            state.try_set(Speech::Idle);
        });
        // The button's event: each text is marked in its article as it is said.
        speak(texts, &lang, &done, &ev);
    };
    let button = move |label: &'static str, on_click: Box<dyn Fn() + Send + Sync>| {
        view! { <button type="button" class="button button--small" on:click=move |_| on_click()>{label}</button> }
    };
    let controls = move || match state.get() {
        Speech::Idle => view! { <button type="button" class="button button--small" on:click=listen.clone()>{words.listen}</button> }.into_any(),
        running => view! {
            {match running {
                Speech::Paused => button(words.resume, Box::new(move || {
                    resume();
                    state.set(Speech::Speaking);
                })),
                _ => button(words.pause, Box::new(move || {
                    pause();
                    state.set(Speech::Paused);
                })),
            }}
            {button(words.stop, Box::new(move || {
                stop();
                state.set(Speech::Idle);
            }))}
        }
        .into_any(),
    };
    view! {
        <Show when=move || can_speak() && texts.with(Option::is_some)>
            <div class="read-aloud" role="group" aria-label=words.read_aloud data-app-only="" data-testid="read-aloud">
                {controls.clone()}
            </div>
        </Show>
    }
}
