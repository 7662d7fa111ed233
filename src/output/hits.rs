//! Search hits in every format: text with highlights, JSON Lines, CSV and TSV columns.

use std::io::{self, Write};
use std::ops::Range;
use std::str::FromStr;

use serde::Serialize;

use super::{json_line, millis, Format, Styling, Summary, Table, DIM, HEAD, MATCH};
use crate::search::{FacetCount, Hit, SearchResults};

/// A column a user can pick with `--fields`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitField {
    Rank,
    Id,
    Score,
    Outlet,
    Published,
    Date,
    Headline,
    Authors,
    People,
    Tags,
    Dateline,
    Section,
    Url,
    Snippet,
    Path,
}

/// Columns of CSV/TSV output when `--fields` is not given.
pub const DEFAULT_HIT_FIELDS: &[HitField] = &[
    HitField::Rank,
    HitField::Id,
    HitField::Score,
    HitField::Date,
    HitField::Outlet,
    HitField::Headline,
    HitField::Authors,
    HitField::People,
    HitField::Path,
];

const ALL_FIELDS: &[(&str, HitField)] = &[
    ("rank", HitField::Rank),
    ("id", HitField::Id),
    ("score", HitField::Score),
    ("outlet", HitField::Outlet),
    ("published", HitField::Published),
    ("date", HitField::Date),
    ("headline", HitField::Headline),
    ("authors", HitField::Authors),
    ("people", HitField::People),
    ("tags", HitField::Tags),
    ("dateline", HitField::Dateline),
    ("section", HitField::Section),
    ("url", HitField::Url),
    ("snippet", HitField::Snippet),
    ("path", HitField::Path),
];

impl FromStr for HitField {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ALL_FIELDS.iter().find(|(n, _)| *n == s.trim()).map(|(_, f)| *f).ok_or_else(|| {
            let names: Vec<&str> = ALL_FIELDS.iter().map(|(n, _)| *n).collect();
            format!("unknown field {s:?}: expected one of {}", names.join(", "))
        })
    }
}

impl HitField {
    pub fn name(self) -> &'static str {
        ALL_FIELDS.iter().find(|(_, f)| *f == self).map(|(n, _)| *n).expect("every field is named")
    }

    /// The cell for this column; lists are joined with `; `.
    pub fn value(self, hit: &Hit) -> String {
        let a = &hit.article;
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        match self {
            HitField::Rank => hit.rank.to_string(),
            HitField::Id => a.id.clone(),
            HitField::Score => hit.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
            HitField::Outlet => a.outlet.clone(),
            HitField::Published => opt(&a.published),
            HitField::Date => opt(&a.date),
            HitField::Headline => a.headline.clone(),
            HitField::Authors => a.authors.join("; "),
            HitField::People => a.people.join("; "),
            HitField::Tags => a.tags.join("; "),
            HitField::Dateline => opt(&a.dateline),
            HitField::Section => opt(&a.section),
            HitField::Url => opt(&a.url),
            HitField::Snippet => hit.snippet.text.clone(),
            HitField::Path => a.path.clone(),
        }
    }
}

#[derive(Serialize)]
#[serde(tag = "type", rename = "hit")]
struct HitLine<'a> {
    rank: usize,
    id: &'a str,
    score: Option<f32>,
    outlet: &'a str,
    published: Option<&'a str>,
    date: Option<&'a str>,
    headline: &'a str,
    authors: &'a [String],
    people: &'a [String],
    snippet: &'a str,
    path: &'a str,
}

/// One hit as its JSON object (the `hit` line of search output).
pub fn hit_json(hit: &Hit) -> serde_json::Value {
    let a = &hit.article;
    serde_json::to_value(HitLine {
        rank: hit.rank,
        id: &a.id,
        score: hit.score,
        outlet: &a.outlet,
        published: a.published.as_deref(),
        date: a.date.as_deref(),
        headline: &a.headline,
        authors: &a.authors,
        people: &a.people,
        snippet: &hit.snippet.text,
        path: &a.path,
    })
    .expect("hits serialise")
}

