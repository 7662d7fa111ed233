//! In-article alias resolution: the mentions of one person become one entry under the
//! fullest name the article writes.
//!
//! Names compare by their lower-cased words. A shorter name whose words are a contiguous
//! run of a longer one's (`Pompeo`, `Kim` in `Mike Pompeo`, `Kim Jong-un`) is the same
//! person, unless it sits in two longer names that are not themselves related (`Smith`
//! with `John Smith` and `Mary Smith`): then nobody can tell who it is and it is dropped.
//! A one-word `Trump-Kim` whose halves are both people of the article stands for them.

/// A person of the article: the fullest name, and where it was first mentioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub first: usize,
}

/// A distinct name with its lower-cased words, their hyphen-split parts and first position.
#[derive(Debug, Clone)]
struct Name {
    words: Vec<String>,
    key: Vec<String>,
    parts: Vec<String>,
    first: usize,
}

impl Name {
    fn new(words: Vec<String>, first: usize) -> Name {
        let key: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        Name { parts: parts(&words), words, key, first }
    }
}

/// A name's lower-cased words split at hyphens, so `Yo Jong` is found in `Kim Yo-jong`.
pub fn parts(words: &[String]) -> Vec<String> {
    words.iter().flat_map(|w| w.split('-')).filter(|p| !p.is_empty()).map(str::to_lowercase).collect()
}

/// Groups mentions (words, position) into people, ordered by first mention.
pub fn people(mentions: &[(Vec<String>, usize)]) -> Vec<Person> {
    let names = split_joined(distinct(mentions));
    let mut group: Vec<usize> = (0..names.len()).collect();
    let mut dropped = vec![false; names.len()];
    for (i, short) in names.iter().enumerate() {
        let longer: Vec<usize> = (0..names.len())
            .filter(|&j| names[j].parts.len() > short.parts.len() && contains(&names[j].parts, &short.parts))
            .collect();
        if longer.iter().any(|&a| longer.iter().any(|&b| !related(&names[a].parts, &names[b].parts))) {
            dropped[i] = true;
        } else if let Some(&j) = longer.iter().max_by_key(|&&j| (names[j].key.len(), names[j].parts.len())) {
            group[i] = j;
        }
    }
    let mut people: Vec<Person> = Vec::new();
    for (i, name) in names.iter().enumerate().filter(|(i, _)| !dropped[*i] && group[*i] == *i) {
        let first = (0..names.len()).filter(|&j| root(&group, j) == i).map(|j| names[j].first).min();
        people.push(Person { name: name.words.join(" "), first: first.unwrap_or(name.first) });
    }
    people.sort_by_key(|p| p.first);
    people
}

fn root(group: &[usize], mut i: usize) -> usize {
    while group[i] != i {
        i = group[i];
    }
    i
}

/// One entry per distinct lower-cased name, keeping the first spelling and position.
fn distinct(mentions: &[(Vec<String>, usize)]) -> Vec<Name> {
    let mut names: Vec<Name> = Vec::new();
    for (words, position) in mentions {
        let key: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        match names.iter_mut().find(|n| n.key == key) {
            Some(n) => n.first = n.first.min(*position),
            None => names.push(Name { parts: parts(words), words: words.clone(), key, first: *position }),
        }
    }
    names
}

/// Replaces a one-word `Trump-Kim` by `Trump` and `Kim` when both halves name people here.
fn split_joined(names: Vec<Name>) -> Vec<Name> {
    let known = |part: &str| names.iter().any(|n| n.key.len() > 1 && n.key.iter().any(|w| w == part));
    let split: Vec<bool> = names
        .iter()
        .map(|name| {
            let [one] = name.key.as_slice() else { return false };
            let halves: Vec<&str> = one.split('-').collect();
            let unrelated = !names.iter().any(|n| n.key.len() > 1 && contains(&n.key, &name.key));
            halves.len() == 2 && unrelated && halves.iter().all(|h| known(h))
        })
        .collect();
    let mut out = Vec::with_capacity(names.len());
    for (name, split) in names.into_iter().zip(split) {
        if split {
            out.extend(name.words[0].split('-').map(|w| Name::new(vec![w.to_string()], name.first)));
        } else {
            out.push(name);
        }
    }
    out
}

/// Whether `short` is a contiguous run of `long`.
pub fn contains(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.len() >= short.len() && long.windows(short.len()).any(|w| w == short)
}

/// Whether one name is a contiguous run of the other.
pub fn related(a: &[String], b: &[String]) -> bool {
    contains(a, b) || contains(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(mentions: &[&str]) -> Vec<String> {
        let m: Vec<(Vec<String>, usize)> =
            mentions.iter().enumerate().map(|(i, s)| (s.split(' ').map(String::from).collect(), i)).collect();
        people(&m).into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn short_mentions_join_the_fullest_name() {
        assert_eq!(names(&["Pompeo", "Mike Pompeo", "pompeo"]), vec!["Mike Pompeo"]);
        assert_eq!(names(&["Kim Jong-un", "Kim", "Moon Jae-in"]), vec!["Kim Jong-un", "Moon Jae-in"]);
    }

    #[test]
    fn ambiguous_short_mentions_are_dropped() {
        assert_eq!(names(&["John Smith", "Smith", "Mary Smith"]), vec!["John Smith", "Mary Smith"]);
    }

    #[test]
    fn one_word_names_stand_alone() {
        assert_eq!(names(&["Given", "Breen", "Gary Breen"]), vec!["Given", "Gary Breen"]);
    }

    #[test]
    fn joined_surnames_split_only_when_both_are_people() {
        assert_eq!(names(&["Donald Trump", "Kim Jong-un", "Trump-Kim"]), vec!["Donald Trump", "Kim Jong-un"]);
        assert_eq!(names(&["Ramos-Horta"]), vec!["Ramos-Horta"]);
    }

    #[test]
    fn hyphenated_given_names_match_their_spaced_parts() {
        assert_eq!(names(&["Yo Jong", "Kim Yo-jong"]), vec!["Kim Yo-jong"]);
    }

    #[test]
    fn order_is_first_mention_of_any_form() {
        assert_eq!(names(&["Pompeo", "Joe Biden", "Mike Pompeo"]), vec!["Mike Pompeo", "Joe Biden"]);
    }
}
