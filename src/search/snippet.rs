//! Snippets: the best short passage of an article's body, with the matched words marked.

use std::ops::Range;

use anyhow::Result;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

/// Longest snippet, in characters.
const MAX_CHARS: usize = 220;

/// Bytes of body around a likely match handed to the snippet generator: the generator
/// tokenizes and stems all the text it gets, so it gets only the neighbourhood of the
/// first word that can match, not the whole body of every hit: a little context before
/// the word and a snippet's length after it.
const BEFORE: usize = MAX_CHARS / 4;
const AFTER: usize = MAX_CHARS;

/// A passage of the body and the byte ranges within it that matched the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// Makes snippets for one query.
pub struct Maker {
    generator: SnippetGenerator,
    /// How the body words that can match a query term begin (see `probe`).
    probes: Vec<Vec<u8>>,
}

impl Maker {
    pub fn new(searcher: &Searcher, query: &dyn Query, body: Field) -> Result<Maker> {
        let mut generator = SnippetGenerator::create(searcher, query, body)?;
        generator.set_max_num_chars(MAX_CHARS);
        Ok(Maker::with(generator, query, body))
    }

    /// A maker that highlights every term of the query on `body`, all weighing the same:
    /// for articles that come from elsewhere than this index (the cluster).
    pub fn for_terms(index: &tantivy::Index, query: &dyn Query, body: Field) -> Result<Maker> {
        let mut terms = std::collections::BTreeMap::new();
        query.query_terms(&mut |term, _| {
            if let (true, Some(text)) = (term.field() == body, term.value().as_str()) {
                terms.insert(text.to_string(), 1.0);
            }
        });
        let analyzer = index.tokenizer_for_field(body)?;
        Ok(Maker::with(SnippetGenerator::new(terms, analyzer, body, MAX_CHARS), query, body))
    }

    /// A maker around a generator, looking for the query's terms on `body`.
    fn with(generator: SnippetGenerator, query: &dyn Query, body: Field) -> Maker {
        let mut probes = Vec::new();
        query.query_terms(&mut |term, _| {
            if let Some(text) = term.value().as_str().filter(|_| term.field() == body) {
                probes.push(probe(text).to_vec());
            }
        });
        probes.sort();
        probes.dedup();
        Maker { generator, probes }
    }

    /// The snippet for a body: the best passage around the first query word in it; its
    /// opening words when no query word occurs in it.
    pub fn make(&self, body: &str) -> Snippet {
        let mut from = 0;
        while let Some(at) = self.first_candidate(body, from) {
            let region = around(body, at);
            let s = self.generator.snippet(&body[region.clone()]);
            if !s.fragment().is_empty() {
                return flatten(s.fragment(), s.highlighted());
            }
            from = region.end.max(at + 1);
        }
        Snippet { text: opening(body), highlights: Vec::new() }
    }

    /// Where the first word at or after `from` starts that begins like a query term.
    fn first_candidate(&self, body: &str, from: usize) -> Option<usize> {
        self.probes.iter().filter_map(|p| word_starting_with(body.as_bytes(), p, from)).min()
    }
}

/// The part of an indexed term (a lower-cased English stem) that every word stemming to it
/// begins with, ignoring case. Stems keep the start of their word and change at most its
/// last letter (`story` -> `stori`), or the last two in the `-ying` words (`dying` -> `die`).
fn probe(stem: &str) -> &[u8] {
    let bytes = stem.as_bytes();
    let cut = if stem.ends_with("ie") { 2 } else { 1 };
    let mut len = bytes.len().saturating_sub(cut).max(1).min(bytes.len());
    while !stem.is_char_boundary(len) {
        len -= 1;
    }
    &bytes[..len]
}

/// The first position at or after `from` where a word (not preceded by a letter or digit)
/// begins with `prefix`, ignoring ASCII case.
fn word_starting_with(text: &[u8], prefix: &[u8], from: usize) -> Option<usize> {
    let first = *prefix.first()?;
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut at = from;
    while at < text.len() {
        let i = at + memchr::memchr2(lower, upper, &text[at..])?;
        let word_start = i == 0 || !(text[i - 1].is_ascii_alphanumeric() || text[i - 1] >= 0x80);
        if word_start && text.get(i..i + prefix.len()).is_some_and(|w| w.eq_ignore_ascii_case(prefix)) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Up to BEFORE bytes before `at` and AFTER bytes after it, starting at a word and cut at
/// character boundaries.
fn around(text: &str, at: usize) -> Range<usize> {
    let mut start = at.saturating_sub(BEFORE);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 && !text[..start].ends_with(char::is_whitespace) {
        start = text[start..at]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(at, |(i, c)| start + i + c.len_utf8());
    }
    let mut end = (at + AFTER).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Puts a fragment on one line (whitespace runs become one space), keeping highlights aligned.
fn flatten(fragment: &str, highlights: &[Range<usize>]) -> Snippet {
    let mut text = String::with_capacity(fragment.len());
    let mut map = Vec::with_capacity(fragment.len() + 1);
    let mut in_space = false;
    for (i, c) in fragment.char_indices() {
        let space = c.is_whitespace();
        map.resize(i, text.len());
        map.push(text.len());
        if !(space && in_space) {
            text.push(if space { ' ' } else { c });
        }
        in_space = space;
    }
    map.resize(fragment.len() + 1, text.len());
    let highlights = highlights.iter().map(|r| map[r.start]..map[r.end]).collect();
    Snippet { text, highlights }
}

/// The body's first characters, cut at a word boundary.
fn opening(body: &str) -> String {
    let flat = body.replace("\n\n", " ");
    if flat.chars().count() <= MAX_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(MAX_CHARS).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flatten_keeps_highlights_on_their_words() {
        let s = flatten("one\n\ntwo  summit", &[Range { start: 10, end: 16 }]);
        assert_eq!(s.text, "one two summit");
        assert_eq!(&s.text[s.highlights[0].clone()], "summit");
    }

    #[test]
    fn probes_are_the_start_every_word_with_the_stem_shares() {
        assert_eq!(probe("elect"), b"elec");
        assert_eq!(probe("stori"), b"stor");
        assert_eq!(probe("die"), b"d");
        assert_eq!(probe("a"), b"a");
        assert_eq!(probe("caf\u{e9}"), b"caf");
    }

    #[test]
    fn candidates_are_word_starts_in_any_case() {
        let text = b"Reelected; the ELECTION. election";
        assert_eq!(word_starting_with(text, b"elec", 0), Some(15));
        assert_eq!(word_starting_with(text, b"elec", 16), Some(25));
        assert_eq!(word_starting_with(text, b"vote", 0), None);
        assert_eq!(word_starting_with("\u{e9}lection".as_bytes(), b"lec", 0), None);
    }

    #[test]
    fn regions_stay_on_character_boundaries() {
        let text = "é".repeat(400);
        let r = around(&text, 400);
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start <= 400);
        let words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        let r = around(words, words.find("fourteen").unwrap());
        assert_eq!(&words[r.start..r.start + 5], "five ", "starts at a word");
    }

    #[test]
    fn opening_cuts_at_a_word() {
        let body = "word ".repeat(100);
        let o = opening(&body);
        assert!(o.ends_with("word…"));
        assert!(o.chars().count() <= MAX_CHARS + 1);
        assert_eq!(opening("short\n\nbody"), "short body");
    }
}
