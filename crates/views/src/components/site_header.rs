use super::{LowVisionBar, LowVisionToggle, ViewLink};
use crate::SiteIndex;
use catalog::ViewState;
use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let SiteIndex(index) = expect_context();
    let title = index.with_value(|i| i.site.title.clone());
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <ViewLink to=ViewState::list(Vec::new()) class="site-header__title">
                    {title}
                </ViewLink>
                <LowVisionToggle />
            </div>
            <LowVisionBar />
        </header>
    }
}
