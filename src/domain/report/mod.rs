//! The report to the level above (báo cáo kết quả đối thoại): the figures of the dialogue
//! gathered from the setup, the register and the session, and the editable parts the
//! office writes (recipient, narrative sections, number and date).
//!
//! [`build`] counts; [`document`] turns the counts into the official document's text
//! (every Vietnamese word of the report lives there); [`charts`], [`csv`], [`xlsx`] and
//! [`docx`] make what is printed or downloaded, all from a [`Report`] alone. No export
//! knows who raised a petition: the register's petitioners are never read here, and the
//! session's askers are never printed, so a protected identity cannot reach any of them.
//!
//! Not here: the clock (callers pass `today`), storage (the settings are stored as part of
//! the session), the browser (the UI downloads the bytes).

pub mod charts;
pub mod csv;
pub mod document;
pub mod docx;
pub mod xlsx;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::deadline::days_left;
use crate::domain::office::denunciation;
use crate::domain::office::register::Register;
use crate::domain::office::setup::OfficeSetup;
use crate::domain::official::{commune_authority, place_date_line, DocType, DocumentNumber};
use crate::domain::petition::Kind;
use crate::domain::session::outcome::{Outcome, OutcomeKind};
use crate::domain::session::{Item, Origin, Session};
use crate::domain::text::{char_len, clean, clean_line, limit};
use crate::domain::time::{iso_date_opt, parse_date, time_in_words};

/// One narrative section the office writes ("Đánh giá chung"): a heading and its text,
/// one paragraph per line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    #[serde(default)]
    pub heading: String,
    #[serde(default)]
    pub text: String,
}

/// What the office decides about the report; stored with the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSettings {
    /// Who receives it: since 1 July 2025 there is no district level, so the provincial
    /// People's Committee or a provincial department. One recipient per line.
    #[serde(default = "default_recipient")]
    pub recipient: String,
    #[serde(default = "document::default_sections")]
    pub narrative: Vec<Section>,
    /// The number from the year's register of reports, once taken.
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub year: Option<i32>,
    /// The report's date; `None` means the day it is made.
    #[serde(default, with = "iso_date_opt")]
    pub date: Option<NaiveDate>,
}

fn default_recipient() -> String {
    document::DEFAULT_RECIPIENT.to_string()
}

impl Default for ReportSettings {
    fn default() -> Self {
        Self {
            recipient: default_recipient(),
            narrative: document::default_sections(),
            number: None,
            year: None,
            date: None,
        }
    }
}

const MAX_LINE: usize = limit::LINE;
const MAX_TEXT: usize = limit::LONG;
const MAX_SECTIONS: usize = 20;
const MAX_RECIPIENTS: usize = 20;

impl ReportSettings {
    /// Stored settings, cleaned again after loading (an entry may have been edited).
    pub fn cleaned(mut self) -> Self {
        self.recipient = clean_recipients(&self.recipient);
        if self.recipient.is_empty() {
            self.recipient = default_recipient();
        }
        self.narrative = self
            .narrative
            .into_iter()
            .map(|s| Section {
                heading: clean_line(&s.heading),
                text: clean(&s.text),
            })
            .filter(|s| !s.heading.is_empty() || !s.text.is_empty())
            .take(MAX_SECTIONS)
            .collect();
        self
    }

    /// The recipients, one per line.
    pub fn recipients(&self) -> Vec<String> {
        self.recipient
            .lines()
            .map(clean_line)
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// The document number, once taken ("Số: 05/BC-UBND").
    pub fn document_number(&self, date: NaiveDate) -> Option<DocumentNumber> {
        Some(DocumentNumber {
            doc: DocType::Report,
            year: self.year.unwrap_or(date.year()),
            number: self.number?,
            issuer: "UBND".to_string(),
            date,
        })
    }
}

fn clean_recipients(text: &str) -> String {
    text.lines()
        .map(clean_line)
        .filter(|l| !l.is_empty())
        .take(MAX_RECIPIENTS)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The report's form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportDraft {
    pub recipient: String,
    /// dd/mm/yyyy, empty for "the day it is made".
    pub date: String,
    pub narrative: Vec<Section>,
}

/// Why the report's form cannot be saved; each maps to a message in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportFormError {
    NoRecipient,
    /// Not a dd/mm/yyyy date.
    BadDate,
    TooLong,
}

