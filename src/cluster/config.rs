//! The cluster file (`newsdex.toml`: where the shards and the distributed index listen)
//! and the searchd configurations `newsdex cluster config` writes for a new cluster.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::index::schema::{name, sphinx, unstemmed_analyzer};

/// Where a cluster listens, as read from the cluster file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClusterConfig {
    /// The distributed index every read goes through.
    pub distributed: Endpoint,
    /// The shards, in order: an article goes to shard `hash(id) % shards`.
    #[serde(rename = "shard")]
    pub shards: Vec<Shard>,
}

/// A SphinxQL listener and the index behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    /// `host:port` of the SphinxQL (MySQL protocol) listener.
    pub sql: String,
    pub index: String,
}

/// One shard: its SphinxQL listener (writes go there), the API listener the distributed
/// index reaches it on, and its real-time index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shard {
    pub sql: String,
    /// `host:port` of the searchd API listener the distributed index reaches the shard on.
    pub api: String,
    pub index: String,
}

impl ClusterConfig {
    /// Reads and checks a cluster file.
    pub fn load(path: &Path) -> Result<ClusterConfig> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read cluster file {}", path.display()))?;
        let config: ClusterConfig =
            toml::from_str(&text).with_context(|| format!("bad cluster file {}", path.display()))?;
        config.check().with_context(|| format!("bad cluster file {}", path.display()))?;
        Ok(config)
    }

    fn check(&self) -> Result<()> {
        if self.shards.is_empty() {
            bail!("no [[shard]] listed");
        }
        let addresses = self.shards.iter().flat_map(|s| [&s.sql, &s.api]);
        for address in addresses.chain([&self.distributed.sql]) {
            if address.rsplit_once(':').is_none_or(|(_, port)| port.parse::<u16>().is_err()) {
                bail!("address {address:?} is not HOST:PORT");
            }
        }
        Ok(())
    }

    /// The shard whose API address (as searchd names it in warnings) this is.
    pub fn shard_by_api(&self, api: &str) -> Option<&Shard> {
        self.shards.iter().find(|s| s.api == api)
    }
}

/// What `newsdex cluster config` is asked to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub shards: usize,
    /// The distributed index listens here; shard `i` on the next two ports from `1 + 2i`.
    pub base_port: u16,
    /// Hosts, in turn: the distributed index on the first, shard `i` on host `i % len`.
    pub hosts: Vec<String>,
    /// Where each searchd keeps its data, logs and pid file (a folder per process).
    pub data_dir: String,
}

/// A generated file: its name and contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub text: String,
}

/// Name of the distributed index; shard `i`'s index is `newsdex_i`.
const DISTRIBUTED_INDEX: &str = "newsdex";

impl Layout {
    /// The cluster file for this layout.
    pub fn cluster(&self) -> Result<ClusterConfig> {
        if self.shards == 0 || self.hosts.is_empty() {
            bail!("a cluster needs at least one shard and one host");
        }
        let port = |offset: usize| -> Result<u16> {
            u16::try_from(usize::from(self.base_port) + offset)
                .context("ports run past 65535; lower --base-port")
        };
        let shards = (0..self.shards)
            .map(|i| {
                let host = &self.hosts[i % self.hosts.len()];
                Ok(Shard {
                    sql: format!("{host}:{}", port(1 + 2 * i)?),
                    api: format!("{host}:{}", port(2 + 2 * i)?),
                    index: format!("{DISTRIBUTED_INDEX}_{i}"),
                })
            })
            .collect::<Result<_>>()?;
        let distributed = Endpoint {
            sql: format!("{}:{}", self.hosts[0], self.base_port),
            index: DISTRIBUTED_INDEX.into(),
        };
        Ok(ClusterConfig { distributed, shards })
    }

