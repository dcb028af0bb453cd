//! Markdown body → the bundle's blocks of inline spans. Nothing is passed
//! through as HTML: raw HTML becomes visible text, and links with a scheme
//! that could run code are refused.

use crate::diagnostic::{Diagnostic, Report};
use catalog::{Block, Image, Inline, Passage};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::Path;

/// Longer than this, a paragraph is reported: on a phone it fills several
/// screens and readers lose their place.
pub const LONG_PARAGRAPH: usize = 3_000;

/// Emphasis inside emphasis deeper than this is kept as plain text: the
/// bundle's readers (serde, the viewer) recurse once per level.
const MAX_NESTING: usize = 8;

/// (lead, blocks): the body's first paragraph is its lead.
pub fn parse(path: &Path, md: &str, offset: usize, r: &mut Report) -> (Option<Passage>, Vec<Block>) {
    let mut b = Builder { path, offset, report: r, blocks: Vec::new(), containers: Vec::new(), inlines: Vec::new(), only_image: None, passage_start: offset, too_deep: false };
    for (event, range) in Parser::new(md).into_offset_iter() {
        b.event(event, range);
    }
    let mut blocks = b.blocks;
    let lead = match blocks.first() {
        Some(Block::Paragraph(_)) => match blocks.remove(0) {
            Block::Paragraph(p) => Some(p),
            _ => None,
        },
        _ => None,
    };
    (lead, blocks)
}

enum Container {
    Quote(Vec<Passage>),
    List { ordered: bool, items: Vec<Passage>, depth: usize },
    Item,
}

enum Span {
    Root,
    Emphasis,
    Strong,
    Link(String),
    /// An image's address and title (its caption).
    Image(String, String),
    /// Emphasis nested too deep: its text joins the enclosing span.
    Plain,
}

struct Builder<'a> {
    path: &'a Path,
    offset: usize,
    report: &'a mut Report,
    blocks: Vec<Block>,
    containers: Vec<Container>,
    /// Open inline spans, innermost last, each with what it holds so far.
    inlines: Vec<(Span, Vec<Inline>)>,
    /// Set while the paragraph holds nothing but one image.
    only_image: Option<Image>,
    /// Where the passage being written starts, to place a warning about it.
    passage_start: usize,
    /// Set once the article has been warned about deep nesting.
    too_deep: bool,
}

