//! Hand-written word lists the people extractor uses: titles and roles, words that mark
//! places and organisations, function words that are capitalised only because they start a
//! sentence, name particles and Korean family names. Written from general English usage,
//! not from any evaluation data.

use std::sync::LazyLock;

use super::hash::{self, HashMap};

/// Words that come before a name but are not part of it (titles, roles, nationalities),
/// including hyphenated titles such as `Secretary-General`.
pub fn is_title_word(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(&[TITLES, NATIONALITIES]));
    SET.contains(word)
        || word.ends_with(".S.")
        || (word.contains('-') && word.split('-').any(|p| SET.contains(p) && p != "N."))
}

/// Words that show a capitalised run names a place, organisation, event, party member or storm.
pub fn is_non_person_word(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(&[NON_PERSON]));
    SET.contains(word)
}

/// Month and weekday names.
pub fn is_month_or_day(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(&[MONTHS_DAYS]));
    SET.contains(word)
}

/// Hand-written lists as one set (case-sensitive), looked up by hash: asked of every word
/// of every name found, which a binary search over the strings answers with a dozen
/// string comparisons.
struct WordSet(HashMap<&'static str>);

impl WordSet {
    fn of(lists: &[&'static [&'static str]]) -> WordSet {
        WordSet(lists.iter().flat_map(|l| l.iter()).map(|w| (hash::str(w), *w)).collect())
    }

    fn contains(&self, word: &str) -> bool {
        self.0.get(&hash::str(word)).is_some_and(|w| *w == word)
    }
}

/// Lower-case words that sit inside a name: `Aravinda de Silva`, `Joost van der Westhuizen`.
///
/// Asked of nearly every short word, so the list is compared as packed integers.
pub fn is_particle(word: &str) -> bool {
    const PACKED: [u64; PARTICLES.len()] = {
        let mut packed = [0; PARTICLES.len()];
        let mut i = 0;
        while i < PARTICLES.len() {
            assert!(PARTICLES[i].len() <= 8, "particles are packed into 8 bytes");
            packed[i] = pack(PARTICLES[i].as_bytes());
            i += 1;
        }
        packed
    };
    // The first two letters of each particle, as bits: most short words (`the`, `and`, `of`)
    // are ruled out by one lookup, before the list is searched.
    const PREFIXES: [u32; 26] = {
        let mut prefixes = [0u32; 26];
        let mut i = 0;
        while i < PARTICLES.len() {
            if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = PARTICLES[i].as_bytes() {
                prefixes[(*a - b'a') as usize] |= 1 << (*b - b'a');
            }
            i += 1;
        }
        prefixes
    };
    if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = word.as_bytes() {
        if PREFIXES[usize::from(a - b'a')] & 1 << (b - b'a') == 0 {
            return false;
        }
    }
    word.len() <= 8 && PACKED.contains(&pack(word.as_bytes()))
}

/// The bytes of a word of at most 8 bytes as one integer.
const fn pack(bytes: &[u8]) -> u64 {
    let (mut acc, mut i) = (0u64, 0);
    while i < bytes.len() {
        acc = (acc << 8) | bytes[i] as u64;
        i += 1;
    }
    acc
}

/// Each hand-written list with the word class it gives, for the class index.
pub fn lists() -> [(super::classes::Class, &'static [&'static str]); 7] {
    use super::classes::Class;
    [
        (Class::Title, TITLES),
        (Class::Nationality, NATIONALITIES),
        (Class::NonPerson, NON_PERSON),
        (Class::MonthDay, MONTHS_DAYS),
        (Class::Function, FUNCTION),
        (Class::Particle, PARTICLES),
        (Class::KoreanFamily, KOREAN_FAMILY),
    ]
}

const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el", "ibn", "la",
    "le", "st", "ten", "ter", "van", "von", "y",
];

/// Common Korean family names in their usual romanisations.
pub const KOREAN_FAMILY: &[&str] = &[
    "Ahn", "Bae", "Baek", "Byun", "Cha", "Chae", "Chang", "Cho", "Choe", "Choi", "Chong", "Chu", "Chun",
    "Chung", "Ha", "Han", "Heo", "Hong", "Hwang", "Hyon", "Hyun", "Jang", "Jeon", "Jeong", "Jo", "Ju",
    "Jung", "Kang", "Kim", "Ko", "Kwak", "Kwon", "Kye", "Lee", "Lim", "Min", "Moon", "Mun", "Nam", "No",
    "Noh", "Oh", "Pak", "Park", "Pyo", "Pyon", "Ri", "Roh", "Ryang", "Ryu", "Seo", "Shin", "Sin", "Son",
    "Song", "Suh", "Sung", "Tong", "Um", "Won", "Woo", "Yang", "Yeo", "Yi", "Yoo", "Yoon", "Yu", "Yun",
];

