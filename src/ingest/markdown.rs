//! Markdown page dumps (`.md`): what crawlers and "save as Markdown" tools write for a page.
//!
//! The Markdown is parsed (CommonMark, with tables, strikethrough and task lists) and printed
//! as a text browser prints the page: headings and paragraphs as blocks with a blank line
//! between them, list items on lines of their own behind a `•`, a link as its text, an image
//! as its alt text, code as written, and raw HTML left out. The result then goes through the
//! same outlet profiles and generic cleaner as any other page dump.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A Markdown page read as a page dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    /// The text as a text browser would print it.
    pub text: String,
    /// The page's top-level (`#`) heading, when it has exactly one: its headline, as an HTML
    /// page's only `<h1>` is.
    pub heading: Option<String>,
}

/// Prints a Markdown page as a text browser would.
pub fn print(markdown: &str) -> Printed {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut out = Printer::default();
    for event in Parser::new_ext(markdown, options) {
        out.event(event);
    }
    out.text.truncate(out.text.trim_end().len());
    out.text.push('\n');
    let mut top = out.top.into_iter().filter(|h| !h.is_empty());
    let heading = top.next().filter(|_| top.next().is_none());
    Printed { text: out.text, heading }
}

/// The text printed so far, how deep in lists the printer is, and the top-level headings
/// (the one being read last, while `in_top` says one is).
#[derive(Default)]
struct Printer {
    text: String,
    lists: usize,
    top: Vec<String>,
    in_top: bool,
}

impl Printer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(&tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => {
                self.text.push_str(&t);
                if let Some(h) = self.top.last_mut().filter(|_| self.in_top) {
                    h.push_str(&t);
                }
            }
            // A line break inside a paragraph stays one, as in a text browser's wrapped lines.
            Event::SoftBreak | Event::HardBreak => self.text.push('\n'),
            Event::Rule => self.block_break(),
            Event::TaskListMarker(done) => self.text.push_str(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => self.text.push_str(&format!("[{name}]")),
            _ => {} // raw HTML and math
        }
    }

    fn start(&mut self, tag: &Tag) {
        if matches!(tag, Tag::Heading { level: HeadingLevel::H1, .. }) {
            self.in_top = true;
            self.top.push(String::new());
        }
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_) => {
                self.block_break()
            }
            Tag::List(_) => {
                self.line_break();
                self.lists += 1;
            }
            Tag::Item => {
                self.line_break();
                self.text.push_str(&"  ".repeat(self.lists.saturating_sub(1)));
                self.text.push_str("• ");
            }
            Tag::TableCell if !self.text.ends_with('\n') => self.text.push_str("  "),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if tag == TagEnd::Heading(HeadingLevel::H1) {
            self.in_top = false;
            if let Some(h) = self.top.last_mut() {
                *h = h.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Table => self.block_break(),
            TagEnd::List(_) => {
                self.lists = self.lists.saturating_sub(1);
                self.block_break();
            }
            TagEnd::TableHead | TagEnd::TableRow => self.line_break(),
            _ => {}
        }
    }

    /// Ends the current line, unless nothing is on it.
    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Ends the current block with a blank line (once).
    fn block_break(&mut self) {
        self.line_break();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_blocks_lists_and_link_texts() {
        let md = "[![Site logo](https://a.example/logo.png)](/)\n\n# [Harbour news](/)\n\n\
                  # Ferry terminal *opening* delayed\n\nBy [Jane Roe](https://a.example/jane)\n\
                  March 3, 2024\n\nThe **harbour** authority said on Monday\nthat the terminal would open in May.\n\n\
                  * [Home](/)\n* [News](/news)\n  - [Local](/news/local)\n\n<div class=\"ad\">Advert</div>\n\n\
                  | Route | Opens |\n|---|---|\n| North | May |\n";
        let printed = print(md);
        assert_eq!(printed.heading, None, "two top-level headings: neither is sure");
        assert_eq!(
            printed.text,
            "Site logo\n\nHarbour news\n\nFerry terminal opening delayed\n\nBy Jane Roe\nMarch 3, 2024\n\n\
             The harbour authority said on Monday\nthat the terminal would open in May.\n\n\
             • Home\n• News\n  • Local\n\nRoute  Opens\nNorth  May\n"
        );
    }

    #[test]
    fn escapes_and_code_are_read_as_written() {
        assert_eq!(
            print("1\\. Not a list \\*item\\*\n\n    let x = 1;\n").text,
            "1. Not a list *item*\n\nlet x = 1;\n"
        );
    }

    #[test]
    fn the_only_top_heading_is_the_headline() {
        let printed =
            print("[Home](/)\n\n## Latest\n\n# Ferry *terminal*   delayed\n\nText.\n\n## Related\n");
        assert_eq!(printed.heading.as_deref(), Some("Ferry terminal delayed"));
        assert_eq!(print("Setext title\n============\n\nText.\n").heading.as_deref(), Some("Setext title"));
        assert_eq!(print("# \n\nText.\n").heading, None);
    }
}
