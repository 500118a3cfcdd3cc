//! What the fuzz tests feed the parsers: hostile strings, arbitrary JSON documents, and
//! valid files damaged at the text level (bytes flipped, cut, lines doubled) or at the
//! document level (members deleted, doubled, retyped, nested deep, made huge), each
//! described as data so that proptest can shrink a failure to the smallest change.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Number, Value};
use unicode_normalization::UnicodeNormalization;

/// Strings people and programs have used against apps like this one, and the odd
/// characters Vietnamese text meets on its way (decomposed marks, legacy encodings).
pub const HOSTILE: &[&str] = &[
    "<img src=x onerror=\"window.__pwned=1\">",
    "<script>window.__pwned=1</script>",
    "\"><svg onload=window.__pwned=1>",
    "javascript:window.__pwned=1",
    "=HYPERLINK(\"http://x\",\"y\")",
    "=1+1",
    "+SUM(1)",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "\u{202e}gnp.exe",
    "\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{061c}",
    "\u{0}",
    "\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}[31m",
    "\u{7f}\u{80}\u{85}\u{9b}\u{9f}",
    "\u{2028}\u{2029}",
    "\u{feff}",
    "\u{fffd}\u{fffe}\u{ffff}",
    "\u{10ffff}\u{e000}",
    "\u{200b}\u{200d}\u{2060}",
    "Đa\u{0300}o đa\u{0302}\u{0301}t Tho\u{0302}n Đo\u{0302}ng",
    "Hµ Néi",          // "Hà Nội" typed in TCVN3
    "Haø Noäi",        // "Hà Nội" typed in VNI
    "NguyÔn V¨n An",   // a name typed in TCVN3
    "Nguyeãn Vaên An", // a name typed in VNI
    "a\u{0308}\u{0308}\u{0308}\u{0308}\u{0323}\u{0323}\u{0301}",
    "\u{1f600}\u{1f1fb}\u{1f1f3}",
    "ÐẤT ƉAI İı ß ǅ",
    "東京 Київ العربية עברית",
    "'; DROP TABLE x; --",
    "\"",
    "\\",
    "{{7*7}}${7*7}%s%n",
    "../../etc/passwd",
    "  \n \t \r\n ",
    "",
];

/// Pieces of JSON text, inserted anywhere in a file: lone surrogates, escapes the
/// canonical form never writes, numbers no integer type holds, broken structure.
pub const JSON_PIECES: &[&str] = &[
    "\\ud800",
    "\\udfff",
    "\\ud83d\\ude00",
    "\\u0000",
    "\\u001f",
    "\\u00e9",
    "\\u00E9",
    "\\/",
    "\\x41",
    "1e999",
    "-0",
    "1.0",
    "18446744073709551616",
    "-9223372036854775809",
    "NaN",
    "Infinity",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\"checksum\": \"sha256:0000\",",
    "\"format\": \"doithoai.village-bundle\",",
    "\"version\": 2,",
    "null,",
    "/* comment */",
    "\u{feff}",
    "\u{0}",
];

/// A hostile piece, an arbitrary string, or Vietnamese-looking text with marks
/// and control characters mixed in.
pub fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(HOSTILE).prop_map(str::to_string),
        2 => any::<String>(),
        3 => vietnamese_text(),
        1 => (proptest::sample::select(HOSTILE), vietnamese_text())
            .prop_map(|(h, v)| format!("{v}{h}{v}")),
    ]
}

/// Letters, marks (precomposed and combining), spaces, line breaks and control
/// characters as Vietnamese text typed on any keyboard may hold them.
pub fn vietnamese_text() -> impl Strategy<Value = String> {
    const ALPHABET: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠỀẾỂỄỆÒÓỎÕỌỲÝỶỸỴĐÐƉ0123456789 ,.;:-()\"'";
    const MARKS: &[char] = &[
        '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31b}',
        '\u{308}', '\u{340}', '\u{341}', '\u{343}', '\u{344}',
    ];
    const ODD: &[char] = &[
        '\n',
        '\r',
        '\t',
        '\u{0}',
        '\u{1}',
        '\u{7f}',
        '\u{85}',
        '\u{a0}',
        '\u{202e}',
        '\u{200f}',
        '\u{2028}',
        '\u{feff}',
        '\u{3000}',
        '\u{200b}',
        '\u{200d}',
        '\u{2066}',
        '\u{ad}',
        '\u{1160}',
        '\u{e0041}',
        '\u{2029}',
    ];
    let letters: Vec<char> = ALPHABET.chars().collect();
    let one = prop_oneof![
        12 => proptest::sample::select(letters),
        3 => proptest::sample::select(MARKS),
        1 => proptest::sample::select(ODD),
    ];
    vec(one, 0..40).prop_map(|cs| cs.into_iter().collect())
}

