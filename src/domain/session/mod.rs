//! The dialogue session (phiên đối thoại): its preparation — programme, delegates and
//! invited citizens with attendance at the door, the announcement — and the live record:
//! the queue of questions and the outcome of each, with every correction kept.
//!
//! A session moves Preparing → Running → Finished. Questions from the floor are added
//! only while it runs; it finishes only when every question has an outcome, and then its
//! minutes take a number from the year's register. The session is plain data: the office
//! stores it with [`crate::storage::office::OfficeRepository`], one entry for the session
//! and one per question, so recording an outcome writes one small entry.

pub mod announcement;
pub mod followup;
pub mod minutes;
pub mod outcome;
pub mod programme;
pub mod queue;
pub mod signin;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::deadline::{due_date, Holidays, DEFAULT_ANSWER_DAYS};
use crate::domain::text::{char_len, clean, clean_line, limit};
use crate::domain::time::{iso_date_opt, rfc3339, rfc3339_opt};
use outcome::{Change, Outcome, Period, PublicOutcome};

const MAX_LINE: usize = limit::LINE;
const MAX_TEXT: usize = limit::TEXT;
const MAX_PEOPLE: usize = 2_000;

/// Someone who attends: a delegate (leaders, departments) or an invited citizen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub name: String,
    /// Their post or role ("Chủ tịch UBND xã", "Chi hội trưởng Hội Nông dân").
    #[serde(default)]
    pub role: String,
    /// The village code, for invited citizens; empty for delegates.
    #[serde(default)]
    pub village: String,
    /// Ticked at the door.
    #[serde(default)]
    pub present: bool,
}

/// What the office prepares before the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preparation {
    /// When the session starts, as written ("7 giờ 30").
    #[serde(default)]
    pub start_time: String,
    /// The day the radio first announces the session.
    #[serde(default, with = "iso_date_opt")]
    pub announce_date: Option<NaiveDate>,
    /// The day the compiled list was agreed with the Fatherland Front (Ủy ban MTTQ xã).
    #[serde(
        default,
        with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub front_agreed: Option<NaiveDate>,
    pub programme: Vec<String>,
    #[serde(default)]
    pub delegates: Vec<Attendee>,
    #[serde(default)]
    pub invitees: Vec<Attendee>,
    /// The secretary named to keep the minutes (thư ký).
    #[serde(default)]
    pub secretary: String,
    /// The answer period in days (the plan says 30).
    #[serde(default = "default_days")]
    pub answer_days: u32,
    /// Days off the government announces beyond the fixed holidays.
    #[serde(default)]
    pub extra_holidays: Vec<String>,
    /// The printed notice's (year, number) in the register, once taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<(i32, u32)>,
    /// Everyone in the hall, counted at the session (the invited and those who came).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_count: Option<u32>,
}

fn default_days() -> u32 {
    DEFAULT_ANSWER_DAYS
}

impl Default for Preparation {
    fn default() -> Self {
        Self {
            start_time: String::new(),
            announce_date: None,
            front_agreed: None,
            programme: programme::default_steps(),
            delegates: Vec::new(),
            invitees: Vec::new(),
            secretary: String::new(),
            answer_days: DEFAULT_ANSWER_DAYS,
            extra_holidays: Vec::new(),
            notice: None,
            head_count: None,
        }
    }
}

/// Who raised a question, as the session may show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Asker {
    Named(String),
    /// "Nhiều công dân", or a group of petitions from several villages.
    Many,
    /// Without a name: from the floor, or a petition one person raised without giving it.
    Anonymous,
    /// The identity is protected (a denunciation, or marked so): the name never enters
    /// the session's data, so no screen or printout of it can show it.
    Confidential,
}

/// Where a question comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// A confirmed group of petitions from the villages.
    Group { group: String },
    /// A single petition not in a group.
    Petition,
    /// Asked from the floor, or handed to the secretary on paper (`written`).
    Floor { written: bool },
    /// A denunciation the office chose to mention in general terms (it is handled under
    /// its own procedure): no petition, no village.
    Mention,
}

