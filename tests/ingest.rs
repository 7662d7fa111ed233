//! `newsdex ingest`: summary line, re-ingest without duplicates, bad files, exit codes.

mod common;

use common::{json_lines, of_type, sample, stderr, Scratch};

fn total(s: &Scratch) -> u64 {
    let out = s.newsdex(&["search", "", "--json", "-n", "0"]);
    of_type(&json_lines(&out), "summary")[0]["total"].as_u64().unwrap()
}

#[test]
fn prints_a_summary_line() {
    let s = Scratch::new();
    let out = s.ingest(&[&sample("seeds")]);
    let err = stderr(&out);
    assert!(err.contains("ingested 2 articles from 2 files (0 skipped, 0 errors) in"), "{err}");
}

#[test]
fn reingesting_replaces_instead_of_duplicating() {
    let s = Scratch::new();
    s.ingest(&[&sample("seeds")]);
    s.ingest(&[&sample("seeds")]);
    s.ingest(&[&sample("seeds/000_efa264c91423b46c.txt")]);
    assert_eq!(total(&s), 2);
}

#[test]
fn index_location_comes_from_the_environment() {
    let s = Scratch::new();
    let env_index = s.dir.path().join("from-env");
    let out = common::newsdex()
        .env("NEWSDEX_INDEX", &env_index)
        .arg("ingest")
        .arg(sample("seeds"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(env_index.join("meta.json").is_file());
}

#[test]
fn a_bad_file_is_reported_and_the_run_goes_on() {
    let s = Scratch::new();
    let bad = s.write("in/bad.json", b"{ not json");
    let empty = s.write("in/empty.txt", b"   \n\n");
    s.write("in/notes.csv", b"a,b");
    std::fs::copy(sample("seeds/000_efa264c91423b46c.txt"), s.dir.path().join("in/good.txt")).unwrap();
    let out = s.newsdex(&["ingest", s.dir.path().join("in").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("newsdex: {}: invalid JSON", bad.display())), "{err}");
    assert!(err.contains(&format!("newsdex: {}: no article text found", empty.display())), "{err}");
    assert!(err.contains("ingested 1 articles from 1 files (1 skipped, 2 errors)"), "{err}");
    assert_eq!(total(&s), 1);
}

#[test]
fn a_missing_path_is_an_error_but_others_are_ingested() {
    let s = Scratch::new();
    let out = s.newsdex(&["ingest", "/no/such/dir", sample("seeds").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("newsdex: /no/such/dir:"), "{}", stderr(&out));
    assert_eq!(total(&s), 2);
}

#[test]
fn malformed_json_lines_are_counted_by_line() {
    let s = Scratch::new();
    let file = s.write(
        "r.jsonl",
        b"{\"title\":\"One\",\"text\":\"Body one.\"}\nnot json\n{\"title\":\"Two\",\"text\":\"Body two.\"}\n",
    );
    let out = s.newsdex(&["ingest", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("newsdex: {}: line 2: invalid JSON", file.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(total(&s), 2);
}
