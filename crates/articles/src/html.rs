//! HTML from a feed to the Markdown of an article body, through a real HTML
//! parser (html5ever, via `scraper`). What an article can hold is kept:
//! paragraphs, headings, lists, quotes, links, emphasis. Everything else is
//! dropped and said so: scripts, styles, frames and their content; images
//! (an article's picture goes in `[image]`); event handler attributes; links
//! that run code; unknown tags, whose text is kept.

use ego_tree::NodeRef;
use scraper::{Html, Node};

pub struct Converted {
    /// The body, as Markdown.
    pub markdown: String,
    /// The body as plain text, for topics and the summary.
    pub text: String,
    /// What was left out, one line each.
    pub dropped: Vec<String>,
}

/// `base` is the item's own address, against which relative links resolve
/// (on the viewer's site they would point elsewhere).
pub fn to_markdown(html: &str, base: Option<&str>) -> Converted {
    let doc = Html::parse_fragment(html);
    let mut w = Writer { base: base.map(str::to_owned), ..Writer::default() };
    for child in doc.tree.root().children() {
        w.node(child);
    }
    w.flush("");
    let text = w.blocks.iter().map(|b| plain(b)).collect::<Vec<_>>().join("\n");
    Converted { markdown: w.blocks.join("\n\n"), text, dropped: w.dropped }
}

/// Plain text (a feed's `yandex:full-text`) as Markdown: each line a paragraph.
pub fn text_to_markdown(text: &str) -> Converted {
    let paragraphs: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    let markdown = paragraphs.iter().map(|p| escape_start(&escape(p))).collect::<Vec<_>>().join("\n\n");
    Converted { markdown, text: paragraphs.join("\n"), dropped: Vec::new() }
}

/// Whether `text`, from a field meant for plain text (`yandex:full-text`,
/// JSON Feed's `content_text`), holds HTML elements all the same, as many
/// CMS write it. "a < b" and «<3» are text.
pub fn holds_markup(text: &str) -> bool {
    Html::parse_fragment(text).root_element().descendants().skip(1).any(|n| n.value().is_element())
}

/// Such a field read as the HTML it holds, so that a reader never sees a
/// tag as text. Where its markup sets no paragraphs, its lines are.
pub fn markup_text_to_markdown(text: &str, base: Option<&str>) -> Converted {
    const BLOCKS: &[&str] = &["p", "div", "br", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "pre"];
    let doc = Html::parse_fragment(text);
    let blocks = doc.root_element().descendants().any(|n| n.value().as_element().is_some_and(|e| BLOCKS.contains(&e.name())));
    if blocks {
        return to_markdown(text, base);
    }
    let paragraphs: String = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| format!("<p>{l}</p>")).collect();
    to_markdown(&paragraphs, base)
}

/// Plain text of `html` (a title or a summary that may carry markup).
pub fn to_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    // A script's or a style's source is not text a reader should see.
    let shown = |node: &NodeRef<'_, Node>| {
        !node.ancestors().any(|a| a.value().as_element().is_some_and(|e| DROPPED.contains(&e.name())))
    };
    let text: String = doc.root_element().descendants().filter(shown).filter_map(|n| n.value().as_text().map(|t| &**t)).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template",
    "form", "input", "button", "select", "textarea", "svg", "math", "canvas", "video", "audio", "link",
    "meta", "base", "head", "title",
];
/// Containers whose content becomes paragraphs.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "figure", "figcaption", "address",
    "center", "aside", "nav", "table", "thead", "tbody", "tfoot", "tr", "caption", "dl", "dt", "dd", "pre",
];
/// Inline wrappers whose text is kept as it is.
const INLINE: &[&str] = &[
    "html", "body", "span", "font", "u", "small", "big", "mark", "sub", "sup", "time", "abbr", "cite", "q",
    "code", "s", "del", "ins", "tt", "dfn", "kbd", "samp", "var", "label", "bdi", "bdo", "data", "td", "th",
    "picture", "nobr",
];

#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    line: String,
    dropped: Vec<String>,
    /// Above 0 while collecting inline text (a link's, an item's, a
    /// heading's): a block or a line break there is only a space, so text
    /// never comes out ahead of what preceded it.
    depth: usize,
    base: Option<String>,
}

impl Writer {
    /// Ends the current paragraph, writing it with `prefix` (`## `, `- `…).
    fn flush(&mut self, prefix: &str) {
        let text = self.line.split_whitespace().collect::<Vec<_>>().join(" ");
        self.line.clear();
        if text.is_empty() {
            return;
        }
        let text = if prefix.is_empty() { escape_start(&text) } else { text };
        self.blocks.push(format!("{prefix}{text}"));
    }

