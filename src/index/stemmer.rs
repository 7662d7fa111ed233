//! English stemming with a per-thread memory of words already stemmed.
//!
//! The Snowball stemmer is the costliest step of tokenizing news text (for indexing and for
//! snippets), and news vocabulary is small and repetitive: most words have been stemmed
//! before. The filter gives exactly the stems of tantivy's own English `Stemmer`.

use std::cell::RefCell;
use std::mem;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered per thread before the memory starts over.
const MAX_REMEMBERED: usize = 200_000;

/// The stemmer and the stems it gave, by word.
type Memory = (frostem::Stemmer, FxHashMap<Box<str>, Box<str>>);

thread_local! {
    static STEMS: RefCell<Memory> =
        RefCell::new((frostem::Stemmer::new(frostem::Algorithm::English), FxHashMap::default()));
}

/// The English stem of a lower-cased word.
pub fn stem_into(word: &str, out: &mut String) {
    STEMS.with_borrow_mut(|(stemmer, known)| {
        out.clear();
        if let Some(stem) = known.get(word) {
            out.push_str(stem);
            return;
        }
        let stem = stemmer.stem(word);
        out.push_str(&stem);
        if known.len() >= MAX_REMEMBERED {
            known.clear();
        }
        known.insert(word.into(), stem.as_ref().into());
    });
}

/// The token filter: English stems, remembered.
#[derive(Clone, Copy, Debug, Default)]
pub struct RememberingStemmer;

impl TokenFilter for RememberingStemmer {
    type Tokenizer<T: Tokenizer> = StemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemFilter<T> {
        StemFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct StemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemFilter<T> {
    type TokenStream<'a> = StemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemStream { tail: self.inner.token_stream(text), buffer: String::new() }
    }
}

pub struct StemStream<T> {
    tail: T,
    buffer: String,
}

impl<T: TokenStream> TokenStream for StemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        stem_into(&token.text, &mut self.buffer);
        mem::swap(&mut token.text, &mut self.buffer);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::*;

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_equal_tantivys_own_twice_over() {
        let text = "Elections, electing; nationalization running RUNS happily skies dying news \
                    elections running Ünïcode";
        let ours = || {
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(RememberingStemmer)
        };
        let theirs =
            TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(Stemmer::default());
        let expected = tokens(theirs.build(), text);
        assert_eq!(tokens(ours().build(), text), expected);
        assert_eq!(tokens(ours().build(), text), expected, "remembered stems are the same");
        assert!(expected.contains(&"elect".to_string()));
    }
}
