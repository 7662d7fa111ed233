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

/// What a walk found: the files to read, the paths it could not walk, and the symlinks it
/// passed by.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    pub errors: Vec<WalkError>,
    /// Each walked folder with how many symlinks under it were not followed.
    pub unfollowed: Vec<(PathBuf, usize)>,
}

impl Walked {
    /// A line for each folder holding symlinks that were not followed, for stderr: no error,
    /// but a folder of links would otherwise give nothing without a word.
    pub fn notes(&self) -> impl Iterator<Item = String> + '_ {
        self.unfollowed.iter().map(|(root, n)| {
            let links = if *n == 1 { "symlink" } else { "symlinks" };
            format!("newsdex: {}: {n} {links} not followed (name a file to read it)", root.display())
        })
    }
}

/// Every regular file under the given paths, in a stable order, the walk errors and the
/// symlinks passed by.
pub fn files(roots: &[PathBuf]) -> Walked {
    let mut walked = Walked::default();
    for root in roots {
        // A file named on the command line is read even through a symlink.
        if root.is_file() {
            walked.files.push(root.clone());
            continue;
        }
        let mut links = 0;
        let walker = WalkDir::new(root).follow_links(false).sort_by_file_name();
        for entry in walker.into_iter().filter_entry(|e| e.depth() == 0 || !is_hidden(e)) {
            match entry {
                Ok(e) if e.file_type().is_file() => walked.files.push(e.into_path()),
                Ok(e) => links += usize::from(e.path_is_symlink() && e.depth() > 0),
                Err(err) => walked.errors.push(walk_error(root, err)),
            }
        }
        if links > 0 {
            walked.unfollowed.push((root.clone(), links));
        }
    }
    walked
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
        let walked = files(&roots);
        assert_eq!(walked.files, vec![dir.path().join("link.txt")]);
        assert!(walked.errors.is_empty());
        assert_eq!(walked.unfollowed, vec![(roots[1].clone(), 1), (roots[2].clone(), 1)]);
        assert!(walked
            .notes()
            .next()
            .unwrap()
            .ends_with("in: 1 symlink not followed (name a file to read it)"));
    }

    #[test]
    fn walks_in_order_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b/.git")).unwrap();
        for f in ["b/2.txt", "a.txt", ".hidden.txt", "b/.git/x.txt"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let Walked { files: found, errors, unfollowed } = files(&[dir.path().to_path_buf()]);
        assert!(unfollowed.is_empty());
        let names: Vec<_> = found.iter().map(|p| p.strip_prefix(dir.path()).unwrap().to_owned()).collect();
        assert_eq!(names, vec![PathBuf::from("a.txt"), PathBuf::from("b/2.txt")]);
        assert!(errors.is_empty());
    }

    #[test]
    fn missing_path_is_an_error() {
        let walked = files(&[PathBuf::from("/no/such/newsdex/path")]);
        assert!(walked.files.is_empty());
        assert_eq!(walked.errors.len(), 1);
    }
}