/// One question on the secretary's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub origin: Origin,
    /// The petitions it answers (none for a question from the floor).
    #[serde(default)]
    pub petitions: Vec<String>,
    pub field: String,
    pub text: String,
    /// Village names, in the setup's order.
    pub villages: Vec<String>,
    pub asker: Asker,
    #[serde(default)]
    pub backers: u32,
    #[serde(with = "rfc3339")]
    pub added_at: DateTime<Utc>,
    /// Every outcome recorded, oldest first; the last one stands.
    #[serde(default)]
    pub history: Vec<Change>,
    /// The final answer, for a question answered later or forwarded (the follow-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<followup::FinalAnswer>,
    /// A matter left open by an earlier dialogue and carried into this one: where it was
    /// first raised and the outcome it stood at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<crate::domain::office::dialogue::Carried>,
}

impl Item {
    pub fn outcome(&self) -> Option<&Outcome> {
        self.history.last().map(|c| &c.outcome)
    }

    /// The outcome the matter stands at: this dialogue's last, or for a matter carried in
    /// and not yet heard again, the one it was carried with.
    pub fn standing(&self) -> Option<&Outcome> {
        self.outcome()
            .or_else(|| self.carried.as_ref().map(|c| &c.earlier))
    }

    /// Settled without this session: a carried matter whose final answer was recorded and
    /// told on the follow-up board before the session heard it.
    pub fn settled(&self) -> bool {
        self.carried.is_some() && self.answer.as_ref().is_some_and(|a| a.is_closed())
    }

    /// Text as stored, cleaned again after loading; `None` (the entry is set aside) when
    /// what is left breaks the rules the forms check: no text, a text too long, an outcome
    /// or a final answer without its required text. Such an item once loaded went out in
    /// the results file, and the tablets refused the whole file (found by the fuzz tests).
    pub(crate) fn cleaned(mut self) -> Option<Self> {
        self.text = clean(&self.text);
        self.field = clean_line(&self.field);
        self.villages = self.villages.iter().map(|v| clean_line(v)).collect();
        if let Asker::Named(n) = &self.asker {
            self.asker = Asker::Named(clean_line(n));
        }
        if let Some(a) = &mut self.answer {
            a.answer = clean(&a.answer);
            a.agency_answer = clean(&a.agency_answer);
        }
        self.history = std::mem::take(&mut self.history)
            .into_iter()
            .map(|c| Change {
                at: c.at,
                outcome: c.outcome.cleaned(),
            })
            .collect();
        let answer_ok = self.answer.as_ref().is_none_or(|a| {
            !a.answer.is_empty()
                && char_len(&a.answer) <= followup::MAX_ANSWER
                && char_len(&a.agency_answer) <= followup::MAX_ANSWER
        });
        (!self.id.is_empty()
            && !self.text.is_empty()
            && char_len(&self.text) <= MAX_TEXT * 2
            && answer_ok
            && self.history.iter().all(|c| c.outcome.keeps_the_rules()))
        .then_some(self)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Preparing,
    Running,
    Finished,
}

/// The minutes' own state: the secretary's edited text, if any, and its number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesState {
    /// The body as the secretary edited it; `None` means "assembled afresh".
    #[serde(default)]
    pub edited: Option<String>,
    /// What the speakers said, as the secretary summed it up, each in its place.
    #[serde(default)]
    pub parts: MinutesParts,
    /// The number from the year's register ("03"), given when the session finishes.
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub year: Option<i32>,
}

/// The parts of a session the minutes record besides the questions, in the programme's
/// order: the Chairman's opening report, the Fatherland Front's statement, the chair's
/// conclusion. Empty: not recorded (the minutes then leave the part out).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesParts {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opening: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub front: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conclusion: String,
}

