//! Reading from the cluster: every request goes through the distributed index, followed by
//! `SHOW META`, whose warnings name shards that did not answer.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{anyhow, Context, Result};
use mysql::prelude::{FromRow, FromValue, Queryable};
use mysql::{Conn, QueryResult, Row, Text as TextProtocol};
use tantivy::query::Query;

use super::keys::{doc_id, facet_key};
use super::query::{translate, Text, Translated};
use super::sql::numbers;
use super::{connect, stored, ClusterConfig};
use crate::article::Article;
use crate::backend::Search;
use crate::index::schema::sphinx;
use crate::index::{self, Opened};
use crate::search::facets::{by_period, top};
use crate::search::{
    query, DayCounts, FacetCount, FacetField, Hit, SearchRequest, SearchResults, Selection, SnippetMaker,
    Sort,
};

/// Most values (groups) of a facet each shard returns for merging. Dates, and values
/// filtered by prefix, need them all; the top values of a facet need each shard's most
/// frequent ones only, and searchd is much slower when it keeps many groups.
const ALL_VALUES: usize = 100_000;
/// Values each shard returns per value shown, for the top values of a facet ...
const VALUES_PER_SHOWN: usize = 20;
/// ... and at least this many.
const MIN_VALUES: usize = 200;

/// How many values of a facet each shard should return to show `limit` of them (all of
/// them when `every` is set).
fn depth(field: FacetField, limit: usize, every: bool) -> usize {
    match field {
        FacetField::Date(_) => ALL_VALUES,
        _ if every => ALL_VALUES,
        _ => limit.saturating_mul(VALUES_PER_SHOWN).clamp(MIN_VALUES, ALL_VALUES),
    }
}
/// Rows per page when exporting.
const EXPORT_PAGE: usize = 1000;
/// Relevance as close to the embedded index's as Sphinx offers: BM25, headline twice body.
const RANKING: &str = "ranker = bm25, field_weights = (headline = 2, body = 1)";

/// The cluster, read through its distributed index.
pub struct ClusterSearch {
    config: ClusterConfig,
    /// Idle connections to the distributed index (`batch` uses several at once).
    idle: Mutex<Vec<Conn>>,
    /// Shards that did not answer, by API address, with searchd's reason.
    missing: Mutex<BTreeMap<String, String>>,
    /// An empty in-memory index: it checks query syntax exactly as the embedded index does
    /// and supplies the analyzer for snippets.
    memory: Opened,
}

/// One statement's rows and what `SHOW META` said after it.
struct Answer {
    rows: Vec<Row>,
    meta: Meta,
}

/// The parts of `SHOW META` newsdex reads.
#[derive(Debug, Default)]
pub(super) struct Meta {
    pub total_found: usize,
    pub warning: String,
}

impl Meta {
    /// Reads the `SHOW META` result set that comes next.
    pub(super) fn read(result: &mut QueryResult<'_, '_, '_, TextProtocol>) -> Result<Meta> {
        let mut meta = Meta::default();
        if let Some(set) = result.iter() {
            for row in set {
                let (name, value): (String, String) = cells(row?)?;
                match name.as_str() {
                    "total_found" => meta.total_found = value.parse().unwrap_or(0),
                    "warning" => meta.warning = value,
                    _ => {}
                }
            }
        }
        Ok(meta)
    }
}

/// The shard addresses a searchd warning names, with what happened to each:
/// `index newsdex: agent 127.0.0.1:9404: connect() failed: ...; index ...`.
pub(super) fn shard_warnings(warning: &str) -> Vec<(String, String)> {
    warning
        .split(';')
        .filter_map(|part| {
            let rest = &part[part.find("agent ")? + "agent ".len()..];
            let (address, reason) = rest.split_once(": ").unwrap_or((rest, ""));
            Some((address.trim().to_string(), reason.trim().to_string()))
        })
        .collect()
}

