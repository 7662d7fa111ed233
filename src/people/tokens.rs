//! Splitting a headline or paragraph into tokens: words, numbers and punctuation marks.
//!
//! Initials (`P.`), dotted abbreviations (`U.S.`) and a few title abbreviations (`Mr.`)
//! keep their full stop; any other full stop is a token of its own and ends a sentence.
//! Possessives are split off (`Trump's` -> `Trump`, `'s`), while apostrophes and hyphens
//! inside a word stay (`O'Neill`, `Jae-in`, `Trump-Kim`).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// A token as found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offset of the token in the text it came from.
    pub start: usize,
    pub kind: Kind,
    /// The token is the first word of a sentence, so its capital may not mean a name.
    pub sentence_start: bool,
    /// The word has a hyphen inside (`Jae-in`, `al-Assad`).
    pub hyphenated: bool,
}

impl Token<'_> {
    /// Whether the token is a word starting with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word && self.text.starts_with(char::is_uppercase)
    }

    /// Byte offset just after the token.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Abbreviations that keep their full stop (compared without it).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Det", "Dr", "Ft", "Gen", "Gov", "Inc",
    "Insp", "Jr", "Lt", "Ltd", "Maj", "Messrs", "Mme", "Mr", "Mrs", "Ms", "Mt", "No", "Prof", "Rep", "Rev",
    "Sen", "Sgt", "Sr", "St", "Supt", "vs",
];

/// What a byte is to the tokenizer: an ASCII letter, digit, white space or other
/// character, or part of a longer character (decoded to tell). Numbered so that tests are
/// comparisons (`< DIGIT` ...), not a jump through a table, which processors mispredict.
const LETTER: u8 = 0;
const DIGIT: u8 = 1;
const SPACE: u8 = 2;
const OTHER: u8 = 3;
const WIDE: u8 = 4;

static BYTES: [u8; 256] = {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => SPACE,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

/// The tokens of a piece of text.
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Appends the tokens of a piece of text to `tokens` (offsets are into `text`).
pub fn tokenize_into<'a>(text: &'a str, tokens: &mut Vec<Token<'a>>) {
    let mut boundary = true;
    let mut start = 0;
    while let Some(&b) = text.as_bytes().get(start) {
        // ASCII white space, words and numbers are told from the byte alone.
        let class = BYTES[usize::from(b)];
        if class == SPACE {
            start += 1;
            continue;
        }
        let kind = if class == LETTER {
            Some(Kind::Word)
        } else if class == DIGIT {
            Some(Kind::Number)
        } else {
            None
        };
        let (c, len) = char_at(text, start).unwrap_or_default();
        let kind = match kind {
            Some(kind) => kind,
            None if c.is_whitespace() => {
                start += len;
                continue;
            }
            None if !alphanumeric(c) => {
                let end = start + len;
                let text = &text[start..end];
                tokens.push(Token {
                    text,
                    start,
                    kind: Kind::Punct,
                    sentence_start: false,
                    hyphenated: false,
                });
                boundary |= matches!(c, '.' | '!' | '?' | ':');
                start = end;
                continue;
            }
            None if c.is_numeric() => Kind::Number,
            None => Kind::Word,
        };
        let (end, hyphenated) = word_end(text, start);
        push_word(tokens, &text[start..end], start, (kind, hyphenated), boundary);
        boundary = false;
        start = end;
    }
}

/// The character at byte offset `i` (a character boundary) and its length in bytes, read
/// straight from the byte when it is ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// Whether the character at byte offset `i` is a letter or digit.
fn alphanumeric_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(|(c, _)| alphanumeric(c))
}

/// Whether a character is a letter or digit, answering for the typographic punctuation of
/// news text (curly quotes, dashes, ellipses: the General Punctuation block, where no
/// character is either) without a search of the Unicode tables.
#[inline]
fn alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
}

/// Pushes a word, splitting a possessive `'s` off as its own token.
fn push_word<'a>(
    tokens: &mut Vec<Token<'a>>,
    word: &'a str,
    start: usize,
    (kind, hyphenated): (Kind, bool),
    boundary: bool,
) {
    let possessive = word.ends_with(['s', 'S']);
    let stem_len = ["'s", "’s", "'S", "’S"]
        .iter()
        .filter(|_| possessive)
        .find_map(|s| word.strip_suffix(s).filter(|stem| !stem.is_empty()).map(str::len));
    let sentence_start = boundary;
    match stem_len {
        Some(n) => {
            tokens.push(Token { text: &word[..n], start, kind, sentence_start, hyphenated });
            let clitic = Token {
                text: &word[n..],
                start: start + n,
                kind: Kind::Punct,
                sentence_start: false,
                hyphenated: false,
            };
            tokens.push(clitic);
        }
        None => tokens.push(Token { text: word, start, kind, sentence_start, hyphenated }),
    }
}

