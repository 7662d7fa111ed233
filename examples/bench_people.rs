//! Measures people extraction alone, single-threaded, in MB of article text per second.
//!
//! Reads AllSides-style JSON Lines on standard input (`title`, `content_original` with
//! blank-line paragraphs), keeps the texts in memory, then times `people::extract` over
//! all of them (best of `--runs N`, default 3). Usage (see `scripts/bench-people`):
//! `zstd -dc articles.jsonl.zst | head -n 5000 | bench_people [--runs N]`

use std::io::BufRead;
use std::time::Instant;

use anyhow::{Context, Result};
use serde_json::Value;

struct Doc {
    title: String,
    paragraphs: Vec<String>,
    bytes: usize,
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = match args.as_slice() {
        [flag, n] if flag == "--runs" => n.parse().context("--runs N")?,
        _ => 3,
    };
    let docs = read_docs()?;
    let bytes: usize = docs.iter().map(|d| d.bytes).sum();
    newsdex::people::extract("Warm-up", &["Loads the model before timing.".to_string()], &[]);
    let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    let mut people = 0;
    for _ in 0..runs {
        let (start, cpu_start) = (Instant::now(), cpu_seconds());
        people = docs.iter().map(|d| newsdex::people::extract(&d.title, &d.paragraphs, &[]).len()).sum();
        best = best.min(start.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(cpu_seconds() - cpu_start);
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {mb:.1} MB of text, {people} people: best of {runs} runs {best:.2} s = {:.1} MB/s on one core \
         ({best_cpu:.2} s of CPU = {:.1} MB/s per CPU-second)",
        docs.len(),
        mb / best,
        mb / best_cpu
    );
    Ok(())
}

/// CPU time this process has used (user + system), from `/proc/self/stat` on Linux; it
/// tells the extractor's speed apart from time lost to other processes on a busy machine.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(f64::NAN);
    // After the command name: state is field 0, utime 11 and stime 12, in 1/100 s ticks.
    (ticks(11) + ticks(12)) / 100.0
}

fn read_docs() -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let record: Value = serde_json::from_str(&line?).context("invalid JSON line")?;
        let title = record["title"].as_str().unwrap_or_default().to_string();
        let body = record["content_original"].as_str().unwrap_or_default();
        let paragraphs: Vec<String> =
            body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect();
        let bytes = title.len() + paragraphs.iter().map(String::len).sum::<usize>();
        docs.push(Doc { title, paragraphs, bytes });
    }
    Ok(docs)
}
