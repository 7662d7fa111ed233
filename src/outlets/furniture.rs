//! Page furniture left in the body of a structured record: crawlers export the text of
//! the whole article container, so slots and widgets come with the prose (`ADVERTISEMENT`,
//! `Story Continued Below`, `Slideshow (4 Images)`, `Follow @politico`, `6 years ago`,
//! newsletter prompts, `READ MORE:` and the related headlines under it, reprint notices, a
//! byline or the outlet's name printed over the text, photo credits).
//!
//! A record has no page layout to read, so only paragraphs that are nothing but furniture
//! go: each is matched whole (a sentence of prose that mentions a newsletter stays), and a
//! prompt only when it is short. Photo captions move to the draft's captions.

use std::sync::LazyLock;

use regex::Regex;

use super::byline;
use crate::article::Draft;

/// A paragraph that is a slot, label or widget of the page, read whole.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
        # advertising slots and the notes around them
        advertisements?:?|ads?:?|sponsored(?:\ content)?|story\ continue[sd]\ below|continue\ reading\ below|
        (?:advertisement\ )?continue\ reading\ the\ main\ story|article\ continues\ (?:below|after\ (?:this\ )?advertisement)|
        \[pullquote\]|close|
        # what stands in for media
        photos?|videos?|images?|audio|graphic|youtube|loading(?:\.{3}|…)?|slideshow\ \(\d+\ images?\)|
        media\ playback\ is\ unsupported\ on\ your\ device|
        # sharing and following
        share|tweet|e-?mail|print|whatsapp|pocket|reddit|facebook|twitter|linkedin|pinterest|link\ copied|copy\ link|
        share\ this(?:\ article|\ story|\ post)?:?(?:\s+(?:share|tweet|post|e-?mail|print|pocket|whatsapp|facebook|twitter))*|
        follow\ @\w+|follow\ (?:us|me|him|her|\w+(?:\ \w+)?)\ on\ (?:twitter|facebook|instagram)(?::?\ @\w+)?\.?|
        like\ us\ on\ facebook\.?|subscribe\ to\ our\ (?:youtube\ channel|podcast)(?:\ (?:at|on)\ [\w\ ]{1,20})?\.?|
        click\ here\ to\ (?:get|download)\ the\ [\w\ ]{1,40}\ app\.?|
        # when the page was printed, relative to the crawl
        \d+\ (?:minutes?|hours?|days?|weeks?|months?|years?)\ ago|this\ article\ is\ more\ than\ \d+\ (?:days?|weeks?|months?|years?)\ old|
        # labels over a link list, an embed or a kind of piece, and section rules
        read\ more:?|more:|more\ on\ this(?:\.{3}|…)?|related(?:\ (?:articles|stories|coverage|content))?:|watch:|listen:|
        full\ coverage:.{1,60}|(?:analysis/)?opinion:|analysis:|commentary:|\((?:photos?|videos?|pictures?):\ [^()]{1,100}\)|
        [_*=\-–—\ ]{3,}
        )$",
    )
    .expect("valid regex")
});

/// A label after which the page listed other stories' headlines.
static LINK_LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read\ more|more|related(?:\ (?:articles|stories|coverage|content))?)\s*:$")
        .expect("valid regex")
});

/// A sign-up prompt: a subscribing verb and a newsletter or inbox, close together.
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:sign\ up|signing\ up|subscribe)(?-u:\b).{0,80}(?-u:\b)(?:newsletters?|inbox)(?-u:\b)
        |(?-u:\b)newsletters?\ sign[-\ ]?up(?-u:\b)|(?-u:\b)manage\ newsletters(?-u:\b)|delivered\ (?:straight\ )?to\ your\ inbox",
    )
    .expect("valid regex")
});

/// A copyright or reprint notice: `Copyright © 2019 …`, `© 2018 Tribune Content Agency`;
/// an enumerated clause `(c) The authority …` and a label `Copyright: …` are prose.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:copyright\s*(?:©|\(c\))?\s*(?:(?:19|20)\d\d|by\s|the\s|creators)|©|\(c\)\s*(?:19|20)\d\d)
        |all\ rights\ reserved",
    )
    .expect("valid regex")
});

/// A photo credit closing a caption, `(Photo: Jane Doe, AP)`, or a caption's lead-in; a
/// link's title in brackets (`(PICTURES: Berlin A Guarded Ghost Town As People Fear More)`)
/// is longer than a credit.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\((?:photo|photograph|image|picture)s?(?::|\ by)\ [^\s():]+(?:\ [^\s():]+){0,6}\)$
        |^(?:image\ caption|toggle\ caption|enlarge\ this\ image|image\ copyright|picture\ caption)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Longest prompt or notice dropped, in words: a longer paragraph is prose about
/// newsletters or rights, or a notice with the text run on after it.
const SHORT_WORDS: usize = 40;
/// Most related headlines read under a link list's label.
const LISTED: usize = 6;
/// Longest related headline, in words.
const LISTED_WORDS: usize = 15;
/// How many paragraphs at the top may be a byline or the outlet's name.
const TOP: usize = 3;

