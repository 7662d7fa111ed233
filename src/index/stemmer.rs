//! English stemming with a per-thread memory of words already stemmed.
//!
//! The Snowball stemmer is the costliest step of tokenizing news text (for indexing and for
//! snippets), and news vocabulary is small and repetitive: most words have been stemmed
//! before. The memory keeps words as fixed-size integer keys and their stems inline in the
//! table's slots, so a lookup touches one slot instead of following two pointers to separately
//! allocated strings (those cache misses had made the memory a fifth of the indexing threads' time).
//! It gives exactly the stems of tantivy's own English `Stemmer`.
//!
//! In front of that memory sits a small one, [`Hot`], of the words met most recently: news
//! text draws nine tenths of its words (of three letters or more) from some 8,000, and a
//! table of that size fits in the core's second-level cache, where the full memory (over
//! 100,000 words in a large archive, 10 MB) does not: two thirds of the analyzer's time had
//! gone to waiting for the full memory's slots to come from main memory.

use std::cell::RefCell;

use arrayvec::ArrayString;
use rustc_hash::FxHashMap;

/// Words remembered per thread before the memory starts over.
const MAX_REMEMBERED: usize = 200_000;

/// Longest stem kept, in bytes (words longer than 16 bytes are stemmed every time).
const INLINE: usize = 24;

/// A word or stem stored inline.
type Short = ArrayString<INLINE>;

/// A word of 3 to 16 bytes as a key of fixed size: its first and last 8 bytes (4 for a
/// shorter word; overlapping, they hold every byte) and its length. Hashing and comparing
/// it are a few integer operations, where a string key took a loop and a `memcmp` call.
type Key = (u64, u64, u8);

/// The stemmer and the stems it gave, by word.
struct Memory {
    stemmer: frostem::Stemmer,
    known: FxHashMap<Key, Short>,
    hot: Hot,
}

thread_local! {
    static STEMS: RefCell<Memory> = RefCell::new(Memory {
        stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        known: FxHashMap::default(),
        hot: Hot::default(),
    });
}

/// The English stem of a lower-cased word, written over `out`.
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    // The English Snowball stemmer leaves words of fewer than three letters as they are
    // ("not hop 3"), and a fifth of news words are that short: no lookup for them.
    if word.len() <= 2 {
        out.push_str(word);
        return;
    }
    STEMS.with_borrow_mut(|memory| {
        let key = key(word.as_bytes());
        if let Some(key) = key {
            if memory.hot.stem_into(word, key, out) {
                return;
            }
            if let Some(stem) = memory.known.get(&key) {
                out.push_str(stem);
                memory.hot.insert(word, key, stem);
                return;
            }
        }
        let stem = memory.stemmer.stem(word);
        out.push_str(&stem);
        if let (Some(key), Ok(stem)) = (key, Short::from(&stem)) {
            if memory.known.len() >= MAX_REMEMBERED {
                memory.known.clear();
            }
            memory.known.insert(key, stem);
            memory.hot.insert(word, key, &stem);
        }
    });
}

/// Sets of the hot memory (two words each, so 16,384 words in 512 KiB).
const HOT_SETS: usize = 1 << 13;

/// Most bytes of a stem beyond the part it shares with its word (`happi` is `happy` less
/// one byte plus `i`: one byte).
const HOT_TAIL: usize = 5;

/// A small memory of recent words, two per cache line, each word in one of two slots of
/// the set its key picks. A stem is kept as the length of the start it shares with its word
/// and the few ASCII bytes after that, which English stems nearly always are; other stems
/// are left to the full memory.
struct Hot {
    sets: Box<[[HotSlot; 2]]>,
}

/// One word in the hot memory (`len` 0: empty).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct HotSlot {
    first: u64,
    last: u64,
    len: u8,
    /// Bytes of the word that start its stem.
    keep: u8,
    tail_len: u8,
    tail: [u8; HOT_TAIL],
}

impl Default for Hot {
    fn default() -> Hot {
        Hot { sets: vec![[HotSlot::default(); 2]; HOT_SETS].into_boxed_slice() }
    }
}

impl Hot {
    /// The set of a key: a multiplicative hash of its parts, high bits.
    fn set(key: Key) -> usize {
        let mixed = (key.0 ^ key.1.rotate_left(29) ^ u64::from(key.2)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - HOT_SETS.trailing_zeros())) as usize
    }

    /// Writes the stem of `word` (whose key is `key`) after `out` if the hot memory has it.
    #[inline]
    fn stem_into(&self, word: &str, key: Key, out: &mut String) -> bool {
        let set = &self.sets[Hot::set(key)];
        let Some(slot) = set.iter().find(|s| (s.first, s.last, s.len) == key) else { return false };
        out.push_str(word.get(..usize::from(slot.keep)).unwrap_or(word));
        slot.tail[..usize::from(slot.tail_len)].iter().for_each(|&b| out.push(char::from(b)));
        true
    }

    /// Remembers the stem of `word`, in the first slot of its set (the word there moves to
    /// the second, the one in the second goes), unless the stem cannot be kept this way.
    fn insert(&mut self, word: &str, key: Key, stem: &str) {
        let Some((keep, tail)) = split_stem(word, stem) else { return };
        let mut slot =
            HotSlot { first: key.0, last: key.1, len: key.2, keep, tail_len: 0, tail: [0; HOT_TAIL] };
        slot.tail_len = tail.len() as u8;
        slot.tail[..tail.len()].copy_from_slice(tail.as_bytes());
        let set = &mut self.sets[Hot::set(key)];
        set[1] = set[0];
        set[0] = slot;
    }
}

