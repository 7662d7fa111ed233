//! Searching the index: query building, filters, ranked or dated hits, snippets, facet
//! counts, day counts for trends, and date-ordered streams for export.
//!
//! An [`Engine`] opens one searcher and answers many requests (the `batch` command keeps
//! one for all its queries).

pub mod facets;
mod keyed;
pub mod query;
mod snippet;
pub mod trend;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

pub use facets::{DatePeriod, FacetCount, FacetField};
pub use snippet::{Maker as SnippetMaker, Snippet};

use crate::article::Article;
use crate::backend::Search;
use crate::index::schema::name;
use crate::index::{self, document, Opened};

/// Restrictions on which articles match, besides the query text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Any of these outlets (an article has one outlet).
    pub outlets: Vec<String>,
    /// All of these people.
    pub persons: Vec<String>,
    /// All of these authors.
    pub authors: Vec<String>,
    /// First local publication date, inclusive.
    pub since: Option<NaiveDate>,
    /// Last local publication date, inclusive.
    pub until: Option<NaiveDate>,
}

/// Which articles: query text (tantivy syntax, empty for all) and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub query: String,
    pub filters: Filters,
}

/// Order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Latest publication time first (undated articles last).
    Newest,
    /// Earliest publication time first (undated articles last).
    Oldest,
}

/// One search: which articles, in what order, which page, which facets.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub selection: Selection,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    pub facets: Vec<FacetField>,
    pub facet_limit: usize,
}

/// A matching article with its rank, score (relevance order only) and snippet.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rank: usize,
    pub score: Option<f32>,
    pub article: Article,
    pub snippet: Snippet,
}

/// Everything a search found.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Number of matching articles (all of them, not only the hits shown).
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Vec<FacetCount>,
    pub took: Duration,
}

/// Matching articles per local publication day, and how many matches have no date.
#[derive(Debug, Clone, Default)]
pub struct DayCounts {
    pub total: usize,
    pub days: BTreeMap<NaiveDate, u64>,
    pub undated: u64,
}

/// A page of hits: addresses with their scores (relevance order only).
type Page = Vec<(Option<f32>, DocAddress)>;

/// An open index with one searcher, answering any number of requests.
pub struct Engine {
    opened: Opened,
    searcher: Searcher,
}

/// An index with more segments than this is searched on all cores, segments shared out
/// among threads (a large archive: segments are capped in size, see `index::merge`).
/// Smaller ones are searched on the calling thread, where starting threads costs more than
/// it saves.
const PARALLEL_SEGMENTS: usize = 8;

impl Engine {
    /// Opens an existing index for reading.
    pub fn open(dir: &Path) -> Result<Engine> {
        let mut opened = index::open_existing(dir)?;
        if opened.index.searchable_segment_metas()?.len() > PARALLEL_SEGMENTS {
            opened.index.set_default_multithread_executor().context("cannot start search threads")?;
        }
        let searcher = opened.index.reader().context("cannot read the index")?.searcher();
        Ok(Engine { opened, searcher })
    }

    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    fn query(&self, selection: &Selection) -> Result<Box<dyn Query>> {
        query::build(&self.opened, &selection.query, &selection.filters)
    }

    /// Runs the query once, collecting what `beside` collects and the requested page.
    fn page<C: Collector>(
        &self,
        query: &dyn Query,
        request: &SearchRequest,
        beside: C,
    ) -> Result<(C::Fruit, Page)> {
        if request.limit == 0 {
            return Ok((self.searcher.search(query, &beside)?, Vec::new()));
        }
        let top = || TopDocs::with_limit(request.limit).and_offset(request.offset);
        Ok(match request.sort {
            Sort::Relevance => {
                let (fruit, hits) = self.searcher.search(query, &(beside, top().order_by_score()))?;
                (fruit, hits.into_iter().map(|(s, a)| (Some(s), a)).collect())
            }
            Sort::Newest => {
                let newest = top().order_by_fast_field::<tantivy::DateTime>(name::PUBLISHED, Order::Desc);
                let (fruit, hits) = self.searcher.search(query, &(beside, newest))?;
                (fruit, strip_keys(hits))
            }
            Sort::Oldest => {
                let oldest = keyed::OldestFirst::new(request.offset + request.limit);
                let (fruit, mut hits) = self.searcher.search(query, &(beside, oldest))?;
                hits.drain(..request.offset.min(hits.len()));
                (fruit, hits.into_iter().map(|a| (None, a)).collect())
            }
        })
    }

    /// Every matching article's address, oldest first, undated last (ties in index order).
    pub fn in_date_order(&self, selection: &Selection) -> Result<Vec<DocAddress>> {
        Ok(self.searcher.search(&self.query(selection)?, &keyed::OldestFirst::all())?)
    }

    /// The stored article at an address.
    pub fn article(&self, addr: DocAddress) -> Result<Article> {
        let doc: TantivyDocument = self.searcher.doc(addr)?;
        document::from_document(&doc, &self.opened.fields)
    }
}

impl Search for Engine {
    fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let query = self.query(&request.selection)?;
        let wanted = facets::Collectors::new(&request.facets, request.facet_limit, None);
        let ((total, fruit), page) = self.page(&*query, request, (Count, wanted.collector()))?;
        let snippets = snippet::Maker::new(&self.opened.index, &*query, self.opened.fields.body)?;
        let hits = page
            .into_iter()
            .enumerate()
            .map(|(i, (score, addr))| {
                let article = self.article(addr)?;
                let snippet = snippets.make(&article.body);
                Ok(Hit { rank: request.offset + i + 1, score, article, snippet })
            })
            .collect::<Result<Vec<_>>>()?;
        let facets = wanted.counts(fruit);
        Ok(SearchResults { total, hits, facets, took: started.elapsed() })
    }

    fn count(&self, selection: &Selection) -> Result<usize> {
        Ok(self.searcher.search(&self.query(selection)?, &Count)?)
    }

    fn facet_counts(
        &self,
        selection: &Selection,
        field: FacetField,
        limit: usize,
        prefix: Option<&str>,
    ) -> Result<(usize, Vec<FacetCount>)> {
        let wanted = facets::Collectors::new(&[field], limit, prefix);
        let (total, fruit) = self.searcher.search(&self.query(selection)?, &(Count, wanted.collector()))?;
        Ok((total, wanted.counts(fruit)))
    }

    fn day_counts(&self, selection: &Selection) -> Result<DayCounts> {
        let (total, days) = self.searcher.search(&self.query(selection)?, &(Count, facets::DayCounts))?;
        let dated: u64 = days.values().sum();
        Ok(DayCounts { total, days, undated: total as u64 - dated })
    }

    fn export(&self, selection: &Selection, each: &mut dyn FnMut(&Article) -> Result<()>) -> Result<usize> {
        let addresses = self.in_date_order(selection)?;
        for addr in &addresses {
            each(&self.article(*addr)?)?;
        }
        Ok(addresses.len())
    }

    fn find(&self, id: &str) -> Result<Option<Article>> {
        let term = Term::from_field_text(self.opened.fields.id, id.trim());
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let top = self.searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        top.first().map(|(_, addr)| self.article(*addr)).transpose()
    }
}

fn strip_keys<K>(hits: Vec<(K, DocAddress)>) -> Vec<(Option<f32>, DocAddress)> {
    hits.into_iter().map(|(_, a)| (None, a)).collect()
}
