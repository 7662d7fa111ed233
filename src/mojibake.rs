//! Mojibake: UTF-8 text that was once read as Latin-1 or windows-1252 and written out
//! again, as text browsers print pages that do not declare their character set. `’` (bytes
//! E2 80 99) comes out as `â` and two C1 control characters (`â\u{80}\u{99}`, lynx, links,
//! Chromium), as `â€™` (windows-1252), or as `â` and two spaces where the browser blanks the
//! controls (w3m, elinks).
//!
//! The first two lose nothing and are decoded back exactly. The third has lost which
//! punctuation mark it was; since the blanked bytes can only have been those of the general
//! punctuation block (spaces, dashes, quotes), the mark is read from its neighbours: a
//! contraction's apostrophe, a dash between words or numbers, or a quotation mark.

use std::borrow::Cow;
use std::sync::LazyLock;

/// The characters windows-1252 gives bytes 0x80..=0x9F (a C1 control where it has none).
static WINDOWS_1252_HIGH: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0x80u8..=0x9F)
        .map(|b| {
            let byte = [b];
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            text.chars().next().unwrap_or(char::from(b))
        })
        .collect()
});

/// The text with mojibake undone, borrowed when there is none. Only lead characters of a
/// UTF-8 sequence (`Â` to `ô`) can start it, so text without them is passed over at once.
/// Text that went through the wrong reading twice (`Ã¢â‚¬â„¢` for `’`, as crawlers' exports
/// keep titles) is decoded twice; three readings at most are undone.
pub fn repair(text: &str) -> Cow<'_, str> {
    let Cow::Owned(mut fixed) = repair_once(text) else {
        return Cow::Borrowed(text);
    };
    for _ in 0..2 {
        match repair_once(&fixed) {
            Cow::Owned(again) => fixed = again,
            Cow::Borrowed(_) => break,
        }
    }
    Cow::Owned(fixed)
}

/// One reading undone (see [`repair`]).
fn repair_once(text: &str) -> Cow<'_, str> {
    if !may_hold_mojibake(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut open_quote = false;
    // Right after a decoded sequence, the next needs nothing more to show it is mojibake:
    // `Ëœ` (˜) ends `Ã¢â‚¬Ëœ`, the twice-read `‘`.
    let mut run = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            open_quote = false;
        }
        if let Some((decoded, used)) = decode_at(&chars[i..], run) {
            out.push(decoded);
            i += used;
            run = true;
            continue;
        }
        run = false;
        if let Some(mark) = blanked_mark(&chars, i, open_quote) {
            open_quote = match mark {
                '“' => true,
                '”' => false,
                _ => open_quote,
            };
            out.push(mark);
            i += 3;
            continue;
        }
        out.push(c);
        i += 1;
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Whether some lead character (`Â` to `ô`, UTF-8 bytes C3 82 to C3 B4) is followed by what
/// could be a continuation read wrongly (a character from U+0080 to U+00BF, bytes C2 xx, or
/// one of windows-1252's own, bytes C5, C6, CB or E2 first) or by two spaces: a quick test on
/// the bytes, so that text in languages written with these letters is not taken apart.
fn may_hold_mojibake(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, bytes).any(|at| {
        bytes.get(at + 1).is_some_and(|b| (0x82..=0xB4).contains(b))
            && matches!(bytes.get(at + 2..at + 4), Some([0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2, _] | [b' ', b' ']))
    })
}

/// Whether `c`, read as a Latin-1 byte, starts a multi-byte UTF-8 sequence.
fn is_lead(c: char) -> bool {
    ('\u{c2}'..='\u{f4}').contains(&c)
}

/// The byte a character was read from, in Latin-1 or windows-1252.
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ 0x80..=0xFF => u8::try_from(code).ok(),
        _ => WINDOWS_1252_HIGH.iter().position(|&w| w == c).and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// The character whose UTF-8 bytes were read as the characters at the start of `chars`, and
