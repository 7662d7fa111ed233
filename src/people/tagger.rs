//! The name tagger: an averaged-perceptron model over the features of
//! [`super::features`], decoding each sequence greedily from left to right into
//! O/B/I tags (outside, beginning, inside a person's name).
//!
//! The model file `data/people/model.tsv` is built from the people-dev train split by
//! `scripts/train-people`; each line is a feature name and its weights for O, B and I.

use std::sync::LazyLock;

use anyhow::{bail, Context, Result};

use super::canonical;
use super::classes::Class;
use super::features::{self, Article, Sequence, Tag};
use super::hash::{self, HashMap};
use super::table::Table;

/// Feature weights: one score per tag for each feature hash.
#[derive(Debug, Clone, Default)]
pub struct Model {
    weights: Table,
}

const BUILTIN: &str = include_str!("../../data/people/model.tsv");

static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::parse(BUILTIN).expect("data/people/model.tsv is valid"));

impl Model {
    /// The model shipped in the repository.
    pub fn builtin() -> &'static Model {
        &MODEL
    }

    /// Reads a model file: `#` comments, then `FEATURE<TAB>O<TAB>B<TAB>I` lines.
    pub fn parse(text: &str) -> Result<Model> {
        let mut weights = HashMap::default();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty() && !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let key = fields.next().unwrap_or_default();
            let values: Vec<f32> = fields
                .map(str::parse)
                .collect::<Result<_, _>>()
                .with_context(|| format!("line {}", n + 1))?;
            let Ok(w) = <[f32; 3]>::try_from(values) else { bail!("line {}: expected 3 weights", n + 1) };
            weights.insert(hash::key(key), w);
        }
        Ok(Model { weights: Table::new(&weights) })
    }

    /// The score of each tag for a token with these features.
    pub fn scores(&self, features: &[u64]) -> [f32; 3] {
        sum(features.iter().filter_map(|f| self.weights.get(*f)))
    }

    /// The score of each tag under any weight table (training scores its working weights).
    pub fn scores_with(weights: &HashMap<[f32; 3]>, features: &[u64]) -> [f32; 3] {
        sum(features.iter().filter_map(|f| weights.get(f)))
    }

    /// Tags every token of every sequence of the article: one tag per token of the
    /// article (see [`Article::range`]).
    pub fn tag(&self, article: &Article) -> Vec<Tag> {
        let mut feats = Vec::with_capacity(64);
        let mut tags = Vec::with_capacity(article.token_count());
        for s in 0..article.sequences().len() {
            decode_into(article, s, &mut tags, |i, prev| {
                feats.clear();
                features::features(article, s, i, prev, &mut feats);
                self.scores(&feats)
            });
            mark_korean_names(&article.sequence(s), &mut tags[article.range(s)]);
        }
        tags
    }
}

/// The sum of weights, tag by tag, in the order given (so that scores are the same to the bit
/// whatever table holds the weights).
fn sum<'w>(weights: impl Iterator<Item = &'w [f32; 3]>) -> [f32; 3] {
    let mut total = [0.0f32; 3];
    for w in weights {
        for (t, x) in total.iter_mut().zip(w) {
            *t += x;
        }
    }
    total
}

/// Greedy left-to-right decoding of one sequence, with `score(i, previous tag)` per candidate.
pub fn decode(article: &Article, s: usize, score: impl FnMut(usize, Tag) -> [f32; 3]) -> Vec<Tag> {
    let mut tags = Vec::with_capacity(article.sequence(s).tokens.len());
    decode_into(article, s, &mut tags, score);
    tags
}

/// [`decode`], appending the tags to `tags`.
fn decode_into(
    article: &Article,
    s: usize,
    tags: &mut Vec<Tag>,
    mut score: impl FnMut(usize, Tag) -> [f32; 3],
) {
    let seq = article.sequence(s);
    let mut prev = Tag::O;
    for i in 0..seq.tokens.len() {
        let tag = if seq.candidate[i] { best(&score(i, prev), allowed(&seq, i, prev)) } else { Tag::O };
        tags.push(tag);
        prev = tag;
    }
}

/// Tags `Moon Jae-in` and `Ri Son Gwon` patterns as names whatever the model says: the
/// news text the model learnt from has few Korean names, and the patterns are certain.
fn mark_korean_names(seq: &Sequence, tags: &mut [Tag]) {
    // The class index knows Korean family names (in any case): one bit rules out nearly
    // every word before looking closer.
    let last = seq.tokens.len().saturating_sub(1);
    let families = seq.classes[..last].iter().enumerate().filter(|(_, c)| c.has(Class::KoreanFamily));
    for (i, _) in families {
        if !(seq.candidate[i + 1] && seq.tokens[i].is_capitalised()) {
            continue;
        }
        let mut words = [""; 3];
        let next = &seq.tokens[i..seq.tokens.len().min(i + 3)];
        words.iter_mut().zip(next).for_each(|(w, t)| *w = t.text);
        if let Some(n) = canonical::korean_name_len(&words[..next.len()]) {
            if tags[i] == Tag::O {
                tags[i] = Tag::B;
            }
            tags[i + 1..i + n].fill(Tag::I);
        }
    }
}

/// The best-scoring tag among those allowed.
pub fn best(scores: &[f32; 3], allowed: [bool; 3]) -> Tag {
    Tag::ALL
        .into_iter()
        .filter(|t| allowed[*t as usize])
        .max_by(|a, b| scores[*a as usize].total_cmp(&scores[*b as usize]))
        .unwrap_or(Tag::O)
}

/// Which tags a candidate may take: `I` only inside a name, a particle never begins one.
pub fn allowed(seq: &Sequence, i: usize, prev: Tag) -> [bool; 3] {
    [true, !features::is_particle(&seq.tokens[i]), prev != Tag::O]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_model_lines_and_sums_weights() {
        let m = Model::parse("# comment\nb\t0.5\t-1\t0\nw=Simmons\t-1\t2\t0.5\n").unwrap();
        let feats = [hash::key("b"), hash::key("w=Simmons"), hash::key("unknown")];
        assert_eq!(m.scores(&feats), [-0.5, 1.0, 0.5]);
        assert!(Model::parse("b\t1\t2\n").is_err());
    }

    #[test]
    fn inside_needs_a_name_before_it() {
        let a = Article::new(&["Simmons took four"]);
        assert!(!allowed(&a.sequence(0), 0, Tag::O)[Tag::I as usize]);
        assert!(allowed(&a.sequence(0), 0, Tag::B)[Tag::I as usize]);
        assert_eq!(best(&[0.0, 1.0, 5.0], allowed(&a.sequence(0), 0, Tag::O)), Tag::B);
    }

    #[test]
    fn builtin_model_finds_a_plain_name() {
        let a = Article::new(&["West Indian all-rounder Phil Simmons took four wickets on Friday."]);
        let tags = Model::builtin().tag(&a);
        let words: Vec<&str> = a
            .sequence(0)
            .tokens
            .iter()
            .zip(&tags)
            .filter(|(_, t)| **t != Tag::O)
            .map(|(t, _)| t.text)
            .collect();
        assert_eq!(words, vec!["Phil", "Simmons"]);
    }
}
