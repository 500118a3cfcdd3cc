//! The report's own text, in one place: its headings, sentences, table titles and column
//! names, chart titles, and the narrative sections a new report starts with. These are the
//! official document's words (like the minutes'), not the app's interface, so they live
//! here rather than in the catalogue.
//!
//! The document is a list of [`Block`]s, which the print view, the Word file and
//! [`body_text`] all follow; the tables are [`Table`]s of typed [`Cell`]s, which the print
//! view, the Word file, the workbook and the CSV all write.

use chrono::NaiveDate;

use super::charts::ChartId;
use super::{OpenRow, Report, Section};
use crate::domain::official::roman;
use crate::domain::petition::Kind;
use crate::domain::session::outcome::OutcomeKind;
use crate::domain::time::format_date;

/// The level above, until the office names it.
pub const DEFAULT_RECIPIENT: &str = "Ủy ban nhân dân tỉnh";
pub const HEADING: &str = "BÁO CÁO";
pub const RECIPIENTS: &str = "Nơi nhận:";
/// The file copy every document keeps (lưu văn thư).
pub const ARCHIVE: &str = "- Lưu: VT.";
/// Signing on behalf of the committee (thay mặt), the chair's title beneath.
pub const SIGN_ON_BEHALF: &str = "TM. ỦY BAN NHÂN DÂN";
pub const SIGN_TITLE: &str = "CHỦ TỊCH";
/// A petition filed under no field.
pub const NO_FIELD: &str = "Chưa phân loại";
pub const TOTAL: &str = "Tổng cộng";

/// The narrative a new report starts with: plain starting points the office rewrites.
pub fn default_sections() -> Vec<Section> {
    let s = |heading: &str, text: &str| Section {
        heading: heading.to_string(),
        text: text.to_string(),
    };
    vec![
        s(
            "Đánh giá chung",
            "Hội nghị đối thoại được chuẩn bị chu đáo, tổ chức đúng kế hoạch, đúng thành phần; nội dung, thời gian, địa điểm được thông báo công khai đến nhân dân trước ít nhất 07 ngày.\nHội nghị diễn ra dân chủ, cởi mở; các ý kiến, kiến nghị của nhân dân được lắng nghe, tiếp thu và trả lời, giải thích rõ ràng, đúng quy định của pháp luật. Những nội dung chưa trả lời tại hội nghị đã được giao cụ thể cho từng bộ phận, có thời hạn trả lời.",
        ),
        s(
            "Những tồn tại, hạn chế",
            "Một số ý kiến, kiến nghị cần thời gian xem xét, kiểm tra thực tế hoặc vượt thẩm quyền của xã nên chưa trả lời được ngay tại hội nghị. Một số ý kiến công dân nêu không thuộc nội dung đối thoại.",
        ),
        s(
            "Kiến nghị, đề xuất",
            "Đề nghị các cơ quan có thẩm quyền sớm xem xét, giải quyết các kiến nghị vượt thẩm quyền của xã nêu tại Mục II của báo cáo này, để Ủy ban nhân dân xã có cơ sở trả lời công dân.",
        ),
    ]
}

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Opinion => "Ý kiến",
        Kind::Recommendation => "Kiến nghị",
        Kind::Report => "Phản ánh",
        Kind::Question => "Câu hỏi",
        Kind::Complaint => "Khiếu nại",
        Kind::Denunciation => "Tố cáo",
    }
}

/// `None`: no outcome recorded.
pub fn outcome_label(k: Option<OutcomeKind>) -> &'static str {
    match k {
        Some(OutcomeKind::Answered) => "Trả lời tại hội nghị",
        Some(OutcomeKind::Later) => "Giao bộ phận trả lời sau",
        Some(OutcomeKind::Forwarded) => "Chuyển cơ quan có thẩm quyền",
        Some(OutcomeKind::Declined) => "Không thuộc nội dung đối thoại",
        Some(OutcomeKind::Withdrawn) => "Công dân rút lại",
        None => "Chưa ghi kết quả",
    }
}

