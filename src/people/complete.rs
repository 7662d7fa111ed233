//! Completing names the tagger cut short, from what it found elsewhere in the article.
//!
//! When a word is tagged as a surname somewhere (`Peres said`), another place where the
//! same word follows a capitalised word that could be a given name (`Shimon Peres`, left
//! untagged there) is the full name. Titles, nationalities, function words, months, place
//! and organisation words and plain English words (unless also given names) never count as
//! a given name.

use super::classes::Class;
use super::features::{Article, Sequence, Tag};
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
            // The cheap test first: most words follow no candidate.
            if untagged && could_be_given_name(&seq, j - 1) && surnames.contains_key(&seq.lower[j]) {
                seq_tags[j - 1] = Tag::B;
                seq_tags[j] = Tag::I;
            }
        }
    }
}

/// Lower-case hashes of the last words of tagged names.
fn tagged_last_words(article: &Article, tags: &[Tag]) -> HashMap<()> {
    let mut last = HashMap::default();
    for (s, seq) in article.sequences().enumerate() {
        let seq_tags = &tags[article.range(s)];
        for (i, tag) in seq_tags.iter().enumerate() {
            let ends = seq_tags.get(i + 1).is_none_or(|t| *t != Tag::I);
            if *tag != Tag::O && ends {
                last.insert(seq.lower[i], ());
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
