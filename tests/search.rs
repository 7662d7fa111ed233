//! `newsdex search`: filters, facets, JSON Lines schema and exit codes on the seeds.

mod common;

use std::collections::BTreeMap;

use common::{assert_same, json_lines, of_type, sample, stderr, stdout, Scratch};
use serde_json::Value;

fn seeded() -> Scratch {
    let s = Scratch::new();
    s.ingest(&[&sample("seeds")]);
    s
}

fn outlets_of(lines: &[Value]) -> Vec<String> {
    of_type(lines, "hit").iter().map(|h| h["outlet"].as_str().unwrap().to_string()).collect()
}

#[test]
fn person_filter_keeps_articles_mentioning_them() {
    let s = seeded();
    // Both seeds say "summit" and name Kim Jong-un; the Yonhap one says it in the headline.
    let lines = json_lines(&s.newsdex(&["search", "summit", "--person", "Kim Jong-un", "--json"]));
    assert_same("outlets", vec!["Yonhap".to_string(), "TBS eFM".into()], outlets_of(&lines));
    let lines = json_lines(&s.newsdex(&["search", "summit", "--person", "John Bolton", "--json"]));
    assert_same("outlets", vec!["Yonhap".to_string()], outlets_of(&lines));
}

#[test]
fn outlet_filter_issue_2() {
    let s = seeded();
    let lines = json_lines(&s.newsdex(&["search", "Biegun", "--outlet", "TBS eFM", "--json"]));
    assert_same("outlets", vec!["TBS eFM".to_string()], outlets_of(&lines));
}

#[test]
fn hit_lines_have_the_documented_fields() {
    let s = seeded();
    let lines = json_lines(&s.newsdex(&["search", "Pompeo", "--json"]));
    let hit = of_type(&lines, "hit")[0];
    for field in [
        "rank",
        "id",
        "score",
        "outlet",
        "published",
        "date",
        "headline",
        "authors",
        "people",
        "snippet",
        "path",
    ] {
        assert!(hit.get(field).is_some(), "hit lacks {field}: {hit}");
    }
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!((summary["total"].as_u64(), summary["shown"].as_u64()), (Some(1), Some(1)));
    assert!(summary["took_ms"].is_number());
}

