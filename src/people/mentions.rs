//! From tags to name mentions: each run of B/I tags is one mention, with titles stripped
//! from its front, particles from its end, and ALL CAPS words written in title case.
//!
//! A name that opens the body and is followed straight away by an upper-case wire dateline
//! (`Peter Blackburn BRUSSELS 1996-08-22 ...`) is the reporter's byline, not a mention.

use super::classes::{self, Class};
use super::features::{Article, Style, Tag};
use super::lexicon;
use super::tokens::{Kind, Token};
use super::{canonical, resolve};

/// One mention of a name in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name's words, canonically spelt.
    pub words: Vec<String>,
    /// Position of the mention among all tokens of the article (headline first).
    pub position: usize,
    pub headline: bool,
}

/// The mentions of the tagged article, in text order, bylines left out.
pub fn find(article: &Article, tags: &[Tag]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut ships: Vec<Vec<String>> = Vec::new();
    let mut offset = 0;
    for (s, seq) in article.sequences().enumerate() {
        for (a, b) in spans(&tags[article.range(s)]) {
            let a = given_name_before_initial(seq.tokens, a);
            if s == 1 && a == 0 && is_dateline(seq.tokens.get(b))
                || opens_organisation(&seq.tokens[a..], b - a, seq.style == Style::Normal)
                || is_month_before_day(seq.tokens, a, b)
                || is_case_party(seq.tokens, a, b)
            {
                continue;
            }
            if seq.style == Style::Normal && b == a + 1 && is_acronym(seq.tokens[a].text) {
                continue;
            }
            let words = name_words(&seq.tokens[a..b], seq.style == Style::Caps);
            if is_ship(seq.tokens, a) {
                ships.push(words);
            } else if is_person_like(&words) {
                let words = canonical::canonical(words);
                mentions.push(Mention { words, position: offset + a, headline: s == 0 });
            }
        }
        offset += seq.tokens.len();
    }
    mentions.retain(|m| !ships.contains(&m.words));
    mentions
}

/// Where a name that starts with an initial really starts: at the given name written right
/// before it when the tagger left that out (`the George W. Bush administration` -> `George
/// W. Bush`, not `W. Bush`).
fn given_name_before_initial(tokens: &[Token], a: usize) -> usize {
    let given = |t: &Token| {
        let c = classes::of(t.text);
        t.kind == Kind::Word
            && t.is_capitalised()
            && (c.has(Class::Given) || c.has(Class::GivenTop))
            && !c.has(Class::Function)
            && !lexicon::is_title_word(t.text)
    };
    match a.checked_sub(1) {
        Some(before) if is_initial(tokens[a].text) && given(&tokens[before]) => before,
        _ => a,
    }
}

/// Whether a name runs into a word that names an organisation or place (`Al Qaeda`, `Ford
/// Foundation`, `George Washington University`, `Chelsea Clinton Foundation`): the name is
/// the start of the organisation's, not a person's mention. In running text, where words
/// are capitalised only in names, the word may come up to [`ORGANISATION_REACH`] more
/// capitalised words on (`Kim Il Sung-Kim Jong Il Foundation`, a foundation named after
/// two people); a title-cased headline capitalises every word, so there it must come next.
fn opens_organisation(from: &[Token], len: usize, running_text: bool) -> bool {
    let reach = if running_text { ORGANISATION_REACH } else { 0 };
    let organisation = |t: &Token| t.kind == Kind::Word && lexicon::is_non_person_word(t.text);
    let named = |t: &Token| t.is_capitalised() && !classes::of(t.text).has(Class::Function);
    for t in from.iter().skip(len).take(reach + 1) {
        if organisation(t) {
            return true;
        }
        if !named(t) {
            return false;
        }
    }
    false
}

/// How many capitalised words may stand between a name and the organisation word its
/// capitalised run ends with (see [`opens_organisation`]).
const ORGANISATION_REACH: usize = 4;

/// Whether a one-word name is a month's abbreviation before a day (`Jan. 6`, `Aug 20`):
/// `Jan` is a given name too.
fn is_month_before_day(tokens: &[Token], a: usize, b: usize) -> bool {
    const MONTHS: &[&str] =
        &["Apr", "Aug", "Dec", "Feb", "Jan", "Jul", "Jun", "Mar", "Nov", "Oct", "Sep", "Sept"];
    let day = |i: usize| tokens.get(i).is_some_and(|t| t.kind == Kind::Number);
    b == a + 1
        && MONTHS.contains(&tokens[a].text)
        && (day(b) || tokens.get(b).is_some_and(|t| t.text == ".") && day(b + 1))
}

