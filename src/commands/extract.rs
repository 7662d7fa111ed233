//! `newsdex extract`: the ingest pipeline's articles, printed instead of indexed.
//!
//! JSON Lines files are read as a stream, a chunk of lines at a time, as ingest reads them:
//! memory stays bounded however large the file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Status;
use crate::ingest::decode::{self, InputFormat};
use crate::ingest::{feed, walk, FileResult, Pipeline};
use crate::output;

#[derive(Debug, Clone)]
pub struct Config {
    pub paths: Vec<PathBuf>,
    pub pipeline: Pipeline,
    pub json: bool,
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let walked = walk::files(&config.paths);
    let mut failed = walked.errors.len();
    for e in &walked.errors {
        writeln!(err, "newsdex: {}: {}", e.path.display(), e.reason)?;
    }
    for note in walked.notes() {
        writeln!(err, "{note}")?;
    }
    for path in &walked.files {
        let Some(format) = config.pipeline.format_for(path) else { continue };
        let results: Box<dyn Iterator<Item = Result<FileResult>>> = match format {
            InputFormat::JsonLines => json_lines(&config.pipeline, path),
            _ => Box::new(std::iter::once(config.pipeline.process(path, format))),
        };
        for result in results {
            failed += print(config, path, result, out, err)?;
        }
    }
    out.flush()?;
    Ok(if failed > 0 { Status::Failed } else { Status::Success })
}

/// The articles of a JSON Lines file, a chunk of lines at a time (or the error opening it).
fn json_lines<'p>(pipeline: &'p Pipeline, path: &Path) -> Box<dyn Iterator<Item = Result<FileResult>> + 'p> {
    let shown = path.display().to_string();
    match decode::open_stream(path, |_| {}) {
        Ok(reader) => Box::new(feed::line_chunks(reader).map(move |chunk| {
            chunk.map(|lines| pipeline.json_lines(lines.iter().map(|(n, l)| (*n, l.as_str())), &shown))
        })),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

/// Prints a file's (or a chunk's) articles and its errors; the number of errors.
fn print(
    config: &Config,
    path: &Path,
    result: Result<FileResult>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<usize> {
    let result = match result {
        Ok(result) => result,
        Err(e) => {
            writeln!(err, "newsdex: {}: {e:#}", path.display())?;
            return Ok(1);
        }
    };
    for article in &result.articles {
        if config.json {
            output::article_json(out, article)?;
        } else {
            output::article_summary(out, article)?;
        }
    }
    for e in result.errors.iter().chain(&result.warnings) {
        writeln!(err, "newsdex: {}: {e}", path.display())?;
    }
    Ok(result.errors.len())
}
