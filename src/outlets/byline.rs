//! Bylines to author names: `By A, B and C` splits into names; "By", roles ("Staff
//! Writer"), credentials ("MD", "Ph.D.") and wire-agency suffixes ("Carla K. Johnson, AP")
//! come off, and the agencies are kept apart so the article can be tagged with them.

use std::sync::LazyLock;

use regex::Regex;

use crate::text;

/// A byline read into people and wire agencies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<String>,
    /// Agencies named in the byline, canonical (`AP`, `Reuters`, ...).
    pub agencies: Vec<String>,
    /// Parts left out as no writer's name (`Comment Count`, see [`parse`]): a sign that the
    /// line read was no byline.
    pub labels: Vec<String>,
}

impl Byline {
    /// Adds another byline's names and agencies, each once.
    pub fn merge(&mut self, other: Byline) {
        for a in other.authors {
            if !self.authors.contains(&a) {
                self.authors.push(a);
            }
        }
        for a in other.agencies {
            if !self.agencies.contains(&a) {
                self.agencies.push(a);
            }
        }
        self.labels.extend(other.labels);
    }
}

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written|writing|words|story|text|reporting|report|posted|published|article|compiled|edited|recipe|review(?:ed)?)\s+)?by(?-u:\b)[:\s]*|^(?:authors?|writers?|reporter|byline)\s*:\s*|^author\s+",
    )
    .expect("valid regex")
});

/// A part of a byline crediting someone for other work than the writing (wire copy's
/// `Writing by Jane Roe; Editing by John Doe`, `edited by John Doe`), the writer's
/// assignment (`On assignment for HuffPost`) or standing (`Special to CNN`).
static OTHER_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:editing|edited|additional\s+reporting|fact[\s-]checking|graphics)\s+by(?-u:\b)|^on\s+assignment(?-u:\b)|^special\s+to(?-u:\b)")
        .expect("valid regex")
});

static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:[,;&|/]|(?-u:\b)[Aa]nd(?-u:\b)|(?-u:\b)with(?-u:\b))\s*|\s+[-–—]\s+")
        .expect("valid regex")
});

/// Wire agencies as bylines write them, and their canonical names.
const AGENCIES: &[(&str, &str)] = &[
    ("ap", "AP"),
    ("the associated press", "AP"),
    ("associated press", "AP"),
    ("reuters", "Reuters"),
    ("thomson reuters", "Reuters"),
    ("afp", "AFP"),
    ("agence france-presse", "AFP"),
    ("agence france presse", "AFP"),
    ("bloomberg", "Bloomberg"),
    ("bloomberg news", "Bloomberg"),
    ("yonhap", "Yonhap"),
    ("kyodo", "Kyodo"),
    ("kyodo news", "Kyodo"),
    ("xinhua", "Xinhua"),
    ("dpa", "dpa"),
    ("upi", "UPI"),
    ("pa", "PA"),
    ("pa media", "PA"),
    ("ani", "ANI"),
    ("pti", "PTI"),
    ("efe", "EFE"),
    ("ansa", "ANSA"),
    ("tass", "TASS"),
    ("cnn wire", "CNN Wire"),
];

/// Last words that make a byline part a job title rather than a name.
const ROLES: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "correspondent",
    "contributor",
    "columnist",
    "producer",
    "staff",
    "photographer",
    "analyst",
    "expert",
    "journalist",
    "intern",
    "freelancer",
    "author",
    "team",
    "desk",
    "bureau",
    "chief",
    "director",
    "founder",
    "co-founder",
    "ceo",
    "manager",
    "consultant",
    "specialist",
    "strategist",
    "researcher",
    "scientist",
    "professor",
    "dietitian",
    "nutritionist",
    "coach",
    "trainer",
    "critic",
    "anchor",
    "host",
    "wire",
    "editor-at-large",
    "contributors",
    "editors",
    "writers",
    "reporters",
];

