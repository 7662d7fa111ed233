//! A small streaming hash for feature keys and word lookups, fed piece by piece so that
//! no key string is ever allocated on the hot path.

/// FNV-1a over the bytes fed, finished with a 64-bit mix so the low bits spread well.
#[derive(Debug, Clone, Copy)]
pub struct KeyHash(u64);

impl Default for KeyHash {
    fn default() -> Self {
        KeyHash::START
    }
}

impl KeyHash {
    /// The hash of nothing yet.
    const START: KeyHash = KeyHash(0xcbf2_9ce4_8422_2325);

    /// A hash that starts with `prefix` (a feature template's name).
    pub const fn with(prefix: &str) -> KeyHash {
        KeyHash::START.str(prefix)
    }

    /// Feeds raw bytes.
    pub const fn bytes(mut self, bytes: &[u8]) -> KeyHash {
        let mut i = 0;
        while i < bytes.len() {
            self.0 = (self.0 ^ bytes[i] as u64).wrapping_mul(0x100_0000_01b3);
            i += 1;
        }
        self
    }

    /// Feeds a string.
    pub const fn str(self, s: &str) -> KeyHash {
        self.bytes(s.as_bytes())
    }

    /// Feeds a string lower-cased (full Unicode lower-casing, ASCII fast path).
    pub fn lower(mut self, s: &str) -> KeyHash {
        if s.is_ascii() {
            for &b in s.as_bytes() {
                self.0 = (self.0 ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3);
            }
            return self;
        }
        let mut buf = [0u8; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            self = self.bytes(c.encode_utf8(&mut buf).as_bytes());
        }
        self
    }

    /// The finished 64-bit value.
    pub const fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A feature value known when compiling, with its hash.
#[derive(Debug, Clone, Copy)]
pub struct Const {
    pub text: &'static str,
    pub hash: u64,
}

impl Const {
    pub const fn new(text: &'static str) -> Const {
        Const { text, hash: KeyHash::with(text).finish() }
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
        Template { name, hash: KeyHash::with(name).finish() }
    }

    /// The hash of this template's feature with a value whose hash is `value`.
    pub fn feature(self, value: u64) -> u64 {
        combine(self.hash, value)
    }
}

/// The hash of a feature: its template's hash and the hash of its value (`captain`).
fn combine(template: u64, value: u64) -> u64 {
    KeyHash(template.rotate_left(23) ^ value.wrapping_mul(0x9e37_79b9_7f4a_7c15)).finish()
}

/// The hash of a feature name as written in the model file: the template is the name up
/// to its first `=` (or the whole name), the value the rest.
pub fn key(name: &str) -> u64 {
    let split = name.find('=').map_or(name.len(), |i| i + 1);
    let (template, value) = name.split_at(split);
    combine(KeyHash::with(template).finish(), KeyHash::default().str(value).finish())
}

/// Hashes already mixed by [`KeyHash::finish`], used as they are by hash maps.
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
        let feature = |t: &'static str, v: &str| Template::new(t).feature(KeyHash::default().str(v).finish());
        assert_eq!(feature("w=", "Simmons"), key("w=Simmons"));
        assert_eq!(feature("l-1=", "="), key("l-1=="));
        assert_eq!(feature("b", ""), key("b"));
        assert_ne!(key("w=Simmons"), key("l=Simmons"));
    }

    #[test]
    fn lower_folds_ascii_and_unicode() {
        assert_eq!(KeyHash::default().lower("SIMMONS").finish(), KeyHash::default().str("simmons").finish());
        assert_eq!(KeyHash::default().lower("ÉMILE").finish(), KeyHash::default().str("émile").finish());
    }
}
