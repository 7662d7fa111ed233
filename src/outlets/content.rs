//! Which blocks of a page dump are the article's text: a logistic model gives each block the
//! probability that it belongs to the article, boosted trees read that probability again
//! beside the block's features, its neighbours' probabilities and what the words of the
//! block and its neighbours say ([`super::words`]; a second stage, stacked on the first),
//! and the article is the stretch of blocks that gains most from the result, less the
//! blocks the model doubts inside it.
//!
//! The features are what tells article text from its surroundings on any page, whatever
//! browser printed it (the boilerpipe, jusText and dragnet family): a block's length, stop
//! words and sentence ending, its shape (list item, title case, digits, glued menu labels),
//! what it says (boilerplate, prompts, comment headers, section ends such as related stories,
//! comments and author boxes), where it stands (above the headline, inside or past the run of
//! prose, after a section end), and how much prose its neighbours hold. The weights are in
//! `data/content/weights.tsv`, fitted by `examples/train_content.rs` on the cleaning-dev
//! pages as w3m, lynx and links print them; the trees are in `data/content/trees.tsv`,
//! fitted by `scripts/train-content-trees` on the same pages' cross-validated first-stage
//! probabilities and word scores.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::blocks::{self, Block, Kind};
use super::{trees, weights, words};
use crate::dates;

/// The names of the features, in the order of [`Features`] and of the weights file.
pub const NAMES: [&str; 45] = [
    "bias",
    "length",
    "stop_words",
    "sentence",
    "bullet",
    "boilerplate",
    "good",
    "near",
    "repeated",
    "title_case",
    "digits",
    "dated",
    "tiny",
    "glued",
    "prompt",
    "comment_meta",
    "question",
    "colon",
    "position",
    "in_span",
    "above_head",
    "head",
    "after_span",
    "before_span",
    "prev_prose",
    "next_prose",
    "prose_near",
    "prose_around",
    "short_run",
    "list_intro",
    "bullets_around",
    "ends_above",
    "end_mark",
    "comments_around",
    "comments_above",
    "prose_share_above",
    "prose_below",
    "gap_above",
    "gap_below",
    "second_person",
    "first_plural",
    "sentences_near",
    "overlap",
    "label_value",
    "media",
];

/// One block's feature values, in the order of [`NAMES`].
pub type Features = [f32; NAMES.len()];

const WEIGHTS_FILE: &str = include_str!("../../data/content/weights.tsv");

static WEIGHTS: LazyLock<Features> =
    LazyLock::new(|| weights::parse(WEIGHTS_FILE, &NAMES).expect("data/content/weights.tsv is valid"));

/// Where the page's article was first placed: the run of prose found by block kinds alone,
/// and the headline picked above it.
#[derive(Debug, Clone, Copy)]
pub struct Anchors {
    pub start: usize,
    pub end: usize,
    pub head: Option<usize>,
}

/// The probability that a block with these features is article text.
pub fn probability(weights: &Features, f: &Features) -> f32 {
    let z: f32 = weights.iter().zip(f).map(|(w, x)| w * x).sum();
    1.0 / (1.0 + (-z).exp())
}

/// The names of the second stage's own inputs, in the order [`context`] gives them: what the
/// first stage made of the block and of the blocks around it.
pub const CONTEXT: [&str; 10] = [
    "first_stage",
    "first_stage_prev",
    "first_stage_prev2",
    "first_stage_prev3",
    "first_stage_next",
    "first_stage_next2",
    "first_stage_next3",
    "article_letters_above",
    "article_letters_below",
    "page_mean",
];

/// The names of the second stage's last inputs: what the block's own words and its
/// neighbours' say ([`words::score`]; 0 past the page's ends). The trainer computes them
/// itself, from models fitted without the page, so the block dump does not hold them.
pub const LEXICAL: [&str; 3] = ["words", "words_prev", "words_next"];

/// The second stage's inputs: a block's features, its [`CONTEXT`], then its [`LEXICAL`].
pub const STACKED: usize = PLAIN + LEXICAL.len();

