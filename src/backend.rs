//! The seam between commands and where articles live: the embedded tantivy index (the
//! default) or a Sphinx/Manticore cluster.
//!
//! `ingest` runs the same pipeline either way and hands each article to an
//! [`ArticleSink`]; `search`, `trend`, `facets`, `export`, `show` and `batch` ask a
//! [`Search`] and write its answers with the same output code.

use std::path::PathBuf;

use anyhow::Result;

use crate::article::Article;
use crate::cluster::{ClusterConfig, ClusterSearch};
use crate::search::{DayCounts, Engine, FacetCount, FacetField, SearchRequest, SearchResults, Selection};

/// Where the articles are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// The embedded index in this directory.
    Index(PathBuf),
    /// The cluster described by this file.
    Cluster(PathBuf),
}

impl Backend {
    /// Opens the backend for reading.
    pub fn open_search(&self) -> Result<Box<dyn Search>> {
        Ok(match self {
            Backend::Index(dir) => Box::new(Engine::open(dir)?),
            Backend::Cluster(file) => Box::new(ClusterSearch::connect(ClusterConfig::load(file)?)?),
        })
    }
}

/// Answers to read commands. Shared by the threads of `batch`.
pub trait Search: Sync {
    /// Ranked or dated hits, the total, and facet counts over all matches.
    fn search(&self, request: &SearchRequest) -> Result<SearchResults>;

    /// The number of matching articles.
    fn count(&self, selection: &Selection) -> Result<usize>;

    /// The total and the values of one facet over the matches, most frequent first;
    /// `prefix` keeps values starting with it (ignoring case).
    fn facet_counts(
        &self,
        selection: &Selection,
        field: FacetField,
        limit: usize,
        prefix: Option<&str>,
    ) -> Result<(usize, Vec<FacetCount>)>;

    /// Matching articles per publication day.
    fn day_counts(&self, selection: &Selection) -> Result<DayCounts>;

    /// Hands every matching article to `each`, oldest first, undated last; the number handed.
    fn export(&self, selection: &Selection, each: &mut dyn FnMut(&Article) -> Result<()>) -> Result<usize>;

    /// The article with this id, if there is one.
    fn find(&self, id: &str) -> Result<Option<Article>>;

    /// Shards that did not answer some request so far, one readable line each: answers
    /// came from the other shards only.
    fn missing_shards(&self) -> Vec<String> {
        Vec::new()
    }
}

/// An article a sink cannot take (it is reported and counted, and the run goes on).
#[derive(Debug)]
pub struct Rejected(pub String);

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Rejected {}

/// Where ingest puts articles: replaced by id, committed in batches.
pub trait ArticleSink {
    /// Queues an article from the source file `file` (its absolute path), replacing any
    /// article with the same id. A [`Rejected`] error refuses only this article.
    fn add(&mut self, article: &Article, file: &str) -> Result<()>;

    /// Queues the removal of every article read from `file`; articles added after this
    /// call are kept.
    fn delete_file(&mut self, file: &str) -> Result<()>;

    /// The source files the committed articles came from, with how many articles each.
    fn files(&self) -> Result<Vec<(String, u64)>>;

    /// Articles added since the last commit.
    fn pending(&self) -> u64;

    /// Makes everything added so far durable and visible to readers.
    fn commit(&mut self) -> Result<()>;

    /// Commits and releases what the sink holds.
    fn finish(self: Box<Self>) -> Result<()>;
}
