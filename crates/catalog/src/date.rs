use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date, written `YYYY-MM-DD` in front matter and in the bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, String> {
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} is not 1–12"));
        }
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day == 0 || day > days {
            return Err(format!("day {day} is not in month {month} of {year}"));
        }
        Ok(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date written YYYY-MM-DD");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| {
            s.get(r)
                .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|p| p.parse::<u16>().ok())
                .ok_or_else(bad)
        };
        Self::new(num(0..4)?, num(5..7)? as u8, num(8..10)? as u8)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

/// A month of a year, written `YYYY-MM`: what the list's archive by month
/// chooses (`month=2026-01` in a URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: u16,
    month: u8,
}

impl Month {
    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Result<Self, String> {
        // The first of the month is a date exactly when the month is one.
        Date::parse(&format!("{s}-01")).map(Month::from).map_err(|_| format!("`{s}` is not a month written YYYY-MM"))
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }
}

impl From<Date> for Month {
    fn from(d: Date) -> Month {
        Month { year: d.year, month: d.month }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_parts() {
        let d = Date::parse("2025-12-01").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2025, 12, 1));
        assert_eq!(d.to_string(), "2025-12-01");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(Date::parse("2026-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("19.01.2026").is_err());
        assert!(Date::parse("2026-1-19").is_err());
        assert!(Date::parse("2026-01-+9").is_err());
    }

    #[test]
    fn orders_by_calendar() {
        assert!(Date::parse("2026-01-19").unwrap() > Date::parse("2025-12-31").unwrap());
        assert_eq!(Date::parse("2026-01-09").unwrap().to_string(), "2026-01-09");
    }

    #[test]
    fn a_month_is_read_from_its_dates_and_written_back() {
        let m = Month::from(Date::parse("2026-01-19").unwrap());
        assert_eq!((m.year(), m.month(), m.to_string()), (2026, 1, "2026-01".to_owned()));
        assert_eq!(Month::parse("2026-01"), Ok(m));
        assert!(Month::parse("2025-12").unwrap() < m);
        for bad in ["2026-13", "2026-00", "2026-1", "26-01", "2026-01-19", "2026-+1", ""] {
            assert!(Month::parse(bad).is_err(), "{bad}");
        }
    }
}
