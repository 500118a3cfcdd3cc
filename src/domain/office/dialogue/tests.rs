use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::office::records::SetupRecord;
use crate::domain::office::setup::SetupDraft;
use crate::domain::session::followup::{FinalAnswer, ToldHow};
use crate::domain::session::{Asker, Origin};

fn at(day: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 12, day)
        .unwrap()
        .and_hms_opt(2, 0, 0)
        .unwrap()
        .and_utc()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn setup() -> OfficeSetup {
    SetupDraft {
        commune: "Cẩm Quang".into(),
        title: "Đối thoại năm 2026".into(),
        plan_number: "163/KH-UBND".into(),
        session_date: "05/11/2026".into(),
        place: "Hội trường UBND xã".into(),
        chair: "Nguyễn Văn Bình".into(),
        villages: "Thôn 1\nThôn 2".into(),
        ..SetupDraft::blank()
    }
    .validate(None)
    .unwrap()
}

fn item(id: &str, outcome: Option<Outcome>) -> Item {
    Item {
        id: id.into(),
        origin: Origin::Petition,
        petitions: vec![format!("pet-{id}")],
        field: "Đất đai".into(),
        text: format!("Câu hỏi {id}"),
        villages: vec!["Thôn 1".into()],
        asker: Asker::Many,
        backers: 1,
        added_at: at(1),
        history: outcome
            .into_iter()
            .map(|outcome| crate::domain::session::outcome::Change { at: at(1), outcome })
            .collect(),
        answer: None,
        carried: None,
    }
}

fn later(due: NaiveDate) -> Outcome {
    Outcome::Later {
        department: "Địa chính".into(),
        official: String::new(),
        due,
    }
}

fn answer(told: bool) -> FinalAnswer {
    FinalAnswer {
        answer: "Đã sửa xong".into(),
        answered_on: d(2026, 11, 20),
        agency_answer: String::new(),
        told_on: told.then(|| d(2026, 11, 21)),
        told_how: told.then_some(ToldHow::Letter),
        recorded_at: at(1),
        notice: None,
    }
}

/// A finished session: answered on the spot, later and still open (overdue by 07/12),
/// later and closed, later and answered but not told, forwarded, declined.
fn finished() -> (Session, Vec<Item>) {
    let mut items = vec![
        item(
            "spot",
            Some(Outcome::Answered {
                summary: "Đã giải thích".into(),
                by: "Chủ tịch".into(),
            }),
        ),
        item("open", Some(later(d(2026, 12, 5)))),
        item("closed", Some(later(d(2026, 12, 5)))),
        item("untold", Some(later(d(2026, 12, 20)))),
        item(
            "forwarded",
            Some(Outcome::Forwarded {
                agency: "UBND tỉnh".into(),
                reply_by: d(2026, 12, 30),
            }),
        ),
        item(
            "declined",
            Some(Outcome::Declined {
                reason: "Ngoài nội dung".into(),
                channel: "Tiếp công dân".into(),
            }),
        ),
    ];
    items[2].answer = Some(answer(true));
    items[3].answer = Some(answer(false));
    let session = Session {
        order: items.iter().map(|i| i.id.clone()).collect(),
        phase: Phase::Finished,
        ..Session::default()
    };
    (session, items)
}

#[test]
fn closing_carries_every_open_matter_and_nothing_closed() {
    let (session, items) = finished();
    let open = open_matters(&session, &items, d(2026, 12, 7));
    // The board's order: overdue, open, answered but not told.
    assert_eq!(open, ["open", "forwarded", "untold"]);
    let closing = close(Some(&setup()), &session, &items, 6, &open, at(7)).unwrap();
    assert_eq!(closing.closed.id, FIRST_DIALOGUE);
    assert_eq!(closing.closed.carried, 3);
    assert_eq!(closing.closed.petitions, 6);
    let ids: Vec<&str> = closing.carried.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["open", "forwarded", "untold"]);
    let open = &closing.carried[0];
    assert!(open.history.is_empty(), "heard again in the new dialogue");
    let c = open.carried.as_ref().unwrap();
    assert_eq!(c.title, "Đối thoại năm 2026");
    assert_eq!(c.raised_on, Some(d(2026, 11, 5)));
    assert_eq!(c.due(), Some(d(2026, 12, 5)), "the original due date");
    // The answer recorded but not told goes with the matter.
    assert_eq!(closing.carried[2].answer, Some(answer(false)));
}

#[test]
fn closing_refuses_without_a_finished_session_or_when_the_list_changed() {
    let (mut session, items) = finished();
    let open = open_matters(&session, &items, d(2026, 12, 7));
    assert_eq!(
        close(None, &session, &items, 6, &open, at(7)),
        Err(CloseError::NoDialogue)
    );
    // Another tab recorded the forwarded matter's answer after the list was shown.
    let mut told = items.clone();
    told[4].answer = Some(answer(true));
    assert_eq!(
        close(Some(&setup()), &session, &told, 6, &open, at(7)),
        Err(CloseError::ListChanged)
    );
    session.phase = Phase::Running;
    assert_eq!(
        close(Some(&setup()), &session, &items, 6, &open, at(7)),
        Err(CloseError::SessionNotFinished)
    );
}

