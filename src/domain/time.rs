//! Dates and times: shown the Vietnamese way (dd/mm/yyyy, Vietnam's time), and written in
//! files and storage as RFC 3339 ("2026-11-25T03:19:36.144Z") and ISO dates ("2026-11-25").
//!
//! The serde helpers are written here rather than taken from chrono's own serde support,
//! whose general date parser and formatter would add ~20 KB to the tablet's download for
//! these two fixed forms.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};

/// "05/02/2025": days and months zero-padded, as Vietnamese forms write them.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
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
    NaiveDate::from_ymd_opt(number(y)?, number(m)?, number(d)?)
}

fn number<T: std::str::FromStr>(digits: &str) -> Option<T> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
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

/// "7 giờ 05 phút", in Vietnam's time, as documents write the hour in words ("Vào lúc
/// 7 giờ 40 phút, ngày 28 tháng 12 năm 2026"), not "07:40".
pub fn time_in_words(t: DateTime<Utc>) -> String {
    let local = vietnam(t);
    format!("{} giờ {:02} phút", local.hour(), local.minute())
}

/// "ngày 05 tháng 02 năm 2025", as an official document writes a date in its text: the
/// day and the months January and February with a leading zero (Decree 30/2020).
pub fn date_in_words(date: NaiveDate) -> String {
    let month = date.month();
    let month = if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// "2026-11-25"
pub fn format_iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Reads "2026-11-25" (exactly that form).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(number(&s[0..4])?, number(&s[5..7])?, number(&s[8..10])?)
}

/// "2026-11-25T03:19:36.144Z": UTC, milliseconds.
pub fn format_rfc3339(t: DateTime<Utc>) -> String {
    match rfc3339_ascii(t) {
        Some(text) => String::from_utf8(text.to_vec()).expect("ASCII digits"),
        None => format_rfc3339_slowly(t),
    }
}

/// [`format_rfc3339`]'s bytes, written digit by digit, for the years tablets write (`None`
/// for others, and for a leap second's fraction). The office writes three of these per
/// petition whenever a village's chunk is stored, and `format!` took a third of that time.
fn rfc3339_ascii(t: DateTime<Utc>) -> Option<[u8; 24]> {
    let (year, millis) = (t.year(), t.timestamp_subsec_millis());
    if !(0..=9999).contains(&year) || millis > 999 {
        return None;
    }
    let mut out = *b"0000-00-00T00:00:00.000Z";
    let mut put = |end: usize, mut n: u32, digits: usize| {
        for i in (end + 1 - digits..=end).rev() {
            out[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(3, year.unsigned_abs(), 4);
    put(6, t.month(), 2);
    put(9, t.day(), 2);
    put(12, t.hour(), 2);
    put(15, t.minute(), 2);
    put(18, t.second(), 2);
    put(22, millis, 3);
    Some(out)
}

fn format_rfc3339_slowly(t: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        format_iso_date(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second(),
        t.timestamp_subsec_millis()
    )
}

/// Reads an RFC 3339 time: "2026-11-25T10:19:36+07:00", "…T03:19:36Z", with or without
/// a fraction of a second (kept to the millisecond), 't' and 'z' accepted.
pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    if !s.is_ascii() || s.len() < 20 {
        return None;
    }
    let date = parse_iso_date(&s[0..10])?;
    let b = s.as_bytes();
    if !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (h, m, sec): (u32, u32, u32) = (
        number(&s[11..13])?,
        number(&s[14..16])?,
        number(&s[17..19])?,
    );
    let mut rest = &s[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let ms = &fraction[..digits.min(3)];
        millis = number::<u32>(ms)? * 10u32.pow(3 - ms.len() as u32);
        rest = &fraction[digits..];
    }
    let offset_seconds: i32 = match rest {
        "Z" | "z" => 0,
        _ => {
            let ob = rest.as_bytes();
            if ob.len() != 6 || ob[3] != b':' {
                return None;
            }
            let sign = match ob[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (oh, om): (i32, i32) = (number(&rest[1..3])?, number(&rest[4..6])?);
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    let time = NaiveTime::from_hms_milli_opt(h, m, sec, millis)?;
    let local = date.and_time(time);
    Some(DateTime::from_naive_utc_and_offset(
        local - chrono::Duration::seconds(i64::from(offset_seconds)),
        Utc,
    ))
}

/// Reads a time from a string member, borrowed where the reader can lend it: a bundle
/// holds two per petition, and a copy of each made a measurable share of reading one.
struct Rfc3339Visitor;

impl serde::de::Visitor<'_> for Rfc3339Visitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an RFC 3339 time")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
        parse_rfc3339(text).ok_or_else(|| E::custom("not an RFC 3339 time"))
    }
}

fn serialize_rfc3339<S: serde::Serializer>(t: DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    match rfc3339_ascii(t) {
        Some(text) => s.serialize_str(std::str::from_utf8(&text).expect("ASCII digits")),
        None => s.serialize_str(&format_rfc3339_slowly(t)),
    }
}

/// `#[serde(with = "rfc3339")]` for `DateTime<Utc>` members.
pub mod rfc3339 {
    use chrono::{DateTime, Utc};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        super::serialize_rfc3339(*t, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        d.deserialize_str(super::Rfc3339Visitor)
    }
}

/// `#[serde(with = "rfc3339_opt")]` for `Option<DateTime<Utc>>` members.
pub mod rfc3339_opt {
    use chrono::{DateTime, Utc};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::serialize_rfc3339(*t, s),
            None => s.serialize_none(),
        }
    }

    struct Maybe;

    impl<'de> serde::de::Visitor<'de> for Maybe {
        type Value = Option<DateTime<Utc>>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an RFC 3339 time or null")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(super::Rfc3339Visitor).map(Some)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        d.deserialize_option(Maybe)
    }
}

/// `#[serde(with = "iso_date")]` for `NaiveDate` members.
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_iso_date(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_iso_date(&text).ok_or_else(|| D::Error::custom("not a date (yyyy-mm-dd)"))
    }
}

