//! SphinxQL literals: quoting strings and listing numbers.

/// A string literal: single quotes, with backslashes and quotes escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            // A NUL would end the string early in searchd's parser.
            '\0' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A parenthesised list of numbers, as MVA values and `IN` lists are written.
pub fn numbers(values: impl IntoIterator<Item = u64>) -> String {
    let parts: Vec<String> = values.into_iter().map(|v| v.to_string()).collect();
    format!("({})", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quote(r"don't \ stop"), r"'don\'t \\ stop'");
        assert_eq!(quote("a\0b"), "'a b'");
        assert_eq!(numbers([3, 1]), "(3, 1)");
        assert_eq!(numbers([]), "()");
    }
}
