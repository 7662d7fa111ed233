//! The article pipeline: file -> decoded page or records -> draft -> [`Article`].
//!
//! The same pipeline feeds `ingest` and `extract`, so what is indexed is exactly what
//! `extract` shows.

use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use xxhash_rust::xxh3::xxh3_64;

pub use super::decode::InputFormat;
use super::records::{self, FieldMap};
use super::{decode, html, markdown, sgml};
use crate::article::{Article, Draft};
use crate::dates::Zone;
use crate::outlets::hosts::HostTable;
use crate::outlets::{self, Outlet, Page};
use crate::{dates, people, text};

/// The most text one page or record may hold: no news article comes near it, and a
/// bound keeps memory and time bounded on pathological input.
pub const MAX_ARTICLE_BYTES: usize = 16 << 20;

/// What one file gave: its articles, and errors for parts that could not be read.
#[derive(Debug, Default)]
pub struct FileResult {
    pub articles: Vec<Article>,
    /// Reasons, each already naming the place in the file (e.g. `line 3: ...`).
    pub errors: Vec<String>,
    /// Things dropped on the way that the user should hear about (e.g. an impossible date).
    pub warnings: Vec<String>,
}

/// Runs `read`, turning a panic inside it (a bug of newsdex, never meant to happen on any
/// input) into an error for that file or record, so that the run goes on and what was
/// read before is kept. The panic's own message is printed on stderr as it happens.
fn guarded<T>(read: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        bail!("internal error, a bug of newsdex (please report it with this input): {message}")
    })
}

/// Settings shared by every file of a run.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    /// Outlet name given by the user, overriding detection.
    pub outlet: Option<String>,
    /// Input format given by the user, instead of deciding by file name.
    pub format: Option<InputFormat>,
    /// Time zone for dates written without one, when the outlet's zone is unknown.
    pub zone: Zone,
    /// Record fields named by the user, tried before the usual names.
    pub fields: FieldMap,
    /// Host -> outlet names: the built-in table plus the user's.
    pub hosts: HostTable,
    /// The archivist's people aliases, applied after extraction.
    pub people_aliases: people::Aliases,
}

impl Pipeline {
    /// The format a file is read in: the user's, else the one its name says (`None`: skip it).
    pub fn format_for(&self, path: &Path) -> Option<InputFormat> {
        self.format.or_else(|| InputFormat::for_path(path))
    }

    /// Reads one file into articles. An error means nothing in the file could be used.
    pub fn process(&self, path: &Path, format: InputFormat) -> Result<FileResult> {
        let bytes = std::fs::read(path).context("cannot read")?;
        self.process_bytes(bytes, &path.display().to_string(), format)
    }

    /// Reads a file's bytes (possibly compressed, in any encoding) into articles; `shown`
    /// is the path the articles and errors name.
    pub fn process_bytes(&self, bytes: Vec<u8>, shown: &str, format: InputFormat) -> Result<FileResult> {
        guarded(|| self.read_bytes(bytes, shown, format))
    }

    fn read_bytes(&self, bytes: Vec<u8>, shown: &str, format: InputFormat) -> Result<FileResult> {
        let decoded = decode::decode_text(decode::decompress(bytes)?)?;
        let (raw, shown) = (decoded.text, shown.to_string());
        if matches!(format, InputFormat::Text | InputFormat::Html | InputFormat::Markdown)
            && raw.len() > MAX_ARTICLE_BYTES
        {
            bail!(
                "too large for one article: {} MB of text (at most {} MB)",
                raw.len() >> 20,
                MAX_ARTICLE_BYTES >> 20
            );
        }
        let mut result = match format {
            InputFormat::Text => self.single(self.read_dump(Page::new(&raw)), shown)?,
            InputFormat::Html => self.single(self.read_html(&raw), shown)?,
            InputFormat::Markdown => {
                let printed = markdown::print(&raw);
                self.single(self.read_dump(Page::new(&printed.text).headed(printed.heading)), shown)?
            }
            InputFormat::Json => self.read_json(&raw, &shown)?,
            InputFormat::JsonLines => self.read_json_lines(&raw, &shown),
            InputFormat::Sgml => self.read_sgml(&raw, &shown),
        };
        for article in &mut result.articles {
            article.encoding.clone_from(&decoded.encoding);
        }
        Ok(result)
    }

    fn single(&self, draft: Draft, path: String) -> Result<FileResult> {
        let warnings = draft.warnings.iter().map(|w| format!("warning: {w}")).collect();
        let mut result = FileResult { warnings, ..FileResult::default() };
        let profile = self.profile_named(draft.outlet.as_deref());
        result.articles.push(self.finish(draft, profile, path)?);
        Ok(result)
    }

