//! Every word the viewer shows a reader, in Russian and English: one table
//! per language ([`RU`], [`EN`]). The language is chosen once, where the
//! viewer starts, and its table is provided as context, so the prerendered
//! pages and the live app say the same thing.
//!
//! A string missing from one language does not compile: both tables are
//! values of one struct, and every phrase with a number matches on both
//! languages.

use catalog::{plural_ru, Date, Month, Plural, Topic, SCHEMA_VERSION};
use leptos::prelude::*;

/// A language the viewer speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// The language a BCP 47 tag (`ru`, `en-GB`) names, if the viewer speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of `tags` the viewer speaks, else Russian: an element's
    /// `lang`, then the site's, then the default.
    pub fn choose<'a>(tags: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        tags.into_iter().flatten().find_map(Lang::from_tag).unwrap_or_default()
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn words(self) -> &'static Words {
        match self {
            Lang::Ru => &RU,
            Lang::En => &EN,
        }
    }
}

/// The table in force, as context.
#[derive(Clone, Copy)]
struct InterfaceWords(&'static Words);

/// The table in force: provided where the viewer starts.
pub fn use_words() -> &'static Words {
    expect_context::<InterfaceWords>().0
}

/// Makes `lang`'s table the one below this point.
pub fn provide_words(lang: Lang) {
    provide_context(InterfaceWords(lang.words()));
}

/// A noun's forms by count: Russian has three (1 статья, 2 статьи,
/// 5 статей), English two (the `few` and `many` forms are the same).
#[derive(Debug)]
pub struct Noun {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
}

