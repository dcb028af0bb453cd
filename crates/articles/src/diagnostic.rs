//! Problems found in content, and what `articles import` did, reported all
//! at once as `path:line:column: severity: message`.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// Not a problem: what was done, such as an article imported.
    Note,
}

impl Severity {
    fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// Byte range in the file; line and column are worked out when printing.
    pub span: Range<usize>,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &Path, span: Range<usize>, message: impl Into<String>) -> Self {
        Self { path: path.to_owned(), span, severity: Severity::Error, message: message.into(), hint: None }
    }

    pub fn warning(path: &Path, span: Range<usize>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(path, span, message) }
    }

    pub fn note(path: &Path, span: Range<usize>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Note, ..Self::error(path, span, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Everything found in one run, with the sources to place it.
#[derive(Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Each file's text, to turn byte offsets into lines and columns.
    sources: Vec<(PathBuf, String)>,
}

impl Report {
    pub fn add_source(&mut self, path: &Path, text: &str) {
        self.sources.push((path.to_owned(), text.to_owned()));
    }

    /// Takes in what another report found; a file's text is kept only when
    /// something is said about it, so a large clean archive is not held twice.
    pub fn absorb(&mut self, other: Report) {
        for (path, text) in other.sources {
            if other.diagnostics.iter().any(|d| d.path == path) {
                self.sources.push((path, text));
            }
        }
        self.diagnostics.extend(other.diagnostics);
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    fn source(&self, path: &Path) -> &str {
        self.sources.iter().find(|(p, _)| p == path).map_or("", |(_, t)| t.as_str())
    }

    /// 1-based line and column (in characters, not bytes: the text is Cyrillic).
    pub fn position(&self, d: &Diagnostic) -> (usize, usize) {
        let text = self.source(&d.path);
        Cursor::new(text).advance(start(text, &d.span))
    }

    /// Every diagnostic, by file and position, one a line, each hint on the
    /// line after it.
    pub fn lines(&self) -> Vec<String> {
        let mut sources: HashMap<&Path, &str> = HashMap::new();
        for (path, text) in &self.sources {
            sources.entry(path).or_insert(text);
        }
        let text = |d: &Diagnostic| sources.get(d.path.as_path()).copied().unwrap_or("");
        let mut sorted: Vec<(&Diagnostic, usize)> = self.diagnostics.iter().map(|d| (d, start(text(d), &d.span))).collect();
        sorted.sort_by(|a, b| (&a.0.path, a.1, a.0.severity).cmp(&(&b.0.path, b.1, b.0.severity)));
        let mut lines = Vec::new();
        for same_file in sorted.chunk_by(|a, b| a.0.path == b.0.path) {
            let mut cursor = Cursor::new(text(same_file[0].0));
            for &(d, at) in same_file {
                let (line, col) = cursor.advance(at);
                lines.push(format!("{}:{line}:{col}: {}: {}", d.path.display(), d.severity.as_str(), d.message));
                if let Some(hint) = &d.hint {
                    lines.push(format!("  hint: {hint}"));
                }
            }
        }
        lines
    }

    /// Every diagnostic, by file and position, then a summary line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in self.lines() {
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "{}", self.summary());
        out
    }

    /// "3 errors in 2 files, 1 warning" or "no problems".
    pub fn summary(&self) -> String {
        let files = |s: Severity| {
            self.diagnostics.iter().filter(|d| d.severity == s).map(|d| &d.path).collect::<BTreeSet<_>>().len()
        };
        let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
        let (errors, warnings) = (self.errors(), self.count(Severity::Warning));
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(format!("{} in {}", plural(errors, "error"), plural(files(Severity::Error), "file")));
        }
        if warnings > 0 {
            parts.push(format!("{} in {}", plural(warnings, "warning"), plural(files(Severity::Warning), "file")));
        }
        if parts.is_empty() {
            "no problems".into()
        } else {
            parts.join(", ")
        }
    }
}

/// Where a span starts, moved back into the text and onto a character.
fn start(text: &str, span: &Range<usize>) -> usize {
    let mut at = span.start.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Counts lines and characters forwards through a text, so that placing
/// every diagnostic of a file, in order, reads it once: a feed can be
/// 50 MB with thousands of items.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, at: 0, line: 1, col: 1 }
    }

    /// Line and column of `to`, which must not be before the last one.
    fn advance(&mut self, to: usize) -> (usize, usize) {
        let passed = &self.text[self.at..to];
        match passed.rfind('\n') {
            Some(last) => {
                self.line += passed.matches('\n').count();
                self.col = passed[last + 1..].chars().count() + 1;
            }
            None => self.col += passed.chars().count(),
        }
        self.at = to;
        (self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_problems_by_line_and_character_column() {
        let mut r = Report::default();
        let p = Path::new("content/a.md");
        r.add_source(p, "+++\nзаголовок = 1\n");
        r.push(Diagnostic::error(p, 23..24, "bad").with_hint("fix it"));
        // Byte 24 is after "заголовок " (10 characters, 19 bytes) on line 2.
        assert_eq!(r.position(&r.diagnostics[0]), (2, 11));
        assert_eq!(r.render(), "content/a.md:2:11: error: bad\n  hint: fix it\n1 error in 1 file\n");
    }

    #[test]
    fn summarises_errors_and_warnings_by_file() {
        let mut r = Report::default();
        for (f, s) in [("a", Severity::Error), ("b", Severity::Error), ("b", Severity::Error), ("a", Severity::Warning)] {
            r.push(Diagnostic { severity: s, ..Diagnostic::error(Path::new(f), 0..0, "x") });
        }
        assert_eq!(r.summary(), "3 errors in 2 files, 1 warning in 1 file");
    }

    #[test]
    fn notes_follow_problems_at_the_same_place_and_are_not_counted() {
        let mut r = Report::default();
        let feed = Path::new("feed.rss");
        r.add_source(feed, "<rss>\n  <item>\n");
        r.push(Diagnostic::note(feed, 8..8, "item 1: new a.md"));
        r.push(Diagnostic::warning(feed, 8..8, "item 1: dropped <script>"));
        r.push(Diagnostic::error(Path::new("a.md"), 0..0, "no such file"));
        assert_eq!(
            r.lines(),
            ["a.md:1:1: error: no such file", "feed.rss:2:3: warning: item 1: dropped <script>", "feed.rss:2:3: note: item 1: new a.md"]
        );
        assert_eq!(r.summary(), "1 error in 1 file, 1 warning in 1 file");
    }
}
