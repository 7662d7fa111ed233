//! `newsdex ingest`: files -> articles -> index, in parallel, with progress and a summary.
//!
//! A producer thread hands out work (whole files, or chunks of JSON Lines streamed from
//! disk), worker threads clean it into articles, and this thread owns the index writer, so
//! articles reach the index in one place. Commits happen every N articles or T seconds and
//! at the end; a file is recorded as done (and skipped next time while unchanged) only after
//! the commit that holds all its articles. One bad file is reported and counted, and the run
//! goes on. The articles go to the embedded index or, with `--cluster`, to the cluster's
//! shards; on a cluster every file is read again each time (its articles replace
//! themselves), as there is no local record of what the cluster holds.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::Status;
use crate::backend::{ArticleSink, Backend, Rejected};
use crate::cluster::{ClusterConfig, ClusterWriter};
use crate::index::{self, ArticleWriter};
use crate::ingest::feed::{self, Event, Source};
use crate::ingest::manifest::Manifest;
use crate::ingest::{walk, FileResult, Pipeline};

#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
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
    /// Remove articles whose source files under the given paths no longer exist.
    pub prune: bool,
}

/// Counts for the final summary line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub articles: u64,
    pub files: u64,
    pub unchanged: u64,
    pub skipped: u64,
    pub errors: u64,
    pub pruned: u64,
}

pub fn run(config: &Config, err: &mut impl Write) -> Result<Status> {
    let started = Instant::now();
    let (writer, manifest) = open_sink(config)?;
    let already = manifest.clone();
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("cannot install the Ctrl-C handler")?;

    let walked = walk::files(&config.paths);
    for e in &walked.errors {
        writeln!(err, "newsdex: {}: {}", e.path.display(), e.reason)?;
    }
    for note in walked.notes() {
        writeln!(err, "{note}")?;
    }
    let walk::Walked { files, errors: walk_errors, .. } = walked;
    let sources: Vec<Source> = files
        .iter()
        .filter_map(|p| config.pipeline.format_for(p).map(|f| Source::new(p.clone(), f)))
        .collect();
    let mut summary = Summary {
        errors: walk_errors.len() as u64,
        skipped: (files.len() - sources.len()) as u64,
        ..Summary::default()
    };
    let mut sink =
        Sink { writer, manifest, policy: CommitPolicy::new(config), files: Vec::new(), done: Vec::new() };
    if config.prune {
        summary.pruned = sink.prune(&config.paths)?;
    }
    let bar = progress_bar(config.progress, sources.iter().map(|s| s.size).sum());
    let outcome = run_feed(config, &sources, &already, &mut sink, &mut summary, (&interrupted, &bar));
    bar.finish_and_clear();
    let finished = sink.finish();
    outcome.and(finished)?;
    write_summary(err, &summary, started.elapsed())?;
    Ok(if interrupted.load(Ordering::SeqCst) {
        writeln!(err, "newsdex: interrupted; everything ingested so far is committed")?;
        Status::Interrupted
    } else if summary.errors > 0 {
        Status::Failed
    } else {
        Status::Success
    })
}

/// The sink for the configured backend, with the record of files already ingested there.
fn open_sink(config: &Config) -> Result<(Box<dyn ArticleSink>, Manifest)> {
    Ok(match &config.backend {
        Backend::Index(dir) => {
            let opened = index::open_or_create(dir)?;
            let writer = ArticleWriter::new(opened, dir, config.memory_bytes, config.threads)?;
            (Box::new(writer), Manifest::load(dir)?)
        }
        Backend::Cluster(file) => {
            (Box::new(ClusterWriter::connect(&ClusterConfig::load(file)?)?), Manifest::none())
        }
    })
}

fn write_summary(err: &mut impl Write, s: &Summary, took: Duration) -> std::io::Result<()> {
    if s.pruned > 0 {
        writeln!(err, "pruned {} files that no longer exist", s.pruned)?;
    }
    writeln!(
        err,
        "ingested {} articles from {} files ({} unchanged, {} skipped, {} errors) in {:.1} s",
        s.articles,
        s.files,
        s.unchanged,
        s.skipped,
        s.errors,
        took.as_secs_f64()
    )
}

/// Runs the producer and the workers, and feeds their events to the sink on this thread.
fn run_feed(
    config: &Config,
    sources: &[Source],
    already: &Manifest,
    sink: &mut Sink,
    summary: &mut Summary,
    (stop, bar): (&AtomicBool, &ProgressBar),
) -> Result<()> {
    let workers = config.threads.max(1);
    sink.files = sources.iter().map(|_| FileState::default()).collect();
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = crossbeam_channel::bounded(workers * 2);
        let (event_tx, event_rx) = crossbeam_channel::bounded(workers);
        for _ in 0..workers {
            let (work_rx, event_tx) = (work_rx.clone(), event_tx.clone());
            scope.spawn(move || feed::work(sources, &config.pipeline, &work_rx, &event_tx));
        }
        let producer_events = event_tx.clone();
        scope.spawn(move || feed::produce(sources, already, stop, bar, &work_tx, &producer_events));
        drop((work_rx, event_tx));
        for event in event_rx {
            sink.handle(event, sources, summary, bar)?;
        }
        Ok(())
    })
}