/// Removes furniture from a record's body, moving photo captions to the captions.
pub fn strip(draft: &mut Draft) {
    let paragraphs = std::mem::take(&mut draft.paragraphs);
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut listed = 0;
    for (i, p) in paragraphs.into_iter().enumerate() {
        if listed > 0 && is_listed_headline(&p) {
            listed -= 1;
            continue;
        }
        listed = if LINK_LIST_LABEL.is_match(p.trim()) { LISTED } else { 0 };
        let masthead = i < TOP && kept.is_empty() && is_masthead(&p, draft);
        if CAPTION.is_match(p.trim()) {
            draft.captions.push(p);
        } else if !(masthead || is_furniture(&p)) {
            kept.push(p);
        }
    }
    draft.paragraphs = kept;
}

/// Whether a whole paragraph is page furniture.
pub fn is_furniture(p: &str) -> bool {
    let p = p.trim().trim_start_matches(['-', '•', '*', '–', '—']).trim_start();
    let short = || p.split_whitespace().count() <= SHORT_WORDS;
    FURNITURE.is_match(p) || ((COPYRIGHT.is_match(p) || PROMPT.is_match(p)) && short())
}

/// A headline in a list of related stories: short and no sentence.
fn is_listed_headline(p: &str) -> bool {
    let p = p.trim();
    p.split_whitespace().count() <= LISTED_WORDS && !p.ends_with(['.', '!', '?', '"', '”', ':'])
}

/// A paragraph over the text that is the outlet's name or a byline of the record's
/// writers (`USA TODAY`, `By Jane Doe and John Roe`).
fn is_masthead(p: &str, draft: &Draft) -> bool {
    let p = p.trim();
    if draft.outlet.as_deref().is_some_and(|o| o.eq_ignore_ascii_case(p)) {
        return true;
    }
    let Some(line) = byline::parse_line(p) else { return false };
    !draft.authors.is_empty()
        && line.authors.iter().all(|a| draft.authors.iter().any(|w| w.eq_ignore_ascii_case(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(outlet: &str, authors: &[&str], paragraphs: &[&str]) -> Draft {
        let mut draft = Draft {
            outlet: Some(outlet.to_string()),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Draft::default()
        };
        strip(&mut draft);
        draft
    }

    #[test]
    fn slots_widgets_and_labels_go_and_prose_stays() {
        let d = stripped(
            "Daily Example",
            &[],
            &[
                "The council voted on Tuesday to close the old bridge.",
                "ADVERTISEMENT",
                "Story Continued Below",
                "Slideshow (4 Images)",
                "- Follow the Ticker on Twitter: @ExampleTicker",
                "Follow @dailyexample",
                "6 years ago",
                "CLICK HERE TO GET THE DAILY EXAMPLE APP",
                "Sign up for Daily Newsletters Manage Newsletters",
                "Copyright © 2019 Daily Example, LLC. Click here for reprint permission.",
                "___",
                "Residents can sign up for email updates about the works, the mayor said.",
                "(c) The order ends when the office falls vacant.",
                "(PHOTOS: The council's year)",
                "Share",
            ],
        );
        assert_eq!(
            d.paragraphs,
            vec![
                "The council voted on Tuesday to close the old bridge.",
                "Residents can sign up for email updates about the works, the mayor said.",
                "(c) The order ends when the office falls vacant."
            ]
        );
    }

    #[test]
    fn a_link_list_goes_with_its_label_but_the_prose_after_it_stays() {
        let d = stripped(
            "Daily Example",
            &[],
            &[
                "First paragraph of the story.",
                "READ MORE:",
                "Why the Bridge Matters",
                "Council Races to Watch",
                "The works start in May.",
            ],
        );
        assert_eq!(d.paragraphs, vec!["First paragraph of the story.", "The works start in May."]);
    }

    #[test]
    fn the_outlet_name_and_a_byline_over_the_text_go() {
        let d = stripped(
            "Daily Example",
            &["Jane Doe", "John Roe"],
            &["By Jane Doe and John Roe", "DAILY EXAMPLE", "CHICAGO — The council met.", "Daily Example"],
        );
        assert_eq!(d.paragraphs, vec!["CHICAGO — The council met.", "Daily Example"]);
    }

    #[test]
    fn a_byline_of_other_writers_stays() {
        let d = stripped("Daily Example", &["Jane Doe"], &["By Mary Major", "The council met."]);
        assert_eq!(d.paragraphs, vec!["By Mary Major", "The council met."]);
    }

    #[test]
    fn captions_move_to_the_captions() {
        let d = stripped(
            "Daily Example",
            &[],
            &[
                "A bridge over the river in May. (Photo: Jane Doe, Daily Example)",
                "The council met. (PICTURES: The Old Bridge Stands Empty As People Fear More Rain)",
            ],
        );
        assert_eq!(
            d.paragraphs,
            vec!["The council met. (PICTURES: The Old Bridge Stands Empty As People Fear More Rain)"]
        );
        assert_eq!(d.captions, vec!["A bridge over the river in May. (Photo: Jane Doe, Daily Example)"]);
    }

    #[test]
    fn a_long_paragraph_about_newsletters_is_prose() {
        let long = "The company said it would ask readers to subscribe to a paid newsletter, a plan that \
                    drew criticism from staff who argued that the free edition had built the audience over \
                    two decades and that moving it behind a wall would cost the paper its reach in the city.";
        assert!(!is_furniture(long));
        assert!(is_furniture("Get the Example stories you care about delivered to your inbox."));
    }
}
