//! The report's settings: defaults, storage and the form. The counts and every export
//! are tested whole in tests/it/report.rs.

use super::*;

#[test]
fn new_settings_name_the_province_and_start_the_narrative() {
    let s = ReportSettings::default();
    assert_eq!(s.recipient, "Ủy ban nhân dân tỉnh");
    let headings: Vec<&str> = s.narrative.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Đánh giá chung",
            "Những tồn tại, hạn chế",
            "Kiến nghị, đề xuất"
        ]
    );
    assert!(s.narrative.iter().all(|s| !s.text.is_empty()));
    assert_eq!((s.number, s.year, s.date), (None, None, None));
}

#[test]
fn settings_stored_by_an_older_app_load_with_the_defaults() {
    let s: ReportSettings = serde_json::from_str("{}").unwrap();
    assert_eq!(s, ReportSettings::default());
    let s: ReportSettings =
        serde_json::from_str(r#"{"recipient":"Sở Nội vụ tỉnh","date":"2026-10-05"}"#).unwrap();
    assert_eq!(s.recipient, "Sở Nội vụ tỉnh");
    assert_eq!(s.date, NaiveDate::from_ymd_opt(2026, 10, 5));
    assert_eq!(s.narrative, ReportSettings::default().narrative);
    let back: ReportSettings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

#[test]
fn a_stored_entry_is_cleaned_again() {
    let s = ReportSettings {
        recipient: "  Ủy ban nhân dân  tỉnh\n\n So\u{31b} Nội vụ ".into(),
        narrative: vec![
            Section {
                heading: " Đánh giá ".into(),
                text: "Tô\u{301}t".into(),
            },
            Section::default(),
        ],
        ..ReportSettings::default()
    }
    .cleaned();
    assert_eq!(s.recipients(), ["Ủy ban nhân dân tỉnh", "Sơ Nội vụ"]);
    assert_eq!(s.narrative.len(), 1);
    assert_eq!(s.narrative[0].text, "Tốt");
    let empty = ReportSettings {
        recipient: " \n ".into(),
        ..ReportSettings::default()
    }
    .cleaned();
    assert_eq!(empty.recipient, "Ủy ban nhân dân tỉnh");
}

#[test]
fn the_form_keeps_the_number_already_taken() {
    let before = ReportSettings {
        number: Some(5),
        year: Some(2026),
        ..ReportSettings::default()
    };
    let mut f = ReportDraft::from_settings(&before);
    assert_eq!(f.date, "");
    f.recipient = "Sở Nội vụ tỉnh Quảng Nam\nThường trực Đảng ủy xã".into();
    f.date = "5/10/2026".into();
    f.narrative[0].text = "Hội nghị thành công tốt đẹp.".into();
    f.narrative.push(Section::default());
    let s = f.read(&before).unwrap();
    assert_eq!(s.number, Some(5));
    assert_eq!(s.date, NaiveDate::from_ymd_opt(2026, 10, 5));
    assert_eq!(s.narrative.len(), 3, "an empty section is dropped");
    assert_eq!(
        s.recipients(),
        ["Sở Nội vụ tỉnh Quảng Nam", "Thường trực Đảng ủy xã"]
    );
    let n = s
        .document_number(NaiveDate::from_ymd_opt(2026, 10, 5).unwrap())
        .unwrap();
    assert_eq!(n.line(), "Số: 05/BC-UBND");

    f.date = "31/09/2026".into();
    assert_eq!(f.read(&before), Err(ReportFormError::BadDate));
    f.date = String::new();
    f.recipient = " ".into();
    assert_eq!(f.read(&before), Err(ReportFormError::NoRecipient));
    f.recipient = "x".repeat(301);
    assert_eq!(f.read(&before), Err(ReportFormError::TooLong));
}
