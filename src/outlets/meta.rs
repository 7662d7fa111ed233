//! The byline and date of an article page: read from the lines around its headline, the
//! lines above the article's end and an author box just below it (page dumps), or from an
//! HTML page's visible lines around its headline.

use super::blocks::{self, Block};
use super::byline;
use super::headline::fold;
use crate::article::{Draft, Published};
use crate::dates::{self, Calendar};

/// What a page prints around its headline.
#[derive(Debug, Clone, Default)]
pub struct PrintedMeta {
    /// The byline printed near the headline.
    pub byline: byline::Byline,
    /// The date printed near the headline, else the page's first short dated line.
    pub date: Option<Published>,
    /// A date printed right beside the headline (a few lines off at most), if any.
    pub date_beside: Option<Published>,
}

/// The byline and date printed around a headline among a page's visible lines (an HTML
/// page's, one element's text a line): what a page that declares neither shows its readers.
/// A lone name must look like a full name: an HTML page's lines are full of short
/// capitalised labels (`Contact`, `About Us`) beside dates.
/// Without a date beside the headline, the page's first short dated line is taken.
pub fn printed_meta(lines: &[String], headline: &str, cal: Calendar) -> PrintedMeta {
    let spaced: Vec<&str> = lines.iter().flat_map(|l| [l.as_str(), ""]).collect();
    let blocks = blocks::split(&spaced);
    let key = fold(headline);
    let Some(head) = blocks.iter().position(|b| !key.is_empty() && fold(&b.text) == key) else {
        let date = labelled_date(&blocks, cal).or_else(|| first_date(&blocks, cal));
        return PrintedMeta { date, ..PrintedMeta::default() };
    };
    let from = head.saturating_sub(6);
    let window = &blocks[from..(head + 12).min(blocks.len())];
    let by = written_byline(window, false)
        .or_else(|| dated_name(window))
        .or_else(|| Some(lone_name(window, &blocks)).filter(|b| b.authors.iter().all(|a| is_full_name(a))));
    let near = head.saturating_sub(BESIDE)..(head + BESIDE + 1).min(blocks.len());
    PrintedMeta {
        byline: by.unwrap_or_default(),
        date: find_date(window, Some(head - from), cal)
            .or_else(|| labelled_date(&blocks, cal))
            .or_else(|| first_date(&blocks, cal)),
        date_beside: find_date(&without_prose(&blocks[near.clone()]), Some(head - near.start), cal),
    }
}

/// The blocks with the text of sentences (more than a dozen words) taken out: a date inside
/// a photo caption or the standfirst (`The sun rises over the field March 24, 2014 near the
/// town.Photographer`) is no date line of the page, which is short.
fn without_prose(blocks: &[Block]) -> Vec<Block> {
    let mut kept = blocks.to_vec();
    for b in kept.iter_mut().filter(|b| b.words > 12) {
        b.text.clear();
    }
    kept
}

/// How many lines off the headline a date still counts as printed beside it.
const BESIDE: usize = 4;

/// A name that shares a line with a date, set apart by a separator (`May 2, 2025 · Jane Doe`,
/// `2025-12-17 · Jane Doe in Gardening`, `Mar 3, 2025 • 3 min read • By Jane Doe`): the
/// article's meta line, not a name in its text.
fn dated_name(window: &[Block]) -> Option<byline::Byline> {
    window.iter().filter(|b| b.words <= 20 && dates::find_in(&b.text).is_some()).find_map(|b| {
        META_SEPARATOR.split(&b.text).filter(|p| dates::find_in(p).is_none()).find_map(|piece| {
            byline::parse_writer_line(piece).or_else(|| {
                let name = NAME_TAIL.replace(piece.trim(), "");
                (!name.contains(',') && is_full_name(&name)).then(|| byline::parse(&name))
            })
        })
    })
}

static META_SEPARATOR: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\s*[·•⋅|]\s*").expect("valid regex"));

static NAME_TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\s+(?:in|on|at|for)\s.*$|\s+on behalf of\s.*$|\s+@\w[\w.]*$").expect("valid regex")
});

/// Two or three capitalised words, none of them all capitals or an English function word:
/// `Owen Marsh`, not `Contact`, `About Us` or `COMPANY TYPE`.
fn is_full_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.any(char::is_lowercase)
                && !blocks::is_stop_word(w)
        })
}

/// The byline beside the headline (written, or after a date), else an author box's name
/// (under its heading or over its bio), else a name alone on the line under the headline,
/// else a person's name on a meta line by the
/// headline, else the first byline written above the article's end, else the name the
/// author's picture is labelled with, else a person's name on a line just below the
/// article; `head` is the headline's place in the window. A name alone elsewhere on the page is not taken: it is as often a
/// commenter's, a reviewer's or a related story's. `page` is the page down to the article's end, `below` a little
/// further (author boxes follow the text).
pub(super) fn find_byline(
    window: &[Block],
    head: Option<usize>,
    page: &[Block],
    below: &[Block],
) -> byline::Byline {
    written_byline(window, false)
        .or_else(|| dated_byline(window))
        .or_else(|| dated_name_line(window, head))
        .or_else(|| author_box(below))
        .or_else(|| name_under_headline(window, head))
        .or_else(|| person_line(window))
        .or_else(|| written_byline(page, true))
        .or_else(|| dated_byline(page).filter(all_people))
        .or_else(|| pictured_person(below))
        .or_else(|| person_line(&below[page.len().min(below.len())..]))
        .unwrap_or_default()
}

