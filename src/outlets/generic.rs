//! The fallback for page dumps from outlets without a profile: finds the article in a page
//! full of navigation, prompts and footers, then its headline, byline and date around it.
//!
//! The page is split into labelled [blocks](super::blocks). The article is the stretch of
//! blocks with the most prose once boilerplate is counted against it (a maximum-sum run, so
//! short headings and list items inside the article stay while menus around it go). The
//! headline is the title-like line just above that stretch, and the byline and date are
//! looked for between the headline and the text.

use std::collections::HashSet;

use super::blocks::{self, Block, Kind};
use super::dump::{self, Page};
use super::{byline, Outlet};
use crate::article::{Draft, Published};
use crate::dates::{self, Zone};
use crate::text;

pub struct Generic;

impl Outlet for Generic {
    fn name(&self) -> &'static str {
        "Unknown"
    }

    fn detect(&self, _page: &Page) -> bool {
        true
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let lines: Vec<&str> = page.text.lines().collect();
        let blocks = blocks::split(&lines);
        let mut draft = Draft::default();
        let Some((start, end)) = article_span(&blocks) else {
            if let Some(first) = blocks.first() {
                (draft.tags, draft.headline) = dump::split_headline_tags(&first.text);
            }
            return draft;
        };
        let head = headline_at(&blocks, start, end);
        let start = head.filter(|&h| h >= start && h < end).map_or(start, |h| h + 1);
        if let Some(h) = head {
            (draft.tags, draft.headline) = dump::split_headline_tags(&blocks[h].text);
        }
        let from = head.map_or(start.saturating_sub(8), |h| h.saturating_sub(6));
        let window = &blocks[from..(start + 6).min(end + 1)];
        draft.authors = find_byline(window, &blocks[..=end]).authors;
        draft.published = find_date(window, head.map(|h| h - from), page.zone)
            .or_else(|| first_date(&blocks[..=end], page.zone));
        let skip = |b: &Block| Some(b.line) == head.map(|h| blocks[h].line) || is_meta_line(b, &draft);
        draft.paragraphs = blocks[start..=end]
            .iter()
            .filter(|b| b.kind != Kind::Bad && !skip(b))
            .filter(|b| !dump::is_email_line(&b.text))
            .map(|b| b.text.clone())
            .collect();
        draft
    }
}

/// The byline and date printed around a headline among a page's visible lines (an HTML
/// page's, one element's text a line): what a page that declares neither shows its readers.
/// A lone name must look like a full name: an HTML page's lines are full of short
/// capitalised labels (`Contact`, `About Us`) beside dates.
/// Without a date beside the headline, the page's first short dated line is taken.
pub fn printed_meta(lines: &[String], headline: &str, zone: Zone) -> (byline::Byline, Option<Published>) {
    let spaced: Vec<&str> = lines.iter().flat_map(|l| [l.as_str(), ""]).collect();
    let blocks = blocks::split(&spaced);
    let key = fold(headline);
    let Some(head) = blocks.iter().position(|b| !key.is_empty() && fold(&b.text) == key) else {
        return (byline::Byline::default(), first_date(&blocks, zone));
    };
    let from = head.saturating_sub(6);
    let window = &blocks[from..(head + 12).min(blocks.len())];
    let by = written_byline(window)
        .or_else(|| dated_name(window))
        .or_else(|| Some(lone_name(window, &blocks)).filter(|b| b.authors.iter().all(|a| is_full_name(a))));
    let date = find_date(window, Some(head - from), zone).or_else(|| first_date(&blocks, zone));
    (by.unwrap_or_default(), date)
}

/// A name that shares a line with a date, set apart by a separator (`May 2, 2025 · Jane Doe`,
/// `2025-12-17 · Jane Doe in Gardening`, `Mar 3, 2025 • 3 min read • By Jane Doe`): the
/// article's meta line, not a name in its text.
fn dated_name(window: &[Block]) -> Option<byline::Byline> {
    window.iter().filter(|b| b.words <= 20 && dates::find_in(&b.text).is_some()).find_map(|b| {
        META_SEPARATOR.split(&b.text).filter(|p| dates::find_in(p).is_none()).find_map(|piece| {
            byline::parse_line(piece).or_else(|| {
                let name = NAME_TAIL.replace(piece.trim(), "");
                (!name.contains(',') && is_full_name(&name)).then(|| byline::parse(&name))
            })
        })
    })
}

