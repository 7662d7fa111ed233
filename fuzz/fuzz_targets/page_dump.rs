//! Any bytes as a `.txt` page dump and as a Reuters-21578 SGML file (compressed or not, any
//! encoding): never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdex::ingest::pipeline::InputFormat;
use newsdex::ingest::Pipeline;

fuzz_target!(|data: &[u8]| {
    let pipeline = Pipeline::default();
    let _ = pipeline.process_bytes(data.to_vec(), "fuzz.txt", InputFormat::Text);
    let _ = pipeline.process_bytes(data.to_vec(), "fuzz.sgm", InputFormat::Sgml);
});
