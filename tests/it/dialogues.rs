//! A commune's second dialogue: the first is closed with a matter still open, stored
//! apart and read back unchanged, and the next one opens from its setup with the matter
//! carried in; a closed dialogue is read-only; closing twice is refused.

use doithoai::domain::office::dialogue::{
    close, next_session, open_matters, CloseError, FIRST_DIALOGUE,
};
use doithoai::domain::office::register::Refusal;
use doithoai::domain::office::setup::SetupDraft;
use doithoai::domain::session::outcome::Outcome;
use doithoai::domain::session::queue::{fill, questions};
use doithoai::domain::session::Session;
use doithoai::storage::office::{OfficeRepository, OfficeSnapshot};
use doithoai::storage::{KeyValueStore, MemoryStore, StoreError};

use crate::office_import::{at, bundle, import, petition, setup};

/// An office that held its first dialogue: two petitions, one answered on the spot, one
/// to be answered later (due 05/10/2026) and not answered yet.
fn held() -> (MemoryStore, OfficeRepository<MemoryStore>) {
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    let mut s = setup();
    s.dialogue.session_date = chrono::NaiveDate::from_ymd_opt(2026, 9, 5);
    repo.save_setup(&s).unwrap();
    let mut r = doithoai::domain::office::register::Register::default();
    let road = petition(1, "Đường liên thôn xuống cấp, nhiều ổ gà");
    let light = petition(2, "Thiếu đèn chiếu sáng ngã ba chợ");
    import(&mut r, &bundle("Cẩm Quang", 0, &[road, light], 1)).unwrap();
    repo.save(&r, &["thon-1"]).unwrap();
    let mut session = Session::default();
    let mut items = fill(&mut session, &[], questions(&r, &s, at(600)), &r).added;
    session.start(at(610)).unwrap();
    let answered = Outcome::Answered {
        summary: "Xã lắp đèn trong tháng 10".into(),
        by: "Chủ tịch UBND xã".into(),
    };
    session.record(&mut items[0], answered, at(620)).unwrap();
    let later = Outcome::Later {
        department: "Địa chính".into(),
        official: String::new(),
        due: chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
    };
    session.record(&mut items[1], later, at(630)).unwrap();
    session.finish(&items, at(700)).unwrap();
    repo.save_session(&session).unwrap();
    for i in &items {
        repo.save_item(i).unwrap();
    }
    (store, repo)
}

/// The day 2026 is closed.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

/// Closes the office's 2026 dialogue (its open matters confirmed as listed) and opens 2027
/// under `id`, stored. The office as it was before, and what closing made.
fn close_2026(
    repo: &OfficeRepository<MemoryStore>,
    id: &str,
) -> (OfficeSnapshot, doithoai::domain::office::dialogue::Closing) {
    let before = repo.load();
    let open = open_matters(&before.session, &before.items, today());
    let setup = before.setup.clone().unwrap();
    let closing = close(
        Some(&setup),
        &before.session,
        &before.items,
        2,
        &open,
        at(9000),
    )
    .unwrap();
    let next = SetupDraft {
        title: "Đối thoại năm 2027".into(),
        session_date: "04/09/2027".into(),
        ..SetupDraft::next_from(&setup)
    }
    .validate_next(&setup, id)
    .unwrap();
    let session = next_session(&before.session, &closing.carried);
    repo.close_dialogue(&closing, &before.closed, &next, &session)
        .unwrap();
    (before, closing)
}

