//! Turning the user's query text and filters into one tantivy query.
//!
//! Query text uses tantivy's syntax (AND/OR/NOT, +/-, "phrases", `field:` prefixes) over
//! `headline` and `body`; all terms must match unless OR is written. Headline matches
//! weigh twice as much as body matches. Filters narrow the matches without scoring.

use std::ops::Bound;

use anyhow::{bail, Context, Result};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::Filters;
use crate::index::document::day_value;
use crate::index::schema::keyword_term_text;
use crate::index::Opened;

/// How much more a headline match counts than a body match.
pub const HEADLINE_BOOST: f32 = 2.0;

/// Most words a query may have: longer ones are rejected rather than answered with
/// unbounded memory and time.
pub const MAX_QUERY_WORDS: usize = 1024;

/// The query for the text and filters; an empty text matches every article.
pub fn build(opened: &Opened, text: &str, filters: &Filters) -> Result<Box<dyn Query>> {
    let words = text.split_whitespace().count();
    if words > MAX_QUERY_WORDS {
        bail!("query too long: {words} words (at most {MAX_QUERY_WORDS})");
    }
    let f = &opened.fields;
    let base: Box<dyn Query> = if text.trim().is_empty() || text.trim() == "*" {
        Box::new(AllQuery)
    } else {
        let mut parser = QueryParser::for_index(&opened.index, vec![f.headline, f.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.headline, HEADLINE_BOOST);
        parser.parse_query(text).with_context(|| format!("bad query {text:?}"))?
    };
    let mut clauses = vec![(Occur::Must, base)];
    clauses.extend(filter_clauses(opened, filters).into_iter().map(|q| (Occur::Must, unscored(q))));
    Ok(match clauses.len() {
        1 => clauses.pop().expect("one clause").1,
        _ => Box::new(BooleanQuery::new(clauses)),
    })
}

fn filter_clauses(opened: &Opened, filters: &Filters) -> Vec<Box<dyn Query>> {
    let f = &opened.fields;
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    if !filters.outlets.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> =
            filters.outlets.iter().map(|o| (Occur::Should, keyword(f.outlet, o))).collect();
        clauses.push(Box::new(BooleanQuery::new(any)));
    }
    clauses.extend(filters.persons.iter().map(|p| keyword(f.person, p)));
    clauses.extend(filters.authors.iter().map(|a| keyword(f.author, a)));
    if filters.since.is_some() || filters.until.is_some() {
        let lower = filters
            .since
            .map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_date(f.day, day_value(d))));
        let upper = filters
            .until
            .map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_date(f.day, day_value(d))));
        clauses.push(Box::new(RangeQuery::new(lower, upper)));
    }
    clauses
}

fn keyword(field: Field, value: &str) -> Box<dyn Query> {
    let term = Term::from_field_text(field, &keyword_term_text(value));
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

fn unscored(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}
