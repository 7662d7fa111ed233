//! English stemming with a per-thread memory of words already stemmed.
//!
//! The Snowball stemmer is the costliest step of tokenizing news text (for indexing and for
//! snippets), and news vocabulary is small and repetitive: most words have been stemmed
//! before. The memory keeps words as fixed-size integer keys and their stems inline in the
//! table's slots, so a lookup touches one slot instead of following two pointers to separately
//! allocated strings (those cache misses had made the memory a fifth of the indexing threads' time).
//! It gives exactly the stems of tantivy's own English `Stemmer`.

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
}

thread_local! {
    static STEMS: RefCell<Memory> = RefCell::new(Memory {
        stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        known: FxHashMap::default(),
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
        if let Some(stem) = key.and_then(|k| memory.known.get(&k)) {
            out.push_str(stem);
            return;
        }
        let stem = memory.stemmer.stem(word);
        out.push_str(&stem);
        if let (Some(key), Ok(stem)) = (key, Short::from(&stem)) {
            if memory.known.len() >= MAX_REMEMBERED {
                memory.known.clear();
            }
            memory.known.insert(key, stem);
        }
    });
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
