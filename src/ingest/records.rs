//! JSON and JSON Lines records from crawlers, mapped onto a [`Draft`] by common field names.

use serde_json::{Map, Value};

use crate::article::Draft;
use crate::outlets::{self, hosts};
use crate::{dates, text};

/// Field names tried, in order, for each part of an article.
const HEADLINE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &[
    "maintext",
    "text",
    "content_original",
    "story_text",
    "body",
    "content",
    "article",
    "short_description",
    "description",
];
const DATE: &[&str] = &["date_publish", "published", "publish_date", "published_at", "pubDate", "date"];
const AUTHORS: &[&str] = &["authors", "author", "byline"];
const OUTLET: &[&str] = &["source_domain", "source", "outlet", "site_name", "publisher"];
const URL: &[&str] = &["url", "link", "canonical_url"];

/// Maps one JSON record onto a draft. `None` when it is not an object.
pub fn draft(record: &Value) -> Option<Draft> {
    let obj = record.as_object()?;
    let url = string_field(obj, URL);
    let outlet = string_field(obj, OUTLET)
        .map(|s| hosts::outlet_for_host(&s).map(str::to_string).unwrap_or(s))
        .or_else(|| url.as_deref().and_then(hosts::outlet_for_url).map(str::to_string));
    let profile = outlet.as_deref().and_then(outlets::by_name).unwrap_or(outlets::GENERIC);
    let tz = profile.utc_offset().unwrap_or_else(|| dates::offset_hours(0));
    let body = string_field(obj, BODY).unwrap_or_default();
    let mut draft = Draft {
        headline: text::squash(&text::normalize(&string_field(obj, HEADLINE).unwrap_or_default())),
        published: first_field(obj, DATE).and_then(|v| date_of(v, tz)),
        authors: first_field(obj, AUTHORS).map(authors_of).unwrap_or_default(),
        paragraphs: text::split_paragraphs(&paragraph_breaks(&text::normalize(&body))),
        outlet,
        url,
        ..Draft::default()
    };
    profile.clean_record(&mut draft);
    Some(draft)
}

fn first_field<'a>(obj: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().filter_map(|n| obj.get(*n)).find(|v| !v.is_null() && v.as_str() != Some(""))
}

fn string_field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    first_field(obj, names).and_then(|v| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn date_of(value: &Value, tz: chrono::FixedOffset) -> Option<crate::article::Published> {
    match value {
        Value::String(s) => dates::parse(s, tz),
        Value::Number(n) => dates::parse(&n.to_string(), tz),
        _ => None,
    }
}

fn authors_of(value: &Value) -> Vec<String> {
    let names: Vec<String> = match value {
        Value::String(s) => crate::outlets::split_names(s),
        Value::Array(items) => {
            items.iter().filter_map(Value::as_str).flat_map(crate::outlets::split_names).collect()
        }
        _ => Vec::new(),
    };
    names.into_iter().filter(|n| !is_agency(n)).collect()
}

/// Wire-agency suffixes in bylines (`Carla K. Johnson, AP`): short all-capital words.
fn is_agency(name: &str) -> bool {
    name.len() <= 5 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Records often keep one paragraph per line: treat single line breaks as paragraph breaks.
fn paragraph_breaks(body: &str) -> String {
    body.replace('\n', "\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn maps_newsplease_shape() {
        let d = draft(&json!({
            "title": "A title", "maintext": "First.\nSecond.", "date_publish": "2019-08-20 10:00:00",
            "authors": ["Jane Doe"], "source_domain": "en.yna.co.kr", "url": "https://en.yna.co.kr/view/1"
        }))
        .unwrap();
        assert_eq!(d.headline, "A title");
        assert_eq!(d.paragraphs, vec!["First.", "Second."]);
        assert_eq!(d.outlet.as_deref(), Some("Yonhap"));
        assert_eq!(d.authors, vec!["Jane Doe"]);
        assert_eq!(d.published.unwrap().instant().to_rfc3339(), "2019-08-20T10:00:00+09:00");
    }

    #[test]
    fn maps_huffpost_shape_and_drops_agency() {
        let d = draft(&json!({
            "link": "https://www.huffpost.com/entry/x", "headline": "H", "short_description": "S.",
            "authors": "Carla K. Johnson, AP", "date": "2022-09-23"
        }))
        .unwrap();
        assert_eq!(d.outlet.as_deref(), Some("HuffPost"));
        assert_eq!(d.authors, vec!["Carla K. Johnson"]);
    }

    #[test]
    fn non_objects_are_not_records() {
        assert!(draft(&json!([1, 2])).is_none());
    }
}
