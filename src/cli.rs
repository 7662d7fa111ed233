//! The command line: clap types only, turned once into validated configs.
//!
//! Nothing outside this module sees a clap type.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::{Args, Parser, Subcommand};

use crate::commands::{self, Command};
use crate::dates::{self, Bound};
use crate::ingest::Pipeline;
use crate::output::Styling;
use crate::people::Aliases;
use crate::search::{FacetField, Filters, SearchRequest};

/// Turn a raw news archive into a faceted full-text index, and query it.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Index directory [env: NEWSDEX_INDEX; default: ./newsdex-index]
    ///
    /// Created on first ingest. Every command reads or writes this one index.
    #[arg(long, global = true, value_name = "DIR")]
    index: Option<PathBuf>,

    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Read article files into the index
    ///
    /// PATH is a file or a directory, walked recursively (symlinks not followed, hidden files
    /// skipped). Reads .txt page dumps, .json records or arrays, and .jsonl records.
    /// Re-ingesting the same article replaces it.
    ///
    /// Examples:
    ///   newsdex ingest sample-corpus/
    ///   newsdex ingest --outlet Yonhap dumps/yonhap/
    #[command(verbatim_doc_comment)]
    Ingest(IngestArgs),

    /// Print cleaned articles without touching any index
    ///
    /// Runs the same pipeline as ingest and prints one article per file or record.
    ///
    /// Examples:
    ///   newsdex extract sample-corpus/seeds/ --json
    ///   newsdex extract page.txt
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),

    /// Search the index, ranked by BM25
    ///
    /// QUERY uses tantivy's syntax: words (all must match), OR, NOT or -word, +word,
    /// "exact phrases", and field prefixes headline:, body:, person:, outlet:, author:
    /// (person/outlet/author take the whole name: person:"Kim Jong-un").
    /// An empty QUERY ("") matches every article, to list by filters alone.
    ///
    /// Examples:
    ///   newsdex search summit --person "Kim Jong-un"
    ///   newsdex search '"nuclear talks" AND Biegun' --since 2020-07 --facets person,outlet
    ///   newsdex search sanctions --json | jq .headline
    #[command(verbatim_doc_comment)]
    Search(SearchArgs),
}

#[derive(Debug, Args)]
struct IngestArgs {
    /// Files or directories to read
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Outlet name for every article, instead of detecting it from the text
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,

    /// Merge or rename people with an aliases file (one person a line: NAME | VARIANT | ...)
    ///
    /// Each line holds a canonical name and then its variants, separated by `|`; blank lines
    /// and `#` comments are skipped. A variant is matched as a whole name, ignoring case.
    #[arg(long, value_name = "FILE")]
    people_aliases: Option<PathBuf>,

    /// Writer memory budget in MB, shared by the indexing threads
    #[arg(long, value_name = "MB", default_value_t = 256)]
    memory: usize,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Files or directories to read
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Outlet name for every article, instead of detecting it from the text
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,

    /// Merge or rename people with an aliases file (one person a line: NAME | VARIANT | ...)
    ///
    /// Each line holds a canonical name and then its variants, separated by `|`; blank lines
    /// and `#` comments are skipped. A variant is matched as a whole name, ignoring case.
    #[arg(long, value_name = "FILE")]
    people_aliases: Option<PathBuf>,

    /// Print JSON Lines (one article object per line) instead of a short summary
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// The query (tantivy syntax; "" matches everything)
    query: String,

    #[command(flatten)]
    filters: FilterArgs,

    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    limit: usize,

    /// Count facet values over all matches: outlet, person, author, date[:year|:month|:day]
    #[arg(long, value_delimiter = ',', value_name = "FIELD,...")]
    facets: Vec<String>,

    /// Number of values shown per facet
    #[arg(long, default_value_t = 10, value_name = "N")]
    facet_limit: usize,

    /// Print JSON Lines (hits, facets, summary) instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct FilterArgs {
    /// Only articles from this outlet (repeat for any of several)
    #[arg(long, value_name = "NAME")]
    outlet: Vec<String>,

    /// Only articles mentioning this person (repeat: all of them)
    #[arg(long, value_name = "NAME")]
    person: Vec<String>,

    /// Only articles by this author (repeat: all of them)
    #[arg(long, value_name = "NAME")]
    author: Vec<String>,

    /// Only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    since: Option<String>,

    /// Only articles published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
}

/// Parses the process arguments and validates them into a command.
pub fn parse() -> Result<Command> {
    Cli::parse().into_command()
}

impl Cli {
    /// Validates the parsed arguments into a command config.
    pub fn into_command(self) -> Result<Command> {
        let index = self
            .index
            .or_else(|| std::env::var_os("NEWSDEX_INDEX").filter(|v| !v.is_empty()).map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("newsdex-index"));
        Ok(match self.command {
            Sub::Ingest(a) => Command::Ingest(commands::ingest::Config {
                index,
                paths: a.paths,
                pipeline: pipeline(a.outlet, a.people_aliases.as_deref())?,
                memory_bytes: a.memory.max(1) << 20,
                threads: default_threads(),
                progress: std::io::stderr().is_terminal(),
            }),
            Sub::Extract(a) => Command::Extract(commands::extract::Config {
                paths: a.paths,
                pipeline: pipeline(a.outlet, a.people_aliases.as_deref())?,
                json: a.json,
            }),
            Sub::Search(a) => Command::Search(commands::search::Config {
                index,
                request: SearchRequest {
                    query: a.query,
                    filters: a.filters.into_filters()?,
                    limit: a.limit,
                    facets: parse_facets(&a.facets)?,
                    facet_limit: a.facet_limit,
                },
                json: a.json,
                styling: Styling { color: color_wanted() },
            }),
        })
    }
}

impl FilterArgs {
    fn into_filters(self) -> Result<Filters> {
        let since = self.since.map(|s| dates::parse_filter_date(&s, Bound::Start)).transpose();
        let until = self.until.map(|s| dates::parse_filter_date(&s, Bound::End)).transpose();
        let (since, until) = (since.map_err(anyhow::Error::msg)?, until.map_err(anyhow::Error::msg)?);
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                bail!("--since {s} is after --until {u}");
            }
        }
        Ok(Filters { outlets: self.outlet, persons: self.person, authors: self.author, since, until })
    }
}

/// The pipeline settings shared by `ingest` and `extract`.
fn pipeline(outlet: Option<String>, people_aliases: Option<&Path>) -> Result<Pipeline> {
    let people_aliases = people_aliases.map(Aliases::load).transpose()?.unwrap_or_default();
    Ok(Pipeline { outlet, people_aliases })
}

fn parse_facets(names: &[String]) -> Result<Vec<FacetField>> {
    let mut fields: Vec<FacetField> = Vec::new();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        let field: FacetField = name.parse().map_err(anyhow::Error::msg)?;
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    Ok(fields)
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Colour when stdout is a terminal and `NO_COLOR` is unset or empty.
fn color_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn facets_are_validated_and_deduplicated() {
        let got = parse_facets(&["person".into(), "date".into(), "person".into()]).unwrap();
        assert_eq!(got.len(), 2);
        assert!(parse_facets(&["colour".into()]).is_err());
    }

    #[test]
    fn filter_dates_must_be_in_order() {
        let args = FilterArgs {
            outlet: vec![],
            person: vec![],
            author: vec![],
            since: Some("2021".into()),
            until: Some("2020".into()),
        };
        assert!(args.into_filters().is_err());
    }
}
