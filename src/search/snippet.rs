//! Snippets: the best short passage of an article's body, with the matched words marked.

use std::ops::Range;

use anyhow::Result;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

/// Longest snippet, in characters.
const MAX_CHARS: usize = 220;

/// A passage of the body and the byte ranges within it that matched the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// Makes snippets for one query.
pub struct Maker {
    generator: SnippetGenerator,
}

impl Maker {
    pub fn new(searcher: &Searcher, query: &dyn Query, body: Field) -> Result<Maker> {
        let mut generator = SnippetGenerator::create(searcher, query, body)?;
        generator.set_max_num_chars(MAX_CHARS);
        Ok(Maker { generator })
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
        Ok(Maker { generator: SnippetGenerator::new(terms, analyzer, body, MAX_CHARS) })
    }

    /// The snippet for a body; its opening words when no query term occurs in it.
    pub fn make(&self, body: &str) -> Snippet {
        let s = self.generator.snippet(body);
        if s.fragment().is_empty() {
            return Snippet { text: opening(body), highlights: Vec::new() };
        }
        flatten(s.fragment(), s.highlighted())
    }
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
    fn opening_cuts_at_a_word() {
        let body = "word ".repeat(100);
        let o = opening(&body);
        assert!(o.ends_with("word…"));
        assert!(o.chars().count() <= MAX_CHARS + 1);
        assert_eq!(opening("short\n\nbody"), "short body");
    }
}