/// how many characters that took. Letters with accents stand before quotation marks and
/// signs in real text (`‘ß’`), so a sequence counts only when it shows it is mojibake: a
/// continuation read as a C1 control (never in text), a lead that no language puts before
/// such signs (`Â`, `Ã`, `â`), three or more bytes all read as Latin-1 signs (`ä¸­`, 中), or
/// a sequence right after another decoded one (`run`).
fn decode_at(chars: &[char], run: bool) -> Option<(char, usize)> {
    let lead = *chars.first()?;
    if !is_lead(lead) {
        return None;
    }
    let len = match u32::from(lead) {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut bytes = vec![byte_of(lead)?];
    let (mut control, mut latin1) = (false, true);
    for &c in chars.get(1..len)? {
        let b = byte_of(c).filter(|b| (0x80..=0xBF).contains(b))?;
        control |= u32::from(c) < 0xA0;
        latin1 &= (0xA0..=0xBF).contains(&u32::from(c));
        bytes.push(b);
    }
    let telling = run || control || matches!(lead, 'Â' | 'Ã' | 'â') || (len >= 3 && latin1);
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    telling.then_some((decoded, len))
}

/// The punctuation mark a blanked `â` at `i` stood for (`â` and two spaces, the two C1
/// bytes of U+2000..U+201F printed as spaces), from what is on either side of it.
fn blanked_mark(chars: &[char], i: usize, open_quote: bool) -> Option<char> {
    if chars[i] != 'â' || chars.get(i + 1..i + 3) != Some(&[' ', ' ']) {
        return None;
    }
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 3).copied();
    let word_before = before.is_some_and(char::is_alphanumeric);
    let word_after = after.is_some_and(char::is_alphanumeric);
    Some(match (word_before, word_after) {
        (true, true)
            if before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit()) =>
        {
            '–'
        }
        (true, true) if is_contraction(&chars[i + 3..]) => '’',
        (true, true) => '—',
        (false, true) => '“',
        (true, false) if open_quote => '”',
        (true, false) => '’',
        (false, false) => '—',
    })
}

/// Whether `rest` starts with what follows an apostrophe in an English contraction or a
/// possessive (`s`, `t`, `re`, `ll`, `ve`, `d`, `m`) and then the word ends.
fn is_contraction(rest: &[char]) -> bool {
    let word: String = rest.iter().take_while(|c| c.is_alphanumeric()).collect();
    matches!(word.to_lowercase().as_str(), "s" | "t" | "re" | "ll" | "ve" | "d" | "m")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_windows_1252_readings_are_decoded_back() {
        assert_eq!(repair("Investor\u{e2}\u{80}\u{99}s guide"), "Investor’s guide");
        assert_eq!(
            repair("Today\u{e2}\u{20ac}\u{2122}s news \u{e2}\u{20ac}\u{201d} and more"),
            "Today’s news — and more"
        );
        assert_eq!(repair("caf\u{c3}\u{a9} au lait"), "café au lait");
        assert_eq!(repair("costs \u{e2}\u{82}\u{ac}5"), "costs €5");
        assert_eq!(repair("\u{e4}\u{b8}\u{ad}\u{e6}\u{96}\u{87}"), "中文");
        assert_eq!(repair("Wire\u{c2}\u{ae}Guard \u{d0}\u{9f}"), "Wire®Guard П");
    }

    #[test]
    fn text_read_wrongly_twice_is_decoded_twice() {
        // UTF-8 bytes read as windows-1252, as a page without a declared charset is.
        let misread =
            |s: &str| encoding_rs::WINDOWS_1252.decode_without_bom_handling(s.as_bytes()).0.into_owned();
        let once = misread("Obama’s ‘tested’ claim");
        assert_eq!(once, "Obamaâ€™s â€˜testedâ€™ claim");
        assert_eq!(repair(&misread(&once)), "Obama’s ‘tested’ claim");
        assert_eq!(repair(&once), "Obama’s ‘tested’ claim");
    }

    #[test]
    fn text_without_mojibake_is_borrowed_as_it_is() {
        for text in ["plain ASCII", "château, Straße, São Paulo, ÉCOLE", "Âge d'or", "naïve — “quoted”"]
        {
            assert!(matches!(repair(text), Cow::Borrowed(t) if t == text), "{text}");
        }
    }

    #[test]
    fn blanked_marks_are_read_from_their_neighbours() {
        assert_eq!(repair("It doesn\u{e2}  t pay, that\u{e2}  s all"), "It doesn’t pay, that’s all");
        assert_eq!(repair("in debt\u{e2}  nearly all"), "in debt—nearly all");
        assert_eq!(repair("6\u{e2}  12 months"), "6–12 months");
        assert_eq!(repair("clear \u{e2}   one event"), "clear — one event");
        assert_eq!(repair("the dogs\u{e2}   bowls"), "the dogs’ bowls");
        assert_eq!(repair("the \u{e2}  Bargain\u{e2}   plan"), "the “Bargain” plan");
        assert_eq!(repair("the dogs\u{e2}  bowls"), "the dogs—bowls");
    }

    #[test]
    fn a_lone_lead_or_a_broken_sequence_stays() {
        assert_eq!(repair("\u{e2}"), "\u{e2}");
        assert_eq!(repair("x\u{e2}\u{80}"), "x\u{e2}\u{80}");
        assert_eq!(repair("\u{e2} x"), "\u{e2} x");
    }
}