    /// The inline Markdown of `node`'s children, on its own.
    fn inline(&mut self, node: NodeRef<'_, Node>) -> String {
        let outer = std::mem::take(&mut self.line);
        self.depth += 1;
        for child in node.children() {
            self.node(child);
        }
        self.depth -= 1;
        std::mem::replace(&mut self.line, outer)
    }

    /// `node`'s inline Markdown wrapped in `open`…`close`, the spaces around
    /// it kept outside (`<b> word</b>.` → ` **word**.`).
    fn wrapped(&mut self, node: NodeRef<'_, Node>, open: &str, close: &str) -> Option<String> {
        let inner = self.inline(node);
        let text = inner.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            self.line.push_str(&inner);
            return None;
        }
        let lead = if inner.starts_with(char::is_whitespace) { " " } else { "" };
        let trail = if inner.ends_with(char::is_whitespace) { " " } else { "" };
        self.line.push_str(&format!("{lead}{open}{text}{close}{trail}"));
        Some(text)
    }

    fn node(&mut self, node: NodeRef<'_, Node>) {
        let element = match node.value() {
            Node::Text(t) => {
                self.line.push_str(&escape(t));
                return;
            }
            Node::Element(e) => e,
            _ => return,
        };
        let name = element.name();
        for (attr, _) in element.attrs() {
            if attr.to_ascii_lowercase().starts_with("on") {
                self.dropped.push(format!("dropped the `{attr}` attribute of <{name}>"));
            }
        }
        let breaks = matches!(name, "br" | "hr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "li" | "blockquote")
            || BLOCKS.contains(&name);
        if self.depth > 0 && breaks && !DROPPED.contains(&name) {
            self.line.push(' ');
            for child in node.children() {
                self.node(child);
            }
            self.line.push(' ');
            return;
        }
        match name {
            n if DROPPED.contains(&n) => self.dropped.push(format!("dropped <{n}> and what it held")),
            "img" => self.dropped.push("dropped an image (<img>): an article's picture goes in `[image]`".into()),
            "br" | "hr" => self.flush(""),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush("");
                self.line = self.inline(node);
                self.flush(if matches!(name, "h1" | "h2") { "## " } else { "### " });
            }
            "ul" | "ol" => {
                self.flush("");
                let mut number = 0;
                for item in node.children() {
                    if matches!(item.value(), Node::Element(e) if matches!(e.name(), "ul" | "ol")) {
                        self.dropped.push("a list inside a list became items of the outer one".into());
                    }
                    let text = self.inline(item);
                    if !text.trim().is_empty() {
                        number += 1;
                        self.line = text;
                        self.flush(&if name == "ol" { format!("{number}. ") } else { "- ".into() });
                    }
                }
            }
            "li" => {
                self.flush("");
                self.line = self.inline(node);
                self.flush("- ");
            }
            "blockquote" => {
                self.flush("");
                let mut inner = Writer::default();
                for child in node.children() {
                    inner.node(child);
                }
                inner.flush("");
                self.dropped.append(&mut inner.dropped);
                if !inner.blocks.is_empty() {
                    let quoted: Vec<String> = inner.blocks.iter().map(|b| format!("> {b}")).collect();
                    self.blocks.push(quoted.join("\n>\n"));
                }
            }
            "a" => {
                let href = element.attr("href").map(str::trim).unwrap_or("");
                match publishable_link(href, self.base.as_deref()) {
                    Some(href) => {
                        self.wrapped(node, "[", &format!("]({href})"));
                    }
                    None => {
                        if !href.is_empty() {
                            self.dropped.push(format!("dropped a link to `{}`, kept its text", short(href)));
                        }
                        let text = self.inline(node);
                        self.line.push_str(&text);
                    }
                }
            }
            "em" | "i" => {
                self.wrapped(node, "*", "*");
            }
            "strong" | "b" => {
                self.wrapped(node, "**", "**");
            }
            n if BLOCKS.contains(&n) => {
                self.flush("");
                for child in node.children() {
                    self.node(child);
                }
                self.flush("");
            }
            n => {
                if !INLINE.contains(&n) {
                    self.dropped.push(format!("dropped the unknown tag <{n}>, kept its text"));
                }
                for child in node.children() {
                    self.node(child);
                }
            }
        }
    }
}

/// Text with every character Markdown would read as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph that would start a list or a heading in Markdown, escaped.
fn escape_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if text.starts_with(['-', '+', '=']) {
        format!("\\{text}")
    } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_owned()
    }
}