/// The name an author box prints: under its heading (`About the Author`, `Written by`,
/// `Photo of author`) or over a bio that starts with it (`Jane Doe` over `Jane is a
/// gardener who …`). The name needs only a name's shape: the heading or the bio says whose.
fn author_box(blocks: &[Block]) -> Option<byline::Byline> {
    blocks.iter().enumerate().find_map(|(i, b)| {
        let next = blocks[i + 1..].iter().filter(|n| n.text != b.text).take(3);
        if BOX_HEADING.is_match(&b.text) || LEAD_ONLY.is_match(&b.text) {
            let name = next.clone().find(|n| !is_avatar(&n.text)).filter(|n| n.words <= 6)?;
            return box_name(&name.text);
        }
        // Most lines are no name: a bio must at least start with the line's first word.
        let lead = b.text.split_whitespace().next()?;
        if b.words > 5 || !next.clone().any(|n| n.text.starts_with(lead)) {
            return None;
        }
        let by = box_name(&b.text)?;
        let first = by.authors.first().filter(|a| a.contains(' '))?;
        next.clone().any(|n| introduces(&n.text, first)).then_some(by)
    })
}

/// A line of an author box read as a name, if it has one's shape (a part split inside
/// brackets, `Acme (Alpha`, has none).
fn box_name(line: &str) -> Option<byline::Byline> {
    let mut by = byline::parse(&unpictured(byline::undouble(line)));
    let balanced = |a: &String| a.matches('(').count() == a.matches(')').count();
    by.authors.retain(|a| balanced(a) && (crate::people::has_name_shape(a) || is_team(a)));
    (!by.authors.is_empty()).then_some(by)
}

/// The label of an author's picture without a name, or the initials printed in its place.
fn is_avatar(line: &str) -> bool {
    PICTURE.is_match(line) && !line.chars().any(char::is_uppercase)
        || line.len() <= 3 && line.chars().all(char::is_uppercase)
}

/// Whether a bio starts with a person's full name or first name and a verb, and goes on
/// about a person (`Jane is a gardener … Her …`, `Jane Doe has covered … She …`): listicles
/// describe products the same way (`Acme is a …`), but not with a personal pronoun.
fn introduces(bio: &str, name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or(name);
    let personal = bio.split(|c: char| !c.is_alphabetic()).any(|w| PRONOUNS.contains(&w));
    personal
        && [name, first].iter().any(|lead| {
            bio.strip_prefix(lead).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|rest| {
                let verb = rest.split_whitespace().next().unwrap_or("");
                BIO_VERBS.contains(&verb)
            })
        })
}

const PRONOUNS: &[&str] = &["He", "She", "His", "Her", "he", "she", "his", "her", "I", "my", "My"];

const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "writes",
    "wrote",
    "covers",
    "explores",
    "joined",
    "holds",
    "lives",
    "loves",
    "specializes",
    "specialises",
    "started",
    "founded",
    "graduated",
    "brings",
    "leads",
    "works",
    "worked",
    "enjoys",
    "serves",
    "spent",
    "began",
    "helps",
    "creates",
    "believes",
    "grew",
    "studied",
    "earned",
    "received",
    "teaches",
    "runs",
    "manages",
    "comes",
];

static BOX_HEADING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(?:about\s+the\s+(?:author|contributor|writer)s?|meet\s+the\s+author|author\s+bio|(?:photo|picture|image)\s+of\s+(?:the\s+)?author|author[-\s]?(?:image|photo|picture|avatar))+:?$")
        .expect("valid regex")
});

/// Whether every name of a byline is a person's full name and no part of it a page's label:
/// what a byline found far from the headline must be (filters and forms print `by Company
/// Size`, captions `Jane Doe, Director Of Marketing, Stands With …`).
fn all_people(by: &byline::Byline) -> bool {
    !by.authors.is_empty()
        && by.labels.is_empty()
        && by.authors.iter().all(|a| crate::people::is_person_name(a))
}

/// `by NAME` inside a dated meta line: `Published August 7, 2023 by Jane Doe`,
/// `October 11, 2023 by Jane Doe | 5 min read` (not a photo credit).
fn dated_byline(blocks: &[Block]) -> Option<byline::Byline> {
    blocks.iter().filter(|b| b.words <= 30 && dates::find_in(&b.text).is_some()).find_map(|b| {
        let by = INLINE_BY
            .find_iter(&b.text)
            .map(|m| m.start() + 1)
            .find(|&at| !is_credit_before(&b.text[..at]))?;
        byline::parse_line(&b.text[by..])
    })
}

static INLINE_BY: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)[\s•·|,](?:by)\s").expect("valid regex"));

/// Whether the words before a `by` make it a photo credit: `Photo by`, `Image by`, not an
/// author's picture (`Avatar photo by Jane Doe`, the alt text of the byline's avatar).
fn is_credit_before(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let last = words.next().unwrap_or_default();
    let owner = words.next().unwrap_or_default();
    !matches!(owner.as_str(), "avatar" | "author" | "profile")
        && matches!(
            last.as_str(),
            "photo"
                | "photos"
                | "image"
                | "images"
                | "illustration"
                | "avatar"
                | "credit"
                | "video"
                | "edited"
                | "reviewed"
                | "checked"
        )
}

