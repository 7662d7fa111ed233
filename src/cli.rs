//! The command line: clap types only, turned once into validated configs.
//!
//! Nothing outside this module sees a clap type.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::backend::Backend;
use crate::cluster::config::Layout;
use crate::commands::{self, Command};
use crate::dates::{self, Bound};
use crate::ingest::records::FieldMap;
use crate::ingest::Pipeline;
use crate::outlets::hosts::HostTable;
use crate::output::{Format, HitField, Styling};
use crate::people::Aliases;
use crate::search::{DatePeriod, FacetField, Filters, SearchRequest, Selection, Sort};

/// Turn a raw news archive into a faceted full-text index, and query it.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Index directory [env: NEWSDEX_INDEX; default: ./newsdex-index]
    ///
    /// Created on first ingest. Every command reads or writes this one index.
    #[arg(long, global = true, value_name = "DIR")]
    index: Option<PathBuf>,

    /// Use the Sphinx/Manticore cluster this file describes instead of an index [env: NEWSDEX_CLUSTER]
    ///
    /// A TOML file naming the distributed index and the shards, as `newsdex cluster config`
    /// writes it. ingest writes to the shards; search, trend, facets, export, show and batch
    /// read through the distributed index.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "index")]
    cluster: Option<PathBuf>,

    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Read article files into the index
    ///
    /// PATH is a file or a directory, walked recursively (symlinks not followed, hidden files
    /// skipped). Reads .txt page dumps, .html pages, .json records or arrays, .jsonl records
    /// and Reuters-21578 .sgm files, also gzip- or zstd-compressed (.txt.gz, .jsonl.zst).
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

    /// Count matching articles per day, week, month or year
    ///
    /// Every period between the first and the last dated match is listed, empty ones as 0.
    /// Periods are calendar periods of the article's local publication date (weeks start
    /// on Monday and are labelled by ISO week).
    ///
    /// Examples:
    ///   newsdex trend '' --person "Kim Jong-un" --by month --since 2020 --until 2020
    ///   newsdex trend sanctions --by year --format csv > sanctions.csv
    ///   newsdex trend summit --by week --plot summit.svg
    #[command(verbatim_doc_comment)]
    Trend(TrendArgs),

    /// List the values of one facet over the matching articles, with counts
    ///
    /// FIELD is outlet, person, author, or date (by day), date:week, date:month, date:year.
    ///
    /// Examples:
    ///   newsdex facets outlet
    ///   newsdex facets person nuclear --since 2020 --until 2020 --limit 20
    ///   newsdex facets author --prefix Lee
    #[command(verbatim_doc_comment)]
    Facets(FacetsArgs),

    /// Print whole cleaned articles by id
    ///
    /// Examples:
    ///   newsdex show 4a36d64018122f0f
    ///   newsdex show 4a36d64018122f0f bc762f05bf90227c --json
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),

    /// Print what the index holds: articles, outlets, dates, people, size
    ///
    /// Examples:
    ///   newsdex stats
    ///   newsdex stats --json | jq .articles
    #[command(verbatim_doc_comment)]
    Stats(StatsArgs),

    /// Stream every matching article with all its fields, oldest first
    ///
    /// Undated articles come last. Only one article is held in memory at a time.
    ///
    /// Examples:
    ///   newsdex export --person "Kim Jong-un" > kim.jsonl
    ///   newsdex export sanctions --since 2020 --format csv > sanctions.csv
    #[command(verbatim_doc_comment)]
    Export(ExportArgs),

    /// Run many queries in one process, one JSON result line per query
    ///
    /// Each input line is a JSON object
    ///   {"id": "q1", "query": "...", "outlet": [...], "person": [...], "author": [...],
    ///    "since": "2020", "until": "2020-07", "limit": 10, "offset": 0, "sort": "newest",
    ///    "facets": ["person"], "facet_limit": 10, "count_only": false}
    /// or a plain query string (its id is the line number). Reads FILE, or standard input
    /// when FILE is - or absent.
    ///
    /// Examples:
    ///   printf 'summit\nsanctions\n' | newsdex batch
    ///   newsdex batch queries.jsonl > results.jsonl
    #[command(verbatim_doc_comment)]
    Batch(BatchArgs),

    /// Set up a Sphinx/Manticore cluster to hold the articles instead of an index
    ///
    /// Examples:
    ///   newsdex cluster config --shards 4 --hosts db1,db2 --data /var/lib/newsdex --out conf/
    #[command(verbatim_doc_comment, subcommand)]
    Cluster(ClusterSub),

    /// Print a shell completion script
    ///
    /// Examples:
    ///   newsdex completions bash > /etc/bash_completion.d/newsdex
    ///   newsdex completions zsh > ~/.zfunc/_newsdex
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), generated from these definitions
    ///
    /// Example:
    ///   newsdex man > newsdex.1 && man ./newsdex.1
    #[command(verbatim_doc_comment)]
    Man,
}

