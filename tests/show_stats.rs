//! `newsdex show`, `stats`, `completions` and `man`.

mod common;

use common::{json_lines, newsdex, on_sample, stdout};

fn first_id() -> String {
    let out = on_sample(&["search", "Pompeo", "--json"]);
    json_lines(&out)[0]["id"].as_str().unwrap().to_string()
}

#[test]
fn show_prints_the_whole_article() {
    let id = first_id();
    let out = on_sample(&["show", &id, "--json"]);
    let article = &json_lines(&out)[0];
    assert_eq!(article["id"], id.as_str());
    assert!(article["body"].as_str().unwrap().ends_with("he added."));
    let text = stdout(&on_sample(&["show", &id]));
    assert!(text.starts_with("Pompeo doesn't rule out another U.S.-N. Korea summit [2nd LD]"), "{text}");
    assert!(text.contains("he added."));
}

#[test]
fn show_unknown_id_exits_1() {
    let out = on_sample(&["show", "0000000000000000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(common::stderr(&out).contains("no article with id 0000000000000000"));
}

#[test]
fn stats_describe_the_sample_corpus() {
    let out = on_sample(&["stats", "--json"]);
    let s = &json_lines(&out)[0];
    assert_eq!(s["type"], "stats");
    assert_eq!(s["articles"], 609);
    assert_eq!(s["outlets"], 4);
    assert_eq!(s["first_date"], "2020-07-08");
    assert!(s["size_bytes"].as_u64().unwrap() > 0);
    assert!(s["segments"].as_u64().unwrap() >= 1);
}

#[test]
fn completions_and_man_page_are_generated() {
    let bash = newsdex().args(["completions", "bash"]).output().unwrap();
    assert!(stdout(&bash).contains("newsdex"));
    let man = newsdex().arg("man").output().unwrap();
    assert!(stdout(&man).contains(".TH newsdex"));
}
