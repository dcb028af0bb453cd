//! A synthetic Russian corpus for benchmarks and tests: `articles synth`.
//!
//! Search and filters over copies of one article measure nothing, so each
//! article here is its own: sentences built from a lexicon of real Russian
//! words in their real inflected forms (six cases, two numbers, past-tense
//! verbs agreeing with their subject), over the topics of `topics.toml`,
//! with people, places and organisations for facets. Every article says it
//! is synthetic (`sample = true`, and the site is named so).
//!
//! Some words never appear in their dictionary form ([`WITHHELD`]): the
//! corpus says «молока», «молоком», «молоке», never «молоко». A search for
//! the dictionary form can only find them by stemming, which is what the
//! benchmarks ask of it.
//!
//! The corpus is the same for the same seed on every machine and version:
//! the generator is ours (SplitMix64), and article `i` depends only on the
//! seed and `i`, so the first 100 articles of a 10,000-article corpus are
//! the 100-article corpus.

use crate::front_matter::{self, FrontMatter};
use catalog::Date;
use std::fmt::Write as _;
use std::path::Path;

/// Dictionary forms that no synthetic article contains, though their other
/// forms are everywhere: queries that only stemming can answer.
pub const WITHHELD: &[&str] = &["молоко", "древесина", "товарооборот"];

/// The newest article's date; older ones go back from it, three a day.
const NEWEST: (i32, u32, u32) = (2026, 1, 19);
const PER_DAY: usize = 3;

/// SplitMix64's finaliser: every bit of the input moves every bit out.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64: small, fast, and ours, so the corpus never changes under us.
struct Rng(u64);

impl Rng {
    const STEP: u64 = 0x9E37_79B9_7F4A_7C15;

