//! Every file parser of the app, as the fuzz tests see it: valid samples to start from,
//! how to reseal a changed document (make its checksum again), and what the app keeps
//! of an accepted file (its texts, to check they are clean).
//!
//! A new file format joins every property of `files.rs` with one line in [`PARSERS`]
//! (and its `FileParser` value beside the others).

use chrono::{DateTime, NaiveDate};
use doithoai::domain::bundle::backup::{build_backup, BackupContext, BackupError, MadeBy, Role};
use doithoai::domain::bundle::checksum;
use doithoai::domain::bundle::results::{
    parse_results, take_for_village, AnswerRecord, OutcomeRecord, ResultRecord, ResultsFile, Taken,
    VillageRecord,
};
use doithoai::domain::bundle::setup::parse_commune_setup;
use doithoai::domain::bundle::village::{
    begin_village_bundle, build_village_bundle, parse_village_bundle, Begun, ExportContext,
    ReadBundle,
};
use doithoai::domain::bundle::{FieldProblem, FileError, FileKind};
use doithoai::domain::json;
use doithoai::domain::office::setup::SetupDraft;
use doithoai::domain::petition::{Petition, PetitionDraft, PetitionId};
use doithoai::domain::text::clean_line;
use doithoai::domain::village::{Attendee, Meeting, VillageProfile};
use doithoai::storage::backup::read_for_office;
use doithoai::storage::{MemoryStore, Repository};
use serde_json::Value;

/// One file parser under test.
pub struct FileParser {
    pub name: &'static str,
    pub kind: FileKind,
    /// Whether a file without a checksum may be accepted (the hand-written setup file).
    pub checksum_optional: bool,
    /// Valid files, each accepted as it is.
    pub samples: fn() -> Vec<String>,
    /// Reads a file as the app does; on acceptance, every text the app keeps of it.
    pub read: fn(&str) -> Result<Vec<String>, FileError>,
}

/// Every parser the fuzz tests run. Add a new file format here.
pub const PARSERS: &[FileParser] = &[SETUP, VILLAGE, VILLAGE_IN_TWO_STEPS, RESULTS, BACKUP];

pub const SETUP: FileParser = FileParser {
    name: "commune setup file",
    kind: FileKind::CommuneSetup,
    checksum_optional: true,
    samples: setup_samples,
    read: |text| {
        let s = parse_commune_setup(text)?;
        let mut kept = vec![s.commune, s.province];
        for v in s.villages {
            kept.extend([v.code, v.name, v.head]);
        }
        kept.extend(s.fields);
        kept.extend(s.dialogue.map(|d| d.title));
        Ok(kept)
    },
};

pub const VILLAGE: FileParser = FileParser {
    name: "village bundle",
    kind: FileKind::VillageBundle,
    checksum_optional: false,
    samples: village_samples,
    read: |text| parse_village_bundle(text).map(|r| bundle_texts(&r)),
};

/// The office's way: the canonical text hashed by the caller (the browser), then
/// finished.
pub const VILLAGE_IN_TWO_STEPS: FileParser = FileParser {
    name: "village bundle, read in two steps",
    kind: FileKind::VillageBundle,
    checksum_optional: false,
    samples: village_samples,
    read: |text| {
        let read = match begin_village_bundle(text) {
            Begun::ToHash(pending) => {
                let sum = checksum::of_canonical(pending.canonical());
                pending.finish(text, &sum)
            }
            Begun::Read(read) => read,
        };
        read.map(|r| bundle_texts(&r))
    },
};

/// Read, then taken in by Thôn 1's tablet (which holds every petition named).
pub const RESULTS: FileParser = FileParser {
    name: "results file",
    kind: FileKind::Results,
    checksum_optional: false,
    samples: results_samples,
    read: |text| {
        let read = parse_results(text)?;
        let mut kept = results_texts(&read);
        match take_for_village(read, &tablet(), |_| true, None)? {
            Taken::New(taken) => kept.extend(results_texts(&taken)),
            other => panic!("a first results file taken as {other:?}"),
        }
        Ok(kept)
    },
};

/// The full backup, read as the office's page reads it (both sections, every entry through
/// the app's readers). Its entries are restored as stored, and cleaned when the app reads
/// them at its next start (the storage properties cover that), so what is kept here is
/// only the name shown in the confirmation.
pub const BACKUP: FileParser = FileParser {
    name: "full backup",
    kind: FileKind::Backup,
    checksum_optional: false,
    samples: backup_samples,
    read: |text| match read_for_office(text) {
        Ok(b) => Ok(vec![clean_line(&b.made_by.name)]),
        Err(BackupError::File(e)) => Err(e),
        Err(other) => Err(FileError::BadField {
            path: format!("{other:?}"),
            problem: FieldProblem::Invalid,
        }),
    },
};

