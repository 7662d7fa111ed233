//! A small streaming hash for feature keys and word lookups, fed piece by piece so that
//! no key string is ever allocated on the hot path.

/// FNV-1a over the bytes fed, finished with a 64-bit mix so the low bits spread well.
#[derive(Debug, Clone, Copy)]
pub struct KeyHash(u64);

impl Default for KeyHash {
    fn default() -> Self {
        KeyHash(0xcbf2_9ce4_8422_2325)
    }
}

impl KeyHash {
    /// A hash that starts with `prefix` (a feature template's name).
    pub fn with(prefix: &str) -> KeyHash {
        KeyHash::default().str(prefix)
    }

    /// Feeds raw bytes.
    pub fn bytes(mut self, bytes: &[u8]) -> KeyHash {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        self
    }

    /// Feeds a string.
    pub fn str(self, s: &str) -> KeyHash {
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
    pub fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The hash of a feature: its template (`l-1=`) and the hash of its value (`captain`).
pub fn feature(template: &str, value: u64) -> u64 {
    let t = KeyHash::with(template).finish();
    KeyHash(t.rotate_left(23) ^ value.wrapping_mul(0x9e37_79b9_7f4a_7c15)).finish()
}

/// The hash of a feature name as written in the model file: the template is the name up
/// to its first `=` (or the whole name), the value the rest.
pub fn key(name: &str) -> u64 {
    let split = name.find('=').map_or(name.len(), |i| i + 1);
    let (template, value) = name.split_at(split);
    feature(template, KeyHash::default().str(value).finish())
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
        assert_eq!(feature("w=", KeyHash::default().str("Simmons").finish()), key("w=Simmons"));
        assert_eq!(feature("l-1=", KeyHash::default().str("=").finish()), key("l-1=="));
        assert_eq!(feature("b", KeyHash::default().finish()), key("b"));
        assert_ne!(key("w=Simmons"), key("l=Simmons"));
    }

    #[test]
    fn lower_folds_ascii_and_unicode() {
        assert_eq!(KeyHash::default().lower("SIMMONS").finish(), KeyHash::default().str("simmons").finish());
        assert_eq!(KeyHash::default().lower("ÉMILE").finish(), KeyHash::default().str("émile").finish());
    }
}
