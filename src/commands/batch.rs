//! `newsdex batch`: many queries in one process, one JSON result line per query.
//!
//! Input lines are JSON objects (`{"id", "query", "outlet", "person", "author", "since",
//! "until", "limit", "offset", "sort", "facets", "facet_limit", "count_only"}`) or plain query
//! strings (their id is the line number). A bad line gives an `error` line for its id and
//! the batch goes on.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{anyhow, Context, Result};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::Status;
use crate::backend::{Backend, Search};
use crate::dates::{self, Bound};
use crate::output::{self, hit_json};
use crate::search::{FacetField, Filters, SearchRequest, Selection, Sort};

#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
    /// Input file; `None` reads standard input.
    pub input: Option<PathBuf>,
}

/// One query of a batch, as written in the input.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchQuery {
    /// Accepted here, but read from the raw object so that error lines can carry it too.
    #[serde(rename = "id")]
    _id: Option<Value>,
    #[serde(default)]
    query: String,
    #[serde(default, deserialize_with = "one_or_many")]
    outlet: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    person: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    author: Vec<String>,
    since: Option<String>,
    until: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
    sort: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    facets: Vec<String>,
    facet_limit: Option<usize>,
    #[serde(default)]
    count_only: bool,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let engine = super::open_for_process(&config.backend)?;
    let input: Box<dyn BufRead> = match &config.input {
        Some(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
        )),
        None => Box::new(std::io::stdin().lock()),
    };
    let (mut errors, mut matched) = (0, 0);
    let mut lines = input.lines().enumerate();
    loop {
        let chunk: Vec<(usize, String)> = lines
            .by_ref()
            .take(CHUNK)
            .map(|(i, l)| l.map(|l| (i + 1, l)))
            .collect::<std::io::Result<_>>()
            .context("cannot read batch input")?;
        if chunk.is_empty() {
            break;
        }
        let answers: Vec<Result<(Value, usize), Value>> = chunk
            .par_iter()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(number, line)| answer_line(engine, line, *number))
            .collect();
        for answer in answers {
            match answer {
                Ok((value, total)) => {
                    matched += usize::from(total > 0);
                    output::json_line(out, &value)?;
                }
                Err(error_line) => {
                    errors += 1;
                    output::json_line(out, &error_line)?;
                }
            }
        }
    }
    out.flush()?;
    let status = if errors > 0 { Status::Failed } else { Status::found(matched) };
    super::checked(engine, status, err)
}

/// Queries answered in parallel at a time; output keeps input order.
const CHUNK: usize = 256;

/// The result line for one input line, or its error line.
fn answer_line(engine: &dyn Search, line: &str, number: usize) -> Result<(Value, usize), Value> {
    let (id, parsed) = parse_line(line, number);
    parsed
        .and_then(|q| answer(engine, &q, &id))
        .map_err(|e| json!({"type": "error", "id": id, "error": format!("{e:#}")}))
}

/// The query's id (given, or the line number) and the parsed query.
fn parse_line(line: &str, number: usize) -> (Value, Result<BatchQuery>) {
    let fallback = Value::from(number.to_string());
    if !line.trim_start().starts_with('{') {
        return (fallback, Ok(BatchQuery { query: line.trim().to_string(), ..BatchQuery::default() }));
    }
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return (fallback, Err(anyhow!("line {number}: invalid JSON: {e}"))),
    };
    let id = value.get("id").cloned().filter(|v| !v.is_null()).unwrap_or(fallback);
    let parsed = serde_json::from_value(value).map_err(|e| anyhow!("line {number}: {e}"));
    (id, parsed)
}

fn answer(engine: &dyn Search, q: &BatchQuery, id: &Value) -> Result<(Value, usize)> {
    let started = Instant::now();
    let selection = Selection { query: q.query.clone(), filters: filters(q)? };
    if q.count_only {
        let total = engine.count(&selection)?;
        let took_ms = started.elapsed().as_secs_f64() * 1e3;
        return Ok((json!({"type": "result", "id": id, "total": total, "took_ms": took_ms}), total));
    }
    let request = SearchRequest {
        selection,
        sort: sort(q.sort.as_deref())?,
        offset: q.offset.unwrap_or(0),
        limit: q.limit.unwrap_or(10),
        facets: q
            .facets
            .iter()
            .map(|f| f.parse::<FacetField>().map_err(anyhow::Error::msg))
            .collect::<Result<_>>()?,
        facet_limit: q.facet_limit.unwrap_or(10),
    };
    let r = engine.search(&request)?;
    let hits: Vec<Value> = r.hits.iter().map(hit_json).collect();
    let facets: Vec<Value> = r
        .facets
        .iter()
        .map(|f| json!({"field": f.field.label(), "value": f.value, "count": f.count}))
        .collect();
    let took_ms = r.took.as_secs_f64() * 1e3;
    let value = json!({"type": "result", "id": id, "total": r.total, "shown": hits.len(), "took_ms": took_ms,
        "hits": hits, "facets": facets});
    Ok((value, r.total))
}

fn filters(q: &BatchQuery) -> Result<Filters> {
    let date = |s: &Option<String>, b| s.as_deref().map(|s| dates::parse_filter_date(s, b)).transpose();
    Ok(Filters {
        outlets: q.outlet.clone(),
        persons: q.person.clone(),
        authors: q.author.clone(),
        since: date(&q.since, Bound::Start).map_err(anyhow::Error::msg)?,
        until: date(&q.until, Bound::End).map_err(anyhow::Error::msg)?,
    })
}

fn sort(s: Option<&str>) -> Result<Sort> {
    match s.unwrap_or("relevance") {
        "relevance" => Ok(Sort::Relevance),
        "newest" => Ok(Sort::Newest),
        "oldest" => Ok(Sort::Oldest),
        other => Err(anyhow!("unknown sort {other:?}: expected relevance, newest or oldest")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_are_queries_numbered_by_line() {
        let (id, q) = parse_line("  nuclear talks ", 7);
        assert_eq!(id, json!("7"));
        assert_eq!(q.unwrap().query, "nuclear talks");
    }

    #[test]
    fn json_lines_keep_their_id_even_when_invalid() {
        let (id, q) =
            parse_line(r#"{"id": "q1", "query": "x", "person": "Kim Jong-un", "facets": ["person"]}"#, 1);
        assert_eq!(id, json!("q1"));
        let q = q.unwrap();
        assert_eq!((q.person.len(), q.facets.len()), (1, 1));
        let (id, q) = parse_line(r#"{"id": "q2", "qurey": "typo"}"#, 2);
        assert_eq!(id, json!("q2"));
        assert!(q.unwrap_err().to_string().contains("qurey"));
    }

    #[test]
    fn broken_json_gets_the_line_number_as_id() {
        let (id, q) = parse_line("{not json", 3);
        assert_eq!(id, json!("3"));
        assert!(q.is_err());
    }
}