impl ClusterSearch {
    /// Connects to the distributed index.
    pub fn connect(config: ClusterConfig) -> Result<ClusterSearch> {
        let first = connect(&config.distributed.sql)?;
        Ok(ClusterSearch {
            config,
            idle: Mutex::new(vec![first]),
            missing: Mutex::new(BTreeMap::new()),
            memory: index::in_memory()?,
        })
    }

    /// Runs statements side by side, each on its own connection and followed by
    /// `SHOW META`, and notes shards that did not answer.
    fn run(&self, statements: &[String]) -> Result<Vec<Answer>> {
        let answers: Vec<Result<Answer>> = match statements {
            [one] => vec![self.run_one(one)],
            _ => std::thread::scope(|scope| {
                let running: Vec<_> = statements.iter().map(|s| scope.spawn(|| self.run_one(s))).collect();
                running.into_iter().map(|r| r.join().expect("statement thread")).collect()
            }),
        };
        answers.into_iter().collect()
    }

    fn run_one(&self, statement: &str) -> Result<Answer> {
        let idle = self.idle.lock().expect("connection list").pop();
        let mut conn = match idle {
            Some(c) => c,
            None => connect(&self.config.distributed.sql)?,
        };
        let answer = Self::answer(&mut conn, statement).with_context(|| {
            format!("the cluster's distributed index at {} failed", self.config.distributed.sql)
        })?;
        self.idle.lock().expect("connection list").push(conn);
        self.note_missing(&answer.meta.warning);
        Ok(answer)
    }

    fn answer(conn: &mut Conn, statement: &str) -> Result<Answer> {
        let mut result = conn.query_iter(format!("{statement}; SHOW META"))?;
        let rows = match result.iter() {
            Some(set) => set.collect::<std::result::Result<Vec<Row>, _>>()?,
            None => Vec::new(),
        };
        Ok(Answer { rows, meta: Meta::read(&mut result)? })
    }

    fn note_missing(&self, warning: &str) {
        let mut missing = self.missing.lock().expect("missing shards");
        for (address, reason) in shard_warnings(warning) {
            missing.entry(address).or_insert(reason);
        }
    }

    /// The translation of a selection, checked first by the embedded query parser (same
    /// syntax errors), with the parsed query for snippets; `None` when nothing can match.
    fn select(&self, selection: &Selection) -> Result<Option<(Translated, Box<dyn Query>)>> {
        let parsed = query::build(&self.memory, &selection.query, &selection.filters)?;
        let translated = translate(&selection.query, &selection.filters)?;
        Ok((translated.text != Text::Nothing).then_some((translated, parsed)))
    }

    /// `FROM index [WHERE ...]`: the distributed index, narrowed by a translation and extra conditions.
    fn source(&self, t: &Translated, extra: &[String]) -> String {
        let mut conditions = vec![t.where_clause()];
        conditions.extend(extra.iter().cloned());
        conditions.retain(|c| !c.is_empty());
        let index = &self.config.distributed.index;
        if conditions.is_empty() {
            format!("FROM {index}")
        } else {
            format!("FROM {index} WHERE {}", conditions.join(" AND "))
        }
    }

    fn count_sql(&self, t: &Translated) -> String {
        // searchd counts every match whatever it keeps, and keeping fewer is much faster.
        format!("SELECT id {} LIMIT 0 OPTION max_matches = 1", self.source(t, &[]))
    }

    fn facet_sql(&self, t: &Translated, field: FacetField, depth: usize) -> String {
        let (select, group) = match field {
            FacetField::Outlet => (format!("{0} AS v, COUNT(*) AS n", sphinx::OUTLET), sphinx::OUTLET),
            FacetField::Person => {
                (format!("GROUPBY() AS v, COUNT(*) AS n, {}", sphinx::PEOPLE_NAMES), sphinx::PEOPLE)
            }
            FacetField::Author => {
                (format!("GROUPBY() AS v, COUNT(*) AS n, {}", sphinx::AUTHOR_NAMES), sphinx::AUTHORS)
            }
            FacetField::Date(_) => (format!("{} AS v, COUNT(*) AS n", sphinx::DAY), sphinx::DAY),
        };
        format!(
            "SELECT {select} {} GROUP BY {group} ORDER BY n DESC LIMIT {depth} OPTION max_matches = {depth}",
            self.source(t, &[])
        )
    }

