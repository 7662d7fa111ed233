//! People extraction: the persons an article mentions, each once, under the fullest name.
//!
//! The stages, one module each:
//! 1. [`features`] tokenises the headline and paragraphs ([`tokens`]) and describes every
//!    capitalised word by its spelling, its neighbours, the word lists it is on
//!    ([`classes`], [`lexicon`]) and how the article writes it elsewhere;
//! 2. [`tagger`] marks the words of person names with a perceptron model trained on
//!    news text (`data/people/model.tsv`, built by `scripts/train-people`);
//!    [`complete`] then extends a surname found alone to the given name written before it
//!    elsewhere in the article;
//! 3. [`mentions`] turns tagged runs into names (titles, bylines, possessives off) spelt
//!    canonically ([`canonical`]: `Kim Jong Un` -> `Kim Jong-un`);
//! 4. [`resolve`] merges the mentions of one person under the fullest name written
//!    (`Pompeo` -> `Mike Pompeo`) and splits `Trump-Kim`.
//!
//! An archivist's [`aliases`] file can then merge or rename people across the archive.

pub mod aliases;
mod canonical;
mod classes;
mod complete;
pub mod features;
mod hash;
mod lexicon;
mod mentions;
mod resolve;
mod table;
pub mod tagger;
mod tokens;
pub mod training;

pub use aliases::Aliases;
use features::Article;
use tagger::Model;

/// The people mentioned in an article, in order of first mention, never an author.
pub fn extract(headline: &str, paragraphs: &[String], authors: &[String]) -> Vec<String> {
    Extractor::new(Model::builtin()).extract(headline, paragraphs, authors)
}

/// People extraction with a given tagging model.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'m> {
    model: &'m Model,
}

