//! A page dump as blocks of text, each labelled by how much it reads like article prose.
//!
//! The ideas are jusText's and boilerpipe's, applied to the lines a text browser prints:
//! wrapped lines are joined back into paragraphs, list items and short lines stay apart,
//! and each block is judged by its length, its share of stop words, whether it ends like
//! a sentence, whether it is a list item, whether the page repeats it, and whether it says
//! what navigation, sharing, subscription, cookie and footer text says.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::language::StopWords;

/// How much a block reads like article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Navigation, prompts, notices, repeated lines.
    Bad,
    /// Too short to tell: headings, labels, menu items.
    Short,
    /// Sentence-like but short.
    Near,
    /// Prose: long, full of stop words.
    Good,
}

/// One paragraph, list item or short line of a page dump.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// The line it starts on (0-based, counting blank lines).
    pub line: usize,
    /// Whether the line starts with a list bullet (the bullet is not in `text`).
    pub bullet: bool,
    pub words: usize,
    /// Letters and digits: the length that counts (rules and bullets are not text).
    pub letters: usize,
    /// Share of the words that are stop words of the page's language (see [`StopWords`]).
    pub stop: f32,
    /// How many blocks of the page have the same text.
    pub copies: usize,
    pub kind: Kind,
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[•◦▪▫■□☆★●○◆◇►▸‣∙·*+>-]|o\s|\d{1,2}[.)]\s|\[\d{1,3}\])\s*").expect("valid regex")
});

/// Splits a page's lines into blocks: a line continues the block above when that line was
/// wrapped (it ran close to the page's width) and this one is no list item.
pub fn split(lines: &[&str]) -> Vec<Block> {
    let width = wrap_width(lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut previous_len = 0usize;
    let mut open = false;
    for (i, raw) in lines.iter().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        let bullet = BULLET.find(raw).filter(|m| m.end() < raw.len());
        let text = squash(bullet.map_or(trimmed, |m| &raw[m.end()..]));
        if text.is_empty() {
            open = false;
            continue;
        }
        let continues = open && bullet.is_none() && previous_len * 10 >= width * 7 && {
            // Wrapped: the line's first word would not have fitted after the line above.
            let first = raw.split_whitespace().next().map_or(0, |w| w.chars().count());
            previous_len + 1 + first + SLACK > width
        };
        match blocks.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => blocks.push(Block::new(text, i, bullet.is_some())),
        }
        previous_len = raw.trim_end().chars().count();
        open = true;
    }
    label(&mut blocks, StopWords::of(lines));
    blocks
}

/// How many columns short of the page's width a browser may still wrap a line.
const SLACK: usize = 2;

/// The width the browser wrapped at: the longest lines, ignoring a few outliers.
fn wrap_width(lines: &[&str]) -> usize {
    let mut lens: Vec<usize> =
        lines.iter().map(|l| l.trim_end().chars().count()).filter(|n| *n > 0).collect();
    lens.sort_unstable();
    let at = lens.len().saturating_sub(1 + lens.len() / 50);
    lens.get(at).copied().unwrap_or(80).max(40)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Block {
    fn new(text: String, line: usize, bullet: bool) -> Block {
        Block { text, line, bullet, words: 0, letters: 0, stop: 0.0, copies: 1, kind: Kind::Short }
    }

    /// Whether the block ends like a sentence.
    pub fn ends_sentence(&self) -> bool {
        let t = self.text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*']);
        t.ends_with(['.', '!', '?', ':', ';', '…'])
    }
}

fn label(blocks: &mut [Block], stop_words: StopWords) {
    let lowered: Vec<String> = blocks.iter().map(|b| b.text.to_lowercase()).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for text in &lowered {
        *counts.entry(text).or_default() += 1;
    }
    for (b, text) in blocks.iter_mut().zip(&lowered) {
        b.copies = counts[text.as_str()];
        let words: Vec<&str> = b.text.split_whitespace().collect();
        b.words = words.len();
        b.letters = b.text.chars().filter(|c| c.is_alphanumeric()).count();
        let stops = words.iter().filter(|w| stop_words.contains(w)).count();
        b.stop = if words.is_empty() { 0.0 } else { stops as f32 / words.len() as f32 };
        b.kind = kind_of(b);
    }
}

fn kind_of(b: &Block) -> Kind {
    if is_boilerplate(&b.text) {
        return Kind::Bad;
    }
    let chars = b.letters * 6 / 5;
    if chars >= 150 && b.stop >= 0.22 || chars >= 90 && b.stop >= 0.30 && b.ends_sentence() {
        Kind::Good
    } else if b.words >= 6 && b.stop >= 0.15 && (b.ends_sentence() || chars >= 70) {
        Kind::Near
    } else {
        Kind::Short
    }
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^(?:advertisement|advertisements|sponsored|skip\ to\ (?:the\ )?(?:main\ )?(?:content|article|navigation)|menu|search|close|share|share\ this(?:\ article|\ post|\ story)?|
          tweet|pin\ it|email|print|comments?|reply|log\ ?in|sign\ ?in|sign\ ?up|register|subscribe|back\ to\ top|load\ more|show\ more|read\ more|
          related(?:\ (?:articles|posts|stories|content))?|you\ (?:may|might)\ also\ like|recommended(?:\ for\ you)?|trending(?:\ now)?|popular\ posts|
          more\ (?:from|on|in|stories)(?-u:\b).*|tags?:.*|categor(?:y|ies):.*|filed\ under:?.*|previous(?:\ (?:post|article))?|next(?:\ (?:post|article))?|
          table\ of\ contents|contents|follow\ us.*|share\ (?:on|via)(?-u:\b).*|leave\ a\ (?:reply|comment).*|\d+\ comments?|no\ comments.*|
          loading.*|cookie\ settings|accept(?:\ all)?(?:\ cookies)?|reject\ all|manage\ (?:preferences|cookies)|privacy\ policy|terms\ (?:of\ (?:use|service)|and\ conditions)
        )$
        |cookies?(?-u:\b).{0,80}(?-u:\b)(?:consent|accept|experience|browsing|preferences|use\ of|we\ use|this\ (?:site|website))|(?:we\ use|this\ (?:site|website)\ uses)\ cookies
        |(?-u:\b)(?:subscribe|sign\ up)(?-u:\b).{0,60}(?-u:\b)(?:newsletter|inbox|updates|email)|(?-u:\b)newsletter(?-u:\b).{0,40}(?-u:\b)(?:sign\ up|subscribe)
        |all\ rights\ reserved|^(?:copyright|©|\(c\))|©\ ?(?:19|20)\d\d
        |your\ email\ address\ will\ not\ be\ published|required\ fields\ are\ marked
        |javascript\ (?:is\ )?(?:disabled|required)|enable\ javascript|please\ enable
        |^(?:share|follow)(?-u:\b).{0,30}(?-u:\b)(?:facebook|twitter|linkedin|pinterest|whatsapp)
        |^(?:facebook|twitter|x|linkedin|pinterest|instagram|youtube|tiktok|reddit|whatsapp|email|copy\ link)(?:\s*[|/,]\s*\w+)*$
        ",
    )
    .expect("valid regex")
});

