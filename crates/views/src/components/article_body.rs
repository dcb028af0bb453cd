use super::{Figure, SearchInText, TopicLens};
use crate::{use_words, CurrentView, FoundInText, LinkBase};
use catalog::{Block, Inline, Passage, TopicId};
use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// The article's text, built element by element from the bundle's blocks
/// (never from HTML), with the passages of the lens's topic marked, and the
/// words of the search the reader came from (`found`).
#[component]
pub fn ArticleBody(body: Arc<catalog::ArticleBody>, #[prop(into)] found: Signal<Option<FoundInText>>) -> impl IntoView {
    let CurrentView(selection) = expect_context();
    let lens = Memo::new(move |_| selection.with(|s| s.lens.clone()));

    // The text is built again when the search's words are found (once,
    // as it opens): cheaper in code than a reactive part per passage.
    let text = {
        let body = body.clone();
        move || {
            found.with(|found| {
                let marks = Marks { lens, found: found.as_ref() };
                // Passages are numbered in reading order; the lens steps by these numbers.
                let mut number = 0;
                let lead = body.lead.as_ref().map(|p| passage(p, Kind::Lead, &mut number, marks));
                let blocks = body.blocks.iter().map(|b| block(b, &mut number, marks)).collect_view();
                view! {
                    {lead}
                    <div class="article__body">{blocks}</div>
                }
            })
        }
    };

    // Type-erased: the nested view types would outgrow the compiler's limits.
    let tools = view! {
        <div class="reading-tools">
            <SearchInText found />
            <TopicLens body=body.clone() />
        </div>
    }
    .into_any();
    view! {
        {tools}
        {text}
        <Mentions people=body.people.clone() places=body.places.clone() organizations=body.organizations.clone() />
    }
}

/// What marks a passage: the lens's topic, the search's words.
#[derive(Clone, Copy)]
struct Marks<'a> {
    lens: Memo<Option<TopicId>>,
    found: Option<&'a FoundInText>,
}

#[derive(Clone, Copy)]
enum Kind {
    Lead,
    Paragraph,
    Item,
}

fn passage(p: &Passage, kind: Kind, number: &mut usize, marks: Marks<'_>) -> AnyView {
    let n = *number;
    let id = format!("passage-{n}");
    *number += 1;
    let topics = p.topics.clone();
    let lens = marks.lens;
    let in_lens = Memo::new(move |_| lens.with(|l| l.as_ref().is_some_and(|t| topics.contains(t))));
    let words = marks.found.and_then(|f| f.passages.get(n)).map_or(&[][..], Vec::as_slice);
    let mark = move || in_lens.get().then_some("");
    let search_mark = (!words.is_empty()).then_some("");
    // Only marked passages take focus, so "next" can move to them.
    let tabindex = move || (in_lens.get() || search_mark.is_some()).then_some("-1");
    let content = inlines(&p.content, words, &mut 0);
    match kind {
        Kind::Lead => view! {
            <p id=id class="passage article__lead" data-testid="passage" data-lens-match=mark data-search-match=search_mark tabindex=tabindex>
                <span data-testid="lead">{content}</span>
            </p>
        }
        .into_any(),
        Kind::Paragraph => view! {
            <p id=id class="passage" data-testid="passage" data-lens-match=mark data-search-match=search_mark tabindex=tabindex>{content}</p>
        }
        .into_any(),
        Kind::Item => view! {
            <li id=id class="passage" data-testid="passage" data-lens-match=mark data-search-match=search_mark tabindex=tabindex>{content}</li>
        }
        .into_any(),
    }
}

fn block(b: &Block, number: &mut usize, marks: Marks<'_>) -> AnyView {
    match b {
        Block::Paragraph(p) => passage(p, Kind::Paragraph, number, marks),
        Block::Heading { level, content } => {
            let content = inlines(content, &[], &mut 0);
            match level {
                0..=2 => view! { <h2>{content}</h2> }.into_any(),
                3 => view! { <h3>{content}</h3> }.into_any(),
                _ => view! { <h4>{content}</h4> }.into_any(),
            }
        }
        Block::Quote { passages } => {
            let inner = passages
                .iter()
                .map(|p| passage(p, Kind::Paragraph, number, marks))
                .collect_view();
            view! { <blockquote>{inner}</blockquote> }.into_any()
        }
        Block::List { ordered, items } => {
            let inner = items
                .iter()
                .map(|p| passage(p, Kind::Item, number, marks))
                .collect_view();
            if *ordered {
                view! { <ol>{inner}</ol> }.into_any()
            } else {
                view! { <ul>{inner}</ul> }.into_any()
            }
        }
        Block::Image(img) => view! { <Figure image=img.clone() /> }.into_any(),
    }
}

/// A link or image address as the page may use it: none if it could run
/// code; a relative one against the viewer's own folder when the viewer is
/// inside another site's page.
pub(crate) fn resolved(href: &str) -> Option<String> {
    if !catalog::is_safe_href(href) {
        return None;
    }
    let relative = !href.contains(':') && !href.starts_with(['/', '#']);
    Some(match use_context::<LinkBase>() {
        Some(LinkBase(base)) if relative => format!("{base}{href}"),
        _ => href.to_owned(),
    })
}

/// `spans` as elements, the byte ranges `marks` of their text (as
/// `Passage::plain_text` has it; `at` is where `spans` start in it) in `<mark>`.
fn inlines(spans: &[Inline], marks: &[Range<usize>], at: &mut usize) -> AnyView {
    spans
        .iter()
        .map(|span| match span {
            Inline::Text { text } => marked(text, marks, at),
            Inline::Emphasis { content } => view! { <em>{inlines(content, marks, at)}</em> }.into_any(),
            Inline::Strong { content } => view! { <strong>{inlines(content, marks, at)}</strong> }.into_any(),
            Inline::Code { text } => view! { <code>{marked(text, marks, at)}</code> }.into_any(),
            Inline::Link { href, content } => match resolved(href) {
                Some(href) => view! { <a href=href>{inlines(content, marks, at)}</a> }.into_any(),
                // A link that could run code is shown as its text alone.
                None => inlines(content, marks, at),
            },
            Inline::Break => {
                *at += 1;
                view! { <br /> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// One span's `text`, starting at byte `at` of its passage, with the parts
/// of `marks` that fall in it marked; a match across two spans is marked
/// in each.
fn marked(text: &str, marks: &[Range<usize>], at: &mut usize) -> AnyView {
    let start = *at;
    *at += text.len();
    let mut parts = Vec::new();
    let mut done = 0;
    for m in marks {
        let (from, to) = (m.start.max(start) - start, m.end.min(*at).saturating_sub(start));
        if from >= to || from < done {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(done..from), text.get(from..to)) else { continue };
        if !before.is_empty() {
            parts.push(before.to_owned().into_any());
        }
        parts.push(view! { <mark>{inside.to_owned()}</mark> }.into_any());
        done = to;
    }
    if parts.is_empty() {
        return text.to_owned().into_any();
    }
    parts.push(text[done..].to_owned().into_any());
    parts.into_any()
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