/// A scalar, a huge value, or a deep one: what replaces a member of a valid file.
#[derive(Clone, Debug)]
pub enum Leaf {
    Null,
    Bool(bool),
    Int(i64),
    Big(u64),
    Float(f64),
    Text(String),
    /// `n` copies of a piece: a string of up to 100,000 characters.
    Huge(&'static str, usize),
    EmptyArray,
    EmptyObject,
    /// An array of `n` copies of a string.
    LongArray(usize),
    /// Arrays nested `n` deep around a number.
    Deep(usize),
}

pub fn leaf() -> impl Strategy<Value = Leaf> {
    prop_oneof![
        1 => Just(Leaf::Null),
        1 => any::<bool>().prop_map(Leaf::Bool),
        2 => prop_oneof![
            Just(0i64), Just(-1), Just(1), Just(1_000_001), Just(4_294_967_296),
            Just(i64::MIN), Just(i64::MAX), any::<i64>(),
        ]
        .prop_map(Leaf::Int),
        1 => prop_oneof![Just(u64::MAX), any::<u64>()].prop_map(Leaf::Big),
        1 => prop_oneof![Just(1.5f64), Just(1e308), Just(-0.0), Just(4.0)].prop_map(Leaf::Float),
        5 => hostile_string().prop_map(Leaf::Text),
        1 => (proptest::sample::select(&["a", "đ", "Ệ", "\u{301}", "<b>", " "][..]), prop_oneof![Just(201usize), Just(5_001), Just(10_001), Just(100_000)])
            .prop_map(|(p, n)| Leaf::Huge(p, n)),
        1 => Just(Leaf::EmptyArray),
        1 => Just(Leaf::EmptyObject),
        1 => prop_oneof![Just(201usize), Just(501), Just(2_000)].prop_map(Leaf::LongArray),
        1 => prop_oneof![Just(2usize), Just(126), Just(127), Just(128), Just(129), Just(400)].prop_map(Leaf::Deep),
    ]
}

impl Leaf {
    pub fn value(&self) -> Value {
        match self {
            Leaf::Null => Value::Null,
            Leaf::Bool(b) => Value::Bool(*b),
            Leaf::Int(i) => Value::from(*i),
            Leaf::Big(u) => Value::from(*u),
            Leaf::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Leaf::Text(s) => Value::String(s.clone()),
            Leaf::Huge(p, n) => Value::String(p.repeat(*n)),
            Leaf::EmptyArray => Value::Array(Vec::new()),
            Leaf::EmptyObject => Value::Object(Map::new()),
            Leaf::LongArray(n) => Value::Array(vec![Value::String("x".into()); *n]),
            Leaf::Deep(n) => {
                let mut v = Value::from(1);
                for _ in 0..*n {
                    v = Value::Array(vec![v]);
                }
                v
            }
        }
    }
}

/// A change to a document (a file parsed as JSON), aimed at the node `at` of all its
/// nodes in document order.
#[derive(Clone, Debug)]
pub enum DocChange {
    Delete(Index),
    Replace(Index, Leaf),
    /// The same element twice in its array.
    Duplicate(Index),
    /// The node inside an array, or inside an object.
    Wrap(Index, bool),
    /// A string as a number, a number as a string, and so on.
    SwapType(Index),
    /// A hostile piece put before, in or after a string; or the string decomposed (NFD).
    EditString(Index, String, u8),
    RenameKey(Index, String),
    AddMember(Index, String, Leaf),
}

pub fn doc_change() -> impl Strategy<Value = DocChange> {
    let key = prop_oneof![
        3 => proptest::sample::select(
            &["format", "version", "checksum", "commune", "name", "code", "village", "villages",
              "petitions", "results", "id", "content", "kind", "status", "merged_into",
              "revision", "backers", "outcome", "answer", "meeting", "fields", "dialogue",
              "__proto__", "constructor", ""][..]
        ).prop_map(str::to_string),
        1 => hostile_string(),
    ];
    prop_oneof![
        3 => any::<Index>().prop_map(DocChange::Delete),
        6 => (any::<Index>(), leaf()).prop_map(|(i, l)| DocChange::Replace(i, l)),
        2 => any::<Index>().prop_map(DocChange::Duplicate),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(i, a)| DocChange::Wrap(i, a)),
        3 => any::<Index>().prop_map(DocChange::SwapType),
        6 => (any::<Index>(), hostile_string(), any::<u8>())
            .prop_map(|(i, s, w)| DocChange::EditString(i, s, w)),
        1 => (any::<Index>(), key.clone()).prop_map(|(i, k)| DocChange::RenameKey(i, k)),
        1 => (any::<Index>(), key, leaf()).prop_map(|(i, k, l)| DocChange::AddMember(i, k, l)),
    ]
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    At(usize),
}

