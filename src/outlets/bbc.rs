//! BBC News article texts: the headline on the first line, a blank line, then paragraphs.
//!
//! The archived texts carry no signature, so this profile is chosen by `--outlet BBC` or by
//! a line that is nothing but a bbc.co.uk/news or bbc.com/news address (the page's own, as a
//! saved page prints it); a page that merely cites or links a BBC story is not one. Times are
//! UK time.

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
        page.content_lines().any(is_bbc_address)
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let mut draft = dump::wire_story(page, "BBC");
        draft.paragraphs.retain(|p| !dump::is_copyright(p));
        draft
    }
}

/// Whether a line is a BBC News address and nothing else.
fn is_bbc_address(line: &str) -> bool {
    let line = line.trim();
    let rest = line.strip_prefix("https://").or_else(|| line.strip_prefix("http://")).unwrap_or(line);
    let rest = rest.strip_prefix("www.").or_else(|| rest.strip_prefix("news.")).unwrap_or(rest);
    !rest.contains(char::is_whitespace)
        && (rest.starts_with("bbc.co.uk/news") || rest.starts_with("bbc.com/news"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detected_by_its_own_address_not_by_a_citation() {
        let own =
            Page::new("Budget row deepens\n\nhttps://www.bbc.co.uk/news/uk-politics-123\n\nMPs argued.");
        assert!(Bbc.detect(&own));
        let cited = Page::new("My blog\n\nAs reported at https://www.bbc.com/news/world-1 the vote failed.");
        assert!(!Bbc.detect(&cited));
        let listed = Page::new("Post\n\nReferences\n\n  1. https://www.bbc.co.uk/news/uk-1");
        assert!(!Bbc.detect(&listed));
    }
}