impl MinutesParts {
    /// The parts as typed, cleaned and checked against the length of a long text.
    pub fn checked(opening: &str, front: &str, conclusion: &str) -> Result<Self, SessionError> {
        let parts = Self {
            opening: clean(opening),
            front: clean(front),
            conclusion: clean(conclusion),
        };
        if [&parts.opening, &parts.front, &parts.conclusion]
            .iter()
            .any(|t| char_len(t) > MAX_TEXT)
        {
            return Err(SessionError::TooLong);
        }
        Ok(parts)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    #[serde(default)]
    pub prep: Preparation,
    #[serde(default)]
    pub phase: Phase,
    #[serde(default, with = "rfc3339_opt")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(default, with = "rfc3339_opt")]
    pub finished_at: Option<DateTime<Utc>>,
    /// The queue's order, by item id. Items themselves are stored one per entry.
    #[serde(default)]
    pub order: Vec<String>,
    /// The question being discussed, shown on the projector.
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub minutes: MinutesState,
    /// Numbers the questions from the floor.
    #[serde(default)]
    pub floor_count: u32,
    /// When the results were posted and sent to the villages.
    #[serde(default)]
    pub publication: followup::Publication,
    /// The report to the level above: its recipient, narrative and number.
    #[serde(default)]
    pub report: crate::domain::report::ReportSettings,
}

/// Why a session action was refused; each maps to a message in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// The session date is not set in the setup.
    NoSessionDate,
    NotRunning,
    AlreadyFinished,
    UnknownItem,
    /// Questions without an outcome, so the session cannot finish.
    Unanswered(usize),
    NoText,
    TooLong,
}

/// A question from the floor as the secretary types it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FloorDraft {
    pub village: String,
    /// Empty for an anonymous question.
    pub name: String,
    pub field: String,
    pub text: String,
    pub written: bool,
}

impl Session {
    /// The holidays the answer period skips: the country's, and the office's extra days.
    pub fn holidays(&self) -> Holidays {
        let extra = self
            .prep
            .extra_holidays
            .iter()
            .filter_map(|d| crate::domain::time::parse_date(d));
        Holidays::vietnam().with_extra(extra)
    }

    /// The answer period counted from the session day.
    pub fn period(&self, session_date: NaiveDate) -> Period {
        Period {
            session: session_date,
            latest: due_date(session_date, self.prep.answer_days, &self.holidays()),
        }
    }

    pub fn start(&mut self, now: DateTime<Utc>) -> Result<(), SessionError> {
        match self.phase {
            Phase::Finished => Err(SessionError::AlreadyFinished),
            Phase::Running => Ok(()),
            Phase::Preparing => {
                self.phase = Phase::Running;
                self.started_at = Some(now);
                if self.current.is_none() {
                    self.current = self.order.first().cloned();
                }
                Ok(())
            }
        }
    }

    /// Finishes the session once every question has an outcome. Returns nothing else:
    /// the caller takes the minutes' number from the register.
    pub fn finish(&mut self, items: &[Item], now: DateTime<Utc>) -> Result<(), SessionError> {
        if self.phase != Phase::Running {
            return Err(match self.phase {
                Phase::Finished => SessionError::AlreadyFinished,
                _ => SessionError::NotRunning,
            });
        }
        let open = self
            .order
            .iter()
            .filter(|id| {
                items
                    .iter()
                    .find(|i| &i.id == *id)
                    .is_none_or(|i| i.outcome().is_none() && !i.settled())
            })
            .count();
        if open > 0 {
            return Err(SessionError::Unanswered(open));
        }
        self.phase = Phase::Finished;
        self.finished_at = Some(now);
        self.current = None;
        Ok(())
    }

    /// Records (or corrects) an item's outcome. A correction adds a change; the earlier
    /// ones stay. Allowed while running and after: the follow-up may correct a slip.
    pub fn record(
        &self,
        item: &mut Item,
        outcome: Outcome,
        now: DateTime<Utc>,
    ) -> Result<bool, SessionError> {
        if self.phase == Phase::Preparing {
            return Err(SessionError::NotRunning);
        }
        if item.outcome() == Some(&outcome) {
            return Ok(false);
        }
        item.history.push(Change { at: now, outcome });
        Ok(true)
    }

    /// Adds a question from the floor after the current one, and makes it current.
    pub fn add_floor(
        &mut self,
        draft: &FloorDraft,
        village_name: &str,
        now: DateTime<Utc>,
    ) -> Result<Item, SessionError> {
        if self.phase != Phase::Running {
            return Err(SessionError::NotRunning);
        }
        let text = clean(&draft.text);
        if text.is_empty() {
            return Err(SessionError::NoText);
        }
        let name = clean_line(&draft.name);
        if char_len(&text) > MAX_TEXT || char_len(&name) > MAX_LINE {
            return Err(SessionError::TooLong);
        }
        self.floor_count += 1;
        let item = Item {
            id: format!("f-{}", self.floor_count),
            origin: Origin::Floor {
                written: draft.written,
            },
            petitions: Vec::new(),
            field: clean_line(&draft.field),
            text,
            villages: if village_name.is_empty() {
                Vec::new()
            } else {
                vec![village_name.to_string()]
            },
            asker: if name.is_empty() {
                Asker::Anonymous
            } else {
                Asker::Named(name)
            },
            backers: 1,
            added_at: now,
            history: Vec::new(),
            answer: None,
            carried: None,
        };
        let at = self
            .current
            .as_ref()
            .and_then(|c| self.order.iter().position(|o| o == c))
            .map_or(self.order.len(), |p| p + 1);
        self.order.insert(at, item.id.clone());
        self.current = Some(item.id.clone());
        Ok(item)
    }