fn backup_samples() -> Vec<String> {
    let store = MemoryStore::default();
    let repo = Repository::new(store.clone());
    repo.save_profile(&tablet()).unwrap();
    repo.save_meeting(&Meeting::planned("Nguyễn Văn Hùng"))
        .unwrap();
    for (seed, content, kind) in [
        (1, "Đề nghị sửa đường liên thôn", "kien_nghi"),
        (2, "Tố cáo lấn chiếm đất công", "to_cao"),
    ] {
        repo.save_petition(&petition(seed, content, kind, "Trần Văn An"))
            .unwrap();
    }
    let ctx = |role| BackupContext {
        app_version: "0.1.0",
        now: DateTime::from_timestamp(1_780_003_600, 0).unwrap(),
        made_by: MadeBy {
            role,
            name: "Thôn 1 · Cẩm Quang".into(),
            dialogue: None,
        },
    };
    let village = build_backup(Some(repo.all_entries()), None, ctx(Role::Village));
    let pretty = village.to_json();
    vec![
        pretty.clone(),
        json::to_text(&json::encode(&village)),
        as_notepad_saves(&pretty),
    ]
}

fn results_texts(r: &doithoai::domain::bundle::results::ReadResults) -> Vec<String> {
    use doithoai::domain::bundle::results::ResultOutcome as O;
    let mut kept = vec![r.commune.clone(), r.app_version.clone()];
    if let Some(v) = &r.village {
        kept.extend([v.code.clone(), v.name.clone()]);
    }
    for x in &r.results {
        kept.extend([x.village.clone(), x.question.clone()]);
        match &x.outcome {
            O::Answered { summary, by } => kept.extend([summary.clone(), by.clone()]),
            O::Later { department, .. } => kept.push(department.clone()),
            O::Forwarded { agency, .. } => kept.push(agency.clone()),
            O::Declined { reason, channel } => kept.extend([reason.clone(), channel.clone()]),
            O::Withdrawn => {}
        }
        if let Some(a) = &x.answer {
            kept.extend([a.answer.clone(), a.agency_answer.clone()]);
        }
    }
    kept
}

/// What the office keeps of a bundle: every petition's texts.
fn bundle_texts(r: &ReadBundle) -> Vec<String> {
    let mut kept = Vec::new();
    for p in &r.petitions {
        kept.extend([
            p.content.clone(),
            p.field.clone(),
            p.address.clone(),
            p.phone.clone(),
        ]);
        kept.extend(p.petitioners.names().iter().cloned());
    }
    kept
}

/// Thôn 1's tablet, set up from the commune's file.
pub fn tablet() -> VillageProfile {
    VillageProfile {
        commune: "Cẩm Quang".into(),
        province: "Hà Tĩnh".into(),
        village_code: "thon-1".into(),
        village: "Thôn 1".into(),
        head: "Nguyễn Văn Hùng".into(),
        fields: vec!["Đất đai".into(), "Khác".into()],
        dialogue: None,
        office_key: None,
    }
}

/// A file as a person might save it again: a byte-order mark and Windows line ends.
fn as_notepad_saves(text: &str) -> String {
    format!("\u{feff}{}", text.replace('\n', "\r\n"))
}

fn setup_samples() -> Vec<String> {
    let setup = SetupDraft {
        commune: "Cẩm Quang".into(),
        province: "Hà Tĩnh".into(),
        title: "Đối thoại giữa Chủ tịch UBND xã với nhân dân năm 2026".into(),
        plan_number: "163/KH-UBND".into(),
        meeting_from: "27/08/2026".into(),
        meeting_to: "02/09/2026".into(),
        session_date: "05/09/2026".into(),
        place: "Hội trường UBND xã".into(),
        chair: "Nguyễn Văn Bình".into(),
        villages: "Thôn 1; Nguyễn Văn Hùng\nThôn 2; Trần Thị Lan\nTổ dân phố 3".into(),
        fields: "Đất đai\nXây dựng cơ bản\nKhác".into(),
        departments: "Địa chính\nCông an".into(),
        ..SetupDraft::default()
    }
    .validate(None)
    .expect("the sample setup is valid");
    let file = setup.setup_file(None);
    let by_hand = r#"{
  "format": "doithoai.commune-setup",
  "version": 1,
  "commune": { "name": "Cẩm Quang", "province": "Hà Tĩnh" },
  "dialogue": { "title": "Đối thoại năm 2026", "meeting_from": "2026-08-27", "session_date": "2026-09-05" },
  "villages": [
    { "code": "thon-1", "name": "Thôn 1", "head": "Nguyễn Văn Hùng" },
    { "name": "Tho\u0302n 2", "head": "Tra\u0302\u0300n Thi\u0323 Lan" }
  ],
  "fields": ["Đất đai", "Xây dựng cơ bản", "Đất đai"]
}"#;
    vec![
        file.clone(),
        compact(&file),
        by_hand.to_string(),
        as_notepad_saves(&file),
    ]
}

fn compact(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .expect("a sample is JSON")
        .to_string()
}

fn petition(seed: u8, content: &str, kind: &str, names: &str) -> Petition {
    let values = PetitionDraft {
        content: content.into(),
        field: "Đất đai".into(),
        kind_code: kind.into(),
        names: names.into(),
        address: "Xóm 3".into(),
        phone: "0912 345 678".into(),
        backers: "2".into(),
        confidential: kind == "to_cao",
    }
    .validate()
    .expect("a sample petition is valid");
    let at = DateTime::from_timestamp(1_780_000_000 + i64::from(seed) * 60, 0).unwrap();
    Petition::new(PetitionId::from_random([seed; 16]), values, at)
}

