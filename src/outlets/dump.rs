//! The page-dump toolkit the outlet profiles share: lines, headline tags, bylines,
//! datelines, editor's notes, e-mail lines and repeated captions.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::article::Draft;
use crate::dates::Zone;
use crate::text;

/// A page dump as normalised lines (squashed; blank lines kept as empty strings).
#[derive(Debug, Clone)]
pub struct Page {
    pub text: String,
    pub lines: Vec<String>,
    /// The zone for dates written without an offset when the outlet's own is unknown.
    pub zone: Zone,
    /// The page's one top-level heading, when its format marks headings (a Markdown `#`).
    pub heading: Option<String>,
}

impl Page {
    /// Normalises the raw text of a page dump and splits it into lines.
    pub fn new(raw: &str) -> Page {
        let text = text::normalize(raw);
        let text = match super::link_list::without_link_header(&text) {
            std::borrow::Cow::Owned(unheaded) => unheaded,
            std::borrow::Cow::Borrowed(_) => text,
        };
        let text = match super::link_list::without_link_list(&text) {
            std::borrow::Cow::Owned(unlisted) => unlisted,
            std::borrow::Cow::Borrowed(_) => text,
        };
        let text = without_edit_marks(without_frame_marks(without_picture_marks(without_button_marks(text))));
        let lines = text.lines().map(text::squash).collect();
        Page { text, lines, zone: Zone::default(), heading: None }
    }

    /// The same page, reading dates without an offset in `zone` unless the outlet has its own.
    pub fn assuming(self, zone: Zone) -> Page {
        Page { zone, ..self }
    }

    /// The same page, with the top-level heading its format marked.
    pub fn headed(self, heading: Option<String>) -> Page {
        Page { heading, ..self }
    }

    /// The non-empty lines, in order.
    pub fn content_lines(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().map(String::as_str).filter(|l| !l.is_empty())
    }
}

/// The mark lynx prints before a button's label (`By (BUTTON) Jane Doe`, `(BUTTON) Share`):
/// markup, not text, and it kept bylines from reading as names.
const BUTTON_MARK: &str = "(BUTTON)";

/// The text without lynx's button marks (and the space after each).
fn without_button_marks(text: String) -> String {
    if !text.contains(BUTTON_MARK) {
        return text;
    }
    text.replace("(BUTTON) ", "").replace(BUTTON_MARK, "")
}

/// The mark links prints for a picture without alt text (`[IMG]Jane Doe`, `[IMG][IMG]`):
/// markup, not text, and glued to a byline's name it hid the name.
const PICTURE_MARK: &str = "[IMG]";

/// The text with each picture mark replaced by a space, and each picture's file name that
/// lynx prints in brackets before the text beside it (`[jane-doe-96x96.jpg] Jane Doe`)
/// dropped. A file name alone on its line stays: it marks where a picture stands.
fn without_picture_marks(text: String) -> String {
    let text = if text.contains(PICTURE_MARK) { text.replace(PICTURE_MARK, " ") } else { text };
    replace_marks(text, &PICTURE_EXTENSIONS, &PICTURE_FILE, "$next")
}

