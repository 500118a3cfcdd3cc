//! What became of one question at the session (kết quả), as the secretary records it, and
//! the form it is typed in. An outcome is never overwritten: a correction is a new change
//! with its time, so the minutes and the follow-up can show what was decided and when.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::text::{char_len, clean, clean_line, limit};
use crate::domain::time::{iso_date, parse_date, rfc3339};

/// Limits on what is typed, so a pasted novel cannot fill the store.
const MAX_TEXT: usize = limit::TEXT;
const MAX_LINE: usize = limit::LINE;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// Answered on the spot (trả lời tại chỗ).
    Answered { summary: String, by: String },
    /// To be answered later by a department, within the answer period.
    Later {
        department: String,
        official: String,
        #[serde(with = "iso_date")]
        due: NaiveDate,
    },
    /// Beyond the commune's authority: sent to a higher agency. The petitioner must be
    /// told by `reply_by` who handles it, which is a follow-up task of its own.
    Forwarded {
        agency: String,
        #[serde(with = "iso_date")]
        reply_by: NaiveDate,
    },
    /// Off the session's topic (a meeting rule of the plan): the reason, and the proper
    /// channel the person was pointed to.
    Declined { reason: String, channel: String },
    /// The person withdrew the question.
    Withdrawn,
}

/// An outcome as the hall's projector shows it ([`Outcome::public`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublicOutcome {
    Answered {
        summary: String,
    },
    Later {
        department: String,
        #[serde(with = "iso_date")]
        due: NaiveDate,
    },
    Forwarded {
        agency: String,
        #[serde(with = "iso_date")]
        reply_by: NaiveDate,
    },
    Declined {
        channel: String,
    },
    Withdrawn,
}

/// The kinds of outcome, for the form's choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OutcomeKind {
    #[default]
    Answered,
    Later,
    Forwarded,
    Declined,
    Withdrawn,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 5] = [
        OutcomeKind::Answered,
        OutcomeKind::Later,
        OutcomeKind::Forwarded,
        OutcomeKind::Declined,
        OutcomeKind::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeKind::Answered => "answered",
            OutcomeKind::Later => "later",
            OutcomeKind::Forwarded => "forwarded",
            OutcomeKind::Declined => "declined",
            OutcomeKind::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Outcome {
    pub fn kind(&self) -> OutcomeKind {
        match self {
            Outcome::Answered { .. } => OutcomeKind::Answered,
            Outcome::Later { .. } => OutcomeKind::Later,
            Outcome::Forwarded { .. } => OutcomeKind::Forwarded,
            Outcome::Declined { .. } => OutcomeKind::Declined,
            Outcome::Withdrawn => OutcomeKind::Withdrawn,
        }
    }

    /// What the hall may see on the projector once recorded: every outcome, without the
    /// names of the officials (the department answers, not a person) and without the
    /// reason a question was declined (the proper channel is what the asker needs).
    pub fn public(&self) -> PublicOutcome {
        match self {
            Outcome::Answered { summary, .. } => PublicOutcome::Answered {
                summary: summary.clone(),
            },
            Outcome::Later {
                department, due, ..
            } => PublicOutcome::Later {
                department: department.clone(),
                due: *due,
            },
            Outcome::Forwarded { agency, reply_by } => PublicOutcome::Forwarded {
                agency: agency.clone(),
                reply_by: *reply_by,
            },
            Outcome::Declined { channel, .. } => PublicOutcome::Declined {
                channel: channel.clone(),
            },
            Outcome::Withdrawn => PublicOutcome::Withdrawn,
        }
    }

    /// Text as stored, cleaned again after loading (a stored entry may have been edited).
    /// Whether an outcome read back from storage keeps the rules its form checks (every
    /// required text there, none too long), once [`Self::cleaned`]. One that does not
    /// would go out in the results file, which the tablets then refuse whole.
    pub(crate) fn keeps_the_rules(&self) -> bool {
        let ok = |t: &str, limit: usize, needed: bool| {
            (!needed || !t.is_empty()) && char_len(t) <= limit
        };
        match self {
            Outcome::Answered { summary, by } => {
                ok(summary, MAX_TEXT, true) && ok(by, MAX_LINE, true)
            }
            Outcome::Later {
                department,
                official,
                ..
            } => ok(department, MAX_LINE, true) && ok(official, MAX_LINE, false),
            Outcome::Forwarded { agency, .. } => ok(agency, MAX_LINE, true),
            Outcome::Declined { reason, channel } => {
                ok(reason, MAX_TEXT, true) && ok(channel, MAX_TEXT, true)
            }
            Outcome::Withdrawn => true,
        }
    }

    pub(crate) fn cleaned(self) -> Self {
        match self {
            Outcome::Answered { summary, by } => Outcome::Answered {
                summary: clean(&summary),
                by: clean_line(&by),
            },
            Outcome::Later {
                department,
                official,
                due,
            } => Outcome::Later {
                department: clean_line(&department),
                official: clean_line(&official),
                due,
            },
            Outcome::Forwarded { agency, reply_by } => Outcome::Forwarded {
                agency: clean_line(&agency),
                reply_by,
            },
            Outcome::Declined { reason, channel } => Outcome::Declined {
                reason: clean(&reason),
                channel: clean(&channel),
            },
            Outcome::Withdrawn => Outcome::Withdrawn,
        }
    }
}

/// One recorded outcome, with when it was recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    #[serde(with = "rfc3339")]
    pub at: DateTime<Utc>,
    pub outcome: Outcome,
}

