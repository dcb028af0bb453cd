//! Slugs from titles: Cyrillic transliterated after GOST 7.79-2000, system B,
//! adapted for URLs (no apostrophes, `ц` as `c`), so
//! «Сельское хозяйство» becomes `selskoe-xozyajstvo`.

/// The latin letters for one lower-case Cyrillic letter, if it is one.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "j",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "x",
        'ц' => "c",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shh",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        // Belarusian and Ukrainian letters a portal may quote.
        'і' => "i",
        'ў' => "u",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        _ => return None,
    })
}

/// A slug for `title`: latin letters, digits and single `-`, at most about
/// `max` characters, cut at a word boundary. Empty when nothing is left.
pub fn from_title(title: &str, max: usize) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in title.to_lowercase().chars() {
        let piece: Option<String> = if c.is_ascii_alphanumeric() {
            Some(c.to_string())
        } else {
            latin(c).map(str::to_owned)
        };
        match piece {
            Some(p) if p.is_empty() => {}
            Some(p) => {
                if gap && !slug.is_empty() {
                    slug.push('-');
                }
                gap = false;
                slug.push_str(&p);
            }
            None => gap = true,
        }
    }
    if slug.len() > max {
        let cut = slug[..=max].rfind('-').unwrap_or(max);
        slug.truncate(cut);
    }
    slug
}

/// The slug a new article's file is named with: at most about 60
/// characters, and `article` when the title has no letter or digit to keep.
pub fn for_title(title: &str) -> String {
    match from_title(title, 60) {
        s if s.is_empty() => "article".to_owned(),
        s => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_russian_readably() {
        assert_eq!(from_title("Сельское хозяйство", 60), "selskoe-xozyajstvo");
        assert_eq!(from_title("Щучье озеро: съезд, объём", 60), "shhuche-ozero-sezd-obyom");
        assert_eq!(from_title("Цех №3 в Юрье — «Экспо-2026»!", 60), "cex-3-v-yure-ekspo-2026");
    }

    #[test]
    fn keeps_latin_and_digits_and_cuts_at_a_word() {
        assert_eq!(from_title("Kirov EXPO 2026", 60), "kirov-expo-2026");
        assert_eq!(from_title("Губернатор встретился с Президентом Беларуси", 20), "gubernator");
        assert_eq!(from_title("«»…", 60), "");
    }

    #[test]
    fn a_files_slug_is_never_empty() {
        assert_eq!(for_title("Сельское хозяйство"), "selskoe-xozyajstvo");
        assert_eq!(for_title("«»…"), "article");
    }
}
