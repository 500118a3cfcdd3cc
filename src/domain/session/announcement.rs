//! The announcement read on the commune radio and posted on notice boards, and the date
//! rules around it: the law asks for at least 7 days' notice, and the village meetings
//! must fall within the plan's window.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Preparation;
use crate::domain::office::setup::OfficeSetup;
use crate::domain::time::format_date;

/// Days of notice the law asks for before the session (Law on Organisation of Local
/// Government 2025; the plan says "chậm nhất 07 ngày").
pub const NOTICE_DAYS: i64 = 7;

/// "Thứ bảy"
pub fn weekday_name(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "Thứ hai",
        Weekday::Tue => "Thứ ba",
        Weekday::Wed => "Thứ tư",
        Weekday::Thu => "Thứ năm",
        Weekday::Fri => "Thứ sáu",
        Weekday::Sat => "Thứ bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// "7 giờ 30, Thứ bảy, ngày 05/09/2026", or what of it is known.
pub fn when(setup: &OfficeSetup, prep: &Preparation) -> String {
    let mut parts = Vec::new();
    if !prep.start_time.is_empty() {
        parts.push(prep.start_time.clone());
    }
    if let Some(d) = setup.dialogue.session_date {
        parts.push(format!("{}, ngày {}", weekday_name(d), format_date(d)));
    }
    parts.join(", ")
}

/// The announcement's text, one paragraph per line.
pub fn announcement(setup: &OfficeSetup, prep: &Preparation) -> String {
    let d = &setup.dialogue;
    let mut lines = Vec::new();
    let basis = if d.plan_number.is_empty() {
        format!("Ủy ban nhân dân xã {} thông báo:", setup.commune)
    } else {
        format!(
            "Thực hiện Kế hoạch số {} của Ủy ban nhân dân xã {}, Ủy ban nhân dân xã thông báo:",
            d.plan_number, setup.commune
        )
    };
    lines.push(basis);
    let title = d.document_title("buổi đối thoại giữa Chủ tịch UBND xã với nhân dân");
    lines.push(format!("Ủy ban nhân dân xã tổ chức {title}."));
    let when = when(setup, prep);
    if !when.is_empty() {
        lines.push(format!("- Thời gian: {when}."));
    }
    if !d.place.is_empty() {
        lines.push(format!("- Địa điểm: {}.", d.place));
    }
    if !d.chair.is_empty() {
        lines.push(format!(
            "- Chủ trì: Đồng chí {}, Chủ tịch UBND xã.",
            d.chair
        ));
    }
    let fields = setup.fields.join(", ");
    lines.push(format!(
        "- Nội dung: Chủ tịch UBND xã thông báo tình hình kinh tế - xã hội, quốc phòng, an ninh của địa phương; nghe và trả lời ý kiến, kiến nghị của nhân dân về các lĩnh vực: {fields}."
    ));
    lines.push(
        "- Thành phần: mỗi thôn cử 5 công dân cùng người đứng đầu các chi đoàn, chi hội ở thôn; trưởng thôn, bí thư chi bộ các thôn."
            .to_string(),
    );
    lines.push(
        "Nhân dân có ý kiến, kiến nghị gửi qua trưởng thôn hoặc đến dự và phát biểu trực tiếp tại buổi đối thoại. Đề nghị các thôn thông báo rộng rãi để nhân dân được biết, tham gia."
            .to_string(),
    );
    lines.join("\n")
}

/// What the office should fix before the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    NoSessionDate,
    NoAnnounceDate,
    /// Announced fewer than [`NOTICE_DAYS`] days ahead: how many, and the last day the
    /// announcement could have gone out.
    TooLate {
        days: i64,
        latest: NaiveDate,
    },
    /// The village meetings' window is not set in the setup.
    NoMeetingWindow,
    /// A village met outside the plan's window.
    MeetingOutsideWindow {
        village: String,
        date: NaiveDate,
    },
    /// The holiday table does not know the session's year, so due dates skip weekends
    /// only.
    HolidaysUnknown(i32),
}

