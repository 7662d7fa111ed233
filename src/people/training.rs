//! Training the tagger: an averaged perceptron over articles whose person names are
//! marked, decoding greedily exactly as [`super::tagger`] does at run time, and writing
//! the model file with readable feature names.
//!
//! Used by `examples/train_people.rs` (run through `scripts/train-people`); nothing at run
//! time depends on it.

use super::features::{self, Article, Sink, Tag};
use super::hash::{HashMap, Template};
use super::tagger::{self, Model};

/// An article for training: its parts (headline, paragraphs) and its names as byte
/// ranges `(part, start, end)`.
#[derive(Debug, Clone)]
pub struct Example {
    pub parts: Vec<String>,
    pub names: Vec<(usize, usize, usize)>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    /// Features seen fewer times than this on the gold path are left out.
    pub min_count: u32,
    /// Seed for the order in which examples are visited.
    pub seed: u64,
}

/// Training sink: the run-time hashes, and each feature's name the first time it is seen.
struct Named<'a> {
    hashes: Vec<u64>,
    names: &'a mut HashMap<String>,
}

impl Named<'_> {
    fn name_last(&mut self, name: impl FnOnce() -> String) {
        if let Some(&h) = self.hashes.last() {
            self.names.entry(h).or_insert_with(name);
        }
    }
}

fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

impl Sink for Named<'_> {
    fn add(&mut self, template: Template, value: &str) {
        self.hashes.add(template, value);
        self.name_last(|| format!("{}{value}", template.name));
    }

    fn add_lower(&mut self, template: Template, value: &str) {
        self.hashes.add_lower(template, value);
        self.name_last(|| format!("{}{}", template.name, lower(value)));
    }

    fn add_word(&mut self, template: Template, word: &str, lower_hash: u64) {
        self.hashes.add_word(template, word, lower_hash);
        self.name_last(|| format!("{}{}", template.name, lower(word)));
    }

    fn add2(&mut self, template: Template, a: &str, b: &str) {
        self.hashes.add2(template, a, b);
        self.name_last(|| format!("{}{a}|{b}", template.name));
    }

    fn add_hashed(&mut self, template: Template, value: &str, hash: u64) {
        self.hashes.add_hashed(template, value, hash);
        self.name_last(|| format!("{}{value}", template.name));
    }
}

/// Perceptron weights with the sums needed for averaging.
#[derive(Default)]
struct Weights {
    w: HashMap<[f32; 3]>,
    /// Sum of updates weighted by the step they were made at.
    u: HashMap<[f32; 3]>,
    step: f32,
}

impl Weights {
    fn update(&mut self, feats: &[u64], gold: Tag, guess: Tag) {
        for f in feats {
            let (w, u) = (self.w.entry(*f).or_default(), self.u.entry(*f).or_default());
            w[gold as usize] += 1.0;
            w[guess as usize] -= 1.0;
            u[gold as usize] += self.step;
            u[guess as usize] -= self.step;
        }
    }

    fn averaged(&self) -> HashMap<[f32; 3]> {
        let mut out = HashMap::default();
        for (f, w) in &self.w {
            let u = self.u[f];
            out.insert(*f, [0, 1, 2].map(|k| w[k] - u[k] / self.step.max(1.0)));
        }
        out
    }
}

/// Gold tags of one part: B on the first token of a name, I on the rest.
fn gold_tags(article: &Article, s: usize, names: &[(usize, usize, usize)]) -> Vec<Tag> {
    let seq = article.sequence(s);
    let mut tags = vec![Tag::O; seq.tokens.len()];
    for &(_, start, end) in names.iter().filter(|n| n.0 == s) {
        let mut first = true;
        for (i, _) in seq.tokens.iter().enumerate().filter(|(_, t)| t.start >= start && t.end() <= end) {
            tags[i] = if first { Tag::B } else { Tag::I };
            first = false;
        }
    }
    tags
}

/// Trains a model; returns it with the model file's text (features sorted by name).
pub fn train(examples: &[Example], settings: Settings) -> (Model, String) {
    let mut names = HashMap::default();
    let counts = count_features(examples, &mut names);
    let mut weights = Weights::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = settings.seed | 1;
    for _ in 0..settings.epochs {
        shuffle(&mut order, &mut rng);
        for &e in &order {
            train_article(&examples[e], &mut weights, &counts, settings.min_count);
        }
    }
    let averaged = weights.averaged();
    let text = model_text(&averaged, &names);
    (Model::parse(&text).expect("model text parses"), text)
}

