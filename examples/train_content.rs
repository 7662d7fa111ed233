//! Fits the block model of text dumps (which blocks are the article's text) and writes its
//! weights.
//!
//! Usage: `train_content WEIGHTS.tsv --train DIR [--train DIR ...] [--test DIR ...]
//! [--folds K] [--blocks FILE] [--probs FILE]`
//!
//! Each DIR holds `gold.jsonl` (`id` and `body` per line) and `text/<id>.txt` page dumps; the
//! same pages printed by several text browsers make several DIRs. Every block of a page (see
//! `newsdex::outlets::content`) is labelled by whether most of its 4-word shingles, read on
//! into the block after it or back into the block before it, are shingles of the gold body.
//! The model is a logistic regression, each block weighted by its words (what it weighs in
//! the body metric), fitted by Newton's method with an L2 penalty, so a run is deterministic.
//!
//! Before fitting on every page it prints, for each DIR, the K-fold cross-validated body
//! precision, recall and F1 (4-word shingles, averaged over pages as the cleaning evaluation
//! does). Pages are split into folds by id, so a page printed by another browser is never in
//! the fold that scores it. That is the honest figure: the weights file has seen every page.
//! `--test` DIRs are scored but never fitted on. `--blocks FILE` writes every block of every
//! DIR with its label, cross-validated probability, whether it is kept, whether it is an
//! aside, its letters, the second stage's input but its lexical part (its features, then the
//! context of the cross-validated probabilities, see `content::context`), its weight in the
//! fit and its word keys (`words::keys`), one page a JSON line (with the DIR's place in `set` and the page's `ordinal`, which sets its fold)
//! after a first line naming the inputs: what `scripts/train-content-trees` fits the second
//! stage on. `--probs FILE` scores another model's probabilities (`{"set", "id", "probs"}` a
//! line) the way the cross-validated ones are scored.
//!
//! The figures printed here are the logistic first stage's; the binary reads its
//! probabilities again with the boosted trees of the second stage, whose cross-validated
//! figure is the one `--probs` prints for the probabilities `train-content-trees` writes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};

use anyhow::{bail, Context, Result};
use newsdex::outlets::content::{self, Features, NAMES};
use newsdex::outlets::words;
use newsdex::outlets::{body_blocks, repeats, weights, BodyBlock, Page};

/// The L2 penalty on the weights of standardised features.
const L2: f64 = 1e-4;
const ITERATIONS: usize = 15;
/// Words of context read into the neighbouring block when labelling a block.
const CONTEXT: usize = 3;
const SHINGLE: usize = 4;

/// What to fit on, what to score, and where to write.
struct Args {
    out: String,
    train: Vec<String>,
    test: Vec<String>,
    folds: usize,
    blocks: Option<String>,
    probs: Option<String>,
}

/// One page as one browser printed it: its blocks, their labels and the gold body's shingles.
struct Doc {
    id: String,
    /// Which DIR it comes from, in the order given.
    set: usize,
    /// The page's place among the pages, the same for every browser: it sets the folds.
    ordinal: usize,
    blocks: Vec<BodyBlock>,
    labels: Vec<bool>,
    /// Each block's weight in the fit.
    sizes: Vec<f64>,
    gold: HashMap<String, u32>,
}

type Scores = (Option<f64>, Option<f64>);

fn main() -> Result<()> {
    let args = parse_args()?;
    let sets: Vec<&String> = args.train.iter().chain(&args.test).collect();
    let mut folds_of: HashMap<String, usize> = HashMap::new();
    let mut docs = Vec::new();
    for (set, dir) in sets.iter().enumerate() {
        docs.extend(read_docs(dir, set, &mut folds_of)?);
    }
    eprintln!("{} pages, {} blocks", docs.len(), docs.iter().map(|d| d.blocks.len()).sum::<usize>());
    let trained = |d: &&Doc| d.set < args.train.len();
    let mut cv_probs = vec![Vec::new(); docs.len()];
    let k = args.folds;
    for fold in 0..k {
        let train: Vec<&Doc> = docs.iter().filter(trained).filter(|d| d.ordinal % k != fold).collect();
        let model = fit(&rows(train.into_iter()));
        for (i, d) in docs.iter().enumerate().filter(|(_, d)| d.ordinal % k == fold) {
            cv_probs[i] = predict(&model, d);
        }
    }
    report(&format!("{}-fold cross-validated", args.folds), &sets, &docs, &cv_probs);
    if let Some(path) = &args.probs {
        report(&format!("probabilities of {path}"), &sets, &docs, &read_probs(path, &docs)?);
    }
    if let Some(path) = &args.blocks {
        std::fs::write(path, block_dump(&docs, &cv_probs)).with_context(|| format!("cannot write {path}"))?;
    }
    let model = fit(&rows(docs.iter().filter(trained)));
    let fitted: Vec<Vec<f32>> = docs.iter().map(|d| predict(&model, d)).collect();
    report("the final weights on the pages they were fitted on,", &sets, &docs, &fitted);
    write_weights(&args.out, &model)
}

