//! The cluster backend: articles in a sharded Sphinx / Manticore Search cluster, spoken to
//! in SphinxQL over the MySQL protocol.
//!
//! Each shard holds a real-time index; ingest writes every article to one shard chosen by a
//! hash of its id ([`keys`]), and every read goes through the distributed index, which fans
//! the query out to the shards and merges hits and facet counts. [`query`] translates
//! newsdex queries, [`config`] reads the cluster file and writes searchd configurations.

pub mod config;
pub mod keys;
pub mod query;
mod search;
mod sql;
mod stored;
mod writer;

use std::time::Duration;

use anyhow::{Context, Result};
use mysql::{Conn, OptsBuilder};

pub use config::ClusterConfig;
pub use search::ClusterSearch;
pub use writer::ClusterWriter;

/// Largest statement or row exchanged; the generated configs allow as much.
const MAX_PACKET: usize = 128 << 20;

/// Opens a SphinxQL connection to `host:port`.
fn connect(address: &str) -> Result<Conn> {
    let (host, port) = address.rsplit_once(':').context("address is not HOST:PORT")?;
    let port: u16 = port.parse().context("address is not HOST:PORT")?;
    let opts = OptsBuilder::new()
        .ip_or_hostname(Some(host))
        .tcp_port(port)
        .prefer_socket(false)
        // Given here, so the client does not ask searchd for server variables it lacks.
        .max_allowed_packet(Some(MAX_PACKET))
        .tcp_connect_timeout(Some(Duration::from_secs(5)))
        .stmt_cache_size(Some(0));
    Conn::new(opts).with_context(|| format!("cannot connect to searchd at {address}"))
}
