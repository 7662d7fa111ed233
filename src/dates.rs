//! Publication dates: parsing the forms news uses and the user's date filters.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use crate::article::Published;

/// The time zone a date written without an offset is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed UTC offset, such as Korea's `+09:00`.
    Fixed(FixedOffset),
    /// An IANA zone such as `America/New_York`, whose offset follows daylight saving time.
    Named(Tz),
}

impl Default for Zone {
    fn default() -> Zone {
        Zone::Fixed(offset_hours(0))
    }
}

impl From<FixedOffset> for Zone {
    fn from(offset: FixedOffset) -> Zone {
        Zone::Fixed(offset)
    }
}

impl std::str::FromStr for Zone {
    type Err = String;

    /// Reads `UTC`, `Z`, an offset (`+09:00`, `-0500`, `+9`) or an IANA name (`Asia/Seoul`).
    fn from_str(s: &str) -> Result<Zone, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("utc") || s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("gmt") {
            return Ok(Zone::default());
        }
        if let Some(offset) = parse_offset(s) {
            return Ok(Zone::Fixed(offset));
        }
        s.parse::<Tz>().map(Zone::Named).map_err(|_| {
            format!("unknown time zone {s:?}: give an IANA name (Asia/Seoul) or an offset (+09:00)")
        })
    }
}

impl Zone {
    /// The wall-clock time `t` in this zone; the earlier reading when a clock change makes it ambiguous.
    pub fn localize(&self, t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            Zone::Fixed(off) => off.from_local_datetime(&t).earliest(),
            Zone::Named(tz) => tz.from_local_datetime(&t).earliest().map(|d| d.fixed_offset()),
        }
    }

    /// The zone's UTC offset on a calendar day (at noon, clear of clock changes).
    pub fn offset_on(&self, day: NaiveDate) -> FixedOffset {
        match self {
            Zone::Fixed(off) => *off,
            Zone::Named(tz) => {
                let noon = day.and_hms_opt(12, 0, 0).expect("noon exists");
                tz.offset_from_local_datetime(&noon).earliest().map_or(offset_hours(0), |o| o.fix())
            }
        }
    }

    /// An instant shown in this zone.
    pub fn at(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            Zone::Fixed(off) => t.with_timezone(off),
            Zone::Named(tz) => t.with_timezone(tz).fixed_offset(),
        }
    }
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = if digits.len() <= 2 { (&digits[..], "0") } else { digits.split_at(digits.len() - 2) };
    let secs = h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60;
    FixedOffset::east_opt(sign * secs)
}

/// Parses a date or date-time as news pages and records write them.
///
/// Times without an offset are read in `tz`. Understood: RFC 3339 / ISO 8601
/// (`2020-07-08T18:19:00+09:00`, `2020-07-08 18:19`, `2020-07-08`), RFC 2822,
/// `26-FEB-1987 15:02:20.00`, `Aug. 20, 2019`, `July 9, 2020`, `9 July 2020`,
/// `M/D/YYYY`, and epoch milliseconds. Dates outside 1800..=now+1 day give `None`.
pub fn parse(raw: &str, zone: impl Into<Zone>) -> Option<Published> {
    read(raw, zone.into()).ok()
}

/// Why a text gave no publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in any form newsdex reads.
    Unreadable,
    /// A real date, but outside 1800..=now+1 day: never a publication date.
    Implausible(NaiveDate),
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::Unreadable => write!(f, "not a date"),
            DateError::Implausible(d) => write!(f, "date {d} is outside 1800 to tomorrow, dropped"),
        }
    }
}

/// Like [`parse`], but says why there is no date, so out-of-range dates can be reported.
pub fn read(raw: &str, zone: Zone) -> Result<Published, DateError> {
    let s = raw.trim().trim_end_matches(['.', ',']).trim();
    let parsed = parse_any(s, zone).ok_or(DateError::Unreadable)?;
    if plausible(parsed.date()) {
        Ok(parsed)
    } else {
        Err(DateError::Implausible(parsed.date()))
    }
}

