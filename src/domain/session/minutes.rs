//! The minutes of the session (biên bản), assembled from the setup, the programme, the
//! attendance and every question's outcome, in the official layout's parts (Nghị định
//! 30/2020/NĐ-CP): the issuing authority and the national motto, the number, place and
//! date, the title, the body, the signatures. The body is plain text, one paragraph per
//! line, which the secretary may edit before printing.

use super::outcome::Outcome;
use super::{Asker, Item, Origin, Session};
use crate::domain::office::setup::OfficeSetup;
use crate::domain::official::roman;
use crate::domain::official::{commune_authority, place_date_line, DocType, DocumentNumber};
use crate::domain::time::{date_in_words, format_date, time_in_words};

/// Everything printed, part by part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minutes {
    pub authority: [String; 2],
    /// "Số: 03/BB-UBND", or "Số:     /BB-UBND" before the number is given.
    pub number: String,
    pub place_date: String,
    pub subject: String,
    pub body: String,
    /// (role, name): the secretary's and the chair's.
    pub signatures: [(String, String); 2],
}

/// How the questions ended, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub answered: usize,
    pub later: usize,
    pub forwarded: usize,
    pub declined: usize,
    pub withdrawn: usize,
    pub open: usize,
}

impl Tally {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a Item>) -> Self {
        let mut t = Tally::default();
        for i in items {
            match i.outcome() {
                None => t.open += 1,
                Some(Outcome::Answered { .. }) => t.answered += 1,
                Some(Outcome::Later { .. }) => t.later += 1,
                Some(Outcome::Forwarded { .. }) => t.forwarded += 1,
                Some(Outcome::Declined { .. }) => t.declined += 1,
                Some(Outcome::Withdrawn) => t.withdrawn += 1,
            }
        }
        t
    }

    pub fn total(&self) -> usize {
        self.answered + self.later + self.forwarded + self.declined + self.withdrawn + self.open
    }
}

/// A line of the body that is a section heading ("II. THÀNH PHẦN").
pub fn is_heading(line: &str) -> bool {
    let Some((numeral, rest)) = line.split_once(". ") else {
        return false;
    };
    !numeral.is_empty()
        && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && rest.chars().all(|c| !c.is_lowercase())
}

fn asker_line(i: &Item) -> String {
    let who = match &i.asker {
        Asker::Named(n) => n.clone(),
        Asker::Many => "Nhiều công dân".to_string(),
        Asker::Anonymous => "Không nêu tên".to_string(),
        Asker::Confidential => "Giữ bí mật danh tính".to_string(),
    };
    let how = match i.origin {
        Origin::Group { .. } => "kiến nghị của nhiều thôn",
        Origin::Petition => "kiến nghị thôn gửi trước",
        Origin::Floor { written: false } => "phát biểu tại hội nghị",
        Origin::Floor { written: true } => "câu hỏi viết gửi thư ký",
        Origin::Mention => "đơn tố cáo, nêu chung (giải quyết theo Luật Tố cáo)",
    };
    format!("Người nêu: {who} ({how}).")
}

fn outcome_line(o: Option<&Outcome>) -> String {
    match o {
        None => "Kết quả: chưa ghi.".to_string(),
        Some(Outcome::Answered { summary, by }) => {
            format!("Kết quả: {by} trả lời tại hội nghị: {summary}")
        }
        Some(Outcome::Later {
            department,
            official,
            due,
        }) => {
            let who = if official.is_empty() {
                department.clone()
            } else {
                format!("{department} ({official})")
            };
            format!(
                "Kết quả: chưa trả lời tại hội nghị; giao {who} nghiên cứu, trả lời công dân chậm nhất ngày {}.",
                format_date(*due)
            )
        }
        Some(Outcome::Forwarded { agency, reply_by }) => format!(
            "Kết quả: vượt thẩm quyền của xã; chủ trì tiếp thu, chuyển {agency} xem xét, giải quyết; thông báo cho người kiến nghị biết cơ quan giải quyết và thời gian chậm nhất ngày {}.",
            format_date(*reply_by)
        ),
        Some(Outcome::Declined { reason, channel }) => format!(
            "Kết quả: không trả lời tại hội nghị vì ngoài nội dung đối thoại ({reason}); hướng dẫn công dân: {channel}"
        ),
        Some(Outcome::Withdrawn) => "Kết quả: người nêu rút lại ý kiến.".to_string(),
    }
}

fn attendance(session: &Session, setup: &OfficeSetup) -> Vec<String> {
    let p = &session.prep;
    let mut lines = Vec::new();
    let delegates: Vec<String> = p
        .delegates
        .iter()
        .filter(|a| a.present)
        .map(|a| {
            if a.role.is_empty() {
                a.name.clone()
            } else {
                format!("{} ({})", a.name, a.role)
            }
        })
        .collect();
    if !p.delegates.is_empty() {
        lines.push(format!(
            "Đại biểu dự ({}/{} có mặt): {}.",
            delegates.len(),
            p.delegates.len(),
            if delegates.is_empty() {
                "không có".to_string()
            } else {
                delegates.join("; ")
            }
        ));
    }
    if !p.invitees.is_empty() {
        let present = p.invitees.iter().filter(|a| a.present).count();
        let per_village: Vec<String> = setup
            .villages
            .iter()
            .filter_map(|v| {
                let of: Vec<_> = p.invitees.iter().filter(|a| a.village == v.code).collect();
                (!of.is_empty()).then(|| {
                    format!(
                        "{} {}/{}",
                        v.name,
                        of.iter().filter(|a| a.present).count(),
                        of.len()
                    )
                })
            })
            .collect();
        lines.push(format!(
            "Công dân được mời: {present}/{} có mặt ({}).",
            p.invitees.len(),
            per_village.join("; ")
        ));
    }
    lines
}

