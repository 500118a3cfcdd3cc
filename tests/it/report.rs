//! The report to the level above (issue 5), as the office makes it after the session: the
//! counts by village, field, kind and outcome; the matters forwarded and those still open
//! with their due dates and days left; and every export (CSV, Excel, Word, charts, the
//! printed text) read back — with no confidential petitioner's name anywhere in them.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::NaiveDate;
use doithoai::domain::office::register::Register;
use doithoai::domain::office::setup::OfficeSetup;
use doithoai::domain::official::{MOTTO, NATIONAL_NAME};
use doithoai::domain::petition::{Kind, Petition, PetitionDraft, PetitionId};
use doithoai::domain::report::charts::{chart, ChartId};
use doithoai::domain::report::csv::{report_csv, report_csv_with, Separator};
use doithoai::domain::report::document::{blocks, body_text, table, Block, Cell, TableId};
use doithoai::domain::report::docx::report_docx;
use doithoai::domain::report::xlsx::report_xlsx;
use doithoai::domain::report::{build, Report, ReportSettings};
use doithoai::domain::session::followup::FinalAnswer;
use doithoai::domain::session::outcome::{Outcome, OutcomeKind};
use doithoai::domain::session::queue::{fill, questions};
use doithoai::domain::session::{Attendee, FloorDraft, Item, Session};
use unicode_normalization::UnicodeNormalization;

use crate::office_import::{at, bundle, import, setup};

/// The denunciation's petitioner, whose identity the law protects, and her details.
const WHISTLEBLOWER: &str = "Phạm Thị Kín";
const HER_PHONE: &str = "0987654321";
const HER_ADDRESS: &str = "Xóm Giữa";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn petition(
    seed: u8,
    content: &str,
    field: &str,
    kind: &str,
    names: &str,
    backers: &str,
    confidential: bool,
) -> Petition {
    let values = PetitionDraft {
        content: content.into(),
        field: field.into(),
        kind_code: kind.into(),
        names: names.into(),
        backers: backers.into(),
        confidential,
        phone: if confidential {
            HER_PHONE.into()
        } else {
            String::new()
        },
        address: if confidential {
            HER_ADDRESS.into()
        } else {
            String::new()
        },
    }
    .validate()
    .unwrap();
    Petition::new(
        PetitionId::from_random([seed; 16]),
        values,
        at(i64::from(seed)),
    )
}

/// A final answer as stored (built from its stored form, so members added later with
/// defaults do not break the test).
fn final_answer(answer: &str, answered_on: &str, told: Option<(&str, &str)>) -> FinalAnswer {
    let (told_on, told_how) = match told {
        Some((on, how)) => (serde_json::json!(on), serde_json::json!(how)),
        None => (serde_json::Value::Null, serde_json::Value::Null),
    };
    serde_json::from_value(serde_json::json!({
        "answer": answer,
        "answered_on": answered_on,
        "told_on": told_on,
        "told_how": told_how,
        "recorded_at": "2026-10-02T03:00:00.000Z",
    }))
    .unwrap()
}

fn find<'a>(items: &'a mut [Item], text: &str) -> &'a mut Item {
    items.iter_mut().find(|i| i.text.contains(text)).unwrap()
}

struct World {
    setup: OfficeSetup,
    register: Register,
    session: Session,
    items: Vec<Item>,
}

