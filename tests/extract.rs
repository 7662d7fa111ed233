//! `newsdex extract` on the seeds: the article fields the foundation issue fixes exactly.

mod common;

use common::{assert_same, json_lines, newsdex, sample};
use serde_json::{json, Value};

fn seeds() -> Vec<Value> {
    let out = newsdex().arg("extract").arg(sample("seeds")).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    json_lines(&out)
}

fn check(article: &Value, field: &str, expected: Value) {
    assert_same(&format!("{field} of {}", article["path"]), &expected, &article[field]);
}

#[test]
fn yonhap_seed_fields_issue_2() {
    let a = &seeds()[0];
    check(a, "outlet", json!("Yonhap"));
    check(a, "headline", json!("Pompeo doesn't rule out another U.S.-N. Korea summit"));
    check(a, "tags", json!(["2nd LD"]));
    check(a, "date", json!("2020-07-10"));
    check(a, "published", json!("2020-07-10T00:00:00+09:00"));
    check(a, "dateline", json!("WASHINGTON"));
    check(a, "authors", json!(["Lee Haye-ah"]));
    check(a, "section", Value::Null);
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("U.S. Secretary of State Mike Pompeo said Thursday"), "{body}");
    assert!(body.ends_with("he added."), "{body}");
    for gone in ["(ATTN", "By Lee", "(Yonhap) --", "hague@yna.co.kr", "(END)", "Park Won-soon", "most read"] {
        assert!(!body.contains(gone), "body keeps {gone:?}");
    }
    check(
        a,
        "people",
        json!([
            "Mike Pompeo",
            "Donald Trump",
            "Kim Jong-un",
            "Stephen Biegun",
            "Moon Jae-in",
            "John Bolton",
            "Joe Biden"
        ]),
    );
}

#[test]
fn tbs_seed_fields_issue_2() {
    let a = &seeds()[1];
    check(a, "outlet", json!("TBS eFM"));
    check(a, "headline", json!("Biegun: US Ready To Resume Talks With N. Korea"));
    check(a, "tags", json!([]));
    check(a, "date", json!("2020-07-08"));
    check(a, "published", json!("2020-07-08T18:19:00+09:00"));
    check(a, "dateline", Value::Null);
    check(a, "authors", json!(["Ron Chang"]));
    check(a, "section", json!("National"));
    check(
        a,
        "captions",
        json!(["U.S. Deputy Secretary of State Stephen Biegun (L) meets with his South Korean counterpart, Lee Do-hoon, in Seoul on July 8, 2020."]),
    );
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("President Donald Trump's point man on North Korea"), "{body}");
    assert!(body.ends_with("how much Seoul should pay."), "{body}");
    for gone in
        ["[Anchor]", "[Reporter]", "Ron Chang reports.", "Please send comments", "copyright", "(L) meets"]
    {
        assert!(!body.contains(gone), "body keeps {gone:?}");
    }
    check(
        a,
        "people",
        json!([
            "Stephen Biegun",
            "Donald Trump",
            "Lee Do-hoon",
            "Kim Jong-un",
            "Moon Jae-in",
            "Cho Sei-young"
        ]),
    );
}

#[test]
fn paragraphs_are_separated_by_one_blank_line() {
    for a in seeds() {
        let body = a["body"].as_str().unwrap();
        assert!(body.contains("\n\n") && !body.contains("\n\n\n"), "{body}");
    }
}

#[test]
fn same_input_gives_same_id() {
    let (first, second) = (seeds(), seeds());
    assert_eq!(first[0]["id"], second[0]["id"]);
    assert_ne!(first[0]["id"], first[1]["id"]);
}

#[test]
fn outlet_override_wins_over_detection() {
    let out = newsdex()
        .args(["extract", "--json", "--outlet", "My Outlet"])
        .arg(sample("seeds/004_ad5ddc9ba295fd84.txt"))
        .output()
        .unwrap();
    assert_eq!(json_lines(&out)[0]["outlet"], "My Outlet");
}

#[test]
fn json_records_are_read_from_the_sample_corpus() {
    let out = newsdex().args(["extract", "--json"]).arg(sample("huffpost")).output().unwrap();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 400);
    assert!(lines.iter().all(|a| a["outlet"] == "HuffPost" && a["date"].is_string()));
    assert_eq!(lines[0]["authors"], json!(["Carla K. Johnson"]));
}

#[test]
fn json_lines_stream_in_chunks_with_their_own_line_numbers() {
    let scratch = common::Scratch::new();
    let mut lines: Vec<String> = (1..=600)
        .map(|i| json!({"title": format!("Harbour report {i}"), "text": format!("Ferry {i} left the harbour at dawn.")}).to_string())
        .collect();
    lines[449] = "{not json".to_string();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, lines.join("\n").as_bytes()).unwrap();
    let path = scratch.write("records.jsonl.gz", &gz.finish().unwrap());
    let out = newsdex().args(["extract", "--json"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a bad record makes the run fail: {}", common::stderr(&out));
    let articles = json_lines(&out);
    assert_eq!(articles.len(), 599);
    assert_eq!(articles[0]["headline"], "Harbour report 1");
    assert_eq!(articles[598]["headline"], "Harbour report 600");
    assert!(articles[598]["path"].as_str().unwrap().ends_with("records.jsonl.gz#600"));
    let errors = common::stderr(&out);
    assert!(errors.contains("records.jsonl.gz: line 450: invalid JSON"), "{errors}");
}

#[test]
fn crawler_records_with_short_years_label_bylines_and_guest_sources() {
    let scratch = common::Scratch::new();
    let records = [
        json!({"title": "Harbour fees rise", "content": "The port raised its fees on Monday.", "date": "7/23/17",
               "authors": "Backgroundurl Avatar_Large, Story Count, Comment Count, Popular Tags"}),
        json!({"title": "Ferry timetable changes", "content": "The ferry leaves earlier from June.", "date": "12/30/99",
               "authors": "Analysis Jane Roe, In July Of, Special To Cnn, Harbor Times Wire",
               "source": "Guest Writer - Right", "url": "https://www.harbor-times.example/2099/ferry"}),
    ];
    let text: Vec<String> = records.iter().map(Value::to_string).collect();
    let path = scratch.write("records.jsonl", text.join("\n").as_bytes());
    let out = newsdex().args(["extract", "--json"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let articles = json_lines(&out);
    check(&articles[0], "date", json!("2017-07-23"));
    check(&articles[0], "authors", json!([]));
    check(&articles[1], "date", json!("1999-12-30"));
    check(&articles[1], "authors", json!(["Jane Roe"]));
    check(&articles[1], "outlet", json!("harbor-times.example"));
}
