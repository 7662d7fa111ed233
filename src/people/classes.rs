//! Word classes: one lookup tells every list a word is on (given name, surname, English
//! word, title, place or organisation marker, ...), case-insensitively.
//!
//! The lists are the data files under `data/people/` (built by
//! `scripts/build-people-lexicons`, sources and licences in `data/people/README.md`) and the
//! hand-written lists of [`super::lexicon`]. They are compiled into the binary, so nothing
//! is read at run time.

use std::cell::RefCell;
use std::sync::LazyLock;

use super::hash::{self, Const, HashMap};
use super::lexicon;

/// A list a word can be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Class {
    /// A US Census given name.
    Given = 1,
    /// One of the 300 most common US Census given names.
    GivenTop = 1 << 1,
    /// A US Census surname.
    Surname = 1 << 2,
    /// One of the 2,000 most common US Census surnames.
    SurnameTop = 1 << 3,
    /// A lower-case English dictionary word.
    English = 1 << 4,
    Title = 1 << 5,
    Nationality = 1 << 6,
    /// A word marking a place, organisation, event or thing (`River`, `Party`).
    NonPerson = 1 << 7,
    MonthDay = 1 << 8,
    /// A function word (`The`, `But`).
    Function = 1 << 9,
    /// A lower-case name particle (`de`, `van`).
    Particle = 1 << 10,
    KoreanFamily = 1 << 11,
    /// A one-word GeoNames place: a city of 15,000+ people, a country, a US state.
    Place = 1 << 12,
}

impl Class {
    /// Every class with its feature name.
    pub const ALL: [(Class, Const); 13] = [
        (Class::Given, Const::new("given")),
        (Class::GivenTop, Const::new("given-top")),
        (Class::Surname, Const::new("surname")),
        (Class::SurnameTop, Const::new("surname-top")),
        (Class::English, Const::new("english")),
        (Class::Title, Const::new("title")),
        (Class::Nationality, Const::new("nationality")),
        (Class::NonPerson, Const::new("non-person")),
        (Class::MonthDay, Const::new("month-day")),
        (Class::Function, Const::new("function")),
        (Class::Particle, Const::new("particle")),
        (Class::KoreanFamily, Const::new("korean-family")),
        (Class::Place, Const::new("place")),
    ];
}

/// The set of classes of one word, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u16);

impl Classes {
    pub fn has(self, class: Class) -> bool {
        self.0 & class as u16 != 0
    }

    /// The feature names of the classes in the set, with their hashes, in the order of
    /// [`Class::ALL`] (by bit; stepping over set bits only, a word has one to three).
    pub fn names(self) -> impl Iterator<Item = Const> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let bit = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1);
            Class::ALL.get(bit).map(|(_, name)| *name)
        })
    }
}

const GIVEN_NAMES: &str = include_str!("../../data/people/given-names.txt");
const SURNAMES: &str = include_str!("../../data/people/surnames.txt");
const ENGLISH_WORDS: &str = include_str!("../../data/people/english-words.txt");
const PLACES: &str = include_str!("../../data/people/places.txt");
const PLACE_NAMES: &str = include_str!("../../data/people/place-names.txt");

/// Whether a name of two words or more is a place's, as written (`Des Moines`, `Puerto
/// Rico`, `Santa Barbara`): GeoNames' cities of 15,000 people or more, countries and U.S.
/// states.
pub fn is_place_name(name: &str) -> bool {
    static SET: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| data_lines(PLACE_NAMES).collect());
    SET.contains(name)
}

static INDEX: LazyLock<HashMap<u16>> = LazyLock::new(build);

/// The classes of a word, whatever its case.
pub fn of(word: &str) -> Classes {
    of_hash(hash::lower(word))
}

/// The classes of a word given the hash of its lower-case form.
pub fn of_hash(lower: u64) -> Classes {
    Classes(INDEX.get(&lower).copied().unwrap_or(0))
}

/// Runs `f` with this thread's cache of the class index: the index takes megabytes, so
/// most of its lookups miss the processor's caches, while news text repeats a few thousand
/// words, which the cache (320 KB, in the processor's second-level cache) holds.
pub fn with_cache<R>(f: impl FnOnce(&mut Cache) -> R) -> R {
    thread_local! {
        static CACHE: RefCell<Box<Cache>> = RefCell::new(Box::new(Cache::new()));
    }
    CACHE.with(|cache| f(&mut cache.borrow_mut()))
}

const SLOTS: usize = 32768;

/// A direct-mapped cache of the class index: the slot is chosen by the low bits of the
/// hash (already mixed), and the whole hash is compared, so answers are the index's.
pub struct Cache {
    keys: [u64; SLOTS],
    classes: [u16; SLOTS],
}

impl Cache {
    /// An empty cache: every slot holds hash 0 with its true classes (0 is a hash too).
    fn new() -> Cache {
        Cache { keys: [0; SLOTS], classes: [of_hash(0).0; SLOTS] }
    }

    /// The classes of a word given the hash of its lower-case form.
    #[inline]
    pub fn of_hash(&mut self, lower: u64) -> Classes {
        let slot = lower as usize % SLOTS;
        if self.keys[slot] != lower {
            self.keys[slot] = lower;
            self.classes[slot] = of_hash(lower).0;
        }
        Classes(self.classes[slot])
    }
}

fn build() -> HashMap<u16> {
    let mut index = HashMap::default();
    let mut add = |word: &str, class: Class| {
        *index.entry(hash::lower(word)).or_insert(0) |= class as u16;
    };
    for (rank, name) in data_lines(GIVEN_NAMES).enumerate() {
        add(name, if rank < 300 { Class::GivenTop } else { Class::Given });
        add(name, Class::Given);
    }
    for (rank, name) in data_lines(SURNAMES).enumerate() {
        add(name, if rank < 2000 { Class::SurnameTop } else { Class::Surname });
        add(name, Class::Surname);
    }
    data_lines(ENGLISH_WORDS).for_each(|w| add(w, Class::English));
    data_lines(PLACES).for_each(|w| add(w, Class::Place));
    for (class, list) in lexicon::lists() {
        list.iter().for_each(|w| add(w, class));
    }
    index
}

/// The entries of a data file: its lines, without `#` comments and blank lines.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_get_their_classes_in_any_case() {
        assert!(of("Michael").has(Class::GivenTop) && of("MICHAEL").has(Class::Given));
        assert!(of("Johnson").has(Class::SurnameTop));
        assert!(of("Moon").has(Class::English) && of("Moon").has(Class::KoreanFamily));
        assert!(of("President").has(Class::Title));
        assert!(of("de").has(Class::Particle));
        assert_eq!(of("Xqzzyv"), Classes::default());
    }

    #[test]
    fn cache_answers_as_the_index() {
        let words = ["Michael", "moon", "Xqzzyv", "President", "michael", "de"];
        for w in words.iter().chain(&words) {
            assert_eq!(with_cache(|c| c.of_hash(hash::lower(w))), of(w), "{w}");
        }
        let clash = hash::lower("moon").wrapping_add(SLOTS as u64);
        assert_eq!(with_cache(|c| c.of_hash(clash)), of_hash(clash));
        assert_eq!(with_cache(|c| c.of_hash(0)), of_hash(0));
    }

    #[test]
    fn classes_are_listed_by_bit() {
        assert!(Class::ALL.iter().enumerate().all(|(i, (c, _))| *c as u16 == 1 << i));
    }

    #[test]
    fn names_lists_the_set_classes() {
        let names: Vec<&str> = of("River").names().map(|n| n.text).collect();
        assert!(names.contains(&"non-person") && names.contains(&"english"), "{names:?}");
    }
}
