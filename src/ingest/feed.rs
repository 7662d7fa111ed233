//! Feeding an ingest: which files to read, split into units of work for the worker threads,
//! and the events the index writer receives about them.
//!
//! One producer walks the sources in order: it hashes each file (an unchanged one is
//! skipped), tells the writer a file begins (so its old articles can go), and hands out
//! work: a whole file, or a chunk of lines of a JSON Lines file, read as a stream so that a
//! file of any size takes bounded memory. Workers turn units into articles.

use std::io::BufRead;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use crossbeam_channel::{Receiver, Sender};
use indicatif::ProgressBar;

use super::decode::{self, InputFormat};
use super::manifest::Manifest;
use super::{FileResult, Pipeline};

/// JSON Lines records per unit of work.
pub const LINES_PER_UNIT: usize = 256;

/// A file to ingest.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub format: InputFormat,
    /// The file's identity in the index and the manifest: its absolute path.
    pub key: String,
    pub size: u64,
}

impl Source {
    pub fn new(path: PathBuf, format: InputFormat) -> Source {
        let absolute =
            std::fs::canonicalize(&path).or_else(|_| std::path::absolute(&path)).unwrap_or(path.clone());
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        Source { key: absolute.to_string_lossy().into_owned(), path, format, size }
    }

    pub fn shown(&self) -> String {
        self.path.display().to_string()
    }
}

/// Work for one worker: a whole file, or numbered lines of a JSON Lines file.
pub enum Unit {
    Whole(usize),
    Lines { file: usize, lines: Vec<(usize, String)> },
}

/// What the index writer hears, in an order that keeps each file's `Begin` before its parts.
pub enum Event {
    /// The file is unchanged since it was fully ingested: nothing to do.
    Unchanged(usize),
    /// The file will be (re)read: its old articles go.
    Begin(usize),
    /// Articles (and errors) from one unit of the file.
    Part { file: usize, result: Result<FileResult> },
    /// All `units` of the file were handed out; `hash` is its content hash.
    End { file: usize, units: usize, hash: u64 },
    /// The file could not be read (any parts already sent still count).
    Failed { file: usize, reason: String },
}

/// Hands out the work for every source, unless `stop` is set; returns when all is handed out.
pub fn produce(
    sources: &[Source],
    manifest: &Manifest,
    stop: &AtomicBool,
    bar: &ProgressBar,
    work: &Sender<Unit>,
    events: &Sender<Event>,
) {
    for (i, source) in sources.iter().enumerate() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let hash = match decode::hash_file(&source.path) {
            Ok(h) => h,
            Err(e) => {
                bar.inc(source.size);
                let _ = events.send(Event::Failed { file: i, reason: format!("{e:#}") });
                continue;
            }
        };
        if manifest.unchanged(&source.key, hash) {
            bar.inc(source.size);
            let _ = events.send(Event::Unchanged(i));
            continue;
        }
        let _ = events.send(Event::Begin(i));
        let handed_out = match source.format {
            InputFormat::JsonLines => stream_lines(i, source, stop, bar, work),
            _ => {
                bar.inc(source.size);
                work.send(Unit::Whole(i)).map(|_| 1).map_err(|_| anyhow::anyhow!("ingest stopped"))
            }
        };
        let _ = events.send(match handed_out {
            Ok(units) => Event::End { file: i, units, hash },
            Err(e) => Event::Failed { file: i, reason: format!("{e:#}") },
        });
    }
}

/// Sends a JSON Lines file as chunks of numbered lines; the number of units sent.
fn stream_lines(
    file: usize,
    source: &Source,
    stop: &AtomicBool,
    bar: &ProgressBar,
    work: &Sender<Unit>,
) -> Result<usize> {
    let progress = bar.clone();
    let reader = decode::open_stream(&source.path, move |n| progress.inc(n as u64))?;
    let mut units = 0;
    for chunk in line_chunks(reader) {
        let lines = chunk?;
        if stop.load(Ordering::SeqCst) {
            let first = lines.first().map_or(0, |(n, _)| *n);
            anyhow::bail!("interrupted after line {}", first.saturating_sub(1));
        }
        work.send(Unit::Lines { file, lines }).map_err(|_| anyhow::anyhow!("ingest stopped"))?;
        units += 1;
    }
    Ok(units)
}

/// The lines of a stream, numbered from 1, in chunks of [`LINES_PER_UNIT`] (invalid UTF-8
/// repaired); a read error ends the chunks.
pub fn line_chunks(mut reader: impl BufRead) -> impl Iterator<Item = Result<Vec<(usize, String)>>> {
    let mut number = 0;
    let mut buf = Vec::new();
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let mut lines = Vec::with_capacity(LINES_PER_UNIT);
        while lines.len() < LINES_PER_UNIT {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    failed = true;
                    return Some(Err(
                        anyhow::Error::new(e).context(format!("cannot read after line {number}"))
                    ));
                }
            }
            number += 1;
            let line = String::from_utf8(std::mem::take(&mut buf))
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            lines.push((number, line));
        }
        (!lines.is_empty()).then_some(Ok(lines))
    })
}

/// Turns units into articles until the work runs out.
pub fn work(sources: &[Source], pipeline: &Pipeline, units: &Receiver<Unit>, events: &Sender<Event>) {
    for unit in units {
        let (file, result) = match unit {
            Unit::Whole(file) => (file, pipeline.process(&sources[file].path, sources[file].format)),
            Unit::Lines { file, lines } => {
                let numbered = lines.iter().map(|(n, l)| (*n, l.as_str()));
                (file, Ok(pipeline.json_lines(numbered, &sources[file].shown())))
            }
        };
        if events.send(Event::Part { file, result }).is_err() {
            return;
        }
    }
}
