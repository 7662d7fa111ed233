//! What a block's words say about it: a logistic model over the words and word pairs of its
//! text, and over its first and last words (`subscribe`, `click here`, `getty images`, a
//! block opening with `join` or closing with `reserved`). Its score is one of the inputs of
//! the block model's second stage (see [`super::content`]).
//!
//! A block's keys are its lower-cased runs of letters, each pair of neighbouring ones
//! (`click here`), and its first word, first two words and last word marked `^` and `$`
//! (`^join`, `^check out`, `$reserved`). Each key counts as often as it occurs, scaled so
//! that a block's counts have unit length: a long paragraph weighs no more than a button.
//! The weights are in `data/content/words.tsv`, fitted on the cleaning-dev text dumps by
//! `scripts/train-content-trees` (keys found on fewer than 10 of its pages are left out).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

const WEIGHTS_FILE: &str = include_str!("../../data/content/words.tsv");

static MODEL: LazyLock<Words> =
    LazyLock::new(|| Words::parse(WEIGHTS_FILE).expect("data/content/words.tsv is valid"));

/// The fitted model: an intercept and a weight per key, looked up by the key's hash.
#[derive(Debug)]
pub struct Words {
    intercept: f32,
    weights: FxHashMap<u64, f32>,
}

impl Words {
    /// Reads a weights file: `#` comments, then `KEY<TAB>WEIGHT` lines; the line whose key
    /// is empty holds the intercept.
    pub fn parse(text: &str) -> Result<Words, String> {
        let (mut intercept, mut weights) = (None, FxHashMap::default());
        for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (key, value) = line.split_once('\t').ok_or_else(|| format!("no tab in {line:?}"))?;
            let value: f32 = value.trim().parse().map_err(|_| format!("bad weight in {line:?}"))?;
            if key.is_empty() {
                intercept = Some(value);
            } else if weights.insert(fnv(&[key]), value).is_some() {
                return Err(format!("{key:?} twice"));
            }
        }
        Ok(Words { intercept: intercept.ok_or("no intercept (a line with an empty key)")?, weights })
    }

    /// What the model makes of a block's text: one pass over its keys.
    pub fn read(&self, text: &str) -> Reading {
        let tokens = Tokens::new(text);
        let mut hashes: Vec<u64> = Vec::with_capacity(3 * tokens.spans.len() + 3);
        tokens.each_key(|pieces| hashes.push(fnv(pieces)));
        // The words' own keys come first (see `Tokens::each_key`).
        let words = tokens.spans.len();
        let known = hashes[..words].iter().filter(|h| self.weights.contains_key(h)).count();
        hashes.sort_unstable();
        let (mut sum, mut squares) = (0.0f32, 0.0f32);
        for run in hashes.chunk_by(|a, b| a == b) {
            let count = run.len() as f32;
            squares += count * count;
            sum += self.weights.get(&run[0]).map_or(0.0, |w| w * count);
        }
        let length = squares.sqrt();
        let score = self.intercept + if length > 0.0 { sum / length } else { 0.0 };
        Reading { score, known, words }
    }

    /// The model's log-odds that a block with this text is article text.
    pub fn score(&self, text: &str) -> f32 {
        self.read(text).score
    }
}

/// What the word model makes of one block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The log-odds that the block is article text.
    pub score: f32,
    /// How many of its words the model has a weight for, of how many.
    pub known: usize,
    pub words: usize,
}

/// Below this share of a page's words known to the model (see [`Reading::known`]) the page
/// is not one the model can read: a language it was not fitted on, placeholder text. The
/// pages it was fitted on know from 0.30 up (three below 0.5, 5% below 0.67); French, Czech,
/// Portuguese, Chinese or Lorem-ipsum pages 0.09 to 0.31.
pub const KNOWN: f32 = 0.5;

/// The shipped model's reading of a block's text (see [`Words::read`]).
pub fn read(text: &str) -> Reading {
    MODEL.read(text)
}

/// The shipped model's score of a block's text (see [`Words::score`]).
pub fn score(text: &str) -> f32 {
    MODEL.score(text)
}