/// "Kết quả tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân năm 2026"
/// (a thematic dialogue's with ", chuyên đề: …").
pub fn subject(r: &Report) -> String {
    let subject = format!(
        "Kết quả tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân năm {}",
        r.year
    );
    match r.facts.theme.as_str() {
        "" => subject,
        theme => format!("{subject}, chuyên đề: {theme}"),
    }
}

/// The recipients block's lines after "Nơi nhận:": "- Ủy ban nhân dân tỉnh;" …, then
/// the file copy.
pub fn recipient_lines(r: &Report) -> Vec<String> {
    r.recipients
        .iter()
        .map(|name| format!("- {};", name.trim_end_matches([';', '.'])))
        .chain(std::iter::once(ARCHIVE.to_string()))
        .collect()
}

/// The signature: the role on two lines, and the chair's name.
pub fn signature(r: &Report) -> (String, String) {
    (format!("{SIGN_ON_BEHALF}\n{SIGN_TITLE}"), r.signer.clone())
}

pub use crate::domain::text::number;

fn count(n: usize) -> String {
    number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// One part of the document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// "I. KẾT QUẢ TỔ CHỨC ĐỐI THOẠI": a section heading (the minutes' convention).
    Heading(String),
    /// "1. Công tác chuẩn bị", in bold.
    Subheading(String),
    Paragraph(String),
    Table(TableId),
    Chart(ChartId),
}

/// "ngày 05 tháng 9 năm 2026", or dots to fill in by hand when the date is not set.
fn date_or_dots(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::time::date_in_words)
        .unwrap_or_else(|| "ngày ..... tháng ..... năm ........".to_string())
}

fn villages(v: &[String]) -> String {
    if v.is_empty() {
        String::new()
    } else {
        v.join(", ")
    }
}

