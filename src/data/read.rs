//! The bundle's JSON, parsed by the browser (`JSON.parse`), read into the
//! catalog's types field by field. Far less code in the wasm than a
//! deserializer, and each problem is named by its field.

use catalog::{
    ArticleBody, ArticleMeta, Block, Date, Image, Resized, Inline, ListParts, Month, Passage, SearchParts, SiteInfo, Slug, Source, Topic, TopicId,
};
use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

/// What did not fit, in the bundle's own terms (field names).
pub type Read<T> = Result<T, String>;

/// Spans nest this deep at most: the content tools flatten anything deeper,
/// and a bundle from elsewhere must not exhaust the stack.
const MAX_DEPTH: usize = 32;

/// One JSON object of the bundle.
pub struct Obj(JsValue);

impl Obj {
    pub fn new(value: JsValue) -> Read<Obj> {
        if value.is_object() && !Array::is_array(&value) {
            Ok(Obj(value))
        } else {
            Err("not an object".into())
        }
    }

    /// The field's value; `null` counts as absent.
    fn get(&self, key: &str) -> Option<JsValue> {
        let value = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    fn required(&self, key: &str) -> Read<JsValue> {
        self.get(key).ok_or_else(|| format!("missing field `{key}`"))
    }

    pub fn string(&self, key: &str) -> Read<String> {
        self.required(key)?.as_string().ok_or_else(|| format!("`{key}` is not text"))
    }

    fn optional_string(&self, key: &str) -> Read<Option<String>> {
        self.get(key).map(|v| v.as_string().ok_or_else(|| format!("`{key}` is not text"))).transpose()
    }

    fn string_or_empty(&self, key: &str) -> Read<String> {
        Ok(self.optional_string(key)?.unwrap_or_default())
    }

    pub fn number(&self, key: &str) -> Read<u32> {
        let n = self.required(key)?.as_f64();
        n.filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
            .ok_or_else(|| format!("`{key}` is not a whole number"))
    }

    fn flag(&self, key: &str) -> Read<bool> {
        self.get(key).map_or(Ok(false), |v| v.as_bool().ok_or_else(|| format!("`{key}` is not true or false")))
    }

    /// A required array, kept as the browser's, to be read item by item.
    pub fn array(&self, key: &str) -> Read<Array> {
        let value = self.required(key)?;
        if Array::is_array(&value) {
            Ok(value.into())
        } else {
            Err(format!("`{key}` is not a list"))
        }
    }

    fn list<T>(&self, key: &str, item: impl Fn(JsValue) -> Read<T>) -> Read<Vec<T>> {
        self.array(key)?.iter().map(item).collect()
    }

    fn list_or_empty<T>(&self, key: &str, item: impl Fn(JsValue) -> Read<T>) -> Read<Vec<T>> {
        if self.get(key).is_none() {
            return Ok(Vec::new());
        }
        self.list(key, item)
    }

    pub fn object(&self, key: &str) -> Read<Obj> {
        Obj::new(self.required(key)?).map_err(|e| format!("`{key}`: {e}"))
    }

    fn optional_object(&self, key: &str) -> Read<Option<Obj>> {
        self.get(key).map(|v| Obj::new(v).map_err(|e| format!("`{key}`: {e}"))).transpose()
    }
}

fn text(value: JsValue) -> Read<String> {
    value.as_string().ok_or_else(|| "a list item is not text".into())
}

fn topic_id(value: JsValue) -> Read<TopicId> {
    text(value).map(TopicId::new)
}

pub fn site(o: &Obj) -> Read<SiteInfo> {
    Ok(SiteInfo {
        title: o.string("title")?,
        description: o.string_or_empty("description")?,
        lang: o.string("lang")?,
        publisher: o.string_or_empty("publisher")?,
        url: o.optional_string("url")?,
    })
}

pub fn topic(value: JsValue) -> Read<Topic> {
    let o = Obj::new(value)?;
    Ok(Topic {
        id: TopicId::new(o.string("id")?),
        ru: o.string("ru")?,
        en: o.string("en")?,
        ru_about: o.string("ru_about")?,
        en_about: o.string("en_about")?,
        count: o.number("count")?,
    })
}

/// `list`, when the index holds only the list's start.
pub fn list_parts(index: &Obj) -> Read<Option<ListParts>> {
    let Some(o) = index.optional_object("list")? else { return Ok(None) };
    let version = o.string("version").map_err(|e| format!("`list`: {e}"))?;
    // The version is part of file names: a hash, nothing that could leave the folder.
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err("`list`: `version` is not a hash".into());
    }
    let number = |key| o.number(key).map_err(|e| format!("`list`: {e}"));
    let total = number("total")?;
    let months = o.list_or_empty("months", month_count).map_err(|e| format!("`list`: `months`: {e}"))?;
    // The months are runs of the list's positions, newest first: they must
    // be in that order and cover the list exactly.
    let ordered = months.windows(2).all(|w| w[0].0 > w[1].0);
    let covered = months.iter().try_fold(0u32, |sum, (_, n)| sum.checked_add(*n)) == Some(total);
    if !(months.is_empty() || ordered && covered) {
        return Err("`list`: `months` are not the list's months, newest first, with counts that add up to `total`".into());
    }
    let names = o.list_or_empty("names", name_count).map_err(|e| format!("`list`: `names`: {e}"))?;
    Ok(Some(ListParts { version, total, chunk: number("chunk")?, buckets: number("buckets")?, months, names }))
}