/// Credentials that follow a name and are not part of it.
const CREDENTIALS: &[&str] = &[
    "md", "phd", "do", "rd", "rdn", "ld", "ldn", "ms", "msc", "ma", "mba", "mph", "rn", "np", "pa-c",
    "pharmd", "dds", "dmd", "dvm", "psyd", "edd", "jd", "esq", "cpa", "cfp", "cfa", "cscs", "cpt", "cde",
    "cdces", "fand", "facp", "facs", "faap", "facc", "ibclc", "lcsw", "lmft", "lpc", "bsc", "ba", "bs",
    "bsn", "jr", "sr", "ii", "iii",
];

/// Reads a byline (`By Jane Doe and John Roe, AP`) into names and agencies. A byline that
/// is only a role or a team (`Harbor Staff`, `The Brightline Team`) is how the page signs the
/// article, so it is kept as the author; beside a name, a role is dropped. So are parts made
/// of common words (`Comment Count`, `In July Of`: see [`crate::people::is_word_label`]) or
/// holding an identifier's underscore (`q_admin`): they sign only when nothing else does and
/// there are one or two of them (`Editorial Board`, an organisation cut at its `and`), not
/// when a crawler read a row of page labels (`Backgroundurl Avatar_Large, Story Count,
/// Comment Count, Popular Tags`).
pub fn parse(raw: &str) -> Byline {
    let line = text::squash(raw);
    if CREDIT_LINE.is_match(&line) {
        return Byline::default();
    }
    let line = unglue_by(&line);
    let line = LEAD_IN.replace(&line, "");
    let mut byline = Byline::default();
    let (mut roles, mut labels) = (Vec::new(), Vec::new());
    for part in SEPARATORS.split(&line) {
        if OTHER_CREDIT.is_match(part.trim()) {
            continue;
        }
        let part = LEAD_IN.replace(part.trim(), "");
        let part = part.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '.' | '"' | '“' | '”' | '`')
        });
        if part.is_empty() || is_credential(part) || part.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let whole = undouble(pictured_again(part));
        let part = without_genre(strip_trailing_label(whole));
        // After a name, a part that loses a job title and is no name itself was that
        // writer's title (`Jake Tapper, CNN Chief Washington Correspondent`).
        if part.len() < whole.len() && !byline.authors.is_empty() && !crate::people::is_person_name(part) {
            roles.push(whole.to_string());
            continue;
        }
        if let Some(agency) = agency(part) {
            if !byline.agencies.iter().any(|a| a == agency) {
                byline.agencies.push(agency.to_string());
            }
            continue;
        }
        if is_role(part) {
            roles.push(part.to_string());
            continue;
        }
        if is_label(part) {
            labels.push(part.to_string());
            continue;
        }
        let name = strip_credentials(part);
        if !name.is_empty() && !byline.authors.iter().any(|a| a == &name) {
            byline.authors.push(name);
        }
    }
    if byline.authors.is_empty() && byline.agencies.is_empty() {
        if roles.len() == 1 {
            byline.authors = roles;
        } else if roles.is_empty() && labels.len() <= 2 {
            byline.authors = std::mem::take(&mut labels);
        }
    }
    byline.labels = labels;
    byline
}

/// A name under the label of the piece's kind (`Analysis Stephen Collinson`, `Opinion Jane
/// Doe`) -> the name; `Opinion Contributor` and other parts as they are.
fn without_genre(part: &str) -> &str {
    const GENRES: &[&str] = &["analysis", "opinion", "commentary", "perspective", "editorial", "review"];
    match part.split_once(' ') {
        Some((label, rest))
            if GENRES.contains(&label.to_lowercase().as_str()) && crate::people::is_person_name(rest) =>
        {
            rest
        }
        _ => part,
    }
}

/// Whether a byline part is a page's label rather than a name: an identifier (`q_admin`), a
/// link or e-mail address ([`WEB_ADDRESS`]), common words only (see
/// [`crate::people::is_word_label`]), or words around a capitalised preposition, which names
/// do not hold (`Based In Washington`, `Follow Jane On`, `For Example.com`, `Mayor Of
/// Springfield`).
fn is_label(part: &str) -> bool {
    const PREPOSITIONS: &[&str] = &["In", "For", "On", "At", "Of", "By", "From", "Into", "About", "Via"];
    part.contains('_')
        || WEB_ADDRESS.is_match(part)
        || crate::people::is_word_label(part)
        || part.split_whitespace().any(|w| PREPOSITIONS.contains(&w))
}

