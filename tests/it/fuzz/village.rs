//! The village bundle's two ways in agree: the fast path (serde straight from the text,
//! the canonical form copied from the text) and the `Value` path (the document parsed,
//! its canonical form written from it) give the same verdict, and the same error or the
//! same bundle, on every input. And the canonical text copied from a file is exactly the
//! one written from its parsed document, or is declined.

use doithoai::domain::bundle::checksum::{canonical_text, of_canonical, of_document};
use doithoai::domain::bundle::village::{begin_village_bundle, Begun, ReadBundle};
use doithoai::domain::bundle::FileError;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::check;
use super::files::{arbitrary, damaged, hostile, random_document};
use super::gen::json_value;
use super::parsers::VILLAGE;

const CASES: u32 = 256;

fn same(a: &Result<ReadBundle, FileError>, b: &Result<ReadBundle, FileError>) -> bool {
    match (a, b) {
        (Ok(a), Ok(b)) => a.bundle == b.bundle && a.petitions == b.petitions,
        (Err(a), Err(b)) => a == b,
        _ => false,
    }
}

/// Both ways on one text.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let Begun::ToHash(pending) = begin_village_bundle(text) else {
        // Declined by the fast path: read the `Value` way already.
        return Ok(());
    };
    // The canonical text the caller hashes is the parsed document's.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc: Value = serde_json::from_str(body).map_err(|e| {
        TestCaseError::fail(format!("fast path took a text serde_json refuses ({e})"))
    })?;
    let sum = of_canonical(pending.canonical());
    prop_assert_eq!(&sum, &of_document(&doc), "canonical text differs");
    let fast = pending.finish(text, &sum);
    // A sum that matches nothing sends `finish` the `Value` way.
    let Begun::ToHash(again) = begin_village_bundle(text) else {
        return Err(TestCaseError::fail("the fast path changed its mind"));
    };
    let slow = again.finish(text, "sha256:not-a-sum");
    prop_assert!(
        same(&fast, &slow),
        "fast {:?} / value {:?}",
        fast.as_ref().err(),
        slow.as_ref().err()
    );
    Ok(())
}

#[test]
fn fuzz_village_bundle_fast_and_value_paths_agree() {
    let p = &VILLAGE;
    check("fast = value, damaged", CASES, damaged(p), |t| agree(&t));
    check("fast = value, hostile", CASES, hostile(p), |t| agree(&t));
    check("fast = value, random", CASES, random_document(p), |t| {
        agree(&t)
    });
    check("fast = value, arbitrary", CASES / 2, arbitrary(), |t| {
        agree(&t)
    });
    // Indented by another writer, members in another order: still the fast path.
    check("fast = value, rewritten", CASES, rewritten_bundle(), |t| {
        agree(&t)
    });
}

/// How a writer other than this app might write JSON.
#[derive(Clone, Debug)]
struct Style {
    /// White space between tokens, cycled through.
    spaces: Vec<&'static str>,
    /// Members in a shuffled order (a seed), or sorted.
    shuffle: Option<Index>,
    /// Non-ASCII as `\uXXXX`, `/` as `\/`: valid, but not the canonical escapes.
    escape_non_ascii: bool,
    escape_slash: bool,
    /// Integers written as `1.0` or `1e0`.
    float_ints: bool,
    /// One member written twice (the first time with another value).
    duplicate: Option<Index>,
}

fn style() -> impl Strategy<Value = Style> {
    (
        vec(
            proptest::sample::select(&["", " ", "\n", "\t", "\r\n", "  \n  "][..]),
            1..4,
        ),
        proptest::option::of(any::<Index>()),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.1),
        proptest::option::weighted(0.1, any::<Index>()),
    )
        .prop_map(
            |(spaces, shuffle, escape_non_ascii, escape_slash, float_ints, duplicate)| Style {
                spaces,
                shuffle,
                escape_non_ascii,
                escape_slash,
                float_ints,
                duplicate,
            },
        )
}

struct Writer<'a> {
    style: &'a Style,
    out: String,
    n: usize,
    objects: usize,
}

impl Writer<'_> {
    fn ws(&mut self) {
        let s = self.style.spaces[self.n % self.style.spaces.len()];
        self.n += 1;
        self.out.push_str(s);
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '/' if self.style.escape_slash => self.out.push_str("\\/"),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c if !c.is_ascii() && self.style.escape_non_ascii => {
                    let mut buf = [0u16; 2];
                    for u in c.encode_utf16(&mut buf) {
                        self.out.push_str(&format!("\\u{u:04X}"));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::Object(m) => {
                let mut members: Vec<(&String, &Value)> = m.iter().collect();
                if let Some(seed) = &self.style.shuffle {
                    // A rotation and a reversal: enough to leave most orders unsorted.
                    let k = seed.index(members.len().max(1));
                    let k = k.min(members.len());
                    members.rotate_left(k);
                    if k % 2 == 1 {
                        members.reverse();
                    }
                }
                self.objects += 1;
                let twice = self
                    .style
                    .duplicate
                    .as_ref()
                    .filter(|_| self.objects == 1)
                    .map(|i| i.index(members.len().max(1)));
                self.out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.ws();
                    if twice == Some(i) {
                        self.string(k);
                        self.out.push(':');
                        self.out.push_str("null,");
                    }
                    self.string(k);
                    self.ws();
                    self.out.push(':');
                    self.ws();
                    self.value(v);
                }
                self.ws();
                self.out.push('}');
            }
            Value::Array(a) => {
                self.out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.ws();
                    self.value(v);
                }
                self.ws();
                self.out.push(']');
            }
            Value::String(s) => self.string(s),
            Value::Number(n) if self.style.float_ints && n.is_u64() => {
                self.out.push_str(&format!("{n}.0"));
            }
            other => self.out.push_str(&other.to_string()),
        }
    }
}

