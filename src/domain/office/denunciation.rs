//! A denunciation (tố cáo) follows the Law on Denunciation (2018), not the public
//! session: the person who receives one passes it, within five working days, to whoever
//! is competent to settle it and tells the denouncer, keeping the denouncer's identity
//! and anything that could reveal it confidential. So a denunciation never becomes a
//! question of the session ([`crate::domain::session::queue`]), nor reaches a results
//! file or a notice; the office follows it here, on its own track: received, forwarded
//! (to whom, when), the denouncer informed (when, how), the result. The report counts
//! the tracks and shows nothing of their content.
//!
//! The office may still choose to mention it at the session, in general terms it writes
//! itself ([`Track::mention`]); those terms may not copy the denunciation's words.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::register::{Entry, Register};
use crate::domain::deadline::Holidays;
use crate::domain::petition::{Kind, PetitionId};
use crate::domain::text::{char_len, clean, clean_line, fold, limit};
use crate::domain::time::{iso_date_opt, parse_date, vietnam_date};

/// Working days after receipt within which a denunciation is forwarded to the competent
/// person and the denouncer told (Law on Denunciation 2018, art. 24).
pub const FORWARD_WORKING_DAYS: u32 = 5;

/// Words in a row of the denunciation that the session's general terms may not repeat:
/// four words are a phrase that names a place, a post or a fee.
const COPIED_WORDS: usize = 4;

/// What the office recorded of a denunciation's handling. Empty while only received.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Track {
    /// The competent person or body it was forwarded to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub forwarded_to: String,
    #[serde(
        default,
        with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub forwarded_on: Option<NaiveDate>,
    #[serde(
        default,
        with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub informed_on: Option<NaiveDate>,
    /// How the denouncer was told (in writing, in person…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub informed_how: String,
    /// The result the competent person sent back.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    #[serde(
        default,
        with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_on: Option<NaiveDate>,
    /// General terms the office chose to say at the session; empty: not mentioned there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mention: String,
}

/// Where a denunciation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Received,
    Forwarded,
    /// Forwarded and the denouncer told.
    Informed,
    /// The competent person's result is recorded.
    Concluded,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Received,
        Stage::Forwarded,
        Stage::Informed,
        Stage::Concluded,
    ];
}

impl Track {
    pub fn stage(&self) -> Stage {
        if self.result_on.is_some() {
            Stage::Concluded
        } else if self.forwarded_on.is_some() && self.informed_on.is_some() {
            Stage::Informed
        } else if self.forwarded_on.is_some() {
            Stage::Forwarded
        } else {
            Stage::Received
        }
    }

    /// A stored track, its texts cleaned again and cut to their limits.
    pub(crate) fn cleaned(self) -> Self {
        let line = |s: &str| cut(&clean_line(s), limit::LINE);
        let text = |s: &str| cut(&clean(s), limit::TEXT);
        Self {
            forwarded_to: line(&self.forwarded_to),
            informed_how: line(&self.informed_how),
            result: text(&self.result),
            mention: line(&self.mention),
            ..self
        }
    }
}

