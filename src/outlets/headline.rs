//! The headline of a page dump: every title-like line above (or just inside) the article is
//! a candidate, and a linear model over general signals ranks them.
//!
//! The signals are what makes a line a headline on any page, whatever browser printed it:
//! its words recur in the article (a cookie banner's or a call to action's do not), it
//! sits just above the text, it has a title's shape and length, a byline or date follows
//! it, the page echoes it (breadcrumbs, a second copy), and it reads as no menu label,
//! prompt or photo credit. The weights are in `data/headline/weights.tsv`, fitted on the
//! cleaning-dev text dumps by `examples/train_headline.rs`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{self, Block, Kind};
use super::byline;
use crate::dates;

/// The names of the features, in the order of [`Features`] and of the weights file: first
/// those of the candidate's text, then those of its block and surroundings.
pub const NAMES: [&str; 43] = [
    "overlap",
    "overlap_lead",
    "matched_words",
    "body_frequency",
    "title_length",
    "few_words",
    "many_words",
    "echo",
    "name_like",
    "credit",
    "question",
    "colon",
    "trail",
    "title_case",
    "all_caps",
    "call_to_action",
    "second_person",
    "sentence",
    "cut",
    "dropped_short",
    "menu_like",
    "glued",
    "above",
    "dist_above",
    "dist_below",
    "rank_above",
    "copies",
    "meta_after",
    "meta_before",
    "heading_above",
    "kind_near",
    "prose_just_above",
    "prose_before",
    "prose_just_below",
    "siblings",
    "prose_after",
    "prose_above",
    "nearest_above",
    "listed_below",
    "inside_longer",
    "holds_shorter",
    "coverage",
    "overlap_next",
];

/// How many features [`pair_values`] gives: those that compare a candidate with the page's
/// other lines, last in [`NAMES`].
const PAIR_FEATURES: usize = 5;

/// One candidate's feature values, in the order of [`NAMES`].
pub type Features = [f32; NAMES.len()];

const WEIGHTS_FILE: &str = include_str!("../../data/headline/weights.tsv");

static WEIGHTS: LazyLock<Features> =
    LazyLock::new(|| parse_weights(WEIGHTS_FILE).expect("data/headline/weights.tsv is valid"));

/// Reads the ranker's weights file (see [`super::weights`]).
pub fn parse_weights(text: &str) -> Result<Features, String> {
    super::weights::parse(text, &NAMES)
}

/// How far above the article's first prose block, and how far into it, headlines are
/// looked for: pages whose menus read like prose start the article too early, and pages
/// whose comments or FAQ outweigh a short article start it far below the headline.
const ABOVE: usize = 1500;
const BELOW: usize = 400;

/// One possible headline: a block's text, or the part of it before a site name or after a
/// date (`TITLE | Site`, `TITLE - 3 May 2024`), with its features.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub block: usize,
    pub text: String,
    pub features: Features,
}

/// The headline among `blocks`, for the article running from block `start` to `end`.
pub fn pick(blocks: &[Block], start: usize, end: usize) -> Option<Candidate> {
    let scored = candidates(blocks, start, end).into_iter().map(|c| (score(&WEIGHTS, &c.features), c));
    scored.max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, c)| c)
}

/// The model's score of one candidate.
pub fn score(weights: &Features, f: &Features) -> f32 {
    weights.iter().zip(f).map(|(w, x)| w * x).sum()
}

/// Every headline candidate with its features.
pub fn candidates(blocks: &[Block], start: usize, end: usize) -> Vec<Candidate> {
    let page = PageFacts::new(blocks, start, end);
    let lowest = start.saturating_sub(ABOVE);
    let highest = (start + BELOW).min(end);
    let mut found = Vec::new();
    let mut rank = (lowest..start).filter(|&i| page.title_like[i]).count();
    // Neighbouring candidates share the paragraph after them: its words are found once.
    let mut next_words: (Option<usize>, Vec<String>) = (None, Vec::new());
    for i in (lowest..=highest).filter(|&i| page.title_like[i]) {
        rank = rank.saturating_sub(usize::from(i < start));
        let shared = BlockFacts::new(blocks, i, &page, rank);
        let next = (i + 1..(i + 7).min(blocks.len())).find(|&j| blocks[j].kind == Kind::Good);
        if next.is_some_and(|j| next_words.0 != Some(j)) {
            next_words = (next, next.map(|j| content_words(opening(&blocks[j].text))).unwrap_or_default());
        }
        for (text, cut) in variants(without_glyphs(&blocks[i].text)) {
            let words = content_words(&text);
            let cut = match cut {
                false => Cut::Whole,
                true if drops_name(&text, &blocks[i].text) => Cut::Name,
                true => Cut::Part,
            };
            let mut features = features(&text, &words, cut, &shared, &page);
            let after = if next.is_some() { next_words.1.as_slice() } else { &[] };
            features[NAMES.len() - PAIR_FEATURES..]
                .copy_from_slice(&pair_values(&text, &words, i, after, &page));
            found.push(Candidate { block: i, text, features });
        }
    }
    found
}