/// The document's parts: the figures' sections, then the office's narrative, then the
/// closing line.
pub fn blocks(r: &Report) -> Vec<Block> {
    use Block::{Chart, Heading, Paragraph, Subheading, Table as T};
    let f = &r.facts;
    let mut b = Vec::new();
    b.push(Heading("I. KẾT QUẢ TỔ CHỨC ĐỐI THOẠI".to_string()));

    b.push(Subheading("1. Công tác chuẩn bị".to_string()));
    let plan = if f.plan_number.is_empty() {
        "Thực hiện kế hoạch".to_string()
    } else {
        format!("Thực hiện Kế hoạch số {}", f.plan_number)
    };
    b.push(Paragraph(format!(
        "{plan} của Ủy ban nhân dân xã {} về tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân năm {}, Ủy ban nhân dân xã đã chỉ đạo các thôn tổ chức họp lấy ý kiến, kiến nghị của nhân dân, tổng hợp gửi về xã; giao các bộ phận chuyên môn chuẩn bị nội dung trả lời.",
        f.commune, r.year
    )));
    let meetings = match (f.meetings_from, f.meetings_to) {
        (Some(a), Some(z)) => Some(format!(
            "từ ngày {} đến ngày {}",
            format_date(a),
            format_date(z)
        )),
        (Some(a), None) => Some(format!("từ ngày {}", format_date(a))),
        (None, Some(z)) => Some(format!("đến ngày {}", format_date(z))),
        (None, None) => None,
    };
    if let Some(m) = meetings {
        b.push(Paragraph(format!(
            "Các thôn tổ chức họp lấy ý kiến, kiến nghị của nhân dân {m}."
        )));
    }
    if let Some(d) = f.announced_on {
        b.push(Paragraph(format!(
            "Nội dung, thời gian, địa điểm và cách thức tham dự hội nghị được thông báo trên hệ thống truyền thanh của xã từ ngày {}.",
            format_date(d)
        )));
    }

    b.push(Subheading("2. Thời gian, địa điểm, thành phần".to_string()));
    let start = if f.start_time.is_empty() {
        String::new()
    } else {
        format!("Vào lúc {}, ", f.start_time)
    };
    let day = date_or_dots(f.session_date);
    let day = if start.is_empty() {
        let mut c = day.chars();
        c.next()
            .map(|first| first.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        day
    };
    let place = if f.place.is_empty() {
        String::new()
    } else {
        format!(", tại {}", f.place)
    };
    b.push(Paragraph(format!(
        "{start}{day}{place}, Ủy ban nhân dân xã {} tổ chức hội nghị đối thoại giữa Chủ tịch UBND xã với nhân dân.",
        f.commune
    )));
    if !f.chair.is_empty() {
        b.push(Paragraph(format!(
            "Chủ trì hội nghị: đồng chí {}, Chủ tịch UBND xã.",
            f.chair
        )));
    }
    let mut present = Vec::new();
    if f.delegates.listed > 0 {
        present.push(format!(
            "{}/{} đại biểu được mời",
            count(f.delegates.present),
            count(f.delegates.listed)
        ));
    }
    if f.invitees.listed > 0 {
        present.push(format!(
            "{}/{} công dân đại diện các thôn được mời",
            count(f.invitees.present),
            count(f.invitees.listed)
        ));
    }
    if !present.is_empty() {
        b.push(Paragraph(format!(
            "Dự hội nghị có {}.",
            present.join(" và ")
        )));
    }
    if !f.end_time.is_empty() {
        b.push(Paragraph(format!(
            "Hội nghị kết thúc vào lúc {} cùng ngày.",
            f.end_time
        )));
    }

    b.push(Subheading(
        "3. Kết quả tiếp nhận ý kiến, kiến nghị".to_string(),
    ));
    b.push(Paragraph(format!(
        "Trước hội nghị, Ủy ban nhân dân xã nhận được {} ý kiến, kiến nghị của {}/{} thôn, với {} lượt công dân cùng kiến nghị. Tại hội nghị có {} nội dung được đưa ra đối thoại (kiến nghị trùng nhau của nhiều thôn được gộp thành một nội dung), trong đó {} ý kiến công dân nêu trực tiếp tại hội nghị.",
        count(f.petitions),
        count(f.villages_sending),
        count(f.villages),
        number(i64::try_from(f.backers).unwrap_or(i64::MAX)),
        count(f.questions),
        count(f.from_floor)
    )));
    b.push(T(TableId::ByVillage));
    b.push(Chart(ChartId::ByVillage));
    b.push(T(TableId::ByField));
    b.push(Chart(ChartId::ByField));
    b.push(T(TableId::ByKind));
    let d = &r.denunciations;
    if d.total > 0 {
        // Counts only: a denunciation's content and its village stay out of the report.
        let overdue = if d.overdue > 0 {
            format!("; {} đơn quá hạn chuyển", count(d.overdue))
        } else {
            String::new()
        };
        b.push(Paragraph(format!(
            "Có {} đơn tố cáo, không đưa ra đối thoại mà xử lý theo quy định của Luật Tố cáo, giữ bí mật người tố cáo: {} đơn đã chuyển người có thẩm quyền giải quyết, trong đó {} đơn đã thông báo cho người tố cáo; {} đơn đã có kết quả giải quyết; {} đơn đang xem xét{overdue}.",
            count(d.total),
            count(d.forwarded + d.informed + d.concluded),
            count(d.informed + d.concluded),
            count(d.concluded),
            count(d.received),
        )));
    }

    b.push(Subheading("4. Kết quả trả lời, giải quyết".to_string()));
    let n = |k| count(r.outcome_count(k));
    let unrecorded = r
        .by_outcome
        .iter()
        .find(|o| o.kind.is_none())
        .map(|o| format!("; {} chưa ghi kết quả", count(o.count)))
        .unwrap_or_default();
    b.push(Paragraph(format!(
        "Trong {} nội dung: {} được trả lời ngay tại hội nghị; {} giao các bộ phận chuyên môn nghiên cứu, trả lời công dân sau hội nghị; {} vượt thẩm quyền của xã, đã chuyển cơ quan có thẩm quyền; {} không thuộc nội dung đối thoại, đã hướng dẫn công dân thực hiện theo đúng quy định; {} công dân rút lại{unrecorded}.",
        count(f.questions),
        n(OutcomeKind::Answered),
        n(OutcomeKind::Later),
        n(OutcomeKind::Forwarded),
        n(OutcomeKind::Declined),
        n(OutcomeKind::Withdrawn),
    )));
    let overdue = r.open.iter().filter(|o| o.overdue()).count();
    let pending = f.questions.saturating_sub(r.closed());
    let overdue_text = if overdue > 0 {
        format!(", trong đó {} nội dung đã quá hạn", count(overdue))
    } else {
        String::new()
    };
    b.push(Paragraph(format!(
        "Tính đến ngày {}, đã giải quyết xong {}/{} nội dung; còn {} nội dung đang giải quyết{overdue_text}.",
        format_date(r.as_of),
        count(r.closed()),
        count(f.questions),
        count(pending),
    )));
    b.push(T(TableId::Outcomes));
    b.push(Chart(ChartId::Outcomes));
    let g = &r.figures;
    if g.carried > 0 {
        b.push(Paragraph(format!(
            "Có {} nội dung chưa giải quyết xong của cuộc đối thoại trước được chuyển sang cuộc đối thoại này; đến ngày {} đã giải quyết xong {}.",
            count(g.carried),
            format_date(r.as_of),
            count(g.carried_settled)
        )));
    }
    if let Some(p) = &r.previous {
        b.push(Subheading(
            "5. So sánh với cuộc đối thoại trước".to_string(),
        ));
        let change = match g.petitions.cmp(&p.petitions) {
            std::cmp::Ordering::Greater => format!("tăng {}", count(g.petitions - p.petitions)),
            std::cmp::Ordering::Less => format!("giảm {}", count(p.petitions - g.petitions)),
            std::cmp::Ordering::Equal => "bằng".to_string(),
        };
        b.push(Paragraph(format!(
            "So với {} (năm {}), số ý kiến, kiến nghị nhận được {change} ({} so với {}); trả lời ngay tại hội nghị {} so với {}; còn {} nội dung chưa giải quyết xong so với {}.",
            if p.title.is_empty() {
                "cuộc đối thoại trước".to_string()
            } else {
                format!("“{}”", p.title)
            },
            p.year,
            count(g.petitions),
            count(p.petitions),
            count(g.on_the_spot),
            count(p.on_the_spot),
            count(g.open),
            count(p.open),
        )));
        b.push(T(TableId::Comparison));
        b.push(Chart(ChartId::Comparison));
    }

    b.push(Heading(
        "II. CÁC KIẾN NGHỊ VƯỢT THẨM QUYỀN CỦA XÃ".to_string(),
    ));
    if r.forwarded.is_empty() {
        b.push(Paragraph(
            "Không có kiến nghị vượt thẩm quyền của xã.".to_string(),
        ));
    } else {
        b.push(Paragraph(format!(
            "Có {} kiến nghị vượt thẩm quyền của xã. Ủy ban nhân dân xã đã tiếp thu, chuyển cơ quan có thẩm quyền xem xét, giải quyết; người kiến nghị được thông báo cơ quan giải quyết và thời hạn như sau:",
            count(r.forwarded.len())
        )));
        b.push(T(TableId::Forwarded));
    }

    b.push(Heading("III. CÁC NỘI DUNG ĐANG GIẢI QUYẾT".to_string()));
    if r.open.is_empty() {
        b.push(Paragraph(format!(
            "Đến ngày {}, không còn nội dung nào đang giải quyết.",
            format_date(r.as_of)
        )));
    } else {
        let overdue_text = if overdue > 0 {
            format!(" ({} nội dung quá hạn)", count(overdue))
        } else {
            String::new()
        };
        b.push(Paragraph(format!(
            "Đến ngày {}, còn {} nội dung chưa giải quyết xong{overdue_text}:",
            format_date(r.as_of),
            count(r.open.len())
        )));
        b.push(T(TableId::Open));
    }

    let mut numeral = 4;
    for s in &r.narrative {
        if !s.heading.is_empty() {
            b.push(Heading(format!(
                "{}. {}",
                roman(numeral),
                s.heading.to_uppercase()
            )));
            numeral += 1;
        }
        for line in s.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            b.push(Paragraph(line.to_string()));
        }
    }
    b.push(Paragraph(format!(
        "Trên đây là báo cáo kết quả tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân năm {} của Ủy ban nhân dân xã {}./.",
        r.year, f.commune
    )));
    b
}