/// Every string of the interface, in one language.
#[derive(Debug)]
pub struct Words {
    pub lang: Lang,
    pub list_heading: &'static str,
    pub topics: &'static str,
    pub all_topics: &'static str,
    /// The list's archive by month: its label, and the choice of every month.
    pub month: &'static str,
    pub all_months: &'static str,
    /// The list's facets of people, places and organisations, folded.
    pub names: &'static str,
    pub article_topics: &'static str,
    pub sample: &'static str,
    pub sample_hint: &'static str,
    pub back_to_list: &'static str,
    pub crumbs: &'static str,
    pub source: &'static str,
    pub mentions: &'static str,
    pub people: &'static str,
    pub places: &'static str,
    pub organizations: &'static str,
    pub lens: &'static str,
    pub next_passage: &'static str,
    /// The bar of a search's matches in an article.
    pub search_in_text: &'static str,
    pub next_match: &'static str,
    pub clear_marks: &'static str,
    pub pages: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    /// The pager of search results, which are ranked, not dated.
    pub previous: &'static str,
    pub next: &'static str,
    pub show_all: &'static str,
    pub empty: &'static str,
    pub empty_hint: &'static str,
    pub retry: &'static str,
    pub loading_list: &'static str,
    pub list_failed: &'static str,
    pub loading_body: &'static str,
    pub body_failed: &'static str,
    pub body_missing: &'static str,
    /// A part of the list is gone from the server: a newer build replaced it.
    pub list_moved: &'static str,
    /// The search box's label.
    pub search: &'static str,
    pub search_button: &'static str,
    pub searching: &'static str,
    /// When no article has every word of a search.
    pub any_word: &'static str,
    pub search_all_topics: &'static str,
    /// When a month or a name narrows a search as well as topics.
    pub search_without_filters: &'static str,
    pub clear_search: &'static str,
    pub search_failed: &'static str,
    pub offline_not_saved: &'static str,
    pub not_found: &'static str,
    pub not_found_hint: &'static str,
    /// The site's own 404 page (404.html), for any address that is not one.
    pub page_not_found: &'static str,
    pub footer: &'static str,
    pub no_connection: &'static str,
    pub not_json: &'static str,
    pub offline: &'static str,
    pub update_ready: &'static str,
    pub update: &'static str,
    pub not_now: &'static str,
    pub save_all: &'static str,
    pub stop_saving: &'static str,
    pub saving_label: &'static str,
    /// What `embed.js` says when the viewer's code itself fails to load; it
    /// keeps a copy, checked against this one by a test.
    pub embed_failed: &'static str,
    /// Month names as a date uses them ("19 января", "19 January").
    pub months: [&'static str; 12],
    /// Month names on their own ("Январь 2026", "January 2026").
    pub month_names: [&'static str; 12],
    /// The low-vision version: its button, its settings' label, and its
    /// reset and close.
    pub low_vision: &'static str,
    pub skip_to_content: &'static str,
    /// The list's filters, folded behind one control at large text.
    pub filters: &'static str,
    pub low_vision_settings: &'static str,
    pub low_vision_reset: &'static str,
    pub close: &'static str,
    /// The page of what is saved for offline reading: the footer's link to
    /// it, its heading and words, and its controls.
    pub saved_link: &'static str,
    pub saved_heading: &'static str,
    pub saved_intro: &'static str,
    pub saved_none: &'static str,
    pub saved_unavailable: &'static str,
    pub saved_needs_script: &'static str,
    pub remove: &'static str,
    pub remove_all: &'static str,
    pub show_more: &'static str,
    pub removed_all: &'static str,
    /// Sharing an article: the share sheet's button, the networks that
    /// have a name in this language, and the link copied (or not).
    pub share: &'static str,
    pub vk: &'static str,
    pub ok: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    /// Reading an article aloud: the tools' name, and their buttons.
    pub read_aloud: &'static str,
    pub listen: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    /// Each of its settings' legend and choices, in the order of
    /// [`catalog::Setting::ALL`] and of each one's choices.
    pub low_vision_choices: [(&'static str, &'static [&'static str]); 6],
    /// Articles as the object of a verb ("прочитать 1 статью").
    pub articles: Noun,
    pub passages: Noun,
    pub parts: Noun,
}

pub static RU: Words = Words {
    lang: Lang::Ru,
    list_heading: "Новости",
    topics: "Темы",
    all_topics: "Все темы",
    month: "Месяц",
    all_months: "Все месяцы",
    names: "Люди, места, организации",
    article_topics: "Темы статьи",
    sample: "Пример",
    sample_hint: "Учебная статья, не новость",
    back_to_list: "Все новости",
    crumbs: "Навигация",
    source: "Источник",
    mentions: "Упоминаются",
    people: "Люди",
    places: "Места",
    organizations: "Организации",
    lens: "Выделить абзацы по теме",
    next_passage: "Следующий абзац",
    search_in_text: "Поиск в статье",
    next_match: "Следующее совпадение",
    clear_marks: "Снять выделение",
    pages: "Страницы списка",
    newer: "← Новее",
    older: "Раньше →",
    previous: "← Назад",
    next: "Дальше →",
    show_all: "Показать все статьи",
    empty: "Нет статей по выбранным темам.",
    empty_hint: "Выберите другую тему или покажите все статьи.",
    retry: "Повторить",
    loading_list: "Загрузка новостей…",
    list_failed: "Не удалось загрузить список статей",
    loading_body: "Загружаем текст статьи…",
    body_failed: "Не удалось загрузить текст статьи",
    body_missing: "файла с текстом нет на сервере",
    list_moved: "на сайте вышло обновление — перезагрузите страницу",
    search: "Поиск по новостям",
    search_button: "Найти",
    searching: "Ищем…",
    any_word: "Статей со всеми словами нет — показаны статьи с любым из них.",
    search_all_topics: "Искать во всех темах",
    search_without_filters: "Искать без фильтров",
    clear_search: "Сбросить поиск",
    search_failed: "Поиск не удался",
    offline_not_saved: "нет сети, а эта статья не сохранена для чтения без сети",
    not_found: "Статья не найдена",
    not_found_hint: "Возможно, её убрали или ссылка набрана с ошибкой.",
    page_not_found: "Страница не найдена",
    footer: "Статьи с пометкой «Пример» написаны для демонстрации и не являются новостями.",
    no_connection: "нет связи с сервером",
    not_json: "это не JSON",
    offline: "Нет сети — показаны сохранённые статьи",
    update_ready: "Доступна новая версия",
    update: "Обновить",
    not_now: "Не сейчас",
    save_all: "Сохранить все статьи для чтения без сети",
    stop_saving: "Остановить сохранение",
    saving_label: "Сохранение статей",
    embed_failed: "Не удалось загрузить новости.",
    months: [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
        "ноября", "декабря",
    ],
    month_names: [
        "Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь",
        "Ноябрь", "Декабрь",
    ],
    low_vision: "Версия для слабовидящих",
    skip_to_content: "Перейти к содержанию",
    filters: "Темы и фильтры",
    low_vision_settings: "Настройки для слабовидящих",
    low_vision_reset: "Обычная версия",
    close: "Закрыть",
    saved_link: "Сохранённые статьи",
    saved_heading: "Сохранённые статьи",
    saved_intro: "Эти статьи открываются без сети. Статьи, которые вы открываете, сохраняются сами; «Сохранить все» сохранит весь архив.",
    saved_none: "Пока ничего не сохранено.",
    saved_unavailable: "Этот браузер не сохраняет статьи для чтения без сети (нужен защищённый адрес https и включённый service worker).",
    saved_needs_script: "Список сохранённых статей показывается, когда в браузере включён JavaScript.",
    remove: "Удалить",
    remove_all: "Удалить все",
    show_more: "Показать ещё",
    removed_all: "Все сохранённые статьи удалены.",
    share: "Поделиться",
    vk: "ВКонтакте",
    ok: "Одноклассники",
    copy_link: "Скопировать ссылку",
    link_copied: "Ссылка скопирована",
    copy_failed: "Не удалось скопировать: скопируйте адрес из строки браузера",
    read_aloud: "Чтение вслух",
    listen: "Слушать",
    pause: "Пауза",
    resume: "Продолжить",
    stop: "Остановить",
    low_vision_choices: [
        ("Размер шрифта", &["100\u{a0}%", "150\u{a0}%", "200\u{a0}%"]),
        ("Цвета", &["Как на сайте", "Чёрный на белом", "Белый на чёрном", "Синий на голубом", "Коричневый на бежевом", "Зелёный на коричневом"]),
        ("Изображения", &["Показывать", "Скрыть", "Чёрно-белые"]),
        ("Интервал между буквами", &["Обычный", "Увеличенный"]),
        ("Межстрочный интервал", &["Обычный", "Увеличенный"]),
        ("Шрифт", &["Как на сайте", "Без засечек", "С засечками"]),
    ],
    articles: Noun { one: "статью", few: "статьи", many: "статей" },
    passages: Noun { one: "абзац", few: "абзаца", many: "абзацев" },
    parts: Noun { one: "часть", few: "части", many: "частей" },
};

pub static EN: Words = Words {
    lang: Lang::En,
    list_heading: "News",
    topics: "Topics",
    all_topics: "All topics",
    month: "Month",
    all_months: "All months",
    names: "People, places, organisations",
    article_topics: "Article topics",
    sample: "Sample",
    sample_hint: "A demonstration article, not news",
    back_to_list: "All news",
    crumbs: "Navigation",
    source: "Source",
    mentions: "Mentioned",
    people: "People",
    places: "Places",
    organizations: "Organisations",
    lens: "Mark passages by topic",
    next_passage: "Next passage",
    search_in_text: "Search in the article",
    next_match: "Next match",
    clear_marks: "Clear the marks",
    pages: "List pages",
    newer: "← Newer",
    older: "Older →",
    previous: "← Previous",
    next: "Next →",
    show_all: "Show all articles",
    empty: "No articles on the chosen topics.",
    empty_hint: "Choose another topic or show all articles.",
    retry: "Try again",
    loading_list: "Loading the news…",
    list_failed: "Could not load the list of articles",
    loading_body: "Loading the article's text…",
    body_failed: "Could not load the text of",
    body_missing: "the text file is not on the server",
    list_moved: "the site has been updated: reload the page",
    search: "Search news",
    search_button: "Search",
    searching: "Searching…",
    any_word: "No article has every word: showing articles with any of them.",
    search_all_topics: "Search all topics",
    search_without_filters: "Search without filters",
    clear_search: "Clear the search",
    search_failed: "The search failed",
    offline_not_saved: "there is no network, and this article was not saved for offline reading",
    not_found: "Article not found",
    not_found_hint: "It may have been removed, or the link was mistyped.",
    page_not_found: "Page not found",
    footer: "Articles marked \u{201c}Sample\u{201d} were written for demonstration and are not news.",
    no_connection: "no connection to the server",
    not_json: "this is not JSON",
    offline: "Offline — showing saved articles",
    update_ready: "A new version is available",
    update: "Update",
    not_now: "Not now",
    save_all: "Save all articles for offline reading",
    stop_saving: "Stop saving",
    saving_label: "Saving articles",
    embed_failed: "Could not load the news.",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ],
    month_names: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ],
    low_vision: "Low vision version",
    skip_to_content: "Skip to content",
    filters: "Topics and filters",
    low_vision_settings: "Low vision settings",
    low_vision_reset: "Usual version",
    close: "Close",
    saved_link: "Saved articles",
    saved_heading: "Saved articles",
    saved_intro: "These articles open offline. The articles you open are saved by themselves; \u{201c}Save all\u{201d} saves the whole archive.",
    saved_none: "Nothing is saved yet.",
    saved_unavailable: "This browser does not keep articles for offline reading (it needs a secure https address and service workers).",
    saved_needs_script: "The list of saved articles shows when JavaScript is on.",
    remove: "Remove",
    remove_all: "Remove all",
    show_more: "Show more",
    removed_all: "All saved articles are removed.",
    share: "Share",
    vk: "VK",
    ok: "OK",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Could not copy: copy the address from the browser's bar",
    read_aloud: "Read aloud",
    listen: "Listen",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    low_vision_choices: [
        ("Text size", &["100\u{a0}%", "150\u{a0}%", "200\u{a0}%"]),
        ("Colours", &["As on the site", "Black on white", "White on black", "Dark blue on light blue", "Brown on beige", "Green on dark brown"]),
        ("Images", &["Show", "Hide", "Greyscale"]),
        ("Letter spacing", &["Normal", "Wider"]),
        ("Line height", &["Normal", "Taller"]),
        ("Typeface", &["As on the site", "Sans-serif", "Serif"]),
    ],
    articles: Noun { one: "article", few: "articles", many: "articles" },
    passages: Noun { one: "passage", few: "passages", many: "passages" },
    parts: Noun { one: "part", few: "parts", many: "parts" },
};

impl Words {
    /// "10 000", "2637"; "10,000", "2,637": how every count is written. In
    /// Russian a no-break space sets off the thousands from five digits on,
    /// as print does; in English a comma from four.
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let (mark, from) = match self.lang {
            Lang::Ru => ('\u{a0}', 10_000),
            Lang::En => (',', 1_000),
        };
        if n < from {
            return digits;
        }
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(mark);
            }
            out.push(d);
        }
        out
    }

