use super::article_body::resolved;
use catalog::Image;
use leptos::prelude::*;

/// A picture at the size the reader's screen needs: every width it was
/// made in (`srcset`, chosen by the browser from `sizes`), its place kept
/// before it arrives (`width`/`height`), fetched only when near the screen
/// unless `eager`. Nothing where its address could run code.
#[component]
pub fn Picture(
    image: Image,
    /// How wide it shows, as CSS `sizes`.
    sizes: &'static str,
    #[prop(optional)] class: &'static str,
    /// Above the fold: fetched at once.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let srcset = image.srcset(|src| resolved(src).unwrap_or_default());
    let has_set = !srcset.is_empty();
    let known = image.width > 0 && image.height > 0;
    resolved(&image.src).map(|src| {
        view! {
            <img
                class=class
                src=src
                srcset=has_set.then_some(srcset)
                sizes=has_set.then_some(sizes)
                width=known.then_some(image.width)
                height=known.then_some(image.height)
                alt=image.alt
                loading=if eager { "eager" } else { "lazy" }
                decoding="async"
                data-testid="picture"
            />
        }
    })
}

/// A picture with its caption, in the article.
#[component]
pub fn Figure(image: Image, #[prop(optional)] eager: bool, #[prop(optional)] class: &'static str) -> impl IntoView {
    let caption = image.caption.clone();
    view! {
        <figure class=format!("article__figure {class}")>
            // The article's column: the page's width on a phone, 44 of the
            // page's rem at most.
            <Picture image sizes="(min-width: 46rem) 44rem, 100vw" eager />
            {(!caption.is_empty()).then(|| view! { <figcaption class="article__caption">{caption}</figcaption> })}
        </figure>
    }
}
