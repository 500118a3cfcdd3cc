//! The results file, office → villages: the office writes each petition's outcome and
//! final answer (a group's answer for each of its petitions, never a petitioner's name),
//! the village tablet takes in its own — idempotent, an older export never replacing a
//! newer one, another commune's or village's file refused — and every damaged or hostile
//! file is refused whole with the member at fault named.

use chrono::NaiveDate;
use doithoai::domain::bundle::checksum;
use doithoai::domain::bundle::results::{
    build_results, parse_results, take_for_village, ReadResults, ResultOutcome, Taken,
};
use doithoai::domain::bundle::{FieldProblem, FileError, FileKind};
use doithoai::domain::office::register::Register;
use doithoai::domain::office::setup::OfficeSetup;
use doithoai::domain::petition::{Kind, Petition, PetitionId};
use doithoai::domain::session::followup::AnswerDraft;
use doithoai::domain::session::outcome::Outcome;
use doithoai::domain::session::queue::{fill, questions};
use doithoai::domain::session::{FloorDraft, Item, Session};
use doithoai::domain::village::VillageProfile;
use doithoai::i18n::Lang;
use doithoai::storage::{KeyValueStore, MemoryStore, Repository};
use serde_json::Value;

use crate::office_import::{at, bundle, import, petition, setup};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Thôn 1's and Thôn 2's petitions as each tablet holds them.
struct Villages {
    thon1: Vec<Petition>,
    thon2: Vec<Petition>,
}

/// The office after the session: Thôn 1 and Thôn 2 sent their petitions; the road raised
/// by both is one group, answered at the session; Thôn 1's confidential complaint went to the
/// province; its street lights were given to a department, which answered later; Thôn 2's
/// seed rice was declined; a question from the floor was withdrawn.
pub(crate) struct Office {
    pub(crate) setup: OfficeSetup,
    pub(crate) register: Register,
    pub(crate) session: Session,
    pub(crate) items: Vec<Item>,
    villages: Villages,
}

