//! After the session: what the office records when a matter left open is finally
//! answered (the answer, when, and how the petitioner was told), and the follow-up board
//! of every question not closed at the session, with its due date and days left.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::outcome::{Outcome, OutcomeKind};
use super::{Item, Session};
use crate::domain::deadline::{days_left, due_date, Holidays};
use crate::domain::office::setup::OfficeSetup;
use crate::domain::text::{char_len, clean, limit};
use crate::domain::time::{format_date, iso_date, iso_date_opt, parse_date, rfc3339};

/// How the petitioner was told the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToldHow {
    /// A written reply (thông báo trả lời) sent or handed over.
    Letter,
    Phone,
    /// Read out at the next village meeting.
    VillageMeeting,
    /// In person at the commune office.
    InPerson,
}

impl ToldHow {
    pub const ALL: [ToldHow; 4] = [
        ToldHow::Letter,
        ToldHow::Phone,
        ToldHow::VillageMeeting,
        ToldHow::InPerson,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ToldHow::Letter => "letter",
            ToldHow::Phone => "phone",
            ToldHow::VillageMeeting => "village_meeting",
            ToldHow::InPerson => "in_person",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The final answer to a question answered later or forwarded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalAnswer {
    /// The answer as given (for a forwarded matter: what the office told the petitioner).
    pub answer: String,
    #[serde(with = "iso_date")]
    pub answered_on: NaiveDate,
    /// For a forwarded matter: the higher agency's own answer, when it comes.
    #[serde(default)]
    pub agency_answer: String,
    /// When and how the petitioner was told; until then the matter is not closed.
    #[serde(default, with = "iso_date_opt")]
    pub told_on: Option<NaiveDate>,
    #[serde(default)]
    pub told_how: Option<ToldHow>,
    #[serde(with = "rfc3339")]
    pub recorded_at: DateTime<Utc>,
    /// The reply notice's (year, number) in the register, once printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<(i32, u32)>,
}

impl FinalAnswer {
    /// Closed: answered and the petitioner told.
    pub fn is_closed(&self) -> bool {
        self.told_on.is_some() && self.told_how.is_some()
    }
}

/// Where a matter left open at the session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoardState {
    /// Not answered yet, within its period.
    Open,
    /// Not answered and past its due date.
    Overdue,
    /// Answered, but the petitioner is not yet told.
    Answered,
    /// Answered and the petitioner told.
    Closed,
}

impl BoardState {
    pub const ALL: [BoardState; 4] = [
        BoardState::Open,
        BoardState::Overdue,
        BoardState::Answered,
        BoardState::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BoardState::Open => "open",
            BoardState::Overdue => "overdue",
            BoardState::Answered => "answered",
            BoardState::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One line of the follow-up board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardRow {
    pub item: String,
    /// 1-based place of the question in the session's queue.
    pub position: usize,
    pub text: String,
    pub field: String,
    pub villages: Vec<String>,
    /// `Later` or `Forwarded`.
    pub kind: OutcomeKind,
    /// The department that answers, or the agency the matter went to.
    pub owner: String,
    pub official: String,
    pub due: NaiveDate,
    /// Negative when overdue; 0 on the due day.
    pub days_left: i64,
    pub state: BoardState,
    /// A matter carried in from an earlier dialogue: where it was first raised.
    pub carried: Option<crate::domain::office::dialogue::Carried>,
}

/// Every question not closed at the session (answered later or forwarded), overdue first,
/// then by due date.
pub fn board(session: &Session, items: &[Item], today: NaiveDate) -> Vec<BoardRow> {
    let mut rows: Vec<BoardRow> = session
        .in_order(items)
        .into_iter()
        .enumerate()
        .filter_map(|(n, i)| {
            let (kind, owner, official, due) = match i.standing()? {
                Outcome::Later {
                    department,
                    official,
                    due,
                } => (OutcomeKind::Later, department, official.clone(), *due),
                Outcome::Forwarded { agency, reply_by } => {
                    (OutcomeKind::Forwarded, agency, String::new(), *reply_by)
                }
                _ => return None,
            };
            let days_left = days_left(due, today);
            let state = match &i.answer {
                Some(a) if a.is_closed() => BoardState::Closed,
                Some(_) => BoardState::Answered,
                None if days_left < 0 => BoardState::Overdue,
                None => BoardState::Open,
            };
            Some(BoardRow {
                item: i.id.clone(),
                position: n + 1,
                text: i.text.clone(),
                field: i.field.clone(),
                villages: i.villages.clone(),
                kind,
                owner: owner.clone(),
                official,
                due,
                days_left,
                state,
                carried: i.carried.clone(),
            })
        })
        .collect();
    let rank = |s: BoardState| match s {
        BoardState::Overdue => 0,
        BoardState::Open => 1,
        BoardState::Answered => 2,
        BoardState::Closed => 3,
    };
    rows.sort_by_key(|r| (rank(r.state), r.due, r.position));
    rows
}

/// The board's filters; empty texts and `None` mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    pub owner: String,
    pub village: String,
    pub field: String,
    pub state: Option<BoardState>,
}

impl BoardFilter {
    pub fn keeps(&self, r: &BoardRow) -> bool {
        (self.owner.is_empty() || r.owner == self.owner)
            && (self.village.is_empty() || r.villages.contains(&self.village))
            && (self.field.is_empty() || r.field == self.field)
            && self.state.is_none_or(|s| s == r.state)
    }
}

/// The final-answer form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerDraft {
    pub answer: String,
    /// dd/mm/yyyy
    pub answered_on: String,
    pub agency_answer: String,
    /// dd/mm/yyyy, empty until the petitioner is told.
    pub told_on: String,
    /// A [`ToldHow`] code, empty until told.
    pub told_how: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    NoAnswer,
    BadDate,
    /// A date before the session.
    BeforeSession,
    /// Told before the answer was given.
    ToldBeforeAnswer,
    /// A date of telling without the way, or the way without the date.
    HowAndWhen,
    TooLong,
}

pub(crate) const MAX_ANSWER: usize = limit::LONG;

impl AnswerDraft {
    pub fn from_answer(a: &FinalAnswer) -> Self {
        Self {
            answer: a.answer.clone(),
            answered_on: format_date(a.answered_on),
            agency_answer: a.agency_answer.clone(),
            told_on: a.told_on.map(format_date).unwrap_or_default(),
            told_how: a.told_how.map(|h| h.code().to_string()).unwrap_or_default(),
        }
    }

