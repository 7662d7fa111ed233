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
    cmd.env_remove("NEWSDEX_INDEX").env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").env_remove("PAGER");
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
