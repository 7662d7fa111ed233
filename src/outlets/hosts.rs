//! Canonical outlet names for web hosts: `en.yna.co.kr` -> `Yonhap`.

/// Built-in host suffixes and the outlet each belongs to.
const HOSTS: &[(&str, &str)] = &[
    ("yna.co.kr", "Yonhap"),
    ("yonhapnews.co.kr", "Yonhap"),
    ("tbs.seoul.kr", "TBS eFM"),
    ("tbsefm.seoul.kr", "TBS eFM"),
    ("kcna.kp", "KCNA"),
    ("kcnawatch.org", "KCNA"),
    ("huffpost.com", "HuffPost"),
    ("huffingtonpost.com", "HuffPost"),
    ("reuters.com", "Reuters"),
    ("apnews.com", "AP"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("kbs.co.kr", "KBS World"),
];

/// The outlet a host belongs to, matching whole host labels from the right.
pub fn outlet_for_host(host: &str) -> Option<&'static str> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    HOSTS
        .iter()
        .find(|(suffix, _)| host == *suffix || host.ends_with(&format!(".{suffix}")))
        .map(|(_, name)| *name)
}

/// The outlet of a URL's host.
pub fn outlet_for_url(url: &str) -> Option<&'static str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    outlet_for_host(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_map_to_outlets() {
        assert_eq!(outlet_for_host("en.yna.co.kr"), Some("Yonhap"));
        assert_eq!(outlet_for_host("WWW.HuffPost.com"), Some("HuffPost"));
        assert_eq!(outlet_for_host("notyna.co.kr.evil.com"), None);
        assert_eq!(outlet_for_host("fakeyna.co.kr"), None);
    }

    #[test]
    fn urls_map_to_outlets() {
        assert_eq!(outlet_for_url("http://www.kcna.kp/en/article/q/x.kcmsf"), Some("KCNA"));
        assert_eq!(outlet_for_url("not a url"), None);
    }
}
