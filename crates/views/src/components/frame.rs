use super::{SiteFooter, SiteHeader};
use crate::use_words;
use leptos::prelude::*;

/// The page around every view: header, the view in `main`, footer.
#[component]
pub fn Frame(
    children: Children,
    /// More for the footer (the live app's offline tools).
    #[prop(optional)]
    footer: Option<Children>,
) -> impl IntoView {
    view! {
        // The first stop of the keyboard: past the header to the news.
        <a class="skip-link" href="#main">{use_words().skip_to_content}</a>
        <SiteHeader />
        <main id="main" class="main">{children()}</main>
        <SiteFooter extra=footer />
    }
}
