//! Writing articles into the cluster: each to the shard its id hashes to, in batched
//! `REPLACE INTO` statements, so re-ingesting an article replaces it.

use std::collections::HashMap;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use mysql::prelude::Queryable;
use mysql::Conn;

use super::keys::{doc_id, facet_key, file_key, filter_key, shard_of};
use super::search::{agent_warnings, cells, Meta};
use super::sql::{numbers, quote};
use super::{connect, stored, ClusterConfig};
use crate::article::Article;
use crate::backend::ArticleSink;
use crate::index::schema::sphinx;

/// Rows sent in one statement, at most ...
const BATCH_ROWS: usize = 500;
/// ... and about this many bytes of SQL.
const BATCH_BYTES: usize = 16 << 20;

/// Adds articles to the cluster's shards; an article whose id is there already is replaced.
pub struct ClusterWriter {
    shards: Vec<ShardWriter>,
    /// The distributed index, to find a changed file's old articles.
    reader: Conn,
    distributed: String,
    pending: u64,
}

/// One shard's connection and the rows waiting for it, by document id (the last wins).
struct ShardWriter {
    conn: Conn,
    index: String,
    address: String,
    rows: Vec<String>,
    slots: HashMap<u64, usize>,
    bytes: usize,
}

impl ClusterWriter {
    /// Connects to every shard and to the distributed index.
    pub fn connect(config: &ClusterConfig) -> Result<ClusterWriter> {
        let shards = config
            .shards
            .iter()
            .map(|s| {
                let conn = connect(&s.sql).with_context(|| format!("shard {} is not reachable", s.index))?;
                Ok(ShardWriter {
                    conn,
                    index: s.index.clone(),
                    address: s.sql.clone(),
                    rows: Vec::new(),
                    slots: HashMap::new(),
                    bytes: 0,
                })
            })
            .collect::<Result<_>>()?;
        let reader = connect(&config.distributed.sql)?;
        Ok(ClusterWriter { shards, reader, distributed: config.distributed.index.clone(), pending: 0 })
    }

    /// The ids of the articles read from a file, through the distributed index (which
    /// must hear from every shard, or stale articles could stay behind).
    fn ids_of_file(&mut self, file: &str) -> Result<Vec<u64>> {
        let (mut ids, mut after) = (Vec::new(), 0u64);
        loop {
            let sql = format!(
                "SELECT id FROM {} WHERE {} = {} AND id > {after} ORDER BY id ASC LIMIT {PAGE} \
                 OPTION max_matches = {PAGE}; SHOW META",
                self.distributed,
                sphinx::FILE_KEY,
                file_key(file)
            );
            let mut result = self.reader.query_iter(sql).context("cannot look up a file's articles")?;
            let page: Vec<u64> = match result.iter() {
                Some(set) => set.map(|row| Ok(cells::<(u64,)>(row?)?.0)).collect::<Result<_>>()?,
                None => Vec::new(),
            };
            let meta = Meta::read(&mut result)?;
            if let Some((agent, reason)) = agent_warnings(&meta.warning).into_iter().next() {
                bail!("cannot replace the articles of {file}: the shard at {agent} did not answer: {reason}");
            }
            ids.extend(&page);
            match page.last() {
                Some(last) if page.len() == PAGE => after = *last,
                _ => return Ok(ids),
            }
        }
    }
}

/// Ids read per page when looking up a file's articles.
const PAGE: usize = 1000;

impl ShardWriter {
    fn push(&mut self, id: u64, row: String) {
        self.bytes += row.len();
        match self.slots.get(&id) {
            Some(&i) => self.rows[i] = row,
            None => {
                self.slots.insert(id, self.rows.len());
                self.rows.push(row);
            }
        }
    }

    fn full(&self) -> bool {
        self.rows.len() >= BATCH_ROWS || self.bytes >= BATCH_BYTES
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let sql = format!("REPLACE INTO {} ({COLUMNS}) VALUES {}", self.index, self.rows.join(", "));
        self.conn
            .query_drop(sql)
            .with_context(|| format!("cannot write to shard {} at {}", self.index, self.address))?;
        self.rows.clear();
        self.slots.clear();
        self.bytes = 0;
        Ok(())
    }
}