impl ReportDraft {
    pub fn from_settings(s: &ReportSettings) -> Self {
        Self {
            recipient: s.recipient.clone(),
            date: s
                .date
                .map(crate::domain::time::format_date)
                .unwrap_or_default(),
            narrative: s.narrative.clone(),
        }
    }

    /// Reads the form; the number already taken stays.
    pub fn read(&self, before: &ReportSettings) -> Result<ReportSettings, ReportFormError> {
        let recipient = clean_recipients(&self.recipient);
        if recipient.is_empty() {
            return Err(ReportFormError::NoRecipient);
        }
        let date = match self.date.trim() {
            "" => None,
            t => Some(parse_date(t).ok_or(ReportFormError::BadDate)?),
        };
        let narrative: Vec<Section> = self
            .narrative
            .iter()
            .map(|s| Section {
                heading: clean_line(&s.heading),
                text: clean(&s.text),
            })
            .filter(|s| !s.heading.is_empty() || !s.text.is_empty())
            .collect();
        if recipient.lines().any(|l| char_len(l) > MAX_LINE)
            || self
                .recipient
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
                > MAX_RECIPIENTS
            || narrative.len() > MAX_SECTIONS
            || narrative
                .iter()
                .any(|s| char_len(&s.heading) > MAX_LINE || char_len(&s.text) > MAX_TEXT)
        {
            return Err(ReportFormError::TooLong);
        }
        Ok(ReportSettings {
            recipient,
            narrative,
            number: before.number,
            year: before.year,
            date,
        })
    }
}

/// Who was there, out of how many listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    pub present: usize,
    pub listed: usize,
}

/// The dialogue's facts: dates, places, participants, and the totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub commune: String,
    /// A thematic dialogue's theme; empty for a general one.
    pub theme: String,
    pub province: String,
    /// The plan's number and symbol ("163/KH-UBND"), if the setup gives it.
    pub plan_number: String,
    pub meetings_from: Option<NaiveDate>,
    pub meetings_to: Option<NaiveDate>,
    /// Villages whose bundle says when their meeting was held.
    pub village_meetings: usize,
    /// The day the radio first announced the session.
    pub announced_on: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub place: String,
    pub chair: String,
    /// "07:32" when the session was started in the app, otherwise as planned ("7 giờ 30").
    pub start_time: String,
    /// "10:05", empty until the session finishes.
    pub end_time: String,
    pub delegates: Attendance,
    pub invitees: Attendance,
    /// The commune's villages.
    pub villages: usize,
    /// Villages that sent at least one petition.
    pub villages_sending: usize,
    /// The petitions the villages sent (withdrawn ones left out).
    pub petitions: usize,
    /// Citizens backing them, in all.
    pub backers: u64,
    /// Questions at the session (groups, lone petitions and the floor's).
    pub questions: usize,
    pub from_floor: usize,
}

/// How many questions ended one way, and how many of those are done with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeRow {
    /// `None`: no outcome recorded.
    pub kind: Option<OutcomeKind>,
    pub label: String,
    pub count: usize,
    /// Done with: for an answer promised later or a forwarded matter, the final answer
    /// is recorded and the petitioner told; every other recorded outcome is done at the
    /// session itself.
    pub closed: usize,
}

impl OutcomeRow {
    pub fn pending(&self) -> usize {
        self.count - self.closed
    }
}

/// A matter beyond the commune's authority, sent to a higher agency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForwardedRow {
    /// 1-based place of the question in the session's queue (as in the minutes).
    pub position: usize,
    pub text: String,
    pub field: String,
    pub villages: Vec<String>,
    pub agency: String,
    /// By when the petitioner hears who handles it.
    pub reply_by: NaiveDate,
    /// When the petitioner was told, once the matter is closed.
    pub told_on: Option<NaiveDate>,
}