/// The outcome form as typed. Only the members of the chosen kind are read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcomeDraft {
    pub kind: OutcomeKind,
    pub summary: String,
    pub by: String,
    pub department: String,
    pub official: String,
    /// dd/mm/yyyy
    pub due: String,
    pub agency: String,
    /// dd/mm/yyyy
    pub reply_by: String,
    pub reason: String,
    pub channel: String,
}

/// Why the form cannot be recorded; each maps to a message in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutcomeError {
    NoSummary,
    NoAnswerer,
    NoDepartment,
    NoAgency,
    NoReason,
    NoChannel,
    /// Not a dd/mm/yyyy date.
    BadDate,
    /// A due date before the session itself.
    BeforeSession,
    /// Later than the answer period allows; the latest allowed date.
    PastPeriod(NaiveDate),
    TooLong,
}

/// The dates an outcome must respect: the session day, and the last day of the answer
/// period counted from it ([`crate::domain::deadline::due_date`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub session: NaiveDate,
    pub latest: NaiveDate,
}

fn required(text: &str, missing: OutcomeError, limit: usize) -> Result<String, OutcomeError> {
    let t = if limit == MAX_LINE {
        clean_line(text)
    } else {
        clean(text).trim().to_string()
    };
    if t.is_empty() {
        Err(missing)
    } else if char_len(&t) > limit {
        Err(OutcomeError::TooLong)
    } else {
        Ok(t)
    }
}

fn optional_line(text: &str) -> Result<String, OutcomeError> {
    let t = clean_line(text);
    if char_len(&t) > MAX_LINE {
        Err(OutcomeError::TooLong)
    } else {
        Ok(t)
    }
}

fn date_in(text: &str, period: Period, capped: bool) -> Result<NaiveDate, OutcomeError> {
    let d = parse_date(text).ok_or(OutcomeError::BadDate)?;
    if d < period.session {
        Err(OutcomeError::BeforeSession)
    } else if capped && d > period.latest {
        Err(OutcomeError::PastPeriod(period.latest))
    } else {
        Ok(d)
    }
}

impl OutcomeDraft {
    /// A blank form with the dates prefilled with the last day of the answer period.
    pub fn new(period: Period) -> Self {
        let latest = crate::domain::time::format_date(period.latest);
        Self {
            due: latest.clone(),
            reply_by: latest,
            ..Self::default()
        }
    }

    /// The form filled from a recorded outcome, to correct it.
    pub fn from_outcome(o: &Outcome, period: Period) -> Self {
        let mut d = Self::new(period);
        d.kind = o.kind();
        match o {
            Outcome::Answered { summary, by } => {
                d.summary = summary.clone();
                d.by = by.clone();
            }
            Outcome::Later {
                department,
                official,
                due,
            } => {
                d.department = department.clone();
                d.official = official.clone();
                d.due = crate::domain::time::format_date(*due);
            }
            Outcome::Forwarded { agency, reply_by } => {
                d.agency = agency.clone();
                d.reply_by = crate::domain::time::format_date(*reply_by);
            }
            Outcome::Declined { reason, channel } => {
                d.reason = reason.clone();
                d.channel = channel.clone();
            }
            Outcome::Withdrawn => {}
        }
        d
    }

