//! Any bytes as a saved HTML page: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdex::ingest::pipeline::InputFormat;
use newsdex::ingest::Pipeline;

fuzz_target!(|data: &[u8]| {
    let _ = Pipeline::default().process_bytes(data.to_vec(), "fuzz.html", InputFormat::Html);
});
