//! The article as the tagger sees it, and the features of one token in it.
//!
//! An article is a list of sequences (the headline, then each paragraph) of tokens. Each
//! word knows its classes ([`super::classes`]); the article as a whole knows, for each
//! word, how it is written elsewhere (lower case somewhere, capitalised mid-sentence, right
//! after a given name, ...), which is what tells `Given` in a team list from a verb.
//!
//! Features are named by short strings (`w=Simmons`, `l-1=captain`, `g=surname`); the
//! model file stores those names, and tagging hashes the template and the value apart
//! ([`super::hash`]) and combines the two, so no feature string is built at run time;
//! values known when compiling (class names, flags, tags) and per-token values used by
//! several features (shapes, lower-cased words) are hashed once.

use std::cell::RefCell;

use super::classes::{self, Class, Classes};
use arrayvec::ArrayString;

use super::hash::{self, Const, HashMap, Template};
use super::lexicon;
use super::tokens::{self, Kind, Token};

/// How a sequence is written: normal text, Title Case or ALL CAPS (headlines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Normal,
    Title,
    Caps,
}

/// One headline or paragraph, tokenised: a view of the article's per-token arrays.
#[derive(Debug, Clone, Copy)]
pub struct Sequence<'s, 'a> {
    pub tokens: &'s [Token<'a>],
    /// Hash of each token lower-cased, shared by lookups and features; 0 for numbers and
    /// for tokens more than two tokens away from every candidate (nothing reads those).
    pub lower: &'s [u64],
    /// Whether the tagger looks at the token at all (others are never in a name).
    pub candidate: &'s [bool],
    /// Word classes of candidates and their neighbours (empty for other tokens).
    pub classes: &'s [Classes],
    /// Shapes of candidates, their neighbours and numbers near them (empty for other
    /// tokens), with their hashes: each is worked out once, though features of up to three
    /// tokens use it.
    shapes: &'s [Shape],
    pub style: Style,
}

/// A token's shape and the hash of it.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    text: ArrayString<8>,
    hash: u64,
}

impl Shape {
    fn of(word: &str) -> Shape {
        let text = shape(word);
        Shape { text, hash: hash::str(&text) }
    }
}

/// Document-level facts about a word (by lower-cased hash), as bits.
const LOWER_SEEN: u8 = 1;
const CAP_MID: u8 = 1 << 1;
const AFTER_GIVEN: u8 = 1 << 2;
const IN_RUN: u8 = 1 << 3;
const ALONE: u8 = 1 << 4;
const DOC_FLAGS: [(u8, Const); 5] = [
    (LOWER_SEEN, Const::new("lower")),
    (CAP_MID, Const::new("cap-mid")),
    (AFTER_GIVEN, Const::new("after-given")),
    (IN_RUN, Const::new("in-run")),
    (ALONE, Const::new("alone")),
];

/// An article ready for tagging: the tokens of all its parts in one run (headline first),
/// what is known of each token in arrays beside them, and each part as a range of them.
/// One set of arrays per article, not per paragraph, spares an allocation per paragraph
/// and array (news paragraphs are short and many).
#[derive(Debug, Clone)]
pub struct Article<'a> {
    tokens: Vec<Token<'a>>,
    lower: Vec<u64>,
    candidate: Vec<bool>,
    classes: Vec<Classes>,
    shapes: Vec<Shape>,
    /// Each part's tokens (a range of the arrays) and style.
    parts: Vec<(usize, usize, Style)>,
    doc: HashMap<u8>,
    /// The headline's first word, lower-cased: often the story's topic (`SOCCER - ...`).
    topic: String,
    /// The hash of `topic`.
    topic_hash: u64,
}

