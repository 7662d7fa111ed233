//! `newsdex facets`: values and counts agree with `search --facets`; prefixes; formats.

mod common;

use std::collections::BTreeMap;

use common::{json_lines, of_type, on_sample, stdout};

fn counts(lines: &[serde_json::Value]) -> BTreeMap<(String, String), u64> {
    of_type(lines, "facet")
        .iter()
        .map(|f| {
            let key = (f["field"].as_str().unwrap().to_string(), f["value"].as_str().unwrap().to_string());
            (key, f["count"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn counts_equal_search_facets() {
    for field in ["outlet", "person", "author", "date:month", "date:year", "date:week", "date"] {
        for query in ["", "Kim", "president"] {
            let facet_out = on_sample(&["facets", field, query, "--limit", "15", "--json"]);
            let search_out =
                on_sample(&["search", query, "--facets", field, "--facet-limit", "15", "-n", "0", "--json"]);
            let (a, b) = (counts(&json_lines(&facet_out)), counts(&json_lines(&search_out)));
            assert!(!a.is_empty(), "{field} {query:?}");
            assert_eq!(a, b, "{field} {query:?}");
        }
    }
}

#[test]
fn prefix_keeps_matching_values_ignoring_case() {
    let lines = json_lines(&on_sample(&["facets", "author", "--prefix", "ma", "--json"]));
    let values: Vec<&str> = of_type(&lines, "facet").iter().map(|f| f["value"].as_str().unwrap()).collect();
    assert!(!values.is_empty());
    assert!(values.iter().all(|v| v.to_lowercase().starts_with("ma")), "{values:?}");
}

#[test]
fn outlets_of_the_sample_corpus() {
    let out = on_sample(&["facets", "outlet", "--format", "csv"]);
    let text = stdout(&out);
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        vec![
            "field,value,count",
            "outlet,HuffPost,400",
            "outlet,KCNA,207",
            "outlet,TBS eFM,1",
            "outlet,Yonhap,1"
        ]
    );
}

#[test]
fn unknown_field_is_an_error() {
    let out = on_sample(&["facets", "colour"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Person counts computed from `extract --json`, the brute-force answer.
fn people_from_extract() -> BTreeMap<String, u64> {
    let out = common::newsdex().args(["extract", "--json"]).arg(common::sample("")).output().unwrap();
    let mut by_id = BTreeMap::new();
    for a in json_lines(&out) {
        by_id.insert(a["id"].as_str().unwrap().to_string(), a["people"].clone());
    }
    let mut counts = BTreeMap::new();
    for people in by_id.values() {
        for p in people.as_array().unwrap() {
            *counts.entry(p.as_str().unwrap().to_string()).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn top_people_are_exact_across_several_segments() {
    let s = common::Scratch::new();
    for part in ["seeds", "kcna", "huffpost"] {
        s.ingest(&[&common::sample(part)]);
    }
    let mut expected: Vec<(String, u64)> = people_from_extract().into_iter().collect();
    expected.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for limit in [1, 3, 10, 25] {
        let out = s.newsdex(&["facets", "person", "--limit", &limit.to_string(), "--json"]);
        let got: Vec<(String, u64)> = of_type(&json_lines(&out), "facet")
            .iter()
            .map(|f| (f["value"].as_str().unwrap().to_string(), f["count"].as_u64().unwrap()))
            .collect();
        assert_eq!(got, expected[..limit], "limit {limit}");
    }
    let stats = json_lines(&s.newsdex(&["stats", "--json"]));
    assert!(stats[0]["segments"].as_u64().unwrap() >= 2, "the test needs several segments");
}
