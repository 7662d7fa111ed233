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
        (?:advertisements?:?\ ?)+|ads?:?|sponsored(?:\ content)?|story\ continue[sd]\ below|continue\ reading\ below|
        (?:advertisement\ )?continue\ reading\ the\ main\ story|article\ continues\ (?:below|after\ (?:this\ )?advertisement)|
        \[pullquote\]|close|
        # what stands in for media
        photos?|videos?|images?|audio|graphic|youtube|loading(?:\.{3}|…)?|slideshow\ \(\d+\ images?\)|
        media\ playback\ is\ unsupported\ on\ your\ device|
        # sharing and following
        share|tweet|e-?mail|print|whatsapp|pocket|reddit|facebook|twitter|linkedin|pinterest|link\ copied|copy\ link|
        share\ this(?:\ article|\ story|\ post)?:?(?:\s+(?:share|tweet|post|e-?mail|print|pocket|whatsapp|facebook|twitter))*|
        (?:follow\ @\w+\ ?)+|follow\ (?:us|me|him|her|\w+(?:\ \w+)?)\ on\ (?:twitter|facebook|instagram)(?::?\ @\w+)?\.?|
        like\ us\ on\ facebook\.?|subscribe\ to\ our\ (?:youtube\ channel|podcast)(?:\ (?:at|on)\ [\w\ ]+)?\.?|
        click\ here\ to\ (?:get|download)\ the\ [\w\ ]+\ app\.?|get\ the\ [\w\ ]+\ app!?|
        visit\ [^.!?]+\ homepage\ for\ more\ stories\.?|
        # a plea for the outlet's money, over the text of one
        support\ [^.!?]+\ journalism|
        # when the page was printed, relative to the crawl
        \d+\ (?:minutes?|hours?|days?|weeks?|months?|years?)\ ago|this\ article\ is\ more\ than\ \d+\ (?:days?|weeks?|months?|years?)\ old|
        # labels over a link list, an embed or a kind of piece (section rules: see `is_rule`)
        read\ more:?|more:|more\ on\ this(?:\.{3}|…)?|related(?:\ (?:articles|stories|coverage|content))?:|watch:|listen:|
        full\ coverage:.+|(?:analysis/)?opinion:|analysis:|commentary:|\(\ ?(?:photos?|videos?|pictures?):\ [^()]+\)|
        (?:photos|pictures|videos?|gallery):\ [^.!?]+|editor[’']s\ note:|urgent:|
        (?:prev(?:ious)?\ |next\ )?image\ \d+\ of\ \d+
        )$",
    )
    .expect("valid regex")
});

/// A bullet before a paragraph's words (`- Follow …`, `• Jane Doe can be reached …`).
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-•*–—]\s+").expect("valid regex"));

/// A writer's standing printed under the byline.
static STANDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:opinion\ contributor|guest\ (?:columnist|contributor)|special\ (?:for|to)\ [\w\ .]{2,}|staff\ (?:writer|reporter))$")
        .expect("valid regex")
});

/// A link that asks to be clicked: `CLICK HERE FOR THE … APP`, `Click for more from …`,
/// `Don't see the graphic above? Click here.` (asked of short paragraphs only).
static CLICK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^click\ (?:here\ )?(?:to|for)(?-u:\b)|(?-u:\b)click(?:ing)?\ here[.!]?$")
        .expect("valid regex")
});

/// A sign-up form's small print: only a form says this, at whatever length.
const FORM_PHRASES: &[&str] = &[
    "signing up, you agree",
    "signing up you agree",
    "you're not a robot",
    "you’re not a robot",
    "nvalid email address",
    "nvalid Email Address",
    "reCAPTCHA",
    "by recaptcha",
    "hank you for signing up",
    "hanks for signing up",
    "occasional promotional offers",
];

/// A label after which the page listed other stories' headlines.
static LINK_LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read\ more|more|related(?:\ (?:articles|stories|coverage|content))?)\s*:$")
        .expect("valid regex")
});

