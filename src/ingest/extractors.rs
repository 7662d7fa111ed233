//! The article text of an HTML page, by a vote of three extractors.
//!
//! `rs-trafilatura` is the first choice; on some pages it takes a list of related posts or
//! a sign-up box for the article and misses the text entirely. A second opinion catches
//! those: newsdex's own text cleaner over the page's visible lines, and, when the two
//! disagree or the cleaner does not confirm the edges of trafilatura's text, Mozilla Readability's algorithm (`dom_smoothie`) as a third. The text that agrees
//! most with the others wins (the ensemble by majority that comparisons of extractors found
//! more robust than any one of them); trafilatura keeps the page unless another extractor
//! agrees clearly better. Agreement is the F1 of the two texts' 4-word shingles. The
//! chosen text then loses the leading and trailing paragraphs that no other extractor
//! confirms: a related-posts list, an author box or a sign-up form at its edges.

use std::collections::HashMap;

use dom_query::Document;

use crate::article::Draft;
use crate::outlets::{self, Page};
use crate::text;

/// Above this agreement between trafilatura and the text cleaner, trafilatura's text is
/// taken without asking Readability.
const AGREED: f32 = 0.7;

/// How much more another extractor must agree with the rest to replace trafilatura's text.
const MARGIN: f32 = 0.1;

/// The share of a paragraph's shingles another extractor must also have for the paragraph
/// to stay at an edge of the chosen text.
const CONFIRMED: f32 = 0.5;

/// The article text of a page as paragraphs. `doc` is the page parsed (Readability reads
/// and changes it, so it is taken), `cleaned` the text cleaner's paragraphs (see [`cleaner`]).
pub fn body(html: &str, doc: Document, cleaned: Vec<String>) -> Vec<String> {
    let first = trafilatura(html);
    let shingles = [Shingles::of(&first), Shingles::of(&cleaned)];
    let agreed = shingles[0].f1(&shingles[1]) >= AGREED;
    // Readability is only asked when it could change the answer: confirming an edge
    // paragraph the cleaner does not, or breaking a disagreement.
    if agreed && edges_confirmed(&first, &[&shingles[1]]) {
        return first;
    }
    let candidates = [first, cleaned, readability(doc)];
    let [a, b] = shingles;
    let shingles = [a, b, Shingles::of(&candidates[2])];
    let winner = if agreed { 0 } else { vote(&shingles) };
    let others: Vec<&Shingles> = (0..3).filter(|&j| j != winner).map(|j| &shingles[j]).collect();
    let [first, second, third] = candidates;
    let chosen = match winner {
        1 => second,
        2 => third,
        _ => first,
    };
    trim_edges(chosen, &others)
}

/// Which candidate agrees best with the other two; the first unless another agrees clearly
/// better.
fn vote(shingles: &[Shingles]) -> usize {
    let support =
        |i: usize| -> f32 { (0..3).filter(|&j| j != i).map(|j| shingles[i].f1(&shingles[j])).sum() };
    let best = (1..3).max_by(|&a, &b| support(a).total_cmp(&support(b))).unwrap_or(0);
    if support(best) > support(0) + MARGIN {
        best
    } else {
        0
    }
}

/// The paragraphs without the leading and trailing ones no other extractor confirms.
/// What an extractor over-includes sits at the edges of its text (a related-posts list,
/// an author box, a sign-up form, a share bar); a paragraph of the article the others
/// also found. Nothing is trimmed when nothing would be left.
fn trim_edges(paragraphs: Vec<String>, others: &[&Shingles]) -> Vec<String> {
    let Some(start) = paragraphs.iter().position(|p| confirmed(p, others)) else {
        return paragraphs;
    };
    let end = paragraphs.iter().rposition(|p| confirmed(p, others)).map_or(paragraphs.len(), |e| e + 1);
    paragraphs[start..end].to_vec()
}

/// Whether [`trim_edges`] would keep every paragraph.
fn edges_confirmed(paragraphs: &[String], others: &[&Shingles]) -> bool {
    [paragraphs.first(), paragraphs.last()].into_iter().flatten().all(|p| confirmed(p, others))
}

