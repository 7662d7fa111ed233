//! Storage that refuses writes: a full disk and a read-only index directory give a clear
//! error naming the index, and the index stays openable with everything committed before.
//!
//! Root ignores permission bits, so as root the disk is a small tmpfs mounted in a private
//! mount namespace (`unshare -m`), filled up and then remounted read-only; the steps run
//! in one shell there and leave their outputs in the scratch directory. Without root the
//! read-only case uses permission bits instead, and the full disk cannot be made.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use common::{sample, stderr, stdout, Scratch};

/// What one step of the namespaced script printed, and its exit code.
struct Step {
    code: i32,
    out: String,
    err: String,
}

fn step(dir: &Path, name: &str) -> Step {
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap_or_default();
    Step { code: read("rc").trim().parse().expect("step ran"), out: read("out"), err: read("err") }
}

/// The steps: seeds in, disk filled, the whole sample refused, disk freed, the whole
/// sample in, the mount made read-only, the sample refused, a search.
const SCRIPT: &str = r#"
set -u
mount -t tmpfs -o size=8m tmpfs "$MNT" || exit 97
run() { name=$1; shift; "$NEWSDEX" --index "$MNT/index" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"; echo $? > "$OUT/$name.rc"; }
run seeds ingest "$SEEDS"
head -c $(( $(df --output=avail -B1 "$MNT" | tail -1) - 16384 )) /dev/zero > "$MNT/filler" 2> /dev/null
run full ingest "$SAMPLE"
run after_full search "" --count
rm "$MNT/filler"
run freed ingest "$SAMPLE"
mount -o remount,ro "$MNT" || exit 98
run read_only ingest "$SAMPLE"
run read_only_search search "" --count
"#;

fn can_mount() -> bool {
    StdCommand::new("unshare")
        .args(["-m", "true"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The number of articles in a plain ingest of `paths`, for comparison.
fn reference_count(paths: &[&Path]) -> String {
    let scratch = Scratch::new();
    scratch.ingest(paths);
    stdout(&scratch.newsdex(&["search", "", "--count"])).trim().to_string()
}

#[test]
fn full_disk_and_read_only_mount_leave_the_index_intact() {
    if !can_mount() {
        eprintln!("note: no mount namespace here (not root?): read-only by permissions, no full disk");
        return without_write_permission();
    }
    let scratch = Scratch::new();
    let (mnt, out) = (scratch.dir.path().join("mnt"), scratch.dir.path().join("out"));
    std::fs::create_dir_all(&mnt).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let status = StdCommand::new("unshare")
        .args(["-m", "sh", "-c", SCRIPT])
        .env("NEWSDEX", assert_cmd::cargo::cargo_bin("newsdex"))
        .env("MNT", &mnt)
        .env("OUT", &out)
        .env("SEEDS", sample("seeds"))
        .env("SAMPLE", sample(""))
        .env_remove("NEWSDEX_INDEX")
        .status()
        .unwrap();
    assert!(status.success(), "namespaced script failed: {status}");
    let index = mnt.join("index").display().to_string();

    assert_eq!(step(&out, "seeds").code, 0, "{}", step(&out, "seeds").err);
    let full = step(&out, "full");
    assert_eq!(full.code, 2, "a full disk must fail the ingest: {}", full.err);
    assert!(full.err.contains(&format!("index {index}")), "error names the index: {}", full.err);
    assert!(full.err.contains("No space left on device"), "error says why: {}", full.err);
    let after = step(&out, "after_full");
    assert_eq!(after.code, 0, "{}", after.err);
    assert_eq!(after.out.trim(), reference_count(&[&sample("seeds")]), "the committed seeds survive");

    let freed = step(&out, "freed");
    assert_eq!(freed.code, 0, "ingest after freeing space: {}", freed.err);
    let read_only = step(&out, "read_only");
    assert_eq!(read_only.code, 2);
    assert!(
        read_only.err.contains(&format!("cannot write to index {index}"))
            && read_only.err.contains("Read-only"),
        "{}",
        read_only.err
    );
    let search = step(&out, "read_only_search");
    assert_eq!(search.code, 0, "a read-only index can be searched: {}", search.err);
    assert_eq!(search.out.trim(), reference_count(&[&sample("")]), "everything is there");
}

/// Without a mount namespace (not root), write permission is taken away from the index
/// directory instead; a full disk cannot be made.
fn without_write_permission() {
    let scratch = Scratch::new();
    scratch.ingest(&[&sample("seeds")]);
    let index: PathBuf = scratch.index();
    let set_mode = |mode| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&index, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    set_mode(0o555);
    let refused = scratch.newsdex(&["ingest", &sample("kcna").display().to_string()]);
    let search = scratch.newsdex(&["search", "", "--count"]);
    set_mode(0o755);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("cannot write to index"), "{}", stderr(&refused));
    assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    assert_eq!(stdout(&search).trim(), reference_count(&[&sample("seeds")]));
}

/// An index written in another format (older builds recorded none) is refused by every
/// command with an error naming it, and is left as it was.
#[test]
fn an_index_of_another_format_is_refused_and_left_alone() {
    let s = Scratch::new();
    s.ingest(&[&sample("seeds")]);
    let meta_path = s.index().join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    assert_eq!(meta["payload"], "newsdex-index-format 2", "every commit records the format");
    meta["payload"] = serde_json::Value::Null;
    let older = serde_json::to_string(&meta).unwrap();
    std::fs::write(&meta_path, &older).unwrap();
    for args in [&["search", "Kim"][..], &["ingest", &sample("seeds").display().to_string()][..]] {
        let out = s.newsdex(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&s.index().display().to_string()) && err.contains("another version"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&meta_path).unwrap(), older, "the index is not touched");
}
