//! `newsdex extract` on real inputs of every kind: compressed files, HTML pages, JSON record
//! shapes, outlet profiles, and the reading options (`--format`, `--map`, `--assume-tz`,
//! `--outlets`). Fixtures and their sources are listed in tests/fixtures/README.md.

mod common;

use std::path::PathBuf;

use common::{assert_same, json_lines, newsdex, stderr, Scratch};
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn extract(args: &[&str], path: &std::path::Path) -> Vec<Value> {
    let out = newsdex().arg("extract").arg("--json").args(args).arg(path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json_lines(&out)
}

#[test]
fn reuters_1987_story_loses_dateline_and_sign_off_issue_3() {
    let a = &extract(&[], &fixture("reuters-1987-newid2.txt"))[0];
    assert_same("outlet", &json!("Reuters"), &a["outlet"]);
    assert_same("dateline", &json!("CLEVELAND"), &a["dateline"]);
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("Standard Oil Co and BP North America Inc said"), "{body}");
    assert!(body.ends_with("joint management committee."), "{body}");
    assert_eq!(body.matches("\n\n").count(), 2, "indented paragraphs: {body}");
}

#[test]
fn reuters_21578_sgml_file_gives_one_article_per_story() {
    let lines = extract(&[], &fixture("reuters21578-newid2-and-brief.sgm"));
    assert_eq!(lines.len(), 2);
    let (story, brief) = (&lines[0], &lines[1]);
    assert!(story["path"].as_str().unwrap().ends_with("reuters21578-newid2-and-brief.sgm#2"));
    assert_same("outlet", &json!("Reuters"), &story["outlet"]);
    assert_same("headline", &json!("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"), &story["headline"]);
    assert_same("published", &json!("1987-02-26T15:02:20+00:00"), &story["published"]);
    assert_same("dateline", &json!("CLEVELAND"), &story["dateline"]);
    let body = story["body"].as_str().unwrap();
    assert!(body.starts_with("Standard Oil Co and BP North America Inc said"), "{body}");
    assert!(body.ends_with("joint management committee."), "{body}");
    assert!(body.contains("Plc <BP>, which"), "{body}");
    // A brief is its headline; the filler under it is no text.
    assert_same(
        "brief",
        &json!(["ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK", ""]),
        &json!([brief["headline"], brief["body"]]),
    );
}

#[test]
fn bbc_text_with_outlet_option_and_invalid_utf8() {
    let a = &extract(&["--outlet", "BBC"], &fixture("bbc-politics-001.txt"))[0];
    assert_same("headline", &json!("Labour plans maternity pay rise"), &a["headline"]);
    assert!(a["body"].as_str().unwrap().starts_with("Maternity pay for new mothers"));
    let b = &extract(&["--outlet", "BBC"], &fixture("bbc-sport-199-latin1.txt"))[0];
    assert_same("headline", &json!("Chelsea sack Mutu"), &b["headline"]);
}

#[test]
fn yonhap_html_page_gzip_issue_3() {
    let a = &extract(&[], &fixture("yonhap-aen20190820002300325.html.gz"))[0];
    assert_same("outlet", &json!("Yonhap"), &a["outlet"]);
    assert_same(
        "headline",
        &json!("N. Korea slams S. Korea for joint military drill, warns of consequences"),
        &a["headline"],
    );
    assert_same("date", &json!("2019-08-20"), &a["date"]);
    assert_same("dateline", &json!("SEOUL"), &a["dateline"]);
    assert_same("url", &json!("https://en.yna.co.kr/view/AEN20190820002300325"), &a["url"]);
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("North Korea's official newspaper blasted South Korea"), "{body}");
    assert!(!body.contains("Most Viewed") && !body.contains("(Yonhap) --"), "{body}");
}

#[test]
fn allsides_zstd_records_are_detokenised_with_datelines_off() {
    let lines = extract(&[], &fixture("allsides-2-records.jsonl.zst"));
    assert_eq!(lines.len(), 2);
    assert_same("authors", &json!(["Eric Tucker", "Deb Riechmann"]), &lines[0]["authors"]);
    assert_same("dateline", &json!("WASHINGTON"), &lines[0]["dateline"]);
    assert!(lines[0]["body"].as_str().unwrap().starts_with("An FBI lawyer is suspected"));
    assert_same("outlet by host", &json!("Reuters"), &lines[1]["outlet"]);
    assert!(!lines[1]["body"].as_str().unwrap().contains(" ,"));
}