/// The text with every match of `mark` replaced by `with`, when it holds one of `needles`
/// (a cheap test that most pages fail, so that they skip the regex).
fn replace_marks(text: String, needles: &[&str], mark: &Regex, with: &str) -> String {
    if !needles.iter().any(|n| text.contains(n)) {
        return text;
    }
    match mark.replace_all(&text, with) {
        std::borrow::Cow::Owned(unmarked) => unmarked,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

/// The file name endings [`PICTURE_FILE`] looks for, in the cases pages write them.
const PICTURE_EXTENSIONS: [&str; 12] =
    [".jp", ".png", ".gif", ".webp", ".svg", ".avif", ".JP", ".PNG", ".GIF", ".WEBP", ".SVG", ".AVIF"];

/// A picture's file name in brackets, followed on its line by text (whose first character
/// is `next`).
static PICTURE_FILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\[[^\[\]\s]+\.(?:jpe?g|png|gif|webp|svg|avif)(?:[?#][^\[\]\s]*)?\][ \t]+(?P<next>\S)")
        .expect("valid regex")
});

/// The line a text browser prints in place of an embedded frame: links's `IFrame`, lynx's
/// `IFRAME: ADDRESS`. Markup, not text: alone under a headline it read as a byline.
static FRAME_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*(?:IFrame|IFRAME:[^\n]*)[ \t]*$").expect("valid regex"));

/// The text with each frame mark's line left blank.
fn without_frame_marks(text: String) -> String {
    replace_marks(text, &["IFrame", "IFRAME:"], &FRAME_MARK, "")
}

/// The marks text browsers print around an `<ins>` or `<del>` element (`[INS: text :INS]`,
/// and `[INS::INS]` for an empty advertising slot): markup, not text. Lynx puts them around
/// every word of some pages' teasers.
static EDIT_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(?:INS|DEL): ?| ?:(?:INS|DEL)\]").expect("valid regex"));

/// The text without insertion and deletion marks, the text inside them kept.
fn without_edit_marks(text: String) -> String {
    replace_marks(text, &[":INS]", ":DEL]"], &EDIT_MARK, "")
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((\d+(?:st|nd|rd|th) LD|LEAD|URGENT|[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3})\)\s*")
        .expect("valid regex")
});

/// Splits leading story-version markers off a headline: `(2nd LD) Title` -> (["2nd LD"], "Title").
pub fn split_headline_tags(headline: &str) -> (Vec<String>, String) {
    let mut tags = Vec::new();
    let mut rest = headline.trim();
    while let Some(caps) = TAG.captures(rest) {
        let tail = &rest[caps[0].len()..];
        if tail.is_empty() {
            break;
        }
        tags.push(caps[1].to_string());
        rest = tail;
    }
    (tags, rest.to_string())
}

static EDITOR_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((?:ATTN|EDITOR'?S NOTE|CORRECTS|ADDS|RECASTS|UPDATES|REPEATS)\b[^)]*\)$")
        .expect("valid regex")
});

/// Whether a line is an editor's note such as `(ATTN: RECASTS lead para)`.
pub fn is_editor_note(line: &str) -> bool {
    EDITOR_NOTE.is_match(line)
}

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by)\s+([A-Z][^\d@]{1,80})$").expect("valid regex"));

/// The author names of a `By A, B and C` byline line, or `None` if the line is not one.
pub fn parse_byline(line: &str) -> Option<Vec<String>> {
    let names = BYLINE.captures(line)?.get(1)?.as_str();
    let authors = split_names(names);
    (!authors.is_empty() && authors.iter().all(|a| looks_like_name(a))).then_some(authors)
}

/// Splits `A, B and C` into names.
pub fn split_names(names: &str) -> Vec<String> {
    names
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(text::squash)
        .filter(|n| !n.is_empty())
        .collect()
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len()) && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

static EMAIL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+[\s,;/]*)+$").expect("valid regex"));

/// Whether a line holds nothing but e-mail addresses (a reporter's contact line).
pub fn is_email_line(line: &str) -> bool {
    EMAIL_LINE.is_match(line)
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright\b|\(c\)|©|ⓒ|all rights reserved)|copyright\s*(?:©|\(c\))")
        .expect("valid regex")
});

/// Whether a line is a copyright or rights notice.
pub fn is_copyright(line: &str) -> bool {
    COPYRIGHT.is_match(line)
}

/// A wire dateline split off the start of a body line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written, e.g. `WASHINGTON`.
    pub place: String,
    /// The date as written, e.g. `July 9`.
    pub date: Option<String>,
    /// The body text after the dateline.
    pub rest: String,
}

