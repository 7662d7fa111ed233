//! Any bytes as a JSON record file and as JSON Lines: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdex::ingest::pipeline::InputFormat;
use newsdex::ingest::Pipeline;

fuzz_target!(|data: &[u8]| {
    let pipeline = Pipeline::default();
    let _ = pipeline.process_bytes(data.to_vec(), "fuzz.json", InputFormat::Json);
    let _ = pipeline.process_bytes(data.to_vec(), "fuzz.jsonl", InputFormat::JsonLines);
});
