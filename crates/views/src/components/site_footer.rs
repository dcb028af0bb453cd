use crate::{use_words, SiteIndex};
use leptos::prelude::*;

#[component]
pub fn SiteFooter(#[prop(optional_no_strip)] extra: Option<Children>) -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let description = index.with_value(|i| i.site.description.clone());
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{description}</p>
                <p>{use_words().footer}</p>
                {extra.map(|extra| extra())}
            </div>
        </footer>
    }
}
