//! The village bundle: exported with a checksum that a reader can verify, read back whole,
//! and refused when tampered with or broken.

use chrono::DateTime;
use doithoai::domain::bundle::checksum;
use doithoai::domain::bundle::village::{
    begin_village_bundle, build_village_bundle, parse_village_bundle, Begun, ExportContext,
};
use doithoai::domain::bundle::{FieldProblem, FileError};
use doithoai::domain::petition::{Petition, PetitionDraft, PetitionId};
use doithoai::domain::village::{Meeting, ProfileDraft};
use doithoai::i18n::Lang;

fn petition(seed: u8, content: &str, kind: &str) -> Petition {
    let values = PetitionDraft {
        content: content.into(),
        field: "Đất đai".into(),
        kind_code: kind.into(),
        names: "Phạm Văn Đức".into(),
        backers: "2".into(),
        confidential: kind == "to_cao",
        ..Default::default()
    }
    .validate()
    .unwrap();
    let at = DateTime::from_timestamp(1_780_000_000 + i64::from(seed), 0).unwrap();
    Petition::new(PetitionId::from_random([seed; 16]), values, at)
}

fn exported() -> (String, Vec<Petition>) {
    let profile = ProfileDraft {
        commune: "Cẩm Quang".into(),
        village: "Thôn Đông".into(),
        head: "Nguyễn Văn Hùng".into(),
    }
    .validate()
    .unwrap();
    let mut meeting = Meeting::planned("Nguyễn Văn Hùng");
    meeting.attendance = 40;
    let now = DateTime::from_timestamp(1_780_003_600, 0).unwrap();
    let a = petition(
        1,
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        "kien_nghi",
    );
    let b = petition(
        2,
        "Tố cáo lấn chiếm đất công <script>alert(1)</script>",
        "to_cao",
    );
    let c = petition(3, "Hỏi về đền bù", "cau_hoi").deleted(now);
    let petitions = vec![c, b, a];
    let ctx = ExportContext {
        app_version: "0.1.0",
        device_id: "3f6c1c9e-8a52-4d0b-9a3e-2b7f5e1c0d44",
        sequence: 4,
        now,
    };
    let bundle = build_village_bundle(&profile, Some(&meeting), &petitions, &ctx);
    assert_eq!(
        bundle.file_name(now.date_naive()),
        "kien-nghi_thon-dong_cam-quang_28-05-2026.json"
    );
    (bundle.to_json(), petitions)
}

#[test]
fn an_exported_bundle_reads_back_whole() {
    let (text, petitions) = exported();
    let read = parse_village_bundle(&text).unwrap();
    assert_eq!(read.bundle.village.name, "Thôn Đông");
    assert_eq!(read.bundle.sequence, 4);
    assert_eq!(read.bundle.meeting.as_ref().unwrap().attendance, 40);
    // Oldest first, tombstone included, every member intact.
    let mut expected = petitions.clone();
    expected.sort_by_key(|p| p.created_at);
    assert_eq!(read.petitions, expected);
    let denunciation = read
        .petitions
        .iter()
        .find(|p| p.content.starts_with("Tố cáo"))
        .unwrap();
    assert!(denunciation.confidential);
    assert_eq!(denunciation.petitioners.names(), ["Phạm Văn Đức"]);
}

#[test]
fn the_checksum_is_sha256_of_the_canonical_document() {
    let (text, _) = exported();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let written = doc["checksum"].as_str().unwrap().to_string();
    assert!(written.starts_with("sha256:") && written.len() == 71);
    assert_eq!(checksum::of_document(&doc), written);
    // Re-indenting the file does not change its checksum.
    assert!(parse_village_bundle(&doc.to_string()).is_ok());
}

#[test]
fn a_tampered_bundle_is_refused() {
    let (text, _) = exported();
    let tampered = text.replacen("\"backers\": 2", "\"backers\": 200", 1);
    assert_ne!(tampered, text);
    assert_eq!(
        parse_village_bundle(&tampered).unwrap_err(),
        FileError::ChecksumMismatch
    );
    let truncated = &text[..text.len() - 40];
    assert_eq!(
        parse_village_bundle(truncated).unwrap_err(),
        FileError::Truncated
    );
}

#[test]
fn a_bundle_breaking_petition_rules_is_refused_even_with_a_valid_checksum() {
    let (text, _) = exported();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["petitions"][1]["kind"] = "bogus".into();
    doc["checksum"] = checksum::of_document(&doc).into();
    assert_eq!(
        parse_village_bundle(&doc.to_string()).unwrap_err(),
        FileError::BadField {
            path: "petitions[1].kind".into(),
            problem: FieldProblem::Invalid
        }
    );
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["petitions"][1]["id"] = doc["petitions"][0]["id"].clone();
    doc["checksum"] = checksum::of_document(&doc).into();
    assert_eq!(
        parse_village_bundle(&doc.to_string()).unwrap_err(),
        FileError::BadField {
            path: "petitions[1].id".into(),
            problem: FieldProblem::Repeats("petitions[0].id".into())
        }
    );
    // The message names the repeated member, not a valid id as if it were bad.
    let message = Lang::Vi
        .texts()
        .file_error(&parse_village_bundle(&doc.to_string()).unwrap_err());
    assert!(
        message.contains("“petitions[1].id” trùng với mã ở “petitions[0].id”"),
        "{message}"
    );
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["petitions"][0]["backers"] = "hai".into();
    doc["checksum"] = checksum::of_document(&doc).into();
    assert_eq!(
        parse_village_bundle(&doc.to_string()).unwrap_err(),
        FileError::BadField {
            path: "petitions[0].backers".into(),
            problem: FieldProblem::WrongType
        }
    );
}

