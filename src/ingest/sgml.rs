//! Reuters-21578 SGML files (`reut2-000.sgm`): a thousand wire stories per file, each a
//! `<REUTERS … NEWID="n">` element with its `<DATE>` (`26-FEB-1987 15:02:20.00`) and a
//! `<TEXT>` holding `<TITLE>`, `<DATELINE>` and `<BODY>`; a brief has only the title, an
//! unprocessed story only bare text. Text is escaped (`&lt;SRD>`) and teletype control
//! characters are written as entities (`&#3;` after the `Reuter` sign-off).
//!
//! Each story becomes the text dump the wire printed (title, blank line, body), which the
//! Reuters profile then reads like any other Reuters dump; the dateline's place comes from
//! its own element.

use std::sync::LazyLock;

use regex::Regex;

/// One story of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The story's `NEWID`, or its place in the file when it has none.
    pub id: String,
    /// The `<DATE>` element as written.
    pub date: Option<String>,
    /// The place of the `<DATELINE>` (`PORTLAND, Ore.` of `PORTLAND, Ore., Feb 26 - `).
    pub dateline: Option<String>,
    /// Title, a blank line, then the body, unescaped.
    pub text: String,
}

static NEWID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\bNEWID="(\d+)""#).expect("valid regex"));

/// The stories of an SGML file, in order; text outside `<REUTERS>` elements is ignored.
pub fn stories(raw: &str) -> Vec<Story> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find("<REUTERS") {
        let element = &rest[start..];
        // A story ends at its closing tag, or where the next begins when that tag is missing.
        let closed = element.find("</REUTERS>").map(|e| e + "</REUTERS>".len());
        let next = element[1..].find("<REUTERS").map(|e| e + 1);
        let end = closed.into_iter().chain(next).min().unwrap_or(element.len());
        let (story, after) = element.split_at(end);
        let nth = found.len() + 1;
        found.push(read_story(story, nth));
        rest = after;
    }
    found
}

fn read_story(element: &str, nth: usize) -> Story {
    let id = NEWID.captures(element).map_or_else(|| nth.to_string(), |c| c[1].to_string());
    let date = inner(element, "DATE").map(|d| unescape(d).trim().to_string()).filter(|d| !d.is_empty());
    let text = inner(element, "TEXT").unwrap_or_default();
    let dateline = inner(text, "DATELINE").map(unescape).and_then(|d| place(&d));
    Story { id, date, dateline, text: story_text(text) }
}

/// The printed story of a `<TEXT>`: its title and body when it has them, else its bare text.
fn story_text(text: &str) -> String {
    let part = |tag| inner(text, tag).map(unescape).unwrap_or_default();
    let (title, body) = (part("TITLE"), part("BODY"));
    if title.is_empty() && body.is_empty() {
        return unescape(text).trim().to_string();
    }
    format!("{}\n\n{}", title.trim(), body.trim_end())
}

/// A dateline without its date and dash: `    PORTLAND, Ore., Feb 26 - ` -> `PORTLAND, Ore.`.
fn place(dateline: &str) -> Option<String> {
    let d = dateline.trim().trim_end_matches(['-', '—']).trim_end();
    let d = DATELINE_DATE.replace(d, "");
    let d = d.trim().trim_end_matches(',').trim();
    (!d.is_empty()).then(|| d.to_string())
}

static DATELINE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}$").expect("valid regex"));

/// What an element holds: from after its opening tag (which may carry attributes) to its
/// closing tag, or to the end when the file is cut short.
fn inner<'a>(text: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let mut from = 0;
    let start = loop {
        let at = from + text[from..].find(&open)?;
        let after = &text[at + open.len()..];
        // `<TEXT` must not match `<TEXTS`: the name ends at `>` or a space.
        if after.starts_with(['>', ' ']) {
            break at + open.len() + after.find('>')? + 1;
        }
        from = at + open.len();
    };
    let close = format!("</{tag}>");
    let end = text[start..].find(&close).map_or(text.len(), |e| start + e);
    Some(&text[start..end])
}

/// Entities decoded, and control characters (the teletype's, now `&#3;` and the like) gone;
/// line breaks and tabs stay.
fn unescape(text: &str) -> String {
    let without_controls = CONTROL_ENTITY.replace_all(text, "");
    html_escape::decode_html_entities(&without_controls)
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// A numeric entity for a control character (`&#3;`), which entity decoders leave alone.
static CONTROL_ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&#(?:[0-8]|1[1-9]|2[0-9]|3[01]|127);").expect("valid regex"));

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" OLDID="5545" NEWID="2">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TOPICS></TOPICS>
<TEXT>&#2;
<TITLE>HARBOR &lt;HBR> TO FORM UNIT</TITLE>
<DATELINE>    PORTVILLE, Ore., Feb 26 - </DATELINE><BODY>Harbor Co said it will form a unit.
    The unit starts in May.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="3">
<DATE>26-FEB-1987 15:03:27.51</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>BRIEF HEADLINE ONLY
</TITLE>
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="4">
<DATE>26-FEB-1987 15:04:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
Unprocessed wire text.
&#3;
</TEXT>
</REUTERS>
"#;

    #[test]
    fn reads_each_story_as_the_wire_printed_it() {
        let got = stories(FILE);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].id, "2");
        assert_eq!(got[0].date.as_deref(), Some("26-FEB-1987 15:02:20.00"));
        assert_eq!(got[0].dateline.as_deref(), Some("PORTVILLE, Ore."));
        assert_eq!(
            got[0].text,
            "HARBOR <HBR> TO FORM UNIT\n\nHarbor Co said it will form a unit.\n    The unit starts in May.\n Reuter"
        );
        assert_eq!((got[1].text.as_str(), got[1].dateline.as_deref()), ("BRIEF HEADLINE ONLY\n\n", None));
        assert_eq!((got[2].id.as_str(), got[2].text.as_str()), ("4", "Unprocessed wire text."));
    }

    #[test]
    fn a_file_cut_short_keeps_what_it_has() {
        let got =
            stories("<REUTERS NEWID=\"9\"><DATE>1-MAR-1987</DATE><TEXT><TITLE>CUT</TITLE><BODY>Half a sto");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "CUT\n\nHalf a sto");
        assert_eq!(place("    WASHINGTON, Feb 26 - ").as_deref(), Some("WASHINGTON"));
        assert!(stories("no stories here").is_empty());
        for nasty in [
            "<REUTERS",
            "<REUTERS<REUTERS<TEXT",
            "<REUTERS><TEXT><TITLE>",
            "<REUTERS><TEXT",
            "<REUTERS>é<DATE>&#3;",
        ] {
            assert_eq!(stories(nasty).len(), nasty.matches("<REUTERS").count(), "{nasty}");
        }
    }
}