/// The inputs of the second stage read on pages whose words the word model does not know
/// (see [`words::knows`]): a block's features and its [`CONTEXT`].
pub const PLAIN: usize = NAMES.len() + CONTEXT.len();

const TREES_FILE: &str = include_str!("../../data/content/trees.tsv");

static TREES: LazyLock<trees::Forest> =
    LazyLock::new(|| trees::parse(TREES_FILE, STACKED).expect("data/content/trees.tsv is valid"));

const PLAIN_TREES_FILE: &str = include_str!("../../data/content/trees-plain.tsv");

static PLAIN_TREES: LazyLock<trees::Forest> =
    LazyLock::new(|| trees::parse(PLAIN_TREES_FILE, PLAIN).expect("data/content/trees-plain.tsv is valid"));

/// Each block's [`CONTEXT`] from the first stage's probabilities: its own, those of the
/// three blocks on each side (0 past the page's ends), the shares of the letters the first
/// stage gives the article above and below it, and the page's mean.
pub fn context(probs: &[f32], letters: &[usize]) -> Vec<[f32; CONTEXT.len()]> {
    let n = probs.len();
    let weighted: Vec<f32> = probs.iter().zip(letters).map(|(p, l)| p * *l as f32).collect();
    let total = weighted.iter().sum::<f32>() + 1.0;
    let mean = if n == 0 { 0.0 } else { probs.iter().sum::<f32>() / n as f32 };
    let at = |i: isize| usize::try_from(i).ok().and_then(|i| probs.get(i)).copied().unwrap_or(0.0);
    let mut above = 0.0f32;
    (0..n)
        .map(|i| {
            let k = i as isize;
            let below = total - 1.0 - above - weighted[i];
            let row = [
                probs[i],
                at(k - 1),
                at(k - 2),
                at(k - 3),
                at(k + 1),
                at(k + 2),
                at(k + 3),
                above / total,
                below.max(0.0) / total,
                mean,
            ];
            above += weighted[i];
            row
        })
        .collect()
}

/// Each block's [`LEXICAL`] inputs from the word scores of the page's blocks.
pub fn lexical(scores: &[f32]) -> Vec<[f32; LEXICAL.len()]> {
    let at = |i: Option<usize>| i.and_then(|i| scores.get(i)).copied().unwrap_or(0.0);
    (0..scores.len()).map(|i| [scores[i], at(i.checked_sub(1)), at(Some(i + 1))]).collect()
}

/// A block's features followed by its context and lexical inputs: the second stage's input.
pub fn stacked(
    features: &Features,
    context: &[f32; CONTEXT.len()],
    lexical: &[f32; LEXICAL.len()],
) -> [f32; STACKED] {
    let mut row = [0.0; STACKED];
    row[..NAMES.len()].copy_from_slice(features);
    row[NAMES.len()..NAMES.len() + CONTEXT.len()].copy_from_slice(context);
    row[NAMES.len() + CONTEXT.len()..].copy_from_slice(lexical);
    row
}

/// The probability that each block is article text: the logistic model's, read again with
/// its neighbours' and with what the words of the block and its neighbours say by the
/// boosted trees of `data/content/trees.tsv`; on a page the word model cannot read, by
/// those of `trees-plain.tsv`, fitted without the words.
pub fn probabilities(blocks: &[Block], at: Anchors) -> Vec<f32> {
    let features = features(blocks, at);
    let first: Vec<f32> = features.iter().map(|f| probability(&WEIGHTS, f)).collect();
    let letters: Vec<usize> = blocks.iter().map(|b| b.letters).collect();
    let context = context(&first, &letters);
    let readings: Vec<words::Reading> = blocks.iter().map(|b| words::read(&b.text)).collect();
    if !words::knows(&readings) {
        let none = [0.0; LEXICAL.len()];
        return (0..blocks.len())
            .map(|i| PLAIN_TREES.probability(&stacked(&features[i], &context[i], &none)[..PLAIN]))
            .collect();
    }
    let scores: Vec<f32> = readings.iter().map(|r| r.score).collect();
    let lexical = lexical(&scores);
    (0..blocks.len()).map(|i| TREES.probability(&stacked(&features[i], &context[i], &lexical[i]))).collect()
}

