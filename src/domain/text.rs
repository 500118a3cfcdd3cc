//! Vietnamese text as data: normalisation on the way in, folding for search keys, and
//! dates written the Vietnamese way (dd/mm/yyyy).
//!
//! Everything a person types or a file brings passes through [`clean`] before it is
//! stored, so stored text is always NFC. Search and matching compare [`fold`]ed keys,
//! never the stored text itself.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// NFC-normalise, drop control characters other than line breaks and tabs, unify line
/// endings, and trim the ends. Keyboards such as Unikey (and the built-in ones of macOS and
/// Windows) may produce decomposed text; after this it compares equal to precomposed text.
pub fn clean(input: &str) -> String {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .nfc()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    kept.trim().to_string()
}

/// [`clean`] for one-line fields (names, places, addresses): inner runs of white space,
/// line breaks included, become one space.
pub fn clean_line(input: &str) -> String {
    clean(input)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The search key of a text: lower case, without tone or vowel marks, đ and its
/// look-alikes folded to d, white space collapsed. "Đất  ĐAI" and "dat dai" share a key,
/// and so do the old and new tone placements ("hòa" / "hoà", "thủy" / "thuỷ").
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut last_space = true;
    for c in input.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' | 'Ð' | 'Ɖ' | 'ɖ' | 'ð' => 'd',
            other => other,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        out.extend(c.to_lowercase());
        last_space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The number of characters (not bytes) of a text, as a person counts them.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// "05/02/2025": days and months zero-padded, as Vietnamese forms write them.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Vietnam's time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
fn vietnam(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(7 * 3600).expect("UTC+7 is within ±24 h");
    t.with_timezone(&offset)
}

/// The calendar day in Vietnam at a moment.
pub fn vietnam_date(t: DateTime<Utc>) -> NaiveDate {
    vietnam(t).date_naive()
}

/// "25/11/2026 09:05", in Vietnam's time.
pub fn format_datetime(t: DateTime<Utc>) -> String {
    let local = vietnam(t);
    format!(
        "{} {:02}:{:02}",
        format_date(local.date_naive()),
        local.hour(),
        local.minute()
    )
}

/// Reads a date as a Vietnamese person writes it: day first, then month, then a four-digit
/// year, separated by '/', '-' or '.' ("5/2/2025", "05-02-2025", "05.02.2025").
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = input.trim().split(['/', '-', '.']).map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_input_becomes_precomposed() {
        let decomposed = "Đa\u{0300}o đa\u{0302}\u{0301}t"; // "Đào đất" typed as base + marks
        assert_eq!(clean(decomposed), "Đào đất");
        assert_eq!(clean(decomposed).chars().count(), 7);
    }

    #[test]
    fn clean_drops_control_characters_but_keeps_line_breaks() {
        assert_eq!(clean("  a\u{0007}b\r\nc\u{0000}  "), "ab\nc");
        assert_eq!(clean_line(" Nguyễn \n  Văn\tA "), "Nguyễn Văn A");
    }

    #[test]
    fn fold_removes_marks_and_d_stroke_in_all_forms() {
        assert_eq!(fold("Đất đai"), "dat dai");
        assert_eq!(fold("ÐẤT ƉAI"), "dat dai");
        assert_eq!(fold("Xây dựng   cơ bản"), "xay dung co ban");
        assert_eq!(fold("Đa\u{0300}o"), "dao");
    }

    #[test]
    fn fold_treats_old_and_new_tone_placement_alike() {
        assert_eq!(fold("hòa"), fold("hoà"));
        assert_eq!(fold("thủy"), fold("thuỷ"));
        assert_eq!(fold("Khánh Hòa"), "khanh hoa");
    }

    #[test]
    fn dates_are_written_and_read_day_first() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 5).unwrap();
        assert_eq!(format_date(d), "05/02/2025");
        assert_eq!(parse_date("5/2/2025"), Some(d));
        assert_eq!(parse_date(" 05-02-2025 "), Some(d));
        assert_eq!(parse_date("05.02.2025"), Some(d));
        assert_eq!(parse_date("31/02/2025"), None);
        assert_eq!(parse_date("2025/02/05"), None);
        assert_eq!(parse_date("05/02/25"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn times_are_shown_in_vietnam_time() {
        // 24/11/2025 20:30 UTC is already 25/11 in Hà Nội.
        let t = DateTime::from_timestamp(1_764_016_200, 0).unwrap();
        assert_eq!(format_datetime(t), "25/11/2025 03:30");
        assert_eq!(
            vietnam_date(t),
            NaiveDate::from_ymd_opt(2025, 11, 25).unwrap()
        );
    }
}
