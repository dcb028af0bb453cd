//! An article's front matter: the TOML fields between its `+++` lines.
//!
//! One type for `check`, `import` and `new`. It is read through the field
//! reader, so every problem is reported at once with its place, and written
//! through `toml_edit`, so that updating an editor's file changes only the
//! fields whose value changed and keeps their comments and field order.

use crate::diagnostic::{Diagnostic, Report};
use crate::fields::{self, At, Fields};
use crate::moment::Moment;
use catalog::{Date, Image, Source};
use std::ops::Range;
use std::path::Path;
use toml_edit::{DocumentMut, Item, TableLike, Value};

/// An article's fields as its file has them, in the editors' guide's order.
/// A field with a problem (reported when reading) is left empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    /// `title`, the headline; required.
    pub title: String,
    /// `date`, `YYYY-MM-DD`, also at the start of the file name; required,
    /// so `None` only in a file with an error.
    pub date: Option<Date>,
    /// The moment `date` gives with a time and offset: the article is
    /// embargoed until then.
    pub publish_at: Option<Moment>,
    /// `draft = true`: checked, never published (but by `build --drafts`).
    pub draft: bool,
    /// `topics`: ids from topics.toml; required (`check` says so, as only it
    /// knows the ids), `None` when the field is missing.
    pub topics: Option<Vec<String>>,
    /// `summary`: one or two sentences for the list and link previews.
    pub summary: Option<String>,
    /// `lang`, when not the site's language.
    pub lang: Option<String>,
    /// `region`, e.g. «Кировская область».
    pub region: Option<String>,
    /// `sample = true` marks a made-up example article; absent means false.
    pub sample: bool,
    /// `people`: the people the article mentions.
    pub people: Option<Vec<String>>,
    /// `places`: the places the article mentions.
    pub places: Option<Vec<String>>,
    /// `organizations`: the organizations the article mentions.
    pub organizations: Option<Vec<String>>,
    /// `slug`, the page name, when not the one from the file name.
    pub slug: Option<String>,
    /// `[source]`: who published the news, and where.
    pub source: Option<Source>,
    /// `[image]`: the article's picture.
    pub image: Option<Image>,
    /// `[import]`: the feed item an imported article came from.
    pub import: Option<Import>,
}

/// `[import]`, written by `articles import` to know the item again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Import {
    /// `feed`: the feed's file name (two feeds may both have an item `1`).
    pub feed: Option<String>,
    /// `id`: the item's id in the feed; required.
    pub id: String,
    /// `hash`: a fingerprint of what the feed said, to tell a changed item.
    pub hash: Option<String>,
    /// `text`: a fingerprint of the title, summary and text as imported, to
    /// tell an article edited here.
    pub text: Option<String>,
    /// `author`, as the feed names them.
    pub author: Option<String>,
    /// `topics_suggested = true`: the topics were picked from keywords and
    /// wait for an editor to confirm them.
    pub topics_suggested: bool,
}

/// An article file's front matter as read, with what `check` needs besides.
pub struct Read {
    pub front_matter: FrontMatter,
    /// Where its fields sit.
    pub places: Places,
    /// Where the front matter and the text are.
    pub parts: Parts,
}

/// Where some fields sit in the file (byte ranges), for the problems found
/// against the rest of the content: topics.toml, the file name, today.
#[derive(Default)]
pub struct Places {
    /// The `date` value.
    pub date: Range<usize>,
    /// Each topic read, in order.
    pub topics: Vec<Range<usize>>,
    /// The `slug` value.
    pub slug: Range<usize>,
    /// The `[import]` table.
    pub import: Range<usize>,
    /// The picture's `src` value.
    pub image: Range<usize>,
}

/// Where the parts of an article file are (byte offsets).
pub struct Parts {
    /// The TOML between the `+++` lines.
    pub toml: Range<usize>,
    /// Where the Markdown text after the closing `+++` line starts.
    pub body_start: usize,
}

