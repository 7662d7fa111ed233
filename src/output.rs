//! Writers for command output: readable text for people, JSON Lines for scripts.
//!
//! Every writer takes `&mut impl Write`, so tests capture output and commands compose.
//! JSON Lines objects carry a `type` field; their field names are a stable contract.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::article::Article;
use crate::search::{FacetCount, Hit, SearchResults};

/// Whether to colour and embolden text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Styling {
    pub color: bool,
}

impl Styling {
    fn paint(self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

const MATCH: Style = Style::new().bold().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const DIM: Style = Style::new().dimmed();
const HEAD: Style = Style::new().bold();

#[derive(Serialize)]
#[serde(tag = "type", rename = "hit")]
struct HitLine<'a> {
    rank: usize,
    id: &'a str,
    score: f32,
    outlet: &'a str,
    published: Option<&'a str>,
    date: Option<&'a str>,
    headline: &'a str,
    authors: &'a [String],
    people: &'a [String],
    snippet: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "type", rename = "facet")]
struct FacetLine<'a> {
    field: &'a str,
    value: &'a str,
    count: u64,
}

#[derive(Serialize)]
#[serde(tag = "type", rename = "summary")]
struct SummaryLine {
    total: usize,
    shown: usize,
    took_ms: f64,
}

fn json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Search results as JSON Lines: hits, then facet counts, then one summary.
pub fn search_json(out: &mut impl Write, results: &SearchResults) -> io::Result<()> {
    for hit in &results.hits {
        let a = &hit.article;
        json_line(
            out,
            &HitLine {
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
            },
        )?;
    }
    for f in &results.facets {
        json_line(out, &FacetLine { field: f.field.label(), value: &f.value, count: f.count })?;
    }
    let took_ms = (results.took.as_secs_f64() * 1e5).round() / 100.0;
    json_line(out, &SummaryLine { total: results.total, shown: results.hits.len(), took_ms })
}

/// Search results for people: ranked hits with highlighted snippets, facet tables, a total.
pub fn search_text(out: &mut impl Write, results: &SearchResults, style: Styling) -> io::Result<()> {
    for hit in &results.hits {
        hit_text(out, hit, style)?;
    }
    facets_text(out, &results.facets, style)?;
    let line = format!(
        "{} of {} matching article{} ({:.1} ms)",
        results.hits.len(),
        results.total,
        if results.total == 1 { "" } else { "s" },
        results.took.as_secs_f64() * 1e3
    );
    writeln!(out, "{}", style.paint(DIM, &line))
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

fn highlighted(text: &str, ranges: &[std::ops::Range<usize>], style: Styling) -> String {
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
    out.replace('\n', " ")
}

fn facets_text(out: &mut impl Write, facets: &[FacetCount], style: Styling) -> io::Result<()> {
    let mut current = None;
    let width = facets.iter().map(|f| f.value.chars().count()).max().unwrap_or(0);
    for f in facets {
        if current != Some(f.field) {
            writeln!(out, "{}", style.paint(HEAD, &format!("{}:", f.field.label())))?;
            current = Some(f.field);
        }
        writeln!(out, "  {:<width$}  {}", f.value, f.count)?;
    }
    if !facets.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// One article as a JSON line, all fields.
pub fn article_json(out: &mut impl Write, article: &Article) -> io::Result<()> {
    json_line(out, article)
}

/// One article as a short readable block.
pub fn article_text(out: &mut impl Write, a: &Article) -> io::Result<()> {
    let tags = if a.tags.is_empty() { String::new() } else { format!(" [{}]", a.tags.join(", ")) };
    writeln!(out, "{}{}", a.headline, tags)?;
    writeln!(
        out,
        "  {} | {} | {} | by {}",
        a.outlet,
        a.published.as_deref().unwrap_or("no date"),
        a.dateline.as_deref().unwrap_or("no dateline"),
        if a.authors.is_empty() { "-".to_string() } else { a.authors.join(", ") }
    )?;
    writeln!(out, "  people: {}", if a.people.is_empty() { "-".to_string() } else { a.people.join(", ") })?;
    let words = a.body.split_whitespace().count();
    writeln!(out, "  {} paragraphs, {} words, id {}, {}\n", a.body.split("\n\n").count(), words, a.id, a.path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_mark_matches_only_when_coloured() {
        let plain =
            highlighted("a summit here", &[std::ops::Range { start: 2, end: 8 }], Styling { color: false });
        assert_eq!(plain, "a summit here");
        let coloured =
            highlighted("a summit here", &[std::ops::Range { start: 2, end: 8 }], Styling { color: true });
        assert!(coloured.contains("\u{1b}[") && coloured.contains("summit"));
    }
}