/// A person's full name alone on a short line, or as one part of a meta line
/// (`Jane Doe • Oct 20, 2025`, `Dec 26, 2025 · Jane Doe`, `Jane Doe, Staff Writer`).
fn person_line(window: &[Block]) -> Option<byline::Byline> {
    window.iter().filter(|b| b.words <= 16 && !(b.bullet && b.words > 4)).find_map(|b| {
        let text = byline::undouble(&b.text);
        let mut parts: Vec<&str> = META_PARTS.split(text).map(str::trim).filter(|p| !p.is_empty()).collect();
        parts.retain(|p| dates::find_in(p).is_none());
        parts.iter().find_map(|part| {
            let by = byline::parse(&byline::unglue_tail(part));
            all_people(&by).then_some(by)
        })
    })
}

/// A name printed beside the article's date: alone on a line next to a meta line (a date or
/// a reading time: `Jane Doe` over `Dec 18, 2025`, the name printed twice), or as one part
/// of a dated meta line (`Tarun Velkar October 11, 2024`, `2025-12-17·Jane Doe`). With
/// a date beside it, a name needs only a name's shape, not a known given name: bylines are
/// full of names no census lists (`Tarun Velkar`), and labels beside dates are English words.
fn dated_name_line(window: &[Block], head: Option<usize>) -> Option<byline::Byline> {
    let dated = |b: &Block| {
        b.words <= 12
            && (dates::find_in(&b.text).is_some()
                || READING_TIME.is_match(&b.text)
                || SHORT_DATE.is_match(&b.text))
    };
    let headline = head.and_then(|h| window.get(h)).map(|h| h.text.as_str());
    let mut candidates =
        window.iter().enumerate().filter(|(_, b)| b.words <= 16 && Some(b.text.as_str()) != headline);
    candidates.find_map(|(i, b)| {
        let text = unpictured(&b.text);
        if dated(b) {
            return meta_parts(&text).into_iter().find_map(|p| shaped_name(&p));
        }
        // A full name may sit two lines off the date, its role or section between them
        // (`Jane Doe` over `Senior Editor` over `Dec 18, 2025`); a single word must touch it.
        let name = byline::undouble(&text);
        let reach = if name.split_whitespace().count() > 1 { 2 } else { 1 };
        neighbours(window, i, reach).any(dated).then(|| shaped_name(name)).flatten()
    })
}

/// A name alone on the line right under the headline (`Jane Doe` under it, the way pages
/// that show no date there print their byline): the line a reader takes for the byline.
fn name_under_headline(window: &[Block], head: Option<usize>) -> Option<byline::Byline> {
    let head = window.get(head?)?;
    let next = window.iter().skip_while(|b| b.line <= head.line).find(|b| b.text != head.text)?;
    (next.words <= 4 && !next.bullet).then(|| shaped_name(&unpictured(&next.text))).flatten()
}

/// The blocks just above and below a window's `i`th, past copies of it (a name printed
/// twice, by its link and its picture), `reach` of them on each side.
fn neighbours(window: &[Block], i: usize, reach: usize) -> impl Iterator<Item = &Block> {
    let other = move |j: &usize| window[*j].text != window[i].text;
    let above = (i.saturating_sub(reach + 1)..i).rev().filter(other).take(reach);
    let below = (i + 1..(i + reach + 2).min(window.len())).filter(other).take(reach);
    above.chain(below).map(move |j| &window[j])
}

/// The parts of a dated meta line other than its dates: `Dec 17, 2025Jane Doe` -> `Jane Doe`,
/// `Dec 26, 2025 • Jane Doe in Project Management` -> `Jane Doe`.
fn meta_parts(line: &str) -> Vec<String> {
    let mut undated = String::new();
    let mut from = 0;
    for (_, at) in dates::find_all(line) {
        undated.push_str(&line[from..at.start]);
        undated.push_str(" | ");
        from = at.end;
    }
    undated.push_str(&line[from..]);
    META_PARTS
        .split(&undated)
        .map(|p| NAME_TAIL.replace(p.trim(), "").into_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// A byline part that has a name's shape (after an honorific: `Dr. Jane Doe`) or signs as a
/// team, read as a byline; not one that credits an editor or reviewer (`Edited By: Jane Doe`
/// beside the date), nor one with a part of common words (`Atlanta, United States` beside an
/// event's date). Several writers are named in full: a list holding a single word is a
/// venue and its town (`Murrayfield, Edinburgh` over a fixture's date).
fn shaped_name(part: &str) -> Option<byline::Byline> {
    if byline::credits_helper(part) {
        return None;
    }
    let by = byline::parse(byline::undouble(&byline::unglue_tail(part)));
    let shaped = |a: &String| crate::people::has_name_shape(unhonoured(a)) || is_team(a);
    let full = |a: &String| by.authors.len() == 1 || a.contains(' ');
    (!by.authors.is_empty() && by.labels.is_empty() && by.authors.iter().all(|a| shaped(a) && full(a)))
        .then_some(by)
}

/// A name without the honorific before it: `Dr. Jane Doe`, `Sir Quillon` -> `Jane Doe`,
/// `Quillon`.
fn unhonoured(name: &str) -> &str {
    let rest = HONORIFIC.find(name).map_or(name, |m| &name[m.end()..]);
    if rest.starts_with(char::is_uppercase) {
        rest
    } else {
        name
    }
}

static HONORIFIC: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:Dr|Prof|Sir|Dame|Rev|Mr|Mrs|Ms)\.?\s+").expect("valid regex")
});

