//! People extraction: the persons an article mentions, each once, under the fullest name.
//!
//! Candidates are runs of capitalised words in the body; titles, roles and nationalities
//! are stripped from their front, runs holding place or organisation words are dropped,
//! and one-word mentions (`Pompeo`, `Kim`) are resolved to a fuller name the same
//! article writes (`Mike Pompeo`, `Kim Jong-un`). The headline only adds people the
//! body names too, since headlines are often in title case.

mod lexicon;
mod tokens;

use tokens::{Run, Token};

/// The people mentioned in an article, in order of first mention, never an author.
pub fn extract(headline: &str, paragraphs: &[String], authors: &[String]) -> Vec<String> {
    let mut names = Names::default();
    for paragraph in paragraphs {
        for run in tokens::runs(paragraph) {
            names.add_run(&run);
        }
    }
    let mut people = names.resolve();
    let headline_runs = tokens::runs(headline);
    let in_headline = |name: &Vec<String>| {
        headline_runs.iter().flat_map(|r| r.words()).any(|w| name.iter().any(|t| *t == w))
    };
    people.sort_by_key(|p| if in_headline(&p.tokens) { 0 } else { 1 });
    people
        .into_iter()
        .map(|p| p.tokens.join(" "))
        .filter(|name| !authors.iter().any(|a| related(a, name)))
        .collect()
}

/// Whether one name's words are a contiguous run of the other's.
fn related(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

#[derive(Debug, Clone)]
struct Person {
    tokens: Vec<String>,
    first_seen: usize,
}

/// Candidate names seen so far, with the position of their first mention.
#[derive(Default)]
struct Names {
    full: Vec<Person>,
    single: Vec<Person>,
    seen: usize,
}

impl Names {
    fn add_run(&mut self, run: &Run) {
        for part in split_joined(run) {
            self.seen += 1;
            let tokens = strip_titles(&part);
            if tokens.iter().any(|t| lexicon::is_non_person_word(t)) {
                continue;
            }
            let list = if tokens.len() >= 2 { &mut self.full } else { &mut self.single };
            if tokens.is_empty() || tokens.len() > 4 || list.iter().any(|p| p.tokens == tokens) {
                continue;
            }
            list.push(Person { tokens, first_seen: self.seen });
        }
    }

    /// Merges shorter mentions into the fullest name they belong to.
    fn resolve(self) -> Vec<Person> {
        let mut people: Vec<Person> = Vec::new();
        let mut full = self.full;
        full.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        for person in full {
            match people.iter_mut().find(|p| contains_run(&p.tokens, &person.tokens)) {
                Some(longer) => longer.first_seen = longer.first_seen.min(person.first_seen),
                None => people.push(person),
            }
        }
        for single in self.single {
            if let Some(p) = people.iter_mut().find(|p| refers_to(&single.tokens[0], &p.tokens)) {
                p.first_seen = p.first_seen.min(single.first_seen);
            }
        }
        people.sort_by_key(|p| p.first_seen);
        people
    }
}

/// Splits `Trump-Kim` style joined surnames into separate one-word mentions.
fn split_joined(run: &Run) -> Vec<Vec<String>> {
    let words = run.words();
    match words.as_slice() {
        [one] if one.split('-').count() == 2 && one.split('-').all(Token::is_capitalised) => {
            one.split('-').map(|w| vec![w.to_string()]).collect()
        }
        _ => vec![words.into_iter().map(str::to_string).collect()],
    }
}

/// Drops titles, roles and nationalities from the front of a run.
fn strip_titles(words: &[String]) -> Vec<String> {
    let start = words.iter().position(|w| !lexicon::is_title_word(w)).unwrap_or(words.len());
    words[start..].to_vec()
}

fn contains_run(long: &[String], short: &[String]) -> bool {
    long.len() >= short.len() && long.windows(short.len()).any(|w| w == short)
}

/// Whether a one-word mention names this person: the surname, or a Korean family name.
fn refers_to(word: &str, name: &[String]) -> bool {
    let korean_order = name.len() >= 2 && tokens::is_korean_given_name(&name[name.len() - 1]);
    name.last().is_some_and(|l| l == word) || (korean_order && name[0] == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(body: &str) -> Vec<String> {
        extract("", &[body.to_string()], &[])
    }

    #[test]
    fn titles_are_stripped_and_surnames_resolved() {
        let got = people("U.S. Secretary of State Mike Pompeo said so. Pompeo added more.");
        assert_eq!(got, vec!["Mike Pompeo"]);
    }

    #[test]
    fn korean_names_stay_whole_and_family_name_resolves() {
        let got = people("South Korean President Moon Jae-in met leader Kim Jong-un. Kim smiled.");
        assert_eq!(got, vec!["Moon Jae-in", "Kim Jong-un"]);
    }

    #[test]
    fn joined_surnames_resolve_to_both_people() {
        let got = people("Donald Trump and Kim Jong-un met. Another Trump-Kim summit looms.");
        assert_eq!(got, vec!["Donald Trump", "Kim Jong-un"]);
    }

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(people("It was Ronald Reagan's idea."), vec!["Ronald Reagan"]);
    }

    #[test]
    fn places_and_sentence_starts_are_not_people() {
        let got = people("But North Korea said the Korean Peninsula was calm. The United States agreed.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn authors_are_left_out() {
        let got = extract("", &["Ron Chang reports on Lee Do-hoon.".into()], &["Ron Chang".into()]);
        assert_eq!(got, vec!["Lee Do-hoon"]);
    }
}