/// Splits `PLACE, Month D (AGENCY) -- text` off a line, for the given agency marker.
pub fn split_dateline(line: &str, agency: &str) -> Option<Dateline> {
    let marker = format!("({agency})");
    let at = line.find(&marker)?;
    let (head, tail) = (line[..at].trim().trim_end_matches(','), &line[at + marker.len()..]);
    let tail = tail.trim_start();
    let rest = ["--", "-", "—", "–"].iter().find_map(|d| tail.strip_prefix(d))?;
    if head.is_empty() || head.len() > 60 || !head.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let (place, date) = match head.rsplit_once(", ") {
        Some((p, d)) if d.chars().any(|c| c.is_ascii_digit()) => (p, Some(d.to_string())),
        _ => (head, None),
    };
    Some(Dateline { place: place.trim().to_string(), date, rest: rest.trim().to_string() })
}

/// Moves a `PLACE, Month D (AGENCY) --` dateline off the first paragraph into the draft.
pub fn take_dateline(draft: &mut Draft, agency: &str) {
    let Some(first) = draft.paragraphs.first_mut() else { return };
    if let Some(d) = split_dateline(first, agency) {
        draft.dateline = Some(d.place);
        *first = d.rest;
        if first.is_empty() {
            draft.paragraphs.remove(0);
        }
    }
}

static ANY_AGENCY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^()]{1,60}\(([A-Z][A-Za-z]{1,15})\) ?(?:--?|—|–)").expect("valid regex"));

/// Like [`take_dateline`] for whichever agency the first paragraph's dateline names.
pub fn take_any_dateline(draft: &mut Draft) {
    let agency = draft.paragraphs.first().and_then(|p| ANY_AGENCY.captures(p)).map(|c| c[1].to_string());
    if let Some(agency) = agency {
        take_dateline(draft, &agency);
    }
}

/// Removes a wire end mark (`-0-`, `(END)`) from the end of the last paragraph.
pub fn trim_end_mark(paragraphs: &mut Vec<String>, mark: &str) {
    if let Some(last) = paragraphs.last_mut() {
        if let Some(stripped) = last.trim_end().strip_suffix(mark) {
            *last = stripped.trim_end().to_string();
            if last.is_empty() {
                paragraphs.pop();
            }
        }
    }
}

/// A wire story dump: the first line is the headline, the rest are paragraphs (wrapped
/// lines joined), with the `PLACE (AGENCY) --` dateline moved off the first paragraph.
pub fn wire_story(page: &Page, agency: &str) -> Draft {
    let mut draft = Draft::default();
    let mut lines = page.text.lines().skip_while(|l| l.trim().is_empty());
    if let Some(first) = lines.next() {
        (draft.tags, draft.headline) = split_headline_tags(&text::squash(first));
    }
    let rest: Vec<&str> = lines.collect();
    draft.paragraphs = text::split_paragraphs(&rest.join("\n"));
    take_dateline(&mut draft, agency);
    draft
}