static META_SEPARATOR: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\s*[·•⋅|]\s*").expect("valid regex"));

static NAME_TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\s+(?:in|on|at|for)\s.*$|\s+on behalf of\s.*$").expect("valid regex")
});

/// Two or three capitalised words, none of them all capitals or an English function word:
/// `Jack Shepherd`, not `Contact`, `About Us` or `COMPANY TYPE`.
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

/// Lower-cased letters and digits only: for finding a headline among lines.
fn fold(s: &str) -> String {
    text::straighten(s).to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How much a block adds to (prose) or takes from (boilerplate) a stretch of article.
fn weight(b: &Block) -> f32 {
    let chars = b.letters as f32 * 1.2;
    match b.kind {
        Kind::Good => chars,
        Kind::Near if b.ends_sentence() => chars * 0.5,
        Kind::Near => chars * 0.15,
        Kind::Short if b.bullet => -(chars.min(60.0)) * 1.0 - 15.0,
        Kind::Short => -(chars.min(60.0)) * 0.6 - 10.0,
        Kind::Bad => -(chars.min(200.0)) - 20.0,
    }
}

/// The first and last block of the stretch with the greatest total weight.
fn article_span(blocks: &[Block]) -> Option<(usize, usize)> {
    let (mut best, mut best_span) = (0.0f32, None);
    let (mut sum, mut from) = (0.0f32, 0usize);
    for (i, b) in blocks.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += weight(b);
        if sum > best {
            best = sum;
            best_span = Some((from, i));
        }
    }
    let (from, to) = best_span?;
    let start = (from..=to).find(|&i| blocks[i].kind >= Kind::Near).unwrap_or(from);
    let end =
        (start..=to).rev().find(|&i| blocks[i].kind == Kind::Good || blocks[i].ends_sentence()).unwrap_or(to);
    Some((start, end))
}

/// The headline: the best title-like block above the article's first prose block. Headlines
/// sit close to the text, are followed by a byline or date, are often printed twice
/// (breadcrumbs, share boxes, the page title), and are more than a name or a photo credit.
fn headline_at(blocks: &[Block], start: usize, end: usize) -> Option<usize> {
    let lowest = start.saturating_sub(20);
    let highest = (start + BELOW).min(end);
    let echoes = echo_keys(blocks);
    let candidates = (lowest..=highest).filter(|&i| i < start || blocks[i].kind < Kind::Good);
    let scored = candidates
        .filter(|&i| is_title_like(&blocks[i]))
        .map(|i| (title_score(blocks, i, start) + echo_bonus(&echoes, &blocks[i]), i))
        .filter(|&(score, i)| i <= start || score >= BELOW_MIN);
    scored.max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, i)| i)
}

/// How far into the article's first blocks a headline is looked for, and the score it needs
/// there: pages whose menus read like prose start the article too early.
const BELOW: usize = 12;
const BELOW_MIN: f32 = 3.0;

fn title_score(blocks: &[Block], i: usize, start: usize) -> f32 {
    let b = &blocks[i];
    let mut score = -0.25 * start.abs_diff(i) as f32;
    if (4..=25).contains(&b.words) {
        score += 1.5;
    }
    if b.copies > 1 {
        score += 1.0;
    }
    if meta_after(blocks, i) {
        score += 2.0;
    }
    if b.words <= 3 && byline::looks_like_name(&b.text) {
        score -= 2.0;
    }
    if CREDIT.is_match(&b.text) {
        score -= 3.0;
    }
    if i > 0 && is_heading_above(&blocks[i - 1]) {
        score -= 1.0;
    }
    score
}

/// Whether a byline or date line comes within four blocks below block `i`.
fn meta_after(blocks: &[Block], i: usize) -> bool {
    blocks.iter().skip(i + 1).take(4).any(is_meta)
}

fn is_meta(n: &Block) -> bool {
    byline::parse_line(&n.text).is_some() || (n.words <= 12 && dates::find_in(&n.text).is_some())
}

/// Whether a block is itself a heading line, so that the one below it is its standfirst.
fn is_heading_above(b: &Block) -> bool {
    is_title_like(b)
        && !b.bullet
        && (4..=25).contains(&b.words)
        && !CREDIT.is_match(&b.text)
        && TRAIL.find(&b.text).is_none()
}

