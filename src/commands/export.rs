//! `newsdex export`: every matching article with all its fields, oldest first, streamed.
//!
//! Articles are written out one at a time as the backend hands them over: the embedded
//! index holds only the matches' sort keys and addresses in memory, the cluster a page.

use std::io::Write;

use anyhow::Result;

use super::Status;
use crate::backend::Backend;
use crate::output::{self, Format, Table, ARTICLE_COLUMNS};
use crate::search::Selection;

#[derive(Debug, Clone)]
pub struct Config {
    pub backend: Backend,
    pub selection: Selection,
    /// JSON Lines or CSV.
    pub format: Format,
}

pub fn run(config: &Config, out: &mut impl Write, err: &mut impl Write) -> Result<Status> {
    let engine = super::open_for_process(&config.backend)?;
    let exported = match config.format {
        Format::Csv | Format::Tsv => {
            let mut table =
                if config.format == Format::Csv { Table::csv(&mut *out) } else { Table::tsv(&mut *out) };
            table.row(ARTICLE_COLUMNS)?;
            let n = engine.export(&config.selection, &mut |a| Ok(output::article_row(&mut table, a)?))?;
            table.flush()?;
            n
        }
        _ => engine.export(&config.selection, &mut |a| Ok(output::article_json(&mut *out, a)?))?,
    };
    out.flush()?;
    super::checked(engine, Status::found(exported), err)
}
