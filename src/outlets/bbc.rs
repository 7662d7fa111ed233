//! BBC News article texts: the headline on the first line, a blank line, then paragraphs.
//!
//! The archived texts carry no signature, so this profile is chosen by `--outlet BBC` or by
//! a bbc.co.uk / bbc.com address in the page; times are UK time.

use super::dump::{self, Page};
use super::Outlet;
use crate::article::Draft;
use crate::dates::Zone;

pub struct Bbc;

impl Outlet for Bbc {
    fn name(&self) -> &'static str {
        "BBC"
    }

    fn zone(&self) -> Option<Zone> {
        Some(Zone::Named(chrono_tz::Europe::London))
    }

    fn detect(&self, page: &Page) -> bool {
        page.text.contains("bbc.co.uk/news") || page.text.contains("bbc.com/news")
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let mut draft = dump::wire_story(page, "BBC");
        draft.paragraphs.retain(|p| !dump::is_copyright(p));
        draft
    }
}
