//! Pure text normalisation shared by every input path: Unicode NFC, whitespace, paragraphs.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// Normalises raw text: mojibake undone ([`crate::mojibake`]), NFC, `\r\n`/`\r` to `\n`,
/// no NUL or other control characters (tabs become spaces), non-breaking and other odd
/// spaces become plain spaces.
pub fn normalize(raw: &str) -> String {
    let raw = crate::mojibake::repair(raw);
    let raw = raw.as_ref();
    // Most text is already NFC, which a quick check tells far faster than composing does.
    if is_nfc(raw) {
        clean_chars(raw)
    } else {
        clean_chars(&raw.nfc().collect::<String>())
    }
}

/// Whether the quick NFC check answers yes. An ASCII character resets the check's state,
/// so checking each run of other characters on its own gives the same answer as checking
/// the whole text, without stepping through its ASCII one character at a time.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(start) = bytes[at..].iter().position(|b| !b.is_ascii()).map(|i| at + i) {
        let end = bytes[start..].iter().position(u8::is_ascii).map_or(bytes.len(), |i| start + i);
        let run = &text[start..end];
        if unicode_normalization::is_nfc_quick(run.chars()) != unicode_normalization::IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

/// What becomes of one character of raw text.
enum Cleaned {
    Kept,
    Dropped,
    Replaced(char),
}

/// `c` in raw text, after a carriage return when `after_cr`.
fn clean_char(c: char, after_cr: bool) -> Cleaned {
    match c {
        '\r' => Cleaned::Replaced('\n'),
        '\n' if after_cr => Cleaned::Dropped,
        '\n' => Cleaned::Kept,
        '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Cleaned::Replaced(' ')
        }
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => Cleaned::Dropped,
        c if c.is_control() => Cleaned::Dropped,
        _ => Cleaned::Kept,
    }
}

/// The text with line ends unified and control and odd space characters dealt with. Runs
/// of kept characters are copied whole; printable ASCII is always kept.
fn clean_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut at, mut after_cr) = (0, 0, false);
    while let Some(&b) = text.as_bytes().get(at) {
        if (b' '..0x7f).contains(&b) {
            (at, after_cr) = (printable_run_end(text.as_bytes(), at + 1), false);
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        let next = at + c.len_utf8();
        match clean_char(c, after_cr) {
            Cleaned::Kept => {}
            Cleaned::Dropped => {
                out.push_str(&text[copied..at]);
                copied = next;
            }
            Cleaned::Replaced(by) => {
                out.push_str(&text[copied..at]);
                out.push(by);
                copied = next;
            }
        }
        (at, after_cr) = (next, c == '\r');
    }
    out.push_str(&text[copied..]);
    out
}

/// Where the run of printable ASCII starting at `at` ends, looked at 16 bytes at a time
/// (each block checked without a branch per byte, which compilers turn into vector code).
fn printable_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(block) = bytes.get(at..at + 16) {
        if !block.iter().fold(true, |all, &b| all & (b.wrapping_sub(b' ') < 0x7f - b' ')) {
            break;
        }
        at += 16;
    }
    while bytes.get(at).is_some_and(|b| (b' '..0x7f).contains(b)) {
        at += 1;
    }
    at
}

/// How many of the 8 bytes of `block` (little-endian: the first byte lowest), from the
/// first, are ASCII bytes in one of the inclusive `ranges` (`[(b'a', b'z'), ...]`):
/// worked out on the whole block at once, without a branch per byte for the processor
/// to mispredict where a word ends.
#[inline]
pub fn ascii_run(block: u64, ranges: &[(u8, u8)]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let seven = block & !HIGH;
    // High bit of each byte: set when the byte's low seven bits are at least `v`.
    let at_least = |v: u64| seven.wrapping_add((0x80 - v) * ONES);
    let inside =
        ranges.iter().fold(0, |acc, &(lo, hi)| acc | at_least(lo.into()) & !at_least(u64::from(hi) + 1));
    let hits = inside & !block & HIGH;
    ((!hits & HIGH).trailing_zeros() / 8) as usize
}

/// Collapses runs of spaces inside a line and trims it.
pub fn squash(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    squash_into(line, &mut out);
    out
}