/// Folded first and last parts of the page's trails and titles (`Home > Blog > TITLE`,
/// `TITLE | Site`): a line the page echoes this way is its headline.
fn echo_keys(blocks: &[Block]) -> HashSet<String> {
    let ends = |b: &Block| {
        let parts: Vec<&str> = TRAIL.split(&b.text).filter(|p| !p.trim().is_empty()).collect();
        (parts.len() >= 2).then(|| [fold(parts[0]), fold(parts[parts.len() - 1])])
    };
    blocks.iter().filter_map(ends).flatten().collect()
}

fn echo_bonus(echoes: &HashSet<String>, b: &Block) -> f32 {
    if echoes.contains(&fold(&b.text)) {
        2.0
    } else {
        0.0
    }
}

static TRAIL: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\s*[>»›▸]\s*|\s+[/|\-–—]\s+|/").expect("valid regex"));

static CREDIT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)//|getty|shutterstock|\bcredit\b|\bphoto(?:graph)?\b|\bimage\b|\bcourtesy\b|^(?:updated|published|posted|last)\b|\b(?:logo|icon|avatar|headshot|picture of|profile (?:pic|image|photo))\b|\[ *\]|\[(?:submit|search|go)\]|\b(?:sign in|log ?in|sign up)\b")
        .expect("valid regex")
});

fn is_title_like(b: &Block) -> bool {
    let chars = b.text.chars().count();
    (3..=40).contains(&b.words)
        && (12..=250).contains(&chars)
        && b.kind != Kind::Bad
        && !b.bullet
        && !b.text.ends_with(['.', ',', ';'])
        && dates::find_in(&b.text).is_none_or(|(_, at)| at > 0 && b.words > 6)
        && byline::parse_line(&b.text).is_none()
        && b.text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“')
}

/// The byline beside the headline (written, else a lone name), else the first one written
/// above the article's end. `page` is the page down to the article's end.
fn find_byline(window: &[Block], page: &[Block]) -> byline::Byline {
    written_byline(window)
        .or_else(|| Some(lone_name(window, page)).filter(|b| !b.authors.is_empty()))
        .or_else(|| written_byline(page))
        .unwrap_or_default()
}

/// A byline the page introduces as one: `By NAME`, `Author: NAME`, or `Written by` over the
/// name's line.
fn written_byline(window: &[Block]) -> Option<byline::Byline> {
    for (i, b) in window.iter().enumerate() {
        if let Some(by) = byline::parse_line(&b.text) {
            return Some(by);
        }
        let next = window.get(i + 1).map(|n| n.text.as_str()).unwrap_or("");
        if LEAD_ONLY.is_match(&b.text) && byline::looks_like_name(next) {
            return Some(byline::parse(next));
        }
    }
    None
}

/// A name printed alone beside a date or with the author's picture.
fn lone_name(window: &[Block], page: &[Block]) -> byline::Byline {
    for (i, b) in window.iter().enumerate() {
        let name = undouble(&b.text);
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

/// `Jane Doe Jane Doe` (a name printed twice by a linked avatar) -> `Jane Doe`.
fn undouble(text: &str) -> &str {
    let half = text.len() / 2;
    match text.get(..half) {
        Some(first) if text.len() % 2 == 1 && text.get(half + 1..) == Some(first) => first,
        _ => text,
    }
}

static LEAD_ONLY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(?:(?:written|posted|published|article|story)\s+)?by:?$|^authors?:?$")
        .expect("valid regex")
});

static PICTURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:picture|photo|avatar|image|headshot|portrait)\b").expect("valid regex")
});

/// The date nearest the headline among the lines around it; a date written in the page's
/// first lines otherwise.
fn find_date(window: &[Block], head: Option<usize>, zone: Zone) -> Option<Published> {
    let anchor = head.unwrap_or(0);
    let mut found: Vec<(usize, chrono::NaiveDate)> = window
        .iter()
        .enumerate()
        .filter(|(_, b)| b.words <= 25)
        .filter_map(|(i, b)| dates::find_in(&b.text).map(|(d, _)| (i.abs_diff(anchor), d)))
        .collect();
    found.sort_by_key(|(dist, _)| *dist);
    let (_, day) = found.first()?;
    Some(Published::Day(*day, zone.offset_on(*day)))
}

