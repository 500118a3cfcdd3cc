//! The village bundle: exported with a checksum that a reader can verify, read back whole,
//! and refused when tampered with or broken.

use chrono::DateTime;
use doithoai::domain::bundle::checksum;
use doithoai::domain::bundle::village::{
    build_village_bundle, parse_village_bundle, ExportContext,
};
use doithoai::domain::bundle::{FieldProblem, FileError};
use doithoai::domain::petition::{Petition, PetitionDraft, PetitionId};
use doithoai::domain::village::{Meeting, ProfileDraft};

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
            problem: FieldProblem::Invalid
        }
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