/// The columns of a row, in the order [`row`] writes the values.
const COLUMNS: &str = "id, headline, body, article, outlet, outlet_key, people, people_keys, people_names, \
                       authors, author_keys, author_names, day, published, dated, file_key";

/// The values of an article's row.
fn row(id: u64, article: &Article, file: &str) -> Result<String> {
    let stored = stored::pack(article)?;
    let names = |list: &[String]| list.join(&sphinx::NAME_SEPARATOR.to_string());
    let day = article.date.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let published = article
        .published
        .as_deref()
        .map(chrono::DateTime::parse_from_rfc3339)
        .transpose()
        .context("stored publication time")?;
    Ok(format!(
        "({id}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
        quote(&article.headline),
        quote(&article.body),
        quote(&stored),
        quote(&article.outlet),
        filter_key(&article.outlet),
        numbers(article.people.iter().map(|p| facet_key(p))),
        numbers(article.people.iter().map(|p| filter_key(p))),
        quote(&names(&article.people)),
        numbers(article.authors.iter().map(|a| facet_key(a))),
        numbers(article.authors.iter().map(|a| filter_key(a))),
        quote(&names(&article.authors)),
        day.map_or(0, sphinx::day_number),
        published.map_or(0, |t| t.timestamp()),
        u8::from(published.is_some()),
        file_key(file),
    ))
}

impl ArticleSink for ClusterWriter {
    fn add(&mut self, article: &Article, file: &str) -> Result<()> {
        let id = doc_id(&article.id);
        let n = self.shards.len();
        let shard = &mut self.shards[shard_of(id, n)];
        shard.push(id, row(id, article, file)?);
        if shard.full() {
            shard.flush()?;
        }
        self.pending += 1;
        Ok(())
    }

    fn delete_file(&mut self, file: &str) -> Result<()> {
        let ids = self.ids_of_file(file)?;
        let n = self.shards.len();
        for (i, shard) in self.shards.iter_mut().enumerate() {
            // Rows still waiting were added after the delete, so they must stay: send them first.
            shard.flush()?;
            let mine: Vec<u64> = ids.iter().copied().filter(|id| shard_of(*id, n) == i).collect();
            for chunk in mine.chunks(PAGE) {
                let sql =
                    format!("DELETE FROM {} WHERE id IN {}", shard.index, numbers(chunk.iter().copied()));
                shard
                    .conn
                    .query_drop(sql)
                    .with_context(|| format!("cannot delete from shard {}", shard.index))?;
            }
        }
        Ok(())
    }

    fn files(&self) -> Result<Vec<(String, u64)>> {
        bail!("the cluster keeps no list of source files, so --prune works only on an embedded index")
    }

    fn pending(&self) -> u64 {
        self.pending
    }

    fn commit(&mut self) -> Result<()> {
        for shard in &mut self.shards {
            shard.flush()?;
        }
        self.pending = 0;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::name;

    #[test]
    fn rows_carry_keys_names_and_dates() {
        let article = Article {
            id: "4a36d64018122f0f".into(),
            path: "a.txt".into(),
            outlet: "Yonhap".into(),
            url: None,
            headline: "Pompeo's summit".into(),
            tags: vec![],
            published: Some("2020-07-10T08:00:00+09:00".into()),
            date: Some("2020-07-10".into()),
            dateline: None,
            authors: vec![],
            section: None,
            body: "Body".into(),
            captions: vec![],
            people: vec!["Mike Pompeo".into(), "Kim Jong-un".into()],
            encoding: "UTF-8".into(),
        };
        let r = row(7, &article, "/x/a.txt").unwrap();
        assert!(r.starts_with("(7, 'Pompeo\\'s summit', 'Body', '"), "{r}");
        assert!(r.contains(&format!("'Mike Pompeo{}Kim Jong-un'", sphinx::NAME_SEPARATOR)));
        assert!(r.contains(&format!("({}, {})", facet_key("Mike Pompeo"), facet_key("Kim Jong-un"))));
        assert!(r.contains(", (), (), '', 20200710, 1594335600, 1, "), "{r}");
        assert!(COLUMNS.starts_with(&format!("id, {}, {}", name::HEADLINE, name::BODY)));
    }
}
