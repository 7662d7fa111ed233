//! The article pipeline: file -> decoded page or records -> draft -> [`Article`].
//!
//! The same pipeline feeds `ingest` and `extract`, so what is indexed is exactly what
//! `extract` shows.

use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use xxhash_rust::xxh3::xxh3_64;

use super::records;
use crate::article::{Article, Draft};
use crate::outlets::{self, Outlet, Page};
use crate::{people, text};

/// How a file is read, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// A page dump: one article per file.
    Text,
    /// One JSON record, or an array of records.
    Json,
    /// One JSON record per line.
    JsonLines,
}

impl InputFormat {
    /// The format for a file name, or `None` for files newsdex does not read.
    pub fn for_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "json" => Some(InputFormat::Json),
            "jsonl" | "ndjson" => Some(InputFormat::JsonLines),
            _ => None,
        }
    }
}

/// What one file gave: its articles, and errors for parts that could not be read.
#[derive(Debug, Default)]
pub struct FileResult {
    pub articles: Vec<Article>,
    /// Reasons, each already naming the place in the file (e.g. `line 3: ...`).
    pub errors: Vec<String>,
}

/// Settings shared by every file of a run.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    /// Outlet name given by the user, overriding detection.
    pub outlet: Option<String>,
    /// The archivist's people aliases, applied after extraction.
    pub people_aliases: people::Aliases,
}

impl Pipeline {
    /// Reads one file into articles. An error means nothing in the file could be used.
    pub fn process(&self, path: &Path, format: InputFormat) -> Result<FileResult> {
        let bytes = std::fs::read(path).context("cannot read")?;
        let raw = String::from_utf8_lossy(&bytes);
        let shown = path.display().to_string();
        match format {
            InputFormat::Text => {
                Ok(FileResult { articles: vec![self.read_dump(&raw, &shown)?], errors: Vec::new() })
            }
            InputFormat::Json => self.read_json(&raw, &shown),
            InputFormat::JsonLines => Ok(self.read_json_lines(&raw, &shown)),
        }
    }

    fn read_dump(&self, raw: &str, path: &str) -> Result<Article> {
        let page = Page::new(raw);
        let profile = self.profile_for(&page);
        let draft = profile.parse_dump(&page);
        self.finish(draft, profile, path.to_string())
    }

    fn profile_for(&self, page: &Page) -> &'static dyn Outlet {
        match &self.outlet {
            Some(name) => outlets::by_name(name).unwrap_or(outlets::GENERIC),
            None => outlets::detect(page),
        }
    }

    fn read_json(&self, raw: &str, path: &str) -> Result<FileResult> {
        let value: Value = serde_json::from_str(raw).context("invalid JSON")?;
        let records = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        let mut result = FileResult::default();
        let many = records.len() > 1;
        for (i, record) in records.iter().enumerate() {
            let place = if many { format!("{path}#{}", i + 1) } else { path.to_string() };
            match self.read_record(record, place) {
                Ok(a) => result.articles.push(a),
                Err(e) => result.errors.push(format!("record {}: {e:#}", i + 1)),
            }
        }
        Ok(result)
    }

    fn read_json_lines(&self, raw: &str, path: &str) -> FileResult {
        let mut result = FileResult::default();
        for (i, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let record = serde_json::from_str::<Value>(line).context("invalid JSON");
            match record.and_then(|r| self.read_record(&r, format!("{path}#{}", i + 1))) {
                Ok(a) => result.articles.push(a),
                Err(e) => result.errors.push(format!("line {}: {e:#}", i + 1)),
            }
        }
        result
    }

    fn read_record(&self, record: &Value, path: String) -> Result<Article> {
        let Some(mut draft) = records::draft(record) else { bail!("not a JSON object") };
        if let Some(name) = &self.outlet {
            draft.outlet = Some(name.clone());
        }
        let profile = draft.outlet.as_deref().and_then(outlets::by_name).unwrap_or(outlets::GENERIC);
        self.finish(draft, profile, path)
    }

    /// Completes a draft: outlet name, dates, body, people and the stable id.
    fn finish(&self, draft: Draft, profile: &dyn Outlet, path: String) -> Result<Article> {
        if draft.headline.is_empty() && draft.paragraphs.is_empty() {
            bail!("no article text found");
        }
        let outlet = self.outlet.clone().or(draft.outlet).unwrap_or_else(|| profile.name().to_string());
        let people =
            self.people_aliases.apply(people::extract(&draft.headline, &draft.paragraphs, &draft.authors));
        let body = text::join_paragraphs(&draft.paragraphs);
        let mut article = Article {
            id: String::new(),
            path,
            outlet,
            url: draft.url,
            headline: draft.headline,
            tags: draft.tags,
            published: draft.published.map(|p| p.instant().to_rfc3339()),
            date: draft.published.map(|p| p.date().format("%Y-%m-%d").to_string()),
            dateline: draft.dateline,
            authors: draft.authors,
            section: draft.section,
            body,
            captions: draft.captions,
            people,
        };
        article.id = article_id(&article);
        Ok(article)
    }
}

/// A stable id: a hash of the article's URL when it has one, else of its content.
pub fn article_id(a: &Article) -> String {
    let key = match &a.url {
        Some(url) => url.clone(),
        None => format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            a.outlet,
            a.date.as_deref().unwrap_or(""),
            a.headline,
            a.body
        ),
    };
    format!("{:016x}", xxh3_64(key.as_bytes()))
}