    pub fn validate(
        &self,
        session_date: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<FinalAnswer, AnswerError> {
        let answer = clean(&self.answer);
        if answer.is_empty() {
            return Err(AnswerError::NoAnswer);
        }
        let agency_answer = clean(&self.agency_answer);
        if char_len(&answer) > MAX_ANSWER || char_len(&agency_answer) > MAX_ANSWER {
            return Err(AnswerError::TooLong);
        }
        let date = |t: &str| -> Result<Option<NaiveDate>, AnswerError> {
            if t.trim().is_empty() {
                return Ok(None);
            }
            let d = parse_date(t).ok_or(AnswerError::BadDate)?;
            if d < session_date {
                return Err(AnswerError::BeforeSession);
            }
            Ok(Some(d))
        };
        let answered_on = date(&self.answered_on)?.ok_or(AnswerError::BadDate)?;
        let told_on = date(&self.told_on)?;
        let told_how = ToldHow::from_code(self.told_how.trim());
        if told_on.is_some() != told_how.is_some() {
            return Err(AnswerError::HowAndWhen);
        }
        if told_on.is_some_and(|t| t < answered_on) {
            return Err(AnswerError::ToldBeforeAnswer);
        }
        Ok(FinalAnswer {
            answer,
            answered_on,
            agency_answer,
            told_on,
            told_how,
            recorded_at: now,
            notice: None,
        })
    }
}

/// Days the law gives to make the session's results public and send them to the village
/// heads (Law on Organisation of Local Government 2025).
pub const RESULTS_DAYS: u32 = 10;

/// The last day to post the results and send them to the villages, counted like every
/// period (the session day not counted; a last day off moves to the next working day).
pub fn results_deadline(session_date: NaiveDate, holidays: &Holidays) -> NaiveDate {
    due_date(session_date, RESULTS_DAYS, holidays)
}

/// When the results were made public, and the number of their notice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    /// Posted at the commune office (niêm yết).
    #[serde(default, with = "iso_date_opt")]
    pub posted_on: Option<NaiveDate>,
    /// Sent to the village heads.
    #[serde(default, with = "iso_date_opt")]
    pub sent_on: Option<NaiveDate>,
    /// The public results notice's number in the year's register.
    #[serde(default)]
    pub notice_number: Option<u32>,
    #[serde(default)]
    pub notice_year: Option<i32>,
}

/// Where the duty to make the results public stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicationState {
    /// Not yet both posted and sent: the days left until the deadline (negative once it
    /// has passed).
    Pending { left: i64 },
    /// Posted and sent, the later of the two on `done`: within the period (`late_by` 0)
    /// or that many days after it.
    Done { done: NaiveDate, late_by: i64 },
}

