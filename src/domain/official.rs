//! The pieces of an official Vietnamese document's layout (Nghị định 30/2020/NĐ-CP,
//! Appendix I) as plain text the UI renders and prints: the national name and motto, the
//! issuing authority, the place-and-date line, and document numbers ("Số: 05/KH-UBND") with
//! the per-year register they are taken from.
//!
//! Fonts, sizes and margins belong to the print style sheet; this module owns only the text.

use chrono::{Datelike, NaiveDate};

pub const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The first line of a commune People's Committee's name as issuer.
pub const COMMUNE_COMMITTEE: &str = "ỦY BAN NHÂN DÂN";

/// "Cẩm Quang, ngày 05 tháng 02 năm 2025". Days under 10 and months 1 and 2 are written
/// with a leading zero, months 3–12 without ("ngày 15 tháng 3"), as Appendix I asks (so a
/// 1 or 2 cannot later be made into 11 or 12 by hand).
pub fn place_date_line(place: &str, date: NaiveDate) -> String {
    format!("{place}, {}", crate::domain::time::date_in_words(date))
}

/// A section's number in Roman numerals ("IV"), as documents number their parts; up to
/// 49, beyond which no document here goes.
pub fn roman(n: usize) -> String {
    const NUMERALS: [(usize, &str); 6] = [
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n.min(49);
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// The issuing authority's two lines: ["ỦY BAN NHÂN DÂN", "XÃ CẨM QUANG"]. The commune's
/// name is written in capitals; Rust's upper-casing maps each precomposed Vietnamese letter
/// to its precomposed capital, so NFC text (after `text::clean`) stays NFC. A name typed
/// with its "xã" already in it does not get a second one.
pub fn commune_authority(commune: &str) -> [String; 2] {
    let name = commune.trim().to_uppercase();
    let line = match name.strip_prefix("XÃ ") {
        Some(rest) => format!("XÃ {}", rest.trim_start()),
        None => format!("XÃ {name}"),
    };
    [COMMUNE_COMMITTEE.to_string(), line]
}

/// The kinds of document the office issues, each numbered on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocType {
    /// Kế hoạch
    Plan,
    /// Thông báo
    Notice,
    /// Biên bản
    Minutes,
    /// Báo cáo
    Report,
    /// Giấy mời
    Invitation,
}

impl DocType {
    pub const ALL: [DocType; 5] = [
        DocType::Plan,
        DocType::Notice,
        DocType::Minutes,
        DocType::Report,
        DocType::Invitation,
    ];

    /// The abbreviation in the document's symbol (Appendix I, section III).
    /// "Số:     /TB-UBND": the number line of a document not yet numbered, with room to
    /// write the number by hand.
    pub fn blank_number_line(self) -> String {
        format!("Số:     /{}-UBND", self.abbreviation())
    }

    pub fn abbreviation(self) -> &'static str {
        match self {
            DocType::Plan => "KH",
            DocType::Notice => "TB",
            DocType::Minutes => "BB",
            DocType::Report => "BC",
            DocType::Invitation => "GM",
        }
    }

    /// The type an abbreviation stands for, for reading a stored register back.
    pub fn from_abbreviation(abbreviation: &str) -> Option<DocType> {
        DocType::ALL
            .into_iter()
            .find(|doc| doc.abbreviation() == abbreviation)
    }
}

/// One number taken from the register: "Số: 03/BB-UBND", issued on `date`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentNumber {
    pub doc: DocType,
    pub year: i32,
    pub number: u32,
    /// The issuer's abbreviation after the type: "UBND".
    pub issuer: String,
    pub date: NaiveDate,
}

impl DocumentNumber {
    /// "03/BB-UBND": numbers under 10 with a leading zero.
    pub fn symbol(&self) -> String {
        format!(
            "{:02}/{}-{}",
            self.number,
            self.doc.abbreviation(),
            self.issuer
        )
    }

    /// "Số: 03/BB-UBND", the line under the issuing authority.
    pub fn line(&self) -> String {
        format!("Số: {}", self.symbol())
    }
}

/// The register of document numbers, one sequence per type and year: numbering restarts
/// at 01 each 1 January.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentRegister {
    entries: Vec<DocumentNumber>,
}