pub(crate) fn office() -> Office {
    let road1 = petition(1, "Đường liên thôn xuống cấp, nhiều ổ gà");
    let mut secret = petition(2, "Khiếu nại việc lấn chiếm đất công ở xóm 3");
    secret.kind = Kind::Complaint;
    secret.confidential = true;
    secret.petitioners =
        doithoai::domain::petition::Petitioners::Named(vec!["Người Tố Cáo Bí Mật".into()]);
    secret.phone = "0912345678".into();
    let lights = petition(4, "Thiếu đèn chiếu sáng ngã ba chợ");
    let road2 = petition(3, "Tuyến đường liên thôn nhiều ổ gà");
    let seed = petition(5, "Xin hỗ trợ giống lúa cho vụ đông");
    let mut register = Register::default();
    import(
        &mut register,
        &bundle(
            "Cẩm Quang",
            0,
            &[road1.clone(), secret.clone(), lights.clone()],
            1,
        ),
    )
    .unwrap();
    import(
        &mut register,
        &bundle("Cẩm Quang", 1, &[road2.clone(), seed.clone()], 1),
    )
    .unwrap();
    register
        .create_group(
            "Sửa tuyến đường liên thôn",
            "Đất đai",
            &[road1.id.clone(), road2.id.clone()],
        )
        .unwrap();
    let mut setup = setup();
    setup.dialogue.session_date = Some(day(9, 5));
    let mut session = Session::default();
    let mut items = fill(
        &mut session,
        &[],
        questions(&register, &setup, at(600)),
        &register,
    )
    .added;
    session.start(at(610)).unwrap();
    let find = |items: &[Item], p: &Petition| {
        items
            .iter()
            .position(|i| i.petitions.contains(&p.id.to_string()))
            .unwrap()
    };
    let group = find(&items, &road1);
    session
        .record(
            &mut items[group],
            Outcome::Answered {
                summary: "Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV năm 2026".into(),
                by: "Chủ tịch UBND xã".into(),
            },
            at(620),
        )
        .unwrap();
    let i = find(&items, &secret);
    session
        .record(
            &mut items[i],
            Outcome::Forwarded {
                agency: "Thanh tra tỉnh Hà Tĩnh".into(),
                reply_by: day(10, 20),
            },
            at(630),
        )
        .unwrap();
    let i = find(&items, &lights);
    session
        .record(
            &mut items[i],
            Outcome::Later {
                department: "Địa chính".into(),
                official: "Ông Trần Văn Tâm".into(),
                due: day(10, 5),
            },
            at(640),
        )
        .unwrap();
    items[i].answer = Some(
        AnswerDraft {
            answer: "Đã lắp 2 bóng đèn tại ngã ba chợ".into(),
            answered_on: "20/09/2026".into(),
            told_on: "22/09/2026".into(),
            told_how: "village_meeting".into(),
            ..AnswerDraft::default()
        }
        .validate(day(9, 5), at(700))
        .unwrap(),
    );
    let i = find(&items, &seed);
    session
        .record(
            &mut items[i],
            Outcome::Declined {
                reason: "Không thuộc nội dung đối thoại".into(),
                channel: "Liên hệ Hội Nông dân xã".into(),
            },
            at(650),
        )
        .unwrap();
    let floor = session
        .add_floor(
            &FloorDraft {
                name: "Lê Thị Hoa".into(),
                text: "Khi nào có nước sạch?".into(),
                field: "Khác".into(),
                ..FloorDraft::default()
            },
            "Thôn 1",
            at(660),
        )
        .unwrap();
    items.push(floor);
    let last = items.len() - 1;
    session
        .record(&mut items[last], Outcome::Withdrawn, at(670))
        .unwrap();
    Office {
        setup,
        register,
        session,
        items,
        villages: Villages {
            thon1: vec![road1, secret, lights],
            thon2: vec![road2, seed],
        },
    }
}

impl Office {
    /// The results file's text, for one village (its code) or all, exported at `minutes`.
    fn file(&self, village: Option<&str>, minutes: i64) -> String {
        build_results(
            &self.setup,
            &self.register,
            &self.session,
            &self.items,
            village,
            "0.1.0",
            at(minutes),
        )
        .to_json()
    }
}

/// A tablet set up from the commune's setup file.
fn tablet(commune: &str, code: &str, name: &str) -> VillageProfile {
    let s = setup();
    VillageProfile {
        commune: commune.into(),
        province: String::new(),
        village_code: code.into(),
        village: name.into(),
        head: "Nguyễn Văn Hùng".into(),
        fields: s.fields.clone(),
        dialogue: None,
        office_key: None,
    }
}

/// What the tablet does with a file: read it, check it against what it holds and keeps.
fn take(
    text: &str,
    profile: &VillageProfile,
    held: &[Petition],
    stored: Option<&ReadResults>,
) -> Result<Taken, FileError> {
    let read = parse_results(text)?;
    take_for_village(read, profile, |id| held.iter().any(|p| p.id == *id), stored)
}

fn taken(t: Result<Taken, FileError>) -> ReadResults {
    match t {
        Ok(Taken::New(r)) => *r,
        other => panic!("expected new results, got {other:?}"),
    }
}

fn outcome_of<'a>(r: &'a ReadResults, p: &Petition) -> &'a ResultOutcome {
    &r.find(&p.id).expect("a result for the petition").outcome
}