    /// Moves an item one place up (`-1`) or down (`1`) in the queue.
    pub fn shift(&mut self, id: &str, by: isize) -> Result<(), SessionError> {
        if self.phase == Phase::Finished {
            return Err(SessionError::AlreadyFinished);
        }
        let from = self
            .order
            .iter()
            .position(|o| o == id)
            .ok_or(SessionError::UnknownItem)?;
        let to = from as isize + by;
        if to >= 0 && (to as usize) < self.order.len() {
            self.order.swap(from, to as usize);
        }
        Ok(())
    }

    pub fn set_current(&mut self, id: &str) -> Result<(), SessionError> {
        if !self.order.iter().any(|o| o == id) {
            return Err(SessionError::UnknownItem);
        }
        self.current = Some(id.to_string());
        Ok(())
    }

    /// The item after the current one that has no outcome yet, if any.
    pub fn next_open(&self, items: &[Item]) -> Option<String> {
        let from = self
            .current
            .as_ref()
            .and_then(|c| self.order.iter().position(|o| o == c))
            .map_or(0, |p| p + 1);
        self.order
            .iter()
            .skip(from)
            .chain(self.order.iter().take(from))
            .find(|id| {
                items
                    .iter()
                    .any(|i| &i.id == *id && i.outcome().is_none() && !i.settled())
            })
            .cloned()
    }

    /// Puts back on the queue, at its end, every stored question the order does not name:
    /// when the session's own entry was damaged and set aside, its questions and their
    /// outcomes are not lost with it (nor asked twice when the queue is filled again).
    pub fn adopt(&mut self, items: &[Item]) {
        for i in items {
            if !self.order.contains(&i.id) {
                self.order.push(i.id.clone());
            }
        }
        if self.phase == Phase::Preparing && items.iter().any(|i| i.outcome().is_some()) {
            // Outcomes exist, so the session had started.
            self.phase = Phase::Running;
            self.started_at = items
                .iter()
                .flat_map(|i| i.history.first().map(|c| c.at))
                .min();
        }
    }

    /// The items in the queue's order; items the order does not name are left out.
    pub fn in_order<'a>(&self, items: &'a [Item]) -> Vec<&'a Item> {
        self.order
            .iter()
            .filter_map(|id| items.iter().find(|i| &i.id == id))
            .collect()
    }

    /// Stored session, cleaned again after loading.
    pub(crate) fn cleaned(mut self) -> Self {
        let p = &mut self.prep;
        p.start_time = clean_line(&p.start_time);
        p.secretary = clean_line(&p.secretary);
        p.programme = p
            .programme
            .iter()
            .map(|s| clean(s))
            .filter(|s| !s.is_empty())
            .collect();
        for a in p.delegates.iter_mut().chain(p.invitees.iter_mut()) {
            a.name = clean_line(&a.name);
            a.role = clean_line(&a.role);
        }
        p.delegates.truncate(MAX_PEOPLE);
        p.invitees.truncate(MAX_PEOPLE);
        if !(1..=365).contains(&p.answer_days) {
            p.answer_days = DEFAULT_ANSWER_DAYS;
        }
        self.report = std::mem::take(&mut self.report).cleaned();
        let m = &mut self.minutes.parts;
        let cut = |t: &str| clean(t).chars().take(MAX_TEXT).collect::<String>();
        m.opening = cut(&m.opening);
        m.front = cut(&m.front);
        m.conclusion = cut(&m.conclusion);
        self
    }
}

