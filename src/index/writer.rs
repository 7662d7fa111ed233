//! Writing articles into the index: one document per article id, replaced on re-ingest.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use std::hash::BuildHasher;
use tantivy::directory::error::LockError;

use rustc_hash::FxHashSet;
use std::sync::Arc;
use tantivy::indexer::IndexWriterOptions;
use tantivy::{IndexWriter, Term};

use super::document::to_document;
use super::inflight::{Counted, InFlight};
use super::merge::CappedMerges;
use super::Opened;
use crate::article::Article;
use crate::backend::ArticleSink;

/// The smallest writer memory budget tantivy accepts per indexing thread, with room.
const MIN_MEMORY_PER_THREAD: usize = 20 << 20;

/// The share of the memory budget that documents waiting for an indexing thread may take.
const IN_FLIGHT_SHARE: usize = 8;

/// Adds articles to an index; an article whose id is already there replaces it.
pub struct ArticleWriter {
    writer: IndexWriter<Counted>,
    /// Bytes of documents queued but not yet indexed.
    in_flight: Arc<InFlight>,
    opened: Opened,
    dir: PathBuf,
    pending: u64,
    /// Hashes of the ids added in this run, when the index was empty at the start.
    seen: Option<FxHashSet<u64>>,
}

impl ArticleWriter {
    /// Takes the index's writer lock with a memory budget shared by the indexing threads,
    /// which also caps the size of merges. Fails at once if another process holds the lock.
    pub fn new(opened: Opened, dir: &Path, memory_bytes: usize, threads: usize) -> Result<ArticleWriter> {
        let threads = threads.clamp(1, (memory_bytes / MIN_MEMORY_PER_THREAD).max(1));
        let memory = memory_bytes.max(threads * MIN_MEMORY_PER_THREAD);
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(memory / threads)
            .num_merge_threads(1)
            .build();
        let writer = opened.index.writer_with_options(options).map_err(|e| lock_error(e, dir))?;
        let in_flight = InFlight::new(memory / IN_FLIGHT_SHARE);
        writer.set_merge_policy(Box::new(CappedMerges::new(dir.to_path_buf(), memory as u64)));
        let fresh = opened.index.searchable_segment_metas()?.iter().all(|s| s.num_docs() == 0);
        let seen = fresh.then(FxHashSet::default);
        Ok(ArticleWriter { writer, in_flight, opened, dir: dir.to_path_buf(), pending: 0, seen })
    }

    /// Queues an article from the source file `file`: deletes any document with its id,
    /// then adds it. Waits while the documents already queued fill their share of memory.
    pub fn add(&mut self, article: &Article, file: &str) -> Result<()> {
        let doc = Counted::new(to_document(article, file, &self.opened.fields)?, &self.in_flight);
        if self.may_hold(&article.id) {
            self.writer.delete_term(Term::from_field_text(self.opened.fields.id, &article.id));
        }
        if let Err(e) = self.writer.add_document(doc) {
            return Err(self.failure(e));
        }
        self.pending += 1;
        Ok(())
    }

    /// Whether the index may already hold an article with this id. Deleting by id costs a
    /// lookup in every segment at each commit, so a fresh index deletes only ids seen
    /// before in this run (a hash collision costs a needless delete, never a lost one).
    fn may_hold(&mut self, id: &str) -> bool {
        match &mut self.seen {
            Some(seen) => !seen.insert(rustc_hash::FxBuildHasher.hash_one(id)),
            None => true,
        }
    }

    /// The error to report when the writer refused a document. That happens when an
    /// indexing thread stopped (a full disk, say); the thread's own error, collected by
    /// preparing a commit that is then dropped, says why. The writer is unusable after.
    fn failure(&mut self, refusal: tantivy::TantivyError) -> anyhow::Error {
        let cause = match self.writer.prepare_commit() {
            Err(cause) => cause,
            Ok(_) => refusal,
        };
        anyhow::Error::new(cause).context(format!("cannot write to index {}", self.dir.display()))
    }

    /// Queues the removal of every article read from the source file `file`; articles
    /// added after this call are kept.
    pub fn delete_file(&mut self, file: &str) {
        self.writer.delete_term(Term::from_field_text(self.opened.fields.file, file));
    }

    /// The source files (absolute paths) the committed index holds articles from, with
    /// how many articles each.
    pub fn files(&self) -> Result<Vec<(String, u64)>> {
        let searcher = self.opened.index.reader()?.searcher();
        let mut counts = std::collections::BTreeMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.opened.fields.file)?;
            let mut terms = inverted.terms().stream()?;
            while terms.advance() {
                let key = String::from_utf8_lossy(terms.key()).into_owned();
                *counts.entry(key).or_insert(0) += u64::from(terms.value().doc_freq);
            }
        }
        Ok(counts.into_iter().collect())
    }

    /// Articles added since the last commit.
    pub fn pending(&self) -> u64 {
        self.pending
    }

    /// Makes everything added so far durable and visible to readers.
    pub fn commit(&mut self) -> Result<()> {
        let context = || format!("cannot commit the index {}", self.dir.display());
        let mut commit = self.writer.prepare_commit().with_context(context)?;
        commit.set_payload(super::FORMAT);
        commit.commit().with_context(context)?;
        self.pending = 0;
        Ok(())
    }

    /// Commits and waits for background merges, releasing the lock.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        self.writer.wait_merging_threads().context("cannot finish index merges")
    }
}

/// The error for a writer that could not be opened.
fn lock_error(e: tantivy::TantivyError, dir: &Path) -> anyhow::Error {
    match e {
        tantivy::TantivyError::LockFailure(LockError::LockBusy, _) => {
            anyhow::anyhow!("index {} is being written by another process", dir.display())
        }
        tantivy::TantivyError::LockFailure(LockError::IoError(e), _) => {
            anyhow::anyhow!("cannot write to index {}: {e}", dir.display())
        }
        e => anyhow::Error::new(e).context(format!("cannot open index {} for writing", dir.display())),
    }
}

impl ArticleSink for ArticleWriter {
    fn add(&mut self, article: &Article, file: &str) -> Result<()> {
        ArticleWriter::add(self, article, file)
    }

    fn delete_file(&mut self, file: &str) -> Result<()> {
        ArticleWriter::delete_file(self, file);
        Ok(())
    }

    fn files(&self) -> Result<Vec<(String, u64)>> {
        ArticleWriter::files(self)
    }

    fn pending(&self) -> u64 {
        ArticleWriter::pending(self)
    }

    fn commit(&mut self) -> Result<()> {
        ArticleWriter::commit(self)
    }

    fn finish(self: Box<Self>) -> Result<()> {
        ArticleWriter::finish(*self)
    }
}