/// The body as plain text, one paragraph per line, headings as in the minutes ("II. …"),
/// for the office's official document (ui/office/document.rs): every table written out
/// as lines, charts left out (a page that shows tables and charts follows [`blocks`]).
pub fn body_text(r: &Report) -> String {
    let mut lines = Vec::new();
    for b in blocks(r) {
        match b {
            Block::Heading(t) | Block::Subheading(t) | Block::Paragraph(t) => lines.push(t),
            Block::Table(id) => lines.extend(table_lines(r, id)),
            Block::Chart(_) => {}
        }
    }
    lines.join("\n")
}

fn table_lines(r: &Report, id: TableId) -> Vec<String> {
    // Every village is named (one that sent nothing says something); fields and kinds
    // without a petition are left to the table.
    let counts = |title: &str, rows: &[(String, usize)], zeros: bool| {
        let parts: Vec<String> = rows
            .iter()
            .filter(|(_, n)| zeros || *n > 0)
            .map(|(label, n)| format!("{label}: {}", count(*n)))
            .collect();
        if parts.is_empty() {
            Vec::new()
        } else {
            vec![format!("{title}: {}.", parts.join("; "))]
        }
    };
    match id {
        TableId::ByVillage => counts("Theo thôn", &r.by_village, true),
        TableId::ByField => counts("Theo lĩnh vực", &r.by_field, false),
        TableId::ByKind => counts("Theo loại", &r.by_kind, false),
        // The paragraph above the table says it all.
        TableId::Facts | TableId::Outcomes => Vec::new(),
        TableId::Forwarded => r
            .forwarded
            .iter()
            .enumerate()
            .map(|(n, f)| {
                let from = match villages(&f.villages) {
                    v if v.is_empty() => String::new(),
                    v => format!(" ({v})"),
                };
                format!(
                    "{}. {}{from}: chuyển {}; thông báo cho người kiến nghị chậm nhất ngày {}; {}.",
                    n + 1,
                    f.text.trim_end_matches('.'),
                    f.agency,
                    format_date(f.reply_by),
                    lower_first(&forwarded_state(f.told_on))
                )
            })
            .collect(),
        TableId::Comparison => comparison_rows(r)
            .into_iter()
            .map(|(what, before, now)| {
                format!("{what}: kỳ trước {}, kỳ này {}.", count(before), count(now))
            })
            .collect(),
        TableId::Open => r
            .open
            .iter()
            .enumerate()
            .map(|(n, o)| {
                let from = match villages(&o.villages) {
                    v if v.is_empty() => String::new(),
                    v => format!(" ({v})"),
                };
                format!(
                    "{}. {}{from}: {}; hạn {}; {}.",
                    n + 1,
                    o.text.trim_end_matches('.'),
                    owner(o),
                    format_date(o.due),
                    lower_first(&open_state(o))
                )
            })
            .collect(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn owner(o: &OpenRow) -> String {
    if o.official.is_empty() {
        o.department.clone()
    } else {
        format!("{} ({})", o.department, o.official)
    }
}

fn forwarded_state(told_on: Option<NaiveDate>) -> String {
    match told_on {
        Some(d) => format!("Đã thông báo cho người kiến nghị ngày {}", format_date(d)),
        None => "Chưa thông báo cho người kiến nghị".to_string(),
    }
}

fn open_state(o: &OpenRow) -> String {
    let how = match o.kind {
        OutcomeKind::Forwarded => "Đã chuyển cấp trên",
        _ => "Giao trả lời sau",
    };
    let when = if o.answered {
        "đã có trả lời, chưa thông báo cho công dân".to_string()
    } else if o.days_left < 0 {
        format!("quá hạn {} ngày", number(-o.days_left))
    } else if o.days_left == 0 {
        "đến hạn hôm nay".to_string()
    } else {
        format!("còn {} ngày", number(o.days_left))
    };
    format!("{how}; {when}")
}

/// The report's tables, each a sheet of the workbook and a part of the CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableId {
    /// The dialogue's facts, one per row (the workbook's first sheet; the document says
    /// them in sentences).
    Facts,
    ByVillage,
    ByField,
    ByKind,
    Outcomes,
    Forwarded,
    Open,
    /// This dialogue's figures beside the previous one's of the same kind.
    Comparison,
}

impl TableId {
    pub const ALL: [TableId; 8] = [
        TableId::Facts,
        TableId::ByVillage,
        TableId::ByField,
        TableId::ByKind,
        TableId::Outcomes,
        TableId::Forwarded,
        TableId::Open,
        TableId::Comparison,
    ];

    /// The workbook's sheet name (Excel allows 31 characters, none of `[]:*?/\`).
    pub fn sheet(self) -> &'static str {
        match self {
            TableId::Facts => "Thông tin chung",
            TableId::ByVillage => "Theo thôn",
            TableId::ByField => "Theo lĩnh vực",
            TableId::ByKind => "Theo loại",
            TableId::Outcomes => "Kết quả",
            TableId::Forwarded => "Chuyển cấp trên",
            TableId::Open => "Chưa xong",
            TableId::Comparison => "So sánh kỳ trước",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            TableId::Facts => "Thông tin chung về hội nghị đối thoại",
            TableId::ByVillage => "Số ý kiến, kiến nghị theo thôn",
            TableId::ByField => "Số ý kiến, kiến nghị theo lĩnh vực",
            TableId::ByKind => "Số ý kiến, kiến nghị theo loại",
            TableId::Outcomes => "Kết quả trả lời, giải quyết",
            TableId::Forwarded => "Kiến nghị vượt thẩm quyền, đã chuyển cơ quan có thẩm quyền",
            TableId::Open => "Nội dung đang giải quyết",
            TableId::Comparison => "So sánh với cuộc đối thoại trước",
        }
    }

    pub fn header(self) -> &'static [&'static str] {
        match self {
            TableId::Facts => &["Nội dung", "Số liệu"],
            TableId::ByVillage => &["STT", "Thôn", "Số ý kiến, kiến nghị"],
            TableId::ByField => &["STT", "Lĩnh vực", "Số ý kiến, kiến nghị"],
            TableId::ByKind => &["STT", "Loại", "Số ý kiến, kiến nghị"],
            TableId::Outcomes => &[
                "STT",
                "Kết quả tại hội nghị",
                "Số nội dung",
                "Đã xong",
                "Chưa xong",
            ],
            TableId::Forwarded => &[
                "STT",
                "Nội dung",
                "Thôn",
                "Cơ quan có thẩm quyền",
                "Hạn thông báo",
                "Tình trạng",
            ],
            TableId::Open => &[
                "STT",
                "Nội dung",
                "Thôn",
                "Bộ phận, cơ quan giải quyết",
                "Hạn",
                "Số ngày còn lại",
                "Tình trạng",
            ],
            TableId::Comparison => &["Nội dung", "Kỳ trước", "Kỳ này"],
        }
    }

    /// Column widths in characters (the workbook's; the Word file takes them as
    /// proportions).
    pub fn widths(self) -> &'static [u16] {
        match self {
            TableId::Facts => &[44, 40],
            TableId::ByVillage | TableId::ByField | TableId::ByKind => &[6, 34, 14],
            TableId::Outcomes => &[6, 34, 12, 10, 10],
            TableId::Forwarded => &[6, 48, 16, 28, 14, 28],
            TableId::Open => &[6, 48, 16, 26, 12, 10, 28],
            TableId::Comparison => &[48, 14, 14],
        }
    }
}