#[test]
fn the_village_takes_in_its_results_and_each_petition_of_a_group_gets_the_group_answer() {
    let o = office();
    let thon1 = tablet("Cẩm Quang", "thon-1", "Thôn 1");
    let text = o.file(Some("thon-1"), 800);
    let read = parse_results(&text).unwrap();
    assert_eq!(read.commune, "Cẩm Quang");
    assert_eq!(read.village.as_ref().unwrap().code, "thon-1");
    assert_eq!(read.session_date, Some(day(9, 5)));
    assert_eq!(read.exported_at, at(800));
    // Thôn 1's three petitions; the floor question (no petition) and Thôn 2's are not there.
    assert_eq!(read.results.len(), 3);

    let r = taken(take(&text, &thon1, &o.villages.thon1, None));
    let [road, secret, lights] = [
        &o.villages.thon1[0],
        &o.villages.thon1[1],
        &o.villages.thon1[2],
    ];
    assert_eq!(
        outcome_of(&r, road),
        &ResultOutcome::Answered {
            summary: "Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV năm 2026".into(),
            by: "Chủ tịch UBND xã".into(),
        }
    );
    // The question as read at the session: the group's title.
    assert_eq!(
        r.find(&road.id).unwrap().question,
        "Sửa tuyến đường liên thôn"
    );
    assert_eq!(
        outcome_of(&r, secret),
        &ResultOutcome::Forwarded {
            agency: "Thanh tra tỉnh Hà Tĩnh".into(),
            reply_by: day(10, 20),
        }
    );
    assert_eq!(
        outcome_of(&r, lights),
        &ResultOutcome::Later {
            department: "Địa chính".into(),
            due: day(10, 5),
        }
    );
    let answer = r.find(&lights.id).unwrap().answer.as_ref().unwrap();
    assert_eq!(answer.answer, "Đã lắp 2 bóng đèn tại ngã ba chợ");
    assert_eq!(answer.answered_on, day(9, 20));
    assert_eq!(answer.told_on, Some(day(9, 22)));
    // Answered: the road at the session, the lights since; the forwarded one is not yet.
    assert_eq!((r.results.len(), r.answered()), (3, 2));

    // What the village head reads under the petition.
    let vi = Lang::Vi.texts();
    assert_eq!(
        vi.result_text(r.find(&road.id).unwrap()),
        "Kết quả: Đã trả lời tại hội nghị (Chủ tịch UBND xã): Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV năm 2026"
    );
    assert_eq!(
        vi.result_text(r.find(&lights.id).unwrap()),
        "Kết quả: Giao Địa chính trả lời, chậm nhất ngày 05/10/2026.\nTrả lời ngày 20/09/2026: Đã lắp 2 bóng đèn tại ngã ba chợ. Đã báo cho người nêu ngày 22/09/2026."
    );
    assert!(Lang::En
        .texts()
        .result_text(r.find(&secret.id).unwrap())
        .starts_with("Result: Beyond the commune's authority, sent to Thanh tra tỉnh Hà Tĩnh"));
}

#[test]
fn a_file_for_all_villages_gives_each_tablet_only_its_own_petitions() {
    let o = office();
    let text = o.file(None, 800);
    let read = parse_results(&text).unwrap();
    assert_eq!(read.village, None);
    assert_eq!(read.results.len(), 5);
    let thon2 = tablet("Cẩm Quang", "thon-2", "Thôn 2");
    let r = taken(take(&text, &thon2, &o.villages.thon2, None));
    assert_eq!(r.results.len(), 2);
    let [road, seed] = [&o.villages.thon2[0], &o.villages.thon2[1]];
    // The group raised by both villages: the same answer reaches Thôn 2's petition too.
    assert!(matches!(
        outcome_of(&r, road),
        ResultOutcome::Answered { .. }
    ));
    assert_eq!(r.find(&road.id).unwrap().village, "Thôn 2");
    assert_eq!(
        outcome_of(&r, seed),
        &ResultOutcome::Declined {
            reason: "Không thuộc nội dung đối thoại".into(),
            channel: "Liên hệ Hội Nông dân xã".into(),
        }
    );
    assert!(r.find(&o.villages.thon1[0].id).is_none());
    // What the tablet keeps is a results file itself: its own results only, its checksum
    // made again, and read back with every check.
    let again = parse_results(&r.stored_text()).unwrap();
    assert_eq!(again, r);
    assert_ne!(r.checksum, read.checksum);
    let thon1 = tablet("Cẩm Quang", "thon-1", "Thôn 1");
    assert_eq!(
        taken(take(&text, &thon1, &o.villages.thon1, None))
            .results
            .len(),
        3
    );
}

