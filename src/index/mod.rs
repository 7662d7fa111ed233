//! The on-disk tantivy index: schema, opening, writing articles, reading them back.

pub mod analyzer;
pub mod directory;
pub mod document;
pub mod inflight;
pub mod merge;
pub mod schema;
pub mod stats;
pub mod stemmer;
pub mod writer;

use std::path::Path;

use anyhow::{bail, Context, Result};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexSettings};

pub use schema::Fields;
pub use writer::ArticleWriter;

/// Bytes of stored articles compressed together. A hit's article is read by
/// decompressing its whole block; with blocks about one article long (tantivy's default
/// is 16 KiB) answers read a quarter as much, for an index 4% larger (AllSides).
const DOCSTORE_BLOCK_BYTES: usize = 4096;

// Blocks are compressed by the indexing thread that filled them
// (`docstore_compress_dedicated_thread: false`): handing each block of a few KiB to a
// compressing thread of its own cost a switch of threads per block (45,000 voluntary
// switches in an ingest of AllSides, 600 without), and on a machine whose cores the
// cleaning workers and indexing threads already fill, the extra thread bought no
// parallelism (ingest 0.95x the time without it).

/// The index format this build writes and reads, recorded as the payload of every commit.
/// Format 2: facet dictionaries stored uncompressed (tantivy is built without zstd, see
/// Cargo.toml); indexes of format 1 (no payload) have compressed ones this build cannot read.
pub const FORMAT: &str = "newsdex-index-format 2";

/// An open index with its field handles.
pub struct Opened {
    pub index: Index,
    pub fields: Fields,
}

/// Opens the index in `dir`, creating the directory and an empty index on first use.
pub fn open_or_create(dir: &Path) -> Result<Opened> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create index directory {}", dir.display()))?;
    let directory =
        MmapDirectory::open(dir).with_context(|| format!("cannot open index directory {}", dir.display()))?;
    let settings = IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        docstore_compress_dedicated_thread: false,
        ..IndexSettings::default()
    };
    let index = Index::builder()
        .schema(schema::build())
        .settings(settings)
        .open_or_create(directory)
        .with_context(|| format!("{} is not a newsdex index", dir.display()))?;
    finish_open(index, dir)
}

/// Opens an existing index for reading.
pub fn open_existing(dir: &Path) -> Result<Opened> {
    if !dir.join("meta.json").is_file() {
        bail!("no index at {} (create one with `newsdex ingest PATH --index {0}`)", dir.display());
    }
    let index = directory::ReadDirectory::open(dir)
        .and_then(Index::open)
        .with_context(|| format!("cannot open index {}", dir.display()))?;
    finish_open(index, dir)
}

/// An empty index in memory with newsdex's schema and analyzers: for parsing queries and
/// making snippets without an index on disk (the cluster backend).
pub fn in_memory() -> Result<Opened> {
    let index = Index::create_in_ram(schema::build());
    finish_open(index, Path::new("(memory)"))
}

fn finish_open(index: Index, dir: &Path) -> Result<Opened> {
    check_format(&index, dir)?;
    schema::register_analyzers(&index);
    let fields = Fields::from_schema(&index.schema())
        .with_context(|| format!("{} was made by another program or version", dir.display()))?;
    Ok(Opened { index, fields })
}

/// Fails on an index that holds articles written in another format than [`FORMAT`].
fn check_format(index: &Index, dir: &Path) -> Result<()> {
    let metas = index.load_metas().with_context(|| format!("cannot read the index {}", dir.display()))?;
    if metas.segments.is_empty() || metas.payload.as_deref() == Some(FORMAT) {
        return Ok(());
    }
    bail!(
        "{} was written by another version of newsdex ({}), which this one cannot read: \
         ingest the archive again into a new index",
        dir.display(),
        metas.payload.as_deref().unwrap_or("an older index format")
    )
}