/// Whether the model knows enough of a page's words, read block by block, to be read on it
/// (see [`KNOWN`]).
pub fn knows(readings: &[Reading]) -> bool {
    let (known, all) = readings.iter().fold((0, 0), |(k, a), r| (k + r.known, a + r.words));
    all > 0 && known as f32 >= KNOWN * all as f32
}

/// A block's keys as text, one per occurrence: what the model's trainer counts.
pub fn keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    Tokens::new(text).each_key(|pieces| out.push(pieces.concat()));
    out
}

/// A text's words, lower-cased into one buffer.
struct Tokens {
    buffer: String,
    spans: Vec<(usize, usize)>,
}

impl Tokens {
    fn new(text: &str) -> Tokens {
        let mut buffer = String::with_capacity(text.len());
        let mut spans = Vec::new();
        for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            let start = buffer.len();
            if word.is_ascii() {
                buffer.push_str(word);
                buffer[start..].make_ascii_lowercase();
            } else {
                buffer.extend(word.chars().flat_map(char::to_lowercase));
            }
            spans.push((start, buffer.len()));
        }
        Tokens { buffer, spans }
    }

    fn word(&self, i: usize) -> &str {
        let (from, to) = self.spans[i];
        &self.buffer[from..to]
    }

    /// Calls `f` with the pieces of every key, in the order the module's doc gives them.
    fn each_key(&self, mut f: impl FnMut(&[&str])) {
        let n = self.spans.len();
        for i in 0..n {
            f(&[self.word(i)]);
        }
        for i in 1..n {
            f(&[self.word(i - 1), " ", self.word(i)]);
        }
        if n > 0 {
            f(&["^", self.word(0)]);
            f(&["$", self.word(n - 1)]);
        }
        if n > 1 {
            f(&["^", self.word(0), " ", self.word(1)]);
        }
    }
}

/// 64-bit FNV-1a of the pieces' bytes, one after another.
fn fnv(pieces: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in pieces.iter().flat_map(|p| p.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_words_pairs_and_the_ends() {
        assert_eq!(
            keys("Click here, NOW!"),
            ["click", "here", "now", "click here", "here now", "^click", "$now", "^click here"]
        );
        assert_eq!(keys("Ça va"), ["ça", "va", "ça va", "^ça", "$va", "^ça va"]);
        assert_eq!(keys("Oui"), ["oui", "^oui", "$oui"]);
        assert!(keys("2024 — 12").is_empty());
    }

    #[test]
    fn the_score_weighs_unit_length_counts() {
        let model = Words::parse("# test\n\t-1\nsubscribe\t2\n^subscribe\t1\n").unwrap();
        // Keys `subscribe` and `^subscribe` and `$subscribe`: length √3.
        assert!((model.score("Subscribe") - (-1.0 + 3.0 / 3f32.sqrt())).abs() < 1e-6);
        assert_eq!(model.score("1234"), -1.0);
        assert_eq!(model.score("The vote"), -1.0);
        let reading = model.read("Subscribe now, subscribe!");
        assert_eq!((reading.known, reading.words), (2, 3));
        assert!(knows(&[reading]) && !knows(&[model.read("The vote")]) && !knows(&[]));
    }

    #[test]
    fn weights_files_need_an_intercept_and_distinct_keys() {
        assert!(Words::parse("a\t1\n").unwrap_err().contains("intercept"));
        assert!(Words::parse("\t0\na\t1\na\t2\n").unwrap_err().contains("twice"));
        assert!(Words::parse("\t0\na 1\n").unwrap_err().contains("no tab"));
    }

    #[test]
    fn the_shipped_weights_are_valid() {
        assert!(Words::parse(WEIGHTS_FILE).is_ok());
    }

    #[test]
    fn the_shipped_model_reads_a_cookie_notice_below_a_report() {
        let notice =
            "This website uses cookies to improve your experience. Please accept our use of cookies.";
        let report =
            "The council said on Tuesday that the new bridge would open in the spring, two years later \
                      than planned, because the builders found the old piles weaker than expected.";
        assert!(score(notice) < 0.0 && score(report) > 0.0, "{} {}", score(notice), score(report));
        assert!(knows(&[read(report), read(notice)]));
        let lorem = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor";
        assert!(!knows(&[read(lorem)]));
        assert!(!knows(&[read("Le conseil municipal a voté mardi soir un budget pour rénover les écoles.")]));
    }
}