#[test]
fn the_second_dialogue_opens_with_the_open_matter_and_the_first_is_kept_whole() {
    let (store, repo) = held();
    let (before, _) = close_2026(&repo, "3f6c1c9e-8a52-4d0b-9a3e-2b7f5e1c0d44");
    let setup = before.setup.clone().unwrap();
    let today = today();

    // The office now works on 2027: no petitions yet, the open matter on its queue.
    let now = repo.load();
    assert_eq!(
        now.setup.as_ref().unwrap().dialogue.title,
        "Đối thoại năm 2027"
    );
    assert!(now.register.entries().is_empty());
    assert_eq!(now.items.len(), 1);
    let carried = now.items[0].carried.as_ref().unwrap();
    assert_eq!(carried.dialogue, FIRST_DIALOGUE);
    assert_eq!(now.session.order, [now.items[0].id.clone()]);
    assert_eq!(now.closed.len(), 1);
    assert_eq!(now.closed[0].title, setup.dialogue.title);
    assert_eq!(now.closed[0].carried, 1);
    assert!(now.broken_now.is_empty());

    // 2026 reads back as it was closed.
    let old = OfficeRepository::viewing(store.clone(), FIRST_DIALOGUE).load();
    assert_eq!(old.setup, before.setup);
    assert_eq!(old.register.entries(), before.register.entries());
    assert_eq!(old.session, before.session);
    assert_eq!(old.items, before.items);
    assert!(old.broken_now.is_empty());

    // Every key is one the office's backup takes.
    assert!(store
        .keys()
        .iter()
        .all(|k| OfficeRepository::<MemoryStore>::is_office_key(k)));

    // A bundle of the 2026 round is refused in 2027, and changes nothing.
    let mut register = now.register.clone();
    let old_round = bundle("Cẩm Quang", 0, &[petition(9, "Kiến nghị của vòng cũ")], 2);
    let read = doithoai::domain::bundle::village::parse_village_bundle(&old_round).unwrap();
    assert_eq!(
        register.import(read, now.setup.as_ref(), at(9050)),
        Err(Refusal::OtherDialogue {
            found: String::new(),
            current: "Đối thoại năm 2027".into()
        })
    );
    assert!(register.entries().is_empty());

    // Closing 2027 at once is refused: its session has not been held.
    let open = open_matters(&now.session, &now.items, today);
    assert_eq!(
        close(
            now.setup.as_ref(),
            &now.session,
            &now.items,
            0,
            &open,
            at(9100)
        ),
        Err(CloseError::SessionNotFinished)
    );
}

#[test]
fn a_closed_dialogue_cannot_be_changed() {
    let (store, repo) = held();
    let (_, closing) = close_2026(&repo, "n2");
    let next = repo.load().setup.unwrap();
    let entries_before: Vec<(String, Option<String>)> = {
        let mut k = store.keys();
        k.sort();
        k.into_iter().map(|k| (k.clone(), store.get(&k))).collect()
    };
    let viewing = OfficeRepository::viewing(store.clone(), FIRST_DIALOGUE);
    let old = viewing.load();
    assert_eq!(
        viewing.save_session(&old.session),
        Err(StoreError::ReadOnly)
    );
    assert_eq!(viewing.save_item(&old.items[0]), Err(StoreError::ReadOnly));
    assert_eq!(
        viewing.save(&old.register, &["thon-1"]),
        Err(StoreError::ReadOnly)
    );
    assert_eq!(viewing.save_setup(&next), Err(StoreError::ReadOnly));
    assert_eq!(
        viewing.close_dialogue(&closing, &[], &next, &old.session),
        Err(StoreError::ReadOnly)
    );
    let entries_after: Vec<(String, Option<String>)> = {
        let mut k = store.keys();
        k.sort();
        k.into_iter().map(|k| (k.clone(), store.get(&k))).collect()
    };
    assert_eq!(entries_before, entries_after, "nothing written");
}

/// A bundle of `petitions` from Thôn 1 that names the dialogue `id` (titled `title`).
fn bundle_of(id: &str, title: &str, petitions: &[doithoai::domain::petition::Petition]) -> String {
    let mut doc: serde_json::Value =
        serde_json::from_str(&bundle("Cẩm Quang", 0, petitions, 1)).unwrap();
    doc["dialogue"] = serde_json::json!({ "id": id, "title": title });
    doc.as_object_mut().unwrap().remove("checksum");
    doc["checksum"] = doithoai::domain::bundle::checksum::of_document(&doc).into();
    doc.to_string()
}

