//! The archivist's aliases file (`--people-aliases FILE`): merges or renames people after
//! extraction.
//!
//! Format: UTF-8 text, one person per line, the canonical name first and then its
//! variants, separated by `|`:
//!
//! ```text
//! # canonical name | variant | variant ...
//! Kim Jong-un | Kim Jong Un | Kim Jung-eun
//! Joe Biden | Joseph Biden | Joseph R. Biden
//! ```
//!
//! Spaces around names are ignored, blank lines and lines starting with `#` are skipped.
//! Variants match whole names, ignoring case and repeated spaces. A line with only a
//! canonical name is allowed (it changes nothing). A variant given for two different
//! canonical names is an error.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Variant -> canonical name, keyed by the variant's matching form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    canonical: HashMap<String, String>,
}

impl Aliases {
    /// Reads an aliases file.
    pub fn load(path: &Path) -> Result<Aliases> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read aliases file {}", path.display()))?;
        Aliases::parse(&text).with_context(|| format!("bad aliases file {}", path.display()))
    }

    /// Parses the aliases format.
    pub fn parse(text: &str) -> Result<Aliases> {
        let mut canonical: HashMap<String, String> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let names: Vec<String> = line.split('|').map(squash).collect();
            if names.iter().any(String::is_empty) {
                bail!("line {}: empty name", n + 1);
            }
            for variant in &names[1..] {
                match canonical.insert(key(variant), names[0].clone()) {
                    Some(other) if other != names[0] => {
                        bail!("line {}: {variant:?} is already a variant of {other:?}", n + 1)
                    }
                    _ => {}
                }
            }
        }
        Ok(Aliases { canonical })
    }

    /// The people with variants renamed, each listed once, in their order.
    pub fn apply(&self, people: Vec<String>) -> Vec<String> {
        if self.canonical.is_empty() {
            return people;
        }
        let mut out: Vec<String> = Vec::with_capacity(people.len());
        for person in people {
            let name = self.canonical.get(&key(&person)).cloned().unwrap_or(person);
            if !out.iter().any(|o| key(o) == key(&name)) {
                out.push(name);
            }
        }
        out
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn key(name: &str) -> String {
    squash(name).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn variants_become_the_canonical_name_once() {
        let a = Aliases::parse(
            "# people\n\nKim Jong-un | Kim Jong Un |  kim  jung-eun \nJoe Biden|Joseph Biden\n",
        )
        .unwrap();
        let got =
            a.apply(people(&["Kim Jong Un", "Joseph Biden", "KIM JUNG-EUN", "Kim Jong-un", "Moon Jae-in"]));
        assert_eq!(got, people(&["Kim Jong-un", "Joe Biden", "Moon Jae-in"]));
    }

    #[test]
    fn bad_lines_are_errors_with_their_number() {
        let err = Aliases::parse("A | B\nC | b\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 2"), "{err:#}");
        assert!(Aliases::parse("A | | B").is_err());
    }

    #[test]
    fn empty_aliases_change_nothing() {
        assert_eq!(Aliases::default().apply(people(&["A", "a"])), people(&["A", "a"]));
    }
}