/// What is known of one file while its parts arrive.
#[derive(Debug, Default)]
struct FileState {
    parts: usize,
    expected: Option<usize>,
    hash: u64,
    articles: u64,
}

/// The writer side: adds articles, commits by policy, records finished files after commits.
struct Sink {
    writer: Box<dyn ArticleSink>,
    manifest: Manifest,
    policy: CommitPolicy,
    files: Vec<FileState>,
    /// Files whose articles are all added, waiting for the next commit to be recorded.
    done: Vec<(String, u64)>,
}

impl Sink {
    fn handle(
        &mut self,
        event: Event,
        sources: &[Source],
        summary: &mut Summary,
        bar: &ProgressBar,
    ) -> Result<()> {
        let report =
            |file: usize, msg: &str| bar.suspend(|| eprintln!("newsdex: {}: {msg}", sources[file].shown()));
        match event {
            Event::Unchanged(_) => summary.unchanged += 1,
            Event::Begin(file) => self.writer.delete_file(&sources[file].key)?,
            Event::Failed { file, reason } => {
                summary.errors += 1;
                report(file, &reason);
            }
            Event::End { file, units, hash } => {
                let state = &mut self.files[file];
                (state.expected, state.hash) = (Some(units), hash);
                self.maybe_done(file, sources, summary);
            }
            Event::Part { file, result } => {
                match result {
                    Ok(part) => self.add_part(file, part, sources, summary, &report)?,
                    Err(e) => {
                        summary.errors += 1;
                        report(file, &format!("{e:#}"));
                    }
                }
                self.files[file].parts += 1;
                self.maybe_done(file, sources, summary);
            }
        }
        Ok(())
    }

    fn add_part(
        &mut self,
        file: usize,
        part: FileResult,
        sources: &[Source],
        summary: &mut Summary,
        report: &impl Fn(usize, &str),
    ) -> Result<()> {
        let mut added = 0;
        for article in &part.articles {
            match self.writer.add(article, &sources[file].key) {
                Ok(()) => added += 1,
                Err(e) if e.is::<Rejected>() => {
                    summary.errors += 1;
                    report(file, &format!("{e:#}"));
                }
                Err(e) => return Err(e),
            }
            if self.policy.due(self.writer.pending()) {
                self.commit()?;
            }
        }
        self.files[file].articles += added;
        summary.articles += added;
        summary.errors += part.errors.len() as u64;
        part.errors.iter().chain(&part.warnings).for_each(|m| report(file, m));
        Ok(())
    }

    /// Once every part of a file has arrived, it waits for the next commit to be recorded.
    fn maybe_done(&mut self, file: usize, sources: &[Source], summary: &mut Summary) {
        let state = &self.files[file];
        if state.expected == Some(state.parts) {
            if state.articles > 0 {
                summary.files += 1;
                self.done.push((sources[file].key.clone(), state.hash));
            }
            self.files[file].expected = None;
        }
    }

    fn commit(&mut self) -> Result<()> {
        self.writer.commit()?;
        self.policy.committed();
        self.manifest.record_done(&std::mem::take(&mut self.done))
    }

    /// Removes the articles of files under `roots` that no longer exist; the number of files.
    fn prune(&mut self, roots: &[PathBuf]) -> Result<u64> {
        let roots: Vec<PathBuf> = roots.iter().filter_map(|r| std::fs::canonicalize(r).ok()).collect();
        let under_roots = |key: &str| roots.iter().any(|r| Path::new(key).starts_with(r));
        let mut gone: Vec<String> = self.writer.files()?.into_iter().map(|(key, _)| key).collect();
        gone.extend(self.manifest.keys().map(str::to_string));
        gone.sort();
        gone.dedup();
        gone.retain(|key| under_roots(key) && !Path::new(key).exists());
        for key in &gone {
            self.writer.delete_file(key)?;
        }
        self.writer.commit()?;
        self.manifest.record_gone(&gone)?;
        Ok(gone.len() as u64)
    }

    fn finish(mut self) -> Result<()> {
        self.commit()?;
        self.writer.finish()
    }
}

/// When to commit: after `every` articles or `interval` since the last commit.
struct CommitPolicy {
    every: u64,
    interval: Duration,
    last: Instant,
}

impl CommitPolicy {
    fn new(config: &Config) -> CommitPolicy {
        CommitPolicy { every: config.commit_every, interval: config.commit_interval, last: Instant::now() }
    }

    fn due(&self, pending: u64) -> bool {
        pending >= self.every || (pending > 0 && self.last.elapsed() >= self.interval)
    }

    fn committed(&mut self) {
        self.last = Instant::now();
    }
}

fn progress_bar(visible: bool, total_bytes: u64) -> ProgressBar {
    if !visible || total_bytes < (1 << 20) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total_bytes);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
    )
    .expect("valid progress template");
    bar.set_style(style);
    bar
}