impl<'a> Article<'a> {
    /// Tokenises the parts of an article (headline first, then paragraphs).
    pub fn new(parts: &[&'a str]) -> Article<'a> {
        let mut article = Article::tokenised(parts);
        let mut sketches = Sketches::default();
        // Sized once: the map would otherwise grow (and move) several times per article.
        let candidates = article.candidate.iter().filter(|c| **c).count();
        let mut doc = std::mem::take(&mut article.doc);
        doc.reserve(candidates);
        article.sequences().for_each(|s| s.note_candidates(&mut doc, &mut sketches));
        article.sequences().for_each(|s| s.note_lower_case(&mut doc, &sketches));
        article.doc = doc;
        let first = article.sequences().next().and_then(|s| s.tokens.iter().find(|t| t.kind == Kind::Word));
        article.topic = first.map(|t| t.text.to_lowercase()).unwrap_or_default();
        article.topic_hash = hash::str(&article.topic);
        article
    }

    /// The parts tokenised, with the facts of each token, before the article-wide ones.
    fn tokenised(parts: &[&'a str]) -> Article<'a> {
        let size = parts.iter().map(|p| p.len()).sum::<usize>() / 5;
        let mut article = Spare::take().into_article();
        article.tokens.reserve(size);
        article.lower.reserve(size);
        article.candidate.reserve(size);
        article.classes.reserve(size);
        article.shapes.reserve(size);
        article.parts.reserve(parts.len());
        classes::with_cache(|cache| parts.iter().for_each(|text| article.push_part(text, cache)));
        article
    }

    /// Tokenises a part. Lower-case hashes, classes and shapes are worked out only for the
    /// tokens that features read (candidates and the tokens up to two either side), which
    /// spares most of the words of a paragraph.
    fn push_part(&mut self, text: &'a str, cache: &mut classes::Cache) {
        let start = self.tokens.len();
        tokens::tokenize_into(text, &mut self.tokens);
        let tokens = &self.tokens[start..];
        self.candidate.extend((0..tokens.len()).map(|i| is_candidate(tokens, i)));
        for (t, window) in tokens.iter().zip(Window::new(&self.candidate[start..])) {
            let h = if window.any() && t.kind != Kind::Number { hash::lower(t.text) } else { 0 };
            self.lower.push(h);
            let word = t.kind == Kind::Word && window.near();
            self.classes.push(if word { cache.of_hash(h) } else { Classes::default() });
            let shaped = window.near() || window.any() && t.kind == Kind::Number;
            self.shapes.push(if shaped { Shape::of(t.text) } else { Shape::default() });
        }
        self.parts.push((start, self.tokens.len(), style(tokens)));
    }

    /// Sequence `s` (0 the headline).
    #[inline]
    pub fn sequence(&self, s: usize) -> Sequence<'_, 'a> {
        let (start, end, style) = self.parts[s];
        Sequence {
            tokens: &self.tokens[start..end],
            lower: &self.lower[start..end],
            candidate: &self.candidate[start..end],
            classes: &self.classes[start..end],
            shapes: &self.shapes[start..end],
            style,
        }
    }

    /// The positions of sequence `s`'s tokens among all the article's (from 0 for the
    /// headline).
    pub fn range(&self, s: usize) -> std::ops::Range<usize> {
        let (start, end, _) = self.parts[s];
        start..end
    }

    /// How many tokens the article has, all sequences together.
    pub fn token_count(&self) -> usize {
        self.tokens.len()
    }

    /// The sequences in order, headline first.
    pub fn sequences(&self) -> impl ExactSizeIterator<Item = Sequence<'_, 'a>> {
        (0..self.parts.len()).map(|s| self.sequence(s))
    }

    fn doc_flags(&self, lower: u64) -> u8 {
        self.doc.get(&lower).copied().unwrap_or(0)
    }

    /// Whether the article writes a candidate's word (by lower-case hash) in lower case
    /// somewhere (`team` beside `Team Obama`), as a name never is.
    pub fn writes_in_lower_case(&self, lower: u64) -> bool {
        self.doc_flags(lower) & LOWER_SEEN != 0
    }
}

/// An article's arrays, emptied, kept by each thread for its next article: allocated anew
/// for every article, they were a twentieth of the time of people extraction, most of it
/// the allocator preparing fresh memory pages for arrays of a few hundred KiB.
#[derive(Debug, Default)]
struct Spare {
    tokens: Vec<Token<'static>>,
    lower: Vec<u64>,
    candidate: Vec<bool>,
    classes: Vec<Classes>,
    shapes: Vec<Shape>,
    parts: Vec<(usize, usize, Style)>,
    doc: HashMap<u8>,
}

/// Arrays longer than this many tokens (an article of over a megabyte) are not kept.
const SPARE_TOKENS: usize = 1 << 18;

thread_local! {
    static SPARE: RefCell<Spare> = RefCell::default();
}

impl Spare {
    /// This thread's spare arrays (empty ones if there are none).
    fn take() -> Spare {
        SPARE
            .try_with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)).unwrap_or_default())
            .unwrap_or_default()
    }

    /// Keeps an article's arrays for the thread's next article.
    fn keep(article: &mut Article) {
        if article.tokens.capacity() > SPARE_TOKENS {
            return;
        }
        let mut spare = Spare {
            tokens: relabel(std::mem::take(&mut article.tokens)),
            lower: std::mem::take(&mut article.lower),
            candidate: std::mem::take(&mut article.candidate),
            classes: std::mem::take(&mut article.classes),
            shapes: std::mem::take(&mut article.shapes),
            parts: std::mem::take(&mut article.parts),
            doc: std::mem::take(&mut article.doc),
        };
        spare.lower.clear();
        spare.candidate.clear();
        spare.classes.clear();
        spare.shapes.clear();
        spare.parts.clear();
        spare.doc.clear();
        // During the thread's teardown, or if the slot is in use, the arrays just go.
        let _ = SPARE.try_with(|s| s.try_borrow_mut().map(|mut s| *s = spare));
    }

    /// An empty article on these arrays.
    fn into_article<'a>(self) -> Article<'a> {
        Article {
            tokens: relabel(self.tokens),
            lower: self.lower,
            candidate: self.candidate,
            classes: self.classes,
            shapes: self.shapes,
            parts: self.parts,
            doc: self.doc,
            topic: String::new(),
            topic_hash: 0,
        }
    }
}

impl Drop for Article<'_> {
    fn drop(&mut self) {
        Spare::keep(self);
    }
}

