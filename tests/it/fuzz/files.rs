//! The properties every file parser holds, whatever it is given: it never panics, it
//! refuses with a `FileError` whose message is plain, clean text, it never accepts a
//! file whose checksum does not match, and what it accepts is clean text.

use doithoai::domain::bundle::checksum;
use doithoai::domain::text::decode_file;
use doithoai::domain::text::is_bidi_control;
use doithoai::i18n::Lang;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::gen::{self, apply, apply_text, doc_change, json_value, text_change};
use super::parsers::{reseal, FileParser, PARSERS};
use super::{check, is_clean_text};

/// Cases per parser and property in the bounded run.
const CASES: u32 = 256;

/// The verdict on one input: accepted clean and with a matching checksum, or refused
/// with a message a person can read.
pub fn judge(p: &FileParser, text: &str) -> Result<(), TestCaseError> {
    let fail = |what: String| TestCaseError::fail(format!("{}: {what}", p.name));
    match (p.read)(text) {
        Ok(kept) => {
            for t in &kept {
                is_clean_text(t).map_err(fail)?;
            }
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            let doc: Value = serde_json::from_str(body)
                .map_err(|e| fail(format!("accepted a text that is not JSON ({e})")))?;
            match doc.get("checksum") {
                Some(Value::String(sum)) if *sum == checksum::of_document(&doc) => {}
                None | Some(Value::Null) if p.checksum_optional => {}
                other => {
                    return Err(fail(format!(
                        "accepted a file whose checksum {other:?} does not match"
                    )))
                }
            }
        }
        Err(e) => {
            for lang in [Lang::Vi, Lang::En] {
                let m = lang.texts().file_error(&e);
                if m.trim().is_empty() || m.chars().count() > 600 {
                    return Err(fail(format!("message {m:?} for {e:?}")));
                }
                if let Some(c) = m.chars().find(|c| c.is_control() || is_bidi_control(*c)) {
                    return Err(fail(format!(
                        "message for {e:?} holds control character U+{:04X}: {m:?}",
                        c as u32
                    )));
                }
            }
        }
    }
    Ok(())
}

/// A valid sample of the parser with changes to its text (no checksum made again).
pub fn damaged(p: &FileParser) -> impl Strategy<Value = String> {
    let samples = (p.samples)();
    (0..samples.len(), vec(text_change(), 1..4)).prop_map(move |(i, changes)| {
        changes
            .iter()
            .fold(samples[i].clone(), |t, c| apply_text(&t, c))
    })
}

/// A valid sample of the parser with changes to its document, its checksum made again
/// (most of the time), written indented or compact.
pub fn hostile(p: &FileParser) -> impl Strategy<Value = String> {
    let docs: Vec<Value> = (p.samples)()
        .iter()
        .map(|t| serde_json::from_str(t.trim_start_matches('\u{feff}')).expect("a sample is JSON"))
        .collect();
    (
        0..docs.len(),
        vec(doc_change(), 1..4),
        prop::bool::weighted(0.9),
        any::<bool>(),
    )
        .prop_map(move |(i, changes, seal, pretty)| {
            let mut doc = docs[i].clone();
            for c in &changes {
                apply(&mut doc, c);
            }
            if seal {
                reseal(&mut doc);
            }
            if pretty {
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            } else {
                doc.to_string()
            }
        })
}

/// Arbitrary bytes (read as the app reads a picked file), strings and JSON.
pub fn arbitrary() -> impl Strategy<Value = String> {
    prop_oneof![
        vec(any::<u8>(), 0..2048).prop_map(decode_file),
        any::<String>(),
        gen::hostile_string(),
        json_value().prop_map(|v| v.to_string()),
    ]
}

/// An arbitrary document of the parser's format and version, sealed.
pub fn random_document(p: &FileParser) -> impl Strategy<Value = String> {
    let format = p.kind.format_name();
    (json_value(), any::<bool>()).prop_map(move |(v, seal)| {
        let mut doc = match v {
            Value::Object(m) => Value::Object(m),
            other => Value::Object([("results".to_string(), other)].into_iter().collect()),
        };
        doc["format"] = format.into();
        doc["version"] = 1.into();
        if seal {
            reseal(&mut doc);
        }
        doc.to_string()
    })
}

#[test]
fn every_parser_accepts_its_samples() {
    for p in PARSERS {
        for (i, s) in (p.samples)().iter().enumerate() {
            assert!(
                (p.read)(s).is_ok(),
                "{} sample {i}: {:?}",
                p.name,
                (p.read)(s)
            );
            judge(p, s).unwrap();
        }
    }
}

