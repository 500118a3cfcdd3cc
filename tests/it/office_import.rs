//! The office takes in the villages' bundles: all or nothing, idempotent, newer revisions
//! win, deletions are marked, two contents under one revision are both kept, and nothing
//! the office did is ever overwritten. Then grouping, assignment, and the register stored
//! and read back.

use chrono::{DateTime, Utc};
use doithoai::domain::bundle::village::{
    build_village_bundle, parse_village_bundle, ExportContext,
};
use doithoai::domain::office::register::{ActionError, OfficeStatus, Refusal, Register};
use doithoai::domain::office::setup::{OfficeSetup, SetupDraft};
use doithoai::domain::petition::{Kind, Petition, PetitionDraft, PetitionId, Petitioners, Status};
use doithoai::domain::village::VillageProfile;
use doithoai::storage::office::OfficeRepository;
use doithoai::storage::{KeyValueStore, MemoryStore};

pub(crate) fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000 + minutes * 60, 0).unwrap()
}

pub(crate) fn setup() -> OfficeSetup {
    SetupDraft {
        commune: "Cẩm Quang".into(),
        villages: "Thôn 1; Nguyễn Văn Hùng\nThôn 2; Trần Thị Lan\nThôn 3".into(),
        ..SetupDraft::blank()
    }
    .validate(None)
    .unwrap()
}

