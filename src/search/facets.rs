//! Facet counts over all matching articles: outlets, people and authors from the facet
//! field, and dates by year, month or day from the fast `day` field.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::columnar::{Dictionary, TermOrdHit};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::{facet_root, name};

/// A facet the user can count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetField {
    Outlet,
    Person,
    Author,
    Date(DatePeriod),
}

/// How dates are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePeriod {
    Year,
    Month,
    Week,
    Day,
}

impl FacetField {
    /// The name shown in output: `outlet`, `person`, `author`, `date:month`, ...
    pub fn label(self) -> &'static str {
        match self {
            FacetField::Outlet => "outlet",
            FacetField::Person => "person",
            FacetField::Author => "author",
            FacetField::Date(DatePeriod::Year) => "date:year",
            FacetField::Date(DatePeriod::Month) => "date:month",
            FacetField::Date(DatePeriod::Week) => "date:week",
            FacetField::Date(DatePeriod::Day) => "date:day",
        }
    }

    fn root(self) -> Option<&'static str> {
        match self {
            FacetField::Outlet => Some(facet_root::OUTLET),
            FacetField::Person => Some(facet_root::PERSON),
            FacetField::Author => Some(facet_root::AUTHOR),
            FacetField::Date(_) => None,
        }
    }
}

impl FromStr for FacetField {
    type Err = String;

    /// `outlet`, `person`, `author`, `date` (by day), `date:year`, `date:month`, `date:day`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "outlet" => Ok(FacetField::Outlet),
            "person" | "people" => Ok(FacetField::Person),
            "author" | "authors" => Ok(FacetField::Author),
            "date" | "date:day" => Ok(FacetField::Date(DatePeriod::Day)),
            "date:month" => Ok(FacetField::Date(DatePeriod::Month)),
            "date:week" => Ok(FacetField::Date(DatePeriod::Week)),
            "date:year" => Ok(FacetField::Date(DatePeriod::Year)),
            other => Err(format!(
                "unknown facet {other:?}: expected outlet, person, author, date, date:year, date:month, date:week or date:day"
            )),
        }
    }
}

impl DatePeriod {
    /// The label of the period a day falls in: `2020`, `2020-07`, `2020-W28` (ISO week)
    /// or `2020-07-10`.
    pub fn label(self, day: NaiveDate) -> String {
        match self {
            DatePeriod::Year => format!("{:04}", day.year()),
            DatePeriod::Month => format!("{:04}-{:02}", day.year(), day.month()),
            DatePeriod::Week => {
                let w = day.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            DatePeriod::Day => day.format("%Y-%m-%d").to_string(),
        }
    }

    /// The first day of the period a day falls in (weeks start on Monday).
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        let first = match self {
            DatePeriod::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1),
            DatePeriod::Month => day.with_day(1),
            DatePeriod::Week => day.checked_sub_days(Days::new(day.weekday().num_days_from_monday().into())),
            DatePeriod::Day => Some(day),
        };
        first.unwrap_or(day)
    }

    /// The first day of the next period, from a period's first day.
    pub fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            DatePeriod::Year => start.checked_add_months(Months::new(12)),
            DatePeriod::Month => start.checked_add_months(Months::new(1)),
            DatePeriod::Week => start.checked_add_days(Days::new(7)),
            DatePeriod::Day => start.succ_opt(),
        }
    }
}

impl FromStr for DatePeriod {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "day" => Ok(DatePeriod::Day),
            "week" => Ok(DatePeriod::Week),
            "month" => Ok(DatePeriod::Month),
            "year" => Ok(DatePeriod::Year),
            other => Err(format!("unknown period {other:?}: expected day, week, month or year")),
        }
    }
}

/// One facet value and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub field: FacetField,
    pub value: String,
    pub count: u64,
}

/// The collectors a request's facets need: which fields, how many values, which prefix.
pub struct Collectors {
    fields: Vec<FacetField>,
    limit: usize,
    prefix: Option<String>,
}