    /// "3 абзаца", "1 passage": the count with its noun in the right form.
    pub fn count(&self, n: usize, noun: &Noun) -> String {
        let form = match self.lang {
            Lang::Ru => match plural_ru(n) {
                Plural::One => noun.one,
                Plural::Few => noun.few,
                Plural::Many => noun.many,
            },
            Lang::En if n == 1 => noun.one,
            Lang::En => noun.many,
        };
        format!("{} {form}", self.number(n))
    }

    /// "19 января 2026 г.", "19 January 2026".
    pub fn date(&self, date: Date) -> String {
        let month = self.months[usize::from(date.month()) - 1];
        match self.lang {
            Lang::Ru => format!("{} {month} {} г.", date.day(), date.year()),
            Lang::En => format!("{} {month} {}", date.day(), date.year()),
        }
    }

    /// "Январь 2026 (12)", "January 2026 (12)": a month of the list and how
    /// many articles it has under the other filters.
    pub fn month_choice(&self, month: Month, count: usize) -> String {
        format!("{} {} ({})", self.month_names[usize::from(month.month()) - 1], month.year(), self.number(count))
    }

    /// A topic's label in this language.
    pub fn topic<'t>(&self, topic: &'t Topic) -> &'t str {
        match self.lang {
            Lang::Ru => &topic.ru,
            Lang::En => &topic.en,
        }
    }

    /// "3 абзаца о сельском хозяйстве", "3 passages about agriculture".
    pub fn passages_about(&self, n: usize, topic: &Topic) -> String {
        let about = match self.lang {
            Lang::Ru => &topic.ru_about,
            Lang::En => &topic.en_about,
        };
        format!("{} {about}", self.count(n, &self.passages))
    }

    /// The count of the list under the filter.
    pub fn shown(&self, n: usize, of: usize) -> String {
        let (count, total) = (self.number(n), self.number(of));
        match self.lang {
            // «Показана 1 статья из 7», «Показаны 3 статьи из 7», «Показано 5 статей из 7».
            Lang::Ru => match plural_ru(n) {
                Plural::One => format!("Показана {count} статья из {total}"),
                Plural::Few => format!("Показаны {count} статьи из {total}"),
                Plural::Many => format!("Показано {count} статей из {total}"),
            },
            Lang::En if of == 1 => format!("Showing {count} of 1 article"),
            Lang::En => format!("Showing {count} of {total} articles"),
        }
    }

    /// The count of a list in pages: which of its `n` articles this page
    /// shows, `first` to `last` (from 1), and the whole list's `of` when the
    /// choices narrow it. «Показаны 1–20 из 93 статей, всего 10 000».
    pub fn shown_part(&self, first: usize, last: usize, n: usize, of: usize) -> String {
        let (from, to, count, total) = (self.number(first), self.number(last), self.number(n), self.number(of));
        let part = match (self.lang, first == last) {
            (Lang::Ru, true) => format!("Показана статья {from}"),
            (Lang::Ru, false) => format!("Показаны {from}–{to}"),
            (Lang::En, true) => format!("Showing {from}"),
            (Lang::En, false) => format!("Showing {from}–{to}"),
        };
        // «из 21 статьи», «из 93 статей»: the genitive after «из».
        let of_n = match (self.lang, plural_ru(n)) {
            (Lang::Ru, Plural::One) => format!("из {count} статьи"),
            (Lang::Ru, _) => format!("из {count} статей"),
            (Lang::En, _) => format!("of {count} articles"),
        };
        match (self.lang, n == of) {
            (_, true) => format!("{part} {of_n}"),
            (Lang::Ru, false) => format!("{part} {of_n}, всего {total}"),
            (Lang::En, false) => format!("{part} {of_n}, {total} in all"),
        }
    }

    /// "Найдено 3 статьи по запросу «молоко»", "Found 3 articles for “milk”".
    pub fn found(&self, n: usize, query: &str) -> String {
        let count = self.number(n);
        match (self.lang, catalog::plural_ru(n)) {
            // The subject here, not the object of «прочитать»: «статья», not «статью».
            (Lang::Ru, catalog::Plural::One) => format!("Найдена {count} статья по запросу «{query}»"),
            (Lang::Ru, catalog::Plural::Few) => format!("Найдено {count} статьи по запросу «{query}»"),
            (Lang::Ru, catalog::Plural::Many) => format!("Найдено {count} статей по запросу «{query}»"),
            (Lang::En, _) => format!("Found {} for \u{201c}{query}\u{201d}", self.count(n, &self.articles)),
        }
    }

    /// "«молоко» в тексте: 3 абзаца", "“milk” in the text: 3 passages".
    pub fn found_in_text(&self, count: usize, query: &str) -> String {
        match (self.lang, count) {
            (Lang::Ru, 0) => format!("В тексте нет слов запроса «{query}»"),
            (Lang::En, 0) => format!("No words of \u{201c}{query}\u{201d} in the text"),
            (Lang::Ru, n) => format!("«{query}» в тексте: {}", self.count(n, &self.passages)),
            (Lang::En, n) => format!("\u{201c}{query}\u{201d} in the text: {}", self.count(n, &self.passages)),
        }
    }

    /// `filtered`: the search is narrowed by topics, a month or names, and
    /// it is they that leave nothing.
    pub fn nothing_found(&self, query: &str, filtered: bool) -> String {
        match (self.lang, filtered) {
            (Lang::Ru, false) => format!("По запросу «{query}» ничего не нашлось."),
            (Lang::Ru, true) => format!("По запросу «{query}» с выбранными фильтрами ничего не нашлось."),
            (Lang::En, false) => format!("Nothing found for \u{201c}{query}\u{201d}."),
            (Lang::En, true) => format!("Nothing found for \u{201c}{query}\u{201d} with the chosen filters."),
        }
    }

    pub fn search_failure(&self, why: &str) -> String {
        format!("{}: {why}.", self.search_failed)
    }

    pub fn page_of(&self, n: u32, of: u32) -> String {
        let (current, count) = (self.number(n as usize), self.number(of as usize));
        match self.lang {
            Lang::Ru => format!("Страница {current} из {count}"),
            Lang::En => format!("Page {current} of {count}"),
        }
    }

    /// The document title of a later page of the list.
    pub fn list_page_title(&self, site: &str, n: u32) -> String {
        let number = self.number(n as usize);
        match self.lang {
            Lang::Ru => format!("{site} — страница {number}"),
            Lang::En => format!("{site} — page {number}"),
        }
    }

    /// Entries of the index that are not articles; the list shows the others.
    pub fn unreadable_articles(&self, problems: &[String]) -> String {
        let rest = match self.lang {
            Lang::Ru => "из списка ({}). Остальные показаны.",
            Lang::En => "of the list ({}). The rest are shown.",
        };
        self.unreadable(problems, &self.articles, rest)
    }

    /// Blocks of a body that are not blocks; the article shows the others.
    pub fn unreadable_blocks(&self, problems: &[String]) -> String {
        let rest = match self.lang {
            Lang::Ru => "текста ({}). Остальное показано.",
            Lang::En => "of the text ({}). The rest is shown.",
        };
        self.unreadable(problems, &self.parts, rest)
    }

    fn unreadable(&self, problems: &[String], noun: &Noun, rest: &str) -> String {
        let lead = match self.lang {
            Lang::Ru => "Не удалось прочитать",
            Lang::En => "Could not read",
        };
        let rest = rest.replacen("{}", &problems.join("; "), 1);
        format!("{lead} {} {rest}", self.count(problems.len(), noun))
    }

    /// Names the n-th (from 0) entry of the index, when it has no slug.
    pub fn entry_number(&self, n: usize) -> String {
        match self.lang {
            Lang::Ru => format!("№ {}", n + 1),
            Lang::En => format!("No. {}", n + 1),
        }
    }

    /// Names the n-th (from 0) block of a body.
    pub fn block_number(&self, n: usize) -> String {
        match self.lang {
            Lang::Ru => format!("блок {}", n + 1),
            Lang::En => format!("block {}", n + 1),
        }
    }

    /// The text that could not be loaded, and why.
    pub fn body_failure(&self, title: &str, why: &str) -> String {
        match self.lang {
            Lang::Ru => format!("{} «{title}»: {why}", self.body_failed),
            Lang::En => format!("{} \u{201c}{title}\u{201d}: {why}", self.body_failed),
        }
    }

    pub fn list_failure(&self, why: &str) -> String {
        format!("{}: {why}.", self.list_failed)
    }

    pub fn http_status(&self, code: u16) -> String {
        match self.lang {
            Lang::Ru => format!("сервер ответил ошибкой {code}"),
            Lang::En => format!("the server answered with error {code}"),
        }
    }

    pub fn damaged(&self, why: &str) -> String {
        match self.lang {
            Lang::Ru => format!("файл повреждён ({why})"),
            Lang::En => format!("the file is damaged ({why})"),
        }
    }

    pub fn other_schema(&self, version: u32) -> String {
        match self.lang {
            Lang::Ru => format!("данные версии {version}, а этот просмотрщик читает версию {SCHEMA_VERSION}"),
            Lang::En => format!("the data is version {version}, and this viewer reads version {SCHEMA_VERSION}"),
        }
    }

    /// A body file that holds another article than the index says.
    pub fn other_article(&self, slug: &str) -> String {
        match self.lang {
            Lang::Ru => format!("в файле статья «{slug}»"),
            Lang::En => format!("the file holds the article \u{201c}{slug}\u{201d}"),
        }
    }

    pub fn saving(&self, done: usize, total: usize) -> String {
        let (done, total) = (self.number(done), self.number(total));
        match self.lang {
            Lang::Ru => format!("Сохранено {done} из {total}…"),
            Lang::En => format!("Saved {done} of {total}…"),
        }
    }

    /// Minutes to read an article: «4 мин чтения», "4 min read".
    pub fn reading_time(&self, minutes: u32) -> String {
        match self.lang {
            Lang::Ru => format!("{minutes}\u{a0}мин чтения"),
            Lang::En => format!("{minutes}\u{a0}min read"),
        }
    }

    pub fn saved(&self, n: usize) -> String {
        let total = self.number(n);
        match self.lang {
            Lang::Ru => format!("Все статьи ({total}) сохранены: их можно читать без сети."),
            Lang::En if n == 1 => "The article is saved for offline reading.".to_owned(),
            Lang::En => format!("All {total} articles are saved for offline reading."),
        }
    }

    pub fn not_saved(&self, failed: usize, total: usize) -> String {
        let (failed, total) = (self.number(failed), self.number(total));
        match self.lang {
            Lang::Ru => format!("Не удалось сохранить {failed} из {total}: проверьте связь и повторите."),
            Lang::En => format!("{failed} of {total} could not be saved: check the connection and try again."),
        }
    }

    /// The reader stopped saving: what was saved by then.
    pub fn saving_stopped(&self, done: usize, total: usize) -> String {
        let (done, total) = (self.number(done), self.number(total));
        match self.lang {
            Lang::Ru => format!("Сохранение остановлено: сохранено {done} из {total}."),
            Lang::En => format!("Saving stopped: {done} of {total} saved."),
        }
    }

    /// The disk filled while saving: what was saved whole, and what to do.
    pub fn no_space(&self, done: usize, total: usize) -> String {
        let (done, total) = (self.number(done), self.number(total));
        match self.lang {
            Lang::Ru => format!("На устройстве не хватает места: сохранено {done} из {total}. Освободите место или удалите ненужное в «Сохранённых» и повторите."),
            Lang::En => format!("The device is out of space: {done} of {total} saved. Free some space, or remove what you no longer need from Saved, and try again."),
        }
    }

    /// A moment in the reader's own time: «2 декабря 2026 г., 10:15»,
    /// "2 December 2026, 10:15".
    pub fn moment(&self, date: Date, hour: u32, minute: u32) -> String {
        format!("{}, {hour}:{minute:02}", self.date(date))
    }

    /// When an article was saved: «Сохранено 2 декабря 2026 г., 10:15».
    pub fn saved_on(&self, moment: &str) -> String {
        match self.lang {
            Lang::Ru => format!("Сохранено {moment}"),
            Lang::En => format!("Saved {moment}"),
        }
    }

    /// A size in bytes as a reader reads it: «45 КБ», «1,2 МБ»; "45 KB", "1.2 MB".
    pub fn size(&self, bytes: u64) -> String {
        let (kb, mb) = match self.lang {
            Lang::Ru => ("КБ", "МБ"),
            Lang::En => ("KB", "MB"),
        };
        // Tenths of a megabyte in whole numbers: formatting a float would
        // cost the wasm more than this whole page.
        let point = if self.lang == Lang::Ru { ',' } else { '.' };
        if bytes < 1_000_000 {
            format!("{}\u{a0}{kb}", bytes.div_ceil(1000).max(1))
        } else {
            let tenths = (bytes + 50_000) / 100_000;
            format!("{}{point}{}\u{a0}{mb}", tenths / 10, tenths % 10)
        }
    }

    /// How much is saved: «Сохранено статей: 7, 45 КБ».
    pub fn saved_summary(&self, n: usize, bytes: u64) -> String {
        let count = self.number(n);
        match self.lang {
            Lang::Ru => format!("Сохранено статей: {count}, {}", self.size(bytes)),
            Lang::En => format!("Saved articles: {count}, {}", self.size(bytes)),
        }
    }

    /// The accessible name of one saved article's "remove".
    pub fn remove_one(&self, title: &str) -> String {
        match self.lang {
            Lang::Ru => format!("Удалить «{title}» из сохранённых"),
            Lang::En => format!("Remove \u{201c}{title}\u{201d} from saved"),
        }
    }

    /// Every plain string of the table, for the tests that hold the two
    /// languages to each other.
    pub fn all(&self) -> Vec<&'static str> {
        let Words {
            lang: _,
            list_heading,
            topics,
            all_topics,
            month,
            all_months,
            names,
            article_topics,
            sample,
            sample_hint,
            back_to_list,
            crumbs,
            source,
            mentions,
            people,
            places,
            organizations,
            lens,
            next_passage,
            search_in_text,
            next_match,
            clear_marks,
            pages,
            newer,
            older,
            previous,
            next,
            show_all,
            empty,
            empty_hint,
            retry,
            loading_list,
            list_failed,
            loading_body,
            body_failed,
            body_missing,
            list_moved,
            search,
            search_button,
            searching,
            any_word,
            search_all_topics,
            search_without_filters,
            clear_search,
            search_failed,
            offline_not_saved,
            not_found,
            not_found_hint,
            page_not_found,
            footer,
            no_connection,
            not_json,
            offline,
            update_ready,
            update,
            not_now,
            save_all,
            stop_saving,
            saving_label,
            embed_failed,
            low_vision,
            skip_to_content,
            filters,
            low_vision_settings,
            low_vision_reset,
            close,
            saved_link,
            saved_heading,
            saved_intro,
            saved_none,
            saved_unavailable,
            saved_needs_script,
            remove,
            remove_all,
            show_more,
            removed_all,
            share,
            vk,
            ok,
            copy_link,
            link_copied,
            copy_failed,
            read_aloud,
            listen,
            pause,
            resume,
            stop,
            low_vision_choices,
            months,
            month_names,
            articles,
            passages,
            parts,
        } = self;
        let mut all = vec![
            *list_heading, *topics, *all_topics, *month, *all_months, *names, *article_topics, *sample, *sample_hint, *back_to_list, *crumbs,
            *source, *mentions, *people, *places, *organizations, *lens, *next_passage, *search_in_text, *next_match, *clear_marks, *pages, *newer, *older, *previous, *next,
            *show_all, *empty, *empty_hint, *retry, *loading_list, *list_failed, *loading_body, *body_failed,
            *body_missing, *list_moved, *search, *search_button, *searching, *any_word, *search_all_topics, *search_without_filters,
            *clear_search, *search_failed, *offline_not_saved, *not_found, *not_found_hint, *page_not_found, *footer, *no_connection, *not_json,
            *offline, *update_ready, *update, *not_now, *save_all, *stop_saving, *saving_label, *embed_failed,
            *low_vision, *skip_to_content, *filters, *low_vision_settings, *low_vision_reset, *close,
            *saved_link, *saved_heading, *saved_intro, *saved_none, *saved_unavailable, *saved_needs_script,
            *remove, *remove_all, *show_more, *removed_all, *share, *vk, *ok, *copy_link, *link_copied, *copy_failed,
            *read_aloud, *listen, *pause, *resume, *stop,
        ];
        for (legend, choices) in low_vision_choices {
            all.push(legend);
            // Sizes are numbers in both languages.
            all.extend(choices.iter().filter(|c| c.chars().any(char::is_alphabetic)));
        }
        all.extend(months);
        all.extend(month_names);
        for noun in [articles, passages, parts] {
            all.extend([noun.one, noun.few, noun.many]);
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalog::TopicId;

    fn topic() -> Topic {
        Topic {
            id: TopicId::new("trade"),
            ru: "Торговля".into(),
            en: "Trade".into(),
            ru_about: "о торговле".into(),
            en_about: "about trade".into(),
            count: 1,
        }
    }

    fn cyrillic(s: &str) -> bool {
        s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
    }

    #[test]
    fn counts_set_off_their_thousands_as_each_language_prints_them() {
        // A space between two digits is a no-break one.
        let nbsp = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            let at = |i: usize| c[i] == ' ' && i > 0 && c[i - 1].is_ascii_digit() && c.get(i + 1).is_some_and(char::is_ascii_digit);
            (0..c.len()).map(|i| if at(i) { '\u{a0}' } else { c[i] }).collect::<String>()
        };
        assert_eq!([0, 999, 2637, 9999].map(|n| RU.number(n)), ["0", "999", "2637", "9999"]);
        assert_eq!([10_000, 123_456, 1_234_567].map(|n| RU.number(n)), ["10 000", "123 456", "1 234 567"].map(nbsp));
        assert_eq!([999, 2637, 10_000, 1_234_567].map(|n| EN.number(n)), ["999", "2,637", "10,000", "1,234,567"]);
        assert_eq!(RU.shown(10_000, 10_000), nbsp("Показано 10 000 статей из 10 000"));
        assert_eq!(RU.shown(21, 10_001), nbsp("Показана 21 статья из 10 001"));
        assert_eq!(EN.shown(2637, 10_000), "Showing 2,637 of 10,000 articles");
        assert_eq!(RU.found(12_345, "молоко"), nbsp("Найдено 12 345 статей по запросу «молоко»"));
        assert_eq!(EN.found(1_001, "milk"), "Found 1,001 articles for \u{201c}milk\u{201d}");
        assert_eq!(RU.month_choice(Month::parse("2026-01").unwrap(), 10_000), nbsp("Январь 2026 (10 000)"));
        assert_eq!(EN.page_of(2, 1_500), "Page 2 of 1,500");
        assert_eq!(EN.list_page_title("News", 1_500), "News — page 1,500");
        assert_eq!(RU.count(25_000, &RU.passages), nbsp("25 000 абзацев"));
        assert_eq!(RU.saving(9_999, 10_000), nbsp("Сохранено 9999 из 10 000…"));
        assert_eq!(EN.saved(10_000), "All 10,000 articles are saved for offline reading.");
    }

    #[test]
    fn search_results_are_counted_in_the_nominative() {
        let found = |n| RU.found(n, "молоко");
        assert_eq!(found(1), "Найдена 1 статья по запросу «молоко»");
        assert_eq!(found(21), "Найдена 21 статья по запросу «молоко»");
        assert_eq!(found(3), "Найдено 3 статьи по запросу «молоко»");
        assert_eq!(found(11), "Найдено 11 статей по запросу «молоко»");
        assert_eq!(found(105), "Найдено 105 статей по запросу «молоко»");
        assert_eq!(EN.found(1, "milk"), "Found 1 article for \u{201c}milk\u{201d}");
    }

    #[test]
    fn a_list_in_pages_says_which_of_its_articles_the_page_shows() {
        assert_eq!(RU.shown_part(1, 20, 10_000, 10_000), "Показаны 1–20 из 10\u{a0}000 статей");
        assert_eq!(RU.shown_part(21, 40, 93, 10_000), "Показаны 21–40 из 93 статей, всего 10\u{a0}000");
        assert_eq!(RU.shown_part(21, 21, 21, 30), "Показана статья 21 из 21 статьи, всего 30");
        assert_eq!(EN.shown_part(1, 20, 2_637, 10_000), "Showing 1–20 of 2,637 articles, 10,000 in all");
        assert_eq!(EN.shown_part(41, 41, 41, 41), "Showing 41 of 41 articles");
    }

    #[test]
    fn nothing_found_says_whether_the_filters_leave_it_out() {
        assert_eq!(RU.nothing_found("квазар", false), "По запросу «квазар» ничего не нашлось.");
        assert_eq!(RU.nothing_found("молоко", true), "По запросу «молоко» с выбранными фильтрами ничего не нашлось.");
        assert_eq!(EN.nothing_found("milk", true), "Nothing found for \u{201c}milk\u{201d} with the chosen filters.");
    }

    #[test]
    fn matches_in_an_article_are_counted_in_passages() {
        assert_eq!(RU.found_in_text(1, "молоко"), "«молоко» в тексте: 1 абзац");
        assert_eq!(RU.found_in_text(3, "молоко"), "«молоко» в тексте: 3 абзаца");
        assert_eq!(RU.found_in_text(11, "молоко"), "«молоко» в тексте: 11 абзацев");
        assert_eq!(RU.found_in_text(0, "молоко"), "В тексте нет слов запроса «молоко»");
        assert_eq!(EN.found_in_text(2, "milk"), "\u{201c}milk\u{201d} in the text: 2 passages");
    }

    #[test]
    fn the_result_count_says_articles_in_the_form_the_number_takes() {
        assert_eq!(RU.shown(1, 7), "Показана 1 статья из 7");
        assert_eq!(RU.shown(3, 7), "Показаны 3 статьи из 7");
        assert_eq!(RU.shown(5, 7), "Показано 5 статей из 7");
        assert_eq!(RU.shown(11, 30), "Показано 11 статей из 30");
        assert_eq!(RU.shown(21, 30), "Показана 21 статья из 30");
        assert_eq!(RU.shown(0, 7), "Показано 0 статей из 7");
        assert_eq!(EN.shown(3, 7), "Showing 3 of 7 articles");
        assert_eq!(EN.shown(1, 1), "Showing 1 of 1 article");
    }

    #[test]
    fn saved_sizes_and_moments_read_as_a_reader_writes_them() {
        assert_eq!(RU.size(1), "1\u{a0}КБ");
        assert_eq!(RU.size(45_100), "46\u{a0}КБ");
        assert_eq!(RU.size(1_234_567), "1,2\u{a0}МБ");
        assert_eq!(EN.size(1_234_567), "1.2\u{a0}MB");
        assert_eq!(RU.saved_summary(7, 45_000), "Сохранено статей: 7, 45\u{a0}КБ");
        let date = Date::new(2026, 12, 2).unwrap();
        assert_eq!(RU.saved_on(&RU.moment(date, 9, 5)), "Сохранено 2 декабря 2026 г., 9:05");
        assert_eq!(EN.saved_on(&EN.moment(date, 17, 30)), "Saved 2 December 2026, 17:30");
    }

    #[test]
    fn every_low_vision_setting_has_a_word_for_each_choice() {
        for words in [&RU, &EN] {
            for (setting, (_, choices)) in catalog::Setting::ALL.iter().zip(&words.low_vision_choices) {
                assert_eq!(choices.len(), setting.choices().len(), "{setting:?} in {:?}", words.lang);
            }
        }
    }

    #[test]
    fn every_string_is_in_both_languages() {
        let (ru, en) = (RU.all(), EN.all());
        assert_eq!(ru.len(), en.len());
        for (r, e) in ru.iter().zip(&en) {
            assert!(!r.trim().is_empty() && !e.trim().is_empty(), "an empty string beside {r:?} / {e:?}");
            assert!(cyrillic(r), "not Russian: {r:?}");
            assert!(!cyrillic(e), "Russian in the English table: {e:?}");
        }
    }

    #[test]
    fn phrases_with_numbers_are_in_both_languages() {
        let t = topic();
        let problems = vec!["«a»: x".to_owned()];
        for words in [&RU, &EN] {
            let phrases = [
                words.count(3, &words.articles),
                words.date(Date::new(2026, 1, 19).unwrap()),
                words.passages_about(2, &t),
                words.shown(3, 7),
                words.shown_part(21, 40, 93, 10_000),
                words.nothing_found("x", true),
                words.page_of(1, 2),
                words.list_page_title("S", 2),
                words.unreadable_articles(&problems),
                words.unreadable_blocks(&problems),
                words.block_number(0),
                words.body_failure("T", "x"),
                words.list_failure("x"),
                words.http_status(500),
                words.damaged("x"),
                words.other_schema(2),
                words.other_article("a"),
                words.saving(1, 2),
                words.saved(2),
                words.not_saved(1, 2),
                words.saving_stopped(1, 2),
                words.found_in_text(0, "x"),
                words.found_in_text(3, "x"),
            ];
            for phrase in phrases {
                let phrase = phrase.replace("«a»", "");
                assert_eq!(cyrillic(&phrase), words.lang == Lang::Ru, "{:?}: {phrase:?}", words.lang);
            }
        }
    }

    #[test]
    fn entries_are_numbered_in_each_language() {
        assert_eq!(RU.entry_number(2), "№ 3");
        assert_eq!(EN.entry_number(2), "No. 3");
    }

    #[test]
    fn russian_counts_take_the_right_form() {
        let forms = [
            (1, "1 статью"),
            (2, "2 статьи"),
            (5, "5 статей"),
            (11, "11 статей"),
            (21, "21 статью"),
            (22, "22 статьи"),
            (101, "101 статью"),
            (111, "111 статей"),
        ];
        for (n, want) in forms {
            assert_eq!(RU.count(n, &RU.articles), want);
        }
        let t = topic();
        assert_eq!(RU.passages_about(1, &t), "1 абзац о торговле");
        assert_eq!(RU.passages_about(3, &t), "3 абзаца о торговле");
        assert_eq!(RU.passages_about(25, &t), "25 абзацев о торговле");
    }

    #[test]
    fn english_counts_and_dates() {
        let t = topic();
        assert_eq!(EN.passages_about(1, &t), "1 passage about trade");
        assert_eq!(EN.passages_about(21, &t), "21 passages about trade");
        assert_eq!(EN.count(0, &EN.articles), "0 articles");
        assert_eq!(EN.date(Date::new(2026, 1, 19).unwrap()), "19 January 2026");
        assert_eq!(RU.date(Date::new(2026, 1, 19).unwrap()), "19 января 2026 г.");
        assert_eq!(RU.date(Date::new(2025, 12, 1).unwrap()), "1 декабря 2025 г.");
        let month = Month::parse("2025-12").unwrap();
        assert_eq!((RU.month_choice(month, 12).as_str(), EN.month_choice(month, 1).as_str()), ("Декабрь 2025 (12)", "December 2025 (1)"));
    }

    #[test]
    fn the_language_is_the_first_one_spoken() {
        assert_eq!(Lang::choose([Some("en-GB"), Some("ru")]), Lang::En);
        assert_eq!(Lang::choose([None, Some("en")]), Lang::En);
        assert_eq!(Lang::choose([Some("de"), Some("ru")]), Lang::Ru);
        assert_eq!(Lang::choose([Some("de"), None]), Lang::Ru);
        assert_eq!(Lang::choose([None, None]), Lang::Ru);
    }

    /// `embed.js` cannot read this table when the wasm failed to load: its
    /// copy of the message must say the same.
    #[test]
    fn the_element_script_says_what_the_table_says() {
        let script = include_str!("../../../embed/embed.js");
        for words in [&RU, &EN] {
            assert!(script.contains(&format!("'{}'", words.embed_failed)), "embed.js lacks {:?}", words.embed_failed);
        }
    }
}
