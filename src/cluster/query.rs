//! Translating newsdex's query syntax and filters into SphinxQL: a `MATCH` expression over
//! the `headline` and `body` fields, plus `WHERE` conditions on attributes.
//!
//! The query text is read with tantivy's own grammar, so a query means the same thing on
//! both backends: words all must match unless `OR` is written, `-word` excludes, quoted
//! phrases match in order, `headline:`/`body:` restrict a word to a field, and
//! `person:`/`outlet:`/`author:` narrow the whole query. Each word is split with the index's
//! tokenizer and sent lower-cased, so nothing the user types can be read as a Sphinx
//! operator. Anything Sphinx cannot express the same way is refused with an error that
//! names it, rather than answered differently.

use anyhow::{anyhow, bail, Result};
use tantivy::query_grammar::{self, Occur, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::tokenizer::TextAnalyzer;

use super::keys::filter_key;
use crate::index::schema::{self, name, sphinx};
use crate::search::Filters;

/// A selection in SphinxQL terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    /// What the query text matches.
    pub text: Text,
    /// `WHERE` conditions on attributes, all of which must hold.
    pub conditions: Vec<String>,
}

/// What the query text matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// Every article (no `MATCH`).
    All,
    /// Nothing: the query's words were all dropped by the tokenizer (e.g. only punctuation).
    Nothing,
    /// Articles matching this Sphinx extended-syntax expression.
    Match(String),
}

impl Translated {
    /// The `WHERE` clause (without the keyword); empty when there is nothing to check.
    pub fn where_clause(&self) -> String {
        let mut parts = Vec::new();
        if let Text::Match(expr) = &self.text {
            parts.push(format!("MATCH({})", super::sql::quote(expr)));
        }
        parts.extend(self.conditions.iter().cloned());
        parts.join(" AND ")
    }
}

/// Translates query text (tantivy syntax; empty or `*` for all) and filters.
pub fn translate(query: &str, filters: &Filters) -> Result<Translated> {
    let mut conditions = Vec::new();
    let text = if query.trim().is_empty() || query.trim() == "*" {
        Text::All
    } else {
        let ast = query_grammar::parse_query(query).map_err(|_| anyhow!("bad query {query:?}"))?;
        let mut words = Words { analyzer: schema::unstemmed_analyzer() };
        match words.top(ast, &mut conditions)? {
            None => Text::Nothing,
            Some(Node::All) => Text::All,
            Some(Node::Expr(e)) => Text::Match(e),
        }
    };
    conditions.extend(filter_conditions(filters));
    Ok(Translated { text, conditions })
}

/// The conditions for `--outlet`, `--person`, `--author`, `--since` and `--until`.
fn filter_conditions(filters: &Filters) -> Vec<String> {
    let mut out = Vec::new();
    if !filters.outlets.is_empty() {
        let keys: Vec<String> = filters.outlets.iter().map(|o| filter_key(o).to_string()).collect();
        out.push(format!("{} IN ({})", sphinx::OUTLET_KEY, keys.join(", ")));
    }
    out.extend(filters.persons.iter().map(|p| format!("{} = {}", sphinx::PEOPLE_KEYS, filter_key(p))));
    out.extend(filters.authors.iter().map(|a| format!("{} = {}", sphinx::AUTHOR_KEYS, filter_key(a))));
    if filters.since.is_some() || filters.until.is_some() {
        // Undated articles have day 0, and a date filter never matches them.
        let low = filters.since.map_or(1, sphinx::day_number);
        let high = filters.until.map_or(99_991_231, sphinx::day_number);
        out.push(format!("{} BETWEEN {low} AND {high}", sphinx::DAY));
    }
    out
}

/// A translated part of a query: every article, or an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    All,
    Expr(String),
}

/// Translation state: the tokenizer that turns a literal into words.
struct Words {
    analyzer: TextAnalyzer,
}

impl Words {
    /// The whole query: attribute prefixes (`person:` ...) are allowed where they narrow
    /// everything, i.e. as the query itself or as a required part of the top clause.
    fn top(&mut self, ast: UserInputAst, conditions: &mut Vec<String>) -> Result<Option<Node>> {
        match ast {
            UserInputAst::Leaf(leaf) => match attribute_condition(&leaf)? {
                Some(c) => {
                    conditions.push(c);
                    Ok(Some(Node::All))
                }
                None => self.leaf(*leaf),
            },
            UserInputAst::Clause(children) => {
                let mut rest = Vec::with_capacity(children.len());
                for (occur, child) in children {
                    let required = matches!(occur, None | Some(Occur::Must));
                    match &child {
                        UserInputAst::Leaf(leaf) if required => match attribute_condition(leaf)? {
                            Some(c) => {
                                conditions.push(c);
                                rest.push((occur, UserInputAst::from(UserInputLeaf::All)));
                            }
                            None => rest.push((occur, child)),
                        },
                        _ => rest.push((occur, child)),
                    }
                }
                self.clause(rest)
            }
            UserInputAst::Boost(..) => self.node(ast),
        }
    }

