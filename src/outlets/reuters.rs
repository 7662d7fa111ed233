//! Reuters wire stories, from the 1987 teletype shape to the web's.
//!
//! Shape: headline, a `CITY (Reuters) -` (or 1987's `CITY, Feb 26 -`) dateline, paragraphs
//! (1987 copy starts each with an indent instead of a blank line), `FILE PHOTO:` and
//! `REUTERS/Name` photo captions, `(Reporting by ...; Editing by ...)` credits and a
//! `Reuter` sign-off.

use std::sync::LazyLock;

use regex::Regex;

use super::dump::{self, Page};
use super::Outlet;
use crate::article::Draft;

pub struct Reuters;

static SIGN_OFF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?mi)^\s*reuters?\s*$").expect("valid regex"));

static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:FILE PHOTO:|REUTERS/)|\bREUTERS/[A-Z][\w.]*").expect("valid regex"));

static CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((?:Reporting|Additional reporting|Writing|Editing)\b(?:\s+by)?\s+([^;)]*)[^)]*\)$")
        .expect("valid regex")
});

static OLD_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Z .'-]{1,40}), [A-Z][a-z]{2}\.? \d{1,2} - (.+)$").expect("valid regex")
});

impl Outlet for Reuters {
    fn name(&self) -> &'static str {
        "Reuters"
    }

    /// The `(Reuters) -` dateline anywhere, or the `Reuter` sign-off as the last line: a page
    /// whose product menu lists "Reuters" on a line of its own is not a Reuters story.
    fn detect(&self, page: &Page) -> bool {
        page.text.contains("(Reuters) -") || page.content_lines().last().is_some_and(|l| SIGN_OFF.is_match(l))
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let indented = Page::new(&indents_as_paragraphs(&page.text));
        let mut draft = dump::wire_story(&indented, "Reuters");
        self.clean_record(&mut draft);
        draft
    }

    fn clean_record(&self, draft: &mut Draft) {
        while draft.paragraphs.last().is_some_and(|p| SIGN_OFF.is_match(p)) {
            draft.paragraphs.pop();
        }
        let mut kept = Vec::new();
        for p in std::mem::take(&mut draft.paragraphs) {
            if CAPTION.is_match(&p) {
                draft.captions.push(p);
            } else if let Some(c) = CREDITS.captures(&p) {
                for a in super::byline::parse(&c[1]).authors {
                    if !draft.authors.contains(&a) {
                        draft.authors.push(a);
                    }
                }
            } else {
                kept.push(p);
            }
        }
        draft.paragraphs = kept;
        dump::take_dateline(draft, "Reuters");
        if draft.dateline.is_none() {
            if let Some(c) = draft.paragraphs.first().and_then(|p| OLD_DATELINE.captures(p)) {
                let (place, rest) = (c[1].trim().to_string(), c[2].to_string());
                draft.dateline = Some(place);
                draft.paragraphs[0] = rest;
            }
        }
    }
}

/// 1987 wire copy marks a new paragraph by indenting it: make that a blank line.
fn indents_as_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        // 1987 copy indents each paragraph, and prints the sign-off on the line after the
        // text (` Reuter`), which must not join it.
        if line.starts_with("   ") && !line.trim().is_empty() || SIGN_OFF.is_match(line) {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_story_with_caption_and_credits() {
        let page = Page::new(
            "Dollar at highest since 2003\n\nFILE PHOTO: U.S. dollar notes are seen. REUTERS/Dado Ruvic\n\n\
             NEW YORK (Reuters) - The U.S. dollar index touched a high.\n\nOil fell.\n\n\
             (Reporting by Rodrigo Campos; Editing by Jane Roe)",
        );
        assert!(Reuters.detect(&page));
        let d = Reuters.parse_dump(&page);
        assert_eq!(d.dateline.as_deref(), Some("NEW YORK"));
        assert_eq!(d.paragraphs, vec!["The U.S. dollar index touched a high.", "Oil fell."]);
        assert_eq!(d.captions.len(), 1);
        assert_eq!(d.authors, vec!["Rodrigo Campos"]);
    }

    #[test]
    fn sign_off_counts_only_as_the_last_line() {
        let story = Page::new("Oil rises\n\n    Oil prices rose on Monday.\n\n Reuter\n");
        assert!(Reuters.detect(&story));
        let menu = Page::new(
            "Products\n\n    Westlaw\n    Reuters\n    Checkpoint\n\nHow to cut legal costs\n\nText.",
        );
        assert!(!Reuters.detect(&menu));
    }

    #[test]
    fn a_sign_off_on_the_line_after_the_text_comes_off() {
        let story =
            Page::new("Oil rises\n\n    Oil prices rose on Monday.\n    Shr 12 cts vs 10 cts\n Reuter\n");
        let d = Reuters.parse_dump(&story);
        assert_eq!(d.paragraphs, vec!["Oil prices rose on Monday.", "Shr 12 cts vs 10 cts"]);
        let caps = Page::new("Oil rises\n\n    Oil prices rose on Monday.\n REUTER\n");
        assert_eq!(Reuters.parse_dump(&caps).paragraphs, vec!["Oil prices rose on Monday."]);
        let quote = Page::new("Oil rises\n\n    Prices rose, said a trader at Reuter\n");
        assert_eq!(Reuters.parse_dump(&quote).paragraphs, vec!["Prices rose, said a trader at Reuter"]);
    }
}
