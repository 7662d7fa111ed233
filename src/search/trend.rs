//! Counts over time: matching articles per calendar period, empty periods included.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::DatePeriod;

/// One period of a trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// First day of the period.
    pub start: NaiveDate,
    /// `2020`, `2020-07`, `2020-W28` or `2020-07-10`.
    pub label: String,
    pub count: u64,
}

/// Every period from the first dated match to the last, with zero for empty ones.
pub fn buckets(days: &BTreeMap<NaiveDate, u64>, period: DatePeriod) -> Vec<Bucket> {
    let (Some(first), Some(last)) = (days.keys().next(), days.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = period.start(*first);
    let mut counts = days.iter().peekable();
    while start <= *last {
        let next = period.next(start);
        let mut count = 0;
        while let Some((day, n)) = counts.next_if(|(d, _)| next.is_none_or(|end| **d < end)) {
            debug_assert!(*day >= start);
            count += n;
        }
        out.push(Bucket { start, label: period.label(start), count });
        match next {
            Some(n) => start = n,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_months_with_empty_ones_between() {
        let days = BTreeMap::from([(d(2020, 1, 31), 2), (d(2020, 2, 1), 1), (d(2020, 4, 30), 5)]);
        let got: Vec<(String, u64)> =
            buckets(&days, DatePeriod::Month).into_iter().map(|b| (b.label, b.count)).collect();
        let want = [("2020-01", 2), ("2020-02", 1), ("2020-03", 0), ("2020-04", 5)];
        assert_eq!(got, want.map(|(l, c)| (l.to_string(), c)));
    }

    #[test]
    fn weeks_start_on_monday_and_cross_years() {
        let days = BTreeMap::from([(d(2020, 12, 31), 1), (d(2021, 1, 4), 1)]);
        let got = buckets(&days, DatePeriod::Week);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].start, got[0].label.as_str()), (d(2020, 12, 28), "2020-W53"));
        assert_eq!((got[1].start, got[1].label.as_str()), (d(2021, 1, 4), "2021-W01"));
    }

    #[test]
    fn years_and_days_sum_to_the_total() {
        let days = BTreeMap::from([(d(2018, 5, 1), 3), (d(2020, 7, 10), 4)]);
        let years = buckets(&days, DatePeriod::Year);
        assert_eq!(years.iter().map(|b| b.count).collect::<Vec<_>>(), vec![3, 0, 4]);
        let all_days = buckets(&days, DatePeriod::Day);
        assert_eq!(all_days.iter().map(|b| b.count).sum::<u64>(), 7);
        assert_eq!(all_days.first().unwrap().start, d(2018, 5, 1));
    }

    #[test]
    fn no_dates_no_buckets() {
        assert!(buckets(&BTreeMap::new(), DatePeriod::Month).is_empty());
    }
}
