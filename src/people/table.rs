//! The tagger's weight table: feature hashes to weights, laid out for lookups.
//!
//! Tagging looks up some 40 features per candidate word, most of them not in the model (rare
//! words, rare contexts). An open-addressed table probed linearly over an array of keys
//! alone answers a miss after one or two 8-byte reads, in a compact array that stays in the
//! processor's cache; the weights sit apart and are read only on a hit.

use super::hash::HashMap;

/// Weights by feature hash, read-only once built.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Keys by slot; 0 marks an empty slot (a feature hashed to 0 is kept in `zero`).
    keys: Vec<u64>,
    weights: Vec<[f32; 3]>,
    zero: Option<[f32; 3]>,
    /// One bit per key (by high bits of the hash, not those that pick the slot): a clear
    /// bit answers a miss from 16 KB that stay in the fastest cache.
    seen: Vec<u64>,
}

const SEEN_BITS: u64 = 1 << 17;

impl Table {
    /// A table holding the entries of `map`, at most a third full so that probes stay short.
    pub fn new(map: &HashMap<[f32; 3]>) -> Table {
        let slots = (map.len() * 3).next_power_of_two().max(16);
        let mut table = Table {
            keys: vec![0; slots],
            weights: vec![[0.0; 3]; slots],
            zero: map.get(&0).copied(),
            seen: vec![0; (SEEN_BITS / 64) as usize],
        };
        for (&key, &w) in map.iter().filter(|(k, _)| **k != 0) {
            let mut slot = table.slot(key);
            while table.keys[slot] != 0 {
                slot = (slot + 1) & (slots - 1);
            }
            table.keys[slot] = key;
            let bit = Table::seen_bit(key);
            table.seen[bit / 64] |= 1 << (bit % 64);
            table.weights[slot] = w;
        }
        table
    }

    /// The first slot to probe for `key` (hashes are already mixed, so the low bits do).
    fn slot(&self, key: u64) -> usize {
        key as usize & (self.keys.len() - 1)
    }

    fn seen_bit(key: u64) -> usize {
        ((key >> 40) % SEEN_BITS) as usize
    }

    /// The weights of feature `key`, if the model has it.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[f32; 3]> {
        if key == 0 || self.keys.is_empty() {
            return self.zero.as_ref().filter(|_| key == 0);
        }
        let bit = Table::seen_bit(key);
        if self.seen[bit / 64] & 1 << (bit % 64) == 0 {
            return None;
        }
        let mut slot = self.slot(key);
        loop {
            match self.keys[slot] {
                k if k == key => return Some(&self.weights[slot]),
                0 => return None,
                _ => slot = (slot + 1) & (self.keys.len() - 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_entry_and_nothing_else() {
        let mut map = HashMap::default();
        for k in 0..1000u64 {
            // Keys that share low bits, so probes run past each other.
            map.insert(k << 12 | 7, [k as f32, 1.0, 2.0]);
        }
        map.insert(0, [9.0; 3]);
        let table = Table::new(&map);
        for (k, w) in &map {
            assert_eq!(table.get(*k), Some(w));
        }
        assert_eq!(table.get(8), None);
        assert_eq!(table.get(1000 << 12 | 7), None);
        assert_eq!(Table::default().get(5), None);
        assert_eq!(Table::new(&HashMap::default()).get(0), None);
    }
}
