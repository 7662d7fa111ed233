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
    assert!(err.contains("ingested 2 articles from 2 files (0 unchanged, 0 skipped, 0 errors) in"), "{err}");
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
fn the_same_article_twice_in_the_first_run_is_kept_once() {
    let s = Scratch::new();
    for name in ["in/a.txt", "in/b/a-copy.txt"] {
        s.write(name, &std::fs::read(sample("seeds/000_efa264c91423b46c.txt")).unwrap());
    }
    s.ingest(&[&s.dir.path().join("in")]);
    assert_eq!(total(&s), 1);
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
    assert!(err.contains("ingested 1 articles from 1 files (0 unchanged, 1 skipped, 2 errors)"), "{err}");
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

/// A copy of the seed pages in the scratch directory, free to edit and delete.
fn copy_of_seeds(s: &Scratch) -> std::path::PathBuf {
    let dir = s.dir.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["000_efa264c91423b46c.txt", "004_ad5ddc9ba295fd84.txt"] {
        std::fs::copy(sample("seeds").join(f), dir.join(f)).unwrap();
    }
    dir
}

#[test]
fn unchanged_files_are_skipped_and_changed_ones_replace_their_articles_issue_7() {
    let s = Scratch::new();
    let dir = copy_of_seeds(&s);
    s.ingest(&[&dir]);
    let again = stderr(&s.ingest(&[&dir]));
    assert!(again.contains("ingested 0 articles from 0 files (2 unchanged, 0 skipped, 0 errors)"), "{again}");

    // Edit one page: its old article goes, the new one comes, the other is untouched.
    let page = dir.join("004_ad5ddc9ba295fd84.txt");
    let text =
        std::fs::read_to_string(&page).unwrap().replace("how much Seoul should pay.", "how much Seoul pays.");
    std::fs::write(&page, text).unwrap();
    let third = stderr(&s.ingest(&[&dir]));
    assert!(third.contains("ingested 1 articles from 1 files (1 unchanged, 0 skipped, 0 errors)"), "{third}");
    assert_eq!(total(&s), 2);
    let out = s.newsdex(&["search", "\"Seoul pays\"", "--count"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
    let out = s.newsdex(&["search", "\"Seoul should pay\"", "--count"]);
    assert_eq!(out.status.code(), Some(1), "the old version is gone");
}

#[test]
fn prune_removes_articles_of_deleted_files_only_when_asked() {
    let s = Scratch::new();
    let dir = copy_of_seeds(&s);
    s.ingest(&[&dir]);
    std::fs::remove_file(dir.join("000_efa264c91423b46c.txt")).unwrap();
    s.ingest(&[&dir]);
    assert_eq!(total(&s), 2, "without --prune nothing is removed");
    let out = s.newsdex(&["ingest", "--prune", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("pruned 1 files that no longer exist"), "{}", stderr(&out));
    assert_eq!(total(&s), 1);
    let lines = json_lines(&s.newsdex(&["search", "", "--json"]));
    assert_eq!(of_type(&lines, "hit")[0]["outlet"], "TBS eFM");
}

#[test]
fn a_large_json_lines_file_is_streamed_in_parallel_chunks() {
    let s = Scratch::new();
    let source = std::fs::read_to_string(sample("huffpost/huffpost-2022-sample.jsonl")).unwrap();
    let file = s.write("big.jsonl", source.repeat(3).as_bytes());
    let out = s.ingest(&[&file]);
    assert!(stderr(&out).contains("ingested 1200 articles from 1 files"), "{}", stderr(&out));
    assert_eq!(total(&s), 400, "the same records three times are three copies of 400 articles");
}
