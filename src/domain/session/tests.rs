use chrono::{DateTime, NaiveDate, Utc};

use super::minutes::{is_heading, Tally};
use super::outcome::{Outcome, PublicOutcome};
use super::*;

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_788_570_000 + minutes * 60, 0).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn item(id: &str) -> Item {
    Item {
        id: id.into(),
        origin: Origin::Petition,
        petitions: vec![format!("pet-{id}")],
        field: "Đất đai".into(),
        text: format!("Câu hỏi {id}"),
        villages: vec!["Thôn 1".into()],
        asker: Asker::Many,
        backers: 1,
        added_at: at(0),
        history: Vec::new(),
        answer: None,
        carried: None,
    }
}

fn running(ids: &[&str]) -> (Session, Vec<Item>) {
    let mut s = Session {
        order: ids.iter().map(|i| i.to_string()).collect(),
        ..Session::default()
    };
    s.start(at(0)).unwrap();
    (s, ids.iter().map(|i| item(i)).collect())
}

#[test]
fn a_session_starts_on_the_first_question_and_finishes_only_when_all_are_settled() {
    let mut s = Session {
        order: vec!["a".into(), "b".into()],
        ..Session::default()
    };
    let mut items = vec![item("a"), item("b")];
    assert_eq!(
        s.record(&mut items[0], Outcome::Withdrawn, at(1)),
        Err(SessionError::NotRunning)
    );
    assert_eq!(s.finish(&items, at(1)), Err(SessionError::NotRunning));
    s.start(at(0)).unwrap();
    assert_eq!(s.phase, Phase::Running);
    assert_eq!(s.current.as_deref(), Some("a"));
    assert_eq!(s.started_at, Some(at(0)));

    assert_eq!(s.record(&mut items[0], Outcome::Withdrawn, at(5)), Ok(true));
    assert_eq!(s.finish(&items, at(6)), Err(SessionError::Unanswered(1)));
    assert_eq!(s.next_open(&items).as_deref(), Some("b"));
    let answered = Outcome::Answered {
        summary: "Đã giải thích".into(),
        by: "Chủ tịch UBND xã".into(),
    };
    s.record(&mut items[1], answered, at(7)).unwrap();
    s.finish(&items, at(90)).unwrap();
    assert_eq!(s.phase, Phase::Finished);
    assert_eq!(s.current, None);
    assert_eq!(s.finish(&items, at(91)), Err(SessionError::AlreadyFinished));
    assert_eq!(s.start(at(92)), Err(SessionError::AlreadyFinished));
    assert_eq!(s.shift("a", 1), Err(SessionError::AlreadyFinished));
}

#[test]
fn a_correction_is_a_new_change_and_the_earlier_one_is_kept() {
    let (s, mut items) = running(&["a"]);
    let later = Outcome::Later {
        department: "Địa chính".into(),
        official: String::new(),
        due: d(2026, 10, 5),
    };
    s.record(&mut items[0], later.clone(), at(3)).unwrap();
    // The same outcome again is no change.
    assert_eq!(s.record(&mut items[0], later.clone(), at(4)), Ok(false));
    s.record(&mut items[0], Outcome::Withdrawn, at(9)).unwrap();
    let h = &items[0].history;
    assert_eq!(h.len(), 2);
    assert_eq!((h[0].at, &h[0].outcome), (at(3), &later));
    assert_eq!(items[0].outcome(), Some(&Outcome::Withdrawn));
}

#[test]
fn a_question_from_the_floor_goes_after_the_current_one_and_becomes_current() {
    let (mut s, _) = running(&["a", "b", "c"]);
    s.set_current("b").unwrap();
    let draft = FloorDraft {
        village: "thon-2".into(),
        name: "  ".into(),
        field: "Môi trường".into(),
        text: "Bãi rác gần trường học gây ô nhiễm".into(),
        written: true,
    };
    let f = s.add_floor(&draft, "Thôn 2", at(30)).unwrap();
    assert_eq!(f.id, "f-1");
    assert_eq!(f.asker, Asker::Anonymous);
    assert_eq!(f.origin, Origin::Floor { written: true });
    assert_eq!(s.order, ["a", "b", "f-1", "c"]);
    assert_eq!(s.current.as_deref(), Some("f-1"));
    let named = FloorDraft {
        name: "Lê Thị Hoa".into(),
        text: "Xin hỏi về tiền hỗ trợ".into(),
        ..FloorDraft::default()
    };
    let g = s.add_floor(&named, "", at(31)).unwrap();
    assert_eq!(
        (g.id.as_str(), &g.asker),
        ("f-2", &Asker::Named("Lê Thị Hoa".into()))
    );
    assert_eq!(s.order, ["a", "b", "f-1", "f-2", "c"]);
    assert_eq!(
        s.add_floor(&FloorDraft::default(), "", at(32)),
        Err(SessionError::NoText)
    );
}