fn parse_any(s: &str, tz: Zone) -> Option<Published> {
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
        return tz.localize(t).map(Published::At);
    }
    if let Some(ms) = parse_epoch_millis(s) {
        return Some(Published::At(tz.at(ms)));
    }
    parse_naive_date(s).or_else(|| leading_day(s)).map(|d| Published::Day(d, tz.offset_on(d)))
}

/// The calendar day a stamp starts with when no exact form reads the whole of it: a time or
/// zone written some other way follows (`Thu Sep 16 2021 03:10:16 GMT+0000 (UTC)`,
/// `2021-09-16 03:10:16 UTC`, `16/09/2021 03:10:16`). Only a weekday may come before it. Day
/// and month written as numbers must show their order (a day above 12): sites write
/// `02-12-2025` either way.
fn leading_day(s: &str) -> Option<NaiveDate> {
    let (day, at) = find_range(s)?;
    let before = s[..at.start].trim_end_matches([',', ' ']);
    let first: String = s[at.clone()].chars().take_while(char::is_ascii_digit).collect();
    let ordered = first.is_empty() || first.len() == 4 || first.parse::<u32>().is_ok_and(|n| n > 12);
    (ordered && (before.is_empty() || before.parse::<chrono::Weekday>().is_ok())).then_some(day)
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
    if let Some(day) = short_year_date(&s) {
        return Some(day);
    }
    FORMATS.iter().find_map(|f| NaiveDate::parse_from_str(&s, f).ok())
}

/// A month, day and two-digit year as US sites and exports write them (`7/23/17`), read with
/// the year in 1970..2069 as `%y` does; `%Y` would read it as the year 17.
fn short_year_date(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split('/').collect();
    let digits = |p: &str, widths: std::ops::RangeInclusive<usize>| {
        widths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    match parts.as_slice() {
        [m, d, y] if digits(m, 1..=2) && digits(d, 1..=2) && digits(y, 2..=2) => {
            NaiveDate::parse_from_str(s, "%m/%d/%y").ok()
        }
        _ => None,
    }
}

static MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static IN_TEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let pattern = format!(
        r"(?i)(?:(?P<iso>(?:19|20)\d\d[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9]))(?:[T ]\d\d:\d\d)?|(?P<mdy>{m}\.? (?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[,.]? (?:19|20)\d\d)|(?P<dmy>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? (?:of )?{m}\.?,? (?:19|20)\d\d)|(?P<num>(?:0?[1-9]|[12]\d|3[01])(?P<sep>[/.-])(?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)\d\d))",
        m = MONTH
    );
    regex::Regex::new(&pattern).expect("valid regex")
});

/// The first calendar date written inside a line of text (`Updated August 14, 2025`,
/// `Sep 4th, 2025 5:50am`, `4 September 2025`, `2025-09-04`, `9/4/2025`, `23.07.2025`), with
/// where it starts. A date may be glued to the words around it, as pages print a date
/// element beside a name or a second date (`By Jane DoeMar 5, 2025`, `June 29, 2020November
/// 12, 2021`, `October 17, 20236:01 PM`).
pub fn find_in(line: &str) -> Option<(NaiveDate, usize)> {
    find_range(line).map(|(day, at)| (day, at.start))
}

/// Like [`find_in`], with the byte range the date is written in.
pub fn find_range(line: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    find_all(line).next()
}

/// Every calendar date written inside a line, in order, with their byte ranges; all-number
/// dates read month first unless the first number cannot be a month (see [`find_all_in`]).
pub fn find_all(line: &str) -> impl Iterator<Item = (NaiveDate, std::ops::Range<usize>)> + '_ {
    find_all_in(line, DayOrder::default())
}