/// The features that set a candidate against the page's other lines: a bullet copy below it
/// (a list of related posts, which a headline heads and a section heading does not), a
/// longer line that starts or ends with it or a shorter one it starts or ends with (a
/// headline and its site-suffixed or cut copies), how much of the article it touches, and
/// how much of the paragraph after it (`next`, its content words) it names.
fn pair_values(
    text: &str,
    words: &[String],
    i: usize,
    next: &[String],
    page: &PageFacts,
) -> [f32; PAIR_FEATURES] {
    let key = fold(text);
    let (longer, shorter) =
        page.lines.iter().filter(|(j, _)| *j != i).fold((false, false), |(l, s), (_, other)| {
            (
                l || (other.len() > key.len() && ends_with_either(other, &key)),
                s || (other.len() < key.len() && ends_with_either(&key, other)),
            )
        });
    let named = words.iter().filter(|w| next.contains(w)).count();
    [
        flag(page.listed.get(&key).is_some_and(|last| *last > i)),
        flag(key.len() >= 12 && longer),
        flag(shorter),
        page.coverage(words),
        if words.is_empty() { 0.0 } else { named as f32 / words.len() as f32 },
    ]
}

/// Whether a candidate is a block's whole text or a part cut from it, and then whether the
/// cut dropped only a name.
#[derive(Clone, Copy, PartialEq)]
enum Cut {
    Whole,
    Part,
    Name,
}

/// Whether a cut candidate drops a name of two words or fewer (`TITLE | Site`) or a date
/// (`TITLE   January 22nd, 2019`) from its line, rather than a subtitle (`TITLE – 10
/// Benefits, Use Cases and Best Practices`).
fn drops_name(text: &str, whole: &str) -> bool {
    let dropped = whole.replacen(text, " ", 1);
    let dropped = dropped
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ',' | ':' | '/'));
    dropped.split_whitespace().count() <= 2
        || dates::find_range(dropped).is_some_and(|(_, at)| at.len() == dropped.len())
}

/// The first 300 bytes or so of a paragraph (up to a character boundary): the words a
/// heading's paragraph takes up first.
fn opening(text: &str) -> &str {
    let mut at = text.len().min(300);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    &text[..at]
}

/// Whether `long` starts or ends with `short` (the first and last bytes are compared first:
/// most pairs differ there, and this runs for every pair of lines).
fn ends_with_either(long: &str, short: &str) -> bool {
    let (l, s) = (long.as_bytes(), short.as_bytes());
    let (Some(first), Some(last)) = (s.first(), s.last()) else { return true };
    (l.first() == Some(first) && l.starts_with(s)) || (l.last() == Some(last) && l.ends_with(s))
}

/// A block's text and the headlines it may hold: the part before a site name or section
/// (`TITLE | Site`, `TITLE – Site`), the last part of a trail (`Blog > TITLE`), the text
/// without a date at its start or end. The flag tells a cut part from the whole.
fn variants(text: &str) -> Vec<(String, bool)> {
    let mut out = vec![(text.to_string(), false)];
    let mut push = |part: &str| {
        let part = part.trim().trim_matches(|c: char| matches!(c, '|' | '-' | '–' | '—' | ',' | ':')).trim();
        if part.split_whitespace().count() >= 2 && part != text && !out.iter().any(|(t, _)| t == part) {
            out.push((part.to_string(), true));
        }
    };
    if let Some(m) = SITE_SEPARATOR.find(text) {
        push(&text[..m.start()]);
    }
    if let Some(m) = SITE_SEPARATOR.find_iter(text).last() {
        push(&text[m.end()..]);
    }
    if let Some(m) = LABEL.find(text) {
        push(&text[m.end()..]);
    }
    if let Some(m) = TRAIL_ARROW.find_iter(text).last() {
        push(&text[m.end()..]);
    }
    if let Some((_, at)) = dates::find_range(text) {
        if at.start == 0 {
            push(&text[at.end..]);
        } else {
            push(&text[..at.start]);
        }
    }
    out
}

