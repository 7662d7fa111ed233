//! Saved HTML pages to drafts: the article body comes from a vote of extractors
//! (`rs-trafilatura` first, checked against newsdex's own cleaner and Readability), the
//! metadata from the page's own declarations: JSON-LD, OpenGraph and `<meta>` tags,
//! `<time>` elements, the `<h1>` headline and byline elements.

use std::sync::LazyLock;

use dom_query::{Document, Selection};
use regex::Regex;
use serde_json::Value;

use super::{extractors, markup, visible};
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
    let outlet = hosts.outlet_of(url.as_deref(), meta.site_name.as_deref());
    let mut draft = Draft { outlet, url, ..Draft::default() };
    draft.headline = meta.headline(&doc);
    let lines = visible::lines(&doc);
    let printed = Printed::lazy(&lines, &draft.headline, zone);
    let cleaned = extractors::cleaner(&lines);
    let by = meta.byline(&doc, &printed, &cleaned.authors);
    draft.authors = by.authors;
    draft.tags = by.agencies;
    match meta.published(&doc, zone, &printed) {
        Ok(p) => draft.published = Some(p),
        Err(e) => draft.warnings.extend(e),
    }
    draft.paragraphs = body(html, doc, cleaned.paragraphs, &draft.headline);
    draft
}

/// The article text as paragraphs, without a leading copy of the headline.
fn body(html: &str, doc: Document, cleaned: Vec<String>, headline: &str) -> Vec<String> {
    let mut paragraphs = extractors::body(html, doc, cleaned);
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
    read: std::cell::OnceCell<outlets::PrintedMeta>,
}