fn cut(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// The last day to forward a denunciation received on `received` and to tell the
/// denouncer: [`FORWARD_WORKING_DAYS`] working days after it (the day itself not counted).
pub fn forward_due(received: NaiveDate, holidays: &Holidays) -> NaiveDate {
    let mut day = received;
    let mut left = FORWARD_WORKING_DAYS;
    while left > 0 {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
        if holidays.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The track's form, as typed (dates as dd/mm/yyyy).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackDraft {
    pub forwarded_to: String,
    pub forwarded_on: String,
    pub informed_on: String,
    pub informed_how: String,
    pub result: String,
    pub result_on: String,
    pub mention: String,
}

/// Why a track's form cannot be saved; each has its message in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrackError {
    /// A date that does not read as dd/mm/yyyy.
    BadDate,
    /// A date before the denunciation was received, or in the future.
    DateOutOfRange,
    /// A forwarding date without to whom.
    ForwardedToWhom,
    /// Told the denouncer before it was forwarded.
    InformedBeforeForwarded,
    /// A result's date without the result, or the other way round.
    ResultIncomplete,
    TooLong,
    /// The general terms for the session repeat the denunciation's own words.
    MentionCopiesText,
}

impl TrackDraft {
    pub fn from_track(t: &Track) -> Self {
        let date = |d: Option<NaiveDate>| d.map(crate::domain::time::format_date);
        Self {
            forwarded_to: t.forwarded_to.clone(),
            forwarded_on: date(t.forwarded_on).unwrap_or_default(),
            informed_on: date(t.informed_on).unwrap_or_default(),
            informed_how: t.informed_how.clone(),
            result: t.result.clone(),
            result_on: date(t.result_on).unwrap_or_default(),
            mention: t.mention.clone(),
        }
    }

    /// The track, checked against the denunciation it is for (`content`, received on
    /// `received`) and `today`.
    pub fn validate(
        &self,
        content: &str,
        received: NaiveDate,
        today: NaiveDate,
    ) -> Result<Track, TrackError> {
        let date = |s: &str| -> Result<Option<NaiveDate>, TrackError> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            let d = parse_date(s).ok_or(TrackError::BadDate)?;
            if d < received || d > today {
                return Err(TrackError::DateOutOfRange);
            }
            Ok(Some(d))
        };
        let track = Track {
            forwarded_to: clean_line(&self.forwarded_to),
            forwarded_on: date(&self.forwarded_on)?,
            informed_on: date(&self.informed_on)?,
            informed_how: clean_line(&self.informed_how),
            result: clean(&self.result),
            result_on: date(&self.result_on)?,
            mention: clean_line(&self.mention),
        };
        let lines = [&track.forwarded_to, &track.informed_how, &track.mention];
        if lines.iter().any(|l| char_len(l) > limit::LINE) || char_len(&track.result) > limit::TEXT
        {
            return Err(TrackError::TooLong);
        }
        if track.forwarded_on.is_some() && track.forwarded_to.is_empty() {
            return Err(TrackError::ForwardedToWhom);
        }
        match (track.forwarded_on, track.informed_on) {
            (None, Some(_)) => return Err(TrackError::InformedBeforeForwarded),
            (Some(f), Some(i)) if i < f => return Err(TrackError::InformedBeforeForwarded),
            _ => {}
        }
        if track.result.is_empty() != track.result_on.is_none() {
            return Err(TrackError::ResultIncomplete);
        }
        if copies(&track.mention, content) {
            return Err(TrackError::MentionCopiesText);
        }
        Ok(track)
    }
}

/// Whether `mention` repeats [`COPIED_WORDS`] words in a row of `content`, marks and case
/// aside.
fn copies(mention: &str, content: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let said = words(mention);
    let source = words(content);
    if said.len() < COPIED_WORDS {
        return false;
    }
    let phrases: std::collections::HashSet<&[String]> = source.windows(COPIED_WORDS).collect();
    said.windows(COPIED_WORDS).any(|w| phrases.contains(w))
}

/// Whether a question of the session answers only denunciations: one queued before the
/// office classified its petition so (or stored by a release that queued them). Such a
/// question is left out of every public output built from the session.
pub fn hides(register: &Register, item: &crate::domain::session::Item) -> bool {
    !item.petitions.is_empty()
        && item.petitions.iter().all(|p| {
            PetitionId::parse(p)
                .and_then(|id| register.get(&id))
                .is_some_and(|e| e.kind() == Kind::Denunciation)
        })
}

/// What the projector shows, with nothing of a question [`hides`]: its place in the
/// queue only.
pub fn projection(
    session: &crate::domain::session::Session,
    items: &[crate::domain::session::Item],
    register: &Register,
) -> crate::domain::session::Projection {
    let p = session.projection(items);
    let hidden = session
        .current
        .as_ref()
        .and_then(|c| items.iter().find(|i| &i.id == c))
        .is_some_and(|i| hides(register, i));
    if hidden {
        crate::domain::session::Projection {
            position: p.position,
            total: p.total,
            finished: p.finished,
            ..Default::default()
        }
    } else {
        p
    }
}

/// One denunciation on the office's track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackRow {
    pub id: PetitionId,
    /// The village's code.
    pub village: String,
    pub received: NaiveDate,
    pub track: Track,
    pub stage: Stage,
    /// The last day to forward it and tell the denouncer.
    pub forward_due: NaiveDate,
    /// Past that day and not yet forwarded or not yet told.
    pub overdue: bool,
}

/// The day the office received a petition: when its file was imported.
pub fn received(e: &Entry) -> NaiveDate {
    vietnam_date(e.imported_at)
}