/// The blocks of the article, in order, by the fitted models.
pub fn article(blocks: &[Block], at: Anchors) -> Vec<usize> {
    let mut probs = probabilities(blocks, at);
    // Everything under a comment count's heading (`59 Comments on “TITLE”`) is the readers'.
    if let Some(i) =
        (at.start..blocks.len()).find(|&i| blocks[i].words <= 40 && COMMENTS_ON.is_match(&blocks[i].text))
    {
        probs[i..].iter_mut().for_each(|p| *p = 0.0);
    }
    let sizes: Vec<usize> = blocks.iter().map(|b| b.letters).collect();
    select(&probs, &sizes)
}

/// A probability above this counts for the article.
const EVEN: f32 = 0.5;
/// Past the ends of the best stretch, blocks still count for the article above this: a list
/// or a run of one-line paragraphs that the article goes on with scores below [`EVEN`] block
/// by block, but rarely as low as the menus and footers around it.
const LEAN: f32 = 0.4;
/// Inside the article's stretch, a block is dropped below this probability.
const DOUBT: f32 = 0.3;
/// Letters added to every block's size, so that short blocks (headings) still count.
const PAD: f32 = 20.0;
/// The same while the stretch is extended, so that short items weigh about as much as they
/// read.
const LEAN_PAD: f32 = 60.0;

/// The kept blocks: the stretch with the greatest sum of `(p - EVEN) * (size + PAD)`,
/// extended at each end by the run of blocks with the greatest sum of
/// `(p - LEAN) * (size + LEAN_PAD)`, without the blocks inside it the model gives less than
/// `DOUBT`.
pub fn select(probs: &[f32], sizes: &[usize]) -> Vec<usize> {
    let gain = |i: usize, even: f32, pad: f32| (probs[i] - even) * (sizes[i] as f32 + pad);
    let (mut best, mut span) = (0.0f32, None);
    let (mut sum, mut from) = (0.0f32, 0usize);
    for i in 0..probs.len() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += gain(i, EVEN, PAD);
        if sum > best {
            best = sum;
            span = Some((from, i));
        }
    }
    let Some((from, to)) = span else { return Vec::new() };
    let lean = |i: usize| gain(i, LEAN, LEAN_PAD);
    let to = to + best_prefix((to + 1..probs.len()).map(lean));
    let from = from - best_prefix((0..from).rev().map(lean));
    (from..=to).filter(|&i| probs[i] >= DOUBT).collect()
}

/// How many of the leading values give the greatest positive sum (0 if none does).
fn best_prefix(values: impl Iterator<Item = f32>) -> usize {
    let (mut sum, mut best, mut count) = (0.0f32, 0.0f32, 0usize);
    for (k, v) in values.enumerate() {
        sum += v;
        if sum > best {
            best = sum;
            count = k + 1;
        }
    }
    count
}

/// Cheap facts of each block that its neighbours' features are built from.
struct Facts {
    good: Vec<bool>,
    prose: Vec<bool>,
    end_mark: Vec<bool>,
    /// Prefix sums: letters of Good blocks, all letters, bullets, comment headers, section ends.
    good_letters: Vec<f32>,
    letters: Vec<f32>,
    bullets: Vec<f32>,
    comments: Vec<f32>,
    ends: Vec<f32>,
    /// Prefix sums of blocks that read as a sentence of five words or more.
    sentences: Vec<f32>,
}