/// Like [`find_all`], reading ambiguous all-number dates (`02-12-2025`) in `order`.
pub fn find_all_in(
    line: &str,
    order: DayOrder,
) -> impl Iterator<Item = (NaiveDate, std::ops::Range<usize>)> + '_ {
    IN_TEXT.captures_iter(line).filter_map(move |c| {
        let m = c.get(0)?;
        if !stands_apart(line, m.range(), c.name("iso").is_none()) {
            return None;
        }
        let day = if let Some(iso) = c.name("iso") {
            let parts: Vec<&str> = iso.as_str().split(['-', '/', '.']).collect();
            NaiveDate::from_ymd_opt(parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?)
        } else if let Some(num) = c.name("num") {
            numeric_date(num.as_str(), order)
        } else {
            named_month_date(m.as_str())
        }?;
        plausible(day).then_some((day, m.range()))
    })
}

/// Whether a date match is no part of a longer word or number: what comes before is no
/// letter or digit, or a lower-case letter or a digit glued to a capitalised month (`Jane
/// DoeMar 5`, `2020November 12`); what comes after is
/// no letter or digit, or the next capitalised word, or (after a year) any next word or a
/// time or reading time glued to it.
fn stands_apart(line: &str, at: std::ops::Range<usize>, ends_in_year: bool) -> bool {
    let first = line[at.start..].chars().next().unwrap_or(' ');
    let before = match line[..at.start].chars().next_back() {
        None => true,
        Some(c) => !c.is_alphanumeric() || ((c.is_lowercase() || c.is_ascii_digit()) && first.is_uppercase()),
    };
    let rest = &line[at.end..];
    let after = match rest.chars().next() {
        None => true,
        Some(c) => {
            !c.is_alphanumeric()
                || c.is_uppercase()
                || ends_in_year && (c.is_alphabetic() || GLUED_TIME.is_match(rest))
        }
    };
    before && after
}

static GLUED_TIME: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^\d{1,2}(?::\d\d|\s?min)").expect("valid regex"));

/// An all-number date (`9/4/2025`) in the page's `order`; a first number over 12 is a day
/// (`23.07.2025`, `15/12/2025`) and a second one over 12 a month, whatever the order.
fn numeric_date(s: &str, order: DayOrder) -> Option<NaiveDate> {
    let parts: Vec<u32> = s.split(['/', '.', '-']).filter_map(|p| p.parse().ok()).collect();
    let [a, b, year] = parts[..] else { return None };
    let (month, day) = match (a > 12, b > 12, order) {
        (true, _, _) | (false, false, DayOrder::DayFirst) => (b, a),
        _ => (a, b),
    };
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// How a page writes its dates: the zone of those written without an offset and the order
/// of its all-number ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Calendar {
    pub zone: Zone,
    pub order: DayOrder,
}

impl Calendar {
    /// The calendar of a page's text, its dates without an offset read in `zone`.
    pub fn of(text: &str, zone: Zone) -> Calendar {
        Calendar { zone, order: day_order(text) }
    }

    /// A calendar day as a publication date, at the zone's offset on that day.
    pub fn day(&self, day: NaiveDate) -> Published {
        Published::Day(day, self.zone.offset_on(day))
    }
}

/// Which number comes first in a page's all-number dates, where both could be a month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DayOrder {
    /// `12/2/2025` is December 2, as in the US: the reading when the page does not tell.
    #[default]
    MonthFirst,
    /// `02-12-2025` is 2 December.
    DayFirst,
}

