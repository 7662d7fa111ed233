//! `newsdex search`: ranked or dated hits, facet counts and a summary, or only the count.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Status;
use crate::output::{self, Format, HitField, Styling};
use crate::search::{Engine, SearchRequest};

#[derive(Debug, Clone)]
pub struct Config {
    pub index: PathBuf,
    pub request: SearchRequest,
    /// Print only the number of matching articles.
    pub count_only: bool,
    pub format: Format,
    pub fields: Option<Vec<HitField>>,
    pub styling: Styling,
}

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    let engine = Engine::open(&config.index)?;
    let total = if config.count_only {
        let total = engine.count(&config.request.selection)?;
        output::count(out, total, config.format)?;
        total
    } else {
        let results = engine.search(&config.request)?;
        output::search(out, &results, config.format, config.fields.as_deref(), config.styling)?;
        results.total
    };
    out.flush()?;
    Ok(Status::found(total))
}