/// Two villages send petitions (the third none); the office reclassifies two and groups
/// the road; the session answers, forwards, defers, declines; one deferred answer is
/// closed since.
fn world() -> World {
    let mut register = Register::default();
    let road1 = petition(
        11,
        "Đường liên thôn xuống cấp, nhiều ổ gà",
        "Đất đai",
        "kien_nghi",
        "Đỗ Văn Một",
        "3",
        false,
    );
    let secret = petition(
        12,
        "Khiếu nại việc cán bộ thôn lấn chiếm đất công",
        "Đất đai",
        "khieu_nai",
        WHISTLEBLOWER,
        "1",
        true,
    );
    let formula = petition(
        13,
        "=1+1 \"sai\" ở bảng thu phí chợ",
        "Kinh tế - Tài chính",
        "cau_hoi",
        "Vũ Văn Ba",
        "2",
        false,
    );
    let road2 = petition(
        21,
        "Tuyến đường liên thôn nhiều ổ gà",
        "Đất đai",
        "kien_nghi",
        "Bùi Thị Hai",
        "5",
        false,
    );
    let light = petition(
        22,
        "Thiếu đèn chiếu sáng ngã ba chợ",
        "Xây dựng cơ bản",
        "kien_nghi",
        "Hồ Thị Mai",
        "12",
        false,
    );
    let gone = petition(
        23,
        "Xin hỗ trợ giống lúa",
        "Nông thôn mới",
        "y_kien",
        "Lý Văn Bốn",
        "1",
        false,
    )
    .deleted(at(30));
    import(
        &mut register,
        &bundle("Cẩm Quang", 0, &[road1.clone(), secret, formula], 1),
    )
    .unwrap();
    import(
        &mut register,
        &bundle("Cẩm Quang", 1, &[road2.clone(), light.clone(), gone], 1),
    )
    .unwrap();
    register
        .reclassify(&road2.id, "Đất đai", Kind::Report)
        .unwrap();
    register
        .reclassify(&light.id, "Môi trường", Kind::Recommendation)
        .unwrap();
    register
        .create_group(
            "Sửa đường liên thôn",
            "Đất đai",
            &[road1.id.clone(), road2.id.clone()],
        )
        .unwrap();

    let mut setup = setup();
    setup.province = "Quảng Nam".into();
    setup.dialogue.session_date = Some(d(2026, 9, 5));
    setup.dialogue.meeting_from = Some(d(2026, 8, 10));
    setup.dialogue.meeting_to = Some(d(2026, 8, 20));
    setup.dialogue.chair = "Nguyễn Văn Bình".into();
    setup.dialogue.place = "Hội trường UBND xã".into();
    setup.dialogue.plan_number = "163/KH-UBND".into();

    let mut session = Session::default();
    session.prep.start_time = "7 giờ 30".into();
    session.prep.announce_date = Some(d(2026, 8, 26));
    session.prep.secretary = "Trần Thị Thư".into();
    let person = |name: &str, village: &str, present| Attendee {
        name: name.into(),
        role: String::new(),
        village: village.into(),
        present,
    };
    session.prep.delegates = vec![
        person("Nguyễn Văn Bình", "", true),
        person("Lê Văn Công", "", true),
        person("Trương Văn Vắng", "", false),
    ];
    session.prep.invitees = vec![
        person("Đào Văn Dự", "thon-1", true),
        person("Ngô Văn Nghỉ", "thon-1", false),
    ];
    let mut items = fill(
        &mut session,
        &[],
        questions(&register, &setup, at(600)),
        &register,
    )
    .added;
    assert_eq!(items.len(), 4, "the road once, and three lone petitions");
    session.start(at(610)).unwrap();
    let period = session.period(d(2026, 9, 5));
    assert_eq!(period.latest, d(2026, 10, 5));

    let s = session.clone();
    s.record(
        find(&mut items, "Sửa đường"),
        Outcome::Answered {
            summary: "Xã đưa vào kế hoạch sửa chữa quý IV".into(),
            by: "Chủ tịch UBND xã".into(),
        },
        at(620),
    )
    .unwrap();
    let secret_item = find(&mut items, "Khiếu nại");
    s.record(
        secret_item,
        Outcome::Forwarded {
            agency: "Thanh tra tỉnh".into(),
            reply_by: d(2026, 10, 20),
        },
        at(630),
    )
    .unwrap();
    // Answered since, but she is not told yet: not closed.
    secret_item.answer = Some(final_answer(
        "Thanh tra tỉnh đã nhận hồ sơ",
        "2026-09-30",
        None,
    ));
    let formula_item = find(&mut items, "=1+1");
    s.record(
        formula_item,
        Outcome::Later {
            department: "Tài chính".into(),
            official: "Bà Lan".into(),
            due: period.latest,
        },
        at(640),
    )
    .unwrap();
    formula_item.answer = Some(final_answer(
        "Bảng thu phí đã được sửa",
        "2026-10-01",
        Some(("2026-10-02", "letter")),
    ));
    s.record(
        find(&mut items, "đèn chiếu sáng"),
        Outcome::Later {
            department: "Địa chính".into(),
            official: String::new(),
            due: period.latest,
        },
        at(650),
    )
    .unwrap();
    let floor = session
        .add_floor(
            &FloorDraft {
                village: "thon-3".into(),
                name: "Lê Thị Hoa".into(),
                field: "Khác".into(),
                text: "Tranh chấp lối đi giữa hai gia đình".into(),
                written: false,
            },
            "Thôn 3",
            at(660),
        )
        .unwrap();
    items.push(floor);
    let last = items.len() - 1;
    session
        .record(
            &mut items[last],
            Outcome::Declined {
                reason: "Việc riêng giữa hai gia đình".into(),
                channel: "Hòa giải ở thôn; nếu không thành, gửi đơn đến UBND xã".into(),
            },
            at(670),
        )
        .unwrap();
    session.finish(&items, at(700)).unwrap();
    World {
        setup,
        register,
        session,
        items,
    }
}