/// A headline's line without the date written beside it with the month's name, at the
/// line's start or end (`Backup Strategy   January 22nd, 2019`, `Dec 18 2025 Preparing a
/// transition`): that is the page's date printed on the headline's row, not part of the
/// headline, which names a day in numbers (`Wrap-Up 12/19/2025`) or in brackets when it
/// does. The line is scored whole (its date is a sign of a headline); this is what it reads.
pub fn without_beside_date(text: &str) -> &str {
    let Some((_, at)) = dates::find_range(text) else { return text };
    if !text[at.clone()].chars().any(char::is_alphabetic) || text[..at.start].trim_end().ends_with(['(', '['])
    {
        return text;
    }
    let title = match (at.start, text[at.end..].trim().is_empty()) {
        (0, _) => &text[at.end..],
        (_, true) => &text[..at.start],
        _ => return text,
    };
    let title =
        title.trim().trim_matches(|c: char| matches!(c, '|' | '-' | '–' | '—' | ',' | ':' | '·')).trim();
    if title.split_whitespace().count() >= 2 && dates::find_range(title).is_none() {
        title
    } else {
        text
    }
}

static SITE_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+[|–—/-]\s+|\s*\|\s*").expect("valid regex"));
/// A one- or two-word label before a colon (`Blog: TITLE`, `PROJECT: TITLE`).
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][\w&]*(?: [A-Z][\w&]*)?:\s*").expect("valid regex"));
static TRAIL_ARROW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*[>»›▸]\s*").expect("valid regex"));

/// What every candidate of a page is measured against.
struct PageFacts {
    start: usize,
    end: usize,
    /// Content words of the article's prose, with their counts.
    body: HashMap<String, usize>,
    /// Content words of the article's first prose blocks.
    lead: HashSet<String>,
    echoes: HashSet<String>,
    /// Whether each block of the page can be a headline.
    title_like: Vec<bool>,
    /// Whether each block is a byline or date line.
    meta: Vec<bool>,
    /// How many prose blocks come before each block (and all of them, at the end).
    prose_before: Vec<usize>,
    /// Folded texts of the page's short bullet lines, with the last block holding each.
    listed: HashMap<String, usize>,
    /// Folded texts of the title-like and short bullet lines, with their blocks.
    lines: Vec<(usize, String)>,
    /// For each content word of the article's prose, which prose blocks hold it (a bit set).
    spread: HashMap<String, Vec<u64>>,
    /// How many prose blocks the article has.
    prose_blocks: usize,
}

impl PageFacts {
    fn new(blocks: &[Block], start: usize, end: usize) -> PageFacts {
        let prose: Vec<Vec<String>> = blocks[start..=end]
            .iter()
            .filter(|b| b.kind >= Kind::Near)
            .map(|b| content_words(&b.text))
            .collect();
        let mut body = HashMap::new();
        for w in prose.iter().flatten() {
            *body.entry(w.clone()).or_default() += 1;
        }
        let lead = prose.iter().take(3).flatten().cloned().collect();
        let mut prose_before = Vec::with_capacity(blocks.len() + 1);
        let mut count = 0;
        for b in blocks {
            prose_before.push(count);
            count += usize::from(b.kind == Kind::Good);
        }
        prose_before.push(count);
        let (title_like, meta) = shapes(blocks);
        let short_bullet = |b: &Block| b.bullet && b.words <= 25;
        let mut listed = HashMap::new();
        let mut lines = Vec::new();
        for (i, b) in blocks.iter().enumerate().filter(|(i, b)| short_bullet(b) || title_like[*i]) {
            let key = fold(&b.text);
            if short_bullet(b) {
                listed.insert(key.clone(), i);
            }
            lines.push((i, key));
        }
        let (spread, prose_blocks) = (word_spread(&prose), prose.len());
        let echoes = echo_keys(blocks);
        PageFacts {
            start,
            end,
            body,
            lead,
            echoes,
            title_like,
            meta,
            prose_before,
            listed,
            lines,
            spread,
            prose_blocks,
        }
    }

    /// Share of the article's prose blocks that hold one of `words` or more.
    fn coverage(&self, words: &[String]) -> f32 {
        let mut union = vec![0u64; self.prose_blocks.div_ceil(64)];
        for bits in words.iter().filter_map(|w| self.spread.get(w)) {
            union.iter_mut().zip(bits).for_each(|(u, b)| *u |= b);
        }
        let held: u32 = union.iter().map(|u| u.count_ones()).sum();
        held as f32 / self.prose_blocks.max(1) as f32
    }

