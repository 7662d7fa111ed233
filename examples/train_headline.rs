//! Fits the headline ranker of text dumps on a cleaning-dev style set and writes its weights.
//!
//! Usage: `train_headline DATA_DIR WEIGHTS.tsv [--folds K] [--misses FILE] [--dump FILE] [--train DIR]... [--test DIR]... [--drop NAME]...`
//!
//! DATA_DIR holds `gold.jsonl` (`id` and `title` per line) and `text/<id>.txt` page dumps.
//! Every headline candidate of a page (see `newsdex::outlets::headline`) is labelled by
//! whether it equals the gold title (case, quotes, dashes and spacing aside); the model is a
//! conditional logit over each page's candidates (a softmax whose gold candidates should get
//! the mass), fitted by full-batch gradient descent with an L2 penalty, so a run is
//! deterministic. Before fitting on every page it prints the K-fold cross-validated share of
//! pages whose top candidate is the gold title, counting pages with no gold candidate as
//! misses: that is the honest figure, the weights file itself has seen every page. Each
//! `--test DIR` (the same pages printed by another browser, in the same order) is scored fold by
//! fold too: weights fitted on the other folds' dumps, tested on this fold's pages as printed there.
//! Each `--train DIR` (the same pages printed by another browser, in the same order) adds its
//! pages to the fit; folds split by page, so no page is fitted in one print and tested in another.
//! Each `--drop NAME` zeroes one feature everywhere, for measuring what it adds (an ablation).
//! `--dump FILE` writes every page's candidates (text, features, gold flag) as JSON Lines, for
//! trying other models outside this trainer.

use std::io::{BufRead, BufReader};

use anyhow::{bail, Context, Result};
use newsdex::outlets::headline::{self, Features, NAMES};
use newsdex::outlets::{headline_candidates, Page};
use unicode_normalization::UnicodeNormalization;

/// One page: its candidates' features and which of them are the gold title.
struct Group {
    id: String,
    texts: Vec<String>,
    features: Vec<Features>,
    gold: Vec<bool>,
}

const ITERATIONS: usize = 1500;
const RATE: f32 = 0.5;
const L2: f32 = 0.002;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out, rest @ ..] = args.as_slice() else {
        bail!("usage: train_headline DATA_DIR WEIGHTS.tsv [--folds K] [--misses FILE] [--dump FILE] [--train DIR]... [--test DIR]... [--drop NAME]...")
    };
    let (mut folds, mut misses, mut dump, mut tests, mut dropped) = (5, None, None, Vec::new(), Vec::new());
    let mut extra = Vec::new();
    let mut rest = rest.iter();
    while let Some(flag) = rest.next() {
        match flag.as_str() {
            "--folds" => folds = rest.next().context("--folds K")?.parse()?,
            "--misses" => misses = Some(rest.next().context("--misses FILE")?),
            "--dump" => dump = Some(rest.next().context("--dump FILE")?),
            "--test" => tests.push(rest.next().context("--test DIR")?),
            "--train" => extra.push(rest.next().context("--train DIR")?),
            "--drop" => dropped.push(feature_index(rest.next().context("--drop NAME")?)?),
            other => bail!("unknown argument {other}"),
        }
    }
    let groups = read_groups(data, &dropped)?;
    if let Some(path) = dump {
        std::fs::write(path, dump_groups(&groups)).with_context(|| format!("cannot write {path}"))?;
    }
    let usable = groups.iter().filter(|g| g.gold.contains(&true)).count();
    eprintln!("{} pages, {usable} with the gold title among the candidates", groups.len());
    let others: Vec<Vec<Group>> =
        tests.iter().map(|dir| read_groups(dir, &dropped)).collect::<Result<_>>()?;
    let extra: Vec<Vec<Group>> = extra.iter().map(|dir| read_groups(dir, &dropped)).collect::<Result<_>>()?;
    let (mut hits, mut other_hits) = (0, vec![0; others.len()]);
    for fold in 0..folds {
        let train: Vec<&Group> = std::iter::once(&groups)
            .chain(&extra)
            .flat_map(|gs| gs.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, g)| g))
            .collect();
        let weights = fit(&train);
        let held_out = |gs: &[Group]| {
            gs.iter().enumerate().filter(|(i, g)| i % folds == fold && top_is_gold(&weights, g)).count()
        };
        hits += held_out(&groups);
        for (h, other) in other_hits.iter_mut().zip(&others) {
            *h += held_out(other);
        }
    }
    eprintln!("{folds}-fold cross-validated title accuracy: {:.3}", hits as f64 / groups.len() as f64);
    for ((dir, h), other) in tests.iter().zip(&other_hits).zip(&others) {
        eprintln!("  the same folds printed as in {dir}: {:.3}", *h as f64 / other.len() as f64);
    }
    let all: Vec<&Group> = std::iter::once(&groups).chain(&extra).flatten().collect();
    let weights = fit(&all);
    let fitted = groups.iter().filter(|g| top_is_gold(&weights, g)).count();
    eprintln!(
        "accuracy of the final weights on the pages they were fitted on: {:.3}",
        fitted as f64 / groups.len() as f64
    );
    if let Some(path) = misses {
        std::fs::write(path, list_misses(&weights, &groups))
            .with_context(|| format!("cannot write {path}"))?;
    }
    std::fs::write(out, render(&weights)).with_context(|| format!("cannot write {out}"))?;
    Ok(())
}

