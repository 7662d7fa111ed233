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
    let text = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::stemmer::RememberingStemmer)
        .build();
    let keyword = TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).build();
    index.tokenizers().register(TEXT_ANALYZER, text);
    index.tokenizers().register(KEYWORD_ANALYZER, keyword);
}

/// The form of a keyword value as indexed, for building exact filter terms.
pub fn keyword_term_text(value: &str) -> String {
    crate::text::squash(value).to_lowercase()
}
