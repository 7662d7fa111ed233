//! `newsdex search`: ranked or dated hits, facet counts and a summary, or only the count.

use std::io::Write;

use anyhow::Result;

use super::Status;
use crate::backend::Backend;
use crate::output::{self, Format, HitField, Styling};
use crate::search::SearchRequest;

#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
    pub request: SearchRequest,
    /// Print only the number of matching articles.
    pub count_only: bool,
    pub format: Format,
    pub fields: Option<Vec<HitField>>,
    pub styling: Styling,
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let engine = super::open_for_process(&config.backend)?;
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
    super::checked(engine, Status::found(total), err)
}