    /// Prose blocks among blocks `from..to`.
    fn prose_between(&self, from: usize, to: usize) -> usize {
        let to = to.min(self.prose_before.len() - 1);
        self.prose_before[to] - self.prose_before[from.min(to)]
    }
}

/// The features of a candidate's block and its surroundings, the same for each variant.
struct BlockFacts {
    values: [f32; 16],
    /// Whether the block is prose inside the article, so that its words count once less there.
    in_prose: bool,
}

impl BlockFacts {
    fn new(blocks: &[Block], i: usize, page: &PageFacts, rank: usize) -> BlockFacts {
        let b = &blocks[i];
        let above = i < page.start;
        let siblings =
            (i.saturating_sub(3)..(i + 4).min(blocks.len())).filter(|&j| j != i && page.title_like[j]);
        let values = [
            flag(above),
            if above { ((page.start - i) as f32).ln_1p() } else { 0.0 },
            if above { 0.0 } else { ((i - page.start) as f32).ln_1p() },
            (rank as f32).ln_1p(),
            flag(b.copies > 1),
            flag(page.meta.iter().skip(i + 1).take(4).any(|m| *m)),
            flag(page.meta[i.saturating_sub(2)..i].iter().any(|m| *m)),
            flag(i > 0 && page.title_like[i - 1] && is_heading_above(&blocks[i - 1])),
            flag(b.kind >= Kind::Near),
            flag(page.prose_between(i.saturating_sub(3), i) > 0),
            (page.prose_before[i] as f32).ln_1p(),
            flag(page.prose_between(i + 1, i + 6) > 0),
            (siblings.count() as f32).ln_1p(),
            (page.prose_between(i + 1, i + 21) as f32).ln_1p(),
            (page.prose_between(i.saturating_sub(20), i) as f32).ln_1p(),
            flag(above && rank == 0),
        ];
        BlockFacts { values, in_prose: b.kind >= Kind::Near && (page.start..=page.end).contains(&i) }
    }
}

fn flag(x: bool) -> f32 {
    if x {
        1.0
    } else {
        0.0
    }
}

fn features(text: &str, words: &[String], cut: Cut, block: &BlockFacts, page: &PageFacts) -> Features {
    let count = text.split_whitespace().count();
    let share = |found: usize| if words.is_empty() { 0.0 } else { found as f32 / words.len() as f32 };
    let own = usize::from(block.in_prose);
    let counts: Vec<usize> =
        words.iter().map(|w| page.body.get(w).map_or(0, |n| n.saturating_sub(own))).collect();
    let in_body = counts.iter().filter(|n| **n > 0).count();
    let in_lead = words.iter().filter(|w| page.lead.contains(*w)).count();
    let frequency = counts.iter().map(|n| (*n as f32).ln_1p()).sum::<f32>() / words.len().max(1) as f32;
    let ends_sentence = text.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '!', ':']);
    let mut f = [0.0; NAMES.len()];
    let text_values = [
        share(in_body),
        share(in_lead),
        (in_body.min(6) as f32) / 6.0,
        frequency,
        flag((4..=25).contains(&count)),
        flag(count <= 3),
        flag(count > 25),
        flag(page.echoes.contains(&fold(text))),
        flag(count <= 3 && byline::looks_like_name(text)),
        flag(CREDIT.is_match(text)),
        flag(text.ends_with('?')),
        flag(text.contains(':')),
        flag(TRAIL.find(text).is_some_and(|m| m.as_str().trim() != "/")),
        title_case(text),
        flag(text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)),
        flag(CALL_TO_ACTION.is_match(text)),
        flag(SECOND_PERSON.is_match(text)),
        flag(ends_sentence),
        flag(cut != Cut::Whole),
        flag(cut == Cut::Name),
        flag(is_menu_like(text)),
        flag(glued_words(text) >= 2),
    ];
    f[..text_values.len()].copy_from_slice(&text_values);
    f[text_values.len()..NAMES.len() - PAIR_FEATURES].copy_from_slice(&block.values);
    f
}