#[test]
fn a_carried_matter_is_on_the_next_board_against_its_first_due_date_and_keeps_its_origin() {
    let (session, items) = finished();
    let open = open_matters(&session, &items, d(2026, 12, 7));
    let first = close(Some(&setup()), &session, &items, 6, &open, at(7)).unwrap();
    let next_setup = SetupDraft {
        title: "Đối thoại năm 2027".into(),
        session_date: "05/11/2027".into(),
        ..SetupDraft::next_from(&setup())
    }
    .validate_next(&setup(), "2b8f")
    .unwrap();
    let mut next = next_session(&session, &first.carried);
    assert_eq!(next.order, ["open", "forwarded", "untold"]);
    let rows = board(&next, &first.carried, d(2027, 1, 10));
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.state == BoardState::Overdue
        || (r.item == "untold" && r.state == BoardState::Answered)));
    // Not heard again at the 2027 session: still open, carried once more from its origin.
    next.phase = Phase::Finished;
    let mut carried = first.carried.clone();
    carried[2].answer = Some(answer(true));
    let open = open_matters(&next, &carried, d(2027, 12, 1));
    assert_eq!(open, ["open", "forwarded"]);
    let second = close(Some(&next_setup), &next, &carried, 0, &open, at(8)).unwrap();
    let c = second.carried[0].carried.as_ref().unwrap();
    assert_eq!(c.dialogue, FIRST_DIALOGUE);
    assert_eq!(c.title, "Đối thoại năm 2026");
    assert_eq!(c.due(), Some(d(2026, 12, 5)));
    assert_eq!(second.closed.id, "2b8f");
}

#[test]
fn a_carried_matter_settled_on_the_board_does_not_hold_the_new_session_open() {
    let (session, items) = finished();
    let open = open_matters(&session, &items, d(2026, 12, 7));
    let mut carried = close(Some(&setup()), &session, &items, 6, &open, at(7))
        .unwrap()
        .carried;
    let mut next = next_session(&session, &carried);
    next.start(at(9)).unwrap();
    assert_eq!(
        next.finish(&carried, at(9)),
        Err(crate::domain::session::SessionError::Unanswered(3))
    );
    for i in &mut carried {
        i.answer = Some(answer(true));
    }
    assert_eq!(next.next_open(&carried), None);
    next.finish(&carried, at(9)).unwrap();
}

#[test]
fn the_next_dialogue_takes_the_commune_and_not_the_dates() {
    let first = setup();
    let draft = SetupDraft::next_from(&first);
    assert_eq!(draft.commune, "Cẩm Quang");
    assert_eq!(draft.villages, "Thôn 1\nThôn 2");
    assert_eq!(draft.chair, "Nguyễn Văn Bình");
    assert!(draft.title.is_empty() && draft.session_date.is_empty());
    assert!(draft.plan_number.is_empty());
    let thematic = SetupDraft {
        kind: DialogueKind::Thematic,
        title: "Đối thoại về giải phóng mặt bằng".into(),
        ..draft.clone()
    };
    assert_eq!(
        thematic.validate_next(&first, "x1"),
        Err(crate::domain::office::setup::SetupError::NoTheme)
    );
    let next = SetupDraft {
        theme: "Giải phóng mặt bằng tuyến ĐT 549".into(),
        target_group: "Các hộ có đất bị thu hồi".into(),
        ..thematic
    }
    .validate_next(&first, "x1")
    .unwrap();
    assert_eq!(next.dialogue.id, "x1");
    assert_eq!(
        next.villages, first.villages,
        "codes kept: tablets still match"
    );
    // An edit of the new dialogue keeps its id.
    let edited = SetupDraft::from_setup(&next).validate(Some(&next)).unwrap();
    assert_eq!(edited.dialogue.id, "x1");
    assert_eq!(edited.dialogue.theme, "Giải phóng mặt bằng tuyến ĐT 549");
    // Stored and read back.
    let record = SetupRecord::from(&edited);
    let text = crate::domain::json::to_text(&record);
    let back: OfficeSetup = crate::domain::json::from_text::<SetupRecord>(&text)
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(back, edited);
}

#[test]
fn a_setup_stored_before_dialogues_had_ids_is_the_first_dialogue() {
    let text = r#"{"commune":"Cẩm Quang","title":"Đối thoại năm 2026","villages":[{"code":"thon-1","name":"Thôn 1"}],"fields":["Đất đai"],"departments":["Địa chính"]}"#;
    let setup: OfficeSetup = crate::domain::json::from_text::<SetupRecord>(text)
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(setup.dialogue.id, FIRST_DIALOGUE);
    assert_eq!(setup.dialogue.kind, DialogueKind::Yearly);
    // An id that could not be a storage key's part, or an unknown kind, is refused.
    for bad in [
        r#""dialogue_id":"a:b""#,
        r#""dialogue_id":"""#,
        r#""dialogue_kind":"hang_tuan""#,
    ] {
        let text = text.replacen('{', &format!("{{{bad},"), 1);
        let record = crate::domain::json::from_text::<SetupRecord>(&text).unwrap();
        assert!(OfficeSetup::try_from(record).is_err(), "{bad}");
    }
}

#[test]
fn a_file_belongs_to_the_dialogue_it_names() {
    assert!(file_belongs(None, FIRST_DIALOGUE));
    assert!(file_belongs(Some("n2"), "n2"));
    assert!(
        !file_belongs(None, "n2"),
        "a file from before ids is the first dialogue's"
    );
    assert!(!file_belongs(Some("zz"), "n2"));
    assert!(is_dialogue_id("0b7e4f0a-6a1d-4c55-8f0e-6f1f3c2a9b10"));
    assert!(!is_dialogue_id("../x") && !is_dialogue_id(&"a".repeat(65)));
}
