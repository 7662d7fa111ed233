//! Name cards that scraped text keeps inline after a person's name.
//!
//! Some sites link a politician's name to a card with the full name and the latest
//! headlines about them, shown on hover and ending in a `MORE` link. Text scraped from the
//! page keeps the card after the name: `President Trump Donald John TrumpGOP senators balk
//! at lengthy impeachment trial … MORE on Monday said`. The card is recognised by its shape
//! (the surname as printed, one to four capitalised words, the surname again, alone or with
//! a headline or the `MORE` glued to it, and `MORE` within a few hundred letters) and
//! removed, leaving `President Trump on Monday said`; the card's headlines would otherwise
//! count as the article's words and its full name, run into a headline, as a person.

use std::borrow::Cow;

/// The longest a card runs from the name as printed to its `MORE` link, in bytes.
const CARD_LENGTH: usize = 600;

/// How many words a full name may add before the surname (`Donald John`, `Addison (Mitch)
/// Mitchell`).
const FULL_NAME_WORDS: usize = 4;

const MORE: &str = "MORE";

/// The text without the name cards in it.
pub fn without_cards(text: &str) -> Cow<'_, str> {
    if !text.contains(MORE) {
        return Cow::Borrowed(text);
    }
    let words = words(text);
    let mut out = String::new();
    let mut kept = 0;
    // Each card's name is looked for after the last `MORE`, so each word is read a bounded
    // number of times and a text of many `MORE`s costs time in proportion to its length.
    let mut last_more = 0;
    for (m, &(at, word)) in words.iter().enumerate() {
        let Some(end) = more_end(text, at, word) else { continue };
        let floor = last_more.max(at.saturating_sub(CARD_LENGTH));
        last_more = end;
        let first = words[..m].partition_point(|&(w_at, _)| w_at < floor);
        if let Some(name_end) = printed_name_end(&words[first..=m]) {
            out.push_str(&text[kept..name_end]);
            kept = end;
        }
    }
    if kept == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[kept..]);
    Cow::Owned(out)
}

/// The words of a text (runs without spaces; a line break stays inside its word, so that a
/// name never runs across lines), with where each starts.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split(' ')
        .filter_map(|w| {
            let start = at;
            at += w.len() + 1;
            (!w.is_empty()).then_some((start, w))
        })
        .collect()
}

/// Where a card's `MORE` link ends, if the word at byte `at` is one: `MORE` alone or glued
/// after a lower-case letter (`KellyMORE`), followed by no letter or digit.
fn more_end(text: &str, at: usize, word: &str) -> Option<usize> {
    let offset = word.find(MORE)?;
    let before = word[..offset].chars().next_back();
    if !(offset == 0 || before.is_some_and(char::is_lowercase)) {
        return None;
    }
    let end = at + offset + MORE.len();
    (!text[end..].starts_with(|c: char| c.is_alphanumeric())).then_some(end)
}

/// Where the name as printed ends among the words before a card's `MORE` (the last word):
/// after a surname followed by one to four capitalised words (a nickname in brackets among
/// them) and then a word that is the surname again, alone or with a headline or the link
/// glued to it (`McConnellGOP`, `McCain2020`, `KellyMORE`). Of the names that overlap the
/// first such, the last: in `Joe Biden Joe Biden`, the card starts after the first `Biden`.
fn printed_name_end(words: &[(usize, &str)]) -> Option<usize> {
    let (first, again) = (0..words.len()).find_map(|i| repeated_at(words, i).map(|r| (i, r)))?;
    let last = (first..again).rev().find(|&i| repeated_at(words, i).is_some()).unwrap_or(first);
    let (at, surname) = words[last];
    Some(at + surname.len())
}

/// Where the word at `i` comes again as a card's surname (see [`printed_name_end`]): the
/// words between are name words, the repeat itself may run into a headline's punctuation.
fn repeated_at(words: &[(usize, &str)], i: usize) -> Option<usize> {
    let surname = words[i].1;
    if !is_name_word(surname) {
        return None;
    }
    for j in i + 2..words.len().min(i + 2 + FULL_NAME_WORDS) {
        if !is_name_word(words[j - 1].1) {
            return None;
        }
        if repeats(words[j].1, surname) {
            return Some(j);
        }
    }
    None
}

