//! The low-vision version's settings («Версия для слабовидящих»): text
//! size, colours, pictures, spacing and typeface, as the reader chose them.
//!
//! They are kept as one short line (`size=150;scheme=wb`, only what differs
//! from the site's usual look) and shown on the page as `data-lv-<key>`
//! attributes that the stylesheet answers. A page reads the same line with
//! a small script before it is drawn (`style/low-vision.js`), so it never
//! flashes in the usual colours first; that script knows no setting by name.

use std::fmt;

/// One setting: its key (in the kept line and in the page's `data-lv-<key>`
/// attribute) and its choices, the site's usual look first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Setting {
    /// Text size: 100 %, 150 %, 200 %.
    Size,
    /// Colours: the site's, or one of five pairs at 7:1 contrast or more.
    Scheme,
    /// Pictures: shown, hidden, or in greyscale.
    Images,
    /// Letter and word spacing.
    Spacing,
    /// Line height.
    Leading,
    /// Typeface: the site's, all sans-serif, or all serif.
    Font,
}

impl Setting {
    pub const ALL: [Setting; 6] = [Setting::Size, Setting::Scheme, Setting::Images, Setting::Spacing, Setting::Leading, Setting::Font];

    pub fn key(self) -> &'static str {
        match self {
            Setting::Size => "size",
            Setting::Scheme => "scheme",
            Setting::Images => "images",
            Setting::Spacing => "spacing",
            Setting::Leading => "leading",
            Setting::Font => "font",
        }
    }

    /// Its choices; the first is the site's usual look.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            Setting::Size => &["100", "150", "200"],
            Setting::Scheme => &["site", "wb", "bw", "blue", "brown", "green"],
            Setting::Images => &["on", "off", "grey"],
            Setting::Spacing | Setting::Leading => &["normal", "wide"],
            Setting::Font => &["site", "sans", "serif"],
        }
    }

    fn index(self) -> usize {
        Setting::ALL.iter().position(|s| *s == self).unwrap_or_default()
    }
}

/// Every setting's choice, by its place in [`Setting::choices`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LowVision([u8; 6]);

impl LowVision {
    /// The settings a kept line names; a key or value it does not know
    /// (from another version of the viewer) is left at the usual look.
    pub fn parse(line: &str) -> Self {
        let mut settings = LowVision::default();
        for (key, value) in line.split(';').filter_map(|pair| pair.split_once('=')) {
            if let Some(setting) = Setting::ALL.into_iter().find(|s| s.key() == key.trim()) {
                settings = settings.with(setting, value.trim());
            }
        }
        settings
    }

    /// The choice made for `setting`.
    pub fn get(&self, setting: Setting) -> &'static str {
        setting.choices()[usize::from(self.0[setting.index()])]
    }

    /// These settings with `setting` at `choice`; unchanged if it is not one of its choices.
    pub fn with(mut self, setting: Setting, choice: &str) -> Self {
        if let Some(n) = setting.choices().iter().position(|c| *c == choice) {
            self.0[setting.index()] = n as u8;
        }
        self
    }

    /// Whether every setting is the site's usual look.
    pub fn is_usual(&self) -> bool {
        *self == LowVision::default()
    }

    /// The page's attributes: each setting's `data-lv-<key>` and its value,
    /// `None` (no attribute) where it is the usual look.
    pub fn attributes(&self) -> [(String, Option<&'static str>); 6] {
        Setting::ALL.map(|s| (format!("data-lv-{}", s.key()), self.changed(s)))
    }

    fn changed(&self, setting: Setting) -> Option<&'static str> {
        (self.0[setting.index()] != 0).then(|| self.get(setting))
    }
}

/// The kept line: `key=value` for each setting that is not the usual look, `;` between.
impl fmt::Display for LowVision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for setting in Setting::ALL {
            if let Some(value) = self.changed(setting) {
                if !first {
                    f.write_str(";")?;
                }
                write!(f, "{}={value}", setting.key())?;
                first = false;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_line_names_only_what_differs_from_the_usual_look() {
        let settings = LowVision::default().with(Setting::Size, "200").with(Setting::Scheme, "blue");
        assert_eq!(settings.to_string(), "size=200;scheme=blue");
        assert_eq!(LowVision::parse("size=200;scheme=blue"), settings);
        assert_eq!(LowVision::default().to_string(), "");
        assert!(LowVision::parse("").is_usual());
        // Back to the usual look is no longer kept.
        assert_eq!(settings.with(Setting::Size, "100").to_string(), "scheme=blue");
    }

    #[test]
    fn a_line_from_another_version_keeps_what_it_can() {
        let settings = LowVision::parse("size=300; scheme = bw ;contrast=max;images=grey;;font");
        assert_eq!(settings.get(Setting::Size), "100");
        assert_eq!(settings.get(Setting::Scheme), "bw");
        assert_eq!(settings.get(Setting::Images), "grey");
        assert_eq!(settings.to_string(), "scheme=bw;images=grey");
    }

    #[test]
    fn the_page_gets_an_attribute_for_each_change_and_loses_the_rest() {
        let attributes = LowVision::default().with(Setting::Leading, "wide").attributes();
        assert!(attributes.contains(&("data-lv-leading".to_string(), Some("wide"))));
        assert!(attributes.contains(&("data-lv-size".to_string(), None)));
        assert_eq!(attributes.iter().filter(|(_, v)| v.is_some()).count(), 1);
    }

    #[test]
    fn every_choice_is_a_plain_word_the_page_script_accepts() {
        // style/low-vision.js takes `[a-z]+=[a-z0-9]+` pairs only.
        for setting in Setting::ALL {
            assert!(setting.key().chars().all(|c| c.is_ascii_lowercase()));
            for choice in setting.choices() {
                assert!(choice.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{choice}");
            }
        }
    }
}