impl Facts {
    fn new(blocks: &[Block]) -> Facts {
        let good: Vec<bool> = blocks.iter().map(|b| b.kind == Kind::Good).collect();
        let prose = blocks.iter().map(|b| b.kind >= Kind::Near).collect();
        let end_mark: Vec<bool> =
            blocks.iter().map(|b| b.words <= 10 && SECTION_END.is_match(&b.text)).collect();
        let comment: Vec<bool> = blocks.iter().map(is_comment_meta).collect();
        let sums = |f: &dyn Fn(usize) -> f32| -> Vec<f32> {
            let mut out = Vec::with_capacity(blocks.len() + 1);
            let mut acc = 0.0;
            out.push(acc);
            for i in 0..blocks.len() {
                acc += f(i);
                out.push(acc);
            }
            out
        };
        let good_letters = sums(&|i| if good[i] { blocks[i].letters as f32 } else { 0.0 });
        let letters = sums(&|i| blocks[i].letters as f32);
        let bullets = sums(&|i| f32::from(u8::from(blocks[i].bullet)));
        let comments = sums(&|i| f32::from(u8::from(comment[i])));
        let ends = sums(&|i| f32::from(u8::from(end_mark[i])));
        let sentences = sums(&|i| f32::from(u8::from(blocks[i].words >= 5 && blocks[i].ends_sentence())));
        Facts { good, prose, end_mark, good_letters, letters, bullets, comments, ends, sentences }
    }

    /// The sum of a prefix-sum array over blocks `from..to` (clamped to the page).
    fn between(sums: &[f32], from: usize, to: usize) -> f32 {
        let to = to.min(sums.len() - 1);
        sums[to] - sums[from.min(to)]
    }

    /// The share of the letters of blocks within `radius` of `i` that are in Good blocks.
    fn prose_share(&self, i: usize, radius: usize) -> f32 {
        let (from, to) = (i.saturating_sub(radius), i + radius + 1);
        let all = Self::between(&self.letters, from, to);
        if all == 0.0 {
            0.0
        } else {
            Self::between(&self.good_letters, from, to) / all
        }
    }
}

/// Every block's features.
pub fn features(blocks: &[Block], at: Anchors) -> Vec<Features> {
    let facts = Facts::new(blocks);
    let n = blocks.len();
    let gap_above = gaps(facts.good.iter());
    let mut gap_below = gaps(facts.good.iter().rev());
    gap_below.reverse();
    let first = at.head.map_or(at.start, |h| h.min(at.start));
    let span_prose = Facts::between(&facts.good_letters, at.start, at.end + 1).max(1.0);
    let vocabulary = Vocabulary::new(&blocks[at.start..=at.end]);
    (0..n)
        .map(|i| {
            let mut f = text_features(&blocks[i]);
            let b = &blocks[i];
            let ln = |x: f32| (1.0 + x).ln();
            let short_run = if facts.good[i] { 0 } else { gap_above[i] + gap_below[i] + 1 };
            let list_intro = b.bullet
                && (0..i).rev().find(|&j| !blocks[j].bullet).is_some_and(|j| blocks[j].text.ends_with(':'));
            let around = (i.saturating_sub(3), i + 4);
            f[18] = i as f32 / n as f32;
            f[19] = f32::from(u8::from(i >= at.start && i <= at.end));
            f[20] = f32::from(u8::from(at.head.is_some_and(|h| i < h)));
            f[21] = f32::from(u8::from(at.head == Some(i)));
            f[22] = ln(i.saturating_sub(at.end) as f32);
            f[23] = ln(at.start.saturating_sub(i) as f32);
            f[24] = f32::from(u8::from(i > 0 && facts.prose[i - 1]));
            f[25] = f32::from(u8::from(i + 1 < n && facts.prose[i + 1]));
            f[26] = facts.prose_share(i, 2);
            f[27] = facts.prose_share(i, 8);
            f[28] = ln(short_run as f32);
            f[29] = f32::from(u8::from(list_intro));
            f[30] = Facts::between(&facts.bullets, around.0, around.1) / 7.0;
            f[31] = ln(Facts::between(&facts.ends, first, i));
            f[32] = f32::from(u8::from(facts.end_mark[i]));
            f[33] = f32::from(u8::from(Facts::between(&facts.comments, around.0, around.1) > 0.0));
            f[34] = ln(Facts::between(&facts.comments, first, i));
            f[35] = Facts::between(&facts.good_letters, at.start, i) / span_prose;
            f[36] = ln(Facts::between(&facts.good_letters, i + 1, n) / 100.0);
            f[37] = ln(gap_above[i] as f32);
            f[38] = ln(gap_below[i] as f32);
            f[41] = Facts::between(&facts.sentences, around.0, around.1) / 7.0;
            f[42] = vocabulary.overlap(&b.text, facts.good[i] && f[19] > 0.0);
            f
        })
        .collect()
}