#[test]
fn kcna_gzip_records_in_korea_time() {
    let lines = extract(&[], &fixture("kcna-2-records.json.gz"));
    assert_eq!(lines.len(), 2);
    assert_same("published", &json!("2023-12-24T09:00:00+09:00"), &lines[0]["published"]);
    assert_same("dateline", &json!("Pyongyang"), &lines[0]["dateline"]);
    assert!(!lines[0]["body"].as_str().unwrap().contains("-0-"));
    // The archive lost the spaces around the leader's name the site prints in bold.
    let body = lines[1]["body"].as_str().unwrap();
    assert!(body.contains("held at Kim Il Sung Square on January 1"), "{body}");
    assert!(lines[1]["people"].as_array().unwrap().contains(&json!("Kim Il-sung")), "{}", lines[1]["people"]);
}

#[test]
fn format_option_reads_unnamed_files() {
    let s = Scratch::new();
    let file = s.write("story.dat", fixture_text("reuters-1987-newid2.txt").as_bytes());
    let out = newsdex().args(["extract", "--json"]).arg(&file).output().unwrap();
    assert!(json_lines(&out).is_empty(), "a .dat file is skipped without --format");
    let a = &extract(&["--format", "txt"], &file)[0];
    assert_same("outlet", &json!("Reuters"), &a["outlet"]);
    let bad = newsdex().args(["extract", "--format", "csv"]).arg(&file).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

#[test]
fn map_option_names_other_fields() {
    let s = Scratch::new();
    let file = s.write("r.jsonl", br#"{"hed": "Mapped headline", "copy": {"text": "Body text here."}, "when": "Aug. 20, 2019", "who": "By Jane Roe and John Doe, Reuters"}"#);
    let a = &extract(&["--map", "headline=hed,body=copy.text", "--map", "date=when,authors=who"], &file)[0];
    assert_same("headline", &json!("Mapped headline"), &a["headline"]);
    assert_same("body", &json!("Body text here."), &a["body"]);
    assert_same("date", &json!("2019-08-20"), &a["date"]);
    assert_same("authors", &json!(["Jane Roe", "John Doe"]), &a["authors"]);
    assert_same("agency tag", &json!(["Reuters"]), &a["tags"]);
}

#[test]
fn name_cards_kept_by_a_scrape_leave_the_record_body() {
    let s = Scratch::new();
    let file = s.write(
        "r.jsonl",
        "{\"title\": \"Harbor plan advances\", \"text\": \"Senator Maren Vale Maren Elise ValeCourt rules on harbor plan Vale tours the docks Budget talks stall MORE said on Monday that the harbor plan would pass the Senate.\", \"date\": \"2024-05-06\"}".as_bytes(),
    );
    let a = &extract(&[], &file)[0];
    assert_same(
        "body",
        &json!("Senator Maren Vale said on Monday that the harbor plan would pass the Senate."),
        &a["body"],
    );
    assert_same("people", &json!(["Maren Vale"]), &a["people"]);
}

#[test]
fn page_furniture_kept_by_a_crawler_leaves_the_record_body() {
    let s = Scratch::new();
    let body = [
        "By Maren Vale",
        "HARBOR CITY — The council approved the harbor plan on Monday.",
        "ADVERTISEMENT",
        "A crane at the harbor in May. (Photo: Ola Berg, Daily Example)",
        "Story Continued Below",
        "Read more:",
        "Why the Harbor Matters",
        "Work starts in June, the mayor said.",
        "Sign up for Daily Newsletters Manage Newsletters",
        "Copyright © 2024 Daily Example, LLC. Click here for reprint permission.",
    ]
    .join("\n");
    let record =
        json!({"title": "Harbor plan approved", "text": body, "author": "Maren Vale", "date": "2024-05-06"});
    let file = s.write("r.jsonl", record.to_string().as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same(
        "body",
        &json!("HARBOR CITY — The council approved the harbor plan on Monday.\n\nWork starts in June, the mayor said."),
        &a["body"],
    );
    assert_same(
        "captions",
        &json!(["A crane at the harbor in May. (Photo: Ola Berg, Daily Example)"]),
        &a["captions"],
    );
}

#[test]
fn an_article_printed_twice_keeps_one_copy() {
    let s = Scratch::new();
    let text: Vec<String> = (1..=6)
        .map(|i| format!("Paragraph {i} of the harbor story, which the page lays out twice for phones."))
        .collect();
    let twice = [text.clone(), vec!["The vote was close.".to_string()], text.clone()].concat().join("\n");
    let record = json!({"title": "Harbor plan approved", "text": twice, "date": "2024-05-06"});
    let file = s.write("r.jsonl", record.to_string().as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same("body", &json!(format!("{}\n\nThe vote was close.", text.join("\n\n"))), &a["body"]);
}

#[test]
fn assume_tz_and_outlets_file() {
    let s = Scratch::new();
    let file = s.write(
        "r.json",
        br#"{"title": "T", "text": "Body.", "date": "2020-07-08 18:19", "url": "https://news.example.org/a"}"#,
    );
    let outlets = s.write("outlets.txt", b"# host = name\nexample.org = Example News\n");
    let a = &extract(&["--assume-tz", "America/New_York", "--outlets", outlets.to_str().unwrap()], &file)[0];
    assert_same("published", &json!("2020-07-08T18:19:00-04:00"), &a["published"]);
    assert_same("outlet", &json!("Example News"), &a["outlet"]);
    let bad = newsdex().args(["extract", "--assume-tz", "Mars/Olympus"]).arg(&file).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn impossible_dates_are_dropped_with_a_warning() {
    let s = Scratch::new();
    let file = s.write("r.jsonl", br#"{"title": "T", "text": "Body.", "date": "2950-01-01"}"#);
    let out = newsdex().args(["extract", "--json"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out)[0]["date"], Value::Null);
    assert!(stderr(&out).contains("warning: line 1: date 2950-01-01 is outside"), "{}", stderr(&out));
}

#[test]
fn generic_cleaner_keeps_the_article_and_drops_the_page_around_it() {
    let s = Scratch::new();
    let prose = "The city council voted on Tuesday to expand the bus network, adding three routes that will \
                 connect the northern districts with the central station by the end of the year.";
    let page = format!(
        "Skip to content\n\n  • Home\n  • News\n  • Sport\n\nLogin\nSubscribe\n\n\
         Council expands bus network to the north\n\nBy Jane Roe\nMarch 3, 2024\n\n{prose}\n\n\
         {prose} The mayor said the plan was overdue.\n\nShare this article\n\nRelated\n\n  • Other story one\n  • Other story two\n\n\
         © 2024 Example Media. All rights reserved.\n"
    );
    let file = s.write("page.txt", page.as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same("headline", &json!("Council expands bus network to the north"), &a["headline"]);
    assert_same("authors", &json!(["Jane Roe"]), &a["authors"]);
    assert_same("date", &json!("2024-03-03"), &a["date"]);
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("The city council voted") && body.ends_with("overdue."), "{body}");
    for gone in ["Login", "Share this", "Other story", "All rights"] {
        assert!(!body.contains(gone), "body keeps {gone:?}: {body}");
    }
}

#[test]
fn a_colon_ending_the_headline_line_is_not_part_of_the_headline() {
    let s = Scratch::new();
    let page = "Home » Harbour fair returns to the old quay this summer!\n\n\
                Harbour fair returns to the old quay this summer!:\n\nBy Jane Roe\n\n\
                The harbour fair returns to the old quay this summer after three years away, the town council \
                said on Monday, with stalls, music and boat trips for families from across the region.\n\n\
                Organisers expect twenty thousand visitors over the two days of the fair, and the council will \
                run extra buses from the station to the quay on both days of the event.\n";
    let file = s.write("colon.txt", page.as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same("headline", &json!("Harbour fair returns to the old quay this summer!"), &a["headline"]);
}

#[test]
fn lynx_link_numbers_and_reference_list_are_not_text() {
    let s = Scratch::new();
    let prose = "The harbour authority said on Monday that the new ferry terminal would open in May, \
                 two years later than planned, after the [7]contractor found old piles under the quay.";
    let page = format!(
        "   #[1]Feed\n\n   [2]Home [3]News [4]Sport\n\n\
         Ferry terminal opening delayed to May\n\n   By [5]Jane Roe\n   March 3, 2024\n\n   {prose}\n\n\
            {prose} The mayor called the delay [6]regrettable.\n\n\
         References\n\n   Visible links:\n   2. https://example.org/\n   3. https://example.org/news\n\
         4. https://example.org/sport\n   5. https://example.org/staff/jane-roe\n   6. https://example.org/mayor\n\
         7. https://example.org/contractor?name=Quay Works\n\n   Hidden links:\n   1. https://example.org/feed.xml\n"
    );
    let file = s.write("lynx.txt", page.as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same("headline", &json!("Ferry terminal opening delayed to May"), &a["headline"]);
    assert_same("authors", &json!(["Jane Roe"]), &a["authors"]);
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("The harbour authority said") && body.ends_with("regrettable."), "{body}");
    for gone in ["[", "https://", "References", "Visible links"] {
        assert!(!body.contains(gone), "body keeps {gone:?}: {body}");
    }
}

#[test]
fn markdown_page_is_read_as_a_page_dump_with_its_heading_as_headline() {
    let s = Scratch::new();
    let prose = "The harbour authority said on Monday that the new ferry terminal would open in May, \
                 two years later than planned, after the contractor found old piles under the quay.";
    let page = format!(
        "[![Harbour Post logo](https://example.org/logo.png)](/)\n\n* [Home](/)\n* [News](/news)\n\n\
         ## Latest\n\n# Ferry terminal opening *delayed* to May\n\nBy [Jane Roe](/staff/jane-roe)\n\nMarch 3, 2024\n\n\
         {prose}\n\n{prose} The mayor called the delay **regrettable**.\n\n## Related\n\n* [Other story one](/one)\n"
    );
    let file = s.write("page.md", page.as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same("headline", &json!("Ferry terminal opening delayed to May"), &a["headline"]);
    assert_same("authors", &json!(["Jane Roe"]), &a["authors"]);
    assert_same("date", &json!("2024-03-03"), &a["date"]);
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("The harbour authority said") && body.ends_with("regrettable."), "{body}");
    for gone in ["](", "**", "https://", "Other story"] {
        assert!(!body.contains(gone), "body keeps {gone:?}: {body}");
    }
}

#[test]
fn a_french_page_keeps_its_article_and_a_capitals_byline_reads_as_a_name() {
    let s = Scratch::new();
    let prose = "Le conseil municipal a voté mardi soir un budget qui prévoit de rénover les écoles du \
                 quartier avant la fin de l'année, et les parents se disent soulagés par cette décision.";
    let page = format!(
        "Accueil\n\nPolitique\n\nSport\n\nUn budget pour rénover les écoles du quartier\n\n\
         Par MARIE DUPONT\n02-12-2025\n\n{prose}\n\n{prose} Le maire a salué un vote attendu.\n\n\
         Le 2 décembre 2025, le conseil a aussi adopté son calendrier. Mis à jour December 02, 2025.\n"
    );
    let file = s.write("page.txt", page.as_bytes());
    let a = &extract(&[], &file)[0];
    let body = a["body"].as_str().unwrap();
    assert!(body.starts_with("Le conseil municipal a voté"), "{body}");
    assert!(!body.contains("Accueil"), "{body}");
    // The page writes the same day out with its month's name: 02-12 is 2 December.
    assert_same("date", &json!("2025-12-02"), &a["date"]);

    let page = format!(
        "Home\n\nCouncil expands bus network to the north\n\nBy MARIA GONZALEZ and TOM O'BRIEN\nMarch 3, 2024\n\n\
         The city council voted on Tuesday to expand the bus network, adding three routes that will connect the \
         northern districts with the central station by the end of the year.\n\n{}\n",
        "The mayor said the plan was overdue, and residents who had asked for it for years welcomed the vote."
    );
    let file = s.write("caps.txt", page.as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same("authors", &json!(["Maria Gonzalez", "Tom O'Brien"]), &a["authors"]);
}

#[test]
fn a_page_without_prose_keeps_its_long_lines() {
    let s = Scratch::new();
    let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt";
    let file =
        s.write("lorem.txt", format!("Menu\n\n{filler}\n\n  • Home\n\n{filler} ut labore.\n").as_bytes());
    let a = &extract(&[], &file)[0];
    assert_same("body", &json!(format!("{filler}\n\n{filler} ut labore.")), &a["body"]);
}

#[test]
fn mojibake_from_pages_without_a_charset_is_undone() {
    let s = Scratch::new();
    let prose = |mark: &str| {
        format!(
            "The harbour authority said on Monday that the new pier won{mark}t open before spring, because the \
             builders found the old piles weaker than the survey had shown."
        )
    };
    // lynx, links and Chromium keep the two C1 controls of `’`; w3m prints them as spaces.
    for (name, mark) in [("lynx.txt", "\u{e2}\u{80}\u{99}"), ("w3m.txt", "\u{e2}  ")] {
        let page = format!(
            "Home\n\nThe harbour{mark}s new pier waits for spring\n\nMarch 3, 2024\n\n{}\n\n{} The mayor agreed.\n",
            prose(mark),
            prose(mark)
        );
        let a = &extract(&[], &s.write(name, page.as_bytes()))[0];
        assert_same("headline", &json!("The harbour’s new pier waits for spring"), &a["headline"]);
        let body = a["body"].as_str().unwrap();
        assert!(
            body.starts_with("The harbour authority said on Monday that the new pier won’t open"),
            "{body}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_named_on_the_command_line_is_read_and_one_inside_a_folder_is_not() {
    let s = Scratch::new();
    let real = fixture("reuters-1987-newid2.txt");
    // A folder holding only a symlink to a real page dump.
    let named = s.write("in/named.txt", b"");
    std::fs::remove_file(&named).unwrap();
    std::os::unix::fs::symlink(&real, &named).unwrap();
    let articles = extract(&[], &named);
    assert_eq!(articles.len(), 1);
    assert_same("outlet", &json!("Reuters"), &articles[0]["outlet"]);
    let folder = named.parent().unwrap();
    let out = newsdex().arg("extract").arg("--json").arg(folder).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a symlink passed by is no error");
    assert!(json_lines(&out).is_empty(), "a symlink inside a walked folder is not followed");
    let note = format!("newsdex: {}: 1 symlink not followed (name a file to read it)", folder.display());
    assert_eq!(stderr(&out).trim(), note);
}
