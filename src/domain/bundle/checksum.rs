//! The integrity checksum every file carries: SHA-256 over the canonical JSON of the
//! document without its `checksum` member, written `"sha256:<64 hex digits>"`.
//!
//! Canonical JSON here is RFC 8785 (JCS) for the documents this app writes: object members
//! sorted by key, no white space, strings escaped as JSON requires and nothing more, and
//! only integer numbers. The sorting is done here rather than trusted to serde_json's map,
//! whose order changes if any crate in the build turns on `preserve_order`.
//!
//! Two ways to the same bytes: [`of_document`] writes them from a parsed `Value`;
//! [`canonical_text`] makes them straight from the file's text (white space dropped,
//! members sorted where they are not), for bundles of megabytes, and declines any text
//! whose canonical form it could not copy exactly (then the caller takes the `Value` way).

use serde_json::Value;
use sha2::{Digest, Sha256};

pub const PREFIX: &str = "sha256:";

/// The checksum of a document (its `checksum` member, if any, left out).
pub fn of_document(doc: &Value) -> String {
    of_canonical(canonical_of_document(doc).as_bytes())
}

/// The canonical JSON [`of_document`] hashes.
fn canonical_of_document(doc: &Value) -> String {
    let mut canonical = String::new();
    // The top level is written here rather than cloned without `checksum`: bundles run
    // to megabytes.
    match doc {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> =
                map.iter().filter(|(k, _)| *k != "checksum").collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            write_members(entries, &mut canonical);
        }
        other => write_canonical(other, &mut canonical),
    }
    canonical
}

/// The checksum of canonical JSON already written out.
pub fn of_canonical(canonical: &[u8]) -> String {
    format_digest(&Sha256::digest(canonical))
}

/// A SHA-256 digest written as a checksum: `"sha256:"` and lower-case hex.
pub fn format_digest(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(PREFIX.len() + 2 * digest.len());
    out.push_str(PREFIX);
    for &b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// The canonical JSON of a document given as JSON text, without its top-level
/// `checksum` member: exactly the bytes [`of_document`] hashes for the parsed text.
///
/// `None` when the text is not an object, or holds something whose canonical form is
/// not a copy of the text: a string escape serde_json would not write (`\/`, `\u00e9`,
/// upper-case hex, …), an escape in a member's name, a number other than a plain integer
/// of up to 18 digits, a member name twice in one object, a top-level `checksum` that is
/// not a string, nesting deeper than serde_json reads, or anything that is not JSON.
/// The caller then parses the text and uses [`of_document`]: declining is never an error.
pub fn canonical_text(text: &str) -> Option<Vec<u8>> {
    let mut c = Canon {
        s: text.as_bytes(),
        i: 0,
        out: Vec::with_capacity(text.len()),
        members: Vec::new(),
        scratch: Vec::new(),
        last_names: Vec::new(),
        order: Vec::new(),
    };
    c.ws();
    if c.peek()? != b'{' {
        return None;
    }
    c.object(1, true)?;
    c.ws();
    (c.i == c.s.len()).then_some(c.out)
}

/// serde_json reads at most this many arrays and objects nested in one another, the
/// outermost counted (its recursion limit of 128 is spent at the 128th); so does
/// [`canonical_text`]. (It declined only from 129 on, so a text nested 128 deep was
/// copied though serde_json refuses it: found by the fuzz tests.)
const MAX_DEPTH: usize = 127;

/// One member of an object being copied: its name (in the text) and where it was
/// written (in the output), `"name":value`.
struct Member {
    key: (usize, usize),
    start: usize,
    end: usize,
}

struct Canon<'a> {
    s: &'a [u8],
    i: usize,
    out: Vec<u8>,
    /// The members of the objects open at the moment, innermost last.
    members: Vec<Member>,
    scratch: Vec<u8>,
    /// The names (in the text) of the last object sorted, in the text's order, and
    /// `order`, its members' indices in sorted order.
    last_names: Vec<(usize, usize)>,
    order: Vec<usize>,
}

