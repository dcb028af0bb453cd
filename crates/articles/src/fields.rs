//! Reading typed fields out of a parsed TOML table, reporting every problem
//! (missing, wrong type, unknown key) with its place instead of stopping at
//! the first, as serde's derive would.

use crate::diagnostic::{Diagnostic, Report};
use crate::moment::Moment;
use catalog::Date;
use std::ops::Range;
use std::path::Path;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    /// The table's own place, for "missing field" problems.
    span: Range<usize>,
    /// Added to every span: where the TOML starts in the file.
    offset: usize,
    path: &'a Path,
    /// Keys read so far; the rest are reported as unknown.
    known: Vec<&'static str>,
}

/// A value with its place in the file.
pub struct At<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(table: &'a DeTable<'i>, span: Range<usize>, offset: usize, path: &'a Path) -> Self {
        Self { table, span, offset, path, known: Vec::new() }
    }

    fn shift(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.offset..r.end + self.offset
    }

    /// The table's place in the file.
    pub fn span(&self) -> Range<usize> {
        self.shift(self.span.clone())
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.known.push(key);
        self.table.get(key)
    }

    fn wrong_type(&self, key: &str, want: &str, v: &Spanned<DeValue<'_>>, r: &mut Report) {
        r.push(Diagnostic::error(
            self.path,
            self.shift(v.span()),
            format!("`{key}` should be {want}, not {}", v.get_ref().type_str()),
        ));
    }

    fn missing(&self, key: &str, r: &mut Report) {
        r.push(
            Diagnostic::error(self.path, self.span(), format!("missing field `{key}`"))
                .with_hint(format!("add a line `{key} = …`")),
        );
    }

    pub fn string(&mut self, key: &'static str, r: &mut Report) -> Option<At<String>> {
        let v = self.get(key)?;
        match v.get_ref().as_str() {
            Some(s) => {
                let at = At { value: s.to_owned(), span: self.shift(v.span()) };
                self.invisible(key, &at, r);
                Some(at)
            }
            None => {
                self.wrong_type(key, "a string", v, r);
                None
            }
        }
    }

    /// Characters a reader cannot see in a one-line field. Direction
    /// controls reorder what follows them, so a title could show other
    /// words than it holds: an error. Zero-width ones only make searches and
    /// copies miss: a warning.
    fn invisible(&self, key: &str, at: &At<String>, r: &mut Report) {
        for (i, c) in at.value.char_indices() {
            let Some((name, is_error)) = invisible_char(c) else { continue };
            // Inside the quotes; exact unless an escape comes earlier.
            let start = (at.span.start + 1 + i).min(at.span.end.saturating_sub(1));
            let message = format!("`{key}` holds an invisible character U+{:04X} {name}", c as u32);
            let d = if is_error {
                Diagnostic::error(self.path, start..start, format!("{message}: it changes the order the text is shown in"))
            } else {
                Diagnostic::warning(self.path, start..start, format!("{message}: searches and copies of it will not match"))
            };
            r.push(d.with_hint("delete it: retype the words around it if the editor does not show it"));
        }
    }

    /// A string that must be there and not blank.
    pub fn required_string(&mut self, key: &'static str, r: &mut Report) -> Option<At<String>> {
        let found = self.table.contains_key(key);
        let s = self.string(key, r);
        match &s {
            None if !found => self.missing(key, r),
            Some(at) if at.value.trim().is_empty() => {
                r.push(Diagnostic::error(self.path, at.span.clone(), format!("`{key}` is empty")));
                return None;
            }
            _ => {}
        }
        s
    }

    pub fn bool(&mut self, key: &'static str, r: &mut Report) -> Option<bool> {
        let v = self.get(key)?;
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(key, "true or false", v, r);
        }
        b
    }

    /// A list of strings; `None` when the key is absent, empty when it is
    /// not a list.
    pub fn strings(&mut self, key: &'static str, r: &mut Report) -> Option<Vec<At<String>>> {
        let v = self.get(key)?;
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(key, "a list of strings", v, r);
            return Some(Vec::new());
        };
        let strings = items
            .iter()
            .filter_map(|item| match item.get_ref().as_str() {
                Some(s) => {
                    let at = At { value: s.to_owned(), span: self.shift(item.span()) };
                    self.invisible(key, &at, r);
                    Some(at)
                }
                None => {
                    self.wrong_type(key, "a list of strings", item, r);
                    None
                }
            })
            .collect();
        Some(strings)
    }

    /// A date written bare (`date = 2026-01-19`) or quoted; or a moment,
    /// with its time and offset (`date = 2026-03-01T09:00:00+03:00`).
    pub fn date(&mut self, key: &'static str, r: &mut Report) -> Option<At<(Date, Option<Moment>)>> {
        let Some(v) = self.get(key) else {
            self.missing(key, r);
            return None;
        };
        let span = self.shift(v.span());
        let (text, time) = match v.get_ref() {
            DeValue::Datetime(dt) if dt.date.is_some() && (dt.time.is_some() || dt.offset.is_some()) => {
                let (Some(time), Some(offset)) = (dt.time, dt.offset) else {
                    r.push(
                        Diagnostic::error(self.path, span, format!("`{key}` has a time but no offset from UTC"))
                            .with_hint("add the offset, e.g. 2026-03-01T09:00:00+03:00 for Moscow time"),
                    );
                    return None;
                };
                let offset = match offset {
                    toml::value::Offset::Z => 0,
                    toml::value::Offset::Custom { minutes } => minutes,
                };
                (dt.date.map(|d| d.to_string()).unwrap_or_default(), Some((time.hour, time.minute, time.second, offset)))
            }
            DeValue::Datetime(dt) if dt.date.is_some() => (dt.to_string(), None),
            DeValue::String(s) => (s.to_string(), None),
            _ => {
                self.wrong_type(key, "a date like 2026-01-19", v, r);
                return None;
            }
        };
        match Date::parse(&text) {
            Ok(date) => {
                let moment = time.map(|(hour, minute, second, offset)| Moment { date, hour, minute, second, offset });
                Some(At { value: (date, moment), span })
            }
            Err(why) => {
                r.push(Diagnostic::error(self.path, span, format!("bad `{key}`: {why}")).with_hint("write dates as YYYY-MM-DD, e.g. 2026-01-19"));
                None
            }
        }
    }

    /// A sub-table, read with its own `Fields`.
    pub fn table(&mut self, key: &'static str, r: &mut Report) -> Option<Fields<'a, 'i>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Fields::new(t, v.span(), self.offset, self.path)),
            _ => {
                self.wrong_type(key, "a table", v, r);
                None
            }
        }
    }

    /// A list of tables (`[[topic]]`).
    pub fn tables(&mut self, key: &'static str, r: &mut Report) -> Vec<Fields<'a, 'i>> {
        let Some(v) = self.get(key) else { return Vec::new() };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(key, "a list of tables", v, r);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some(Fields::new(t, item.span(), self.offset, self.path)),
                _ => {
                    self.wrong_type(key, "a table", item, r);
                    None
                }
            })
            .collect()
    }

    /// Reports keys nobody asked for: a typo must not silently drop data.
    pub fn finish(self, r: &mut Report) {
        for (k, _) in self.table.iter() {
            if !self.known.contains(&k.get_ref().as_ref()) {
                r.push(
                    Diagnostic::error(self.path, self.shift(k.span()), format!("unknown field `{}`", k.get_ref()))
                        .with_hint(format!("known fields: {}", self.known.join(", "))),
                );
            }
        }
    }
}