/// `#[serde(with = "iso_date_opt")]` for `Option<NaiveDate>` members.
pub mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&super::format_iso_date(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => super::parse_iso_date(&text)
                .map(Some)
                .ok_or_else(|| D::Error::custom("not a date (yyyy-mm-dd)")),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_write_times_and_dates_in_words() {
        // 00:40 UTC is 07:40 in Vietnam.
        let t = DateTime::parse_from_rfc3339("2026-12-28T00:40:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(time_in_words(t), "7 giờ 40 phút");
        let t = DateTime::parse_from_rfc3339("2026-12-28T07:05:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(time_in_words(t), "14 giờ 05 phút");
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date_in_words(d(2026, 12, 28)), "ngày 28 tháng 12 năm 2026");
        assert_eq!(date_in_words(d(2025, 2, 5)), "ngày 05 tháng 02 năm 2025");
        assert_eq!(date_in_words(d(2026, 9, 5)), "ngày 05 tháng 9 năm 2026");
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
        assert_eq!(parse_date("+5/02/2025"), None);
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

    #[test]
    fn rfc3339_is_written_digit_by_digit_as_the_general_way_writes_it() {
        let mut t = 0i64;
        // Every field's carry, across four centuries of seconds and milliseconds.
        while t < 12_000_000_000_000 {
            let at = DateTime::from_timestamp_millis(t).unwrap();
            assert_eq!(format_rfc3339(at), format_rfc3339_slowly(at));
            t += 3_600_007_919;
        }
        let odd = DateTime::from_timestamp(-62_000_000_000, 5_000_000).unwrap();
        assert_eq!(format_rfc3339(odd), format_rfc3339_slowly(odd));
        let leap = DateTime::from_timestamp(1_483_228_799, 1_500_000_000).unwrap();
        assert_eq!(format_rfc3339(leap), format_rfc3339_slowly(leap));
    }

    #[test]
    fn rfc3339_round_trips_and_reads_offsets() {
        let t = DateTime::from_timestamp_millis(1_764_040_776_144).unwrap();
        let text = format_rfc3339(t);
        assert_eq!(text, "2025-11-25T03:19:36.144Z");
        assert_eq!(parse_rfc3339(&text), Some(t));
        // Same moment written by chrono and by a tablet in Vietnam's time.
        assert_eq!(parse_rfc3339(&t.to_rfc3339()), Some(t));
        assert_eq!(parse_rfc3339("2025-11-25T10:19:36.144+07:00"), Some(t));
        assert_eq!(
            parse_rfc3339("2025-11-25T03:19:36Z"),
            DateTime::from_timestamp(1_764_040_776, 0)
        );
        assert_eq!(parse_rfc3339("2025-11-25T03:19:36.1449999Z"), Some(t));
        for bad in [
            "",
            "2025-11-25",
            "2025-11-25T03:19:36",
            "2025-11-25T03:19:36.Z",
            "2025-13-25T03:19:36Z",
            "2025-11-25T03:19:36+7:00",
            "２025-11-25T03:19:36Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
        assert_eq!(
            parse_iso_date("2021-09-05"),
            NaiveDate::from_ymd_opt(2021, 9, 5)
        );
        assert_eq!(parse_iso_date("2021-9-5"), None);
    }
}
