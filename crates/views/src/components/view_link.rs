use crate::{LinkBase, Nav, TopicPages};
use catalog::ViewState;
use leptos::{ev::MouseEvent, prelude::*};

/// A real link to a view: it works without JavaScript, opens in a new tab
/// with a modifier key, and otherwise moves in place.
#[component]
pub fn ViewLink(
    to: ViewState,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let nav: Nav = expect_context();
    let href = match (use_context::<TopicPages>().and_then(|_| to.topic_page_name()), use_context::<LinkBase>()) {
        (Some(name), _) => name,
        (None, Some(LinkBase(base))) => format!("{base}{}", to.href()),
        (None, None) => to.href(),
    };
    let on_click = move |ev: MouseEvent| {
        let plain = ev.button() == 0
            && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain && !ev.default_prevented() {
            ev.prevent_default();
            nav.go(to.clone());
        }
    };
    view! {
        <a href=href class=class on:click=on_click>
            {children()}
        </a>
    }
}
