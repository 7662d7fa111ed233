//! The `newsdex` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

/// mimalloc: search answers and cleaning allocate many short-lived buffers, and the
/// system allocator spent a tenth of query time in them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match newsdex::cli::parse().and_then(newsdex::commands::run) {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdex: {e:#}");
            ExitCode::from(newsdex::commands::Status::Failed.code())
        }
    }
}

/// Output piped into `head` and closed early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