#[test]
fn the_results_file_names_no_petitioner_and_no_phone() {
    let o = office();
    for text in [o.file(None, 800), o.file(Some("thon-1"), 800)] {
        for secret in [
            "Người Tố Cáo Bí Mật",
            "0912345678",
            "Lê Văn Tám",
            "Lê Thị Hoa",
            "Ông Trần Văn Tâm",
        ] {
            assert!(!text.contains(secret), "{secret} is in the file");
        }
        for member in ["petitioners", "phone", "address", "asker"] {
            assert!(!text.contains(&format!("\"{member}\"")), "{member}");
        }
    }
}

#[test]
fn a_denunciation_is_in_no_results_file_even_when_a_question_answered_it() {
    let mut o = office();
    let secret = o.villages.thon1[1].clone();
    assert!(o.file(None, 800).contains("lấn chiếm"), "the complaint is");
    // Classified a denunciation after the session forwarded it.
    o.register
        .reclassify(&secret.id, "Đất đai", Kind::Denunciation)
        .unwrap();
    for text in [o.file(None, 800), o.file(Some("thon-1"), 800)] {
        assert!(!text.contains("lấn chiếm"), "its text");
        assert!(!text.contains(&secret.id.to_string()), "its id");
        assert!(text.contains("đèn chiếu sáng"), "the rest is there");
    }
    // Its question, on the projector, shows only its place in the queue.
    let asked = o
        .items
        .iter()
        .find(|i| i.petitions.contains(&secret.id.to_string()))
        .unwrap();
    o.session.current = Some(asked.id.clone());
    let shown =
        doithoai::domain::office::denunciation::projection(&o.session, &o.items, &o.register);
    assert!(shown.position > 0 && shown.text.is_empty() && shown.villages.is_empty());
    assert!(shown.outcome.is_none());
    assert!(
        !o.session.projection(&o.items).text.is_empty(),
        "unfiltered, it would show"
    );
}

#[test]
fn taking_the_same_file_twice_changes_nothing_and_an_older_export_never_replaces_a_newer() {
    let o = office();
    let thon1 = tablet("Cẩm Quang", "thon-1", "Thôn 1");
    let held = &o.villages.thon1;
    let store = MemoryStore::default();
    let repo = Repository::new(store.clone());
    let older = o.file(Some("thon-1"), 800);
    // Later, the office corrects an outcome and exports again, for all villages.
    let mut o2 = office();
    let i = o2
        .items
        .iter()
        .position(|i| i.petitions.contains(&held[1].id.to_string()))
        .unwrap();
    let corrected = Outcome::Forwarded {
        agency: "Công an tỉnh Hà Tĩnh".into(),
        reply_by: day(10, 25),
    };
    o2.session
        .record(&mut o2.items[i], corrected, at(900))
        .unwrap();
    let newer = o2.file(None, 950);

    let r = taken(take(&newer, &thon1, held, None));
    repo.save_results(&r).unwrap();
    let stored = repo.stored_results().unwrap();
    assert_eq!(stored, r);
    let text_before = store.get("dt1:results").unwrap();
    let writes = store.write_count();
    // The same file again: nothing to do.
    assert_eq!(
        take(&newer, &thon1, held, Some(&stored)),
        Ok(Taken::Unchanged)
    );
    // The older export, taken after the newer one: the newer stays.
    assert_eq!(take(&older, &thon1, held, Some(&stored)), Ok(Taken::Older));
    assert_eq!(store.write_count(), writes);
    assert_eq!(store.get("dt1:results").unwrap(), text_before);
    assert!(matches!(
        outcome_of(&repo.stored_results().unwrap(), &held[1]),
        ResultOutcome::Forwarded { agency, .. } if agency == "Công an tỉnh Hà Tĩnh"
    ));
    // A newer one replaces it whole.
    let newest = o2.file(Some("thon-1"), 1000);
    let r3 = taken(take(&newest, &thon1, held, Some(&stored)));
    assert_eq!(r3.exported_at, at(1000));
    assert!(r3.village.is_some());
}

