//! KBS World (world.kbs.co.kr), Korea's public broadcaster in English.
//!
//! Shape: headline, a date line, radio-script paragraphs that open with speaker markers
//! (`Anchor:`, `Reporter:`, `Correspondent:`), and the station's copyright line.

use std::sync::LazyLock;

use regex::Regex;

use super::dump::{self, Page};
use super::Outlet;
use crate::article::Draft;
use crate::dates::{self, Zone};

pub struct Kbs;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\[(?:Anchor|Reporter|Correspondent|Sound ?bite)\]|(?:Anchor|Reporter|Correspondent|Sound ?bite|Narration)\s*:)\s*")
        .expect("valid regex")
});

impl Outlet for Kbs {
    fn name(&self) -> &'static str {
        "KBS World"
    }

    fn zone(&self) -> Option<Zone> {
        Some(dates::offset_hours(9).into())
    }

    fn detect(&self, page: &Page) -> bool {
        let lower = page.text.to_lowercase();
        (lower.contains("kbs world") || lower.contains("kbs.co.kr"))
            && page.content_lines().any(|l| MARKER.is_match(l))
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let mut draft = Draft::default();
        let mut lines = page.content_lines();
        if let Some(first) = lines.next() {
            (draft.tags, draft.headline) = dump::split_headline_tags(first);
        }
        for line in lines {
            if draft.published.is_none() && line.len() < 60 {
                if let Some((day, _)) = dates::find_in(line) {
                    draft.published = Some(crate::article::Published::Day(day, dates::offset_hours(9)));
                    continue;
                }
            }
            if dump::is_copyright(line) {
                break;
            }
            draft.paragraphs.push(line.to_string());
        }
        self.clean_record(&mut draft);
        draft
    }

    fn clean_record(&self, draft: &mut Draft) {
        for p in draft.paragraphs.iter_mut() {
            *p = MARKER.replace(p, "").trim().to_string();
        }
        draft.paragraphs.retain(|p| !p.is_empty());
        dump::take_any_dateline(draft);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_markers_come_off() {
        let page = Page::new(
            "Gov't to Expand Support\n2024-03-05\nAnchor: The government will expand support.\n\
             Reporter: Officials said on Tuesday the plan starts next month.\nⓒ KBS WORLD Radio. All rights reserved.",
        );
        assert!(Kbs.detect(&page));
        let d = Kbs.parse_dump(&page);
        assert_eq!(d.headline, "Gov't to Expand Support");
        assert_eq!(
            d.paragraphs,
            vec![
                "The government will expand support.",
                "Officials said on Tuesday the plan starts next month."
            ]
        );
        assert_eq!(d.published.unwrap().instant().to_rfc3339(), "2024-03-05T00:00:00+09:00");
    }
}