/// The tokens emptied, as a vector for tokens of another text, on the same allocation
/// (collecting a mapped vector of a type of the same layout reuses its memory).
fn relabel<'b>(mut tokens: Vec<Token<'_>>) -> Vec<Token<'b>> {
    tokens.clear();
    tokens.into_iter().map(|_| unreachable!("the vector is empty")).collect()
}

impl Sequence<'_, '_> {
    fn capitalised(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_capitalised)
    }

    /// Records how each candidate is written (mid-sentence, after a given name, ...).
    fn note_candidates(&self, doc: &mut HashMap<u8>, sketches: &mut Sketches) {
        for i in (0..self.tokens.len()).filter(|&i| self.candidate[i]) {
            let mut flags = 0;
            if self.style == Style::Normal && !self.tokens[i].sentence_start && self.capitalised(i) {
                let (before, after) = (i > 0 && self.capitalised(i - 1), self.capitalised(i + 1));
                flags |= CAP_MID;
                if before && self.classes[i - 1].has(Class::Given) {
                    flags |= AFTER_GIVEN;
                }
                flags |= if before || after { IN_RUN } else { ALONE };
            }
            *doc.entry(self.lower[i]).or_insert(0) |= flags;
            sketches.insert(self.tokens[i].text);
        }
    }

    /// Marks the candidates' words that the article also writes in lower case. Words far
    /// from candidates have no hash yet: only those whose sketch a candidate shares are
    /// hashed.
    fn note_lower_case(&self, doc: &mut HashMap<u8>, sketches: &Sketches) {
        for ((i, t), window) in self.tokens.iter().enumerate().zip(Window::new(self.candidate)) {
            if t.kind != Kind::Word || !t.text.starts_with(char::is_lowercase) {
                continue;
            }
            let h = if window.any() {
                self.lower[i]
            } else if sketches.may_hold(t.text) {
                hash::lower(t.text)
            } else {
                continue;
            };
            if let Some(flags) = doc.get_mut(&h) {
                *flags |= LOWER_SEEN;
            }
        }
    }
}

/// Which tokens around each token of a sequence are candidates, as bits: bit 2 the token
/// itself, bits 1 and 3 its neighbours, bits 0 and 4 the tokens two away.
#[derive(Debug, Clone, Copy)]
struct Window(u8);

impl Window {
    /// The windows of every token in turn, shifting one flag in per token.
    fn new(candidate: &[bool]) -> impl Iterator<Item = Window> + '_ {
        let flag = |j: usize| u8::from(candidate.get(j) == Some(&true));
        let mut bits = flag(0) << 3 | flag(1) << 4;
        (0..candidate.len()).map(move |i| {
            bits = bits >> 1 | flag(i + 2) << 4;
            Window(bits)
        })
    }

    /// A candidate at most one token away.
    fn near(self) -> bool {
        self.0 & 0b01110 != 0
    }

    /// A candidate at most two tokens away.
    fn any(self) -> bool {
        self.0 != 0
    }
}

