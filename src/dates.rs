//! Publication dates: parsing the forms news uses and the user's date filters.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Utc};

use crate::article::Published;

/// Parses a date or date-time as news pages and records write them.
///
/// Times without an offset are read in `tz`. Understood: RFC 3339 / ISO 8601
/// (`2020-07-08T18:19:00+09:00`, `2020-07-08 18:19`, `2020-07-08`), RFC 2822,
/// `26-FEB-1987 15:02:20.00`, `Aug. 20, 2019`, `July 9, 2020`, `9 July 2020`,
/// `M/D/YYYY`, and epoch milliseconds. Dates outside 1800..=now+1 day give `None`.
pub fn parse(raw: &str, tz: FixedOffset) -> Option<Published> {
    let s = raw.trim().trim_end_matches(['.', ',']).trim();
    let parsed = parse_any(s, tz)?;
    plausible(parsed.date()).then_some(parsed)
}

fn parse_any(s: &str, tz: FixedOffset) -> Option<Published> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(Published::At(t));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(Published::At(t));
    }
    if let Some(p) = parse_with_offset(s) {
        return Some(p);
    }
    if let Some(t) = parse_naive_time(s) {
        return t.and_local_timezone(tz).single().map(Published::At);
    }
    if let Some(ms) = parse_epoch_millis(s) {
        return Some(Published::At(ms.with_timezone(&tz)));
    }
    parse_naive_date(s).map(|d| Published::Day(d, tz))
}

fn parse_with_offset(s: &str) -> Option<Published> {
    const FORMATS: &[&str] = &["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"];
    FORMATS.iter().find_map(|f| DateTime::parse_from_str(s, f).ok()).map(Published::At)
}

fn parse_naive_time(s: &str) -> Option<NaiveDateTime> {
    const FORMATS: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y.%m.%d %H:%M",
        "%Y/%m/%d %H:%M",
        "%d-%b-%Y %H:%M:%S%.f",
    ];
    FORMATS.iter().find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

fn parse_epoch_millis(s: &str) -> Option<DateTime<Utc>> {
    if s.len() < 11 || s.len() > 14 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    DateTime::from_timestamp_millis(s.parse().ok()?)
}

fn parse_naive_date(s: &str) -> Option<NaiveDate> {
    const FORMATS: &[&str] = &[
        "%Y-%m-%d",
        "%Y.%m.%d",
        "%Y/%m/%d",
        "%m/%d/%Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%b. %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%B %d %Y",
        "%d-%b-%Y",
    ];
    let s = s.replace("Sept.", "Sep.");
    FORMATS.iter().find_map(|f| NaiveDate::parse_from_str(&s, f).ok())
}

/// Whether a date can be a real publication date: 1800 up to tomorrow.
pub fn plausible(date: NaiveDate) -> bool {
    let tomorrow = Utc::now().date_naive().succ_opt().unwrap_or(NaiveDate::MAX);
    date.year() >= 1800 && date <= tomorrow
}

/// A UTC offset of whole hours (east positive).
pub fn offset_hours(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).expect("offset within a day")
}

/// Which end of a partial date a filter means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Start,
    End,
}

/// Parses a filter date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to its first or last day.
pub fn parse_filter_date(s: &str, bound: Bound) -> Result<NaiveDate, String> {
    let bad = || format!("bad date {s:?}: expected YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str, len: usize| -> Result<u32, String> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let year = num(parts[0], 4)? as i32;
    let (month, day) = match parts.len() {
        1 => (None, None),
        2 => (Some(num(parts[1], 2)?), None),
        3 => (Some(num(parts[1], 2)?), Some(num(parts[2], 2)?)),
        _ => return Err(bad()),
    };
    let first_month = month.unwrap_or(if bound == Bound::Start { 1 } else { 12 });
    match (day, bound) {
        (Some(d), _) => NaiveDate::from_ymd_opt(year, first_month, d),
        (None, Bound::Start) => NaiveDate::from_ymd_opt(year, first_month, 1),
        (None, Bound::End) => last_day_of_month(year, first_month),
    }
    .ok_or_else(bad)
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kst() -> FixedOffset {
        offset_hours(9)
    }

    fn rfc(s: &str) -> String {
        parse(s, kst()).unwrap().instant().to_rfc3339()
    }

    #[test]
    fn parses_date_time_in_outlet_zone() {
        assert_eq!(rfc("2020-07-08 18:19"), "2020-07-08T18:19:00+09:00");
    }

    #[test]
    fn bare_date_is_local_midnight() {
        assert_eq!(rfc("2020-07-10"), "2020-07-10T00:00:00+09:00");
        assert!(matches!(parse("2020-07-10", kst()), Some(Published::Day(..))));
    }

    #[test]
    fn parses_news_forms() {
        let day = |s| parse(s, kst()).unwrap().date().to_string();
        assert_eq!(day("Aug. 20, 2019"), "2019-08-20");
        assert_eq!(day("July 9, 2020"), "2020-07-09");
        assert_eq!(day("26-FEB-1987 15:02:20.00"), "1987-02-26");
        assert_eq!(day("Tue, 1 Jul 2003 10:52:37 +0200"), "2003-07-01");
        assert_eq!(day("1720915200000"), "2024-07-14");
        assert_eq!(day("7/17/2018"), "2018-07-17");
    }

    #[test]
    fn rejects_implausible_dates() {
        assert_eq!(parse("0001-01-01", kst()), None);
        assert_eq!(parse("2950-01-01", kst()), None);
        assert_eq!(parse("not a date", kst()), None);
    }

    #[test]
    fn filter_dates_expand_to_bounds() {
        let d = |s, b| parse_filter_date(s, b).unwrap().to_string();
        assert_eq!(d("2020", Bound::Start), "2020-01-01");
        assert_eq!(d("2020", Bound::End), "2020-12-31");
        assert_eq!(d("2020-02", Bound::End), "2020-02-29");
        assert_eq!(d("2020-07-08", Bound::End), "2020-07-08");
        assert!(parse_filter_date("20-1", Bound::Start).is_err());
        assert!(parse_filter_date("2020-13", Bound::Start).is_err());
    }
}