/// A team's signature: up to four capitalised words led or ended by `Team` or `Staff`
/// (`Example Garden Team`, `Team Example`, `Staff`).
fn is_team(signature: &str) -> bool {
    let words: Vec<&str> = signature.split_whitespace().collect();
    let team = |w: &&str| w.eq_ignore_ascii_case("team") || w.eq_ignore_ascii_case("staff");
    (1..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && (words.first().is_some_and(team) || words.last().is_some_and(team))
        && !signature.chars().any(|c| c.is_ascii_digit())
}

/// A line without the labels of the author's picture printed around the name (its alt
/// text): `Picture of Jane Doe`, `Jane Doe's avatar`, `Jane Doe Headshot` -> `Jane Doe`.
/// A credit (`Photo by`, `Image:`) keeps its label.
fn unpictured(line: &str) -> String {
    let cut = PICTURE_LABEL.replace_all(line, |c: &regex::Captures| {
        let rest = &line[c.get(0).map_or(0, |m| m.end())..];
        if CREDIT_NEXT.is_match(rest) {
            c[0].to_string()
        } else {
            " ".to_string()
        }
    });
    cut.split_whitespace().collect::<Vec<_>>().join(" ")
}

static PICTURE_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?:^|\s)(?:(?:author|profile|avatar)\s+)?(?:picture|photo|image|headshot|avatar|portrait)(?:\s+of)?(?:\s|$)|['’]s\s+(?:avatar|profile picture|headshot|picture|photo|image)(?:\s|$)|\s+profile\s+pic(?:ture)?(?:\s|$)")
        .expect("valid regex")
});

static CREDIT_NEXT: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)^\s*(?:by(?-u:\b)|:|credit)").expect("valid regex"));

static READING_TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^\W*\d+\s*min(?:ute)?s?(?:\s+read)?\W*$").expect("valid regex")
});

/// A line that is only a date without its year or a time ago (`Jan 23`, `• 4 Mar`,
/// `3 days ago`), as blogs print them in a row of meta lines under the headline.
static SHORT_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    regex::Regex::new(&format!(
        r"(?i)^\W*(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{month}|\d+\s+(?:minute|hour|day|week|month)s?\s+ago)\W*$"
    ))
    .expect("valid regex")
});

/// Where a meta line splits into name, date, reading time and section.
static META_PARTS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d";
    regex::Regex::new(&format!(r"\s*[•·|●]\s*|\s+[-–—]\s+|\s+(?:{month}|\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}|(?i:published|posted|updated)(?-u:\b))"))
        .expect("valid regex")
});

/// The person an author picture is labelled with (`Picture of Jane Doe`, `Jane Doe's
/// avatar`, `Headshot of Jane Doe, a family lawyer`): a known person's name, or any name's
/// shape when the name is printed again just below its picture (`Jane Doe's avatar` over
/// `Jane Doe`), as bylines and author boxes print it; commenters' avatars come later.
fn pictured_person(blocks: &[Block]) -> Option<byline::Byline> {
    blocks.iter().enumerate().filter(|(_, b)| b.words <= 40).find_map(|(i, b)| {
        let mut by = byline::parse(pictured(&b.text)?);
        by.authors.retain(|a| byline::looks_like_name(a) && a.chars().any(char::is_lowercase));
        let first = by.authors.first()?;
        let printed = blocks[i + 1..]
            .iter()
            .find(|n| n.text != b.text)
            .is_some_and(|n| n.text.starts_with(first.as_str()));
        let shaped = (2..=4).contains(&first.split_whitespace().count());
        let named =
            crate::people::is_person_name(first) || printed && shaped && !first.contains(char::is_numeric);
        named.then_some(by)
    })
}

/// The name a picture's label gives, without the description after it: `Headshot of Jane
/// Doe, MD, smiling in a white coat` -> `Jane Doe, MD`.
fn pictured(label: &str) -> Option<&str> {
    let caps = PICTURED.captures(label)?;
    let name = caps.get(1).or_else(|| caps.get(2)).or_else(|| caps.get(3))?.as_str().trim();
    let name = DESCRIBED.find(name).map_or(name, |m| &name[..m.start()]);
    Some(byline::undouble(name))
}

static PICTURED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(?:picture|photo|image|headshot|portrait|avatar)\s+of\s+(.+?)(?:\s*(?:picture|photo)\s+of\s.*)?$|^(.+?)(?:'s|’s)\s+(?:avatar|image|profile picture|profile photo|headshot|picture|photo)$|^(.+?)\s+(?:profile pic|profile picture|profile photo|headshot|avatar)$")
        .expect("valid regex")
});

/// Where a picture's label goes on from the name to describe the picture.
static DESCRIBED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r",\s+(?:a|an|the|with|wearing|smiling|standing|sitting|in|at|who)\s|\s+(?:wearing|smiling|standing|sitting|posing|holding)\s")
        .expect("valid regex")
});

