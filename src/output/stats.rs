//! Index statistics as text or one JSON line.

use std::io::{self, Write};

use serde::Serialize;

use super::{json_line, Format};
use crate::index::stats::Stats;

#[derive(Serialize)]
#[serde(tag = "type", rename = "stats")]
struct StatsLine<'a> {
    #[serde(flatten)]
    stats: &'a Stats,
}

/// Writes index statistics; CSV and TSV are `name,value` rows.
pub fn stats(out: &mut impl Write, s: &Stats, format: Format) -> io::Result<()> {
    if format == Format::Json {
        return json_line(out, &StatsLine { stats: s });
    }
    let date = |d: Option<chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    let rows = [
        ("articles", s.articles.to_string()),
        ("outlets", s.outlets.to_string()),
        ("first_date", date(s.first_date)),
        ("last_date", date(s.last_date)),
        ("undated", s.undated.to_string()),
        ("people", s.people.to_string()),
        ("authors", s.authors.to_string()),
        ("size_bytes", s.size_bytes.to_string()),
        ("segments", s.segments.to_string()),
    ];
    match format {
        Format::Csv | Format::Tsv => {
            let mut t = if format == Format::Csv { super::Table::csv(out) } else { super::Table::tsv(out) };
            t.row(["name", "value"])?;
            for (n, v) in rows {
                t.row([n, v.as_str()])?;
            }
            t.flush()
        }
        _ => {
            for (n, v) in rows {
                writeln!(out, "{:<11} {}", format!("{}:", n.replace('_', " ")), v)?;
            }
            Ok(())
        }
    }
}
