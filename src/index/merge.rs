//! Which segments the writer merges: tantivy's log-structured policy, with every merge's
//! input capped in bytes on disk.
//!
//! A merge reads its input segments through memory maps, and the pages it reads stay
//! resident until the merge ends, so a merge of big segments costs as much memory as their
//! size. Capping the input keeps ingest's peak memory flat however large the corpus grows;
//! the price is more segments in a very large index (one per cap's worth of articles).

use std::collections::HashMap;
use std::path::PathBuf;

use tantivy::index::{SegmentComponent, SegmentId, SegmentMeta};
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// The files of a segment that a merge reads.
const COMPONENTS: [SegmentComponent; 6] = [
    SegmentComponent::Postings,
    SegmentComponent::Positions,
    SegmentComponent::FastFields,
    SegmentComponent::FieldNorms,
    SegmentComponent::Terms,
    SegmentComponent::Store,
];

/// The log merge policy with merges capped at `cap_bytes` of input.
#[derive(Debug)]
pub struct CappedMerges {
    inner: LogMergePolicy,
    dir: PathBuf,
    cap_bytes: u64,
}

impl CappedMerges {
    /// A policy for the index in `dir` whose merges read at most `cap_bytes`.
    pub fn new(dir: PathBuf, cap_bytes: u64) -> CappedMerges {
        CappedMerges { inner: LogMergePolicy::default(), dir, cap_bytes }
    }

    /// A segment's size on disk: the sum of its files that exist.
    fn size(&self, segment: &SegmentMeta) -> u64 {
        COMPONENTS
            .iter()
            .filter_map(|c| std::fs::metadata(self.dir.join(segment.relative_path(c.clone()))).ok())
            .map(|m| m.len())
            .sum()
    }
}

impl MergePolicy for CappedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sizes: HashMap<SegmentId, u64> = segments.iter().map(|s| (s.id(), self.size(s))).collect();
        // A segment over half the cap could only merge with smaller ones into a segment
        // about as big as the cap: it is left as it is.
        let small: Vec<SegmentMeta> =
            segments.iter().filter(|s| sizes[&s.id()] <= self.cap_bytes / 2).cloned().collect();
        self.inner
            .compute_merge_candidates(&small)
            .into_iter()
            .filter_map(|candidate| cap(candidate, &sizes, self.cap_bytes))
            .collect()
    }
}

/// The candidate's segments, smallest first, as many as fit in `cap_bytes`; `None` when
/// fewer than two fit (nothing to merge).
fn cap(candidate: MergeCandidate, sizes: &HashMap<SegmentId, u64>, cap_bytes: u64) -> Option<MergeCandidate> {
    let mut ids = candidate.0;
    ids.sort_by_key(|id| sizes.get(id).copied().unwrap_or(0));
    let mut total = 0;
    let kept: Vec<SegmentId> = ids
        .into_iter()
        .take_while(|id| {
            total += sizes.get(id).copied().unwrap_or(0);
            total <= cap_bytes
        })
        .collect();
    (kept.len() >= 2).then_some(MergeCandidate(kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<SegmentId> {
        (0..n).map(|_| SegmentId::generate_random()).collect()
    }

    #[test]
    fn keeps_the_smallest_segments_that_fit_the_cap() {
        let all = ids(4);
        let sizes: HashMap<SegmentId, u64> = all.iter().copied().zip([40, 10, 30, 20]).collect();
        let kept = cap(MergeCandidate(all.clone()), &sizes, 60).unwrap().0;
        assert_eq!(kept, vec![all[1], all[3], all[2]]);
    }

    #[test]
    fn drops_a_merge_when_fewer_than_two_segments_fit() {
        let all = ids(2);
        let sizes: HashMap<SegmentId, u64> = all.iter().copied().zip([50, 60]).collect();
        assert!(cap(MergeCandidate(all), &sizes, 100).is_none());
    }

    #[test]
    fn a_merge_under_the_cap_is_unchanged() {
        let all = ids(3);
        let sizes: HashMap<SegmentId, u64> = all.iter().copied().zip([1, 2, 3]).collect();
        assert_eq!(cap(MergeCandidate(all.clone()), &sizes, 100).unwrap().0.len(), 3);
    }
}
