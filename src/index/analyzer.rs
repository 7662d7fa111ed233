//! The full-text analyzer of headlines and bodies, in one pass over the text.
//!
//! It gives exactly the tokens of tantivy's chain `SimpleTokenizer` -> `RemoveLongFilter`
//! -> `LowerCaser` -> `AsciiFoldingFilter` -> English stemmer (same texts, same
//! positions), which defines the index's terms. Done in one pass, an ASCII word (nearly
//! every word of English news) is found, lower-cased and looked up among the remembered
//! stems without going through four token filters, each with its own checks and copies;
//! only words with other characters take tantivy's own lower-casing and folding.

use std::sync::LazyLock;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::stemmer;

/// Words this long or longer (in bytes, as written) are not indexed, as with tantivy's
/// `RemoveLongFilter`; they still take a position.
pub const MAX_WORD_BYTES: usize = 40;

/// Splits at characters that are not letters or digits, drops overlong words, lower-cases,
/// folds accents to ASCII and stems (English).
#[derive(Clone)]
pub struct EnglishTokenizer {
    token: Token,
    /// Lower-cases and folds one whole word with other than ASCII characters.
    folder: TextAnalyzer,
    word: String,
}

impl Default for EnglishTokenizer {
    fn default() -> Self {
        let folder = TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        EnglishTokenizer { token: Token::default(), folder, word: String::new() }
    }
}

impl Tokenizer for EnglishTokenizer {
    type TokenStream<'a> = EnglishTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> EnglishTokenStream<'a> {
        self.token.reset();
        EnglishTokenStream {
            text,
            at: 0,
            token: &mut self.token,
            folder: &mut self.folder,
            word: &mut self.word,
        }
    }
}

/// The tokens of one text.
pub struct EnglishTokenStream<'a> {
    text: &'a str,
    /// Where the search for the next word starts.
    at: usize,
    token: &'a mut Token,
    folder: &'a mut TextAnalyzer,
    /// The current word lower-cased and folded, before stemming.
    word: &'a mut String,
}

impl TokenStream for EnglishTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(word) = next_word(self.text, &mut self.at) {
            self.token.position = self.token.position.wrapping_add(1);
            if word.end - word.start >= MAX_WORD_BYTES {
                continue;
            }
            (self.token.offset_from, self.token.offset_to) = (word.start, word.end);
            let written = &self.text[word.start..word.end];
            let lower = match word.case {
                Case::Lower => written,
                Case::Upper => {
                    self.word.clear();
                    self.word.push_str(written);
                    self.word.make_ascii_lowercase();
                    self.word.as_str()
                }
                Case::Other => {
                    self.word.clear();
                    if let Some(token) = self.folder.token_stream(written).next() {
                        self.word.push_str(&token.text);
                    }
                    self.word.as_str()
                }
            };
            stemmer::stem_into(lower, &mut self.token.text);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// What lower-casing and folding a word takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Case {
    /// ASCII lower-case letters and digits: nothing.
    Lower,
    /// ASCII with upper-case letters: ASCII lower-casing.
    Upper,
    /// Other characters: tantivy's lower-casing and folding.
    Other,
}

/// A run of letters and digits.
struct Word {
    start: usize,
    end: usize,
    case: Case,
}

/// Each byte's part in a word: not in one (ASCII other than letters and digits), an ASCII
/// lower-case letter or digit, an ASCII upper-case letter, or a byte of a longer character
/// (decoded to tell).
const SEPARATOR: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const WIDE: u8 = 3;
static BYTES: [u8; 256] = {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'0'..=b'9' => LOWER,
            b'A'..=b'Z' => UPPER,
            _ => SEPARATOR,
        };
        b += 1;
    }
    table
};

/// Characters below this are told letters or digits by [`SMALL_ALPHANUMERIC`]: they take
/// in the accented Latin letters and the curly quotes and dashes news text is full of.
const SMALL: usize = 0x2100;

/// `char::is_alphanumeric` for every character below [`SMALL`], worked out once: the
/// standard library's answer for a character beyond ASCII is a search through tables.
static SMALL_ALPHANUMERIC: LazyLock<Vec<bool>> = LazyLock::new(|| {
    (0..SMALL as u32).map(|c| char::from_u32(c).is_some_and(char::is_alphanumeric)).collect()
});

/// The character starting at byte `i` of `text` (beyond ASCII): its length in bytes, and
/// whether it is a letter or digit.
fn wide_char(text: &str, i: usize) -> (usize, bool) {
    match text.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) if (c as usize) < SMALL => (c.len_utf8(), SMALL_ALPHANUMERIC[c as usize]),
        Some(c) => (c.len_utf8(), c.is_alphanumeric()),
        None => (1, false),
    }
}

/// ASCII lower-case letters and digits, as byte ranges.
const LOWER_ALNUM: &[(u8, u8)] = &[(b'a', b'z'), (b'0', b'9')];

/// The next run of letters and digits at or after `*at`, moving `*at` past it.
fn next_word(text: &str, at: &mut usize) -> Option<Word> {
    let bytes = text.as_bytes();
    let mut i = *at;
    let start = loop {
        match BYTES[usize::from(*bytes.get(i)?)] {
            LOWER | UPPER => break i,
            WIDE => match wide_char(text, i) {
                (_, true) => break i,
                (len, false) => i += len,
            },
            _ => i += 1,
        }
    };
    let mut case = Case::Lower;
    while let Some(&b) = bytes.get(i) {
        // Most of a word is ASCII lower-case letters and digits: skip them 8 at a time.
        if let Some(block) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            let run = crate::text::ascii_run(u64::from_le_bytes(*block), LOWER_ALNUM);
            if run > 0 {
                i += run;
                continue;
            }
        }
        match BYTES[usize::from(b)] {
            LOWER => i += 1,
            UPPER => {
                case = case.max(Case::Upper);
                i += 1;
            }
            WIDE => match wide_char(text, i) {
                (len, true) => {
                    case = Case::Other;
                    i += len;
                }
                (_, false) => break,
            },
            _ => break,
        }
    }
    *at = i;
    Some(Word { start, end: i, case })
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer, Stemmer};

    use super::*;

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn tantivy_chain() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::default())
            .build()
    }

    #[test]
    fn same_tokens_as_tantivys_chain() {
        let texts = [
            "Elections, electing; nationalization RUNNING happily skies dying news",
            "Émile Zola's CAFÉ in Zürich: straße, İstanbul, ΣΟΦΊΑ, 北京 2020-07-08 x²",
            "An overlong word: pneumonoultramicroscopicsilicovolcanoconiosisxx and after it",
            "Ünïcode ﬁnance Ǆemal ½ 3rd 1,000 U.S. e-mail don't — “quoted” …",
            "",
            "   ,,, ",
        ];
        for text in texts {
            assert_eq!(
                tokens(TextAnalyzer::from(EnglishTokenizer::default()), text),
                tokens(tantivy_chain(), text)
            );
        }
    }

    #[test]
    fn overlong_words_keep_their_position() {
        let text = format!("before {} after", "a".repeat(MAX_WORD_BYTES));
        let got = tokens(TextAnalyzer::from(EnglishTokenizer::default()), &text);
        assert_eq!(got.iter().map(|t| (t.0.as_str(), t.1)).collect::<Vec<_>>(), [("befor", 0), ("after", 2)]);
    }
}
