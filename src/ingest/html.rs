//! Saved HTML pages to drafts: the article body comes from a vote of extractors
//! (`rs-trafilatura` first, checked against newsdex's own cleaner and Readability), the
//! metadata from the page's own declarations: JSON-LD, OpenGraph and `<meta>` tags,
//! `<time>` elements, the `<h1>` headline and byline elements.

use std::sync::LazyLock;

use dom_query::{Document, Selection};
use regex::Regex;
use serde_json::Value;

use super::{extractors, visible};
use crate::article::{Draft, Published};
use crate::dates::{self, Zone};
use crate::outlets;
use crate::outlets::byline::{self, Byline};
use crate::outlets::hosts::{self, HostTable};
use crate::text;

/// Reads one HTML page into a draft. A page with no extractable body still gives its metadata.
pub fn draft(html: &str, hosts: &HostTable, zone: Zone) -> Draft {
    let doc = Document::from(html);
    let meta = Meta::read(&doc);
    let url = meta.url.clone();
    let outlet = url.as_deref().and_then(|u| hosts.outlet_for_url(u)).or_else(|| meta.site_name.clone());
    let mut draft = Draft { outlet, url, ..Draft::default() };
    draft.headline = meta.headline(&doc);
    let lines = visible::lines(&doc);
    let printed = Printed::lazy(&lines, &draft.headline, zone);
    let by = meta.byline(&doc, &printed);
    draft.authors = by.authors;
    draft.tags = by.agencies;
    match meta.published(&doc, zone, &printed) {
        Ok(p) => draft.published = Some(p),
        Err(e) => draft.warnings.extend(e),
    }
    draft.paragraphs = body(html, &lines, &draft.headline);
    draft
}

/// The article text as paragraphs, without a leading copy of the headline.
fn body(html: &str, lines: &[String], headline: &str) -> Vec<String> {
    let mut paragraphs = extractors::body(html, lines);
    let same = |a: &str, b: &str| text::straighten(a).to_lowercase() == text::straighten(b).to_lowercase();
    if paragraphs.first().is_some_and(|p| same(p, headline)) {
        paragraphs.remove(0);
    }
    paragraphs
}

/// The byline and date the page prints around its headline, read only when first asked
/// for: most pages declare both.
struct Printed<'a> {
    lines: &'a [String],
    headline: &'a str,
    zone: Zone,
    read: std::cell::OnceCell<(Byline, Option<Published>)>,
}

impl<'a> Printed<'a> {
    fn lazy(lines: &'a [String], headline: &'a str, zone: Zone) -> Printed<'a> {
        Printed { lines, headline, zone, read: std::cell::OnceCell::new() }
    }

    fn get(&self) -> &(Byline, Option<Published>) {
        self.read.get_or_init(|| outlets::printed_meta(self.lines, self.headline, self.zone))
    }

    fn byline(&self) -> Byline {
        self.get().0.clone()
    }

    fn published(&self) -> Option<Published> {
        self.get().1
    }
}

/// What a page declares about itself.
#[derive(Debug, Default)]
struct Meta {
    /// JSON-LD objects of article-like types.
    articles: Vec<Value>,
    url: Option<String>,
    site_name: Option<String>,
    /// The JSON-LD publisher's name.
    publisher: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "WebPage",
    "Recipe",
    "HowTo",
];

impl Meta {
    fn read(doc: &Document) -> Meta {
        let mut articles: Vec<Value> = Vec::new();
        for script in doc.select("script[type='application/ld+json']").iter() {
            if let Ok(v) = serde_json::from_str::<Value>(script.text().trim()) {
                collect_ld(&v, &mut articles);
            }
        }
        articles.sort_by_key(|a| usize::from(type_is(a, "WebPage")));
        let url = meta_content(doc, &["link[rel='canonical']"], "href")
            .or_else(|| meta_content(doc, &["meta[property='og:url']"], "content"))
            .or_else(|| {
                articles.iter().find_map(|a| a.get("url").and_then(Value::as_str).map(str::to_string))
            })
            .filter(|u| hosts::host_of(u).is_some());
        let publisher =
            articles.iter().find_map(|a| a.get("publisher")?.get("name")?.as_str().map(str::to_string));
        let site_name =
            meta_content(doc, &["meta[property='og:site_name']"], "content").or_else(|| publisher.clone());
        Meta { articles, url, site_name, publisher }
    }

