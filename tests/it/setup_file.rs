//! The commune setup file the office hands each tablet: a good one sets the village up, and
//! every kind of bad one is refused with a reason a person can act on.

use doithoai::domain::bundle::setup::parse_commune_setup;
use doithoai::domain::bundle::{checksum, FieldProblem, FileError, FileKind};
use doithoai::i18n::Lang;

const GOOD: &str = r#"{
  "format": "doithoai.commune-setup",
  "version": 1,
  "commune": { "name": "Cẩm Quang", "province": "Hà Tĩnh" },
  "dialogue": { "title": "Đối thoại năm 2026", "meeting_from": "2026-08-27", "meeting_to": "2026-09-02", "session_date": "2026-09-05" },
  "villages": [
    { "code": "thon-1", "name": "Thôn 1", "head": "Nguyễn Văn Hùng" },
    { "code": "thon-2", "name": "Tho\u0302n 2", "head": "Tra\u0302\u0300n Thi\u0323 Lan" }
  ],
  "fields": ["Đất đai", "Xây dựng cơ bản", "Đất đai"]
}"#;

#[test]
fn village_head_loads_a_hand_written_setup_file() {
    let setup = parse_commune_setup(GOOD).unwrap();
    assert_eq!(setup.commune, "Cẩm Quang");
    assert_eq!(setup.villages.len(), 2);
    // Decomposed text in the file is stored precomposed.
    assert_eq!(setup.villages[1].name, "Thôn 2");
    assert_eq!(setup.villages[1].head, "Trần Thị Lan");
    assert_eq!(setup.fields, ["Đất đai", "Xây dựng cơ bản"]);
    let profile = setup.profile_for(1, "").unwrap();
    assert_eq!(
        (profile.village.as_str(), profile.head.as_str()),
        ("Thôn 2", "Trần Thị Lan")
    );
    assert_eq!(profile.village_code, "thon-2");
    let dialogue = profile.dialogue.unwrap();
    assert_eq!(dialogue.session_date.unwrap().to_string(), "2026-09-05");
    // The head may correct their name.
    assert_eq!(
        setup.profile_for(0, " Nguyễn  Văn Hưng ").unwrap().head,
        "Nguyễn Văn Hưng"
    );
    assert!(setup.profile_for(9, "").is_none());
}

#[test]
fn a_setup_file_with_a_checksum_must_match_it() {
    let mut doc: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    doc["checksum"] = checksum::of_document(&doc).into();
    assert!(parse_commune_setup(&doc.to_string()).is_ok());
    doc["commune"]["name"] = "Cẩm Quang 2".into();
    assert_eq!(
        parse_commune_setup(&doc.to_string()),
        Err(FileError::ChecksumMismatch)
    );
}

#[test]
fn windows_notepad_byte_order_mark_is_accepted() {
    assert!(parse_commune_setup(&format!("\u{feff}{GOOD}")).is_ok());
}

fn refused(text: &str) -> (FileError, String) {
    let e = parse_commune_setup(text).unwrap_err();
    let message = Lang::Vi.texts().file_error(&e);
    (e, message)
}