/// For each word of the prose blocks' `words`, the blocks that hold it as a bit set.
fn word_spread(words: &[Vec<String>]) -> HashMap<String, Vec<u64>> {
    let mut spread: HashMap<String, Vec<u64>> = HashMap::new();
    for (n, block) in words.iter().enumerate() {
        for w in block {
            spread.entry(w.clone()).or_insert_with(|| vec![0; words.len().div_ceil(64)])[n / 64] |=
                1 << (n % 64);
        }
    }
    spread
}

/// Lower-cased words of three letters or more that are not stop words, a plural `s` off:
/// the words a headline and its article share.
fn content_words(text: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() < 3 || blocks::is_stop_word(w) {
            continue;
        }
        let mut w = w.to_lowercase();
        if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
            w.pop();
        }
        if !seen.contains(&w) {
            seen.push(w);
        }
    }
    seen
}

/// Share of a line's words, stop words aside, that start with a capital or a digit.
fn title_case(text: &str) -> f32 {
    let words: Vec<&str> = text.split_whitespace().filter(|w| !blocks::is_stop_word(w)).collect();
    let upper =
        words.iter().filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())).count();
    if words.is_empty() {
        0.0
    } else {
        upper as f32 / words.len() as f32
    }
}

/// Whether each block can be a headline, and whether it is a byline or date line. A block
/// that has no headline's shape and none within the few blocks a candidate reads the meta
/// lines of (two below, four above: see [`BlockFacts`]) is neither, without trying the date
/// and byline patterns: whether it is a meta line is never asked.
fn shapes(blocks: &[Block]) -> (Vec<bool>, Vec<bool>) {
    let shaped: Vec<bool> = blocks.iter().map(is_title_shaped).collect();
    let near_shaped =
        |j: usize| (j.saturating_sub(4)..(j + 3).min(blocks.len())).any(|i| i != j && shaped[i]);
    (0..blocks.len())
        .map(|j| if shaped[j] || near_shaped(j) { shape(&blocks[j]) } else { (false, false) })
        .unzip()
}

/// Whether a block can be a headline, and whether it is a byline or date line; the date
/// and byline patterns are tried once, and only on short blocks.
fn shape(b: &Block) -> (bool, bool) {
    if b.words > 40 || b.text.len() > 1000 {
        return (false, false);
    }
    let date = dates::find_range(&b.text);
    let by = byline::parse_line(&b.text).is_some();
    let meta = by || (b.words <= 12 && date.is_some());
    let title_like = is_title_shaped(b) && !by && date.is_none_or(|(_, at)| titled_beside(&b.text, at));
    (title_like, meta)
}

/// Whether a line with a date in it holds a title beside the date (`Backup Strategy
/// January 22nd, 2019`, `Dec 18 2025 Preparing a transition`): two words or more before
/// it, or after a date that opens the line.
fn titled_beside(text: &str, at: std::ops::Range<usize>) -> bool {
    let words = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let beside = if at.start == 0 { &text[at.end..] } else { &text[..at.start] };
    words(beside) >= 2 && dates::find_range(beside).is_none()
}

/// Whether a line reads as a row of menu labels: six words or more, none of them a stop
/// word and no sentence punctuation (`Privacy Accessibility HTML Images Forms CSS`), where
/// a headline that long has an article or a preposition.
fn is_menu_like(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    words.len() >= 6 && !words.iter().any(|w| blocks::is_stop_word(w)) && !text.contains([':', '?', '!', '.'])
}

/// How many times a capital follows three lower-case letters inside a word: links printed
/// without spaces between them (`thoughtsFacebookInstagram`), where a brand has one at most.
fn glued_words(text: &str) -> usize {
    let mut lower_run = 0;
    let mut joins = 0;
    for c in text.chars() {
        if c.is_uppercase() && lower_run >= 3 {
            joins += 1;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    joins
}

/// Whether a block is itself a heading line, so that the one below it is its standfirst.
fn is_heading_above(b: &Block) -> bool {
    !b.bullet && (4..=25).contains(&b.words) && !CREDIT.is_match(&b.text) && TRAIL.find(&b.text).is_none()
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

/// Lower-cased letters and digits only: for finding a headline among lines.
pub fn fold(s: &str) -> String {
    // Quotes and dashes go whatever their shape, so there is nothing to straighten first.
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

static TRAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[>»›▸]\s*|\s+[/|\-–—]\s+|/").expect("valid regex"));

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)//|getty|shutterstock|(?-u:\b)credit(?-u:\b)|(?-u:\b)photo(?:graph)?(?-u:\b)|(?-u:\b)image(?-u:\b)|(?-u:\b)courtesy(?-u:\b)|^(?:updated|published|posted|last)(?-u:\b)|(?-u:\b)(?:logo|icon|avatar|headshot|picture of|profile (?:pic|image|photo))(?-u:\b)|\[ *\]|\[(?:submit|search|go)\]|(?-u:\b)(?:sign in|log ?in|sign up)(?-u:\b)")
        .expect("valid regex")
});

/// Lines that ask the reader to do something: buttons and prompts, not headlines.
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:skip|search|get|view|see|read|learn|sign|log|download|join|try|book|request|contact|explore|discover|subscribe|shop|buy|watch|start|find|browse|register|schedule|claim|call|click|follow|visit|check|apply|save|share|let|grow|talk|chat)(?-u:\b)|(?-u:\b)(?:free trial|demo|learn more|read more|view all|see all|see more|get started|sign up|click here)(?-u:\b)")
        .expect("valid regex")
});

