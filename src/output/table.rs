//! CSV (RFC 4180, header row) and TSV (tabs, newlines and backslashes escaped) tables.

use std::io::{self, Write};

/// A table writer for CSV or TSV.
pub enum Table<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Tsv(W),
}

impl<W: Write> Table<W> {
    /// A CSV writer (quotes fields as RFC 4180 requires, `\r\n` line ends).
    pub fn csv(out: W) -> Table<W> {
        Table::Csv(Box::new(csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out)))
    }

    pub fn tsv(out: W) -> Table<W> {
        Table::Tsv(out)
    }

    /// Writes one row.
    pub fn row<I, S>(&mut self, cells: I) -> io::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        match self {
            Table::Csv(w) => {
                w.write_record(cells.into_iter().map(|c| c.as_ref().to_string())).map_err(io::Error::other)
            }
            Table::Tsv(w) => {
                let cells: Vec<String> = cells.into_iter().map(|c| tsv_escape(c.as_ref())).collect();
                writeln!(w, "{}", cells.join("\t"))
            }
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        match self {
            Table::Csv(w) => w.flush(),
            Table::Tsv(w) => w.flush(),
        }
    }
}

/// Escapes a TSV cell: `\` -> `\\`, tab -> `\t`, newline -> `\n`, carriage return -> `\r`.
pub fn tsv_escape(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    for c in cell.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_as_rfc4180() {
        let mut buf = Vec::new();
        let mut t = Table::csv(&mut buf);
        t.row(["a", "b,c", "say \"hi\"", "two\nlines"]).unwrap();
        t.flush().unwrap();
        drop(t);
        assert_eq!(String::from_utf8(buf).unwrap(), "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    #[test]
    fn tsv_escapes_separators() {
        assert_eq!(tsv_escape("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
    }
}
