use crate::{use_words, LowVisionSettings};
use catalog::{LowVision, Setting};
use leptos::{ev, prelude::*};

/// «Версия для слабовидящих»: opens and closes the settings below it. A
/// page rendered ahead of time holds its place, unseen, until the live
/// viewer (which has the settings, [`LowVisionSettings`]) takes over: the
/// header never moves, and a page without scripts shows no dead button.
#[component]
pub fn LowVisionToggle() -> impl IntoView {
    let words = use_words();
    let settings = use_context::<LowVisionSettings>();
    let toggle = settings.map(|s| s.toggle).unwrap_or_default();
    let expanded = move || settings.is_some_and(|s| s.open.get()).to_string();
    let on = move || settings.is_some_and(|s| !s.chosen.with(LowVision::is_usual)).then_some("");
    view! {
        <button
            type="button"
            class="lv-toggle"
            node_ref=toggle
            aria-expanded=expanded
            aria-controls="low-vision"
            data-on=on
            data-pending=settings.is_none().then_some("")
            data-testid="low-vision-toggle"
            on:click=move |_| {
                if let Some(s) = settings {
                    s.open.update(|o| *o = !*o);
                }
            }
        >
            // An eye, the sign such versions go by.
            <svg class="lv-toggle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 5C6.5 5 2.6 9.3 1.4 12c1.2 2.7 5.1 7 10.6 7s9.4-4.3 10.6-7C21.4 9.3 17.5 5 12 5zm0 11.2a4.2 4.2 0 1 1 0-8.4 4.2 4.2 0 0 1 0 8.4zm0-2.2a2 2 0 1 0 0-4 2 2 0 0 0 0 4z" />
            </svg>
            <span>{words.low_vision}</span>
        </button>
    }
}

/// The low-vision settings: each a group of choices that applies at once
/// to the whole viewer, and a way back to the usual version.
#[component]
pub fn LowVisionBar() -> impl IntoView {
    let words = use_words();
    use_context::<LowVisionSettings>().map(|LowVisionSettings { chosen, open, toggle }| {
        // Closing gives focus back to the button that opened the bar.
        let close = move || {
            open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        };
        let on_key = move |ev: ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                close();
            }
        };
        let groups = Setting::ALL
            .into_iter()
            .zip(&words.low_vision_choices)
            .map(|(setting, (legend, labels))| view! { <ChoiceGroup setting legend labels /> })
            .collect_view();
        view! {
            <section
                id="low-vision"
                class="lv"
                aria-label=words.low_vision_settings
                hidden=move || !open.get()
                data-testid="low-vision"
                on:keydown=on_key
            >
                <div class="lv__inner">
                    {groups}
                    <div class="lv__actions">
                        <button
                            type="button"
                            class="button button--small"
                            data-testid="low-vision-reset"
                            on:click=move |_| {
                                chosen.set(LowVision::default());
                                close();
                            }
                        >
                            {words.low_vision_reset}
                        </button>
                        <button type="button" class="button button--small button--quiet" on:click=move |_| close()>
                            {words.close}
                        </button>
                    </div>
                </div>
            </section>
        }
    })
}

/// One setting's choices, as radio buttons: arrows move between them, and
/// a screen reader says the group's name and which is chosen.
#[component]
fn ChoiceGroup(setting: Setting, legend: &'static str, labels: &'static [&'static str]) -> impl IntoView {
    let LowVisionSettings { chosen, .. } = expect_context();
    let choices = setting
        .choices()
        .iter()
        .zip(labels)
        .map(|(&choice, &label)| {
            view! {
                <label class="lv__choice" data-lv-choice=choice>
                    <input
                        type="radio"
                        class="lv__radio"
                        name=format!("lv-{}", setting.key())
                        value=choice
                        prop:checked=move || chosen.with(|c| c.get(setting) == choice)
                        on:change=move |_| chosen.update(|c| *c = c.with(setting, choice))
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="lv__group" data-lv-setting=setting.key()>
            <legend class="lv__legend">{legend}</legend>
            <div class="lv__choices">{choices}</div>
        </fieldset>
    }
}