/// `Price: $40`, `Date and time: Monday`: a short label, a colon, then a value.
fn is_label_value(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(label, value)| {
        !value.trim().is_empty()
            && label.split_whitespace().count() <= 4
            && label.chars().next().is_some_and(char::is_uppercase)
            && !label.contains(['.', '!', '?'])
    })
}

/// For each block, how many blocks that are not Good come between it and the last Good
/// block before it, in the order given.
fn gaps<'a>(good: impl Iterator<Item = &'a bool>) -> Vec<usize> {
    let mut run = 0;
    good.map(|&g| {
        let gap = run;
        run = if g { 0 } else { run + 1 };
        gap
    })
    .collect()
}

/// The words of the article's prose, counted: text that belongs to the article shares its
/// words, cookie notices, prompts and other stories' teasers mostly do not.
struct Vocabulary {
    counts: FxHashMap<String, u32>,
}

impl Vocabulary {
    fn new(span: &[Block]) -> Vocabulary {
        let mut counts = FxHashMap::default();
        for b in span.iter().filter(|b| b.kind == Kind::Good) {
            for w in content_words(&b.text) {
                *counts.entry(w).or_default() += 1;
            }
        }
        Vocabulary { counts }
    }

    /// The share of a block's content words that the article's prose uses elsewhere.
    /// `counted` says whether the block's own words are in the vocabulary.
    fn overlap(&self, text: &str, counted: bool) -> f32 {
        let words = content_words(text);
        if words.is_empty() {
            return 0.0;
        }
        let mut own: FxHashMap<&str, u32> = FxHashMap::default();
        for w in &words {
            *own.entry(w).or_default() += 1;
        }
        let elsewhere = |w: &str| self.counts.get(w).copied().unwrap_or(0) > if counted { own[w] } else { 0 };
        words.iter().filter(|w| elsewhere(w)).count() as f32 / words.len() as f32
    }
}

/// Lower-cased words of four letters or more that are no stop words.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !blocks::is_stop_word(w))
        .map(str::to_lowercase)
        .collect()
}

/// The features a block's own text gives (the rest stay zero).
fn text_features(b: &Block) -> Features {
    let mut f = [0.0; NAMES.len()];
    let words: Vec<&str> = b.text.split_whitespace().collect();
    let count = words.len().max(1) as f32;
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let digits = b.text.chars().filter(char::is_ascii_digit).count();
    let is_any = |w: &str, list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    let (second, first_plural) = words.iter().fold((0, 0), |(s, p), w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        (
            s + usize::from(is_any(w, &["you", "your", "you're", "yours"])),
            p + usize::from(is_any(w, &["we", "our", "us", "we're", "ours"])),
        )
    });
    let flag = |x: bool| f32::from(u8::from(x));
    f[0] = 1.0;
    f[1] = (1.0 + b.letters as f32).ln();
    f[2] = b.stop;
    f[3] = flag(b.ends_sentence());
    f[4] = flag(b.bullet);
    f[5] = flag(b.kind == Kind::Bad);
    f[6] = flag(b.kind == Kind::Good);
    f[7] = flag(b.kind == Kind::Near);
    f[8] = flag(b.copies > 1);
    f[9] = capitalised as f32 / count;
    f[10] = digits as f32 / (b.letters.max(1) as f32);
    // Every date a page prints has a digit: the date search is skipped on blocks without one.
    f[11] = flag(b.words <= 25 && digits > 0 && dates::find_in(&b.text).is_some());
    f[12] = flag(b.words <= 3);
    f[13] = flag(is_glued(&words));
    f[14] = flag(PROMPT.is_match(&b.text));
    f[15] = flag(is_comment_meta(b));
    f[16] = flag(b.text.trim_end().ends_with('?'));
    f[17] = flag(b.text.trim_end().ends_with(':'));
    f[43] = flag(is_label_value(&b.text));
    f[44] = flag(b.words <= 30 && MEDIA.is_match(&b.text));
    f[39] = second as f32 / count;
    f[40] = first_plural as f32 / count;
    f
}