/// A sign-up prompt: a subscribing verb, then a newsletter or inbox (asked of short
/// paragraphs only, so the two are close together).
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:sign\ up|signing\ up|subscribe)(?-u:\b).*(?-u:\b)(?:newsletters?|inbox)(?-u:\b)
        |(?-u:\b)(?:newsletters?|inbox)(?-u:\b).*(?-u:\b)sign\ up(?-u:\b)
        |(?-u:\b)newsletters?\ sign[-\ ]?up(?-u:\b)|(?-u:\b)manage\ newsletters(?-u:\b)
        |delivered\ (?:[a-z]+\ )?to\ your\ inbox|(?-u:\b)(?:get|want)(?-u:\b).*\ (?:in|to)\ your\ inbox(?-u:\b)",
    )
    .expect("valid regex")
});

/// A prompt that opens with its verb: `Sign up for the morning briefing`, `Subscribe on
/// Apple Podcasts …`, `Follow CNN Opinion on Twitter`, `Join us on Facebook.com/…`, `Like
/// … on Facebook here`, `Download the … app` (asked of short paragraphs only).
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\(?\s*(?:sign\ up\ (?:for|to|here)|subscribe\ (?:to|on|now|for|here|today)|join\ us\ on
        |download\ the\ |stay\ up\ to\ date\ with\ the\ |(?:follow|like)\ [^.!?]*\ on\ (?:twitter|facebook|instagram))(?-u:\b)",
    )
    .expect("valid regex")
});

/// A line asking for tips or letters by e-mail: `Got a TIP …? Email …@…`, `Contact us at
/// editors@…`, `Send letters to letters@…` (asked of short paragraphs holding an e-mail
/// address).
static TIP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)tips?(?-u:\b)|^(?:contact\ us|e-?mail\ us|write\ to\ us|send\ (?:us\ )?(?:letters|tips))(?-u:\b)")
        .expect("valid regex")
});

/// An e-mail address (`letters@suntimes.com`, `kevin@ dailycallernewsfoundation.org` as
/// crawlers split it), not a handle (`@CBCNews`) of an embedded post.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9_]@\ ?[A-Za-z0-9_][-.A-Za-z0-9_]*\.[A-Za-z]").expect("valid regex")
});

/// A syndication or reprint notice: `Content created by … is available without charge to
/// any eligible news publisher … For licensing opportunities …`, `Reprinted from … with
/// permission`.
static REPRINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)for\ licensing\ opportunities|^reprinted\ (?:from|with\ permission)(?-u:\b)")
        .expect("valid regex")
});

/// A plea for the reader's money: it asks for support, a contribution, a gift or a
/// membership, for the outlet's journalism, of `you` (asked of paragraphs of up to
/// [`APPEAL_WORDS`] words holding `journalism` or `our work`).
static APPEAL_ASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:support|contribution|donat|gift|chip\ in|reader[-\ ]supported|become\ a\ (?:member|subscriber))")
        .expect("valid regex")
});
static APPEAL_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:our|independent|explanatory)\ journalism(?-u:\b)|(?-u:\b)our\ work(?-u:\b)")
        .expect("valid regex")
});
static APPEAL_YOU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)your?(?-u:\b)").expect("valid regex"));

/// A card linking a related story, its headline then `Read more` (`Can the US break its
/// cycle of gun control failure? Read more`; asked of paragraphs up to [`CARD_BYTES`]).
static STORY_CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\S\s+read\ more\s*[.:…»›>]*$").expect("valid regex"));

/// A video player's card: `JUST WATCHED Title Replay More Videos ... MUST WATCH Title 01:51`.
static VIDEO_CARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^just\ watched\ .*(?-u:\b)replay\ more\ videos(?-u:\b)").expect("valid regex")
});

/// A copyright, reprint or disclaimer notice: `Copyright © 2019 …`, `© 2018 Tribune Content
/// Agency`, `The opinions expressed by columnists are their own …`; an enumerated clause
/// `(c) The authority …` and a label `Copyright: …` are prose. Anchored, so only the
/// paragraph's start is read; `all rights reserved` anywhere is [`RIGHTS`].
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:copyright\s*(?:©|\(c\))?\s*(?:(?:19|20)\d\d|by\s|the\s|creators)|©|\(c\)\s*(?:19|20)\d\d
        |(?:the\ )?(?:views|opinions)\ expressed\ (?:by|in|here)(?-u:\b))",
    )
    .expect("valid regex")
});