impl Builder<'_> {
    fn at(&self, range: &Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => self.push(Inline::Code { text: t.into_string() }),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push(Inline::Break),
            Event::Html(t) | Event::InlineHtml(t) => {
                let at = self.at(&range);
                self.report.push(
                    Diagnostic::warning(self.path, at, "raw HTML is not rendered: it will show as text")
                        .with_hint("write it in Markdown, or escape `<` as `\\<`"),
                );
                let t = t.trim_end_matches('\n').to_owned();
                if self.inlines.is_empty() {
                    self.open_root();
                    self.text(&t);
                    self.close_passage();
                } else {
                    self.text(&t);
                }
            }
            Event::Rule | Event::TaskListMarker(_) | Event::FootnoteReference(_) => {}
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn open_root(&mut self) {
        if self.inlines.is_empty() {
            self.inlines.push((Span::Root, Vec::new()));
            self.only_image = None;
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) => {
                if self.inlines.is_empty() {
                    self.passage_start = self.at(&range).start;
                }
                // A paragraph in a list item after text of its own: keep them apart.
                if let Some((Span::Root, content)) = self.inlines.last_mut() {
                    if !content.is_empty() {
                        content.push(Inline::Break);
                    }
                }
                self.open_root();
                if let Tag::Heading { level: HeadingLevel::H1, .. } = tag {
                    let at = self.at(&range);
                    self.report.push(Diagnostic::warning(self.path, at, "a `#` heading in the body: the title is the page's only top heading, so this shows as `##`").with_hint("use `##` for sections"));
                }
            }
            Tag::BlockQuote(_) => self.containers.push(Container::Quote(Vec::new())),
            Tag::List(start) => {
                // A list inside a list item continues the outer list: the
                // bundle's lists are flat, and no item is lost.
                let in_item = self.containers.iter().any(|c| matches!(c, Container::Item));
                let outer = self.containers.iter().rposition(|c| matches!(c, Container::List { .. }));
                if let (true, Some(i)) = (in_item, outer) {
                    self.close_passage();
                    if let Container::List { depth, .. } = &mut self.containers[i] {
                        *depth += 1;
                    }
                    return;
                }
                self.containers.push(Container::List { ordered: start.is_some(), items: Vec::new(), depth: 0 });
            }
            Tag::Item => {
                self.containers.push(Container::Item);
                self.open_root();
            }
            Tag::Emphasis | Tag::Strong if self.inlines.len() > MAX_NESTING => {
                if !std::mem::replace(&mut self.too_deep, true) {
                    let at = self.at(&range);
                    self.report.push(
                        Diagnostic::warning(self.path, at.start..at.start, format!("emphasis nested more than {MAX_NESTING} deep: the inner levels show as plain text"))
                            .with_hint("is a `*` or `_` missing its pair?"),
                    );
                }
                self.inlines.push((Span::Plain, Vec::new()));
            }
            Tag::Emphasis => self.inlines.push((Span::Emphasis, Vec::new())),
            Tag::Strong => self.inlines.push((Span::Strong, Vec::new())),
            Tag::Link { dest_url, .. } => {
                let at = self.at(&range);
                let href = dest_url.into_string();
                if !catalog::is_safe_href(&href) {
                    self.report.push(
                        Diagnostic::error(self.path, at, format!("link to `{href}`: only http, https, mailto, tel and relative links are allowed"))
                            .with_hint("a link that runs code is never published"),
                    );
                }
                self.inlines.push((Span::Link(href), Vec::new()));
            }
            Tag::Image { dest_url, title, .. } => {
                let at = self.at(&range);
                let src = dest_url.into_string();
                if let Err(why) = crate::pictures::check_source(self.path, &src) {
                    self.report.push(Diagnostic::error(self.path, at, why).with_hint("give the picture's path from the article's folder, e.g. `![…](pictures/field.jpg)`, or an https:// address"));
                }
                self.open_root();
                self.inlines.push((Span::Image(src, title.into_string()), Vec::new()));
            }
            _ => self.open_root(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            // Each HTML block is a passage of its own, as it was written.
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock if !self.in_item() => self.close_passage(),
            TagEnd::Heading(level) => {
                let content = self.take_root();
                let level = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                };
                if !content.is_empty() {
                    self.emit(Block::Heading { level, content });
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_passage();
                if let Some(Container::Quote(passages)) = self.containers.pop() {
                    if !passages.is_empty() {
                        self.emit(Block::Quote { passages });
                    }
                }
            }
            TagEnd::List(_) => {
                if let Some(Container::List { depth, .. }) = self.containers.iter_mut().rev().find(|c| matches!(c, Container::List { .. })) {
                    if *depth > 0 {
                        *depth -= 1;
                        return;
                    }
                }
                if let Some(Container::List { ordered, items, .. }) = self.containers.pop() {
                    self.emit(Block::List { ordered, items });
                }
            }
            TagEnd::Item => {
                self.close_passage();
                if let Some(Container::Item) = self.containers.last() {
                    self.containers.pop();
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Image => {
                let Some((span, content)) = self.inlines.pop() else { return };
                let inline = match span {
                    Span::Emphasis => Inline::Emphasis { content },
                    Span::Strong => Inline::Strong { content },
                    Span::Link(href) => Inline::Link { href, content },
                    Span::Image(src, caption) => {
                        let alt = Passage { content, topics: Vec::new() }.plain_text();
                        let alone = self.inlines.last().is_some_and(|(s, c)| matches!(s, Span::Root) && c.is_empty());
                        self.only_image = alone.then(|| Image { caption: caption.trim().to_owned(), ..Image::new(src, alt.clone()) });
                        // Inline, an image reads as its description.
                        if !alone {
                            self.text(&alt);
                        }
                        return;
                    }
                    Span::Plain => {
                        for inline in content {
                            match inline {
                                Inline::Text { text } => self.text(&text),
                                other => self.push(other),
                            }
                        }
                        return;
                    }
                    Span::Root => return,
                };
                self.push(inline);
            }
            _ => {}
        }
    }

    fn in_item(&self) -> bool {
        matches!(self.containers.last(), Some(Container::Item))
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        self.open_root();
        let content = &mut self.inlines.last_mut().expect("a span is open").1;
        match content.last_mut() {
            Some(Inline::Text { text }) => text.push_str(t),
            _ => content.push(Inline::text(t)),
        }
        self.only_image = None;
    }

    fn push(&mut self, inline: Inline) {
        self.open_root();
        self.inlines.last_mut().expect("a span is open").1.push(inline);
        self.only_image = None;
    }

    fn take_root(&mut self) -> Vec<Inline> {
        // Spans left open by malformed input are closed into their parent.
        let mut content = Vec::new();
        while let Some((_, inner)) = self.inlines.pop() {
            let mut inner = inner;
            inner.append(&mut content);
            content = inner;
        }
        trim(&mut content);
        content
    }

    /// Ends the passage being written and puts it where it belongs.
    fn close_passage(&mut self) {
        let image = self.only_image.take();
        if self.inlines.is_empty() && image.is_none() {
            return;
        }
        let content = self.take_root();
        if let Some(img) = image.filter(|_| content.is_empty()) {
            self.emit(Block::Image(img));
            return;
        }
        if content.is_empty() {
            return;
        }
        let passage = Passage { content, topics: Vec::new() };
        let length = passage.plain_text().chars().count();
        if length > LONG_PARAGRAPH {
            let at = self.passage_start;
            self.report.push(
                Diagnostic::warning(self.path, at..at, format!("a very long paragraph ({length} characters): on a phone it fills many screens"))
                    .with_hint(format!("split it where the thought changes; paragraphs over {LONG_PARAGRAPH} characters are reported")),
            );
        }
        match self.containers.iter_mut().rev().find(|c| !matches!(c, Container::Item)) {
            Some(Container::Quote(ps)) => ps.push(passage),
            Some(Container::List { items, .. }) => items.push(passage),
            _ => self.blocks.push(Block::Paragraph(passage)),
        }
    }

    fn emit(&mut self, block: Block) {
        // Blocks inside a quote or list keep their text as passages there.
        match self.containers.iter_mut().rev().find(|c| !matches!(c, Container::Item)) {
            Some(Container::Quote(ps)) | Some(Container::List { items: ps, .. }) => {
                ps.extend(block.passages().iter().cloned());
                if let Block::Heading { content, .. } = block {
                    ps.push(Passage { content, topics: Vec::new() });
                }
            }
            _ => self.blocks.push(block),
        }
    }
}

fn trim(content: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = content.last_mut() {
        let t = text.trim_end().len();
        text.truncate(t);
    }
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_owned();
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> (Option<Passage>, Vec<Block>, Report) {
        let mut r = Report::default();
        r.add_source(Path::new("a.md"), md);
        let (lead, b) = parse(Path::new("a.md"), md, 0, &mut r);
        (lead, b, r)
    }

    #[test]
    fn first_paragraph_is_the_lead() {
        let (lead, b, _) = blocks("Лид.\n\nВторой *абзац* с [ссылкой](https://example.org/).\n");
        assert_eq!(lead.unwrap().plain_text(), "Лид.");
        let Block::Paragraph(p) = &b[0] else { panic!() };
        assert_eq!(p.plain_text(), "Второй абзац с ссылкой.");
        assert!(matches!(p.content[1], Inline::Emphasis { .. }));
        assert!(matches!(&p.content[3], Inline::Link { href, .. } if href == "https://example.org/"));
    }

    #[test]
    fn lists_quotes_and_headings_keep_their_text() {
        let md = "Лид.\n\n## Итоги\n\n- один\n- два\n  - вложенный\n- три\n\n> цитата\n>\n> вторая\n\n1. первый\n";
        let (_, b, _) = blocks(md);
        assert!(matches!(&b[0], Block::Heading { level: 2, .. }));
        let Block::List { ordered: false, items } = &b[1] else { panic!("{:?}", b[1]) };
        let items: Vec<_> = items.iter().map(Passage::plain_text).collect();
        assert_eq!(items, ["один", "два", "вложенный", "три"]);
        let Block::Quote { passages } = &b[2] else { panic!() };
        assert_eq!(passages.len(), 2);
        assert!(matches!(&b[3], Block::List { ordered: true, .. }));
    }

    #[test]
    fn raw_html_becomes_visible_text_with_a_warning() {
        let (lead, _, r) = blocks("Текст <script>alert(1)</script> дальше.\n");
        assert_eq!(lead.unwrap().plain_text(), "Текст <script>alert(1)</script> дальше.");
        assert!(!r.has_errors());
        assert!(r.render().contains("1:7: warning: raw HTML"), "{}", r.render());
    }

    #[test]
    fn links_that_run_code_are_refused_with_their_place() {
        let (_, _, r) = blocks("Лид.\n\n[нажми](javascript:alert(1)) и [это](JaVaScRiPt:x) и [то](data:text/html,x)\n");
        assert_eq!(r.errors(), 3);
        assert!(r.render().starts_with("a.md:3:1: error: link to `javascript:alert(1)`"), "{}", r.render());
    }

    #[test]
    fn a_very_long_paragraph_is_warned_about_at_its_start() {
        let long = "слово ".repeat(LONG_PARAGRAPH / 6 + 1);
        let (_, b, r) = blocks(&format!("Лид.\n\nКороткий.\n\n{long}\n"));
        assert_eq!(b.len(), 2, "the paragraph is kept");
        assert!(!r.has_errors());
        assert!(r.render().starts_with("a.md:5:1: warning: a very long paragraph (3005 characters)"), "{}", r.render());
        let (_, _, r) = blocks(&format!("Лид.\n\n{}\n", "слово ".repeat(LONG_PARAGRAPH / 6)));
        assert!(r.diagnostics.is_empty(), "{}", r.render());
    }

    #[test]
    fn emphasis_nested_too_deep_keeps_its_text_flat() {
        fn depth(content: &[Inline]) -> usize {
            content.iter().map(|i| match i {
                Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => 1 + depth(content),
                _ => 0,
            }).max().unwrap_or(0)
        }
        let md = format!("Лид.\n\n{}слово{}\n", "*".repeat(5000), "*".repeat(5000));
        let (_, b, r) = blocks(&md);
        let Block::Paragraph(p) = &b[0] else { panic!() };
        assert_eq!(p.plain_text(), "слово");
        assert!(depth(&p.content) <= MAX_NESTING + 1, "{}", depth(&p.content));
        assert!(r.render().starts_with("a.md:3:"), "{}", r.render());
        assert_eq!(r.diagnostics.len(), 1, "one warning, not thousands");
    }

    #[test]
    fn an_image_alone_is_a_figure_with_its_title_as_caption() {
        let (_, b, r) = blocks("Лид.\n\n![Ферма зимой](https://portal.example/farm.jpg \"Ферма под Кировом\")\n");
        let figure = Image { caption: "Ферма под Кировом".into(), ..Image::new("https://portal.example/farm.jpg", "Ферма зимой") };
        assert_eq!(b, [Block::Image(figure)]);
        assert!(r.diagnostics.is_empty(), "{}", r.render());
    }

    #[test]
    fn a_picture_file_that_is_not_there_is_named_at_its_line() {
        let (_, _, r) = blocks("Лид.\n\nТекст.\n\n![Ферма](img/farm.jpg)\n");
        assert!(r.has_errors());
        assert!(r.render().starts_with("a.md:5:") && r.render().contains("picture `img/farm.jpg` not found"), "{}", r.render());
    }

    #[test]
    fn a_picture_from_the_hosts_root_is_refused_as_in_front_matter() {
        // Under a subfolder `/farm.jpg` is another site's file.
        let (_, _, r) = blocks("Лид.\n\n![Ферма](/farm.jpg)\n");
        assert!(r.render().starts_with("a.md:3:") && r.render().contains("use a path under content/ or an https:// address"), "{}", r.render());
    }
}
