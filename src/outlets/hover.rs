//! Name cards that scraped text keeps inline after a person's name.
//!
//! Some sites link a politician's name to a card with the full name and the latest
//! headlines about them, shown on hover and ending in a `MORE` link. Text scraped from the
//! page keeps the card, glued to the name: `President Trump Donald John TrumpGOP senators
//! balk at lengthy impeachment trial … MORE on Monday said`. The card is recognised by its
//! shape (the name as printed, its full form ending in the same surname, a headline glued
//! to that surname, `MORE` within a few hundred letters) and removed, leaving `President
//! Trump on Monday said`; the card's headlines would otherwise count as the article's words
//! and its full name, glued to a headline, as a person.

use std::borrow::Cow;

/// The longest a card runs from its glued headline to its `MORE` link, in bytes.
const CARD_LENGTH: usize = 500;

/// How far before a glued headline the names are looked for, in bytes.
const NAME_WINDOW: usize = 300;

/// How many words a full name may add before the surname (`Donald John`, `Addison (Mitch)
/// Mitchell`).
const FULL_NAME_WORDS: usize = 4;

const MORE: &str = " MORE";

/// The text without the name cards in it.
pub fn without_cards(text: &str) -> Cow<'_, str> {
    if !text.contains(MORE) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut kept = 0;
    let mut from = 0;
    while let Some((start, end)) = next_card(text, from) {
        out.push_str(&text[kept..start]);
        kept = end;
        from = end;
    }
    if kept == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[kept..]);
    Cow::Owned(out)
}

/// The byte range of the first card at or after `from`: from the end of the name as
/// printed to the end of `MORE`.
fn next_card(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut prev: Option<char> = None;
    for (i, c) in text[from..].char_indices().map(|(i, c)| (i + from, c)) {
        let glued = c.is_uppercase() && prev.is_some_and(char::is_lowercase);
        prev = Some(c);
        if !glued {
            continue;
        }
        // A name printed before `from` belongs to text already taken by the last card.
        if let Some(card) = card_at(text, i).filter(|card| card.0 >= from) {
            return Some(card);
        }
    }
    None
}

/// The card whose headline is glued to the word before byte `glue`, if there is one.
fn card_at(text: &str, glue: usize) -> Option<(usize, usize)> {
    let rest = &text[glue..];
    let more = rest[..floor_boundary(rest, CARD_LENGTH)].find(MORE)?;
    let after = glue + more + MORE.len();
    if text[after..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // The names sit in the few words before the glue: only they are read, so that a long
    // text with many glued words costs time in proportion to its length.
    let mut from = glue.saturating_sub(NAME_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..glue];
    let word_start = match window.rfind(char::is_whitespace) {
        Some(i) => from + i + window[i..].chars().next().map_or(1, char::len_utf8),
        None if from == 0 => 0,
        None => return None,
    };
    let surname = &text[word_start..glue];
    let name_end = printed_name_end(&text[from..word_start], surname)?;
    Some((from + name_end, after))
}

/// Where the name as printed ends, before the full name of the card (`… President Trump`
/// before `Donald John `): a word equal to `surname` followed by one to four capitalised
/// words (a nickname in brackets among them) that end right before the card's surname.
fn printed_name_end(before: &str, surname: &str) -> Option<usize> {
    if surname.is_empty() || !before.ends_with(' ') {
        return None;
    }
    let words: Vec<(usize, &str)> = before
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let tail = &words[words.len().saturating_sub(FULL_NAME_WORDS + 1)..];
    tail.iter().enumerate().find_map(|(k, &(start, word))| {
        let given = &tail[k + 1..];
        let capitalised =
            given.iter().all(|(_, w)| w.trim_start_matches('(').starts_with(char::is_uppercase));
        (word == surname && !given.is_empty() && capitalised).then_some(start + word.len())
    })
}

/// The largest character boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_after_a_name_is_removed() {
        let text = "Senator Vale Mara Lynn ValeCourt rules on harbor plan Vale tours the docks MORE said on Monday that the plan would pass.";
        assert_eq!(without_cards(text), "Senator Vale said on Monday that the plan would pass.");
        let two =
            "Aide Holt Piers HoltHoward quits MORE’s memo and Mayor Lind Ada LindBudget talks stall MORE.";
        assert_eq!(without_cards(two), "Aide Holt’s memo and Mayor Lind.");
    }

    #[test]
    fn names_with_inner_capitals_and_a_repeated_given_name_are_read() {
        let text = "Leader Mac McCrae Ian Mac McCraeVote delayed again MORE spoke.";
        assert_eq!(without_cards(text), "Leader Mac McCrae spoke.");
        let text = "Rep. Ida Nash Ida NashBill stalls MORE voted no.";
        assert_eq!(without_cards(text), "Rep. Ida Nash voted no.");
        let text = "Leader Bo Lund Robert (Bo) Alan LundTalks resume MORE agreed.";
        assert_eq!(without_cards(text), "Leader Bo Lund agreed.");
    }

    #[test]
    fn a_card_whose_name_was_inside_the_last_card_is_left() {
        let text = "Sen. Vale Mara ValeX MORE Mara ValeY MORE said.";
        assert_eq!(without_cards(text), "Sen. Vale Mara ValeY MORE said.");
    }

    #[test]
    fn every_arrangement_of_card_parts_reads_without_a_panic() {
        const PARTS: [&str; 7] = ["Vale", "Mara", "ValeX", "MORE", "said", "(Bo)", "é"];
        let mut n = [0usize; 6];
        loop {
            let text = n.iter().map(|&i| PARTS[i]).collect::<Vec<_>>().join(" ");
            let out = without_cards(&text);
            assert!(
                out.len() <= text.len() && text.starts_with(out.split(' ').next().unwrap_or("")),
                "{text}"
            );
            let Some(at) = n.iter().position(|&i| i + 1 < PARTS.len()) else { break };
            n[at] += 1;
            n[..at].iter_mut().for_each(|i| *i = 0);
        }
    }

    #[test]
    fn long_glued_text_reads_in_proportion_to_its_length() {
        let text = format!("{} MORE", "aB".repeat(1 << 20));
        assert_eq!(without_cards(&text), text.as_str());
        let spaced = format!("{} MORE", "Vale ValeCourt ".repeat(1 << 16));
        assert!(without_cards(&spaced).len() < spaced.len());
    }

    #[test]
    fn text_without_the_whole_shape_is_kept() {
        for kept in [
            "The iPhone sold well. MORE to come.",
            "Vale Mara ValeCourt rules on harbor plan",
            "Senator Vale Mara Lynn ValeCourt rules on harbor plan and MOREOVER it passed",
            "Senator Vale spoke to Mara LindCourt rules MORE here",
        ] {
            assert_eq!(without_cards(kept), kept);
        }
    }
}