/// Appends the words of `line` to `out`, one space between them (and one before the first
/// when `out` is not empty); whether there was any word.
fn squash_into(line: &str, out: &mut String) -> bool {
    if is_squashed(line) {
        if line.is_empty() {
            return false;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
        return true;
    }
    let mut any = false;
    let mut at = 0;
    while let Some((start, end)) = next_word(line, at) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&line[start..end]);
        (at, any) = (end, true);
    }
    any
}

/// Whether squashing leaves `line` as it is: single spaces between words and no other
/// white space, which is true of nearly every line of clean text. Told with vector-friendly
/// scans rather than a branch per byte.
fn is_squashed(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // A control character (tab, line break, ...) or two spaces in a row.
    let control = bytes.chunks(16).any(|block| block.iter().fold(false, |any, &b| any | (b < b' ')));
    if control || memchr::memmem::find(bytes, b"  ").is_some() {
        return false;
    }
    // White space beyond ASCII (U+0085 to U+3000) starts with one of these bytes.
    let leads = memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes).chain(memchr::memchr_iter(0xe1, bytes));
    !leads.into_iter().any(|i| line[i..].chars().next().is_some_and(char::is_whitespace))
}

/// The next run of characters other than white space at or after `at`, as
/// `str::split_whitespace` finds it.
fn next_word(line: &str, at: usize) -> Option<(usize, usize)> {
    let white = |i: usize| -> (bool, usize) {
        match line.as_bytes()[i] {
            b if b.is_ascii() => (matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'), 1),
            _ => line[i..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        }
    };
    let mut start = at;
    loop {
        if start >= line.len() {
            return None;
        }
        match white(start) {
            (true, len) => start += len,
            (false, _) => break,
        }
    }
    let mut end = start;
    while end < line.len() {
        match white(end) {
            (false, len) => end += len,
            (true, _) => break,
        }
    }
    Some((start, end))
}

/// Joins paragraphs with one blank line between them, dropping empty ones.
pub fn join_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> String {
    let mut out = String::new();
    for p in paragraphs.iter().map(AsRef::as_ref).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

/// Splits text into paragraphs at blank lines, squashing whitespace in each.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let before = current.len();
        if !squash_into(line, &mut current) && !current.is_empty() {
            current.truncate(before);
            paragraphs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Splits text into paragraphs of one line each, squashing whitespace in each: what
/// [`split_paragraphs`] makes of the text with every line break doubled.
pub fn split_lines(text: &str) -> Vec<String> {
    text.lines().map(squash).filter(|line| !line.is_empty()).collect()
}

/// Straightens curly quotes and unifies dashes, for comparisons that must not care.
pub fn straighten(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// Undoes word tokenisation that some corpora apply (`he said , `, `Wo n't`, `` ``x'' ``),
/// only when the text clearly has it: otherwise returns it unchanged.
pub fn detokenize(text: &str) -> Cow<'_, str> {
    let count = |pattern: &str| memchr::memmem::find_iter(text.as_bytes(), pattern).count();
    let spaced = count(" , ") + count(" .");
    if spaced < 2 || spaced * 40 < text.split_whitespace().count() {
        return Cow::Borrowed(text);
    }
    static FIXES: LazyLock<Vec<(Regex, &str)>> = LazyLock::new(|| {
        [
            (r" ([,.;:!?%)\]}])", "$1"),
            (r"([(\[{$]) ", "$1"),
            (r" (n't|'s|'re|'ve|'ll|'d|'m|’s|’re|’ve|’ll|’d|’m)\b", "$1"),
            (r"`` ?", "\u{201c}"),
            (r" ?''", "\u{201d}"),
        ]
        .into_iter()
        .map(|(re, to)| (Regex::new(re).expect("valid regex"), to))
        .collect()
    });
    let mut out = text.to_string();
    for (re, to) in FIXES.iter() {
        out = re.replace_all(&out, *to).into_owned();
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_composes_and_unifies_line_ends() {
        assert_eq!(normalize("Cafe\u{301}\r\nx\ry\u{a0}z\u{feff}"), "Café\nx\ny z");
    }

    #[test]
    fn squash_collapses_spaces() {
        assert_eq!(squash("  a   b \t c "), "a b c");
    }

    /// Tricky white space: every kind `str::split_whitespace` knows, controls it does not.
    const SPACED: &[&str] = &[
        "",
        " ",
        "a",
        "\u{85}a\u{a0}b\u{1680}c\u{2000}d\u{200a}e\u{2028}f\u{2029}g\u{202f}h\u{205f}i\u{3000}j",
        "x\x0b\x0cy\r\nz \u{1c}\u{1f}w\u{200b}v",
        "\n\nfirst line\n  \n second\tline \r\nthird\rline\n\n\n fourth \n",
        "é ’ “x” — ½",
        "a · b ¶ c",
        "a b\u{3000}",
        "clean words, one space apart",
    ];

    #[test]
    fn ascii_runs_count_bytes_in_the_ranges_from_the_first() {
        const LOWER: &[(u8, u8)] = &[(b'a', b'z'), (b'0', b'9')];
        let run = |bytes: &[u8; 8], ranges| ascii_run(u64::from_le_bytes(*bytes), ranges);
        assert_eq!(run(b"abcdefgh", LOWER), 8);
        assert_eq!(run(b"az09 xyz", LOWER), 4);
        assert_eq!(run(b"Abcdefgh", LOWER), 0);
        assert_eq!(run(b"Abcdefgh", &[(b'a', b'z'), (b'A', b'Z')]), 8);
        assert_eq!(run(b"ab`{/:@[", LOWER), 2);
        assert_eq!(run(&[b'a', 0xc3, 0xa9, b'b', b'c', b'd', b'e', b'f'], LOWER), 1);
        for b in 0..=255u8 {
            let expected = usize::from(b.is_ascii_lowercase() || b.is_ascii_digit());
            assert_eq!(run(&[b, b' ', b'a', b'a', b'a', b'a', b'a', b'a'], LOWER), expected, "{b}");
        }
    }

    #[test]
    fn squash_splits_as_split_whitespace_does() {
        for text in SPACED {
            assert_eq!(squash(text), text.split_whitespace().collect::<Vec<_>>().join(" "), "{text:?}");
        }
    }

    #[test]
    fn split_lines_is_splitting_paragraphs_with_doubled_breaks() {
        for text in SPACED {
            assert_eq!(split_lines(text), split_paragraphs(&text.replace('\n', "\n\n")), "{text:?}");
        }
        assert_eq!(split_lines("a\n\n b \nc"), vec!["a", "b", "c"]);
    }

    #[test]
    fn normalize_keeps_what_it_need_not_change() {
        assert_eq!(normalize("plain ASCII, “quoted” – é\n"), "plain ASCII, “quoted” – é\n");
        assert_eq!(normalize("a\r\r\nb\u{1}\u{7f}\u{85}c\u{2009}d\u{ad}"), "a\n\nbc d");
        assert_eq!(normalize("x e\u{301} y\u{301}\u{300}"), "x é ý\u{300}");
        // Changes after long printable runs, at every offset across the 16-byte blocks.
        for n in 0..40 {
            let run = "a".repeat(n);
            let raw = format!("{run}\r\n{run}\u{a0}{run}\u{1}{run}\t{run}");
            assert_eq!(normalize(&raw), format!("{run}\n{run} {run}{run} {run}"), "{n}");
        }
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_rejoin() {
        let text = "one\nline two\n\n\n  second  para \n";
        let paragraphs = split_paragraphs(text);
        assert_eq!(paragraphs, vec!["one line two", "second para"]);
        assert_eq!(join_paragraphs(&paragraphs), "one line two\n\nsecond para");
    }

    #[test]
    fn detokenize_only_tokenised_text() {
        assert_eq!(
            detokenize("He said , `` it 's fine '' ( really ) . Wo n't stop ."),
            "He said, \u{201c}it's fine\u{201d} (really). Won't stop."
        );
        assert_eq!(
            detokenize("Prices rose 5 . 2 percent, then fell."),
            "Prices rose 5 . 2 percent, then fell."
        );
    }

    #[test]
    fn straighten_quotes_and_dashes() {
        assert_eq!(straighten("\u{201c}Don\u{2019}t\u{201d} \u{2014} ok"), "\"Don't\" - ok");
    }
}