/// How often each feature occurs along the gold tag path.
fn count_features(examples: &[Example], names: &mut HashMap<String>) -> HashMap<u32> {
    let mut counts = HashMap::default();
    for ex in examples {
        let parts: Vec<&str> = ex.parts.iter().map(String::as_str).collect();
        let article = Article::new(&parts);
        for s in 0..article.sequences().len() {
            let gold = gold_tags(&article, s, &ex.names);
            for i in (0..gold.len()).filter(|&i| article.sequence(s).candidate[i]) {
                let prev = if i == 0 { Tag::O } else { gold[i - 1] };
                let mut sink = Named { hashes: Vec::new(), names };
                features::features(&article, s, i, prev, &mut sink);
                for h in sink.hashes {
                    *counts.entry(h).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

/// One pass over an article: decode with the current weights, update on each mistake.
fn train_article(ex: &Example, weights: &mut Weights, counts: &HashMap<u32>, min_count: u32) {
    let parts: Vec<&str> = ex.parts.iter().map(String::as_str).collect();
    let article = Article::new(&parts);
    for s in 0..article.sequences().len() {
        let gold = gold_tags(&article, s, &ex.names);
        let mut prev = Tag::O;
        for (i, &gold_tag) in gold.iter().enumerate() {
            prev = if article.sequence(s).candidate[i] {
                let mut feats = Vec::new();
                features::features(&article, s, i, prev, &mut feats);
                feats.retain(|f| counts.get(f).is_some_and(|c| *c >= min_count));
                train_token(&feats, tagger::allowed(&article.sequence(s), i, prev), gold_tag, weights)
            } else {
                Tag::O
            };
        }
    }
}

/// Guesses one token's tag and updates the weights if the guess is wrong; returns the guess.
fn train_token(feats: &[u64], allowed: [bool; 3], gold: Tag, weights: &mut Weights) -> Tag {
    let guess = tagger::best(&Model::scores_with(&weights.w, feats), allowed);
    let target = match gold {
        Tag::I if !allowed[Tag::I as usize] => Tag::B,
        Tag::B if !allowed[Tag::B as usize] => Tag::I,
        t => t,
    };
    weights.step += 1.0;
    if guess != target && allowed[target as usize] {
        weights.update(feats, target, guess);
    }
    guess
}

/// The model file: a header, then `name<TAB>O<TAB>B<TAB>I` for every feature with a weight.
fn model_text(weights: &HashMap<[f32; 3]>, names: &HashMap<String>) -> String {
    let mut lines: Vec<String> = weights
        .iter()
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= 0.0005))
        .filter_map(|(h, w)| names.get(h).map(|n| format!("{n}\t{:.3}\t{:.3}\t{:.3}", w[0], w[1], w[2])))
        .map(|l| l.replace("-0.000", "0.000"))
        .collect();
    lines.sort();
    let mut text = String::from(
        "# newsdex people tagger: averaged perceptron weights (O, B, I) per feature.\n\
         # Built by scripts/train-people from the people-dev train split; see data/people/README.md.\n",
    );
    for l in lines {
        text.push_str(&l);
        text.push('\n');
    }
    text
}

/// Fisher-Yates with a xorshift generator, so training is reproducible.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(text: &str, names: &[&str]) -> Example {
        let spans = names.iter().map(|n| text.find(n).map(|s| (1, s, s + n.len())).unwrap()).collect();
        Example { parts: vec![String::new(), text.to_string()], names: spans }
    }

    #[test]
    fn gold_tags_mark_names() {
        let ex = example("Captain Phil Simmons took four.", &["Phil Simmons"]);
        let parts: Vec<&str> = ex.parts.iter().map(String::as_str).collect();
        let a = Article::new(&parts);
        assert_eq!(gold_tags(&a, 1, &ex.names), vec![Tag::O, Tag::B, Tag::I, Tag::O, Tag::O, Tag::O]);
    }

    #[test]
    fn learns_a_toy_task_and_writes_a_parsable_model() {
        let examples = vec![
            example("Phil Simmons took four wickets in Leicester.", &["Phil Simmons"]),
            example("In Leicester, Andy Caddick took three.", &["Andy Caddick"]),
            example("Leicester beat Somerset as Simmons starred.", &["Simmons"]),
        ];
        let (model, text) = train(&examples, Settings { epochs: 5, min_count: 1, seed: 7 });
        assert!(text.lines().any(|l| l.starts_with("w=Simmons\t")));
        let a = Article::new(&["", "In Leicester, Andy Caddick took three."]);
        let tags = model.tag(&a);
        assert_eq!(tags[a.range(1)], vec![Tag::O, Tag::O, Tag::O, Tag::B, Tag::I, Tag::O, Tag::O, Tag::O]);
    }
}
