//! Snippets: a short passage of an article's body around the first word that matches the
//! query, with the matched words marked.

use std::cell::RefCell;
use std::ops::Range;

use anyhow::Result;
use rustc_hash::FxHashSet;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Index;

/// Longest snippet, in bytes of the body.
const MAX_CHARS: usize = 220;

/// Bytes of body around a likely match that are searched for matching words: a little
/// context before the word and a snippet's length after it.
const BEFORE: usize = MAX_CHARS / 4;
const AFTER: usize = MAX_CHARS;

/// A passage of the body and the byte ranges within it that matched the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// Makes snippets for one query: finds the first body word that analyzes (lower-cased,
/// folded, stemmed, as when indexing) to one of the query's terms on the body field, and
/// shows the passage around it with every matching word marked.
pub struct Maker {
    /// The body field's analyzer, run only on words that can match (see `may_match`).
    analyzer: RefCell<TextAnalyzer>,
    /// The query's terms on the body field, as indexed.
    terms: FxHashSet<String>,
    /// How the body words that can match a query term begin (see `probe`).
    probes: Vec<Vec<u8>>,
}

impl Maker {
    /// A maker for the query's terms on `body`, analyzed as `index` analyzes that field.
    pub fn new(index: &Index, query: &dyn Query, body: Field) -> Result<Maker> {
        let mut terms = FxHashSet::default();
        query.query_terms(&mut |term, _| {
            if let Some(text) = term.value().as_str().filter(|_| term.field() == body) {
                terms.insert(text.to_string());
            }
        });
        let mut probes: Vec<Vec<u8>> = terms.iter().map(|t| probe(t).to_vec()).collect();
        probes.sort();
        probes.dedup();
        let analyzer = RefCell::new(index.tokenizer_for_field(body)?);
        Ok(Maker { analyzer, terms, probes })
    }

    /// The snippet for a body: the passage around the first query word in it; its
    /// opening words when no query word occurs in it.
    pub fn make(&self, body: &str) -> Snippet {
        let mut from = 0;
        while let Some(at) = self.first_candidate(body, from) {
            let region = around(body, at);
            let text = &body[region.clone()];
            let highlights = self.matches(text);
            if !highlights.is_empty() {
                return passage(text, &highlights);
            }
            from = region.end.max(at + 1);
        }
        Snippet { text: opening(body), highlights: Vec::new() }
    }

    /// Where the first word at or after `from` starts that begins like a query term.
    fn first_candidate(&self, body: &str, from: usize) -> Option<usize> {
        self.probes.iter().filter_map(|p| word_starting_with(body.as_bytes(), p, from)).min()
    }

    /// The words of `text` that analyze to a query term.
    fn matches(&self, text: &str) -> Vec<Range<usize>> {
        let mut analyzer = self.analyzer.borrow_mut();
        words(text)
            .filter(|w| self.may_match(&text[w.clone()]))
            .filter(|w| {
                let mut tokens = analyzer.token_stream(&text[w.clone()]);
                let mut hit = false;
                while let Some(token) = tokens.next() {
                    hit |= self.terms.contains(&token.text);
                }
                hit
            })
            .collect()
    }

    /// Whether a word can analyze to a query term: it begins like one, ignoring case, or
    /// it has letters that folding may change.
    fn may_match(&self, word: &str) -> bool {
        !word.is_ascii()
            || self
                .probes
                .iter()
                .any(|p| word.as_bytes().get(..p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p)))
    }
}

/// The words of a text as the body's tokenizer splits it: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// The passage of `text` (a region starting at a word) shown for its matched words: from
/// the start, or from a little before the first match when that lies further on, to the
/// end of the last whole word within MAX_CHARS bytes, on one line.
fn passage(text: &str, highlights: &[Range<usize>]) -> Snippet {
    let first = highlights[0].clone();
    let start = if first.end <= MAX_CHARS {
        words(text).next().map_or(0, |w| w.start)
    } else {
        words(text).map(|w| w.start).find(|&s| s + BEFORE >= first.start).unwrap_or(first.start)
    };
    let end = words(text)
        .map(|w| w.end)
        .filter(|&e| e >= first.end)
        .take_while(|&e| e - start <= MAX_CHARS)
        .last()
        .unwrap_or(first.end);
    let inside: Vec<Range<usize>> = highlights
        .iter()
        .filter(|h| h.start >= start && h.end <= end)
        .map(|h| h.start - start..h.end - start)
        .collect();
    flatten(&text[start..end], &inside)
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

    fn maker(query: &str) -> Maker {
        let index = Index::create_in_ram(crate::index::schema::build());
        crate::index::schema::register_analyzers(&index);
        let body = index.schema().get_field(crate::index::schema::name::BODY).unwrap();
        let query = tantivy::query::QueryParser::for_index(&index, vec![body]).parse_query(query).unwrap();
        Maker::new(&index, &*query, body).unwrap()
    }

    #[test]
    fn words_that_stem_like_the_query_are_marked() {
        let s = maker("elections AND Café")
            .make("An Elector spoke. Two ELECTIONS were held at the cafe, then one election.");
        let marked: Vec<&str> = s.highlights.iter().map(|h| &s.text[h.clone()]).collect();
        assert_eq!(marked, ["ELECTIONS", "cafe", "election"]);
        let none = maker("summit").make("No match here.");
        assert_eq!((none.text.as_str(), none.highlights.len()), ("No match here.", 0));
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "Kim's 2nd—visit, café!";
        let got: Vec<&str> = words(text).map(|w| &text[w]).collect();
        assert_eq!(got, ["Kim", "s", "2nd", "visit", "café"]);
    }

    #[test]
    fn passages_keep_the_first_match_and_end_at_a_word() {
        let text = format!("{} summit talks", "word ".repeat(60));
        let at = text.find("summit").unwrap();
        let s = passage(&text, &[Range { start: at, end: at + 6 }]);
        assert!(s.text.len() <= MAX_CHARS && s.text.ends_with("summit talks"), "{}", s.text);
        assert_eq!(&s.text[s.highlights[0].clone()], "summit");
        let s = passage("\"Summit\" talks, more words", &[Range { start: 1, end: 7 }]);
        assert_eq!(
            (s.text.as_str(), s.highlights),
            ("Summit\" talks, more words", vec![Range { start: 0, end: 6 }])
        );
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
