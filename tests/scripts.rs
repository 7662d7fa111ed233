//! The evaluation scripts' own unit tests (their metrics, on small hand-made cases), run
//! with the rest of the suite so that the figures they report stay trustworthy.

use std::path::Path;
use std::process::Command;

fn self_test(script: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts").join(script);
    let out = Command::new("python3").arg(&path).arg("--self-test").output().expect("python3 runs");
    assert!(
        out.status.success(),
        "{script} --self-test failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn eval_cleaning_metric() {
    self_test("eval-cleaning");
}

#[test]
fn eval_people_metric() {
    self_test("eval-people");
}

#[test]
fn readability_set_article_text() {
    self_test("make-readability-set");
}
