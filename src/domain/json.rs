//! The one way JSON goes in and out of the app, for files and for stored entries alike:
//! text ⇄ `serde_json::Value` ⇄ typed record. Going through `Value` every time means each
//! record type is compiled against one serialiser and one deserialiser only, which keeps
//! the tablet's download small, and every decoding error names the member at fault.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::bundle::{FieldProblem, FileError};

/// Parses JSON text, telling a truncated file from one that is not JSON at all.
pub fn parse(text: &str) -> Result<Value, FileError> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => FileError::Truncated,
        _ => FileError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })
}

/// Decodes a value into a record; the error names the member ("villages[0].name").
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, FileError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let message = e.inner().to_string();
        let problem = if message.starts_with("missing field") {
            FieldProblem::Missing
        } else if message.starts_with("invalid type") {
            FieldProblem::WrongType
        } else {
            FieldProblem::Invalid
        };
        let path = e.path().to_string();
        let path = match (&problem, message.split('`').nth(1)) {
            // serde names the missing member only in its message, not in the path.
            (FieldProblem::Missing, Some(field)) if path == "." => field.to_string(),
            (FieldProblem::Missing, Some(field)) => format!("{path}.{field}"),
            _ => path,
        };
        FileError::BadField { path, problem }
    })
}

/// Text to record in one step, the member at fault named (files a person is told about).
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, FileError> {
    decode(parse(text)?)
}

/// Text to record for an entry the app stored itself. An entry that fails is set aside
/// whole and never explained member by member, so this skips [`decode`]'s naming, whose
/// code the tablet's daily module (which reads no file) then does not carry.
pub fn from_stored<T: DeserializeOwned>(text: &str) -> Result<T, FileError> {
    T::deserialize(parse(text)?).map_err(|_| FileError::BadField {
        path: String::new(),
        problem: FieldProblem::Invalid,
    })
}

/// A record as a value. Records hold strings, integers, booleans and dates only, which
/// always serialise.
pub fn encode<T: Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

/// Compact text, as stored.
pub fn to_text<T: Serialize>(record: &T) -> String {
    encode(record).to_string()
}

// The fast paths, for the office's bulk data (bundles and stored chunks of megabytes):
// straight between text and records, without the intermediate tree, several times
// faster. Each costs code per record type, so the village tablet, whose download is
// budgeted, keeps the compact paths above; the error paths are the same.

/// [`decode`], trying the direct path first.
pub fn decode_fast<T: DeserializeOwned>(value: Value) -> Result<T, FileError> {
    match T::deserialize(&value) {
        Ok(t) => Ok(t),
        Err(_) => decode(value),
    }
}

/// [`from_text`], trying the direct path first.
pub fn from_text_fast<T: DeserializeOwned>(text: &str) -> Result<T, FileError> {
    match serde_json::from_str(text) {
        Ok(t) => Ok(t),
        Err(_) => from_text(text),
    }
}

/// [`to_text`] without the intermediate tree (members in declaration order).
pub fn to_text_fast<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

/// [`to_text_fast`] into a buffer of `capacity` bytes reserved up front.
pub fn to_text_in<T: Serialize>(record: &T, capacity: usize) -> String {
    let mut out = Vec::with_capacity(capacity);
    match serde_json::to_writer(&mut out, record) {
        // SAFETY: serde_json writes UTF-8 only (its own `to_string` relies on it too).
        // Checked again here, the text of a chunk took longer than the copies it spares.
        Ok(()) => unsafe { String::from_utf8_unchecked(out) },
        Err(_) => String::new(),
    }
}

/// Indented text, for files a person may open.
pub fn to_pretty_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Village {
        name: String,
        head: String,
    }

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Setup {
        villages: Vec<Village>,
    }

    #[test]
    fn errors_name_the_member() {
        assert_eq!(parse("{\"a\": [1, 2"), Err(FileError::Truncated));
        assert!(matches!(
            parse("PK\u{3}\u{4}"),
            Err(FileError::NotJson { line: 1, .. })
        ));
        let wrong = from_text::<Setup>(r#"{"villages": [{"name": 5, "head": "A"}]}"#);
        assert_eq!(
            wrong,
            Err(FileError::BadField {
                path: "villages[0].name".into(),
                problem: FieldProblem::WrongType
            })
        );
        let missing = from_text::<Setup>(r#"{"villages": [{"name": "Thôn 1"}]}"#);
        assert_eq!(
            missing,
            Err(FileError::BadField {
                path: "villages[0].head".into(),
                problem: FieldProblem::Missing
            })
        );
        assert_eq!(
            from_text::<Setup>("{}"),
            Err(FileError::BadField {
                path: "villages".into(),
                problem: FieldProblem::Missing
            })
        );
    }

    #[test]
    fn records_round_trip() {
        let s = Setup {
            villages: vec![Village {
                name: "Thôn Đông".into(),
                head: "Lê Thị Hoà".into(),
            }],
        };
        assert_eq!(from_text::<Setup>(&to_text(&s)), Ok(s));
    }
}
