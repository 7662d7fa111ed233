//! `newsdex export`: every matching article with all its fields, oldest first, streamed.
//!
//! Only the matches' sort keys and addresses are held in memory; each article is read
//! from the index and written out one at a time.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::Status;
use crate::output::{self, Format, Table, ARTICLE_COLUMNS};
use crate::search::{Engine, Selection};

#[derive(Debug, Clone)]
pub struct Config {
    pub index: PathBuf,
    pub selection: Selection,
    /// JSON Lines or CSV.
    pub format: Format,
}

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    let engine = Engine::open(&config.index)?;
    let addresses = engine.in_date_order(&config.selection)?;
    match config.format {
        Format::Csv | Format::Tsv => {
            let mut table =
                if config.format == Format::Csv { Table::csv(&mut *out) } else { Table::tsv(&mut *out) };
            table.row(ARTICLE_COLUMNS)?;
            for addr in &addresses {
                output::article_row(&mut table, &engine.article(*addr)?)?;
            }
            table.flush()?;
        }
        _ => {
            for addr in &addresses {
                output::article_json(out, &engine.article(*addr)?)?;
            }
        }
    }
    out.flush()?;
    Ok(Status::found(addresses.len()))
}