impl Canon<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'{' => self.object(depth + 1, false),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(|_| ()),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if !self.s[self.i..].starts_with(word) {
            return None;
        }
        self.i += word.len();
        self.out.extend_from_slice(word);
        Some(())
    }

    /// A plain integer, as serde_json writes the `u64` or `i64` it reads: no sign but a
    /// minus, no leading zero, no fraction or exponent, not `-0`.
    fn number(&mut self) -> Option<()> {
        let start = self.i;
        let negative = self.s[self.i] == b'-';
        if negative {
            self.i += 1;
        }
        let digits = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        let digits = &self.s[digits..self.i];
        let plain = !digits.is_empty()
            && digits.len() <= 18
            && (digits[0] != b'0' || digits.len() == 1)
            && !(negative && digits == b"0")
            && !matches!(self.peek(), Some(b'.' | b'e' | b'E'));
        if !plain {
            return None;
        }
        self.out.extend_from_slice(&self.s[start..self.i]);
        Some(())
    }

    /// Checks a string written as serde_json writes it and returns where its content is
    /// in the text (between the quotes), without writing it.
    fn scan_string(&mut self) -> Option<(usize, usize, bool)> {
        self.i += 1;
        let start = self.i;
        let mut escaped = false;
        loop {
            self.skip_plain();
            match *self.s.get(self.i)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    match *self.s.get(self.i + 1)? {
                        b'"' | b'\\' | b'n' | b'r' | b't' | b'b' | b'f' => self.i += 2,
                        b'u' => {
                            // serde_json writes `\u00xx`, lower-case, for the control
                            // characters without a short escape, and for nothing else.
                            let hex = self.s.get(self.i + 2..self.i + 6)?;
                            let low = match hex[3] {
                                d @ b'0'..=b'9' => d - b'0',
                                d @ b'a'..=b'f' => d - b'a' + 10,
                                _ => return None,
                            };
                            let code = match hex[..3] {
                                [b'0', b'0', b'0'] => low,
                                [b'0', b'0', b'1'] => 16 + low,
                                _ => return None,
                            };
                            if matches!(code, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d) {
                                return None;
                            }
                            self.i += 6;
                        }
                        _ => return None,
                    }
                }
                0x00..=0x1f => return None,
                _ => self.i += 1,
            }
        }
        let end = self.i;
        self.i += 1;
        Some((start, end, escaped))
    }

    /// Moves past the bytes of a string that ask for no look, eight at a time: all but
    /// '"', '\\' and the control characters. A bundle is mostly such bytes, and looking
    /// at them one by one took the largest share of making its canonical form.
    fn skip_plain(&mut self) {
        const ONES: u64 = u64::from_le_bytes([1; 8]);
        const HIGH: u64 = ONES << 7;
        while let Some(eight) = self.s.get(self.i..self.i + 8) {
            let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let quote = x ^ (ONES * u64::from(b'"'));
            let slash = x ^ (ONES * u64::from(b'\\'));
            // `v - ONES * n & !v` sets the high bit of each byte below `n` (and maybe of
            // bytes after one, through the borrow): the lowest flag is always a real one.
            let flags = (quote.wrapping_sub(ONES) & !quote
                | slash.wrapping_sub(ONES) & !slash
                | x.wrapping_sub(ONES * 0x20) & !x)
                & HIGH;
            if flags != 0 {
                self.i += (flags.trailing_zeros() / 8) as usize;
                return;
            }
            self.i += 8;
        }
    }

    fn string(&mut self) -> Option<(usize, usize)> {
        let (start, end, _) = self.scan_string()?;
        self.out.extend_from_slice(&self.s[start - 1..end + 1]);
        Some((start, end))
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.i += 1;
        self.out.push(b'[');
        self.ws();
        if self.peek()? == b']' {
            self.i += 1;
            self.out.push(b']');
            return Some(());
        }
        loop {
            self.value(depth)?;
            self.ws();
            match self.peek()? {
                b',' => {
                    self.i += 1;
                    self.out.push(b',');
                }
                b']' => {
                    self.i += 1;
                    break;
                }
                _ => return None,
            }
        }
        self.out.push(b']');
        Some(())
    }

    fn object(&mut self, depth: usize, top: bool) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.i += 1;
        self.out.push(b'{');
        let body = self.out.len();
        let base = self.members.len();
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            self.out.push(b'}');
            return Some(());
        }
        loop {
            self.ws();
            if self.peek()? != b'"' {
                return None;
            }
            let (ks, ke, escaped) = self.scan_string()?;
            if escaped {
                return None;
            }
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            if top && &self.s[ks..ke] == b"checksum" {
                // Left out of what is hashed; a checksum is always a string.
                self.ws();
                if self.peek()? != b'"' {
                    return None;
                }
                self.scan_string()?;
            } else {
                if self.members.len() > base {
                    self.out.push(b',');
                }
                let start = self.out.len();
                self.out.extend_from_slice(&self.s[ks - 1..ke + 1]);
                self.out.push(b':');
                self.value(depth)?;
                let end = self.out.len();
                self.members.push(Member {
                    key: (ks, ke),
                    start,
                    end,
                });
            }
            self.ws();
            match self.peek()? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    break;
                }
                _ => return None,
            }
        }
        let s = self.s;
        let name = |k: (usize, usize)| &s[k.0..k.1];
        let members = &self.members[base..];
        if !members.windows(2).all(|w| name(w[0].key) < name(w[1].key)) {
            // The order of the last object whose names came in this sequence serves again:
            // a bundle's petitions all come in the same one.
            let same = self.last_names.len() == members.len()
                && self
                    .last_names
                    .iter()
                    .zip(members)
                    .all(|(&k, m)| name(k) == name(m.key));
            if !same {
                self.last_names.clear();
                self.order.clear();
                self.order.extend(0..members.len());
                // Members are compared by their UTF-8 bytes, as `String`s are.
                self.order
                    .sort_unstable_by(|&a, &b| name(members[a].key).cmp(name(members[b].key)));
                if self
                    .order
                    .windows(2)
                    .any(|w| name(members[w[0]].key) == name(members[w[1]].key))
                {
                    return None;
                }
                self.last_names.extend(members.iter().map(|m| m.key));
            }
            self.scratch.clear();
            for (n, &m) in self.order.iter().enumerate() {
                if n > 0 {
                    self.scratch.push(b',');
                }
                let m = &members[m];
                self.scratch.extend_from_slice(&self.out[m.start..m.end]);
            }
            self.out.truncate(body);
            self.out.extend_from_slice(&self.scratch);
        }
        self.members.truncate(base);
        self.out.push(b'}');
        Some(())
    }
}