#[test]
fn floor_questions_are_taken_only_while_the_session_runs() {
    let mut s = Session::default();
    let draft = FloorDraft {
        text: "Hỏi".into(),
        ..FloorDraft::default()
    };
    assert_eq!(
        s.add_floor(&draft, "", at(0)),
        Err(SessionError::NotRunning)
    );
}

#[test]
fn the_queue_order_can_be_changed_one_step_at_a_time() {
    let (mut s, _) = running(&["a", "b", "c"]);
    s.shift("c", -1).unwrap();
    assert_eq!(s.order, ["a", "c", "b"]);
    s.shift("a", -1).unwrap();
    assert_eq!(s.order, ["a", "c", "b"]);
    s.shift("b", 1).unwrap();
    assert_eq!(s.order, ["a", "c", "b"]);
    assert_eq!(s.shift("zz", 1), Err(SessionError::UnknownItem));
}

#[test]
fn the_answer_period_skips_the_session_day_and_ends_on_a_working_day() {
    let s = Session::default();
    // 05/09/2026 + 30 days = Monday 05/10/2026.
    assert_eq!(s.period(d(2026, 9, 5)).latest, d(2026, 10, 5));
    // + 29 days = Sunday 04/10/2026 → Monday.
    let mut s29 = Session::default();
    s29.prep.answer_days = 29;
    assert_eq!(s29.period(d(2026, 9, 5)).latest, d(2026, 10, 5));
    // An extra day off the office adds moves it again.
    s29.prep.extra_holidays = vec!["05/10/2026".into()];
    assert_eq!(s29.period(d(2026, 9, 5)).latest, d(2026, 10, 6));
}

#[test]
fn the_preparation_form_keeps_who_was_ticked_present() {
    let villages = vec![
        ("thon-1".to_string(), "Thôn 1".to_string()),
        ("thon-2".to_string(), "Thôn 2".to_string()),
    ];
    let draft = PreparationDraft {
        start_time: "7 giờ 30".into(),
        announce_date: "25/08/2026".into(),
        programme: "Khai mạc\n\n Báo cáo \n".into(),
        delegates: "Nguyễn Văn Bình; Chủ tịch UBND xã\nTrần Văn Địa; Công chức Địa chính".into(),
        invitees: "Thôn 1; Lê Văn Một; Chi hội trưởng Hội Nông dân\nthon 2; Phạm Thị Hai".into(),
        ..PreparationDraft::default()
    };
    let mut p = draft.read(&Preparation::default(), &villages).unwrap();
    assert_eq!(p.programme, ["Khai mạc", "Báo cáo"]);
    assert_eq!(p.answer_days, 30);
    assert_eq!(p.announce_date, Some(d(2026, 8, 25)));
    assert_eq!(p.delegates[0].role, "Chủ tịch UBND xã");
    assert_eq!(p.invitees[1].village, "thon-2");
    set_present(&mut p, false, 1, true).unwrap();
    set_present(&mut p, true, 0, true).unwrap();
    // Edit the lists: add a delegate; the ticks stay with their people.
    let mut again = PreparationDraft::from_preparation(&p, &villages);
    assert!(again.invitees.contains("Thôn 2; Phạm Thị Hai"));
    again.delegates = format!("Đỗ Văn Mới; MTTQ\n{}", again.delegates);
    let q = again.read(&p, &villages).unwrap();
    assert!(!q.delegates[0].present);
    assert!(q.delegates[1].present);
    assert!(q.invitees[1].present);

    let bad = PreparationDraft {
        invitees: "Thôn 9; Ai đó".into(),
        ..PreparationDraft::default()
    };
    assert_eq!(
        bad.read(&p, &villages),
        Err(PreparationError::UnknownVillage("Thôn 9".into()))
    );
    let bad_days = PreparationDraft {
        answer_days: "0".into(),
        ..PreparationDraft::default()
    };
    assert_eq!(
        bad_days.read(&p, &villages),
        Err(PreparationError::BadPeriod)
    );
    let bad_holiday = PreparationDraft {
        extra_holidays: "32/12/2026".into(),
        ..PreparationDraft::default()
    };
    assert_eq!(
        bad_holiday.read(&p, &villages),
        Err(PreparationError::BadHoliday("32/12/2026".into()))
    );
}

