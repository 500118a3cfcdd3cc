//! The strings of the session's screens (preparation, attendance, the secretary's queue,
//! the projector, the minutes): part of the one catalogue, Vietnamese, in the office's
//! module only.

use crate::domain::report::ReportFormError;
use crate::domain::session::announcement::Warning;
use crate::domain::session::followup::{AnswerError, BoardState, PublicationState, ToldHow};
use crate::domain::session::outcome::{OutcomeError, OutcomeKind, PublicOutcome};
use crate::domain::session::{Asker, Origin, PreparationError, SessionError};
use crate::domain::time::format_date;

pub struct SessionTexts {
    pub nav_prepare: &'static str,
    pub nav_attendance: &'static str,
    pub nav_session: &'static str,
    pub nav_minutes: &'static str,

    // Preparation
    pub prepare_title: &'static str,
    pub prepare_intro: &'static str,
    pub needs_setup: &'static str,
    pub start_time: &'static str,
    pub start_time_hint: &'static str,
    pub announce_date: &'static str,
    pub front_agreed: &'static str,
    pub secretary: &'static str,
    pub secretary_hint: &'static str,
    pub answer_days: &'static str,
    pub answer_days_hint: &'static str,
    pub extra_holidays: &'static str,
    pub extra_holidays_hint: &'static str,
    pub programme: &'static str,
    pub programme_hint: &'static str,
    pub delegates: &'static str,
    pub delegates_hint: &'static str,
    pub invitees: &'static str,
    pub invitees_hint: &'static str,
    pub save_prepare: &'static str,
    pub prepare_saved: &'static str,
    pub checks_title: &'static str,
    pub checks_ok: &'static str,
    pub announcement_title: &'static str,
    pub announcement_intro: &'static str,
    pub print_notice: &'static str,
    pub notice_heading: &'static str,
    pub notice_subject: &'static str,
    pub recipients: &'static str,
    pub notice_recipients: &'static str,
    pub for_committee: &'static str,
    pub chairman: &'static str,

    // Attendance
    pub attendance_title: &'static str,
    pub attendance_intro: &'static str,
    pub parts_title: &'static str,
    pub parts_intro: &'static str,
    pub part_opening: &'static str,
    pub part_front: &'static str,
    pub part_conclusion: &'static str,
    pub save_parts: &'static str,
    pub parts_saved: &'static str,
    pub parts_not_in_edited: &'static str,
    pub head_count: &'static str,
    pub head_count_hint: &'static str,
    pub head_count_save: &'static str,
    pub head_count_saved: &'static str,
    pub head_count_bad: &'static str,
    pub print_sign_in: &'static str,
    pub sign_in_title: &'static str,
    /// The sheet's subject: the session's date in words and its place.
    pub sign_in_subject: fn(&str, &str) -> String,
    pub sign_in_delegates: &'static str,
    pub sign_in_citizens: &'static str,
    pub sign_in_walk_ins: &'static str,
    pub col_number: &'static str,
    pub col_name: &'static str,
    pub col_post: &'static str,
    pub col_village_post: &'static str,
    pub col_sign: &'static str,
    pub attendance_empty: &'static str,
    pub delegates_present: fn(usize, usize) -> String,
    pub invitees_present: fn(usize, usize) -> String,
    pub no_village: &'static str,

