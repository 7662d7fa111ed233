//! One module per subcommand, each with a validated `Config` and a `run` entry point.

pub mod extract;
pub mod ingest;
pub mod search;

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
}

impl Status {
    pub fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::NoMatch => 1,
            Status::Failed => 2,
        }
    }
}

/// A validated command, ready to run.
#[derive(Debug)]
pub enum Command {
    Ingest(ingest::Config),
    Extract(extract::Config),
    Search(search::Config),
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
    }
}