#[test]
fn minutes_headings_and_tallies() {
    assert!(is_heading("IV. Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ TRẢ LỜI"));
    assert!(!is_heading("I. thời gian"));
    assert!(!is_heading("Câu 1. (Đất đai) Hỏi"));
    let (s, mut items) = running(&["a", "b", "c"]);
    s.record(&mut items[0], Outcome::Withdrawn, at(1)).unwrap();
    let t = Tally::of(&items);
    assert_eq!((t.withdrawn, t.open, t.total()), (1, 2, 3));
}

#[test]
fn the_projector_shows_the_current_question_and_its_answer_but_no_name() {
    let (mut s, mut items) = running(&["a", "b"]);
    items[1].asker = Asker::Named("Lê Thị Hoa".into());
    s.set_current("b").unwrap();
    let p = s.projection(&items);
    assert_eq!((p.position, p.total, p.text.as_str()), (2, 2, "Câu hỏi b"));
    assert_eq!(p.outcome, None);
    let answered = Outcome::Answered {
        summary: "Tháng 10 sẽ chi trả".into(),
        by: "Chủ tịch UBND xã".into(),
    };
    s.record(&mut items[1], answered, at(3)).unwrap();
    let p = s.projection(&items);
    assert_eq!(
        p.outcome,
        Some(PublicOutcome::Answered {
            summary: "Tháng 10 sẽ chi trả".into()
        })
    );
    let shown = serde_json::to_string(&p).unwrap();
    assert!(!shown.contains("Lê Thị Hoa"));
    // Every other outcome is shown too, without the official's name or the reason.
    let shown = |s: &Session, items: &mut Vec<Item>, o: Outcome| {
        s.record(&mut items[1], o, at(3)).unwrap();
        s.projection(items).outcome.unwrap()
    };
    let due = d(2026, 10, 5);
    let later = Outcome::Later {
        department: "Địa chính".into(),
        official: "Phạm Thị Địa".into(),
        due,
    };
    let p = shown(&s, &mut items, later);
    assert_eq!(
        p,
        PublicOutcome::Later {
            department: "Địa chính".into(),
            due
        }
    );
    let forwarded = Outcome::Forwarded {
        agency: "Sở Xây dựng".into(),
        reply_by: due,
    };
    let p = shown(&s, &mut items, forwarded);
    assert_eq!(
        p,
        PublicOutcome::Forwarded {
            agency: "Sở Xây dựng".into(),
            reply_by: due
        }
    );
    let declined = Outcome::Declined {
        reason: "Việc riêng giữa hai hộ".into(),
        channel: "Hòa giải ở thôn".into(),
    };
    let p = shown(&s, &mut items, declined);
    assert_eq!(
        p,
        PublicOutcome::Declined {
            channel: "Hòa giải ở thôn".into()
        }
    );
    assert_eq!(
        shown(&s, &mut items, Outcome::Withdrawn),
        PublicOutcome::Withdrawn
    );
    s.record(&mut items[0], Outcome::Withdrawn, at(4)).unwrap();
    s.finish(&items, at(5)).unwrap();
    let p = s.projection(&items);
    assert!(p.finished);
    assert_eq!(p.position, 0);
}

#[test]
fn later_answers_and_forwarded_matters_become_follow_up_tasks_soonest_first() {
    let (s, mut items) = running(&["a", "b", "c"]);
    s.record(
        &mut items[0],
        Outcome::Forwarded {
            agency: "Sở Xây dựng".into(),
            reply_by: d(2026, 10, 20),
        },
        at(1),
    )
    .unwrap();
    s.record(
        &mut items[1],
        Outcome::Later {
            department: "Địa chính".into(),
            official: "Phạm Thị Địa".into(),
            due: d(2026, 10, 5),
        },
        at(2),
    )
    .unwrap();
    s.record(&mut items[2], Outcome::Withdrawn, at(3)).unwrap();
    let f = s.follow_ups(&items);
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].position, f[0].due), (2, d(2026, 10, 5)));
    assert!(matches!(&f[1].task, Task::TellPetitioner { agency } if agency == "Sở Xây dựng"));
}

mod follow_up {
    use super::*;
    use crate::domain::deadline::Holidays;
    use crate::domain::session::followup::*;
    use crate::domain::session::outcome::OutcomeKind;

    fn later(due: NaiveDate) -> Outcome {
        Outcome::Later {
            department: "Địa chính".into(),
            official: "Phạm Thị Địa".into(),
            due,
        }
    }