/// A part of the session the secretary recorded, under its numbered heading; nothing when
/// it was not recorded.
fn part(
    lines: &mut Vec<String>,
    section: &mut impl FnMut(&str) -> String,
    title: &str,
    text: &str,
) {
    if !text.is_empty() {
        lines.push(section(title));
        lines.extend(
            text.lines()
                .filter(|t| !t.trim().is_empty())
                .map(str::to_string),
        );
    }
}

/// The body as assembled from what was recorded; `items` in the queue's order.
pub fn assemble_body(setup: &OfficeSetup, session: &Session, items: &[&Item]) -> String {
    let d = &setup.dialogue;
    let p = &session.prep;
    let parts = &session.minutes.parts;
    let mut l = Vec::new();
    // Sections are numbered as they come: a part not recorded leaves no gap.
    let mut sections = 0;
    let mut section = |title: &str| {
        sections += 1;
        format!("{}. {title}", roman(sections))
    };
    l.push(section("THỜI GIAN, ĐỊA ĐIỂM"));
    let start = session
        .started_at
        .map(time_in_words)
        .unwrap_or_else(|| p.start_time.clone());
    let day = d.session_date.map(date_in_words).unwrap_or_default();
    l.push(format!(
        "Vào lúc {start}, {day}, tại {}, Ủy ban nhân dân xã {} tổ chức hội nghị đối thoại giữa Chủ tịch UBND xã với nhân dân.",
        d.place, setup.commune
    ));
    l.push(section("THÀNH PHẦN"));
    l.push(format!("Chủ trì: Đồng chí {}, Chủ tịch UBND xã.", d.chair));
    l.push(format!("Thư ký: {}.", p.secretary));
    if !d.front.is_empty() {
        l.push(format!(
            "Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã: {}.",
            d.front
        ));
    }
    l.extend(attendance(session, setup));
    if let Some(n) = p.head_count {
        l.push(format!("Tổng số người dự hội nghị: {n} người."));
    }
    l.push(section("CHƯƠNG TRÌNH"));
    for (n, step) in p.programme.iter().enumerate() {
        l.push(format!("{}. {step}", n + 1));
    }
    // Each part in the programme's place: the report before the questions, the Front's
    // statement and the conclusion after them.
    part(
        &mut l,
        &mut section,
        "BÁO CÁO CỦA CHỦ TỊCH UBND XÃ",
        &parts.opening,
    );
    l.push(section("Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ TRẢ LỜI"));
    for (n, i) in items.iter().enumerate() {
        let mut about = Vec::new();
        if !i.field.is_empty() {
            about.push(i.field.clone());
        }
        if !i.villages.is_empty() {
            about.push(i.villages.join(", "));
        }
        if i.backers > 1 {
            about.push(format!("{} người cùng kiến nghị", i.backers));
        }
        // A matter carried from an earlier dialogue says where it was first raised.
        if let Some(c) = &i.carried {
            let on = c
                .raised_on
                .map(|d| format!(" ngày {}", crate::domain::time::format_date(d)))
                .unwrap_or_default();
            about.push(format!("chuyển từ “{}”{on}", c.title));
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!("({}) ", about.join("; "))
        };
        l.push(format!("Câu {}. {about}{}", n + 1, i.text));
        l.push(asker_line(i));
        l.push(outcome_line(i.outcome()));
    }
    part(
        &mut l,
        &mut section,
        "Ý KIẾN CỦA ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ",
        &parts.front,
    );
    part(
        &mut l,
        &mut section,
        "KẾT LUẬN CỦA CHỦ TRÌ",
        &parts.conclusion,
    );
    let t = Tally::of(items.iter().copied());
    l.push(section("KẾT QUẢ"));
    l.push(format!(
        "Tổng số {} ý kiến, kiến nghị: {} trả lời tại hội nghị; {} giao trả lời sau; {} chuyển cơ quan có thẩm quyền; {} không thuộc nội dung đối thoại; {} rút lại.",
        t.total(),
        t.answered,
        t.later,
        t.forwarded,
        t.declined,
        t.withdrawn
    ));
    if t.open > 0 {
        l.push(format!("Còn {} ý kiến chưa ghi kết quả.", t.open));
    }
    let end = session
        .finished_at
        .map(|f| format!("Hội nghị kết thúc vào lúc {} cùng ngày.", time_in_words(f)))
        .unwrap_or_else(|| "Hội nghị kết thúc vào lúc .... cùng ngày.".to_string());
    l.push(format!(
        "{end} Biên bản đã được đọc lại trước hội nghị và những người dự thống nhất thông qua."
    ));
    l.join("\n")
}

/// The minutes as printed: the secretary's edited body if there is one.
pub fn minutes(
    setup: &OfficeSetup,
    session: &Session,
    items: &[&Item],
    number: Option<&DocumentNumber>,
) -> Minutes {
    let body = session
        .minutes
        .edited
        .clone()
        .unwrap_or_else(|| assemble_body(setup, session, items));
    let number = match number {
        Some(n) => n.line(),
        None => DocType::Minutes.blank_number_line(),
    };
    let title = setup
        .dialogue
        .document_title("Hội nghị đối thoại giữa Chủ tịch UBND xã với nhân dân");
    Minutes {
        authority: commune_authority(&setup.commune),
        number,
        place_date: setup
            .dialogue
            .session_date
            .map(|d| place_date_line(&setup.commune, d))
            .unwrap_or_default(),
        subject: title,
        body,
        signatures: [
            ("THƯ KÝ".to_string(), session.prep.secretary.clone()),
            ("CHỦ TRÌ".to_string(), setup.dialogue.chair.clone()),
        ],
    }
}