/// A host or a mangled e-mail address in a byline part (`Www.Facebook.Com Sfchronicle`,
/// `Ken.Thomas Wsj.Com`, as crawlers that title-case bylines store links and addresses).
static WEB_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)www\.|\w\.(?:com|org|net|gov|edu|co\.uk|io)(?:\s|$)").expect("valid regex")
});

/// A name printed twice around its picture's alt text (`Jane Doe Headshot Jane Doe`): the
/// name once; any other part as it is.
fn pictured_again(part: &str) -> &str {
    PICTURED_AGAIN
        .captures(part)
        .and_then(|c| Some((c.get(1)?, c.get(2)?)))
        .filter(|(name, again)| name.as_str() == again.as_str())
        .map_or(part, |(name, _)| name.as_str())
}

static PICTURED_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.+?)\s+(?i:headshot|avatar|photo|picture|image)\s+(.+)$").expect("valid regex")
});

/// Photo and image credits, which name a photographer, not the article's author.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:photo(?:graph)?s?|image|picture|illustration|credit|source|via)(?-u:\b)\s*(?:credit|by)?\s*:",
    )
    .expect("valid regex")
});

/// `ByAutumn Reeve`, `AuthorJane Doe` (a byline whose space the page's markup lost) ->
/// `By Autumn Reeve`, `Author Jane Doe`.
fn unglue_by(line: &str) -> std::borrow::Cow<'_, str> {
    for lead in ["By", "Author"] {
        let mut rest = line.strip_prefix(lead).unwrap_or("").chars();
        if let (Some(a), Some(b)) = (rest.next(), rest.next()) {
            if a.is_uppercase() && b.is_lowercase() {
                return format!("{lead} {}", &line[lead.len()..]).into();
            }
        }
    }
    line.into()
}

static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written|words|story|text|reporting|report|posted|published|article|compiled|edited|recipe|(?:medically\s+)?reviewed|photos?|interview|guide|review|feature|analysis|column|essay|opinion)\s+)?by(?-u:\b)[:\s]+(.+)$|^(?:authors?|writers?|reporter|byline|written\s+by)\s*:\s*(.+)$",
    )
    .expect("valid regex")
});

static BYLINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:on|at|in|[|•·⋅—–-])\s.*$|\s*[|•·⋅]\s*.*$|\s+\d.*$|\s*(?:last\s+)?(?:updated|published|posted|reviewed)(?-u:\b).*$")
        .expect("valid regex")
});

/// A date that starts with an abbreviated month (`Jan. 31, 2026`, `on Dec 16, 2025`), to
/// the end of the line.
static SHORT_MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s+(?:on|at|[|•·⋅—–-]))?\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d.*$")
        .expect("valid regex")
});

/// A byline line naming the article's writer: [`parse_line`], but not one naming who
/// edited, reviewed, fact-checked or photographed it (`Reviewed by Jane Doe`), which pages
/// print beside the writer's byline.
pub fn parse_writer_line(line: &str) -> Option<Byline> {
    if credits_helper(line) {
        return None;
    }
    parse_line(line)
}

/// Whether a line credits someone other than the writer: `Edited by Jane Doe`, `Reviewed
/// by: Jane Doe`, `Photo by Jane Doe`.
pub fn credits_helper(line: &str) -> bool {
    HELPER_LEAD.is_match(after_picture(&text::squash(line)))
}

static HELPER_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:edited|(?:medically\s+|expert\s+)?reviewed|fact[- ]?checked|photos?|photographs?|illustrations?)\s+by(?-u:\b)")
        .expect("valid regex")
});

/// A byline line without the alt text of the author's picture printed before it:
/// `Byline profile imageWritten by Jane Doe`, `Author avatar By Jane Doe` -> the byline. The
/// byline must start a new element (a capital letter), so a credit (`Photo by`) stays one.
fn after_picture(line: &str) -> &str {
    PICTURE_LEAD.captures(line).and_then(|c| c.get(1)).map_or(line, |m| &line[m.start()..])
}

static PICTURE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\S+\s+){0,3}?\S*(?i:image|photo|picture|avatar|headshot|pic)\s*((?:Written|Posted|Published|Reviewed)\s+by(?-u:\b).*|By(?-u:\b).*)$")
        .expect("valid regex")
});