impl<'a> Printed<'a> {
    fn lazy(lines: &'a [String], headline: &'a str, zone: Zone) -> Printed<'a> {
        Printed { lines, headline, zone, read: std::cell::OnceCell::new() }
    }

    fn get(&self) -> &outlets::PrintedMeta {
        self.read.get_or_init(|| {
            let cal = dates::Calendar::of(&self.lines.join("\n"), self.zone);
            outlets::printed_meta(self.lines, self.headline, cal)
        })
    }

    fn byline(&self) -> Byline {
        self.get().byline.clone()
    }

    fn published(&self) -> Option<Published> {
        self.get().date
    }

    fn published_beside(&self) -> Option<Published> {
        self.get().date_beside
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
            if let Ok(v) = serde_json::from_str::<Value>(unwrapped_json(&script.text())) {
                collect_ld(&v, &mut articles);
            }
        }
        articles.sort_by_key(|a| usize::from(type_is(a, "WebPage")));
        // Each source must give a real address: some pages fill the canonical link with the title.
        let address = |u: &String| hosts::host_of(u).is_some();
        let url = meta_content(doc, &["link[rel='canonical']"], "href")
            .filter(address)
            .or_else(|| meta_content(doc, &["meta[property='og:url']"], "content").filter(address))
            .or_else(|| {
                articles.iter().find_map(|a| a.get("url").and_then(Value::as_str).map(str::to_string))
            })
            .filter(address);
        let publisher =
            articles.iter().find_map(|a| a.get("publisher")?.get("name")?.as_str().map(str::to_string));
        let site_name =
            meta_content(doc, &["meta[property='og:site_name']"], "content").or_else(|| publisher.clone());
        Meta { articles, url, site_name, publisher }
    }

    fn ld_str(&self, key: &str) -> Option<String> {
        self.ld_str_of(key, false)
    }

    /// A string the JSON-LD article declares; with `pages`, a `WebPage` node's as well.
    fn ld_str_of(&self, key: &str, pages: bool) -> Option<String> {
        self.articles.iter().filter(|a| pages || !type_is(a, "WebPage")).find_map(|a| {
            let s = markup::tidy(a.get(key)?.as_str()?);
            (!s.is_empty()).then_some(s)
        })
    }

    /// The on-page headline, from the declared title and the page's `<h1>`s (see
    /// [`choose_headline`]); the first `<h1>` when the page declares no title.
    fn headline(&self, doc: &Document) -> String {
        let declared = self
            .ld_str("headline")
            .filter(|t| !cut_short(t))
            .or_else(|| {
                meta_content(doc, &["meta[property='og:title']", "meta[name='twitter:title']"], "content")
                    .filter(|t| !cut_short(t))
            })
            .or_else(|| page_title(doc))
            .filter(|t| !self.is_site(&strip_site_suffix(t, self.site_name.as_deref())));
        let page = page_title(doc);
        let titles: Vec<&str> = declared.iter().chain(&page).map(String::as_str).collect();
        let site = self.site_name.as_deref();
        let h1s: Vec<Heading> = doc
            .select("h1")
            .nodes()
            .iter()
            .map(|h| Heading::read(h, site))
            .filter(|h| !h.text.is_empty() && h.text.len() < 300)
            .filter(|h| !self.is_site(&h.text) && !is_site_segment(&h.text, &titles))
            .collect();
        // An `<h1>` that the page's `<title>` opens with outvotes a declared headline about
        // something else (Wikipedia declares its short description as the headline).
        let first_part = page.as_deref().and_then(|t| SEGMENT.split(t).next()).map(fold).unwrap_or_default();
        let agreed = h1s.iter().find(|h| !first_part.is_empty() && fold(&h.text) == first_part);
        match (&declared, agreed) {
            (Some(title), Some(h1)) if shared_words(&h1.text, title).0 == 0 => h1.text.clone(),
            (Some(title), _) => choose_headline(title, &h1s, &sub_headings(doc), site),
            (None, _) => h1s.into_iter().next().map(|h| h.text).unwrap_or_default(),
        }
    }

    /// The authors: declared (JSON-LD, then meta tags), then author elements, then the byline
    /// printed beside the headline, then the one the text cleaner reads from the visible
    /// lines (`cleaned`). A source that names only the site itself, a user handle or the
    /// headline (an author element around the title) gives way to a later one that names
    /// people.
    fn byline(&self, doc: &Document, printed: &Printed, cleaned: &[String]) -> Byline {
        let headline = fold(printed.headline);
        let personal = |b: &&Byline| b.authors.iter().all(|a| !self.is_site(a) && !is_handle(a));
        let named = |b: &&Byline| !b.authors.is_empty() && b.authors.iter().all(|a| fold(a) != headline);
        let declared = [self.ld_byline(), meta_byline(doc), labelled_byline(doc), element_byline(doc)]
            .map(|b| self.without_site(b));
        if let Some(best) = declared.iter().filter(named).find(personal) {
            return best.clone();
        }
        let [ld, meta, labelled, element] = declared;
        let sources = [ld, meta, labelled, element, self.without_site(printed.byline())];
        let best = sources.iter().filter(named).find(personal).or_else(|| sources.iter().find(named));
        let shaped = cleaned.iter().all(|a| crate::people::has_name_shape(a));
        let cleaned =
            Byline { authors: if shaped { cleaned.to_vec() } else { Vec::new() }, ..Byline::default() };
        best.cloned().unwrap_or(cleaned)
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

    /// A byline without the site's own name beside the writers' (`By Jane Doe and John Roe,
    /// CNN` on cnn.com); a byline of the site's name alone stays as it is.
    fn without_site(&self, mut by: Byline) -> Byline {
        if by.authors.iter().any(|a| !self.is_site(a)) {
            by.authors.retain(|a| !self.is_site(a));
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

    /// The publication date: declared (JSON-LD, meta tags), then a `<time>` (see
    /// [`shown_beside`]), then the URL's path (whose local day beats a UTC time a day off),
    /// then the date printed beside the headline, then a `WebPage`'s publication date and the
    /// modification date. A declared time that is only a save stamp gives way to an earlier
    /// printed date (see [`earlier_printed`]). Out-of-range dates are skipped with a warning.
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
        let timed = read_all(time_dates(doc));
        let modified = read_all(self.modified_dates(doc));
        let url_day = self.url.as_deref().and_then(url_date).and_then(|d| dates::parse(&d, zone));
        let declared = declared.first().copied().or_else(|| shown_beside(&timed, printed)).or(url_day);
        let saved = read_all(
            self.ld_str("dateModified")
                .into_iter()
                .chain(meta_content(doc, MODIFIED_METAS, "content"))
                .collect(),
        );
        // Published no earlier than last modified: a save or build time, not a publication.
        let stamped = declared.is_some_and(|d| saved.iter().any(|m| m.instant() <= d.instant()));
        declared
            .map(|d| on_url_day(d, url_day))
            .map(|d| if stamped { earlier_printed(d, printed.published_beside()) } else { d })
            .or_else(|| printed.published())
            .or(modified.first().copied())
            .ok_or(warnings)
    }

    /// Publication dates the page declares, most trusted first.
    fn declared_dates(&self, doc: &Document) -> Vec<String> {
        let mut candidates: Vec<String> = Vec::new();
        candidates.extend(self.ld_str("datePublished"));
        candidates.extend(meta_content(doc, DATE_METAS, "content"));
        candidates.extend(meta_content(
            doc,
            &["meta[name*='publish'], meta[property*='publish']"],
            "content",
        ));
        for el in doc.select("[itemprop='datePublished']").iter() {
            candidates.extend(el.attr("content").or_else(|| el.attr("datetime")).map(|s| s.to_string()));
        }
        candidates.extend(self.ld_str("dateCreated"));
        candidates
    }

    /// Dates a page declares less surely: the publication date of a JSON-LD `WebPage`
    /// (often the page's, not the article's), then its modification dates.
    fn modified_dates(&self, doc: &Document) -> Vec<String> {
        let mut candidates: Vec<String> = Vec::new();
        candidates.extend(self.ld_str_of("datePublished", true));
        candidates.extend(self.ld_str("dateModified"));
        candidates.extend(meta_content(doc, MODIFIED_METAS, "content"));
        candidates
    }
}

/// The times of the page's `<time datetime>` elements, in page order.
fn time_dates(doc: &Document) -> Vec<String> {
    doc.select("time[datetime]").iter().filter_map(|t| t.attr("datetime").map(|s| s.to_string())).collect()
}

/// Of a page's `<time>` elements, the one whose day is printed beside the headline, else the
/// first: sidebars and related-story lists put their own `<time>`s above the article's.
fn shown_beside(timed: &[Published], printed: &Printed) -> Option<Published> {
    let beside = printed.published_beside().map(|p| p.date());
    timed.iter().find(|t| Some(t.date()) == beside).or(timed.first()).copied()
}

/// The declared publication time, or an earlier date printed beside the headline: used when
/// the declared time is no earlier than the page's declared modification time, which makes
/// it the time the page was last saved or built rather than first published.
fn earlier_printed(declared: Published, printed: Option<Published>) -> Published {
    match printed {
        Some(p) if p.date() < declared.date() => p,
        _ => declared,
    }
}

/// A declared time whose UTC day is a day off the date in the article's URL, which is the
/// newsroom's local calendar day (`2025-12-19T02:41Z` under `/2025/12/18/`): that day.
fn on_url_day(declared: Published, url_day: Option<Published>) -> Published {
    match url_day {
        Some(day) if (declared.date() - day.date()).num_days().abs() == 1 => day,
        _ => declared,
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
    "meta[name='DC.Date']",
    "meta[name='citation_publication_date']",
    "meta[name='citation_date']",
    "meta[name='dcterms.date']",
    "meta[name='sailthru.date']",
    "meta[name='parsely-pub-date']",
    "meta[itemprop='datePublished']",
];

fn meta_byline(doc: &Document) -> Byline {
    let mut by = Byline::default();
    for sel in [
        "meta[name='author']",
        "meta[property='author']",
        "meta[property='article:author']",
        "meta[name='byl']",
        "meta[name='sailthru.author']",
        "meta[name='parsely-author']",
    ] {
        for m in doc.select(sel).iter() {
            let content = m.attr("content").map(|c| markup::tidy(&c)).unwrap_or_default();
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

/// The author that a page's Twitter card labels as such (`twitter:label1` `Written by`,
/// `twitter:data1` the name), as WordPress SEO plugins write it.
fn labelled_byline(doc: &Document) -> Byline {
    for n in 1..=4 {
        let label = meta_content(doc, &[&format!("meta[name='twitter:label{n}']")], "content");
        if label.is_some_and(|l| AUTHOR_LABEL.is_match(&l)) {
            let data = meta_content(doc, &[&format!("meta[name='twitter:data{n}']")], "content");
            return data.map(|d| byline::parse(&d)).unwrap_or_default();
        }
    }
    Byline::default()
}

static AUTHOR_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:written by|by|authors?|writer)$").expect("valid regex"));

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
            let t = markup::tidy(&el.text());
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
/// A JSON-LD script's JSON without the wrappers some pages put around it for old XHTML
/// parsers (`<![CDATA[ … ]]>`, as Wikipedia's pages have it, or `<!-- … -->`) and a
/// closing semicolon.
fn unwrapped_json(script: &str) -> &str {
    let mut json = script.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(inner) = json.strip_prefix(open).and_then(|j| j.trim_end().strip_suffix(close)) {
            json = inner.trim();
        }
    }
    json.strip_suffix(';').unwrap_or(json).trim_end()
}

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
        Value::String(s) if !s.contains("://") => by.merge(byline::parse(&markup::tidy(s))),
        Value::Array(items) => items.iter().for_each(|a| ld_authors(a, by)),
        Value::Object(o) => {
            if let Some(name) = o.get("name").and_then(Value::as_str) {
                by.merge(byline::parse(&markup::tidy(name)));
            }
        }
        _ => {}
    }
}

fn meta_content(doc: &Document, selectors: &[&str], attr: &str) -> Option<String> {
    selectors.iter().find_map(|sel| {
        doc.select(sel).iter().find_map(|m: Selection| {
            let v = markup::tidy(&m.attr(attr)?);
            (!v.is_empty()).then_some(v)
        })
    })
}

/// Lower-cased, quotes straightened, only letters and digits: for comparing titles.
fn fold(s: &str) -> String {
    text::straighten(s).to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Which headline a page shows, given its declared title, its `<h1>`s (site names left
/// out) and its lower headings (folded): an `<h1>` that equals the declared title once
/// stripped; else the declared title if the page prints it as a heading of its own (the
/// `<h1>` is then a section name, a label or a pull quote); else an `<h1>` that the
/// declared title contains (the title being the headline and the site's name); else a lone
/// `<h1>` about the same thing, since pages often declare a search-engine variant of the
/// headline they print, unless it only puts a label or date before the declared title
/// (`Blog: TITLE`); else the declared title without its site name.
fn choose_headline(title: &str, h1s: &[Heading], sub_headings: &[String], site: Option<&str>) -> String {
    let key = fold(title);
    let stripped = strip_site_suffix(title, site);
    let bare = fold(&stripped);
    if let Some(h1) = h1s.iter().find(|h| fold(&h.text) == bare) {
        return h1.text.clone();
    }
    if !bare.is_empty() && sub_headings.contains(&bare) {
        return stripped;
    }
    let inside = |h: &&Heading| {
        let f = fold(&h.text);
        !f.is_empty() && key.contains(&f) && f.len() * 3 >= key.len()
    };
    if let Some(h1) = h1s.iter().find(inside) {
        return h1.text.clone();
    }
    let related: Vec<&Heading> = match h1s {
        [h1] => Some(h1).filter(|h| about_the_same(&h.text, &stripped)).into_iter().collect(),
        _ => h1s.iter().filter(|h| shares_most_words(&h.text, &stripped)).collect(),
    };
    match related[..] {
        [h1] if h1.lines == 1 && !labels(&h1.text, &bare) && reads_as_headline(&h1.text) => h1.text.clone(),
        _ => stripped,
    }
}

/// The page's `<h2>` to `<h6>` headings, folded.
fn sub_headings(doc: &Document) -> Vec<String> {
    doc.select("h2, h3, h4, h5, h6")
        .nodes()
        .iter()
        .map(|h| fold(&visible::lines_of(h).join(" ")))
        .filter(|f| !f.is_empty())
        .collect()
}

/// An `<h1>` as the page shows it.
struct Heading {
    /// Its visible text on one line, without the site's name or a `| Section` tail.
    text: String,
    /// How many lines it shows: a kicker or subtitle set on a line of its own makes two.
    lines: usize,
}

impl Heading {
    fn read(node: &dom_query::NodeRef, site: Option<&str>) -> Heading {
        let lines = visible::lines_of(node);
        let text = strip_pipe_tail(&strip_site_name(markup::tidy(&lines.join(" ")), site));
        Heading { text, lines: lines.len() }
    }
}

/// Whether a heading is the declared title with a label or date put before it
/// (`Blog: TITLE`, `Dec 18 2025 TITLE`).
fn labels(heading: &str, declared: &str) -> bool {
    let f = fold(heading);
    let labelled = LABEL.is_match(heading) || dates::find_in(heading).is_some_and(|(_, at)| at == 0);
    labelled && !declared.is_empty() && f.len() > declared.len() && f.ends_with(declared)
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[^:|]{1,30}[:|]\s").expect("valid regex"));

/// Whether a heading reads as a headline rather than a sentence of a banner or a
/// pull quote: at most twenty words, no full stop at its end and no sentence after its first.
fn reads_as_headline(heading: &str) -> bool {
    heading.split_whitespace().count() <= 20 && !heading.ends_with('.') && !SENTENCE_BREAK.is_match(heading)
}

static SENTENCE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[a-z]{3}|\))[.?!] [A-Z]").expect("valid regex"));

/// Whether a declared title was cut to a length limit: an opening bracket never closed,
/// or a closing ellipsis (`We Help 4 Readers (Including`, `The Long Story of…`).
fn cut_short(title: &str) -> bool {
    let count = |c: char| title.chars().filter(|&x| x == c).count();
    count('(') > count(')') || count('[') > count(']') || title.ends_with('…') || title.ends_with("...")
}

/// Whether a lone heading can stand for a declared title: four words or more, or a word
/// of four letters or more in common (a lone `Blog` or `Our Team` heading is a label).
fn about_the_same(heading: &str, title: &str) -> bool {
    heading.split_whitespace().count() >= 4 || shared_words(heading, title).0 > 0
}

/// Whether most of a heading's words (two at least) are in a declared title: among a page's
/// several `<h1>`s, the article's headline rather than a logo, a menu or a promotion.
fn shares_most_words(heading: &str, title: &str) -> bool {
    let (shared, of) = shared_words(heading, title);
    shared >= 2 && shared * 2 >= of
}

/// How many of a heading's words of four letters or more a title has, and out of how many.
fn shared_words(heading: &str, title: &str) -> (usize, usize) {
    let words =
        |s: &str| -> Vec<String> { s.split_whitespace().map(fold).filter(|w| w.len() >= 4).collect() };
    let (mine, theirs) = (words(heading), words(title));
    (mine.iter().filter(|w| theirs.contains(w)).count(), mine.len())
}

/// Separators between a headline and a site's name in a page title.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", ": "];

/// Whether a heading is a part of a page title other than its first (`Site` in
/// `Headline | Site`): the site's name printed as a heading, not the article's headline.
fn is_site_segment(heading: &str, titles: &[&str]) -> bool {
    let key = fold(heading);
    titles.iter().any(|t| {
        let parts: Vec<&str> = SEGMENT.split(t).collect();
        let longest = parts.iter().map(|p| p.len()).max().unwrap_or(0);
        parts.iter().skip(1).any(|p| p.len() < longest && fold(p) == key)
    })
}

static SEGMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:[|·•»]|::|[-–—]{1,2})\s+").expect("valid regex"));

/// `Headline | Section` -> `Headline`: a visible headline rarely carries a pipe, a page
/// title's section or site name does.
fn strip_pipe_tail(heading: &str) -> String {
    match heading.split_once(" | ") {
        Some((head, _)) if head.split_whitespace().count() >= 3 => head.trim().to_string(),
        _ => heading.to_string(),
    }
}

/// The document's own `<title>`, not an inline SVG icon's.
fn page_title(doc: &Document) -> Option<String> {
    let head = doc.select("head title");
    let title = if head.exists() { head } else { doc.select("title") };
    let text = markup::tidy(&title.nodes().first()?.text());
    (!text.is_empty()).then_some(text)
}

static SITE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.{12,}?)\s+(?:[|:·•»]|[-–—]{1,2})\s+[^|:·•»–—]{2,60}$").expect("valid regex")
});