fn write_weights(path: &str, model: &Features) -> Result<()> {
    let header = [
        "Block model weights for text dumps, one feature a line (see src/outlets/content.rs).",
        "Written by examples/train_content.rs; do not edit by hand.",
    ];
    let text = weights::render(&header, &NAMES, model);
    std::fs::write(path, text).with_context(|| format!("cannot write {path}"))
}

fn parse_args() -> Result<Args> {
    let mut raw = std::env::args().skip(1);
    let usage = "usage: train_content WEIGHTS.tsv --train DIR [--test DIR] [--folds K] [--blocks FILE] [--probs FILE]";
    let out = raw.next().context(usage)?;
    let mut args = Args { out, train: Vec::new(), test: Vec::new(), folds: 5, blocks: None, probs: None };
    while let Some(flag) = raw.next() {
        let value = raw.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--train" => args.train.push(value),
            "--test" => args.test.push(value),
            "--folds" => args.folds = value.parse()?,
            "--blocks" => args.blocks = Some(value),
            "--probs" => args.probs = Some(value),
            other => bail!("unknown argument {other}; {usage}"),
        }
    }
    if args.train.is_empty() || args.folds < 2 {
        bail!("{usage}");
    }
    Ok(args)
}

/// Prints each set's body figures with these probabilities.
fn report(what: &str, sets: &[&String], docs: &[Doc], probs: &[Vec<f32>]) {
    for (set, dir) in sets.iter().enumerate() {
        let scores: Vec<Scores> =
            docs.iter().zip(probs).filter(|(d, _)| d.set == set).map(|(d, p)| page_scores(p, d)).collect();
        let (p, r, f1) = summary(&scores);
        eprintln!("{what} body on {dir}: F1 {f1:.3}, precision {p:.3}, recall {r:.3}");
    }
}

fn block_dump(docs: &[Doc], probs: &[Vec<f32>]) -> String {
    let names: Vec<&str> = NAMES.iter().chain(&content::CONTEXT).copied().collect();
    let mut text = serde_json::json!({ "names": names }).to_string() + "\n";
    for (d, probs) in docs.iter().zip(probs) {
        let kept = kept(probs, d);
        let letters: Vec<usize> = d.blocks.iter().map(|b| b.letters).collect();
        let context = content::context(probs, &letters);
        let rows: Vec<_> = (0..d.blocks.len())
            .map(|k| {
                let b = &d.blocks[k];
                let input: Vec<f32> = b.features.iter().chain(&context[k]).copied().collect();
                serde_json::json!([
                    b.text,
                    d.labels[k],
                    probs[k],
                    kept.contains(&k),
                    b.aside,
                    b.letters,
                    input,
                    d.sizes[k],
                    words::keys(&b.text)
                ])
            })
            .collect();
        let doc = serde_json::json!({"id": d.id, "set": d.set, "ordinal": d.ordinal, "blocks": rows});
        text.push_str(&doc.to_string());
        text.push('\n');
    }
    text
}

/// Probabilities made outside this trainer, one page a JSON line (`{"set", "id", "probs"}`,
/// one per block), in the docs' order.
fn read_probs(path: &str, docs: &[Doc]) -> Result<Vec<Vec<f32>>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {path}"))?;
    let mut by_page: HashMap<(usize, String), Vec<f32>> = HashMap::new();
    for line in BufReader::new(file).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let probs = v["probs"].as_array().context("probs")?.iter().map(|p| p.as_f64().unwrap_or(0.0) as f32);
        let set = v["set"].as_u64().context("set")? as usize;
        by_page.insert((set, v["id"].as_str().context("id")?.to_string()), probs.collect());
    }
    docs.iter()
        .map(|d| {
            by_page.remove(&(d.set, d.id.clone())).with_context(|| format!("no probabilities for {}", d.id))
        })
        .collect()
}

fn rows<'a>(docs: impl Iterator<Item = &'a Doc>) -> Vec<(Features, bool, f64)> {
    docs.flat_map(|d| d.blocks.iter().zip(&d.labels).zip(&d.sizes).map(|((b, y), n)| (b.features, *y, *n)))
        .collect()
}

fn predict(model: &Features, d: &Doc) -> Vec<f32> {
    d.blocks.iter().map(|b| content::probability(model, &b.features)).collect()
}

