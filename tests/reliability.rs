//! Crash safety and concurrent use: SIGKILL at random moments, a second writer, Ctrl-C,
//! reading during an ingest, and queries that are malformed or huge.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use common::{json_lines, of_type, sample, stderr, Scratch};

/// Articles per file and files in the kill-test corpus.
const PER_FILE: usize = 400;
const FILES: usize = 6;
const COMMIT_EVERY: u64 = 100;

/// A corpus of 2,400 distinct real articles: the sample HuffPost records, each copy of the
/// file with its URLs made distinct so that every record is a separate article.
fn kill_corpus(dir: &Path) -> PathBuf {
    let source = std::fs::read_to_string(sample("huffpost/huffpost-2022-sample.jsonl")).unwrap();
    let root = dir.join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    for copy in 0..FILES {
        let lines: Vec<String> = source
            .lines()
            .take(PER_FILE)
            .map(|l| {
                l.replacen(
                    "\"link\": \"https://www.huffpost.com/",
                    &format!("\"link\": \"https://www.huffpost.com/copy{copy}/"),
                    1,
                )
            })
            .collect();
        std::fs::write(root.join(format!("part{copy}.jsonl")), lines.join("\n")).unwrap();
    }
    root
}

fn ingest_child(index: &Path, corpus: &Path) -> Child {
    StdCommand::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .arg("--index")
        .arg(index)
        .args(["ingest", "--commit-every", &COMMIT_EVERY.to_string(), "--memory", "64"])
        .arg(corpus)
        .env_remove("NEWSDEX_INDEX")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn count(index: &Path) -> u64 {
    let out = common::newsdex().arg("--index").arg(index).args(["search", "", "--count"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "search after kill failed: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

fn ids(index: &Path) -> Vec<String> {
    let out = common::newsdex().arg("--index").arg(index).arg("export").output().unwrap();
    json_lines(&out).iter().map(|a| a["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn sigkill_at_random_moments_loses_nothing_committed_issue_7() {
    let s = Scratch::new();
    let corpus = kill_corpus(s.dir.path());
    let full = (PER_FILE * FILES) as u64;
    let timing_index = s.dir.path().join("timing");
    let started = Instant::now();
    assert!(ingest_child(&timing_index, &corpus).wait().unwrap().success());
    let full_time = started.elapsed();
    assert_eq!(count(&timing_index), full);

    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for trial in 0..20 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let fraction = (seed >> 33) as f64 / (1u64 << 31) as f64;
        let index = s.dir.path().join(format!("trial{trial}"));
        let mut child = ingest_child(&index, &corpus);
        std::thread::sleep(full_time.mul_f64(fraction * 0.9));
        child.kill().unwrap();
        child.wait().unwrap();

        if index.join("meta.json").exists() {
            let after_kill = count(&index);
            assert!(
                after_kill.is_multiple_of(COMMIT_EVERY) || after_kill == full,
                "trial {trial}: {after_kill} is not a committed state"
            );
        }
        let rerun = ingest_child(&index, &corpus).wait_with_output().unwrap();
        assert!(rerun.status.success(), "trial {trial}: {}", String::from_utf8_lossy(&rerun.stderr));
        assert_eq!(count(&index), full, "trial {trial}");
        let mut all = ids(&index);
        all.sort();
        all.dedup();
        assert_eq!(all.len() as u64, full, "trial {trial}: duplicate ids");
    }
}

#[test]
fn a_second_writer_fails_at_once() {
    let s = Scratch::new();
    let corpus = kill_corpus(s.dir.path());
    let index = s.index();
    let mut first = ingest_child(&index, &corpus);
    // Wait until the first ingest holds the writer lock.
    let lock = index.join(".tantivy-writer.lock");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !lock.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let second = s.newsdex(&["ingest", sample("seeds").to_str().unwrap()]);
    let still_running = first.try_wait().unwrap().is_none();
    first.wait().unwrap();
    if still_running {
        assert_eq!(second.status.code(), Some(2));
        let msg = format!("newsdex: index {} is being written by another process", index.display());
        assert!(stderr(&second).contains(&msg), "{}", stderr(&second));
    }
    assert_eq!(count(&index), (PER_FILE * FILES) as u64);
}

#[test]
fn searching_works_while_an_ingest_runs() {
    let s = Scratch::new();
    let corpus = kill_corpus(s.dir.path());
    let index = s.index();
    s.ingest(&[&sample("seeds")]);
    let mut child = ingest_child(&index, &corpus);
    let mut seen = Vec::new();
    while child.try_wait().unwrap().is_none() {
        seen.push(count(&index));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(seen.iter().all(|n| *n >= 2), "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "counts only grow: {seen:?}");
    assert_eq!(count(&index), (PER_FILE * FILES) as u64 + 2);
}

#[test]
fn sigint_commits_what_is_done_and_exits_130() {
    let s = Scratch::new();
    let corpus = kill_corpus(s.dir.path());
    let index = s.index();
    let child = ingest_child(&index, &corpus);
    std::thread::sleep(Duration::from_millis(150));
    let pid = child.id().to_string();
    let status = StdCommand::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(0) {
        return; // finished before the signal arrived: nothing to check
    }
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted") && err.contains("ingested "), "{err}");
    let summary_count: u64 =
        err.split("ingested ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    assert_eq!(count(&index), summary_count, "every article counted in the summary was committed");
}

#[test]
fn huge_and_malformed_queries_are_answered_or_rejected() {
    let s = Scratch::new();
    s.ingest(&[&sample("seeds")]);
    let huge = vec!["summit"; 10_000].join(" OR ");
    let out = s.newsdex(&["search", &huge, "--count"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("too long"), "{}", stderr(&out));
    for query in ["\"summit", "(summit", "summit)", "headline:", "person:\"Kim", "AND", "foo:bar"] {
        let out = s.newsdex(&["search", query, "--json"]);
        let code = out.status.code();
        assert!(matches!(code, Some(0..=2)), "{query}: {code:?}");
        if code == Some(2) {
            assert!(stderr(&out).starts_with("newsdex: bad query"), "{query}: {}", stderr(&out));
        } else {
            assert_eq!(of_type(&json_lines(&out), "summary").len(), 1, "{query}");
        }
    }
}