/// Whether a name is a party to a court case (`Roe v. Wade`, `Brown v Board`): the case
/// is named, not the person, and `v` is how cases write it (`vs.` joins rivals, who are
/// people too).
fn is_case_party(tokens: &[Token], a: usize, b: usize) -> bool {
    let versus = |i: usize| tokens.get(i).is_some_and(|t| t.text == "v");
    let capitalised = |i: usize| tokens.get(i).is_some_and(Token::is_capitalised);
    let after = versus(b)
        && (capitalised(b + 1) || tokens.get(b + 1).is_some_and(|t| t.text == ".") && capitalised(b + 2));
    let before = match a.checked_sub(1).map(|i| tokens[i].text) {
        Some("v") => a >= 2 && capitalised(a - 2),
        Some(".") => a >= 3 && versus(a - 2) && capitalised(a - 3),
        _ => false,
    };
    after || before
}

/// Ship prefixes: `USS Ronald Reagan` and `HMS Queen Elizabeth` are ships, and so is `the
/// Ronald Reagan` later in the same article.
const SHIP_PREFIXES: &[&str] =
    &["ARA", "HMAS", "HMCS", "HMNZS", "HMS", "INS", "MV", "RMS", "ROKS", "SS", "USNS", "USS"];

/// Whether the name starting at token `a` is a ship's: it starts with a ship prefix, or
/// follows one, titles in between (`HMS Queen Elizabeth`).
fn is_ship(tokens: &[Token], a: usize) -> bool {
    let prefix = |t: &Token| SHIP_PREFIXES.contains(&t.text);
    let mut before = tokens[..a].iter().rev().skip_while(|t| lexicon::is_title_word(t.text) && !prefix(t));
    prefix(&tokens[a]) || before.next().is_some_and(prefix)
}

/// Headline mentions, trusted only as far as the body confirms them (headlines capitalise
/// every word): a name the body writes too, or writes more fully, is kept; one that ran into
/// other headline words (`Virginia Thomas Agrees`) is cut back to the body's name; the rest
/// are dropped. When the body names nobody, the headline stands alone.
pub fn confirm_headline(mentions: Vec<Mention>) -> Vec<Mention> {
    if !mentions.iter().any(|m| m.headline) {
        return mentions;
    }
    let body: Vec<(Vec<String>, &Mention)> =
        mentions.iter().filter(|m| !m.headline).map(|m| (resolve::parts(&m.words), m)).collect();
    if body.is_empty() {
        return mentions;
    }
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions.iter().filter(|m| m.headline) {
        let parts = resolve::parts(&m.words);
        if body.iter().any(|(b, _)| resolve::contains(b, &parts)) {
            out.push(m.clone());
        } else if let Some((_, b)) =
            body.iter().filter(|(b, _)| resolve::contains(&parts, b)).max_by_key(|(b, _)| b.len())
        {
            out.push(Mention { words: b.words.clone(), ..m.clone() });
        }
    }
    out.extend(body.into_iter().map(|(_, m)| m.clone()));
    out
}

/// A name holding no place or organisation word, not a nationality's plural alone
/// (`Americans`), not opening with `St.` or `Saint` (a
/// saint's day, church or town: `St. Patrick`, `St. John`), not made only of months and
/// days or of initials (`D.` in `(D., Minn.)`, `D.C.`), and with no contraction (`I’m`).
fn is_person_like(words: &[String]) -> bool {
    !words.is_empty()
        && !matches!(words[0].as_str(), "St." | "St" | "Saint")
        && !is_nationality_plural(words)
        && !words.iter().any(|w| lexicon::is_non_person_word(w) || is_contraction(w))
        && !words.iter().all(|w| lexicon::is_month_or_day(w))
        && !words.iter().all(|w| is_initials(w))
}

/// `Americans`, `Israelis`: a nationality's plural alone names a people.
fn is_nationality_plural(words: &[String]) -> bool {
    matches!(words, [word] if word.strip_suffix('s').is_some_and(lexicon::is_title_word))
}

/// `I'm`, `You’re`, `We've`, `They'll`, `Don't`: a pronoun or verb with its contraction.
fn is_contraction(word: &str) -> bool {
    const ENDS: [&str; 10] = ["'m", "'re", "'ve", "'ll", "n't", "’m", "’re", "’ve", "’ll", "n’t"];
    word.contains(['\'', '’']) && ENDS.iter().any(|end| word.ends_with(end))
}