/// A byline the page introduces as one: `By NAME`, `Author: NAME`, or `Written by` over the
/// name's line; with `strict`, the name under a lone `By` must be a person's (far from the
/// headline, filters print `By` over `Company Size`).
fn written_byline(window: &[Block], strict: bool) -> Option<byline::Byline> {
    for (i, b) in window.iter().enumerate() {
        if let Some(by) = byline::parse_writer_line(signed_again(&b.text).unwrap_or(&b.text)) {
            return Some(by);
        }
        let next = window.get(i + 1).map(|n| n.text.as_str()).unwrap_or("");
        if LEAD_ONLY.is_match(&b.text) && byline::looks_like_name(next) {
            let by = byline::parse(next);
            if !strict || all_people(&by) {
                return Some(by);
            }
        }
    }
    None
}

/// The `By NAME` part of a line that prints the name before it too, bare or as its
/// picture's label: `Jane Doe By Jane Doe`, `Picture of Jane Doe By Jane Doe`.
fn signed_again(line: &str) -> Option<&str> {
    let at = line.find(" By ")?;
    let (before, by) = (&line[..at], &line[at + 1..]);
    let name = by[3..].trim();
    (!name.is_empty() && unpictured(before) == name).then_some(by)
}

/// A name printed alone beside a date or with the author's picture.
fn lone_name(window: &[Block], page: &[Block]) -> byline::Byline {
    for (i, b) in window.iter().enumerate() {
        let name = byline::undouble(&b.text);
        if b.words > 8
            || b.bullet && b.words > 4
            || !byline::looks_like_name(name)
            || name.split(' ').count() > 4
        {
            continue;
        }
        let near = &window[i.saturating_sub(2)..(i + 3).min(window.len())];
        let dated = near.iter().any(|n| n.words <= 12 && dates::find_in(&n.text).is_some());
        let pictured =
            page.iter().any(|p| p.text != b.text && p.text.contains(name) && PICTURE.is_match(&p.text));
        if dated || pictured || name.len() < b.text.len() {
            return byline::parse(name);
        }
    }
    byline::Byline::default()
}

static LEAD_ONLY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(?:(?:written|posted|published|article|story)\s+)?by:?$|^authors?:?$")
        .expect("valid regex")
});

static PICTURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:picture|photo|avatar|image|headshot|portrait)(?-u:\b)")
        .expect("valid regex")
});

/// The date nearest the headline among the lines around it; one the page says it was
/// published or posted on goes before one it says it was updated or reviewed on.
pub(super) fn find_date(window: &[Block], head: Option<usize>, cal: Calendar) -> Option<Published> {
    let anchor = head.unwrap_or(0);
    let mut found: Vec<(isize, chrono::NaiveDate)> = Vec::new();
    for (i, b) in window.iter().enumerate().filter(|(_, b)| b.words <= 25) {
        let mut from = 0;
        for (day, at) in dates::find_all_in(&b.text, cal.order) {
            if b.bullet && at.start == 0 && b.text[at.end..].split_whitespace().count() >= 4 {
                // A list entry that opens with its day (`□ 2021-08-09 Emphasizing …`): a
                // change log's or a related story's, not the article's date line.
                break;
            }
            // On a tie, a date below the headline goes first: bylines and dates follow it.
            let rank = 2 * (i.abs_diff(anchor) as isize + date_label(&b.text[from..at.start]))
                + isize::from(i < anchor);
            found.push((rank, day));
            from = at.end;
        }
    }
    // On a tie, the earlier day: a page that prints two dates together (`May 21, 2025April
    // 24, 2025`) was published on the earlier one and updated on the later.
    found.sort_unstable();
    found.first().map(|(_, day)| cal.day(*day))
}

/// How far a date's label moves it down the choice: `Published` up, `Updated` down.
fn date_label(before: &str) -> isize {
    let before = before.to_lowercase();
    if before.contains("updated") || before.contains("modified") || before.contains("reviewed") {
        3
    } else if before.contains("published") || before.contains("posted") {
        -2
    } else {
        0
    }
}

/// The date a line labels as the publication date, wherever on the page it is (`Posted on
/// March 2, 2024 in Gardening`, `Published On: 2 March 2024`, or `Publish date` over
/// `2 March 2024`): pages print it under the article as often as above it, and the label
/// tells it from the dates of comments, sources and related stories. The date must follow
/// the label straight away, so a long line of categories after it does not matter.
pub(super) fn labelled_date(blocks: &[Block], cal: Calendar) -> Option<Published> {
    let leading = |text: &str| {
        dates::find_all_in(text.trim_start(), cal.order)
            .next()
            .filter(|(_, at)| at.start == 0)
            .map(|(d, _)| d)
    };
    let day = blocks.iter().enumerate().find_map(|(i, b)| {
        let rest = &b.text[PUBLISHED_LABEL.find(&b.text)?.end()..];
        if !rest.trim().is_empty() {
            return leading(rest);
        }
        blocks.get(i + 1).filter(|next| next.words <= 8).and_then(|next| leading(&next.text))
    })?;
    Some(cal.day(day))
}

static PUBLISHED_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\W*(?:(?:first\s+|originally\s+)?(?:published|posted)(?:\s+(?:on|date))?|publish\s+date|date\s+published|publication\s+date)(?-u:\b)\s*:?\s*",
    )
    .expect("valid regex")
});

/// The first date the page prints on a short line: pages print the article's date above
/// its text, so when none sits beside the headline, the first one is the best guess.
pub(super) fn first_date(blocks: &[Block], cal: Calendar) -> Option<Published> {
    let mut days =
        blocks.iter().filter(|b| b.words <= 25).flat_map(|b| dates::find_all_in(&b.text, cal.order).take(1));
    days.next().map(|(day, _)| cal.day(day))
}