static RIGHTS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)rights reserved").expect("valid regex"));

/// A photo credit closing a caption, read from the last `(`: `(Photo: Jane Doe, AP)` or an
/// agency's `(AP Photo/Jane Doe, File)`, `(Reuters photo: Jane Doe)`. A link's title in
/// brackets (`(PICTURES: Berlin A Guarded Ghost Town As People Fear More)`) is longer than a
/// credit.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\((?:
        (?i:photo|photograph|image|picture)s?(?::|\ (?i:by))\ [^\s():]+(?:\ [^\s():]+){0,6}
        |(?:[A-Z]{2,}|Reuters|Getty\ Images|Getty)\ (?i:photo|photograph)s?(?:/|:\ )[^()/:]{2,60}
        )\)$",
    )
    .expect("valid regex")
});

/// A photographer and agency closing a caption, `(Jane Doe/Reuters)`, `(Jane Doe/Example
/// Journal via AP)`: asked only after a full stop or alone, since prose can end in a
/// choice of names (`… bid for the grant (New York/New Jersey)`).
static PHOTOGRAPHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((?:[A-Z][\w.'’-]*\ ){1,3}[A-Z][\w.'’-]*/[A-Z][^()/]{1,50}\)$").expect("valid regex")
});

/// A caption's lead-in: `Image caption …`, `Enlarge this image toggle caption …`.
static CAPTION_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:image\ caption|toggle\ caption|enlarge\ this\ image|image\ copyright|picture\ caption)(?-u:\b)")
        .expect("valid regex")
});

/// Longest prompt or notice dropped, in words: a longer paragraph is prose about
/// newsletters or rights, or a notice with the text run on after it.
const SHORT_WORDS: usize = 40;
/// Most related headlines read under a link list's label.
const LISTED: usize = 6;
/// Longest related headline, in words.
const LISTED_WORDS: usize = 15;
/// Longest paragraph of [`SHORT_WORDS`] words, in bytes.
const SHORT_BYTES: usize = 800;
/// Longest link asking to be clicked, in bytes.
const CLICK_BYTES: usize = 100;
/// Longest writer's standing or outlet name under a byline, in bytes.
const STAMP_BYTES: usize = 60;
/// Longest plea for money dropped, in words.
const APPEAL_WORDS: usize = 150;
/// Longest link asking to be clicked by its end (`… Click here.`), in bytes.
const CLICK_END_BYTES: usize = 160;
/// Longest related story's card, in bytes: a headline and its `Read more`.
const CARD_BYTES: usize = 200;
/// Longest sign-up form dropped, in words.
const FORM_WORDS: usize = 120;
/// Longest paragraph that can be furniture, in bytes: a form of [`FORM_WORDS`] words.
const FORM_BYTES: usize = 2000;
/// Longest paragraph [`FURNITURE`] is asked of, in bytes: its slots and labels are short
/// (`(PHOTOS: …)` and `Full Coverage: …` with a title), so its patterns leave lengths open.
const LABEL_BYTES: usize = 150;
/// Longest paragraph read as a byline, in bytes: 160 characters of up to four bytes.
const BYLINE_BYTES: usize = 640;
/// How many paragraphs at the top may be a byline or the outlet's name.
const TOP: usize = 3;

/// Removes furniture from a record's body, moving photo captions to the captions. A byline
/// over the text gives the record its authors when it has none.
pub fn strip(draft: &mut Draft) {
    let paragraphs = std::mem::take(&mut draft.paragraphs);
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut listed = 0;
    let mut paragraphs = paragraphs.into_iter().enumerate().peekable();
    while let Some((i, p)) = paragraphs.next() {
        if listed > 0 && is_listed_headline(&p) {
            listed -= 1;
            continue;
        }
        let trimmed = p.trim();
        let label = trimmed.ends_with(':') && LINK_LIST_LABEL.is_match(trimmed);
        listed = if label { LISTED } else { 0 };
        let next = paragraphs.peek().map(|(_, n)| n.as_str());
        if i < TOP && kept.is_empty() && is_masthead(&p, next, draft) {
            continue;
        }
        if is_caption(trimmed) {
            draft.captions.push(p);
        } else if !is_furniture(&p) {
            kept.push(p);
        }
    }
    draft.paragraphs = kept;
}

