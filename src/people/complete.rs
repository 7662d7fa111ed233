//! Completing names the tagger cut short, from what it found elsewhere in the article.
//!
//! When a word is tagged as a surname somewhere (`Peres said`), another place where the
//! same word follows a capitalised word that could be a given name (`Shimon Peres`, left
//! untagged there) is the full name. Titles, nationalities, function words, months, place
//! and organisation words and plain English words (unless also given names) never count as
//! a given name.

use super::classes::Class;
use super::features::{Article, Sequence, Style, Tag};
use super::hash::HashMap;

/// Extends tagged surnames to the given names written before them elsewhere.
pub fn given_names(article: &Article, tags: &mut [Tag]) {
    let surnames = tagged_last_words(article, tags);
    if surnames.is_empty() {
        return;
    }
    for (s, seq) in article.sequences().enumerate() {
        let seq_tags = &mut tags[article.range(s)];
        for j in 1..seq.tokens.len() {
            let untagged = seq_tags[j - 1] == Tag::O && seq_tags[j] != Tag::I;
            // The cheap tests first: most words follow no candidate.
            if !untagged || !seq.candidate[j - 1] {
                continue;
            }
            let given = could_be_given_name(&seq, j - 1);
            // A word given name needs the surname tagged alone, asked only of English words.
            let word = !given && seq.classes[j - 1].has(Class::English);
            if !given && !word {
                continue;
            }
            let Some(&tagged) = surnames.get(&seq.lower[j]) else { continue };
            if given || tagged == ALONE && could_be_word_given_name(article, &seq, j - 1) {
                seq_tags[j - 1] = Tag::B;
                seq_tags[j] = Tag::I;
            }
        }
    }
}

/// How a word ends tagged names: as a name of its own (`Romney said`) or as the last word
/// of a longer one (`Barack Obama`), as bits.
const ALONE: u8 = 1;
const IN_LONGER: u8 = 2;

/// Lower-case hashes of the last words of tagged names, with how they end them.
fn tagged_last_words(article: &Article, tags: &[Tag]) -> HashMap<u8> {
    let mut last = HashMap::default();
    for (s, seq) in article.sequences().enumerate() {
        let seq_tags = &tags[article.range(s)];
        for (i, tag) in seq_tags.iter().enumerate() {
            let ends = seq_tags.get(i + 1).is_none_or(|t| *t != Tag::I);
            if *tag != Tag::O && ends {
                *last.entry(seq.lower[i]).or_insert(0) |= if *tag == Tag::B { ALONE } else { IN_LONGER };
            }
        }
    }
    last
}

fn could_be_given_name(seq: &Sequence, i: usize) -> bool {
    if !seq.candidate[i] {
        return false;
    }
    let classes = seq.classes[i];
    let excluded = [Class::Title, Class::Nationality, Class::Function, Class::MonthDay, Class::NonPerson];
    let compound = seq.tokens[i].text.split('-').skip(1).any(|p| p.starts_with(char::is_lowercase));
    seq.tokens[i].is_capitalised()
        && !compound
        && !excluded.iter().any(|c| classes.has(*c))
        && (!classes.has(Class::English) || classes.has(Class::Given) || classes.has(Class::GivenTop))
}

/// A given name that is also an English word and missing from the census lists (`Mitt`,
/// `Newt`, `Tucker`), before a surname the article names only alone (so not `Team` of
/// `Team Obama` beside `Barack Obama`): written like a name (`Mitt`, not `WATCH`),
/// capitalised mid-sentence in running text and never in lower case in the article, before
/// a surname that is no given name, English word, place or nationality itself (`Uncle Sam`,
/// `Camp David` and `Morning Joe` end in given names, `Never Trump` and `Thank God` in
/// words, `Healthy Texas` in a place) and no initial.
fn could_be_word_given_name(article: &Article, seq: &Sequence, i: usize) -> bool {
    let (word, surname) = (seq.tokens[i].text, seq.tokens[i + 1].text);
    let name_cased = |w: &str| {
        let mut letters = w.chars();
        letters.next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| c.is_lowercase() || c == '\'' || c == '’')
            && w.chars().count() >= 3
    };
    let classes = seq.classes[i + 1];
    seq.style == Style::Normal
        && !seq.tokens[i].sentence_start
        && seq.classes[i].has(Class::English)
        && name_cased(word)
        && surname.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !surname.ends_with('.')
        && ![Class::Given, Class::GivenTop, Class::English, Class::Place, Class::Nationality]
            .iter()
            .any(|c| classes.has(*c))
        && could_be_given_name_but_for_english(seq, i)
        && !article.writes_in_lower_case(seq.lower[i])
}

/// [`could_be_given_name`] without its test of English words.
fn could_be_given_name_but_for_english(seq: &Sequence, i: usize) -> bool {
    let excluded = [Class::Title, Class::Nationality, Class::Function, Class::MonthDay, Class::NonPerson];
    seq.tokens[i].is_capitalised() && !excluded.iter().any(|c| seq.classes[i].has(*c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Tag::{B, I, O};

    fn completed(parts: &[&str], tags: Vec<Vec<Tag>>) -> Vec<Vec<Tag>> {
        let article = Article::new(parts);
        let mut flat = tags.concat();
        given_names(&article, &mut flat);
        (0..tags.len()).map(|s| flat[article.range(s)].to_vec()).collect()
    }

    #[test]
    fn surname_found_alone_completes_its_full_name() {
        // "Shimon Peres met Arafat . Peres said"
        let got = completed(&["Shimon Peres met Arafat. Peres said"], vec![vec![O, O, O, B, O, B, O]]);
        assert_eq!(got[0], vec![B, I, O, B, O, B, O]);
    }

    #[test]
    fn titles_and_common_words_are_not_given_names() {
        let mut tags = vec![O; 11];
        tags[9] = B;
        let got =
            completed(&["Minister Peres, Israeli Peres and Happy Peres. Peres said"], vec![tags.clone()]);
        assert_eq!(got[0], tags);
    }
}