fn write(v: &Value, style: &Style) -> String {
    let mut w = Writer {
        style,
        out: String::new(),
        n: 0,
        objects: 0,
    };
    w.ws();
    w.value(v);
    w.ws();
    w.out
}

/// The village samples, possibly changed, written in another style.
fn rewritten_bundle() -> impl Strategy<Value = String> {
    let docs: Vec<Value> = (VILLAGE.samples)()
        .iter()
        .map(|t| serde_json::from_str(t.trim_start_matches('\u{feff}')).unwrap())
        .collect();
    (
        0..docs.len(),
        proptest::option::weighted(0.3, super::gen::doc_change()),
        style(),
    )
        .prop_map(move |(i, change, style)| {
            let mut doc = docs[i].clone();
            if let Some(c) = change {
                super::gen::apply(&mut doc, &c);
            }
            super::parsers::reseal(&mut doc);
            write(&doc, &style)
        })
}

/// Any JSON object, written in any style.
fn any_document() -> impl Strategy<Value = String> {
    (json_value(), style()).prop_map(|(v, style)| {
        let doc = match v {
            Value::Object(m) => Value::Object(m),
            other => Value::Object([("a".to_string(), other)].into_iter().collect()),
        };
        write(&doc, &style)
    })
}

/// The canonical text copied from a file is byte for byte the one written from the
/// parsed document, or declined.
fn canonical_is_exact(text: &str) -> Result<(), TestCaseError> {
    if let Some(copied) = canonical_text(text) {
        let doc: Value = serde_json::from_str(text).map_err(|e| {
            TestCaseError::fail(format!(
                "canonical_text copied a text serde_json refuses ({e})"
            ))
        })?;
        prop_assert_eq!(of_canonical(&copied), of_document(&doc));
    }
    Ok(())
}

#[test]
fn fuzz_canonical_text_is_the_documents_canonical_form_or_declines() {
    check("canonical, any document", CASES * 2, any_document(), |t| {
        canonical_is_exact(&t)
    });
    check(
        "canonical, rewritten bundle",
        CASES,
        rewritten_bundle(),
        |t| canonical_is_exact(&t),
    );
    check("canonical, damaged bundle", CASES, damaged(&VILLAGE), |t| {
        canonical_is_exact(&t)
    });
}

#[test]
fn canonical_text_declines_what_serde_json_refuses_at_its_depth_limit() {
    // serde_json reads 127 nested arrays or objects inside the top one, and no more.
    for depth in 120..=135 {
        let text = format!("{{\"a\":{}1{}}}", "[".repeat(depth), "]".repeat(depth));
        canonical_is_exact(&text).unwrap_or_else(|e| panic!("depth {depth}: {e}"));
    }
}

/// Thôn 1's petitions already at the office, and Thôn 2's, whose ids a bundle of Thôn 1
/// must not touch.
fn office_with_petitions() -> (
    doithoai::domain::office::setup::OfficeSetup,
    doithoai::domain::office::register::Register,
) {
    use doithoai::domain::office::register::Register;
    use doithoai::domain::office::setup::SetupDraft;
    let setup = SetupDraft {
        commune: "Cẩm Quang".into(),
        villages: "Thôn 1; Nguyễn Văn Hùng\nThôn 2".into(),
        ..SetupDraft::blank()
    }
    .validate(None)
    .unwrap();
    let mut register = Register::default();
    let read =
        doithoai::domain::bundle::village::parse_village_bundle(&(VILLAGE.samples)()[0]).unwrap();
    register
        .import(
            read,
            Some(&setup),
            chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
        )
        .unwrap();
    (setup, register)
}

/// The office takes a bundle whole or not at all: a refused one (another commune, an
/// unknown village, another village's ids) leaves the register exactly as it was, and
/// an accepted one keeps clean text only.
#[test]
fn fuzz_office_import_is_all_or_nothing() {
    let (setup, register) = office_with_petitions();
    let now = chrono::DateTime::from_timestamp(1_790_100_000, 0).unwrap();
    check("import all or nothing", CASES, hostile(&VILLAGE), |text| {
        let Ok(read) = doithoai::domain::bundle::village::parse_village_bundle(&text) else {
            return Ok(());
        };
        let mut r = register.clone();
        match r.import(read, Some(&setup), now) {
            Err(_) => prop_assert_eq!(&r, &register, "a refused bundle changed the register"),
            Ok(_) => {
                for e in r.entries() {
                    let p = &e.original;
                    for t in [&p.content, &p.field, &p.address, &p.phone] {
                        super::is_clean_text(t).map_err(TestCaseError::fail)?;
                    }
                }
                for s in r.sources() {
                    super::is_clean_text(&s.device_id).map_err(TestCaseError::fail)?;
                }
            }
        }
        Ok(())
    });
}
