//! Yonhap News Agency (en.yna.co.kr) page dumps.
//!
//! Shape: `date YYYY-MM-DD (TAG) Headline`, optional `(ATTN: ...)` editor's notes,
//! `By NAME`, a `PLACE, Month D (Yonhap) --` dateline, body paragraphs one per line,
//! a reporter e-mail line, `(END)`, then "most read" lists that are not the article.

use std::sync::LazyLock;

use regex::Regex;

use super::dump::{self, Page};
use super::Outlet;
use crate::article::Draft;
use crate::dates::{self, Zone};

pub struct Yonhap;

static DATE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^date (\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?) (.+)$").expect("valid regex"));

impl Outlet for Yonhap {
    fn name(&self) -> &'static str {
        "Yonhap"
    }

    fn zone(&self) -> Option<Zone> {
        Some(dates::offset_hours(9).into())
    }

    /// The `(Yonhap) --` dateline, or a reporter's e-mail line at yna.co.kr: a page that
    /// merely links to or cites a Yonhap story is not one.
    fn detect(&self, page: &Page) -> bool {
        page.text.contains("(Yonhap) --")
            || page.content_lines().any(|l| dump::is_email_line(l) && l.trim_end().ends_with("@yna.co.kr"))
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let tz = dates::offset_hours(9);
        let mut draft = Draft::default();
        let mut lines = page.content_lines().peekable();
        if let Some(first) = lines.next() {
            let headline = match DATE_PREFIX.captures(first) {
                Some(caps) => {
                    draft.published = dates::parse(&caps[1], tz);
                    caps[2].to_string()
                }
                None => first.to_string(),
            };
            (draft.tags, draft.headline) = dump::split_headline_tags(&headline);
        }
        while let Some(line) = lines.peek() {
            if dump::is_editor_note(line) {
            } else if let Some(authors) = dump::parse_byline(line) {
                draft.authors.extend(authors);
            } else {
                break;
            }
            lines.next();
        }
        let rest: Vec<&str> = lines.take_while(|l| *l != "(END)").collect();
        // Saved pages print the section and time above the dateline: the story starts there.
        let from = rest.iter().take(8).position(|l| dump::split_dateline(l, "Yonhap").is_some()).unwrap_or(0);
        for line in rest.into_iter().skip(from) {
            if dump::is_email_line(line) || dump::is_copyright(line) {
                continue;
            }
            if draft.paragraphs.is_empty() && draft.dateline.is_none() {
                if let Some(d) = dump::split_dateline(line, "Yonhap") {
                    draft.dateline = Some(d.place);
                    draft.paragraphs.push(d.rest);
                    continue;
                }
            }
            draft.paragraphs.push(line.to_string());
        }
        draft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_yonhap_dump() {
        let page = Page::new(
            " date 2020-07-10 (LEAD) Headline here\n(ATTN: ADDS quote)\nBy Kim Soo-yeon\n\
             SEOUL, July 10 (Yonhap) -- First para.\nSecond para.\nkim@yna.co.kr\n(END)\n-\n1\nMost read",
        );
        assert!(Yonhap.detect(&page));
        let d = Yonhap.parse_dump(&page);
        assert_eq!(d.headline, "Headline here");
        assert_eq!(d.tags, vec!["LEAD"]);
        assert_eq!(d.authors, vec!["Kim Soo-yeon"]);
        assert_eq!(d.dateline.as_deref(), Some("SEOUL"));
        assert_eq!(d.paragraphs, vec!["First para.", "Second para."]);
        assert_eq!(d.published.unwrap().instant().to_rfc3339(), "2020-07-10T00:00:00+09:00");
    }

    #[test]
    fn a_page_citing_yonhap_is_not_yonhap() {
        let blog =
            Page::new("My notes\n\nSee https://en.yna.co.kr/view/AEN2020 for the story.\n\nMore text.");
        assert!(!Yonhap.detect(&blog));
        let contact = Page::new("Headline\n\nBy Kim Soo-yeon\n\nA paragraph.\n\nkim@yna.co.kr\n\n(END)");
        assert!(Yonhap.detect(&contact));
    }
}