    // The secretary's screen
    pub session_title: &'static str,
    pub queue_empty: &'static str,
    pub fill_queue: &'static str,
    pub queue_filled: fn(usize) -> String,
    pub start_session: &'static str,
    pub started: &'static str,
    pub finish_session: &'static str,
    pub finished: fn(&str) -> String,
    pub finished_note: &'static str,
    pub prepared_by: &'static str,
    pub prepared_draft: &'static str,
    pub finish_ask: &'static str,
    pub finish_next: &'static str,
    pub finish_confirm: &'static str,
    pub finish_cancel: &'static str,
    /// The 10-day deadline for posting and sending the results, from the session.
    pub publication_due: fn(&str) -> String,
    pub queue_title: fn(usize, usize) -> String,
    pub move_up: fn(usize) -> String,
    pub move_down: fn(usize) -> String,
    pub take_up: fn(usize) -> String,
    pub current_badge: &'static str,
    pub open_badge: &'static str,
    pub current_title: fn(usize) -> String,
    pub no_current: &'static str,
    pub asked_by: &'static str,
    pub backers: fn(u32) -> String,
    pub outcome_legend: &'static str,
    pub summary: &'static str,
    pub answered_by: &'static str,
    pub department: &'static str,
    pub official: &'static str,
    pub due: &'static str,
    pub due_hint: fn(&str, u32) -> String,
    pub agency: &'static str,
    pub reply_by: &'static str,
    pub reply_by_hint: &'static str,
    pub reason: &'static str,
    pub channel: &'static str,
    pub channel_default: &'static str,
    pub record: &'static str,
    pub recorded: &'static str,
    pub next_question: &'static str,
    pub all_recorded: &'static str,
    pub history_title: &'static str,
    pub floor_title: &'static str,
    pub floor_village: &'static str,
    pub floor_name: &'static str,
    pub floor_name_hint: &'static str,
    pub floor_field: &'static str,
    pub floor_text: &'static str,
    pub floor_written: &'static str,
    pub add_floor: &'static str,
    pub floor_added: &'static str,
    pub open_projector: &'static str,
    pub follow_ups_title: fn(usize) -> String,
    pub task_answer: fn(&str, &str) -> String,
    pub task_tell: fn(&str) -> String,
    pub question_word: &'static str,
    pub choose: &'static str,

    // Projector
    pub projector_label: &'static str,
    pub projector_waiting: &'static str,
    pub projector_finished: &'static str,
    pub projector_position: fn(usize, usize) -> String,

    // Minutes
    pub minutes_title: &'static str,
    pub minutes_intro: &'static str,
    pub minutes_heading: &'static str,
    pub edit_minutes: &'static str,
    pub save_minutes: &'static str,
    pub minutes_saved: &'static str,
    pub reassemble: &'static str,
    pub reassembled: &'static str,
    pub print_minutes: &'static str,
    pub edited_note: &'static str,

    // Follow-up
    pub nav_follow: &'static str,
    pub follow_title: &'static str,
    pub follow_intro: &'static str,
    pub filter_owner: &'static str,
    pub filter_state: &'static str,
    pub all: &'static str,
    pub board_count: fn(usize, usize) -> String,
    pub days_left: fn(i64) -> String,
    pub date_hint: &'static str,
    pub final_answer: &'static str,
    pub answered_on: &'static str,
    pub agency_answer: &'static str,
    pub told_on: &'static str,
    pub told_how_label: &'static str,
    pub not_told: &'static str,
    pub save_answer: &'static str,
    pub answer_saved: &'static str,
    pub print_reply: &'static str,
    pub reply_subject: &'static str,
    pub reply_recipients: &'static str,
    /// A reply to a protected petitioner goes to them alone: a copy to the village head
    /// would tell who asked.
    pub reply_recipients_confidential: &'static str,
    pub reply_body: fn(&str, &str, &str, &str, &str) -> String,
    /// Who a reply notice is addressed to: the person by name when the question was
    /// asked by name, else the village's citizens (the village names given).
    pub reply_to: fn(&Asker, &str) -> String,
    pub publication_title: &'static str,
    pub publication_deadline: fn(&str, PublicationState) -> String,
    pub posted_on: &'static str,
    pub sent_on: &'static str,
    pub save_publication: &'static str,
    pub publication_saved: &'static str,
    pub print_results: &'static str,
    pub results_subject: &'static str,
    pub results_recipients: &'static str,
    pub results_file_title: &'static str,
    pub results_file_intro: &'static str,
    pub all_villages: &'static str,
    pub export_results: &'static str,
    pub results_exported: fn(usize) -> String,

    // The report
    pub nav_report: &'static str,
    pub report_title: &'static str,
    pub report_intro: &'static str,
    pub report_heading: &'static str,
    pub report_recipient: &'static str,
    pub report_recipient_hint: &'static str,
    pub report_date: &'static str,
    pub section_heading: fn(usize) -> String,
    pub section_text: fn(usize) -> String,
    pub add_section: &'static str,
    pub save_report: &'static str,
    pub report_saved: &'static str,
    pub print_report: &'static str,
    pub save_docx: &'static str,
    pub save_xlsx: &'static str,
    pub save_csv: &'static str,
    pub report_export_failed: fn(&str) -> String,
}

