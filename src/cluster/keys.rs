//! Stable numbers for the cluster: document ids, shard choice, and the keys that stand
//! for outlet, person and author names in attributes.
//!
//! Every number is a 63-bit hash, so it fits Sphinx's signed 64-bit attributes and its
//! unsigned document ids alike, and is never zero (Sphinx rejects document id 0).

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::index::schema::keyword_term_text;

/// Seeds keep the hash families apart: a name's key never equals a document id by design.
const DOC_SEED: u64 = 0x6e65_7773_6465_7801;
const NAME_SEED: u64 = 0x6e65_7773_6465_7802;
const FILE_SEED: u64 = 0x6e65_7773_6465_7803;

/// The document id of an article id: a stable, non-zero 63-bit hash.
pub fn doc_id(article_id: &str) -> u64 {
    hash63(article_id.as_bytes(), DOC_SEED)
}

/// The shard (0-based) that holds a document, out of `shards`.
pub fn shard_of(doc_id: u64, shards: usize) -> usize {
    (doc_id % shards.max(1) as u64) as usize
}

/// The key filters use for a name: case and spacing do not matter, as in the index's
/// `outlet:`, `person:` and `author:` fields.
pub fn filter_key(name: &str) -> u64 {
    hash63(keyword_term_text(name).as_bytes(), NAME_SEED)
}

/// The key facets group by: the name exactly as written, so counts come back per spelling.
pub fn facet_key(name: &str) -> u64 {
    hash63(name.as_bytes(), NAME_SEED ^ 1)
}

/// The key of a source file, for replacing a changed file's articles.
pub fn file_key(file: &str) -> u64 {
    hash63(file.as_bytes(), FILE_SEED)
}

fn hash63(bytes: &[u8], seed: u64) -> u64 {
    (xxh3_64_with_seed(bytes, seed) >> 1).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_non_zero_and_fit_signed_attributes() {
        let id = doc_id("4a36d64018122f0f");
        assert_eq!(id, doc_id("4a36d64018122f0f"));
        assert!(id > 0 && id <= i64::MAX as u64);
        assert_ne!(id, doc_id("4a36d64018122f10"));
    }

    #[test]
    fn shards_share_the_documents() {
        let mut per_shard = [0usize; 3];
        for i in 0..3000 {
            per_shard[shard_of(doc_id(&format!("{i:016x}")), 3)] += 1;
        }
        assert!(per_shard.iter().all(|n| (800..1200).contains(n)), "{per_shard:?}");
        assert_eq!(shard_of(doc_id("x"), 1), 0);
    }

    #[test]
    fn filter_keys_ignore_case_and_spacing_facet_keys_do_not() {
        assert_eq!(filter_key("Kim Jong-un"), filter_key("kim  jong-un"));
        assert_ne!(facet_key("Kim Jong-un"), facet_key("kim jong-un"));
    }
}
