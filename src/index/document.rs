//! Turning an [`Article`] into an index document and a stored document back into one.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, TantivyDocument};

use super::schema::{facet_root, keyword_term_text, Fields};
use crate::article::Article;

/// The index document for an article from the source file `file` (its absolute path):
/// searchable fields, facets, dates and the stored record.
pub fn to_document(article: &Article, file: &str, f: &Fields) -> Result<TantivyDocument> {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &article.id);
    doc.add_text(f.path, &article.path);
    doc.add_text(f.file, file);
    doc.add_text(f.headline, &article.headline);
    doc.add_text(f.body, &article.body);
    doc.add_text(f.outlet, keyword_term_text(&article.outlet));
    doc.add_facet(f.facet, facet(facet_root::OUTLET, &[&article.outlet]));
    for person in &article.people {
        doc.add_text(f.person, keyword_term_text(person));
        doc.add_facet(f.facet, facet(facet_root::PERSON, &[person]));
    }
    for author in &article.authors {
        doc.add_text(f.author, keyword_term_text(author));
        doc.add_facet(f.facet, facet(facet_root::AUTHOR, &[author]));
    }
    if let Some(day) = article.date.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        let path = day.format("%Y/%m/%d").to_string();
        let parts: Vec<&str> = path.split('/').collect();
        doc.add_facet(f.facet, facet(facet_root::DATE, &parts));
        doc.add_date(f.day, day_value(day));
    }
    if let Some(published) = article.published.as_deref() {
        let t = chrono::DateTime::parse_from_rfc3339(published).context("stored publication time")?;
        doc.add_date(f.published, DateTime::from_timestamp_secs(t.timestamp()));
    }
    doc.add_text(f.article, serde_json::to_string(article)?);
    Ok(doc)
}

/// A calendar day as the `day` field stores it: midnight UTC of that date.
pub fn day_value(day: NaiveDate) -> DateTime {
    let secs = day.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().timestamp();
    DateTime::from_timestamp_secs(secs)
}

/// The facet `/root/part/...`; each part is one path segment (slashes inside are escaped).
pub fn facet(root: &str, parts: &[&str]) -> Facet {
    let mut segments = vec![root];
    segments.extend_from_slice(parts);
    Facet::from_path(segments)
}

/// Reads the stored article back from an index document.
pub fn from_document(doc: &TantivyDocument, f: &Fields) -> Result<Article> {
    let json =
        doc.get_first(f.article).and_then(|v| v.as_str()).context("index document has no stored article")?;
    serde_json::from_str(json).context("stored article is not valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_paths_escape_slashes() {
        assert_eq!(facet("outlet", &["AC/DC News"]).to_path(), vec!["outlet", "AC/DC News"]);
        assert_eq!(facet("date", &["2020", "07", "10"]).to_string(), "/date/2020/07/10");
    }

    #[test]
    fn day_value_is_utc_midnight() {
        let d = NaiveDate::from_ymd_opt(2020, 7, 10).unwrap();
        assert_eq!(day_value(d).into_timestamp_secs(), 1_594_339_200);
    }
}
