//! The office's words for its dialogues: the list of dialogues, closing one and opening
//! the next, the matters carried over, a closed dialogue shown read-only. Vietnamese, as
//! the rest of the office's table.

use crate::domain::office::dialogue::{CloseError, DialogueKind};
use crate::domain::text::shown_safely;
use crate::domain::time::format_date;

pub struct DialogueTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub current: &'static str,
    pub closed_list: &'static str,
    pub none_closed: &'static str,
    pub col_title: &'static str,
    pub col_kind: &'static str,
    pub col_session: &'static str,
    pub col_petitions: &'static str,
    pub col_carried: &'static str,
    pub col_closed: &'static str,
    pub view: &'static str,
    pub kind_label: &'static str,
    pub theme: &'static str,
    pub theme_hint: &'static str,
    pub target_group: &'static str,
    pub target_group_hint: &'static str,
    pub participants: &'static str,
    pub participants_hint: &'static str,
    pub close_title: &'static str,
    pub close_not_yet: &'static str,
    pub close_intro: &'static str,
    pub none_open: &'static str,
    pub confirm_list: fn(usize) -> String,
    pub next_title: &'static str,
    pub next_intro: &'static str,
    pub close_button: &'static str,
    pub must_confirm: &'static str,
    pub closed_done: fn(&str, &str, usize) -> String,
    pub viewing: fn(&str, &str) -> String,
    pub back_to_current: &'static str,
    pub carried_from: fn(&str, Option<chrono::NaiveDate>, &str) -> String,
    pub carried_due: fn(chrono::NaiveDate) -> String,
    pub history_title: &'static str,
    pub history_search: &'static str,
    pub history_hint: &'static str,
    /// "5 kiến nghị: Đối thoại năm 2027: 1; …"
    pub history_found: fn(usize, &[(String, usize)]) -> String,
}

impl DialogueTexts {
    pub fn kind(&self, k: DialogueKind) -> &'static str {
        match k {
            DialogueKind::Yearly => "Đối thoại định kỳ hằng năm",
            DialogueKind::MidYear => "Đối thoại giữa năm",
            DialogueKind::Thematic => "Đối thoại chuyên đề",
        }
    }

    pub fn close_error(&self, e: &CloseError) -> &'static str {
        match e {
            CloseError::NoDialogue => "Chưa có cuộc đối thoại nào: hãy lưu trang Thiết lập trước.",
            CloseError::SessionNotFinished => {
                "Cuộc đối thoại này chưa kết thúc được: phiên đối thoại chưa được tổ chức và kết thúc (trang Phiên đối thoại). Không có gì thay đổi."
            }
            CloseError::ListChanged => {
                "Danh sách vấn đề còn mở vừa thay đổi (có thể ở một cửa sổ khác). Hãy xem lại danh sách mới rồi xác nhận lần nữa. Không có gì thay đổi."
            }
        }
    }
}

pub const VI: DialogueTexts = DialogueTexts {
    nav: "Các cuộc đối thoại",
    title: "Các cuộc đối thoại",
    intro: "Mỗi năm xã tổ chức ít nhất một cuộc đối thoại, ngoài ra có thể có đối thoại giữa năm hoặc chuyên đề. Cuộc đối thoại đã kết thúc được giữ nguyên để xem, tìm, in và xuất; các vấn đề còn mở được chuyển sang cuộc đối thoại sau.",
    current: "Cuộc đối thoại hiện tại",
    closed_list: "Các cuộc đối thoại đã kết thúc",
    none_closed: "Chưa có cuộc đối thoại nào kết thúc.",
    col_title: "Tên",
    col_kind: "Loại",
    col_session: "Ngày đối thoại",
    col_petitions: "Kiến nghị",
    col_carried: "Chuyển kỳ sau",
    col_closed: "Kết thúc ngày",
    view: "Xem",
    kind_label: "Loại đối thoại",
    theme: "Chủ đề (đối thoại chuyên đề)",
    theme_hint: "Ví dụ: Giải phóng mặt bằng tuyến đường ĐT 549",
    target_group: "Đối tượng (nếu không phải toàn dân)",
    target_group_hint: "Ví dụ: Đoàn viên thanh niên; Hội viên phụ nữ",
    participants: "Các thôn tham gia",
    participants_hint: "Mỗi dòng một thôn. Để trống nếu toàn xã tham gia. Tệp thiết lập chỉ gửi cho các thôn này.",
    close_title: "Kết thúc cuộc đối thoại này và mở cuộc mới",
    close_not_yet: "Chỉ kết thúc được cuộc đối thoại sau khi phiên đối thoại đã được tổ chức và kết thúc (trang Phiên đối thoại).",
    close_intro: "Các vấn đề dưới đây còn mở (chưa trả lời, chưa có kết quả từ cấp trên, hoặc chưa báo cho người kiến nghị). Chúng sẽ được chuyển sang cuộc đối thoại mới, ghi rõ nơi và ngày nêu lần đầu, và vẫn tính theo hạn trả lời ban đầu.",
    none_open: "Không còn vấn đề nào mở: không có gì phải chuyển sang cuộc đối thoại mới.",
    confirm_list: |n| format!("Tôi đã xem danh sách {n} vấn đề sẽ chuyển sang cuộc đối thoại mới."),
    next_title: "Cuộc đối thoại mới",
    next_intro: "Xã, các thôn, lĩnh vực, bộ phận và khoá giải mã được giữ nguyên; hãy ghi tên, loại, số kế hoạch và các ngày của cuộc mới. Sau đó xuất tệp thiết lập mới cho các thôn.",
    close_button: "Kết thúc và mở cuộc đối thoại mới",
    must_confirm: "Hãy đánh dấu đã xem danh sách các vấn đề sẽ chuyển sang trước khi kết thúc.",
    closed_done: |old, new, n| {
        format!(
            "Đã kết thúc “{}” ({n} vấn đề chuyển sang). Đã mở “{}”: hãy xuất tệp thiết lập mới cho các thôn.",
            shown_safely(old),
            shown_safely(new)
        )
    },
    viewing: |title, closed| {
        format!(
            "Đang xem cuộc đối thoại đã kết thúc: “{}” (kết thúc ngày {closed}). Chỉ xem, không sửa được.",
            shown_safely(title)
        )
    },
    back_to_current: "Trở về cuộc đối thoại hiện tại",
    carried_from: |title, raised_on, villages| {
        let on = raised_on.map(|d| format!(" ngày {}", format_date(d))).unwrap_or_default();
        format!(
            "Chuyển từ “{}” (nêu{on}; {})",
            shown_safely(title),
            shown_safely(villages)
        )
    },
    carried_due: |d| format!("hạn ban đầu {}", format_date(d)),
    history_title: "Tìm trong mọi cuộc đối thoại",
    history_search: "Tìm trong mọi năm",
    history_hint: "Ví dụ: \"duong lien thon\" cho biết vấn đề đã được nêu ở những kỳ nào.",
    history_found: |n, per| {
        if n == 0 {
            return "Không tìm thấy kiến nghị nào.".to_string();
        }
        let parts: Vec<String> = per
            .iter()
            .map(|(title, k)| format!("{}: {k}", shown_safely(title)))
            .collect();
        format!("{n} kiến nghị — {}", parts.join("; "))
    },
};