/// The stem as the length of the start it shares with the word (at a character boundary)
/// and the ASCII rest, if that rest has at most [`HOT_TAIL`] bytes.
fn split_stem<'s>(word: &str, stem: &'s str) -> Option<(u8, &'s str)> {
    let mut keep = word.bytes().zip(stem.bytes()).take_while(|(a, b)| a == b).count();
    while !word.is_char_boundary(keep) {
        keep -= 1;
    }
    let tail = stem.get(keep..)?;
    (tail.len() <= HOT_TAIL && tail.is_ascii()).then_some((u8::try_from(keep).ok()?, tail))
}

/// The key of a word of 3 to 16 bytes (`None` for others, stemmed every time).
fn key(word: &[u8]) -> Option<Key> {
    let len = word.len();
    let (first, last) = match len {
        8..=16 => (u64::from_le_bytes(*word.first_chunk()?), u64::from_le_bytes(*word.last_chunk()?)),
        4..=7 => (
            u64::from(u32::from_le_bytes(*word.first_chunk()?)),
            u64::from(u32::from_le_bytes(*word.last_chunk()?)),
        ),
        3 => (u64::from(word[0]) | u64::from(word[1]) << 8 | u64::from(word[2]) << 16, 0),
        _ => return None,
    };
    Some((first, last, len as u8))
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::*;

    fn stems(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    fn remembered(text: &str) -> Vec<String> {
        let mut tokens = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).build();
        let (mut stream, mut out) = (tokens.token_stream(text), Vec::new());
        while stream.advance() {
            let mut stem = String::new();
            stem_into(&stream.token().text, &mut stem);
            out.push(stem);
        }
        out
    }

    #[test]
    fn keys_tell_words_apart() {
        let words =
            ["abc", "abd", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "aaaaaaaaa", "aaaaaaaaaa", "running"];
        let keys: std::collections::HashSet<Key> = words.iter().filter_map(|w| key(w.as_bytes())).collect();
        assert_eq!(keys.len(), words.len());
        assert_eq!(key(b"ab"), None);
        assert_eq!(key("internationalizations".as_bytes()), None);
    }

    #[test]
    fn stems_split_into_the_words_start_and_a_short_ascii_tail() {
        assert_eq!(split_stem("happy", "happi"), Some((4, "i")));
        assert_eq!(split_stem("running", "run"), Some((3, "")));
        assert_eq!(split_stem("news", "news"), Some((4, "")));
        assert_eq!(split_stem("dying", "die"), Some((1, "ie")));
        assert_eq!(split_stem("éa", "éb"), Some((2, "b")));
        assert_eq!(split_stem("éa", "èa"), None, "a tail beyond ASCII is not kept");
        assert_eq!(split_stem("ab", "abcdefgh"), None, "a tail of more than five bytes is not kept");
    }

    #[test]
    fn the_hot_memory_gives_back_what_it_was_given_and_forgets_the_third_word_of_a_set() {
        let mut hot = Hot::default();
        let words = ["happy", "running", "nation"];
        let stems = ["happi", "run", "nation"];
        for (w, s) in words.iter().zip(stems) {
            hot.insert(w, key(w.as_bytes()).unwrap(), s);
        }
        for (w, s) in words.iter().zip(stems) {
            let mut out = String::from("x");
            assert!(hot.stem_into(w, key(w.as_bytes()).unwrap(), &mut out));
            assert_eq!(out, format!("x{s}"));
        }
        // Three words in one set: the oldest is forgotten.
        let same: Vec<String> = (0..200_000)
            .map(|i| format!("word{i}"))
            .filter(|w| Hot::set(key(w.as_bytes()).unwrap()) == 0)
            .take(3)
            .collect();
        for w in &same {
            hot.insert(w, key(w.as_bytes()).unwrap(), w);
        }
        let mut out = String::new();
        assert!(!hot.stem_into(&same[0], key(same[0].as_bytes()).unwrap(), &mut out));
        assert!(hot.stem_into(&same[1], key(same[1].as_bytes()).unwrap(), &mut out));
        assert!(hot.stem_into(&same[2], key(same[2].as_bytes()).unwrap(), &mut out));
    }

    #[test]
    fn words_of_two_letters_or_fewer_are_their_own_stems() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let chars: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        let short = chars.iter().map(|a| a.to_string());
        let pairs = chars.iter().flat_map(|a| chars.iter().map(move |b| format!("{a}{b}")));
        for word in std::iter::once(String::new()).chain(short).chain(pairs) {
            assert_eq!(stemmer.stem(&word), word);
        }
    }

    #[test]
    fn stems_equal_tantivys_own_twice_over() {
        let text = "Elections, electing; nationalization running RUNS happily skies dying news \
                    elections running Ünïcode internationalizations counterrevolutionaries \
                    antidisestablishmentarianism";
        let theirs =
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(Stemmer::default());
        let expected = stems(theirs.build(), text);
        assert_eq!(remembered(text), expected);
        assert_eq!(remembered(text), expected, "remembered stems are the same");
        assert!(expected.contains(&"elect".to_string()));
    }
}
