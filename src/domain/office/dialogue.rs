//! A commune holds a dialogue at least once a year (the Local Government law of 2025), and
//! mid-year or thematic ones besides: the office's unit of work is **one dialogue among
//! many**. The dialogue under way is the office's workspace; a finished one is closed,
//! kept read-only with everything it made, and every matter still open when it closes is
//! carried into the next one, linked to where it was first raised.
//!
//! What is decided here is plain data: which dialogue a file belongs to, which matters a
//! closing carries, what the next dialogue takes from the previous one. Storing it is
//! [`crate::storage::office`]'s work.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::setup::OfficeSetup;
use crate::domain::session::followup::{board, BoardRow, BoardState};
use crate::domain::session::outcome::Outcome;
use crate::domain::session::{Item, Phase, Session};
use crate::domain::time::{iso_date_opt, rfc3339};

pub use crate::domain::bundle::dialogue::{file_belongs, is_dialogue_id, FIRST_DIALOGUE};

/// The kinds of dialogue a commune holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DialogueKind {
    /// The yearly dialogue with all the commune's people (thường niên).
    #[default]
    Yearly,
    /// A mid-year dialogue (giữa năm).
    MidYear,
    /// On one theme, with a target group or some villages (chuyên đề).
    Thematic,
}

impl DialogueKind {
    pub const ALL: [DialogueKind; 3] = [
        DialogueKind::Yearly,
        DialogueKind::MidYear,
        DialogueKind::Thematic,
    ];

    /// The code files and stores write.
    pub fn code(self) -> &'static str {
        match self {
            DialogueKind::Yearly => "thuong_nien",
            DialogueKind::MidYear => "giua_nam",
            DialogueKind::Thematic => "chuyen_de",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A closed dialogue as the office's list of dialogues shows it; its data is stored apart
/// and read when a person opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClosedDialogue {
    pub id: String,
    pub kind: DialogueKind,
    pub title: String,
    pub theme: String,
    pub plan_number: String,
    pub session_date: Option<NaiveDate>,
    pub closed_at: DateTime<Utc>,
    /// Petitions the villages sent to it (live ones).
    pub petitions: usize,
    /// Matters it carried into the next dialogue.
    pub carried: usize,
}

/// Where a carried-over matter was first raised, and what was decided there. It stays
/// with the matter through every dialogue it is carried into, so "first raised" is
/// always the origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carried {
    /// The dialogue where it was first raised.
    pub dialogue: String,
    pub title: String,
    /// That dialogue's session day.
    #[serde(default, with = "iso_date_opt")]
    pub raised_on: Option<NaiveDate>,
    /// The outcome it stood at when carried (answer later, forwarded): its due date is
    /// still the one the matter is counted against.
    pub earlier: Outcome,
    /// When it was carried (into the latest dialogue).
    #[serde(with = "rfc3339")]
    pub carried_at: DateTime<Utc>,
}

impl Carried {
    /// The due date the matter is counted against.
    pub fn due(&self) -> Option<NaiveDate> {
        match &self.earlier {
            Outcome::Later { due, .. } => Some(*due),
            Outcome::Forwarded { reply_by, .. } => Some(*reply_by),
            _ => None,
        }
    }
}

/// Why a dialogue cannot be closed; each maps to a message in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CloseError {
    /// The office has no setup yet: there is no dialogue to close.
    NoDialogue,
    /// The session has not been held and finished: closing now would leave its questions
    /// without outcomes.
    SessionNotFinished,
    /// The list of matters to carry changed since the person confirmed it.
    ListChanged,
}

/// What closing a dialogue makes: its line in the list of dialogues and the matters it
/// carries into the next one, as the next one's questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closing {
    pub closed: ClosedDialogue,
    pub carried: Vec<Item>,
}

/// Every matter still open: answered later or forwarded and not yet closed (the
/// petitioner not yet told the final answer), overdue or not, and matters carried in
/// earlier and still open. The follow-up board's rows, in its order, overdue first.
pub fn open_rows(session: &Session, items: &[Item], today: NaiveDate) -> Vec<BoardRow> {
    board(session, items, today)
        .into_iter()
        .filter(|r| r.state != BoardState::Closed)
        .collect()
}

/// [`open_rows`]' item ids: the list a person confirms before closing.
pub fn open_matters(session: &Session, items: &[Item], today: NaiveDate) -> Vec<String> {
    open_rows(session, items, today)
        .into_iter()
        .map(|r| r.item)
        .collect()
}

/// Closes the dialogue under way. `confirmed` is the list of open matters the person
/// was shown and confirmed: closing refuses if it no longer is the list (another tab
/// recorded an answer meanwhile), so nothing is carried, or dropped, silently.
pub fn close(
    setup: Option<&OfficeSetup>,
    session: &Session,
    items: &[Item],
    petitions: usize,
    confirmed: &[String],
    now: DateTime<Utc>,
) -> Result<Closing, CloseError> {
    let setup = setup.ok_or(CloseError::NoDialogue)?;
    if session.phase != Phase::Finished {
        return Err(CloseError::SessionNotFinished);
    }
    let today = crate::domain::time::vietnam_date(now);
    let open = open_matters(session, items, today);
    if open != confirmed {
        return Err(CloseError::ListChanged);
    }
    let d = &setup.dialogue;
    let carried = open
        .iter()
        .filter_map(|id| items.iter().find(|i| &i.id == id))
        .map(|i| carry(i, setup, now))
        .collect::<Vec<_>>();
    Ok(Closing {
        closed: ClosedDialogue {
            id: d.id.clone(),
            kind: d.kind,
            title: d.title.clone(),
            theme: d.theme.clone(),
            plan_number: d.plan_number.clone(),
            session_date: d.session_date,
            closed_at: now,
            petitions,
            carried: carried.len(),
        },
        carried,
    })
}

/// The question a carried matter becomes in the next dialogue: the same id and text,
/// no outcome yet (it is answered in the new session or on the follow-up board), the
/// outcome it stood at kept in `carried` with its origin. An answer already recorded but
/// not yet told goes with it.
fn carry(item: &Item, setup: &OfficeSetup, now: DateTime<Utc>) -> Item {
    let d = &setup.dialogue;
    let earlier = item
        .outcome()
        .cloned()
        .or_else(|| item.carried.as_ref().map(|c| c.earlier.clone()))
        .unwrap_or(Outcome::Withdrawn);
    let carried = match &item.carried {
        // Carried again: its origin stays the dialogue that first heard it.
        Some(c) => Carried {
            earlier,
            carried_at: now,
            ..c.clone()
        },
        None => Carried {
            dialogue: d.id.clone(),
            title: d.title.clone(),
            raised_on: d.session_date,
            earlier,
            carried_at: now,
        },
    };
    Item {
        history: Vec::new(),
        added_at: now,
        carried: Some(carried),
        ..item.clone()
    }
}

/// The session a new dialogue starts with: its carried matters first on the queue, and
/// the previous session's answer period and extra days off (the commune's rules, not its
/// people: delegates and invitees are the new session's own).
pub fn next_session(previous: &Session, carried: &[Item]) -> Session {
    let mut session = Session::default();
    session.prep.answer_days = previous.prep.answer_days;
    session.prep.extra_holidays = previous.prep.extra_holidays.clone();
    session.order = carried.iter().map(|i| i.id.clone()).collect();
    session
}

#[cfg(test)]
mod tests;
