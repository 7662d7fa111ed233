//! Writers for command output: readable text for people; JSON Lines, CSV and TSV for scripts.
//!
//! Every writer takes `&mut impl Write`, so tests capture output and commands compose.
//! JSON Lines objects carry a `type` field; their field names are a stable contract.
//! Machine formats never contain escape codes.

mod article;
mod facets;
mod hits;
mod stats;
mod table;
mod trend;

use std::io::{self, Write};

use anstyle::{AnsiColor, Color, Style};
use serde::Serialize;

pub use article::{article_full_text, article_json, article_row, article_summary, ARTICLE_COLUMNS};
pub use facets::facets;
pub use hits::{count, hit_json, search, HitField, DEFAULT_HIT_FIELDS};
pub use stats::stats;
pub use table::Table;
pub use trend::{trend, TrendTotals};

/// Output format chosen with `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Csv,
    Tsv,
}

/// Whether to colour and embolden text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Styling {
    pub color: bool,
}

impl Styling {
    fn paint(self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

const MATCH: Style = Style::new().bold().fg_color(Some(Color::Ansi(AnsiColor::Red)));
const DIM: Style = Style::new().dimmed();
const HEAD: Style = Style::new().bold();

/// Writes one value as a JSON line.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Milliseconds with two decimals, for `took_ms`.
fn millis(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 1e5).round() / 100.0
}

/// The `summary` line that ends JSON Lines output of queries.
#[derive(Serialize)]
#[serde(tag = "type", rename = "summary")]
pub struct Summary {
    pub total: usize,
    pub shown: usize,
    pub took_ms: f64,
}
