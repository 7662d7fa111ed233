//! A bound on the bytes of documents handed to the index writer but not yet indexed.
//!
//! tantivy's writer queues up to 10,000 documents for its indexing threads. When they
//! fall behind (while they write a segment, or while a large merge takes a core) the
//! queue fills, and with news articles (each carried twice: indexed text and the stored
//! record) 10,000 documents are 200-300 MB: peak memory then grew with the corpus, as
//! larger corpora bring larger merges. Each queued document here carries a [`Permit`] for
//! its size; the permit comes back when tantivy drops the document after indexing it, and
//! the writer waits for room before queueing more.
//!
//! A waiting writer is woken only once the queue has drained to half the bound (or
//! emptied), not at every document indexed: it then queues documents in a burst. Waking it
//! per document had the writer and the indexing threads take turns document by document,
//! a switch of threads for each one.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tantivy::schema::document::{Document, Value};
use tantivy::TantivyDocument;

/// How long the writer waits without any document being indexed before it queues one
/// anyway: an indexing thread that stopped on an error frees nothing, and the writer must
/// then go on to hear that error rather than wait forever.
const STALL: Duration = Duration::from_secs(30);

/// Bytes in flight, shared by the writer and the documents it queued.
#[derive(Debug)]
pub struct InFlight {
    limit: usize,
    state: Mutex<usize>,
    freed: Condvar,
}

impl InFlight {
    /// A bound of `limit` bytes (a single larger document still passes, alone).
    pub fn new(limit: usize) -> Arc<InFlight> {
        Arc::new(InFlight { limit, state: Mutex::new(0), freed: Condvar::new() })
    }

    /// Waits until `bytes` more fit (or nothing is in flight), then counts them. Once it has
    /// to wait, it waits for the queue to drain to half the bound (see [`Permit`]'s drop).
    pub fn acquire(self: &Arc<InFlight>, bytes: usize) -> Permit {
        let mut used = self.lock();
        let mut last_progress = Instant::now();
        while *used > 0 && *used + bytes > self.limit && last_progress.elapsed() < STALL {
            let before = *used;
            used = self
                .freed
                .wait_timeout(used, Duration::from_secs(1))
                .map_or_else(|e| e.into_inner().0, |r| r.0);
            if *used < before {
                last_progress = Instant::now();
            }
        }
        *used += bytes;
        Permit { pool: Arc::clone(self), bytes }
    }

    /// Bytes counted now.
    pub fn used(&self) -> usize {
        *self.lock()
    }

    fn lock(&self) -> MutexGuard<'_, usize> {
        // The count stays right even if a holder panicked: it is one integer.
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Room for one document's bytes, given back when dropped.
#[derive(Debug)]
pub struct Permit {
    pool: Arc<InFlight>,
    bytes: usize,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut used = self.pool.lock();
        let before = *used;
        *used -= self.bytes;
        if wakes(before, *used, self.pool.limit) {
            drop(used);
            self.pool.freed.notify_all();
        }
    }
}

/// Whether the bytes in flight going from `before` to `after` should wake a waiting writer:
/// they fell to half the bound `limit`, or to nothing (which lets a document larger than
/// half the bound pass).
fn wakes(before: usize, after: usize, limit: usize) -> bool {
    let low = limit / 2;
    after == 0 || before > low && after <= low
}

/// A document with the permit for its bytes: tantivy indexes it as the inner document.
#[derive(Debug)]
pub struct Counted {
    doc: TantivyDocument,
    _permit: Permit,
}

impl Counted {
    /// Waits for room for `doc` in `pool`.
    pub fn new(doc: TantivyDocument, pool: &Arc<InFlight>) -> Counted {
        let bytes = text_bytes(&doc);
        Counted { _permit: pool.acquire(bytes), doc }
    }
}

/// The bytes of text a document holds: what it costs in memory, near enough.
fn text_bytes(doc: &TantivyDocument) -> usize {
    doc.iter_fields_and_values().map(|(_, v)| v.as_str().map_or(16, str::len)).sum()
}

impl Document for Counted {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STORED};

    #[test]
    fn permits_count_bytes_until_dropped() {
        let pool = InFlight::new(100);
        let a = pool.acquire(60);
        assert_eq!(pool.used(), 60);
        drop(a);
        assert_eq!(pool.used(), 0);
    }

    #[test]
    fn waiters_wake_at_half_the_bound_or_when_empty() {
        assert!(wakes(60, 50, 100));
        assert!(wakes(70, 10, 100));
        assert!(!wakes(90, 80, 100));
        assert!(!wakes(40, 30, 100));
        assert!(wakes(30, 0, 100));
    }

    #[test]
    fn a_document_larger_than_the_bound_passes_alone() {
        let pool = InFlight::new(10);
        let big = pool.acquire(50);
        assert_eq!(pool.used(), 50);
        drop(big);
    }

    #[test]
    fn a_waiting_writer_goes_on_when_room_is_freed() {
        let pool = InFlight::new(100);
        let first = pool.acquire(80);
        let other = Arc::clone(&pool);
        let waiter = std::thread::spawn(move || {
            let second = other.acquire(80);
            other.used() - second.bytes
        });
        std::thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished(), "the second permit must wait for room");
        drop(first);
        assert_eq!(waiter.join().unwrap(), 0);
        assert_eq!(pool.used(), 0);
    }

    #[test]
    fn a_counted_document_carries_its_text_size() {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("t", STORED);
        let mut doc = TantivyDocument::default();
        doc.add_text(field, "twelve bytes");
        let pool = InFlight::new(1000);
        let counted = Counted::new(doc, &pool);
        assert_eq!(pool.used(), 12);
        assert_eq!(counted.iter_fields_and_values().count(), 1);
        drop(counted);
        assert_eq!(pool.used(), 0);
    }
}
