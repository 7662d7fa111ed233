//! Any text as a search query, run against a small real index: never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsdex::backend::Search;
use newsdex::search::{Engine, SearchRequest, Selection};

/// An index of two articles, built once in a temporary directory.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(tempfile::TempDir, Engine)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let opened = newsdex::index::open_or_create(dir.path()).unwrap();
            let mut writer = newsdex::index::ArticleWriter::new(opened, dir.path(), 64 << 20, 1).unwrap();
            let pipeline = newsdex::ingest::Pipeline::default();
            let page =
                "Talks resume in Seoul\n\nKim Jong-un met Moon Jae-in in Seoul on Monday to resume talks.\n";
            let format = newsdex::ingest::pipeline::InputFormat::Text;
            for article in pipeline.process_bytes(page.as_bytes().to_vec(), "a.txt", format).unwrap().articles
            {
                writer.add(&article, "/a.txt").unwrap();
            }
            writer.finish().unwrap();
            let engine = Engine::open(dir.path()).unwrap();
            (dir, engine)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let request = SearchRequest {
        selection: Selection { query: text.to_string(), ..Selection::default() },
        sort: Default::default(),
        offset: 0,
        limit: 5,
        facets: vec![newsdex::search::FacetField::Person],
        facet_limit: 5,
    };
    let _ = engine().search(&request);
});