impl Collectors {
    pub fn new(wanted: &[FacetField], limit: usize, prefix: Option<&str>) -> Collectors {
        Collectors { fields: wanted.to_vec(), limit, prefix: prefix.map(str::to_lowercase) }
    }

    /// The collector to run beside the query: facet-value counts and day counts, each if needed.
    pub fn collector(&self) -> (Option<FacetValues>, Option<DayCounts>) {
        let roots: Vec<&'static str> = self.fields.iter().filter_map(|f| f.root()).collect();
        let values = (!roots.is_empty()).then_some(FacetValues {
            roots,
            limit: self.limit,
            all_values: self.prefix.is_some(),
        });
        let days = self.fields.iter().any(|f| matches!(f, FacetField::Date(_))).then_some(DayCounts);
        (values, days)
    }

    /// The top `limit` values of each requested facet, most frequent first (ties by value),
    /// keeping only values that start with `prefix` (ignoring case) when one is given.
    pub fn counts(&self, fruit: (Option<RootCounts>, Option<BTreeMap<NaiveDate, u64>>)) -> Vec<FacetCount> {
        let (facets, days) = fruit;
        let mut out = Vec::new();
        for &field in &self.fields {
            let values: Vec<(String, u64)> = match (field, &facets, &days) {
                (FacetField::Date(period), _, Some(days)) => by_period(days, period).into_iter().collect(),
                (_, Some(counts), _) => field_values(counts, field),
                _ => Vec::new(),
            };
            out.extend(top(field, values, self.limit, self.prefix.as_deref()));
        }
        out
    }
}

/// The `limit` most frequent values of a facet (ties by value), keeping only values that
/// start with `prefix` (lower-case) when one is given.
pub fn top(
    field: FacetField,
    mut values: Vec<(String, u64)>,
    limit: usize,
    prefix: Option<&str>,
) -> Vec<FacetCount> {
    if let Some(prefix) = prefix {
        values.retain(|(v, _)| v.to_lowercase().starts_with(prefix));
    }
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    values.truncate(limit);
    values.into_iter().map(|(value, count)| FacetCount { field, value, count }).collect()
}

fn field_values(counts: &RootCounts, field: FacetField) -> Vec<(String, u64)> {
    let root = field.root().expect("facet-field root");
    counts.get(root).map(|values| values.iter().map(|(v, n)| (v.clone(), *n)).collect()).unwrap_or_default()
}

/// Counts per value under each facet root: root -> value -> count.
pub type RootCounts = HashMap<&'static str, HashMap<String, u64>>;

/// Counts the values under facet roots (`/person/*`, ...) of matching articles.
///
/// Per segment, each root's values are one contiguous range of facet ordinals, so counting
/// is an array increment per value. Only values that can reach the top `limit` are turned
/// back into text when the index has one segment; with several, every value that occurs is,
/// since counts are summed by value across segments.
pub struct FacetValues {
    roots: Vec<&'static str>,
    limit: usize,
    /// Keep every value when the caller filters them by text afterwards.
    all_values: bool,
}

/// One root's ordinal range in a segment and the count of each ordinal in it.
pub struct RootOrds {
    root: &'static str,
    start: u64,
    counts: Vec<u32>,
}

pub struct FacetValuesSegment {
    dict: Arc<Dictionary>,
    ords: Column<u64>,
    ranges: Vec<RootOrds>,
}

