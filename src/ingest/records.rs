//! JSON and JSON Lines records from crawlers, mapped onto a [`Draft`] by common field names.

use serde_json::{Map, Value};

use crate::article::{Draft, Published};
use crate::dates::{self, Zone};
use crate::outlets::byline::{self, Byline};
use crate::outlets::hosts::HostTable;
use crate::outlets::{self};
use crate::text;

/// Field names tried, in order, for each part of an article.
const HEADLINE: &[&str] = &["title", "headline"];
/// A crawler's untouched text (`content_original`) comes before its tokenized copy.
const BODY: &[&str] = &[
    "maintext",
    "text",
    "content_original",
    "content",
    "story_text",
    "body",
    "article",
    "short_description",
    "description",
];
const DATE: &[&str] = &[
    "date_publish",
    "published",
    "publish_date",
    "published_at",
    "datePublished",
    "pubDate",
    "date",
    "timestamp",
];
const AUTHORS: &[&str] = &["authors", "author", "byline", "creator"];
const OUTLET: &[&str] = &["source_domain", "source", "outlet", "site_name", "publisher", "source_url"];
const URL: &[&str] = &["url", "link", "canonical_url"];

/// The parts of an article a record field can be mapped to with `--map`.
const PARTS: &[&str] = &["headline", "body", "date", "authors", "outlet", "url"];

/// Record fields named by the user (`--map headline=FIELD,body=FIELD,...`), tried before
/// the usual names. A FIELD may be a dotted path into nested objects (`meta.title`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    fields: Vec<(String, String)>,
}

impl std::str::FromStr for FieldMap {
    type Err = String;

    fn from_str(s: &str) -> Result<FieldMap, String> {
        let mut fields = Vec::new();
        for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((part, field)) = pair.split_once('=') else {
                return Err(format!("bad --map entry {pair:?}: expected PART=FIELD"));
            };
            let part = match part.trim().to_ascii_lowercase().as_str() {
                "title" => "headline".to_string(),
                "text" | "content" => "body".to_string(),
                "author" | "byline" => "authors".to_string(),
                "published" | "time" => "date".to_string(),
                "source" | "site" => "outlet".to_string(),
                other => other.to_string(),
            };
            if !PARTS.contains(&part.as_str()) || field.trim().is_empty() {
                return Err(format!("bad --map entry {pair:?}: PART is one of {}", PARTS.join(", ")));
            }
            fields.push((part, field.trim().to_string()));
        }
        Ok(FieldMap { fields })
    }
}

impl FieldMap {
    /// Merges another map's entries after this one's.
    pub fn extend(&mut self, other: FieldMap) {
        self.fields.extend(other.fields);
    }

    fn for_part<'a>(&'a self, part: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields.iter().filter(move |(p, _)| p == part).map(|(_, f)| f.as_str())
    }
}

/// Reads records with the run's field map, host table and assumed time zone.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    pub fields: &'a FieldMap,
    pub hosts: &'a HostTable,
    pub zone: Zone,
}