/// Whether a line says what navigation, sharing, subscribing, cookie and footer text says.
pub fn is_boilerplate(text: &str) -> bool {
    BOILERPLATE.is_match(text.trim())
}

const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "my", "no", "not",
    "of", "on", "one", "only", "or", "other", "our", "out", "over", "she", "so", "some", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "up",
    "us", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would",
    "you", "your",
];

/// The stop words packed into integers (see [`pack`]), sorted: a lookup compares integers
/// instead of strings, which matters because every word of every page is looked up.
static PACKED_STOP_WORDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut packed: Vec<u64> = STOP_WORDS.iter().filter_map(|w| pack(w)).collect();
    packed.sort_unstable();
    packed
});

/// An ASCII word of at most 8 letters as one integer, lower-cased.
fn pack(word: &str) -> Option<u64> {
    if word.len() > 8 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    Some(u64::from_be_bytes(buf))
}

/// Whether a word, punctuation around it aside, is an English stop word.
pub fn is_stop_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    pack(w).is_some_and(|key| PACKED_STOP_WORDS.binary_search(&key).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_in_another_language_is_prose() {
        let prose = "Le conseil municipal a voté mardi soir un budget qui prévoit de rénover les écoles du \
                     quartier avant la fin de l'année, et les parents se disent soulagés par cette décision.";
        assert_eq!(split(&[prose])[0].kind, Kind::Good);
        let mut english_only = split(&[prose]);
        label(&mut english_only, StopWords::English);
        assert_eq!(english_only[0].kind, Kind::Short);
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("The") && is_stop_word("(because,") && is_stop_word("THROUGH"));
        assert!(!is_stop_word("sleep") && !is_stop_word("thé") && !is_stop_word("furthermore"));
    }

    #[test]
    fn wrapped_lines_join_and_list_items_stay_apart() {
        let long = "word ".repeat(16);
        let lines = [long.trim(), "continued here.", "", "  • Home", "  • About us", "Short line"];
        let blocks = split(&lines);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![format!("{} continued here.", long.trim()).as_str(), "Home", "About us", "Short line"]
        );
        assert!(blocks[1].bullet && !blocks[0].bullet);
    }

    #[test]
    fn a_numbered_mark_is_a_bullet_and_a_bracketed_year_is_not() {
        let blocks = split(&["[3] Tide tables", "", "[2024] A Year of Tide Pools"]);
        let marks: Vec<(&str, bool)> = blocks.iter().map(|b| (b.text.as_str(), b.bullet)).collect();
        assert_eq!(marks, vec![("Tide tables", true), ("[2024] A Year of Tide Pools", false)]);
    }

    #[test]
    fn a_long_line_whose_next_word_would_have_fitted_ends_its_block() {
        // 70 columns wide: a 55-column headline was not wrapped, the byline under it is apart.
        let wide = "wrapped prose runs right up to the page's edge before it breaks a line";
        let lines = [
            wide,
            "here.",
            "",
            "Coding Agents Tested: GPT-5 Excels in Minesweeper Games",
            "Written by Ana Li",
        ];
        let texts: Vec<String> = split(&lines).into_iter().map(|b| b.text).collect();
        assert_eq!(texts[0], format!("{wide} here."));
        assert_eq!(
            texts[1..],
            ["Coding Agents Tested: GPT-5 Excels in Minesweeper Games", "Written by Ana Li"]
        );
    }

    #[test]
    fn prose_is_good_and_prompts_are_bad() {
        let prose =
            "Protein continues to dominate the wellness conversation, and for good reason: it supports \
                     muscle recovery, keeps you feeling full, and fuels busy days for all of us.";
        let lines = [prose, "", "Subscribe to our newsletter for weekly updates", "", "Login", "", "Login"];
        let kinds: Vec<Kind> = split(&lines).iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![Kind::Good, Kind::Bad, Kind::Bad, Kind::Bad]);
    }

    #[test]
    fn boilerplate_phrases() {
        for b in [
            "Advertisement",
            "Share this article",
            "We use cookies to improve your experience.",
            "© 2025 Example Inc.",
        ] {
            assert!(is_boilerplate(b), "{b}");
        }
        for ok in ["Share prices fell on Monday.", "The cookie jar was empty when she got home."] {
            assert!(!is_boilerplate(ok), "{ok}");
        }
    }
}