#[test]
fn a_results_file_of_another_dialogue_is_refused_and_one_from_before_ids_is_the_firsts() {
    let o = office();
    let file = o.file(Some("thon-1"), 800);
    let held = &o.villages.thon1;
    // The tablet has moved on to the 2027 round: the 2026 results are not its round's.
    let mut moved_on = tablet("Cẩm Quang", "thon-1", "Thôn 1");
    moved_on.dialogue = Some(doithoai::domain::village::DialogueInfo {
        id: "3f6c1c9e-8a52-4d0b-9a3e-2b7f5e1c0d44".into(),
        title: "Đối thoại năm 2027".into(),
        ..Default::default()
    });
    assert_eq!(
        take(&file, &moved_on, held, None),
        Err(FileError::OtherDialogue {
            found: o.setup.dialogue.title.clone()
        })
    );
    // A file of version 1 names no dialogue: the first's, which a tablet set up by hand holds.
    let v1 = edited(&file, |d| {
        d["version"] = 1.into();
        d.as_object_mut().unwrap().remove("dialogue");
    });
    assert!(take(&v1, &tablet("Cẩm Quang", "thon-1", "Thôn 1"), held, None).is_ok());
    assert_eq!(
        take(&v1, &moved_on, held, None),
        Err(FileError::OtherDialogue {
            found: String::new()
        })
    );
    // A dialogue id that could not be one is refused by the reader, named.
    let bad_id = edited(&file, |d| d["dialogue"]["id"] = "../../x".into());
    assert_eq!(
        parse_results(&bad_id).map(|_| ()),
        Err(FileError::BadField {
            path: "dialogue.id".into(),
            problem: FieldProblem::Invalid
        })
    );
}

#[test]
fn another_communes_or_another_villages_file_is_refused() {
    let o = office();
    let thon1_file = o.file(Some("thon-1"), 800);
    let held = &o.villages.thon1;
    assert_eq!(
        take(
            &thon1_file,
            &tablet("Cẩm Xuyên", "thon-1", "Thôn 1"),
            held,
            None
        ),
        Err(FileError::NotThisCommune {
            found: "Cẩm Quang".into()
        })
    );
    // Case and marks aside, it is the same commune.
    assert!(take(
        &thon1_file,
        &tablet("CAM QUANG", "thon-1", "Thôn 1"),
        held,
        None
    )
    .is_ok());
    let thon2 = tablet("Cẩm Quang", "thon-2", "Thôn 2");
    assert_eq!(
        take(&thon1_file, &thon2, &o.villages.thon2, None),
        Err(FileError::NotThisVillage {
            found: "Thôn 1".into()
        })
    );
    // A tablet set up by hand (no code) is known by its village's name.
    assert!(take(&thon1_file, &tablet("Cẩm Quang", "", "thôn 1"), held, None).is_ok());
    assert_eq!(
        take(
            &thon1_file,
            &tablet("Cẩm Quang", "", "Thôn Đông"),
            held,
            None
        ),
        Err(FileError::NotThisVillage {
            found: "Thôn 1".into()
        })
    );
    // A file for all villages on a tablet whose petitions it does not answer.
    let strangers = [petition(9, "Một kiến nghị khác")];
    assert_eq!(
        take(
            &o.file(None, 800),
            &tablet("Cẩm Quang", "thon-3", "Thôn 3"),
            &strangers,
            None
        ),
        Err(FileError::NoPetitionOfOurs)
    );
    let vi = Lang::Vi.texts();
    assert_eq!(
        vi.file_error(&FileError::NotThisVillage {
            found: "Thôn 1".into()
        }),
        "Tệp này dành cho Thôn 1, không phải thôn của máy này."
    );
    assert_eq!(
        vi.file_error(&FileError::NotThisCommune {
            found: "Cẩm Quang".into()
        }),
        "Tệp này của xã Cẩm Quang, không phải xã của máy này."
    );
}

