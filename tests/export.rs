//! `newsdex export`: every match, all fields, oldest first; CSV with a header.

mod common;

use common::{count_of, json_lines, on_sample, stdout};

#[test]
fn exports_exactly_the_matching_articles_in_date_order() {
    for (query, filters) in
        [("", vec![]), ("Kim", vec!["--outlet", "KCNA"]), ("summit", vec!["--since", "2020"])]
    {
        let mut args = vec!["export", query];
        args.extend(filters.iter().copied());
        let lines = json_lines(&on_sample(&args));
        let mut count_args = vec![query];
        count_args.extend(filters.iter().copied());
        assert_eq!(lines.len() as u64, count_of(&count_args), "{query:?} {filters:?}");
        let published: Vec<&str> = lines.iter().filter_map(|a| a["published"].as_str()).collect();
        let instants: Vec<chrono::DateTime<chrono::FixedOffset>> =
            published.iter().map(|p| chrono::DateTime::parse_from_rfc3339(p).unwrap()).collect();
        assert!(instants.windows(2).all(|w| w[0] <= w[1]), "not oldest first");
        for field in ["id", "path", "outlet", "headline", "body", "people", "captions", "tags"] {
            assert!(lines.iter().all(|a| a.get(field).is_some()), "{field}");
        }
    }
}

#[test]
fn csv_export_has_all_columns() {
    let out = on_sample(&["export", "", "--person", "Kim Jong-un", "--format", "csv"]);
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.get(0), Some("id"));
    assert!(headers.iter().any(|h| h == "body"));
    assert_eq!(reader.records().count() as u64, count_of(&["", "--person", "Kim Jong-un"]));
}