/// Whether a paragraph is a photo caption. Most paragraphs are prose of a few hundred
/// bytes, so the patterns are asked only of those that could match.
fn is_caption(p: &str) -> bool {
    let credited = |at: usize| {
        let (before, credit) = p.split_at(at);
        let before = before.trim_end();
        PHOTO_CREDIT.is_match(credit)
            || ((before.is_empty() || before.ends_with('.')) && PHOTOGRAPHER.is_match(credit))
    };
    let credit = p.ends_with(')') && p.rfind('(').is_some_and(credited);
    credit || CAPTION_LEAD.is_match(p)
}

/// Whether a whole paragraph is page furniture. The patterns are asked only of paragraphs
/// short enough to match them: a paragraph of prose is longer than any slot or label, and
/// a prompt or form of more words is prose.
pub fn is_furniture(p: &str) -> bool {
    let p = p.trim();
    let p = BULLET.find(p).map_or(p, |m| &p[m.end()..]);
    if p.len() > FORM_BYTES {
        return is_rule(p);
    }
    // Words are counted only for the rare paragraph a pattern matches.
    let words = || p.split_whitespace().count();
    (p.len() <= LABEL_BYTES && FURNITURE.is_match(p))
        || is_rule(p)
        || (p.len() <= CLICK_END_BYTES && is_click(p))
        || (p.len() <= CARD_BYTES
            && p.ends_with(['e', 'E', '.', ':', '…', '»', '›', '>'])
            && STORY_CARD.is_match(p))
        || (p.len() <= SHORT_BYTES && is_notice_or_prompt(p) && words() <= SHORT_WORDS)
        || (is_form(p) && words() <= FORM_WORDS)
        || (is_appeal(p) && words() <= APPEAL_WORDS)
}

/// A link asking to be clicked: by its start when short, by its end (`… click here.`).
fn is_click(p: &str) -> bool {
    (p.len() <= CLICK_BYTES || p.ends_with(['e', 'E', '.', '!'])) && CLICK.is_match(p)
}

/// A plea for the reader's money (see [`APPEAL_ASK`]).
fn is_appeal(p: &str) -> bool {
    (p.contains("journalism") || p.contains("our work"))
        && APPEAL_FOR.is_match(p)
        && APPEAL_ASK.is_match(p)
        && APPEAL_YOU.is_match(p)
}

/// A copyright or rights notice, a disclaimer or a sign-up prompt (one telling the reader
/// to `Sign up to receive …` is one whatever it signs up for). The patterns are asked only
/// of paragraphs holding their key word, found by a plain search.
fn is_notice_or_prompt(p: &str) -> bool {
    let holds = |lower: &str, upper: &str| p.contains(lower) || p.contains(upper);
    COPYRIGHT.is_match(p)
        || (holds("eserved", "ESERVED") && RIGHTS.is_match(p))
        || ((holds("ewsletter", "EWSLETTER") || holds("nbox", "NBOX")) && PROMPT.is_match(p))
        || tells_to_sign_up(p)
        || IMPERATIVE.is_match(p)
        || ((p.contains('@') && EMAIL.is_match(p) || p.contains("[email")) && TIP_LINE.is_match(p))
        || (holds("icens", "eprinted") && REPRINT.is_match(p))
        || VIDEO_CARD.is_match(p)
}

/// Whether the page tells its reader to `Sign up to receive …`, not quoting another
/// page that does (`… were told: “Sign up to receive an email …”`).
fn tells_to_sign_up(p: &str) -> bool {
    SIGN_UP.find(p).is_some_and(|at| !p[..at.start()].contains(['"', '“']))
}

static SIGN_UP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("Sign up to receive|SIGN UP TO RECEIVE").expect("valid regex"));

/// A sign-up form's small print, as forms write it.
fn is_form(p: &str) -> bool {
    FORM_PHRASES.iter().any(|phrase| p.contains(phrase))
}