/// Which lower-cased words an article's candidates are, roughly: a bit per length, first
/// and last byte, which tells most other words apart without hashing them. Bytes count by
/// their low five bits, the same for an ASCII letter in either case; a word with other
/// characters is sketched lower-cased as [`hash::lower`] does (it may change its bytes).
struct Sketches {
    bits: [u64; 256],
}

impl Default for Sketches {
    fn default() -> Sketches {
        Sketches { bits: [0; 256] }
    }
}

impl Sketches {
    fn insert(&mut self, word: &str) {
        let b = Sketches::of(word);
        self.bits[b / 64] |= 1 << (b % 64);
    }

    /// False only when no candidate is the word, whatever its case.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        let b = Sketches::of(word);
        self.bits[b / 64] & 1 << (b % 64) != 0
    }

    #[inline]
    fn of(word: &str) -> usize {
        if word.is_ascii() {
            Sketches::of_bytes(word.as_bytes())
        } else {
            Sketches::of_wide(word)
        }
    }

    #[cold]
    fn of_wide(word: &str) -> usize {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        Sketches::of_bytes(lower.as_bytes())
    }

    #[inline]
    fn of_bytes(bytes: &[u8]) -> usize {
        let (first, last) = (bytes.first().copied().unwrap_or(0), bytes.last().copied().unwrap_or(0));
        (bytes.len() & 15) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
    }
}

/// A lower-case name particle: `de`, `van`.
pub fn is_particle(token: &Token) -> bool {
    token.text.len() <= 5 && token.text.starts_with(char::is_lowercase) && lexicon::is_particle(token.text)
}

/// A capitalised word, or a name particle between a capitalised word and a capitalised word.
#[inline]
fn is_candidate(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.kind != Kind::Word {
        return false;
    }
    // Most words start with an ASCII letter, which settles the question for all but
    // hyphenated words and short lower-case ones (particles).
    match t.text.as_bytes()[0] {
        b'A'..=b'Z' => return true,
        b'a'..=b'z' if !t.hyphenated && (t.text.len() > 5 || !lexicon::is_particle(t.text)) => return false,
        _ => {}
    }
    if t.is_capitalised()
        || (t.hyphenated && t.text.split('-').skip(1).any(|p| p.starts_with(char::is_uppercase)))
    {
        return true;
    }
    if !is_particle(t) || i == 0 || !(tokens[i - 1].is_capitalised() || is_particle(&tokens[i - 1])) {
        return false;
    }
    let next = (i + 1..tokens.len()).find(|&j| !is_particle(&tokens[j]));
    next.is_some_and(|j| tokens[j].is_capitalised())
}

/// The style of a sequence: ALL CAPS when most words are upper case, Title Case when most
/// words of a longer line are capitalised.
fn style(tokens: &[Token]) -> Style {
    let (mut words, mut capitalised, mut upper) = (0, 0, 0);
    for t in tokens.iter().filter(|t| t.kind == Kind::Word) {
        words += 1;
        if t.text.starts_with(char::is_uppercase) {
            capitalised += 1;
            upper += usize::from(!t.text.chars().any(char::is_lowercase));
        }
    }
    if words >= 2 && upper * 10 >= words * 8 {
        Style::Caps
    } else if words >= 4 && capitalised * 10 >= words * 7 {
        Style::Title
    } else {
        Style::Normal
    }
}

/// The three tags: outside a name, beginning one, inside one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    O = 0,
    B = 1,
    I = 2,
}

impl Tag {
    pub const ALL: [Tag; 3] = [Tag::O, Tag::B, Tag::I];

    fn name(self) -> Const {
        const NAMES: [Const; 3] = [Const::new("O"), Const::new("B"), Const::new("I")];
        NAMES[self as usize]
    }
}

/// Where features go: hashed at run time, or named as well when training.
pub trait Sink {
    /// A feature `template` + `value`.
    fn add(&mut self, template: Template, value: &str);
    /// A feature `template` + lower-cased `value`.
    fn add_lower(&mut self, template: Template, value: &str);
    /// A feature `template` + the lower-cased `word`, whose lower-case hash is `lower`.
    fn add_word(&mut self, template: Template, word: &str, lower: u64);
    /// A feature `template` + `a` + `|` + `b`.
    fn add2(&mut self, template: Template, a: &str, b: &str);
    /// A feature `template` + `value`, whose hash is `hash`.
    fn add_hashed(&mut self, template: Template, value: &str, hash: u64);