/// The file as a value, changed by `edit`, its checksum made again: what a careless
/// or hostile editor who knows the format writes.
fn edited(text: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(text).unwrap();
    edit(&mut doc);
    let sum = checksum::of_document(&doc);
    doc["checksum"] = Value::String(sum);
    doc.to_string()
}

/// A change made to a file's document.
type Edit = Box<dyn FnOnce(&mut Value)>;

fn bad(path: &str, problem: FieldProblem) -> Result<ReadResults, FileError> {
    Err(FileError::BadField {
        path: path.into(),
        problem,
    })
}

#[test]
fn damaged_or_hostile_files_are_refused_whole_with_the_member_named() {
    let o = office();
    let good = o.file(Some("thon-1"), 800);
    assert!(parse_results(&good).is_ok());
    // Cut short on the way.
    assert_eq!(
        parse_results(&good[..good.len() / 2]),
        Err(FileError::Truncated)
    );
    // One word changed by hand, the checksum left as it was.
    let tampered = good.replacen("quý IV", "quý I", 1);
    assert_ne!(tampered, good);
    assert_eq!(parse_results(&tampered), Err(FileError::ChecksumMismatch));
    // No checksum at all.
    let mut doc: Value = serde_json::from_str(&good).unwrap();
    doc.as_object_mut().unwrap().remove("checksum");
    assert_eq!(
        parse_results(&doc.to_string()),
        bad("checksum", FieldProblem::Missing)
    );
    // A newer version of the format.
    assert!(matches!(
        parse_results(&edited(&good, |d| d["version"] = 3.into())),
        Err(FileError::UnsupportedVersion { supported: 2, .. })
    ));
    // Another of the app's files.
    assert!(matches!(
        parse_results(&edited(&good, |d| d["format"] = "doithoai.village-bundle".into())),
        Err(FileError::WrongFormat {
            expected: FileKind::Results,
            ..
        })
    ));
    let cases: Vec<(Edit, &str, FieldProblem)> = vec![
        (
            Box::new(|d| d["results"] = "all answered".into()),
            "results",
            FieldProblem::WrongType,
        ),
        (
            Box::new(|d| d["results"][0] = 7.into()),
            "results[0]",
            FieldProblem::WrongType,
        ),
        (
            Box::new(|d| d["results"][1]["petition"] = "1".into()),
            "results[1].petition",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["results"][2]["petition"] = d["results"][0]["petition"].clone()),
            "results[2].petition",
            FieldProblem::Repeats("results[0].petition".into()),
        ),
        (
            Box::new(|d| d["results"][0]["outcome"]["kind"] = "approved".into()),
            "results[0].outcome.kind",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["results"][0]["outcome"]["summary"] = "x".repeat(5_001).into()),
            "results[0].outcome.summary",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["results"][0]["outcome"]["summary"] = " \u{7} ".into()),
            "results[0].outcome.summary",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| {
                d["results"][0]["outcome"]
                    .as_object_mut()
                    .unwrap()
                    .remove("summary");
            }),
            "results[0].outcome.summary",
            FieldProblem::Missing,
        ),
        (
            Box::new(|d| d["results"][0]["outcome"]["by"] = 12.into()),
            "results[0].outcome.by",
            FieldProblem::WrongType,
        ),
        (
            Box::new(|d| {
                d["results"][2]["outcome"]["due"] = "2026-02-31".into();
            }),
            "results[2].outcome.due",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["results"][2]["answer"]["answered_on"] = "20/09/2026".into()),
            "results[2].answer.answered_on",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["results"][1]["question"] = "".into()),
            "results[1].question",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["results"][1]["question"] = "đ".repeat(10_001).into()),
            "results[1].question",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| {
                d["results"][1].as_object_mut().unwrap().remove("outcome");
            }),
            "results[1].outcome",
            FieldProblem::Missing,
        ),
        (
            Box::new(|d| d["village"] = "Thôn 1".into()),
            "village",
            FieldProblem::WrongType,
        ),
        (
            Box::new(|d| d["commune"] = "".into()),
            "commune",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["exported_at"] = "hôm qua".into()),
            "exported_at",
            FieldProblem::Invalid,
        ),
        (
            Box::new(|d| d["results"] = Value::Array(vec![Value::Null; 100_001])),
            "results",
            FieldProblem::Invalid,
        ),
    ];
    for (edit, path, problem) in cases {
        assert_eq!(
            parse_results(&edited(&good, edit)),
            bad(path, problem.clone()),
            "{path}"
        );
    }
    // Huge, or nested past reason.
    let huge = format!(
        "{{\"x\":\"{}\"}}",
        "a".repeat(FileKind::Results.size_limit())
    );
    assert!(matches!(
        parse_results(&huge),
        Err(FileError::TooLarge { .. })
    ));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(
        parse_results(&deep),
        Err(FileError::NotJson { .. })
    ));
    assert_eq!(parse_results(""), Err(FileError::Empty));
    // Members this version does not know are let through (a later version may add some).
    assert!(parse_results(&edited(&good, |d| d["signed_by"] = "Văn phòng".into())).is_ok());
}