/// Whether a block inside the article is its byline or date line, not its text.
pub(super) fn is_meta_line(b: &Block, draft: &Draft) -> bool {
    b.words <= 12
        && (byline::parse_line(&b.text).is_some()
            || (dates::find_in(&b.text).is_some() && !b.ends_sentence())
            || draft.authors.iter().any(|a| a == &b.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn printed_meta_reads_lines_around_the_headline() {
        let page = lines(&[
            "Home",
            "Blog",
            "Ten Tips for Better Sleep Tonight",
            "Written by",
            "Tamsin Okafor",
            "Last updated Aug 04, 2025",
            "Sleep matters more than most people think, and the evidence keeps growing.",
        ]);
        let printed = printed_meta(&page, "Ten Tips for Better Sleep Tonight", Calendar::default());
        assert_eq!(printed.byline.authors, ["Tamsin Okafor"]);
        assert_eq!(printed.date.map(|d| d.date().to_string()).as_deref(), Some("2025-08-04"));
        assert_eq!(printed.date_beside.map(|d| d.date().to_string()).as_deref(), Some("2025-08-04"));
        assert!(printed_meta(&page, "Another Headline", Calendar::default()).byline.authors.is_empty());
    }

    #[test]
    fn a_date_inside_a_caption_beside_the_headline_is_not_its_date() {
        let page = lines(&[
            "Ten Tips for Better Sleep Tonight",
            "The moon rises over a quiet harbor town on March 24, 2014 near the old lighthouse, California.Photo Desk",
            "By Tamsin Okafor",
            "November 2, 2023 3:53 PM EDT",
            "Sleep matters more than most people think, and the evidence keeps growing.",
        ]);
        let printed = printed_meta(&page, "Ten Tips for Better Sleep Tonight", Calendar::default());
        assert_eq!(printed.date_beside.map(|d| d.date().to_string()).as_deref(), Some("2023-11-02"));
    }

    #[test]
    fn a_name_beside_a_date_on_one_line_is_the_byline() {
        for line in [
            "May 2, 2025 · Jane Doe",
            "2025-12-17 · Jane Doe in Gardening",
            "Mar 3, 2025 • 3 min read • By Jane Doe",
        ] {
            let page =
                lines(&["Ten Tips for Better Sleep Tonight", line, "Sleep matters more than you think."]);
            let by = printed_meta(&page, "Ten Tips for Better Sleep Tonight", Calendar::default()).byline;
            assert_eq!(by.authors, ["Jane Doe"], "{line}");
        }
        for line in ["May 2, 2025 · Read More", "Garden, Sleep · May 2, 2025"] {
            let page = lines(&["Ten Tips for Better Sleep Tonight", line, "Sleep matters."]);
            let by = printed_meta(&page, "Ten Tips for Better Sleep Tonight", Calendar::default()).byline;
            assert!(by.authors.is_empty(), "{line}");
        }
    }

    #[test]
    fn the_first_short_dated_line_is_the_fallback_date() {
        let text = ["Menu", "Updated December 12, 2025", "Posted 3 March 2024 in a long story line"];
        let blocks = blocks::split(&text);
        let date = first_date(&blocks, Calendar::default()).map(|d| d.date().to_string());
        assert_eq!(date.as_deref(), Some("2025-12-12"));
    }

    #[test]
    fn labelled_publication_dates_are_found_anywhere() {
        let day = |text: &[&str]| {
            labelled_date(&blocks::split(text), Calendar::default()).map(|d| d.date().to_string())
        };
        let below =
            ["Menu", "", "Comment by Ola, 4 May 2025", "", "Posted on March 2, 2024 in Gardening, Tools"];
        assert_eq!(day(&below).as_deref(), Some("2024-03-02"));
        assert_eq!(day(&["Published On: 2 March 2024"]).as_deref(), Some("2024-03-02"));
        let stacked = ["Published", "", "Publish date", "", "2 March 2024", "", "Reviewed", "", "5 May 2025"];
        assert_eq!(day(&stacked).as_deref(), Some("2024-03-02"));
        assert_eq!(day(&["Posted in Gardening on March 2, 2024"]), None);
        assert_eq!(day(&["Published", "", "A story about the garden, March 2, 2024"]), None);
        assert_eq!(day(&["Updated March 2, 2024"]), None);
    }

    #[test]
    fn published_dates_go_before_updated_ones() {
        let text = ["Ten Tips for Better Sleep", "", "Updated May 4, 2025", "", "Published March 2, 2024"];
        let blocks = blocks::split(&text);
        let date = find_date(&blocks, Some(0), Calendar::default()).map(|d| d.date().to_string());
        assert_eq!(date.as_deref(), Some("2024-03-02"));
        let glued = ["Updated May 4, 2025 Originally published March 2, 2024"];
        let date =
            find_date(&blocks::split(&glued), Some(0), Calendar::default()).map(|d| d.date().to_string());
        assert_eq!(date.as_deref(), Some("2024-03-02"));
        assert_eq!(date_label("Last modified: "), 3);
        let sidebar =
            ["Events", "", "01/04/2025", "", "Ten Tips for Better Sleep", "", "03/02/2024 by Jane Doe"];
        let date =
            find_date(&blocks::split(&sidebar), Some(2), Calendar::default()).map(|d| d.date().to_string());
        assert_eq!(date.as_deref(), Some("2024-03-02"));
        assert_eq!(date_label("by Jane Doe"), 0);
        let log = [
            "Ten Tips for Better Sleep",
            "",
            "  • 2024-05-04 Added a section on naps and the research behind them.",
            "  • March 2, 2024",
        ];
        let date =
            find_date(&blocks::split(&log), Some(0), Calendar::default()).map(|d| d.date().to_string());
        assert_eq!(date.as_deref(), Some("2024-03-02"));
    }

    #[test]
    fn bylines_after_dates_in_meta_lines_and_under_pictures() {
        let page = |lines: &[&str]| blocks::split(lines);
        let names = |b: Option<byline::Byline>| b.map(|b| b.authors).unwrap_or_default();
        let dated = page(&["Published August 7, 2023 by Nicole Smith", "", "Photo by Ann Lee, May 2, 2024"]);
        assert_eq!(names(dated_byline(&dated)), ["Nicole Smith"]);
        assert_eq!(names(dated_byline(&dated[1..])), Vec::<String>::new());
        let avatar = page(&["Avatar photo by Ysolde Brannock May 2, 2024"]);
        assert_eq!(names(dated_byline(&avatar)), ["Ysolde Brannock"]);
        assert!(names(dated_byline(&page(&["Cover photo by Ysolde Brannock May 2, 2024"]))).is_empty());
        assert!(names(dated_byline(&page(&["May 2, 2024 · Reviewed by Ysolde Brannock"]))).is_empty());
        let glued = page(&["On May 2, 2024 By Gabby BrownIn Budget Travel"]);
        assert_eq!(names(dated_byline(&glued)), ["Gabby Brown"]);
        let meta = page(&["Travel Tips", "", "Faith Johnson • Oct 20, 2025"]);
        assert_eq!(names(person_line(&meta)), ["Faith Johnson"]);
        assert_eq!(
            names(person_line(&page(&["Dec 26, 2025 · Mary Davis in Project Management"]))),
            Vec::<String>::new()
        );
        assert_eq!(names(person_line(&page(&["Follow", "", "Select Page"]))), Vec::<String>::new());
        let pictured = page(&["Picture of Hugh Pennington", "", "Hugh Pennington"]);
        assert_eq!(names(pictured_person(&pictured)), ["Hugh Pennington"]);
        assert_eq!(names(pictured_person(&page(&["Jane Miller's avatar"]))), ["Jane Miller"]);
        let described =
            page(&["Headshot of Helen Brannock, MD, FXYZ, with a lake behind her in a white coat"]);
        assert_eq!(names(pictured_person(&described)), ["Helen Brannock"]);
        let unknown = page(&["Quillon Tarnwick's image", "", "Quillon Tarnwick", "", "Senior Writer"]);
        assert_eq!(names(pictured_person(&unknown)), ["Quillon Tarnwick"]);
        assert_eq!(
            names(pictured_person(&page(&["Quillon Tarnwick profile pic", "", "Quillon Tarnwick"]))),
            ["Quillon Tarnwick"]
        );
        assert!(names(pictured_person(&page(&["Quillon Tarnwick's image", "", "Share this"]))).is_empty());
        assert!(names(pictured_person(&page(&["Tarnwick Avatar", "", "Tarnwick"]))).is_empty());
    }

    #[test]
    fn a_name_shaped_line_beside_a_date_is_the_byline() {
        let page = |lines: &[&str]| blocks::split(lines);
        let names = |b: Option<byline::Byline>| b.map(|b| b.authors).unwrap_or_default();
        let head = "Ten Tips for Better Sleep";
        let beside = page(&[head, "", "Tarun Velkar", "", "Dec 18, 2025", "", "Sleep matters."]);
        assert_eq!(names(dated_name_line(&beside, Some(0))), ["Tarun Velkar"]);
        let twice = page(&[head, "", "Zdenka Horvatova", "", "Zdenka Horvatova", "", "5 min read"]);
        assert_eq!(names(dated_name_line(&twice, Some(0))), ["Zdenka Horvatova"]);
        let glued = page(&[head, "", "Dec 17, 2025Quillon Marsh in Gardening"]);
        assert_eq!(names(dated_name_line(&glued, Some(0))), ["Quillon Marsh"]);
        let pictured = page(&[head, "", "Picture of Tarun Velkar", "", "March 3, 2024"]);
        assert_eq!(names(dated_name_line(&pictured, Some(0))), ["Tarun Velkar"]);
        for label in ["Travel Tips", "Share", "Web Design", "Sustainability"] {
            let labelled = page(&[head, "", label, "", "Dec 18, 2025"]);
            assert!(names(dated_name_line(&labelled, Some(0))).is_empty(), "{label}");
        }
        let role = page(&[head, "", "Tarun Velkar", "", "Senior Editor", "", "Dec 18, 2025"]);
        assert_eq!(names(dated_name_line(&role, Some(0))), ["Tarun Velkar"]);
        let lone = page(&[head, "", "Quillon", "", "Newsletter", "", "Dec 18, 2025"]);
        assert!(names(dated_name_line(&lone, Some(0))).is_empty());
        let team = page(&[head, "", "Fernleaf Garden Team", "", "Dec 18, 2025"]);
        assert_eq!(names(dated_name_line(&team, Some(0))), ["Fernleaf Garden Team"]);
        assert!(is_team("Team Fernleaf") && is_team("Staff") && !is_team("Team 7") && !is_team("our team"));
        let far = page(&[head, "", "Tarun Velkar", "", "Sleep matters more than most people think."]);
        assert!(names(dated_name_line(&far, Some(0))).is_empty());
        let bullets = page(&[head, "", "• Quillon", "", "• Jan 23", "", "• 11 min read"]);
        assert_eq!(names(dated_name_line(&bullets, Some(0))), ["Quillon"]);
        let doctor = page(&[head, "", "• Dr. Velkar", "", "• Jan 4", "", "• 2 min read"]);
        assert_eq!(names(dated_name_line(&doctor, Some(0))), ["Dr. Velkar"]);
        assert!(names(dated_name_line(&page(&[head, "", "Dr. Share", "", "Jan 4"]), Some(0))).is_empty());
        let handle = page(&[head, "", "Tarun Velkar @tvelkar • Jan 26, 2026 • Reading time"]);
        assert_eq!(names(dated_name_line(&handle, Some(0))), ["Tarun Velkar"]);
        let editor = page(&[head, "", "Edited By: Tarun Velkar", "", "Last Updated: Dec 18, 2025"]);
        assert!(names(dated_name_line(&editor, Some(0))).is_empty());
        let reviewed = page(&[head, "", "Dec 18, 2025 · Reviewed by Tarun Velkar"]);
        assert!(names(dated_name_line(&reviewed, Some(0))).is_empty());
        let venue =
            page(&["Rovers v United (Sat)", "", "Quillonfield, Velkarton", "", "Saturday, 26 February 2005"]);
        assert!(names(dated_name_line(&venue, Some(0))).is_empty());
        let pair = page(&[head, "", "Tarun Velkar, Zdenka Horvatova", "", "Dec 18, 2025"]);
        assert_eq!(names(dated_name_line(&pair, Some(0))), ["Tarun Velkar", "Zdenka Horvatova"]);
    }

    #[test]
    fn author_boxes_name_the_writer() {
        let names = |lines: &[&str]| author_box(&blocks::split(lines)).map(|b| b.authors).unwrap_or_default();
        let bio = "Quillon writes about soil and seeds. His first book came out in 2021.";
        assert_eq!(names(&["About the Author", "", "Quillon Marsh", "", bio]), ["Quillon Marsh"]);
        assert_eq!(names(&["Photo of author", "", "Tarun Velkar", "", "Senior Editor"]), ["Tarun Velkar"]);
        assert_eq!(names(&["Author", "", "TV", "", "Tarun Velkar", "", "Staff Engineer"]), ["Tarun Velkar"]);
        assert_eq!(names(&["Written by", "", "Fernleaf Garden Team"]), ["Fernleaf Garden Team"]);
        assert_eq!(names(&["Quillon Marsh", "", "Quillon Marsh", "", bio]), ["Quillon Marsh"]);
        let full = "Tarun Velkar is a garden writer from Leeds. She has grown beans for 30 years.";
        assert_eq!(names(&["Menu", "", "Tarun Velkar", "", full]), ["Tarun Velkar"]);
        let product = "Acme Cloud is a platform for teams. It runs on every device.";
        assert!(names(&["Acme Cloud", "", product]).is_empty());
        assert!(names(&["Quillon Marsh", "", "Quillon writes about soil and seeds."]).is_empty());
        let prose = "Our garden team writes every week about soil, seeds and tools.";
        assert!(names(&["About the Author", "", prose]).is_empty());
        assert!(names(&["Written by", "", "Acme (Alpha, Beta)"]).is_empty());
    }

    #[test]
    fn a_name_alone_under_the_headline_is_the_byline() {
        let head = "Why Tide Pools Matter";
        let names = |lines: &[&str]| {
            let window = blocks::split(lines);
            find_byline(&window, Some(1), &window, &window).authors
        };
        let body = "Tide pools are small worlds, and they change with every tide that comes in.";
        assert_eq!(names(&["Menu", head, "Oskarv Lendrith", "", body]), ["Oskarv Lendrith"]);
        assert_eq!(names(&["Menu", head, head, "Oskarv Lendrith", "", body]), ["Oskarv Lendrith"]);
        assert!(names(&["Menu", head, "Coastal Ecology", "", body]).is_empty());
        assert!(names(&["Menu", head, body, "Oskarv Lendrith"]).is_empty());
    }

    #[test]
    fn short_dates_are_whole_lines_without_a_year() {
        for line in ["Jan 23", "• 4 Mar", "Sept. 9th", "3 days ago", "1 hour ago"] {
            assert!(SHORT_DATE.is_match(line), "{line}");
        }
        for line in ["Jan 23 was a cold day", "March", "23", "Main Street 12"] {
            assert!(!SHORT_DATE.is_match(line), "{line}");
        }
    }

    #[test]
    fn names_printed_again_are_taken_once() {
        assert_eq!(signed_again("Jane Doe By Jane Doe"), Some("By Jane Doe"));
        assert_eq!(signed_again("Picture of Jane Doe By Jane Doe"), Some("By Jane Doe"));
        assert_eq!(signed_again("Stand By Me"), None);
    }

    #[test]
    fn lone_names_must_be_full_names() {
        assert!(is_full_name("Owen Marsh"));
        assert!(!is_full_name("Contact"));
        assert!(!is_full_name("About Us"));
        assert!(!is_full_name("COMPANY TYPE"));
    }
}