impl Reader<'_> {
    /// Maps one JSON record onto a draft. `None` when it is not an object.
    pub fn draft(&self, record: &Value) -> Option<Draft> {
        let obj = record.as_object()?;
        let url = self.string(obj, "url", URL);
        let outlet = self.outlet(obj, url.as_deref());
        let profile = outlet.as_deref().and_then(outlets::by_name).unwrap_or(outlets::GENERIC);
        let zone = profile.zone().unwrap_or(self.zone);
        let body = self.string(obj, "body", BODY).unwrap_or_default();
        let mut draft = Draft {
            headline: text::squash(&text::normalize(
                &self.string(obj, "headline", HEADLINE).unwrap_or_default(),
            )),
            // Records often keep one paragraph per line, and scraped ones the name cards
            // a page shows on hover.
            paragraphs: text::split_lines(&outlets::hover::without_cards(&text::detokenize(
                &text::normalize(&body),
            ))),
            outlet,
            url,
            ..Draft::default()
        };
        if let Some(value) = self.first(obj, "date", DATE) {
            match date_of(value, zone) {
                Ok(p) => draft.published = Some(p),
                Err(e @ dates::DateError::Implausible(_)) => draft.warnings.push(e.to_string()),
                Err(_) => {}
            }
        }
        if let Some(value) = self.first(obj, "authors", AUTHORS) {
            let mut by = byline_of(value);
            if by.authors.len() >= HARVEST {
                by.authors.truncate(1);
            }
            draft.authors = by.authors;
            draft.tags.extend(by.agencies);
        }
        outlets::furniture::strip(&mut draft);
        profile.clean_record(&mut draft);
        Some(draft)
    }

    /// The outlet: a known host (from a host-like field, the source field or the URL) wins
    /// over a source name, which wins over an unknown host (see [`HostTable::outlet_of`]).
    fn outlet(&self, obj: &Map<String, Value>, url: Option<&str>) -> Option<String> {
        let named = self.string(obj, "outlet", OUTLET);
        let host_fields: Vec<&str> =
            HOST_FIELDS.iter().filter_map(|f| obj.get(*f).and_then(Value::as_str)).map(str::trim).collect();
        let known =
            host_fields.iter().copied().chain(named.as_deref()).find_map(|h| self.hosts.outlet_for_host(h));
        let address = url.map(str::to_string).or_else(|| {
            let host = host_fields.iter().find(|h| !h.is_empty())?;
            Some(if host.contains("://") { host.to_string() } else { format!("https://{host}") })
        });
        known.or_else(|| self.hosts.outlet_of(address.as_deref(), named.as_deref()))
    }

    fn first<'v>(&self, obj: &'v Map<String, Value>, part: &str, names: &[&str]) -> Option<&'v Value> {
        let usable = |v: &&Value| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty());
        let mapped = self.fields.for_part(part).filter_map(|path| lookup(obj, path)).find(usable);
        mapped.or_else(|| names.iter().filter_map(|n| obj.get(*n)).find(usable))
    }

    fn string(&self, obj: &Map<String, Value>, part: &str, names: &[&str]) -> Option<String> {
        self.first(obj, part, names).and_then(|v| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(items) => {
                let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                (!parts.is_empty()).then(|| parts.join("\n\n"))
            }
            _ => None,
        })
    }
}

/// Fields that hold the outlet's host rather than its name.
const HOST_FIELDS: &[&str] = &["source_domain", "source_url", "domain", "hostname"];

/// A field by dotted path (`meta.title`), or by its plain name.
fn lookup<'v>(obj: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    if let Some(v) = obj.get(path) {
        return Some(v);
    }
    let mut parts = path.split('.');
    let mut value = obj.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

fn date_of(value: &Value, zone: Zone) -> Result<Published, dates::DateError> {
    match value {
        Value::String(s) => dates::read(s, zone),
        Value::Number(n) => dates::read(&n.to_string(), zone),
        _ => Err(dates::DateError::Unreadable),
    }
}

/// How many names make a record's authors field a harvest rather than a byline: crawlers
/// that collect every author link on the page (the byline, then the "most read" and "more
/// from" lists) store five or more, the byline's first; a byline that long is rare (6 of
/// 10,000 HuffPost records). Of such lists in the AllSides sample's Townhall records, whose
/// URLs name the writer, the first name is the writer in 653 of 683 and no name is in the
/// other 30.
const HARVEST: usize = 5;