const TITLES: &[&str] = &[
    "Acting",
    "Adm",
    "Adm.",
    "Admiral",
    "Adviser",
    "Advisor",
    "Ambassador",
    "Assistant",
    "Associate",
    "Attorney",
    "Ayatollah",
    "Bishop",
    "Brig",
    "Brig.",
    "Cabinet",
    "Capt",
    "Capt.",
    "Captain",
    "Cardinal",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Coach",
    "Col",
    "Col.",
    "Colonel",
    "Commander",
    "Commissioner",
    "Comrade",
    "Congressman",
    "Congresswoman",
    "Councillor",
    "Defence",
    "Defense",
    "Deputy",
    "Director",
    "Dr",
    "Dr.",
    "Economy",
    "Emir",
    "Emperor",
    "Envoy",
    "Executive",
    "Finance",
    "First",
    "Foreign",
    "Former",
    "Gen",
    "Gen.",
    "General",
    "Gov",
    "Gov.",
    "Governor",
    "Home",
    "Imam",
    "Interior",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Late",
    "Leader",
    "Lieutenant",
    "Lord",
    "Lt",
    "Lt.",
    "Madam",
    "Maj",
    "Maj.",
    "Major",
    "Marshal",
    "Mayor",
    "Minister",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "National",
    "Officer",
    "Pope",
    "Premier",
    "President",
    "Presidential",
    "Prime",
    "Prince",
    "Princess",
    "Prof",
    "Prof.",
    "Professor",
    "Queen",
    "Rep",
    "Rep.",
    "Representative",
    "Rev",
    "Rev.",
    "Reverend",
    "Secretary",
    "Security",
    "Sen",
    "Sen.",
    "Senator",
    "Sgt",
    "Sgt.",
    "Sheik",
    "Sheikh",
    "Sir",
    "Speaker",
    "Special",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "State",
    "Supreme",
    "Trade",
    "Unification",
    "Vice",
    "Vice-President",
    "leader",
];

const NATIONALITIES: &[&str] = &[
    "Afghan",
    "African",
    "Albanian",
    "Algerian",
    "American",
    "Angolan",
    "Arab",
    "Argentine",
    "Argentinian",
    "Armenian",
    "Australian",
    "Austrian",
    "Azerbaijani",
    "Bahraini",
    "Bangladeshi",
    "Belarusian",
    "Belgian",
    "Bolivian",
    "Bosnian",
    "Brazilian",
    "British",
    "Briton",
    "Bulgarian",
    "Burmese",
    "Cambodian",
    "Cameroonian",
    "Canadian",
    "Chilean",
    "Chinese",
    "Colombian",
    "Congolese",
    "Croat",
    "Croatian",
    "Cuban",
    "Cypriot",
    "Czech",
    "Dane",
    "Danish",
    "Dominican",
    "Dutch",
    "Dutchman",
    "Dutchwoman",
    "Ecuadorean",
    "Ecuadorian",
    "Egyptian",
    "English",
    "Englishman",
    "Eritrean",
    "Estonian",
    "Ethiopian",
    "European",
    "Filipino",
    "Finn",
    "Finnish",
    "French",
    "Frenchman",
    "Frenchwoman",
    "Georgian",
    "German",
    "Ghanaian",
    "Greek",
    "Guatemalan",
    "Haitian",
    "Honduran",
    "Hungarian",
    "Icelandic",
    "Indian",
    "Indonesian",
    "Iranian",
    "Iraqi",
    "Irish",
    "Irishman",
    "Israeli",
    "Italian",
    "Jamaican",
    "Japanese",
    "Jordanian",
    "Kazakh",
    "Kenyan",
    "Korean",
    "Kosovar",
    "Kurdish",
    "Kuwaiti",
    "Kyrgyz",
    "Latvian",
    "Lebanese",
    "Liberian",
    "Libyan",
    "Lithuanian",
    "Macedonian",
    "Malaysian",
    "Malian",
    "Maltese",
    "Mexican",
    "Moldovan",
    "Mongolian",
    "Montenegrin",
    "Moroccan",
    "Mozambican",
    "N.",
    "Namibian",
    "Nepalese",
    "Nicaraguan",
    "Nigerian",
    "North",
    "Norwegian",
    "Omani",
    "Pakistani",
    "Palestinian",
    "Panamanian",
    "Paraguayan",
    "Peruvian",
    "Polish",
    "Portuguese",
    "Qatari",
    "Romanian",
    "Russian",
    "Rwandan",
    "S.",
    "Salvadoran",
    "Saudi",
    "Scot",
    "Scotsman",
    "Scottish",
    "Senegalese",
    "Serb",
    "Serbian",
    "Singaporean",
    "Slovak",
    "Slovenian",
    "Somali",
    "South",
    "Spanish",
    "Sudanese",
    "Swede",
    "Swedish",
    "Swiss",
    "Syrian",
    "Taiwanese",
    "Tajik",
    "Tanzanian",
    "Thai",
    "Tibetan",
    "Tunisian",
    "Turkish",
    "Turkmen",
    "U.K.",
    "U.N.",
    "UK",
    "UN",
    "US",
    "Ugandan",
    "Ukrainian",
    "Uruguayan",
    "Uzbek",
    "Venezuelan",
    "Vietnamese",
    "Welsh",
    "Yemeni",
    "Yugoslav",
    "Zairean",
    "Zambian",
    "Zimbabwean",
];