/// A byline line (`By Jane Doe`, `Written by A and B | May 2, 2024`, `Author: Jane Doe`):
/// its names, or `None` when the line is no byline.
pub fn parse_line(line: &str) -> Option<Byline> {
    let line = text::squash(line);
    if line.chars().count() > 160 {
        return None;
    }
    let line = unglue_by(after_picture(&line));
    let caps = BY_LINE.captures(&line)?;
    // A date after the name is cut before its month (`Jane Doe Jan. 31, 2026`), then
    // anything after the name, then what was glued to it.
    let names = SHORT_MONTH_DATE.replace(caps.get(1).or_else(|| caps.get(2))?.as_str(), "");
    let names = BYLINE_TAIL.replace(&names, "");
    let names = unglue_tail(&names);
    let names = BYLINE_TAIL.replace(&names, "");
    let mut by = parse(undouble(&names));
    if !by.authors.first().is_some_and(|a| signs_like_name(a)) {
        return None;
    }
    by.authors.retain(|a| signs_like_name(a));
    Some(by)
}

/// A name as a byline signs it: [`looks_like_name`], or a team under a lower-case last
/// word (`The Ledger editors`, `the Garden Team`). Later parts of a byline that are not
/// (`CEO of Example`, a job title after the name) are dropped by [`parse_line`].
fn signs_like_name(s: &str) -> bool {
    if looks_like_name(s) {
        return true;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.split_last() {
        Some((last, rest)) if rest.len() >= 2 && ROLES.contains(&last.to_lowercase().as_str()) => {
            rest[0].eq_ignore_ascii_case("the") && looks_like_name(&rest[1..].join(" "))
        }
        _ => false,
    }
}

/// `Jane DoeIn Travel Tips`, `Jane Doe UpdatedJanuary 3` (a name glued to the category or
/// date after it) -> `Jane Doe`.
pub fn unglue_tail(text: &str) -> String {
    let kept = |c: &regex::Captures| (1..=3).find_map(|i| c.get(i)).map_or("", |m| m.as_str()).to_string();
    GLUED_TAIL.replace(text, kept).into_owned()
}

static GLUED_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:([a-z])(?:In|On|At|Updated|Published|Posted|Last|Share|Follow|{months}|{m})(?-u:\b)|(\S)\s+(?:{months}|(?:{m}|May)\.?\s+\d)|(\S)\s+Updated).*$",
        m = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
        months = "January|February|March|April|June|July|August|September|October|November|December"
    ))
    .expect("valid regex")
});

/// `Jane Doe Jane Doe`, `Jane DoeJane DoeJane Doe` (a name printed again by a linked avatar
/// or a share box) -> `Jane Doe`.
pub fn undouble(text: &str) -> &str {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for (end, _) in text.char_indices().skip(1) {
        let part = text[..end].trim_end();
        let unit: String = part.chars().filter(|c| !c.is_whitespace()).collect();
        if unit.len() * 2 > squeezed.len() {
            break;
        }
        if squeezed.len().is_multiple_of(unit.len()) && unit.repeat(squeezed.len() / unit.len()) == squeezed {
            return part;
        }
    }
    text
}

/// One to five words, each capitalised (name particles such as `van` or `de` excepted).
pub fn looks_like_name(s: &str) -> bool {
    const PARTICLES: &[&str] =
        &["van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "y", "del"];
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || PARTICLES.contains(w))
        && !s.chars().any(|c| c.is_ascii_digit() || c == '@')
}

