//! Korean Central News Agency (kcna.kp), North Korea's state wire, in English.
//!
//! Shape: `Pyongyang, July 14 (KCNA) --` datelines and a ` -0-` end mark; no bylines. The
//! site sets the leaders' names apart in bold, and text scraped from it often lost the
//! spaces around them (`the respected ComradeKim Jong Unreceived`): they are put back.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};

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
        unglue_in(&mut draft.headline);
        draft.paragraphs.iter_mut().for_each(unglue_in);
        dump::take_dateline(draft, "KCNA");
        dump::trim_end_mark(&mut draft.paragraphs, "-0-");
    }
}

/// A leader's name with the letters glued to either side of it.
static GLUED_LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\pL?)(Kim (?:Il Sung|Jong Il|Jong Un|Jong Suk))(\pL*)").expect("valid regex")
});

fn unglue_in(text: &mut String) {
    if let Cow::Owned(fixed) = unglue_leaders(text) {
        // A second pass for the name that followed a glued `andKim` (its `Kim` was read
        // with the first name's match).
        *text = unglue_leaders(&fixed).into_owned();
    }
}

/// The text with spaces put back around the leaders' names: always after a letter that
/// touches the name, and before the word that follows it when that word is a capitalised
/// one (`Kim Il SungSquare`) or an English word (`Kim Jong Unreceived`), so that another
/// person whose name merely starts like a leader's keeps it whole.
fn unglue_leaders(text: &str) -> Cow<'_, str> {
    if !text.contains("Kim ") {
        return Cow::Borrowed(text);
    }
    GLUED_LEADER.replace_all(text, |c: &Captures| {
        let (before, name, after) = (&c[1], &c[2], &c[3]);
        let split_after = after.starts_with(char::is_uppercase)
            || (after.chars().count() >= 2 && crate::people::is_english_word(after));
        let before = if before.is_empty() { String::new() } else { format!("{before} ") };
        let after = match after.strip_suffix("Kim") {
            // The next leader's name glued on after a word (`Kim Il SungandKim Jong Il`).
            Some(word) if crate::people::is_english_word(word) => format!(" {word} Kim"),
            _ if split_after && !after.is_empty() => format!(" {after}"),
            _ => after.to_string(),
        };
        format!("{before}{name}{after}")
    })
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

    #[test]
    fn leaders_names_glued_to_their_neighbours_are_set_apart() {
        assert_eq!(
            unglue_leaders("the respected ComradeKim Jong Unreceived a letter sent byKim Il Sungand others"),
            "the respected Comrade Kim Jong Un received a letter sent by Kim Il Sung and others"
        );
        assert_eq!(unglue_leaders("held atKim Il SungSquare."), "held at Kim Il Sung Square.");
        let mut text = "statues ofKim Il SungandKim Jong Illie in state".to_string();
        unglue_in(&mut text);
        assert_eq!(text, "statues of Kim Il Sung and Kim Jong Il lie in state");
        // Spaced names, another person's name and a syllable that is no word stay as they are.
        for kept in
            ["Comrade Kim Jong Un said", "Kim Yo Jong said", "Kim Jong Ung said", "Kim Jong Il's work"]
        {
            assert_eq!(unglue_leaders(kept), kept);
        }
    }

    #[test]
    fn a_record_body_gets_its_leaders_names_set_apart() {
        let mut draft = Draft {
            headline: "Gifts sent byKim Jong Un".into(),
            paragraphs: vec!["Pyongyang, July 14 (KCNA) -- ComradeKim Jong Unvisited a farm. -0-".into()],
            ..Draft::default()
        };
        Kcna.clean_record(&mut draft);
        assert_eq!(draft.headline, "Gifts sent by Kim Jong Un");
        assert_eq!(draft.paragraphs, vec!["Comrade Kim Jong Un visited a farm."]);
    }
}