    /// The page of hits: ids and weights only, as reading a string attribute for every
    /// candidate on every shard costs more than fetching the page's articles afterwards.
    fn hits_sql(&self, t: &Translated, request: &SearchRequest) -> String {
        let order = match request.sort {
            Sort::Relevance => "WEIGHT() DESC, id ASC".to_string(),
            Sort::Newest => format!("{} DESC, {} DESC, id ASC", sphinx::DATED, sphinx::PUBLISHED),
            Sort::Oldest => format!("{} DESC, {} ASC, id ASC", sphinx::DATED, sphinx::PUBLISHED),
        };
        let window = (request.offset + request.limit).max(1);
        format!(
            "SELECT id, WEIGHT() AS w {} ORDER BY {order} LIMIT {}, {} OPTION max_matches = {window}, {RANKING}",
            self.source(t, &[]),
            request.offset,
            request.limit
        )
    }

    /// The hits of a page of (id, weight) rows, with their articles and snippets.
    fn hits(&self, rows: Vec<Row>, request: &SearchRequest, query: &dyn Query) -> Result<Vec<Hit>> {
        let page: Vec<(u64, f64)> = rows.into_iter().map(cells).collect::<Result<_>>()?;
        let mut articles = self.articles(page.iter().map(|(id, _)| *id))?;
        let snippets = SnippetMaker::new(&self.memory.index, query, self.memory.fields.body)?;
        let scored = request.sort == Sort::Relevance;
        let mut hits = Vec::with_capacity(page.len());
        for (i, (id, weight)) in page.into_iter().enumerate() {
            let article = articles.remove(&id).context("a hit's article went missing from the cluster")?;
            let snippet = snippets.make(&article.body);
            let score = scored.then_some(weight as f32);
            hits.push(Hit { rank: request.offset + i + 1, score, article, snippet });
        }
        Ok(hits)
    }

    /// The articles with these document ids, by id.
    fn articles(&self, ids: impl Iterator<Item = u64>) -> Result<HashMap<u64, Article>> {
        let ids: Vec<u64> = ids.collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT id, {} FROM {} WHERE id IN {} LIMIT {n} OPTION max_matches = {n}",
            sphinx::ARTICLE,
            self.config.distributed.index,
            numbers(ids.iter().copied()),
            n = ids.len().max(1)
        );
        let rows = self.run(&[sql])?.pop().expect("one answer").rows;
        rows.into_iter()
            .map(|row| {
                let (id, stored): (u64, String) = cells(row)?;
                Ok((id, parse_article(&stored)?))
            })
            .collect()
    }

    /// A page of dated or undated matches, after the (publication time, id) of the last one.
    fn export_sql(&self, t: &Translated, dated: bool, last: Option<(i64, u64)>) -> String {
        let published = sphinx::PUBLISHED;
        let after = match (dated, last) {
            (_, None) => "1".to_string(),
            (true, Some((p, id))) => {
                format!("IF({published} > {p} OR ({published} = {p} AND id > {id}), 1, 0)")
            }
            (false, Some((_, id))) => format!("IF(id > {id}, 1, 0)"),
        };
        let order = if dated { format!("{published} ASC, id ASC") } else { "id ASC".to_string() };
        let conditions = [format!("{} = {}", sphinx::DATED, u8::from(dated)), "after = 1".to_string()];
        format!(
            "SELECT id, {published}, {}, {after} AS after {} ORDER BY {order} LIMIT {EXPORT_PAGE} \
             OPTION max_matches = {EXPORT_PAGE}",
            sphinx::ARTICLE,
            self.source(t, &conditions)
        )
    }

    fn page(&self, sql: String) -> Result<Vec<(u64, i64, String)>> {
        let answer = self.run(&[sql])?.pop().expect("one answer");
        answer.rows.into_iter().map(export_row).collect()
    }
}