/// The date rules, checked. `meetings` are (village name, meeting date) as the villages'
/// bundles reported them.
pub fn checks(
    setup: &OfficeSetup,
    prep: &Preparation,
    holidays_cover: impl Fn(i32) -> bool,
    meetings: &[(String, NaiveDate)],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let d = &setup.dialogue;
    match (d.session_date, prep.announce_date) {
        (None, _) => out.push(Warning::NoSessionDate),
        (Some(_), None) => out.push(Warning::NoAnnounceDate),
        (Some(session), Some(announced)) => {
            let days = (session - announced).num_days();
            if days < NOTICE_DAYS {
                out.push(Warning::TooLate {
                    days,
                    latest: session - chrono::Duration::days(NOTICE_DAYS),
                });
            }
        }
    }
    if let Some(session) = d.session_date {
        if !holidays_cover(session.year()) {
            out.push(Warning::HolidaysUnknown(session.year()));
        }
    }
    match (d.meeting_from, d.meeting_to) {
        (Some(from), Some(to)) => {
            for (village, date) in meetings {
                if *date < from || *date > to {
                    out.push(Warning::MeetingOutsideWindow {
                        village: village.clone(),
                        date: *date,
                    });
                }
            }
        }
        _ if !meetings.is_empty() => out.push(Warning::NoMeetingWindow),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn setup() -> OfficeSetup {
        let mut s = OfficeSetup {
            commune: "Cẩm Quang".into(),
            fields: vec!["Đất đai".into(), "Môi trường".into()],
            ..OfficeSetup::default()
        };
        s.dialogue.plan_number = "163/KH-UBND".into();
        s.dialogue.session_date = Some(d(2026, 9, 5));
        s.dialogue.meeting_from = Some(d(2026, 8, 27));
        s.dialogue.meeting_to = Some(d(2026, 9, 2));
        s.dialogue.place = "Hội trường UBND xã".into();
        s.dialogue.chair = "Nguyễn Văn Bình".into();
        s
    }

    fn prep(announced: Option<NaiveDate>) -> Preparation {
        Preparation {
            start_time: "7 giờ 30".into(),
            announce_date: announced,
            ..Preparation::default()
        }
    }

    #[test]
    fn the_announcement_says_what_when_where_and_who_chairs() {
        let text = announcement(&setup(), &prep(None));
        assert!(
            text.starts_with("Thực hiện Kế hoạch số 163/KH-UBND của Ủy ban nhân dân xã Cẩm Quang")
        );
        assert!(text.contains("- Thời gian: 7 giờ 30, Thứ bảy, ngày 05/09/2026."));
        assert!(text.contains("- Địa điểm: Hội trường UBND xã."));
        assert!(text.contains("- Chủ trì: Đồng chí Nguyễn Văn Bình, Chủ tịch UBND xã."));
        assert!(text.contains("về các lĩnh vực: Đất đai, Môi trường."));
    }

    #[test]
    fn seven_days_of_notice_are_asked_and_the_last_day_to_announce_is_named() {
        let cover = |_| true;
        // Exactly 7 days before: fine.
        assert!(checks(&setup(), &prep(Some(d(2026, 8, 29))), cover, &[]).is_empty());
        assert_eq!(
            checks(&setup(), &prep(Some(d(2026, 9, 1))), cover, &[]),
            [Warning::TooLate {
                days: 4,
                latest: d(2026, 8, 29)
            }]
        );
        assert_eq!(
            checks(&setup(), &prep(None), cover, &[]),
            [Warning::NoAnnounceDate]
        );
        let mut no_date = setup();
        no_date.dialogue.session_date = None;
        assert_eq!(
            checks(&no_date, &prep(None), cover, &[]),
            [Warning::NoSessionDate]
        );
    }

    #[test]
    fn a_village_meeting_outside_the_plans_window_is_named() {
        let meetings = vec![
            ("Thôn 1".to_string(), d(2026, 8, 27)),
            ("Thôn 2".to_string(), d(2026, 9, 3)),
        ];
        let found = checks(&setup(), &prep(Some(d(2026, 8, 25))), |_| true, &meetings);
        assert_eq!(
            found,
            [Warning::MeetingOutsideWindow {
                village: "Thôn 2".into(),
                date: d(2026, 9, 3)
            }]
        );
        let mut open = setup();
        open.dialogue.meeting_to = None;
        assert_eq!(
            checks(&open, &prep(Some(d(2026, 8, 25))), |_| true, &meetings),
            [Warning::NoMeetingWindow]
        );
        assert_eq!(
            checks(&setup(), &prep(Some(d(2026, 8, 25))), |_| false, &[]),
            [Warning::HolidaysUnknown(2026)]
        );
    }
}