pub const VI: SessionTexts = SessionTexts {
    nav_prepare: "Chương trình",
    nav_attendance: "Điểm danh",
    nav_session: "Phiên đối thoại",
    nav_minutes: "Biên bản",

    prepare_title: "Chuẩn bị buổi đối thoại",
    prepare_intro: "Chương trình, đại biểu, công dân được mời và thông báo trên đài truyền thanh. Ngày, địa điểm và người chủ trì lấy từ trang Thiết lập.",
    needs_setup: "Hãy lưu thiết lập (xã, thôn, ngày đối thoại) trước.",
    start_time: "Giờ bắt đầu",
    start_time_hint: "Ví dụ: 7 giờ 30",
    announce_date: "Ngày thông báo trên đài",
    front_agreed: "Ngày thống nhất bảng tổng hợp với Ủy ban MTTQ xã",
    secretary: "Thư ký ghi biên bản",
    secretary_hint: "Người được cử ghi biên bản hội nghị.",
    answer_days: "Thời hạn trả lời (ngày)",
    answer_days_hint: "Theo kế hoạch: chậm nhất 30 ngày sau buổi đối thoại.",
    extra_holidays: "Ngày nghỉ thêm",
    extra_holidays_hint: "Mỗi dòng một ngày (ngày/tháng/năm), ngoài các ngày lễ, Tết đã có sẵn.",
    programme: "Chương trình",
    programme_hint: "Mỗi dòng một bước, theo thứ tự. Đã điền sẵn các bước của kế hoạch.",
    delegates: "Đại biểu, lãnh đạo và các bộ phận dự",
    delegates_hint: "Mỗi dòng: họ tên; chức vụ. Ví dụ: Nguyễn Văn Bình; Chủ tịch UBND xã",
    invitees: "Công dân được mời",
    invitees_hint: "Mỗi dòng: thôn; họ tên; vai trò. Kế hoạch mời mỗi thôn 5 công dân và người đứng đầu các chi đoàn, chi hội.",
    save_prepare: "Lưu chuẩn bị",
    prepare_saved: "Đã lưu phần chuẩn bị.",
    checks_title: "Kiểm tra ngày",
    checks_ok: "Ngày thông báo và ngày họp thôn đúng quy định.",
    announcement_title: "Thông báo trên đài truyền thanh",
    announcement_intro: "Đọc trên loa truyền thanh xã, thôn và niêm yết ở bảng tin. Có thể chép vào Word.",
    print_notice: "In thông báo (A4)",
    notice_heading: "THÔNG BÁO",
    notice_subject: "Về việc tổ chức đối thoại giữa Chủ tịch UBND xã với nhân dân",
    recipients: "Nơi nhận:",
    notice_recipients: "- Đài truyền thanh xã;\n- Các thôn (niêm yết, thông báo);\n- Lưu: VT.",
    for_committee: "TM. ỦY BAN NHÂN DÂN",
    chairman: "CHỦ TỊCH",

    attendance_title: "Điểm danh tại cửa",
    attendance_intro: "Đánh dấu người có mặt. Số người có mặt được ghi vào biên bản.",
    parts_title: "Các phần phát biểu",
    parts_intro: "Tóm tắt từng phần theo chương trình; biên bản ghi mỗi phần vào đúng chỗ. Để trống phần không có.",
    part_opening: "Báo cáo của Chủ tịch UBND xã (tóm tắt)",
    part_front: "Ý kiến của Ủy ban MTTQ Việt Nam xã",
    part_conclusion: "Kết luận của chủ trì",
    save_parts: "Lưu các phần phát biểu",
    parts_saved: "Đã lưu các phần phát biểu.",
    parts_not_in_edited: "Đã lưu. Biên bản đang là bản đã sửa tay: bấm “Lập lại từ kết quả” để đưa các phần phát biểu vào.",
    head_count: "Tổng số người dự (đếm tại hội trường)",
    head_count_hint: "Gồm cả người đến dự không theo giấy mời; ghi vào biên bản.",
    head_count_save: "Lưu số người dự",
    head_count_saved: "Đã lưu số người dự.",
    head_count_bad: "Số người dự phải là một số, ví dụ 86.",
    print_sign_in: "In danh sách ký tên (A4)",
    sign_in_title: "DANH SÁCH ĐẠI BIỂU, CÔNG DÂN DỰ HỘI NGHỊ",
    sign_in_subject: |date, place| {
        let mut s = "Hội nghị đối thoại giữa Chủ tịch UBND xã với nhân dân".to_string();
        if !date.is_empty() {
            s.push_str(&format!(", {date}"));
        }
        if !place.is_empty() {
            s.push_str(&format!(", tại {place}"));
        }
        s
    },
    sign_in_delegates: "I. ĐẠI BIỂU",
    sign_in_citizens: "II. CÔNG DÂN ĐƯỢC MỜI",
    sign_in_walk_ins: "III. CÔNG DÂN ĐẾN DỰ",
    col_number: "STT",
    col_name: "Họ và tên",
    col_post: "Chức vụ",
    col_village_post: "Thôn, chức vụ",
    col_sign: "Ký tên",
    attendance_empty: "Chưa có danh sách. Hãy nhập đại biểu và công dân được mời ở trang Chuẩn bị.",
    delegates_present: |p, n| format!("Đại biểu: {p}/{n} có mặt"),
    invitees_present: |p, n| format!("Công dân được mời: {p}/{n} có mặt"),
    no_village: "Không rõ thôn",

    session_title: "Phiên đối thoại",
    queue_empty: "Chưa có câu hỏi nào trong danh sách. Lập danh sách từ các nhóm đã xác nhận và các kiến nghị riêng lẻ.",
    fill_queue: "Lập danh sách câu hỏi",
    queue_filled: |n| format!("Đã thêm {n} câu hỏi vào danh sách."),
    start_session: "Bắt đầu phiên đối thoại",
    started: "Phiên đối thoại đã bắt đầu.",
    finish_session: "Kết thúc phiên và lập biên bản",
    finished: |number| format!("Phiên đối thoại đã kết thúc. Biên bản số {number}."),
    finished_note: "Phiên đối thoại đã kết thúc. Kết quả vẫn có thể sửa; mọi lần sửa đều được ghi lại.",
    prepared_by: "Bộ phận chuẩn bị",
    prepared_draft: "Dự thảo trả lời",
    finish_ask: "Kết thúc phiên đối thoại?",
    finish_next: "Khi kết thúc, biên bản được lập và lấy số trong sổ văn bản; màn hình trình chiếu báo buổi đối thoại đã kết thúc. Các ý kiến chưa trả lời tại phiên được theo dõi ở trang \"Theo dõi trả lời\" (trả lời trong 30 ngày).",
    finish_confirm: "Kết thúc phiên",
    finish_cancel: "Chưa, quay lại",
    publication_due: |date| format!("Hạn niêm yết kết quả tại trụ sở UBND xã và gửi các thôn: {date} (10 ngày sau buổi đối thoại)."),
    queue_title: |done, n| format!("Danh sách câu hỏi ({done}/{n} đã có kết quả)"),
    move_up: |n| format!("Đưa câu {n} lên"),
    move_down: |n| format!("Đưa câu {n} xuống"),
    take_up: |n| format!("Hỏi câu {n}"),
    current_badge: "Đang hỏi",
    open_badge: "Chưa có kết quả",
    current_title: |n| format!("Câu {n}"),
    no_current: "Chọn một câu hỏi trong danh sách.",
    asked_by: "Người nêu",
    backers: |n| format!("{n} người cùng kiến nghị"),
    outcome_legend: "Kết quả",
    summary: "Tóm tắt câu trả lời",
    answered_by: "Người trả lời",
    department: "Bộ phận trả lời",
    official: "Cán bộ phụ trách",
    due: "Hạn trả lời",
    due_hint: |latest, days| format!("Chậm nhất {latest} ({days} ngày, không tính ngày đối thoại; hết hạn vào ngày nghỉ thì lùi sang ngày làm việc tiếp theo)."),
    agency: "Cơ quan có thẩm quyền",
    reply_by: "Báo cho người kiến nghị trước ngày",
    reply_by_hint: "Người kiến nghị phải được báo cơ quan nào giải quyết và khi nào; việc báo được theo dõi như một việc cần làm.",
    reason: "Lý do không trả lời tại hội nghị",
    channel: "Hướng dẫn công dân gửi đến",
    channel_default: "Gửi đơn đến buổi tiếp công dân định kỳ của Chủ tịch UBND xã, hoặc theo thủ tục khiếu nại, tố cáo.",
    record: "Ghi kết quả",
    recorded: "Đã ghi kết quả.",
    next_question: "Câu tiếp theo",
    all_recorded: "Mọi câu hỏi đã có kết quả. Có thể kết thúc phiên.",
    history_title: "Các lần ghi kết quả",
    floor_title: "Câu hỏi tại hội nghị",
    floor_village: "Thôn",
    floor_name: "Họ tên người hỏi",
    floor_name_hint: "Để trống nếu người hỏi không nêu tên.",
    floor_field: "Lĩnh vực",
    floor_text: "Nội dung câu hỏi",
    floor_written: "Câu hỏi viết gửi thư ký",
    add_floor: "Thêm câu hỏi",
    floor_added: "Đã thêm câu hỏi tại hội nghị.",
    open_projector: "Mở màn hình máy chiếu",
    follow_ups_title: |n| format!("Việc phải làm sau buổi đối thoại ({n})"),
    task_answer: |department, official| {
        if official.is_empty() {
            format!("{department} trả lời công dân")
        } else {
            format!("{department} ({official}) trả lời công dân")
        }
    },
    task_tell: |agency| format!("Báo cho người kiến nghị: đã chuyển {agency} giải quyết"),
    question_word: "câu",
    choose: "Chọn…",

    projector_label: "Màn hình máy chiếu",
    projector_waiting: "Buổi đối thoại sắp bắt đầu",
    projector_finished: "Buổi đối thoại đã kết thúc. Xin cảm ơn bà con!",
    projector_position: |i, n| format!("Câu {i}/{n}"),

    minutes_title: "Biên bản buổi đối thoại",
    minutes_intro: "Biên bản được lập từ chương trình, điểm danh và kết quả từng câu hỏi. Có thể sửa trước khi in.",
    minutes_heading: "BIÊN BẢN",
    edit_minutes: "Nội dung biên bản",
    save_minutes: "Lưu nội dung đã sửa",
    minutes_saved: "Đã lưu biên bản.",
    reassemble: "Lập lại từ kết quả",
    reassembled: "Đã lập lại biên bản từ kết quả.",
    print_minutes: "In biên bản (A4)",
    edited_note: "Nội dung đã được sửa tay; kết quả ghi sau đó không tự vào biên bản (bấm “Lập lại từ kết quả”).",

    nav_follow: "Theo dõi trả lời",
    follow_title: "Theo dõi trả lời sau đối thoại",
    follow_intro: "Những ý kiến chưa trả lời xong tại buổi đối thoại: hạn trả lời, số ngày còn lại. Ghi câu trả lời cuối cùng và ngày, cách báo cho người kiến nghị.",
    filter_owner: "Bộ phận hoặc cơ quan",
    filter_state: "Tình trạng",
    all: "Tất cả",
    board_count: |n, late| {
        if late > 0 {
            format!("{n} việc; {late} việc quá hạn")
        } else {
            format!("{n} việc")
        }
    },
    days_left: |d| {
        if d < 0 {
            format!("Quá hạn {} ngày", -d)
        } else if d == 0 {
            "Hết hạn hôm nay".to_string()
        } else {
            format!("Còn {d} ngày")
        }
    },
    date_hint: "Ngày/tháng/năm, ví dụ 05/10/2026",
    final_answer: "Nội dung trả lời",
    answered_on: "Ngày trả lời",
    agency_answer: "Trả lời của cơ quan cấp trên",
    told_on: "Ngày báo cho người kiến nghị",
    told_how_label: "Cách báo",
    not_told: "Chưa báo",
    save_answer: "Lưu trả lời",
    answer_saved: "Đã lưu câu trả lời.",
    print_reply: "In thông báo trả lời (A4)",
    reply_subject: "Trả lời ý kiến, kiến nghị của công dân",
    reply_recipients: "- Người kiến nghị;\n- Trưởng thôn;\n- Lưu: VT.",
    reply_recipients_confidential: "- Người kiến nghị;\n- Lưu: VT.",
    reply_body: |to, date, question, answer, agency| {
        let mut letters = to.chars();
        let heading: String = letters.next().map(|c| c.to_uppercase().chain(letters).collect()).unwrap_or_default();
        let mut text = format!(
            "Kính gửi: {heading}.\nTại buổi đối thoại giữa Chủ tịch UBND xã với nhân dân ngày {date}, {to} có ý kiến, kiến nghị:\n“{question}”\nỦy ban nhân dân xã trả lời như sau:\n{answer}"
        );
        if !agency.is_empty() {
            text.push_str(&format!("\nÝ kiến của cơ quan có thẩm quyền: {agency}"));
        }
        text.push_str("\nỦy ban nhân dân xã thông báo để công dân được biết.");
        text
    },
    reply_to: |asker, villages| match asker {
        Asker::Named(name) if villages.is_empty() => format!("Ông/Bà {name}"),
        Asker::Named(name) => format!("Ông/Bà {name} ({villages})"),
        _ if villages.is_empty() => "công dân có ý kiến, kiến nghị".to_string(),
        _ => format!("công dân {villages}"),
    },
    publication_title: "Công khai kết quả đối thoại",
    publication_deadline: |date, state| {
        let when = match state {
            PublicationState::Pending { left } if left < 0 => format!("đã quá hạn {} ngày", -left),
            PublicationState::Pending { left } => format!("còn {left} ngày"),
            PublicationState::Done { done, late_by: 0 } => {
                format!("đã niêm yết và gửi các thôn xong ngày {}, đúng hạn", format_date(done))
            }
            PublicationState::Done { done, late_by } => {
                format!("đã niêm yết và gửi các thôn xong ngày {}, chậm {late_by} ngày", format_date(done))
            }
        };
        format!("Luật yêu cầu niêm yết kết quả tại trụ sở UBND xã và gửi trưởng các thôn trong 10 ngày sau buổi đối thoại: chậm nhất ngày {date} ({when}).")
    },
    posted_on: "Ngày niêm yết tại UBND xã",
    sent_on: "Ngày gửi các thôn",
    save_publication: "Lưu ngày công khai",
    publication_saved: "Đã lưu ngày công khai kết quả.",
    print_results: "In thông báo kết quả (A4)",
    results_subject: "Kết quả đối thoại giữa Chủ tịch UBND xã với nhân dân",
    results_recipients: "- Trưởng các thôn;\n- Niêm yết tại trụ sở UBND xã;\n- Lưu: VT.",
    results_file_title: "Gửi kết quả về các thôn",
    results_file_intro: "Tệp kết quả gửi trưởng thôn (qua Zalo hoặc USB): máy tính bảng của thôn nạp tệp và hiện câu trả lời bên mỗi kiến nghị, để thông báo cho bà con ở buổi họp thôn sau. Tệp không có tên, số điện thoại của người kiến nghị.",
    all_villages: "Tất cả các thôn",
    export_results: "Xuất tệp kết quả",
    results_exported: |n| format!("Đã xuất tệp kết quả của {n} kiến nghị. Gửi tệp này cho trưởng thôn (qua Zalo hoặc USB): trên máy tính bảng, vào “Gửi về xã”, chọn “Nhận tệp kết quả…” để xem câu trả lời và đọc cho bà con ở buổi họp thôn."),

    nav_report: "Báo cáo",
    report_title: "Báo cáo kết quả đối thoại",
    report_intro: "Báo cáo gửi cấp trên được lập từ số liệu: các thôn, lĩnh vực, loại ý kiến, kết quả trả lời, việc chuyển cấp trên và việc còn đang giải quyết. Phần đánh giá do văn phòng viết. In trên A4, hoặc lưu thành tệp Word, Excel, CSV.",
    report_heading: "BÁO CÁO",
    report_recipient: "Kính gửi",
    report_recipient_hint: "Mỗi dòng một nơi nhận. Từ 01/7/2025 không còn cấp huyện: thường là UBND tỉnh hoặc một sở.",
    report_date: "Ngày báo cáo",
    section_heading: |n| format!("Tiêu đề phần {n}"),
    section_text: |n| format!("Nội dung phần {n}"),
    add_section: "Thêm một phần",
    save_report: "Lưu báo cáo",
    report_saved: "Đã lưu báo cáo.",
    print_report: "In báo cáo (A4)",
    save_docx: "Lưu tệp Word (.docx)",
    save_xlsx: "Lưu tệp Excel (.xlsx)",
    save_csv: "Lưu tệp CSV",
    report_export_failed: |why| format!("Không tạo được tệp: {why}"),
};