/// One cell: text, or a number or a date that a spreadsheet keeps as such.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(NaiveDate),
}

impl Cell {
    fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    fn count(n: usize) -> Self {
        Cell::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// As printed: numbers grouped the Vietnamese way, dates dd/mm/yyyy.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number(*n),
            Cell::Date(d) => format_date(*d),
        }
    }
}

/// A table with its header, rows and totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub id: TableId,
    pub title: &'static str,
    pub header: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
    /// The last row, of totals, for the tables of counts.
    pub total: Option<Vec<Cell>>,
}

impl Table {
    /// Every row, the totals last.
    pub fn all_rows(&self) -> impl Iterator<Item = &Vec<Cell>> {
        self.rows.iter().chain(self.total.iter())
    }
}

fn counts_table(id: TableId, rows: &[(String, usize)]) -> Table {
    Table {
        id,
        title: id.title(),
        header: id.header(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(n, (label, c))| vec![Cell::count(n + 1), Cell::text(label), Cell::count(*c)])
            .collect(),
        total: Some(vec![
            Cell::text(""),
            Cell::text(TOTAL),
            Cell::count(rows.iter().map(|(_, c)| c).sum()),
        ]),
    }
}

fn facts_rows(r: &Report) -> Vec<Vec<Cell>> {
    let f = &r.facts;
    let date = |d: Option<NaiveDate>| d.map_or_else(|| Cell::text(""), Cell::Date);
    let row = |label: &str, value: Cell| vec![Cell::text(label), value];
    vec![
        row("Báo cáo", Cell::text(r.number.clone())),
        row("Ngày báo cáo", Cell::Date(r.date)),
        row("Nơi nhận", Cell::text(r.recipients.join("; "))),
        row("Số liệu tính đến ngày", Cell::Date(r.as_of)),
        row("Xã", Cell::text(f.commune.clone())),
        row("Tỉnh", Cell::text(f.province.clone())),
        row("Kế hoạch số", Cell::text(f.plan_number.clone())),
        row("Các thôn họp từ ngày", date(f.meetings_from)),
        row("Các thôn họp đến ngày", date(f.meetings_to)),
        row("Số thôn đã báo ngày họp", Cell::count(f.village_meetings)),
        row(
            "Thông báo trên hệ thống truyền thanh từ ngày",
            date(f.announced_on),
        ),
        row("Ngày đối thoại", date(f.session_date)),
        row("Giờ bắt đầu", Cell::text(f.start_time.clone())),
        row("Giờ kết thúc", Cell::text(f.end_time.clone())),
        row("Địa điểm", Cell::text(f.place.clone())),
        row("Chủ trì", Cell::text(f.chair.clone())),
        row("Đại biểu được mời", Cell::count(f.delegates.listed)),
        row("Đại biểu có mặt", Cell::count(f.delegates.present)),
        row("Công dân được mời", Cell::count(f.invitees.listed)),
        row("Công dân được mời có mặt", Cell::count(f.invitees.present)),
        row("Số thôn của xã", Cell::count(f.villages)),
        row(
            "Số thôn gửi ý kiến, kiến nghị",
            Cell::count(f.villages_sending),
        ),
        row(
            "Số ý kiến, kiến nghị các thôn gửi",
            Cell::count(f.petitions),
        ),
        row(
            "Số lượt công dân cùng kiến nghị",
            Cell::Number(i64::try_from(f.backers).unwrap_or(i64::MAX)),
        ),
        row("Số nội dung đưa ra đối thoại", Cell::count(f.questions)),
        row(
            "Trong đó: nêu trực tiếp tại hội nghị",
            Cell::count(f.from_floor),
        ),
        row("Đã giải quyết xong", Cell::count(r.closed())),
        row(
            "Đang giải quyết",
            Cell::count(f.questions.saturating_sub(r.closed())),
        ),
        row(
            "Trong đó: quá hạn",
            Cell::count(r.open.iter().filter(|o| o.overdue()).count()),
        ),
    ]
}