#[derive(Debug, Subcommand)]
enum ClusterSub {
    /// Print searchd configurations for the shards and the distributed index, and the cluster file
    ///
    /// Shard i's real-time index is newsdex_i; its SphinxQL listener is on port
    /// BASE+1+2i and its API listener (which the distributed index uses) on
    /// BASE+2+2i. The distributed index `newsdex` listens on BASE on the first host.
    ///
    /// Examples:
    ///   newsdex cluster config --shards 2
    ///   newsdex cluster config --shards 4 --hosts db1,db2 --data /srv/newsdex --out conf/
    #[command(verbatim_doc_comment)]
    Config(ClusterConfigArgs),
}

#[derive(Debug, Args)]
struct ClusterConfigArgs {
    /// Number of shards
    #[arg(long, value_name = "N")]
    shards: usize,

    /// Port of the distributed index; shards take the ports after it
    #[arg(long, value_name = "PORT", default_value_t = 9306)]
    base_port: u16,

    /// Hosts the shards run on, in turn (the distributed index runs on the first)
    #[arg(long, value_delimiter = ',', value_name = "HOST,...", default_value = "127.0.0.1")]
    hosts: Vec<String>,

    /// Folder on each host for searchd's data, logs and pid files
    #[arg(long, value_name = "DIR", default_value = "/var/lib/newsdex")]
    data: String,

    /// Write shard-N.conf, distributed.conf and newsdex.toml into DIR instead of printing them
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// What to read and how: shared by ingest and extract.
#[derive(Debug, Args)]
struct SourceArgs {
    /// Files or directories to read
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Outlet name for every article, instead of detecting it from the text
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,

    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Args)]
struct IngestArgs {
    #[command(flatten)]
    source: SourceArgs,

    /// Writer memory budget in MB, shared by the indexing threads
    #[arg(long, value_name = "MB", default_value_t = 256)]
    memory: usize,

    /// Commit after this many articles (and at the end)
    ///
    /// A crash or kill loses at most the articles since the last commit; running the same
    /// ingest again adds them. Every commit writes one segment per indexing thread, which
    /// merges later read and write again, so commits come seldom by count; --commit-seconds
    /// still bounds the work a crash can lose.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    commit_every: u64,

    /// Also commit when this many seconds have passed since the last commit
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    commit_seconds: u64,

    /// Remove articles whose source files under PATH no longer exist
    #[arg(long)]
    prune: bool,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    source: SourceArgs,

    /// Print JSON Lines (one article object per line) instead of a short summary
    #[arg(long)]
    json: bool,
}

/// How input files are read (shared by ingest and extract).
#[derive(Debug, Args)]
struct ReadArgs {
    /// Read every file in this format instead of deciding by its extension: txt, html, md, json, jsonl, sgml
    ///
    /// Without it, .txt/.text are page dumps, .html/.htm saved pages, .md/.markdown pages saved
    /// as Markdown, .json one record or an array, .jsonl/.ndjson one record per line,
    /// .sgm/.sgml Reuters-21578 SGML (one article per story); a .gz or .zst suffix is looked
    /// through, and gzip/zstd content is decompressed whatever the file is called.
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,

    /// Map record fields to article parts: headline=FIELD,body=FIELD,date=,authors=,outlet=,url=
    ///
    /// For JSON records whose field names newsdex does not guess. FIELD may be a dotted path
    /// into nested objects (meta.title). Repeat or comma-separate; mapped fields are tried first.
    #[arg(long, value_name = "PART=FIELD,...")]
    map: Vec<String>,

    /// Time zone for dates written without one, when the outlet's zone is unknown [default: UTC]
    ///
    /// An IANA name (America/New_York, Asia/Seoul) or a UTC offset (+09:00).
    #[arg(long, value_name = "ZONE")]
    assume_tz: Option<String>,

    /// Extra host -> outlet names, one `HOST = NAME` per line, before the built-in table
    #[arg(long, value_name = "FILE")]
    outlets: Option<PathBuf>,

    /// Merge or rename people with an aliases file (one person a line: NAME | VARIANT | ...)
    ///
    /// Each line holds a canonical name and then its variants, separated by `|`; blank lines
    /// and `#` comments are skipped. A variant is matched as a whole name, ignoring case.
    #[arg(long, value_name = "FILE")]
    people_aliases: Option<PathBuf>,
}