pub(crate) fn petition(seed: u8, content: &str) -> Petition {
    let values = PetitionDraft {
        content: content.into(),
        field: "Đất đai".into(),
        kind_code: "kien_nghi".into(),
        names: "Lê Văn Tám".into(),
        backers: "3".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    Petition::new(
        PetitionId::from_random([seed; 16]),
        values,
        at(i64::from(seed)),
    )
}

/// The bundle text a village tablet would export.
pub(crate) fn bundle(
    commune: &str,
    village: usize,
    petitions: &[Petition],
    sequence: u32,
) -> String {
    bundle_with_meeting(commune, village, petitions, sequence, None)
}

/// [`bundle`] with the village meeting's record.
pub(crate) fn bundle_with_meeting(
    commune: &str,
    village: usize,
    petitions: &[Petition],
    sequence: u32,
    meeting: Option<&doithoai::domain::village::Meeting>,
) -> String {
    let s = setup();
    let v = &s.villages[village];
    let profile = VillageProfile {
        commune: commune.into(),
        province: String::new(),
        village_code: v.code.clone(),
        village: v.name.clone(),
        head: v.head.clone(),
        fields: s.fields.clone(),
        dialogue: None,
        office_key: None,
    };
    let ctx = ExportContext {
        app_version: "0.1.0",
        device_id: "3f6c1c9e-8a52-4d0b-9a3e-2b7f5e1c0d44",
        sequence,
        now: at(100 + i64::from(sequence)),
    };
    build_village_bundle(&profile, meeting, petitions, &ctx).to_json()
}

pub(crate) fn import(
    r: &mut Register,
    text: &str,
) -> Result<doithoai::domain::office::register::Imported, Refusal> {
    let read = parse_village_bundle(text).map_err(Refusal::File)?;
    r.import(read, Some(&setup()), at(500))
}

#[test]
fn the_same_bundle_twice_changes_nothing() {
    let mut r = Register::default();
    let ps = [
        petition(1, "Đường liên thôn xuống cấp"),
        petition(2, "Xin cấp sổ đỏ"),
    ];
    let text = bundle("Cẩm Quang", 0, &ps, 1);
    let first = import(&mut r, &text).unwrap();
    assert_eq!((first.counts.new, first.counts.unchanged), (2, 0));
    assert_eq!(first.village_name, "Thôn 1");
    let before = r.clone();
    let again = import(&mut r, &text).unwrap();
    assert_eq!((again.counts.new, again.counts.unchanged), (0, 2));
    assert_eq!(r.entries(), before.entries());
}

#[test]
fn a_newer_export_updates_adds_and_marks_deletions_but_keeps_the_office_work() {
    let mut r = Register::default();
    let a = petition(1, "Đường liên thôn xuống cấp");
    let b = petition(2, "Xin cấp sổ đỏ");
    let c = petition(3, "Thiếu đèn đường");
    import(
        &mut r,
        &bundle("Cẩm Quang", 0, &[a.clone(), b.clone(), c.clone()], 1),
    )
    .unwrap();
    // The office reclassifies and assigns a, and groups b with c.
    r.reclassify(&a.id, "Xây dựng cơ bản", Kind::Report)
        .unwrap();
    r.assign_petition(&a.id, Some("Địa chính"), "Ông Tâm")
        .unwrap();
    let g = r
        .create_group("Hạ tầng", "Khác", &[b.id.clone(), c.id.clone()])
        .unwrap();
    r.assign_group(&g, Some("Văn phòng"), "").unwrap();

    let mut a2 = a.edited(
        PetitionDraft {
            content: "Đường liên thôn xuống cấp nặng, nhiều ổ gà".into(),
            ..PetitionDraft::from_petition(&a)
        }
        .validate()
        .unwrap(),
        at(50),
    );
    a2.backers = 9;
    let b2 = b.deleted(at(51));
    let d = petition(4, "Rác thải không được thu gom");
    let counts = import(&mut r, &bundle("Cẩm Quang", 0, &[a2, b2, c.clone(), d], 2))
        .unwrap()
        .counts;
    assert_eq!(
        (
            counts.new,
            counts.updated,
            counts.unchanged,
            counts.withdrawn
        ),
        (1, 1, 1, 1)
    );

    let ea = r.get(&a.id).unwrap();
    assert_eq!(ea.original.backers, 9);
    assert!(ea.content().contains("ổ gà"));
    assert_eq!((ea.field(), ea.kind()), ("Xây dựng cơ bản", Kind::Report));
    assert_eq!(
        ea.original.field, "Đất đai",
        "the village's own classification stays visible"
    );
    assert_eq!(r.department_of(ea), Some("Địa chính"));
    assert_eq!(ea.office.official, "Ông Tâm");
    let eb = r.get(&b.id).unwrap();
    assert_eq!(r.status(eb), OfficeStatus::Withdrawn);
    assert_eq!(r.group(&g).unwrap().members.len(), 2, "grouping kept");
    // An older export arriving late changes nothing.
    let counts = import(&mut r, &bundle("Cẩm Quang", 0, std::slice::from_ref(&a), 1))
        .unwrap()
        .counts;
    assert_eq!(counts.unchanged, 1);
    assert_eq!(r.get(&a.id).unwrap().original.backers, 9);
}

#[test]
fn two_contents_under_one_revision_are_both_kept_until_a_person_decides() {
    let mut r = Register::default();
    let a = petition(1, "Đường liên thôn xuống cấp");
    import(&mut r, &bundle("Cẩm Quang", 0, std::slice::from_ref(&a), 1)).unwrap();
    let mut forked = a.clone();
    forked.content = "Kênh mương bị bồi lấp".into();
    let counts = import(
        &mut r,
        &bundle("Cẩm Quang", 0, std::slice::from_ref(&forked), 2),
    )
    .unwrap()
    .counts;
    assert_eq!(counts.conflicting, 1);
    let e = r.get(&a.id).unwrap();
    assert_eq!(e.original.content, a.content);
    assert_eq!(e.conflict.as_ref().unwrap().content, forked.content);
    assert_eq!(r.status(e), OfficeStatus::Conflict);
    // The same conflicting file again: still one conflict, counted once more as unchanged.
    let again = import(
        &mut r,
        &bundle("Cẩm Quang", 0, std::slice::from_ref(&forked), 2),
    )
    .unwrap()
    .counts;
    assert_eq!(again.unchanged, 1);
    r.resolve_conflict(&a.id, true).unwrap();
    let e = r.get(&a.id).unwrap();
    assert_eq!(e.original.content, forked.content);
    assert!(e.conflict.is_none());
}

#[test]
fn files_of_another_commune_or_village_are_refused_whole() {
    let mut r = Register::default();
    let a = petition(1, "Đường liên thôn xuống cấp");
    let other = import(&mut r, &bundle("Cẩm Bình", 0, std::slice::from_ref(&a), 1));
    assert_eq!(other.unwrap_err(), Refusal::OtherCommune("Cẩm Bình".into()));
    assert!(r.entries().is_empty());
    // The same petition id sent by a second village: a copied file.
    import(&mut r, &bundle("CẨM QUANG", 0, std::slice::from_ref(&a), 1)).unwrap();
    let copied = import(
        &mut r,
        &bundle("Cẩm Quang", 1, &[petition(2, "Mới"), a.clone()], 1),
    );
    assert!(matches!(copied, Err(Refusal::ForeignId(_))));
    assert_eq!(
        r.entries().len(),
        1,
        "nothing of the refused file was taken"
    );
    let read = parse_village_bundle(&bundle("Cẩm Quang", 0, &[a], 1)).unwrap();
    assert_eq!(r.import(read, None, at(1)), Err(Refusal::NoSetup));
}

#[test]
fn groups_need_two_free_petitions_and_a_title() {
    let mut r = Register::default();
    let ps: Vec<Petition> = (1..=4).map(|i| petition(i, "Đường xuống cấp")).collect();
    import(&mut r, &bundle("Cẩm Quang", 0, &ps[..2], 1)).unwrap();
    import(&mut r, &bundle("Cẩm Quang", 1, &ps[2..], 1)).unwrap();
    let ids: Vec<PetitionId> = ps.iter().map(|p| p.id.clone()).collect();
    assert_eq!(r.create_group(" ", "", &ids), Err(ActionError::EmptyTitle));
    assert_eq!(
        r.create_group("Đường", "", &ids[..1]),
        Err(ActionError::TooFewMembers)
    );
    let g = r
        .create_group("Đường liên thôn", "Giao thông", &ids[..3])
        .unwrap();
    assert_eq!(
        r.create_group("Khác", "", &ids[2..]),
        Err(ActionError::AlreadyGrouped)
    );
    let (villages, backers) = r.group_reach(r.group(&g).unwrap(), &setup());
    assert_eq!(
        (villages, backers),
        (vec!["Thôn 1".to_string(), "Thôn 2".to_string()], 9)
    );
    r.remove_from_group(&ids[0]).unwrap();
    r.remove_from_group(&ids[1]).unwrap();
    assert!(r.group(&g).is_none(), "a group of one is dissolved");
}

#[test]
fn the_register_is_stored_per_village_and_read_back_whole() {
    let mut r = Register::default();
    let ps: Vec<Petition> = (1..=4).map(|i| petition(i, "Đường xuống cấp")).collect();
    import(&mut r, &bundle("Cẩm Quang", 0, &ps[..2], 1)).unwrap();
    import(&mut r, &bundle("Cẩm Quang", 2, &ps[2..], 1)).unwrap();
    let g = r
        .create_group("Đường", "Giao thông", &[ps[0].id.clone(), ps[3].id.clone()])
        .unwrap();
    r.assign_group(&g, Some("Địa chính"), "Bà Hoa").unwrap();
    r.reclassify(&ps[1].id, "Khác", Kind::Question).unwrap();
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    repo.save_setup(&setup()).unwrap();
    repo.save(&r, &["thon-1", "thon-3"]).unwrap();
    assert_eq!(
        store
            .keys()
            .iter()
            .filter(|k| k.starts_with("dt1:o:v:"))
            .count(),
        2
    );
    let snap = repo.load();
    assert!(snap.broken_now.is_empty());
    assert_eq!(snap.setup, Some(setup()));
    let mut got: Vec<_> = snap.register.entries().to_vec();
    let mut want: Vec<_> = r.entries().to_vec();
    got.sort_by(|a, b| a.id().cmp(b.id()));
    want.sort_by(|a, b| a.id().cmp(b.id()));
    assert_eq!(got, want);
    assert_eq!(snap.register.groups(), r.groups());
    // A damaged chunk is set aside; the other village still loads.
    store
        .set("dt1:o:v:thon-3", "{\"village\": \"thon-3\", \"entries\": [")
        .unwrap();
    let snap = repo.load();
    assert_eq!(snap.broken_now.len(), 1);
    assert_eq!(snap.register.entries().len(), 2);
    assert_eq!(repo.broken_entries().len(), 1);
}

#[test]
fn text_typed_in_tcvn3_is_flagged_on_import_and_converted_beside_the_original() {
    let mut r = Register::default();
    let old = petition(1, "Céng hoµ x· héi chñ nghÜa ViÖt Nam");
    let new = petition(2, "Cộng hoà xã hội chủ nghĩa Việt Nam");
    let imported = import(&mut r, &bundle("Cẩm Quang", 0, &[old.clone(), new], 1)).unwrap();
    assert_eq!(imported.legacy, std::slice::from_ref(&old.id));
    let id = old.id.clone();
    r.convert_legacy(&id).unwrap();
    let e = r.get(&id).unwrap();
    assert_eq!(e.content(), "Cộng hoà xã hội chủ nghĩa Việt Nam");
    assert_eq!(
        e.original.content, old.content,
        "the village's text is kept as sent"
    );
    // Converted text is found by search like any other.
    let keys = doithoai::domain::office::list::search_keys(&r);
    let filter = doithoai::domain::office::list::ListFilter {
        text: "cong hoa xa hoi".into(),
        ..Default::default()
    };
    let hits = doithoai::domain::office::list::select(&r, &keys, &filter, &[]);
    assert_eq!(hits.len(), 2);
}

#[test]
fn names_and_addresses_typed_in_tcvn3_or_vni_are_converted_each_on_its_own() {
    let mut r = Register::default();
    // A name typed in TCVN3 and an address in VNI beside content typed in Unicode.
    let mut p = petition(1, "Đề nghị sửa đường liên thôn");
    p.petitioners = Petitioners::Named(vec!["NguyÔn V¨n An".into(), "Lê Thị Hoa".into()]);
    p.address = "Xoùm Ñoâng".into();
    let imported = import(&mut r, &bundle("Cẩm Quang", 0, &[p.clone()], 1)).unwrap();
    assert_eq!(imported.legacy, std::slice::from_ref(&p.id));
    let found = r.get(&p.id).unwrap().legacy_texts().unwrap();
    assert_eq!(found.content, None, "the Unicode content is left alone");
    assert_eq!(
        found.names.as_deref(),
        Some(&["Nguyễn Văn An".to_string(), "Lê Thị Hoa".to_string()][..])
    );
    assert_eq!(found.address.as_deref(), Some("Xóm Đông"));
    r.convert_legacy(&p.id).unwrap();
    let e = r.get(&p.id).unwrap();
    assert_eq!(e.names(), ["Nguyễn Văn An", "Lê Thị Hoa"]);
    assert_eq!(e.address(), "Xóm Đông");
    assert_eq!(
        e.original.petitioners, p.petitioners,
        "the village's text is kept"
    );
    assert_eq!(e.legacy_texts(), None, "converted once");
    // The session's queue names the petitioner as converted.
    let questions = doithoai::domain::session::queue::questions(&r, &setup(), at(5));
    assert!(
        format!("{:?}", questions[0].asker).contains("Nguyễn Văn An"),
        "{:?}",
        questions[0].asker
    );
    // A newer version from the village drops the conversion of the old one.
    let mut newer = p.edited(
        PetitionDraft {
            content: "Đề nghị sửa đường".into(),
            field: "Đất đai".into(),
            kind_code: Kind::Recommendation.code().into(),
            names: "Nguyễn Văn An".into(),
            ..PetitionDraft::default()
        }
        .validate()
        .unwrap(),
        at(9),
    );
    newer.revision = 2;
    import(&mut r, &bundle("Cẩm Quang", 0, &[newer], 2)).unwrap();
    let e = r.get(&p.id).unwrap();
    assert_eq!(e.names(), ["Nguyễn Văn An"]);
    assert_eq!(e.address(), "");
}

#[test]
fn search_keys_made_again_for_what_an_import_touched_equal_keys_made_from_scratch() {
    use doithoai::domain::office::list::{search_keys, update_search_keys};
    let mut r = Register::default();
    let a = petition(1, "Đường liên thôn xuống cấp");
    let b = petition(2, "Xin cấp sổ đỏ");
    let first = import(&mut r, &bundle("Cẩm Quang", 0, &[a.clone(), b.clone()], 1)).unwrap();
    let mut keys = Vec::new();
    update_search_keys(&mut keys, &r, &first.touched);
    assert_eq!(keys, search_keys(&r));
    let a2 = a.edited(
        PetitionDraft {
            content: "Đường liên thôn nhiều ổ gà".into(),
            ..PetitionDraft::from_petition(&a)
        }
        .validate()
        .unwrap(),
        at(50),
    );
    let c = petition(3, "Thiếu đèn đường");
    let second = import(&mut r, &bundle("Cẩm Quang", 0, &[a2, b, c], 2)).unwrap();
    assert_eq!(second.touched, [0, 2], "a changed, b did not, c is new");
    update_search_keys(&mut keys, &r, &second.touched);
    assert_eq!(keys, search_keys(&r));
    assert!(keys[0].contains("o ga"));
}

#[test]
fn a_chunk_written_straight_from_the_register_is_the_text_of_its_records() {
    use doithoai::domain::json;
    use doithoai::domain::office::records::{VillageChunk, VillageChunkView};
    let mut r = Register::default();
    let a = petition(1, "Đường liên thôn xuống cấp");
    let b = petition(2, "Xin cấp sổ đỏ \"gấp\"\nvà\tđo lại");
    let c = petition(3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam");
    let d = petition(4, "Rác thải");
    import(
        &mut r,
        &bundle(
            "Cẩm Quang",
            0,
            &[a.clone(), b.clone(), c.clone(), d.clone()],
            1,
        ),
    )
    .unwrap();
    // Every member a record can have: a conflict, a tombstone, a merge, the office's fields.
    let mut forked = a.clone();
    forked.content = "Kênh mương bị bồi lấp".into();
    let (kept, gone) = b.merged_with(&d, at(60));
    import(
        &mut r,
        &bundle("Cẩm Quang", 0, &[forked, kept, gone, c.deleted(at(61))], 2),
    )
    .unwrap();
    r.reclassify(&a.id, "Xây dựng cơ bản", Kind::Report)
        .unwrap();
    r.assign_petition(&a.id, Some("Địa chính"), "Ông Tâm")
        .unwrap();
    let mut named = petition(6, "Đường ngõ xóm lầy lội");
    named.petitioners = Petitioners::Named(vec!["NguyÔn V¨n An".into(), "Lê Văn Bình".into()]);
    named.address = "Xãm §«ng".into();
    let imported = import(
        &mut r,
        &bundle("Cẩm Quang", 1, &[petition(5, "Céng hoµ"), named], 1),
    )
    .unwrap();
    for id in &imported.legacy {
        r.convert_legacy(id).unwrap();
    }
    for v in ["thon-1", "thon-2", "thon-3"] {
        let records = json::to_text_fast(&VillageChunk::new(v, r.village_entries(v)));
        let view = json::to_text_fast(&VillageChunkView::new(v, r.village_entries(v)));
        assert_eq!(view, records, "{v}");
    }
    // Read back, every member comes back as it was: the conflict, the merge and its
    // tombstone, the office's fields.
    for v in ["thon-1", "thon-2"] {
        let text = json::to_text_fast(&VillageChunkView::new(v, r.village_entries(v)));
        let chunk: VillageChunk = json::from_text_fast(&text).unwrap();
        let read = chunk.into_entries().unwrap();
        let held: Vec<_> = r.village_entries(v).cloned().collect();
        assert_eq!(read, held, "{v}");
    }
    let thon1: Vec<_> = r.village_entries("thon-1").collect();
    assert!(thon1.iter().any(|e| e.conflict.is_some()));
    assert!(thon1.iter().any(|e| e.office.department.is_some()));
    assert!(thon1
        .iter()
        .any(|e| matches!(e.original.status, Status::MergedInto(_))));
    assert!(thon1.iter().any(|e| e.original.status == Status::Deleted));
}

#[test]
fn a_chunk_in_the_shape_of_earlier_releases_is_read_and_a_chunk_with_both_or_neither_is_refused() {
    use doithoai::domain::json;
    use doithoai::domain::office::records::VillageChunk;
    let entry = |id: &str| {
        format!(
            r#"{{"petition":{{"id":"{id}","revision":2,"created_at":"2026-08-29T01:00:00.000Z","updated_at":"2026-08-30T02:00:00.000Z","content":"Đường liên thôn xuống cấp","field":"Giao thông","kind":"kien_nghi","petitioners":["Lê Văn Tám"],"address":"","phone":"","backers":3,"confidential":false,"merged_from":[],"status":"active"}},"office":{{"department":"Địa chính"}},"imported_at":"2026-09-01T03:00:00.000Z"}}"#
        )
    };
    let id = "0c0c0c0c-0c0c-4c0c-8c0c-0c0c0c0c0c0c";
    let old = format!(r#"{{"village":"thon-1","entries":[{}]}}"#, entry(id));
    let chunk: VillageChunk = json::from_text_fast(&old).unwrap();
    let read = chunk.into_entries().unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].original.id.as_str(), id);
    assert_eq!(read[0].original.revision, 2);
    assert_eq!(read[0].office.department.as_deref(), Some("Địa chính"));
    assert_eq!(
        read[0].imported_at.to_rfc3339(),
        "2026-09-01T03:00:00+00:00"
    );
    // Written again, it is a chunk of rows, which reads back the same.
    let rows = json::to_text_fast(&VillageChunk::new("thon-1", read.iter()));
    assert!(
        rows.starts_with(r#"{"village":"thon-1","rows":[[[""#),
        "{rows}"
    );
    let again: VillageChunk = json::from_text_fast(&rows).unwrap();
    assert_eq!(again.into_entries().unwrap(), read);
    // A row whose text came decomposed (edited by hand, or by another program) is read
    // precomposed, as every text that comes in.
    let decomposed = rows.replace(
        "Đường liên thôn xuống cấp",
        "Đường lie\u{302}n tho\u{302}n xuo\u{302}\u{301}ng ca\u{302}\u{301}p",
    );
    assert_ne!(decomposed, rows);
    let read_back = json::from_text_fast::<VillageChunk>(&decomposed)
        .unwrap()
        .into_entries()
        .unwrap();
    assert_eq!(read_back[0].original.content, "Đường liên thôn xuống cấp");
    for bad in [
        r#"{"village":"thon-1"}"#.to_string(),
        format!(
            r#"{{"village":"thon-1","entries":[{}],"rows":[]}}"#,
            entry(id)
        ),
        // A row cut short, and one of the wrong shape.
        r#"{"village":"thon-1","rows":[[["0c0c0c0c-0c0c-4c0c-8c0c-0c0c0c0c0c0c",1]]]}"#.to_string(),
        r#"{"village":"thon-1","rows":[{"petition":{}}]}"#.to_string(),
        // A time no calendar holds.
        {
            let mut doc: serde_json::Value = serde_json::from_str(&rows).unwrap();
            doc["rows"][0][0][2] = i64::MAX.into();
            doc.to_string()
        },
    ] {
        let refused = json::from_text_fast::<VillageChunk>(&bad)
            .map_err(|_| ())
            .and_then(|c| c.into_entries().map_err(|_| ()));
        assert!(refused.is_err(), "{bad}");
    }
}

#[test]
fn each_keystroke_finds_exactly_what_a_fresh_search_finds() {
    use doithoai::domain::office::list::{search_keys, select, select_after, ListFilter, Sort};
    let texts = [
        "Đường liên thôn xuống cấp, nhiều ổ gà",
        "Đề nghị sửa đường liên thôn đoạn qua xóm Bàu",
        "Trợ cấp người cao tuổi chưa được nhận",
        "Đường điện hạ thế chập chờn",
        "Liên hệ cấp sổ đỏ cho hộ ông Nguyễn Văn Hùng",
        "Đường thôn ngập nước mùa mưa",
    ];
    let mut r = Register::default();
    for village in 0..3 {
        // Petitions made at the same minute, so that sorts meet ties.
        let petitions: Vec<Petition> = (0..12)
            .map(|i| {
                let mut p = petition((village * 12 + i) as u8 + 1, texts[i % texts.len()]);
                p.created_at = at((i / 4) as i64);
                p
            })
            .collect();
        import(&mut r, &bundle("Cẩm Quang", village, &petitions, 1)).unwrap();
    }
    let keys = search_keys(&r);
    let villages = ["to-dan-pho-3", "thon-1", "thon-2"].map(String::from);
    // Typed on, erased, typed again, another village chosen: each step's hits, found from
    // the step before, are those of a fresh search. The keyboard may send Vietnamese
    // decomposed, a mark after its letter, and typing stops between the two.
    let decomposed = "Đu\u{31b}\u{300}o\u{31b}ng lie\u{302}n";
    for sort in Sort::ALL {
        for query in [
            "duong lien thon o ga",
            "Đường liên",
            "tro cap nguoi",
            decomposed,
        ] {
            let mut steps: Vec<ListFilter> = Vec::new();
            let ends: Vec<usize> = query
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .collect();
            let typed = |end: usize| ListFilter {
                text: query[..end].to_string(),
                sort,
                ..ListFilter::default()
            };
            steps.extend(ends.iter().map(|&e| typed(e)));
            steps.extend(ends.iter().rev().skip(1).take(3).map(|&e| typed(e)));
            steps.push(ListFilter {
                village: "thon-1".into(),
                ..typed(*ends.last().unwrap())
            });
            let mut before = ListFilter {
                sort,
                ..ListFilter::default()
            };
            let mut hits = select(&r, &keys, &before, &villages);
            for after in steps {
                hits = select_after(&r, &keys, &after, &villages, Some((&before, &hits)));
                let fresh = select(&r, &keys, &after, &villages);
                assert_eq!(hits, fresh, "{sort:?} {:?} {:?}", after.text, after.village);
                before = after;
            }
        }
        let found = select(
            &r,
            &keys,
            &ListFilter {
                text: decomposed.into(),
                sort,
                ..ListFilter::default()
            },
            &villages,
        );
        assert!(!found.is_empty(), "decomposed typing finds the petitions");
    }
}

#[test]
fn the_import_page_knows_who_has_sent_who_sent_again_and_who_is_missing_after_a_reload() {
    use doithoai::domain::office::arrivals::{arrivals, missing};
    use doithoai::domain::office::register::FileLabel;
    use doithoai::domain::village::Meeting;
    let s = setup();
    let take = |r: &mut Register, text: &str, name: &str, sealed: bool, minute: i64| {
        let read = parse_village_bundle(text).unwrap();
        let label = FileLabel {
            name: name.into(),
            sealed,
        };
        r.import_file(read, Some(&s), at(minute), label).unwrap();
    };
    let mut r = Register::default();
    let ps: Vec<Petition> = (1..=3).map(|i| petition(i, "Đường xuống cấp")).collect();
    take(
        &mut r,
        &bundle("Cẩm Quang", 0, &ps[..1], 1),
        "thon-1.json",
        false,
        600,
    );
    // The same village again, a later export with one more petition, encrypted.
    take(
        &mut r,
        &bundle("Cẩm Quang", 0, &ps[..2], 2),
        "thon-1 (1).age",
        true,
        700,
    );
    // Thôn 3 sends its meeting with its petition.
    let meeting = Meeting {
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        place: "Nhà văn hóa thôn 3".into(),
        attendance: 57,
        ..Meeting::planned("")
    };
    let with_meeting = bundle_with_meeting("Cẩm Quang", 2, &ps[2..], 1, Some(&meeting));
    // A hostile file name is kept only as it can be shown.
    let long = format!("\u{202e}{}.json", "x".repeat(500));
    take(&mut r, &with_meeting, &long, false, 800);

    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    repo.save_setup(&s).unwrap();
    repo.save(&r, &["thon-1", "thon-3"]).unwrap();
    let loaded = repo.load().register;
    for register in [&r, &loaded] {
        let a = arrivals(register, &s);
        assert_eq!(a.len(), 3);
        assert_eq!(missing(&a), vec!["Thôn 2"]);
        let first = &a[0];
        assert!(first.has_sent() && first.resent());
        assert_eq!((first.files, first.petitions), (2, 2));
        let latest = first.latest.unwrap();
        assert_eq!(
            latest.file,
            FileLabel {
                name: "thon-1 (1).age".into(),
                sealed: true
            }
        );
        assert_eq!(latest.imported_at, at(700));
        assert!(first.meeting.is_none());
        let third = &a[2];
        assert!(third.has_sent() && !third.resent());
        let m = third.meeting.unwrap();
        assert_eq!(m.meeting_date, meeting.date);
        assert_eq!(
            (m.meeting_place.as_str(), m.attendance),
            ("Nhà văn hóa thôn 3", Some(57))
        );
        let name = &third.latest.unwrap().file.name;
        assert!(
            name.chars().count() <= 80 && !name.contains('\u{202e}'),
            "{name}"
        );
    }
    // An entry written before the office kept these reads as one file, name unknown.
    store
        .set(
            "dt1:o:sources",
            r#"[{"village":"thon-2","device_id":"d","sequence":1,"exported_at":"2026-01-01T00:00:00Z","imported_at":"2026-01-01T00:00:00Z"}]"#,
        )
        .unwrap();
    let old = repo.load().register;
    let a = arrivals(&old, &s);
    assert_eq!(missing(&a), vec!["Thôn 1", "Thôn 3"]);
    assert_eq!(
        (a[1].files, a[1].latest.unwrap().file.name.as_str()),
        (1, "")
    );
}

#[test]
fn many_petitions_are_classified_and_assigned_in_one_save_a_grouped_one_through_its_group() {
    use doithoai::domain::office::register::BulkChange;
    let mut r = Register::default();
    let ps: Vec<Petition> = (1..=4).map(|i| petition(i, "Đường xuống cấp")).collect();
    import(&mut r, &bundle("Cẩm Quang", 0, &ps[..2], 1)).unwrap();
    import(&mut r, &bundle("Cẩm Quang", 2, &ps[2..], 1)).unwrap();
    let g = r
        .create_group("Đường", "Đất đai", &[ps[0].id.clone(), ps[2].id.clone()])
        .unwrap();
    let change = BulkChange {
        field: Some("Xây dựng cơ bản".into()),
        kind: Some(Kind::Report),
        assign: Some(("Địa chính".into(), "Bà Hoa".into())),
    };
    let before = r.clone();
    // One unknown petition: nothing changes at all.
    let unknown = PetitionId::from_random([99; 16]);
    let ids = [
        ps[0].id.clone(),
        ps[1].id.clone(),
        ps[2].id.clone(),
        unknown,
    ];
    assert_eq!(
        r.apply_many(&ids, &change),
        Err(ActionError::UnknownPetition)
    );
    assert_eq!(r, before);

    let touched = r.apply_many(&ids[..3], &change).unwrap();
    assert_eq!(touched, ["thon-1", "thon-3"]);
    for p in &ps[..3] {
        let e = r.get(&p.id).unwrap();
        assert_eq!((e.field(), e.kind()), ("Xây dựng cơ bản", Kind::Report));
    }
    // The grouped ones are answered with their group: the group is assigned.
    let group = r.group(&g).unwrap();
    assert_eq!(
        (group.department.as_deref(), group.official.as_str()),
        (Some("Địa chính"), "Bà Hoa")
    );
    assert_eq!(
        r.get(&ps[1].id).unwrap().office.department.as_deref(),
        Some("Địa chính")
    );
    // The one not chosen is untouched.
    assert_eq!(r.get(&ps[3].id).unwrap(), before.get(&ps[3].id).unwrap());
    // Only the classification: the assignment stays.
    let only = BulkChange {
        field: Some("Đất đai".into()),
        ..BulkChange::default()
    };
    r.apply_many(&[ps[1].id.clone()], &only).unwrap();
    let e = r.get(&ps[1].id).unwrap();
    assert_eq!(
        (e.field(), e.office.department.as_deref()),
        ("Đất đai", Some("Địa chính"))
    );
}