fn feature_index(name: &str) -> Result<usize> {
    NAMES.iter().position(|n| *n == name).with_context(|| format!("no feature named {name}"))
}

/// The pages of a data folder as candidate groups, the `dropped` features zeroed.
fn read_groups(data: &str, dropped: &[usize]) -> Result<Vec<Group>> {
    let gold = std::fs::File::open(format!("{data}/gold.jsonl")).context("cannot open gold.jsonl")?;
    let mut groups = Vec::new();
    for line in BufReader::new(gold).lines() {
        let doc: serde_json::Value = serde_json::from_str(&line?)?;
        let (Some(id), Some(title)) = (doc["id"].as_str(), doc["title"].as_str()) else { continue };
        let raw =
            std::fs::read_to_string(format!("{data}/text/{id}.txt")).with_context(|| format!("page {id}"))?;
        let key = norm(title);
        let (texts, mut features): (Vec<String>, Vec<Features>) =
            headline_candidates(&Page::new(&raw)).into_iter().unzip();
        for f in &mut features {
            dropped.iter().for_each(|&k| f[k] = 0.0);
        }
        let gold: Vec<bool> = texts.iter().map(|t| norm(t) == key).collect();
        groups.push(Group { id: id.to_string(), texts, features, gold });
    }
    Ok(groups)
}