impl<'m> Extractor<'m> {
    /// An extractor tagging with `model`.
    pub fn new(model: &'m Model) -> Extractor<'m> {
        Extractor { model }
    }

    /// The people of an article (headline mentions count from the start), authors left out.
    pub fn extract(&self, headline: &str, paragraphs: &[String], authors: &[String]) -> Vec<String> {
        let parts: Vec<&str> =
            std::iter::once(headline).chain(paragraphs.iter().map(String::as_str)).collect();
        let article = Article::new(&parts);
        let mut tags = self.model.tag(&article);
        complete::given_names(&article, &mut tags);
        let found = mentions::confirm_headline(mentions::find(&article, &tags));
        let mentions: Vec<(Vec<String>, usize)> = found.into_iter().map(|m| (m.words, m.position)).collect();
        let authors: Vec<Vec<String>> = authors.iter().map(|a| name_words(a)).collect();
        resolve::people(&mentions)
            .into_iter()
            .map(|p| p.name)
            .filter(|name| authors.is_empty() || !is_author(&authors, &name_words(name)))
            .filter(|name| !lexicon::is_no_person_alone(name) && !is_place_not_person(name))
            .collect()
    }
}

/// Whether a name of two words or more is a place's (`Des Moines`, `Puerto Rico`) and does
/// not read as a person's too (`Winnie Mandela` is a town as well).
fn is_place_not_person(name: &str) -> bool {
    name.contains(' ') && classes::is_place_name(name) && !is_person_name(name)
}

/// Whether a word, whatever its case, is a common English word or a function word
/// (`received`, `who`, `and`): what a glued neighbour of a name usually is.
pub fn is_english_word(word: &str) -> bool {
    use classes::Class;
    let c = classes::of(word);
    c.has(Class::English) || c.has(Class::Function)
}

/// Whether every word of a line is a common English word, a function word or a month, and
/// either none is a given name or the first is a function word (`Story Count`, `Popular
/// Tags`, `In July Of`): a page's label that a crawler took for an author, where `Frank
/// James`, `Grace Field` and `Harsh V. Pant` (an initial is no word) are names.
pub fn is_word_label(line: &str) -> bool {
    use classes::Class;
    let words: Vec<&str> =
        line.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let common = |w: &&str| {
        let c = classes::of(w);
        w.chars().nth(1).is_some()
            && (c.has(Class::English) || c.has(Class::Function) || c.has(Class::MonthDay))
    };
    let given = |w: &&str| classes::of(w).has(Class::Given) || classes::of(w).has(Class::GivenTop);
    !words.is_empty()
        && words.iter().all(common)
        && (classes::of(words[0]).has(Class::Function) || !words.iter().any(given))
}

/// Whether a short line reads as a person's full name (`Jane Doe`, `Mary-Kate O'Neil`,
/// `Jean-Paul Rivard`, `Laura Bishop`): two to four capitalised words, the first a known given
/// name, none a month, function word, title or place/organisation marker (a title that is
/// also a surname may end the name), the last a known surname or no common English word.
/// Menu labels and prompts (`Travel Tips`, `Select Page`, `Follow Us`) are not.
pub fn is_person_name(line: &str) -> bool {
    use classes::Class;
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let class = |w: &str| classes::of(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let first = words[0].split('-').next().unwrap_or(words[0]);
    let last = class(words[words.len() - 1]);
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase()) || lexicon::is_particle(w);
    let plain = |(i, w): (usize, &&str)| {
        let c = class(w);
        let titled_surname = i + 1 == words.len() && c.has(Class::Surname);
        lexicon::is_particle(w)
            || !(c.has(Class::MonthDay)
                || c.has(Class::Function)
                || c.has(Class::NonPerson)
                || c.has(Class::Title) && !titled_surname)
    };
    words.iter().all(capitalised)
        && words.iter().enumerate().all(plain)
        && (class(first).has(Class::Given) || class(first).has(Class::GivenTop))
        && (last.has(Class::Surname) || last.has(Class::SurnameTop) || !last.has(Class::English))
        && !line.chars().any(|c| c.is_ascii_digit() || c == '@')
}

/// Whether a short line has a name's shape, known or not (`Tarun Velkar`, `Zdenka Horvatova`,
/// `Quillon`, `Marcus T. Velde`): one to four capitalised words and initials, none a month,
/// function word, title or place/organisation marker, and none a common English word unless
/// it is a census given name leading a longer name or a common census surname after one
/// (`Grace Green`). Weaker than [`is_person_name`]: brand names pass too, so it needs other
/// evidence (a date or an author picture beside it). Labels (`Travel Tips`, `Share`,
/// `Read More`, `Web Design`) are not names.
pub fn has_name_shape(line: &str) -> bool {
    use classes::Class;
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(1..=4).contains(&words.len()) || line.chars().any(|c| c.is_ascii_digit() || c == '@') {
        return false;
    }
    let alone = words.len() == 1;
    let word_ok = |(i, w): (usize, &&str)| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
        let initial = letters == 1 && bare.starts_with(char::is_uppercase) && (i > 0 || w.ends_with('.'));
        if lexicon::is_particle(w) && i > 0 || initial {
            return true;
        }
        if w.ends_with("'s") || w.ends_with("’s") {
            return false;
        }
        if !bare.starts_with(char::is_uppercase) || bare.chars().all(|c| !c.is_lowercase()) {
            return false;
        }
        let c = classes::of(bare);
        let named = !alone && if i == 0 { c.has(Class::Given) } else { c.has(Class::SurnameTop) };
        let label = c.has(Class::MonthDay)
            || c.has(Class::Function)
            || c.has(Class::NonPerson)
            || alone && c.has(Class::Nationality);
        let title = c.has(Class::Title) && !(i > 0 && c.has(Class::Surname));
        let known = c.has(Class::Given) || c.has(Class::Surname);
        !label && !title && (named || !c.has(Class::English) && (known || !english_suffix(bare)))
    };
    words.iter().enumerate().all(word_ok)
        && words.iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
}

/// Whether a word ends the way English nouns and adjectives made from other words do
/// (`Sustainability`, `Marketing`, `Management`): a word missing from the dictionary list
/// but shaped like one is no name.
fn english_suffix(word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "tion", "sion", "ment", "ness", "ity", "ism", "ing", "ogy", "ics", "ance", "ence", "ship", "able",
        "ible", "ful", "less", "ive", "ous", "ize", "ise", "ated", "ally", "ware", "ology",
    ];
    let lower = word.to_lowercase();
    SUFFIXES.iter().any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// Whether a name (its [`name_words`]) is one of the authors' (or a part of it, or the
/// author's is a part of it).
fn is_author(authors: &[Vec<String>], name: &[String]) -> bool {
    authors.iter().any(|author| resolve::related(author, name))
}