/// A question not yet closed: answered later by a department, or forwarded, and the
/// petitioner not yet told the final answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenRow {
    pub position: usize,
    pub text: String,
    pub field: String,
    pub villages: Vec<String>,
    /// `Later` or `Forwarded`.
    pub kind: OutcomeKind,
    /// The department that answers, or the agency the matter went to.
    pub department: String,
    pub official: String,
    pub due: NaiveDate,
    /// Days from the report's reckoning day to the due date; negative when overdue.
    pub days_left: i64,
    /// An answer is recorded but the petitioner not yet told.
    pub answered: bool,
}

impl OpenRow {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

/// One dialogue's figures, as the next dialogue's report compares them (the same kind of
/// dialogue, the one before).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub title: String,
    pub year: i32,
    /// Petitions the villages sent (withdrawn ones left out).
    pub petitions: usize,
    /// (field, petitions), as [`Report::by_field`].
    pub by_field: Vec<(String, usize)>,
    /// Questions answered at the session itself.
    pub on_the_spot: usize,
    /// Questions left to a department whose final answer came by its due date.
    pub within_period: usize,
    pub forwarded: usize,
    /// Questions answered later or forwarded and not yet done with.
    pub open: usize,
    /// Matters carried in from the dialogue before: how many, and how many of them are
    /// done with since.
    pub carried: usize,
    pub carried_settled: usize,
}

/// Everything the report says, assembled once; every export is made from it alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// ["ỦY BAN NHÂN DÂN", "XÃ CẨM QUANG"]
    pub authority: [String; 2],
    /// "Số: 05/BC-UBND", or "Số:     /BC-UBND" before the number is taken.
    pub number: String,
    pub date: NaiveDate,
    /// "Cẩm Quang, ngày 05 tháng 10 năm 2026"
    pub place_date: String,
    /// The dialogue's year (the session's, or the report's when no date is set).
    pub year: i32,
    /// The day the figures are counted to (days left, what is closed).
    pub as_of: NaiveDate,
    pub recipients: Vec<String>,
    pub facts: Facts,
    /// (village, petitions), in the setup's order, villages that sent none included.
    pub by_village: Vec<(String, usize)>,
    /// (field, petitions): the setup's fields in order, then any other the office used.
    pub by_field: Vec<(String, usize)>,
    /// (kind, petitions), the six kinds in the plan's order.
    pub by_kind: Vec<(String, usize)>,
    /// The five outcomes in order, and the questions without one if any.
    pub by_outcome: Vec<OutcomeRow>,
    pub forwarded: Vec<ForwardedRow>,
    /// The denunciations' tracks, counted: the report says nothing else of them.
    pub denunciations: denunciation::Counts,
    /// Soonest due first (the overdue at the top), then in the queue's order.
    pub open: Vec<OpenRow>,
    pub narrative: Vec<Section>,
    /// The chair, who signs.
    pub signer: String,
    /// This dialogue's figures, and the previous one's of the same kind once known
    /// ([`Report::compared_with`]).
    pub figures: Figures,
    pub previous: Option<Figures>,
}

impl Report {
    /// Questions done with, of [`Facts::questions`].
    pub fn closed(&self) -> usize {
        self.by_outcome.iter().map(|o| o.closed).sum()
    }

    /// The report with the previous dialogue's figures beside this one's.
    pub fn compared_with(self, previous: Figures) -> Self {
        Self {
            previous: Some(previous),
            ..self
        }
    }

    pub fn outcome_count(&self, kind: OutcomeKind) -> usize {
        self.by_outcome
            .iter()
            .find(|o| o.kind == Some(kind))
            .map_or(0, |o| o.count)
    }
}

