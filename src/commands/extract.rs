//! `newsdex extract`: the ingest pipeline's articles, printed instead of indexed.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Status;
use crate::ingest::{walk, Pipeline};
use crate::output;

#[derive(Debug, Clone)]
pub struct Config {
    pub paths: Vec<PathBuf>,
    pub pipeline: Pipeline,
    pub json: bool,
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let (files, walk_errors) = walk::files(&config.paths);
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        writeln!(err, "newsdex: {}: {}", e.path.display(), e.reason)?;
    }
    for path in &files {
        let Some(format) = config.pipeline.format_for(path) else { continue };
        match config.pipeline.process(path, format) {
            Ok(result) => {
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
                failed += result.errors.len();
            }
            Err(e) => {
                writeln!(err, "newsdex: {}: {e:#}", path.display())?;
                failed += 1;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 { Status::Failed } else { Status::Success })
}
