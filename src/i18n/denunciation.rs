//! The office's words for denunciations' own track and for complaints, which follow their
//! own laws rather than the session. Vietnamese, as the rest of the office's table.

use crate::domain::office::denunciation::{Stage, TrackError};

pub struct DenunciationTexts {
    pub title: &'static str,
    pub law: &'static str,
    pub forward_due: fn(&str) -> String,
    pub forwarded_to: &'static str,
    pub forwarded_on: &'static str,
    pub informed_on: &'static str,
    pub informed_how: &'static str,
    pub informed_how_hint: &'static str,
    pub result: &'static str,
    pub result_on: &'static str,
    pub mention: &'static str,
    pub mention_hint: &'static str,
    pub mention_warning: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub board_title: &'static str,
    pub board_intro: &'static str,
    pub col_village: &'static str,
    pub col_received: &'static str,
    pub col_forward_due: &'static str,
    pub col_forwarded: &'static str,
    pub col_informed: &'static str,
    pub col_result: &'static str,
    pub col_stage: &'static str,
    pub overdue: &'static str,
    pub open: &'static str,
    pub complaint_law: &'static str,
    pub discuss: &'static str,
    pub discussed: &'static str,
    pub not_discussed: &'static str,
    pub off_session: &'static str,
}

impl DenunciationTexts {
    pub fn stage(&self, s: Stage) -> &'static str {
        match s {
            Stage::Received => "Đã tiếp nhận, chưa chuyển",
            Stage::Forwarded => "Đã chuyển, chưa báo người tố cáo",
            Stage::Informed => "Đã chuyển và báo người tố cáo",
            Stage::Concluded => "Đã có kết quả giải quyết",
        }
    }

    pub fn error(&self, e: TrackError) -> &'static str {
        match e {
            TrackError::BadDate => "Ngày phải viết dạng ngày/tháng/năm, ví dụ 05/12/2026.",
            TrackError::DateOutOfRange => {
                "Ngày không hợp lý: không được trước ngày xã nhận đơn hoặc sau hôm nay."
            }
            TrackError::ForwardedToWhom => "Hãy ghi đơn đã chuyển cho ai (người có thẩm quyền giải quyết).",
            TrackError::InformedBeforeForwarded => {
                "Ngày báo người tố cáo phải từ ngày chuyển đơn trở đi; hãy ghi ngày chuyển đơn trước."
            }
            TrackError::ResultIncomplete => "Hãy ghi cả kết quả giải quyết và ngày có kết quả.",
            TrackError::TooLong => "Một mục quá dài (tối đa 300 ký tự; kết quả tối đa 5.000 ký tự).",
            TrackError::MentionCopiesText => {
                "Nội dung nêu tại phiên đối thoại đang chép lại lời trong đơn tố cáo. Hãy viết chung, không nêu sự việc, người hay nơi chốn trong đơn."
            }
        }
    }
}

pub static VI: DenunciationTexts = DenunciationTexts {
    title: "Đơn tố cáo – xử lý theo quy trình riêng",
    law: "Tố cáo được giải quyết theo Luật Tố cáo năm 2018, không đưa ra phiên đối thoại. Người tiếp nhận chuyển đơn cho người có thẩm quyền giải quyết và thông báo cho người tố cáo trong 05 ngày làm việc; giữ bí mật họ tên, địa chỉ, bút tích của người tố cáo và mọi thông tin có thể làm lộ danh tính.",
    forward_due: |d| format!("Hạn chuyển đơn và thông báo người tố cáo: {d}."),
    forwarded_to: "Đã chuyển cho (người có thẩm quyền giải quyết)",
    forwarded_on: "Ngày chuyển đơn",
    informed_on: "Ngày thông báo cho người tố cáo",
    informed_how: "Cách thông báo",
    informed_how_hint: "Ví dụ: bằng văn bản gửi trực tiếp người tố cáo.",
    result: "Kết quả giải quyết (người có thẩm quyền gửi về)",
    result_on: "Ngày có kết quả",
    mention: "Nêu chung tại phiên đối thoại (không bắt buộc)",
    mention_hint: "Để trống nếu không nêu. Chỉ viết chung, ví dụ: \"UBND xã đã nhận một đơn tố cáo và đã chuyển cơ quan có thẩm quyền giải quyết.\"",
    mention_warning: "Câu này sẽ hiện trên màn chiếu và trong biên bản. Không ghi nội dung đơn, tên người, thôn hay nơi chốn có thể làm lộ người tố cáo.",
    save: "Lưu theo dõi đơn tố cáo",
    saved: "Đã lưu theo dõi đơn tố cáo.",
    board_title: "Đơn tố cáo (theo quy trình riêng)",
    board_intro: "Không đưa ra phiên đối thoại, không có trong thông báo kết quả, tệp kết quả gửi thôn hay báo cáo (báo cáo chỉ ghi số lượng). Bảng này chỉ dùng trong văn phòng.",
    col_village: "Thôn",
    col_received: "Ngày nhận",
    col_forward_due: "Hạn chuyển",
    col_forwarded: "Đã chuyển",
    col_informed: "Đã báo người tố cáo",
    col_result: "Kết quả",
    col_stage: "Tình trạng",
    overdue: "Quá hạn chuyển",
    open: "Mở đơn",
    complaint_law: "Khiếu nại được giải quyết theo Luật Khiếu nại năm 2011. Văn phòng chọn có đưa ra phiên đối thoại hay không; nếu không, hướng dẫn công dân gửi đơn đến người có thẩm quyền.",
    discuss: "Đưa ra phiên đối thoại",
    discussed: "Khiếu nại này sẽ được đưa ra phiên đối thoại.",
    not_discussed: "Khiếu nại này không đưa ra phiên đối thoại.",
    off_session: "Không đưa ra phiên",
};
