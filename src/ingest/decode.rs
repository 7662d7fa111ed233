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
    /// A page saved as Markdown: one article per file, read as a page dump.
    Markdown,
    /// One JSON record, or an array of records.
    Json,
    /// One JSON record per line.
    JsonLines,
    /// Reuters-21578 SGML: one `<REUTERS>` element per wire story.
    Sgml,
}

/// Names of the Markdown files that document a folder (lower case, without `.md`).
const DOCUMENTATION: &[&str] =
    &["readme", "license", "licence", "changelog", "contributing", "source", "sources"];

/// Suffixes of compressed files, stripped before the format is decided.
const COMPRESSED: &[&str] = &["gz", "gzip", "zst", "zstd"];

impl InputFormat {
    /// The format for a file name, or `None` for files newsdex does not read.
    pub fn for_path(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let mut parts = name.rsplit('.');
        let mut ext = parts.next()?;
        if COMPRESSED.contains(&ext) {
            ext = parts.next()?;
        }
        // A bare `gz` or `txt` with no name in front is not an input.
        let stem = parts.next()?;
        let format = ext.parse().ok()?;
        // A folder's README.md and the like document it; they are not saved pages.
        (format != InputFormat::Markdown || !DOCUMENTATION.contains(&stem)).then_some(format)
    }

    /// The names `--format` accepts.
    pub const NAMES: &'static [&'static str] = &["txt", "html", "md", "json", "jsonl", "sgml"];
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<InputFormat, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "txt" | "text" => Ok(InputFormat::Text),
            "html" | "htm" | "xhtml" => Ok(InputFormat::Html),
            "md" | "markdown" => Ok(InputFormat::Markdown),
            "json" => Ok(InputFormat::Json),
            "jsonl" | "ndjson" => Ok(InputFormat::JsonLines),
            "sgml" | "sgm" => Ok(InputFormat::Sgml),
            other => {
                Err(format!("unknown format {other:?}: expected one of txt, html, md, json, jsonl, sgml"))
            }
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

/// Text decoded from a file, and the character encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `EUC-KR`, `windows-1252`, ...; `UTF-8 (repaired)` when a mostly
    /// UTF-8 file had invalid bytes, each replaced by U+FFFD.
    pub encoding: String,
}

/// How far into a file to look for NUL bytes that mark it as binary.
const BINARY_SNIFF: usize = 8192;

/// Decodes (decompressed) bytes: from a byte-order mark, as UTF-8, or in the legacy encoding
/// the bytes look like (EUC-KR, Shift_JIS, windows-1252, ...). Binary data (NUL bytes
/// without a UTF-16 mark) is an error.
pub fn decode_text(bytes: Vec<u8>) -> Result<Decoded> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name().to_string() });
    }
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        anyhow::bail!("binary file, not text");
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(Decoded { text, encoding: "UTF-8".to_string() }),
        Err(e) => e.into_bytes(),
    };
    if has_utf8_multibyte(&bytes) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return Ok(Decoded { text, encoding: "UTF-8 (repaired)".to_string() });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = encoding.decode(&bytes);
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name().to_string() })
}

/// Whether invalid UTF-8 is mostly valid multi-byte UTF-8 (at least four bytes of it for
/// each invalid one): then it is UTF-8 with a few stray bytes, not a legacy encoding, whose
/// bytes only now and then happen to form a valid sequence.
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| *b >= 0x80).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0 && multibyte >= 4 * invalid
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
        assert_eq!(f("saved/page.md"), Some(InputFormat::Markdown));
        assert_eq!(f("page.markdown.zst"), Some(InputFormat::Markdown));
        assert_eq!(f("archive/README.md"), None);
        assert_eq!(f("archive/Sources.md"), None);
        assert_eq!(f("archive/readme.txt"), Some(InputFormat::Text));
        assert_eq!(f("records.jsonl.zst"), Some(InputFormat::JsonLines));
        assert_eq!(f("records.ndjson"), Some(InputFormat::JsonLines));
        assert_eq!(f("reut2-000.sgm"), Some(InputFormat::Sgml));
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
    fn legacy_encodings_are_detected() {
        let korean = "북한은 미국과의 대화를 거부했다. 서울에서 회담이 열렸다. ".repeat(5);
        let (euc_kr, _, _) = encoding_rs::EUC_KR.encode(&korean);
        let d = decode_text(euc_kr.into_owned()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (korean.as_str(), "EUC-KR"));

        let latin = "Ministers said the plan would cost £1,400 per family and café owners objected.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(latin);
        let d = decode_text(bytes.into_owned()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (latin, "windows-1252"));
    }

    #[test]
    fn utf16_with_bom_and_repaired_utf8() {
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend("Seoul talks".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode_text(utf16).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("Seoul talks", "UTF-16LE"));

        let mut mixed = "Café on \u{2018}Monday\u{2019} ".as_bytes().to_vec();
        mixed.push(0xa3);
        mixed.extend_from_slice(b"5 a day");
        let d = decode_text(mixed).unwrap();
        assert_eq!(d.encoding, "UTF-8 (repaired)");
        assert!(d.text.starts_with("Café on \u{2018}Monday\u{2019} \u{fffd}5"));
    }

    #[test]
    fn binary_data_is_an_error() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert!(decode_text(png).unwrap_err().to_string().contains("binary"));
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