/// The order of a page's all-number dates, from what the page shows: a first number over 12
/// is a day and a second one over 12 a month (`23/07/2025`, `7/23/2025`); an ambiguous date
/// the page also writes with its month's name (`02-12-2025` and `December 02, 2025`) takes
/// that reading; the majority decides. Where nothing tells, dotted dates (`02.12.2025`, a
/// European form the US does not use) read day first, all others month first.
pub fn day_order(text: &str) -> DayOrder {
    let (mut votes, mut dotted, mut ambiguous) = (0i32, false, Vec::new());
    for c in ALL_NUMBERS.captures_iter(text) {
        let (Ok(a), Ok(b), Ok(year)) = (c[1].parse::<u32>(), c[3].parse::<u32>(), c[4].parse::<i32>()) else {
            continue;
        };
        dotted |= &c[2] == ".";
        match (a > 12, b > 12) {
            (true, false) => votes += 1,
            (false, true) => votes -= 1,
            _ => ambiguous.push((a, b, year)),
        }
    }
    if ambiguous.is_empty() {
        // No date the order would change (the common page): the written-out ones are not read.
        return DayOrder::MonthFirst;
    }
    let written: std::collections::HashSet<NaiveDate> = IN_TEXT
        .captures_iter(text)
        .filter(|c| c.name("num").is_none() && c.name("iso").is_none())
        .filter_map(|c| named_month_date(c.get(0)?.as_str()))
        .collect();
    for (a, b, year) in ambiguous {
        let reads =
            |month, day| NaiveDate::from_ymd_opt(year, month, day).is_some_and(|d| written.contains(&d));
        votes += i32::from(reads(b, a)) - i32::from(reads(a, b));
    }
    match votes.cmp(&0) {
        std::cmp::Ordering::Greater => DayOrder::DayFirst,
        std::cmp::Ordering::Equal if dotted => DayOrder::DayFirst,
        _ => DayOrder::MonthFirst,
    }
}

/// An all-number date (`02-12-2025`): its first number, separator, second number and year.
static ALL_NUMBERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?-u:\b)(0?[1-9]|[12]\d|3[01])([/.-])(0?[1-9]|[12]\d|3[01])[/.-]((?:19|20)\d\d)(?-u:\b)",
    )
    .expect("valid regex")
});

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The months written out, lower-case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The number (1 to 12) of a month written out or cut to three letters (`September`,
/// `sep`, `Sept`), in any case; `None` for any other word.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let word = if word == "sept" { "sep" } else { word.as_str() };
    let at =
        MONTHS.iter().position(|m| *m == word).or_else(|| MONTH_NAMES.iter().position(|m| *m == word))?;
    Some(at as u32 + 1)
}