/// The authors with each name the page wrote in capitals (`MARIA GONZALEZ`, as wire
/// bylines and CSS-transformed pages print them) written as names are elsewhere (`Maria
/// Gonzalez`, `Tom O'Brien`), so that one person is one author facet value; capitals that do
/// not read as a person's name (`BBC NEWS`, `AP`) stay as they are. A `Mc` name written
/// in title case (`John Mccormack`, as crawlers that title-case bylines store it) gets its
/// second capital back. Each name once.
pub fn in_usual_case(authors: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(authors.len());
    for name in authors {
        let name = capitalised_name(&name).unwrap_or(name);
        let name = with_mc_capital(&name).unwrap_or(name);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The name with each `Mc` word followed by a small letter (`Mccormack`, `Mcardle`) written
/// as such names are (`McCormack`), or `None` when it has none.
fn with_mc_capital(name: &str) -> Option<String> {
    fn lowered(w: &str) -> Option<&str> {
        let rest = w.strip_prefix("Mc")?;
        (rest.chars().count() >= 2 && rest.chars().all(char::is_lowercase)).then_some(rest)
    }
    if !name.split_whitespace().any(|w| lowered(w).is_some()) {
        return None;
    }
    let words = name.split(' ').map(|w| match lowered(w) {
        Some(rest) => {
            let mut chars = rest.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
            format!("Mc{first}{}", chars.as_str())
        }
        None => w.to_string(),
    });
    Some(words.collect::<Vec<_>>().join(" "))
}

/// A name written in capitals, in the usual case, when it then reads as a person's name.
fn capitalised_name(name: &str) -> Option<String> {
    if name.chars().any(char::is_lowercase) || name.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return None;
    }
    let mut usual = String::with_capacity(name.len());
    let mut after_letter = false;
    for c in name.chars() {
        if after_letter {
            usual.extend(c.to_lowercase());
        } else {
            usual.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    crate::people::is_person_name(&usual).then_some(usual)
}

/// The canonical agency name for a byline part, if it is a wire agency.
pub fn agency(part: &str) -> Option<&'static str> {
    let key = text::straighten(part.trim()).to_lowercase();
    AGENCIES.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Job titles that only a person holds (unlike `Desk`, `Team` or `Expert`, which sign
/// bylines of their own).
const PERSONAL_ROLES: &[&str] =
    &["writer", "editor", "reporter", "correspondent", "contributor", "columnist", "journalist", "author"];

/// A name with a job title or a month glued on by the page's markup (`Jane Doe Writer`,
/// `Jane Doe Executive Digital Editor`, `Jane Doe December` before a date) -> `Jane Doe`;
/// kept whole unless two capitalised words stay in front.
fn strip_trailing_label(part: &str) -> &str {
    let words: Vec<&str> = part.split_whitespace().collect();
    let Some((last, mut rest)) = words.split_last() else { return part };
    let key = last.to_lowercase();
    let month = crate::dates::MONTH_NAMES.contains(&key.as_str());
    if !month && !PERSONAL_ROLES.contains(&key.as_str()) {
        return part;
    }
    while let Some((word, front)) = rest.split_last().filter(|_| !month) {
        if front.len() < 2 || !TITLE_WORDS.contains(&word.to_lowercase().as_str()) {
            break;
        }
        rest = front;
    }
    match rest.last() {
        Some(kept)
            if rest.len() >= 2
                && !rest[0].eq_ignore_ascii_case("the")
                && looks_like_name(&rest.join(" ")) =>
        {
            // The words are slices of `part`: cut it where the last kept one ends.
            &part[..kept.as_ptr() as usize - part.as_ptr() as usize + kept.len()]
        }
        _ => part,
    }
}

/// Words that qualify a job title before its last word (`Senior`, `Executive Digital`,
/// `Former Deputy Tech`): the rank, desk or beat, never a name.
const TITLE_WORDS: &[&str] = &[
    "senior",
    "junior",
    "executive",
    "managing",
    "deputy",
    "associate",
    "assistant",
    "contributing",
    "former",
    "chief",
    "lead",
    "head",
    "staff",
    "digital",
    "online",
    "print",
    "web",
    "tech",
    "technology",
    "news",
    "features",
    "sports",
    "health",
    "travel",
    "food",
    "science",
    "politics",
    "political",
    "business",
    "copy",
    "content",
    "editorial",
    "commerce",
    "deals",
    "audience",
    "social",
    "general",
    "national",
    "international",
    "local",
    "consumer",
    "guest",
    "freelance",
    "special",
    "investigative",
    "opinion",
    "culture",
    "entertainment",
    "lifestyle",
    "wellness",
    "video",
    "photo",
    "data",
    "research",
    "creative",
    "product",
    "marketing",
    "principal",
];

fn is_credential(part: &str) -> bool {
    let key: String =
        part.chars().filter(|c| *c != '.' && !c.is_whitespace()).collect::<String>().to_lowercase();
    CREDENTIALS.contains(&key.as_str())
}

fn is_role(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    words.len() <= 4 && ROLES.contains(&last.as_str()) && !part.starts_with("The ")
}

/// A name without the credentials after it (`Jane Doe MD, PhD`); a surname written like a
/// word of two letters (`Diadie Ba`, `Anh Do`, `Jun Ma`) is no `BA`, `DO` or `MA`.
fn strip_credentials(part: &str) -> String {
    let mut words: Vec<&str> = part.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| is_credential(w) && !is_short_surname(w)) {
        words.pop();
    }
    words.join(" ")
}

/// `Ba`, `Do`, `Ma`: a capital and a small letter, as a surname is written and a credential
/// is not (`Jr` and `Sr` are suffixes, written so too).
fn is_short_surname(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(a), Some(b), None) if a.is_uppercase() && b.is_lowercase())
        && !matches!(word, "Jr" | "Sr")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        parse(s).authors
    }

    #[test]
    fn splits_lists_of_names() {
        assert_eq!(
            names("By Kim Soo-yeon, Park Ji-won and Joe Smith"),
            ["Kim Soo-yeon", "Park Ji-won", "Joe Smith"]
        );
        assert_eq!(names("Carla DeMarco, Joan Pelham, and Vivian Tran").len(), 3);
        assert_eq!(names("Greta & Ilona"), ["Greta", "Ilona"]);
        assert_eq!(names("Writing by Ann Lee; Editing by Bo Park, Reuters"), ["Ann Lee"]);
        assert_eq!(names("Cy Ruiz, On Assignment For Example News"), ["Cy Ruiz"]);
        // Links and e-mail addresses beside the names, as a crawler title-cased them.
        assert_eq!(names("Ken Thomas, Ken.Thomas Wsj.Com"), ["Ken Thomas"]);
        assert_eq!(names("John Diaz, Www.Facebook.Com Sfchronicle, Josh Koehn"), ["John Diaz", "Josh Koehn"]);
        // A title after the name, the outlet or desk in it, is no second writer.
        assert_eq!(names("By Cy Ruiz, ENN Chief Harbor Correspondent"), ["Cy Ruiz"]);
        assert_eq!(names("By Cy Ruiz, Example.com Religion Editor"), ["Cy Ruiz"]);
        assert_eq!(names("Cy Ruiz, Ann Lee Writer"), ["Cy Ruiz", "Ann Lee"]);
        // A list exported as CSV-style text quotes some of its names.
        assert_eq!(names("Ann Lee, \"Bo Park\", “Cy Ruiz”"), ["Ann Lee", "Bo Park", "Cy Ruiz"]);
    }

    #[test]
    fn a_name_printed_again_after_its_picture_label_is_one_name() {
        assert_eq!(
            names("By Tarun Velkar Headshot Tarun Velkar & Ana Li Avatar Ana Li"),
            ["Tarun Velkar", "Ana Li"]
        );
        assert_eq!(names("By Tarun Velkar Photo Ana Li"), ["Tarun Velkar Photo Ana Li"]);
    }

    #[test]
    fn names_in_capitals_are_written_as_names() {
        let authors = |v: &[&str]| in_usual_case(v.iter().map(|s| s.to_string()).collect());
        assert_eq!(authors(&["MARIA GONZALEZ", "TOM O'BRIEN"]), ["Maria Gonzalez", "Tom O'Brien"]);
        assert_eq!(authors(&["JEAN-PAUL RIVARD", "Jean-Paul Rivard"]), ["Jean-Paul Rivard"]);
        assert_eq!(authors(&["BBC NEWS", "AP", "Jane Doe"]), ["BBC NEWS", "AP", "Jane Doe"]);
        assert_eq!(
            authors(&["Jon Mccallum", "JON MCCALLUM", "Ann Mc Lean"]),
            ["Jon McCallum", "Ann Mc Lean"]
        );
    }

    #[test]
    fn agency_suffixes_become_agencies() {
        let b = parse("Carla K. Johnson, AP");
        assert_eq!(b.authors, ["Carla K. Johnson"]);
        assert_eq!(b.agencies, ["AP"]);
        let b = parse("By Jonathan Allen and Jane Roe, Reuters");
        assert_eq!((b.authors.len(), b.agencies), (2, vec!["Reuters".to_string()]));
        let b = parse("Jane Ba and John Roe, Reuters");
        assert_eq!(
            (b.authors, b.agencies),
            (vec!["Jane Ba".to_string(), "John Roe".to_string()], vec!["Reuters".to_string()])
        );
        let b = parse("Mary Roe, Jane Doe And John Roe, AP`");
        assert_eq!((b.authors.len(), b.agencies), (3, vec!["AP".to_string()]));
        assert_eq!(parse("Jane Doe MD, PhD").authors, ["Jane Doe"]);
        assert_eq!(parse("John Roe Jr").authors, ["John Roe"]);
        assert_eq!(parse("Associated Press").authors, Vec::<String>::new());
    }

    #[test]
    fn crawler_labels_and_desks_are_no_authors() {
        let authors = |s: &str| parse(s).authors;
        assert_eq!(
            authors("Backgroundurl Avatar_Large, Story Count, Comment Count, Popular Tags"),
            Vec::<String>::new()
        );
        assert_eq!(authors("Jane Doe, In July Of"), ["Jane Doe"]);
        assert_eq!(authors("Jane Doe, Based In Springfield, Follow Jane On"), ["Jane Doe"]);
        assert_eq!(authors("Jane Doe, Example Editor-At-Large"), ["Jane Doe"]);
        assert_eq!(authors("Analysis Jane Doe"), ["Jane Doe"]);
        assert_eq!(authors("Opinion Contributor"), ["Opinion Contributor"]);
        assert_eq!(authors("Jane Doe, Special To Cnn"), ["Jane Doe"]);
        let b = parse("Jane Doe, Sun-Times Wire, Associated Press, Sun-Times Staff, John Roe");
        assert_eq!(
            (b.authors, b.agencies),
            (vec!["Jane Doe".to_string(), "John Roe".into()], vec!["AP".to_string()])
        );
        assert_eq!(parse("CNN Wire").agencies, ["CNN Wire"]);
        assert_eq!(authors("Editorial Board"), ["Editorial Board"]);
        assert_eq!(
            authors("Frank James, Grace Field, Harsh V. Pant"),
            ["Frank James", "Grace Field", "Harsh V. Pant"]
        );
    }

    #[test]
    fn byline_lines() {
        let names = |s: &str| parse_line(s).map(|b| b.authors);
        assert_eq!(names("By Jane Doe"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(
            names("Written by Paul Hendry | September 4, 2025"),
            Some(vec!["Paul Hendry".to_string()])
        );
        assert_eq!(names("Author: Lotte van der Meer"), Some(vec!["Lotte van der Meer".to_string()]));
        assert_eq!(names("By Lee Haye-ah on July 10, 2020"), Some(vec!["Lee Haye-ah".to_string()]));
        assert_eq!(names("By Tessa MorrowPublished: Jan 29, 2025"), Some(vec!["Tessa Morrow".to_string()]));
        assert_eq!(names("by the way, this is a sentence."), None);
        assert_eq!(names("ByLena Quiroga"), Some(vec!["Lena Quiroga".to_string()]));
        assert_eq!(names("By Jane DoeIn Budget Travel"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(names("By Jane Doe UpdatedJanuary 3, 2024"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(names("By Jane Doe Jan. 31, 2026 7:47 am EST"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(names("By Lee Min Jun Jun 3, 2024"), Some(vec!["Lee Min Jun".to_string()]));
        assert_eq!(names("By Jane Doe on Dec. 19, 2025"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(names("By Jane DoeNovember 3, 2024"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(names("By Theresa May"), Some(vec!["Theresa May".to_string()]));
        assert_eq!(names("Guide by Jane Doe Former Deputy Tech Editor"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(names("Review by: Jane Doe"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(names("By Calum McAllister"), Some(vec!["Calum McAllister".to_string()]));
        assert_eq!(names("By clicking subscribe you agree to our terms"), None);
        assert_eq!(names("By Jane Doe, CEO of Example Labs"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(
            names("By Jane Doe ⋅ Senior Analyst ⋅ Updated May 6, 2025"),
            Some(vec!["Jane Doe".to_string()])
        );
        assert_eq!(names("By the Example Garden team"), Some(vec!["the Example Garden team".to_string()]));
        assert_eq!(names("By the way we went home"), None);
    }

    #[test]
    fn picture_labels_and_repeats_around_a_byline_come_off() {
        let names = |s: &str| parse_line(s).map(|b| b.authors).unwrap_or_default();
        assert_eq!(names("Byline profile imageWritten by Ysolde Brannock, CFP"), ["Ysolde Brannock"]);
        assert_eq!(names("Author avatar By Ysolde Brannock"), ["Ysolde Brannock"]);
        assert_eq!(names("Written by: Ysolde Brannock Ysolde Brannock"), ["Ysolde Brannock"]);
        assert_eq!(parse("Author Ysolde Brannock Ysolde Brannock").authors, ["Ysolde Brannock"]);
        assert_eq!(undouble("Jane Doe Jane Doe"), "Jane Doe");
        assert_eq!(undouble("Jane DoeJane DoeJane Doe"), "Jane Doe");
        assert_eq!(undouble("Jane Doe"), "Jane Doe");
        assert_eq!(undouble("Aa Aa B"), "Aa Aa B");
    }

    #[test]
    fn editors_and_reviewers_are_not_the_writer() {
        let writer = |s: &str| parse_writer_line(s).map(|b| b.authors).unwrap_or_default();
        assert_eq!(writer("Written by Ysolde Brannock"), ["Ysolde Brannock"]);
        for line in [
            "Reviewed by Ysolde Brannock",
            "Edited by: Ysolde Brannock",
            "Medically reviewed by Ysolde Brannock",
        ] {
            assert!(parse_line(line).is_some() && writer(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn signatures_that_are_only_a_team_or_role_stay() {
        assert_eq!(names("Harbor Staff"), ["Harbor Staff"]);
        assert_eq!(names("The Brightline Team"), ["The Brightline Team"]);
        assert_eq!(names("Jane Doe, Staff Writer"), ["Jane Doe"]);
    }

    #[test]
    fn glued_lead_ins_and_photo_credits() {
        assert_eq!(names("ByAutumn Reeve"), ["Autumn Reeve"]);
        assert_eq!(names("Author Elias Thornby"), ["Elias Thornby"]);
        assert_eq!(names("Byron Smith"), ["Byron Smith"]);
        assert!(names("Credit: Nora Kestrel").is_empty());
        assert!(names("Photo by: Jane Doe").is_empty());
        assert_eq!(names("Olivia Brandt1, Ruth Green"), ["Ruth Green"]);
    }

    #[test]
    fn roles_and_credentials_come_off() {
        assert_eq!(names("Owen Farley, MS, RD, FAND"), ["Owen Farley"]);
        assert_eq!(names("Miriam Castell, Ph.D."), ["Miriam Castell"]);
        assert_eq!(names("Written by Tom Hadley, Freight Expert"), ["Tom Hadley"]);
        assert_eq!(names("Author: Jane Doe MD"), ["Jane Doe"]);
        assert_eq!(names("The Fundwise Team"), ["The Fundwise Team"]);
        assert_eq!(names("Jane Doe Writer"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe December"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe Executive Digital Editor and Master Gardener"), ["Jane Doe"]);
        assert_eq!(names("Mary Ann Lee Senior Writer"), ["Mary Ann Lee"]);
        assert_eq!(names("Jane Doe Digital December"), ["Jane Doe Digital"]);
        assert_eq!(names("Jane Doe News"), ["Jane Doe News"]);
        assert_eq!(names("Senior Writer"), ["Senior Writer"]);
        assert_eq!(names("Jane Doe - Example Editorial Team"), ["Jane Doe"]);
        assert_eq!(names("AuthorJane Doe"), ["Jane Doe"]);
        assert_eq!(names("Harbor Staff"), ["Harbor Staff"]);
        assert_eq!(names("Garden Design Team"), ["Garden Design Team"]);
        assert_eq!(names("Example Lifestyle Desk"), ["Example Lifestyle Desk"]);
    }
}