impl ReadArgs {
    fn into_pipeline(self, outlet: Option<String>) -> Result<Pipeline> {
        let format = self.format.map(|f| f.parse()).transpose().map_err(anyhow::Error::msg)?;
        let mut fields = FieldMap::default();
        for m in &self.map {
            fields.extend(m.parse().map_err(anyhow::Error::msg)?);
        }
        let zone =
            self.assume_tz.map(|z| z.parse()).transpose().map_err(anyhow::Error::msg)?.unwrap_or_default();
        let hosts = match &self.outlets {
            Some(file) => HostTable::with_file(file)?,
            None => HostTable::default(),
        };
        let people_aliases =
            self.people_aliases.as_deref().map(Aliases::load).transpose()?.unwrap_or_default();
        Ok(Pipeline { outlet, format, zone, fields, hosts, people_aliases })
    }
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// The query (tantivy syntax; "" matches everything)
    query: String,

    #[command(flatten)]
    filters: FilterArgs,

    /// Order of hits
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    sort: SortArg,

    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    limit: usize,

    /// Skip the first N hits (for paging)
    #[arg(long, default_value_t = 0, value_name = "N")]
    offset: usize,

    /// Print only the number of matching articles
    #[arg(long, conflicts_with_all = ["facets", "fields"])]
    count: bool,

    /// Count facet values over all matches: outlet, person, author, date[:year|:month|:week|:day]
    #[arg(long, value_delimiter = ',', value_name = "FIELD,...")]
    facets: Vec<String>,

    /// Number of values shown per facet
    #[arg(long, default_value_t = 10, value_name = "N")]
    facet_limit: usize,

    /// Columns for text, csv and tsv output, e.g. date,outlet,headline
    ///
    /// One of rank, id, score, outlet, published, date, headline, authors, people, tags,
    /// dateline, section, url, snippet, path. Lists are joined with "; ".
    #[arg(long, value_delimiter = ',', value_name = "FIELD,...")]
    fields: Vec<String>,

    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct TrendArgs {
    /// The query (tantivy syntax; "" matches everything)
    query: String,

    #[command(flatten)]
    filters: FilterArgs,

    /// Period length
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    by: PeriodArg,

    /// Also draw the trend as a chart into FILE (.svg or .png)
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,

    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct FacetsArgs {
    /// outlet, person, author, date, date:week, date:month or date:year
    field: String,

    /// Only count articles matching this query (tantivy syntax; default: all)
    #[arg(default_value = "")]
    query: String,

    #[command(flatten)]
    filters: FilterArgs,

    /// Number of values to list
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    limit: usize,

    /// Only values starting with TEXT (ignoring case)
    #[arg(long, value_name = "TEXT")]
    prefix: Option<String>,

    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// Article ids, as search prints them
    #[arg(required = true, value_name = "ID")]
    ids: Vec<String>,

    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct StatsArgs {
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// Only articles matching this query (tantivy syntax; default: all)
    #[arg(default_value = "")]
    query: String,

    #[command(flatten)]
    filters: FilterArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormatArg::Jsonl)]
    format: ExportFormatArg,
}

#[derive(Debug, Args)]
struct BatchArgs {
    /// File of queries, one per line; - or absent for standard input
    #[arg(value_name = "FILE")]
    input: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,

    /// Short for --format json
    #[arg(long, conflicts_with = "format")]
    json: bool,