/// One of `list.names`: `["person", "Александр Соколов", 12]`.
fn name_count(value: JsValue) -> Read<(String, String, u32)> {
    let entry = Array::from(&value);
    let (kind, name) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1).as_string().unwrap_or_default());
    let count = entry.get(2).as_f64().filter(|n| n.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(n));
    match (Array::is_array(&value) && entry.length() == 3 && catalog::NameKind::from_key(&kind).is_some() && !name.is_empty(), count) {
        (true, Some(count)) => Ok((kind, name, count as u32)),
        _ => Err(format!("`{name}`: not `person`, `place` or `org`, a name and a count of articles")),
    }
}

/// One of `list.months`: `["2026-01", 312]`.
fn month_count(value: JsValue) -> Read<(Month, u32)> {
    let pair = Array::from(&value);
    let month = pair.get(0).as_string().ok_or("a month is not text")?;
    let count = pair.get(1).as_f64().filter(|n| n.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(n));
    match (Array::is_array(&value) && pair.length() == 2, count) {
        (true, Some(count)) => Ok((Month::parse(&month)?, count as u32)),
        _ => Err(format!("`{month}`: not a month and a count of articles")),
    }
}

/// `search`, when the site has a search index.
pub fn search_parts(index: &Obj) -> Read<Option<SearchParts>> {
    let Some(o) = index.optional_object("search")? else { return Ok(None) };
    let version = o.string("version").map_err(|e| format!("`search`: {e}"))?;
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err("`search`: `version` is not a hash".into());
    }
    let docs = o.number("docs").map_err(|e| format!("`search`: {e}"))?;
    let shards = o.list("shards", text).map_err(|e| format!("`search`: {e}"))?;
    if shards.is_empty() {
        return Err("`search`: `shards` is empty".into());
    }
    Ok(Some(SearchParts { version, docs, shards }))
}

/// The positions of a topic file: gaps, read back.
pub fn positions(o: &Obj, total: u32) -> Read<Vec<u32>> {
    let gaps = o.list("gaps", |v| {
        v.as_f64().filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n)).map(|n| n as u32).ok_or_else(|| "`gaps` holds a value that is not a whole number".to_owned())
    })?;
    catalog::from_gaps(&gaps).filter(|p| p.last().is_none_or(|&last| last < total)).ok_or_else(|| "`gaps` are not positions in the list".into())
}

/// The names file: each of `parts.names`' positions, as gaps.
pub fn name_positions(o: &Obj, parts: &ListParts) -> Read<Vec<Vec<u32>>> {
    let each = o.array("gaps")?;
    if each.length() as usize != parts.names.len() {
        return Err("`gaps` are not one list per name of `list.names`".into());
    }
    each.iter()
        .map(|gaps| {
            let gaps: Vec<u32> = Array::from(&gaps).iter().map(|g| g.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0).map(|n| n as u32)).collect::<Option<_>>().ok_or("`gaps` holds a value that is not a whole number")?;
            catalog::from_gaps(&gaps).filter(|p| p.last().is_none_or(|&last| last < parts.total)).ok_or_else(|| "`gaps` are not positions in the list".into())
        })
        .collect()
}