#[test]
fn fuzz_parsers_with_arbitrary_bytes_and_text() {
    for p in PARSERS {
        check(p.name, CASES, arbitrary(), |text| judge(p, &text));
    }
}

#[test]
fn fuzz_parsers_with_random_documents_of_their_format() {
    for p in PARSERS {
        check(p.name, CASES, random_document(p), |text| judge(p, &text));
    }
}

/// The text as Windows Notepad saves it as "Unicode" (little endian) or "Unicode big
/// endian", with or without the byte-order mark.
pub fn as_utf16(text: &str, little_endian: bool, mark: bool) -> Vec<u8> {
    let mark = mark.then_some(0xfeff);
    mark.into_iter()
        .chain(text.trim_start_matches('\u{feff}').encode_utf16())
        .flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn fuzz_parsers_read_files_saved_as_utf16_as_their_utf8_selves() {
    for p in PARSERS {
        let files = prop_oneof![hostile(p), proptest::sample::select((p.samples)())];
        check(
            p.name,
            CASES,
            (files, any::<bool>(), any::<bool>()),
            |(text, le, mark)| {
                let read = decode_file(as_utf16(&text, le, mark));
                let plain = text.trim_start_matches('\u{feff}');
                prop_assert_eq!(read.trim_start_matches('\u{feff}'), plain);
                prop_assert_eq!((p.read)(&read), (p.read)(&text));
                judge(p, &read)
            },
        );
    }
}

#[test]
fn fuzz_parsers_with_damaged_files() {
    for p in PARSERS {
        check(p.name, CASES, damaged(p), |text| judge(p, &text));
    }
}

#[test]
fn fuzz_parsers_with_hostile_members() {
    for p in PARSERS {
        check(p.name, CASES, hostile(p), |text| judge(p, &text));
    }
}

#[test]
fn fuzz_every_parser_refuses_a_file_cut_at_any_length() {
    use doithoai::domain::bundle::FileError;
    for p in PARSERS {
        let samples = (p.samples)();
        // The compact sample cut at every character, the indented one at every 7th.
        for (sample, step) in [(&samples[1], 1), (&samples[0], 7)] {
            let whole = sample.trim_end();
            for (cut, _) in whole.char_indices().skip(1).step_by(step) {
                let refused = (p.read)(&whole[..cut]);
                assert!(
                    matches!(refused, Err(FileError::Truncated | FileError::Empty)),
                    "{} cut at {cut}: {refused:?}",
                    p.name
                );
            }
        }
    }
}

#[test]
fn fuzz_every_parser_refuses_huge_and_deep_files() {
    use doithoai::domain::bundle::FileError;
    for p in PARSERS {
        let sample = &(p.samples)()[0];
        // One byte over the limit, made of white space a JSON reader would skip.
        let mut huge = sample.clone();
        huge.push_str(&" ".repeat(p.kind.size_limit() + 1 - huge.len()));
        assert_eq!(
            (p.read)(&huge).err(),
            Some(FileError::TooLarge {
                limit_bytes: p.kind.size_limit()
            }),
            "{}",
            p.name
        );
        // Nested far deeper than any reader recurses: refused, no stack overflow.
        for deep in [
            format!("{{\"a\":{}", "[".repeat(100_000)),
            format!("{}{}", "[".repeat(50_000), "]".repeat(50_000)),
            format!("{}1{}", "{\"a\":".repeat(20_000), "}".repeat(20_000)),
        ] {
            judge(p, &deep).unwrap();
            assert!((p.read)(&deep).is_err(), "{}", p.name);
        }
    }
}

/// The locked files (the office's backup and key file): opening one never panics, whatever
/// it holds, and a locked text damaged anywhere is refused, never opened to other text.
#[test]
fn fuzz_locked_files_and_the_key_file_reader() {
    use doithoai::domain::bundle::office_key::{key_file, read_key_file};
    use doithoai::domain::bundle::sealed::{lock, unlock, OfficeKey};
    check("key file reader", CASES, gen::hostile_string(), |s| {
        let _ = read_key_file(&s);
        let _ = unlock(&s, "passphrase long enough");
        Ok(())
    });
    let key = OfficeKey::generate();
    let text = key_file(&key, "Cẩm Quang", chrono::DateTime::UNIX_EPOCH);
    // Work factor 2^2: the property is the reader's, not scrypt's.
    let locked = lock(&text, "passphrase long enough", 2).unwrap();
    // Each case runs scrypt once (tiny here, yet the slowest step in a debug build).
    check("locked text damaged", CASES / 4, text_change(), |change| {
        let damaged = apply_text(&locked, &change);
        if let Ok(opened) = unlock(&damaged, "passphrase long enough") {
            prop_assert_eq!(opened, text.clone());
        }
        Ok(())
    });
}
