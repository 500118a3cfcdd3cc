//! The programme of the session: the standard steps of the plan (Kế hoạch, section II.6),
//! with the Fatherland Front's statement, which the office edits as an ordered list. The
//! minutes record the opening report, the Front's statement and the conclusion each in its
//! place ([`super::MinutesParts`]).

/// The plan's steps, in its order.
pub fn default_steps() -> Vec<String> {
    [
        "Văn phòng UBND xã nêu lý do, giới thiệu đại biểu, chương trình, nội quy buổi đối thoại và cử thư ký ghi biên bản",
        "Chủ tịch UBND xã báo cáo các nội dung đối thoại: mục đích, yêu cầu, nội dung chủ yếu",
        "Nhân dân phát biểu ý kiến hoặc gửi câu hỏi cho chủ trì qua thư ký hội nghị",
        "Chủ tịch UBND xã giải thích, trả lời hoặc phân công cán bộ phụ trách lĩnh vực trả lời ý kiến, kiến nghị",
        "Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã phát biểu ý kiến",
        "Chủ trì kết luận, bế mạc buổi đối thoại",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_s_steps_run_from_the_opening_to_the_conclusions() {
        let steps = default_steps();
        assert_eq!(steps.len(), 6);
        assert!(steps[0].contains("cử thư ký"));
        assert!(steps[2].contains("Nhân dân"));
        assert!(steps[4].contains("Mặt trận Tổ quốc"));
        assert!(steps[5].contains("kết luận"));
    }
}
