//! Writing articles into the cluster: each to the shard its id hashes to, in batched
//! `REPLACE INTO` statements, so re-ingesting an article replaces it.

use std::collections::HashMap;
use std::thread::JoinHandle;

use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use crossbeam_channel::Sender;
use mysql::prelude::Queryable;
use mysql::{Conn, Row};

use super::config::Shard;
use super::keys::{doc_id, facet_key, file_key, filter_key, shard_of};
use super::search::cells;
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
    pending: u64,
}

/// The rows waiting for one shard, by document id (the last wins), and the link that
/// writes them.
struct ShardWriter {
    link: Link,
    index: String,
    rows: Vec<String>,
    slots: HashMap<u64, usize>,
    bytes: usize,
}

/// A shard's connection, driven by its own thread: shards are written side by side while
/// the pipeline goes on, and each shard's statements run in the order they were sent.
struct Link {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<Result<()>>>,
    name: String,
}

enum Job {
    /// Run a statement.
    Run(String),
    /// Remove the articles of the source file with this key.
    DeleteFile(u64),
    /// Say when every job before this one is done.
    Sync(Sender<()>),
}

/// Batches of rows queued for a shard's thread, at most.
const QUEUED: usize = 2;

impl Link {
    fn open(shard: &Shard) -> Result<Link> {
        let mut conn =
            connect(&shard.sql).with_context(|| format!("shard {} is not reachable", shard.index))?;
        let name = format!("shard {} at {}", shard.index, shard.sql);
        let (index, what) = (shard.index.clone(), name.clone());
        let (jobs, queue) = crossbeam_channel::bounded(QUEUED);
        let thread = std::thread::spawn(move || -> Result<()> {
            for job in queue {
                match job {
                    Job::Run(sql) => {
                        conn.query_drop(sql).with_context(|| format!("cannot write to {what}"))?
                    }
                    Job::DeleteFile(key) => delete_file(&mut conn, &index, key)
                        .with_context(|| format!("cannot replace a file's articles on {what}"))?,
                    Job::Sync(done) => drop(done.send(())),
                }
            }
            Ok(())
        });
        Ok(Link { jobs: Some(jobs), thread: Some(thread), name })
    }

    fn send(&mut self, job: Job) -> Result<()> {
        match &self.jobs {
            Some(jobs) if jobs.send(job).is_ok() => Ok(()),
            _ => Err(self.failure()),
        }
    }

    /// Waits until every job sent so far is done.
    fn sync(&mut self) -> Result<()> {
        let (done, wait) = crossbeam_channel::bounded(1);
        self.send(Job::Sync(done))?;
        wait.recv().map_err(|_| self.failure())
    }

    /// Why the thread stopped (its first error), once it has.
    fn failure(&mut self) -> anyhow::Error {
        self.jobs = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(Err(e))) => e,
            _ => anyhow!("the writer of {} stopped", self.name),
        }
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Deletes a file's articles from one shard, a page at a time. Every article lives on the
/// shard its id hashes to, so each shard can find its own.
fn delete_file(conn: &mut Conn, index: &str, key: u64) -> Result<()> {
    loop {
        let sql = format!(
            "SELECT id FROM {index} WHERE {} = {key} LIMIT {PAGE} OPTION max_matches = {PAGE}",
            sphinx::FILE_KEY
        );
        let rows: Vec<Row> = conn.query(sql)?;
        let ids: Vec<u64> =
            rows.into_iter().map(|r| cells::<(u64,)>(r).map(|c| c.0)).collect::<Result<_>>()?;
        if !ids.is_empty() {
            conn.query_drop(format!("DELETE FROM {index} WHERE id IN {}", numbers(ids.iter().copied())))?;
        }
        if ids.len() < PAGE {
            return Ok(());
        }
    }
}

/// Ids deleted per statement when a file's articles are replaced.
const PAGE: usize = 1000;

impl ClusterWriter {
    /// Connects to every shard.
    pub fn connect(config: &ClusterConfig) -> Result<ClusterWriter> {
        let shards = config
            .shards
            .iter()
            .map(|s| {
                Ok(ShardWriter {
                    link: Link::open(s)?,
                    index: s.index.clone(),
                    rows: Vec::new(),
                    slots: HashMap::new(),
                    bytes: 0,
                })
            })
            .collect::<Result<_>>()?;
        Ok(ClusterWriter { shards, pending: 0 })
    }
}

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

    /// Hands the waiting rows to the shard's thread.
    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let sql = format!("REPLACE INTO {} ({COLUMNS}) VALUES {}", self.index, self.rows.join(", "));
        self.rows.clear();
        self.slots.clear();
        self.bytes = 0;
        self.link.send(Job::Run(sql))
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
        let key = file_key(file);
        for shard in &mut self.shards {
            // Rows waiting were added before the delete: they go first, in order.
            shard.flush()?;
            shard.link.send(Job::DeleteFile(key))?;
        }
        Ok(())
    }

    fn files(&self) -> Result<Vec<(String, u64)>> {
        bail!("the cluster keeps no list of source files, so --prune works only on an embedded index")
    }

    fn pending(&self) -> u64 {
        self.pending
    }

    /// Sends every waiting row and waits until each shard has written it.
    fn commit(&mut self) -> Result<()> {
        for shard in &mut self.shards {
            shard.flush()?;
        }
        for shard in &mut self.shards {
            shard.link.sync()?;
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
