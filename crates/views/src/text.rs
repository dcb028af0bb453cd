//! The viewer's own words.

use catalog::{plural_ru, Plural};

pub const LIST_HEADING: &str = "Новости";
pub const TOPICS: &str = "Темы";
pub const ALL_TOPICS: &str = "Все темы";
pub const SAMPLE: &str = "Пример";
pub const SAMPLE_HINT: &str = "Учебная статья, не новость";
pub const BACK_TO_LIST: &str = "Все новости";
pub const SOURCE: &str = "Источник";
pub const MENTIONS: &str = "Упоминаются";
pub const PEOPLE: &str = "Люди";
pub const PLACES: &str = "Места";
pub const ORGANIZATIONS: &str = "Организации";
pub const LENS: &str = "Выделить абзацы по теме";
pub const NEXT_PASSAGE: &str = "Следующий абзац";
pub const PAGES: &str = "Страницы списка";
pub const NEWER: &str = "← Новее";
pub const OLDER: &str = "Раньше →";
pub const SHOW_ALL: &str = "Показать все статьи";
pub const EMPTY: &str = "Нет статей по выбранным темам.";
pub const EMPTY_HINT: &str = "Выберите другую тему или покажите все статьи.";
pub const RETRY: &str = "Повторить";
pub const LOADING_BODY: &str = "Загружаем текст статьи…";
pub const BODY_FAILED: &str = "Не удалось загрузить текст статьи";
pub const NOT_FOUND: &str = "Статья не найдена";
pub const NOT_FOUND_HINT: &str = "Возможно, её убрали или ссылка набрана с ошибкой.";
pub const FOOTER: &str =
    "Статьи с пометкой «Пример» написаны для демонстрации и не являются новостями.";

pub fn shown(count: usize, total: usize) -> String {
    format!("Показано {count} из {total}")
}

/// The document title of a later page of the list.
pub fn list_page_title(site: &str, number: u32) -> String {
    format!("{site} — страница {number}")
}

pub fn page_of(current: u32, count: u32) -> String {
    format!("Страница {current} из {count}")
}

/// "3 абзаца о сельском хозяйстве".
pub fn passages_about(count: usize, about: &str) -> String {
    let noun = match plural_ru(count) {
        Plural::One => "абзац",
        Plural::Few => "абзаца",
        Plural::Many => "абзацев",
    };
    format!("{count} {noun} {about}")
}

/// "Не удалось прочитать 2 статьи из списка (…). Остальные показаны.":
/// entries of the index that are not articles; the list shows the others.
pub fn unreadable_articles(problems: &[String]) -> String {
    unreadable(problems, ["статью", "статьи", "статей"], "из списка", "Остальные показаны")
}

/// "Не удалось прочитать 1 часть текста (…). Остальное показано.": blocks
/// of a body that are not blocks; the article shows the others.
pub fn unreadable_blocks(problems: &[String]) -> String {
    unreadable(problems, ["часть", "части", "частей"], "текста", "Остальное показано")
}

/// The noun's one, few and many forms come in the order `plural_ru` names them.
fn unreadable(problems: &[String], [one, few, many]: [&str; 3], of_what: &str, rest: &str) -> String {
    let noun = match plural_ru(problems.len()) {
        Plural::One => one,
        Plural::Few => few,
        Plural::Many => many,
    };
    format!("Не удалось прочитать {} {noun} {of_what} ({}). {rest}.", problems.len(), problems.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_passages_in_russian() {
        assert_eq!(passages_about(1, "о торговле"), "1 абзац о торговле");
        assert_eq!(passages_about(3, "о сельском хозяйстве"), "3 абзаца о сельском хозяйстве");
        assert_eq!(passages_about(5, "о промышленности"), "5 абзацев о промышленности");
    }
}