/// Lines printed more than once (a photo caption shown twice); each returned once, in order.
pub fn repeated_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    for line in lines {
        if !seen.insert(line) && !repeated.iter().any(|r: &String| r == line) {
            repeated.push(line.to_string());
        }
    }
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lynx_button_marks_are_dropped() {
        let page = Page::new("Title\n   By (BUTTON) Jane Roe\n(BUTTON) Share\nSave (BUTTON)\n");
        assert_eq!(page.lines, vec!["Title", "By Jane Roe", "Share", "Save"]);
        assert_eq!(Page::new("A (button) is here").lines, vec!["A (button) is here"]);
    }

    #[test]
    fn links_picture_marks_are_dropped() {
        let page = Page::new("[IMG]Jane Roe\n[IMG][IMG]\nA [IMG] picture\n");
        assert_eq!(page.lines, vec!["Jane Roe", "", "A picture"]);
        let page =
            Page::new("   [jr-headshot-96x96.JPG] Jane Roe\n[hero.png?w=800]\nSee [chart.gif?v=2] below\n");
        assert_eq!(page.lines, vec!["Jane Roe", "[hero.png?w=800]", "See below"]);
    }

    #[test]
    fn frame_marks_are_blanked() {
        let page = Page::new("Title\n   IFrame\nIFRAME: https://example.com/embed\nIFRAME:\nText\n");
        assert_eq!(page.lines, vec!["Title", "", "", "", "Text"]);
        let kept = "An IFrame is a frame\nIFrame sizes vary";
        assert_eq!(Page::new(kept).lines, vec!["An IFrame is a frame", "IFrame sizes vary"]);
    }

    #[test]
    fn insertion_and_deletion_marks_are_dropped() {
        let page = Page::new("[INS: Say :INS] [INS: Goodbye :INS] [DEL: Snoring :DEL]\n[INS::INS]\nText\n");
        assert_eq!(page.lines, vec!["Say Goodbye Snoring", "", "Text"]);
    }

    #[test]
    fn headline_tags_are_split_off() {
        let (tags, h) = split_headline_tags("(2nd LD) Pompeo doesn't rule out summit");
        assert_eq!((tags, h.as_str()), (vec!["2nd LD".to_string()], "Pompeo doesn't rule out summit"));
        let (tags, _) = split_headline_tags("(LEAD)(URGENT) Seoul mayor found dead");
        assert_eq!(tags, vec!["LEAD", "URGENT"]);
        let (tags, h) = split_headline_tags("(Yonhap Feature) 'Pay attention'");
        assert_eq!((tags, h.as_str()), (vec!["Yonhap Feature".to_string()], "'Pay attention'"));
    }

    #[test]
    fn headline_made_only_of_a_parenthesis_is_kept() {
        let (tags, h) = split_headline_tags("(LEAD)");
        assert!(tags.is_empty());
        assert_eq!(h, "(LEAD)");
    }

    #[test]
    fn editor_notes_and_emails_are_recognised() {
        assert!(is_editor_note("(ATTN: RECASTS lead para; ADDS background; CHANGES headline)"));
        assert!(!is_editor_note("(Yonhap Feature)"));
        assert!(is_email_line("hague@yna.co.kr"));
        assert!(!is_email_line("Write to hague@yna.co.kr"));
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(parse_byline("By Lee Haye-ah"), Some(vec!["Lee Haye-ah".to_string()]));
        assert_eq!(
            parse_byline("By Kim Soo-yeon, Park Ji-won and Joe Smith"),
            Some(vec!["Kim Soo-yeon".into(), "Park Ji-won".into(), "Joe Smith".into()])
        );
        assert_eq!(parse_byline("by the way, this is a sentence."), None);
    }

    #[test]
    fn datelines_are_split_off() {
        let d = split_dateline("WASHINGTON, July 9 (Yonhap) -- U.S. Secretary said", "Yonhap").unwrap();
        assert_eq!(d.place, "WASHINGTON");
        assert_eq!(d.date.as_deref(), Some("July 9"));
        assert_eq!(d.rest, "U.S. Secretary said");
        assert!(split_dateline("He told Yonhap (Yonhap) nothing", "Yonhap").is_none());
    }

    #[test]
    fn datelines_take_any_dash() {
        let d = split_dateline("WASHINGTON (AP) — An FBI lawyer", "AP").unwrap();
        assert_eq!((d.place.as_str(), d.rest.as_str()), ("WASHINGTON", "An FBI lawyer"));
    }

    #[test]
    fn copyright_lines() {
        assert!(is_copyright("copyright © tbs. Unauthorized redistribution prohibited."));
        assert!(is_copyright("(C) Yonhap News Agency. All Rights Reserved"));
        assert!(!is_copyright("The copyright dispute went to court."));
    }

    #[test]
    fn repeated_lines_are_found_once() {
        let lines = ["a", "cap", "cap", "b", "cap"];
        assert_eq!(repeated_lines(lines), vec!["cap"]);
    }
}