pub fn slug(o: &Obj) -> Read<Slug> {
    Slug::parse(&o.string("slug")?)
}

pub fn article(value: &JsValue) -> Read<ArticleMeta> {
    let o = Obj::new(value.clone())?;
    Ok(ArticleMeta {
        slug: slug(&o)?,
        title: o.string("title")?,
        date: Date::parse(&o.string("date")?)?,
        lang: o.string("lang")?,
        topics: o.list("topics", topic_id)?,
        summary: o.string_or_empty("summary")?,
        sample: o.flag("sample")?,
        source: o
            .optional_object("source")?
            .map(|s| Ok::<_, String>(Source { name: s.string("name")?, url: s.optional_string("url")? }))
            .transpose()?,
        region: o.optional_string("region")?,
        image: o.optional_object("image")?.map(|i| image(&i)).transpose()?,
        people: o.list_or_empty("people", text)?,
        places: o.list_or_empty("places", text)?,
        organizations: o.list_or_empty("organizations", text)?,
        minutes: o.get("minutes").map_or(Ok(0), |_| o.number("minutes"))?,
        body: o.optional_string("body")?,
    })
}

/// The rest of a body, whose schema and slug are checked and whose blocks
/// are read one by one.
pub fn body(o: &Obj, schema: u32, slug: Slug, blocks: Vec<Block>) -> Read<ArticleBody> {
    Ok(ArticleBody {
        schema,
        slug,
        lead: o.optional_object("lead")?.map(|p| passage(&p, 0)).transpose()?,
        blocks,
        picture: o.optional_object("picture")?.map(|i| image(&i)).transpose()?,
        people: o.list_or_empty("people", text)?,
        places: o.list_or_empty("places", text)?,
        organizations: o.list_or_empty("organizations", text)?,
    })
}

fn image(o: &Obj) -> Read<Image> {
    let number_or_zero = |key: &str| o.get(key).map_or(Ok(0), |_| o.number(key));
    Ok(Image {
        src: o.string("src")?,
        alt: o.string("alt")?,
        caption: o.string_or_empty("caption")?,
        width: number_or_zero("width")?,
        height: number_or_zero("height")?,
        narrower: o.list_or_empty("narrower", |v| {
            let r = Obj::new(v)?;
            Ok(Resized { src: r.string("src")?, width: r.number("width")? })
        })?,
    })
}

fn passage(o: &Obj, depth: usize) -> Read<Passage> {
    Ok(Passage { content: o.list("content", |v| inline(v, depth))?, topics: o.list_or_empty("topics", topic_id)? })
}

fn passages(o: &Obj, key: &str) -> Read<Vec<Passage>> {
    o.list(key, |v| passage(&Obj::new(v)?, 0))
}

pub fn block(value: &JsValue) -> Read<Block> {
    let o = Obj::new(value.clone())?;
    Ok(match o.string("type")?.as_str() {
        "paragraph" => Block::Paragraph(passage(&o, 0)?),
        "heading" => {
            let level = u8::try_from(o.number("level")?).map_err(|_| "`level` is too large".to_owned())?;
            Block::Heading { level, content: o.list("content", |v| inline(v, 0))? }
        }
        "quote" => Block::Quote { passages: passages(&o, "passages")? },
        "list" => Block::List { ordered: o.flag("ordered")?, items: passages(&o, "items")? },
        "image" => Block::Image(image(&o)?),
        other => return Err(format!("unknown block type `{other}`")),
    })
}

fn inline(value: JsValue, depth: usize) -> Read<Inline> {
    if depth > MAX_DEPTH {
        return Err("spans nested too deep".into());
    }
    let o = Obj::new(value)?;
    let content = |o: &Obj| o.list("content", |v| inline(v, depth + 1));
    Ok(match o.string("type")?.as_str() {
        "text" => Inline::Text { text: o.string("text")? },
        "code" => Inline::Code { text: o.string("text")? },
        "emphasis" => Inline::Emphasis { content: content(&o)? },
        "strong" => Inline::Strong { content: content(&o)? },
        "link" => Inline::Link { href: o.string("href")?, content: content(&o)? },
        "break" => Inline::Break,
        other => return Err(format!("unknown span type `{other}`")),
    })
}
