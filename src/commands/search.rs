//! `newsdex search`: ranked hits, facet counts and a summary.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Status;
use crate::index;
use crate::output::{self, Styling};
use crate::search::{self, SearchRequest};

#[derive(Debug, Clone)]
pub struct Config {
    pub index: PathBuf,
    pub request: SearchRequest,
    pub json: bool,
    pub styling: Styling,
}

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    let opened = index::open_existing(&config.index)?;
    let results = search::search(&opened, &config.request)?;
    if config.json {
        output::search_json(out, &results)?;
    } else {
        output::search_text(out, &results, config.styling)?;
    }
    out.flush()?;
    Ok(if results.total > 0 { Status::Success } else { Status::NoMatch })
}