/// The first date the page prints on a short line: pages print the article's date above
/// its text, so when none sits beside the headline, the first one is the best guess.
fn first_date(blocks: &[Block], zone: Zone) -> Option<Published> {
    let (day, _) = blocks.iter().filter(|b| b.words <= 25).find_map(|b| dates::find_in(&b.text))?;
    Some(Published::Day(day, zone.offset_on(day)))
}

/// Whether a block inside the article is its byline or date line, not its text.
fn is_meta_line(b: &Block, draft: &Draft) -> bool {
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
            "Edzel Tabing",
            "Last updated Aug 04, 2025",
            "Sleep matters more than most people think, and the evidence keeps growing.",
        ]);
        let (by, date) = printed_meta(&page, "Ten Tips for Better Sleep Tonight", Zone::default());
        assert_eq!(by.authors, ["Edzel Tabing"]);
        assert_eq!(date.map(|d| d.date().to_string()).as_deref(), Some("2025-08-04"));
        assert!(printed_meta(&page, "Another Headline", Zone::default()).0.authors.is_empty());
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
            let (by, _) = printed_meta(&page, "Ten Tips for Better Sleep Tonight", Zone::default());
            assert_eq!(by.authors, ["Jane Doe"], "{line}");
        }
        for line in ["May 2, 2025 · Read More", "Garden, Sleep · May 2, 2025"] {
            let page = lines(&["Ten Tips for Better Sleep Tonight", line, "Sleep matters."]);
            let (by, _) = printed_meta(&page, "Ten Tips for Better Sleep Tonight", Zone::default());
            assert!(by.authors.is_empty(), "{line}");
        }
    }

    #[test]
    fn the_first_short_dated_line_is_the_fallback_date() {
        let text = ["Menu", "Updated December 12, 2025", "Posted 3 March 2024 in a long story line"];
        let blocks = blocks::split(&text);
        let date = first_date(&blocks, Zone::default()).map(|d| d.date().to_string());
        assert_eq!(date.as_deref(), Some("2025-12-12"));
    }

    #[test]
    fn lone_names_must_be_full_names() {
        assert!(is_full_name("Jack Shepherd"));
        assert!(!is_full_name("Contact"));
        assert!(!is_full_name("About Us"));
        assert!(!is_full_name("COMPANY TYPE"));
    }

    #[test]
    fn trails_and_page_titles_echo_the_headline() {
        let text = [
            "Home > Blog > Ten Tips for Better Sleep",
            "",
            "Ten Tips for Better Sleep",
            "",
            "Best Sleep Tips | Sleep Site",
        ];
        let blocks = blocks::split(&text);
        let echoes = echo_keys(&blocks);
        assert_eq!(echo_bonus(&echoes, &blocks[1]), 2.0);
        assert_eq!(echo_bonus(&echoes, &blocks[0]), 0.0);
        assert!(echoes.contains(&fold("Best Sleep Tips")));
    }

    #[test]
    fn a_line_below_a_heading_is_its_standfirst() {
        let text = [
            "Ten Tips for Better Sleep Tonight",
            "",
            "Home > Blog > Sleep tips for you",
            "",
            "Search for: [ ] Search",
        ];
        let blocks = blocks::split(&text);
        assert!(is_heading_above(&blocks[0]));
        assert!(!is_heading_above(&blocks[1]));
        assert!(!is_heading_above(&blocks[2]));
    }

    #[test]
    fn meta_below_a_line_is_found_within_four_blocks() {
        let text = ["Ten Tips for Better Sleep Tonight", "", "Sleep matters", "", "By Jane Doe"];
        let blocks = blocks::split(&text);
        assert!(meta_after(&blocks, 0));
        assert!(!meta_after(&blocks, 2));
    }

    #[test]
    fn alt_text_and_form_fields_are_no_headlines() {
        for line in [
            "Picture of Andrew King",
            "Search terms [ ] [SUBMIT]",
            "Buy me a coffee logo",
            "Sign in to comment",
        ] {
            assert!(CREDIT.is_match(line), "{line}");
        }
        assert!(!CREDIT.is_match("Best Audiobook Subscriptions in 2025 [Tried 11 Services]"));
    }
}
