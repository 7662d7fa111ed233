//! `newsdex ingest`: files -> articles -> index, in parallel, with progress and a summary.
//!
//! Worker threads read and clean files; the calling thread owns the index writer, so
//! articles reach the index in one place. One bad file is reported and counted, and the
//! run goes on; whatever was added is committed at the end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

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
    let mut writer = ArticleWriter::new(opened, config.memory_bytes, config.threads)
        .with_context(|| format!("index {}", config.index.display()))?;
    let (files, walk_errors) = walk::files(&config.paths);
    let mut summary = Summary { errors: walk_errors.len() as u64, ..Summary::default() };
    for e in &walk_errors {
        writeln!(err, "newsdex: {}: {}", e.path.display(), e.reason)?;
    }
    let readable: Vec<(&Path, InputFormat)> =
        files.iter().filter_map(|p| config.pipeline.format_for(p).map(|f| (p.as_path(), f))).collect();
    summary.skipped = (files.len() - readable.len()) as u64;
    let bar = progress_bar(config.progress, readable.len());
    let outcome = read_all(config, &readable, |path, result| {
        bar.inc(1);
        record(&mut writer, &mut summary, path, result, &bar)
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
    Ok(if summary.errors > 0 { Status::Failed } else { Status::Success })
}

/// Adds one file's articles to the index and counts its errors.
fn record(
    writer: &mut ArticleWriter,
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
fn read_all(
    config: &Config,
    files: &[(&Path, InputFormat)],
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