/// A section rule: a run of underscores, stars, equals signs, dashes or bullets.
fn is_rule(p: &str) -> bool {
    p.chars().count() >= 2
        && p.chars().all(|c| matches!(c, '_' | '*' | '=' | '•' | '·' | '-' | '–' | '—' | ' '))
}

/// A headline in a list of related stories: short and no sentence.
fn is_listed_headline(p: &str) -> bool {
    let p = p.trim();
    p.split_whitespace().count() <= LISTED_WORDS && !p.ends_with(['.', '!', '?', '"', '”', ':'])
}

/// Whether a paragraph over the text is the outlet's name, a writer's standing (`Opinion
/// contributor`) or a byline (`By Jane Doe and John Roe`; bare names when the outlet's name
/// or a standing follows, as `Jane Doe` over `USA TODAY`). A byline goes when it names the
/// record's authors, and gives them when the record has none.
fn is_masthead(p: &str, next: Option<&str>, draft: &mut Draft) -> bool {
    let p = p.trim();
    if is_stamp(p, draft) {
        return true;
    }
    // A byline line is at most 160 characters (see `byline::parse_line`).
    if p.len() > BYLINE_BYTES {
        return false;
    }
    let by = byline::parse_line(p).or_else(|| {
        next.filter(|n| is_stamp(n.trim(), draft)).map(|_| byline::parse(p)).filter(|by| {
            by.labels.is_empty()
                && !by.authors.is_empty()
                && by.authors.iter().all(|a| byline::looks_like_name(a))
        })
    });
    let Some(mut by) = by else { return false };
    // The outlet beside its writers (`By Jane Doe, Daily Example`) is no author.
    by.authors.retain(|a| !draft.outlet.as_deref().is_some_and(|o| o.eq_ignore_ascii_case(a)));
    if draft.authors.is_empty() {
        draft.authors = by.authors;
        for agency in by.agencies {
            if !draft.tags.contains(&agency) {
                draft.tags.push(agency);
            }
        }
        return true;
    }
    by.authors.iter().all(|a| draft.authors.iter().any(|w| w.eq_ignore_ascii_case(a)))
}

