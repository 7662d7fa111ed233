//! The index schema: the only place where field names and analyzers are defined.
//!
//! Users see the same names in queries (`headline:`, `body:`, `person:`, `outlet:`,
//! `author:`) as the fields have here.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::Index;

use super::analyzer::{EnglishTokenizer, MAX_WORD_BYTES};

/// Field names, as users write them in queries.
pub mod name {
    pub const ID: &str = "id";
    pub const PATH: &str = "path";
    pub const FILE: &str = "file";
    pub const HEADLINE: &str = "headline";
    pub const BODY: &str = "body";
    pub const OUTLET: &str = "outlet";
    pub const PERSON: &str = "person";
    pub const AUTHOR: &str = "author";
    pub const FACET: &str = "facet";
    pub const DAY: &str = "day";
    pub const PUBLISHED: &str = "published";
    pub const ARTICLE: &str = "article";
}

/// Facet roots under the one facet field: `/outlet/NAME`, `/date/YYYY/MM/DD`, ...
pub mod facet_root {
    pub const OUTLET: &str = "outlet";
    pub const DATE: &str = "date";
    pub const PERSON: &str = "person";
    pub const AUTHOR: &str = "author";
}

/// Attribute names of the cluster's real-time index (Sphinx / Manticore), beside the
/// full-text fields `headline` and `body`.
pub mod sphinx {
    use chrono::{Datelike, NaiveDate};

    /// The whole Article record as JSON, for display.
    pub const ARTICLE: &str = "article";
    /// The outlet name as written (facet values).
    pub const OUTLET: &str = "outlet";
    /// Hash of the outlet name ignoring case (filters).
    pub const OUTLET_KEY: &str = "outlet_key";
    /// Hashes of the people's names as written (facet groups).
    pub const PEOPLE: &str = "people";
    /// Hashes of the people's names ignoring case (filters).
    pub const PEOPLE_KEYS: &str = "people_keys";
    /// The people's names, separated by [`NAME_SEPARATOR`], to name facet groups.
    pub const PEOPLE_NAMES: &str = "people_names";
    pub const AUTHORS: &str = "authors";
    pub const AUTHOR_KEYS: &str = "author_keys";
    pub const AUTHOR_NAMES: &str = "author_names";
    /// Local publication day as the number `YYYYMMDD`; 0 when undated.
    pub const DAY: &str = "day";
    /// Publication instant, seconds since 1970 (signed: older archives work too).
    pub const PUBLISHED: &str = "published";
    /// 1 when the article has a publication time, else 0 (undated sort last).
    pub const DATED: &str = "dated";
    /// Hash of the source file's absolute path (a changed file's articles are replaced).
    pub const FILE_KEY: &str = "file_key";

    /// Separates names inside the `*_names` string attributes.
    pub const NAME_SEPARATOR: char = '\u{1f}';

    /// A day as the `day` attribute stores it.
    pub fn day_number(day: NaiveDate) -> u32 {
        day.year().max(0) as u32 * 10_000 + day.month() * 100 + day.day()
    }

    /// The day a `day` attribute value stands for (`None` for 0 or nonsense).
    pub fn day_from_number(n: u64) -> Option<NaiveDate> {
        let n = u32::try_from(n).ok()?;
        NaiveDate::from_ymd_opt((n / 10_000) as i32, n / 100 % 100, n % 100)
    }
}

/// English full text: words split at non-alphanumerics, lower-cased, accents folded, stemmed.
pub const TEXT_ANALYZER: &str = "newsdex_en";
/// Whole values (outlet, person, author names), lower-cased so filters ignore case.
pub const KEYWORD_ANALYZER: &str = "newsdex_keyword";

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub file: Field,
    pub headline: Field,
    pub body: Field,
    pub outlet: Field,
    pub person: Field,
    pub author: Field,
    pub facet: Field,
    pub day: Field,
    pub published: Field,
    pub article: Field,
}

impl Fields {
    /// Looks the fields up in a schema built by [`build`].
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |n: &str| schema.get_field(n);
        Ok(Fields {
            id: f(name::ID)?,
            path: f(name::PATH)?,
            file: f(name::FILE)?,
            headline: f(name::HEADLINE)?,
            body: f(name::BODY)?,
            outlet: f(name::OUTLET)?,
            person: f(name::PERSON)?,
            author: f(name::AUTHOR)?,
            facet: f(name::FACET)?,
            day: f(name::DAY)?,
            published: f(name::PUBLISHED)?,
            article: f(name::ARTICLE)?,
        })
    }
}

/// The schema of a newsdex index.
pub fn build() -> Schema {
    let mut b = Schema::builder();
    let full_text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD_ANALYZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    let date = DateOptions::from(INDEXED).set_fast().set_precision(DateTimePrecision::Seconds);
    b.add_text_field(name::ID, STRING | STORED);
    b.add_text_field(name::PATH, STRING);
    b.add_text_field(name::FILE, STRING);
    b.add_text_field(name::HEADLINE, full_text.clone());
    b.add_text_field(name::BODY, full_text);
    b.add_text_field(name::OUTLET, keyword.clone());
    b.add_text_field(name::PERSON, keyword.clone());
    b.add_text_field(name::AUTHOR, keyword);
    b.add_facet_field(name::FACET, FacetOptions::default());
    b.add_date_field(name::DAY, date.clone());
    b.add_date_field(name::PUBLISHED, date);
    b.add_text_field(name::ARTICLE, STORED);
    b.build()
}

/// Registers newsdex's analyzers on an index (needed after every create or open).
pub fn register_analyzers(index: &Index) {
    let text = TextAnalyzer::from(EnglishTokenizer::default());
    let keyword = TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).build();
    index.tokenizers().register(TEXT_ANALYZER, text);
    index.tokenizers().register(KEYWORD_ANALYZER, keyword);
}

/// The full-text analyzer without its stemmer: the words a search engine that stems by
/// itself (the cluster) should be given.
pub fn unstemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The form of a keyword value as indexed, for building exact filter terms.
pub fn keyword_term_text(value: &str) -> String {
    crate::text::squash(value).to_lowercase()
}
