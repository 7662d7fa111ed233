//! Collecting matches by publication time, oldest first with undated articles last,
//! keeping only a key and an address per match (export streams the articles afterwards).

use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::name;

/// Sort key: publication seconds (undated sorts last), then index order.
type Key = (i64, DocAddress);

/// The first `limit` matches by publication time (all of them when unlimited).
pub struct OldestFirst {
    limit: Option<usize>,
}

impl OldestFirst {
    pub fn new(limit: usize) -> OldestFirst {
        OldestFirst { limit: Some(limit) }
    }

    pub fn all() -> OldestFirst {
        OldestFirst { limit: None }
    }
}

pub struct OldestSegment {
    column: Column<tantivy::DateTime>,
    segment: SegmentOrdinal,
    limit: Option<usize>,
    /// Max-heap of the smallest keys seen so far (bounded by `limit`).
    keys: BinaryHeap<Key>,
}

impl Collector for OldestFirst {
    type Fruit = Vec<DocAddress>;
    type Child = OldestSegment;

    fn for_segment(&self, segment: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<OldestSegment> {
        let column = reader.fast_fields().date(name::PUBLISHED)?;
        Ok(OldestSegment { column, segment, limit: self.limit, keys: BinaryHeap::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<Vec<Key>>) -> tantivy::Result<Vec<DocAddress>> {
        let mut keys: Vec<Key> = parts.into_iter().flatten().collect();
        keys.sort_unstable();
        if let Some(limit) = self.limit {
            keys.truncate(limit);
        }
        Ok(keys.into_iter().map(|(_, addr)| addr).collect())
    }
}

impl SegmentCollector for OldestSegment {
    type Fruit = Vec<Key>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let secs = self.column.first(doc).map_or(i64::MAX, |t| t.into_timestamp_secs());
        let key = (secs, DocAddress::new(self.segment, doc));
        match self.limit {
            Some(limit) if self.keys.len() >= limit => {
                if self.keys.peek().is_some_and(|top| key < *top) {
                    self.keys.pop();
                    self.keys.push(key);
                }
            }
            _ => self.keys.push(key),
        }
    }

    fn harvest(self) -> Vec<Key> {
        self.keys.into_vec()
    }
}