/// Every node's path, in document order (the root first).
fn paths(v: &Value) -> Vec<Vec<Step>> {
    fn walk(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(here.clone());
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    here.push(Step::Key(k.clone()));
                    walk(c, here, out);
                    here.pop();
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    here.push(Step::At(i));
                    walk(c, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn node<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut v = v;
    for s in path {
        v = match (s, v) {
            (Step::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Step::At(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// Applies a change to a document. A change that does not fit the node chosen (renaming
/// the key of an array element, say) does nothing.
pub fn apply(doc: &mut Value, change: &DocChange) {
    let all = paths(doc);
    let pick = |i: &Index| all[i.index(all.len())].clone();
    match change {
        DocChange::Delete(i) | DocChange::Duplicate(i) | DocChange::RenameKey(i, _) => {
            let path = pick(i);
            let Some((last, parent_path)) = path.split_last() else {
                return;
            };
            let Some(parent) = node(doc, parent_path) else {
                return;
            };
            match (change, last, parent) {
                (DocChange::Delete(_), Step::Key(k), Value::Object(m)) => {
                    m.remove(k);
                }
                (DocChange::Delete(_), Step::At(n), Value::Array(a)) => {
                    a.remove(*n);
                }
                (DocChange::Duplicate(_), Step::At(n), Value::Array(a)) => {
                    let copy = a[*n].clone();
                    a.insert(*n, copy);
                }
                (DocChange::RenameKey(_, new), Step::Key(k), Value::Object(m)) => {
                    if let Some(v) = m.remove(k) {
                        m.insert(new.clone(), v);
                    }
                }
                _ => {}
            }
        }
        DocChange::Replace(i, leaf) => {
            if let Some(n) = node(doc, &pick(i)) {
                *n = leaf.value();
            }
        }
        DocChange::Wrap(i, array) => {
            if let Some(n) = node(doc, &pick(i)) {
                let inner = n.take();
                *n = if *array {
                    Value::Array(vec![inner])
                } else {
                    Value::Object(Map::from_iter([("value".to_string(), inner)]))
                };
            }
        }
        DocChange::SwapType(i) => {
            if let Some(n) = node(doc, &pick(i)) {
                *n = match n.take() {
                    Value::String(s) => match s.parse::<i64>() {
                        Ok(x) => Value::from(x),
                        Err(_) => Value::from(s.chars().count() as u64),
                    },
                    Value::Number(x) => Value::String(x.to_string()),
                    Value::Bool(b) => Value::String(b.to_string()),
                    Value::Null => Value::String("null".into()),
                    Value::Array(a) => Value::from(a.len() as u64),
                    Value::Object(m) => Value::Array(m.into_iter().map(|(_, v)| v).collect()),
                };
            }
        }
        DocChange::EditString(i, piece, how) => {
            // Aimed at the nearest string at or after the node chosen.
            let start = i.index(all.len());
            for p in all[start..].iter().chain(all[..start].iter()) {
                if let Some(Value::String(s)) = node(doc, p) {
                    *s = match how % 5 {
                        0 => format!("{piece}{s}"),
                        1 => format!("{s}{piece}"),
                        2 => {
                            let mid = s
                                .char_indices()
                                .nth(s.chars().count() / 2)
                                .map_or(0, |(b, _)| b);
                            format!("{}{piece}{}", &s[..mid], &s[mid..])
                        }
                        3 => s.nfd().collect(),
                        _ => piece.clone(),
                    };
                    return;
                }
            }
        }
        DocChange::AddMember(i, key, leaf) => {
            if let Some(Value::Object(m)) = node(doc, &pick(i)) {
                m.insert(key.clone(), leaf.value());
            }
        }
    }
}

/// A change to a file's text: what a bad copy, a careless edit or a hostile hand does.
#[derive(Clone, Debug)]
pub enum TextChange {
    FlipBits(Index, u8),
    SetByte(Index, u8),
    DeleteRange(Index, u8),
    Insert(Index, String),
    /// Inside a string: right after one of the text's `": "` openings.
    InsertInString(Index, String),
    Truncate(Index),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    ChangeDigit(Index, u8),
}

pub fn text_change() -> impl Strategy<Value = TextChange> {
    let piece = prop_oneof![
        3 => proptest::sample::select(JSON_PIECES).prop_map(str::to_string),
        2 => hostile_string(),
        1 => prop_oneof![Just(127usize), Just(128), Just(100_000)].prop_map(|n| "[".repeat(n)),
    ];
    prop_oneof![
        3 => (any::<Index>(), 1u8..=255).prop_map(|(i, m)| TextChange::FlipBits(i, m)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| TextChange::SetByte(i, b)),
        2 => (any::<Index>(), 1u8..64).prop_map(|(i, n)| TextChange::DeleteRange(i, n)),
        3 => (any::<Index>(), piece.clone()).prop_map(|(i, p)| TextChange::Insert(i, p)),
        3 => (any::<Index>(), piece).prop_map(|(i, p)| TextChange::InsertInString(i, p)),
        1 => any::<Index>().prop_map(TextChange::Truncate),
        2 => any::<Index>().prop_map(TextChange::DuplicateLine),
        2 => any::<Index>().prop_map(TextChange::DeleteLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| TextChange::SwapLines(a, b)),
        2 => (any::<Index>(), 0u8..10).prop_map(|(i, d)| TextChange::ChangeDigit(i, d)),
    ]
}

/// Applies a change to a text; bytes that are no longer UTF-8 read as U+FFFD, as a
/// browser's `File.text()` reads them.
pub fn apply_text(text: &str, change: &TextChange) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let n = bytes.len().max(1);
    match change {
        TextChange::FlipBits(i, mask) => {
            if !bytes.is_empty() {
                bytes[i.index(n)] ^= mask;
            }
        }
        TextChange::SetByte(i, b) => {
            if !bytes.is_empty() {
                bytes[i.index(n)] = *b;
            }
        }
        TextChange::DeleteRange(i, len) => {
            let at = i.index(n).min(bytes.len());
            let end = (at + usize::from(*len)).min(bytes.len());
            bytes.drain(at..end);
        }
        TextChange::Insert(i, piece) => {
            let at = i.index(n + 1).min(bytes.len());
            bytes.splice(at..at, piece.bytes());
        }
        TextChange::InsertInString(i, piece) => {
            let openings: Vec<usize> = text.match_indices("\": \"").map(|(b, _)| b + 4).collect();
            let openings = if openings.is_empty() {
                text.match_indices("\":\"").map(|(b, _)| b + 3).collect()
            } else {
                openings
            };
            if !openings.is_empty() {
                let at = *i.get(&openings);
                bytes.splice(at..at, piece.bytes());
            }
        }
        TextChange::Truncate(i) => bytes.truncate(i.index(n)),
        TextChange::DuplicateLine(_) | TextChange::DeleteLine(_) | TextChange::SwapLines(..) => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            match change {
                TextChange::DuplicateLine(i) => {
                    let at = i.index(lines.len());
                    lines.insert(at, lines[at]);
                }
                TextChange::DeleteLine(i) => {
                    lines.remove(i.index(lines.len()));
                }
                TextChange::SwapLines(a, b) => {
                    let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                    lines.swap(a, b);
                }
                _ => {}
            }
            return lines.join("\n");
        }
        TextChange::ChangeDigit(i, d) => {
            let digits: Vec<usize> = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_digit())
                .map(|(at, _)| at)
                .collect();
            if !digits.is_empty() {
                bytes[*i.get(&digits)] = b'0' + d;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Arbitrary JSON, its object members named like this app's more often than not.
pub fn json_value() -> impl Strategy<Value = Value> {
    let scalar = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u32..2_000_000).prop_map(Value::from),
        hostile_string().prop_map(Value::String),
        proptest::sample::select(
            &[
                "2026-08-27",
                "2026-08-27T08:05:10.000Z",
                "0b7e4f0a-6a1d-4c55-8f0e-6f1f3c2a9b10",
                "active",
                "merged",
                "kien_nghi",
                "to_cao",
                "answered",
                "later",
                "forwarded",
                "declined",
                "withdrawn",
                "Cẩm Quang",
                "Thôn 1",
                "thon-1"
            ][..]
        )
        .prop_map(|s| Value::String(s.to_string())),
    ];
    scalar.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            3 => proptest::sample::select(
                &["format", "version", "checksum", "commune", "name", "code", "head", "village",
                  "villages", "fields", "dialogue", "petitions", "results", "id", "revision",
                  "created_at", "updated_at", "content", "field", "kind", "petitioners",
                  "backers", "confidential", "status", "merged_into", "merged_from", "petition",
                  "question", "outcome", "answer", "summary", "due", "exported_at", "device_id",
                  "sequence", "app_version", "meeting", "session_date", "province"][..]
            ).prop_map(str::to_string),
            1 => "[a-z_]{0,8}",
        ];
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((key, inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}
