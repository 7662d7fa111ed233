//! English stemming with a per-thread memory of words already stemmed.
//!
//! The Snowball stemmer is the costliest step of tokenizing news text (for indexing and for
//! snippets), and news vocabulary is small and repetitive: most words have been stemmed
//! before. The memory keeps short words and their stems inline in the table's slots, so a
//! lookup touches one slot instead of following two pointers to separately allocated
//! strings (those cache misses had made the memory a fifth of the indexing threads' time).
//! It gives exactly the stems of tantivy's own English `Stemmer`.

use std::cell::RefCell;

use arrayvec::ArrayString;
use rustc_hash::FxHashMap;

/// Words remembered per thread before the memory starts over.
const MAX_REMEMBERED: usize = 200_000;

/// Longest word (and stem) kept inline, in bytes; longer ones are stemmed every time.
const INLINE: usize = 24;

/// A word or stem stored inline.
type Short = ArrayString<INLINE>;

/// The stemmer and the stems it gave, by word.
struct Memory {
    stemmer: frostem::Stemmer,
    known: FxHashMap<Short, Short>,
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
        if let Some(stem) = memory.known.get(word) {
            out.push_str(stem);
            return;
        }
        let stem = memory.stemmer.stem(word);
        out.push_str(&stem);
        if let (Ok(key), Ok(stem)) = (Short::from(word), Short::from(&stem)) {
            if memory.known.len() >= MAX_REMEMBERED {
                memory.known.clear();
            }
            memory.known.insert(key, stem);
        }
    });
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
