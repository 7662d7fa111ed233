//! newsdex: turn a raw news archive into a fast, faceted full-text search index.
//!
//! Data flows one way: files ([`ingest`]) -> outlet profiles ([`outlets`]) -> [`article::Article`]
//! -> [`people`] -> index documents ([`index`]). Searches flow [`cli`] -> [`search`] -> [`output`].
//! [`backend`] is the seam that puts a Sphinx/Manticore [`cluster`] in the index's place.

pub mod article;
pub mod backend;
pub mod cli;
pub mod cluster;
pub mod commands;
pub mod dates;
pub mod index;
pub mod ingest;
pub mod mojibake;
pub mod outlets;
pub mod output;
pub mod people;
pub mod plot;
pub mod search;
pub mod text;