fn settings() -> ReportSettings {
    ReportSettings {
        recipient: "Ủy ban nhân dân tỉnh Quảng Nam\nSở Nội vụ tỉnh Quảng Nam".into(),
        number: Some(5),
        year: Some(2026),
        ..ReportSettings::default()
    }
}

fn report_on(today: NaiveDate) -> Report {
    report_of(&world(), today)
}

/// The report of a world the test changed.
fn report_of(w: &World, today: NaiveDate) -> Report {
    build(
        &w.setup,
        &w.register,
        &w.session,
        &w.items,
        &settings(),
        today,
    )
}

const TODAY: (i32, u32, u32) = (2026, 10, 8);

fn report() -> Report {
    report_on(d(TODAY.0, TODAY.1, TODAY.2))
}

fn counts(rows: &[(String, usize)]) -> Vec<(&str, usize)> {
    rows.iter().map(|(l, n)| (l.as_str(), *n)).collect()
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        if f.is_dir() {
            continue;
        }
        let mut text = String::new();
        f.read_to_string(&mut text).expect("text parts only");
        out.insert(f.name().unwrap().to_string(), text);
    }
    out
}

#[test]
fn petitions_are_counted_by_village_field_and_kind_as_the_office_filed_them() {
    let r = report();
    assert_eq!(
        counts(&r.by_village),
        [("Thôn 1", 3), ("Thôn 2", 2), ("Thôn 3", 0)],
        "the deleted petition is left out; a village that sent none is shown"
    );
    let fields = counts(&r.by_field);
    assert_eq!(
        fields.len(),
        13,
        "the setup's 12 fields, then the office's own"
    );
    assert_eq!(
        fields[0],
        ("Đất đai", 3),
        "the road of Thôn 2 reclassified stays here"
    );
    assert_eq!(fields[1], ("Xây dựng cơ bản", 0), "the light moved out");
    assert_eq!(fields[2], ("Kinh tế - Tài chính", 1));
    assert_eq!(fields[12], ("Môi trường", 1));
    assert_eq!(fields.iter().map(|(_, n)| n).sum::<usize>(), 5);
    assert_eq!(
        counts(&r.by_kind),
        [
            ("Ý kiến", 0),
            ("Kiến nghị", 2),
            ("Phản ánh", 1),
            ("Câu hỏi", 1),
            ("Khiếu nại", 1),
            ("Tố cáo", 0)
        ]
    );
    let f = &r.facts;
    assert_eq!((f.petitions, f.villages, f.villages_sending), (5, 3, 2));
    assert_eq!(f.backers, 3 + 1 + 2 + 5 + 12);
    assert_eq!((f.questions, f.from_floor), (5, 1));
    assert_eq!((f.delegates.present, f.delegates.listed), (2, 3));
    assert_eq!((f.invitees.present, f.invitees.listed), (1, 2));
    assert_eq!(f.session_date, Some(d(2026, 9, 5)));
    assert!(
        f.start_time.ends_with(" phút") && f.start_time.contains(" giờ "),
        "the time the session started, in words: {}",
        f.start_time
    );
    assert!(!f.end_time.is_empty());
    assert_eq!(f.chair, "Nguyễn Văn Bình");
}

#[test]
fn outcomes_are_counted_and_a_matter_is_closed_only_once_the_petitioner_is_told() {
    let r = report();
    let rows: Vec<(Option<OutcomeKind>, usize, usize)> = r
        .by_outcome
        .iter()
        .map(|o| (o.kind, o.count, o.closed))
        .collect();
    assert_eq!(
        rows,
        [
            (Some(OutcomeKind::Answered), 1, 1),
            (Some(OutcomeKind::Later), 2, 1),
            (Some(OutcomeKind::Forwarded), 1, 0),
            (Some(OutcomeKind::Declined), 1, 1),
            (Some(OutcomeKind::Withdrawn), 0, 0),
        ]
    );
    assert_eq!(r.closed(), 3);
    assert_eq!(r.by_outcome[1].label, "Giao bộ phận trả lời sau");
    assert_eq!(r.forwarded.len(), 1);
    let f = &r.forwarded[0];
    assert_eq!(
        (f.agency.as_str(), f.reply_by, f.told_on),
        ("Thanh tra tỉnh", d(2026, 10, 20), None)
    );
    assert_eq!(f.villages, ["Thôn 1"]);
}

