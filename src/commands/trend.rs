//! `newsdex trend`: matching articles per day, week, month or year, with a chart.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::Status;
use crate::backend::Backend;
use crate::output::{self, Format, Styling, TrendTotals};
use crate::plot;
use crate::search::trend::buckets;
use crate::search::{DatePeriod, Selection};

#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
    pub selection: Selection,
    pub by: DatePeriod,
    pub format: Format,
    pub styling: Styling,
    /// Also write a chart to this .svg or .png file.
    pub plot: Option<PathBuf>,
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let engine = super::open_for_process(&config.backend)?;
    let counts = engine.day_counts(&config.selection)?;
    let series = buckets(&counts.days, config.by);
    let by = period_name(config.by);
    let totals = TrendTotals { by, total: counts.total, undated: counts.undated };
    output::trend(out, &series, &totals, config.format, config.styling)?;
    out.flush()?;
    if let Some(path) = &config.plot {
        let title = chart_title(&config.selection);
        plot::trend_chart(path, &series, &title, by)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    super::checked(engine, Status::found(counts.total), err)
}

fn period_name(by: DatePeriod) -> &'static str {
    match by {
        DatePeriod::Day => "day",
        DatePeriod::Week => "week",
        DatePeriod::Month => "month",
        DatePeriod::Year => "year",
    }
}

fn chart_title(s: &Selection) -> String {
    let mut parts = Vec::new();
    if !s.query.trim().is_empty() {
        parts.push(format!("\"{}\"", s.query.trim()));
    }
    parts.extend(s.filters.persons.iter().map(|p| format!("person: {p}")));
    parts.extend(s.filters.outlets.iter().map(|o| format!("outlet: {o}")));
    parts.extend(s.filters.authors.iter().map(|a| format!("author: {a}")));
    if parts.is_empty() {
        "All articles".to_string()
    } else {
        format!("Articles matching {}", parts.join(", "))
    }
}