/// Menu labels printed without spaces between them: `About usCareersContact`.
fn is_glued(words: &[&str]) -> bool {
    words.iter().any(|w| w.chars().zip(w.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase()))
}

/// A comment's header or footer: `Jane says:`, `Reply`, `December 19, 2025 at 13:01`.
fn is_comment_meta(b: &Block) -> bool {
    b.words <= 12 && COMMENT_META.is_match(&b.text)
}

static COMMENT_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:says|said|wrote|commented)\s*:?$|^(?:reply|report|like|quote)(?:\s+\w+)?$|(?-u:\b)at\s+\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?$|^\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago$")
        .expect("valid regex")
});

/// The heading blogs put over their comments: a count and the post's quoted title.
static COMMENTS_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:comments?|replies|responses|thoughts)\s+(?:on|to)\s+[“"‘']"#)
        .expect("valid regex")
});

/// A heading that opens what follows an article: related stories, comments, the author's
/// box, tags, sharing and sign-up prompts.
static SECTION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
        related(?:\ \w+)?|you\ (?:may|might)\ (?:also\ )?(?:like|enjoy|be\ interested\ in).*|more\ (?:from|on|in|stories|articles|posts|like\ this).*|
        recommended.*|read\ (?:next|more|also|this\ next)|popular.*|trending.*|latest\ (?:news|posts|articles|stories).*|most\ (?:read|popular|viewed).*|
        (?:\d+\ )?(?:comments?|replies|responses)|.*\d+\ (?:comments?|replies|responses|thoughts)\ (?:to|on)\ .*|leave\ a\ (?:reply|comment).*|join\ the\ (?:discussion|conversation)|
        about\ the\ authors?|(?:written|posted)\ by|share(?:\ this)?(?:\ (?:article|post|story))?:?|tags?:?.*|filed\ under.*|
        (?:sign\ up|subscribe).*|(?:further|recommended|suggested)\ reading|see\ also|keep\ reading|explore\ more.*|other\ (?:articles|posts|stories).*|
        previous\ (?:post|article)|next\ (?:post|article)|about\ us|contact\ us|follow\ us.*
        )$",
    )
    .expect("valid regex")
});

/// What a picture says in place of itself (its alt text, caption or file name):
/// `Image of a harbour`, `A woman using a laptop`, `Acme logo`, `harbour-view.jpg`.
static MEDIA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)
        ^(?:an?\ |the\ )?(?:image|photo|photograph|picture|illustration|screenshot|graphic|infographic|diagram|chart|video|badge|graph|map|close-?up)s?
            \ (?:of|showing|shows|depicting|featuring|with|that)(?-u:\b)
        |^(?:an?\ )?(?:man|woman|person|people|group\ of|couple|child|girl|boy|hands?|someone)(?-u:\b)
        |(?-u:\b)(?:logo|icon|thumbnail|avatar|headshot|banner|screenshot|image|photo)$
        |\.(?:png|jpe?g|gif|webp|svg|avif)$")
    .expect("valid regex")
});