const NON_PERSON: &[&str] = &[
    "Academy",
    "Administration",
    "Agency",
    "Airlines",
    "Airport",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Brexit",
    "Bridge",
    "Bureau",
    "Capitol",
    "Center",
    "Centre",
    "Championship",
    "Church",
    "City",
    "Club",
    "Co",
    "Co.",
    "College",
    "Command",
    "Commission",
    "Committee",
    "Company",
    "Complex",
    "Congress",
    "Corp",
    "Corp.",
    "Corporation",
    "Council",
    "County",
    "Court",
    "Cup",
    "Cyclone",
    "Daily",
    "Democrat",
    "Democrats",
    "Department",
    "District",
    "Ebola",
    "Embassy",
    "Factory",
    "Forces",
    "Foundation",
    "Fund",
    "Games",
    "Government",
    "Group",
    "Hamas",
    "Herald",
    "Hospital",
    "House",
    "Hurricane",
    "Ilbo",
    "Inc",
    "Inc.",
    "Independent",
    "Institute",
    "Island",
    "Joson",
    "Journal",
    "Kingdom",
    "Korea",
    "Koreans",
    "Labour",
    "League",
    "Library",
    "Ltd",
    "Ltd.",
    "Medicaid",
    "Medicare",
    "Ministry",
    "Municipality",
    "Museum",
    "Nations",
    "Navy",
    "News",
    "ObamaCare",
    "Obamacare",
    "Office",
    "Olympics",
    "Organisation",
    "Organization",
    "Parliament",
    "Party",
    "Peninsula",
    "Police",
    "Post",
    "Prefecture",
    "Press",
    "Province",
    "Qaeda",
    "Qaida",
    "Republic",
    "Republican",
    "Republicans",
    "River",
    "School",
    "Senate",
    "Service",
    "Sinbo",
    "Sinmun",
    "Stadium",
    "States",
    "Station",
    "Storm",
    "Street",
    "Taliban",
    "Theater",
    "Theatre",
    "Times",
    "Tribune",
    "Typhoon",
    "Union",
    "United",
    "University",
    "War",
    "Workers",
];

const MONTHS_DAYS: &[&str] = &[
    "April",
    "August",
    "December",
    "February",
    "Friday",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "November",
    "October",
    "Saturday",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "Wednesday",
];

const FUNCTION: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "Against",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Being",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "Neither",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "She",
    "Shortly",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "Than",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Through",
    "To",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Within",
    "Without",
    "Yet",
    "You",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [TITLES, NATIONALITIES, NON_PERSON, MONTHS_DAYS, FUNCTION, PARTICLES, KOREAN_FAMILY] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "unsorted near {:?}",
                list.windows(2).find(|w| w[0] >= w[1])
            );
        }
    }

    #[test]
    fn classifies_words() {
        assert!(is_title_word("President"));
        assert!(is_title_word("U.S."));
        assert!(is_title_word("Korean"));
        assert!(is_particle("van") && is_particle("della") && !is_particle("vanilla") && !is_particle("v"));
        assert!(PARTICLES.iter().all(|p| is_particle(p)));
        assert!(!is_particle("the") && !is_particle("dead") && !is_particle("Van") && is_particle("y"));
        assert!(is_title_word("Undersecretary-General") && is_title_word("Vice-Premier"));
        assert!(!is_title_word("Jean-Pierre"));
        assert!(!is_title_word("Moon"));
    }
}
