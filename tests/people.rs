//! The people facet end to end (issue 4): canonical spellings across outlets and the
//! archivist's `--people-aliases` file, through the real binary.

mod common;

use common::{json_lines, newsdex, of_type, sample, stderr, Scratch};
use serde_json::Value;

fn people_of(out: &std::process::Output) -> Vec<Vec<String>> {
    let people =
        |a: &Value| a["people"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    json_lines(out).iter().map(people).collect()
}

#[test]
fn kcna_spelling_of_korean_names_is_canonical_issue_4() {
    let out = newsdex().args(["extract", "--json"]).arg(sample("kcna")).output().unwrap();
    let all: Vec<String> = people_of(&out).into_iter().flatten().collect();
    assert!(all.iter().any(|p| p == "Kim Jong-un"), "{all:?}");
    assert!(!all.iter().any(|p| p == "Kim Jong Un"), "{all:?}");
}

#[test]
fn aliases_file_renames_and_merges_people_in_extract_issue_4() {
    let scratch = Scratch::new();
    let aliases = scratch.write(
        "aliases.txt",
        b"# canonical | variants\nKim Jong Un | Kim Jong-un\n\nJoseph R. Biden|joe  biden\n",
    );
    let out = newsdex()
        .args(["extract", "--json", "--people-aliases"])
        .arg(&aliases)
        .arg(sample("seeds/000_efa264c91423b46c.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let people = &people_of(&out)[0];
    assert!(people.contains(&"Kim Jong Un".to_string()) && people.contains(&"Joseph R. Biden".to_string()));
    assert!(!people.iter().any(|p| p == "Kim Jong-un" || p == "Joe Biden"), "{people:?}");
}

#[test]
fn aliases_file_sets_the_person_facet_values_of_ingest_issue_4() {
    let scratch = Scratch::new();
    let aliases = scratch.write("aliases.txt", b"Kim Jong Un | Kim Jong-un\n");
    let (aliases, seeds) = (aliases.display().to_string(), sample("seeds").display().to_string());
    let out = scratch.newsdex(&["ingest", "--people-aliases", &aliases, &seeds]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = scratch.newsdex(&["search", "", "--facets", "person", "--facet-limit", "100", "--json"]);
    let lines = json_lines(&out);
    let values: Vec<&str> = of_type(&lines, "facet").iter().map(|f| f["value"].as_str().unwrap()).collect();
    assert!(values.contains(&"Kim Jong Un") && !values.contains(&"Kim Jong-un"), "{values:?}");
}

#[test]
fn bad_aliases_file_exits_2_naming_the_line_issue_4() {
    let scratch = Scratch::new();
    let aliases = scratch.write("aliases.txt", b"A | B\nC | b\n");
    let out =
        newsdex().args(["extract", "--people-aliases"]).arg(&aliases).arg(sample("seeds")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
}

#[test]
fn outlets_are_no_people_but_a_columnist_outlet_names_one() {
    let scratch = Scratch::new();
    let text = "Mother Jones reported on Tuesday that Jane Roe had left the agency. Roe declined to comment to Mother Jones.";
    let record =
        |source: &str| serde_json::json!({"title": "Official leaves agency", "text": text, "source": source});
    let lines = [record("example.com"), record("Mother Jones"), record("Jane Roe")];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let file = scratch.write("records.jsonl", body.as_bytes());
    let out = newsdex().args(["extract", "--json"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let people = people_of(&out);
    assert_eq!(people[0], vec!["Jane Roe"], "an outlet the host table knows is no person");
    assert_eq!(people[1], vec!["Jane Roe"], "nor is the article's own outlet");
    assert_eq!(people[2], vec!["Jane Roe"], "a columnist's outlet name is still a person");
}