/// Parses TOML, reporting every syntax error; `offset` is where it starts in the file.
pub fn parse<'i>(text: &'i str, offset: usize, path: &Path, r: &mut Report) -> Option<Spanned<DeTable<'i>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    let failed = !errors.is_empty();
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        r.push(Diagnostic::error(path, span.start + offset..span.end + offset, format!("TOML: {}", e.message().trim())));
    }
    (!failed).then_some(table)
}

/// Invisible characters worth reporting: (name, whether it is an error).
/// Joiners (U+200C, U+200D) are left alone: some scripts and emoji need them.
pub fn invisible_char(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        '\u{202A}' => ("LEFT-TO-RIGHT EMBEDDING", true),
        '\u{202B}' => ("RIGHT-TO-LEFT EMBEDDING", true),
        '\u{202C}' => ("POP DIRECTIONAL FORMATTING", true),
        '\u{202D}' => ("LEFT-TO-RIGHT OVERRIDE", true),
        '\u{202E}' => ("RIGHT-TO-LEFT OVERRIDE", true),
        '\u{2066}' => ("LEFT-TO-RIGHT ISOLATE", true),
        '\u{2067}' => ("RIGHT-TO-LEFT ISOLATE", true),
        '\u{2068}' => ("FIRST STRONG ISOLATE", true),
        '\u{2069}' => ("POP DIRECTIONAL ISOLATE", true),
        '\u{200B}' => ("ZERO WIDTH SPACE", false),
        '\u{2060}' => ("WORD JOINER", false),
        '\u{FEFF}' => ("ZERO WIDTH NO-BREAK SPACE", false),
        '\u{180E}' => ("MONGOLIAN VOWEL SEPARATOR", false),
        _ => return None,
    })
}