    /// When to colour text output (NO_COLOR turns auto off)
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Text,
    Json,
    Csv,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormatArg {
    #[value(alias = "json")]
    Jsonl,
    Csv,
    Tsv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PeriodArg {
    Day,
    Week,
    Month,
    Year,
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
        let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let index =
            self.index.or_else(|| env("NEWSDEX_INDEX")).unwrap_or_else(|| PathBuf::from("newsdex-index"));
        let backend = match self.cluster.or_else(|| env("NEWSDEX_CLUSTER")) {
            Some(file) => Backend::Cluster(file),
            None => Backend::Index(index.clone()),
        };
        Ok(match self.command {
            Sub::Ingest(a) => Command::Ingest(commands::ingest::Config {
                backend: backend.clone(),
                paths: a.source.paths,
                pipeline: a.source.read.into_pipeline(a.source.outlet)?,
                memory_bytes: a.memory.max(1) << 20,
                threads: default_threads(),
                progress: std::io::stderr().is_terminal(),
                commit_every: a.commit_every.max(1),
                commit_interval: std::time::Duration::from_secs(a.commit_seconds),
                prune: refuse_on_cluster(a.prune, &backend, "--prune works only on an embedded index")?,
            }),
            Sub::Extract(a) => Command::Extract(commands::extract::Config {
                paths: a.source.paths,
                pipeline: a.source.read.into_pipeline(a.source.outlet)?,
                json: a.json,
            }),
            Sub::Search(a) => search_command(backend, a)?,
            Sub::Trend(a) => Command::Trend(commands::trend::Config {
                backend,
                selection: Selection { query: a.query, filters: a.filters.into_filters()? },
                by: a.by.into(),
                format: a.output.format(),
                styling: a.output.styling(),
                plot: a.plot,
            }),
            Sub::Facets(a) => Command::Facets(commands::facets::Config {
                backend,
                field: a.field.parse().map_err(anyhow::Error::msg)?,
                selection: Selection { query: a.query, filters: a.filters.into_filters()? },
                limit: a.limit,
                prefix: a.prefix,
                format: a.output.format(),
                styling: a.output.styling(),
            }),
            Sub::Show(a) => Command::Show(commands::show::Config {
                backend,
                ids: a.ids,
                format: a.output.format(),
                styling: a.output.styling(),
            }),
            Sub::Stats(a) => {
                refuse_on_cluster(true, &backend, "stats works only on an embedded index")?;
                Command::Stats(commands::stats::Config { index, format: a.output.format() })
            }
            Sub::Export(a) => Command::Export(commands::export::Config {
                backend,
                selection: Selection { query: a.query, filters: a.filters.into_filters()? },
                format: match a.format {
                    ExportFormatArg::Jsonl => Format::Json,
                    ExportFormatArg::Csv => Format::Csv,
                    ExportFormatArg::Tsv => Format::Tsv,
                },
            }),
            Sub::Batch(a) => Command::Batch(commands::batch::Config {
                backend,
                input: a.input.filter(|p| p.as_os_str() != "-"),
            }),
            Sub::Cluster(ClusterSub::Config(a)) => Command::ClusterConfig(commands::cluster::Config {
                layout: Layout { shards: a.shards, base_port: a.base_port, hosts: a.hosts, data_dir: a.data },
                out_dir: a.out,
            }),
            Sub::Completions { shell } => Command::Print(completions(shell)),
            Sub::Man => Command::Print(man_page()?),
        })
    }
}

/// `asked`, unless it is asked of a cluster, which cannot do it.
fn refuse_on_cluster(asked: bool, backend: &Backend, what: &str) -> Result<bool> {
    if asked && matches!(backend, Backend::Cluster(_)) {
        bail!("{what}, not with --cluster");
    }
    Ok(asked)
}

fn search_command(backend: Backend, a: SearchArgs) -> Result<Command> {
    let fields = (!a.fields.is_empty())
        .then(|| a.fields.iter().map(|f| f.parse::<HitField>().map_err(anyhow::Error::msg)).collect())
        .transpose()?;
    let format = a.output.format();
    let facets = parse_facets(&a.facets)?;
    if !facets.is_empty() && matches!(format, Format::Csv | Format::Tsv) {
        bail!(
            "--facets cannot be combined with --format csv/tsv; use `newsdex facets FIELD` for a facet table"
        );
    }
    Ok(Command::Search(commands::search::Config {
        backend,
        request: SearchRequest {
            selection: Selection { query: a.query, filters: a.filters.into_filters()? },
            sort: match a.sort {
                SortArg::Relevance => Sort::Relevance,
                SortArg::Newest => Sort::Newest,
                SortArg::Oldest => Sort::Oldest,
            },
            offset: a.offset,
            limit: a.limit,
            facets,
            facet_limit: a.facet_limit,
        },
        count_only: a.count,
        format,
        fields,
        styling: a.output.styling(),
    }))
}

impl OutputArgs {
    fn format(&self) -> Format {
        if self.json {
            return Format::Json;
        }
        match self.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Tsv => Format::Tsv,
        }
    }

    /// Colour only for text on a terminal (unless forced), and never when NO_COLOR is set in auto.
    fn styling(&self) -> Styling {
        let color = match self.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => color_wanted(),
        };
        Styling { color: color && self.format() == Format::Text }
    }
}

impl From<PeriodArg> for DatePeriod {
    fn from(p: PeriodArg) -> DatePeriod {
        match p {
            PeriodArg::Day => DatePeriod::Day,
            PeriodArg::Week => DatePeriod::Week,
            PeriodArg::Month => DatePeriod::Month,
            PeriodArg::Year => DatePeriod::Year,
        }
    }
}

fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "newsdex", &mut buf);
    buf
}

fn man_page() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    Ok(buf)
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