/// A name's words lower-cased, middle initials aside (`Cheryl Chumley` is the byline's
/// `Cheryl K. Chumley`).
fn name_words(name: &str) -> Vec<String> {
    let all: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let kept: Vec<String> = all.iter().filter(|w| !(w.len() <= 2 && w.ends_with('.'))).cloned().collect();
    if kept.len() >= 2 {
        kept
    } else {
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names_and_menu_labels() {
        for name in ["Jane Doe", "Nathan Pardoe", "Mary-Kate Olsen", "Vincent van Gogh", "Laura Bishop"] {
            assert!(is_person_name(name), "{name}");
        }
        for label in
            ["Travel Tips", "Select Page", "Follow", "Lucia Ramos December", "Event Type", "Top 10 Tips"]
        {
            assert!(!is_person_name(label), "{label}");
        }
        assert!(!is_person_name("President Obama"));
    }

    #[test]
    fn name_shapes_known_or_not() {
        for name in [
            "Tarun Velkar",
            "Zdenka Horvatova",
            "Quillon",
            "Marcus T. Velde",
            "Joël Brückner",
            "Laura Bishop",
            "Finn Halvorsen",
            "J. Ostrander",
        ] {
            assert!(has_name_shape(name), "{name}");
        }
        for label in [
            "Travel Tips",
            "Share",
            "Read More",
            "Web Design",
            "Monday",
            "SUBSCRIBE",
            "K.",
            "The Blog",
            "Back",
            "Harbor Coffee",
            "Sustainability",
            "Norwegian",
            "A Gardener's Notebook",
        ] {
            assert!(!has_name_shape(label), "{label}");
        }
    }

    fn people(body: &str) -> Vec<String> {
        extract("", &[body.to_string()], &[])
    }

    #[test]
    fn titles_are_stripped_and_surnames_resolved() {
        let got = people("U.S. Secretary of State Mike Pompeo said so. Pompeo added more.");
        assert_eq!(got, vec!["Mike Pompeo"]);
    }

    #[test]
    fn a_state_or_country_alone_is_no_person() {
        let paragraphs = [
            "A new poll shows Jane Roe running even with John Doe in three swing states: Florida, Ohio, and Pennsylvania.",
            "In Florida, Doe polls at 43 percent, while 42 percent support Roe.",
            "In Ohio, Roe leads Doe 43 percent to 39 percent.",
            "In Pennsylvania, Doe polls at 43 percent, with Roe at 42 percent.",
        ]
        .map(String::from);
        let got = extract("Poll: Roe Even With Doe In Florida, Ohio, Pennsylvania", &paragraphs, &[]);
        assert_eq!(got, vec!["Jane Roe", "John Doe"]);
        // A name that only starts with one is a person, and so is `Jordan`, as often a surname.
        assert_eq!(people("Rep. Virginia Foxx spoke. Foxx left early."), vec!["Virginia Foxx"]);
        assert!(is_place_not_person("Des Moines") && is_place_not_person("Puerto Rico"));
        assert!(!is_place_not_person("Winnie Mandela") && !is_place_not_person("Jane Roe"));
        assert!(lexicon::is_no_person_alone("Iowa") && lexicon::is_no_person_alone("Georgia"));
        assert!(lexicon::is_no_person_alone("Latino") && lexicon::is_no_person_alone("Getty"));
        assert!(!lexicon::is_no_person_alone("Jordan") && !lexicon::is_no_person_alone("Virginia Foxx"));
    }

    #[test]
    fn a_name_run_into_an_organisation_word_names_the_organisation() {
        let got =
            people("Jane Roe, who runs the Bill, Hillary and Chelsea Clinton Foundation, spoke on Monday.");
        assert!(
            got.contains(&"Jane Roe".to_string()) && !got.iter().any(|p| p.contains("Clinton")),
            "{got:?}"
        );
    }

    #[test]
    fn a_given_name_before_an_initial_opens_the_name() {
        let got = people(
            "Jane Roe compared the record with those of previous presidents, including Republican \
             George W. Bush and Democrat Bill Clinton, who she said had done the same.",
        );
        assert_eq!(got, vec!["Jane Roe", "George W. Bush", "Bill Clinton"]);
        let got = people(
            "Presidents face a vast array of issues, any one of which could blow up at any time. \
             Harry S. Truman spoke for many of his successors when he said so, Jane Roe wrote.",
        );
        assert_eq!(got, vec!["Harry S. Truman", "Jane Roe"]);
    }

    #[test]
    fn titles_of_office_and_address_are_stripped() {
        let got = people("AG Barr said on Monday that the report was done. Messrs. Roe and Doe disagreed.");
        assert!(got.contains(&"Barr".to_string()), "{got:?}");
        assert!(got.iter().all(|p| !p.starts_with("AG") && !p.starts_with("Messrs")), "{got:?}");
        assert!(lexicon::is_title_word("Counsel") && lexicon::is_title_word("Messrs."));
    }

    #[test]
    fn platforms_are_no_people() {
        let paragraphs = [
            "Sen. Jane Roe called out Facebook on Monday for taking down campaign videos that propose breaking up major tech companies.",
            "Roe announced her plan last week, which focuses on anti-competitive mergers, including Facebook’s purchases of WhatsApp and Instagram.",
            "The Facebook advertisements that Roe posted on Friday target the company for its privacy record. “Three companies have vast power over our economy. Facebook, Amazon, and Google,” the ad read.",
        ]
        .map(String::from);
        let got = extract("Jane Roe Calls Out Facebook for Taking Down Advertisement", &paragraphs, &[]);
        assert_eq!(got, vec!["Jane Roe"]);
    }

    #[test]
    fn korean_names_stay_whole_and_family_name_resolves() {
        let got = people("South Korean President Moon Jae-in met leader Kim Jong-un. Kim smiled.");
        assert_eq!(got, vec!["Moon Jae-in", "Kim Jong-un"]);
    }

    #[test]
    fn korean_spelling_variants_are_one_person() {
        let got = people("Leader Kim Jong Un inspected a farm. Kim Jong-un then left.");
        assert_eq!(got, vec!["Kim Jong-un"]);
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
    fn a_given_name_that_is_an_english_word_completes_a_surname_named_alone() {
        let got = people(
            "The Republican nominee, Mitt Romney, spoke in Ohio on Monday. Romney said taxes would fall.",
        );
        assert_eq!(got, vec!["Mitt Romney"]);
        // A word the article also writes in lower case, or before a given name, is none.
        let got = people("Members of Team Romney met on Monday. Romney said the team would win.");
        assert_eq!(got, vec!["Romney"]);
        let got = people("The leaders met at Camp David on Monday. David Cole said little. Cole left.");
        assert_eq!(got, vec!["David Cole"]);
    }

    #[test]
    fn organisations_named_like_people_are_not_people() {
        let got =
            people("Al Qaeda claimed the attack on Medicaid offices, Jane Doe of the Ford Foundation said.");
        assert_eq!(got, vec!["Jane Doe"]);
        assert!(people("Obamacare and Brexit dominated the week.").is_empty());
    }

    #[test]
    fn korean_newspapers_are_not_people() {
        // A digest of the day's papers names each on a line of its own.
        let paragraphs: Vec<String> = [
            "Rodong Sinmun",
            "- An article calls on farmers to finish the harvest early.",
            "Minju Joson",
            "- An article says the harbor plan is going well, Park Ji-won said.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(extract("Major articles", &paragraphs, &[]), vec!["Park Ji-won"]);
        assert_eq!(people("The Chosun Ilbo quoted Park Ji-won."), vec!["Park Ji-won"]);
    }

    #[test]
    fn authors_are_left_out() {
        let got = extract("", &["Ron Chang reports on Lee Do-hoon.".into()], &["Ron Chang".into()]);
        assert_eq!(got, vec!["Lee Do-hoon"]);
    }

    #[test]
    fn authors_match_without_middle_initials() {
        let is_author = |author: &str, name: &str| super::is_author(&[name_words(author)], &name_words(name));
        assert!(is_author("Cheryl K. Chumley", "Cheryl Chumley"));
        assert!(!is_author("Cheryl K. Chumley", "Cheryl Smith"));
        assert!(!is_author("A. Lee", "Lee Do-hoon"));
    }

    #[test]
    fn headline_people_come_first() {
        let body = "President Donald Trump said Secretary of State Mike Pompeo would go.".to_string();
        let got = extract("Pompeo doesn't rule out another summit", &[body], &[]);
        assert_eq!(got, vec!["Mike Pompeo", "Donald Trump"]);
    }
}