/// Prompts to act: sign up, click, download, buy, share, book.
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:click|tap|sign\ up|subscribe|download|get\ (?:started|the|your|a\ )|join|book|buy|shop|order|learn\ more|read\ more|see\ more|view\ (?:all|more)|try|start|contact|call|share|follow|register|log\ ?in|request)(?-u:\b)|(?-u:\b)(?:click\ here|learn\ more|read\ more|sign\ up|subscribe)(?-u:\b)")
        .expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trees_file_reads_the_stacked_inputs() {
        assert!(trees::parse(TREES_FILE, STACKED).is_ok());
        assert!(trees::parse(PLAIN_TREES_FILE, PLAIN).is_ok());
    }

    #[test]
    fn context_reads_the_neighbours_and_the_letters_around() {
        let rows = context(&[0.2, 0.8, 1.0], &[10, 5, 0]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][..7], [0.8, 0.2, 0.0, 0.0, 1.0, 0.0, 0.0]);
        // 2 + 4 + 0 = 6 article letters, 7 with the one that keeps the shares finite.
        assert!((rows[1][7] - 2.0 / 7.0).abs() < 1e-6 && rows[1][8] == 0.0);
        assert!((rows[0][8] - 4.0 / 7.0).abs() < 1e-6 && rows[0][7] == 0.0);
        assert!((rows[2][9] - 2.0 / 3.0).abs() < 1e-6);
        assert!(context(&[], &[]).is_empty());
        let lexical = lexical(&[0.5, -2.0, 1.5]);
        assert_eq!(lexical, [[0.5, 0.0, -2.0], [-2.0, 0.5, 1.5], [1.5, -2.0, 0.0]]);
        assert!(super::lexical(&[]).is_empty());
        let input = stacked(&[1.0; NAMES.len()], &rows[1], &lexical[1]);
        assert_eq!((input[NAMES.len() - 1], input[NAMES.len()]), (1.0, 0.8));
        assert_eq!(input[STACKED - LEXICAL.len()..], [-2.0, 0.5, 1.5]);
    }

    #[test]
    fn the_weights_file_is_valid() {
        assert!(weights::parse(WEIGHTS_FILE, &NAMES).is_ok());
    }

    #[test]
    fn the_stretch_is_the_best_run_less_the_doubted_blocks() {
        // A menu, the article with one doubtful caption inside it, then a footer.
        let probs = [0.1, 0.9, 0.8, 0.2, 0.9, 0.1, 0.05];
        let sizes = [50, 300, 200, 20, 250, 40, 100];
        assert_eq!(select(&probs, &sizes), vec![1, 2, 4]);
        // A small unsure block between two long sure ones is kept.
        assert_eq!(select(&[0.9, 0.35, 0.9], &[300, 10, 300]), vec![0, 1, 2]);
        assert!(select(&[0.2, 0.4], &[100, 100]).is_empty());
    }

    #[test]
    fn the_stretch_goes_on_over_blocks_that_still_lean_to_the_article() {
        // Prose, then a list whose items score 0.45 each (below EVEN, above LEAN), then a
        // footer: the list is kept, the footer is not.
        let probs = [0.9, 0.9, 0.45, 0.45, 0.45, 0.45, 0.05, 0.05];
        let sizes = [300, 300, 40, 40, 40, 40, 30, 30];
        assert_eq!(select(&probs, &sizes), vec![0, 1, 2, 3, 4, 5]);
        // Items at 0.35 lean away: the stretch stops at the prose.
        let probs = [0.9, 0.9, 0.35, 0.35, 0.35, 0.05];
        assert_eq!(select(&probs, &[300, 300, 40, 40, 40, 30]), vec![0, 1]);
        // The same holds before the stretch.
        assert_eq!(select(&[0.05, 0.45, 0.45, 0.9], &[30, 40, 40, 300]), vec![1, 2, 3]);
        assert_eq!(best_prefix([1.0, -3.0, 1.0].into_iter()), 1);
        assert_eq!(best_prefix([-1.0, 3.0].into_iter()), 2);
        assert_eq!(best_prefix(std::iter::empty()), 0);
    }

    #[test]
    fn labels_with_values_and_what_pictures_say() {
        assert!(is_label_value("Price: $40 per person"));
        assert!(is_label_value("Date and time: Monday at noon"));
        assert!(!is_label_value("When the storm finally came: we waited."));
        assert!(!is_label_value("Note:"));
        for alt in [
            "Image of a harbour at dawn",
            "A woman using a laptop in a cafe",
            "Acme logo",
            "harbour-view.jpg",
        ] {
            assert!(MEDIA.is_match(alt), "{alt}");
        }
        for prose in
            ["The harbour was quiet at dawn.", "Imagine a harbour at dawn.", "Photography is a craft."]
        {
            assert!(!MEDIA.is_match(prose), "{prose}");
        }
    }

    #[test]
    fn gaps_count_the_blocks_since_the_last_good_one() {
        let good = [false, true, false, false, true];
        assert_eq!(gaps(good.iter()), vec![0, 1, 0, 1, 2]);
        let mut below = gaps(good.iter().rev());
        below.reverse();
        assert_eq!(below, vec![0, 2, 1, 0, 0]);
    }

    #[test]
    fn a_block_weighs_its_features() {
        let mut weights = [0.0; NAMES.len()];
        weights[0] = 2.0;
        let mut f = [0.0; NAMES.len()];
        f[0] = 1.0;
        assert!((probability(&weights, &f) - 0.880_797).abs() < 1e-5);
        f[0] = 0.0;
        assert_eq!(probability(&weights, &f), 0.5);
    }

    #[test]
    fn menus_glued_together_and_comment_headers() {
        assert!(is_glued(&["About", "usCareersContact"]));
        assert!(!is_glued(&["The", "quick", "fox."]));
        let lines = ["Jane says:", "", "December 19, 2025 at 13:01", "", "We said it plainly and went home."];
        let found: Vec<bool> = blocks::split(&lines).iter().map(is_comment_meta).collect();
        assert_eq!(found, vec![true, true, false]);
    }

    #[test]
    fn prose_shares_its_words_with_the_article() {
        let lines = [
            "Volcanic ash grounded flights across northern Europe on Monday.",
            "",
            "Airlines said volcanic ash could linger.",
        ];
        let span = blocks::split(&lines);
        let vocabulary = Vocabulary::new(&span);
        // Good blocks only make the vocabulary; these two are too short, so it is empty.
        assert_eq!(vocabulary.overlap("volcanic ash again", false), 0.0);
        let long = "Volcanic ash from the eruption grounded hundreds of flights across northern Europe on Monday, and the airlines said that the cloud of ash could linger over the region for several more days.";
        let span = blocks::split(&[long]);
        let vocabulary = Vocabulary::new(&span);
        // Words under four letters (`ash`) are left out: `volcanic` is shared, `again` is not.
        assert_eq!(vocabulary.overlap("Volcanic ash again", false), 0.5);
        // Its own words do not count for a block that made the vocabulary.
        assert_eq!(vocabulary.overlap("Volcanic ash again", true), 0.0);
        assert_eq!(content_words("The ASH of this eruption"), vec!["eruption".to_string()]);
    }

    #[test]
    fn every_block_gets_features_and_the_article_is_kept() {
        let text = "Home | News | Sport\n\nVolcano erupts\n\nVolcanic ash from the eruption grounded hundreds of flights across northern Europe on Monday, and the airlines said that the cloud could linger over the region for several more days.\n\nThe authorities said that there was no danger to people on the ground, but they asked those who live near the mountain to stay inside while the ash is falling.\n\nShare this article\n\nAll rights reserved";
        let lines: Vec<&str> = text.lines().collect();
        let page = blocks::split(&lines);
        let at = Anchors { start: 2, end: 3, head: Some(1) };
        let all = features(&page, at);
        assert_eq!(all.len(), page.len());
        assert!(all.iter().all(|f| f[0] == 1.0 && f.iter().all(|x| x.is_finite())));
        let kept = article(&page, at);
        assert!(kept.contains(&2) && kept.contains(&3), "{kept:?}");
        assert!(!kept.contains(&0) && !kept.contains(&(page.len() - 1)), "{kept:?}");
    }

    #[test]
    fn nothing_under_a_comment_count_heading_is_the_article() {
        let para = "Volcanic ash from the eruption grounded hundreds of flights across northern Europe on Monday, and the airlines said that the cloud could linger for several more days.";
        let reader = "I was stuck at the airport for two days because of this, and the airline told us nothing at all about when we might be able to fly home again.";
        let text = format!("Volcano erupts\n\n{para}\n\n{para}\n\n12 Comments on “Volcano erupts”\n\n{reader}\n\n{reader}\n\n{reader}");
        let lines: Vec<&str> = text.lines().collect();
        let page = blocks::split(&lines);
        let heading = page.iter().position(|b| b.text.starts_with("12 Comments")).unwrap();
        let kept = article(&page, Anchors { start: 1, end: page.len() - 1, head: Some(0) });
        assert!(kept.contains(&1) && kept.iter().all(|&i| i < heading), "{kept:?}");
    }
}