#[test]
fn the_open_list_has_each_due_date_and_the_days_left() {
    let r = report();
    let open: Vec<(&str, NaiveDate, i64, bool)> = r
        .open
        .iter()
        .map(|o| (o.department.as_str(), o.due, o.days_left, o.answered))
        .collect();
    assert_eq!(
        open,
        [
            // Due 05/10 (30 days after 05/09), counted on 08/10: three days late.
            ("Địa chính", d(2026, 10, 5), -3, false),
            ("Thanh tra tỉnh", d(2026, 10, 20), 12, true),
        ],
        "the closed answer of Tài chính is not open; the soonest due comes first"
    );
    assert!(r.open[0].overdue());
    assert_eq!(r.open[1].kind, OutcomeKind::Forwarded);
    // On the due day itself it is still in time; the day before, one day is left.
    assert_eq!(report_on(d(2026, 10, 5)).open[0].days_left, 0);
    assert_eq!(report_on(d(2026, 10, 4)).open[0].days_left, 1);
    assert!(!report_on(d(2026, 10, 5)).open[0].overdue());

    let t = table(&r, TableId::Open);
    assert_eq!(t.rows[0][4], Cell::Date(d(2026, 10, 5)));
    assert_eq!(t.rows[0][5], Cell::Number(-3));
    assert_eq!(
        t.rows[0][6],
        Cell::Text("Giao trả lời sau; quá hạn 3 ngày".into())
    );
    assert_eq!(
        t.rows[1][6],
        Cell::Text("Đã chuyển cấp trên; đã có trả lời, chưa thông báo cho công dân".into())
    );
}

#[test]
fn the_document_says_the_facts_the_figures_and_the_narrative() {
    let r = report();
    assert_eq!(r.number, "Số: 05/BC-UBND");
    assert_eq!(r.authority, ["ỦY BAN NHÂN DÂN", "XÃ CẨM QUANG"]);
    assert_eq!(r.place_date, "Cẩm Quang, ngày 08 tháng 10 năm 2026");
    assert_eq!(
        r.recipients,
        ["Ủy ban nhân dân tỉnh Quảng Nam", "Sở Nội vụ tỉnh Quảng Nam"]
    );
    let body = body_text(&r);
    for expected in [
        "I. KẾT QUẢ TỔ CHỨC ĐỐI THOẠI",
        "Thực hiện Kế hoạch số 163/KH-UBND của Ủy ban nhân dân xã Cẩm Quang",
        "Các thôn tổ chức họp lấy ý kiến, kiến nghị của nhân dân từ ngày 10/08/2026 đến ngày 20/08/2026.",
        "thông báo trên hệ thống truyền thanh của xã từ ngày 26/08/2026.",
        "ngày 05 tháng 9 năm 2026, tại Hội trường UBND xã, Ủy ban nhân dân xã Cẩm Quang tổ chức hội nghị đối thoại",
        "Chủ trì hội nghị: đồng chí Nguyễn Văn Bình, Chủ tịch UBND xã.",
        "Dự hội nghị có 2/3 đại biểu được mời và 1/2 công dân đại diện các thôn được mời.",
        "nhận được 5 ý kiến, kiến nghị của 2/3 thôn, với 23 lượt công dân cùng kiến nghị",
        "Tại hội nghị có 5 nội dung được đưa ra đối thoại",
        "Theo thôn: Thôn 1: 3; Thôn 2: 2; Thôn 3: 0.",
        "Theo lĩnh vực: Đất đai: 3; Kinh tế - Tài chính: 1; Môi trường: 1.",
        "Theo loại: Kiến nghị: 2; Phản ánh: 1; Câu hỏi: 1; Khiếu nại: 1.",
        "Trong 5 nội dung: 1 được trả lời ngay tại hội nghị; 2 giao các bộ phận",
        "Tính đến ngày 08/10/2026, đã giải quyết xong 3/5 nội dung; còn 2 nội dung đang giải quyết, trong đó 1 nội dung đã quá hạn.",
        "II. CÁC KIẾN NGHỊ VƯỢT THẨM QUYỀN CỦA XÃ",
        "1. Khiếu nại việc cán bộ thôn lấn chiếm đất công (Thôn 1): chuyển Thanh tra tỉnh; thông báo cho người kiến nghị chậm nhất ngày 20/10/2026; chưa thông báo cho người kiến nghị.",
        "III. CÁC NỘI DUNG ĐANG GIẢI QUYẾT",
        "1. Thiếu đèn chiếu sáng ngã ba chợ (Thôn 2): Địa chính; hạn 05/10/2026; giao trả lời sau; quá hạn 3 ngày.",
        "IV. ĐÁNH GIÁ CHUNG",
        "V. NHỮNG TỒN TẠI, HẠN CHẾ",
        "VI. KIẾN NGHỊ, ĐỀ XUẤT",
        "Trên đây là báo cáo kết quả tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân năm 2026 của Ủy ban nhân dân xã Cẩm Quang./.",
    ] {
        assert!(body.contains(expected), "missing: {expected}\n---\n{body}");
    }
    // Headings follow the minutes' convention, so the official document shows them so.
    let headings: Vec<&str> = body
        .lines()
        .filter(|l| doithoai::domain::session::minutes::is_heading(l))
        .collect();
    assert_eq!(
        headings,
        [
            "I. KẾT QUẢ TỔ CHỨC ĐỐI THOẠI",
            "II. CÁC KIẾN NGHỊ VƯỢT THẨM QUYỀN CỦA XÃ",
            "III. CÁC NỘI DUNG ĐANG GIẢI QUYẾT",
            "IV. ĐÁNH GIÁ CHUNG",
            "V. NHỮNG TỒN TẠI, HẠN CHẾ",
            "VI. KIẾN NGHỊ, ĐỀ XUẤT",
        ]
    );
    let b = blocks(&r);
    for id in [
        TableId::ByVillage,
        TableId::ByField,
        TableId::ByKind,
        TableId::Outcomes,
        TableId::Forwarded,
        TableId::Open,
    ] {
        assert!(b.contains(&Block::Table(id)), "{id:?}");
    }
    for id in [ChartId::ByVillage, ChartId::ByField, ChartId::Outcomes] {
        assert!(b.contains(&Block::Chart(id)), "{id:?}");
    }
}