    fn ld_str(&self, key: &str) -> Option<String> {
        self.articles.iter().filter(|a| !type_is(a, "WebPage")).find_map(|a| {
            let s = text::squash(a.get(key)?.as_str()?);
            (!s.is_empty()).then_some(s)
        })
    }

    /// The on-page headline: the `<h1>` that agrees with the declared title, else the declared
    /// title without its site-name suffix.
    fn headline(&self, doc: &Document) -> String {
        let declared = self
            .ld_str("headline")
            .or_else(|| {
                meta_content(doc, &["meta[property='og:title']", "meta[name='twitter:title']"], "content")
            })
            .or_else(|| Some(text::squash(&doc.select("title").text())).filter(|t| !t.is_empty()));
        let h1s: Vec<String> = doc
            .select("h1")
            .iter()
            .map(|h| clean(&h.text()))
            .filter(|h| !h.is_empty() && h.len() < 300)
            .collect();
        if let Some(title) = &declared {
            let key = fold(title);
            if let Some(h1) = h1s.iter().find(|h| key.contains(&fold(h)) && fold(h).len() * 3 >= key.len()) {
                return h1.clone();
            }
            let stripped = strip_site_suffix(title, self.site_name.as_deref());
            if let Some(h1) = h1s.iter().find(|h| fold(h) == fold(&stripped)) {
                return h1.clone();
            }
            if h1s.len() == 1 && !stripped.contains(&h1s[0]) && similar(&h1s[0], &stripped) {
                return h1s[0].clone();
            }
            return stripped;
        }
        h1s.into_iter().next().unwrap_or_default()
    }

    /// The authors: declared (JSON-LD, then meta tags), then author elements, then the byline
    /// printed beside the headline. A source that names only the site itself or a user handle
    /// gives way to a later one that names people.
    fn byline(&self, doc: &Document, printed: &Printed) -> Byline {
        let personal = |b: &&Byline| b.authors.iter().all(|a| !self.is_site(a) && !is_handle(a));
        let named = |b: &&Byline| !b.authors.is_empty();
        let declared = [self.ld_byline(), meta_byline(doc), element_byline(doc)];
        if let Some(best) = declared.iter().filter(named).find(personal) {
            return best.clone();
        }
        let [ld, meta, element] = declared;
        let sources = [ld, meta, element, printed.byline()];
        let best = sources.iter().filter(named).find(personal).or_else(|| sources.iter().find(named));
        best.cloned().unwrap_or_default()
    }

    fn ld_byline(&self) -> Byline {
        let mut by = Byline::default();
        for a in self.articles.iter().filter(|a| !type_is(a, "WebPage")) {
            if let Some(author) = a.get("author") {
                ld_authors(author, &mut by);
            }
            if !by.authors.is_empty() {
                break;
            }
        }
        by
    }

    /// Whether a name is the site's own (its `og:site_name`, publisher or host name).
    fn is_site(&self, name: &str) -> bool {
        let key = fold(name);
        let host = self.url.as_deref().and_then(hosts::host_of).map(fold).unwrap_or_default();
        !key.is_empty()
            && (self.site_name.as_deref().is_some_and(|s| fold(s) == key)
                || self.publisher.as_deref().is_some_and(|s| fold(s) == key)
                || host.contains(&key))
    }