/// The outlet's name or a writer's standing, printed under a byline.
fn is_stamp(p: &str, draft: &Draft) -> bool {
    p.len() <= STAMP_BYTES
        && (draft.outlet.as_deref().is_some_and(|o| o.eq_ignore_ascii_case(p)) || STANDING.is_match(p))
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
                "***",
                "• • •",
                "Advertisement Advertisement",
                "Follow @dailyexample Follow @janedoe",
                "CLICK HERE FOR THE DAILY EXAMPLE APP",
                "The opinions expressed by columnists are their own.",
                "next Image 1 of 2",
                "Residents can sign up for email updates about the works, the mayor said.",
                "(c) The order ends when the office falls vacant.",
                "(PHOTOS: The council's year)",
                "Share",
                "JUST WATCHED Mayor on the bridge vote Replay More Videos ... MUST WATCH Mayor on the bridge vote 01:51",
                "I just watched the replay, and more videos will follow, the mayor said.",
                "Example News is a nonprofit newsroom. Sign up to receive our biggest stories.",
                "Thank you for signing up. For more from Example News, check out our latest issue",
                "Residents can sign up to receive flood alerts from the council.",
                "Visitors were told: “Sign up to receive an email when it is ready.”",
                "Can the council save the old bridge? Read more",
                "Read more",
            ],
        );
        assert_eq!(
            d.paragraphs,
            vec![
                "The council voted on Tuesday to close the old bridge.",
                "Residents can sign up for email updates about the works, the mayor said.",
                "(c) The order ends when the office falls vacant.",
                "I just watched the replay, and more videos will follow, the mayor said.",
                "Residents can sign up to receive flood alerts from the council.",
                "Visitors were told: “Sign up to receive an email when it is ready.”",
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
    fn bare_names_over_the_outlet_name_are_the_byline_of_a_record_without_authors() {
        let d =
            stripped("Daily Example", &[], &["Jane Doe and John Roe", "DAILY EXAMPLE", "The council met."]);
        assert_eq!(d.paragraphs, vec!["The council met."]);
        assert_eq!(d.authors, vec!["Jane Doe", "John Roe"]);
        let d = stripped("Daily Example", &[], &["Mary Major", "Opinion contributor", "The council met."]);
        assert_eq!(
            (d.paragraphs, d.authors),
            (vec!["The council met.".to_string()], vec!["Mary Major".to_string()])
        );
        // Without the outlet's name under them, two capitalised words are a heading.
        let d = stripped("Daily Example", &[], &["Harbor Works", "The council met."]);
        assert_eq!(d.paragraphs, vec!["Harbor Works", "The council met."]);
        assert!(d.authors.is_empty());
    }

    #[test]
    fn the_outlet_name_and_a_byline_over_the_text_go() {
        let d = stripped(
            "Daily Example",
            &["Jane Doe", "John Roe"],
            &[
                "By Jane Doe and John Roe, Daily Example",
                "DAILY EXAMPLE",
                "CHICAGO — The council met.",
                "Daily Example",
            ],
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
                "The mayor speaks in Springfield, May 18, 2019. (Jane Doe/Reuters)",
                "(John Roe/Example Journal via AP)",
                "Crowds line the bank, Wednesday, Aug. 7, 2019. (AP Photo/Jane Doe, File)",
                "The mayor at the bridge. (Reuters photo: Jane Doe)",
                "Both schools bid for the grant (Harvard/MIT)",
                "The grant goes to the winner (New York/New Jersey/Connecticut)",
                "The grant goes to the winner (New York/New Jersey)",
            ],
        );
        assert_eq!(
            d.paragraphs,
            vec![
                "The council met. (PICTURES: The Old Bridge Stands Empty As People Fear More Rain)",
                "Both schools bid for the grant (Harvard/MIT)",
                "The grant goes to the winner (New York/New Jersey/Connecticut)",
                "The grant goes to the winner (New York/New Jersey)",
            ]
        );
        assert_eq!(d.captions.len(), 5);
        assert_eq!(d.captions[0], "A bridge over the river in May. (Photo: Jane Doe, Daily Example)");
    }

    #[test]
    fn prompts_tip_lines_reprint_notices_and_pleas_go_and_prose_stays() {
        for furniture in [
            "**Want Example First in your inbox every day? Sign up here.**",
            "Get all the latest news and more delivered daily to your inbox. Sign up here.",
            "Get news from the Example in your inbox, each weekday morning",
            "( Sign up for the Morning Example tip sheet)",
            "Subscribe on Apple Podcasts, Spotify, or wherever you listen to podcasts.",
            "Follow Example Opinion Join us on Twitter and Facebook",
            "Join us on Facebook.com/ExampleOpinion.",
            "Follow Jane Roe and John Doe on Twitter: @janeroe and @johndoe",
            "Download the Example News app for breaking news",
            "GET THE EXAMPLE NEWS APP",
            "Don't see the graphic above? Click here.",
            "For more on the county's school funding, click here.",
            "Visit Example Insider's homepage for more stories.",
            "Got a TIP from the RIGHT or LEFT? Email tips@example.com",
            "Send letters to letters@example.com.",
            "Send tips to jane@ examplefoundation.org.",
            "Content created by the Example News Foundation is available without charge to any eligible \
             news publisher that can provide a large audience. For licensing opportunities of our original \
             content, please contact licensing@example.org.",
            "Reprinted from Climate Example with permission from Example News.",
            "Support Example's explanatory journalism",
            "Every day at Example, we aim to answer your most important questions. Financial \
             contributions from our readers are a critical part of supporting our resource-intensive \
             work. Please consider making a contribution today to help keep our journalism free for all.",
        ] {
            assert!(is_furniture(furniture), "{furniture}");
        }
        for prose in [
            "Police received an anonymous tip about the weapons — Example News (@Example) May 9, 2019",
            "Residents can follow the debate on the council's website, the mayor said.",
            "The paper asked readers for contributions to keep its journalism going, and the appeal \
             raised $2 million in a month.",
            "She told donors the campaign would click with voters.",
        ] {
            assert!(!is_furniture(prose), "{prose}");
        }
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
