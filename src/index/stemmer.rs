//! English stemming with a per-thread memory of words already stemmed.
//!
//! The Snowball stemmer is the costliest step of tokenizing news text (for indexing and for
//! snippets), and news vocabulary is small and repetitive: most words have been stemmed
//! before. The memory is an open-addressing table of cache-line slots, each holding a word
//! (as a fixed-size integer key) and its stem, so a lookup reads one line of memory. The
//! table is far larger than the processor's caches, and that one read is what a lookup
//! costs (a profile put most of the stemmer's time on it): a caller that knows the words
//! to come asks for their slots early ([`prefetch`]), so that the read overlaps other work.
//! It gives exactly the stems of tantivy's own English `Stemmer`.

use std::cell::RefCell;

/// Slots of a new table (a power of two): 256 KiB, for a search's few snippets.
const FIRST_SLOTS: usize = 1 << 12;

/// Slots of the table at its largest (16 MiB per thread); full, the memory starts over.
const MAX_SLOTS: usize = 1 << 18;

/// Longest word remembered, in bytes (longer words are stemmed every time).
const LONGEST: usize = 16;

/// A word of 3 to 16 bytes as a key of fixed size: its first and last 8 bytes (4 for a
/// shorter word; overlapping, they hold every byte) and its length. Hashing and comparing
/// it are a few integer operations, where a string key took a loop and a `memcmp` call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    first: u64,
    last: u64,
    len: u8,
}

/// Where a word's stem is, or would be, remembered: its key and the key's hash.
#[derive(Debug, Clone, Copy)]
pub struct Lookup {
    key: Key,
    hash: u64,
}

/// One remembered word and its stem, a cache line each (`len` 0: empty).
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    first: u64,
    last: u64,
    len: u8,
    stem_len: u8,
    stem: [u8; LONGEST],
}

const EMPTY: Slot = Slot { first: 0, last: 0, len: 0, stem_len: 0, stem: [0; LONGEST] };

/// The stemmer and the stems it gave, by word.
struct Memory {
    stemmer: frostem::Stemmer,
    slots: Vec<Slot>,
    used: usize,
}

thread_local! {
    static STEMS: RefCell<Memory> = RefCell::new(Memory {
        stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        slots: Vec::new(),
        used: 0,
    });
}

/// The English stem of a lower-cased word, written over `out`.
pub fn stem_into(word: &str, out: &mut String) {
    stem_known(word, lookup(word.as_bytes(), false), out);
}

/// The English stem of a lower-cased word whose [`lookup`] is `at`, written over `out`.
pub fn stem_known(word: &str, at: Option<Lookup>, out: &mut String) {
    out.clear();
    // The English Snowball stemmer leaves words of fewer than three letters as they are
    // ("not hop 3"), and a fifth of news words are that short: no lookup for them.
    if word.len() <= 2 {
        out.push_str(word);
        return;
    }
    STEMS.with_borrow_mut(|memory| match at {
        Some(at) => memory.stem_remembered(word, at, out),
        None => out.push_str(&memory.stemmer.stem(word)),
    });
}

/// Asks the processor to bring the slot of a word soon to be stemmed into its cache.
pub fn prefetch(at: Lookup) {
    STEMS.with_borrow(|memory| {
        if let Some(slot) = memory.slots.get(memory.first_slot(at)) {
            prefetch_line(std::ptr::from_ref(slot).cast());
        }
    });
}

#[cfg(target_arch = "x86_64")]
fn prefetch_line(p: *const i8) {
    use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
    // SAFETY: SSE is part of every x86-64 processor, and a prefetch never faults, whatever
    // the address: it is only a hint to the cache.
    unsafe { _mm_prefetch::<_MM_HINT_T0>(p) }
}

#[cfg(not(target_arch = "x86_64"))]
fn prefetch_line(_: *const i8) {}

impl Memory {
    /// The slot where the search for a word starts (the table's size is a power of two).
    fn first_slot(&self, at: Lookup) -> usize {
        (at.hash >> (64 - self.slots.len().max(1).trailing_zeros())) as usize
    }