#[test]
fn a_bundle_is_taken_only_by_the_dialogue_it_names() {
    use doithoai::domain::bundle::village::parse_village_bundle;
    use doithoai::domain::bundle::{FieldProblem, FileError};
    let first = setup();
    let next = SetupDraft {
        title: "Đối thoại năm 2027".into(),
        ..SetupDraft::next_from(&first)
    }
    .validate_next(&first, "n2027")
    .unwrap();
    let of_2027 = bundle_of(
        "n2027",
        "Đối thoại năm 2027",
        &[petition(1, "Kiến nghị năm 2027")],
    );
    let mut r = doithoai::domain::office::register::Register::default();
    // Taken by 2027.
    let read = parse_village_bundle(&of_2027).unwrap();
    assert_eq!(read.bundle.dialogue.as_ref().unwrap().id, "n2027");
    r.import(read, Some(&next), at(1)).unwrap();
    assert_eq!(r.entries().len(), 1);
    // An office still in its first dialogue refuses it, naming both dialogues.
    let mut r = doithoai::domain::office::register::Register::default();
    assert_eq!(
        r.import(parse_village_bundle(&of_2027).unwrap(), Some(&first), at(1)),
        Err(Refusal::OtherDialogue {
            found: "Đối thoại năm 2027".into(),
            current: first.dialogue.title.clone(),
        })
    );
    // A bundle naming the first dialogue by its id is the first's, as one naming none.
    let of_first = bundle_of(FIRST_DIALOGUE, "", &[petition(2, "Kiến nghị năm 2026")]);
    r.import(
        parse_village_bundle(&of_first).unwrap(),
        Some(&first),
        at(1),
    )
    .unwrap();
    // An id that could not be one (it would go into storage keys) is refused, named.
    let hostile = bundle_of("../v:thon-1", "x", &[petition(3, "Một kiến nghị")]);
    assert_eq!(
        parse_village_bundle(&hostile).unwrap_err(),
        FileError::BadField {
            path: "dialogue.id".into(),
            problem: FieldProblem::Invalid
        }
    );
}

#[test]
fn the_setup_file_names_its_dialogue_and_a_tablet_reads_it() {
    use doithoai::domain::bundle::setup::parse_commune_setup;
    use doithoai::domain::bundle::{FieldProblem, FileError};
    let first = setup();
    let next = SetupDraft {
        title: "Đối thoại chuyên đề giải phóng mặt bằng".into(),
        kind: doithoai::domain::office::dialogue::DialogueKind::Thematic,
        theme: "Giải phóng mặt bằng tuyến ĐT 549".into(),
        ..SetupDraft::next_from(&first)
    }
    .validate_next(&first, "n2027")
    .unwrap();
    let text = next.setup_file(None);
    let read = parse_commune_setup(&text).unwrap();
    let d = read.dialogue.unwrap();
    assert_eq!(d.id, "n2027");
    assert_eq!(d.theme, "Giải phóng mặt bằng tuyến ĐT 549");
    // The first dialogue's file of version 1 (no id) reads as the first's.
    let mut doc: serde_json::Value = serde_json::from_str(&first.setup_file(None)).unwrap();
    doc["version"] = 1.into();
    doc["dialogue"].as_object_mut().unwrap().remove("id");
    doc.as_object_mut().unwrap().remove("checksum");
    let read = parse_commune_setup(&doc.to_string()).unwrap();
    assert_eq!(read.dialogue.unwrap().id, FIRST_DIALOGUE);
    // A bad id, or a thematic dialogue without its theme, is refused with the member.
    for (edit, path) in [
        (serde_json::json!({ "id": "a b" }), "dialogue.id"),
        (serde_json::json!({ "kind": "chuyen_de" }), "dialogue.theme"),
    ] {
        let mut bad = doc.clone();
        bad["dialogue"] = edit;
        assert_eq!(
            parse_commune_setup(&bad.to_string()).unwrap_err(),
            FileError::BadField {
                path: path.into(),
                problem: FieldProblem::Invalid
            }
        );
    }
}

