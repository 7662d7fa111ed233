//! From files to articles: walking, decoding, outlet profiles, and finishing drafts.

pub mod decode;
mod extractors;
pub mod feed;
pub mod html;
pub mod manifest;
pub mod markdown;
pub mod markup;
pub mod pipeline;
pub mod records;
pub mod sgml;
pub mod visible;
pub mod walk;

pub use pipeline::{FileResult, Pipeline};
