//! Problems found in content, reported all at once as
//! `path:line:column: severity: message`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
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

    /// 1-based line and column (in characters, not bytes: the text is Cyrillic).
    pub fn position(&self, d: &Diagnostic) -> (usize, usize) {
        let text = self
            .sources
            .iter()
            .find(|(p, _)| *p == d.path)
            .map(|(_, t)| t.as_str())
            .unwrap_or("");
        let mut at = d.span.start.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, text[line_start..at].chars().count() + 1)
    }

    /// Every diagnostic, by file and position, then a summary line.
    pub fn render(&self) -> String {
        let mut sorted: Vec<(&Diagnostic, (usize, usize))> =
            self.diagnostics.iter().map(|d| (d, self.position(d))).collect();
        sorted.sort_by(|a, b| (&a.0.path, a.1, a.0.severity).cmp(&(&b.0.path, b.1, b.0.severity)));
        let mut out = String::new();
        for (d, (line, col)) in sorted {
            let _ = writeln!(out, "{}:{line}:{col}: {}: {}", d.path.display(), d.severity.as_str(), d.message);
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "  hint: {hint}");
            }
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
}
