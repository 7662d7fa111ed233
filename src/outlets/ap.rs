//! The Associated Press and stories that carry its dateline.
//!
//! Shape: headline, `By NAME`, a `CITY (AP) —` dateline on the first paragraph,
//! `Associated Press writer NAME contributed to this report.` at the end.

use std::sync::LazyLock;

use regex::Regex;

use super::dump::{self, Page};
use super::Outlet;
use crate::article::Draft;
use crate::dates::Zone;

pub struct Ap;

static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[A-Z][A-Za-z .,'-]{1,60} \(AP\) ?(?:—|–|--?) ").expect("valid regex"));

static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The )?Associated Press (?:writers?|reporters?|videojournalists?)\b.*\bcontributed\b.*$")
        .expect("valid regex")
});

impl Outlet for Ap {
    fn name(&self) -> &'static str {
        "AP"
    }

    fn zone(&self) -> Option<Zone> {
        Some(Zone::Named(chrono_tz::America::New_York))
    }

    fn detect(&self, page: &Page) -> bool {
        DATELINE.is_match(&page.text)
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let mut draft = dump::wire_story(page, "AP");
        if let Some(by) = draft.paragraphs.first().and_then(|p| super::byline::parse_line(p)) {
            draft.authors = by.authors;
            draft.paragraphs.remove(0);
        }
        self.clean_record(&mut draft);
        draft
    }

    fn clean_record(&self, draft: &mut Draft) {
        dump::take_dateline(draft, "AP");
        draft.paragraphs.retain(|p| !CONTRIBUTED.is_match(p));
        if !draft.tags.iter().any(|t| t == "AP") {
            draft.tags.push("AP".to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_ap_story() {
        let page = Page::new(
            "FBI lawyer suspected of altering Russia probe document\n\nBy Eric Tucker\n\n\
             WASHINGTON (AP) — An FBI lawyer is suspected of altering a document.\n\nMore text.\n\n\
             Associated Press writer Deb Riechmann contributed to this report.",
        );
        assert!(Ap.detect(&page));
        let d = Ap.parse_dump(&page);
        assert_eq!(d.authors, vec!["Eric Tucker"]);
        assert_eq!(d.dateline.as_deref(), Some("WASHINGTON"));
        assert_eq!(d.paragraphs, vec!["An FBI lawyer is suspected of altering a document.", "More text."]);
    }
}