    /// A feature `template` + a value known when compiling.
    fn add_const(&mut self, template: Template, value: Const) {
        self.add_hashed(template, value.text, value.hash);
    }
}

/// Run-time sink: feature hashes only.
impl Sink for Vec<u64> {
    fn add(&mut self, template: Template, value: &str) {
        self.push(template.feature(hash::str(value)));
    }

    fn add_lower(&mut self, template: Template, value: &str) {
        self.push(template.feature(hash::lower(value)));
    }

    fn add_word(&mut self, template: Template, _word: &str, lower: u64) {
        self.push(template.feature(lower));
    }

    fn add2(&mut self, template: Template, a: &str, b: &str) {
        self.push(template.feature(hash::pair(a, b)));
    }

    fn add_hashed(&mut self, template: Template, _value: &str, hash: u64) {
        self.push(template.feature(hash));
    }
}

/// A feature template, hashed at compile time.
macro_rules! template {
    ($name:literal) => {
        const { Template::new($name) }
    };
}

/// Writes the features of token `i` of sequence `s`, given the previous token's tag.
pub fn features(article: &Article, s: usize, i: usize, prev: Tag, out: &mut impl Sink) {
    let seq = article.sequence(s);
    let t = &seq.tokens[i];
    let shape = &seq.shapes[i];
    out.add_const(template!("b"), const { Const::new("") });
    out.add(template!("w="), t.text);
    out.add_word(template!("l="), t.text, seq.lower[i]);
    out.add_lower(template!("x3="), suffix(t.text, 3));
    out.add_hashed(template!("s="), &shape.text, shape.hash);
    out.add_const(template!("t="), prev.name());
    out.add2(template!("ts="), prev.name().text, &shape.text);
    if seq.style != Style::Normal {
        let style = if seq.style == Style::Caps { "caps" } else { "title" };
        let value = if seq.style == Style::Caps {
            const { Const::new("caps") }
        } else {
            const { Const::new("title") }
        };
        out.add_const(template!("st="), value);
        out.add2(template!("sts="), style, &shape.text);
    }
    if t.sentence_start {
        out.add_const(template!("ss"), const { Const::new("") });
    }
    for name in seq.classes[i].names() {
        out.add_const(template!("g="), name);
        if t.sentence_start {
            out.add_const(template!("ssg="), name);
        }
    }
    // The flags set, in the order of DOC_FLAGS (by bit), stepping over set bits only.
    let mut flags = article.doc_flags(seq.lower[i]);
    while flags != 0 {
        out.add_const(template!("d="), DOC_FLAGS[flags.trailing_zeros() as usize].1);
        flags &= flags - 1;
    }
    context(&seq, i, out);
    let next = seq.shapes.get(i + 1).map_or("</s>", |n| n.text.as_str());
    out.add_hashed(template!("h1="), &article.topic, article.topic_hash);
    out.add2(template!("h1s+1="), &article.topic, next);
}

/// The features of one neighbouring token: its offset, the template of its word, and
/// those of its shape and classes (only right next to the token).
struct Neighbour {
    offset: isize,
    word: Template,
    near: Option<(Template, Template)>,
}

const CONTEXT: [Neighbour; 4] = [
    Neighbour { offset: -2, word: template!("l-2="), near: None },
    Neighbour { offset: -1, word: template!("l-1="), near: Some((template!("s-1="), template!("g-1="))) },
    Neighbour { offset: 1, word: template!("l+1="), near: Some((template!("s+1="), template!("g+1="))) },
    Neighbour { offset: 2, word: template!("l+2="), near: None },
];

/// Features of the neighbouring tokens.
fn context(seq: &Sequence, i: usize, out: &mut impl Sink) {
    for &Neighbour { offset, word: word_t, near } in &CONTEXT {
        let j = i as isize + offset;
        let Some(n) = usize::try_from(j).ok().and_then(|j| seq.tokens.get(j)) else {
            let edge = if offset < 0 { const { Const::new("<s>") } } else { const { Const::new("</s>") } };
            out.add_const(word_t, edge);
            continue;
        };
        // Shapes are known for numbers and for the tokens next to a candidate.
        let shape = &seq.shapes[j as usize];
        match n.kind {
            Kind::Number => out.add_hashed(word_t, &shape.text, shape.hash),
            _ => out.add_word(word_t, n.text, seq.lower[j as usize]),
        }
        if let Some((shape_t, class_t)) = near {
            out.add_hashed(shape_t, &shape.text, shape.hash);
            for name in seq.classes[j as usize].names() {
                out.add_const(class_t, name);
            }
        }
    }
}

