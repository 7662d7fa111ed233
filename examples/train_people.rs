//! Trains the people tagger on a people-dev style JSON Lines file and writes the model.
//!
//! Usage: `train_people TRAIN.jsonl MODEL.tsv [--epochs N] [--min-count N]
//!         [--predict DEV.jsonl PREDICTIONS.jsonl]`
//!
//! Each input line has `text` (first line the headline, the rest the body) and
//! `person_mentions` (`[start, end, string]`, character offsets into `text`). Two names
//! separated by one space are taken as one: CoNLL splits some names in sports lists
//! (`Phil` + `Mickelson`), which would teach the tagger to cut names in two. With
//! `--predict`, the fresh model also lists the people of each DEV document as
//! `{"id", "people"}` lines, for a quick score before the model is compiled in.

use std::io::{BufRead, BufReader, BufWriter, Write};

use anyhow::{bail, Context, Result};
use newsdex::people::tagger::Model;
use newsdex::people::training::{self, Example, Settings};
use newsdex::people::Extractor;
use serde_json::Value;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train, out, rest @ ..] = args.as_slice() else {
        bail!("usage: train_people TRAIN.jsonl MODEL.tsv [--epochs N] [--min-count N] [--predict DEV OUT]")
    };
    let mut settings = Settings { epochs: 10, min_count: 2, seed: 2003 };
    let mut predict = None;
    let mut rest = rest.iter();
    while let Some(flag) = rest.next() {
        match flag.as_str() {
            "--epochs" => settings.epochs = rest.next().context("--epochs N")?.parse()?,
            "--min-count" => settings.min_count = rest.next().context("--min-count N")?.parse()?,
            "--predict" => predict = Some((rest.next().context("DEV")?, rest.next().context("OUT")?)),
            other => bail!("unknown argument {other}"),
        }
    }
    let docs = read_jsonl(train)?;
    let examples: Vec<Example> = docs.iter().map(example).collect::<Result<_>>()?;
    let (model, text) = training::train(&examples, settings);
    std::fs::write(out, text).with_context(|| format!("cannot write {out}"))?;
    eprintln!("trained on {} documents, wrote {out}", examples.len());
    if let Some((dev, predictions)) = predict {
        write_predictions(&model, &read_jsonl(dev)?, predictions)?;
    }
    Ok(())
}

fn read_jsonl(path: &str) -> Result<Vec<Value>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {path}"))?;
    BufReader::new(file).lines().map(|l| Ok(serde_json::from_str(&l?)?)).collect()
}

/// Splits a document into headline and body, with its names as byte ranges per part.
fn example(doc: &Value) -> Result<Example> {
    let text = doc["text"].as_str().context("no text")?;
    let (headline, body) = split(text);
    let byte = |chars: u64| text.char_indices().nth(chars as usize).map_or(text.len(), |(b, _)| b);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for m in doc["person_mentions"].as_array().into_iter().flatten() {
        let (start, end) = (byte(m[0].as_u64().context("start")?), byte(m[1].as_u64().context("end")?));
        match spans.last_mut() {
            // `Phil Mickelson` annotated as two adjacent names (in lists): one person.
            Some(last) if &text[last.1..start] == " " => last.1 = end,
            _ => spans.push((start, end)),
        }
    }
    let offset = headline.len() + 1;
    let names = spans
        .into_iter()
        .map(
            |(start, end)| {
                if start < headline.len() {
                    (0, start, end)
                } else {
                    (1, start - offset, end - offset)
                }
            },
        )
        .collect();
    Ok(Example { parts: vec![headline.to_string(), body.to_string()], names })
}

fn split(text: &str) -> (&str, &str) {
    text.split_once('\n').unwrap_or((text, ""))
}

fn write_predictions(model: &Model, docs: &[Value], path: &str) -> Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let extractor = Extractor::new(model);
    for doc in docs {
        let (headline, body) = split(doc["text"].as_str().unwrap_or_default());
        let people = extractor.extract(headline, &[body.to_string()], &[]);
        writeln!(out, "{}", serde_json::json!({"id": doc["id"], "people": people}))?;
    }
    Ok(())
}
