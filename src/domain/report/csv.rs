//! The report as one CSV file for Excel: every table of the workbook one after another
//! (its title on a line, its header, its rows, then a blank line), so the whole report
//! opens in one sheet. UTF-8 with a byte-order mark, or Excel reads Vietnamese as
//! mojibake; CRLF line ends and RFC 4180 quoting. A text cell that starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel (or LibreOffice)
//! cannot run it as a formula; numbers and dates the report made itself are written bare.

use super::document::{tables, Cell};
use super::Report;
use crate::domain::time::format_date;

/// The byte-order mark Excel looks for to read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// The field separator. RFC 4180 says comma; an Excel whose Windows list separator is a
/// semicolon (as in many comma-decimal locales) splits only on that.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Separator {
    #[default]
    Comma,
    Semicolon,
}

impl Separator {
    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// A text as a spreadsheet may read it: one that would start a formula gets a `'`.
pub fn defuse(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// One field, quoted when it holds the separator, a quote or a line break.
fn field(out: &mut String, text: &str, sep: char) {
    if text.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// Writes rows of cells as CSV lines (no BOM): text defused, numbers and dates bare.
pub fn write_row(out: &mut String, cells: &[Cell], sep: Separator) {
    let sep = sep.char();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        match c {
            Cell::Text(t) => field(out, &defuse(t), sep),
            Cell::Number(n) => out.push_str(&n.to_string()),
            Cell::Date(d) => out.push_str(&format_date(*d)),
        }
    }
    out.push_str("\r\n");
}

/// The report's CSV, comma-separated.
pub fn report_csv(r: &Report) -> String {
    report_csv_with(r, Separator::Comma)
}

/// The report's CSV with the separator the office's Excel expects.
pub fn report_csv_with(r: &Report, sep: Separator) -> String {
    let mut out = String::new();
    out.push(BOM);
    let text = |s: &str| Cell::Text(s.to_string());
    write_row(
        &mut out,
        &[
            text(super::document::HEADING),
            text(&super::document::subject(r)),
        ],
        sep,
    );
    write_row(
        &mut out,
        &[
            text(&r.authority.join(" ")),
            text(&r.number),
            text(&r.place_date),
        ],
        sep,
    );
    out.push_str("\r\n");
    for t in tables(r) {
        write_row(&mut out, &[text(t.title)], sep);
        let header: Vec<Cell> = t.header.iter().map(|h| text(h)).collect();
        write_row(&mut out, &header, sep);
        for row in t.all_rows() {
            write_row(&mut out, row, sep);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[Cell]) -> String {
        let mut s = String::new();
        write_row(&mut s, cells, Separator::Comma);
        s
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn a_cell_that_would_be_a_formula_is_defused() {
        assert_eq!(line(&[t("=1+1")]), "'=1+1\r\n");
        assert_eq!(line(&[t("+84 912")]), "'+84 912\r\n");
        assert_eq!(line(&[t("-2")]), "'-2\r\n");
        assert_eq!(line(&[t("@SUM(A1)")]), "'@SUM(A1)\r\n");
        assert_eq!(line(&[t("\tx")]), "'\tx\r\n");
        assert_eq!(line(&[t("\rx")]), "\"'\rx\"\r\n");
        assert_eq!(
            line(&[t("=HYPERLINK(\"http://x\",\"y\")")]),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
        );
        // A number the report made is a number, a negative one too.
        assert_eq!(line(&[Cell::Number(-3), Cell::Number(12)]), "-3,12\r\n");
        assert_eq!(line(&[t("a=b")]), "a=b\r\n");
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(
            line(&[
                t("Đường \"liên thôn\""),
                t("Thôn 1, Thôn 2"),
                t("dòng 1\ndòng 2"),
                t("")
            ]),
            "\"Đường \"\"liên thôn\"\"\",\"Thôn 1, Thôn 2\",\"dòng 1\ndòng 2\",\r\n"
        );
        let mut s = String::new();
        write_row(&mut s, &[t("a;b"), t("c,d")], Separator::Semicolon);
        assert_eq!(s, "\"a;b\";c,d\r\n");
    }

    #[test]
    fn dates_are_day_first() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        assert_eq!(line(&[Cell::Date(d)]), "05/10/2026\r\n");
    }
}