#[test]
fn person_facet_counts_match_extract() {
    let s = seeded();
    let extracted =
        json_lines(&common::newsdex().args(["extract", "--json"]).arg(sample("seeds")).output().unwrap());
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for a in &extracted {
        for p in a["people"].as_array().unwrap() {
            *expected.entry(p.as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    let lines =
        json_lines(&s.newsdex(&["search", "", "--facets", "person", "--facet-limit", "100", "--json"]));
    let got: BTreeMap<String, u64> = of_type(&lines, "facet")
        .iter()
        .map(|f| (f["value"].as_str().unwrap().to_string(), f["count"].as_u64().unwrap()))
        .collect();
    assert_same("person facet counts", expected, got);
}

#[test]
fn date_filters_are_inclusive_local_days() {
    let s = seeded();
    let lines = json_lines(&s.newsdex(&["search", "", "--since", "2020-07-09", "--json"]));
    assert_same("outlets", vec!["Yonhap".to_string()], outlets_of(&lines));
    let lines = json_lines(&s.newsdex(&["search", "", "--until", "2020-07-08", "--json"]));
    assert_same("outlets", vec!["TBS eFM".to_string()], outlets_of(&lines));
    let out = s.newsdex(&["search", "", "--since", "2020-07", "--until", "2020-07", "--json"]);
    assert_eq!(of_type(&json_lines(&out), "hit").len(), 2);
}

#[test]
fn field_prefixes_use_the_names_users_see() {
    let s = seeded();
    for (query, outlet) in [
        ("person:\"Lee Do-hoon\"", "TBS eFM"),
        ("author:\"lee haye-ah\"", "Yonhap"),
        ("outlet:yonhap", "Yonhap"),
        ("headline:resume", "TBS eFM"),
    ] {
        let lines = json_lines(&s.newsdex(&["search", query, "--json"]));
        assert_same(query, vec![outlet.to_string()], outlets_of(&lines));
    }
}

#[test]
fn no_match_exits_1() {
    let s = seeded();
    let out = s.newsdex(&["search", "zebra"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn malformed_query_exits_2_with_a_message() {
    let s = seeded();
    for query in ["\"unbalanced", "(a OR", "nosuchfield:x"] {
        let out = s.newsdex(&["search", query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        assert!(stderr(&out).starts_with("newsdex: bad query"), "{query}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn bad_options_exit_2() {
    let s = seeded();
    for args in [&["search", "x", "--since", "July"][..], &["search", "x", "--facets", "colour"]] {
        let out = s.newsdex(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("newsdex: "), "{}", stderr(&out));
    }
}

#[test]
fn missing_index_is_a_clear_error() {
    let s = Scratch::new();
    let out = s.newsdex(&["search", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no index at"), "{}", stderr(&out));
}

#[test]
fn text_output_has_no_escape_codes_when_piped() {
    let s = seeded();
    let out = s.newsdex(&["search", "summit", "--facets", "person"]);
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("1. 2020-07-10  Yonhap  Pompeo doesn't rule out"), "{text}");
    assert!(text.contains("person:"), "{text}");
}

mod scripted {
    //! Sorting, paging, counts, formats and colour on the sample corpus.

    use super::common::{count_of, json_lines, of_type, on_sample, stdout};

    fn dates(args: &[&str]) -> Vec<String> {
        let lines = json_lines(&on_sample(args));
        of_type(&lines, "hit").iter().map(|h| h["published"].as_str().unwrap_or("").to_string()).collect()
    }

    #[test]
    fn sort_by_date_both_ways() {
        let newest = dates(&["search", "", "--sort", "newest", "-n", "20", "--json"]);
        let oldest = dates(&["search", "", "--sort", "oldest", "-n", "20", "--json"]);
        let parse = |v: &Vec<String>| -> Vec<chrono::DateTime<chrono::FixedOffset>> {
            v.iter().map(|p| chrono::DateTime::parse_from_rfc3339(p).unwrap()).collect()
        };
        assert!(parse(&newest).windows(2).all(|w| w[0] >= w[1]));
        assert!(parse(&oldest).windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(oldest[0], "2020-07-08T18:19:00+09:00");
    }

    #[test]
    fn offset_pages_through_the_same_order() {
        for sort in ["relevance", "newest", "oldest"] {
            let all = dates(&["search", "Kim", "--sort", sort, "-n", "10", "--json"]);
            let ids = |args: &[&str]| -> Vec<String> {
                of_type(&json_lines(&on_sample(args)), "hit").iter().map(|h| h["id"].to_string()).collect()
            };
            let whole = ids(&["search", "Kim", "--sort", sort, "-n", "10", "--json"]);
            let second = ids(&["search", "Kim", "--sort", sort, "-n", "5", "--offset", "5", "--json"]);
            assert_eq!(whole[5..], second[..], "{sort}");
            assert_eq!(all.len(), 10);
        }
    }

    #[test]
    fn count_prints_only_the_number() {
        let out = on_sample(&["search", "Kim", "--count"]);
        let n: u64 = stdout(&out).trim().parse().unwrap();
        assert_eq!(n, count_of(&["Kim"]));
        assert!(n > 10);
    }

    #[test]
    fn csv_and_tsv_have_headers_and_chosen_fields() {
        let out =
            on_sample(&["search", "Kim", "--format", "csv", "--fields", "id,headline,people", "-n", "3"]);
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), vec!["id", "headline", "people"]);
        assert_eq!(reader.records().count(), 3);
        let out = on_sample(&["search", "Kim", "--format", "tsv", "-n", "2"]);
        let text = stdout(&out);
        assert!(text.starts_with("rank\tid\tscore\tdate\toutlet\theadline"), "{text}");
        assert_eq!(text.lines().count(), 3);
    }

    #[test]
    fn colour_is_forced_only_for_text_and_never_in_machine_formats() {
        let coloured = stdout(&on_sample(&["search", "Kim", "--color", "always", "-n", "1"]));
        assert!(coloured.contains("\u{1b}["));
        for format in ["json", "csv", "tsv"] {
            let out = on_sample(&["search", "Kim", "--color", "always", "--format", format, "-n", "2"]);
            assert!(!stdout(&out).contains('\u{1b}'), "{format}");
        }
        let out = super::common::newsdex()
            .env("NO_COLOR", "1")
            .arg("--index")
            .arg(super::common::sample_index())
            .args(["search", "Kim", "--color", "auto"])
            .output()
            .unwrap();
        assert!(!stdout(&out).contains('\u{1b}'));
    }

    #[test]
    fn date_facets_by_period() {
        let lines = json_lines(&on_sample(&["search", "", "--facets", "date:year", "-n", "0", "--json"]));
        let years: Vec<(&str, u64)> = of_type(&lines, "facet")
            .iter()
            .map(|f| (f["value"].as_str().unwrap(), f["count"].as_u64().unwrap()))
            .collect();
        assert_eq!(years.iter().map(|(_, c)| c).sum::<u64>(), 609);
        assert!(years.contains(&("2022", 400)));
        assert!(of_type(&lines, "facet").iter().all(|f| f["field"] == "date:year"));
    }
}
