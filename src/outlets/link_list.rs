//! Link numbers and link lists that text browsers add to a page dump.
//!
//! `lynx -dump` and `elinks -dump` (and w3m with link numbers on) print every link as
//! `[12]label` and end the page with the addresses: a `References` heading, then
//! `12. https://...` lines (lynx splits them under `Visible links:` / `Hidden links:`, w3m
//! writes `[12] https://...`). Neither the numbers nor the list is text of the page: a
//! number glued to a word hides the word from every word-level signal, and the list
//! reads as a long run of short lines. Both are removed, but only when the page ends with
//! such a list, so `[1]`-style footnotes of a page dumped without one are kept.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// One entry of the list: `12. https://...` (lynx, elinks) or `[12] https://...` (w3m). The
/// address starts with a scheme; lynx prints it as written, spaces and all.
static ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:(\d+)\.|\[(\d+)\])\s+[A-Za-z][\w+.-]*:\S").expect("valid regex"));

/// A link number in the text: `[12]`, with lynx's `#` before the page's own `<link>`s.
static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"#?\[(\d+)\]").expect("valid regex"));

/// At most one line in this many after the heading may be something else than an entry.
const CONTINUATIONS: usize = 5;

/// The sub-headings lynx puts inside the list.
const LIST_HEADINGS: [&str; 2] = ["Visible links:", "Hidden links:"];

/// The page's own `<link>` elements, as `elinks -dump` prints them before the page's text:
/// `Link: canonical`, `Link: Site » Feed (alternate)`.
const LINK_HEADER: &str = "Link: ";

/// The text without the run of `Link:` lines it starts with (and the lines they wrap onto),
/// kept as blank lines; a page that does not start with one is returned as it is.
pub fn without_link_header(text: &str) -> Cow<'_, str> {
    if !text.trim_start().starts_with(LINK_HEADER) {
        return Cow::Borrowed(text);
    }
    let width = text.lines().map(|l| l.trim_end().chars().count()).max().unwrap_or(0);
    let (mut kept, mut wrapped) = (String::with_capacity(text.len()), false);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        // A short line between two header lines is the first one's wrapped end, however
        // long the page's longest line is (`Link: Site » Feed` over `(alternate)`).
        let between = trimmed.chars().count() <= 20
            && lines.peek().is_some_and(|next| next.trim_start().starts_with(LINK_HEADER));
        let header = trimmed.starts_with(LINK_HEADER) || (wrapped && !trimmed.is_empty()) || between;
        if !header && !trimmed.is_empty() {
            kept.push_str(line);
            kept.push('\n');
            break;
        }
        // A header line close to the page's width was wrapped onto the next.
        wrapped = header && line.trim_end().chars().count() * 10 >= width * 8;
        kept.push('\n');
    }
    for line in lines {
        kept.push_str(line);
        kept.push('\n');
    }
    Cow::Owned(kept)
}

/// The text without a trailing link list and without the link numbers that point into it.
pub fn without_link_list(text: &str) -> Cow<'_, str> {
    let Some((cut, highest)) = trailing_list(text) else { return Cow::Borrowed(text) };
    let body = &text[..cut];
    let unmarked = MARK.replace_all(body, |c: &regex::Captures| {
        let known = c[1].parse::<usize>().is_ok_and(|n| (1..=highest).contains(&n));
        if known {
            String::new()
        } else {
            c[0].to_string()
        }
    });
    Cow::Owned(unmarked.into_owned())
}

/// Where the trailing link list starts (its `References` heading) and the highest link
/// number it lists, if the text ends with one.
fn trailing_list(text: &str) -> Option<(usize, usize)> {
    let heading = text.rfind("\nReferences")? + 1;
    let mut lines = text[heading..].lines();
    let title = lines.next()?.trim();
    if title != "References" && title != "References:" {
        return None;
    }
    let (mut highest, mut entries, mut others) = (0, 0, 0);
    for line in lines.map(str::trim).filter(|l| !l.is_empty() && !LIST_HEADINGS.contains(l)) {
        match ENTRY.captures(line).and_then(|c| c.get(1).or(c.get(2))?.as_str().parse::<usize>().ok()) {
            Some(n) => (highest, entries) = (highest.max(n), entries + 1),
            None => others += 1,
        }
    }
    // An address that holds a line break (a share link's text) spills onto lines of its own.
    if others * CONTINUATIONS > entries {
        return None;
    }
    (highest > 0).then_some((heading, highest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elinks_link_header_lines_are_blanked() {
        let page = "   Link: canonical\n   Link: Example Garden » Why Tide Pools Matter and What They Teach Us\n   Comments Feed (alternate)\n   Link: pingback\n   Skip to content\n\n   Why Tide Pools Matter\n";
        let out = without_link_header(page);
        assert_eq!(out, "\n\n\n\n   Skip to content\n\n   Why Tide Pools Matter\n");
        let wide = format!(
            "   Link: Example Garden » Feed\n   (alternate)\n   Link: shortlink\n   Skip\n{}\n",
            "x".repeat(120)
        );
        assert!(without_link_header(&wide).starts_with("\n\n\n   Skip\n"));
        let plain = "Why Tide Pools Matter\nLink: example.com\n";
        assert!(matches!(without_link_header(plain), Cow::Borrowed(_)));
    }

    #[test]
    fn lynx_numbers_and_list_go() {
        let dump = "   #[1]Feed\n\n[2]Home [3]About\n\nA [4]link in text, and [5] more.\n\n\
                    References\n\n   Visible links:\n   1. https://a.example/feed\n   2. https://a.example/\n\
                    3. https://a.example/about\n   4. https://b.example/x?q=two words\n\n   Hidden links:\n\
                    5. mailto:?body=Two\nlines of it\n";
        let out = without_link_list(dump);
        assert_eq!(out, "   Feed\n\nHome About\n\nA link in text, and  more.\n\n");
    }

    #[test]
    fn w3m_style_list_goes_too() {
        let out = without_link_list("Text [1]here.\n\nReferences:\n\n[1] https://a.example/\n");
        assert_eq!(out, "Text here.\n\n");
    }

    #[test]
    fn footnotes_without_a_list_stay() {
        let text = "A claim.[1]\n\nReferences\n\n[1] Smith, J. (2020). A book about things.\n";
        assert_eq!(without_link_list(text), text);
        let plain = "See note [2] below.\n";
        assert_eq!(without_link_list(plain), plain);
    }

    #[test]
    fn numbers_beyond_the_list_stay() {
        let out = without_link_list("Array [7] and [1]link.\n\nReferences\n\n   1. https://a.example/\n");
        assert_eq!(out, "Array [7] and link.\n\n");
    }
}