    /// Every file: one searchd config per shard, the distributed one, and the cluster file.
    pub fn files(&self) -> Result<Vec<File>> {
        let cluster = self.cluster()?;
        let mut files: Vec<File> = cluster
            .shards
            .iter()
            .enumerate()
            .map(|(i, shard)| File { name: format!("shard-{i}.conf"), text: self.shard_conf(i, shard) })
            .collect();
        files.push(File { name: "distributed.conf".into(), text: self.distributed_conf(&cluster) });
        let toml = toml::to_string(&cluster).context("cannot write the cluster file")?;
        files.push(File { name: "newsdex.toml".into(), text: format!("{CLUSTER_FILE_HEADER}{toml}") });
        Ok(files)
    }

    fn shard_conf(&self, i: usize, shard: &Shard) -> String {
        let dir = format!("{}/shard-{i}", self.data_dir);
        let mut s = format!("# newsdex shard {i}: start with `searchd --config shard-{i}.conf`\n");
        let _ = writeln!(s, "index {}\n{{", shard.index);
        let _ = writeln!(s, "    type = rt\n    path = {dir}/{}", shard.index);
        for field in [name::HEADLINE, name::BODY] {
            let _ = writeln!(s, "    rt_field = {field}");
        }
        for (kind, attributes) in ATTRIBUTES {
            for attribute in *attributes {
                let _ = writeln!(s, "    {kind} = {attribute}");
            }
        }
        s.push_str(INDEX_SETTINGS);
        let _ = writeln!(s, "    charset_table = {}\n}}\n", charset_table());
        let listen = format!("    listen = {}:mysql41\n    listen = {}\n", shard.sql, shard.api);
        s + &searchd_section(&dir, &listen)
    }

    fn distributed_conf(&self, cluster: &ClusterConfig) -> String {
        let dir = format!("{}/distributed", self.data_dir);
        let mut s =
            String::from("# newsdex distributed index: start with `searchd --config distributed.conf`\n");
        let _ = writeln!(s, "index {}\n{{\n    type = distributed", cluster.distributed.index);
        for shard in &cluster.shards {
            let _ = writeln!(s, "    agent = {}:{}", shard.api, shard.index);
        }
        s.push_str("    agent_connect_timeout = 1000\n    agent_query_timeout = 60000\n}\n\n");
        s + &searchd_section(&dir, &format!("    listen = {}:mysql41\n", cluster.distributed.sql))
    }
}

const CLUSTER_FILE_HEADER: &str = "# newsdex cluster file: pass it as `newsdex --cluster FILE ...`.\n\
# Reads go through [distributed]; each article is written to one [[shard]], chosen by a hash\n\
# of its id, so keep the shards in this order.\n\n";

/// Attribute declarations of a shard's real-time index.
const ATTRIBUTES: &[(&str, &[&str])] = &[
    ("rt_attr_string", &[sphinx::ARTICLE, sphinx::OUTLET, sphinx::PEOPLE_NAMES, sphinx::AUTHOR_NAMES]),
    ("rt_attr_bigint", &[sphinx::OUTLET_KEY, sphinx::PUBLISHED, sphinx::FILE_KEY]),
    ("rt_attr_multi_64", &[sphinx::PEOPLE, sphinx::PEOPLE_KEYS, sphinx::AUTHORS, sphinx::AUTHOR_KEYS]),
    ("rt_attr_uint", &[sphinx::DAY, sphinx::DATED]),
];

/// Word handling that matches the embedded index: English Snowball stemming, every letter
/// and digit a word character, no minimum length, no stop words.
const INDEX_SETTINGS: &str = "    rt_mem_limit = 256M
    dict = keywords
    morphology = libstemmer_en
    min_word_len = 1
    html_strip = 0
";

fn searchd_section(dir: &str, listen: &str) -> String {
    format!(
        "searchd\n{{\n{listen}    log = {dir}/searchd.log\n    query_log = {dir}/query.log\n    \
         pid_file = {dir}/searchd.pid\n    binlog_path = {dir}\n    workers = threads\n    \
         max_packet_size = 128M\n}}\n"
    )
}

