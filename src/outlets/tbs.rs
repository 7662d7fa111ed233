//! TBS eFM (tbs.seoul.kr, English radio) page dumps.
//!
//! Shape: headline, `Reporter NAME ㅣ YYYY-MM-DD HH:MM`, a photo caption printed twice,
//! `[Anchor]` / `[Reporter]` markers, a `NAME reports.` hand-over, then
//! `Please send comments to ...`, a `copyright © tbs` line and the section name.

use std::sync::LazyLock;

use regex::Regex;

use super::dump::{self, Page};
use super::Outlet;
use crate::article::Draft;
use crate::dates::{self, Zone};

pub struct Tbs;

static REPORTER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Reporter|Anchor|Correspondent)\s+(.+?)\s*[ㅣ|]\s*(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?)$")
        .expect("valid regex")
});

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[(?:Anchor|Reporter|Correspondent|Interview|Sound ?bite)\]$").expect("valid regex")
});

static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Za-z&]*(?: [A-Z][A-Za-z&]*){0,2}$").expect("valid regex"));

impl Outlet for Tbs {
    fn name(&self) -> &'static str {
        "TBS eFM"
    }

    fn zone(&self) -> Option<Zone> {
        Some(dates::offset_hours(9).into())
    }

    fn detect(&self, page: &Page) -> bool {
        page.content_lines().any(|l| {
            let lower = l.to_lowercase();
            (dump::is_copyright(l) && lower.contains("tbs")) || lower.contains("tbsefmnews@")
        })
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let tz = dates::offset_hours(9);
        let lines: Vec<&str> = page.content_lines().collect();
        let mut draft = Draft::default();
        let Some((first, rest)) = lines.split_first() else {
            return draft;
        };
        (draft.tags, draft.headline) = dump::split_headline_tags(first);
        let end = rest
            .iter()
            .position(|l| l.starts_with("Please send comments to") || dump::is_copyright(l))
            .unwrap_or(rest.len());
        draft.section = section_after_end(&rest[end..]);
        let article = &rest[..end];
        draft.captions = dump::repeated_lines(article.iter().copied().filter(|l| !MARKER.is_match(l)));
        for line in article {
            if let Some(caps) = REPORTER_LINE.captures(line) {
                draft.authors.extend(dump::split_names(&caps[1]));
                draft.published = dates::parse(&caps[2], tz);
            } else if !MARKER.is_match(line) && !draft.captions.iter().any(|c| c == line) {
                draft.paragraphs.push(line.to_string());
            }
        }
        let sign_offs: Vec<String> = draft.authors.iter().map(|a| format!("{a} reports.")).collect();
        draft.paragraphs.retain(|p| !sign_offs.contains(p));
        draft
    }
}

/// The section name TBS prints after the copyright line, if any.
fn section_after_end(tail: &[&str]) -> Option<String> {
    tail.iter()
        .skip_while(|l| !dump::is_copyright(l))
        .skip(1)
        .find(|l| SECTION.is_match(l))
        .map(|l| l.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tbs_dump() {
        let page = Page::new(
            "Talks Resume\n\nReporter Ron Chang ㅣ 2020-07-08 18:19\n\nA caption.\nA caption.\n[Anchor]\n\n\
             First para.\n\nRon Chang reports.\n\n[Reporter]\n\nSecond para.\n\n[Anchor]\n\nThird para.\n\n\n\
             Please send comments to tbsefmnews@gmail.com\ncopyright © tbs. Unauthorized redistribution prohibited.\nNational",
        );
        assert!(Tbs.detect(&page));
        let d = Tbs.parse_dump(&page);
        assert_eq!(d.headline, "Talks Resume");
        assert_eq!(d.authors, vec!["Ron Chang"]);
        assert_eq!(d.captions, vec!["A caption."]);
        assert_eq!(d.paragraphs, vec!["First para.", "Second para.", "Third para."]);
        assert_eq!(d.section.as_deref(), Some("National"));
        assert_eq!(d.published.unwrap().instant().to_rfc3339(), "2020-07-08T18:19:00+09:00");
    }
}
