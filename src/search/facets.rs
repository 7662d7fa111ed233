//! Facet counts over all matching articles: outlets, people and authors from the facet
//! field, and dates by year, month or day from the fast `day` field.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate};
use tantivy::collector::{Collector, FacetCollector, FacetCounts, SegmentCollector};
use tantivy::columnar::Column;
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

/// The collectors a request's facets need.
pub struct Collectors {
    fields: Vec<FacetField>,
}

impl Collectors {
    pub fn new(wanted: &[FacetField]) -> Collectors {
        Collectors { fields: wanted.to_vec() }
    }

    /// The collector to run beside the query: facet-field counts and day counts, each if needed.
    pub fn collector(&self) -> (Option<FacetCollector>, Option<DayCounts>) {
        let roots: Vec<&str> = self.fields.iter().filter_map(|f| f.root()).collect();
        let facet = (!roots.is_empty()).then(|| {
            let mut c = FacetCollector::for_field(name::FACET);
            for root in roots {
                c.add_facet(format!("/{root}").as_str());
            }
            c
        });
        let days = self.fields.iter().any(|f| matches!(f, FacetField::Date(_))).then_some(DayCounts);
        (facet, days)
    }

    /// The top `limit` values of each requested facet, most frequent first (ties by value),
    /// keeping only values that start with `prefix` (ignoring case) when one is given.
    pub fn counts(
        &self,
        fruit: (Option<FacetCounts>, Option<BTreeMap<NaiveDate, u64>>),
        limit: usize,
        prefix: Option<&str>,
    ) -> Vec<FacetCount> {
        let (facets, days) = fruit;
        let prefix = prefix.map(str::to_lowercase);
        let mut out = Vec::new();
        for &field in &self.fields {
            let mut values: Vec<(String, u64)> = match (field, &facets, &days) {
                (FacetField::Date(period), _, Some(days)) => by_period(days, period).into_iter().collect(),
                (_, Some(counts), _) => field_values(counts, field),
                _ => Vec::new(),
            };
            if let Some(prefix) = &prefix {
                values.retain(|(v, _)| v.to_lowercase().starts_with(prefix.as_str()));
            }
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            values.truncate(limit);
            out.extend(values.into_iter().map(|(value, count)| FacetCount { field, value, count }));
        }
        out
    }
}

fn field_values(counts: &FacetCounts, field: FacetField) -> Vec<(String, u64)> {
    let root = format!("/{}", field.root().expect("facet-field root"));
    counts
        .get(root.as_str())
        .filter_map(|(facet, n)| facet.to_path().last().map(|v| (v.to_string(), n)))
        .collect()
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
