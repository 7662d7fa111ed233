//! The `newsdex` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

/// mimalloc: search answers and cleaning allocate many short-lived buffers, and the
/// system allocator spent a tenth of query time in them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`, numbered as in the `mi_option_e` enum of the
/// mimalloc 3 sources that the pinned libmimalloc-sys 0.1.49 builds.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of handing it back to the system a second after
/// it is freed. Ingest frees a writer's whole memory arena at each segment and then asks
/// for as much again: returned, that memory is faulted in and zeroed anew by the kernel
/// every time (a tenth of ingest time). The process's peak memory does not change much,
/// as the freed memory is what it reuses. `MIMALLOC_PURGE_DELAY` in the environment wins.
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one integer option of the allocator; any value is valid, and -1
        // means "never purge" (mimalloc.h).
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
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
