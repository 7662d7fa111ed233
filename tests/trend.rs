//! `newsdex trend`: calendar buckets, empty periods, agreement with `search --count`, charts.

mod common;

use common::{count_of, json_lines, of_type, on_sample, stdout};

fn buckets(args: &[&str]) -> Vec<serde_json::Value> {
    let mut full = vec!["trend"];
    full.extend_from_slice(args);
    full.push("--json");
    json_lines(&on_sample(&full))
}

#[test]
fn bucket_sum_equals_search_count() {
    for (query, filters) in [
        ("", vec![]),
        ("Kim", vec!["--since", "2024-03"]),
        ("", vec!["--outlet", "HuffPost", "--until", "2022-08-15"]),
        ("summit OR talks", vec!["--person", "Kim Jong-un"]),
    ] {
        for by in ["day", "week", "month", "year"] {
            let mut args = vec![query, "--by", by];
            args.extend(filters.iter().copied());
            let lines = buckets(&args);
            let summary = of_type(&lines, "summary")[0];
            let sum: u64 = of_type(&lines, "bucket").iter().map(|b| b["count"].as_u64().unwrap()).sum();
            let undated = summary["undated"].as_u64().unwrap();
            let mut count_args = vec![query];
            count_args.extend(filters.iter().copied());
            assert_eq!(sum + undated, count_of(&count_args), "{query:?} {filters:?} by {by}");
        }
    }
}

#[test]
fn empty_months_between_are_zero() {
    let lines = buckets(&["", "--outlet", "KCNA", "--by", "month"]);
    let periods: Vec<&str> =
        of_type(&lines, "bucket").iter().map(|b| b["period"].as_str().unwrap()).collect();
    let first = periods.first().unwrap().to_string();
    assert_eq!(first, "2023-12");
    assert_eq!(*periods.last().unwrap(), "2024-11");
    assert_eq!(periods.len(), 12, "every calendar month from Dec 2023 to Nov 2024: {periods:?}");
}

#[test]
fn csv_has_a_header_and_one_row_per_period() {
    let out = on_sample(&["trend", "", "--by", "year", "--format", "csv"]);
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "period,start,count");
    assert!(rows.contains(&"2021,2021-01-01,0"), "{text}");
}

#[test]
fn text_output_draws_bars() {
    let out = on_sample(&["trend", "", "--by", "year"]);
    let text = stdout(&out);
    assert!(text.contains('█'), "{text}");
    assert!(text.contains("matching articles by year"), "{text}");
}

#[test]
fn plot_writes_svg_and_png_with_axis_titles() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("t.svg");
    let png = dir.path().join("t.png");
    for file in [&svg, &png] {
        let out = on_sample(&["trend", "", "--by", "month", "--plot", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    }
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Matching articles") && text.contains("Publication date (by month)"));
    let month_label = regex::Regex::new(r">\s*20\d\d-\d\d\s*<").unwrap();
    assert!(month_label.is_match(&text), "x axis shows months");
    assert_eq!(&std::fs::read(&png).unwrap()[..4], b"\x89PNG");
}

#[test]
fn no_match_exits_1() {
    let out = on_sample(&["trend", "zzzyzx"]);
    assert_eq!(out.status.code(), Some(1));
}
