use crate::use_words;
use leptos::prelude::*;

/// What failed to load, in words, with a way to try again.
#[component]
pub fn LoadError(
    #[prop(into)] message: String,
    #[prop(default = None)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <p class="load-error__message">{message}</p>
            {on_retry.map(|retry| view! {
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {use_words().retry}
                </button>
            })}
        </div>
    }
}