/// Finds the `+++` lines around the front matter.
pub fn split(path: &Path, text: &str, r: &mut Report) -> Option<Parts> {
    let Some(rest) = text.strip_prefix("+++\n") else {
        r.push(
            Diagnostic::error(path, 0..0, "the article does not start with `+++` front matter")
                .with_hint("begin the file with a line `+++`, the fields (title, date, …), and another `+++`"),
        );
        return None;
    };
    let close = rest.find("\n+++\n").map(|i| i + 1).or_else(|| rest.strip_suffix("\n+++").map(|s| s.len() + 1));
    let Some(close) = close else {
        r.push(Diagnostic::error(path, 0..3, "the front matter is not closed").with_hint("forgot the closing `+++` line?"));
        return None;
    };
    let toml = 4..4 + close;
    let body_start = (toml.end + 4).min(text.len());
    Some(Parts { toml, body_start })
}

/// An article file: the front matter's TOML between `+++` lines, an empty
/// line, then the text.
pub fn join(toml: &str, body: &str) -> String {
    format!("+++\n{toml}+++\n\n{body}\n")
}

impl FrontMatter {
    /// Reads an article file's front matter, reporting every problem in it.
    /// `None` when the file has no front matter or its TOML does not parse.
    pub fn read(path: &Path, text: &str, r: &mut Report) -> Option<Read> {
        let parts = split(path, text, r)?;
        let (front_matter, places) = Self::read_toml(path, &text[parts.toml.clone()], parts.toml.start, r)?;
        Some(Read { front_matter, places, parts })
    }

    /// Reads the TOML of a front matter that starts at `offset` in its file.
    fn read_toml(path: &Path, toml: &str, offset: usize, r: &mut Report) -> Option<(Self, Places)> {
        let doc = fields::parse(toml, offset, path, r)?;
        let mut f = Fields::new(doc.get_ref(), 0..0, offset, path);
        let mut at = Places::default();
        let value = |field: Option<At<String>>| field.map(|f| f.value);
        let values = |list: Option<Vec<At<String>>>| list.map(|l| l.into_iter().map(|f| f.value).collect());

        // Read in the order the "known fields" hint lists them.
        let title = value(f.required_string("title", r)).unwrap_or_default();
        let (date, publish_at) = f
            .date("date", r)
            .map(|d| {
                at.date = d.span;
                (Some(d.value.0), d.value.1)
            })
            .unwrap_or_default();
        let draft = f.bool("draft", r).unwrap_or(false);
        let lang = value(f.string("lang", r));
        let summary = value(f.string("summary", r));
        let region = value(f.string("region", r));
        let sample = f.bool("sample", r).unwrap_or(false);
        let slug = f.string("slug", r).map(|s| {
            at.slug = s.span;
            s.value
        });
        let topics = f.strings("topics", r).inspect(|list| at.topics = list.iter().map(|t| t.span.clone()).collect());
        let topics = values(topics);
        let people = values(f.strings("people", r));
        let places = values(f.strings("places", r));
        let organizations = values(f.strings("organizations", r));
        let source = f.table("source", r).and_then(|mut s| {
            let name = s.required_string("name", r);
            let url = s.string("url", r).and_then(|u| web_address(path, u, r));
            s.finish(r);
            Some(Source { name: name?.value, url })
        });
        let image = f.table("image", r).and_then(|mut s| {
            let src = s.required_string("src", r);
            // Missing or empty, the check warns (content.rs): the page still shows the picture.
            let alt = value(s.string("alt", r)).unwrap_or_default();
            let caption = value(s.string("caption", r)).unwrap_or_default();
            s.finish(r);
            let src = src?;
            at.image = src.span;
            Some(Image { caption, ..Image::new(src.value, alt) })
        });
        let import = f.table("import", r).and_then(|mut s| {
            at.import = s.span();
            let id = s.required_string("id", r);
            let hash = value(s.string("hash", r));
            let feed = value(s.string("feed", r));
            let author = value(s.string("author", r));
            let text = value(s.string("text", r));
            let topics_suggested = s.bool("topics_suggested", r).unwrap_or(false);
            s.finish(r);
            Some(Import { feed, id: id?.value, hash, text, author, topics_suggested })
        });
        f.finish(r);
        let front_matter = FrontMatter {
            title,
            date,
            publish_at,
            draft,
            topics,
            summary,
            lang,
            region,
            sample,
            slug,
            people,
            places,
            organizations,
            source,
            image,
            import,
        };
        Some((front_matter, at))
    }