#[test]
fn bad_setup_files_are_refused_with_the_reason() {
    let (e, m) = refused("Đây là tệp Word, không phải JSON");
    assert!(matches!(e, FileError::NotJson { line: 1, .. }), "{e:?}");
    assert!(m.contains("không đúng định dạng JSON"), "{m}");

    let (e, m) = refused(&GOOD[..GOOD.len() / 2]);
    assert_eq!(e, FileError::Truncated);
    assert!(m.contains("cắt cụt"), "{m}");

    let (e, m) = refused(r#"{"format": "doithoai.village-bundle", "version": 1}"#);
    assert_eq!(
        e,
        FileError::WrongFormat {
            expected: FileKind::CommuneSetup,
            found: Some("doithoai.village-bundle".into())
        }
    );
    assert_eq!(
        m,
        "Đây là tệp kiến nghị của thôn, không phải tệp thiết lập của xã."
    );

    let (e, m) = refused(&GOOD.replace("\"version\": 1", "\"version\": 7"));
    assert_eq!(
        e,
        FileError::UnsupportedVersion {
            found: "7".into(),
            supported: 2
        }
    );
    assert!(m.contains("Phiên bản tệp 7 chưa được hỗ trợ"), "{m}");

    let (e, m) = refused(&GOOD.replace("\"name\": \"Thôn 1\"", "\"name\": 1"));
    assert_eq!(
        e,
        FileError::BadField {
            path: "villages[0].name".into(),
            problem: FieldProblem::WrongType
        }
    );
    assert!(m.contains("“villages[0].name” sai kiểu"), "{m}");

    let (e, _) = refused(&GOOD.replace(
        "\"commune\": { \"name\": \"Cẩm Quang\", \"province\": \"Hà Tĩnh\" },",
        "",
    ));
    assert_eq!(
        e,
        FileError::BadField {
            path: "commune".into(),
            problem: FieldProblem::Missing
        }
    );

    let (e, _) = refused(&GOOD.replace(
        "\"meeting_from\": \"2026-08-27\"",
        "\"meeting_from\": \"27/08/2026\"",
    ));
    assert_eq!(
        e,
        FileError::BadField {
            path: "dialogue.meeting_from".into(),
            problem: FieldProblem::Invalid
        }
    );

    let (e, m) = refused(&GOOD.replace("\"version\": 1", "\"version\": \"1\""));
    assert_eq!(
        e,
        FileError::BadField {
            path: "version".into(),
            problem: FieldProblem::WrongType
        }
    );
    assert!(m.contains("“version” sai kiểu"), "{m}");

    assert_eq!(refused("").0, FileError::Empty);
    assert_eq!(
        refused("[1, 2]").0,
        FileError::WrongFormat {
            expected: FileKind::CommuneSetup,
            found: None
        }
    );
}

#[test]
fn empty_duplicate_or_oversized_entries_are_refused() {
    let dup = GOOD.replace("Tho\\u0302n 2", "Thôn 1");
    assert_eq!(
        refused(&dup).0,
        FileError::BadField {
            path: "villages[1].name".into(),
            problem: FieldProblem::Invalid
        }
    );
    let same_code = GOOD.replace("\"code\": \"thon-2\"", "\"code\": \"thon-1\"");
    assert_eq!(
        refused(&same_code).0,
        FileError::BadField {
            path: "villages[1].code".into(),
            problem: FieldProblem::Invalid
        }
    );
    let no_villages =
        r#"{"format":"doithoai.commune-setup","version":1,"commune":{"name":"X"},"villages":[]}"#;
    assert_eq!(
        refused(no_villages).0,
        FileError::BadField {
            path: "villages".into(),
            problem: FieldProblem::Invalid
        }
    );
    let long_name = GOOD.replace("Cẩm Quang", &"x".repeat(201));
    assert_eq!(
        refused(&long_name).0,
        FileError::BadField {
            path: "commune.name".into(),
            problem: FieldProblem::Invalid
        }
    );
    let huge = format!("{GOOD}{}", " ".repeat(FileKind::CommuneSetup.size_limit()));
    assert_eq!(
        refused(&huge).0,
        FileError::TooLarge {
            limit_bytes: FileKind::CommuneSetup.size_limit()
        }
    );
    // Deep nesting is refused as bad JSON, without exhausting the stack.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(refused(&deep).0, FileError::NotJson { .. }));
}

#[test]
fn markup_in_a_setup_file_stays_text() {
    let hostile = GOOD.replace("Nguyễn Văn Hùng", "<img src=x onerror=alert(1)>");
    let setup = parse_commune_setup(&hostile).unwrap();
    assert_eq!(setup.villages[0].head, "<img src=x onerror=alert(1)>");
}