impl Collector for FacetValues {
    type Fruit = RootCounts;
    type Child = FacetValuesSegment;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetValuesSegment> {
        let column = reader.fast_fields().str(name::FACET)?;
        let (dict, ords) = match column {
            Some(c) => c.into_parts(),
            None => (Arc::new(Dictionary::empty()), Column::build_empty_column(reader.max_doc())),
        };
        let mut ranges = Vec::with_capacity(self.roots.len());
        for root in &self.roots {
            let (start, end) = ord_range(&dict, root)?;
            ranges.push(RootOrds { root, start, counts: vec![0u32; (end - start) as usize] });
        }
        Ok(FacetValuesSegment { dict, ords, ranges })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<(Arc<Dictionary>, Vec<RootOrds>)>) -> tantivy::Result<RootCounts> {
        let mut merged = RootCounts::new();
        for (i, root) in self.roots.iter().enumerate() {
            let segments: Vec<(&Dictionary, &RootOrds)> =
                parts.iter().map(|(d, r)| (d.as_ref(), &r[i])).collect();
            let values =
                if self.all_values { all_values(&segments)? } else { top_values(&segments, self.limit)? };
            merged.insert(*root, values);
        }
        Ok(merged)
    }
}

/// Every value that occurs in any segment, with its total count.
fn all_values(segments: &[(&Dictionary, &RootOrds)]) -> tantivy::Result<HashMap<String, u64>> {
    let mut out = HashMap::new();
    for (dict, range) in segments {
        for (value, n) in resolve(dict, range.root, &present_ords(range))? {
            *out.entry(value).or_insert(0) += n;
        }
    }
    Ok(out)
}

/// The values whose totals reach the top `limit` (ties at the boundary included), found
/// with the threshold algorithm: walk each segment's values from most to least frequent,
/// sum each new value's count over all segments, and stop once no unseen value can beat
/// the `limit`-th total. Only the values visited are turned into text.
fn top_values(segments: &[(&Dictionary, &RootOrds)], limit: usize) -> tantivy::Result<HashMap<String, u64>> {
    let lists: Vec<Vec<(u64, u64)>> = segments
        .iter()
        .map(|(_, range)| {
            let mut present = present_ords(range);
            present.sort_unstable_by_key(|p| std::cmp::Reverse(p.1));
            present
        })
        .collect();
    let mut totals: HashMap<String, u64> = HashMap::new();
    let mut term = Vec::new();
    for depth in 0.. {
        let mut visited = false;
        for (s, list) in lists.iter().enumerate() {
            let Some(&(ord, _)) = list.get(depth) else { continue };
            visited = true;
            let (dict, range) = segments[s];
            term.clear();
            dict.ord_to_term(ord, &mut term)?;
            let value =
                String::from_utf8_lossy(term.get(range.root.len() + 1..).unwrap_or_default()).into_owned();
            if let Entry::Vacant(slot) = totals.entry(value) {
                slot.insert(total_count(segments, &term)?);
            }
        }
        let bound: u64 = lists.iter().filter_map(|l| l.get(depth + 1)).map(|(_, n)| n).sum();
        if !visited || (totals.len() >= limit && kth_largest(&totals, limit) > bound) {
            break;
        }
    }
    Ok(totals)
}

/// A value's count summed over all segments, looked up by its term.
fn total_count(segments: &[(&Dictionary, &RootOrds)], term: &[u8]) -> tantivy::Result<u64> {
    let mut total = 0;
    for (dict, range) in segments {
        if let Some(ord) = dict.term_ord(term)? {
            let i = ord.checked_sub(range.start).map(|i| i as usize);
            total += i.and_then(|i| range.counts.get(i)).map_or(0, |n| u64::from(*n));
        }
    }
    Ok(total)
}

fn kth_largest(totals: &HashMap<String, u64>, k: usize) -> u64 {
    if k == 0 {
        return u64::MAX;
    }
    let mut counts: Vec<u64> = totals.values().copied().collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    counts.get(k - 1).copied().unwrap_or(0)
}

/// Every ordinal of a range that occurs, with its count, in ordinal order.
fn present_ords(range: &RootOrds) -> Vec<(u64, u64)> {
    let numbered = range.counts.iter().enumerate();
    numbered.filter(|(_, n)| **n > 0).map(|(i, n)| (range.start + i as u64, u64::from(*n))).collect()
}