fn byline_of(value: &Value) -> Byline {
    let mut by = Byline::default();
    match value {
        Value::String(s) => by = byline::parse(s),
        Value::Array(items) => {
            for item in items {
                let name = item.as_str().or_else(|| item.get("name").and_then(Value::as_str));
                if let Some(name) = name {
                    by.merge(byline::parse(name));
                }
            }
        }
        Value::Object(o) => by = o.get("name").and_then(Value::as_str).map(byline::parse).unwrap_or_default(),
        _ => {}
    }
    by
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn draft(record: Value) -> Draft {
        let (fields, hosts) = (FieldMap::default(), HostTable::default());
        Reader { fields: &fields, hosts: &hosts, zone: Zone::default() }.draft(&record).unwrap()
    }

    #[test]
    fn maps_newsplease_shape() {
        let d = draft(json!({
            "title": "A title", "maintext": "First.\nSecond.", "date_publish": "2019-08-20 10:00:00",
            "authors": ["Jane Doe"], "source_domain": "en.yna.co.kr", "url": "https://en.yna.co.kr/view/1"
        }));
        assert_eq!(d.headline, "A title");
        assert_eq!(d.paragraphs, vec!["First.", "Second."]);
        assert_eq!(d.outlet.as_deref(), Some("Yonhap"));
        assert_eq!(d.authors, vec!["Jane Doe"]);
        assert_eq!(d.published.unwrap().instant().to_rfc3339(), "2019-08-20T10:00:00+09:00");
    }

    #[test]
    fn five_names_or_more_are_a_harvest_of_the_page_and_the_first_is_the_byline() {
        let authors = |names: &str| draft(json!({"title": "T", "text": "B.", "authors": names})).authors;
        assert_eq!(
            authors("Ann Lee, Bo Park, Cy Ruiz, Di Moss"),
            ["Ann Lee", "Bo Park", "Cy Ruiz", "Di Moss"]
        );
        assert_eq!(authors("Ann Lee, Bo Park, Cy Ruiz, Di Moss, Ed Fox"), ["Ann Lee"]);
    }

    #[test]
    fn maps_huffpost_shape_and_tags_the_agency() {
        let d = draft(json!({
            "link": "https://www.huffpost.com/entry/x", "headline": "H", "short_description": "S.",
            "authors": "Carla K. Johnson, AP", "date": "2022-09-23"
        }));
        assert_eq!(d.outlet.as_deref(), Some("HuffPost"));
        assert_eq!(d.authors, vec!["Carla K. Johnson"]);
        assert_eq!(d.tags, vec!["AP"]);
    }

    #[test]
    fn maps_allsides_shape_by_host_before_source_name() {
        let d = draft(json!({
            "source": "Ezra Klein", "source_url": "www.npr.org", "url": "http://www.npr.org/x",
            "title": "Poll", "date": "2014-05-06", "authors": "Anya Kamenetz",
            "content": "There 's plenty of anxiety , he said .\nSecond line ."
        }));
        assert_eq!(d.outlet.as_deref(), Some("NPR"));
        assert_eq!(d.paragraphs, vec!["There's plenty of anxiety, he said.", "Second line."]);
    }

    #[test]
    fn maps_kcna_shape_with_epoch_millis_and_dateline() {
        let d = draft(json!({
            "headline": "H", "link": "http://www.kcna.kp/en/article/q/x.kcmsf", "date": 1720915200000_u64,
            "story_text": "Pyongyang, July 14 (KCNA) -- Kim Yo Jong said.\nMore. -0-"
        }));
        assert_eq!(d.outlet.as_deref(), Some("KCNA"));
        assert_eq!(d.dateline.as_deref(), Some("Pyongyang"));
        assert_eq!(d.paragraphs, vec!["Kim Yo Jong said.", "More."]);
        assert_eq!(d.published.unwrap().instant().to_rfc3339(), "2024-07-14T09:00:00+09:00");
    }

    #[test]
    fn user_map_wins_and_reaches_nested_fields() {
        let fields: FieldMap = "headline=meta.hl, body=story,authors=writer".parse().unwrap();
        let hosts = HostTable::default();
        let reader = Reader { fields: &fields, hosts: &hosts, zone: Zone::default() };
        let d = reader
            .draft(
                &json!({"title": "ignored", "meta": {"hl": "Mapped"}, "story": "Body.", "writer": "By A B"}),
            )
            .unwrap();
        assert_eq!((d.headline.as_str(), d.paragraphs.len()), ("Mapped", 1));
        assert_eq!(d.authors, vec!["A B"]);
        assert!("colour=x".parse::<FieldMap>().is_err());
        assert!("headline".parse::<FieldMap>().is_err());
    }

    #[test]
    fn impossible_dates_are_dropped_with_a_warning() {
        let d = draft(json!({"title": "T", "text": "B.", "date": "2050-01-01"}));
        assert!(d.published.is_none());
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        let d = draft(json!({"title": "T", "text": "B.", "date": "soon"}));
        assert!(d.published.is_none() && d.warnings.is_empty());
    }

    #[test]
    fn assumed_zone_applies_to_unknown_outlets() {
        let (fields, hosts) = (FieldMap::default(), HostTable::default());
        let zone: Zone = "America/New_York".parse().unwrap();
        let d = Reader { fields: &fields, hosts: &hosts, zone }
            .draft(&json!({"title": "T", "text": "B.", "date": "2020-07-08 18:19"}))
            .unwrap();
        assert_eq!(d.published.unwrap().instant().to_rfc3339(), "2020-07-08T18:19:00-04:00");
    }

    #[test]
    fn non_objects_are_not_records() {
        let (fields, hosts) = (FieldMap::default(), HostTable::default());
        assert!(Reader { fields: &fields, hosts: &hosts, zone: Zone::default() }
            .draft(&json!([1, 2]))
            .is_none());
    }
}
