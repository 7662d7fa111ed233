//! The Article record: the one shape every stage after decoding shares.
//!
//! Files are decoded into raw pages or records, an outlet profile turns them into a
//! [`Draft`], and the pipeline finishes the draft into an [`Article`] (id, date, people).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A cleaned, normalised article, as `extract --json` prints it and the index stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the article itself (same input, same id).
    pub id: String,
    /// The file the article came from (with `#N` for the N-th record of a multi-record file).
    pub path: String,
    /// Canonical outlet name, e.g. `Yonhap`.
    pub outlet: String,
    pub url: Option<String>,
    pub headline: String,
    /// Story-version and kind markers taken out of the headline, e.g. `2nd LD`.
    pub tags: Vec<String>,
    /// RFC 3339 publication time with the outlet's UTC offset.
    pub published: Option<String>,
    /// Local calendar date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub dateline: Option<String>,
    pub authors: Vec<String>,
    pub section: Option<String>,
    /// Article text only: paragraphs separated by a blank line.
    pub body: String,
    /// Photo captions, each once.
    pub captions: Vec<String>,
    /// People the article mentions, each once, under the fullest name written.
    pub people: Vec<String>,
    /// Character encoding the source was read in (`UTF-8`, `EUC-KR`, `UTF-16LE`, ...).
    #[serde(default)]
    pub encoding: String,
}

/// When an article was published, as precisely as the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// A date and time with its UTC offset.
    At(DateTime<FixedOffset>),
    /// Only a calendar date; the offset is the outlet's (or the assumed) one.
    Day(NaiveDate, FixedOffset),
}

impl Published {
    /// The local calendar date.
    pub fn date(&self) -> NaiveDate {
        match self {
            Published::At(t) => t.date_naive(),
            Published::Day(d, _) => *d,
        }
    }

    /// The publication instant: the time given, or local midnight for a bare date.
    pub fn instant(&self) -> DateTime<FixedOffset> {
        match self {
            Published::At(t) => *t,
            Published::Day(d, off) => d
                .and_hms_opt(0, 0, 0)
                .expect("midnight exists")
                .and_local_timezone(*off)
                .single()
                .expect("fixed offsets are unambiguous"),
        }
    }
}

/// What an outlet profile or record mapper extracts, before ids and people are added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub headline: String,
    pub tags: Vec<String>,
    pub published: Option<Published>,
    pub dateline: Option<String>,
    pub authors: Vec<String>,
    pub section: Option<String>,
    /// Body paragraphs, already cleaned, in order.
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    /// What was dropped on the way and should be reported (e.g. an impossible date).
    pub warnings: Vec<String>,
}