/// Every live denunciation in the register (by the office's classification), oldest
/// first.
pub fn rows(register: &Register, holidays: &Holidays, today: NaiveDate) -> Vec<TrackRow> {
    let mut rows: Vec<TrackRow> = register
        .entries()
        .iter()
        .filter(|e| e.is_active() && e.kind() == Kind::Denunciation)
        .map(|e| {
            let track = e.office.track.clone().unwrap_or_default();
            let received = received(e);
            let due = forward_due(received, holidays);
            let stage = track.stage();
            TrackRow {
                id: e.id().clone(),
                village: e.village.clone(),
                received,
                overdue: today > due && matches!(stage, Stage::Received | Stage::Forwarded),
                forward_due: due,
                stage,
                track,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.received.cmp(&b.received).then(a.id.cmp(&b.id)));
    rows
}

/// How many denunciations stand at each stage, and how many are overdue: all the report
/// says of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub received: usize,
    pub forwarded: usize,
    pub informed: usize,
    pub concluded: usize,
    pub overdue: usize,
}

pub fn counts(rows: &[TrackRow]) -> Counts {
    let mut c = Counts {
        total: rows.len(),
        ..Counts::default()
    };
    for r in rows {
        match r.stage {
            Stage::Received => c.received += 1,
            Stage::Forwarded => c.forwarded += 1,
            Stage::Informed => c.informed += 1,
            Stage::Concluded => c.concluded += 1,
        }
        c.overdue += usize::from(r.overdue);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn forwarding_is_due_five_working_days_after_receipt() {
        let h = Holidays::vietnam();
        // Received on Thursday 03/12/2026: Fri, Mon, Tue, Wed, Thu.
        assert_eq!(forward_due(d(2026, 12, 3), &h), d(2026, 12, 10));
        // Received just before the New Year's holiday (01/01/2027 is a Friday).
        assert_eq!(forward_due(d(2026, 12, 30), &h), d(2027, 1, 7));
    }

    #[test]
    fn a_track_moves_through_its_stages() {
        let mut t = Track::default();
        assert_eq!(t.stage(), Stage::Received);
        t.forwarded_on = Some(d(2026, 12, 4));
        assert_eq!(t.stage(), Stage::Forwarded);
        t.informed_on = Some(d(2026, 12, 5));
        assert_eq!(t.stage(), Stage::Informed);
        t.result_on = Some(d(2026, 12, 30));
        assert_eq!(t.stage(), Stage::Concluded);
    }

    fn draft() -> TrackDraft {
        TrackDraft {
            forwarded_to: "Chủ tịch UBND huyện".into(),
            forwarded_on: "04/12/2026".into(),
            informed_on: "05/12/2026".into(),
            informed_how: "Bằng văn bản".into(),
            ..TrackDraft::default()
        }
    }

    const CONTENT: &str =
        "Tố cáo ông trưởng ban quản lý chợ thu phí của tiểu thương không đưa biên lai.";

    #[test]
    fn the_form_checks_its_dates_and_who() {
        let (received, today) = (d(2026, 12, 3), d(2026, 12, 7));
        let ok = draft().validate(CONTENT, received, today).unwrap();
        assert_eq!(ok.stage(), Stage::Informed);
        assert_eq!(ok.forwarded_to, "Chủ tịch UBND huyện");
        let bad = |f: fn(&mut TrackDraft), e: TrackError| {
            let mut t = draft();
            f(&mut t);
            assert_eq!(t.validate(CONTENT, received, today), Err(e));
        };
        bad(|t| t.forwarded_on = "4/13/2026".into(), TrackError::BadDate);
        bad(
            |t| t.forwarded_on = "01/12/2026".into(),
            TrackError::DateOutOfRange,
        );
        bad(
            |t| t.informed_on = "09/12/2026".into(),
            TrackError::DateOutOfRange,
        );
        bad(|t| t.forwarded_to.clear(), TrackError::ForwardedToWhom);
        bad(
            |t| t.forwarded_on.clear(),
            TrackError::InformedBeforeForwarded,
        );
        bad(
            |t| t.result = "Đã kết luận".into(),
            TrackError::ResultIncomplete,
        );
        bad(|t| t.mention = "x".repeat(301), TrackError::TooLong);
    }

    #[test]
    fn the_session_may_hear_general_terms_but_never_the_denunciations_words() {
        let (received, today) = (d(2026, 12, 3), d(2026, 12, 7));
        let mut t = draft();
        t.mention = "UBND xã đã nhận một đơn tố cáo và chuyển cơ quan có thẩm quyền.".into();
        assert!(t.validate(CONTENT, received, today).is_ok());
        // Four words of the content, even without marks, are refused.
        t.mention = "Có đơn về ban quan ly cho thu phí".into();
        assert_eq!(
            t.validate(CONTENT, received, today),
            Err(TrackError::MentionCopiesText)
        );
    }

    #[test]
    fn a_stored_track_is_cleaned_and_cut_again() {
        let t = Track {
            forwarded_to: " \u{202e}Huyện ".into(),
            result: "x".repeat(limit::TEXT + 10),
            ..Track::default()
        }
        .cleaned();
        assert_eq!(t.forwarded_to, "Huyện");
        assert_eq!(char_len(&t.result), limit::TEXT);
    }
}
