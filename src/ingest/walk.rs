//! Finding the files to read: paths given, directories walked recursively in name order,
//! symlinks inside them not followed (a path given is, whatever it is), hidden files and
//! folders skipped.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

/// A path that could not be walked, with the reason.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub reason: String,
}

/// Every regular file under the given paths, in a stable order, and the walk errors.
pub fn files(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        // A file named on the command line is read even through a symlink.
        if root.is_file() {
            found.push(root.clone());
            continue;
        }
        let walker = WalkDir::new(root).follow_links(false).sort_by_file_name();
        for entry in walker.into_iter().filter_entry(|e| e.depth() == 0 || !is_hidden(e)) {
            match entry {
                Ok(e) if e.file_type().is_file() => found.push(e.into_path()),
                Ok(_) => {}
                Err(err) => errors.push(walk_error(root, err)),
            }
        }
    }
    (found, errors)
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}

fn walk_error(root: &Path, err: walkdir::Error) -> WalkError {
    let path = err.path().unwrap_or(root).to_path_buf();
    let reason = match (err.loop_ancestor(), err.io_error()) {
        (Some(ancestor), _) => format!("symlink loop back to {}", ancestor.display()),
        (None, Some(io)) => io.to_string(),
        (None, None) => err.to_string(),
    };
    WalkError { path, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_symlink_given_is_followed_and_one_inside_a_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("in")).unwrap();
        std::fs::write(dir.path().join("real.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.txt"), dir.path().join("link.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.txt"), dir.path().join("in/inner.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("in"), dir.path().join("folder")).unwrap();
        let roots = ["link.txt", "in", "folder"].map(|r| dir.path().join(r));
        let (found, errors) = files(&roots);
        assert_eq!(found, vec![dir.path().join("link.txt")]);
        assert!(errors.is_empty());
    }

    #[test]
    fn walks_in_order_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b/.git")).unwrap();
        for f in ["b/2.txt", "a.txt", ".hidden.txt", "b/.git/x.txt"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let (found, errors) = files(&[dir.path().to_path_buf()]);
        let names: Vec<_> = found.iter().map(|p| p.strip_prefix(dir.path()).unwrap().to_owned()).collect();
        assert_eq!(names, vec![PathBuf::from("a.txt"), PathBuf::from("b/2.txt")]);
        assert!(errors.is_empty());
    }

    #[test]
    fn missing_path_is_an_error() {
        let (found, errors) = files(&[PathBuf::from("/no/such/newsdex/path")]);
        assert!(found.is_empty());
        assert_eq!(errors.len(), 1);
    }
}