/// The preparation form as typed: one step, one delegate, one invited citizen per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreparationDraft {
    pub start_time: String,
    pub announce_date: String,
    pub front_agreed: String,
    pub secretary: String,
    pub answer_days: String,
    pub extra_holidays: String,
    /// One step per line.
    pub programme: String,
    /// "Nguyễn Văn Bình; Chủ tịch UBND xã" per line.
    pub delegates: String,
    /// "Thôn 1; Trần Văn An; Chi hội trưởng Hội Nông dân" per line.
    pub invitees: String,
}

fn split_line(line: &str) -> Vec<String> {
    line.split([';', '\t']).map(clean_line).collect()
}

fn join_people(people: &[Attendee], village_name: impl Fn(&str) -> String) -> String {
    people
        .iter()
        .map(|a| {
            let mut parts = Vec::new();
            if !a.village.is_empty() {
                parts.push(village_name(&a.village));
            }
            parts.push(a.name.clone());
            if !a.role.is_empty() {
                parts.push(a.role.clone());
            }
            parts.join("; ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why the preparation cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreparationError {
    BadDate,
    /// An answer period outside 1–365 days.
    BadPeriod,
    /// A holiday that is not dd/mm/yyyy.
    BadHoliday(String),
    /// A line of invited citizens whose village is not the commune's.
    UnknownVillage(String),
    TooLong,
}

impl PreparationDraft {
    /// The form filled from what is stored; villages are shown by name.
    pub fn from_preparation(p: &Preparation, villages: &[(String, String)]) -> Self {
        let name = |code: &str| {
            villages
                .iter()
                .find(|(c, _)| c == code)
                .map_or_else(|| code.to_string(), |(_, n)| n.clone())
        };
        Self {
            start_time: p.start_time.clone(),
            announce_date: p
                .announce_date
                .map(crate::domain::time::format_date)
                .unwrap_or_default(),
            front_agreed: p
                .front_agreed
                .map(crate::domain::time::format_date)
                .unwrap_or_default(),
            secretary: p.secretary.clone(),
            answer_days: p.answer_days.to_string(),
            extra_holidays: p.extra_holidays.join("\n"),
            programme: p.programme.join("\n"),
            delegates: join_people(&p.delegates, name),
            invitees: join_people(&p.invitees, name),
        }
    }

    /// Reads the form; who was already ticked present stays ticked. `villages` are the
    /// setup's (code, name) pairs.
    pub fn read(
        &self,
        before: &Preparation,
        villages: &[(String, String)],
    ) -> Result<Preparation, PreparationError> {
        let date = |text: &str| match text.trim() {
            "" => Ok(None),
            t => crate::domain::time::parse_date(t)
                .map(Some)
                .ok_or(PreparationError::BadDate),
        };
        let announce_date = date(&self.announce_date)?;
        let front_agreed = date(&self.front_agreed)?;
        let answer_days = match self.answer_days.trim() {
            "" => DEFAULT_ANSWER_DAYS,
            t => t
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=365).contains(d))
                .ok_or(PreparationError::BadPeriod)?,
        };
        let mut extra_holidays = Vec::new();
        for l in self.extra_holidays.lines().map(clean_line) {
            if l.is_empty() {
                continue;
            }
            let d = crate::domain::time::parse_date(&l)
                .ok_or_else(|| PreparationError::BadHoliday(l.clone()))?;
            extra_holidays.push(crate::domain::time::format_date(d));
        }
        let programme: Vec<String> = self
            .programme
            .lines()
            .map(clean_line)
            .filter(|l| !l.is_empty())
            .collect();
        let was_present = |list: &[Attendee], name: &str, village: &str| {
            list.iter()
                .any(|a| a.present && a.name == name && a.village == village)
        };
        let mut delegates = Vec::new();
        for l in self.delegates.lines() {
            let parts = split_line(l);
            let Some(name) = parts.first().filter(|n| !n.is_empty()) else {
                continue;
            };
            let role = parts[1..].join("; ");
            delegates.push(Attendee {
                present: was_present(&before.delegates, name, ""),
                name: name.clone(),
                role,
                village: String::new(),
            });
        }
        let mut invitees = Vec::new();
        for l in self.invitees.lines() {
            let parts = split_line(l);
            if parts.iter().all(String::is_empty) {
                continue;
            }
            let folded = crate::domain::text::fold(&parts[0]);
            let code = villages
                .iter()
                .find(|(c, n)| crate::domain::text::fold(n) == folded || *c == parts[0])
                .map(|(c, _)| c.clone())
                .ok_or_else(|| PreparationError::UnknownVillage(parts[0].clone()))?;
            let Some(name) = parts.get(1).filter(|n| !n.is_empty()) else {
                continue;
            };
            invitees.push(Attendee {
                present: was_present(&before.invitees, name, &code),
                name: name.clone(),
                role: parts.get(2..).map(|r| r.join("; ")).unwrap_or_default(),
                village: code,
            });
        }
        let too_long = |s: &str| char_len(s) > MAX_LINE;
        if too_long(&self.start_time)
            || too_long(&self.secretary)
            || programme.iter().any(|s| too_long(s))
            || delegates.len() + invitees.len() > MAX_PEOPLE
        {
            return Err(PreparationError::TooLong);
        }
        Ok(Preparation {
            start_time: clean_line(&self.start_time),
            announce_date,
            front_agreed,
            programme,
            delegates,
            invitees,
            secretary: clean_line(&self.secretary),
            answer_days,
            extra_holidays,
            notice: before.notice,
            head_count: before.head_count,
        })
    }
}

/// What the projector shows the hall: the current question, where it comes from, and
/// the answer once recorded. It carries no one's name, so no identity can reach the
/// screen; it is sent as is to a projector window.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Projection {
    /// 1-based place of the question in the queue; 0 when none is current.
    pub position: usize,
    pub total: usize,
    pub field: String,
    pub villages: Vec<String>,
    pub text: String,
    pub outcome: Option<PublicOutcome>,
    pub finished: bool,
}