/// One of the report's tables, from the report.
pub fn table(r: &Report, id: TableId) -> Table {
    let numbered = |rows: Vec<Vec<Cell>>| Table {
        id,
        title: id.title(),
        header: id.header(),
        rows,
        total: None,
    };
    match id {
        TableId::Facts => numbered(facts_rows(r)),
        TableId::ByVillage => counts_table(id, &r.by_village),
        TableId::ByField => counts_table(id, &r.by_field),
        TableId::ByKind => counts_table(id, &r.by_kind),
        TableId::Outcomes => Table {
            total: Some(vec![
                Cell::text(""),
                Cell::text(TOTAL),
                Cell::count(r.by_outcome.iter().map(|o| o.count).sum()),
                Cell::count(r.closed()),
                Cell::count(r.by_outcome.iter().map(|o| o.pending()).sum()),
            ]),
            ..numbered(
                r.by_outcome
                    .iter()
                    .enumerate()
                    .map(|(n, o)| {
                        vec![
                            Cell::count(n + 1),
                            Cell::text(o.label.clone()),
                            Cell::count(o.count),
                            Cell::count(o.closed),
                            Cell::count(o.pending()),
                        ]
                    })
                    .collect(),
            )
        },
        TableId::Forwarded => numbered(
            r.forwarded
                .iter()
                .enumerate()
                .map(|(n, f)| {
                    vec![
                        Cell::count(n + 1),
                        Cell::text(f.text.clone()),
                        Cell::text(villages(&f.villages)),
                        Cell::text(f.agency.clone()),
                        Cell::Date(f.reply_by),
                        Cell::text(forwarded_state(f.told_on)),
                    ]
                })
                .collect(),
        ),
        TableId::Comparison => numbered(
            comparison_rows(r)
                .into_iter()
                .map(|(what, before, now)| {
                    vec![Cell::text(what), Cell::count(before), Cell::count(now)]
                })
                .collect(),
        ),
        TableId::Open => numbered(
            r.open
                .iter()
                .enumerate()
                .map(|(n, o)| {
                    vec![
                        Cell::count(n + 1),
                        Cell::text(o.text.clone()),
                        Cell::text(villages(&o.villages)),
                        Cell::text(owner(o)),
                        Cell::Date(o.due),
                        Cell::Number(o.days_left),
                        Cell::text(open_state(o)),
                    ]
                })
                .collect(),
        ),
    }
}

