use super::{SiteFooter, SiteHeader};
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
        <SiteHeader />
        <main id="main" class="main">{children()}</main>
        <SiteFooter extra=footer />
    }
}