    /// The publication date: declared (JSON-LD, meta tags), then `<time>`, then the URL's
    /// path, then the date printed beside the headline, then the modification date.
    /// Out-of-range dates are skipped with a warning.
    fn published(&self, doc: &Document, zone: Zone, printed: &Printed) -> Result<Published, Vec<String>> {
        let mut warnings = Vec::new();
        let mut read_all = |raw: Vec<String>| -> Vec<Published> {
            raw.iter()
                .filter_map(|c| match dates::read(c, zone) {
                    Ok(p) => Some(p),
                    Err(e @ dates::DateError::Implausible(_)) => {
                        warnings.push(e.to_string());
                        None
                    }
                    Err(_) => None,
                })
                .collect()
        };
        let declared = read_all(self.declared_dates(doc));
        let modified = read_all(self.modified_dates(doc));
        declared
            .first()
            .copied()
            .or_else(|| printed.published())
            .or(modified.first().copied())
            .ok_or(warnings)
    }

    /// Publication dates the page declares, most trusted first.
    fn declared_dates(&self, doc: &Document) -> Vec<String> {
        let mut candidates: Vec<String> = Vec::new();
        candidates.extend(self.ld_str("datePublished"));
        candidates.extend(meta_content(doc, DATE_METAS, "content"));
        for el in doc.select("[itemprop='datePublished']").iter() {
            candidates.extend(el.attr("content").or_else(|| el.attr("datetime")).map(|s| s.to_string()));
        }
        candidates.extend(self.ld_str("dateCreated"));
        for t in doc.select("article time[datetime], time[datetime]").iter().take(3) {
            candidates.extend(t.attr("datetime").map(|s| s.to_string()));
        }
        candidates.extend(self.url.as_deref().and_then(url_date));
        candidates
    }

    /// Modification dates the page declares.
    fn modified_dates(&self, doc: &Document) -> Vec<String> {
        let mut candidates: Vec<String> = Vec::new();
        candidates.extend(self.ld_str("dateModified"));
        candidates.extend(meta_content(doc, MODIFIED_METAS, "content"));
        candidates
    }
}

const MODIFIED_METAS: &[&str] = &[
    "meta[property='article:modified_time']",
    "meta[property='og:updated_time']",
    "meta[name='article:modified_time']",
    "meta[itemprop='dateModified']",
];

const DATE_METAS: &[&str] = &[
    "meta[property='article:published_time']",
    "meta[property='og:published_time']",
    "meta[name='article:published_time']",
    "meta[name='pubdate']",
    "meta[name='publishdate']",
    "meta[name='publish-date']",
    "meta[name='date']",
    "meta[name='dc.date']",
    "meta[name='DC.date.issued']",
    "meta[name='dcterms.date']",
    "meta[name='sailthru.date']",
    "meta[name='parsely-pub-date']",
    "meta[itemprop='datePublished']",
];

fn meta_byline(doc: &Document) -> Byline {
    let mut by = Byline::default();
    for sel in [
        "meta[name='author']",
        "meta[property='article:author']",
        "meta[name='byl']",
        "meta[name='sailthru.author']",
        "meta[name='parsely-author']",
    ] {
        for m in doc.select(sel).iter() {
            let content = m.attr("content").map(|c| c.to_string()).unwrap_or_default();
            if !content.is_empty() && !content.contains("://") {
                by.merge(byline::parse(&content));
            }
        }
        if !by.authors.is_empty() {
            break;
        }
    }
    by
}

/// The first author element (`rel=author`, `itemprop=author`, `.author`, `.byline`) whose text
/// reads as names.
fn element_byline(doc: &Document) -> Byline {
    for sel in [
        "[rel='author']",
        "[itemprop='author'] [itemprop='name']",
        "[itemprop='author']",
        ".author-name",
        ".byline-name",
        ".author",
        ".byline",
        "[class*='author']",
    ] {
        for el in doc.select(sel).iter().take(3) {
            let t = clean(&el.text());
            if (2..80).contains(&t.len()) {
                let b = byline::parse(&t);
                if b.authors.iter().all(|a| looks_like_name(a)) {
                    return b;
                }
            }
        }
    }
    Byline::default()
}

/// A user handle (`andrew.keaveney`, `jane_doe`) rather than a name as the page prints it.
fn is_handle(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    !name.contains(' ')
        && chars
            .windows(2)
            .any(|w| matches!(w[0], '.' | '_' | '@') && (w[1].is_lowercase() || w[1].is_ascii_digit()))
}