/// Sphinx's `charset_table`: the letters and digits of the Latin, Greek and Cyrillic
/// blocks, each folded the way the embedded index's analyzer folds it (lower case, accents
/// off). Letters that fold to several (`ß` -> `ss`) are left out.
pub fn charset_table() -> String {
    let mut entries = vec!["0..9".to_string(), "a..z".to_string(), "A..Z->a..z".to_string()];
    let mut analyzer = unstemmed_analyzer();
    let ranges = [0xC0u32..=0x24F, 0x370..=0x3FF, 0x400..=0x4FF];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let mut folded = Vec::new();
        analyzer.token_stream(c.encode_utf8(&mut [0; 4])).process(&mut |t| folded.push(t.text.clone()));
        let mut chars = folded.first().map(|t| t.chars()).into_iter().flatten();
        match (folded.len(), chars.next(), chars.next()) {
            (1, Some(to), None) if to == c => entries.push(format!("U+{:04X}", c as u32)),
            (1, Some(to), None) => entries.push(format!("U+{:04X}->U+{:04X}", c as u32, to as u32)),
            _ => {}
        }
    }
    entries.chunks(8).map(|c| c.join(", ")).collect::<Vec<_>>().join(", \\\n        ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout { shards: 2, base_port: 9306, hosts: vec!["127.0.0.1".into()], data_dir: "/data".into() }
    }

    #[test]
    fn ports_and_names_follow_the_layout() {
        let c = layout().cluster().unwrap();
        assert_eq!(c.distributed, Endpoint { sql: "127.0.0.1:9306".into(), index: "newsdex".into() });
        let second = &c.shards[1];
        assert_eq!((second.sql.as_str(), second.api.as_str()), ("127.0.0.1:9309", "127.0.0.1:9310"));
        assert_eq!(second.index, "newsdex_1");
    }

    #[test]
    fn hosts_take_shards_in_turn() {
        let l = Layout { hosts: vec!["a".into(), "b".into()], shards: 3, ..layout() };
        let hosts: Vec<String> = l.cluster().unwrap().shards.iter().map(|s| s.sql.clone()).collect();
        assert_eq!(hosts, vec!["a:9307", "b:9309", "a:9311"]);
    }

    #[test]
    fn configs_declare_the_index_and_the_shards() {
        let files = layout().files().unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["shard-0.conf", "shard-1.conf", "distributed.conf", "newsdex.toml"]);
        let shard = &files[1].text;
        for line in
            ["type = rt", "rt_field = headline", "rt_attr_multi_64 = people_keys", "rt_attr_uint = day"]
        {
            assert!(shard.contains(line), "missing {line:?} in\n{shard}");
        }
        assert!(shard.contains("listen = 127.0.0.1:9309:mysql41\n    listen = 127.0.0.1:9310\n"));
        assert!(shard.contains("binlog_path = /data/shard-1\n"));
        assert!(files[2]
            .text
            .contains("agent = 127.0.0.1:9308:newsdex_0\n    agent = 127.0.0.1:9310:newsdex_1\n"));
    }

    #[test]
    fn the_cluster_file_reads_back() {
        let files = layout().files().unwrap();
        let back: ClusterConfig = toml::from_str(&files[3].text).unwrap();
        assert_eq!(back, layout().cluster().unwrap());
        assert!(back.check().is_ok());
        assert_eq!(back.shard_by_api("127.0.0.1:9308").map(|s| s.index.as_str()), Some("newsdex_0"));
    }

    #[test]
    fn charset_folds_like_the_analyzer() {
        let table = charset_table();
        assert!(table.contains("U+00C9->U+0065"), "É folds to e");
        assert!(table.contains("U+0416->U+0436"), "Ж lower-cases to ж");
        assert!(!table.contains("U+00DF"), "ß folds to two letters");
        assert!(!table.contains("U+00D7"), "× is not a letter");
    }
}
