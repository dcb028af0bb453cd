use crate::data::{self, DataUrl, UnreadableEntries};
use crate::hooks::{use_archive, use_load, use_search};
use leptos::prelude::*;
use views::{provide_words, use_words, Lang, LinkBase, LoadError, SiteIndex};

/// Loads the index from `data`: shows `fallback` while it comes, what
/// failed with a retry, and `children` once it is here, with the index in
/// context. The interface speaks `lang` when the viewer speaks it, else the
/// site's language once the index says it, else the language around.
#[component]
pub fn IndexLoader(
    data: DataUrl,
    /// The language the host asks for; it may change while the page is open.
    lang: Signal<Option<String>>,
    /// What shows while the index loads.
    #[prop(optional, into)]
    fallback: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    provide_context(data.clone());
    let source = data.clone();
    let around = use_words().lang;
    let asked = move || Lang::choose([lang.get().as_deref(), Some(around.tag())]);
    let early = asked().words();
    let (index, reload) = use_load(move || data::load_index(data.clone(), early));
    move || match index.get() {
        None => {
            provide_words(asked());
            fallback.run()
        }
        Some(Err(err)) => {
            let words = asked().words();
            provide_words(words.lang);
            let message = words.list_failure(&err.describe(words));
            view! { <LoadError message on_retry=Some(Callback::new(move |_| reload())) /> }.into_any()
        }
        Some(Ok(loaded)) => {
            let site_lang = loaded.index.site.lang.clone();
            let words = Lang::choose([lang.get_untracked().as_deref(), Some(site_lang.as_str())]).words();
            let archive = use_archive(&loaded.index, source.clone(), words);
            provide_context(archive);
            // The search worker is beside the viewer's own pages.
            let worker = use_context::<LinkBase>().map_or_else(|| "search.js".to_owned(), |LinkBase(base)| format!("{base}search.js"));
            if let Some((finder, searcher)) = use_search(&loaded.index, source.clone(), worker, archive, words) {
                provide_context(finder);
                provide_context(searcher);
            }
            provide_context(SiteIndex(StoredValue::new(loaded.index)));
            provide_context(UnreadableEntries(StoredValue::new(loaded.unreadable)));
            let children = children.clone();
            // A new `lang` says the same page in the other language.
            (move || {
                provide_words(Lang::choose([lang.get().as_deref(), Some(site_lang.as_str())]));
                children()
            })
            .into_any()
        }
    }
}