    fn read_dump(&self, page: Page) -> Draft {
        let page = page.assuming(self.zone);
        let profile = match &self.outlet {
            Some(name) => outlets::by_name(name).unwrap_or(outlets::GENERIC),
            None => outlets::detect(&page),
        };
        let generic = std::ptr::eq(profile, outlets::GENERIC);
        let mut draft = if generic && outlets::plain::looks_plain(&page) {
            outlets::plain::parse(&page)
        } else {
            profile.parse_dump(&page)
        };
        if draft.outlet.is_none() && !generic {
            draft.outlet = Some(profile.name().to_string());
        }
        if draft.outlet.is_none() {
            draft.outlet = draft.url.as_deref().and_then(|u| self.hosts.outlet_for_url(u));
        }
        draft
    }

    /// An HTML page's draft; for an outlet with a profile, the extracted text is read again
    /// as that outlet's page dump, so its datelines, end marks and lists come off too.
    fn read_html(&self, raw: &str) -> Draft {
        let mut draft = html::draft(raw, &self.hosts, self.zone);
        let profile = self.profile_named(draft.outlet.as_deref());
        if std::ptr::eq(profile, outlets::GENERIC) {
            return draft;
        }
        let page = Page::new(&format!("{}\n\n{}", draft.headline, draft.paragraphs.join("\n\n")))
            .assuming(self.zone);
        let dump = profile.parse_dump(&page);
        draft.paragraphs = dump.paragraphs;
        draft.dateline = draft.dateline.or(dump.dateline);
        draft.captions.extend(dump.captions);
        for tag in dump.tags {
            if !draft.tags.contains(&tag) {
                draft.tags.push(tag);
            }
        }
        if draft.authors.is_empty() {
            draft.authors = dump.authors;
        }
        draft
    }

