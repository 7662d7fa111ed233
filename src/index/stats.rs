//! Figures about an index as a whole: articles, outlets, date range, people, size.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::FacetCollector;
use tantivy::query::AllQuery;

use super::schema::{facet_root, name};
use crate::search::{facets::DayCounts, Engine};

/// What `newsdex stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub articles: u64,
    pub outlets: u64,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub undated: u64,
    pub people: u64,
    pub authors: u64,
    pub size_bytes: u64,
    pub segments: usize,
}

/// Computes the stats of the index an engine reads, stored in `dir`.
pub fn compute(engine: &Engine, dir: &Path) -> Result<Stats> {
    let searcher = engine.searcher();
    let mut facets = FacetCollector::for_field(name::FACET);
    for root in [facet_root::OUTLET, facet_root::PERSON, facet_root::AUTHOR] {
        facets.add_facet(format!("/{root}").as_str());
    }
    let (counts, days) = searcher.search(&AllQuery, &(facets, DayCounts))?;
    let distinct = |root: &str| counts.get(format!("/{root}").as_str()).count() as u64;
    let articles = searcher.num_docs();
    Ok(Stats {
        articles,
        outlets: distinct(facet_root::OUTLET),
        first_date: days.keys().next().copied(),
        last_date: days.keys().next_back().copied(),
        undated: articles - days.values().sum::<u64>(),
        people: distinct(facet_root::PERSON),
        authors: distinct(facet_root::AUTHOR),
        size_bytes: dir_size(dir),
        segments: searcher.segment_readers().len(),
    })
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
