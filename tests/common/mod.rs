//! Helpers for end-to-end tests: the real binary, run in a fresh temporary directory
//! with an environment that a developer's settings cannot change.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A scratch directory with an index path inside it.
pub struct Scratch {
    pub dir: TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// `newsdex ARGS` with `--index` pointing into the scratch directory.
    pub fn newsdex(&self, args: &[&str]) -> Output {
        let mut cmd = newsdex();
        cmd.arg("--index").arg(self.index()).args(args).current_dir(self.dir.path());
        cmd.output().expect("run newsdex")
    }

    /// Ingests paths and asserts it succeeded.
    pub fn ingest(&self, paths: &[&Path]) -> Output {
        let mut args = vec!["ingest"];
        let owned: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        args.extend(owned.iter().map(String::as_str));
        let out = self.newsdex(&args);
        assert_eq!(out.status.code(), Some(0), "ingest failed:\n{}", stderr(&out));
        out
    }

    pub fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }
}

/// The binary with a scrubbed environment.
pub fn newsdex() -> Command {
    let mut cmd = Command::cargo_bin("newsdex").expect("binary built");
    cmd.env_remove("NEWSDEX_INDEX")
        .env_remove("NEWSDEX_CLUSTER")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("PAGER");
    cmd
}

/// The repository's sample corpus, or one folder of it.
pub fn sample(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus").join(sub)
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Parses JSON Lines output, failing with the offending line.
pub fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The lines of a given `type`.
pub fn of_type<'a>(lines: &'a [Value], kind: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["type"] == kind).collect()
}

/// Asserts equality with a readable expected/got message.
#[track_caller]
pub fn assert_same<T: PartialEq + std::fmt::Debug>(what: &str, expected: T, got: T) {
    assert!(expected == got, "{what}\nexpected: {expected:#?}\n     got: {got:#?}");
}

/// An index of the whole sample corpus, built once per test binary under cargo's
/// scratch directory and shared read-only by its tests.
pub fn sample_index() -> &'static Path {
    static INDEX: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let exe = std::env::current_exe().expect("test binary path");
        let name = exe.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sample-index-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        let out = newsdex().arg("--index").arg(&dir).arg("ingest").arg(sample("")).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "sample ingest failed: {}", stderr(&out));
        dir
    })
}

/// `newsdex --index SAMPLE ARGS` against the shared sample index.
pub fn on_sample(args: &[&str]) -> Output {
    newsdex().arg("--index").arg(sample_index()).args(args).output().expect("run newsdex")
}

/// The `total` of `search --count --json` for the same query and filters.
pub fn count_of(args: &[&str]) -> u64 {
    let mut full = vec!["search"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--count", "--json"]);
    let out = on_sample(&full);
    json_lines(&out)[0]["total"].as_u64().expect("count line")
}