/// Search results in the chosen format. `fields` picks columns for text, CSV and TSV.
pub fn search(
    out: &mut impl Write,
    results: &SearchResults,
    format: Format,
    fields: Option<&[HitField]>,
    style: Styling,
) -> io::Result<()> {
    match format {
        Format::Json => search_json(out, results),
        Format::Text => match fields {
            Some(fields) => columns_text(out, results, fields),
            None => search_text(out, results, style),
        },
        Format::Csv => hits_table(Table::csv(out), results, fields.unwrap_or(DEFAULT_HIT_FIELDS)),
        Format::Tsv => hits_table(Table::tsv(out), results, fields.unwrap_or(DEFAULT_HIT_FIELDS)),
    }
}

/// Only the number of matching articles.
pub fn count(out: &mut impl Write, total: usize, format: Format) -> io::Result<()> {
    match format {
        Format::Json => writeln!(out, "{{\"type\":\"count\",\"total\":{total}}}"),
        _ => writeln!(out, "{total}"),
    }
}

fn search_json(out: &mut impl Write, results: &SearchResults) -> io::Result<()> {
    for hit in &results.hits {
        json_line(out, &hit_json(hit))?;
    }
    super::facets::facet_lines(out, &results.facets)?;
    json_line(
        out,
        &Summary { total: results.total, shown: results.hits.len(), took_ms: millis(results.took) },
    )
}

fn hits_table<W: Write>(mut table: Table<W>, results: &SearchResults, fields: &[HitField]) -> io::Result<()> {
    table.row(fields.iter().map(|f| f.name()))?;
    for hit in &results.hits {
        table.row(fields.iter().map(|f| f.value(hit)))?;
    }
    table.flush()
}

fn columns_text(out: &mut impl Write, results: &SearchResults, fields: &[HitField]) -> io::Result<()> {
    for hit in &results.hits {
        let cells: Vec<String> = fields.iter().map(|f| f.value(hit).replace('\n', " ")).collect();
        writeln!(out, "{}", cells.join("  "))?;
    }
    Ok(())
}

fn search_text(out: &mut impl Write, results: &SearchResults, style: Styling) -> io::Result<()> {
    for hit in &results.hits {
        hit_text(out, hit, style)?;
    }
    facets_block(out, &results.facets, style)?;
    let line = format!(
        "{} of {} matching article{} ({:.1} ms)",
        results.hits.len(),
        results.total,
        if results.total == 1 { "" } else { "s" },
        results.took.as_secs_f64() * 1e3
    );
    writeln!(out, "{}", style.paint(DIM, &line))
}

fn facets_block(out: &mut impl Write, facets: &[FacetCount], style: Styling) -> io::Result<()> {
    super::facets::facet_text(out, facets, style)?;
    if !facets.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

fn hit_text(out: &mut impl Write, hit: &Hit, style: Styling) -> io::Result<()> {
    let a = &hit.article;
    let date = a.date.as_deref().unwrap_or("----------");
    writeln!(
        out,
        "{:>3}. {}  {}  {}",
        hit.rank,
        style.paint(DIM, date),
        style.paint(DIM, &a.outlet),
        style.paint(HEAD, &a.headline)
    )?;
    writeln!(out, "     {}", highlighted(&hit.snippet.text, &hit.snippet.highlights, style))?;
    writeln!(out, "     {}\n", style.paint(DIM, &format!("id {}  {}", a.id, a.path)))
}

fn highlighted(text: &str, ranges: &[Range<usize>], style: Styling) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 16);
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > text.len() {
            continue;
        }
        out.push_str(&text[at..r.start]);
        out.push_str(&style.paint(MATCH, &text[r.clone()]));
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_mark_matches_only_when_coloured() {
        let ranges = vec![Range { start: 2, end: 8 }];
        assert_eq!(highlighted("a summit here", &ranges, Styling { color: false }), "a summit here");
        let coloured = highlighted("a summit here", &ranges, Styling { color: true });
        assert!(coloured.contains("\u{1b}[") && coloured.contains("summit"));
    }

    #[test]
    fn field_names_round_trip() {
        for (name, field) in ALL_FIELDS {
            assert_eq!(name.parse::<HitField>(), Ok(*field));
            assert_eq!(field.name(), *name);
        }
        assert!("colour".parse::<HitField>().is_err());
    }
}
