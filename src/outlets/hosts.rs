//! Canonical outlet names for web hosts: `en.yna.co.kr` -> `Yonhap`.
//!
//! A built-in table covers the outlets newsdex knows; users add or override entries with a
//! file of `HOST = NAME` lines (`--outlets FILE`). A host matches an entry when it equals
//! it or ends with `.ENTRY`, so `en.yna.co.kr` matches `yna.co.kr`; the longest match wins.

use std::collections::HashSet;
use std::sync::LazyLock;

use anyhow::{bail, Context, Result};

/// Built-in host suffixes and the outlet each belongs to.
const BUILT_IN: &[(&str, &str)] = &[
    ("yna.co.kr", "Yonhap"),
    ("yonhapnews.co.kr", "Yonhap"),
    ("yonhapnewstv.co.kr", "Yonhap"),
    ("tbs.seoul.kr", "TBS eFM"),
    ("tbsefm.seoul.kr", "TBS eFM"),
    ("kcna.kp", "KCNA"),
    ("kcnawatch.org", "KCNA"),
    ("kbs.co.kr", "KBS World"),
    ("koreaherald.com", "The Korea Herald"),
    ("koreatimes.co.kr", "The Korea Times"),
    ("koreajoongangdaily.joins.com", "Korea JoongAng Daily"),
    ("joongang.co.kr", "Korea JoongAng Daily"),
    ("chosun.com", "The Chosun Ilbo"),
    ("hani.co.kr", "The Hankyoreh"),
    ("arirang.com", "Arirang"),
    ("nknews.org", "NK News"),
    ("huffpost.com", "HuffPost"),
    ("huffingtonpost.com", "HuffPost"),
    ("reuters.com", "Reuters"),
    ("apnews.com", "AP"),
    ("ap.org", "AP"),
    ("afp.com", "AFP"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("cnn.com", "CNN"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("washingtontimes.com", "The Washington Times"),
    ("wsj.com", "The Wall Street Journal"),
    ("theguardian.com", "The Guardian"),
    ("guardian.co.uk", "The Guardian"),
    ("foxnews.com", "Fox News"),
    ("npr.org", "NPR"),
    ("politico.com", "Politico"),
    ("usatoday.com", "USA Today"),
    ("nbcnews.com", "NBC News"),
    ("cbsnews.com", "CBS News"),
    ("abcnews.go.com", "ABC News"),
    ("bloomberg.com", "Bloomberg"),
    ("latimes.com", "Los Angeles Times"),
    ("thehill.com", "The Hill"),
    ("vox.com", "Vox"),
    ("aljazeera.com", "Al Jazeera"),
    ("csmonitor.com", "The Christian Science Monitor"),
    ("nationalreview.com", "National Review"),
    ("breitbart.com", "Breitbart"),
    ("theatlantic.com", "The Atlantic"),
    ("economist.com", "The Economist"),
    ("ft.com", "Financial Times"),
    ("japantimes.co.jp", "The Japan Times"),
    ("kyodonews.net", "Kyodo News"),
    ("xinhuanet.com", "Xinhua"),
    ("news.cn", "Xinhua"),
    ("scmp.com", "South China Morning Post"),
    ("townhall.com", "Townhall"),
    ("newsmax.com", "Newsmax"),
    ("salon.com", "Salon"),
    ("reason.com", "Reason"),
    ("cbn.com", "CBN"),
    ("spectator.org", "The American Spectator"),
    ("dailycaller.com", "The Daily Caller"),
    ("thedailybeast.com", "The Daily Beast"),
    ("theblaze.com", "TheBlaze"),
    ("nypost.com", "New York Post"),
    ("theweek.com", "The Week"),
    ("slate.com", "Slate"),
    ("vanityfair.com", "Vanity Fair"),
    ("dailykos.com", "Daily Kos"),
    ("dailywire.com", "The Daily Wire"),
    ("motherjones.com", "Mother Jones"),
    ("cnbc.com", "CNBC"),
    ("mediamatters.org", "Media Matters"),
    ("marketwatch.com", "MarketWatch"),
    ("news.yahoo.com", "Yahoo News"),
    ("suntimes.com", "Chicago Sun-Times"),
    ("fivethirtyeight.com", "FiveThirtyEight"),
    ("democracynow.org", "Democracy Now!"),
    ("axios.com", "Axios"),
    ("businessinsider.com", "Business Insider"),
    ("time.com", "Time"),
    ("newsbusters.org", "NewsBusters"),
    ("propublica.org", "ProPublica"),
    ("vice.com", "Vice"),
    ("hotair.com", "Hot Air"),
    ("buzzfeednews.com", "BuzzFeed News"),
    ("nymag.com", "New York Magazine"),
    ("realclearpolitics.com", "RealClearPolitics"),
    ("ibtimes.com", "International Business Times"),
    ("dailymail.co.uk", "Daily Mail"),
    ("theintercept.com", "The Intercept"),
    ("foxbusiness.com", "Fox Business"),
    ("freebeacon.com", "Washington Free Beacon"),
    ("scientificamerican.com", "Scientific American"),
    ("thenation.com", "The Nation"),
    ("thinkprogress.org", "ThinkProgress"),
    ("newyorker.com", "The New Yorker"),
    ("newsweek.com", "Newsweek"),
    ("forbes.com", "Forbes"),
    ("washingtonexaminer.com", "Washington Examiner"),
    ("thefederalist.com", "The Federalist"),
    ("rollingstone.com", "Rolling Stone"),
    ("wired.com", "Wired"),
    ("bostonglobe.com", "The Boston Globe"),
];

/// Host suffix -> outlet name, the user's entries before the built-in ones.
#[derive(Debug, Clone, Default)]
pub struct HostTable {
    user: Vec<(String, String)>,
    /// The user's outlet names as [`name_key`] writes them, for [`HostTable::knows_outlet`].
    user_keys: HashSet<String>,
}

/// The built-in outlet names as [`name_key`] writes them: asked of every name of two words
/// or more the people extractor finds.
static BUILT_IN_KEYS: LazyLock<HashSet<String>> =
    LazyLock::new(|| BUILT_IN.iter().map(|&(_, n)| name_key(n)).collect());

impl HostTable {
    /// The built-in table plus the entries of a `HOST = NAME` file (one per line, `#` comments).
    pub fn with_file(path: &std::path::Path) -> Result<HostTable> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("outlets file {}", path.display()))?;
        let mut user = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let Some((host, name)) = line.split_once('=').or_else(|| line.split_once(char::is_whitespace))
            else {
                bail!("outlets file {} line {}: expected HOST = NAME", path.display(), i + 1);
            };
            let (host, name) = (clean_host(host), name.trim());
            if host.is_empty() || name.is_empty() {
                bail!("outlets file {} line {}: expected HOST = NAME", path.display(), i + 1);
            }
            user.push((host, name.to_string()));
        }
        let user_keys = user.iter().map(|(_, n)| name_key(n)).collect();
        Ok(HostTable { user, user_keys })
    }

    /// The outlet a host belongs to: the longest matching entry, the user's first.
    pub fn outlet_for_host(&self, host: &str) -> Option<String> {
        let host = clean_host(host);
        let matches = |suffix: &str| {
            host.strip_suffix(suffix).is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        };
        let best = |entries: &mut dyn Iterator<Item = (&str, &str)>| {
            entries.filter(|(s, _)| matches(s)).max_by_key(|(s, _)| s.len()).map(|(_, n)| n.to_string())
        };
        best(&mut self.user.iter().map(|(h, n)| (h.as_str(), n.as_str())))
            .or_else(|| best(&mut BUILT_IN.iter().copied()))
    }

    /// The outlet of a URL's host.
    pub fn outlet_for_url(&self, url: &str) -> Option<String> {
        self.outlet_for_host(host_of(url)?)
    }

    /// The canonical name for what a record calls its source: a host, a URL or a name
    /// (see [`HostTable::named`]).
    pub fn canonical(&self, source: &str) -> String {
        let source = source.trim();
        let as_host =
            if source.contains("://") { self.outlet_for_url(source) } else { self.outlet_for_host(source) };
        as_host.unwrap_or_else(|| self.named(source))
    }

    /// A source name as the table spells the outlet: without a section label (`Newsmax -
    /// News`, `New York Post (Opinion)`, `Cato Institute (blog)`), a wire agency by its
    /// short name (`Associated Press` -> `AP`), and a name the table has in other capitals,
    /// without its `The` or without a `News` after it (`USA TODAY`, `Washington Times`,
    /// `Breitbart News`) in the table's spelling. Other names are kept as written.
    fn named(&self, source: &str) -> String {
        let name = SECTION.replace(source, "").trim().to_string();
        if name.is_empty() {
            return source.to_string();
        }
        if let Some(agency) = super::byline::agency(&name) {
            return agency.to_string();
        }
        let key = name_key(&name);
        let stem = key.strip_suffix(" news");
        let mut known = self.user.iter().map(|(_, n)| n.as_str()).chain(BUILT_IN.iter().map(|&(_, n)| n));
        known.find(|n| name_key(n) == key || stem == Some(name_key(n).as_str())).map_or(name, str::to_string)
    }

    /// The outlet of an article at `url` whose source calls itself `named`: the table's
    /// name for the URL's host, else the source's name (see [`HostTable::canonical`]) unless
    /// it names a contributor rather than an outlet (`Guest Writer - Right`, see
    /// [`is_contributor`]), else the host itself without `www.` (`townhall.com`), so that a
    /// site the table does not know is still one outlet rather than none.
    pub fn outlet_of(&self, url: Option<&str>, named: Option<&str>) -> Option<String> {
        let named = named.filter(|n| !n.trim().is_empty() && !is_contributor(n));
        url.and_then(|u| self.outlet_for_url(u))
            .or_else(|| named.map(|n| self.canonical(n)))
            .or_else(|| url.and_then(host_of).map(clean_host).filter(|h| h.contains('.')))
    }

    /// Whether `name` is an outlet's name in the table (`Mother Jones`, `The Hill`), the
    /// case and a leading `The` aside.
    pub fn knows_outlet(&self, name: &str) -> bool {
        let key = name_key(name);
        BUILT_IN_KEYS.contains(&key) || self.user_keys.contains(&key)
    }

    /// The built-in entries, for documentation and listings.
    pub fn built_in() -> &'static [(&'static str, &'static str)] {
        BUILT_IN
    }
}

