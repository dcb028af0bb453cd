//! Moments in time for embargoes: an article's `date` given with a time
//! and its offset (`2026-03-01T09:00:00+03:00`) is published by the first
//! build at or after that moment.

use catalog::Date;
use std::fmt;

/// A moment as the editor wrote it: a date and time at an offset from UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC.
    pub offset: i16,
}

impl Moment {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix(self) -> i64 {
        let days = days_from_civil(i64::from(self.date.year()), i64::from(self.date.month()), i64::from(self.date.day()));
        days * 86_400 + i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second) - i64::from(self.offset) * 60
    }
}

/// "2026-03-01 09:00 +03:00", as `check` says it.
impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let off = self.offset.unsigned_abs();
        write!(f, "{} {:02}:{:02} {sign}{:02}:{:02}", self.date, self.hour, self.minute, off / 60, off % 60)
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// When the tool runs, in seconds since 1970: `SOURCE_DATE_EPOCH` when set
/// (the reproducible-builds convention: a build of a given moment, as a
/// scheduled or repeated build wants it), else the clock.
pub fn now() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| chrono::Utc::now().timestamp())
}

/// How long until `then` from `now`, in words: "in 3 days", "in 5 hours".
pub fn until(now: i64, then: i64) -> String {
    let s = (then - now).max(0);
    match s {
        0..=5_399 => format!("in {} min", (s + 59) / 60),
        5_400..=129_599 => format!("in {} h", (s + 1800) / 3600),
        _ => format!("in {} days", (s + 43_200) / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_is_its_instant_whatever_its_offset() {
        let at = |d, h, offset| Moment { date: Date::parse(d).unwrap(), hour: h, minute: 0, second: 0, offset };
        assert_eq!(at("1970-01-01", 0, 0).unix(), 0);
        assert_eq!(at("2026-03-01", 9, 180).unix(), 1_772_344_800);
        assert_eq!(at("2026-03-01", 9, 180).unix(), at("2026-03-01", 6, 0).unix());
        assert_eq!(at("2024-02-29", 0, 0).unix(), 1_709_164_800);
        assert_eq!(at("2026-03-01", 9, 180).to_string(), "2026-03-01 09:00 +03:00");
        assert_eq!(at("2026-03-01", 9, -330).to_string(), "2026-03-01 09:00 -05:30");
    }

    #[test]
    fn time_left_reads_in_the_largest_unit_that_fits() {
        assert_eq!(until(0, 600), "in 10 min");
        assert_eq!(until(0, 5 * 3600), "in 5 h");
        assert_eq!(until(0, 3 * 86_400), "in 3 days");
    }
}