    fn node(&mut self, ast: UserInputAst) -> Result<Option<Node>> {
        match ast {
            UserInputAst::Clause(children) => self.clause(children),
            UserInputAst::Leaf(leaf) => self.leaf(*leaf),
            UserInputAst::Boost(..) => bail!("the cluster cannot weigh query parts (^N boosts)"),
        }
    }

    /// A boolean clause with tantivy's meaning: required parts must all match; when there
    /// are none, at least one optional part must; excluded parts must not. Optional parts
    /// beside required ones only rank (Sphinx's MAYBE).
    fn clause(&mut self, children: Vec<(Option<Occur>, UserInputAst)>) -> Result<Option<Node>> {
        let (mut required, mut musts, mut shoulds, mut nots) = (false, Vec::new(), Vec::new(), Vec::new());
        for (occur, child) in children {
            let Some(node) = self.node(child)? else { continue };
            match (occur.unwrap_or(Occur::Must), node) {
                (Occur::Must, node) => {
                    required = true;
                    if let Node::Expr(e) = node {
                        musts.push(e);
                    }
                }
                (Occur::Should, node) => shoulds.push(node),
                (Occur::MustNot, Node::Expr(e)) => nots.push(e),
                (Occur::MustNot, Node::All) => bail!("the cluster cannot exclude everything (-*)"),
            }
        }
        let any_of = |shoulds: &[Node]| -> Node {
            let exprs: Vec<&str> = shoulds
                .iter()
                .filter_map(|n| if let Node::Expr(e) = n { Some(e.as_str()) } else { None })
                .collect();
            if exprs.len() < shoulds.len() {
                Node::All
            } else if exprs.len() == 1 {
                Node::Expr(exprs[0].to_string())
            } else {
                Node::Expr(format!("({})", exprs.join(" | ")))
            }
        };
        let positive = if required {
            match (musts.is_empty(), any_of(&shoulds)) {
                (true, _) => Node::All,
                (false, Node::Expr(maybe)) if !shoulds.is_empty() => {
                    Node::Expr(format!("(({}) MAYBE {maybe})", musts.join(" ")))
                }
                (false, _) => Node::Expr(group(&musts)),
            }
        } else if !shoulds.is_empty() {
            any_of(&shoulds)
        } else if !nots.is_empty() {
            bail!(
                "the cluster cannot run a query made only of exclusions (-word): add a word that must match"
            );
        } else {
            return Ok(None);
        };
        if nots.is_empty() {
            return Ok(Some(positive));
        }
        let Node::Expr(positive) = positive else {
            bail!("the cluster cannot run exclusions (-word) without a word that must match");
        };
        let excluded: Vec<String> = nots.iter().map(|n| format!("-({n})")).collect();
        Ok(Some(Node::Expr(format!("({positive} {})", excluded.join(" ")))))
    }

    fn leaf(&mut self, leaf: UserInputLeaf) -> Result<Option<Node>> {
        match leaf {
            UserInputLeaf::Literal(literal) => self.literal(&literal),
            UserInputLeaf::All => Ok(Some(Node::All)),
            UserInputLeaf::Range { .. } => bail!("the cluster cannot run range queries ([a TO b])"),
            UserInputLeaf::Set { .. } => bail!("the cluster cannot run set queries (IN [...])"),
            UserInputLeaf::Exists { .. } => bail!("the cluster cannot run field-exists queries"),
            UserInputLeaf::Regex { .. } => bail!("the cluster cannot run regular expressions"),
        }
    }

    fn literal(&mut self, literal: &UserInputLiteral) -> Result<Option<Node>> {
        if literal.prefix {
            bail!("the cluster cannot run prefix searches ({}*)", literal.phrase);
        }
        if literal.slop > 0 {
            bail!("the cluster cannot run sloppy phrases (\"{}\"~{})", literal.phrase, literal.slop);
        }
        let field = match literal.field_name.as_deref() {
            None => None,
            Some(f @ (name::HEADLINE | name::BODY)) => Some(f),
            Some(f @ (name::PERSON | name::OUTLET | name::AUTHOR)) => bail!(
                "on the cluster, {f}: can only narrow the whole query (as a required part, not inside OR, NOT or parentheses); or use --{f}"
            ),
            Some(other) => bail!("the cluster cannot search the field {other:?}"),
        };
        let Some(words) = self.words(&literal.phrase) else { return Ok(None) };
        Ok(Some(Node::Expr(match field {
            Some(f) => format!("(@{f} {words})"),
            None => words,
        })))
    }

    /// A literal as Sphinx words: one lower-cased word, or a quoted phrase of several;
    /// `None` when the tokenizer keeps nothing.
    fn words(&mut self, phrase: &str) -> Option<String> {
        let mut tokens = Vec::new();
        let mut stream = self.analyzer.token_stream(phrase);
        stream.process(&mut |t| tokens.push(t.text.clone()));
        match tokens.len() {
            0 => None,
            1 => tokens.pop(),
            _ => Some(format!("\"{}\"", tokens.join(" "))),
        }
    }
}