/// The host of a URL (`https://www.x.com/a` -> `www.x.com`), if it has one.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.trim().split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// A section label after a source's name: `- News`, `(Opinion)`, `(blog)`.
static SECTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\s*(?:\s-\s+|\(\s*)(?:news|opinion|online|editorials?|analysis|blogs?|commentary)\s*\)?$",
    )
    .expect("valid regex")
});

/// A name folded for comparison: lower case, single spaces, no leading `The`.
fn name_key(name: &str) -> String {
    let lower = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    lower.strip_prefix("the ").map(str::to_string).unwrap_or(lower)
}

/// Whether a source name names a contributor, not an outlet: its first part ends in a
/// writer's role (`Guest Writer`, `Guest Writer - Left`, `Contributors`), as aggregators
/// label pieces they take from guest authors.
pub fn is_contributor(name: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "writers",
        "contributor",
        "contributors",
        "columnist",
        "columnists",
        "blogger",
        "bloggers",
        "author",
        "authors",
    ];
    let first = name.split(" - ").next().unwrap_or(name);
    first.split_whitespace().last().is_some_and(|w| ROLES.contains(&w.to_lowercase().as_str()))
}

fn clean_host(host: &str) -> String {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_names_are_known_whatever_their_case_and_the() {
        let table = HostTable::default();
        assert!(table.knows_outlet("Mother Jones") && table.knows_outlet("the hill"));
        assert!(!table.knows_outlet("Jane Roe"));
    }

    #[test]
    fn unknown_sites_are_named_by_host_and_contributors_are_no_outlets() {
        let t = HostTable::default();
        assert_eq!(t.outlet_of(Some("https://www.example.org/a/1"), None).as_deref(), Some("example.org"));
        assert_eq!(
            t.outlet_of(Some("https://example.org/a"), Some("Example Daily")).as_deref(),
            Some("Example Daily")
        );
        assert_eq!(
            t.outlet_of(Some("https://example.org/a"), Some("Guest Writer - Right")).as_deref(),
            Some("example.org")
        );
        assert_eq!(
            t.outlet_of(Some("https://townhall.com/a"), Some("Guest Writer")).as_deref(),
            Some("Townhall")
        );
        assert_eq!(t.outlet_of(None, Some("Guest Writer - Left")), None);
        assert_eq!(t.outlet_of(Some("file:///tmp/a.html"), None), None);
        assert!(is_contributor("Contributors") && !is_contributor("The Writers' Guild Gazette"));
    }

    #[test]
    fn hosts_map_to_outlets() {
        let t = HostTable::default();
        assert_eq!(t.outlet_for_host("en.yna.co.kr").as_deref(), Some("Yonhap"));
        assert_eq!(t.outlet_for_host("WWW.HuffPost.com").as_deref(), Some("HuffPost"));
        assert_eq!(t.outlet_for_host("world.kbs.co.kr").as_deref(), Some("KBS World"));
        assert_eq!(t.outlet_for_host("notyna.co.kr.evil.com"), None);
        assert_eq!(t.outlet_for_host("fakeyna.co.kr"), None);
    }

    #[test]
    fn urls_map_to_outlets() {
        let t = HostTable::default();
        assert_eq!(t.outlet_for_url("http://www.kcna.kp/en/article/q/x.kcmsf").as_deref(), Some("KCNA"));
        assert_eq!(t.outlet_for_url("https://user@www.bbc.co.uk:443/news").as_deref(), Some("BBC"));
        assert_eq!(t.outlet_for_url("not a url"), None);
    }

    #[test]
    fn record_sources_become_canonical() {
        let t = HostTable::default();
        assert_eq!(t.canonical("www.npr.org"), "NPR");
        assert_eq!(t.canonical("Ezra Klein"), "Ezra Klein");
    }

    #[test]
    fn source_names_lose_section_labels_and_take_the_tables_spelling() {
        let t = HostTable::default();
        for (source, name) in [
            ("Newsmax - News", "Newsmax"),
            ("New York Post (Opinion)", "New York Post"),
            ("Cato Institute (blog)", "Cato Institute"),
            ("Fox News (Online)", "Fox News"),
            ("USA TODAY", "USA Today"),
            ("Washington Times", "The Washington Times"),
            ("Breitbart News", "Breitbart"),
            ("BBC News", "BBC"),
            ("NBC News", "NBC News"),
            ("Associated Press", "AP"),
            ("Guest Writer - Right", "Guest Writer - Right"),
            ("News", "News"),
            ("(Opinion)", "(Opinion)"),
        ] {
            assert_eq!(t.canonical(source), name, "{source}");
        }
    }

    #[test]
    fn user_file_adds_and_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("outlets.txt");
        std::fs::write(
            &file,
            "# mine\nexample.org = Example News\nbbc.co.uk  BBC News\nnews.bbc.co.uk = BBC Online\n",
        )
        .unwrap();
        let t = HostTable::with_file(&file).unwrap();
        assert_eq!(t.outlet_for_host("blog.example.org").as_deref(), Some("Example News"));
        assert_eq!(t.outlet_for_host("www.bbc.co.uk").as_deref(), Some("BBC News"));
        assert_eq!(t.outlet_for_host("news.bbc.co.uk").as_deref(), Some("BBC Online"));
        assert_eq!(t.outlet_for_host("yna.co.kr").as_deref(), Some("Yonhap"));
        std::fs::write(&file, "justahost\n").unwrap();
        assert!(HostTable::with_file(&file).is_err());
    }
}
