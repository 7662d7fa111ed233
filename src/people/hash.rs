//! A small hash for feature keys and word lookups, computed from the bytes of a word
//! without copying them (lower-cased on the fly), so no key string is ever allocated on
//! the hot path.
//!
//! A word is read as at most a few 8-byte integers (short words as two overlapping reads,
//! which cover every byte), not byte by byte: nearly every word of news text is hashed
//! with no loop, so there is no loop exit for the processor to mispredict.

/// The hash of some bytes.
pub const fn bytes(bytes: &[u8]) -> u64 {
    hash(bytes, false).0
}

/// The hash of a string.
pub const fn str(s: &str) -> u64 {
    hash(s.as_bytes(), false).0
}

/// The hash of a string lower-cased (full Unicode lower-casing, ASCII fast path): the
/// same as [`str`] of the lower-cased string.
pub fn lower(s: &str) -> u64 {
    match hash(s.as_bytes(), true) {
        (h, true) => h,
        _ => str(&s.chars().flat_map(char::to_lowercase).collect::<String>()),
    }
}

/// The hash of `a|b`, without building it when it is short.
pub fn pair(a: &str, b: &str) -> u64 {
    let mut buf = [0u8; 64];
    let len = a.len() + 1 + b.len();
    if len > buf.len() {
        return str(&format!("{a}|{b}"));
    }
    buf[..a.len()].copy_from_slice(a.as_bytes());
    buf[a.len()] = b'|';
    buf[a.len() + 1..len].copy_from_slice(b.as_bytes());
    bytes(&buf[..len])
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// The hash of `bytes`, ASCII upper-case letters read as lower-case ones when `lower`,
/// and whether the bytes are all ASCII. The length starts the state; each 8-byte block is
/// folded in with a multiplication (for a given length, a bijection of the state), then
/// the tail, and the result is mixed.
#[inline]
const fn hash(bytes: &[u8], lower: bool) -> (u64, bool) {
    let len = bytes.len();
    let (mut h, mut seen) = ((len as u64).wrapping_mul(K) ^ 0xcbf2_9ce4_8422_2325, 0);
    let mut i = 0;
    while i + 8 <= len {
        let v = read8(bytes, i);
        (h, seen) = (fold(h, block(v, lower)), seen | v);
        i += 8;
    }
    let rest = len - i;
    let tail = if rest >= 4 {
        read4(bytes, i) | read4(bytes, len - 4) << 32
    } else if rest > 0 {
        bytes[i] as u64 | (bytes[i + rest / 2] as u64) << 8 | (bytes[len - 1] as u64) << 16
    } else {
        0
    };
    (finish(fold(h, block(tail, lower))), (seen | tail) & (0x80 * ONES) == 0)
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// The 8 bytes from `at` (in bounds), as a little-endian integer.
#[inline]
const fn read8(bytes: &[u8], at: usize) -> u64 {
    match bytes.split_at(at).1.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => 0,
    }
}

/// The 4 bytes from `at` (in bounds), as a little-endian integer.
#[inline]
const fn read4(bytes: &[u8], at: usize) -> u64 {
    match bytes.split_at(at).1.first_chunk::<4>() {
        Some(chunk) => u32::from_le_bytes(*chunk) as u64,
        None => 0,
    }
}

/// A block of bytes, its ASCII capitals lower-cased when `lower` (bytes above ASCII are
/// never lower-cased here: [`lower`] hashes only ASCII strings this way).
#[inline]
const fn block(v: u64, lower: bool) -> u64 {
    if !lower {
        return v;
    }
    let seven = v & (0x7f * ONES);
    let from_a = seven.wrapping_add((0x80 - b'A' as u64) * ONES);
    let past_z = seven.wrapping_add((0x80 - b'Z' as u64 - 1) * ONES);
    let capital = from_a & !past_z & !v & (0x80 * ONES);
    v | capital >> 2
}

#[inline]
const fn fold(h: u64, v: u64) -> u64 {
    (h.rotate_left(29) ^ v).wrapping_mul(K)
}

/// Mixes the bits of a state so that the low bits spread well (murmur3's finaliser).
#[inline]
const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature value known when compiling, with its hash.
#[derive(Debug, Clone, Copy)]
pub struct Const {
    pub text: &'static str,
    pub hash: u64,
}

impl Const {
    pub const fn new(text: &'static str) -> Const {
        Const { text, hash: str(text) }
    }
}

/// A feature template (`l-1=`): its name, and its hash worked out when compiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    pub name: &'static str,
    hash: u64,
}

impl Template {
    /// The template named `name`; in a `const` context, hashed at compile time.
    pub const fn new(name: &'static str) -> Template {
        Template { name, hash: str(name) }
    }

    /// The hash of this template's feature with a value whose hash is `value`.
    pub fn feature(self, value: u64) -> u64 {
        combine(self.hash, value)
    }
}

/// The hash of a feature: its template's hash and the hash of its value (`captain`).
fn combine(template: u64, value: u64) -> u64 {
    finish(template.rotate_left(23) ^ value.wrapping_mul(K))
}

/// The hash of a feature name as written in the model file: the template is the name up
/// to its first `=` (or the whole name), the value the rest.
pub fn key(name: &str) -> u64 {
    let split = name.find('=').map_or(name.len(), |i| i + 1);
    let (template, value) = name.split_at(split);
    combine(str(template), str(value))
}

/// Hashes already mixed by [`finish`], used as they are by hash maps.
#[derive(Debug, Clone, Copy, Default)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by finished hashes.
pub type HashMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThrough>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_hash_like_their_pieces() {
        let feature = |t: &'static str, v: &str| Template::new(t).feature(str(v));
        assert_eq!(feature("w=", "Simmons"), key("w=Simmons"));
        assert_eq!(feature("l-1=", "="), key("l-1=="));
        assert_eq!(feature("b", ""), key("b"));
        assert_eq!(Template::new("ts=").feature(pair("O", "Xx")), key("ts=O|Xx"));
        assert_ne!(key("w=Simmons"), key("l=Simmons"));
    }

    #[test]
    fn lower_folds_ascii_and_unicode() {
        assert_eq!(lower("SIMMONS"), str("simmons"));
        assert_eq!(lower("ÉMILE"), str("émile"));
        // Every length, and the characters either side of the capitals.
        let text = "@AZ[`az{ Mc-O'Neill 1996 SECRETARY-GENERAL of The U.N.";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let word = &text[start..end];
                assert_eq!(lower(word), str(&word.to_lowercase()), "{word:?}");
            }
        }
    }

    #[test]
    fn short_words_never_collide() {
        let letters = ["", "a", "b", "A", "|", "é"];
        let mut seen = std::collections::HashSet::new();
        let mut words = std::collections::HashSet::new();
        for a in letters {
            for b in letters {
                for c in letters {
                    for d in letters {
                        let word = format!("{a}{b}{c}{d}");
                        if words.insert(word.clone()) {
                            assert!(seen.insert(str(&word)), "{word:?}");
                        }
                    }
                }
            }
        }
        assert_eq!(pair("a", "b"), str("a|b"));
        let long = "x".repeat(70);
        assert_eq!(pair(&long, "y"), str(&format!("{long}|y")));
    }
}
