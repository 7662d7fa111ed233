//! One module per subcommand, each with a validated `Config` and a `run` entry point.

pub mod batch;
pub mod cluster;
pub mod export;
pub mod extract;
pub mod facets;
pub mod ingest;
pub mod search;
pub mod show;
pub mod stats;
pub mod trend;

use anyhow::Result;

use crate::backend::Search;

/// What a command found, as the process exit code reports it (like grep).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: the command did its work and something matched.
    Success,
    /// 1: a query matched nothing.
    NoMatch,
    /// 2: some input or the command failed (errors were printed).
    Failed,
    /// 3: a cluster shard did not answer; the answer came from the other shards.
    Partial,
    /// 130: interrupted by Ctrl-C (or SIGTERM) after committing what was done.
    Interrupted,
}

impl Status {
    /// Success when anything matched, else no match.
    pub fn found(count: usize) -> Status {
        if count > 0 {
            Status::Success
        } else {
            Status::NoMatch
        }
    }

    pub fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::NoMatch => 1,
            Status::Failed => 2,
            Status::Partial => 3,
            Status::Interrupted => 130,
        }
    }
}

/// Opens the index (or cluster) a read command answers from, for the rest of the process.
///
/// It is never closed: a read command is the whole process, and the exit releases
/// everything at once, while closing an index unmaps its segment files one by one (about a
/// tenth of a two-term person-facet search on a 1M-article index of 32 segments).
fn open_for_process(backend: &crate::backend::Backend) -> Result<&'static dyn Search> {
    Ok(Box::leak(backend.open_search()?))
}

/// A read command's status, once the shards that did not answer (if any) are named on
/// stderr: an answer from only some shards is never passed off as whole. Errors still win.
pub fn checked(search: &dyn Search, status: Status, err: &mut impl std::io::Write) -> Result<Status> {
    let missing = search.missing_shards();
    for line in &missing {
        writeln!(err, "newsdex: warning: {line}; results come from the other shards only")?;
    }
    Ok(if missing.is_empty() || status == Status::Failed { status } else { Status::Partial })
}

/// A validated command, ready to run.
#[derive(Debug)]
pub enum Command {
    Ingest(ingest::Config),
    Extract(extract::Config),
    Search(search::Config),
    Trend(trend::Config),
    Facets(facets::Config),
    Show(show::Config),
    Stats(stats::Config),
    Export(export::Config),
    Batch(batch::Config),
    ClusterConfig(cluster::Config),
    /// Text already rendered from the command-line definition (completions, man page).
    Print(Vec<u8>),
}

/// Runs a command with stdout and stderr.
pub fn run(command: Command) -> Result<Status> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    match command {
        Command::Ingest(c) => ingest::run(&c, &mut err),
        Command::Extract(c) => extract::run(&c, &mut out, &mut err),
        Command::Search(c) => search::run(&c, &mut out, &mut err),
        Command::Trend(c) => trend::run(&c, &mut out, &mut err),
        Command::Facets(c) => facets::run(&c, &mut out, &mut err),
        Command::Show(c) => show::run(&c, &mut out, &mut err),
        Command::Stats(c) => stats::run(&c, &mut out),
        Command::Export(c) => export::run(&c, &mut out, &mut err),
        Command::Batch(c) => batch::run(&c, &mut out, &mut err),
        Command::ClusterConfig(c) => cluster::run(&c, &mut out),
        Command::Print(bytes) => {
            std::io::Write::write_all(&mut out, &bytes)?;
            std::io::Write::flush(&mut out)?;
            Ok(Status::Success)
        }
    }
}
