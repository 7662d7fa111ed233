//! The fallback for page dumps from outlets without a profile.
//!
//! Takes the first line as the headline, a `By ...` line as the byline, the first
//! date-like line as the publication date, and drops e-mail, copyright and repeated lines.

use super::dump::{self, Page};
use super::Outlet;
use crate::article::{Draft, Published};
use crate::{dates, text};

pub struct Generic;

impl Outlet for Generic {
    fn name(&self) -> &'static str {
        "Unknown"
    }

    fn detect(&self, _page: &Page) -> bool {
        true
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let mut draft = Draft::default();
        let mut lines = page.content_lines();
        if let Some(first) = lines.next() {
            (draft.tags, draft.headline) = dump::split_headline_tags(first);
        }
        let rest: Vec<&str> = lines.collect();
        let repeated = dump::repeated_lines(rest.iter().copied());
        for line in rest {
            match classify(line, &draft, &repeated) {
                Line::Byline(authors) => draft.authors = authors,
                Line::Date(published) => draft.published = Some(published),
                Line::Boilerplate => {}
                Line::Caption if draft.captions.iter().any(|c| c == line) => {}
                Line::Caption => draft.captions.push(line.to_string()),
                Line::Text => draft.paragraphs.push(line.to_string()),
            }
        }
        draft.paragraphs = text::split_paragraphs(&draft.paragraphs.join("\n\n"));
        draft
    }
}

/// What one line of an unknown outlet's page is.
enum Line {
    Byline(Vec<String>),
    Date(Published),
    Boilerplate,
    Caption,
    Text,
}

fn classify(line: &str, draft: &Draft, repeated: &[String]) -> Line {
    if draft.authors.is_empty() {
        if let Some(authors) = dump::parse_byline(line) {
            return Line::Byline(authors);
        }
    }
    if draft.published.is_none() && line.len() < 40 {
        if let Some(published) = dates::parse(line, dates::offset_hours(0)) {
            return Line::Date(published);
        }
    }
    if dump::is_email_line(line) || dump::is_copyright(line) {
        Line::Boilerplate
    } else if repeated.iter().any(|r| r == line) {
        Line::Caption
    } else {
        Line::Text
    }
}