    /// The TOML of a new file's front matter, fields in the order the
    /// editors' guide lists them.
    pub fn write(&self) -> String {
        let mut doc = DocumentMut::new();
        self.set(&Self::default(), doc.as_table_mut());
        doc.to_string()
    }

    /// `toml`, a front matter as an editor left it, with these values. Only
    /// the fields whose value changed are set, added or removed, so comments,
    /// the order of fields, how values are written and whatever could not be
    /// read stay as they were.
    pub fn update(&self, toml: &str) -> Result<String, toml_edit::TomlError> {
        let mut doc: DocumentMut = toml.parse()?;
        let was = Self::read_toml(Path::new(""), toml, 0, &mut Report::default()).map(|(f, _)| f).unwrap_or_default();
        self.set(&was, doc.as_table_mut());
        Ok(doc.to_string())
    }

    /// Sets in `t` each field that differs from `was`, what `t` holds now.
    fn set(&self, was: &Self, t: &mut dyn TableLike) {
        set(t, "title", &was.title, &self.title);
        set(t, "date", &was.date, &self.date);
        set(t, "topics", &was.topics, &self.topics);
        set(t, "summary", &was.summary, &self.summary);
        set(t, "lang", &was.lang, &self.lang);
        set(t, "region", &was.region, &self.region);
        set(t, "sample", &was.sample, &self.sample);
        set(t, "people", &was.people, &self.people);
        set(t, "places", &was.places, &self.places);
        set(t, "organizations", &was.organizations, &self.organizations);
        set(t, "slug", &was.slug, &self.slug);
        set_table(t, "source", was.source.as_ref(), self.source.as_ref(), |t, was, now| {
            set(t, "name", &was.map(|s| &s.name), &Some(&now.name));
            set(t, "url", &was.and_then(|s| s.url.as_ref()), &now.url.as_ref());
        });
        set_table(t, "image", was.image.as_ref(), self.image.as_ref(), |t, was, now| {
            set(t, "src", &was.map(|i| &i.src), &Some(&now.src));
            set(t, "alt", &was.map(|i| &i.alt), &Some(&now.alt));
            set(t, "caption", &was.map(|i| &i.caption).filter(|c| !c.is_empty()), &Some(&now.caption).filter(|c| !c.is_empty()));
        });
        set_table(t, "import", was.import.as_ref(), self.import.as_ref(), |t, was, now| {
            set(t, "feed", &was.and_then(|i| i.feed.as_ref()), &now.feed.as_ref());
            set(t, "id", &was.map(|i| &i.id), &Some(&now.id));
            set(t, "hash", &was.and_then(|i| i.hash.as_ref()), &now.hash.as_ref());
            set(t, "text", &was.and_then(|i| i.text.as_ref()), &now.text.as_ref());
            set(t, "author", &was.and_then(|i| i.author.as_ref()), &now.author.as_ref());
            set(t, "topics_suggested", &was.is_some_and(|i| i.topics_suggested), &now.topics_suggested);
        });
    }
}

/// A source's `url` must be a web address, not a script or a file.
fn web_address(path: &Path, u: At<String>, r: &mut Report) -> Option<String> {
    if u.value.starts_with("https://") || u.value.starts_with("http://") {
        Some(u.value)
    } else {
        r.push(Diagnostic::error(path, u.span, "a source `url` must start with https:// or http://"));
        None
    }
}

/// A field's value as TOML; `None` leaves the field out.
trait ToToml {
    fn to_toml(&self) -> Option<Value>;
}

impl ToToml for String {
    fn to_toml(&self) -> Option<Value> {
        Some(self.as_str().into())
    }
}

impl ToToml for bool {
    fn to_toml(&self) -> Option<Value> {
        self.then(|| true.into())
    }
}

