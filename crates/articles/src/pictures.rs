//! An article's pictures. A picture given as a file (a path relative to the
//! article's own file, under `content/`) is checked when the article is
//! read, and at build made into a few widths, `media/<hash>-<width>.<ext>`
//! (named by the original's bytes, so a cache may keep them for good), each
//! in WebP where that is smaller than JPEG (or than PNG, for a picture with
//! transparency). Re-encoding also drops what a camera writes into a photo
//! (its place, its owner's name). A picture given as an `https:` address is
//! used as given.

use catalog::{Image, Resized};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The widths made of a picture, in pixels, where it is wider: a card's
/// thumbnail on a sharp phone screen, an article's column, and the column
/// on a sharp wide screen. A picture is never made wider than it is.
pub const WIDTHS: [u32; 3] = [400, 800, 1600];
/// JPEG's quality for the widths made: where photos stop showing blocks.
const JPEG_QUALITY: u8 = 82;
/// Where the widths made go in the site.
pub const FOLDER: &str = "media";

/// Whether `src` names a file of the site's content rather than an address.
pub fn is_file(src: &str) -> bool {
    !src.contains(':') && !src.starts_with(['/', '#', '?']) && !src.is_empty()
}

/// Whether `src` can name a picture of the article at `article`, in its
/// front matter or its text: a picture file under the content folder, or
/// an http(s) address, used as it is. Why not, when it cannot.
pub fn check_source(article: &Path, src: &str) -> Result<(), String> {
    if is_file(src) {
        check_file(article, src).map(|_| ())
    } else if src.starts_with("https://") || src.starts_with("http://") {
        Ok(())
    } else {
        Err(format!("picture `{src}`: use a path under content/ or an https:// address"))
    }
}

/// The picture file `src` names, for the article at `article`; why not,
/// when it is no picture that can be shown.
pub fn check_file(article: &Path, src: &str) -> Result<PathBuf, String> {
    let file = article.parent().unwrap_or(Path::new(".")).join(src);
    let content = article.parent().and_then(Path::parent).unwrap_or(Path::new("."));
    let inside = match (file.canonicalize(), content.canonicalize()) {
        (Ok(file), Ok(content)) => file.starts_with(content),
        (Err(_), _) => return Err(format!("picture `{src}` not found (looked for {})", file.display())),
        _ => false,
    };
    if !inside {
        return Err(format!("picture `{src}` is outside the content folder: only files under it are published"));
    }
    let reader = ImageReader::open(&file).and_then(ImageReader::with_guessed_format).map_err(|e| format!("picture `{src}`: {e}"))?;
    if reader.format().is_none() {
        return Err(format!("picture `{src}` is not a JPEG, PNG, WebP or GIF picture"));
    }
    reader.into_dimensions().map_err(|e| format!("picture `{src}` cannot be read: {e}"))?;
    Ok(file)
}

/// What a build does with picture files.
enum Mode {
    /// Checks them only (`articles check`).
    Check,
    /// Writes the widths into this site folder, keeping those already there
    /// (or in the cache folder, if any, where each width made is kept too).
    Write(PathBuf, Option<PathBuf>),
    /// Keeps the widths' bytes, for [`Pictures::take_files`].
    Memory(Mutex<Vec<(PathBuf, Vec<u8>)>>),
}

/// The pictures of one build: each file made once, however many articles
/// show it and however often an article is read.
pub struct Pictures {
    mode: Mode,
    made: Mutex<HashMap<PathBuf, Result<Made, String>>>,
}

/// A picture file's widths, narrowest first: (width, height, file in the site).
#[derive(Clone)]
struct Made(Vec<(u32, u32, String)>);

impl Pictures {
    pub fn check() -> Self {
        Self { mode: Mode::Check, made: Mutex::default() }
    }

    pub fn writing(site: &Path, cache: Option<&Path>) -> Self {
        Self { mode: Mode::Write(site.to_owned(), cache.map(Path::to_owned)), made: Mutex::default() }
    }