/// JSON-LD nodes, walking `@graph` and arrays, keeping article-like ones.
fn collect_ld(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_ld(i, out)),
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                collect_ld(graph, out);
            }
            if ARTICLE_TYPES.iter().any(|t| type_is(v, t)) {
                out.push(v.clone());
            }
        }
        _ => {}
    }
}

fn type_is(v: &Value, name: &str) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

fn ld_authors(author: &Value, by: &mut Byline) {
    match author {
        Value::String(s) if !s.contains("://") => by.merge(byline::parse(s)),
        Value::Array(items) => items.iter().for_each(|a| ld_authors(a, by)),
        Value::Object(o) => {
            if let Some(name) = o.get("name").and_then(Value::as_str) {
                by.merge(byline::parse(name));
            }
        }
        _ => {}
    }
}

fn meta_content(doc: &Document, selectors: &[&str], attr: &str) -> Option<String> {
    selectors.iter().find_map(|sel| {
        doc.select(sel).iter().find_map(|m: Selection| {
            let v = text::squash(&text::normalize(&m.attr(attr)?));
            (!v.is_empty()).then_some(v)
        })
    })
}

fn clean(s: &str) -> String {
    text::squash(&text::normalize(s))
}

/// Lower-cased, quotes straightened, only letters and digits: for comparing titles.
fn fold(s: &str) -> String {
    text::straighten(s).to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether two titles share most of their words.
fn similar(a: &str, b: &str) -> bool {
    let words =
        |s: &str| -> Vec<String> { s.split_whitespace().map(fold).filter(|w| !w.is_empty()).collect() };
    let (wa, wb) = (words(a), words(b));
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    !wa.is_empty() && shared * 10 >= wa.len().max(wb.len()) * 6
}

static SITE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.{12,}?)\s+(?:[|:·•»]|[-–—]{1,2})\s+[^|:·•»–—]{2,60}$").expect("valid regex")
});

/// `Headline | Site` -> `Headline`.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = clean(title);
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{site}")) {
                return head.trim().to_string();
            }
        }
    }
    match SITE_SUFFIX.captures(&title) {
        Some(c) => c[1].to_string(),
        None => title,
    }
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)").expect("valid regex")
});

/// A `/YYYY/MM/DD/` date in a URL path.
fn url_date(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    Some(format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]))
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_come_off_titles() {
        assert_eq!(strip_site_suffix("Big News Today | Example Times", None), "Big News Today");
        assert_eq!(strip_site_suffix("Big News Today - Example", Some("Example")), "Big News Today");
        assert_eq!(strip_site_suffix("Short", None), "Short");
    }

    #[test]
    fn handles_are_not_names() {
        assert!(is_handle("andrew.keaveney"));
        assert!(is_handle("jane_doe"));
        assert!(!is_handle("A.J."));
        assert!(!is_handle("Jane Doe"));
    }

    #[test]
    fn the_site_signing_gives_way_to_a_printed_byline() {
        let page = r#"<html><head><meta name="author" content="Example Clinic">
            <meta property="og:site_name" content="Example Clinic"></head><body>
            <h1>How to Start Meditating Today</h1><p class="meta">By Holly Wilgus</p>
            <p>Meditation is a practice that takes a few minutes a day and pays off.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.authors, ["Holly Wilgus"]);
    }

    #[test]
    fn a_date_printed_under_the_headline_when_none_is_declared() {
        let page = r#"<html><body><h1>How to Start Meditating Today</h1>
            <div><span>Published on</span> <span>July 18, 2025</span></div>
            <p>Meditation is a practice that takes a few minutes a day and pays off.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.published.map(|p| p.date().to_string()).as_deref(), Some("2025-07-18"));
    }

    #[test]
    fn url_paths_give_dates() {
        assert_eq!(url_date("https://x.com/2025/09/04/slug/").as_deref(), Some("2025-09-04"));
        assert_eq!(url_date("https://x.com/2025/13/04/slug/"), None);
    }
}
