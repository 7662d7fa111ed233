//! The record of files whose articles are all committed, kept beside the index as an
//! append-only log (`newsdex-files.log`), so that re-ingesting an unchanged file skips it.
//!
//! A file is appended only after the commit that made all its articles durable, so the log
//! never claims more than the index holds; a crash between the two merely means the file is
//! read again next time, and its articles replace themselves.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Name of the log inside the index directory.
pub const FILE_NAME: &str = "newsdex-files.log";

/// Content hashes of fully ingested files, by file key (absolute path).
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    /// The log file; `None` keeps the record in memory only.
    path: Option<PathBuf>,
    done: HashMap<String, u64>,
}

impl Manifest {
    /// Loads the log of an index directory (empty when there is none yet).
    pub fn load(index_dir: &Path) -> Result<Manifest> {
        let path = index_dir.join(FILE_NAME);
        let mut done = HashMap::new();
        match File::open(&path) {
            Ok(f) => {
                for line in BufReader::new(f).lines() {
                    apply(&mut done, &line.with_context(|| format!("cannot read {}", path.display()))?);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
        Ok(Manifest { path: Some(path), done })
    }

    /// A record of nothing, kept nowhere: every file is read (for a cluster, which other
    /// machines may fill or empty).
    pub fn none() -> Manifest {
        Manifest::default()
    }

    /// Whether the file was fully ingested with exactly this content.
    pub fn unchanged(&self, key: &str, hash: u64) -> bool {
        self.done.get(key) == Some(&hash)
    }

    /// Every file key recorded as ingested.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.done.keys().map(String::as_str)
    }

    /// Records files as fully ingested (call only after the commit that holds their articles).
    pub fn record_done(&mut self, files: &[(String, u64)]) -> Result<()> {
        let lines: String =
            files.iter().map(|(key, hash)| format!("done\t{hash:016x}\t{}\n", escape(key))).collect();
        self.append(&lines)?;
        self.done.extend(files.iter().cloned());
        Ok(())
    }

    /// Records files as removed from the index.
    pub fn record_gone(&mut self, keys: &[String]) -> Result<()> {
        let lines: String = keys.iter().map(|key| format!("gone\t{}\n", escape(key))).collect();
        self.append(&lines)?;
        keys.iter().for_each(|k| {
            self.done.remove(k);
        });
        Ok(())
    }

    fn append(&self, lines: &str) -> Result<()> {
        let Some(path) = self.path.as_deref().filter(|_| !lines.is_empty()) else { return Ok(()) };
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        f.write_all(lines.as_bytes())
            .and_then(|_| f.sync_data())
            .with_context(|| format!("cannot write {}", path.display()))
    }
}

/// Applies one log line; lines that do not parse (a torn last write) are ignored.
fn apply(done: &mut HashMap<String, u64>, line: &str) {
    let mut parts = line.splitn(3, '\t');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("done"), Some(hash), Some(key)) => {
            if let Ok(h) = u64::from_str_radix(hash, 16) {
                done.insert(unescape(key), h);
            }
        }
        (Some("gone"), Some(key), None) => {
            done.remove(&unescape(key));
        }
        _ => {}
    }
}

fn escape(key: &str) -> String {
    key.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n")
}

fn unescape(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut chars = key.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_survive_reloading_and_gone_removes() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Manifest::load(dir.path()).unwrap();
        let odd = "/a/we\tird\\name\n.txt".to_string();
        m.record_done(&[("/a/one.txt".into(), 1), (odd.clone(), 2)]).unwrap();
        m.record_done(&[("/a/one.txt".into(), 3)]).unwrap();
        m.record_gone(&["/a/gone.txt".into()]).unwrap();
        let m = Manifest::load(dir.path()).unwrap();
        assert!(m.unchanged("/a/one.txt", 3));
        assert!(!m.unchanged("/a/one.txt", 1));
        assert!(m.unchanged(&odd, 2));
        let mut m = m;
        m.record_gone(std::slice::from_ref(&odd)).unwrap();
        assert!(!Manifest::load(dir.path()).unwrap().unchanged(&odd, 2));
    }

    #[test]
    fn a_torn_last_line_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "done\t0000000000000001\t/x\ndone\t00").unwrap();
        let m = Manifest::load(dir.path()).unwrap();
        assert!(m.unchanged("/x", 1));
        assert_eq!(m.keys().count(), 1);
    }
}