/// `Headline | Site` (the site's name at either end, once or more) -> `Headline`; without
/// the site's name, a short last part after a separator comes off.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let tidy = markup::tidy(title);
    let title = strip_site_name(tidy.clone(), site);
    if title != tidy {
        return title;
    }
    match SITE_SUFFIX.captures(&title) {
        Some(c) => c[1].to_string(),
        None => title,
    }
}

/// The title without the site's name at either end, however often it is there.
fn strip_site_name(mut title: String, site: Option<&str>) -> String {
    while let Some(rest) = site.filter(|s| !s.is_empty()).and_then(|s| strip_named(&title, s)) {
        title = rest;
    }
    title
}

/// The title without the site's name as its first or last part, if it has it there.
fn strip_named(title: &str, site: &str) -> Option<String> {
    let ends_with = |s: &str| {
        s.len() > site.len()
            && s.is_char_boundary(s.len() - site.len())
            && s[s.len() - site.len()..].eq_ignore_ascii_case(site)
    };
    let starts_with = |s: &str| {
        s.len() > site.len() && s.is_char_boundary(site.len()) && s[..site.len()].eq_ignore_ascii_case(site)
    };
    SEPARATORS
        .iter()
        .find_map(|sep| {
            if ends_with(title) && title[..title.len() - site.len()].ends_with(sep) {
                return Some(title[..title.len() - site.len() - sep.len()].trim().to_string());
            }
            if starts_with(title) && title[site.len()..].starts_with(sep) {
                return Some(title[site.len() + sep.len()..].trim().to_string());
            }
            None
        })
        .filter(|rest| !rest.is_empty())
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2]|[A-Za-z]{3,9})/(0?[1-9]|[12]\d|3[01])(?:/|$)")
        .expect("valid regex")
});