/// `a b` as one group (parenthesised when it has several parts).
fn group(parts: &[String]) -> String {
    match parts {
        [one] => one.clone(),
        _ => format!("({})", parts.join(" ")),
    }
}

/// The condition for a `person:`, `outlet:` or `author:` literal; `None` for other leaves.
fn attribute_condition(leaf: &UserInputLeaf) -> Result<Option<String>> {
    let UserInputLeaf::Literal(literal) = leaf else { return Ok(None) };
    let attribute = match literal.field_name.as_deref() {
        Some(name::PERSON) => sphinx::PEOPLE_KEYS,
        Some(name::OUTLET) => sphinx::OUTLET_KEY,
        Some(name::AUTHOR) => sphinx::AUTHOR_KEYS,
        _ => return Ok(None),
    };
    if literal.prefix || literal.slop > 0 {
        bail!("the cluster cannot run prefix or sloppy searches on {attribute}");
    }
    Ok(Some(format!("{attribute} = {}", filter_key(&literal.phrase))))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn text(query: &str) -> Text {
        translate(query, &Filters::default()).unwrap().text
    }

    fn expr(query: &str) -> String {
        match text(query) {
            Text::Match(e) => e,
            other => panic!("{query:?} gave {other:?}"),
        }
    }

    fn refused(query: &str) -> String {
        format!("{:#}", translate(query, &Filters::default()).unwrap_err())
    }

    #[test]
    fn words_are_required_and_lower_cased() {
        assert_eq!(expr("summit"), "summit");
        assert_eq!(expr("Nuclear TALKS"), "(nuclear talks)");
        assert_eq!(expr("nuclear AND talks"), "(nuclear talks)");
    }

    #[test]
    fn phrases_and_hyphenated_words_are_phrases() {
        assert_eq!(expr("\"nuclear talks\""), "\"nuclear talks\"");
        assert_eq!(expr("Jong-un"), "\"jong un\"");
        assert_eq!(expr("\"don't\""), "\"don t\"");
    }

    #[test]
    fn or_not_and_fields() {
        assert_eq!(expr("summit OR talks"), "(summit | talks)");
        assert_eq!(expr("summit -talks"), "(summit -(talks))");
        assert_eq!(expr("headline:summit talks"), "((@headline summit) talks)");
        assert_eq!(expr("body:\"nuclear talks\""), "(@body \"nuclear talks\")");
        assert_eq!(expr("(a OR b) c"), "((a | b) c)");
    }

    #[test]
    fn optional_words_beside_required_ones_only_rank() {
        assert_eq!(expr("+summit talks OR nuclear"), "((summit) MAYBE (talks | nuclear))");
    }

    #[test]
    fn attribute_prefixes_narrow_the_whole_query() {
        let t = translate("summit person:\"Kim Jong-un\"", &Filters::default()).unwrap();
        assert_eq!(t.text, Text::Match("summit".into()));
        assert_eq!(t.conditions, vec![format!("people_keys = {}", filter_key("kim jong-un"))]);
        let t = translate("outlet:Yonhap", &Filters::default()).unwrap();
        assert_eq!((t.text, t.conditions.len()), (Text::All, 1));
    }

    #[test]
    fn empty_queries_match_all_and_punctuation_nothing() {
        assert_eq!(text(""), Text::All);
        assert_eq!(text(" * "), Text::All);
        assert_eq!(text("\"...\""), Text::Nothing);
    }

    #[test]
    fn what_sphinx_cannot_express_is_refused() {
        assert!(refused("-summit").contains("only of exclusions"));
        assert!(refused("\"nuclear tal\"*").contains("prefix"));
        assert!(refused("\"a b\"~2").contains("sloppy"));
        assert!(refused("summit^2").contains("boost"));
        assert!(refused("summit OR person:kim").contains("narrow the whole query"));
        assert!(refused("id:abc").contains("field \"id\""));
        assert!(refused("(a").contains("bad query"));
    }

    #[test]
    fn filters_become_conditions() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let filters = Filters {
            outlets: vec!["Yonhap".into(), "TBS eFM".into()],
            persons: vec!["Kim Jong-un".into()],
            authors: vec![],
            since: d("2020-07-01"),
            until: None,
        };
        let t = translate("", &filters).unwrap();
        let want_outlets = format!("outlet_key IN ({}, {})", filter_key("yonhap"), filter_key("tbs efm"));
        assert_eq!(t.conditions[0], want_outlets);
        assert_eq!(t.conditions[2], "day BETWEEN 20200701 AND 99991231");
        assert_eq!(t.where_clause(), t.conditions.join(" AND "));
        let only_until = Filters { until: d("2020-07-31"), ..Filters::default() };
        assert_eq!(translate("", &only_until).unwrap().conditions, vec!["day BETWEEN 1 AND 20200731"]);
    }
}
