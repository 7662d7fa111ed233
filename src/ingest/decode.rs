//! Reading a file's bytes as text: gzip and zstd are undone transparently (by their magic
//! bytes, whatever the file is called), and the input format comes from the name without
//! its compression suffix (`page.html.gz` is HTML) unless the user names one.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::{Context, Result};

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// A page dump as text: one article per file.
    Text,
    /// A saved HTML page: one article per file.
    Html,
    /// One JSON record, or an array of records.
    Json,
    /// One JSON record per line.
    JsonLines,
}

/// Suffixes of compressed files, stripped before the format is decided.
const COMPRESSED: &[&str] = &["gz", "gzip", "zst", "zstd"];

impl InputFormat {
    /// The format for a file name, or `None` for files newsdex does not read.
    pub fn for_path(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let mut parts = name.rsplit('.');
        let mut ext = parts.next()?;
        if COMPRESSED.contains(&ext) {
            ext = parts.next()?;
        }
        // A bare `gz` or `txt` with no name in front is not an input.
        parts.next()?;
        ext.parse().ok()
    }

    /// The names `--format` accepts.
    pub const NAMES: &'static [&'static str] = &["txt", "html", "json", "jsonl"];
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<InputFormat, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "txt" | "text" => Ok(InputFormat::Text),
            "html" | "htm" | "xhtml" => Ok(InputFormat::Html),
            "json" => Ok(InputFormat::Json),
            "jsonl" | "ndjson" => Ok(InputFormat::JsonLines),
            other => Err(format!("unknown format {other:?}: expected one of txt, html, json, jsonl")),
        }
    }
}

/// Opens a file for streaming, undoing gzip or zstd compression (by magic bytes) on the fly.
/// `counter` receives the number of bytes read from disk, for progress.
pub fn open_stream(
    path: &Path,
    counter: impl FnMut(usize) + Send + 'static,
) -> Result<Box<dyn BufRead + Send>> {
    let file = std::fs::File::open(path).context("cannot read")?;
    let mut raw = BufReader::with_capacity(1 << 16, Counting { inner: file, counter });
    let magic = raw.fill_buf().context("cannot read")?;
    Ok(if magic.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(raw)))
    } else if magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        let decoder = zstd::stream::read::Decoder::with_buffer(raw).context("bad zstd data")?;
        Box::new(BufReader::with_capacity(1 << 16, decoder))
    } else {
        Box::new(raw)
    })
}

/// A reader that reports how many bytes pass through it.
struct Counting<R, F> {
    inner: R,
    counter: F,
}

impl<R: Read, F: FnMut(usize)> Read for Counting<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        (self.counter)(n);
        Ok(n)
    }
}

/// A fast hash of a file's bytes as stored, to recognise unchanged files.
pub fn hash_file(path: &Path) -> Result<u64> {
    let mut file = std::fs::File::open(path).context("cannot read")?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).context("cannot read")?;
        if n == 0 {
            return Ok(hasher.digest());
        }
        hasher.update(&buf[..n]);
    }
}

/// A file's contents as text, decompressed; invalid UTF-8 is replaced, never fatal.
pub fn read_text(path: &Path) -> Result<String> {
    let raw = std::fs::read(path).context("cannot read")?;
    let bytes = decompress(raw)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Undoes gzip or zstd compression recognised by the stream's magic bytes.
pub fn decompress(raw: Vec<u8>) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if raw.starts_with(&[0x1f, 0x8b]) {
        flate2::read::MultiGzDecoder::new(raw.as_slice()).read_to_end(&mut out).context("bad gzip data")?;
    } else if raw.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        zstd::stream::read::Decoder::new(raw.as_slice())
            .and_then(|mut d| d.read_to_end(&mut out))
            .context("bad zstd data")?;
    } else {
        return Ok(raw);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn formats_come_from_the_name_without_compression_suffix() {
        let f = |name: &str| InputFormat::for_path(Path::new(name));
        assert_eq!(f("a/page.txt"), Some(InputFormat::Text));
        assert_eq!(f("page.TXT.GZ"), Some(InputFormat::Text));
        assert_eq!(f("page.htm"), Some(InputFormat::Html));
        assert_eq!(f("0001.html.gz"), Some(InputFormat::Html));
        assert_eq!(f("records.jsonl.zst"), Some(InputFormat::JsonLines));
        assert_eq!(f("records.ndjson"), Some(InputFormat::JsonLines));
        assert_eq!(f("notes.csv"), None);
        assert_eq!(f("archive.gz"), None);
        assert_eq!(f("gz"), None);
    }

    #[test]
    fn format_names_parse() {
        assert_eq!("HTML".parse(), Ok(InputFormat::Html));
        assert_eq!("text".parse(), Ok(InputFormat::Text));
        assert!("csv".parse::<InputFormat>().is_err());
    }

    #[test]
    fn gzip_and_zstd_are_undone_by_magic_bytes() {
        let text = b"Headline\n\nBody text.".to_vec();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        assert_eq!(decompress(gz.finish().unwrap()).unwrap(), text);
        assert_eq!(decompress(zstd::encode_all(text.as_slice(), 3).unwrap()).unwrap(), text);
        assert_eq!(decompress(text.clone()).unwrap(), text);
        assert!(decompress(vec![0x1f, 0x8b, 0, 0]).is_err());
    }

    #[test]
    fn streams_compressed_lines_and_counts_disk_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"{\"a\":1}\n{\"a\":2}\n").unwrap();
        let bytes = gz.finish().unwrap();
        std::fs::write(&path, &bytes).unwrap();
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = std::sync::Arc::clone(&seen);
        let reader = open_stream(&path, move |n| {
            counter.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
        let lines: Vec<String> = reader.lines().map(Result::unwrap).collect();
        assert_eq!(lines, vec!["{\"a\":1}", "{\"a\":2}"]);
        assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), bytes.len());
    }

    #[test]
    fn file_hash_changes_with_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one").unwrap();
        let first = hash_file(&path).unwrap();
        assert_eq!(first, hash_file(&path).unwrap());
        std::fs::write(&path, "two").unwrap();
        assert_ne!(first, hash_file(&path).unwrap());
    }
}
