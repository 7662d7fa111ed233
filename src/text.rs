//! Pure text normalisation shared by every input path: Unicode NFC, whitespace, paragraphs.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// Normalises raw text: NFC, `\r\n`/`\r` to `\n`, no NUL or other control characters
/// (tabs become spaces), non-breaking and other odd spaces become plain spaces.
pub fn normalize(raw: &str) -> String {
    // Most text is already NFC, which a quick check tells far faster than composing does.
    match unicode_normalization::is_nfc_quick(raw.chars()) {
        unicode_normalization::IsNormalized::Yes => clean_chars(raw.len(), raw.chars()),
        _ => clean_chars(raw.len(), raw.nfc()),
    }
}

/// The characters with line ends unified and control and odd space characters dealt with.
fn clean_chars(len: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(len);
    let mut last_cr = false;
    for c in chars {
        match c {
            '\r' => out.push('\n'),
            '\n' if last_cr => {}
            '\n' => out.push('\n'),
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
        last_cr = c == '\r';
    }
    out
}

/// Collapses runs of spaces inside a line and trims it.
pub fn squash(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
        let line = squash(line);
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
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
pub fn detokenize(text: &str) -> String {
    let spaced = text.matches(" , ").count() + text.matches(" .").count();
    if spaced < 2 || spaced * 40 < text.split_whitespace().count() {
        return text.to_string();
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
    out
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
