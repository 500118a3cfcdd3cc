//! The session as the secretary runs it: the queue made from the office's register (groups
//! and single petitions, by field, confidential names never copied), outcomes recorded and
//! corrected, the minutes assembled, and all of it stored entry by entry and read back.

use doithoai::domain::office::register::ActionError;
use doithoai::domain::official::{DocType, DocumentRegister};
use doithoai::domain::petition::{Kind, PetitionDraft, PetitionId};
use doithoai::domain::session::minutes::{assemble_body, is_heading, minutes};
use doithoai::domain::session::outcome::{Outcome, OutcomeDraft, OutcomeKind};
use doithoai::domain::session::queue::{fill, questions, Prepared};
use doithoai::domain::session::{
    Asker, FloorDraft, MinutesParts, Origin, Phase, Session, SessionError,
};
use doithoai::storage::office::OfficeRepository;
use doithoai::storage::{KeyValueStore, MemoryStore};

use crate::office_import::{at, bundle, import, petition, setup};

fn register_with_a_group() -> (
    doithoai::domain::office::register::Register,
    Vec<PetitionId>,
) {
    let mut r = doithoai::domain::office::register::Register::default();
    let road1 = petition(1, "Đường liên thôn xuống cấp, nhiều ổ gà");
    let road2 = petition(2, "Tuyến đường liên thôn nhiều ổ gà");
    // A complaint whose petitioner asked for their name to be kept (a denunciation would
    // not be a question at all).
    let mut secret = petition(3, "Khiếu nại việc lấn chiếm đất công");
    secret.kind = Kind::Complaint;
    secret.confidential = true;
    let light = {
        let values = PetitionDraft {
            content: "Thiếu đèn chiếu sáng ngã ba chợ".into(),
            field: "Xây dựng cơ bản".into(),
            kind_code: "kien_nghi".into(),
            names: "Hồ Thị Mai".into(),
            backers: "12".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        doithoai::domain::petition::Petition::new(PetitionId::from_random([4; 16]), values, at(4))
    };
    import(
        &mut r,
        &bundle("Cẩm Quang", 0, &[road1.clone(), secret.clone()], 1),
    )
    .unwrap();
    import(&mut r, &bundle("Cẩm Quang", 1, &[road2.clone(), light], 1)).unwrap();
    r.create_group(
        "Sửa đường liên thôn",
        "Đất đai",
        &[road1.id.clone(), road2.id.clone()],
    )
    .unwrap();
    (r, vec![road1.id, road2.id, secret.id])
}

#[test]
fn the_queue_holds_each_group_once_and_each_lone_petition_by_field() {
    let (mut r, ids) = register_with_a_group();
    let s = setup();
    let items = questions(&r, &s, at(600));
    assert_eq!(items.len(), 3, "one group and two lone petitions");
    // The setup lists Đất đai before Xây dựng cơ bản.
    assert_eq!(items[0].field, "Đất đai");
    assert_eq!(items[2].field, "Xây dựng cơ bản");
    let group = items
        .iter()
        .find(|i| matches!(i.origin, Origin::Group { .. }))
        .unwrap();
    assert_eq!(group.villages, ["Thôn 1", "Thôn 2"]);
    assert_eq!(group.backers, 6);
    assert_eq!(group.petitions, [ids[0].to_string(), ids[1].to_string()]);
    let secret = items
        .iter()
        .find(|i| i.petitions == [ids[2].to_string()])
        .unwrap();
    assert_eq!(secret.asker, Asker::Confidential);
    assert!(!serde_json::to_string(secret)
        .unwrap()
        .contains("Lê Văn Tám"));

    // Filling twice adds nothing; a petition already asked through a queued item is not
    // asked again.
    let mut session = Session::default();
    let first = fill(&mut session, &[], items.clone(), &r).added;
    assert_eq!(first.len(), 3);
    assert!(fill(&mut session, &first, items, &r).added.is_empty());
    assert_eq!(session.order.len(), 3);

    // A denunciation is no question: neither its text nor its id reaches the queue.
    r.reclassify(&ids[2], "Đất đai", Kind::Denunciation)
        .unwrap();
    let items = questions(&r, &s, at(600));
    assert_eq!(items.len(), 2);
    let queue = serde_json::to_string(&items).unwrap();
    assert!(!queue.contains(&ids[2].to_string()) && !queue.contains("lấn chiếm"));
}

#[test]
fn a_denunciation_is_mentioned_only_in_the_offices_words_and_leaves_a_queue_it_was_on() {
    use doithoai::domain::office::denunciation::TrackDraft;
    let (mut r, ids) = register_with_a_group();
    let s = setup();
    // A queue filled while the light petition was a recommendation.
    let mut session = Session::default();
    let items = fill(&mut session, &[], questions(&r, &s, at(600)), &r).added;
    assert_eq!(items.len(), 3);
    let light = items
        .iter()
        .find(|i| i.text.contains("đèn chiếu sáng"))
        .unwrap()
        .clone();
    let light_id = PetitionId::parse(&light.petitions[0]).unwrap();
    // The office finds it is a denunciation: it leaves the queue, not yet asked.
    r.reclassify(&light_id, "Xây dựng cơ bản", Kind::Denunciation)
        .unwrap();
    let again = fill(&mut session, &items, questions(&r, &s, at(700)), &r);
    assert_eq!(again.withdrawn, std::slice::from_ref(&light.id));
    assert!(again.added.is_empty());
    assert!(!session.order.contains(&light.id));

    // Another is a denunciation too; the office chooses to mention it, in its own words;
    // the words of the denunciation are refused.
    r.reclassify(&ids[2], "Đất đai", Kind::Denunciation)
        .unwrap();
    let secret = r.get(&ids[2]).unwrap().clone();
    let today = doithoai::domain::time::vietnam_date(at(900));
    let mut draft = TrackDraft {
        mention: "đơn về việc lấn chiếm đất công".into(),
        ..TrackDraft::default()
    };
    let received = doithoai::domain::office::denunciation::received(&secret);
    assert!(draft.validate(secret.content(), received, today).is_err());
    draft.mention = "UBND xã đã nhận một đơn tố cáo, đang xử lý theo Luật Tố cáo.".into();
    let track = draft.validate(secret.content(), received, today).unwrap();
    r.set_track(&ids[2], track.clone()).unwrap();
    // The track and a complaint taken off are stored with the petition and read back.
    r.set_discussed(&ids[0], false).unwrap();
    let repo = OfficeRepository::new(MemoryStore::default());
    repo.save(&r, &["thon-1", "thon-2"]).unwrap();
    let back = repo.load().register;
    assert_eq!(back.get(&ids[2]).unwrap().office.track, Some(track));
    assert_eq!(back.get(&ids[0]).unwrap().office.discuss, Some(false));
    r.set_discussed(&ids[0], true).unwrap();
    let kept: Vec<_> = items.iter().filter(|i| i.id != light.id).cloned().collect();
    let third = fill(&mut session, &kept, questions(&r, &s, at(800)), &r);
    assert_eq!(
        third.withdrawn.len(),
        1,
        "the denunciation's own question leaves"
    );
    assert_eq!(third.added.len(), 1);
    let m = &third.added[0];
    assert_eq!(m.origin, Origin::Mention);
    assert_eq!(
        m.text,
        "UBND xã đã nhận một đơn tố cáo, đang xử lý theo Luật Tố cáo."
    );
    assert!(m.petitions.is_empty() && m.villages.is_empty());
    assert_eq!(m.asker, Asker::Confidential);

    // The office changes its words, then takes the mention back: the question not asked
    // yet follows, never showing the old words.
    let mut track = r.get(&ids[2]).unwrap().office.track.clone().unwrap();
    track.mention = "UBND xã đã chuyển một đơn tố cáo đến cơ quan có thẩm quyền.".into();
    r.set_track(&ids[2], track.clone()).unwrap();
    let mut queued: Vec<_> = kept
        .iter()
        .filter(|i| !third.withdrawn.contains(&i.id))
        .chain(third.added.iter())
        .cloned()
        .collect();
    let fourth = fill(&mut session, &queued, questions(&r, &s, at(850)), &r);
    assert_eq!(fourth.withdrawn, std::slice::from_ref(&m.id));
    assert_eq!(fourth.added.len(), 1);
    assert_eq!(
        fourth.added[0].text,
        "UBND xã đã chuyển một đơn tố cáo đến cơ quan có thẩm quyền."
    );
    queued.retain(|i| i.id != m.id);
    queued.extend(fourth.added.iter().cloned());
    track.mention.clear();
    r.set_track(&ids[2], track).unwrap();
    let fifth = fill(&mut session, &queued, questions(&r, &s, at(860)), &r);
    assert_eq!(fifth.withdrawn, std::slice::from_ref(&m.id));
    assert!(fifth.added.is_empty());
    assert!(!session.order.contains(&m.id));

    // A denunciation joins no group, and a track is for denunciations only.
    assert_eq!(
        r.create_group("Đất công", "Đất đai", &[ids[2].clone(), light_id.clone()]),
        Err(ActionError::Denunciation)
    );
    assert_eq!(
        r.set_track(&ids[0], Default::default()),
        Err(ActionError::NotDenunciation)
    );
}

#[test]
fn the_compiled_list_names_no_one_and_leaves_denunciations_out() {
    use doithoai::domain::office::compiled::compiled;
    let (mut r, ids) = register_with_a_group();
    r.reclassify(&ids[2], "Đất đai", Kind::Denunciation)
        .unwrap();
    let all: Vec<usize> = (0..r.entries().len()).collect();
    let list = compiled(&r, &setup(), &all);
    assert_eq!(list.denunciations, 1);
    assert_eq!(list.rows.len(), 3);
    assert_eq!(
        list.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    let road = list
        .rows
        .iter()
        .find(|r| r.content.contains("ổ gà"))
        .unwrap();
    assert_eq!(road.group, "Sửa đường liên thôn");
    let shown = format!("{list:?}");
    for secret in ["lấn chiếm", "Lê Văn Tám", "Hồ Thị Mai"] {
        assert!(!shown.contains(secret), "{secret}");
    }
}

#[test]
fn a_complaint_the_office_takes_off_is_not_asked() {
    let (mut r, _) = register_with_a_group();
    let s = setup();
    let light = questions(&r, &s, at(600))
        .into_iter()
        .find(|i| i.text.contains("đèn chiếu sáng"))
        .unwrap();
    let id = PetitionId::parse(&light.petitions[0]).unwrap();
    r.reclassify(&id, "Xây dựng cơ bản", Kind::Complaint)
        .unwrap();
    assert_eq!(
        questions(&r, &s, at(600)).len(),
        3,
        "a complaint is asked by default"
    );
    r.set_discussed(&id, false).unwrap();
    assert_eq!(questions(&r, &s, at(600)).len(), 2);
    r.set_discussed(&id, true).unwrap();
    assert_eq!(questions(&r, &s, at(600)).len(), 3);
}

#[test]
fn a_petition_without_names_is_many_citizens_only_when_many_back_it() {
    let unnamed = |seed: u8, backers: &str| {
        let values = PetitionDraft {
            content: format!("Kiến nghị không ghi tên {seed}"),
            field: "Đất đai".into(),
            kind_code: "kien_nghi".into(),
            backers: backers.into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        doithoai::domain::petition::Petition::new(
            PetitionId::from_random([seed; 16]),
            values,
            at(1),
        )
    };
    let mut r = doithoai::domain::office::register::Register::default();
    import(
        &mut r,
        &bundle("Cẩm Quang", 0, &[unnamed(7, "1"), unnamed(8, "12")], 1),
    )
    .unwrap();
    let items = questions(&r, &setup(), at(600));
    let asker = |text: &str| {
        items
            .iter()
            .find(|i| i.text.ends_with(text))
            .unwrap()
            .asker
            .clone()
    };
    assert_eq!(asker("7"), Asker::Anonymous);
    assert_eq!(asker("8"), Asker::Many);
}

#[test]
fn what_a_department_prepared_reaches_the_outcome_form_and_survives_a_reload() {
    let (mut r, ids) = register_with_a_group();
    let group = r.groups()[0].id.clone();
    r.assign_group(&group, Some("Địa chính"), "Phạm Thị Địa")
        .unwrap();
    r.prepare_group(&group, "Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV.\n")
        .unwrap();
    r.assign_petition(&ids[2], Some("Công an"), "Lê Văn Công")
        .unwrap();
    r.prepare_petition(&ids[2], "Công an xã đang xác minh.")
        .unwrap();
    // A draft longer than an answer may be is refused, the one kept unchanged.
    let long = "x".repeat(5_001);
    assert_eq!(r.prepare_group(&group, &long), Err(ActionError::TooLong));
    assert_eq!(
        r.groups()[0].draft,
        "Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV."
    );
    // Stored and read back, as the session page finds it the next morning.
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store);
    repo.save_setup(&setup()).unwrap();
    repo.save(&r, &["thon-1", "thon-2"]).unwrap();
    let r = repo.load().register;
    let items = questions(&r, &setup(), at(600));
    let of = |pred: &dyn Fn(&doithoai::domain::session::Item) -> bool| {
        Prepared::of(&r, items.iter().find(|i| pred(i)).unwrap())
    };
    let road = of(&|i| matches!(i.origin, Origin::Group { .. }));
    assert_eq!(road.department.as_deref(), Some("Địa chính"));
    assert_eq!(
        road.draft,
        "Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV."
    );
    let mut form = OutcomeDraft::default();
    road.fill(&mut form);
    assert_eq!(
        (
            form.summary.as_str(),
            form.department.as_str(),
            form.official.as_str()
        ),
        (
            "Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV.",
            "Địa chính",
            "Phạm Thị Địa"
        )
    );
    let secret = of(&|i| i.petitions == [ids[2].to_string()]);
    assert_eq!(secret.draft, "Công an xã đang xác minh.");
    // The lights were not prepared: the form starts as it always did.
    let lights = of(&|i| i.text.starts_with("Thiếu đèn"));
    assert!(lights.is_empty());
    let mut form = OutcomeDraft::default();
    lights.fill(&mut form);
    assert_eq!(form, OutcomeDraft::default());
}

#[test]
fn a_whole_session_is_stored_entry_by_entry_and_its_minutes_say_what_happened() {
    let (r, _) = register_with_a_group();
    let mut s = setup();
    s.dialogue.session_date = chrono::NaiveDate::from_ymd_opt(2026, 9, 5);
    s.dialogue.chair = "Nguyễn Văn Bình".into();
    s.dialogue.place = "Hội trường UBND xã".into();
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    let mut session = Session::default();
    session.prep.secretary = "Trần Thị Thư".into();
    let mut items = fill(&mut session, &[], questions(&r, &s, at(600)), &r).added;
    for i in &items {
        repo.save_item(i).unwrap();
    }
    session.start(at(610)).unwrap();
    let period = session.period(s.dialogue.session_date.unwrap());

    let mut answer = OutcomeDraft::new(period);
    answer.summary = "Xã đưa vào kế hoạch sửa chữa quý IV".into();
    answer.by = "Chủ tịch UBND xã".into();
    let o = answer.validate(period).unwrap();
    session.record(&mut items[0], o, at(620)).unwrap();
    let mut later = OutcomeDraft::new(period);
    later.kind = OutcomeKind::Later;
    later.department = "Địa chính".into();
    session
        .record(&mut items[1], later.validate(period).unwrap(), at(630))
        .unwrap();
    session
        .record(&mut items[2], Outcome::Withdrawn, at(640))
        .unwrap();
    session.set_current(&items[2].id).unwrap();
    let floor = session
        .add_floor(
            &FloorDraft {
                name: "Lê Thị Hoa".into(),
                text: "Khi nào có nước sạch?".into(),
                field: "Khác".into(),
                ..FloorDraft::default()
            },
            "Thôn 3",
            at(650),
        )
        .unwrap();
    items.push(floor);
    let declined = Outcome::Declined {
        reason: "Việc riêng giữa hai gia đình".into(),
        channel: "Gửi đơn đến ngày tiếp công dân của Chủ tịch UBND xã".into(),
    };
    let last = items.len() - 1;
    session.record(&mut items[last], declined, at(660)).unwrap();
    session.finish(&items, at(700)).unwrap();
    let mut docs = DocumentRegister::new();
    let number = docs.next(DocType::Minutes, s.dialogue.session_date.unwrap(), "UBND");
    repo.save_session(&session).unwrap();
    for i in &items {
        repo.save_item(i).unwrap();
    }
    repo.save_documents(&docs).unwrap();

    // One entry for the session, one per question, one for the numbers.
    assert_eq!(
        store
            .keys()
            .iter()
            .filter(|k| k.starts_with("dt1:o:q:"))
            .count(),
        4
    );
    let back = repo.load();
    assert_eq!(back.session, session);
    assert_eq!(back.session.phase, Phase::Finished);
    let mut loaded = back.items.clone();
    loaded.sort_by_key(|i| i.id.clone());
    let mut expected = items.clone();
    expected.sort_by_key(|i| i.id.clone());
    assert_eq!(loaded, expected);
    assert_eq!(back.documents.entries(), docs.entries());

    let ordered = back.session.in_order(&back.items);
    let body = assemble_body(&s, &back.session, &ordered);
    let m = minutes(&s, &back.session, &ordered, Some(&number));
    assert_eq!(m.number, "Số: 01/BB-UBND");
    assert_eq!(m.authority, ["ỦY BAN NHÂN DÂN", "XÃ CẨM QUANG"]);
    assert_eq!(m.place_date, "Cẩm Quang, ngày 05 tháng 9 năm 2026");
    assert!(body.contains("Thư ký: Trần Thị Thư."));
    assert!(body.contains("Câu 4. (Khác; Thôn 3) Khi nào có nước sạch?"));
    assert!(body.contains("giao Địa chính nghiên cứu, trả lời công dân chậm nhất ngày 05/10/2026."));
    assert!(body.contains("Tổng số 4 ý kiến, kiến nghị: 1 trả lời tại hội nghị; 1 giao trả lời sau; 0 chuyển cơ quan có thẩm quyền; 1 không thuộc nội dung đối thoại; 1 rút lại."));
    assert!(body.contains("Giữ bí mật danh tính"));
    assert!(
        !body.contains("Lê Văn Tám"),
        "a confidential petitioner's name never reaches the minutes"
    );
    // Without the speakers' parts, the sections run I to V.
    let headings: Vec<&str> = body.lines().filter(|l| is_heading(l)).collect();
    assert_eq!(
        headings,
        [
            "I. THỜI GIAN, ĐỊA ĐIỂM",
            "II. THÀNH PHẦN",
            "III. CHƯƠNG TRÌNH",
            "IV. Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ TRẢ LỜI",
            "V. KẾT QUẢ"
        ]
    );

    // The Front's representative, and the parts the secretary recorded, each in its place
    // in the programme's order; the sections numbered on.
    s.dialogue.front = "Bà Lê Thị Hòa, Chủ tịch Ủy ban MTTQ Việt Nam xã".into();
    let mut session = back.session.clone();
    session.minutes.parts = MinutesParts::checked(
        "Chủ tịch báo cáo tình hình kinh tế - xã hội năm 2026.",
        "Mặt trận đồng tình với các nội dung trả lời.\n\nĐề nghị xã công khai kết quả.",
        "Chủ tịch giao các bộ phận trả lời đúng hạn.",
    )
    .unwrap();
    let body = assemble_body(&s, &session, &ordered);
    assert!(body.contains(
        "Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã: Bà Lê Thị Hòa, Chủ tịch Ủy ban MTTQ Việt Nam xã."
    ));
    let headings: Vec<&str> = body.lines().filter(|l| is_heading(l)).collect();
    assert_eq!(
        headings,
        [
            "I. THỜI GIAN, ĐỊA ĐIỂM",
            "II. THÀNH PHẦN",
            "III. CHƯƠNG TRÌNH",
            "IV. BÁO CÁO CỦA CHỦ TỊCH UBND XÃ",
            "V. Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ TRẢ LỜI",
            "VI. Ý KIẾN CỦA ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ",
            "VII. KẾT LUẬN CỦA CHỦ TRÌ",
            "VIII. KẾT QUẢ"
        ]
    );
    let after = |heading: &str| {
        let lines: Vec<&str> = body.lines().collect();
        let at = lines.iter().position(|l| *l == heading).unwrap();
        lines[at + 1].to_string()
    };
    assert_eq!(
        after("VI. Ý KIẾN CỦA ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ"),
        "Mặt trận đồng tình với các nội dung trả lời."
    );
    assert!(body.contains("\nĐề nghị xã công khai kết quả.\nVII. KẾT LUẬN"));
    assert_eq!(
        MinutesParts::checked(&"x".repeat(5_001), "", ""),
        Err(SessionError::TooLong)
    );
}

#[test]
fn a_broken_question_entry_is_set_aside_and_the_rest_of_the_session_loads() {
    let (r, _) = register_with_a_group();
    let s = setup();
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    let mut session = Session::default();
    let items = fill(&mut session, &[], questions(&r, &s, at(600)), &r).added;
    repo.save_session(&session).unwrap();
    for i in &items {
        repo.save_item(i).unwrap();
    }
    let victim = format!("dt1:o:q:{}", items[1].id);
    let text = store.get(&victim).unwrap();
    let half: String = text.chars().take(text.chars().count() / 2).collect();
    store.set(&victim, &half).unwrap();
    let back = repo.load();
    assert_eq!(back.items.len(), 2);
    assert_eq!(back.session.order.len(), 3);
    assert_eq!(back.broken_now.len(), 1);
    assert!(store.get(&format!("dt1:broken:{victim}")).is_some());
}

#[test]
fn a_damaged_session_entry_loses_no_question_and_no_outcome() {
    let (r, _) = register_with_a_group();
    let s = setup();
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    let mut session = Session::default();
    let mut items = fill(&mut session, &[], questions(&r, &s, at(600)), &r).added;
    session.start(at(610)).unwrap();
    session
        .record(&mut items[1], Outcome::Withdrawn, at(620))
        .unwrap();
    repo.save_session(&session).unwrap();
    for i in &items {
        repo.save_item(i).unwrap();
    }
    // The session's own entry is cut short (a crash mid-save, a hand edit).
    let text = store.get("dt1:o:session").unwrap();
    store.set("dt1:o:session", &text[..text.len() / 3]).unwrap();

    let back = repo.load();
    assert_eq!(back.broken_now.len(), 1);
    assert!(
        store.get("dt1:broken:dt1:o:session").is_some(),
        "kept for rescue"
    );
    assert_eq!(
        back.session.order.len(),
        3,
        "every question is on the queue again"
    );
    assert_eq!(back.session.phase, Phase::Running);
    let ordered = back.session.in_order(&back.items);
    assert_eq!(ordered.iter().filter(|i| i.outcome().is_some()).count(), 1);
    // Filling the queue again asks nothing twice.
    let mut again = back.session.clone();
    assert!(
        fill(&mut again, &back.items, questions(&r, &s, at(700)), &r)
            .added
            .is_empty()
    );
}
