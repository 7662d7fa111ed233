//! `newsdex stats`: what the index holds and how big it is.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Status;
use crate::index::stats;
use crate::output::{self, Format};
use crate::search::Engine;

#[derive(Debug, Clone)]
pub struct Config {
    pub index: PathBuf,
    pub format: Format,
}

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    let engine = Engine::open(&config.index)?;
    let s = stats::compute(&engine, &config.index)?;
    output::stats(out, &s, config.format)?;
    out.flush()?;
    Ok(Status::found(s.articles as usize))
}
