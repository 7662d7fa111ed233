//! Splitting text into runs of capitalised words: the candidate names.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon;

/// A word as found in the text, possessive stripped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    /// The word starts a sentence (its capital may not mean a name).
    pub sentence_start: bool,
}

impl Token<'_> {
    /// Whether a word starts with an upper-case letter and has a lower-case one or is an initial.
    pub fn is_capitalised(word: &str) -> bool {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return false };
        first.is_uppercase() && (word.chars().any(char::is_lowercase) || is_initial(word))
    }
}

/// A maximal run of capitalised words, not broken by punctuation.
#[derive(Debug, Clone, Default)]
pub struct Run<'a> {
    pub tokens: Vec<Token<'a>>,
}

impl<'a> Run<'a> {
    pub fn words(&self) -> Vec<&'a str> {
        self.tokens.iter().map(|t| t.word).collect()
    }
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*").expect("valid regex"));

/// Runs of capitalised words in a piece of text.
pub fn runs(text: &str) -> Vec<Run<'_>> {
    let mut runs = Vec::new();
    let mut current = Run::default();
    let mut last_end = 0;
    let mut sentence_start = true;
    for m in WORD.find_iter(text) {
        let gap = &text[last_end..m.start()];
        let (word, ends_sentence, possessive) = trim_word(m.as_str());
        if gap.trim() != "" || last_end == 0 {
            sentence_start |= gap.contains(['.', '?', '!', ':', '"', '“']) || last_end == 0;
            flush(&mut current, &mut runs);
        }
        if Token::is_capitalised(word) {
            let start = sentence_start && current.tokens.is_empty();
            if !(start && lexicon::is_function_word(word)) {
                current.tokens.push(Token { word, sentence_start: start });
            }
        } else {
            flush(&mut current, &mut runs);
        }
        if possessive || ends_sentence {
            flush(&mut current, &mut runs);
        }
        sentence_start = ends_sentence;
        last_end = m.end();
    }
    flush(&mut current, &mut runs);
    runs
}

fn flush<'a>(current: &mut Run<'a>, runs: &mut Vec<Run<'a>>) {
    if !current.tokens.is_empty() {
        runs.push(std::mem::take(current));
    }
}

/// Strips trailing full stops (keeping initials and abbreviations) and possessives.
fn trim_word(raw: &str) -> (&str, bool, bool) {
    let mut word = raw.trim_end_matches(['-', '\'', '’']);
    let mut ends_sentence = false;
    if word.ends_with('.') && !is_initial(word) && !is_abbreviation(word) {
        word = word.trim_end_matches('.');
        ends_sentence = true;
    }
    for suffix in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return (stem, ends_sentence, true);
        }
    }
    (word, ends_sentence, raw.ends_with(['\'', '’']))
}

/// `K.` or `J.R.`: capital letters each followed by a full stop.
fn is_initial(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b.chunks(2).all(|c| c.len() == 2 && c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// `U.S.`, `N.`: short dotted abbreviations that do not end a sentence by themselves.
fn is_abbreviation(word: &str) -> bool {
    word.len() <= 5 && word.matches('.').count() >= 2
}

/// The hyphenated given name of a romanised Korean name: `Jae-in`, `Jong-un`.
pub fn is_korean_given_name(word: &str) -> bool {
    match word.split_once('-') {
        Some((a, b)) => {
            Token::is_capitalised(a) && !b.is_empty() && b.chars().all(char::is_lowercase) && a.len() <= 6
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<&str>> {
        runs(text).iter().map(Run::words).collect()
    }

    #[test]
    fn runs_break_at_punctuation_and_lower_case() {
        assert_eq!(
            words("Mike Pompeo said Thursday, Stephen Biegun left."),
            vec![vec!["Mike", "Pompeo"], vec!["Thursday"], vec!["Stephen", "Biegun"]]
        );
    }

    #[test]
    fn possessive_ends_a_run() {
        assert_eq!(words("Donald Trump's point man"), vec![vec!["Donald", "Trump"]]);
    }

    #[test]
    fn sentence_start_function_words_are_dropped() {
        assert_eq!(words("It rained. But Biegun said no."), vec![vec!["Biegun"]]);
    }

    #[test]
    fn korean_given_names() {
        assert!(is_korean_given_name("Jae-in"));
        assert!(!is_korean_given_name("Trump-Kim"));
        assert!(!is_korean_given_name("Jones"));
    }
}
