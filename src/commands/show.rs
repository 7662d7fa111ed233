//! `newsdex show`: one whole cleaned article by id.

use std::io::Write;

use anyhow::Result;

use super::Status;
use crate::backend::Backend;
use crate::output::{self, Format, Styling};

#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
    pub ids: Vec<String>,
    pub format: Format,
    pub styling: Styling,
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let engine = super::open_for_process(&config.backend)?;
    let mut found = 0;
    for id in &config.ids {
        match engine.find(id)? {
            Some(article) if config.format == Format::Json => output::article_json(out, &article)?,
            Some(article) => output::article_full_text(out, &article, config.styling)?,
            None => {
                writeln!(err, "newsdex: no article with id {id}")?;
                continue;
            }
        }
        found += 1;
    }
    out.flush()?;
    let status = if found == config.ids.len() { Status::Success } else { Status::NoMatch };
    super::checked(engine, status, err)
}