    fn stem_remembered(&mut self, word: &str, at: Lookup, out: &mut String) {
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; FIRST_SLOTS];
        }
        match self.find(at.key, self.first_slot(at)) {
            Ok(stem) => out.push_str(stem),
            Err(_) => {
                let stem = self.stemmer.stem(word);
                out.push_str(&stem);
                if stem.len() <= LONGEST {
                    self.remember(at, stem.as_bytes());
                }
            }
        }
    }

    /// The stem remembered for `key`, or the empty slot where it would go.
    fn find(&self, key: Key, mut i: usize) -> Result<&str, usize> {
        let mask = self.slots.len() - 1;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return Err(i);
            }
            if slot.first == key.first && slot.last == key.last && slot.len == key.len {
                // Stems are stored from valid `str`s, cut at their length.
                return Ok(std::str::from_utf8(&slot.stem[..usize::from(slot.stem_len)]).unwrap_or_default());
            }
            i = (i + 1) & mask;
        }
    }

    /// Stores a stem; a table three-quarters full doubles, or starts over at its largest
    /// (which keeps probe runs short).
    fn remember(&mut self, at: Lookup, stem: &[u8]) {
        if self.used >= self.slots.len() / 4 * 3 {
            if self.slots.len() >= MAX_SLOTS {
                self.slots.fill(EMPTY);
                self.used = 0;
            } else {
                self.grow();
            }
        }
        let mut slot = Slot { first: at.key.first, last: at.key.last, len: at.key.len, ..EMPTY };
        slot.stem_len = stem.len() as u8;
        slot.stem[..stem.len()].copy_from_slice(stem);
        self.put(slot, at.hash);
    }

    /// Doubles the table, moving every remembered word to its place in the larger one.
    fn grow(&mut self) {
        let larger = vec![EMPTY; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, larger);
        self.used = 0;
        for slot in old.into_iter().filter(|s| s.len != 0) {
            let key = Key { first: slot.first, last: slot.last, len: slot.len };
            self.put(slot, hash(key));
        }
    }

    /// Writes a slot for a word not in the table.
    fn put(&mut self, slot: Slot, hash: u64) {
        let key = Key { first: slot.first, last: slot.last, len: slot.len };
        if let Err(i) = self.find(key, self.first_slot(Lookup { key, hash })) {
            self.slots[i] = slot;
            self.used += 1;
        }
    }
}

/// Where the stem of a word of 3 to 16 bytes is remembered (`None` for other words,
/// stemmed every time). With `lower`, the word is taken lower-cased: it must then be ASCII
/// letters and digits only, whose lower case sets one bit (`0x20`, already set in digits).
pub fn lookup(word: &[u8], lower: bool) -> Option<Lookup> {
    let key = key(word, lower)?;
    Some(Lookup { key, hash: hash(key) })
}

/// A key's hash; the table takes its top bits.
fn hash(key: Key) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    (key.first.wrapping_mul(K).rotate_left(26) ^ key.last ^ u64::from(key.len)).wrapping_mul(K)
}

fn key(word: &[u8], lower: bool) -> Option<Key> {
    let len = word.len();
    let case = if lower { 0x2020_2020_2020_2020 } else { 0 };
    let (first, last, bytes) = match len {
        8..=LONGEST => (u64::from_le_bytes(*word.first_chunk()?), u64::from_le_bytes(*word.last_chunk()?), 8),
        4..=7 => (
            u64::from(u32::from_le_bytes(*word.first_chunk()?)),
            u64::from(u32::from_le_bytes(*word.last_chunk()?)),
            4,
        ),
        3 => (u64::from(word[0]) | u64::from(word[1]) << 8 | u64::from(word[2]) << 16, 0, 3),
        _ => return None,
    };
    let mask = |v: u64| v | (case & mask_of(bytes));
    Some(Key { first: mask(first), last: if len == 3 { 0 } else { mask(last) }, len: len as u8 })
}

/// The low `n` bytes of a `u64` set.
fn mask_of(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
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
        let keys: std::collections::HashSet<Key> =
            words.iter().filter_map(|w| key(w.as_bytes(), false)).collect();
        assert_eq!(keys.len(), words.len());
        assert_eq!(key(b"ab", false), None);
        assert_eq!(key("internationalizations".as_bytes(), false), None);
        for word in words.iter().chain(&["a1b2c3", "x9y", "zz0123456789zz"]) {
            let upper = word.to_ascii_uppercase();
            assert_eq!(key(upper.as_bytes(), true), key(word.as_bytes(), false), "{word}");
            assert_eq!(key(word.as_bytes(), true), key(word.as_bytes(), false), "{word}");
        }
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
    fn memory_keeps_its_stems_while_it_grows() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let words: Vec<String> = (0..3 * FIRST_SLOTS).map(|n| format!("walk{n}ings")).collect();
        let mut out = String::new();
        for _ in 0..2 {
            for word in &words {
                stem_into(word, &mut out);
                assert_eq!(out, stemmer.stem(word), "{word}");
            }
        }
        assert!(STEMS.with_borrow(|m| m.slots.len()) > FIRST_SLOTS);
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
