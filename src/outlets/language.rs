//! The language of a page's function words, which decides the stop-word list its prose is
//! measured with.
//!
//! The block model tells prose from navigation partly by a block's share of stop words.
//! English pages keep the short English list the model was fitted with
//! ([`super::blocks::is_stop_word`]); a page whose function words are mostly another
//! language's is measured with that language's NLTK list (crate `stop-words`), so that a
//! French or German article reads as prose instead of as a page without any.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::blocks;

/// The NLTK lists tried: the languages written with spaces between words, English first.
const LANGUAGES: [&str; 27] = [
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "ru", "ro", "tr", "id", "ca", "hu",
    "sl", "el", "sq", "az", "eu", "be", "kk", "uz", "ar", "he",
];

/// How many words of a page are read to tell its language.
const SAMPLE: usize = 3000;

/// The least share of the sampled words another language's list must cover, and how many
/// times more of them than the English list, for the page to be read in that language.
const MIN_SHARE: f32 = 0.12;
const LEAD: f32 = 1.5;

/// For each stop word of any list, lower-cased, the languages it belongs to (bit `i` is
/// `LANGUAGES[i]`).
static MEMBERS: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut members: FxHashMap<&'static str, u32> = FxHashMap::default();
    for (i, code) in LANGUAGES.iter().enumerate() {
        for word in stop_words::lookup(code).unwrap_or_default() {
            *members.entry(word).or_default() |= 1 << i;
        }
    }
    members
});

static LISTS: LazyLock<Vec<FxHashSet<&'static str>>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|code| stop_words::lookup(code).unwrap_or_default().iter().copied().collect())
        .collect()
});

/// The stop words a page's blocks are measured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopWords {
    /// The built-in English list.
    English,
    /// The NLTK list of the language `LANGUAGES[index]`.
    Other(usize),
}

impl StopWords {
    /// The list for a page, from its first few thousand words: the language whose list
    /// covers most of them, when that is not English and covers clearly more than English.
    pub fn of(lines: &[&str]) -> StopWords {
        let mut hits = [0u32; LANGUAGES.len()];
        let mut words = 0;
        for word in lines.iter().flat_map(|l| l.split_whitespace()).filter(|w| !shouted(w)).take(SAMPLE) {
            words += 1;
            let mask = with_key(word, |key| MEMBERS.get(key).copied()).flatten().unwrap_or(0);
            for (i, hit) in hits.iter_mut().enumerate() {
                *hit += (mask >> i) & 1;
            }
        }
        // The first language with the most hits: English on a tie.
        let best = (1..LANGUAGES.len()).fold(0, |best, i| if hits[i] > hits[best] { i } else { best });
        let (most, english) = (hits[best] as f32, hits[0] as f32);
        if best == 0 || most < MIN_SHARE * words as f32 || most < LEAD * english {
            StopWords::English
        } else {
            StopWords::Other(best)
        }
    }

    /// Whether a word, punctuation around it aside, is a stop word of this list.
    pub fn contains(self, word: &str) -> bool {
        match self {
            StopWords::English => blocks::is_stop_word(word),
            StopWords::Other(i) => with_key(word, |key| LISTS[i].contains(key)).unwrap_or(false),
        }
    }

    /// The list's language code (`en`, `fr`, ...).
    #[cfg(test)]
    pub fn code(self) -> &'static str {
        match self {
            StopWords::English => "en",
            StopWords::Other(i) => LANGUAGES[i],
        }
    }
}

/// Whether a word is written in capitals (`[INS:`, `MENU`, `NEWS`): browsers' markup and
/// headings, whose function words say little of the text's language.
fn shouted(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// Calls `f` with a word lower-cased and stripped of the punctuation around it (`None` for
/// a word with no letter or digit). Short words are lower-cased on the stack.
fn with_key<T>(word: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return None;
    }
    if !w.chars().any(char::is_uppercase) {
        return Some(f(w));
    }
    Some(f(&w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_read_in_the_language_of_its_function_words() {
        let english = ["The minister said on Monday that the plan would be ready by the end of the year."];
        assert_eq!(StopWords::of(&english), StopWords::English);
        let french = ["Le ministre a déclaré lundi que le plan serait prêt à la fin de l'année, selon nos informations."];
        assert_eq!(StopWords::of(&french).code(), "fr");
        let german =
            ["Der Minister sagte am Montag, dass der Plan bis zum Ende des Jahres fertig sein werde."];
        assert_eq!(StopWords::of(&german).code(), "de");
        assert_eq!(StopWords::of(&["Home", "About", "Contact"]), StopWords::English);
        assert_eq!(StopWords::of(&[]), StopWords::English);
        let marked = ["[INS: Were :INS] [INS: the :INS] [INS: Big :INS] [INS: Topics :INS] [INS: at :INS]"];
        assert_eq!(StopWords::of(&marked), StopWords::English);
    }

    #[test]
    fn words_are_looked_up_lower_cased_without_punctuation() {
        let french = StopWords::Other(1);
        assert!(french.contains("Le") && french.contains("(dans,") && french.contains("était"));
        assert!(!french.contains("ministre") && !french.contains("--"));
        assert!(StopWords::English.contains("The") && !StopWords::English.contains("le"));
    }
}