impl ToToml for Date {
    fn to_toml(&self) -> Option<Value> {
        let date = toml_edit::Date { year: self.year(), month: self.month(), day: self.day() };
        Some(toml_edit::Datetime { date: Some(date), time: None, offset: None }.into())
    }
}

impl ToToml for Vec<String> {
    fn to_toml(&self) -> Option<Value> {
        Some(Value::Array(self.iter().map(String::as_str).collect()))
    }
}

impl<T: ToToml> ToToml for Option<T> {
    fn to_toml(&self) -> Option<Value> {
        self.as_ref()?.to_toml()
    }
}

impl<T: ToToml> ToToml for &T {
    fn to_toml(&self) -> Option<Value> {
        (*self).to_toml()
    }
}

/// Sets `key` to `now` unless that is `was`, what the file holds.
fn set<T: PartialEq + ToToml>(t: &mut dyn TableLike, key: &str, was: &T, now: &T) {
    if was == now {
        return;
    }
    let Some(mut value) = now.to_toml() else {
        t.remove(key);
        return;
    };
    match t.get_mut(key) {
        Some(item) => {
            // Keeps a comment after the value, as in `id = "…"  # the item`.
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            t.insert(key, Item::Value(value));
        }
    }
}

/// Sets a table's fields with `fields` unless it is unchanged; removes the
/// table when it is gone.
fn set_table<T: PartialEq>(
    t: &mut dyn TableLike,
    key: &str,
    was: Option<&T>,
    now: Option<&T>,
    fields: impl FnOnce(&mut dyn TableLike, Option<&T>, &T),
) {
    if was == now {
        return;
    }
    let Some(now) = now else {
        t.remove(key);
        return;
    };
    // Replaces a value that is not a table (an error `check` reports).
    if !t.get(key).is_some_and(|item| item.is_table_like()) {
        t.insert(key, Item::Table(toml_edit::Table::new()));
    }
    if let Some(table) = t.get_mut(key).and_then(Item::as_table_like_mut) {
        fields(table, was, now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> FrontMatter {
        FrontMatter {
            title: "Вятские сыры едут в Минск: «первая партия»".into(),
            date: Some(Date::new(2026, 2, 12).unwrap()),
            publish_at: None,
            draft: false,
            topics: Some(vec!["agriculture".into(), "trade".into()]),
            summary: Some("Кавычки \" и обратная косая черта \\ тоже.".into()),
            lang: Some("ru".into()),
            region: Some("Кировская область".into()),
            sample: true,
            slug: Some("syry".into()),
            people: Some(vec![]),
            places: Some(vec!["Киров".into(), "Минск".into()]),
            organizations: Some(vec!["СПК «Образец»".into()]),
            source: Some(Source { name: "Портал".into(), url: Some("https://portal.example/news/1".into()) }),
            image: Some(Image::new("https://portal.example/1.jpg", "Сыры")),
            import: Some(Import {
                feed: Some("portal.rss".into()),
                id: "portal-1".into(),
                hash: Some("2a757c7695c63fe8".into()),
                text: Some("4763cd1c169d5b3e".into()),
                author: Some("Редакция".into()),
                topics_suggested: true,
            }),
        }
    }

    /// Reads `toml` as a whole file's front matter, with the problems as `check` prints them.
    fn read(toml: &str) -> (Option<FrontMatter>, Vec<String>) {
        let path = Path::new("a.md");
        let text = format!("+++\n{toml}+++\n\nТекст.\n");
        let mut r = Report::default();
        r.add_source(path, &text);
        let read = FrontMatter::read(path, &text, &mut r).map(|read| read.front_matter);
        let lines = r.lines().into_iter().filter(|l| !l.starts_with("  hint:")).collect();
        (read, lines)
    }

    #[test]
    fn reads_each_field_and_reports_every_problem_with_its_place() {
        let minimal = FrontMatter {
            title: "Т".into(),
            date: Some(Date::new(2026, 1, 19).unwrap()),
            topics: Some(vec![]),
            ..FrontMatter::default()
        };
        let cases: [(&str, &str, Option<FrontMatter>, &[&str]); 7] = [
            ("minimal", "title = \"Т\"\ndate = 2026-01-19\ntopics = []\n", Some(minimal.clone()), &[]),
            ("a quoted date", "title = \"Т\"\ndate = \"2026-01-19\"\ntopics = []\n", Some(minimal.clone()), &[]),
            (
                "topics missing is for check to say",
                "title = \"Т\"\ndate = 2026-01-19\n",
                Some(FrontMatter { topics: None, ..minimal.clone() }),
                &[],
            ),
            (
                "every problem at once",
                "date = \"2026-13-01\"\ntopics = \"agriculture\"\ntitel = \"Т\"\nsample = 1\n",
                Some(FrontMatter { topics: Some(vec![]), ..FrontMatter::default() }),
                &[
                    "a.md:2:1: error: missing field `title`",
                    "a.md:2:8: error: bad `date`: month 13 is not 1–12",
                    "a.md:3:10: error: `topics` should be a list of strings, not string",
                    "a.md:4:1: error: unknown field `titel`",
                    "a.md:5:10: error: `sample` should be true or false, not integer",
                ],
            ),
            (
                "tables and their own fields",
                "title = \"Т\"\ndate = 2026-01-19\ntopics = []\n\n[source]\nurl = \"javascript:alert(1)\"\n\n[image]\nsrc = \"a.jpg\"\nalt = \"\"\n\n[import]\nid = \"1\"\nhas = \"x\"\n",
                Some(FrontMatter {
                    // An empty `alt` is the check's warning, not an error.
                    image: Some(Image::new("a.jpg", "")),
                    import: Some(Import { id: "1".into(), ..Import::default() }),
                    ..minimal.clone()
                }),
                &[
                    "a.md:6:1: error: missing field `name`",
                    "a.md:7:7: error: a source `url` must start with https:// or http://",
                    "a.md:15:1: error: unknown field `has`",
                ],
            ),
            (
                "an invisible character",
                "title = \"Т\u{202E}\"\ndate = 2026-01-19\ntopics = []\n",
                Some(FrontMatter { title: "Т\u{202E}".into(), ..minimal.clone() }),
                &["a.md:2:11: error: `title` holds an invisible character U+202E RIGHT-TO-LEFT OVERRIDE: it changes the order the text is shown in"],
            ),
            ("TOML that does not parse", "title = \"Т\n", None, &["a.md:2:11: error: TOML: invalid basic string, expected `\"`"]),
        ];
        for (name, toml, want, problems) in cases {
            let (got, lines) = read(toml);
            assert_eq!(got, want, "{name}");
            assert_eq!(lines, problems, "{name}");
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let cases = [
            ("every field", full()),
            (
                "only the required fields",
                FrontMatter { title: "T".into(), date: Some(Date::new(2026, 1, 1).unwrap()), topics: Some(vec![]), ..FrontMatter::default() },
            ),
            (
                "newlines and invisible-looking text in strings",
                FrontMatter { title: "Две\nстроки\t'и' \"кавычки\"".into(), summary: Some(String::new()), ..full() },
            ),
            (
                "a source without a url, an import without a fingerprint",
                FrontMatter {
                    source: Some(Source { name: "Портал".into(), url: None }),
                    import: Some(Import { id: "x".into(), ..Import::default() }),
                    ..full()
                },
            ),
        ];
        for (name, front_matter) in cases {
            let toml = front_matter.write();
            let (read, problems) = read(&toml);
            let invisible = problems.iter().all(|p| p.contains("invisible character"));
            assert!(invisible, "{name}: {problems:?}\n{toml}");
            assert_eq!(read, Some(front_matter), "{name}:\n{toml}");
        }
    }

    #[test]
    fn writes_fields_in_the_guides_order_with_tables_last() {
        let toml = FrontMatter { people: None, lang: None, region: None, sample: false, slug: None, ..full() }.write();
        assert_eq!(
            toml,
            "title = \"Вятские сыры едут в Минск: «первая партия»\"\n\
             date = 2026-02-12\n\
             topics = [\"agriculture\", \"trade\"]\n\
             summary = 'Кавычки \" и обратная косая черта \\ тоже.'\n\
             places = [\"Киров\", \"Минск\"]\n\
             organizations = [\"СПК «Образец»\"]\n\
             \n\
             [source]\n\
             name = \"Портал\"\n\
             url = \"https://portal.example/news/1\"\n\
             \n\
             [image]\n\
             src = \"https://portal.example/1.jpg\"\n\
             alt = \"Сыры\"\n\
             \n\
             [import]\n\
             feed = \"portal.rss\"\n\
             id = \"portal-1\"\n\
             hash = \"2a757c7695c63fe8\"\n\
             text = \"4763cd1c169d5b3e\"\n\
             author = \"Редакция\"\n\
             topics_suggested = true\n"
        );
    }

    #[test]
    fn updating_changes_only_what_changed_and_keeps_the_editors_comments_and_order() {
        let editors = "# Checked with the portal on the 12th.\n\
                       date = \"2026-02-12\"\n\
                       title = 'Old title'  # the portal's words\n\
                       topics = [\"agriculture\"]\n\
                       region = \"Кировская область\"\n\
                       \n\
                       [import]\n\
                       id = \"portal-1\"        # the item in the feed\n\
                       hash = \"aaaa\"\n\
                       topics_suggested = true\n\
                       \n\
                       [source]\n\
                       name = \"Портал\"\n";
        let (was, _) = read(editors);
        let was = was.unwrap();
        let cases: [(&str, FrontMatter, &str); 4] = [
            ("nothing changed", was.clone(), editors),
            (
                "a new title and hash, the suggestion confirmed",
                FrontMatter {
                    title: "New title".into(),
                    import: Some(Import { hash: Some("bbbb".into()), topics_suggested: false, ..was.import.clone().unwrap() }),
                    ..was.clone()
                },
                &editors
                    .replace("'Old title'  #", "\"New title\"  #")
                    .replace("\"aaaa\"", "\"bbbb\"")
                    .replace("topics_suggested = true\n", ""),
            ),
            (
                "a field added, one removed",
                FrontMatter { summary: Some("Кратко.".into()), region: None, ..was.clone() },
                &editors.replace("region = \"Кировская область\"\n", "summary = \"Кратко.\"\n"),
            ),
            (
                "a table added, one removed",
                FrontMatter { source: None, image: Some(Image::new("a.jpg", "А")), ..was.clone() },
                &editors.replace("\n[source]\nname = \"Портал\"\n", "\n[image]\nsrc = \"a.jpg\"\nalt = \"А\"\n"),
            ),
        ];
        for (name, now, want) in cases {
            assert_eq!(now.update(editors).unwrap(), want, "{name}");
        }
    }

    #[test]
    fn updating_leaves_alone_a_field_it_could_not_read() {
        let editors = "title = \"T\"\ndate = \"2026-13-01\"\ntopics = []\n";
        let now = FrontMatter { title: "U".into(), topics: Some(vec![]), ..FrontMatter::default() };
        assert_eq!(now.update(editors).unwrap(), "title = \"U\"\ndate = \"2026-13-01\"\ntopics = []\n");
    }

    #[test]
    fn splits_at_the_plus_lines() {
        let cases = [
            ("+++\ntitle = \"T\"\n+++\n\nText.\n", Some((4..16, 20)), ""),
            ("+++\ntitle = \"T\"\n+++", Some((4..16, 19)), ""),
            ("title = \"T\"\n", None, "a.md:1:1: error: the article does not start with `+++` front matter"),
            ("+++\ntitle = \"T\"\n", None, "a.md:1:1: error: the front matter is not closed"),
        ];
        for (text, want, problem) in cases {
            let mut r = Report::default();
            r.add_source(Path::new("a.md"), text);
            let got = split(Path::new("a.md"), text, &mut r).map(|p| (p.toml, p.body_start));
            assert_eq!(got, want, "{text:?}");
            assert_eq!(r.lines().first().map_or("", String::as_str), problem, "{text:?}");
        }
    }
}