/// A `/YYYY/MM/DD/` date in a URL path; the month may be named (`/2025/sep/04/`,
/// `/2025/september/04/`).
fn url_date(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    let month = c[2].parse().ok().or_else(|| dates::month_number(&c[2]))?;
    Some(format!("{}-{:0>2}-{:0>2}", &c[1], month, &c[3]))
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
        assert_eq!(
            strip_site_suffix("Big News Today – Example - Example", Some("Example")),
            "Big News Today"
        );
        assert_eq!(strip_site_suffix("example | Big News Today", Some("Example")), "Big News Today");
        assert_eq!(strip_site_suffix("Big &amp;#8216;News&#8217; Today", None), "Big ‘News’ Today");
    }

    fn heads(texts: &[&str]) -> Vec<Heading> {
        texts.iter().map(|t| Heading { text: t.to_string(), lines: 1 }).collect()
    }

    #[test]
    fn a_lone_h1_wins_over_a_declared_variant() {
        let declared = "Garden Tips For 2026 | Example Garden";
        let h1 = heads(&["Twelve Things To Plant Before Spring"]);
        assert_eq!(choose_headline(declared, &h1, &[], None), "Twelve Things To Plant Before Spring");
        assert_eq!(choose_headline(declared, &heads(&["Our Blog"]), &[], None), "Garden Tips For 2026");
        let banner = heads(&["Grow more with less work. Join our club today"]);
        assert_eq!(choose_headline(declared, &banner, &[], None), "Garden Tips For 2026");
        let two_lines = vec![Heading { text: "Spring Guide Twelve Things To Plant".into(), lines: 2 }];
        assert_eq!(choose_headline(declared, &two_lines, &[], None), "Garden Tips For 2026");
    }

    #[test]
    fn an_h1_that_only_labels_the_declared_title_gives_way() {
        let declared = "Twelve Things To Plant Before Spring";
        for h1 in
            ["Blog: Twelve Things To Plant Before Spring", "Mar 3 2026 Twelve Things To Plant Before Spring"]
        {
            assert_eq!(choose_headline(declared, &heads(&[h1]), &[], None), declared, "{h1}");
        }
        let the = heads(&["The Twelve Things To Plant Before Spring"]);
        assert_eq!(choose_headline(declared, &the, &[], None), "The Twelve Things To Plant Before Spring");
    }

    #[test]
    fn among_several_h1s_the_one_close_to_the_declared_title() {
        let declared = "Twelve Things To Plant Before Spring | Example Garden";
        let h1s = heads(&[
            "Example Garden Club",
            "Twelve Things To Plant In Early Spring",
            "Free Seed Catalogue Offer",
        ]);
        assert_eq!(choose_headline(declared, &h1s, &[], None), "Twelve Things To Plant In Early Spring");
        let unrelated = heads(&["Menu", "Newsletter Signup Form", "Contact"]);
        assert_eq!(choose_headline(declared, &unrelated, &[], None), "Twelve Things To Plant Before Spring");
    }

    #[test]
    fn a_declared_title_printed_as_a_lower_heading_wins_over_the_h1() {
        let declared = "How To Get Toddlers To Sleep In Their Own Bed | Example Care";
        let h1 = heads(&["Toddler Sleep Training"]);
        let printed = [fold("How To Get Toddlers To Sleep In Their Own Bed"), fold("Bedtime Tips")];
        assert_eq!(
            choose_headline(declared, &h1, &printed, None),
            "How To Get Toddlers To Sleep In Their Own Bed"
        );
        assert_eq!(choose_headline(declared, &h1, &[fold("Bedtime Tips")], None), "Toddler Sleep Training");
        let page = r#"<html><head><title>Best Seed Trays in 2026 | Example Garden</title></head><body>
            <h1>Best Seed Trays</h1><p>Seed trays help seedlings start strong in spring weather.</p>
            <h2>Best Seed <br>Trays in 2026</h2><p>We tested trays of every size and material this year.</p>
            </body></html>"#;
        assert_eq!(draft(page, &HostTable::default(), Zone::default()).headline, "Best Seed Trays in 2026");
    }

    #[test]
    fn site_names_are_no_headlines() {
        let titles = ["A Short Intro To Sourdough • Jane Baker"];
        assert!(is_site_segment("Jane Baker", &titles));
        assert!(!is_site_segment("A Short Intro To Sourdough", &titles));
        assert!(!is_site_segment("State of Baking in 2026", &["Bakery | State of Baking in 2026"]));
    }

    #[test]
    fn svg_titles_are_not_the_page_title() {
        let doc = Document::from(
            "<html><head><title>Real Title</title></head><body><svg><title>Search icon</title></svg></body></html>",
        );
        assert_eq!(page_title(&doc).as_deref(), Some("Real Title"));
        let page = r#"<html><head><title>Fresh Bread At Home | Bakery</title></head><body>
            <svg><title>Cart icon</title></svg><p>Bread is easy to bake at home with a little practice.</p></body></html>"#;
        assert_eq!(draft(page, &HostTable::default(), Zone::default()).headline, "Fresh Bread At Home");
    }

    #[test]
    fn an_author_meta_tag_written_as_a_property_is_read() {
        let page = r#"<html><head><meta property="author" content="Jane Roe" />
            <meta property="article:author" content="https://social.example/janeroe" /></head>
            <body><div class="share-author-tools">Share Tweet Share</div>
            <p>Gardens grow best when the soil is looked after all year.</p></body></html>"#;
        assert_eq!(draft(page, &HostTable::default(), Zone::default()).authors, ["Jane Roe"]);
    }

    #[test]
    fn json_ld_wrapped_for_xhtml_parsers_is_read() {
        assert_eq!(unwrapped_json("\n <![CDATA[\n {\"a\":1}\n ]]> "), "{\"a\":1}");
        assert_eq!(unwrapped_json("<!-- {\"a\":1}; -->"), "{\"a\":1}");
        assert_eq!(unwrapped_json("{\"a\":1};"), "{\"a\":1}");
        let page = r#"<html><head><script type="application/ld+json"><![CDATA[
            {"@type":"Article","headline":"Harbor Walls","datePublished":"2001-10-29T01:59:14Z"}
            ]]></script></head><body><h1>Harbor Walls</h1>
            <p>The harbor walls were first built in 1907 and rebuilt after the storm of 1953.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.published.map(|p| p.date().to_string()).as_deref(), Some("2001-10-29"));
    }

    #[test]
    fn an_h1_the_title_repeats_outvotes_an_unrelated_declared_headline() {
        let page = r#"<html><head><title>Harbor Walls - Example Encyclopedia</title>
            <script type="application/ld+json">{"@type":"Article","headline":"stone structures of a port"}</script>
            </head><body><h1>Harbor Walls</h1><p>The harbor walls were first built in 1907.</p></body></html>"#;
        assert_eq!(draft(page, &HostTable::default(), Zone::default()).headline, "Harbor Walls");
    }

    #[test]
    fn a_site_name_takes_the_outlet_tables_spelling() {
        let page = r#"<html><head><meta property="og:site_name" content="USA TODAY" /></head>
            <body><h1>Harbor Walls</h1><p>The harbor walls were first built in 1907.</p></body></html>"#;
        assert_eq!(draft(page, &HostTable::default(), Zone::default()).outlet.as_deref(), Some("USA Today"));
    }

    #[test]
    fn titles_cut_to_a_length_limit_give_way() {
        assert!(cut_short("We Help 4 Readers Find Solutions (Including"));
        assert!(cut_short("The Long Story of…"));
        assert!(!cut_short("Best Espresso Machines Under $500 (2025)"));
        let page = r#"<html><head><title>Ten Garden Tips (With One Trick That Works) - Example Garden</title>
            <script type="application/ld+json">{"@type":"Article","headline":"Ten Garden Tips (With One"}</script>
            </head><body><p>Gardens grow best when the soil is looked after all year.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.headline, "Ten Garden Tips (With One Trick That Works)");
    }

    #[test]
    fn pipe_tails_come_off_headings() {
        assert_eq!(
            strip_pipe_tail("Best Bread Machines of 2026 | Top 9 Picks"),
            "Best Bread Machines of 2026"
        );
        assert_eq!(strip_pipe_tail("News | Today"), "News | Today");
    }

    #[test]
    fn the_headline_is_no_author() {
        let page = r#"<html><body><div class="post-author"><h1>Grand Plans</h1></div>
            <p class="meta">By Jane Roe</p><p>Text of the story goes here and on.</p></body></html>"#;
        assert_eq!(draft(page, &HostTable::default(), Zone::default()).authors, ["Jane Roe"]);
    }

    #[test]
    fn twitter_card_labels_give_the_author() {
        let page = r#"<html><head><meta name="twitter:label1" content="Est. reading time">
            <meta name="twitter:data1" content="4 minutes"><meta name="twitter:label2" content="Written by">
            <meta name="twitter:data2" content="Jane Roe"></head><body><h1>Some Story</h1>
            <p>Text of the story goes here and on.</p></body></html>"#;
        assert_eq!(draft(page, &HostTable::default(), Zone::default()).authors, ["Jane Roe"]);
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
            <h1>How to Start Meditating Today</h1><p class="meta">By Greta Lindqvist</p>
            <p>Meditation is a practice that takes a few minutes a day and pays off.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.authors, ["Greta Lindqvist"]);
    }

    #[test]
    fn the_sites_name_beside_the_writers_is_no_author() {
        let page = r#"<html><head><link rel="canonical" href="https://www.example-news.com/a/1">
            </head><body><h1>Storm clears before the holiday</h1>
            <div class="byline">By Greta Lindqvist and Tomas Berg, Example-News</div>
            <p>The storm that closed the coast road moved out to sea overnight.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.authors, ["Greta Lindqvist", "Tomas Berg"]);
    }

    #[test]
    fn the_text_cleaners_byline_is_the_last_source() {
        let page = |name: &str| {
            format!(
                r#"<html><body><nav><a href="/">Home</a></nav><h1>How to Repot a Fern Without Fuss</h1>
                <p>{name}</p><p>Dec 18, 2025</p>
                <p>Ferns outgrow their pots every couple of years, and spring is the best time to act on it.</p>
                <p>Water the fern the day before, so the root ball holds together when it comes out of the pot.</p>
                <p>Choose a pot one size up, with a drainage hole, and loosen the roots gently before planting.</p>
                </body></html>"#
            )
        };
        let authors = |html: String| draft(&html, &HostTable::default(), Zone::default()).authors;
        assert_eq!(authors(page("Quillon")), ["Quillon"]);
        assert!(authors(page("Newsletter")).is_empty());
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
    fn a_utc_time_gives_way_to_the_local_day_in_the_url() {
        let page = r#"<html><head><link rel="canonical" href="https://example.org/2025/12/18/late-story/">
            <meta property="article:published_time" content="2025-12-19T03:05:00+00:00"></head>
            <body><h1>Late Story</h1><p>Filed late in the evening, local time, on the eighteenth.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.published.map(|p| p.date().to_string()).as_deref(), Some("2025-12-18"));
        let far = dates::parse("2025-12-25", Zone::default());
        let declared = dates::parse("2025-12-19T03:05:00+00:00", Zone::default()).unwrap();
        assert_eq!(on_url_day(declared, far), declared);
    }

    #[test]
    fn a_save_stamp_gives_way_to_an_earlier_printed_date() {
        let page = |modified: &str| {
            format!(
                r#"<html><head><meta property="article:published_time" content="2025-11-20T16:02:46Z">
                <meta property="article:modified_time" content="{modified}"></head>
                <body><h1>How to Repot a Fern</h1><p class="date">May 14, 2025</p>
                <p>Ferns outgrow their pots every couple of years, and spring is the time to act.</p></body></html>"#
            )
        };
        let day = |html: String| {
            draft(&html, &HostTable::default(), Zone::default()).published.map(|p| p.date().to_string())
        };
        assert_eq!(day(page("2025-11-20T16:02:46Z")).as_deref(), Some("2025-05-14"));
        assert_eq!(day(page("2025-11-19T09:00:00Z")).as_deref(), Some("2025-05-14"));
        assert_eq!(day(page("2025-12-01T09:00:00Z")).as_deref(), Some("2025-11-20"));
        let declared = dates::parse("2025-11-20", Zone::default()).unwrap();
        assert_eq!(earlier_printed(declared, dates::parse("2025-12-01", Zone::default())), declared);
    }

    #[test]
    fn web_page_nodes_and_other_publish_metas_give_dates() {
        let page = r#"<html><head><meta name="x-published-date" content="2021-02-16"></head>
            <body><h1>Some Story</h1><p>Text of the story goes here and on.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.published.map(|p| p.date().to_string()).as_deref(), Some("2021-02-16"));
        let page = r#"<html><head><script type="application/ld+json">
            {"@type":"WebPage","name":"Some Story","datePublished":"2022-10-05T12:53:00-07:00"}</script></head>
            <body><h1>Some Story</h1><p>Text of the story goes here and on.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.published.map(|p| p.date().to_string()).as_deref(), Some("2022-10-05"));
    }

    #[test]
    fn the_time_element_printed_beside_the_headline_goes_before_a_sidebars() {
        let page = |beside: &str| {
            format!(
                r#"<html><body><aside><time datetime="2025-06-01T12:00:00Z">06/01/2025</time>
                <a href="/other">Another Story</a></aside><h1>How to Repot a Fern</h1>
                <p><time datetime="2019-03-02T12:00:00Z">{beside}</time> by Jane Roe</p>
                <p>Ferns outgrow their pots every couple of years, and spring is the time to act.</p></body></html>"#
            )
        };
        let day = |html: String| {
            draft(&html, &HostTable::default(), Zone::default()).published.map(|p| p.date().to_string())
        };
        assert_eq!(day(page("03/02/2019")).as_deref(), Some("2019-03-02"));
        assert_eq!(day(page("Spring issue")).as_deref(), Some("2025-06-01"));
    }

    #[test]
    fn a_canonical_link_that_is_no_address_gives_way_to_og_url() {
        let page = r#"<html><head><link rel="canonical" href="Some Story About Wine">
            <meta property="og:url" content="https://example.org/blog/2023/oct/03/some-story"></head>
            <body><h1>Some Story</h1><p>Text of the story goes here and on.</p></body></html>"#;
        let d = draft(page, &HostTable::default(), Zone::default());
        assert_eq!(d.url.as_deref(), Some("https://example.org/blog/2023/oct/03/some-story"));
        assert_eq!(d.published.map(|p| p.date().to_string()).as_deref(), Some("2023-10-03"));
    }

    #[test]
    fn url_paths_give_dates() {
        assert_eq!(url_date("https://x.com/2025/09/04/slug/").as_deref(), Some("2025-09-04"));
        assert_eq!(url_date("https://x.com/2025/13/04/slug/"), None);
        assert_eq!(url_date("https://x.com/blog/2025/sep/04/slug").as_deref(), Some("2025-09-04"));
        assert_eq!(url_date("https://x.com/blog/2025/September/4/").as_deref(), Some("2025-09-04"));
        assert_eq!(url_date("https://x.com/2025/news/04/slug/"), None);
    }
}
