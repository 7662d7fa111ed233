//! A corpus of nasty files, each with its expected outcome: a correct article or one clear
//! error line naming the file (and line) and the reason. The run goes on and the summary
//! counts them (issue 7).

mod common;

use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use common::{json_lines, stderr, Scratch};
use serde_json::Value;

/// What a nasty file should give.
enum Expect {
    /// One article with these (field, value) pairs.
    Article(&'static [(&'static str, &'static str)]),
    /// An error line on stderr containing this reason.
    Error(&'static str),
    /// Some articles, and error lines for bad parts containing this reason.
    Partial(usize, &'static str),
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// Writes the nasty corpus into `dir`; each file with what it should give.
fn nasty_corpus(dir: &Path) -> Vec<(PathBuf, Expect)> {
    let story = "Talks resume in Seoul\n\nNegotiators from both sides met in Seoul on Monday to resume talks that stalled last year.\n";
    let mut files: Vec<(PathBuf, Vec<u8>, Expect)> = Vec::new();
    let mut add = |name: &[u8], bytes: Vec<u8>, expect: Expect| {
        files.push((dir.join(std::ffi::OsStr::from_bytes(name)), bytes, expect));
    };
    add(b"empty.txt", Vec::new(), Expect::Error("no article text found"));
    add(
        b"image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec(),
        Expect::Error("binary file, not text"),
    );
    let mut truncated = gzip(story.as_bytes());
    truncated.truncate(truncated.len() / 2);
    add(b"truncated.txt.gz", truncated, Expect::Error("bad gzip data"));
    let korean = "북한, 대화 재개 거부\n\n북한은 월요일 미국과의 대화를 재개할 의사가 없다고 밝혔다. 서울에서 회담이 열렸다.\n";
    add(
        b"korean-euc-kr.txt",
        encoding_rs::EUC_KR.encode(korean).0.into_owned(),
        Expect::Article(&[("encoding", "EUC-KR"), ("headline", "북한, 대화 재개 거부")]),
    );
    let latin = "Caf\u{e9} owners object\n\nOwners of the caf\u{e9} said the new rules would cost them \u{a3}1,400 a year in fees.\n";
    add(
        b"latin1.txt",
        encoding_rs::WINDOWS_1252.encode(latin).0.into_owned(),
        Expect::Article(&[("encoding", "windows-1252"), ("headline", "Caf\u{e9} owners object")]),
    );
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(story.encode_utf16().flat_map(|u| u.to_le_bytes()));
    add(
        b"utf16.txt",
        utf16,
        Expect::Article(&[("encoding", "UTF-16LE"), ("headline", "Talks resume in Seoul")]),
    );
    let mut broken = "Stray byte \u{2014} in the middle\n\nThe fee rose to ".as_bytes().to_vec();
    broken.push(0xa3);
    broken.extend_from_slice(
        "5 on Monday, officials in Seoul said \u{2018}today\u{2019} after the meeting.\n".as_bytes(),
    );
    add(b"invalid-utf8.txt", broken, Expect::Article(&[("encoding", "UTF-8 (repaired)")]));
    add(
        b"huge-single-line.txt",
        "word ".repeat(4 << 20).into_bytes(),
        Expect::Error("too large for one article"),
    );
    let records = "{\"title\":\"One\",\"text\":\"Body one is here.\"}\n{\"title\": broken\n[1,2]\n{\"title\":\"Two\",\"text\":\"Body two.\"}\n";
    add(b"records.jsonl", records.as_bytes().to_vec(), Expect::Partial(2, "line 2: invalid JSON"));
    let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    add(b"nested.json", nested.into_bytes(), Expect::Error("invalid JSON"));
    add(
        b"no-body.html",
        b"<html><head><title>Only a title</title></head></html>".to_vec(),
        Expect::Article(&[("headline", "Only a title")]),
    );
    let dates = "{\"title\":\"Old\",\"text\":\"Dated year one.\",\"date\":\"0001-01-01\"}\n{\"title\":\"Future\",\"text\":\"Dated 2050.\",\"date\":\"2050-06-01\"}\n";
    add(b"bad-dates.jsonl", dates.as_bytes().to_vec(), Expect::Partial(2, "warning"));
    add(
        b"name with spaces.txt",
        story.as_bytes().to_vec(),
        Expect::Article(&[("headline", "Talks resume in Seoul")]),
    );
    add(
        b"non-utf8-\xff\xfe-name.txt",
        story.as_bytes().to_vec(),
        Expect::Article(&[("headline", "Talks resume in Seoul")]),
    );
    files
        .into_iter()
        .map(|(path, bytes, expect)| {
            std::fs::write(&path, bytes).unwrap();
            (path, expect)
        })
        .collect()
}

#[test]
fn every_nasty_file_gives_an_article_or_one_clear_error_issue_7() {
    let s = Scratch::new();
    let dir = s.dir.path().join("nasty");
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = nasty_corpus(&dir);
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();

    let out = common::newsdex().args(["extract", "--json"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "some files fail");
    let err = stderr(&out);
    let articles = json_lines(&out);
    for (path, expect) in &corpus {
        let shown = path.display().to_string();
        let mine: Vec<&Value> =
            articles.iter().filter(|a| a["path"].as_str().unwrap().starts_with(&shown)).collect();
        let my_errors: Vec<&str> =
            err.lines().filter(|l| l.starts_with(&format!("newsdex: {shown}: "))).collect();
        match expect {
            Expect::Article(fields) => {
                assert_eq!(mine.len(), 1, "{shown}: {err}");
                for (field, value) in *fields {
                    assert_eq!(mine[0][field], *value, "{shown}: {field}");
                }
                assert!(my_errors.is_empty(), "{shown}: {my_errors:?}");
            }
            Expect::Error(reason) => {
                assert!(mine.is_empty(), "{shown}");
                assert_eq!(my_errors.len(), 1, "{shown}: {err}");
                assert!(my_errors[0].contains(reason), "{shown}: {}", my_errors[0]);
            }
            Expect::Partial(n, reason) => {
                assert_eq!(mine.len(), *n, "{shown}");
                assert!(my_errors.iter().any(|e| e.contains(reason)), "{shown}: {err}");
            }
        }
    }
    let bad_dates: Vec<&Value> =
        articles.iter().filter(|a| a["path"].as_str().unwrap().contains("bad-dates")).collect();
    assert!(bad_dates.iter().all(|a| a["date"].is_null()), "impossible dates are dropped, never invented");

    // The same corpus through ingest: the run goes on, the summary counts, exit 2.
    let out = s.newsdex(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let summary = stderr(&out);
    let summary = summary.lines().last().unwrap();
    // 7 files of one article each, 2 JSON Lines files of 2 articles each; 5 files fail
    // whole and 2 lines of records.jsonl fail.
    assert!(summary.starts_with("ingested 11 articles from 9 files"), "{summary}");
    assert!(summary.contains("7 errors"), "{summary}");
}

#[test]
fn an_unreadable_directory_is_an_error_and_the_rest_is_read() {
    let s = Scratch::new();
    let dir = s.dir.path().join("tree");
    std::fs::create_dir_all(dir.join("locked")).unwrap();
    std::fs::copy(common::sample("seeds/000_efa264c91423b46c.txt"), dir.join("a.txt")).unwrap();
    let locked = dir.join("locked");
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read_dir(&locked).is_ok(); // root reads everything
    let out = common::newsdex().args(["extract", "--json"]).arg(&dir).output().unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    assert_eq!(json_lines(&out).len(), 1);
    if !readable_anyway {
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains(&format!("newsdex: {}: ", locked.display())), "{}", stderr(&out));
    }
}
