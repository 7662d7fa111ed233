//! Whole articles: JSON lines (all fields), a short summary, the full text, CSV rows.

use std::io::{self, Write};

use super::{json_line, Styling, Table, DIM, HEAD};
use crate::article::Article;

/// One article as a JSON line with every field.
pub fn article_json(out: &mut impl Write, article: &Article) -> io::Result<()> {
    json_line(out, article)
}

/// One article as a short readable block (the `extract` default).
pub fn article_summary(out: &mut impl Write, a: &Article) -> io::Result<()> {
    writeln!(out, "{}{}", a.headline, tags(a))?;
    writeln!(out, "  {}", meta_line(a))?;
    writeln!(out, "  people: {}", list_or_dash(&a.people))?;
    let words = a.body.split_whitespace().count();
    writeln!(out, "  {} paragraphs, {} words, id {}, {}\n", a.body.split("\n\n").count(), words, a.id, a.path)
}

/// The whole article for reading (the `show` default).
pub fn article_full_text(out: &mut impl Write, a: &Article, style: Styling) -> io::Result<()> {
    writeln!(out, "{}{}", style.paint(HEAD, &a.headline), tags(a))?;
    writeln!(out, "{}", style.paint(DIM, &meta_line(a)))?;
    if let Some(section) = &a.section {
        writeln!(out, "{}", style.paint(DIM, &format!("section: {section}")))?;
    }
    writeln!(out, "{}", style.paint(DIM, &format!("people: {}", list_or_dash(&a.people))))?;
    writeln!(out)?;
    writeln!(out, "{}", a.body)?;
    for caption in &a.captions {
        writeln!(out, "\n{}", style.paint(DIM, &format!("[photo] {caption}")))?;
    }
    writeln!(out)?;
    let source = a.url.as_deref().unwrap_or(&a.path);
    writeln!(out, "{}", style.paint(DIM, &format!("id {}  {}", a.id, source)))
}

fn tags(a: &Article) -> String {
    if a.tags.is_empty() {
        String::new()
    } else {
        format!(" [{}]", a.tags.join(", "))
    }
}

fn meta_line(a: &Article) -> String {
    format!(
        "{} | {} | {} | by {}",
        a.outlet,
        a.published.as_deref().unwrap_or("no date"),
        a.dateline.as_deref().unwrap_or("no dateline"),
        list_or_dash(&a.authors)
    )
}

fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

/// Columns of an article as a CSV/TSV row (lists joined with `; `).
pub const ARTICLE_COLUMNS: &[&str] = &[
    "id",
    "path",
    "outlet",
    "url",
    "headline",
    "tags",
    "published",
    "date",
    "dateline",
    "authors",
    "section",
    "body",
    "captions",
    "people",
];

/// Writes one article as a table row in [`ARTICLE_COLUMNS`] order.
pub fn article_row<W: Write>(table: &mut Table<W>, a: &Article) -> io::Result<()> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    table.row([
        a.id.clone(),
        a.path.clone(),
        a.outlet.clone(),
        opt(&a.url),
        a.headline.clone(),
        a.tags.join("; "),
        opt(&a.published),
        opt(&a.date),
        opt(&a.dateline),
        a.authors.join("; "),
        opt(&a.section),
        a.body.clone(),
        a.captions.join("; "),
        a.people.join("; "),
    ])
}