impl DocumentRegister {
    pub fn new() -> Self {
        Self::default()
    }

    /// A register read back from storage. It is taken as it is, gaps and duplicates
    /// included (a number may have been deleted by hand, or two devices merged): the next
    /// number is always one more than the highest of its type and year, so a number once
    /// given is never given again.
    pub fn from_entries(entries: Vec<DocumentNumber>) -> Self {
        Self { entries }
    }

    pub fn entries(&self) -> &[DocumentNumber] {
        &self.entries
    }

    /// Takes the next number of `doc` in `date`'s year and records it.
    pub fn next(&mut self, doc: DocType, date: NaiveDate, issuer: &str) -> DocumentNumber {
        let year = date.year();
        let highest = self
            .entries
            .iter()
            .filter(|e| e.doc == doc && e.year == year)
            .map(|e| e.number)
            .max()
            .unwrap_or(0);
        let taken = DocumentNumber {
            doc,
            year,
            // A stored number at u32::MAX can only be damage; repeating it beats a panic.
            number: highest.saturating_add(1),
            issuer: issuer.to_string(),
            date,
        };
        self.entries.push(taken.clone());
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_numbered_in_roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(19), "XIX");
    }
    use crate::domain::text::clean;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_national_name_and_motto_are_written_as_the_decree_shows() {
        assert_eq!(NATIONAL_NAME, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(MOTTO, "Độc lập - Tự do - Hạnh phúc");
        assert_eq!(clean(NATIONAL_NAME), NATIONAL_NAME);
        assert_eq!(clean(MOTTO), MOTTO);
    }

    #[test]
    fn days_under_10_and_months_1_and_2_are_zero_padded() {
        assert_eq!(
            place_date_line("Cẩm Quang", d(2025, 2, 5)),
            "Cẩm Quang, ngày 05 tháng 02 năm 2025"
        );
        assert_eq!(
            place_date_line("Cẩm Quang", d(2025, 1, 31)),
            "Cẩm Quang, ngày 31 tháng 01 năm 2025"
        );
    }

    #[test]
    fn months_3_to_12_are_not_zero_padded() {
        assert_eq!(
            place_date_line("Cẩm Quang", d(2025, 3, 15)),
            "Cẩm Quang, ngày 15 tháng 3 năm 2025"
        );
        assert_eq!(
            place_date_line("Cẩm Quang", d(2025, 12, 1)),
            "Cẩm Quang, ngày 01 tháng 12 năm 2025"
        );
        assert_eq!(
            place_date_line("Cẩm Quang", d(2025, 10, 10)),
            "Cẩm Quang, ngày 10 tháng 10 năm 2025"
        );
    }

    #[test]
    fn each_type_has_its_abbreviation() {
        let abbreviations: Vec<&str> = DocType::ALL.iter().map(|t| t.abbreviation()).collect();
        assert_eq!(abbreviations, ["KH", "TB", "BB", "BC", "GM"]);
        for doc in DocType::ALL {
            assert_eq!(DocType::from_abbreviation(doc.abbreviation()), Some(doc));
        }
        assert_eq!(DocType::from_abbreviation("QĐ"), None);
        assert_eq!(DocType::from_abbreviation("kh"), None);
    }

    #[test]
    fn numbers_under_10_are_zero_padded() {
        let mut n = DocumentNumber {
            doc: DocType::Minutes,
            year: 2025,
            number: 3,
            issuer: "UBND".into(),
            date: d(2025, 2, 5),
        };
        assert_eq!(n.symbol(), "03/BB-UBND");
        assert_eq!(n.line(), "Số: 03/BB-UBND");
        n.number = 10;
        assert_eq!(n.symbol(), "10/BB-UBND");
        n.number = 125;
        assert_eq!(n.symbol(), "125/BB-UBND");
    }

    #[test]
    fn each_type_is_numbered_on_its_own() {
        let mut r = DocumentRegister::new();
        let day = d(2025, 9, 5);
        assert_eq!(r.next(DocType::Plan, day, "UBND").symbol(), "01/KH-UBND");
        assert_eq!(r.next(DocType::Plan, day, "UBND").symbol(), "02/KH-UBND");
        assert_eq!(
            r.next(DocType::Invitation, day, "UBND").symbol(),
            "01/GM-UBND"
        );
        assert_eq!(r.next(DocType::Plan, day, "UBND").line(), "Số: 03/KH-UBND");
        assert_eq!(r.entries().len(), 4);
        assert_eq!(r.entries()[2].doc, DocType::Invitation);
        assert_eq!(r.entries()[3].date, day);
    }

    #[test]
    fn numbering_restarts_each_1_january() {
        let mut r = DocumentRegister::new();
        r.next(DocType::Minutes, d(2025, 12, 30), "UBND");
        let last = r.next(DocType::Minutes, d(2025, 12, 31), "UBND");
        assert_eq!((last.year, last.number), (2025, 2));
        let first = r.next(DocType::Minutes, d(2026, 1, 1), "UBND");
        assert_eq!(
            (first.year, first.symbol()),
            (2026, "01/BB-UBND".to_string())
        );
        // A late entry for the old year continues the old year's sequence.
        let late = r.next(DocType::Minutes, d(2025, 12, 31), "UBND");
        assert_eq!((late.year, late.number), (2025, 3));
        assert_eq!(r.next(DocType::Minutes, d(2026, 1, 2), "UBND").number, 2);
    }

    #[test]
    fn a_loaded_register_continues_after_its_highest_number() {
        let entry = |doc, number, date: NaiveDate| DocumentNumber {
            doc,
            year: date.year(),
            number,
            issuer: "UBND".into(),
            date,
        };
        let stored = vec![
            entry(DocType::Report, 1, d(2026, 3, 2)),
            // A gap (2–6 deleted) and a duplicate, out of order.
            entry(DocType::Report, 7, d(2026, 5, 4)),
            entry(DocType::Report, 4, d(2026, 4, 1)),
            entry(DocType::Report, 7, d(2026, 5, 5)),
            entry(DocType::Notice, 12, d(2026, 5, 5)),
            entry(DocType::Report, 40, d(2025, 12, 1)),
        ];
        let mut r = DocumentRegister::from_entries(stored.clone());
        assert_eq!(r.entries(), stored.as_slice());
        assert_eq!(r.next(DocType::Report, d(2026, 6, 1), "UBND").number, 8);
        assert_eq!(r.next(DocType::Notice, d(2026, 6, 1), "UBND").number, 13);
        assert_eq!(r.next(DocType::Plan, d(2026, 6, 1), "UBND").number, 1);
        assert_eq!(r.next(DocType::Report, d(2025, 12, 31), "UBND").number, 41);
        assert_eq!(r.entries().len(), stored.len() + 4);
    }

    #[test]
    fn a_damaged_highest_number_does_not_panic() {
        let mut r = DocumentRegister::from_entries(vec![DocumentNumber {
            doc: DocType::Plan,
            year: 2026,
            number: u32::MAX,
            issuer: "UBND".into(),
            date: d(2026, 1, 5),
        }]);
        assert_eq!(
            r.next(DocType::Plan, d(2026, 2, 1), "UBND").number,
            u32::MAX
        );
    }

    #[test]
    fn the_authority_names_the_commune_in_capitals() {
        assert_eq!(
            commune_authority("Cẩm Quang"),
            ["ỦY BAN NHÂN DÂN".to_string(), "XÃ CẨM QUANG".to_string()]
        );
        assert_eq!(commune_authority("Đông Hưng")[1], "XÃ ĐÔNG HƯNG");
        assert_eq!(commune_authority("xã Cẩm Quang")[1], "XÃ CẨM QUANG");
        assert_eq!(commune_authority(" Xã  Cẩm Quang ")[1], "XÃ CẨM QUANG");
    }

    #[test]
    fn a_decomposed_name_is_capitalised_after_cleaning() {
        // "Cẩm Quang" as a macOS keyboard types it: a + circumflex + hook above.
        let decomposed = "Ca\u{302}\u{309}m Quang";
        assert_ne!(decomposed, "Cẩm Quang");
        let [committee, commune] = commune_authority(&clean(decomposed));
        assert_eq!(committee, COMMUNE_COMMITTEE);
        assert_eq!(commune, "XÃ CẨM QUANG");
        assert_eq!(clean(&commune), commune);
    }
}