/// Whether enough of a paragraph's shingles are in another extractor's text. A line too
/// short to make a shingle of its own is never confirmed, so labels and buttons at an edge
/// go too.
fn confirmed(paragraph: &String, others: &[&Shingles]) -> bool {
    Shingles::of(std::slice::from_ref(paragraph)).share_in(others) >= CONFIRMED
}

/// Trafilatura's text of a page read as an article: its page-type classifier (product,
/// forum, listing…), which reads the whole page again for its features, is not run.
fn trafilatura(html: &str) -> Vec<String> {
    let options = rs_trafilatura::Options {
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..Default::default()
    };
    rs_trafilatura::extract_with_options(html, &options)
        .map(|e| paragraphs(&e.content_text))
        .unwrap_or_default()
}

/// The generic page-dump cleaner over the page's visible lines, one block a line: its
/// paragraphs are one of the votes on the body, its byline a last source of authors.
pub fn cleaner(lines: &[String]) -> Draft {
    let page = Page::new(&lines.join("\n\n"));
    outlets::GENERIC.parse_dump(&page)
}

fn readability(doc: Document) -> Vec<String> {
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    dom_smoothie::Readability::with_document(doc, None, Some(config))
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
    /// Fewer words than a shingle: the one shingle is the whole text.
    short: bool,
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
        Shingles { counts, total, short: words.len() < SHINGLE }
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

    /// The share of this text's shingles that at least one of `others` has (0 when this text
    /// has none, or only a shingle shorter than [`SHINGLE`] words).
    fn share_in(&self, others: &[&Shingles]) -> f32 {
        if self.short {
            return 0.0;
        }
        let found: u32 = self
            .counts
            .iter()
            .filter(|(k, _)| others.iter().any(|o| o.counts.contains_key(k)))
            .map(|(_, n)| n)
            .sum();
        if found == 0 {
            return 0.0;
        }
        found as f32 / self.total as f32
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

    fn shingles(texts: [&str; 3]) -> Vec<Shingles> {
        texts.iter().map(|t| Shingles::of(&paras(t))).collect()
    }

    #[test]
    fn the_two_that_agree_outvote_the_first() {
        let article = "The council voted on Tuesday to rebuild the old bridge over the river next spring";
        let related = "Related posts: ten ways to save money on your next holiday this year";
        let longer = format!("{article} at last");
        assert_ne!(vote(&shingles([related, article, &longer])), 0);
    }

    #[test]
    fn the_first_stays_without_a_clear_majority() {
        let a = "The council voted on Tuesday to rebuild the old bridge over the river next spring";
        let b = "Related posts: ten ways to save money on your next holiday this year";
        let c = "Sign up for our newsletter and get the best stories in your inbox every week";
        assert_eq!(vote(&shingles([a, b, c])), 0);
    }

    const ARTICLE: &str = "The council voted on Tuesday to rebuild the old bridge over the river\n\
        Work starts next spring and should last about two years in all";

    #[test]
    fn unconfirmed_edges_are_trimmed() {
        let other = Shingles::of(&paras(ARTICLE));
        let chosen = paras(&format!("Share\n{ARTICLE}\nRelated posts: ten ways to save money on holiday"));
        assert_eq!(trim_edges(chosen.clone(), &[&other]), paras(ARTICLE));
        assert!(!edges_confirmed(&chosen, &[&other]));
        assert!(edges_confirmed(&paras(ARTICLE), &[&other]));
    }

    #[test]
    fn a_paragraph_only_between_confirmed_ones_stays() {
        let other = Shingles::of(&paras(ARTICLE));
        let (head, tail) = ARTICLE.split_once('\n').unwrap();
        let chosen = paras(&format!("{head}\nA caption of the bridge at dusk from the east bank\n{tail}"));
        assert_eq!(trim_edges(chosen.clone(), &[&other]), chosen);
    }

    #[test]
    fn nothing_confirmed_keeps_everything() {
        let other = Shingles::of(&paras("Sign up for our newsletter and get the best stories"));
        assert_eq!(trim_edges(paras(ARTICLE), &[&other]), paras(ARTICLE));
    }

    #[test]
    fn short_lines_are_never_confirmed() {
        let short = Shingles::of(&paras("Read more"));
        assert_eq!(short.share_in(&[&short]), 0.0);
        let long = Shingles::of(&paras(ARTICLE));
        assert_eq!(long.share_in(&[&long]), 1.0);
    }
}