impl Publication {
    /// Judged by the dates recorded, not by today: results posted and sent on time stay on
    /// time however long after the session the page is opened.
    pub fn state(&self, deadline: NaiveDate, today: NaiveDate) -> PublicationState {
        match (self.posted_on, self.sent_on) {
            (Some(posted), Some(sent)) => {
                let done = posted.max(sent);
                PublicationState::Done {
                    done,
                    late_by: (-days_left(deadline, done)).max(0),
                }
            }
            _ => PublicationState::Pending {
                left: days_left(deadline, today),
            },
        }
    }
}

/// The public results notice (thông báo kết quả): one paragraph per line, the questions
/// in the queue's order with what was decided, no one's name.
pub fn results_notice_body(setup: &OfficeSetup, session: &Session, items: &[Item]) -> String {
    let mut l = Vec::new();
    let day = setup
        .dialogue
        .session_date
        .map(format_date)
        .unwrap_or_default();
    l.push(format!(
        "Ngày {day}, tại {}, Chủ tịch UBND xã {} đã tổ chức {}. Ủy ban nhân dân xã thông báo kết quả như sau:",
        setup.dialogue.place,
        setup.commune,
        setup
            .dialogue
            .with_theme("đối thoại với nhân dân".to_string())
    ));
    let ordered = session.in_order(items);
    let t = crate::domain::session::minutes::Tally::of(ordered.iter().copied());
    l.push(format!(
        "Tổng số {} ý kiến, kiến nghị: {} đã trả lời tại buổi đối thoại; {} giao các bộ phận trả lời; {} chuyển cơ quan có thẩm quyền; {} không thuộc nội dung đối thoại; {} rút lại.",
        t.total(),
        t.answered,
        t.later,
        t.forwarded,
        t.declined,
        t.withdrawn
    ));
    for (n, i) in ordered.iter().enumerate() {
        let villages = if i.villages.is_empty() {
            String::new()
        } else {
            format!(" ({})", i.villages.join(", "))
        };
        let result = match (i.outcome(), &i.answer) {
            (_, Some(a)) => format!(
                "Đã trả lời ngày {}: {}",
                format_date(a.answered_on),
                a.answer
            ),
            (Some(Outcome::Answered { summary, .. }), None) => {
                format!("Đã trả lời tại buổi đối thoại: {summary}")
            }
            (
                Some(Outcome::Later {
                    department, due, ..
                }),
                None,
            ) => format!(
                "Giao {department} trả lời chậm nhất ngày {}.",
                format_date(*due)
            ),
            (Some(Outcome::Forwarded { agency, reply_by }), None) => format!(
                "Đã chuyển {agency} giải quyết; người kiến nghị được thông báo trước ngày {}.",
                format_date(*reply_by)
            ),
            (Some(Outcome::Declined { channel, .. }), None) => {
                format!("Không thuộc nội dung đối thoại; hướng dẫn: {channel}")
            }
            (Some(Outcome::Withdrawn), None) => "Người nêu đã rút lại.".to_string(),
            (None, None) => "Chưa có kết quả.".to_string(),
        };
        l.push(format!("{}. {}{villages}: {result}", n + 1, i.text));
    }
    l.push(
        "Thông báo này được niêm yết tại trụ sở UBND xã và gửi các thôn để thông báo đến nhân dân."
            .to_string(),
    );
    l.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_posted_and_sent_on_time_stay_on_time_whenever_the_page_is_opened() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 9, day).unwrap();
        let deadline = d(15);
        let mut p = Publication::default();
        assert_eq!(
            p.state(deadline, d(20)),
            PublicationState::Pending { left: -5 }
        );
        p.posted_on = Some(d(14));
        assert_eq!(
            p.state(deadline, d(12)),
            PublicationState::Pending { left: 3 }
        );
        p.sent_on = Some(d(15));
        let on_time = PublicationState::Done {
            done: d(15),
            late_by: 0,
        };
        assert_eq!(p.state(deadline, d(20)), on_time);
        assert_eq!(p.state(deadline, d(30)), on_time);
        p.sent_on = Some(d(18));
        assert_eq!(
            p.state(deadline, d(30)),
            PublicationState::Done {
                done: d(18),
                late_by: 3
            }
        );
    }
}