fn named_month_date(s: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let month = words.iter().find_map(|w| {
        let key = w.get(..3)?.to_ascii_lowercase();
        MONTHS.iter().position(|m| *m == key).filter(|_| w.starts_with(|c: char| c.is_ascii_alphabetic()))
    })?;
    let numbers: Vec<u32> = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|w| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok())
        .collect();
    let year = *numbers.iter().find(|n| **n >= 1000)?;
    let day = *numbers.iter().find(|n| **n < 100)?;
    NaiveDate::from_ymd_opt(year as i32, month as u32 + 1, day)
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
    fn a_page_tells_the_order_of_its_all_number_dates() {
        let order = |text| day_order(text);
        assert_eq!(order("Posted 02-12-2025"), DayOrder::MonthFirst);
        assert_eq!(order("Posted 02-12-2025 ... December 02, 2025"), DayOrder::DayFirst);
        assert_eq!(order("Posted 12/02/2025 ... December 02, 2025"), DayOrder::MonthFirst);
        assert_eq!(order("Posted 02.12.2025"), DayOrder::DayFirst);
        assert_eq!(order("Posted 02.12.2025, comment 12.25.2025"), DayOrder::MonthFirst);
        assert_eq!(order("Posted 03/04/2025, comments 23/04/2025 and 24/04/2025"), DayOrder::DayFirst);
        let read = |line, order| find_all_in(line, order).next().map(|(d, _)| d.to_string());
        assert_eq!(read("02-12-2025", DayOrder::DayFirst), Some("2025-12-02".into()));
        assert_eq!(read("02-12-2025", DayOrder::MonthFirst), Some("2025-02-12".into()));
        assert_eq!(read("12/25/2025", DayOrder::DayFirst), Some("2025-12-25".into()));
        assert_eq!(read("25/12/2025", DayOrder::MonthFirst), Some("2025-12-25".into()));
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
        assert_eq!(day("7/23/17"), "2017-07-23");
        assert_eq!(day("12/30/99"), "1999-12-30");
        assert_eq!(parse("23/7/17", kst()), None);
        assert_eq!(day("Thu Sep 16 2021 03:10:16 GMT+0000 (UTC)"), "2021-09-16");
        assert_eq!(day("2021-09-16 03:10:16 UTC"), "2021-09-16");
        assert_eq!(day("16/09/2021 03:10:16"), "2021-09-16");
        assert_eq!(day("Thursday, Sep 16th 2021, 3:10 PM"), "2021-09-16");
        assert_eq!(parse("Issue of Sep 16 2021", kst()), None);
        assert_eq!(parse("11/09/2021 03:10:16", kst()), None);
        assert_eq!(parse("11-09-2021", kst()), None);
    }

    #[test]
    fn finds_dates_inside_lines() {
        let day = |s| find_in(s).map(|(d, _)| d.to_string());
        assert_eq!(day("Updated August 14, 2025"), Some("2025-08-14".into()));
        assert_eq!(day("Posted on Sep 4th, 2025 at 5:50 am"), Some("2025-09-04".into()));
        assert_eq!(day("4 September 2025 · 5 min read"), Some("2025-09-04".into()));
        assert_eq!(day("Sept. 20, 2019"), Some("2019-09-20".into()));
        assert_eq!(day("on 2025-09-04T05:50"), Some("2025-09-04".into()));
        assert_eq!(day("12/09/2024"), Some("2024-12-09".into()));
        assert_eq!(day("Travel September 8, 2021 -- min read"), Some("2021-09-08".into()));
        assert_eq!(day("23.07.2025 · 6 min read"), Some("2025-07-23".into()));
        assert_eq!(day("Posted on the 15/12/2025 at 19:00"), Some("2025-12-15".into()));
        assert_eq!(day("Dec 17, 2025Jane Doe"), Some("2025-12-17".into()));
        assert_eq!(day("🗓Mar. 4. 2025 · News"), Some("2025-03-04".into()));
        assert_eq!(day("March 4. 2025"), Some("2025-03-04".into()));
        assert_eq!(day("May 2025 was warm"), None);
        assert_eq!(day("23.07.2025"), Some("2025-07-23".into()));
        assert_eq!(day("Last Updated: 2025-02-22"), Some("2025-02-22".into()));
        assert_eq!(day("2025/12/31"), Some("2025-12-31".into()));
        assert_eq!(day("15/12/2025"), Some("2025-12-15".into()));
        assert_eq!(day("1/2/20255"), None);
        assert_eq!(day("v12.10.2024b"), None);
        assert_eq!(day("in 3000 words"), None);
    }

    #[test]
    fn finds_dates_glued_to_their_neighbours() {
        let day = |s| find_in(s).map(|(d, _)| d.to_string());
        assert_eq!(day("Posted on June 29, 2020November 12, 2021"), Some("2020-06-29".into()));
        let days: Vec<String> =
            find_all("May 21, 2025April 24, 2025 by Jane").map(|(d, _)| d.to_string()).collect();
        assert_eq!(days, ["2025-05-21", "2025-04-24"]);
        assert_eq!(day("Windows 10May"), None);
        assert_eq!(day("By Jane DoeMar 5, 2025 | 6 comments"), Some("2025-03-05".into()));
        assert_eq!(day("October 17, 20236:01 PM ET"), Some("2023-10-17".into()));
        assert_eq!(day("calendarApr 16, 2024"), Some("2024-04-16".into()));
        assert_eq!(day("unmay 3, 2024"), None);
        assert_eq!(day("Mar 27, 20255 mins"), Some("2025-03-27".into()));
        assert_eq!(day("June 17, 2021garden, pests"), Some("2021-06-17".into()));
        assert_eq!(day("2021-06-17x"), None);
        assert_eq!(day("Size 12, 2024x"), None);
    }

    #[test]
    fn months_by_name() {
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("OCT"), Some(10));
        assert_eq!(month_number("octo"), None);
        assert_eq!(month_number("news"), None);
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
