//! `newsdex cluster config`: searchd configurations for a new cluster, and its cluster file.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::Status;
use crate::cluster::config::Layout;

#[derive(Debug, Clone)]
pub struct Config {
    pub layout: Layout,
    /// Write one file per process (and the cluster file) here instead of printing them.
    pub out_dir: Option<PathBuf>,
}

pub fn run(config: &Config, out: &mut impl Write) -> Result<Status> {
    let files = config.layout.files()?;
    match &config.out_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            for file in &files {
                let path = dir.join(&file.name);
                std::fs::write(&path, &file.text)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                writeln!(out, "{}", path.display())?;
            }
        }
        None => {
            for file in &files {
                writeln!(out, "# ==> {} <==\n{}", file.name, file.text)?;
            }
        }
    }
    out.flush()?;
    Ok(Status::Success)
}
