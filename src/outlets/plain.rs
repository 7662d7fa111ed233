//! Plain article text: a headline line, then paragraphs of prose, with no web page around
//! them (text exports, research corpora, a CMS's text field).
//!
//! Nothing there is boilerplate, so the generic page cleaner, which must drop short and
//! list-like lines of browser dumps, is not used: every line after the headline is kept,
//! but for a leading byline or date line.

use super::dump::{self, Page};
use crate::article::Draft;
use crate::dates;

/// Share of the lines after the first that must be whole sentences of prose.
const PROSE_SHARE: f64 = 0.75;
/// Shortest line counted as prose, in characters.
const PROSE_CHARS: usize = 60;
/// Lines longer than this are unwrapped paragraphs (text browsers wrap at 80 to 200 columns).
const UNWRAPPED_CHARS: usize = 250;

/// Whether a page is plain article text rather than a browser's dump of a web page:
/// a short first line, then lines that are nearly all complete sentences.
pub fn looks_plain(page: &Page) -> bool {
    let mut lines = page.content_lines();
    let Some(first) = lines.next() else { return false };
    let rest: Vec<&str> = lines.collect();
    if rest.is_empty() || first.chars().count() > 200 {
        return false;
    }
    let prose = rest.iter().filter(|l| is_prose(l)).count();
    prose as f64 >= PROSE_SHARE * rest.len() as f64
}

/// Sentences of some length (ending the line or followed by another), or a line longer
/// than browsers wrap text at.
fn is_prose(line: &str) -> bool {
    let chars = line.chars().count();
    let sentence_end = line.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', '\'', ')']);
    let sentence_inside = line.as_bytes().windows(3).any(|w| {
        matches!(w[0], b'.' | b'!' | b'?')
            && w[1] == b' '
            && (w[2].is_ascii_uppercase() || w[2].is_ascii_digit())
    });
    (chars >= PROSE_CHARS && (sentence_end || sentence_inside)) || chars > UNWRAPPED_CHARS
}

/// Reads plain article text: the first line is the headline, a `By ...` line or a line
/// that is only a date right after it are byline and date, every other line a paragraph.
pub fn parse(page: &Page) -> Draft {
    let mut lines = page.content_lines().peekable();
    let mut draft = Draft::default();
    if let Some(first) = lines.next() {
        (draft.tags, draft.headline) = dump::split_headline_tags(first);
    }
    while let Some(line) = lines.peek() {
        if let Some(authors) = dump::parse_byline(line).filter(|_| draft.authors.is_empty()) {
            draft.authors = authors;
        } else if let Some(date) =
            (line.len() < 40 && draft.published.is_none()).then(|| dates::parse(line, page.zone)).flatten()
        {
            draft.published = Some(date);
        } else {
            break;
        }
        lines.next();
    }
    draft.paragraphs = lines.map(str::to_string).collect();
    draft
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_prose_is_plain() {
        let page = Page::new(
            "Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise by £1,400 as part of new proposals.\n\n\
             The plan was announced by the Trade and Industry Secretary on Tuesday morning.",
        );
        assert!(looks_plain(&page));
        let d = parse(&page);
        assert_eq!(d.headline, "Labour plans maternity pay rise");
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn a_browser_dump_with_menus_is_not_plain() {
        let page = Page::new(
            "Site name\nHome\nNews\nSport\nWeather\nSign in\nA story that goes on for a while and ends here properly.\n\
             Share this\nMore from us",
        );
        assert!(!looks_plain(&page));
    }

    #[test]
    fn byline_and_date_lines_after_the_headline() {
        let page = Page::new(
            "Title\nBy Jane Doe\n2020-07-08\nFirst paragraph of the story, long enough to be counted as prose here.",
        );
        let d = parse(&page);
        assert_eq!(d.authors, vec!["Jane Doe"]);
        assert!(d.published.is_some());
        assert_eq!(d.paragraphs.len(), 1);
    }
}