    #[test]
    fn the_board_lists_what_is_left_open_overdue_first_with_days_left() {
        let (s, mut items) = running(&["a", "b", "c", "d"]);
        s.record(&mut items[0], later(d(2026, 10, 5)), at(1))
            .unwrap();
        let fwd = Outcome::Forwarded {
            agency: "Sở Xây dựng".into(),
            reply_by: d(2026, 9, 30),
        };
        s.record(&mut items[1], fwd, at(2)).unwrap();
        s.record(&mut items[2], Outcome::Withdrawn, at(3)).unwrap();
        s.record(&mut items[3], later(d(2026, 10, 5)), at(4))
            .unwrap();
        items[3].answer = Some(FinalAnswer {
            answer: "Đã cấp sổ".into(),
            answered_on: d(2026, 9, 20),
            agency_answer: String::new(),
            told_on: Some(d(2026, 9, 21)),
            told_how: Some(ToldHow::Letter),
            recorded_at: at(5),
            notice: None,
        });
        let rows = board(&s, &items, d(2026, 10, 1));
        assert_eq!(rows.len(), 3, "the withdrawn question is not followed up");
        assert_eq!(
            (rows[0].position, rows[0].state, rows[0].days_left),
            (2, BoardState::Overdue, -1)
        );
        assert_eq!(rows[0].kind, OutcomeKind::Forwarded);
        assert_eq!(
            (rows[1].position, rows[1].state, rows[1].days_left),
            (1, BoardState::Open, 4)
        );
        assert_eq!(rows[2].state, BoardState::Closed);
        let only = BoardFilter {
            owner: "Địa chính".into(),
            state: Some(BoardState::Open),
            ..BoardFilter::default()
        };
        let kept: Vec<_> = rows.iter().filter(|r| only.keeps(r)).collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].position, 1);
    }

    #[test]
    fn a_final_answer_needs_its_text_and_dates_in_order() {
        let session = d(2026, 9, 5);
        let mut f = AnswerDraft::default();
        assert_eq!(f.validate(session, at(0)), Err(AnswerError::NoAnswer));
        f.answer = "Xã đã cấp giấy chứng nhận".into();
        assert_eq!(f.validate(session, at(0)), Err(AnswerError::BadDate));
        f.answered_on = "01/09/2026".into();
        assert_eq!(f.validate(session, at(0)), Err(AnswerError::BeforeSession));
        f.answered_on = "20/09/2026".into();
        assert!(!f.validate(session, at(0)).unwrap().is_closed());
        f.told_on = "19/09/2026".into();
        assert_eq!(f.validate(session, at(0)), Err(AnswerError::HowAndWhen));
        f.told_how = "phone".into();
        assert_eq!(
            f.validate(session, at(0)),
            Err(AnswerError::ToldBeforeAnswer)
        );
        f.told_on = "22/09/2026".into();
        let a = f.validate(session, at(0)).unwrap();
        assert!(a.is_closed());
        assert_eq!(AnswerDraft::from_answer(&a), f);
    }

    #[test]
    fn results_are_due_ten_days_after_the_session_on_a_working_day() {
        // 05/09/2026 + 10 = Tuesday 15/09/2026.
        assert_eq!(
            results_deadline(d(2026, 9, 5), &Holidays::vietnam()),
            d(2026, 9, 15)
        );
        // 22/08/2026 + 10 = Tuesday 01/09 (a holiday), then 02/09 (a holiday) → 03/09.
        assert_eq!(
            results_deadline(d(2026, 8, 22), &Holidays::vietnam()),
            d(2026, 9, 3)
        );
    }

    #[test]
    fn the_public_results_notice_tells_each_outcome_and_no_name() {
        let mut setup = crate::domain::office::setup::OfficeSetup {
            commune: "Cẩm Quang".into(),
            ..Default::default()
        };
        setup.dialogue.session_date = Some(d(2026, 9, 5));
        setup.dialogue.place = "Hội trường UBND xã".into();
        let (s, mut items) = running(&["a", "b"]);
        items[0].asker = Asker::Named("Lê Thị Hoa".into());
        s.record(&mut items[0], later(d(2026, 10, 5)), at(1))
            .unwrap();
        s.record(&mut items[1], Outcome::Withdrawn, at(2)).unwrap();
        let body = results_notice_body(&setup, &s, &items);
        assert!(body.starts_with("Ngày 05/09/2026, tại Hội trường UBND xã"));
        assert!(body
            .contains("1. Câu hỏi a (Thôn 1): Giao Địa chính trả lời chậm nhất ngày 05/10/2026."));
        assert!(body.contains("2. Câu hỏi b (Thôn 1): Người nêu đã rút lại."));
        assert!(!body.contains("Lê Thị Hoa"));
    }
}
