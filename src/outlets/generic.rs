//! The fallback for page dumps from outlets without a profile: finds the article in a page
//! full of navigation, prompts and footers, then its headline, byline and date around it.
//!
//! The page is split into labelled [blocks](super::blocks). The article is the stretch of
//! blocks with the most prose once boilerplate is counted against it (a maximum-sum run, so
//! short headings and list items inside the article stay while menus around it go). The
//! headline is the title-like line just above that stretch, and the byline and date are
//! looked for between the headline and the text.

use super::blocks::{self, Block, Kind};
use super::content::{self, Anchors};
use super::dump::{self, Page};
use super::headline;
use super::meta::{find_byline, find_date, first_date, is_meta_line, labelled_date};
use super::Outlet;
use crate::article::Draft;
use crate::dates::Calendar;

pub struct Generic;

impl Outlet for Generic {
    fn name(&self) -> &'static str {
        "Unknown"
    }

    fn detect(&self, _page: &Page) -> bool {
        true
    }

    fn parse_dump(&self, page: &Page) -> Draft {
        let Reading { blocks, mut draft, at } = read(page);
        draft.paragraphs = match at {
            Some(at) => content::article(&blocks, at)
                .into_iter()
                .map(|i| &blocks[i])
                .filter(|b| !is_aside(b, at, &blocks, &draft))
                .map(|b| b.text.clone())
                .collect(),
            None => longest_lines(&blocks),
        };
        draft
    }
}

/// The text of a page with no run of prose the block model knows (a language written
/// without spaces, or without the stop words of any list, or a page that is all article):
/// its long lines that are no list item and no boilerplate, rather than nothing.
fn longest_lines(blocks: &[Block]) -> Vec<String> {
    let long = |b: &&Block| b.letters >= LONG_LINE && !b.bullet && b.kind != Kind::Bad;
    blocks.iter().filter(long).map(|b| b.text.clone()).collect()
}

/// How many letters make a line long enough to be kept as text on a page without prose.
const LONG_LINE: usize = 40;

/// A page dump read as far as the choice of its text: its blocks, the headline, byline and
/// date, and where the article was first placed.
struct Reading {
    blocks: Vec<Block>,
    draft: Draft,
    at: Option<Anchors>,
}

fn read(page: &Page) -> Reading {
    let lines: Vec<&str> = page.text.lines().collect();
    let blocks = blocks::split(&lines);
    let mut draft = Draft::default();
    let Some((start, end)) = article_span(&blocks) else {
        if let Some(first) = blocks.first() {
            (draft.tags, draft.headline) = dump::split_headline_tags(&first.text);
        }
        return Reading { blocks, draft, at: None };
    };
    let picked = match page.heading.as_deref().and_then(|h| marked_heading(&blocks, h, end)) {
        Some(block) => Some((block, blocks[block].text.clone())),
        None => headline::pick(&blocks, start, end).map(|c| (c.block, c.text)),
    };
    let head = picked.as_ref().map(|c| c.0);
    let start = head.filter(|&h| h >= start && h < end && h <= start + 12).map_or(start, |h| h + 1);
    if let Some((_, text)) = picked {
        (draft.tags, draft.headline) = headline_of(&text);
    }
    let from = head.map_or(start.saturating_sub(8), |h| h.saturating_sub(6));
    // A headline found deep in the article (or its last block) still gets the lines
    // around it searched.
    let window = &blocks[from..(start + 6).min(end + 1).max((from + 12).min(blocks.len()))];
    let below = &blocks[..(end + 20).min(blocks.len())];
    draft.authors = find_byline(window, head.map(|h| h - from), &blocks[..=end], below).authors;
    let cal = Calendar::of(&page.text, page.zone);
    draft.published = find_date(window, head.map(|h| h - from), cal)
        .or_else(|| labelled_date(&blocks, cal))
        .or_else(|| first_date(&blocks[..=end], cal))
        .or_else(|| first_date(&blocks[end + 1..(end + 12).min(blocks.len())], cal));
    Reading { blocks, draft, at: Some(Anchors { start, end, head }) }
}