/// Compatibility form, straight quotes, one dash, single spaces, lower case.
fn norm(s: &str) -> String {
    let s: String = s.nfkc().collect();
    let s = newsdex::text::straighten(&s).replace(['\u{201e}', '\u{00ab}', '\u{00bb}'], "\"");
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Each page whose top candidate is not the gold title: the top candidates with their scores
/// and features, gold ones marked, for reading why.
fn list_misses(weights: &Features, groups: &[Group]) -> String {
    let mut text = String::new();
    for g in groups.iter().filter(|g| !top_is_gold(weights, g)) {
        let mut order: Vec<usize> = (0..g.texts.len()).collect();
        order.sort_by(|a, b| {
            headline::score(weights, &g.features[*b]).total_cmp(&headline::score(weights, &g.features[*a]))
        });
        text.push_str(&format!("== {} ({} candidates)\n", g.id, order.len()));
        let gold_rank = order.iter().position(|i| g.gold[*i]);
        for (rank, &i) in order.iter().enumerate().filter(|(r, _)| *r < 3 || Some(*r) == gold_rank) {
            let mark = if g.gold[i] { '*' } else { ' ' };
            let f: Vec<String> = g.features[i].iter().map(|x| format!("{x:.2}")).collect();
            let score = headline::score(weights, &g.features[i]);
            text.push_str(&format!("{mark}{rank:>3} {score:>7.2} {:.80} [{}]\n", g.texts[i], f.join(" ")));
        }
    }
    text
}

/// Every page's candidates as JSON Lines: `{"id", "texts", "features", "gold"}`.
fn dump_groups(groups: &[Group]) -> String {
    let line = |g: &Group| {
        let doc = serde_json::json!({"id": g.id, "texts": g.texts, "features": g.features.iter().map(|f| f.to_vec()).collect::<Vec<_>>(), "gold": g.gold});
        doc.to_string() + "\n"
    };
    groups.iter().map(line).collect()
}

fn top_is_gold(weights: &Features, g: &Group) -> bool {
    let scores = g.features.iter().map(|f| headline::score(weights, f));
    let top = scores.enumerate().max_by(|a, b| a.1.total_cmp(&b.1)).map(|(i, _)| i);
    top.is_some_and(|i| g.gold[i])
}

/// Full-batch gradient descent on the mean negative log-likelihood of the gold candidates,
/// over features scaled to unit spread (the weights are scaled back at the end).
fn fit(groups: &[&Group]) -> Features {
    let groups: Vec<&&Group> = groups.iter().filter(|g| g.gold.contains(&true)).collect();
    let spread = spreads(groups.iter().flat_map(|g| g.features.iter()));
    let scaled: Vec<Vec<Features>> =
        groups.iter().map(|g| g.features.iter().map(|f| scale(f, &spread)).collect()).collect();
    let mut w: Features = [0.0; NAMES.len()];
    for _ in 0..ITERATIONS {
        let mut grad: Features = [0.0; NAMES.len()];
        for (g, scaled) in groups.iter().zip(&scaled) {
            let probs = softmax(&scaled.iter().map(|f| headline::score(&w, f)).collect::<Vec<_>>());
            let gold_mass: f32 = probs.iter().zip(&g.gold).filter(|(_, y)| **y).map(|(p, _)| p).sum();
            for ((f, p), y) in scaled.iter().zip(&probs).zip(&g.gold) {
                // d(-log sum_gold p)/d score_i = p_i - [gold] p_i / gold_mass
                let d = p - if *y { p / gold_mass } else { 0.0 };
                for (gk, x) in grad.iter_mut().zip(f) {
                    *gk += d * x;
                }
            }
        }
        for (wk, gk) in w.iter_mut().zip(&grad) {
            *wk -= RATE * (gk / groups.len() as f32 + L2 * *wk);
        }
    }
    let mut out = w;
    for (o, s) in out.iter_mut().zip(&spread) {
        *o /= s;
    }
    out
}

fn spreads<'a>(rows: impl Iterator<Item = &'a Features>) -> Features {
    let (mut sum, mut sq, mut n) = ([0.0f64; NAMES.len()], [0.0f64; NAMES.len()], 0.0f64);
    for f in rows {
        for k in 0..NAMES.len() {
            sum[k] += f64::from(f[k]);
            sq[k] += f64::from(f[k]) * f64::from(f[k]);
        }
        n += 1.0;
    }
    let mut out = [1.0f32; NAMES.len()];
    for k in 0..NAMES.len() {
        let var = sq[k] / n.max(1.0) - (sum[k] / n.max(1.0)).powi(2);
        out[k] = if var > 1e-9 { var.sqrt() as f32 } else { 1.0 };
    }
    out
}

fn scale(f: &Features, spread: &Features) -> Features {
    let mut out = *f;
    for (o, s) in out.iter_mut().zip(spread) {
        *o /= s;
    }
    out
}

fn softmax(scores: &[f32]) -> Vec<f32> {
    let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = scores.iter().map(|s| (s - top).exp()).collect();
    let total: f32 = exps.iter().sum();
    exps.iter().map(|e| e / total).collect()
}

fn render(weights: &Features) -> String {
    let header = [
        "Headline ranker weights for text dumps, one feature a line (see src/outlets/headline.rs).",
        "Written by examples/train_headline.rs; do not edit by hand.",
    ];
    newsdex::outlets::weights::render(&header, &NAMES, weights)
}
