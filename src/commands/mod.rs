//! One module per subcommand, each with a validated `Config` and a `run` entry point.

pub mod batch;
pub mod export;
pub mod extract;
pub mod facets;
pub mod ingest;
pub mod search;
pub mod show;
pub mod stats;
pub mod trend;

use anyhow::Result;

/// What a command found, as the process exit code reports it (like grep).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: the command did its work and something matched.
    Success,
    /// 1: a query matched nothing.
    NoMatch,
    /// 2: some input or the command failed (errors were printed).
    Failed,
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
            Status::Interrupted => 130,
        }
    }
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
        Command::Search(c) => search::run(&c, &mut out),
        Command::Trend(c) => trend::run(&c, &mut out),
        Command::Facets(c) => facets::run(&c, &mut out),
        Command::Show(c) => show::run(&c, &mut out, &mut err),
        Command::Stats(c) => stats::run(&c, &mut out),
        Command::Export(c) => export::run(&c, &mut out),
        Command::Batch(c) => batch::run(&c, &mut out),
        Command::Print(bytes) => {
            std::io::Write::write_all(&mut out, &bytes)?;
            std::io::Write::flush(&mut out)?;
            Ok(Status::Success)
        }
    }
}
