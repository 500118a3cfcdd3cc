//! After the session: what the office records when a matter left open is finally
//! answered (the answer, when, and how the petitioner was told), and the follow-up board
//! of every question not closed at the session, with its due date and days left.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::time::{iso_date, iso_date_opt, rfc3339};

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
}

impl FinalAnswer {
    /// Closed: answered and the petitioner told.
    pub fn is_closed(&self) -> bool {
        self.told_on.is_some() && self.told_how.is_some()
    }
}