#[test]
fn the_charts_have_a_bar_per_row() {
    let r = report();
    let by_field = chart(&r, ChartId::ByField);
    assert_eq!(
        by_field.matches(r#"class="bar""#).count(),
        3,
        "the fields raised; the table lists the empty ones"
    );
    assert!(by_field.contains(">Môi trường</text>"));
    let by_village = chart(&r, ChartId::ByVillage);
    assert_eq!(by_village.matches(r#"class="bar""#).count(), 3);
    let outcomes = chart(&r, ChartId::Outcomes);
    assert_eq!(outcomes.matches(r#"class="bar-open""#).count(), 5);
    assert!(outcomes.contains("2 (chưa xong 1)"));
}

#[test]
fn the_csv_opens_in_excel_with_vietnamese_intact_and_no_formula() {
    let r = report();
    let csv = report_csv(&r);
    assert_eq!(&csv.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
    let text = &csv[3..];
    assert_eq!(text.nfc().collect::<String>(), text, "NFC as stored");
    assert!(text.contains("Đường liên thôn") || text.contains("Thôn 1"));
    assert!(text.contains("Thanh tra tỉnh"));
    // Every line ends CRLF.
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert!(text.ends_with("\r\n"));
    // The petition that starts with "=" cannot run, and its quotes are doubled.
    let formula_rows: Vec<&str> = text.lines().filter(|l| l.contains("1+1")).collect();
    assert!(
        formula_rows.is_empty(),
        "it is closed, so it is in no list: {formula_rows:?}"
    );
    let t = table(&r, TableId::Open);
    assert_eq!(t.header[0], "STT");
    assert!(text.contains("STT,Thôn,\"Số ý kiến, kiến nghị\"\r\n1,Thôn 1,3\r\n2,Thôn 2,2\r\n3,Thôn 3,0\r\n,Tổng cộng,5\r\n"));
    assert!(text.contains("1,Thiếu đèn chiếu sáng ngã ba chợ,Thôn 2,Địa chính,05/10/2026,-3,Giao trả lời sau; quá hạn 3 ngày\r\n"));
    assert!(text.contains("Số: 05/BC-UBND"));
    let semicolons = report_csv_with(&r, Separator::Semicolon);
    assert!(semicolons.contains("STT;Thôn;Số ý kiến, kiến nghị\r\n1;Thôn 1;3\r\n"));
}

/// A report whose open list holds text a spreadsheet would run, with quotes in it.
fn hostile_report() -> Report {
    let mut w = world();
    let formula = w
        .items
        .iter_mut()
        .find(|i| i.text.starts_with("=1+1"))
        .unwrap();
    formula.answer = None;
    w.items
        .iter_mut()
        .find(|i| i.text.contains("đèn"))
        .unwrap()
        .text = "@cmd|' /C calc'!A0 <b>&</b>".into();
    build(
        &w.setup,
        &w.register,
        &w.session,
        &w.items,
        &settings(),
        d(2026, 10, 8),
    )
}

#[test]
fn a_text_that_starts_a_formula_stays_text_in_every_export() {
    let r = hostile_report();
    assert_eq!(r.open.len(), 3);
    let csv = report_csv(&r);
    assert!(
        csv.contains("\"'=1+1 \"\"sai\"\" ở bảng thu phí chợ\""),
        "{csv}"
    );
    assert!(csv.contains(",'@cmd|' /C calc'!A0 <b>&</b>,"));
    for line in csv.lines() {
        for cell in line.split(',') {
            assert!(
                !cell.trim_start_matches('"').starts_with(['=', '+', '@']),
                "{line}"
            );
        }
    }

    let parts = unzip(&report_xlsx(&r).unwrap());
    let shared = &parts["xl/sharedStrings.xml"];
    assert!(shared.contains("=1+1"), "kept as the text it is");
    assert!(shared.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
    for (name, xml) in &parts {
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "{name} holds a formula"
        );
    }

    let docx = unzip(&report_docx(&r).unwrap());
    assert!(
        docx["word/document.xml"].contains("@cmd|&apos; /C calc&apos;!A0 &lt;b&gt;&amp;&lt;/b&gt;")
            || docx["word/document.xml"].contains("@cmd|' /C calc'!A0 &lt;b&gt;&amp;&lt;/b&gt;")
    );
    let svg = chart(&r, ChartId::ByField);
    assert!(!svg.contains("<b>"));
}

#[test]
fn the_workbook_has_one_sheet_per_table_with_numbers_as_numbers() {
    let r = report();
    let bytes = report_xlsx(&r).unwrap();
    let parts = unzip(&bytes);
    let workbook = &parts["xl/workbook.xml"];
    // Every table but the comparison, which needs a dialogue before this one.
    let sheets: Vec<&TableId> = TableId::ALL
        .iter()
        .filter(|id| **id != TableId::Comparison)
        .collect();
    for (n, id) in sheets.iter().enumerate() {
        assert!(
            workbook.contains(&format!("name=\"{}\"", id.sheet())),
            "{}",
            id.sheet()
        );
        assert!(parts.contains_key(&format!("xl/worksheets/sheet{}.xml", n + 1)));
    }
    assert!(!workbook.contains(TableId::Comparison.sheet()));
    assert!(!parts.contains_key("xl/worksheets/sheet8.xml"));
    let shared = &parts["xl/sharedStrings.xml"];
    for s in [
        "Thôn 1",
        "Số ý kiến, kiến nghị",
        "Tổng cộng",
        "Thiếu đèn chiếu sáng ngã ba chợ",
        "Thanh tra tỉnh",
        "Môi trường",
        "Cẩm Quang",
    ] {
        assert!(shared.contains(s), "{s}");
    }
    assert_eq!(shared.nfc().collect::<String>(), *shared);
    // Theo thôn: 3, 2, 0 and the total 5, as numbers.
    let by_village = &parts["xl/worksheets/sheet2.xml"];
    for v in ["<v>3</v>", "<v>2</v>", "<v>0</v>", "<v>5</v>"] {
        assert!(by_village.contains(v), "{v}");
    }
    // Chưa xong: the days left, negative, is a number; the due date is a date serial.
    let open = &parts["xl/worksheets/sheet7.xml"];
    assert!(open.contains("<v>-3</v>"));
    assert!(
        open.contains("<v>46300</v>"),
        "05/10/2026 as Excel's day number"
    );
    assert!(parts["xl/styles.xml"].contains("dd/mm/yyyy"));
    assert!(open.contains("<pane "), "the header row stays in view");
    for (name, xml) in &parts {
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "{name} holds a formula"
        );
    }
    // Made the same twice (the creation time is the report's date, not the clock).
    assert_eq!(unzip(&report_xlsx(&r).unwrap()), parts);
}

#[test]
fn the_word_file_is_a4_in_the_decrees_layout() {
    let r = report();
    let parts = unzip(&report_docx(&r).unwrap());
    let doc = &parts["word/document.xml"];
    for expected in [
        NATIONAL_NAME,
        MOTTO,
        "ỦY BAN NHÂN DÂN",
        "XÃ CẨM QUANG",
        "Số: 05/BC-UBND",
        "Cẩm Quang, ngày 08 tháng 10 năm 2026",
        "BÁO CÁO",
        "Kết quả tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân năm 2026",
        "I. KẾT QUẢ TỔ CHỨC ĐỐI THOẠI",
        "Số ý kiến, kiến nghị theo thôn",
        "Thiếu đèn chiếu sáng ngã ba chợ",
        "IV. ĐÁNH GIÁ CHUNG",
        "Nơi nhận:",
        "- Ủy ban nhân dân tỉnh Quảng Nam;",
        "- Sở Nội vụ tỉnh Quảng Nam;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Bình",
        "Times New Roman",
        r#"w:w="11906""#,
        r#"w:h="16838""#,
        r#"w:top="1134""#,
        r#"w:bottom="1134""#,
        r#"w:left="1701""#,
        r#"w:right="850""#,
        "<w:titlePg",
    ] {
        assert!(doc.contains(expected), "missing: {expected}");
    }
    assert_eq!(doc.nfc().collect::<String>(), *doc);
    // The body's last paragraph is kept with the signature block (which does not split),
    // so the signature never stands alone on a page.
    let foot = doc.rfind("Nơi nhận:").unwrap();
    let paragraphs: Vec<&str> = doc[..foot].split("<w:p ").collect();
    // The last two before the foot's own: the body's last paragraph and the spacer.
    let before_foot = &paragraphs[paragraphs.len() - 3..paragraphs.len() - 1];
    assert!(
        before_foot.iter().all(|p| p.contains("<w:keepNext")),
        "{before_foot:?}"
    );
    assert!(paragraphs[paragraphs.len() - 2].contains("<w:cantSplit"));
    // The page number is a PAGE field in the header of every page but the first.
    let headers: Vec<&String> = parts
        .iter()
        .filter(|(k, _)| k.starts_with("word/header"))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(headers.len(), 2);
    assert_eq!(headers.iter().filter(|h| h.contains("PAGE")).count(), 1);
    assert!(doc.contains(r#"w:type="first""#) && doc.contains(r#"w:type="default""#));
    assert!(parts["word/styles.xml"].contains("Times New Roman"));
}

#[test]
fn a_confidential_petitioner_appears_in_no_export() {
    let w = world();
    // The register holds her name: the report must not take it from there.
    assert!(w.register.entries().iter().any(|e| e
        .original
        .petitioners
        .names()
        .iter()
        .any(|n| n == WHISTLEBLOWER)));
    let r = report_of(&w, d(2026, 10, 8));
    let leaks = |what: &str, text: &str| {
        for secret in [WHISTLEBLOWER, HER_PHONE, HER_ADDRESS] {
            assert!(!text.contains(secret), "{what} shows {secret}");
        }
    };
    leaks("the report", &format!("{r:?}"));
    leaks("the body", &body_text(&r));
    leaks("the CSV", &report_csv(&r));
    for id in [ChartId::ByField, ChartId::ByVillage, ChartId::Outcomes] {
        leaks("a chart", &chart(&r, id));
    }
    for (name, xml) in unzip(&report_xlsx(&r).unwrap()) {
        leaks(&name, &xml);
    }
    for (name, xml) in unzip(&report_docx(&r).unwrap()) {
        leaks(&name, &xml);
    }
    // The other petitioners are not named either: a report counts, it does not list people.
    for named in ["Đỗ Văn Một", "Vũ Văn Ba", "Hồ Thị Mai", "Lê Thị Hoa"] {
        assert!(!report_csv(&r).contains(named), "{named}");
        assert!(!body_text(&r).contains(named), "{named}");
    }
}

#[test]
fn a_denunciation_is_counted_on_its_own_track_and_its_content_is_in_no_export() {
    use doithoai::domain::office::denunciation::TrackDraft;
    let mut w = world();
    let secret = w
        .register
        .entries()
        .iter()
        .find(|e| e.content().contains("lấn chiếm"))
        .unwrap()
        .clone();
    // The office finds the complaint is a denunciation, after the session forwarded it,
    // and records its track.
    w.register
        .reclassify(secret.id(), "Đất đai", Kind::Denunciation)
        .unwrap();
    let received = doithoai::domain::office::denunciation::received(&secret);
    let track = TrackDraft {
        forwarded_to: "Chủ tịch UBND huyện".into(),
        forwarded_on: doithoai::domain::time::format_date(received),
        ..TrackDraft::default()
    }
    .validate(secret.content(), received, d(2026, 10, 8))
    .unwrap();
    w.register.set_track(secret.id(), track).unwrap();
    let r = report_of(&w, d(2026, 10, 8));
    assert_eq!(r.denunciations.total, 1);
    assert_eq!(r.denunciations.forwarded, 1);
    let body = body_text(&r);
    assert!(
        body.contains("Có 1 đơn tố cáo, không đưa ra đối thoại mà xử lý theo quy định của Luật Tố cáo, giữ bí mật người tố cáo: 1 đơn đã chuyển người có thẩm quyền giải quyết"),
        "{body}"
    );
    assert_eq!(
        r.facts.questions, 4,
        "its question is left out of the figures"
    );
    assert!(r.forwarded.is_empty());
    let leaks = |what: &str, text: &str| {
        for secret in ["lấn chiếm", "Chủ tịch UBND huyện", WHISTLEBLOWER] {
            assert!(!text.contains(secret), "{what} shows {secret}");
        }
    };
    leaks("the body", &body);
    leaks("the CSV", &report_csv(&r));
    for (name, xml) in unzip(&report_xlsx(&r).unwrap()) {
        leaks(&name, &xml);
    }
    for (name, xml) in unzip(&report_docx(&r).unwrap()) {
        leaks(&name, &xml);
    }
}

#[test]
fn a_corrected_due_date_is_the_one_reported() {
    let mut w = world();
    let light = w.items.iter_mut().find(|i| i.text.contains("đèn")).unwrap();
    w.session
        .record(
            light,
            Outcome::Later {
                department: "Địa chính".into(),
                official: "Ông Tâm".into(),
                due: d(2026, 9, 25),
            },
            at(9000),
        )
        .unwrap();
    let r = report_of(&w, d(2026, 10, 8));
    let row = r.open.iter().find(|o| o.text.contains("đèn")).unwrap();
    assert_eq!((row.due, row.days_left), (d(2026, 9, 25), -13));
    assert_eq!(row.official, "Ông Tâm");
    let t = table(&r, TableId::Open);
    assert_eq!(t.rows[0][3], Cell::Text("Địa chính (Ông Tâm)".into()));
    assert_eq!(
        r.outcome_count(OutcomeKind::Later),
        2,
        "a correction is not a second question"
    );
}

#[test]
fn a_report_before_anything_happened_still_exports() {
    let r = build(
        &setup(),
        &Register::default(),
        &Session::default(),
        &[],
        &ReportSettings::default(),
        d(2026, 1, 5),
    );
    assert_eq!(r.number, "Số:     /BC-UBND");
    assert_eq!(r.year, 2026);
    assert_eq!(
        counts(&r.by_village),
        [("Thôn 1", 0), ("Thôn 2", 0), ("Thôn 3", 0)]
    );
    assert_eq!(r.closed(), 0);
    let body = body_text(&r);
    assert!(body.contains("Không có kiến nghị vượt thẩm quyền của xã."));
    assert!(body.contains("Đến ngày 05/01/2026, không còn nội dung nào đang giải quyết."));
    assert!(
        body.contains("Ngày ..... tháng ..... năm ........, Ủy ban nhân dân xã Cẩm Quang tổ chức")
    );
    assert!(!blocks(&r).contains(&Block::Table(TableId::Open)));
    let csv = report_csv(&r);
    assert!(csv.starts_with('\u{feff}'));
    let xlsx = unzip(&report_xlsx(&r).unwrap());
    assert!(xlsx.contains_key("xl/worksheets/sheet7.xml"));
    let docx = unzip(&report_docx(&r).unwrap());
    assert!(docx["word/document.xml"].contains("Cẩm Quang, ngày 05 tháng 01 năm 2026"));
    assert!(docx["word/document.xml"].contains("- Ủy ban nhân dân tỉnh;"));
    for id in [ChartId::ByField, ChartId::ByVillage, ChartId::Outcomes] {
        assert!(chart(&r, id).ends_with("</svg>"));
    }
}