/// Every table, in the workbook's order (the comparison once there is a dialogue to
/// compare with).
pub fn tables(r: &Report) -> Vec<Table> {
    TableId::ALL
        .iter()
        .filter(|id| **id != TableId::Comparison || r.previous.is_some())
        .map(|id| table(r, *id))
        .collect()
}

/// (what, the previous dialogue's, this one's): the comparison's rows, the totals first,
/// then every field either raised.
pub fn comparison_rows(r: &Report) -> Vec<(String, usize, usize)> {
    let g = &r.figures;
    let Some(p) = &r.previous else {
        return Vec::new();
    };
    let mut rows = vec![
        (
            "Số ý kiến, kiến nghị nhận được".to_string(),
            p.petitions,
            g.petitions,
        ),
        (
            "Trả lời ngay tại hội nghị".to_string(),
            p.on_the_spot,
            g.on_the_spot,
        ),
        (
            "Trả lời sau hội nghị, trong thời hạn".to_string(),
            p.within_period,
            g.within_period,
        ),
        (
            "Chuyển cơ quan có thẩm quyền".to_string(),
            p.forwarded,
            g.forwarded,
        ),
        ("Chưa giải quyết xong".to_string(), p.open, g.open),
        (
            "Nội dung chuyển từ kỳ trước đã giải quyết xong".to_string(),
            p.carried_settled,
            g.carried_settled,
        ),
    ];
    let of = |list: &[(String, usize)], field: &str| {
        list.iter().find(|(f, _)| f == field).map_or(0, |(_, n)| *n)
    };
    let mut fields: Vec<&str> = g.by_field.iter().map(|(f, _)| f.as_str()).collect();
    for (f, _) in &p.by_field {
        if !fields.contains(&f.as_str()) {
            fields.push(f);
        }
    }
    for f in fields {
        let (a, b) = (of(&p.by_field, f), of(&g.by_field, f));
        if a + b > 0 {
            rows.push((format!("Lĩnh vực {f}"), a, b));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel() {
        for id in TableId::ALL {
            let name = id.sheet();
            assert!(name.chars().count() <= 31, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']));
            assert_eq!(id.header().len(), id.widths().len(), "{id:?}");
        }
    }

    #[test]
    fn the_default_narrative_is_nfc() {
        for s in default_sections() {
            assert_eq!(crate::domain::text::clean(&s.text), s.text);
            assert_eq!(crate::domain::text::clean_line(&s.heading), s.heading);
        }
    }
}