    pub fn validate(&self, period: Period) -> Result<Outcome, OutcomeError> {
        Ok(match self.kind {
            OutcomeKind::Answered => Outcome::Answered {
                summary: required(&self.summary, OutcomeError::NoSummary, MAX_TEXT)?,
                by: required(&self.by, OutcomeError::NoAnswerer, MAX_LINE)?,
            },
            OutcomeKind::Later => Outcome::Later {
                department: required(&self.department, OutcomeError::NoDepartment, MAX_LINE)?,
                official: optional_line(&self.official)?,
                due: date_in(&self.due, period, true)?,
            },
            OutcomeKind::Forwarded => Outcome::Forwarded {
                agency: required(&self.agency, OutcomeError::NoAgency, MAX_LINE)?,
                // The higher agency sets its own time; the petitioner is still told by a
                // date the office names.
                reply_by: date_in(&self.reply_by, period, false)?,
            },
            OutcomeKind::Declined => Outcome::Declined {
                reason: required(&self.reason, OutcomeError::NoReason, MAX_TEXT)?,
                channel: required(&self.channel, OutcomeError::NoChannel, MAX_TEXT)?,
            },
            OutcomeKind::Withdrawn => Outcome::Withdrawn,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const PERIOD: Period = Period {
        session: match NaiveDate::from_ymd_opt(2026, 9, 5) {
            Some(x) => x,
            None => panic!(),
        },
        latest: match NaiveDate::from_ymd_opt(2026, 10, 5) {
            Some(x) => x,
            None => panic!(),
        },
    };

    #[test]
    fn a_blank_form_is_prefilled_with_the_last_day_of_the_period() {
        let f = OutcomeDraft::new(PERIOD);
        assert_eq!(f.due, "05/10/2026");
        assert_eq!(f.reply_by, "05/10/2026");
    }

    #[test]
    fn each_kind_asks_for_what_it_needs() {
        let mut f = OutcomeDraft::new(PERIOD);
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::NoSummary));
        f.summary = "Xã sẽ sửa đường trong quý IV".into();
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::NoAnswerer));
        f.by = " Chủ tịch  UBND xã ".into();
        assert_eq!(
            f.validate(PERIOD),
            Ok(Outcome::Answered {
                summary: "Xã sẽ sửa đường trong quý IV".into(),
                by: "Chủ tịch UBND xã".into()
            })
        );
        f.kind = OutcomeKind::Later;
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::NoDepartment));
        f.department = "Địa chính".into();
        assert!(
            matches!(f.validate(PERIOD), Ok(Outcome::Later { due, .. }) if due == d(2026, 10, 5))
        );
        f.kind = OutcomeKind::Forwarded;
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::NoAgency));
        f.kind = OutcomeKind::Declined;
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::NoReason));
        f.reason = "Ngoài nội dung đối thoại".into();
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::NoChannel));
        f.kind = OutcomeKind::Withdrawn;
        assert_eq!(f.validate(PERIOD), Ok(Outcome::Withdrawn));
    }

    #[test]
    fn a_due_date_stays_within_the_answer_period() {
        let mut f = OutcomeDraft::new(PERIOD);
        f.kind = OutcomeKind::Later;
        f.department = "Tư pháp".into();
        f.due = "06/10/2026".into();
        assert_eq!(
            f.validate(PERIOD),
            Err(OutcomeError::PastPeriod(d(2026, 10, 5)))
        );
        f.due = "04/09/2026".into();
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::BeforeSession));
        f.due = "31/09/2026".into();
        assert_eq!(f.validate(PERIOD), Err(OutcomeError::BadDate));
        f.due = "5/9/2026".into();
        assert!(f.validate(PERIOD).is_ok());
        // A forwarded item may name a later date: the higher agency sets its own time.
        f.kind = OutcomeKind::Forwarded;
        f.agency = "Sở Tài nguyên và Môi trường".into();
        f.reply_by = "30/11/2026".into();
        assert!(f.validate(PERIOD).is_ok());
    }

    #[test]
    fn a_recorded_outcome_fills_the_form_again_for_a_correction() {
        let o = Outcome::Forwarded {
            agency: "UBND tỉnh".into(),
            reply_by: d(2026, 10, 20),
        };
        let f = OutcomeDraft::from_outcome(&o, PERIOD);
        assert_eq!(f.kind, OutcomeKind::Forwarded);
        assert_eq!(f.reply_by, "20/10/2026");
        assert_eq!(f.validate(PERIOD), Ok(o));
    }

    #[test]
    fn decomposed_text_is_stored_precomposed() {
        let mut f = OutcomeDraft::new(PERIOD);
        f.summary = "Đa\u{0300} tra\u{0309} lơ\u{0300}i".into();
        f.by = "Chu\u{0309} ti\u{0323}ch".into();
        let Ok(Outcome::Answered { summary, by }) = f.validate(PERIOD) else {
            panic!("should validate");
        };
        assert_eq!(summary, "Đà trả lời");
        assert_eq!(by, "Chủ tịch");
    }
}