    pub fn in_memory() -> Self {
        Self { mode: Mode::Memory(Mutex::default()), made: Mutex::default() }
    }

    /// Makes `image`, of the article at `article`, the picture the site
    /// shows: its widths made, its size known. An address is left as it is.
    pub fn resolve(&self, article: &Path, image: &mut Image) -> Result<(), String> {
        if matches!(self.mode, Mode::Check) || !is_file(&image.src) {
            return Ok(());
        }
        let file = check_file(article, &image.src)?;
        let known = self.made.lock().expect("a picture maker panicked").get(&file).cloned();
        let made = match known {
            Some(made) => made,
            None => {
                let made = self.make(&file);
                self.made.lock().expect("a picture maker panicked").insert(file, made.clone());
                made
            }
        }
        .map_err(|e| format!("picture `{}`: {e}", image.src))?;
        let mut sizes = made.0.into_iter();
        let (width, height, src) = sizes.next_back().expect("a picture has at least one width");
        image.narrower = sizes.map(|(width, _, src)| Resized { src, width }).collect();
        image.src = src;
        image.width = width;
        image.height = height;
        Ok(())
    }

    /// The picture files this build shows, by their names in `media/`.
    pub fn used(&self) -> HashSet<String> {
        let made = self.made.lock().expect("a picture maker panicked");
        let files = made.values().flatten().flat_map(|m| m.0.iter());
        files.filter_map(|(_, _, src)| src.strip_prefix(&format!("{FOLDER}/")).map(str::to_owned)).collect()
    }

    /// The widths made so far, as (path in the site, bytes), when kept in memory.
    pub fn take_files(&self) -> Vec<(PathBuf, Vec<u8>)> {
        match &self.mode {
            Mode::Memory(files) => {
                let mut files = std::mem::take(&mut *files.lock().expect("a picture maker panicked"));
                files.sort();
                files
            }
            _ => Vec::new(),
        }
    }

    fn make(&self, file: &Path) -> Result<Made, String> {
        let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
        let hash = crate::build::short_hash(&Sha256::digest(&bytes));
        let mut decoder = ImageReader::new(Cursor::new(&bytes)).with_guessed_format().map_err(|e| e.to_string())?.into_decoder().map_err(|e| e.to_string())?;
        let orientation = decoder.orientation().map_err(|e| e.to_string())?;
        let (mut w, mut h) = decoder.dimensions();
        let turned = matches!(
            orientation,
            image::metadata::Orientation::Rotate90
                | image::metadata::Orientation::Rotate270
                | image::metadata::Orientation::Rotate90FlipH
                | image::metadata::Orientation::Rotate270FlipH
        );
        if turned {
            (w, h) = (h, w);
        }
        if w == 0 || h == 0 {
            return Err("it has no pixels".into());
        }
        let widths: Vec<u32> = WIDTHS.iter().copied().filter(|&x| x < w).chain([w.min(WIDTHS[WIDTHS.len() - 1])]).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        // Decoded only when a width must be made.
        let mut decoded: Option<(DynamicImage, bool)> = None;
        let mut decoder = Some(decoder);
        let mut made = Vec::new();
        for width in widths {
            let height = ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32;
            let stem = format!("{FOLDER}/{hash}-{width}");
            if let Mode::Write(site, cache) = &self.mode {
                if let Some(ext) = ["webp", "jpg", "png"].into_iter().find(|ext| site.join(format!("{stem}.{ext}")).is_file()) {
                    made.push((width, height, format!("{stem}.{ext}")));
                    continue;
                }
                let cached = cache.as_ref().and_then(|cache| {
                    let ext = ["webp", "jpg", "png"].into_iter().find(|ext| cache.join(format!("{stem}.{ext}")).is_file())?;
                    let name = format!("{stem}.{ext}");
                    let to = site.join(&name);
                    std::fs::create_dir_all(to.parent()?).ok()?;
                    std::fs::copy(cache.join(&name), &to).ok().map(|_| name)
                });
                if let Some(name) = cached {
                    made.push((width, height, name));
                    continue;
                }
            }
            if decoded.is_none() {
                let decoder = decoder.take().expect("decoded once");
                let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
                picture.apply_orientation(orientation);
                let alpha = picture.color().has_alpha();
                decoded = Some((picture, alpha));
            }
            let (picture, alpha) = decoded.as_ref().expect("decoded above");
            let sized = if width == picture.width() { picture.clone() } else { picture.resize_exact(width, height, FilterType::Lanczos3) };
            let (ext, bytes) = smallest(&sized, *alpha)?;
            let name = format!("{stem}.{ext}");
            match &self.mode {
                Mode::Write(site, cache) => {
                    for folder in std::iter::once(site).chain(cache) {
                        let path = folder.join(&name);
                        std::fs::create_dir_all(path.parent().expect("in a folder")).map_err(|e| e.to_string())?;
                        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
                    }
                }
                Mode::Memory(files) => files.lock().expect("a picture maker panicked").push((PathBuf::from(&name), bytes)),
                Mode::Check => {}
            }
            made.push((width, height, name));
        }
        Ok(Made(made))
    }
}