/// The link as Markdown may hold it, if it is one the site publishes (the
/// same rule as `articles check`): absolute, resolved against `base` when
/// relative, and with what would break Markdown's link syntax encoded.
fn publishable_link(href: &str, base: Option<&str>) -> Option<String> {
    if href.is_empty() || !catalog::is_safe_href(href) {
        return None;
    }
    let absolute = match url::Url::parse(href) {
        Ok(url) => url.to_string(),
        Err(_) => url::Url::parse(base?).ok()?.join(href).ok()?.to_string(),
    };
    let mut out = String::with_capacity(absolute.len());
    for c in absolute.chars() {
        match c {
            c if c.is_whitespace() || c.is_control() => out.push_str(&format!("%{:02X}", c as u32 & 0xff)),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    Some(out)
}

fn short(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Markdown back to plain text, roughly: for keywords and the summary.
fn plain(block: &str) -> String {
    // A list item's marker (`- `, `3. `) is not text; an escaped `3\.` is.
    let digits = block.chars().take_while(char::is_ascii_digit).count();
    let block = match block.strip_prefix("- ") {
        Some(item) => item,
        None if digits > 0 && block[digits..].starts_with(". ") => &block[digits + 2..],
        None => block,
    };
    let mut out = String::new();
    let mut chars = block.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            // `[text](target)`: the text stays, the target goes.
            ']' if chars.peek() == Some(&'(') => {
                for t in chars.by_ref() {
                    if t == ')' {
                        break;
                    }
                }
            }
            '*' | '[' | ']' | '>' | '#' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_structure_and_drops_what_could_run() {
        let c = to_markdown(
            "<p>Первый <b>абзац</b> и <a href=\"https://example.org/a b\">ссылка</a>.</p>\
             <script>alert(1)</script><h2>Итоги</h2><ul><li>молоко</li><li>торф</li></ul>\
             <blockquote><p>Цитата</p></blockquote><img src=x onerror=alert(1)>\
             <p onclick=\"steal()\">Текст <a href=\"javascript:alert(1)\">тут</a> <blink>мигает</blink></p>",
            None,
        );
        assert_eq!(
            c.markdown,
            "Первый **абзац** и [ссылка](https://example.org/a%20b).\n\n## Итоги\n\n- молоко\n\n- торф\n\n> Цитата\n\nТекст тут мигает"
        );
        assert_eq!(
            c.dropped,
            [
                "dropped <script> and what it held",
                "dropped the `onerror` attribute of <img>",
                "dropped an image (<img>): an article's picture goes in `[image]`",
                "dropped the `onclick` attribute of <p>",
                "dropped a link to `javascript:alert(1)`, kept its text",
                "dropped the unknown tag <blink>, kept its text",
            ]
        );
    }

    #[test]
    fn markup_in_text_stays_text() {
        // Entities that decode to markup are text, escaped for Markdown.
        let c = to_markdown("<p>&lt;script&gt;alert(1)&lt;/script&gt; 1. * _x_</p><p>1. не список</p>", None);
        assert_eq!(c.markdown, "\\<script\\>alert(1)\\</script\\> 1. \\* \\_x\\_\n\n1\\. не список");
        assert!(c.dropped.is_empty());
    }

    #[test]
    fn blocks_inside_inline_text_keep_the_order() {
        let c = to_markdown("<p>А <a href=\"https://e.org/\">б<br>в</a> г</p><ol><li><p>один</p></li><li><p>два</p><p>три</p></li></ol>", None);
        assert_eq!(c.markdown, "А [б в](https://e.org/) г\n\n1. один\n\n2. два три");
        assert_eq!(c.text, "А б в г\nодин\nдва три");
    }

    #[test]
    fn line_breaks_split_paragraphs() {
        let c = to_markdown("Первая строка<br><br>Вторая строка", None);
        assert_eq!(c.markdown, "Первая строка\n\nВторая строка");
        assert_eq!(c.text, "Первая строка\nВторая строка");
    }

    #[test]
    fn a_plain_text_field_that_holds_markup_is_read_as_html_and_keeps_its_lines() {
        assert!(!holds_markup("Литр стоит <80 рублей, a < b, <в одну сторону>"));
        assert!(holds_markup("Производство <b>молока</b>"));
        let c = markup_text_to_markdown("Производство <b>молока</b> выросло.\nВторая строка.", None);
        assert_eq!(c.markdown, "Производство **молока** выросло.\n\nВторая строка.");
        let c = markup_text_to_markdown("<p>Один.</p><p>Два <i>слова</i>.</p>", None);
        assert_eq!(c.markdown, "Один.\n\nДва *слова*.");
    }
}
