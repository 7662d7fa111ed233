//! The article text of an HTML page, by a vote of three extractors.
//!
//! `rs-trafilatura` is the first choice; on some pages it takes a list of related posts or
//! a sign-up box for the article and misses the text entirely. A second opinion catches
//! those: newsdex's own text cleaner over the page's visible lines, and, when the two
//! disagree, Mozilla Readability's algorithm (`dom_smoothie`) as a third. The text that agrees
//! most with the others wins (the ensemble by majority that comparisons of extractors found
//! more robust than any one of them); trafilatura keeps the page unless another extractor
//! agrees clearly better. Agreement is the F1 of the two texts' 4-word shingles.

use std::collections::HashMap;

use crate::article::Draft;
use crate::outlets::{self, Page};
use crate::text;

/// Above this agreement between trafilatura and the text cleaner, trafilatura's text is
/// taken without asking Readability.
const AGREED: f32 = 0.7;

/// How much more another extractor must agree with the rest to replace trafilatura's text.
const MARGIN: f32 = 0.1;

/// The article text of a page as paragraphs. `cleaned` is the text cleaner's paragraphs
/// (see [`cleaner`]).
pub fn body(html: &str, cleaned: Vec<String>) -> Vec<String> {
    let first = trafilatura(html);
    let second = cleaned;
    let agreement = Shingles::of(&first).f1(&Shingles::of(&second));
    if agreement >= AGREED {
        return first;
    }
    let third = readability(html);
    vote([first, second, third])
}

/// The candidate that agrees best with the other two; the first unless another agrees
/// clearly better.
fn vote(candidates: [Vec<String>; 3]) -> Vec<String> {
    let shingles: Vec<Shingles> = candidates.iter().map(|c| Shingles::of(c)).collect();
    let support =
        |i: usize| -> f32 { (0..3).filter(|&j| j != i).map(|j| shingles[i].f1(&shingles[j])).sum() };
    let best = (1..3).max_by(|&a, &b| support(a).total_cmp(&support(b))).unwrap_or(0);
    let winner = if support(best) > support(0) + MARGIN { best } else { 0 };
    let [first, second, third] = candidates;
    match winner {
        1 => second,
        2 => third,
        _ => first,
    }
}

fn trafilatura(html: &str) -> Vec<String> {
    rs_trafilatura::extract(html).map(|e| paragraphs(&e.content_text)).unwrap_or_default()
}

/// The generic page-dump cleaner over the page's visible lines, one block a line: its
/// paragraphs are one of the votes on the body, its byline a last source of authors.
pub fn cleaner(lines: &[String]) -> Draft {
    let page = Page::new(&lines.join("\n\n"));
    outlets::GENERIC.parse_dump(&page)
}

fn readability(html: &str) -> Vec<String> {
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    dom_smoothie::Readability::new(html, None, Some(config))
        .and_then(|mut r| r.parse())
        .map(|article| paragraphs(&article.text_content))
        .unwrap_or_default()
}

fn paragraphs(raw: &str) -> Vec<String> {
    text::normalize(raw).lines().map(text::squash).filter(|l| !l.is_empty()).collect()
}

/// Words per shingle, as in the cleaning benchmarks' body metric.
const SHINGLE: usize = 4;

/// A text's overlapping 4-word sequences, counted (words are runs of letters, digits and `_`).
struct Shingles {
    counts: HashMap<u64, u32>,
    total: u32,
}

impl Shingles {
    fn of(paragraphs: &[String]) -> Shingles {
        let words: Vec<u64> = paragraphs
            .iter()
            .flat_map(|p| p.split(|c: char| !(c.is_alphanumeric() || c == '_')))
            .filter(|w| !w.is_empty())
            .map(|w| xxhash_rust::xxh3::xxh3_64(w.as_bytes()))
            .collect();
        let mut counts: HashMap<u64, u32> = HashMap::new();
        for gram in words.windows(SHINGLE.min(words.len()).max(1)) {
            let key = gram.iter().fold(0u64, |h, w| h.rotate_left(17) ^ w);
            *counts.entry(key).or_default() += 1;
        }
        let total = counts.values().sum();
        Shingles { counts, total }
    }

    /// The F1 of the shared shingles (0 when either text has none).
    fn f1(&self, other: &Shingles) -> f32 {
        let shared: u32 =
            self.counts.iter().map(|(k, n)| (*n).min(other.counts.get(k).copied().unwrap_or(0))).sum();
        if shared == 0 {
            return 0.0;
        }
        2.0 * shared as f32 / (self.total + other.total) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn agreement_is_shingle_f1() {
        let a = Shingles::of(&paras("one two three four five"));
        let b = Shingles::of(&paras("one two three four six"));
        assert_eq!(a.f1(&a), 1.0);
        assert_eq!(a.f1(&b), 0.5);
        assert_eq!(a.f1(&Shingles::of(&[])), 0.0);
    }

    #[test]
    fn words_cross_paragraphs_and_ignore_punctuation() {
        let a = Shingles::of(&paras("One, two.\nthree four!"));
        let b = Shingles::of(&paras("One two three four"));
        assert_eq!(a.f1(&b), 1.0);
    }

    #[test]
    fn the_two_that_agree_outvote_the_first() {
        let article = "The council voted on Tuesday to rebuild the old bridge over the river next spring";
        let related = "Related posts: ten ways to save money on your next holiday this year";
        let longer = format!("{article} at last");
        let picked = vote([paras(related), paras(article), paras(&longer)]);
        assert!(picked[0].starts_with(article), "{picked:?}");
    }

    #[test]
    fn the_first_stays_without_a_clear_majority() {
        let a = "The council voted on Tuesday to rebuild the old bridge over the river next spring";
        let b = "Related posts: ten ways to save money on your next holiday this year";
        let c = "Sign up for our newsletter and get the best stories in your inbox every week";
        assert_eq!(vote([paras(a), paras(b), paras(c)]), paras(a));
    }
}