/// Reads one DIR's pages; a page's fold is set by the first DIR that has it.
fn read_docs(dir: &str, set: usize, folds_of: &mut HashMap<String, usize>) -> Result<Vec<Doc>> {
    let gold = std::fs::File::open(format!("{dir}/gold.jsonl")).context("cannot open gold.jsonl")?;
    let mut docs = Vec::new();
    for line in BufReader::new(gold).lines() {
        let doc: serde_json::Value = serde_json::from_str(&line?)?;
        let (Some(id), Some(body)) = (doc["id"].as_str(), doc["body"].as_str()) else { continue };
        let raw =
            std::fs::read_to_string(format!("{dir}/text/{id}.txt")).with_context(|| format!("page {id}"))?;
        let blocks = body_blocks(&Page::new(&raw));
        let gold = shingles(&tokens(body));
        let labels = labels(&blocks, &gold);
        let next = folds_of.len();
        let ordinal = *folds_of.entry(id.to_string()).or_insert(next);
        let sizes = block_weights(&blocks);
        docs.push(Doc { id: id.to_string(), set, ordinal, blocks, labels, sizes, gold });
    }
    Ok(docs)
}

/// A block weighs its words (plus a little, so headings count), over the square root of the
/// page's words: long pages count more, but not as many times more as they are longer.
fn block_weights(blocks: &[BodyBlock]) -> Vec<f64> {
    let sizes: Vec<f64> = blocks.iter().map(|b| 3.0 + tokens(&b.text).len() as f64).collect();
    let page = sizes.iter().sum::<f64>().sqrt() * 30.0;
    sizes.iter().map(|n| n / page * 1000.0).collect()
}

/// Word tokens as the cleaning evaluation reads them: runs of letters, digits and `_`.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect()
}

/// Overlapping 4-token shingles, counted; a text shorter than that is one shingle.
fn shingles(words: &[&str]) -> HashMap<String, u32> {
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    for gram in words.windows(SHINGLE.min(words.len())) {
        *out.entry(gram.join(" ")).or_default() += 1;
    }
    out
}

/// Whether each block is article text: most of its shingles, read on into the next block
/// or back into the one before, are the gold body's (a heading alone is shorter than one
/// shingle, so it is judged with the text it heads).
fn labels(blocks: &[BodyBlock], gold: &HashMap<String, u32>) -> Vec<bool> {
    let words: Vec<Vec<&str>> = blocks.iter().map(|b| tokens(&b.text)).collect();
    (0..blocks.len())
        .map(|i| {
            let own = &words[i];
            if own.is_empty() {
                return false;
            }
            let next: Vec<&str> = words[i + 1..].iter().flatten().take(CONTEXT).copied().collect();
            let mut prev: Vec<&str> = words[..i].iter().rev().flatten().take(CONTEXT).copied().collect();
            prev.reverse();
            let right: Vec<&str> = own.iter().chain(&next).copied().collect();
            let left: Vec<&str> = prev.iter().chain(own).copied().collect();
            // Shingles starting in the block, and shingles ending in it.
            let right_share = gold_share(gold, &right, 0, own.len());
            let left_share = gold_share(gold, &left, (prev.len() + 1).saturating_sub(SHINGLE), left.len());
            right_share.max(left_share) >= 0.5
        })
        .collect()
}

/// The share of the shingles of `seq` starting in `from..to` that are gold.
fn gold_share(gold: &HashMap<String, u32>, seq: &[&str], from: usize, to: usize) -> f32 {
    let starts: Vec<usize> = (from..to).filter(|&k| k + SHINGLE <= seq.len()).collect();
    if starts.is_empty() {
        return f32::from(u8::from(gold.contains_key(&seq.join(" "))));
    }
    let hits = starts.iter().filter(|&&k| gold.contains_key(&seq[k..k + SHINGLE].join(" "))).count();
    hits as f32 / starts.len() as f32
}

/// The blocks the model keeps as the page's text (what `generic` does with them).
fn kept(probs: &[f32], d: &Doc) -> Vec<usize> {
    let sizes: Vec<usize> = d.blocks.iter().map(|b| b.letters).collect();
    content::select(probs, &sizes).into_iter().filter(|&i| !d.blocks[i].aside).collect()
}

/// A page's body precision and recall with these probabilities (`None` where the metric
/// skips it), a second copy of the text dropped as the binary drops it.
fn page_scores(probs: &[f32], d: &Doc) -> Scores {
    let mut text: Vec<String> = kept(probs, d).into_iter().map(|i| d.blocks[i].text.clone()).collect();
    repeats::drop_second_copy(&mut text);
    let predicted = shingles(&tokens(&text.join("\n\n")));
    let tp: u32 = predicted.iter().map(|(k, n)| (*n).min(d.gold.get(k).copied().unwrap_or(0))).sum();
    let (np, ng): (u32, u32) = (predicted.values().sum(), d.gold.values().sum());
    let p = (np > 0).then(|| f64::from(tp) / f64::from(np));
    let r = (ng > 0).then(|| f64::from(tp) / f64::from(ng));
    (p, r)
}