/// The smallest encoding of `picture`: lossless WebP, or JPEG (PNG where it
/// has transparency, which JPEG cannot keep).
fn smallest(picture: &DynamicImage, alpha: bool) -> Result<(&'static str, Vec<u8>), String> {
    let encode = |kind: &'static str| -> Result<(&'static str, Vec<u8>), String> {
        let mut out = Vec::new();
        let done = match kind {
            "webp" => {
                let rgba = picture.to_rgba8();
                WebPEncoder::new_lossless(&mut out).write_image(&rgba, rgba.width(), rgba.height(), image::ExtendedColorType::Rgba8)
            }
            "png" => {
                let rgba = picture.to_rgba8();
                PngEncoder::new(&mut out).write_image(&rgba, rgba.width(), rgba.height(), image::ExtendedColorType::Rgba8)
            }
            _ => {
                let rgb = picture.to_rgb8();
                JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).write_image(&rgb, rgb.width(), rgb.height(), image::ExtendedColorType::Rgb8)
            }
        };
        done.map_err(|e| e.to_string())?;
        Ok((kind, out))
    };
    let webp = encode("webp")?;
    let other = encode(if alpha { "png" } else { "jpg" })?;
    Ok(if webp.1.len() < other.1.len() { webp } else { other })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/articles")).unwrap();
        let article = dir.path().join("content/articles/a.md");
        (dir, article)
    }

    /// A photo-like picture: smooth colours with fine noise, which JPEG keeps small.
    fn photo(w: u32, h: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(image::RgbImage::from_fn(w, h, |x, y| {
            let n = ((x * 7919 + y * 104_729) % 23) as u8;
            image::Rgb([(x * 255 / w) as u8 ^ n, (y * 255 / h) as u8, 128u8.wrapping_add(n)])
        }))
    }

    #[test]
    fn a_photo_is_made_in_each_narrower_width_as_jpeg_and_keeps_its_shape() {
        let (dir, article) = site();
        photo(2000, 1000).save(dir.path().join("content/articles/field.jpg")).unwrap();
        let pictures = Pictures::in_memory();
        let mut image = Image::new("field.jpg", "Поле");
        pictures.resolve(&article, &mut image).unwrap();
        assert_eq!((image.width, image.height), (1600, 800));
        assert_eq!(image.narrower.iter().map(|r| r.width).collect::<Vec<_>>(), [400, 800]);
        assert!(image.src.starts_with("media/") && image.src.ends_with("-1600.jpg"), "{}", image.src);
        let files = pictures.take_files();
        assert_eq!(files.len(), 3);
        for (path, bytes) in &files {
            let made = image::load_from_memory(bytes).unwrap();
            let width: u32 = path.to_str().unwrap().rsplit('-').next().unwrap().split('.').next().unwrap().parse().unwrap();
            assert_eq!((made.width(), made.height()), (width, width / 2), "{}", path.display());
        }
    }

    #[test]
    fn a_drawing_is_made_as_webp_where_that_is_smaller_and_never_wider_than_it_is() {
        let (dir, article) = site();
        let drawing = image::RgbaImage::from_fn(600, 300, |x, _| if x < 300 { image::Rgba([30, 80, 160, 255]) } else { image::Rgba([0, 0, 0, 0]) });
        drawing.save(dir.path().join("content/articles/chart.png")).unwrap();
        let pictures = Pictures::in_memory();
        let mut image = Image::new("chart.png", "Диаграмма");
        pictures.resolve(&article, &mut image).unwrap();
        assert_eq!((image.width, image.height), (600, 300));
        assert_eq!(image.narrower.len(), 1);
        assert!(image.src.ends_with("-600.webp"), "{}", image.src);
        let files = pictures.take_files();
        let png_size = std::fs::metadata(dir.path().join("content/articles/chart.png")).unwrap().len() as usize;
        let made = files.iter().find(|(p, _)| p.to_str().unwrap().ends_with("-600.webp")).unwrap();
        assert!(made.1.len() < png_size, "{} ≥ {png_size}", made.1.len());
        assert!(image::load_from_memory(&made.1).unwrap().color().has_alpha());
    }

    #[test]
    fn a_written_width_is_not_made_again() {
        let (dir, article) = site();
        photo(500, 250).save(dir.path().join("content/articles/p.jpg")).unwrap();
        let out = dir.path().join("out");
        let cache = dir.path().join("cache");
        let mut first = Image::new("p.jpg", "П");
        Pictures::writing(&out, Some(&cache)).resolve(&article, &mut first).unwrap();
        let file = out.join(&first.src);
        let written = std::fs::metadata(&file).unwrap().modified().unwrap();
        let mut again = Image::new("p.jpg", "П");
        let pictures = Pictures::writing(&out, None);
        pictures.resolve(&article, &mut again).unwrap();
        assert_eq!(first, again);
        assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), written);
        assert_eq!(pictures.used().len(), 2);
        // Into an empty site folder, the cache's widths are copied, not made.
        let fresh = dir.path().join("fresh");
        std::fs::write(cache.join(&first.src), b"kept").unwrap();
        let mut third = Image::new("p.jpg", "П");
        Pictures::writing(&fresh, Some(&cache)).resolve(&article, &mut third).unwrap();
        assert_eq!(third, first);
        assert_eq!(std::fs::read(fresh.join(&first.src)).unwrap(), b"kept");
    }

    #[test]
    fn a_missing_or_outside_or_broken_picture_is_named() {
        let (dir, article) = site();
        std::fs::write(dir.path().join("content/articles/broken.jpg"), b"not a picture").unwrap();
        photo(10, 10).save(dir.path().join("secret.png")).unwrap();
        assert!(check_file(&article, "gone.jpg").unwrap_err().contains("not found"));
        assert!(check_file(&article, "../../secret.png").unwrap_err().contains("outside the content folder"));
        assert!(check_file(&article, "broken.jpg").is_err());
        assert!(is_file("img/a.jpg") && !is_file("https://x.org/a.jpg") && !is_file("/a.jpg"));
        // Neither a file nor an address: a path from the host's root would
        // break under a subfolder, and other schemes are never shown.
        for src in ["/a.jpg", "#a", "data:image/png;base64,AA==", ""] {
            assert!(check_source(&article, src).unwrap_err().contains("use a path under content/"), "{src}");
        }
        assert_eq!(check_source(&article, "https://x.org/a.jpg"), Ok(()));
    }
}