    /// The profile for a known outlet name, else the generic one.
    fn profile_named(&self, name: Option<&str>) -> &'static dyn Outlet {
        self.outlet.as_deref().or(name).and_then(outlets::by_name).unwrap_or(outlets::GENERIC)
    }

    fn read_json(&self, raw: &str, path: &str) -> Result<FileResult> {
        let value: Value = serde_json::from_str(raw).context("invalid JSON")?;
        let records = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        let mut result = FileResult::default();
        let many = records.len() > 1;
        for (i, record) in records.iter().enumerate() {
            let place = if many { format!("{path}#{}", i + 1) } else { path.to_string() };
            match self.read_record(record, place, &format!("record {}", i + 1), &mut result.warnings) {
                Ok(a) => result.articles.push(a),
                Err(e) => result.errors.push(format!("record {}: {e:#}", i + 1)),
            }
        }
        result.warnings.iter_mut().for_each(|w| *w = format!("warning: {w}"));
        Ok(result)
    }

    /// Reads the wire stories of a Reuters-21578 SGML file, each as a Reuters dump dated by
    /// its `<DATE>`; a story is named `FILE#NEWID`.
    fn read_sgml(&self, raw: &str, path: &str) -> FileResult {
        let mut result = FileResult::default();
        let profile = self.profile_named(Some("Reuters"));
        for story in sgml::stories(raw) {
            let label = format!("story {}", story.id);
            let read = guarded(|| {
                let mut draft = profile.parse_dump(&Page::new(&story.text).assuming(self.zone));
                draft.outlet = Some(profile.name().to_string());
                draft.dateline = story.dateline.clone().or(draft.dateline);
                match story.date.as_deref().map(|d| dates::read(d, profile.zone().unwrap_or(self.zone))) {
                    Some(Ok(p)) => draft.published = Some(p),
                    Some(Err(e)) => result.warnings.push(format!("warning: {label}: {e}")),
                    None => {}
                }
                self.finish(draft, profile, format!("{path}#{}", story.id))
            });
            match read {
                Ok(a) => result.articles.push(a),
                Err(e) => result.errors.push(format!("{label}: {e:#}")),
            }
        }
        result
    }

    fn read_json_lines(&self, raw: &str, path: &str) -> FileResult {
        let lines = raw.lines().enumerate().map(|(i, l)| (i + 1, l));
        self.json_lines(lines, path)
    }

    /// Reads numbered JSON Lines (1-based numbers) of the file shown as `path`; blank
    /// lines are skipped, and a bad line is an error naming its number.
    pub fn json_lines<'a>(
        &self,
        lines: impl IntoIterator<Item = (usize, &'a str)>,
        path: &str,
    ) -> FileResult {
        let mut result = FileResult::default();
        for (n, line) in lines.into_iter().filter(|(_, l)| !l.trim().is_empty()) {
            if line.len() > MAX_ARTICLE_BYTES {
                result.errors.push(format!(
                    "line {n}: record too large ({} MB; at most {} MB)",
                    line.len() >> 20,
                    MAX_ARTICLE_BYTES >> 20
                ));
                continue;
            }
            let record = serde_json::from_str::<Value>(line).context("invalid JSON");
            let (place, label, warnings) = (format!("{path}#{n}"), format!("line {n}"), &mut result.warnings);
            match record.and_then(|r| guarded(|| self.read_record(&r, place, &label, warnings))) {
                Ok(a) => result.articles.push(a),
                Err(e) => result.errors.push(format!("line {n}: {e:#}")),
            }
        }
        result.warnings.iter_mut().for_each(|w| *w = format!("warning: {w}"));
        result
    }

    fn read_record(
        &self,
        record: &Value,
        path: String,
        label: &str,
        warnings: &mut Vec<String>,
    ) -> Result<Article> {
        let reader = records::Reader { fields: &self.fields, hosts: &self.hosts, zone: self.zone };
        let Some(draft) = reader.draft(record) else { bail!("not a JSON object") };
        warnings.extend(draft.warnings.iter().map(|w| format!("{label}: {w}")));
        let profile = self.profile_named(draft.outlet.as_deref());
        self.finish(draft, profile, path)
    }

    /// Whether a name the people extractor found is an outlet's: the article's own (`Vox`
    /// in Vox's articles, `Bloomberg` in Bloomberg's) unless the outlet is a person's
    /// column (`John Stossel`), or any outlet of two words or more the host table knows
    /// (`Mother Jones`, `Al Jazeera`). One-word names of other outlets stay, since they are
    /// often surnames too (`Bloomberg was in the race`).
    fn names_an_outlet(&self, person: &str, outlet: &str) -> bool {
        let own = person.eq_ignore_ascii_case(outlet) && !people::is_person_name(outlet);
        own || person.contains(' ') && self.hosts.knows_outlet(person)
    }

    /// Completes a draft: outlet name, dates, body (a second copy of it dropped), people and
    /// the stable id.
    fn finish(&self, mut draft: Draft, profile: &dyn Outlet, path: String) -> Result<Article> {
        if draft.headline.is_empty() && draft.paragraphs.is_empty() {
            bail!("no article text found");
        }
        outlets::repeats::drop_second_copy(&mut draft.paragraphs);
        let outlet = self.outlet.clone().or(draft.outlet).unwrap_or_else(|| profile.name().to_string());
        let authors = outlets::byline::in_usual_case(draft.authors);
        let mut people = people::extract(&draft.headline, &draft.paragraphs, &authors);
        people.retain(|p| !self.names_an_outlet(p, &outlet));
        let people = self.people_aliases.apply(people);
        let body = text::join_paragraphs(&draft.paragraphs);
        let mut article = Article {
            id: String::new(),
            path,
            outlet,
            url: draft.url,
            headline: draft.headline,
            tags: draft.tags,
            published: draft.published.map(|p| p.instant().to_rfc3339()),
            date: draft.published.map(|p| p.date().format("%Y-%m-%d").to_string()),
            dateline: draft.dateline,
            authors,
            section: draft.section,
            body,
            captions: draft.captions,
            people,
            encoding: "UTF-8".to_string(),
        };
        article.id = article_id(&article);
        Ok(article)
    }
}

/// A stable id: a hash of the article's URL when it has one, else of its content.
pub fn article_id(a: &Article) -> String {
    let key = match &a.url {
        Some(url) => url.clone(),
        None => format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            a.outlet,
            a.date.as_deref().unwrap_or(""),
            a.headline,
            a.body
        ),
    };
    format!("{:016x}", xxh3_64(key.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_is_an_error_of_that_read() {
        assert_eq!(guarded(|| Ok(3)).unwrap(), 3);
        let e = guarded::<()>(|| panic!("slice out of range")).unwrap_err();
        assert!(
            e.to_string().contains("internal error") && e.to_string().contains("slice out of range"),
            "{e}"
        );
        let owned = guarded::<()>(|| panic!("{} records", 2)).unwrap_err();
        assert!(owned.to_string().ends_with("2 records"), "{owned}");
    }
}
