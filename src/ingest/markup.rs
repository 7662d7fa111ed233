//! Text that a page's metadata carries still escaped or mis-decoded, made readable: JSON-LD
//! strings keep their HTML entities (`&#8217;`), some pages escape an attribute twice
//! (`&amp;#8230;`), and some store UTF-8 that was once read as Windows-1252 (`â€™`).

use std::borrow::Cow;

use crate::text;

/// A metadata string made readable: mis-decoded UTF-8 repaired, entities decoded (twice
/// at most, for double escaping), characters normalised and whitespace squashed.
pub fn tidy(raw: &str) -> String {
    let repaired = unmojibake(raw);
    let decoded = decode_entities(&repaired);
    text::squash(&text::normalize(&decoded))
}

/// HTML entities decoded; a second pass undoes double escaping (`&amp;#39;` -> `'`).
fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let once = html_escape::decode_html_entities(s).into_owned();
    if !once.contains('&') {
        return Cow::Owned(once);
    }
    Cow::Owned(html_escape::decode_html_entities(&once).into_owned())
}

/// UTF-8 that was read as Windows-1252 (or Latin-1) and stored again, read back as UTF-8:
/// `Investorâ€™s` -> `Investor’s`. Only when every character maps back to one byte and the
/// bytes are valid UTF-8, so genuine accented text stays as it is.
fn unmojibake(s: &str) -> Cow<'_, str> {
    if !s.contains(['Ã', 'Â', 'â', 'Å', 'Ä']) {
        return Cow::Borrowed(s);
    }
    let bytes: Option<Vec<u8>> = s.chars().map(windows_1252_byte).collect();
    match bytes.map(String::from_utf8) {
        Some(Ok(fixed)) if fixed != s => Cow::Owned(fixed),
        _ => Cow::Borrowed(s),
    }
}

/// The byte a character has in Windows-1252, taking C1 controls as Latin-1 bytes (what a
/// page left of a byte that Windows-1252 does not define).
fn windows_1252_byte(c: char) -> Option<u8> {
    if (c as u32) < 0x100 {
        return Some(c as u32 as u8);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    (!unmappable && bytes.len() == 1).then(|| bytes[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_left_in_metadata_are_decoded() {
        assert_eq!(tidy("Rock &#038; Roll"), "Rock & Roll");
        assert_eq!(tidy("Don&#8217;t Stop"), "Don’t Stop");
        assert_eq!(tidy("It&#39;s Here &#x26; Now"), "It's Here & Now");
        assert_eq!(tidy("Wait for it&amp;#8230; done"), "Wait for it… done");
        assert_eq!(tidy("Fish &amp; Chips"), "Fish & Chips");
        assert_eq!(tidy("AT&T and R&D"), "AT&T and R&D");
    }

    #[test]
    fn utf8_read_as_windows_1252_is_repaired() {
        assert_eq!(tidy("A Readerâ€™s Guide"), "A Reader’s Guide");
        assert_eq!(tidy("A Reader\u{e2}\u{80}\u{99}s Guide"), "A Reader’s Guide");
        assert_eq!(tidy("CafÃ© Society"), "Café Society");
        assert_eq!(tidy("Café Society"), "Café Society");
        assert_eq!(tidy("Ålesund — Ängelholm"), "Ålesund — Ängelholm");
    }
}