/// Whether a word can be part of a name: capitalised and not in capitals (a nickname in
/// brackets too), on one line, with no comma or other clause punctuation after it
/// (`President Obama, President Clinton` is a list, not a name and its card) and no full
/// stop, unless it is an initial or a short abbreviation (`J.`, `G`, `Jr.`).
fn is_name_word(word: &str) -> bool {
    let bare = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')).unwrap_or(word);
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    let short = bare.ends_with('.') && letters <= 2 || bare.len() == 1;
    bare.starts_with(char::is_uppercase)
        && (short || bare.contains(char::is_lowercase) && !bare.ends_with('.'))
        && !bare.contains(char::is_whitespace)
        && !bare.ends_with([',', ';', ':', '!', '?', '"', '”', '('])
}

/// Whether a word is `surname`, alone or with a capitalised word, a number or the `MORE`
/// link glued after it.
fn repeats(word: &str, surname: &str) -> bool {
    word.strip_prefix(surname).is_some_and(|rest| {
        rest.is_empty() || rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    })
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

    /// Each text reads as its expected text once its cards are out.
    fn check(cases: &[(&str, &str)]) {
        for (text, expected) in cases {
            assert_eq!(without_cards(text), *expected, "{text}");
        }
    }

    #[test]
    fn names_with_inner_capitals_and_a_repeated_given_name_are_read() {
        check(&[
            ("Leader Mac McCrae Ian Mac McCraeVote delayed again MORE spoke.", "Leader Mac McCrae spoke."),
            ("Rep. Ida Nash Ida NashBill stalls MORE voted no.", "Rep. Ida Nash voted no."),
            ("Leader Bo Lund Robert (Bo) Alan LundTalks resume MORE agreed.", "Leader Bo Lund agreed."),
            ("Rep. A.J. Lund Alan James (A.J.) LundTalks resume MORE agreed.", "Rep. A.J. Lund agreed."),
        ]);
    }

    #[test]
    fn cards_with_a_spaced_numbered_punctuated_or_no_headline_are_removed() {
        check(&[
            (
                "Speaker Ada Lind Ada Mae Lind Retirees should say no MORE (D-Ore.) spoke.",
                "Speaker Ada Lind (D-Ore.) spoke.",
            ),
            (
                "former Mayor Bo Vale Bo Vale Harbor: the inquiry widens MORE and his son",
                "former Mayor Bo Vale and his son",
            ),
            ("Sen. Ian Holt Ian Lee Holt2020 hopefuls court voters MORE said.", "Sen. Ian Holt said."),
            (
                "chief of staff Mara Lund Mara Jean LundMORE called him.",
                "chief of staff Mara Lund called him.",
            ),
            ("Rep. Bo Lund Robert (Bo) Alan LundVale, Holt set for talks MORE said.", "Rep. Bo Lund said."),
        ]);
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
        let links = "Vale Mara Vale MORE ".repeat(1 << 16);
        assert!(without_cards(&links).len() < links.len());
    }

    #[test]
    fn text_without_the_whole_shape_is_kept() {
        for kept in [
            "against President Vale, President Lind and others, said President Ada MORE",
            "Deputy Attorney General Bo Holt, Attorney General Ida Lund MORE",
            "States such as New York, New Jersey and Ohio. MORE",
            "the Harbor Board.\n\nHarbor Board Chair Ada Lund said MORE",
            "the Harbor Board. Harbor Board Chair Ada Lund said MORE",
            "she wrote: NO YOU ARE NOT CLOSING THE HARBOR. MORE",
            "The iPhone sold well. MORE to come.",
            "Vale Mara ValeCourt rules on harbor plan",
            "Senator Vale Mara Lynn ValeCourt rules on harbor plan and MOREOVER it passed",
            "Senator Vale spoke to Mara LindCourt rules MORE here",
        ] {
            assert_eq!(without_cards(kept), kept);
        }
    }
}