#[test]
fn the_report_compares_with_the_previous_dialogue_and_counts_the_carried_matters() {
    use doithoai::domain::report::document::{blocks, body_text, comparison_rows, tables, Block};
    use doithoai::domain::report::{build, csv};
    let (_, repo) = held();
    let before = repo.load();
    let today = today();
    let setup = before.setup.clone().unwrap();
    let report_2026 = build(
        &setup,
        &before.register,
        &before.session,
        &before.items,
        &before.session.report,
        today,
    );
    let f = &report_2026.figures;
    assert_eq!((f.petitions, f.on_the_spot, f.open), (2, 1, 1));
    // Without an earlier dialogue the report has no comparison.
    assert!(!tables(&report_2026)
        .iter()
        .any(|t| t.title == "So sánh với cuộc đối thoại trước"));

    close_2026(&repo, "n2027");
    let now = repo.load();
    let report_2027 = build(
        now.setup.as_ref().unwrap(),
        &now.register,
        &now.session,
        &now.items,
        &now.session.report,
        today,
    )
    .compared_with(report_2026.figures.clone());
    assert_eq!(report_2027.figures.carried, 1);
    assert_eq!(report_2027.figures.carried_settled, 0);
    let rows = comparison_rows(&report_2027);
    assert_eq!(
        rows[0],
        ("Số ý kiến, kiến nghị nhận được".to_string(), 2, 0)
    );
    assert_eq!(rows[1], ("Trả lời ngay tại hội nghị".to_string(), 1, 0));
    assert!(blocks(&report_2027).contains(&Block::Subheading(
        "5. So sánh với cuộc đối thoại trước".into()
    )));
    let text = body_text(&report_2027);
    assert!(text.contains("So với cuộc đối thoại trước (năm 2026), số ý kiến, kiến nghị nhận được giảm 2 (0 so với 2); trả lời ngay tại hội nghị 0 so với 1; còn 1 nội dung chưa giải quyết xong so với 1."), "{text}");
    assert!(text.contains("Có 1 nội dung chưa giải quyết xong của cuộc đối thoại trước được chuyển sang cuộc đối thoại này; đến ngày 07/12/2026 đã giải quyết xong 0."), "{text}");
    let csv = csv::report_csv(&report_2027);
    assert!(csv.contains("So sánh với cuộc đối thoại trước"), "{csv}");
    // The carried matter is on the list of matters still being settled, overdue.
    assert_eq!(report_2027.open.len(), 1);
    assert!(report_2027.open[0].overdue());
}

#[test]
fn a_thematic_dialogues_theme_is_on_every_document() {
    use doithoai::domain::report::build;
    use doithoai::domain::report::document::subject;
    use doithoai::domain::session::announcement::announcement;
    use doithoai::domain::session::followup::results_notice_body;
    use doithoai::domain::session::minutes::minutes;
    let first = setup();
    let thematic = SetupDraft {
        title: "Đối thoại giữa Chủ tịch UBND xã với nhân dân".into(),
        kind: doithoai::domain::office::dialogue::DialogueKind::Thematic,
        theme: "Giải phóng mặt bằng tuyến ĐT 549".into(),
        session_date: "12/03/2027".into(),
        ..SetupDraft::next_from(&first)
    }
    .validate_next(&first, "n2027")
    .unwrap();
    let session = Session::default();
    let theme = "chuyên đề: Giải phóng mặt bằng tuyến ĐT 549";
    let m = minutes(&thematic, &session, &[], None);
    assert!(m.subject.ends_with(theme), "{}", m.subject);
    assert!(results_notice_body(&thematic, &session, &[]).contains(theme));
    assert!(announcement(&thematic, &session.prep).contains(theme));
    let today = chrono::NaiveDate::from_ymd_opt(2027, 3, 20).unwrap();
    let r = build(
        &thematic,
        &Default::default(),
        &session,
        &[],
        &session.report,
        today,
    );
    assert_eq!(
        subject(&r),
        format!("Kết quả tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân năm 2027, {theme}")
    );
    // A title that says the theme already is not made longer.
    let mut said = thematic.clone();
    said.dialogue.title = "Đối thoại về giải phóng mặt bằng tuyến ĐT 549".into();
    assert_eq!(
        minutes(&said, &session, &[], None).subject,
        "Đối thoại về giải phóng mặt bằng tuyến ĐT 549"
    );
}