/// Why an export could not be made; each maps to a message in the catalogue. The text is
/// the library's own, for the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// The Excel workbook could not be written.
    Spreadsheet(String),
    /// The Word document could not be written.
    Document(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::Spreadsheet(e) => write!(f, "xlsx: {e}"),
            ReportError::Document(e) => write!(f, "docx: {e}"),
        }
    }
}

impl std::error::Error for ReportError {}

fn count_rows<'a>(
    keys: impl IntoIterator<Item = &'a str>,
    first: impl IntoIterator<Item = String>,
    label: impl Fn(&str) -> String,
) -> Vec<(String, usize)> {
    let mut rows: Vec<(String, usize)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for key in first {
        if !at.contains_key(&key) {
            at.insert(key.clone(), rows.len());
            rows.push((label(&key), 0));
        }
    }
    for key in keys {
        match at.get(key) {
            Some(&i) => rows[i].1 += 1,
            None => {
                at.insert(key.to_string(), rows.len());
                rows.push((label(key), 1));
            }
        }
    }
    rows
}

/// The report from what the office holds. `items` are the session's questions (any
/// order); `today` is the day days left are counted from.
pub fn build(
    setup: &OfficeSetup,
    register: &Register,
    session: &Session,
    items: &[Item],
    settings: &ReportSettings,
    today: NaiveDate,
) -> Report {
    let d = &setup.dialogue;
    let p = &session.prep;
    let active: Vec<_> = register
        .entries()
        .iter()
        .filter(|e| e.is_active())
        .collect();

    let by_village = count_rows(
        active.iter().map(|e| e.village.as_str()),
        setup.participating().map(|v| v.code.clone()),
        |code| setup.village_name(code),
    );
    let by_field = count_rows(
        active.iter().map(|e| e.field()),
        setup.fields.iter().cloned(),
        |f| {
            if f.is_empty() {
                document::NO_FIELD.to_string()
            } else {
                f.to_string()
            }
        },
    );
    let by_kind = Kind::ALL
        .iter()
        .map(|k| {
            (
                document::kind_label(*k).to_string(),
                active.iter().filter(|e| e.kind() == *k).count(),
            )
        })
        .collect();

    // A question that answered only denunciations is no part of the report: they are
    // counted on their own track below.
    let ordered: Vec<&Item> = session
        .in_order(items)
        .into_iter()
        .filter(|i| !denunciation::hides(register, i))
        .collect();
    let closed = |i: &Item| i.answer.as_ref().is_some_and(|a| a.is_closed());
    let mut by_outcome: Vec<OutcomeRow> = OutcomeKind::ALL
        .iter()
        .map(|k| OutcomeRow {
            kind: Some(*k),
            label: document::outcome_label(Some(*k)).to_string(),
            count: 0,
            closed: 0,
        })
        .collect();
    let mut unrecorded = 0;
    let mut forwarded = Vec::new();
    let mut open = Vec::new();
    for (n, i) in ordered.iter().enumerate() {
        // A matter carried in and not heard again yet has no outcome at this session, but
        // stands open at the one it was carried with, against its first due date.
        let Some(o) = i.outcome().or_else(|| i.standing().filter(|_| !closed(i))) else {
            unrecorded += 1;
            continue;
        };
        let heard = i.outcome().is_some();
        if !heard {
            unrecorded += 1;
        }
        let kind = o.kind();
        let done = match kind {
            OutcomeKind::Later | OutcomeKind::Forwarded => closed(i),
            _ => true,
        };
        if let Some(row) = by_outcome
            .iter_mut()
            .find(|r| heard && r.kind == Some(kind))
        {
            row.count += 1;
            row.closed += usize::from(done);
        }
        let (department, official, due) = match o {
            Outcome::Later {
                department,
                official,
                due,
            } => (department.clone(), official.clone(), *due),
            Outcome::Forwarded { agency, reply_by } => {
                if heard {
                    forwarded.push(ForwardedRow {
                        position: n + 1,
                        text: i.text.clone(),
                        field: i.field.clone(),
                        villages: i.villages.clone(),
                        agency: agency.clone(),
                        reply_by: *reply_by,
                        told_on: i
                            .answer
                            .as_ref()
                            .filter(|a| a.is_closed())
                            .and_then(|a| a.told_on),
                    });
                }
                (agency.clone(), String::new(), *reply_by)
            }
            _ => continue,
        };
        if !done {
            open.push(OpenRow {
                position: n + 1,
                text: i.text.clone(),
                field: i.field.clone(),
                villages: i.villages.clone(),
                kind,
                department,
                official,
                due,
                days_left: days_left(due, today),
                answered: i.answer.is_some(),
            });
        }
    }
    if unrecorded > 0 {
        by_outcome.push(OutcomeRow {
            kind: None,
            label: document::outcome_label(None).to_string(),
            count: unrecorded,
            closed: 0,
        });
    }
    open.sort_by_key(|r| (r.due, r.position));

    let attendance = |list: &[crate::domain::session::Attendee]| Attendance {
        present: list.iter().filter(|a| a.present).count(),
        listed: list.len(),
    };
    let facts = Facts {
        commune: setup.commune.clone(),
        theme: d.theme.clone(),
        province: setup.province.clone(),
        plan_number: d.plan_number.clone(),
        meetings_from: d.meeting_from,
        meetings_to: d.meeting_to,
        village_meetings: register.meeting_dates(setup).len(),
        announced_on: p.announce_date,
        session_date: d.session_date,
        place: d.place.clone(),
        chair: d.chair.clone(),
        start_time: session
            .started_at
            .map(time_in_words)
            .unwrap_or_else(|| p.start_time.clone()),
        end_time: session.finished_at.map(time_in_words).unwrap_or_default(),
        delegates: attendance(&p.delegates),
        invitees: attendance(&p.invitees),
        villages: setup.participating().count(),
        villages_sending: by_village.iter().filter(|(_, n)| *n > 0).count(),
        petitions: active.len(),
        backers: active.iter().map(|e| u64::from(e.original.backers)).sum(),
        questions: ordered.len(),
        from_floor: ordered
            .iter()
            .filter(|i| matches!(i.origin, Origin::Floor { .. }))
            .count(),
    };

    let settled = |i: &&&Item| match i.outcome() {
        Some(o) => match o.kind() {
            OutcomeKind::Later | OutcomeKind::Forwarded => closed(i),
            _ => true,
        },
        None => closed(i),
    };
    let carried: Vec<&&Item> = ordered.iter().filter(|i| i.carried.is_some()).collect();
    let figures = Figures {
        title: d.title.clone(),
        year: d.session_date.unwrap_or(today).year(),
        petitions: active.len(),
        by_field: by_field.clone(),
        on_the_spot: by_outcome
            .iter()
            .find(|o| o.kind == Some(OutcomeKind::Answered))
            .map_or(0, |o| o.count),
        within_period: ordered
            .iter()
            .filter(|i| match (i.outcome(), &i.answer) {
                (Some(Outcome::Later { due, .. }), Some(a)) => a.answered_on <= *due,
                _ => false,
            })
            .count(),
        forwarded: forwarded.len(),
        open: open.len(),
        carried: carried.len(),
        carried_settled: carried.iter().filter(|i| settled(i)).count(),
    };

    let date = settings.date.unwrap_or(today);
    let number = match settings.document_number(date) {
        Some(n) => n.line(),
        None => DocType::Report.blank_number_line(),
    };
    Report {
        authority: commune_authority(&setup.commune),
        number,
        date,
        place_date: place_date_line(&setup.commune, date),
        year: d.session_date.unwrap_or(date).year(),
        as_of: today,
        recipients: settings.recipients(),
        facts,
        by_village,
        by_field,
        by_kind,
        by_outcome,
        forwarded,
        denunciations: denunciation::counts(&denunciation::rows(
            register,
            &session.holidays(),
            today,
        )),
        open,
        narrative: settings.narrative.clone(),
        signer: d.chair.clone(),
        figures,
        previous: None,
    }
}

#[cfg(test)]
mod tests;
