//! Outlet profiles: detecting which outlet a page dump comes from and reading it.
//!
//! Each outlet lives in its own small file implementing [`Outlet`]; `generic` is the
//! fallback for unknown outlets. Adding an outlet is adding a file and one line in [`ALL`].

mod ap;
mod bbc;
mod blocks;
pub mod byline;
pub mod content;
mod dump;
pub mod furniture;
mod generic;
pub mod headline;
pub mod hosts;
pub mod hover;
mod kbs;
mod kcna;
mod language;
mod link_list;
mod meta;
pub mod plain;
pub mod repeats;
mod reuters;
mod tbs;
mod trees;
pub mod weights;
pub mod words;
mod yonhap;

pub use dump::{split_names, Page};
pub use generic::{body_blocks, headline_candidates, BodyBlock};
pub use meta::{printed_meta, PrintedMeta};

use crate::article::Draft;
use crate::dates::Zone;

/// One outlet's profile: how to recognise its page dumps and turn them into a draft.
pub trait Outlet: Sync {
    /// Canonical outlet name, as the facet shows it.
    fn name(&self) -> &'static str;

    /// The outlet's time zone, used for times written without an offset.
    fn zone(&self) -> Option<Zone> {
        None
    }

    /// Whether this page dump carries the outlet's signature.
    fn detect(&self, page: &Page) -> bool;

    /// Reads headline, metadata and body from a page dump.
    fn parse_dump(&self, page: &Page) -> Draft;

    /// Cleans the body of a structured record (JSON) from this outlet: records often
    /// keep the wire dateline and end marks in the text.
    fn clean_record(&self, draft: &mut Draft) {
        dump::take_any_dateline(draft);
    }
}

/// Every known profile, most specific first; detection takes the first that matches.
static ALL: &[&dyn Outlet] =
    &[&yonhap::Yonhap, &tbs::Tbs, &kcna::Kcna, &kbs::Kbs, &reuters::Reuters, &ap::Ap, &bbc::Bbc];

/// The fallback for pages no profile recognises.
pub static GENERIC: &dyn Outlet = &generic::Generic;

/// The profile whose signature the page carries, or the generic one.
pub fn detect(page: &Page) -> &'static dyn Outlet {
    ALL.iter().copied().find(|o| o.detect(page)).unwrap_or(GENERIC)
}

/// The profile with this name (case-insensitive), if newsdex knows the outlet.
pub fn by_name(name: &str) -> Option<&'static dyn Outlet> {
    ALL.iter().copied().find(|o| o.name().eq_ignore_ascii_case(name.trim()))
}

/// The names of all known profiles, for help texts and errors.
pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|o| o.name()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_text_falls_back_to_generic() {
        let page = Page::new("Some headline\n\nSome body text here.");
        assert_eq!(detect(&page).name(), GENERIC.name());
    }

    #[test]
    fn lookup_by_name_ignores_case() {
        assert_eq!(by_name("yonhap").map(|o| o.name()), Some("Yonhap"));
        assert_eq!(by_name("tbs efm").map(|o| o.name()), Some("TBS eFM"));
        assert!(by_name("nobody").is_none());
    }
}
