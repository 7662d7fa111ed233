//! Trends: a bar chart in the terminal, `bucket` JSON lines, CSV/TSV rows.

use std::io::{self, Write};

use serde::Serialize;

use super::{json_line, Format, Styling, Table, DIM, HEAD};
use crate::search::trend::Bucket;

/// Widest bar, in characters.
const BAR_WIDTH: u64 = 50;

#[derive(Serialize)]
#[serde(tag = "type", rename = "bucket")]
struct BucketLine<'a> {
    period: &'a str,
    start: String,
    count: u64,
}

#[derive(Serialize)]
#[serde(tag = "type", rename = "summary")]
struct TrendSummary<'a> {
    by: &'a str,
    total: usize,
    dated: u64,
    undated: u64,
    periods: usize,
}

/// What a trend covers, for summaries.
pub struct TrendTotals<'a> {
    pub by: &'a str,
    pub total: usize,
    pub undated: u64,
}

/// Writes a trend in the chosen format.
pub fn trend(
    out: &mut impl Write,
    buckets: &[Bucket],
    totals: &TrendTotals,
    format: Format,
    style: Styling,
) -> io::Result<()> {
    match format {
        Format::Json => {
            for b in buckets {
                json_line(out, &BucketLine { period: &b.label, start: b.start.to_string(), count: b.count })?;
            }
            let dated = buckets.iter().map(|b| b.count).sum();
            let s = TrendSummary {
                by: totals.by,
                total: totals.total,
                dated,
                undated: totals.undated,
                periods: buckets.len(),
            };
            json_line(out, &s)
        }
        Format::Text => bars(out, buckets, totals, style),
        Format::Csv => table(Table::csv(out), buckets),
        Format::Tsv => table(Table::tsv(out), buckets),
    }
}

fn table<W: Write>(mut t: Table<W>, buckets: &[Bucket]) -> io::Result<()> {
    t.row(["period", "start", "count"])?;
    for b in buckets {
        t.row([b.label.clone(), b.start.to_string(), b.count.to_string()])?;
    }
    t.flush()
}

fn bars(out: &mut impl Write, buckets: &[Bucket], totals: &TrendTotals, style: Styling) -> io::Result<()> {
    let max = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let label_width = buckets.iter().map(|b| b.label.len()).max().unwrap_or(0);
    let count_width = max.to_string().len();
    for b in buckets {
        let eighths = (b.count * BAR_WIDTH * 8).div_ceil(max);
        writeln!(
            out,
            "{:<label_width$}  {:>count_width$}  {}",
            b.label,
            b.count,
            style.paint(HEAD, &bar(eighths))
        )?;
    }
    let dated: u64 = buckets.iter().map(|b| b.count).sum();
    let line = format!(
        "{} matching articles by {}: {} dated, {} undated",
        totals.total, totals.by, dated, totals.undated
    );
    writeln!(out, "{}", style.paint(DIM, &line))
}

/// A bar of `eighths`/8 characters using Unicode block elements.
fn bar(eighths: u64) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let mut s = "█".repeat((eighths / 8) as usize);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[(eighths % 8) as usize]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_use_eighths() {
        assert_eq!(bar(0), "");
        assert_eq!(bar(8), "█");
        assert_eq!(bar(12), "█▌");
    }
}
