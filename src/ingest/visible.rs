//! The text a reader sees on an HTML page, as lines in document order: one line per block
//! element (paragraph, heading, list item, table cell, `div`), inline elements kept on their
//! line, and nothing a browser does not show (scripts, styles, templates, form controls).
//! The metadata readers look here for the byline and date printed around the headline when
//! the page declares none.

use dom_query::{Document, NodeRef};

use crate::text;

/// Elements whose content is never shown as text.
/// (A `<button>`'s label is shown: pages set bylines in buttons that open an author card.)
const HIDDEN: &[&str] =
    &["head", "script", "style", "noscript", "template", "svg", "iframe", "select", "textarea"];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Deeper than this, a page is markup soup: the rest of the branch is left out.
const MAX_DEPTH: usize = 256;

/// The page's visible lines, whitespace squashed, empty lines left out.
pub fn lines(doc: &Document) -> Vec<String> {
    let mut out = Lines::default();
    if let Some(body) = doc.body() {
        out.walk(&body, 0);
    }
    out.finish()
}

/// The visible lines of one element: `<h1>Big<br>News</h1>` shows `Big` and `News`, which
/// its plain text would glue into `BigNews`.
pub fn lines_of(node: &NodeRef) -> Vec<String> {
    let mut out = Lines::default();
    out.walk(node, 0);
    out.finish()
}

#[derive(Default)]
struct Lines {
    done: Vec<String>,
    current: String,
}

impl Lines {
    fn walk(&mut self, node: &NodeRef, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in node.children_it(false) {
            if child.is_text() {
                self.current.push_str(&child.text());
            } else if child.is_element() {
                let name = child.node_name().unwrap_or_default();
                if HIDDEN.contains(&name.as_ref()) {
                    continue;
                }
                let block = BLOCKS.contains(&name.as_ref());
                if block {
                    self.break_line();
                }
                self.walk(&child, depth + 1);
                if block {
                    self.break_line();
                }
            }
        }
    }

    fn break_line(&mut self) {
        let line = text::squash(&self.current);
        if !line.is_empty() {
            self.done.push(line);
        }
        self.current.clear();
    }

    fn finish(mut self) -> Vec<String> {
        self.break_line();
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_make_lines_and_inline_elements_stay() {
        let doc = Document::from(
            "<html><head><title>T</title></head><body><h1>Big  News</h1>\
             <div class=meta>By <a href=/a>Jane Doe</a> | <time>May 2, 2024</time></div>\
             <script>var x = 1;</script><p>First<br>second</p></body></html>",
        );
        assert_eq!(lines(&doc), ["Big News", "By Jane Doe | May 2, 2024", "First", "second"]);
    }

    #[test]
    fn one_element_reads_as_one_line() {
        let doc = Document::from(
            "<body><h1>Weekend<br>Coding <em>Agent</em><svg><title>x</title></svg></h1></body>",
        );
        let h1 = doc.select("h1");
        assert_eq!(lines_of(&h1.nodes()[0]), ["Weekend", "Coding Agent"]);
    }

    #[test]
    fn hidden_elements_are_left_out() {
        let doc = Document::from("<body><noscript>Enable JS</noscript><style>p{}</style><p>Text</p></body>");
        assert_eq!(lines(&doc), ["Text"]);
    }
}