/// The version tags and headline a picked line reads as: a colon ending it introduces what
/// follows (it is not the title's), and a date written out beside it is the page's.
fn headline_of(line: &str) -> (Vec<String>, String) {
    dump::split_headline_tags(headline::without_beside_date(line.trim_end_matches([':', ' '])))
}

/// The block, up to the article's end, that holds the heading the page's format marked as its
/// only top-level one: the page's own word on its headline, as an HTML page's `<h1>` is.
fn marked_heading(blocks: &[Block], heading: &str, end: usize) -> Option<usize> {
    let wanted = heading.split_whitespace().collect::<Vec<_>>();
    blocks[..=end].iter().position(|b| b.text.split_whitespace().eq(wanted.iter().copied()))
}

/// Whether a block the model keeps is the headline (or shares its line), the byline or date
/// line, or an e-mail line, which are not the article's text.
fn is_aside(b: &Block, at: Anchors, blocks: &[Block], draft: &Draft) -> bool {
    Some(b.line) == at.head.map(|h| blocks[h].line) || is_meta_line(b, draft) || dump::is_email_line(&b.text)
}

/// Every block of a page dump with its features and whether it is the headline, byline or
/// date (never the text): what the block model's weights are fitted on.
pub fn body_blocks(page: &Page) -> Vec<BodyBlock> {
    let Reading { blocks, draft, at } = read(page);
    let Some(at) = at else { return Vec::new() };
    let features = content::features(&blocks, at);
    blocks
        .iter()
        .zip(features)
        .map(|(b, features)| BodyBlock {
            text: b.text.clone(),
            letters: b.letters,
            aside: is_aside(b, at, &blocks, &draft),
            features,
        })
        .collect()
}

/// One block of a page dump as the block model sees it.
#[derive(Debug, Clone)]
pub struct BodyBlock {
    pub text: String,
    pub letters: usize,
    /// The headline, byline, date or e-mail line: left out whatever the model says.
    pub aside: bool,
    pub features: content::Features,
}

/// Every headline candidate of a page dump, as the headline it would give and its features:
/// what the headline ranker's weights are fitted on.
pub fn headline_candidates(page: &Page) -> Vec<(String, headline::Features)> {
    let lines: Vec<&str> = page.text.lines().collect();
    let blocks = blocks::split(&lines);
    let Some((start, end)) = article_span(&blocks) else { return Vec::new() };
    let found = headline::candidates(&blocks, start, end);
    found.into_iter().map(|c| (headline_of(&c.text).1, c.features)).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_deep_in_the_article_does_not_cut_its_start() {
        let prose = "Sleep matters more than most people think, and these simple habits help people of \
                     every age improve their memory, their mood and their health in the long run. Most of \
                     them cost nothing, and all of them are easier to keep than people expect.";
        let first = format!("First paragraph. {prose}");
        let mut lines: Vec<&str> = vec![&first, ""];
        lines.extend([prose, ""].repeat(15));
        lines.extend(["Ten Tips for Better Sleep", "", prose]);
        let draft = Generic.parse_dump(&Page::new(&lines.join("\n")));
        assert_eq!(draft.headline, "Ten Tips for Better Sleep");
        assert_eq!(draft.paragraphs.first(), Some(&first));
    }

    #[test]
    fn an_article_in_another_language_is_found_by_its_own_stop_words() {
        let prose = "Le conseil municipal a voté mardi soir un budget qui prévoit de rénover les écoles \
                     du quartier avant la fin de l'année, et les parents se disent soulagés par cette \
                     décision attendue depuis plusieurs mois.";
        let page =
            ["Accueil", "", "Politique", "", "Sport", "", "Un budget pour les écoles", "", prose, "", prose];
        let draft = Generic.parse_dump(&Page::new(&page.join("\n")));
        assert!(draft.paragraphs.iter().any(|p| p == prose), "{:?}", draft.paragraphs);
        assert!(!draft.paragraphs.iter().any(|p| p == "Accueil"));
    }

    #[test]
    fn a_page_without_prose_keeps_its_long_lines() {
        let filler =
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt";
        let page = ["Menu", "", filler, "", "  • Home", "", filler];
        let draft = Generic.parse_dump(&Page::new(&page.join("\n")));
        assert_eq!(draft.paragraphs, vec![filler, filler]);
    }
}