/// A row's cells as a tuple.
pub(super) fn cells<T: FromRow>(row: Row) -> Result<T> {
    T::from_row_opt(row).map_err(|e| anyhow!("unexpected answer from searchd: {:?}", e.0))
}

/// The first three cells of an export row: id, publication time, article.
fn export_row(mut row: Row) -> Result<(u64, i64, String)> {
    fn take<T: FromValue>(row: &mut Row, i: usize) -> Result<T> {
        match row.take_opt(i) {
            Some(Ok(v)) => Ok(v),
            _ => Err(anyhow!("unexpected answer from searchd: {row:?}")),
        }
    }
    Ok((take(&mut row, 0)?, take(&mut row, 1)?, take(&mut row, 2)?))
}

fn parse_article(stored: &str) -> Result<Article> {
    stored::unpack(stored)
}

/// Facet values from a facet statement's rows (`v`, `n` and, for people and authors, the
/// names of the group's first article, among which `v` is the key of one).
fn facet_values(field: FacetField, rows: Vec<Row>) -> Result<Vec<(String, u64)>> {
    Ok(match field {
        FacetField::Outlet => rows.into_iter().map(cells).collect::<Result<_>>()?,
        FacetField::Person | FacetField::Author => {
            let mut values = Vec::with_capacity(rows.len());
            for row in rows {
                let (key, count, names): (u64, u64, String) = cells(row)?;
                if let Some(name) = names.split(sphinx::NAME_SEPARATOR).find(|n| facet_key(n) == key) {
                    values.push((name.to_string(), count));
                }
            }
            values
        }
        FacetField::Date(period) => by_period(&days(rows)?, period).into_iter().collect(),
    })
}

/// Day counts from a date facet statement's rows, leaving out the undated (day 0).
fn days(rows: Vec<Row>) -> Result<BTreeMap<chrono::NaiveDate, u64>> {
    let mut days = BTreeMap::new();
    for row in rows {
        let (day, count): (u64, u64) = cells(row)?;
        if let Some(day) = sphinx::day_from_number(day) {
            days.insert(day, count);
        }
    }
    Ok(days)
}