#[test]
fn a_thematic_dialogue_of_some_villages_is_theirs_alone() {
    use doithoai::domain::bundle::setup::parse_commune_setup;
    use doithoai::domain::bundle::village::parse_village_bundle;
    use doithoai::domain::office::setup::SetupError;
    let first = setup();
    let draft = SetupDraft {
        title: "Đối thoại về giải phóng mặt bằng tuyến ĐT 549".into(),
        kind: doithoai::domain::office::dialogue::DialogueKind::Thematic,
        theme: "Giải phóng mặt bằng tuyến ĐT 549".into(),
        participants: "thôn 2\nThôn 3".into(),
        ..SetupDraft::next_from(&first)
    };
    // A village the commune does not have is refused, named.
    let wrong = SetupDraft {
        participants: "Thôn 9".into(),
        ..draft.clone()
    };
    assert_eq!(
        wrong.validate_next(&first, "gpmb"),
        Err(SetupError::UnknownParticipant("Thôn 9".into()))
    );
    let thematic = draft.validate_next(&first, "gpmb").unwrap();
    assert_eq!(thematic.dialogue.villages, ["thon-2", "thon-3"]);
    assert_eq!(
        thematic.villages.len(),
        3,
        "the commune's villages are all kept"
    );
    // The setup file is for the villages taking part.
    let file = parse_commune_setup(&thematic.setup_file(None)).unwrap();
    let names: Vec<&str> = file.villages.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Thôn 2", "Thôn 3"]);
    // Thôn 1's bundle is refused; Thôn 2's taken.
    let of = |village: usize, seed: u8| {
        let mut doc: serde_json::Value = serde_json::from_str(&bundle(
            "Cẩm Quang",
            village,
            &[petition(seed, "Đền bù đất")],
            1,
        ))
        .unwrap();
        doc["dialogue"] = serde_json::json!({ "id": "gpmb", "title": "GPMB" });
        doc.as_object_mut().unwrap().remove("checksum");
        doc["checksum"] = doithoai::domain::bundle::checksum::of_document(&doc).into();
        parse_village_bundle(&doc.to_string()).unwrap()
    };
    let mut r = doithoai::domain::office::register::Register::default();
    assert_eq!(
        r.import(of(0, 1), Some(&thematic), at(1)),
        Err(Refusal::NotTakingPart("Thôn 1".into()))
    );
    r.import(of(1, 2), Some(&thematic), at(1)).unwrap();
    let report = doithoai::domain::report::build(
        &thematic,
        &r,
        &Session::default(),
        &[],
        &Default::default(),
        today(),
    );
    assert_eq!(
        report.by_village,
        [("Thôn 2".to_string(), 1), ("Thôn 3".to_string(), 0)]
    );
    assert_eq!(report.facts.villages, 2);
    // Stored and read back; the next dialogue is the whole commune's again.
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    repo.save_setup(&thematic).unwrap();
    assert_eq!(repo.load().setup.unwrap(), thematic);
    assert!(SetupDraft::next_from(&thematic).participants.is_empty());
    // A stored setup naming a village it does not list is set aside, not read.
    let text = store.get("dt1:o:setup").unwrap();
    store
        .set("dt1:o:setup", &text.replace("\"thon-3\"]", "\"thon-9\"]"))
        .unwrap();
    let again = repo.load();
    assert!(again.setup.is_none());
    assert_eq!(again.broken_now.len(), 1);
}