fn write_members(entries: Vec<(&String, &Value)>, out: &mut String) {
    out.push('{');
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(k, out);
        out.push(':');
        write_canonical(v, out);
    }
    out.push('}');
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            write_members(entries, out);
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::String(s) => write_string(s, out),
        // Numbers, booleans and null print the same in every JSON writer for the integers
        // this app stores.
        other => out.push_str(&other.to_string()),
    }
}

/// A JSON string as serde_json writes it (the canonical form is defined by that), without
/// the copy and allocation of going through a `Value` for every string.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_are_escaped_exactly_as_serde_json_escapes_them() {
        let mut tricky: String = (0u8..0x80).map(char::from).collect();
        tricky.push_str("Đất đai \u{2028}\u{7f} “x” \\ \"");
        for s in [tricky.as_str(), "", "plain", "\u{0}", "a\"b"] {
            let mut mine = String::new();
            write_string(s, &mut mine);
            assert_eq!(mine, Value::String(s.to_string()).to_string());
        }
    }

    #[test]
    fn members_are_sorted_and_checksum_is_left_out() {
        let a = json!({"b": 1, "a": {"d": [1, "x"], "c": null}, "checksum": "sha256:00"});
        let b = json!({"a": {"c": null, "d": [1, "x"]}, "b": 1});
        assert_eq!(of_document(&a), of_document(&b));
        let mut s = String::new();
        write_canonical(&b, &mut s);
        assert_eq!(s, r#"{"a":{"c":null,"d":[1,"x"]},"b":1}"#);
    }

    #[test]
    fn known_digest_of_vietnamese_text() {
        // sha256 of the UTF-8 bytes of {"t":"Đất đai\n"} computed independently (sha256sum).
        let doc = json!({"t": "Đất đai\n"});
        let mut s = String::new();
        write_canonical(&doc, &mut s);
        assert_eq!(s, "{\"t\":\"Đất đai\\n\"}");
        assert_eq!(
            of_document(&doc),
            "sha256:cc9094a0bc364ffde6739d1d46afa430838d59bbec3ffe65112b2dc19dd89d60"
        );
        assert_ne!(of_document(&doc), of_document(&json!({"t": "Dat dai\n"})));
    }

    /// The fast way gives exactly the bytes of the `Value` way, or declines.
    fn same_or_declined(text: &str) -> bool {
        let doc: Value = serde_json::from_str(text).unwrap();
        match canonical_text(text) {
            Some(bytes) => {
                assert_eq!(
                    String::from_utf8(bytes).unwrap(),
                    canonical_of_document(&doc),
                    "{text}"
                );
                true
            }
            None => false,
        }
    }

    #[test]
    fn canonical_text_equals_the_canonical_form_of_the_parsed_document() {
        let doc = json!({
            "format": "x", "version": 1, "checksum": "sha256:00",
            "z": [1, -2, 0, {"b": true, "a": null, "checksum": "inner stays"}],
            "a": {"déjà": "Đất đai\n\t\"q\" \\ \u{1} \u{1f} \u{7f} \u{2028} /", "b": [], "c": {}},
            "ä": "x", "A": 123456789012345678u64
        });
        let compact = doc.to_string();
        let pretty = serde_json::to_string_pretty(&doc).unwrap();
        // Members in another order than the sorted one, and odd spacing.
        let shuffled = r#" { "version" : 1 , "z":[ 1,-2,0 ,{"checksum":"inner stays","b":true,"a":null}],
            "checksum":"sha256:00","format":"x","a":{"c":{},"b":[ ],"déjà":"Đất đai\n\t\"q\" \\ \u0001 \u001f \u007f \u2028 /"},
            "A":123456789012345678,"ä":"x"}"#;
        for text in [compact.as_str(), pretty.as_str()] {
            assert!(same_or_declined(text), "{text}");
        }
        // \u007f and \u2028 are written raw by serde_json: that text is declined.
        assert!(!same_or_declined(shuffled));
        let shuffled = shuffled
            .replace("\\u007f", "\u{7f}")
            .replace("\\u2028", "\u{2028}");
        assert!(same_or_declined(&shuffled), "{shuffled}");
        assert_eq!(
            of_canonical(&canonical_text(&shuffled).unwrap()),
            of_document(&doc)
        );
    }

    #[test]
    fn a_special_byte_is_found_at_every_place_of_an_eight_byte_block() {
        // Each thing a string's scan must stop at, after 0 to 17 plain bytes of every
        // width (ASCII, Vietnamese, four-byte), so it falls at each place of a block.
        for plain in ["a", "ệ", "😀", "\u{7f}"] {
            for n in 0..18 {
                let lead = plain.repeat(n);
                for special in ["\\\"", "\\\\", "\\n", "\\u001f", " \\t "] {
                    let text = format!(r#"{{"b":"{lead}{special}{lead}","a":["{lead}"]}}"#);
                    assert!(same_or_declined(&text), "{text}");
                }
                // A raw control character is not JSON: declined, wherever it falls.
                let raw = format!("{{\"a\":\"{lead}\u{1}\"}}");
                assert_eq!(canonical_text(&raw), None, "{raw:?}");
            }
        }
    }

    #[test]
    fn objects_named_alike_share_an_order_and_others_get_their_own() {
        let text = r#"{"p":[{"id":1,"b":2,"a":3},{"id":4,"b":5,"a":6},{"b":7,"id":8,"a":9},
            {"id":1,"b":{"z":1,"y":2},"a":3},{"id":1,"b":2,"a":3}]}"#;
        assert!(same_or_declined(text));
        // A name twice is declined even right after an object of the same names once.
        let twice = r#"{"p":[{"id":1,"b":2,"a":3},{"id":1,"b":2,"b":3}]}"#;
        assert_eq!(canonical_text(twice), None);
    }

    #[test]
    fn canonical_text_declines_what_it_cannot_copy() {
        for text in [
            r#"{"a": "\/"}"#,
            r#"{"a": "\u00e9"}"#,
            r#"{"a": "\u001F"}"#,
            r#"{"a": "\u000a"}"#,
            r#"{"a\u0062": 1}"#,
            r#"{"a": 1.0}"#,
            r#"{"a": 1e2}"#,
            r#"{"a": -0}"#,
            r#"{"a": 1234567890123456789}"#,
            r#"{"b": 1, "a": 2, "b": 3}"#,
            r#"{"checksum": null}"#,
            r#"[1]"#,
        ] {
            assert!(!same_or_declined(text), "{text}");
        }
        for text in [
            r#"{"a": 1"#,
            r#"{"a": 1} x"#,
            r#"{"a": "b}"#,
            "",
            r#"{"a" 1}"#,
        ] {
            assert_eq!(canonical_text(text), None, "{text}");
        }
        let deep = format!("{{\"a\":{}1{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(canonical_text(&deep), None);
        // At serde_json's limit exactly: 127 arrays and objects in all, not 128.
        let nested = |n: usize| format!("{{\"a\":{}1{}}}", "[".repeat(n), "]".repeat(n));
        assert!(same_or_declined(&nested(126)));
        assert!(serde_json::from_str::<Value>(&nested(127)).is_err());
        assert_eq!(canonical_text(&nested(127)), None);
    }
}