#[test]
fn decomposed_vietnamese_comes_out_precomposed() {
    let o = office();
    let good = o.file(Some("thon-1"), 800);
    let text = edited(&good, |d| {
        d["results"][0]["outcome"]["summary"] = "Xa\u{303} đa\u{300} tra\u{309} lơ\u{300}i".into();
        d["results"][0]["outcome"]["by"] = "Chu\u{309} ti\u{323}ch  UBND\nxã".into();
        d["commune"] = "Ca\u{302}\u{309}m Quang".into();
    });
    let r = parse_results(&text).unwrap();
    assert_eq!(r.commune, "Cẩm Quang");
    assert_eq!(
        r.results[0].outcome,
        ResultOutcome::Answered {
            summary: "Xã đà trả lời".into(),
            by: "Chủ tịch UBND xã".into(),
        }
    );
}

#[test]
fn a_broken_results_entry_is_set_aside_and_the_tablet_has_no_results() {
    let store = MemoryStore::default();
    let repo = Repository::new(store.clone());
    store
        .set("dt1:results", "{\"format\": \"doithoai.res")
        .unwrap();
    assert_eq!(repo.stored_results(), None);
    assert!(store.get("dt1:results").is_none());
    assert_eq!(
        store.get("dt1:broken:dt1:results").as_deref(),
        Some("{\"format\": \"doithoai.res")
    );
    assert_eq!(repo.broken_entries().len(), 1);
}

#[test]
fn the_file_name_says_whose_results_and_when_in_ascii() {
    let o = office();
    let file = |village| {
        build_results(
            &o.setup,
            &o.register,
            &o.session,
            &o.items,
            village,
            "0.1.0",
            at(800),
        )
    };
    assert_eq!(
        file(Some("thon-1")).file_name(day(10, 5)),
        "ket-qua_thon-1_cam-quang_05-10-2026.json"
    );
    assert_eq!(
        file(None).file_name(day(10, 5)),
        "ket-qua_tat-ca_cam-quang_05-10-2026.json"
    );
    let unknown = PetitionId::from_random([42; 16]);
    assert!(file(None)
        .results
        .iter()
        .all(|r| r.petition != unknown.to_string()));
}