fn village_samples() -> Vec<String> {
    let profile = tablet();
    let now = DateTime::from_timestamp(1_780_003_600, 0).unwrap();
    let mut meeting = Meeting::planned("Nguyễn Văn Hùng");
    meeting.date = NaiveDate::from_ymd_opt(2026, 8, 27);
    meeting.place = "Nhà văn hóa thôn 1".into();
    meeting.attendance = 46;
    meeting.attendees.push(Attendee {
        name: "Lê Văn Tám".into(),
        role: "Công dân".into(),
    });
    let a = petition(
        1,
        "Đề nghị sửa đường liên thôn\nđoạn qua xóm 3.",
        "kien_nghi",
        "Trần Văn An\nLê Thị Bình",
    );
    let b = petition(2, "Tố cáo lấn chiếm đất công", "to_cao", "Người Tố Cáo");
    let c = petition(3, "Hỏi về đền bù", "cau_hoi", "");
    let (kept, gone) = a.merged_with(&c, now);
    let d = petition(4, "Phản ánh rác thải", "phan_anh", "").deleted(now);
    let ctx = ExportContext {
        app_version: "0.1.0",
        device_id: "3f6c1c9e-8a52-4d0b-9a3e-2b7f5e1c0d44",
        sequence: 4,
        now,
    };
    let full = build_village_bundle(&profile, Some(&meeting), [&kept, &gone, &b, &d], &ctx);
    let empty = build_village_bundle(&profile, None, [], &ctx);
    let pretty = full.to_json();
    vec![
        pretty.clone(),
        json::to_text(&json::encode(&full)),
        empty.to_json(),
        as_notepad_saves(&pretty),
    ]
}

fn results_samples() -> Vec<String> {
    let id = |seed: u8| PetitionId::from_random([seed; 16]).to_string();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 10, d);
    let outcome = |kind: &str| OutcomeRecord {
        kind: kind.into(),
        ..OutcomeRecord::default()
    };
    let results = vec![
        ResultRecord {
            petition: id(1),
            village: "Thôn 1".into(),
            question: "Sửa tuyến đường liên thôn".into(),
            outcome: OutcomeRecord {
                summary: "Xã đưa vào kế hoạch sửa chữa quý IV".into(),
                by: "Chủ tịch UBND xã".into(),
                ..outcome("answered")
            },
            answer: None,
        },
        ResultRecord {
            petition: id(2),
            village: "Thôn 1".into(),
            question: "Thiếu đèn chiếu sáng ngã ba chợ".into(),
            outcome: OutcomeRecord {
                department: "Địa chính".into(),
                due: day(5),
                ..outcome("later")
            },
            answer: Some(AnswerRecord {
                answer: "Đã lắp 2 bóng đèn".into(),
                answered_on: day(1).unwrap(),
                agency_answer: String::new(),
                told_on: day(2),
            }),
        },
        ResultRecord {
            petition: id(3),
            village: "Thôn 1".into(),
            question: "Tố cáo lấn chiếm đất công".into(),
            outcome: OutcomeRecord {
                agency: "Thanh tra tỉnh".into(),
                reply_by: day(20),
                ..outcome("forwarded")
            },
            answer: None,
        },
        ResultRecord {
            petition: id(4),
            village: "Thôn 1".into(),
            question: "Tranh chấp lối đi giữa hai hộ".into(),
            outcome: OutcomeRecord {
                reason: "Việc riêng giữa hai hộ".into(),
                channel: "Hòa giải ở cơ sở".into(),
                ..outcome("declined")
            },
            answer: None,
        },
        ResultRecord {
            petition: id(5),
            village: "Thôn 1".into(),
            question: "Xin hỗ trợ giống lúa".into(),
            outcome: outcome("withdrawn"),
            answer: None,
        },
    ];
    let file = |village: Option<VillageRecord>| {
        let mut f = ResultsFile {
            format: FileKind::Results.format_name().into(),
            version: 2,
            app_version: "0.1.0".into(),
            exported_at: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            commune: "Cẩm Quang".into(),
            dialogue: doithoai::domain::bundle::dialogue::DialogueRef {
                id: "dau-tien".into(),
                title: "Đối thoại năm 2026".into(),
            },
            village,
            session_date: NaiveDate::from_ymd_opt(2026, 9, 5),
            results: results.clone(),
            checksum: String::new(),
        };
        f.checksum = checksum::of_document(&json::encode(&f));
        f.to_json()
    };
    let one = file(Some(VillageRecord {
        code: "thon-1".into(),
        name: "Thôn 1".into(),
    }));
    vec![
        one.clone(),
        compact(&one),
        file(None),
        as_notepad_saves(&one),
    ]
}

/// Makes a changed document's checksum again, so that the checks after the checksum
/// (member types, the domain's rules) see the change.
pub fn reseal(doc: &mut Value) {
    let sum = checksum::of_document(doc);
    if let Value::Object(m) = doc {
        m.insert("checksum".into(), Value::String(sum));
    }
}
