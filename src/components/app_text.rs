use leptos::prelude::document;

/// The live app's own words, in the page's language: English when the
/// document says so, Russian otherwise.
#[derive(Clone, Copy, PartialEq)]
pub enum AppText {
    Ru,
    En,
}

impl AppText {
    pub fn for_document() -> Self {
        let lang = document().document_element().map(|html| html.get_attribute("lang").unwrap_or_default());
        if lang.is_some_and(|l| l.starts_with("en")) {
            AppText::En
        } else {
            AppText::Ru
        }
    }

    pub fn offline(self) -> &'static str {
        match self {
            AppText::Ru => "Нет сети — показаны сохранённые статьи",
            AppText::En => "Offline — showing saved articles",
        }
    }

    pub fn update_ready(self) -> &'static str {
        match self {
            AppText::Ru => "Доступна новая версия",
            AppText::En => "A new version is available",
        }
    }

    pub fn update(self) -> &'static str {
        match self {
            AppText::Ru => "Обновить",
            AppText::En => "Update",
        }
    }

    pub fn not_now(self) -> &'static str {
        match self {
            AppText::Ru => "Не сейчас",
            AppText::En => "Not now",
        }
    }

    pub fn save_all(self) -> &'static str {
        match self {
            AppText::Ru => "Сохранить все статьи для чтения без сети",
            AppText::En => "Save all articles for offline reading",
        }
    }

    pub fn saving_label(self) -> &'static str {
        match self {
            AppText::Ru => "Сохранение статей",
            AppText::En => "Saving articles",
        }
    }

    pub fn saving(self, done: usize, total: usize) -> String {
        match self {
            AppText::Ru => format!("Сохранено {done} из {total}…"),
            AppText::En => format!("Saved {done} of {total}…"),
        }
    }

    pub fn saved(self, total: usize) -> String {
        match self {
            AppText::Ru => format!("Все статьи ({total}) сохранены: их можно читать без сети."),
            AppText::En => format!("All {total} articles are saved for offline reading."),
        }
    }

    pub fn not_saved(self, failed: usize, total: usize) -> String {
        match self {
            AppText::Ru => format!("Не удалось сохранить {failed} из {total}: проверьте связь и повторите."),
            AppText::En => format!("{failed} of {total} could not be saved: check the connection and try again."),
        }
    }
}