/// The last `n` characters of a word.
fn suffix(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[start..]
}

/// A word's shape: `Xx` for `Simmons`, `X.` for `P.`, `Xx-x` for `Jae-in`, `d-d-d` for a date;
/// runs of one kind of character written once, at most 8 characters.
pub fn shape(word: &str) -> ArrayString<8> {
    let mut shape = ArrayString::new();
    let mut last = 0;
    for c in word.chars() {
        let k = match c {
            'A'..='Z' => b'X',
            'a'..='z' => b'x',
            '0'..='9' => b'd',
            '.' | '-' | '\'' | ',' | '(' | ')' | '"' | ':' => c as u8,
            c if c.is_ascii() => b'o',
            c if c.is_uppercase() => b'X',
            c if c.is_lowercase() => b'x',
            c if c.is_numeric() => b'd',
            _ => b'o',
        };
        if k == last {
            continue;
        }
        if shape.try_push(char::from(k)).is_err() {
            break;
        }
        last = k;
    }
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(article: &Article, s: usize, i: usize) -> Vec<u64> {
        let mut out = Vec::new();
        features(article, s, i, Tag::O, &mut out);
        out
    }

    #[test]
    fn a_threads_next_article_reuses_the_arrays() {
        let text = "Phil Simmons took four wickets. ".repeat(50);
        let first = Article::new(&[&text]);
        let (tokens, capacity) = (first.tokens.as_ptr() as usize, first.tokens.capacity());
        drop(first);
        let short = Article::new(&["Simmons took four"]);
        assert_eq!((short.tokens.as_ptr() as usize, short.tokens.capacity()), (tokens, capacity));
        assert_eq!(short.token_count(), 3);
        assert_eq!(short.lower.len(), 3);
        assert_eq!(short.parts.len(), 1);
    }

    #[test]
    fn document_flags_are_numbered_by_bit() {
        assert!(DOC_FLAGS.iter().enumerate().all(|(i, (f, _))| *f == 1 << i));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Simmons").as_str(), "Xx");
        assert_eq!(shape("P.").as_str(), "X.");
        assert_eq!(shape("Jae-in").as_str(), "Xx-x");
        assert_eq!(shape("1996-08-30").as_str(), "d-d-d");
        assert_eq!(shape("McCarthy").as_str(), "XxXx");
        assert_eq!(shape("Émile-Ω²…x").as_str(), "Xx-Xdox");
        assert_eq!(shape("a1a1a1a1a1").as_str(), "xdxdxdxd");
    }

    #[test]
    fn candidates_are_capitalised_words_and_inner_particles() {
        let a = Article::new(&["Aravinda de Silva and the al-Assad family met"]);
        let got: Vec<&str> = a
            .sequence(0)
            .tokens
            .iter()
            .zip(a.sequence(0).candidate)
            .filter(|(_, c)| **c)
            .map(|(t, _)| t.text)
            .collect();
        assert_eq!(got, vec!["Aravinda", "de", "Silva", "al-Assad"]);
    }

    #[test]
    fn styles() {
        assert_eq!(Article::new(&["SOCCER - SHEARER NAMED CAPTAIN"]).sequence(0).style, Style::Caps);
        assert_eq!(Article::new(&["Biegun: US Ready To Resume Talks"]).sequence(0).style, Style::Title);
        assert_eq!(Article::new(&["Biegun said talks could resume"]).sequence(0).style, Style::Normal);
    }

    #[test]
    fn document_flags_see_other_mentions() {
        let a =
            Article::new(&["Given said so.", "The team: John Given, Breen, Staunton. It was given away."]);
        let flags = |w: &str| a.doc_flags(hash::lower(w));
        assert_eq!(flags("Given") & (LOWER_SEEN | AFTER_GIVEN), LOWER_SEEN | AFTER_GIVEN);
        assert_eq!(flags("Breen") & (IN_RUN | ALONE), ALONE);
    }

    #[test]
    fn features_differ_with_the_previous_tag_and_the_word() {
        let a = Article::new(&["Phil Simmons took four"]);
        let mut after_b = Vec::new();
        features(&a, 0, 1, Tag::B, &mut after_b);
        assert_ne!(named(&a, 0, 1), after_b);
        assert_ne!(named(&a, 0, 0), named(&a, 0, 1));
    }
}