impl SessionTexts {
    /// An outcome on the hall's projector: its heading, and what the hall reads.
    pub fn projector_outcome(&self, o: &PublicOutcome) -> (&'static str, String) {
        match o {
            PublicOutcome::Answered { summary } => ("Trả lời", summary.clone()),
            PublicOutcome::Later { department, due } => (
                "Trả lời sau",
                format!("{department} trả lời công dân chậm nhất ngày {}.", format_date(*due)),
            ),
            PublicOutcome::Forwarded { agency, reply_by } => (
                "Chuyển cơ quan có thẩm quyền",
                format!(
                    "Chuyển {agency} giải quyết. UBND xã báo lại cho người kiến nghị trước ngày {}.",
                    format_date(*reply_by)
                ),
            ),
            PublicOutcome::Declined { channel } => {
                ("Không thuộc nội dung đối thoại; hướng dẫn", channel.clone())
            }
            PublicOutcome::Withdrawn => ("Rút lại", "Người hỏi đã rút lại câu hỏi.".to_string()),
        }
    }

    pub fn report_form_error(&self, e: &ReportFormError) -> &'static str {
        match e {
            ReportFormError::NoRecipient => "Hãy ghi nơi nhận báo cáo.",
            ReportFormError::BadDate => "Ngày báo cáo chưa đúng. Hãy ghi ngày/tháng/năm.",
            ReportFormError::TooLong => "Nội dung báo cáo quá dài.",
        }
    }

    pub fn board_state(&self, s: BoardState) -> &'static str {
        match s {
            BoardState::Open => "Đang giải quyết",
            BoardState::Overdue => "Quá hạn",
            BoardState::Answered => "Đã trả lời, chưa báo",
            BoardState::Closed => "Đã xong",
        }
    }

    pub fn told_how(&self, h: ToldHow) -> &'static str {
        match h {
            ToldHow::Letter => "Gửi văn bản",
            ToldHow::Phone => "Gọi điện thoại",
            ToldHow::VillageMeeting => "Thông báo ở họp thôn",
            ToldHow::InPerson => "Trực tiếp tại UBND xã",
        }
    }

    pub fn answer_error(&self, e: &AnswerError) -> &'static str {
        match e {
            AnswerError::NoAnswer => "Hãy ghi nội dung trả lời.",
            AnswerError::BadDate => "Ngày chưa đúng. Hãy ghi ngày/tháng/năm, ví dụ 05/10/2026.",
            AnswerError::BeforeSession => "Ngày không thể trước ngày đối thoại.",
            AnswerError::ToldBeforeAnswer => {
                "Ngày báo cho người kiến nghị không thể trước ngày trả lời."
            }
            AnswerError::HowAndWhen => "Hãy ghi cả ngày báo và cách báo cho người kiến nghị.",
            AnswerError::TooLong => "Nội dung quá dài.",
        }
    }

    pub fn outcome_kind(&self, k: OutcomeKind) -> &'static str {
        match k {
            OutcomeKind::Answered => "Trả lời tại chỗ",
            OutcomeKind::Later => "Trả lời sau",
            OutcomeKind::Forwarded => "Chuyển cấp trên",
            OutcomeKind::Declined => "Không thuộc nội dung",
            OutcomeKind::Withdrawn => "Rút lại",
        }
    }

    pub fn asker(&self, a: &Asker) -> String {
        match a {
            Asker::Named(n) => n.clone(),
            Asker::Many => "Nhiều công dân".to_string(),
            Asker::Anonymous => "Không nêu tên".to_string(),
            Asker::Confidential => "Giữ bí mật danh tính".to_string(),
        }
    }

    pub fn origin(&self, o: &Origin) -> &'static str {
        match o {
            Origin::Group { .. } => "Nhóm kiến nghị của các thôn",
            Origin::Petition => "Kiến nghị của thôn",
            Origin::Floor { written: false } => "Hỏi tại hội nghị",
            Origin::Floor { written: true } => "Câu hỏi viết",
            Origin::Mention => "Tố cáo – nêu chung",
        }
    }

    pub fn outcome_error(&self, e: &OutcomeError) -> String {
        match e {
            OutcomeError::NoSummary => "Hãy ghi tóm tắt câu trả lời.".into(),
            OutcomeError::NoAnswerer => "Hãy ghi ai đã trả lời.".into(),
            OutcomeError::NoDepartment => "Hãy chọn bộ phận trả lời.".into(),
            OutcomeError::NoAgency => "Hãy ghi cơ quan có thẩm quyền.".into(),
            OutcomeError::NoReason => "Hãy ghi lý do không trả lời tại hội nghị.".into(),
            OutcomeError::NoChannel => "Hãy ghi nơi hướng dẫn công dân gửi đến.".into(),
            OutcomeError::BadDate => {
                "Ngày chưa đúng. Hãy ghi ngày/tháng/năm, ví dụ 05/10/2026.".into()
            }
            OutcomeError::BeforeSession => "Hạn không thể trước ngày đối thoại.".into(),
            OutcomeError::PastPeriod(latest) => format!(
                "Quá thời hạn trả lời: chậm nhất là ngày {}.",
                format_date(*latest)
            ),
            OutcomeError::TooLong => "Nội dung quá dài.".into(),
        }
    }

    pub fn session_error(&self, e: &SessionError) -> String {
        match e {
            SessionError::NoSessionDate => {
                "Chưa có ngày đối thoại. Hãy ghi ngày ở trang Thiết lập.".into()
            }
            SessionError::NotRunning => "Phiên đối thoại chưa bắt đầu.".into(),
            SessionError::AlreadyFinished => "Phiên đối thoại đã kết thúc.".into(),
            SessionError::UnknownItem => "Không tìm thấy câu hỏi này.".into(),
            SessionError::Unanswered(n) => format!(
                "Còn {n} câu hỏi chưa có kết quả. Hãy ghi kết quả (hoặc “Trả lời sau”) cho từng câu trước khi kết thúc."
            ),
            SessionError::NoText => "Hãy ghi nội dung câu hỏi.".into(),
            SessionError::TooLong => "Nội dung quá dài.".into(),
        }
    }

    pub fn preparation_error(&self, e: &PreparationError) -> String {
        match e {
            PreparationError::BadDate => {
                "Ngày thông báo chưa đúng. Hãy ghi ngày/tháng/năm.".into()
            }
            PreparationError::BadPeriod => "Thời hạn trả lời phải từ 1 đến 365 ngày.".into(),
            PreparationError::BadHoliday(l) => {
                format!("“{l}” không phải là ngày (ngày/tháng/năm).")
            }
            PreparationError::UnknownVillage(v) => format!(
                "“{v}” không có trong danh sách thôn của xã. Dòng công dân được mời bắt đầu bằng tên thôn."
            ),
            PreparationError::TooLong => "Danh sách hoặc nội dung quá dài.".into(),
        }
    }

    pub fn warning(&self, w: &Warning) -> String {
        match w {
            Warning::NoSessionDate => "Chưa có ngày đối thoại (trang Thiết lập).".into(),
            Warning::NoAnnounceDate => "Chưa ghi ngày thông báo trên đài.".into(),
            Warning::TooLate { days, latest } => format!(
                "Thông báo chỉ trước {days} ngày: luật yêu cầu thông báo chậm nhất 7 ngày trước buổi đối thoại, tức là chậm nhất ngày {}.",
                format_date(*latest)
            ),
            Warning::NoMeetingWindow => {
                "Chưa ghi thời gian họp thôn (trang Thiết lập) nên chưa kiểm tra được ngày họp của các thôn.".into()
            }
            Warning::MeetingOutsideWindow { village, date } => format!(
                "{village} họp ngày {}, ngoài thời gian họp thôn của kế hoạch.",
                format_date(*date)
            ),
            Warning::HolidaysUnknown(year) => format!(
                "Ứng dụng chưa có lịch nghỉ lễ, Tết của năm {year}: hạn trả lời chỉ tránh thứ bảy, chủ nhật. Hãy ghi các ngày nghỉ vào “Ngày nghỉ thêm”."
            ),
        }
    }
}
