//! Searching the index: query building, filters, ranked hits, snippets and facet counts.

pub mod facets;
pub mod query;
mod snippet;

use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::NaiveDate;
use tantivy::collector::{Count, TopDocs};
use tantivy::{DocAddress, Score, TantivyDocument};

pub use facets::{DatePeriod, FacetCount, FacetField};
pub use snippet::Snippet;

use crate::article::Article;
use crate::index::{document, Opened};

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

/// One search: query text, filters, how many hits, which facets to count.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub query: String,
    pub filters: Filters,
    pub limit: usize,
    pub facets: Vec<FacetField>,
    pub facet_limit: usize,
}

/// A matching article with its rank, score and snippet.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rank: usize,
    pub score: Score,
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

/// Runs a search against an open index.
pub fn search(opened: &Opened, request: &SearchRequest) -> Result<SearchResults> {
    let started = Instant::now();
    let reader = opened.index.reader()?;
    let searcher = reader.searcher();
    let query = query::build(opened, &request.query, &request.filters)?;
    let top = TopDocs::with_limit(request.limit.max(1)).order_by_score();
    let facet_collectors = facets::Collectors::new(&request.facets);
    let (top_docs, total, facet_fruit) =
        searcher.search(&query, &(top, Count, facet_collectors.collector()))?;
    let snippets = snippet::Maker::new(&searcher, &*query, opened.fields.body)?;
    let hits = top_docs
        .into_iter()
        .take(request.limit)
        .enumerate()
        .map(|(i, (score, addr))| hit(&searcher, opened, &snippets, i + 1, score, addr))
        .collect::<Result<Vec<_>>>()?;
    let facets = facet_collectors.counts(facet_fruit, request.facet_limit);
    Ok(SearchResults { total, hits, facets, took: started.elapsed() })
}

fn hit(
    searcher: &tantivy::Searcher,
    opened: &Opened,
    snippets: &snippet::Maker,
    rank: usize,
    score: Score,
    addr: DocAddress,
) -> Result<Hit> {
    let doc: TantivyDocument = searcher.doc(addr)?;
    let article = document::from_document(&doc, &opened.fields)?;
    let snippet = snippets.make(&article.body);
    Ok(Hit { rank, score, article, snippet })
}
