//! Facet counts: `facet` JSON lines, aligned text tables, CSV/TSV rows.

use std::io::{self, Write};
use std::time::Duration;

use serde::Serialize;

use super::{json_line, millis, Format, Styling, Table, HEAD};
use crate::search::FacetCount;

#[derive(Serialize)]
#[serde(tag = "type", rename = "facet")]
struct FacetLine<'a> {
    field: &'a str,
    value: &'a str,
    count: u64,
}

#[derive(Serialize)]
#[serde(tag = "type", rename = "summary")]
struct FacetSummary {
    total: usize,
    values: usize,
    took_ms: f64,
}

/// `facet` JSON lines.
pub(super) fn facet_lines(out: &mut impl Write, facets: &[FacetCount]) -> io::Result<()> {
    for f in facets {
        json_line(out, &FacetLine { field: f.field.label(), value: &f.value, count: f.count })?;
    }
    Ok(())
}

/// Facet counts as text, one block per field.
pub(super) fn facet_text(out: &mut impl Write, facets: &[FacetCount], style: Styling) -> io::Result<()> {
    let width = facets.iter().map(|f| f.value.chars().count()).max().unwrap_or(0);
    let mut current = None;
    for f in facets {
        if current != Some(f.field) {
            writeln!(out, "{}", style.paint(HEAD, &format!("{}:", f.field.label())))?;
            current = Some(f.field);
        }
        writeln!(out, "  {:<width$}  {:>7}", f.value, f.count)?;
    }
    Ok(())
}

/// The `facets` command's output: values with counts, and (JSON) a summary of all matches.
pub fn facets(
    out: &mut impl Write,
    total: usize,
    facets: &[FacetCount],
    took: Duration,
    format: Format,
    style: Styling,
) -> io::Result<()> {
    match format {
        Format::Json => {
            facet_lines(out, facets)?;
            json_line(out, &FacetSummary { total, values: facets.len(), took_ms: millis(took) })
        }
        Format::Text => facet_text(out, facets, style),
        Format::Csv => facet_table(Table::csv(out), facets),
        Format::Tsv => facet_table(Table::tsv(out), facets),
    }
}

fn facet_table<W: Write>(mut table: Table<W>, facets: &[FacetCount]) -> io::Result<()> {
    table.row(["field", "value", "count"])?;
    for f in facets {
        table.row([f.field.label(), f.value.as_str(), &f.count.to_string()])?;
    }
    table.flush()
}