/// The document written with every object's members in reverse order and spaced out, as
/// another program might write it (the benchmark's files keep the order of declaration).
fn reversed(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(map) => {
            let members: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("{} : {}", serde_json::Value::from(k.as_str()), reversed(v)))
                .collect();
            format!("{{\r\n\t{}\n}}", members.join(" ,\n\t"))
        }
        serde_json::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(reversed).collect();
            format!("[ {} ]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// Reads a file in the two steps the office takes, hashing with the app's SHA-256; says
/// whether it went the direct way (canonical form copied from the text).
fn read_in_steps(text: &str) -> (bool, Result<Vec<Petition>, FileError>) {
    match begin_village_bundle(text) {
        Begun::ToHash(pending) => {
            let sum = checksum::of_canonical(pending.canonical());
            (true, pending.finish(text, &sum).map(|r| r.petitions))
        }
        Begun::Read(read) => (false, read.map(|r| r.petitions)),
    }
}

#[test]
fn exported_compact_and_reordered_files_take_the_direct_way_and_read_the_same() {
    let (text, _) = exported();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let want = parse_village_bundle(&text).unwrap().petitions;
    let bom = format!("\u{feff}{text}");
    for file in [text.clone(), doc.to_string(), reversed(&doc), bom] {
        let (direct, read) = read_in_steps(&file);
        assert!(direct, "{file}");
        assert_eq!(read.unwrap(), want);
        assert_eq!(parse_village_bundle(&file).unwrap().petitions, want);
        // The bytes hashed are exactly the canonical form of the parsed document.
        if let Begun::ToHash(p) = begin_village_bundle(&file) {
            assert_eq!(
                checksum::of_canonical(p.canonical()),
                checksum::of_document(&doc)
            );
        }
    }
}

#[test]
fn a_file_the_direct_way_declines_is_read_through_the_document_tree() {
    let (text, _) = exported();
    // Valid JSON escapes that the canonical form writes as the characters themselves.
    let escaped = text.replacen(
        "Hỏi về đền bù",
        "H\\u1ecfi v\\u1ec1 \\u0111\\u1ec1n b\\u00f9",
        1,
    );
    assert_ne!(escaped, text);
    let (direct, read) = read_in_steps(&escaped);
    assert!(!direct);
    assert_eq!(
        read.unwrap(),
        parse_village_bundle(&text).unwrap().petitions
    );
    let tampered = escaped.replacen("\\u00f9", "\\u00fa", 1);
    assert_eq!(
        read_in_steps(&tampered),
        (false, Err(FileError::ChecksumMismatch))
    );
    assert_eq!(
        parse_village_bundle(&tampered).unwrap_err(),
        FileError::ChecksumMismatch
    );
}

#[test]
fn a_tampered_file_fails_on_both_ways_and_the_order_of_checks_holds() {
    let (text, _) = exported();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    for file in [text.clone(), doc.to_string(), reversed(&doc)] {
        // A changed number, a changed letter: the direct way gets as far as the sum.
        for (from, to) in [("2026", "2025"), ("Đông", "Tây")] {
            let tampered = file.replacen(from, to, 1);
            assert_ne!(tampered, file);
            let (_, read) = read_in_steps(&tampered);
            assert_eq!(read, Err(FileError::ChecksumMismatch), "{tampered}");
        }
        // A sum that differs from the file's sends the file the `Value` way, which
        // checks it again itself: a sound file still reads, a tampered one does not.
        let wrong = checksum::of_canonical(b"{}");
        let Begun::ToHash(pending) = begin_village_bundle(&file) else {
            panic!("direct way expected");
        };
        assert!(pending.finish(&file, &wrong).is_ok());
        let tampered = file.replacen("Đông", "Tây", 1);
        let Begun::ToHash(pending) = begin_village_bundle(&tampered) else {
            panic!("direct way expected");
        };
        assert_eq!(
            pending.finish(&tampered, &wrong).unwrap_err(),
            FileError::ChecksumMismatch
        );
    }
    // Format and version come before the checksum, whichever way the file is read.
    let other = text.replacen("doithoai.village-bundle", "doithoai.commune-setup", 1);
    assert!(matches!(
        read_in_steps(&other),
        (false, Err(FileError::WrongFormat { .. }))
    ));
    let newer = text.replacen("\"version\": 2", "\"version\": 3", 1);
    assert_ne!(newer, text);
    assert!(matches!(
        read_in_steps(&newer),
        (false, Err(FileError::UnsupportedVersion { .. }))
    ));
    // A member of the wrong type under a valid checksum is named, as before.
    let mut doc2 = doc.clone();
    doc2["sequence"] = "bốn".into();
    doc2["checksum"] = checksum::of_document(&doc2).into();
    assert_eq!(
        read_in_steps(&doc2.to_string()),
        (
            false,
            Err(FileError::BadField {
                path: "sequence".into(),
                problem: FieldProblem::WrongType
            })
        )
    );
    // A duplicated member is read as serde_json reads it, through the tree.
    let twice = text.replacen("\"sequence\": 4", "\"sequence\": 4, \"sequence\": 4", 1);
    assert_ne!(twice, text);
    assert!(!read_in_steps(&twice).0);
}
