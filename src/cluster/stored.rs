//! The stored form of an article in the cluster: its JSON, zstd-compressed and base64-encoded
//! into a string attribute.
//!
//! searchd keeps string attributes in memory and holds at most 4 MiB in one (a longer
//! value wraps around silently), so the record is compressed, and one that is still too
//! long is refused rather than cut.

use anyhow::{bail, Context, Result};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::article::Article;
use crate::backend::Rejected;

/// Longest string attribute searchd stores intact.
const MAX_STORED: usize = (4 << 20) - 1;

/// The article as its attribute holds it.
pub fn pack(article: &Article) -> Result<String> {
    let json = serde_json::to_vec(article)?;
    let compressed = zstd::bulk::compress(&json, 3).context("cannot compress an article")?;
    let packed = STANDARD.encode(compressed);
    if packed.len() > MAX_STORED {
        let mb = json.len() as f64 / (1 << 20) as f64;
        return Err(Rejected(format!(
            "article {} is too large for the cluster ({mb:.1} MB of text does not compress into searchd's 4 MB attribute)",
            article.id
        ))
        .into());
    }
    Ok(packed)
}

/// The article back from its attribute.
pub fn unpack(packed: &str) -> Result<Article> {
    let compressed =
        STANDARD.decode(packed.trim()).context("an article stored in the cluster is not base64")?;
    let json = zstd::stream::decode_all(compressed.as_slice())
        .context("an article stored in the cluster is damaged")?;
    if json.is_empty() {
        bail!("an article stored in the cluster is empty");
    }
    serde_json::from_slice(&json).context("an article stored in the cluster is not valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: String) -> Article {
        Article {
            id: "4a36d64018122f0f".into(),
            path: "a.txt".into(),
            outlet: "Yonhap".into(),
            url: None,
            headline: "Summit".into(),
            tags: vec![],
            published: None,
            date: None,
            dateline: None,
            authors: vec![],
            section: None,
            body,
            captions: vec![],
            people: vec!["Kim Jong-un".into()],
            encoding: "UTF-8".into(),
        }
    }

    #[test]
    fn articles_come_back_whole() {
        let a = article("Talks resumed — «quoted» 'text' \\\\ with every kind of character.\n\nTwo.".into());
        assert_eq!(unpack(&pack(&a).unwrap()).unwrap(), a);
    }

    #[test]
    fn articles_that_cannot_fit_are_refused_not_cut() {
        let letter = |i: u64| char::from(b'a' + (xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes()) % 26) as u8);
        let noise: String = (0..8_000_000).map(letter).collect();
        let err = pack(&article(noise)).unwrap_err();
        assert!(err.is::<Rejected>());
        assert!(err.to_string().contains("too large for the cluster"), "{err}");
    }
}
