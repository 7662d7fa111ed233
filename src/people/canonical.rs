//! One spelling per person across the archive, where the spelling is certain to be a
//! variant of the same name.
//!
//! The rule: a name of a common Korean family name followed by a given name of two
//! romanised Korean syllables is written `Family Given-given`, whatever the source wrote:
//! KCNA's `Kim Jong Un` and `Kim Jong-Un` become Yonhap's `Kim Jong-un`. Both given-name
//! parts must be single Korean syllables (`Jong`, `Un`, `Hoon`, `Sei`), so Western names
//! that share a family name (`Lee Ann Rimes`) are left alone. Curly apostrophes become
//! straight ones. An East Slavic patronymic before the surname goes (`Vladimir Vladimirovich
//! Putin` -> `Vladimir Putin`), as Western copy writes the name. Everything else is kept as
//! the article writes it.

use super::lexicon;

/// The canonical spelling of a name's words.
pub fn canonical(mut words: Vec<String>) -> Vec<String> {
    for w in words.iter_mut().filter(|w| w.contains('’')) {
        *w = w.replace('’', "'");
    }
    if words.len() >= 2 && words[..words.len() - 1].iter().any(|w| is_patronymic(w)) {
        let last = words.len() - 1;
        words = words
            .into_iter()
            .enumerate()
            .filter(|(i, w)| *i == last || !is_patronymic(w))
            .map(|(_, w)| w)
            .collect();
    }
    match words.as_slice() {
        [family, a, b] if is_korean_family(family) && is_syllable_word(a) && is_syllable_word(b) => {
            vec![family.clone(), format!("{a}-{}", b.to_lowercase())]
        }
        [family, given] if is_korean_family(family) => match given.split_once('-') {
            Some((a, b)) if is_syllable_word(a) && is_syllable(&b.to_lowercase()) => {
                vec![family.clone(), format!("{a}-{}", b.to_lowercase())]
            }
            _ => words,
        },
        _ => words,
    }
}

/// How many of these words (2 or 3) make a Korean name, if they start with one: a family
/// name and a given name of two syllables, hyphenated (`Moon Jae-in`) or not (`Ri Son Gwon`).
pub fn korean_name_len(words: &[&str]) -> Option<usize> {
    let hyphenated = |w: &str| {
        w.split_once('-').is_some_and(|(a, b)| is_syllable_word(a) && is_syllable(&b.to_lowercase()))
    };
    // The family name first: it rules out nearly every capitalised word at once.
    match words {
        [family, ..] if !is_korean_family(family) => None,
        [_, given, ..] if hyphenated(given) => Some(2),
        [_, a, b, ..] if is_syllable_word(a) && is_syllable_word(b) => Some(3),
        _ => None,
    }
}

/// Whether a word is an East Slavic patronymic: capitalised, ending in `-ovich`, `-evich`,
/// `-ovna`, `-evna` or `-ichna` (`Vladimirovich`, `Anatolyevich`, `Ivanovna`).
fn is_patronymic(word: &str) -> bool {
    const ENDINGS: [&str; 5] = ["ovich", "evich", "ovna", "evna", "ichna"];
    word.len() > 7
        && word.starts_with(|c: char| c.is_uppercase())
        && ENDINGS.iter().any(|e| word.ends_with(e))
}

fn is_korean_family(word: &str) -> bool {
    lexicon::KOREAN_FAMILY.binary_search(&word).is_ok()
}

/// A capitalised word that is one romanised Korean syllable.
fn is_syllable_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && is_syllable(&word.to_lowercase())
}

const INITIALS: &[&str] = &[
    "", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss", "sh", "j", "jj", "ch",
    "h",
];
const VOWELS: &[&str] = &[
    "a", "ae", "e", "ei", "eo", "eu", "i", "o", "oe", "oo", "ou", "u", "ui", "wa", "wae", "we", "wi", "wo",
    "ya", "yae", "ye", "yeo", "yo", "you", "yu",
];
const FINALS: &[&str] = &["", "k", "g", "n", "l", "m", "p", "b", "ng", "t"];

/// Whether a lower-case string is one romanised Korean syllable: initial, vowel, final.
fn is_syllable(s: &str) -> bool {
    INITIALS
        .iter()
        .filter_map(|i| s.strip_prefix(i))
        .any(|rest| VOWELS.iter().filter_map(|v| rest.strip_prefix(v)).any(|fin| FINALS.contains(&fin)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(name: &str) -> String {
        let words: Vec<String> = name.split(' ').map(String::from).collect();
        canonical(words).join(" ")
    }

    #[test]
    fn korean_names_get_one_spelling() {
        assert_eq!(canon("Kim Jong Un"), "Kim Jong-un");
        assert_eq!(canon("Kim Jong-Un"), "Kim Jong-un");
        assert_eq!(canon("Kim Jong-un"), "Kim Jong-un");
        assert_eq!(canon("Choe Son Hui"), "Choe Son-hui");
        assert_eq!(canon("Cho Sei-young"), "Cho Sei-young");
    }

    #[test]
    fn patronymics_before_the_surname_go() {
        assert_eq!(canon("Vladimir Vladimirovich Putin"), "Vladimir Putin");
        assert_eq!(canon("Valentina Ivanovna Matviyenko"), "Valentina Matviyenko");
        assert_eq!(canon("Anatolyevich Medvedev"), "Medvedev");
        assert_eq!(canon("Roman Abramovich"), "Roman Abramovich");
        assert_eq!(canon("Abramovich"), "Abramovich");
    }

    #[test]
    fn other_names_are_left_alone() {
        assert_eq!(canon("Lee Ann Rimes"), "Lee Ann Rimes");
        assert_eq!(canon("Mary Jong Un"), "Mary Jong Un");
        assert_eq!(canon("Kim Jong"), "Kim Jong");
        assert_eq!(canon("Park Geun-hye"), "Park Geun-hye");
    }

    #[test]
    fn apostrophes_are_straightened() {
        assert_eq!(canon("Keith O’Neill"), "Keith O'Neill");
    }

    #[test]
    fn korean_names_in_running_text() {
        assert_eq!(korean_name_len(&["Moon", "Jae-in", "said"]), Some(2));
        assert_eq!(korean_name_len(&["Ri", "Son", "Gwon"]), Some(3));
        assert_eq!(korean_name_len(&["Moon", "Landing-site"]), None);
        assert_eq!(korean_name_len(&["Trump", "Jae-in"]), None);
        assert_eq!(korean_name_len(&["Lee", "Ann", "Rimes"]), None);
    }

    #[test]
    fn syllables() {
        for s in ["jong", "un", "jae", "in", "do", "hoon", "sei", "young", "hui", "pyong", "chol"] {
            assert!(is_syllable(s), "{s}");
        }
        for s in ["ann", "mary", "rimes", "smith"] {
            assert!(!is_syllable(s), "{s}");
        }
    }
}
