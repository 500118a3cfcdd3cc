//! The integrity checksum every file carries: SHA-256 over the canonical JSON of the
//! document without its `checksum` member, written `"sha256:<64 hex digits>"`.
//!
//! Canonical JSON here is RFC 8785 (JCS) for the documents this app writes: object members
//! sorted by key, no white space, strings escaped as JSON requires and nothing more, and
//! only integer numbers. The sorting is done here rather than trusted to serde_json's map,
//! whose order changes if any crate in the build turns on `preserve_order`.

use serde_json::Value;
use sha2::{Digest, Sha256};

pub const PREFIX: &str = "sha256:";

/// The checksum of a document (its `checksum` member, if any, left out).
pub fn of_document(doc: &Value) -> String {
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
    let digest = Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{PREFIX}{hex}")
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
}
