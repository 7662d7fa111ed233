//! `newsdex ingest`: files -> articles -> index, in parallel, with progress and a summary.
//!
//! Worker threads read and clean files; the calling thread owns the index writer, so
//! articles reach the index in one place. One bad file is reported and counted, and the
//! run goes on; whatever was added is committed at the end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::Status;
use crate::index::{self, ArticleWriter};
use crate::ingest::pipeline::InputFormat;
use crate::ingest::{walk, FileResult, Pipeline};

#[derive(Debug, Clone)]
pub struct Config {
    pub index: PathBuf,
    pub paths: Vec<PathBuf>,
    pub pipeline: Pipeline,
    /// Writer memory budget in bytes.
    pub memory_bytes: usize,
    pub threads: usize,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Commit after this many articles ...
    pub commit_every: u64,
    /// ... or after this much time since the last commit, whichever comes first.
    pub commit_interval: Duration,
}

/// Counts for the final summary line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub articles: u64,
    pub files: u64,
    pub skipped: u64,
    pub errors: u64,
}

pub fn run(config: &Config, err: &mut impl Write) -> Result<Status> {
    let started = Instant::now();
    let opened = index::open_or_create(&config.index)?;
    let mut writer = ArticleWriter::new(opened, &config.index, config.memory_bytes, config.threads)?;
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("cannot install the Ctrl-C handler")?;
    let (files, walk_errors) = walk::files(&config.paths);
    let mut summary = Summary { errors: walk_errors.len() as u64, ..Summary::default() };
    for e in &walk_errors {
        writeln!(err, "newsdex: {}: {}", e.path.display(), e.reason)?;
    }
    let readable: Vec<(&Path, InputFormat)> =
        files.iter().filter_map(|p| config.pipeline.format_for(p).map(|f| (p.as_path(), f))).collect();
    summary.skipped = (files.len() - readable.len()) as u64;
    let bar = progress_bar(config.progress, readable.len());
    let mut policy =
        CommitPolicy { every: config.commit_every, interval: config.commit_interval, last: Instant::now() };
    let outcome = read_all(config, &readable, &interrupted, |path, result| {
        bar.inc(1);
        record(&mut writer, &mut policy, &mut summary, path, result, &bar)
    });
    bar.finish_and_clear();
    writer.finish()?;
    outcome?;
    writeln!(
        err,
        "ingested {} articles from {} files ({} skipped, {} errors) in {:.1} s",
        summary.articles,
        summary.files,
        summary.skipped,
        summary.errors,
        started.elapsed().as_secs_f64()
    )?;
    Ok(if interrupted.load(Ordering::SeqCst) {
        writeln!(err, "newsdex: interrupted; everything ingested so far is committed")?;
        Status::Interrupted
    } else if summary.errors > 0 {
        Status::Failed
    } else {
        Status::Success
    })
}

/// When to commit: after `every` articles or `interval` since the last commit.
struct CommitPolicy {
    every: u64,
    interval: Duration,
    last: Instant,
}

impl CommitPolicy {
    fn commit_if_due(&mut self, writer: &mut ArticleWriter) -> Result<()> {
        if writer.pending() >= self.every || (writer.pending() > 0 && self.last.elapsed() >= self.interval) {
            writer.commit()?;
            self.last = Instant::now();
        }
        Ok(())
    }
}

/// Adds one file's articles to the index (committing as the policy says) and counts its errors.
fn record(
    writer: &mut ArticleWriter,
    policy: &mut CommitPolicy,
    summary: &mut Summary,
    path: &Path,
    result: Result<FileResult>,
    bar: &ProgressBar,
) -> Result<()> {
    let mut report = |msg: String| bar.suspend(|| eprintln!("newsdex: {}: {msg}", path.display()));
    match result {
        Ok(file) => {
            for article in &file.articles {
                writer.add(article)?;
                policy.commit_if_due(writer)?;
            }
            summary.articles += file.articles.len() as u64;
            summary.files += u64::from(!file.articles.is_empty());
            summary.errors += file.errors.len() as u64;
            file.errors.into_iter().chain(file.warnings).for_each(&mut report);
        }
        Err(e) => {
            summary.errors += 1;
            report(format!("{e:#}"));
        }
    }
    Ok(())
}

/// Reads the files on worker threads and hands each result to `sink` on this thread.
/// Once `stop` is set, no new file is started; files already read are still handed over.
fn read_all(
    config: &Config,
    files: &[(&Path, InputFormat)],
    stop: &AtomicBool,
    mut sink: impl FnMut(&Path, Result<FileResult>) -> Result<()>,
) -> Result<()> {
    let next = AtomicUsize::new(0);
    let workers = config.threads.clamp(1, files.len().max(1));
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel(256);
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(path, format)) = files.get(i) else { break };
                if tx.send((path, config.pipeline.process(path, format))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (path, result) in rx {
            sink(path, result)?;
        }
        Ok(())
    })
}

fn progress_bar(visible: bool, len: usize) -> ProgressBar {
    if !visible || len < 50 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files ({per_sec}, {eta})",
    )
    .expect("valid progress template");
    bar.set_style(style);
    bar
}