    /// Article `i`'s generator: its starting point mixed from the seed and
    /// `i`, so that no two articles walk the same stretch of the sequence.
    fn for_article(seed: u64, i: usize) -> Self {
        Rng(mix(mix(seed)
            .wrapping_add((i as u64).wrapping_mul(Self::STEP))
            ^ seed))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(Self::STEP);
        mix(self.0)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.range(1, 100) <= percent
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Gender {
    M,
    F,
    N,
}

#[derive(Clone, Copy)]
enum Case {
    Nom = 0,
    Gen = 1,
    Dat = 2,
    Acc = 3,
    Ins = 4,
    Prep = 5,
}

/// A noun in its six cases, singular and (if it has one) plural.
struct Noun {
    topic: Option<&'static str>,
    gender: Gender,
    animate: bool,
    sg: [&'static str; 6],
    pl: Option<[&'static str; 6]>,
}

impl Noun {
    /// Whether its nominative (and so, inanimate, its accusative) is withheld.
    fn withheld(&self) -> bool {
        WITHHELD.contains(&self.sg[0])
    }

    fn form(&self, case: Case, plural: bool) -> &'static str {
        match (plural, self.pl) {
            (true, Some(pl)) => pl[case as usize],
            _ => self.sg[case as usize],
        }
    }
}

const fn noun(
    topic: Option<&'static str>,
    gender: Gender,
    sg: [&'static str; 6],
    pl: Option<[&'static str; 6]>,
) -> Noun {
    Noun {
        topic,
        gender,
        animate: false,
        sg,
        pl,
    }
}

const fn person_noun(
    topic: Option<&'static str>,
    sg: [&'static str; 6],
    pl: [&'static str; 6],
) -> Noun {
    Noun {
        topic,
        gender: Gender::M,
        animate: true,
        sg,
        pl: Some(pl),
    }
}

use Gender::{F, M, N};

const AGRI: Option<&str> = Some("agriculture");
const INDUSTRY: Option<&str> = Some("industry");
const TRADE: Option<&str> = Some("trade");
const HUMANITARIAN: Option<&str> = Some("humanitarian");
const TRANSPORT: Option<&str> = Some("transport");

#[rustfmt::skip]
const NOUNS: &[Noun] = &[
    noun(AGRI, N, ["молоко", "молока", "молоку", "молоко", "молоком", "молоке"], None),
    noun(AGRI, N, ["зерно", "зерна", "зерну", "зерно", "зерном", "зерне"], None),
    noun(AGRI, M, ["урожай", "урожая", "урожаю", "урожай", "урожаем", "урожае"], Some(["урожаи", "урожаев", "урожаям", "урожаи", "урожаями", "урожаях"])),
    noun(AGRI, F, ["ферма", "фермы", "ферме", "ферму", "фермой", "ферме"], Some(["фермы", "ферм", "фермам", "фермы", "фермами", "фермах"])),
    noun(AGRI, M, ["корм", "корма", "корму", "корм", "кормом", "корме"], Some(["корма", "кормов", "кормам", "корма", "кормами", "кормах"])),
    noun(AGRI, M, ["скот", "скота", "скоту", "скот", "скотом", "скоте"], None),
    noun(AGRI, F, ["теплица", "теплицы", "теплице", "теплицу", "теплицей", "теплице"], Some(["теплицы", "теплиц", "теплицам", "теплицы", "теплицами", "теплицах"])),
    noun(AGRI, F, ["древесина", "древесины", "древесине", "древесину", "древесиной", "древесине"], None),
    noun(INDUSTRY, M, ["завод", "завода", "заводу", "завод", "заводом", "заводе"], Some(["заводы", "заводов", "заводам", "заводы", "заводами", "заводах"])),
    noun(INDUSTRY, M, ["цех", "цеха", "цеху", "цех", "цехом", "цехе"], Some(["цеха", "цехов", "цехам", "цеха", "цехами", "цехах"])),
    noun(INDUSTRY, M, ["станок", "станка", "станку", "станок", "станком", "станке"], Some(["станки", "станков", "станкам", "станки", "станками", "станках"])),
    noun(INDUSTRY, F, ["фабрика", "фабрики", "фабрике", "фабрику", "фабрикой", "фабрике"], Some(["фабрики", "фабрик", "фабрикам", "фабрики", "фабриками", "фабриках"])),
    noun(INDUSTRY, F, ["техника", "техники", "технике", "технику", "техникой", "технике"], None),
    noun(INDUSTRY, F, ["продукция", "продукции", "продукции", "продукцию", "продукцией", "продукции"], None),
    noun(TRADE, F, ["ярмарка", "ярмарки", "ярмарке", "ярмарку", "ярмаркой", "ярмарке"], Some(["ярмарки", "ярмарок", "ярмаркам", "ярмарки", "ярмарками", "ярмарках"])),
    noun(TRADE, M, ["экспорт", "экспорта", "экспорту", "экспорт", "экспортом", "экспорте"], None),
    noun(TRADE, F, ["поставка", "поставки", "поставке", "поставку", "поставкой", "поставке"], Some(["поставки", "поставок", "поставкам", "поставки", "поставками", "поставках"])),
    noun(TRADE, M, ["рынок", "рынка", "рынку", "рынок", "рынком", "рынке"], Some(["рынки", "рынков", "рынкам", "рынки", "рынками", "рынках"])),
    noun(TRADE, M, ["товарооборот", "товарооборота", "товарообороту", "товарооборот", "товарооборотом", "товарообороте"], None),
    person_noun(TRADE, ["предприниматель", "предпринимателя", "предпринимателю", "предпринимателя", "предпринимателем", "предпринимателе"], ["предприниматели", "предпринимателей", "предпринимателям", "предпринимателей", "предпринимателями", "предпринимателях"]),
    person_noun(HUMANITARIAN, ["студент", "студента", "студенту", "студента", "студентом", "студенте"], ["студенты", "студентов", "студентам", "студентов", "студентами", "студентах"]),
    noun(HUMANITARIAN, M, ["музей", "музея", "музею", "музей", "музеем", "музее"], Some(["музеи", "музеев", "музеям", "музеи", "музеями", "музеях"])),
    noun(HUMANITARIAN, M, ["фестиваль", "фестиваля", "фестивалю", "фестиваль", "фестивалем", "фестивале"], Some(["фестивали", "фестивалей", "фестивалям", "фестивали", "фестивалями", "фестивалях"])),
    noun(HUMANITARIAN, M, ["театр", "театра", "театру", "театр", "театром", "театре"], Some(["театры", "театров", "театрам", "театры", "театрами", "театрах"])),
    noun(HUMANITARIAN, F, ["библиотека", "библиотеки", "библиотеке", "библиотеку", "библиотекой", "библиотеке"], Some(["библиотеки", "библиотек", "библиотекам", "библиотеки", "библиотеками", "библиотеках"])),
    noun(HUMANITARIAN, F, ["молодёжь", "молодёжи", "молодёжи", "молодёжь", "молодёжью", "молодёжи"], None),
    noun(HUMANITARIAN, M, ["университет", "университета", "университету", "университет", "университетом", "университете"], Some(["университеты", "университетов", "университетам", "университеты", "университетами", "университетах"])),
    noun(TRANSPORT, F, ["дорога", "дороги", "дороге", "дорогу", "дорогой", "дороге"], Some(["дороги", "дорог", "дорогам", "дороги", "дорогами", "дорогах"])),
    noun(TRANSPORT, M, ["мост", "моста", "мосту", "мост", "мостом", "мосте"], Some(["мосты", "мостов", "мостам", "мосты", "мостами", "мостах"])),
    noun(TRANSPORT, M, ["автобус", "автобуса", "автобусу", "автобус", "автобусом", "автобусе"], Some(["автобусы", "автобусов", "автобусам", "автобусы", "автобусами", "автобусах"])),
    noun(TRANSPORT, M, ["маршрут", "маршрута", "маршруту", "маршрут", "маршрутом", "маршруте"], Some(["маршруты", "маршрутов", "маршрутам", "маршруты", "маршрутами", "маршрутах"])),
    person_noun(TRANSPORT, ["пассажир", "пассажира", "пассажиру", "пассажира", "пассажиром", "пассажире"], ["пассажиры", "пассажиров", "пассажирам", "пассажиров", "пассажирами", "пассажирах"]),
    noun(TRANSPORT, M, ["вокзал", "вокзала", "вокзалу", "вокзал", "вокзалом", "вокзале"], Some(["вокзалы", "вокзалов", "вокзалам", "вокзалы", "вокзалами", "вокзалах"])),
    noun(None, M, ["район", "района", "району", "район", "районом", "районе"], Some(["районы", "районов", "районам", "районы", "районами", "районах"])),
    noun(None, N, ["предприятие", "предприятия", "предприятию", "предприятие", "предприятием", "предприятии"], Some(["предприятия", "предприятий", "предприятиям", "предприятия", "предприятиями", "предприятиях"])),
    noun(None, M, ["проект", "проекта", "проекту", "проект", "проектом", "проекте"], Some(["проекты", "проектов", "проектам", "проекты", "проектами", "проектах"])),
    noun(None, F, ["программа", "программы", "программе", "программу", "программой", "программе"], Some(["программы", "программ", "программам", "программы", "программами", "программах"])),
];

/// An adjective with a hard stem: `нов-ый`, or `лесн-ой` (`stressed_end`).
struct Adjective {
    topic: Option<&'static str>,
    stem: &'static str,
    stressed_end: bool,
}

impl Adjective {
    fn form(&self, gender: Gender, case: Case, plural: bool, animate: bool) -> String {
        let ending = if plural {
            [
                "ые",
                "ых",
                "ым",
                if animate { "ых" } else { "ые" },
                "ыми",
                "ых",
            ][case as usize]
        } else {
            match gender {
                Gender::M => {
                    let nom = if self.stressed_end { "ой" } else { "ый" };
                    [
                        nom,
                        "ого",
                        "ому",
                        if animate { "ого" } else { nom },
                        "ым",
                        "ом",
                    ][case as usize]
                }
                Gender::F => ["ая", "ой", "ой", "ую", "ой", "ой"][case as usize],
                Gender::N => ["ое", "ого", "ому", "ое", "ым", "ом"][case as usize],
            }
        };
        format!("{}{ending}", self.stem)
    }
}

const fn adj(topic: Option<&'static str>, stem: &'static str) -> Adjective {
    Adjective {
        topic,
        stem,
        stressed_end: false,
    }
}

#[rustfmt::skip]
const ADJECTIVES: &[Adjective] = &[
    adj(None, "нов"), adj(None, "крупн"), adj(None, "местн"), adj(None, "современн"),
    adj(None, "совместн"), adj(None, "региональн"), adj(None, "районн"),
    adj(AGRI, "молочн"), adj(AGRI, "сельскохозяйственн"),
    Adjective { topic: AGRI, stem: "лесн", stressed_end: true },
    Adjective { topic: AGRI, stem: "зернов", stressed_end: true },
    adj(INDUSTRY, "промышленн"), adj(INDUSTRY, "производственн"),
    adj(TRADE, "торгов"), adj(TRADE, "экспортн"),
    adj(HUMANITARIAN, "культурн"), adj(HUMANITARIAN, "научн"), adj(HUMANITARIAN, "образовательн"),
    adj(TRANSPORT, "транспортн"), adj(TRANSPORT, "дорожн"),
];

/// A verb's past tense: masculine, feminine, neuter, plural.
type Past = [&'static str; 4];

#[rustfmt::skip]
const TRANSITIVE: &[Past] = &[
    ["открыл", "открыла", "открыло", "открыли"], ["запустил", "запустила", "запустило", "запустили"],
    ["выпустил", "выпустила", "выпустило", "выпустили"], ["построил", "построила", "построило", "построили"],
    ["закупил", "закупила", "закупило", "закупили"], ["представил", "представила", "представило", "представили"],
    ["получил", "получила", "получило", "получили"], ["расширил", "расширила", "расширило", "расширили"],
    ["обновил", "обновила", "обновило", "обновили"], ["модернизировал", "модернизировала", "модернизировало", "модернизировали"],
];

#[rustfmt::skip]
const REFLEXIVE: &[Past] = &[
    ["открылся", "открылась", "открылось", "открылись"], ["появился", "появилась", "появилось", "появились"],
    ["заработал", "заработала", "заработало", "заработали"], ["обновился", "обновилась", "обновилось", "обновились"],
];

/// Subjects with a gender for agreement: people, and organisations named
/// by a common noun and a name in quotes.
#[rustfmt::skip]
const PEOPLE: &[(&str, Gender)] = &[
    ("Анна Смирнова", F), ("Игорь Волков", M), ("Мария Кузнецова", F), ("Олег Лебедев", M),
    ("Елена Морозова", F), ("Сергей Попов", M), ("Наталья Новикова", F), ("Дмитрий Козлов", M),
    ("Татьяна Соколова", F), ("Алексей Павлов", M), ("Ольга Фёдорова", F), ("Виктор Орлов", M),
];

#[rustfmt::skip]
const ORGANIZATIONS: &[(&str, Gender, Option<&str>)] = &[
    ("Агрохолдинг «Вятская нива»", M, AGRI), ("Кооператив «Родник»", M, AGRI),
    ("Завод «Вятмаш»", M, INDUSTRY), ("Фабрика «Слобода»", F, INDUSTRY),
    ("Компания «Вятка-Экспорт»", F, TRADE), ("Торговый дом «Северный»", M, TRADE),
    ("Музей «Вятская старина»", M, HUMANITARIAN), ("Университет «Вятка»", M, HUMANITARIAN),
    ("Перевозчик «Вятка-Авто»", M, TRANSPORT), ("Объединение «Дорстрой»", N, TRANSPORT),
];

/// Places: nominative (for the facets) and prepositional («в Кирове»).
#[rustfmt::skip]
const PLACES: &[(&str, &str)] = &[
    ("Киров", "Кирове"), ("Слободской", "Слободском"), ("Котельнич", "Котельниче"),
    ("Вятские Поляны", "Вятских Полянах"), ("Советск", "Советске"), ("Омутнинск", "Омутнинске"),
    ("Яранск", "Яранске"), ("Кирово-Чепецк", "Кирово-Чепецке"), ("Уржум", "Уржуме"),
    ("Малмыж", "Малмыже"), ("Нолинск", "Нолинске"), ("Луза", "Лузе"),
];

fn past(forms: &Past, gender: Gender, plural: bool) -> &'static str {
    match (plural, gender) {
        (true, _) => forms[3],
        (false, Gender::M) => forms[0],
        (false, Gender::F) => forms[1],
        (false, Gender::N) => forms[2],
    }
}

/// «о …», or «об …» before a vowel.
fn about(phrase: &str) -> String {
    let before_vowel = phrase.starts_with(['а', 'о', 'у', 'э', 'и']);
    format!("{} {phrase}", if before_vowel { "об" } else { "о" })
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One article's words: drawn mostly from its own topics.
struct Writer<'a> {
    rng: Rng,
    topics: &'a [&'a str],
    people: Vec<&'static str>,
    places: Vec<&'static str>,
    organizations: Vec<&'static str>,
}

impl Writer<'_> {
    fn on_topic(&self, topic: Option<&str>) -> bool {
        topic.is_none_or(|t| self.topics.contains(&t))
    }

    /// A noun for `case`: on the article's topics four times in five, and
    /// never a withheld word in the form withheld.
    fn noun(&mut self, case: Case) -> &'static Noun {
        let on_topic = self.rng.chance(80);
        let nominal = matches!(case, Case::Nom | Case::Acc);
        let fits = |n: &Noun, this: &Self| {
            !(nominal && n.withheld())
                && (!on_topic || n.topic.is_some_and(|t| this.topics.contains(&t)))
        };
        let candidates: Vec<&'static Noun> = NOUNS.iter().filter(|n| fits(n, self)).collect();
        let candidates = if candidates.is_empty() {
            NOUNS
                .iter()
                .filter(|n| !(nominal && n.withheld()))
                .collect()
        } else {
            candidates
        };
        candidates[self.rng.range(0, candidates.len() - 1)]
    }

    fn adjective(&mut self) -> &'static Adjective {
        let candidates: Vec<&'static Adjective> = ADJECTIVES
            .iter()
            .filter(|a| a.topic.is_none_or(|t| self.topics.contains(&t)))
            .collect();
        candidates[self.rng.range(0, candidates.len() - 1)]
    }

    /// An adjective and a noun agreeing in `case`.
    fn phrase(&mut self, case: Case) -> String {
        let noun = self.noun(case);
        let plural = noun.pl.is_some() && self.rng.chance(30);
        let adjective = self
            .adjective()
            .form(noun.gender, case, plural, noun.animate);
        format!("{adjective} {}", noun.form(case, plural))
    }

    fn place(&mut self) -> &'static str {
        let (nom, prep) = *self.rng.pick(PLACES);
        if !self.places.contains(&nom) {
            self.places.push(nom);
        }
        prep
    }

    /// A subject: a person or an organisation, with its gender.
    fn subject(&mut self) -> (&'static str, Gender) {
        if self.rng.chance(40) {
            let (name, gender) = *self.rng.pick(PEOPLE);
            if !self.people.contains(&name) {
                self.people.push(name);
            }
            (name, gender)
        } else {
            let fitting: Vec<_> = ORGANIZATIONS
                .iter()
                .filter(|(_, _, t)| self.on_topic(*t))
                .collect();
            let &&(name, gender, _) = self.rng.pick(&fitting);
            if !self.organizations.contains(&name) {
                self.organizations.push(name);
            }
            (name, gender)
        }
    }

    fn sentence(&mut self) -> String {
        match self.rng.range(0, 7) {
            0 => {
                let (who, gender) = self.subject();
                let verb = past(self.rng.pick(TRANSITIVE), gender, false);
                format!(
                    "{who} {verb} {} в {}.",
                    self.phrase(Case::Acc),
                    self.place()
                )
            }
            1 => {
                let noun = self.noun(Case::Nom);
                let plural = noun.pl.is_some() && self.rng.chance(25);
                let adjective = self
                    .adjective()
                    .form(noun.gender, Case::Nom, plural, noun.animate);
                let verb = past(self.rng.pick(REFLEXIVE), noun.gender, plural);
                format!(
                    "В {} {verb} {adjective} {}.",
                    self.place(),
                    noun.form(Case::Nom, plural)
                )
            }
            2 => {
                // Goods by volume («объём молока»), things by number («число ферм»).
                let topics = self.topics;
                let on_topic =
                    |n: &&Noun| n.topic.is_some_and(|t| topics.contains(&t)) && !n.animate;
                let goods: Vec<&Noun> = NOUNS
                    .iter()
                    .filter(|n| on_topic(n) && n.pl.is_none() && n.gender != Gender::F)
                    .collect();
                let things: Vec<&Noun> = NOUNS
                    .iter()
                    .filter(|n| on_topic(n) && n.pl.is_some())
                    .collect();
                let percent = self.rng.range(5, 20);
                if !goods.is_empty() && (things.is_empty() || self.rng.chance(50)) {
                    format!(
                        "Объём {} за год вырос на {percent} процентов.",
                        self.rng.pick(&goods).form(Case::Gen, false)
                    )
                } else if !things.is_empty() {
                    format!(
                        "Число {} за год выросло на {percent} процентов.",
                        self.rng.pick(&things).form(Case::Gen, true)
                    )
                } else {
                    format!("Интерес к {} растёт.", self.phrase(Case::Dat))
                }
            }
            3 => {
                let (who, gender) = self.subject();
                let told = if gender == Gender::F {
                    "рассказала"
                } else if gender == Gender::N {
                    "рассказало"
                } else {
                    "рассказал"
                };
                format!(
                    "{who} {told} {} и {}.",
                    about(&self.phrase(Case::Prep)),
                    about(&self.phrase(Case::Prep))
                )
            }
            4 => {
                let (who, _) = self.subject();
                format!(
                    "{who} работает с {} и {}.",
                    self.phrase(Case::Ins),
                    self.noun(Case::Ins).form(Case::Ins, false)
                )
            }
            5 => {
                let (who, gender) = self.subject();
                let noun = NOUNS
                    .iter()
                    .filter(|n| n.pl.is_some() && n.topic.is_some_and(|t| self.topics.contains(&t)))
                    .collect::<Vec<_>>();
                let noun = if noun.is_empty() {
                    &NOUNS[NOUNS.len() - 1]
                } else {
                    *self.rng.pick(&noun)
                };
                let verb = past(&TRANSITIVE[4], gender, false);
                format!(
                    "Для {} {who} {verb} {} {}.",
                    self.phrase(Case::Gen),
                    self.rng.range(5, 20),
                    noun.form(Case::Gen, true)
                )
            }
            6 => format!("Интерес к {} растёт.", self.phrase(Case::Dat)),
            _ => format!("Жители района обсуждают {}.", self.phrase(Case::Acc)),
        }
    }

    fn title(&mut self) -> String {
        let (who, gender) = self.subject();
        let verb = past(self.rng.pick(TRANSITIVE), gender, false);
        format!("{who} {verb} {} в {}", self.phrase(Case::Acc), self.place())
    }
}

/// What `write` wrote.
pub struct Written {
    pub articles: usize,
    pub bytes: u64,
}

/// Writes `count` synthetic articles into `dir/articles/` over the topics of
/// `topics_toml`, with a `site.toml` and `topics.toml` of their own. Refuses
/// a folder that holds anything but a synthetic corpus, so that it never
/// mixes with an editor's content.
pub fn write(dir: &Path, topics_toml: &str, count: usize, seed: u64) -> Result<Written, String> {
    let articles = dir.join("articles");
    let mut before = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&articles) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.contains("-synth-") {
                return Err(format!(
                    "{}: not a synthetic article; `articles synth` writes into an empty folder or one of its own corpora",
                    entry.path().display()
                ));
            }
            before.push(entry.path());
        }
    }
    std::fs::create_dir_all(&articles).map_err(|e| format!("{}: {e}", articles.display()))?;
    let site =
        "# A synthetic corpus written by `articles synth`, for benchmarks and tests: not news.\n\
        title = \"Синтетический корпус\"\n\
        description = \"Статьи, составленные программой из словаря для замеров; это не новости.\"\n\
        lang = \"ru\"\n\
        publisher = \"Синтетический корпус\"\n";
    write_file(&dir.join("site.toml"), site)?;
    write_file(&dir.join("topics.toml"), topics_toml)?;

    let mut report = crate::diagnostic::Report::default();
    let defined = crate::content::parse_topics(Path::new("topics.toml"), topics_toml, &mut report);
    let ids: Vec<&str> = defined
        .iter()
        .map(|t| t.id.as_str())
        .filter(|id| NOUNS.iter().any(|n| n.topic == Some(*id)))
        .collect();
    if ids.is_empty() {
        return Err(
            "topics.toml defines none of the topics the synthetic lexicon writes about".into(),
        );
    }

    let newest =
        chrono::NaiveDate::from_ymd_opt(NEWEST.0, NEWEST.1, NEWEST.2).expect("a real date");
    let mut bytes = 0;
    let mut written = std::collections::HashSet::new();
    for i in 0..count {
        let mut rng = Rng::for_article(seed, i);
        let first = *rng.pick(&ids);
        let mut topics = vec![first];
        if rng.chance(40) {
            let second = *rng.pick(&ids);
            if second != first {
                topics.push(second);
            }
        }
        let mut w = Writer {
            rng,
            topics: &topics,
            people: Vec::new(),
            places: Vec::new(),
            organizations: Vec::new(),
        };
        let title = w.title();
        let mut body = String::new();
        let mut summary = String::new();
        for p in 0..w.rng.range(3, 7) {
            let sentences = w.rng.range(2, 4);
            let paragraph: Vec<String> = (0..sentences).map(|_| w.sentence()).collect();
            if p == 0 {
                summary = paragraph[0].clone();
            }
            let _ = writeln!(body, "{}\n", paragraph.join(" "));
        }

        let day = newest - chrono::Days::new((i / PER_DAY) as u64);
        let date = {
            use chrono::Datelike;
            Date::new(day.year() as u16, day.month() as u8, day.day() as u8).expect("a real date")
        };
        let fields = FrontMatter {
            title: capitalize(&title),
            date: Some(date),
            topics: Some(topics.iter().map(|t| t.to_string()).collect()),
            summary: Some(summary),
            region: Some("Синтетическая область".into()),
            sample: true,
            people: Some(w.people.iter().map(|s| s.to_string()).collect()),
            places: Some(w.places.iter().map(|s| s.to_string()).collect()),
            organizations: Some(w.organizations.iter().map(|s| s.to_string()).collect()),
            ..FrontMatter::default()
        };
        let toml = fields.update("").map_err(|e| e.to_string())?;
        let text = front_matter::join(&toml, body.trim_end());
        let path = articles.join(format!("{date}-synth-{i:06}.md"));
        bytes += text.len() as u64;
        write_file(&path, &text)?;
        written.insert(path);
    }
    // A smaller corpus than the last one: the rest goes.
    for path in before.into_iter().filter(|p| !written.contains(p)) {
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(Written {
        articles: count,
        bytes,
    })
}

