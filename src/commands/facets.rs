//! `newsdex facets`: the values of one facet over the matching articles, with counts.

use std::io::Write;
use std::time::Instant;

use anyhow::Result;

use super::Status;
use crate::backend::Backend;
use crate::output::{self, Format, Styling};
use crate::search::{FacetField, Selection};

#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
    pub field: FacetField,
    pub selection: Selection,
    pub limit: usize,
    pub prefix: Option<String>,
    pub format: Format,
    pub styling: Styling,
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let started = Instant::now();
    let engine = super::open_for_process(&config.backend)?;
    let (total, counts) =
        engine.facet_counts(&config.selection, config.field, config.limit, config.prefix.as_deref())?;
    output::facets(out, total, &counts, started.elapsed(), config.format, config.styling)?;
    out.flush()?;
    super::checked(engine, Status::found(counts.len()), err)
}