/// ASCII letters and digits, as byte ranges.
const ALNUM: &[(u8, u8)] = &[(b'a', b'z'), (b'A', b'Z'), (b'0', b'9')];

/// End of the word starting at `start`: letters and digits, joined by single inner
/// apostrophes, hyphens or full stops, plus a final full stop for initials and abbreviations;
/// and whether a hyphen joined two parts.
fn word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let (mut end, mut hyphenated) = (start, false);
    while let Some(&b) = bytes.get(end) {
        // Most of a word is ASCII letters and digits: skip them 8 at a time.
        if let Some(block) = bytes.get(end..).and_then(<[u8]>::first_chunk::<8>) {
            let run = crate::text::ascii_run(u64::from_le_bytes(*block), ALNUM);
            if run > 0 {
                end += run;
                continue;
            }
        }
        let class = BYTES[usize::from(b)];
        let len = if class <= DIGIT {
            1
        } else if class == OTHER
            && matches!(b, b'\'' | b'-' | b'.')
            && alphanumeric_at(text, end + 1)
            && !(b == b'.' && runs_into_sentence(bytes, start, end))
        {
            hyphenated |= b == b'-';
            1
        } else if class == WIDE {
            match char_at(text, end) {
                Some((c, len)) if alphanumeric(c) || c == '’' && alphanumeric_at(text, end + len) => len,
                _ => break,
            }
        } else {
            break;
        };
        end += len;
    }
    if bytes.get(end) == Some(&b'.') && keeps_full_stop(&text[start..end]) {
        end += 1;
    }
    (end, hyphenated)
}

/// Whether the full stop at `dot` ends a sentence that lost the space after it (`Obama.Yes`,
/// `Clinton.Democrats`): a word of small letters before it, a capital after it. Initials
/// (`U.S`, `H.W`), `Ph.D` and addresses (`FoxNews.com`) stay one word.
fn runs_into_sentence(bytes: &[u8], start: usize, dot: usize) -> bool {
    dot >= start + 2
        && bytes[dot - 1].is_ascii_lowercase()
        && bytes[dot - 2].is_ascii_lowercase()
        && bytes.get(dot + 1).is_some_and(u8::is_ascii_uppercase)
}

/// `P`, `U.S`, `Mr`: words whose following full stop belongs to them.
fn keeps_full_stop(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_capital || word.contains('.') || ABBREVIATIONS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn a_sentence_glued_to_the_last_is_split_at_its_full_stop() {
        assert_eq!(texts("for Barack Obama.Yes, he"), vec!["for", "Barack", "Obama", ".", "Yes", ",", "he"]);
        assert!(tokenize("Obama.Yes")[2].sentence_start);
        assert_eq!(texts("Sen.Ted Cruz"), vec!["Sen.", "Ted", "Cruz"]);
        assert_eq!(texts("U.S.Army Ph.D FoxNews.com"), vec!["U.S.Army", "Ph.D", "FoxNews.com"]);
    }

    #[test]
    fn words_punctuation_and_possessives() {
        assert_eq!(
            texts("Donald Trump's envoy, Stephen Biegun, left."),
            vec!["Donald", "Trump", "'s", "envoy", ",", "Stephen", "Biegun", ",", "left", "."]
        );
    }

    #[test]
    fn initials_abbreviations_and_inner_marks_stay_in_words() {
        assert_eq!(
            texts("P. Simmons (U.S.) met Mr. O'Neill"),
            vec!["P.", "Simmons", "(", "U.S.", ")", "met", "Mr.", "O'Neill"]
        );
        assert_eq!(texts("Moon Jae-in, 1996-08-30"), vec!["Moon", "Jae-in", ",", "1996-08-30"]);
    }

    #[test]
    fn sentence_starts_follow_full_stops_and_colons() {
        let starts: Vec<&str> = tokenize("He left. \"Kim said no: Lee\" agreed")
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text)
            .collect();
        assert_eq!(starts, vec!["He", "Kim", "Lee"]);
    }

    #[test]
    fn hyphens_inside_words_are_noted() {
        let hyphenated: Vec<(&str, bool)> =
            tokenize("Jae-in's O'Neill - U.S. al-Assad").iter().map(|t| (t.text, t.hyphenated)).collect();
        assert_eq!(
            hyphenated,
            vec![
                ("Jae-in", true),
                ("'s", false),
                ("O'Neill", false),
                ("-", false),
                ("U.S.", false),
                ("al-Assad", true)
            ]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Émile Zola's book";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end()], t.text);
        }
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphanumeric()));
        assert!(alphanumeric('é') && alphanumeric('7') && !alphanumeric('’') && !alphanumeric('-'));
    }

    #[test]
    fn abbreviations_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }
}