/// Writes `text` unless the file already says it, so that writing the same
/// corpus again changes nothing a build would notice.
fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_agree_with_their_nouns() {
        let new = &ADJECTIVES[0];
        assert_eq!(new.form(Gender::M, Case::Nom, false, false), "новый");
        assert_eq!(new.form(Gender::F, Case::Acc, false, false), "новую");
        assert_eq!(new.form(Gender::N, Case::Ins, false, false), "новым");
        assert_eq!(new.form(Gender::M, Case::Acc, false, true), "нового");
        assert_eq!(new.form(Gender::M, Case::Prep, true, false), "новых");
        let forest = ADJECTIVES.iter().find(|a| a.stem == "лесн").unwrap();
        assert_eq!(forest.form(Gender::M, Case::Nom, false, false), "лесной");
        assert_eq!(forest.form(Gender::M, Case::Gen, false, false), "лесного");
    }

    #[test]
    fn every_noun_has_six_distinct_slots_and_withheld_words_are_in_the_lexicon() {
        for n in NOUNS {
            assert!(n.sg.iter().all(|f| !f.is_empty()), "{}", n.sg[0]);
        }
        for w in WITHHELD {
            assert!(
                NOUNS.iter().any(|n| n.sg[0] == *w),
                "{w} is not in the lexicon"
            );
        }
    }
}