static SECOND_PERSON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:you|your|you're|yours)(?-u:\b)").expect("valid regex"));

/// Whether a block has a headline's shape: some words, starting like a title (after any
/// icon glyphs, see [`without_glyphs`]; a year or label in brackets may open it), not a menu
/// item, a list item or a clause.
fn is_title_shaped(b: &Block) -> bool {
    let text = without_glyphs(&b.text);
    let opening = text.strip_prefix(['[', '(']).unwrap_or(text);
    (2..=40).contains(&b.words)
        && (8..=250).contains(&text.chars().count())
        && b.kind != Kind::Bad
        && !b.bullet
        && !text.ends_with([',', ';'])
        && (opening.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“')
            || starts_with_brand(text))
}

/// A line without the icon glyphs an icon font or a symbol puts before a title (`\u{e901}
/// TITLE`, `✦ TITLE`, `⚡ TITLE`; bullets such as `☆` are taken off before): characters of
/// the private use area icon fonts draw from and of the arrow, technical, box-drawing (a
/// rule printed on the title's line), shape, dingbat and pictograph blocks, and the spaces
/// after them. Punctuation stays (`» TITLE` is a link
/// list's trail, not a title).
fn without_glyphs(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || is_glyph(c))
}

fn is_glyph(c: char) -> bool {
    matches!(c,
        '\u{2190}'..='\u{21FF}' // arrows
        | '\u{2300}'..='\u{23FF}' // technical symbols
        | '\u{2500}'..='\u{27BF}' // rules, shapes, symbols, dingbats
        | '\u{2B00}'..='\u{2BFF}' // more arrows and symbols
        | '\u{E000}'..='\u{F8FF}' // private use (icon fonts)
        | '\u{1F300}'..='\u{1FAFF}' // pictographs and emoji
    )
}