/// `D.`, `D.C.`, `U.N.`: capitals each followed by a full stop.
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars();
    let mut any = false;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        any = true;
    }
    any
}

/// Token ranges `[a, b)` of the names in a sequence's tags: a `B` and the `I`s after it
/// (an `I` with no name open is no name).
fn spans(tags: &[Tag]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let a = i + tags.get(i..)?.iter().position(|t| *t == Tag::B)?;
        let len = tags[a + 1..].iter().take_while(|t| **t == Tag::I).count();
        i = a + 1 + len;
        Some((a, i))
    })
}

/// An upper-case place name, as a wire dateline starts.
fn is_dateline(token: Option<&Token>) -> bool {
    token.is_some_and(|t| {
        t.kind == Kind::Word
            && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !t.text.chars().any(char::is_lowercase)
    })
}

/// The words of a name: titles dropped from the front, particles and words in small
/// letters from the end (`Obama will`, `Missouri law`; not `al-Assad`).
fn name_words(tokens: &[Token], caps: bool) -> Vec<String> {
    let title = |t: &Token| lexicon::is_title_word(t.text) && !is_initial(t.text);
    let start = tokens.iter().position(|t| !title(t)).unwrap_or(tokens.len());
    let small = |t: &Token| t.text.starts_with(char::is_lowercase) && !t.text.chars().any(char::is_uppercase);
    let trailing = |t: &Token| lexicon::is_particle(t.text) || small(t);
    let end = tokens.iter().rposition(|t| !trailing(t)).map_or(start, |e| e + 1);
    let tokens = &tokens[start..end.max(start)];
    let shouted = tokens.iter().all(|t| !t.text.chars().any(char::is_lowercase));
    tokens.iter().map(|t| if caps || shouted { title_case(t.text) } else { t.text.to_string() }).collect()
}

/// `EU`, `DPRK`, `NATO`: a word in capitals alone in running text is an acronym (names in
/// capitals come in headlines and transcripts, read as such).
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// `S.`: one capital and a full stop, an initial even where it could abbreviate `South`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.as_str() == "."
}