/// Mean precision over pages with a prediction, mean recall over pages with a gold body,
/// and the F1 of the two means.
fn summary(scores: &[Scores]) -> (f64, f64, f64) {
    let mean = |v: Vec<f64>| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let p = mean(scores.iter().filter_map(|s| s.0).collect());
    let r = mean(scores.iter().map(|s| s.1.unwrap_or(0.0)).collect());
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Newton's method on the weighted, L2-penalised log-loss over features scaled to unit
/// spread (the weights are scaled back at the end; the bias is not penalised).
fn fit<const N: usize>(rows: &[([f32; N], bool, f64)]) -> [f32; N] {
    let (mean, spread) = moments(rows.iter().map(|r| &r.0));
    let scaled: Vec<[f64; N]> = rows
        .iter()
        .map(|(f, _, _)| {
            std::array::from_fn(|k| if k == 0 { 1.0 } else { (f64::from(f[k]) - mean[k]) / spread[k] })
        })
        .collect();
    let total: f64 = rows.iter().map(|r| r.2).sum();
    let mut w = [0.0f64; N];
    for _ in 0..ITERATIONS {
        let (grad, hess) = newton_terms(&w, &scaled, rows, total);
        let step = solve(hess, grad);
        for (wk, s) in w.iter_mut().zip(step) {
            *wk -= s;
        }
    }
    // Back to raw features: w·(x - mean)/spread = sum w_k/s_k x_k - sum w_k m_k/s_k.
    let mut out = [0.0f32; N];
    let mut bias = w[0];
    for k in 1..N {
        out[k] = (w[k] / spread[k]) as f32;
        bias -= w[k] * mean[k] / spread[k];
    }
    out[0] = bias as f32;
    out
}

/// The gradient and hessian of the penalised loss at `w`.
fn newton_terms<const N: usize>(
    w: &[f64; N],
    scaled: &[[f64; N]],
    rows: &[([f32; N], bool, f64)],
    total: f64,
) -> ([f64; N], Vec<[f64; N]>) {
    let mut grad = [0.0f64; N];
    let mut hess = vec![[0.0f64; N]; N];
    for (x, (_, y, weight)) in scaled.iter().zip(rows) {
        let z: f64 = w.iter().zip(x).map(|(a, b)| a * b).sum();
        let p = 1.0 / (1.0 + (-z).exp());
        let g = weight * (p - f64::from(u8::from(*y))) / total;
        let h = weight * p * (1.0 - p) / total;
        for a in 0..N {
            grad[a] += g * x[a];
            for b in 0..=a {
                hess[a][b] += h * x[a] * x[b];
            }
        }
    }
    // Only the lower triangle was summed: mirror it, then add the penalty (not on the bias).
    for a in 1..N {
        let (upper, lower) = hess.split_at_mut(a);
        for (b, row) in upper.iter_mut().enumerate() {
            row[a] = lower[0][b];
        }
        grad[a] += L2 * w[a];
        hess[a][a] += L2;
    }
    (grad, hess)
}

/// The mean and spread of each feature (spread 1 for constant ones).
fn moments<'a, const N: usize>(rows: impl Iterator<Item = &'a [f32; N]>) -> ([f64; N], [f64; N]) {
    let (mut sum, mut sq, mut n) = ([0.0f64; N], [0.0f64; N], 0.0f64);
    for f in rows {
        for k in 0..N {
            sum[k] += f64::from(f[k]);
            sq[k] += f64::from(f[k]) * f64::from(f[k]);
        }
        n += 1.0;
    }
    let mut mean = [0.0; N];
    let mut spread = [1.0; N];
    for k in 0..N {
        mean[k] = sum[k] / n.max(1.0);
        let var = sq[k] / n.max(1.0) - mean[k] * mean[k];
        if var > 1e-12 {
            spread[k] = var.sqrt();
        }
    }
    (mean, spread)
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky).
fn solve<const N: usize>(a: Vec<[f64; N]>, b: [f64; N]) -> [f64; N] {
    let mut l = vec![[0.0f64; N]; N];
    for i in 0..N {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            l[i][j] = if i == j { (a[i][i] - s).max(1e-12).sqrt() } else { (a[i][j] - s) / l[j][j] };
        }
    }
    let mut y = [0.0f64; N];
    for i in 0..N {
        y[i] = (b[i] - (0..i).map(|k| l[i][k] * y[k]).sum::<f64>()) / l[i][i];
    }
    let mut x = [0.0f64; N];
    for i in (0..N).rev() {
        x[i] = (y[i] - (i + 1..N).map(|k| l[k][i] * x[k]).sum::<f64>()) / l[i][i];
    }
    x
}
