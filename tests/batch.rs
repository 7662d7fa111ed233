//! `newsdex batch`: one result line per query with its id; bad lines do not stop the batch.

mod common;

use common::{count_of, newsdex, sample_index};
use serde_json::Value;

fn batch(input: &str) -> (Option<i32>, Vec<Value>) {
    let out = newsdex().arg("--index").arg(sample_index()).arg("batch").write_stdin(input).output().unwrap();
    let lines =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out.status.code(), lines)
}

#[test]
fn every_line_carries_its_query_id() {
    let input = concat!(
        "{\"id\": \"q1\", \"query\": \"Kim\", \"outlet\": [\"KCNA\"], \"limit\": 3, \"facets\": [\"person\"]}\n",
        "Biegun\n",
        "{\"id\": 7, \"query\": \"\", \"since\": \"2022\", \"until\": \"2022\", \"count_only\": true}\n",
    );
    let (code, lines) = batch(input);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 3);
    assert_eq!((&lines[0]["type"], &lines[0]["id"]), (&Value::from("result"), &Value::from("q1")));
    assert_eq!(lines[0]["hits"].as_array().unwrap().len(), 3);
    assert_eq!(lines[0]["total"].as_u64().unwrap(), count_of(&["Kim", "--outlet", "KCNA"]));
    assert!(!lines[0]["facets"].as_array().unwrap().is_empty());
    assert_eq!(lines[1]["id"], "2");
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["total"].as_u64().unwrap(), count_of(&["", "--since", "2022", "--until", "2022"]));
}

#[test]
fn a_bad_query_gives_an_error_line_and_the_batch_goes_on() {
    let input = "{\"id\": \"bad\", \"query\": \"(unclosed\"}\n{not json\nsummit\n{\"id\": \"x\", \"since\": \"July\"}\n";
    let (code, lines) = batch(input);
    assert_eq!(code, Some(2));
    let kinds: Vec<(&str, &str)> =
        lines.iter().map(|l| (l["type"].as_str().unwrap(), l["id"].as_str().unwrap())).collect();
    assert_eq!(kinds, vec![("error", "bad"), ("error", "2"), ("result", "3"), ("error", "x")]);
    assert!(lines[0]["error"].as_str().unwrap().contains("bad query"));
}