/// `SHEARER` -> `Shearer`, `JAE-IN` -> `Jae-in`; initials stay (`J.R.`, `D.C.`).
fn title_case(word: &str) -> String {
    if is_initials(word) {
        return word.to_string();
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Tag::{B, I, O};

    #[test]
    fn saints_days_and_towns_are_no_people() {
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        for name in ["St. Patrick", "St John", "Saint Thomas Aquinas"] {
            assert!(!is_person_like(&words(name)), "{name}");
        }
        assert!(is_person_like(&words("Jill St. John")));
        assert!(lexicon::is_no_person_alone("Latin America"));
    }

    #[test]
    fn spans_from_tags() {
        assert_eq!(spans(&[O, B, I, O, B, B, I]).collect::<Vec<_>>(), vec![(1, 3), (4, 5), (5, 7)]);
        assert_eq!(spans(&[I, I, O, B]).collect::<Vec<_>>(), vec![(3, 4)]);
    }

    #[test]
    fn titles_and_trailing_particles_are_dropped() {
        let a = Article::new(&["President Moon Jae-in", "Aravinda de"]);
        assert_eq!(name_words(a.sequence(0).tokens, false), vec!["Moon", "Jae-in"]);
        assert_eq!(name_words(a.sequence(1).tokens, false), vec!["Aravinda"]);
        let a = Article::new(&["S. Watkin"]);
        assert_eq!(name_words(a.sequence(0).tokens, false), vec!["S.", "Watkin"]);
        let a = Article::new(&["Obama will", "Bashar al-Assad"]);
        assert_eq!(name_words(a.sequence(0).tokens, false), vec!["Obama"]);
        assert_eq!(name_words(a.sequence(1).tokens, false), vec!["Bashar", "al-Assad"]);
    }

    #[test]
    fn places_events_and_dates_are_not_names() {
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(!is_person_like(&words("Kent County")));
        assert!(!is_person_like(&words("June June")));
        assert!(!is_person_like(&words("D.")) && !is_person_like(&words("D.C.")));
        assert!(!is_person_like(&words("I’m")) && !is_person_like(&words("Don't")));
        assert!(!is_person_like(&words("Americans")) && is_person_like(&words("Jones")));
        assert!(is_person_like(&words("J.R. Smith")) && is_person_like(&words("Bill O'Reilly")));
        assert!(is_person_like(&words("June Carter")) && is_person_like(&words("P. Simmons")));
    }

    #[test]
    fn names_written_in_capitals_are_title_cased_anywhere() {
        let a = Article::new(&["AMY GOODMAN: Welcome"]);
        assert_eq!(name_words(&a.sequence(0).tokens[..2], false), vec!["Amy", "Goodman"]);
    }

    #[test]
    fn ships_named_after_people_are_not_people() {
        let a = Article::new(&[
            "",
            "USS Ronald Reagan left. The Ronald Reagan and Joe Biden. HMS Queen Elizabeth",
        ]);
        let tags = [vec![], vec![O, B, I, O, O, O, B, I, O, B, I, O, O, O, B]];
        let got: Vec<String> = find(&a, &tags.concat()).iter().map(|m| m.words.join(" ")).collect();
        assert_eq!(got, vec!["Joe Biden"]);
    }

    #[test]
    fn caps_names_are_title_cased() {
        assert_eq!(title_case("SHEARER"), "Shearer");
        assert_eq!(title_case("JAE-IN"), "Jae-in");
        assert_eq!(title_case("D.C."), "D.C.");
    }

    fn mention(name: &str, headline: bool) -> Mention {
        Mention { words: name.split(' ').map(String::from).collect(), position: 0, headline }
    }

    #[test]
    fn headline_mentions_are_confirmed_by_the_body() {
        let got = confirm_headline(vec![
            mention("Virginia Thomas Agrees", true),
            mention("Biden", true),
            mention("Fiona", true),
            mention("Virginia Thomas", false),
            mention("Joe Biden", false),
        ]);
        let names: Vec<String> = got.iter().map(|m| m.words.join(" ")).collect();
        assert_eq!(names, vec!["Virginia Thomas", "Biden", "Virginia Thomas", "Joe Biden"]);
        assert!(got[0].headline && got[1].headline);
    }

    #[test]
    fn headline_stands_alone_when_the_body_names_nobody() {
        assert_eq!(confirm_headline(vec![mention("Shearer", true)]), vec![mention("Shearer", true)]);
    }

    #[test]
    fn names_in_an_organisation_name_are_not_people() {
        let a = Article::new(&[
            "Jane Roe Foundation Wins",
            "members of the Kim Il Sung-Kim Jong Il Foundation met with John Roe on a visit Monday and then Jane Roe left.",
        ]);
        let tags =
            [vec![B, I, O, O], vec![O, O, O, B, I, B, I, B, O, O, O, B, I, O, O, O, O, O, O, B, I, O, O]];
        let got: Vec<String> = find(&a, &tags.concat()).iter().map(|m| m.words.join(" ")).collect();
        assert_eq!(got, vec!["John Roe", "Jane Roe"]);
        let a = Article::new(&["Jane Roe Meets Joe Doe At Town Hall", ""]);
        let got: Vec<String> =
            find(&a, &[B, I, O, B, I, O, O, O]).iter().map(|m| m.words.join(" ")).collect();
        assert_eq!(got, vec!["Jane Roe", "Joe Doe"]);
    }

    #[test]
    fn a_word_in_capitals_alone_in_running_text_is_an_acronym() {
        let a = Article::new(&["", "the EU may act soon, and the DPRK said that Jane Roe would go there."]);
        let tags = [O, B, O, O, O, O, O, O, B, O, O, B, I, O, O, O, O];
        let got: Vec<String> = find(&a, &tags).iter().map(|m| m.words.join(" ")).collect();
        assert_eq!(got, vec!["Jane Roe"]);
    }

    #[test]
    fn months_before_days_and_parties_to_cases_are_not_names() {
        let a = Article::new(&[
            "",
            "By Jan. 6 Jan Smith left. Roe v. Wade and Brown v Board. Federer vs. Nadal.",
        ]);
        let tags = [O, B, O, O, B, I, O, O, B, O, O, B, O, B, O, B, O, B, O, B, O];
        let got: Vec<String> = find(&a, &tags).iter().map(|m| m.words.join(" ")).collect();
        assert_eq!(got, vec!["Jan Smith", "Federer", "Nadal"]);
    }

    #[test]
    fn byline_before_a_dateline_is_not_a_mention() {
        let a = Article::new(&["EU WARNS", "Peter Blackburn BRUSSELS 1996-08-22 Franz Fischler said"]);
        let mut tags = [vec![O, O], vec![O; 7]];
        tags[1][0] = B;
        tags[1][1] = I;
        tags[1][4] = B;
        tags[1][5] = I;
        let got = find(&a, &tags.concat());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].words, vec!["Franz", "Fischler"]);
    }
}