/// The values (text after `root\0`) of sorted ordinals, with their counts.
fn resolve(dict: &Dictionary, root: &str, ords: &[(u64, u64)]) -> tantivy::Result<Vec<(String, u64)>> {
    let only_ords: Vec<u64> = ords.iter().map(|(o, _)| *o).collect();
    let mut counts = ords.iter().map(|(_, n)| *n);
    let skip = root.len() + 1;
    let mut out = Vec::with_capacity(ords.len());
    dict.sorted_ords_to_term_cb(&only_ords, |term| {
        let value = String::from_utf8_lossy(term.get(skip..).unwrap_or_default()).into_owned();
        out.push((value, counts.next().unwrap_or(0)));
    })?;
    Ok(out)
}

/// The ordinals `[start, end)` of a root's values (`root\0value`) in a segment's facet dictionary.
fn ord_range(dict: &Dictionary, root: &str) -> tantivy::Result<(u64, u64)> {
    let lower = [root.as_bytes(), &[0u8]].concat();
    let upper = [root.as_bytes(), &[1u8]].concat();
    let first_at_or_after = |key: &[u8]| -> tantivy::Result<u64> {
        Ok(match dict.term_ord_or_next(key)? {
            TermOrdHit::Exact(o) | TermOrdHit::Next(o) => o.min(dict.num_terms() as u64),
        })
    };
    let start = first_at_or_after(&lower)?;
    Ok((start, first_at_or_after(&upper)?.max(start)))
}

impl SegmentCollector for FacetValuesSegment {
    type Fruit = (Arc<Dictionary>, Vec<RootOrds>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        for ord in self.ords.values_for_doc(doc) {
            for range in &mut self.ranges {
                if let Some(c) = ord.checked_sub(range.start).and_then(|i| range.counts.get_mut(i as usize)) {
                    *c += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.dict, self.ranges)
    }
}

/// Rolls day counts up to the period.
pub fn by_period(days: &BTreeMap<NaiveDate, u64>, period: DatePeriod) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for (day, n) in days {
        *out.entry(period.label(*day)).or_insert(0) += n;
    }
    out
}

/// Counts matching articles per local publication day, from the `day` fast field.
pub struct DayCounts;

pub struct DaySegment {
    column: Column<tantivy::DateTime>,
    counts: HashMap<i64, u64>,
}

impl Collector for DayCounts {
    type Fruit = BTreeMap<NaiveDate, u64>;
    type Child = DaySegment;

    fn for_segment(&self, _ord: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<DaySegment> {
        let column = reader.fast_fields().date(name::DAY)?;
        Ok(DaySegment { column, counts: HashMap::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<HashMap<i64, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut out = BTreeMap::new();
        for (secs, n) in parts.into_iter().flatten() {
            if let Some(day) = DateTime::from_timestamp(secs, 0).map(|t| t.date_naive()) {
                *out.entry(day).or_insert(0) += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for DaySegment {
    type Fruit = HashMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(day) = self.column.first(doc) {
            *self.counts.entry(day.into_timestamp_secs()).or_insert(0) += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_names_parse() {
        assert_eq!("person".parse(), Ok(FacetField::Person));
        assert_eq!("date:month".parse(), Ok(FacetField::Date(DatePeriod::Month)));
        assert!("colour".parse::<FacetField>().is_err());
    }

    #[test]
    fn days_roll_up_to_months() {
        let d = |m, day| NaiveDate::from_ymd_opt(2020, m, day).unwrap();
        let days = BTreeMap::from([(d(7, 8), 1), (d(7, 10), 2), (d(8, 1), 4)]);
        let months = by_period(&days, DatePeriod::Month);
        assert_eq!(months, BTreeMap::from([("2020-07".to_string(), 3), ("2020-08".to_string(), 4)]));
    }
}