/// Whether a line opens with a lower-case brand or identifier, which titles keep as written
/// (`iPhone 17 review`, `n8n: a guide`, `rustc_codegen: progress`), unlike a lower-case clause.
fn starts_with_brand(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.starts_with(char::is_lowercase)
        && first.chars().skip(1).any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_name_every_feature() {
        assert!(parse_weights(WEIGHTS_FILE).is_ok());
        assert!(parse_weights("overlap\t1").unwrap_err().starts_with("no weight"));
        assert!(parse_weights("nonsense\t1").is_err());
    }

    #[test]
    fn content_words_skip_stop_words_and_plurals() {
        assert_eq!(content_words("The Top Trends of the Year in trend"), ["top", "trend", "year"]);
    }

    #[test]
    fn a_headline_shares_words_with_its_article_and_a_banner_does_not() {
        let prose = "Sleep matters more than most people think, and these ten simple tips for \
                     better sleep help people of every age improve their memory, mood and health.";
        let text = ["We value your privacy", "", "Ten Tips for Better Sleep", "", prose];
        let blocks = blocks::split(&text);
        let found = candidates(&blocks, 2, 2);
        let overlap = |i: usize| found.iter().find(|c| c.block == i).map(|c| c.features[0]);
        assert_eq!(overlap(1), Some(1.0));
        assert_eq!(overlap(0), Some(0.0));
        assert_eq!(pick(&blocks, 2, 2).map(|c| c.text).as_deref(), Some("Ten Tips for Better Sleep"));
    }

    #[test]
    fn candidates_are_set_against_the_page_other_lines() {
        let text = [
            "Ten Tips for Better Sleep | Sleep Site",
            "",
            "Ten Tips for Better Sleep",
            "",
            "Sleep matters more than most people think, and these simple tips help people of every age \
             to improve their memory, their mood and their health in a few weeks.",
            "",
            "A walk after lunch and a cool room at night are two habits that cost nothing at all, and \
             most of us can start both of them this very evening without any help.",
            "",
            "Related",
            "",
            "  • Ten Tips for Better Sleep",
            "  • Five Ways to Rest",
        ];
        let blocks = blocks::split(&text);
        let found = candidates(&blocks, 2, 3);
        // Block 0 is the suffixed line (whose cut part reads as the headline too), block 1 the headline.
        let value = |line: &str, name: &str| {
            let c = found
                .iter()
                .find(|c| c.text == line && c.block == usize::from(!line.contains('|')))
                .expect(line);
            c.features[NAMES.iter().position(|n| *n == name).unwrap()]
        };
        let (headline, suffixed) = ("Ten Tips for Better Sleep", "Ten Tips for Better Sleep | Sleep Site");
        assert_eq!(value(headline, "listed_below"), 1.0);
        assert_eq!(value(suffixed, "listed_below"), 0.0);
        assert_eq!(value(headline, "inside_longer"), 1.0);
        assert_eq!(value(suffixed, "inside_longer"), 0.0);
        assert_eq!(value(suffixed, "holds_shorter"), 1.0);
        assert_eq!(value(headline, "holds_shorter"), 0.0);
        assert_eq!(value(headline, "coverage"), 0.5);
        assert_eq!(value(headline, "nearest_above"), 1.0);
        assert_eq!(value(suffixed, "nearest_above"), 0.0);
        assert_eq!(value(headline, "overlap_next"), 0.5);
    }

    #[test]
    fn icon_glyphs_and_a_bracketed_year_open_titles() {
        assert_eq!(without_glyphs("✦ A guide to wine types"), "A guide to wine types");
        assert_eq!(without_glyphs("\u{e901}  Local Trails"), "Local Trails");
        assert_eq!(without_glyphs("📌 Pinned Post"), "Pinned Post");
        assert_eq!(without_glyphs("━━━━━━ Buying a Home"), "Buying a Home");
        for kept in
            ["“Quoted” Title Here", "¿Qué pasa en Madrid?", "» Site » Comments Feed", "€5 Lunch Deals"]
        {
            assert_eq!(without_glyphs(kept), kept);
        }
        let text =
            ["\u{e901} A Guide to Wine Types and Styles", "", "(2025) The Big List of Free Courses", ""];
        let blocks = blocks::split(&text);
        assert!(is_title_shaped(&blocks[0]), "{:?}", blocks[0]);
        assert!(is_title_shaped(&blocks[1]), "{:?}", blocks[1]);
        let found = candidates(&blocks, 0, 1);
        assert!(found.iter().any(|c| c.text == "A Guide to Wine Types and Styles"));
        assert!(!found.iter().any(|c| c.text.starts_with('\u{e901}')));
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
        let echoes = echo_keys(&blocks::split(&text));
        assert!(echoes.contains(&fold("Ten Tips for Better Sleep")));
        assert!(echoes.contains(&fold("Best Sleep Tips")));
        assert!(!echoes.contains(&fold("Home > Blog > Ten Tips for Better Sleep")));
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
        let heading = |b: &Block| shape(b).0 && is_heading_above(b);
        assert!(heading(&blocks[0]));
        assert!(!heading(&blocks[1]));
        assert!(!heading(&blocks[2]));
    }

    #[test]
    fn alt_text_form_fields_and_prompts_are_marked() {
        for line in [
            "Picture of Ruth Calder",
            "Search terms [ ] [SUBMIT]",
            "Buy me a coffee logo",
            "Sign in to comment",
        ] {
            assert!(CREDIT.is_match(line), "{line}");
        }
        assert!(!CREDIT.is_match("Best Audiobook Subscriptions in 2025 [Tried 11 Services]"));
        assert!(CALL_TO_ACTION.is_match("View All Insights"));
        assert!(CALL_TO_ACTION.is_match("Book a free demo today"));
        assert!(!CALL_TO_ACTION.is_match("The Best Restaurants in Town"));
    }

    #[test]
    fn site_names_trails_and_dates_are_cut_off_candidates() {
        let texts = |s: &str| variants(s).into_iter().map(|(t, _)| t).collect::<Vec<_>>();
        assert_eq!(
            texts("Ten Tips for Sleep | Sleep Site"),
            ["Ten Tips for Sleep | Sleep Site", "Ten Tips for Sleep", "Sleep Site"]
        );
        assert!(texts("Case Study: Moving a Plant Online").contains(&"Moving a Plant Online".to_string()));
        assert!(texts("Backup Strategy March 5, 2024 by Jane").contains(&"Backup Strategy".to_string()));
        assert_eq!(texts("Blog > Ten Tips for Sleep"), ["Blog > Ten Tips for Sleep", "Ten Tips for Sleep"]);
        assert_eq!(
            texts("Ten Tips for Sleep - 3 May 2024"),
            ["Ten Tips for Sleep - 3 May 2024", "Ten Tips for Sleep", "3 May 2024"]
        );
        assert_eq!(
            texts("May 3, 2024 Ten Tips for Sleep"),
            ["May 3, 2024 Ten Tips for Sleep", "Ten Tips for Sleep"]
        );
        assert_eq!(texts("Well-being at work"), ["Well-being at work"]);
        assert_eq!(
            texts("Porting a Parser to OCaml / Dec 2025"),
            ["Porting a Parser to OCaml / Dec 2025", "Porting a Parser to OCaml", "Dec 2025"]
        );
        assert_eq!(texts("Input/Output in Rust"), ["Input/Output in Rust"]);
        assert!(!variants("Ten Tips for Sleep")[0].1);
    }

    #[test]
    fn a_cut_that_drops_a_site_name_is_told_from_one_that_drops_a_subtitle() {
        assert!(drops_name("Ten Tips for Sleep", "Ten Tips for Sleep | Sleep Site"));
        assert!(drops_name("Ten Tips for Sleep", "Blog: Ten Tips for Sleep"));
        assert!(!drops_name("Ten Tips for Sleep", "Ten Tips for Sleep – What Works and What Does Not"));
        assert!(drops_name("Backup Strategy", "Backup Strategy   January 22nd, 2019"));
        assert!(drops_name("Backup Strategy", "Backup Strategy / Dec 2025"));
        assert!(!drops_name("Backup Strategy", "Backup Strategy for January 22nd, 2019"));
    }

    #[test]
    fn title_case_counts_capitalised_content_words() {
        assert_eq!(title_case("Ten Tips for Better Sleep"), 1.0);
        assert_eq!(title_case("ten tips for better Sleep"), 0.25);
    }

    #[test]
    fn a_dated_line_is_a_title_when_two_words_stand_beside_the_date() {
        let at = |t: &str| dates::find_range(t).unwrap().1;
        let line = "Backup Strategy March 5, 2024";
        assert!(titled_beside(line, at(line)));
        let line = "March 5, 2024 Backup Strategy";
        assert!(titled_beside(line, at(line)));
        let line = "Dec 19, 2025 | Last updated on Dec 19, 2025 | 5 min read";
        assert!(!titled_beside(line, at(line)));
        let line = "Posted March 5, 2024";
        assert!(!titled_beside(line, at(line)));
    }

    #[test]
    fn a_date_written_out_beside_a_headline_is_not_read_as_part_of_it() {
        assert_eq!(without_beside_date("Garden Walls   March 5th, 2024"), "Garden Walls");
        assert_eq!(without_beside_date("Mar 5 2024 Mending garden walls"), "Mending garden walls");
        assert_eq!(without_beside_date("Why walls lean? March 5, 2024"), "Why walls lean?");
        // Dates in numbers or brackets, a date inside the line, a word left alone: kept.
        for kept in [
            "Wall Report 03/05/2024",
            "Garden Notes (March 5, 2024)",
            "On March 5, 2024 the walls fell",
            "Updated March 5, 2024",
        ] {
            assert_eq!(without_beside_date(kept), kept);
        }
    }

    #[test]
    fn lower_case_brands_open_titles_and_clauses_do_not() {
        assert!(starts_with_brand("iPhone 17 review"));
        assert!(starts_with_brand("n8n: A Guide"));
        assert!(!starts_with_brand("person standing on a scale"));
    }

    #[test]
    fn menu_rows_and_glued_links_are_told_from_headlines() {
        assert!(is_menu_like("Privacy Accessibility HTML Images Responsive Design Forms"));
        assert!(!is_menu_like("How to Use Social Media Ecommerce in 2025"));
        assert!(!is_menu_like("Best Long Distance Moving Companies"));
        assert_eq!(glued_words("Daily thoughtsFacebookInstagramTwitter"), 3);
        assert_eq!(glued_words("Ten WordPress Plugins for YouTube"), 1);
    }
}