impl Search for ClusterSearch {
    fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let Some((t, query)) = self.select(&request.selection)? else {
            return Ok(SearchResults {
                total: 0,
                hits: Vec::new(),
                facets: Vec::new(),
                took: started.elapsed(),
            });
        };
        let mut statements = vec![self.hits_sql(&t, request)];
        let facet = |f: &FacetField| self.facet_sql(&t, *f, depth(*f, request.facet_limit, false));
        statements.extend(request.facets.iter().map(facet));
        let mut answers = self.run(&statements)?.into_iter();
        let first = answers.next().expect("hits answer");
        let total = first.meta.total_found;
        let hits = self.hits(first.rows, request, &*query)?;
        let mut facets = Vec::new();
        for (field, answer) in request.facets.iter().zip(answers) {
            facets.extend(top(*field, facet_values(*field, answer.rows)?, request.facet_limit, None));
        }
        Ok(SearchResults { total, hits, facets, took: started.elapsed() })
    }

    fn count(&self, selection: &Selection) -> Result<usize> {
        let Some((t, _)) = self.select(selection)? else { return Ok(0) };
        Ok(self.run(&[self.count_sql(&t)])?[0].meta.total_found)
    }

    fn facet_counts(
        &self,
        selection: &Selection,
        field: FacetField,
        limit: usize,
        prefix: Option<&str>,
    ) -> Result<(usize, Vec<FacetCount>)> {
        let Some((t, _)) = self.select(selection)? else { return Ok((0, Vec::new())) };
        let facet = self.facet_sql(&t, field, depth(field, limit, prefix.is_some()));
        let mut answers = self.run(&[self.count_sql(&t), facet])?;
        let values = facet_values(field, answers.pop().expect("facet answer").rows)?;
        let prefix = prefix.map(str::to_lowercase);
        Ok((answers[0].meta.total_found, top(field, values, limit, prefix.as_deref())))
    }

    fn day_counts(&self, selection: &Selection) -> Result<DayCounts> {
        let Some((t, _)) = self.select(selection)? else { return Ok(DayCounts::default()) };
        let day = FacetField::Date(crate::search::DatePeriod::Day);
        let day_facet = self.facet_sql(&t, day, ALL_VALUES);
        let mut answers = self.run(&[self.count_sql(&t), day_facet])?;
        let days = days(answers.pop().expect("day answer").rows)?;
        let total = answers[0].meta.total_found;
        let dated: u64 = days.values().sum();
        Ok(DayCounts { total, days, undated: (total as u64).saturating_sub(dated) })
    }

    /// Pages through the matches by (publication time, id), then the undated by id, so
    /// that searchd never holds more than a page of matches.
    fn export(&self, selection: &Selection, each: &mut dyn FnMut(&Article) -> Result<()>) -> Result<usize> {
        let Some((t, _)) = self.select(selection)? else { return Ok(0) };
        let mut exported = 0;
        for dated in [true, false] {
            let mut last = None;
            loop {
                let page = self.page(self.export_sql(&t, dated, last))?;
                for (id, published, json) in &page {
                    each(&parse_article(json)?)?;
                    last = Some((*published, *id));
                }
                exported += page.len();
                if page.len() < EXPORT_PAGE {
                    break;
                }
            }
        }
        Ok(exported)
    }

    fn find(&self, id: &str) -> Result<Option<Article>> {
        let found = self.articles(std::iter::once(doc_id(id.trim())))?.into_values().next();
        Ok(found.filter(|a| a.id == id.trim()))
    }

    fn missing_shards(&self) -> Vec<String> {
        let missing = self.missing.lock().expect("missing shards");
        missing
            .iter()
            .map(|(address, reason)| {
                let shard =
                    self.config.shard_by_api(address).map_or(String::new(), |s| format!("{} ", s.index));
                format!("shard {shard}(at {address}) did not answer: {reason}")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_name_each_shard() {
        let w = "index newsdex: agent 127.0.0.1:9404: connect() failed: errno=111, refused; \
                 index newsdex: agent 10.0.0.2:9312: query timed out";
        let got = shard_warnings(w);
        assert_eq!(
            got[0],
            ("127.0.0.1:9404".to_string(), "connect() failed: errno=111, refused".to_string())
        );
        assert_eq!(got[1].0, "10.0.0.2:9312");
        assert!(shard_warnings("").is_empty());
    }

    #[test]
    fn shards_return_all_dates_but_only_the_top_names() {
        use crate::search::DatePeriod;
        assert_eq!(depth(FacetField::Date(DatePeriod::Month), 10, false), ALL_VALUES);
        assert_eq!(depth(FacetField::Person, 10, false), MIN_VALUES);
        assert_eq!(depth(FacetField::Person, 50, false), 1000);
        assert_eq!(depth(FacetField::Person, 10, true), ALL_VALUES);
        assert_eq!(depth(FacetField::Author, usize::MAX, false), ALL_VALUES);
    }

    #[test]
    fn facet_names_come_from_the_group_keys() {
        let names = format!("Mike Pompeo{}Kim Jong-un", sphinx::NAME_SEPARATOR);
        let key = facet_key("Kim Jong-un");
        let found = names.split(sphinx::NAME_SEPARATOR).find(|n| facet_key(n) == key);
        assert_eq!(found, Some("Kim Jong-un"));
    }
}
