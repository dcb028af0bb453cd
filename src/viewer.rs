//! The one viewer that both roots mount: the site's own pages (`App`) and
//! `<article-viewer>` (`embed`). They differ only in where the view is kept,
//! where the data is, and what is shown around the current page.

use crate::components::IndexLoader;
use crate::data::DataUrl;
use crate::hooks::{use_history, use_list_return, ViewKeeper};
use catalog::ViewState;
use leptos::prelude::*;
use views::CurrentView;

/// The reader's view, kept as `keeper` says, over the index loaded from
/// `data`; `children` show once the index is here.
#[component]
pub fn Viewer(
    /// Where the view is kept: the page's URL, or the element's.
    #[prop(into)]
    keeper: Signal<ViewKeeper>,
    /// The view when the URL names none; a new one is where the reader goes.
    #[prop(into)]
    start: Signal<ViewState>,
    /// The folder of the bundle; a new one loads the index again.
    #[prop(into)]
    data: Signal<DataUrl>,
    /// The interface's language, when the host asks for one.
    #[prop(into)]
    lang: Signal<Option<String>>,
    /// What shows while the index loads.
    #[prop(optional, into)]
    fallback: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    let first = keeper.with_untracked(ViewKeeper::read).unwrap_or_else(|| start.get_untracked());
    let state = RwSignal::new(first);
    provide_context(CurrentView(state.into()));
    provide_context(use_history(state, keeper, start));
    provide_context(use_list_return(state.into(), start.get_untracked()));
    // The first run only subscribes: the view already started where it should.
    Effect::new(move |ran: Option<()>| {
        let next = start.get();
        if ran.is_some() {
            state.set(next);
        }
    });

    let data = Memo::new(move |_| data.get());
    move || {
        let (fallback, children) = (fallback.clone(), children.clone());
        view! { <IndexLoader data=data.get() lang fallback children /> }
    }
}
