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

fn write_string(s: &str, out: &mut String) {
    // serde_json escapes exactly as JCS asks: ", \ and control characters only.
    out.push_str(&Value::String(s.to_string()).to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
