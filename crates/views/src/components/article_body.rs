use super::TopicLens;
use crate::{use_words, CurrentView, LinkBase};
use catalog::{Block, Inline, Passage, TopicId};
use leptos::prelude::*;
use std::sync::Arc;

/// The article's text, built element by element from the bundle's blocks
/// (never from HTML), with the passages of the lens's topic marked.
#[component]
pub fn ArticleBody(body: Arc<catalog::ArticleBody>) -> impl IntoView {
    let CurrentView(selection) = expect_context();
    let lens = Memo::new(move |_| selection.with(|s| s.lens.clone()));

    // Passages are numbered in reading order; the lens steps by these numbers.
    let mut number = 0;
    let lead = body
        .lead
        .as_ref()
        .map(|p| passage(p, Kind::Lead, &mut number, lens));
    let blocks = body
        .blocks
        .iter()
        .map(|b| block(b, &mut number, lens))
        .collect_view();

    view! {
        <TopicLens body=body.clone() />
        {lead}
        <div class="article__body">{blocks}</div>
        <Mentions people=body.people.clone() places=body.places.clone() organizations=body.organizations.clone() />
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Lead,
    Paragraph,
    Item,
}

fn passage(p: &Passage, kind: Kind, number: &mut usize, lens: Memo<Option<TopicId>>) -> AnyView {
    let id = format!("passage-{number}");
    *number += 1;
    let topics = p.topics.clone();
    let marked = move || lens.with(|l| l.as_ref().is_some_and(|t| topics.contains(t)));
    let marked = Memo::new(move |_| marked());
    let mark = move || marked.get().then_some("");
    // Only marked passages take focus, so "next passage" can move to them.
    let tabindex = move || marked.get().then_some("-1");
    let content = inlines(&p.content);
    match kind {
        Kind::Lead => view! {
            <p id=id class="passage article__lead" data-testid="passage" data-lens-match=mark tabindex=tabindex>
                <span data-testid="lead">{content}</span>
            </p>
        }
        .into_any(),
        Kind::Paragraph => view! {
            <p id=id class="passage" data-testid="passage" data-lens-match=mark tabindex=tabindex>{content}</p>
        }
        .into_any(),
        Kind::Item => view! {
            <li id=id class="passage" data-testid="passage" data-lens-match=mark tabindex=tabindex>{content}</li>
        }
        .into_any(),
    }
}

fn block(b: &Block, number: &mut usize, lens: Memo<Option<TopicId>>) -> AnyView {
    match b {
        Block::Paragraph(p) => passage(p, Kind::Paragraph, number, lens),
        Block::Heading { level, content } => {
            let content = inlines(content);
            match level {
                0..=2 => view! { <h2>{content}</h2> }.into_any(),
                3 => view! { <h3>{content}</h3> }.into_any(),
                _ => view! { <h4>{content}</h4> }.into_any(),
            }
        }
        Block::Quote { passages } => {
            let inner = passages
                .iter()
                .map(|p| passage(p, Kind::Paragraph, number, lens))
                .collect_view();
            view! { <blockquote>{inner}</blockquote> }.into_any()
        }
        Block::List { ordered, items } => {
            let inner = items
                .iter()
                .map(|p| passage(p, Kind::Item, number, lens))
                .collect_view();
            if *ordered {
                view! { <ol>{inner}</ol> }.into_any()
            } else {
                view! { <ul>{inner}</ul> }.into_any()
            }
        }
        Block::Image(img) => view! {
            <figure class="article__figure">
                <img src=resolved(&img.src).unwrap_or_default() alt=img.alt.clone() loading="lazy" />
            </figure>
        }
        .into_any(),
    }
}

/// A link or image address as the page may use it: none if it could run
/// code; a relative one against the viewer's own folder when the viewer is
/// inside another site's page.
fn resolved(href: &str) -> Option<String> {
    if !catalog::is_safe_href(href) {
        return None;
    }
    let relative = !href.contains(':') && !href.starts_with(['/', '#']);
    Some(match use_context::<LinkBase>() {
        Some(LinkBase(base)) if relative => format!("{base}{href}"),
        _ => href.to_owned(),
    })
}

fn inlines(spans: &[Inline]) -> AnyView {
    spans
        .iter()
        .map(|span| match span {
            Inline::Text { text } => text.clone().into_any(),
            Inline::Emphasis { content } => view! { <em>{inlines(content)}</em> }.into_any(),
            Inline::Strong { content } => view! { <strong>{inlines(content)}</strong> }.into_any(),
            Inline::Code { text } => view! { <code>{text.clone()}</code> }.into_any(),
            Inline::Link { href, content } => match resolved(href) {
                Some(href) => view! { <a href=href>{inlines(content)}</a> }.into_any(),
                // A link that could run code is shown as its text alone.
                None => inlines(content),
            },
            Inline::Break => view! { <br /> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// The people, places and organisations the article names.
#[component]
fn Mentions(people: Vec<String>, places: Vec<String>, organizations: Vec<String>) -> impl IntoView {
    let words = use_words();
    let groups: Vec<(&'static str, String)> = [
        (words.people, people),
        (words.places, places),
        (words.organizations, organizations),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(label, names)| (label, names.join(", ")))
    .collect();
    (!groups.is_empty()).then(|| {
        view! {
            <section class="mentions" aria-labelledby="mentions-title">
                <h2 id="mentions-title" class="mentions__title">{words.mentions}</h2>
                <dl class="mentions__list">
                    {groups
                        .into_iter()
                        .map(|(label, names)| view! { <dt>{label}</dt><dd>{names}</dd> })
                        .collect_view()}
                </dl>
            </section>
        }
    })
}