impl Session {
    pub fn projection(&self, items: &[Item]) -> Projection {
        let total = self.order.len();
        let finished = self.phase == Phase::Finished;
        let current = self.current.as_ref().and_then(|c| {
            let position = self.order.iter().position(|o| o == c)?;
            Some((position, items.iter().find(|i| &i.id == c)?))
        });
        match current {
            Some((position, i)) => Projection {
                position: position + 1,
                total,
                field: i.field.clone(),
                villages: i.villages.clone(),
                text: i.text.clone(),
                outcome: i.outcome().map(Outcome::public),
                finished,
            },
            None => Projection {
                total,
                finished,
                ..Projection::default()
            },
        }
    }
}

/// What the session leaves to do afterwards, for the 30-day follow-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Task {
    /// A department answers the petitioner.
    Answer {
        department: String,
        official: String,
    },
    /// The petitioner is told which higher agency handles the matter, and by when.
    TellPetitioner { agency: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    /// 1-based place of the question in the queue.
    pub position: usize,
    pub text: String,
    pub villages: Vec<String>,
    pub task: Task,
    pub due: NaiveDate,
}

impl Session {
    /// Every task the outcomes leave, soonest first (then in the queue's order).
    pub fn follow_ups(&self, items: &[Item]) -> Vec<FollowUp> {
        let mut out: Vec<FollowUp> = self
            .in_order(items)
            .into_iter()
            .enumerate()
            .filter_map(|(n, i)| {
                let (task, due) = match i.outcome()? {
                    Outcome::Later {
                        department,
                        official,
                        due,
                    } => (
                        Task::Answer {
                            department: department.clone(),
                            official: official.clone(),
                        },
                        *due,
                    ),
                    Outcome::Forwarded { agency, reply_by } => (
                        Task::TellPetitioner {
                            agency: agency.clone(),
                        },
                        *reply_by,
                    ),
                    _ => return None,
                };
                Some(FollowUp {
                    position: n + 1,
                    text: i.text.clone(),
                    villages: i.villages.clone(),
                    task,
                    due,
                })
            })
            .collect();
        out.sort_by_key(|f| (f.due, f.position));
        out
    }
}

/// Ticks or unticks someone at the door: `delegate` picks the list, `index` the line.
pub fn set_present(
    prep: &mut Preparation,
    delegate: bool,
    index: usize,
    present: bool,
) -> Result<(), SessionError> {
    let list = if delegate {
        &mut prep.delegates
    } else {
        &mut prep.invitees
    };
    let a = list.get_mut(index).ok_or(SessionError::UnknownItem)?;
    a.present = present;
    Ok(())
}

#[cfg(test)]
mod tests;
