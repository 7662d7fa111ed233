//! Korean Central News Agency (kcna.kp), North Korea's state wire, in English.
//!
//! Shape: `Pyongyang, July 14 (KCNA) --` datelines and a ` -0-` end mark; no bylines.

use super::dump::{self, Page};
use super::Outlet;
use crate::article::Draft;
use crate::dates::{self, Zone};

pub struct Kcna;

impl Outlet for Kcna {
    fn name(&self) -> &'static str {
        "KCNA"
    }

    fn zone(&self) -> Option<Zone> {
        Some(dates::offset_hours(9).into())
    }

    fn detect(&self, page: &Page) -> bool {
        page.text.contains("(KCNA) --")
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let mut lines = page.content_lines();
        let mut draft = Draft::default();
        if let Some(first) = lines.next() {
            (draft.tags, draft.headline) = dump::split_headline_tags(first);
        }
        draft.paragraphs = lines.map(str::to_string).collect();
        self.clean_record(&mut draft);
        draft
    }

    fn clean_record(&self, draft: &mut Draft) {
        dump::take_dateline(draft, "KCNA");
        dump::trim_end_mark(&mut draft.paragraphs, "-0-");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_dateline_and_end_mark() {
        let page = Page::new("Headline\nPyongyang, July 14 (KCNA) -- Kim Yo Jong said.\nMore text. -0-");
        assert!(Kcna.detect(&page));
        let d = Kcna.parse_dump(&page);
        assert_eq!(d.dateline.as_deref(), Some("Pyongyang"));
        assert_eq!(d.paragraphs, vec!["Kim Yo Jong said.", "More text."]);
    }
}
