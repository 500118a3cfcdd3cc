//! The results file (office → villages): what the dialogue session decided about each
//! village petition, and the final answer once the office recorded one, so the village
//! head can tell the citizens at the next village meeting.
//!
//! One entry per petition, by the id the village tablet gave it: a group's outcome is
//! written for each of its member petitions. The file names no petitioner and carries no
//! phone number: it goes to village heads and may be forwarded; the tablet has its own
//! records for names. It is read like every other file ([`super::read_document`]), then
//! checked against the tablet ([`take_for_village`]): same commune, this village or all
//! villages, and only the petitions this tablet holds are kept.
//!
//! Not here: storing the results (`crate::storage`), the words shown for them (`crate::i18n`).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use super::dialogue::{file_belongs, DialogueRef, FIRST_DIALOGUE};
use super::{checksum, read_document, FieldProblem, FileError, FileKind};
use crate::domain::json;
use crate::domain::office::register::Register;
use crate::domain::office::setup::OfficeSetup;
use crate::domain::petition::{Kind, PetitionId};
use crate::domain::session::outcome::Outcome;
use crate::domain::session::{Item, Session};
use crate::domain::text::{char_len, clean, clean_line, fold, limit, slug};
use crate::domain::time::{
    format_date, iso_date, iso_date_opt, parse_iso_date, parse_rfc3339, rfc3339, vietnam_date,
};
use crate::domain::village::VillageProfile;

/// Far above any commune's session.
const MAX_RESULTS: usize = 100_000;
/// A petition's text, and a final answer, are at most 10,000 characters; an outcome's
/// texts 5,000, its one-line members 300 (the session's own limits).
const MAX_LONG: usize = limit::LONG;
const MAX_TEXT: usize = limit::TEXT;
const MAX_LINE: usize = limit::LINE;

// ---------------------------------------------------------------------------------------
// The file as written (version 1). A compatibility promise, like `v1.rs`: add optional
// members, never rename or retype one. These records are only written (by the office);
// the tablet reads the file's `Value` by hand ([`parse_results`]), which costs its
// download far less than a derived deserialiser per record type (see `json.rs`).

/// The file as written (its members come out sorted by name, in the indented text too).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResultsFile {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    #[serde(with = "rfc3339")]
    pub exported_at: DateTime<Utc>,
    pub commune: String,
    /// The dialogue whose session it reports (version 2).
    pub dialogue: DialogueRef,
    /// The one village the file is for; `null` when it is for all villages.
    pub village: Option<VillageRecord>,
    #[serde(with = "iso_date_opt")]
    pub session_date: Option<NaiveDate>,
    pub results: Vec<ResultRecord>,
    pub checksum: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VillageRecord {
    pub code: String,
    pub name: String,
}

/// One petition's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResultRecord {
    /// The petition's id, as the village tablet made it.
    pub petition: String,
    /// The petition's village, by name (for a person reading a file of all villages).
    pub village: String,
    /// The question as read at the session (a group's title, or the petition's text).
    pub question: String,
    pub outcome: OutcomeRecord,
    /// The final answer, for a question answered later or forwarded, once recorded.
    pub answer: Option<AnswerRecord>,
}

/// The outcome: `kind` and the members of that kind only (a flat record rather than a
/// tagged enum, which a person reads as easily).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OutcomeRecord {
    /// answered, later, forwarded, declined, withdrawn
    pub kind: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(with = "iso_date_opt", skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(with = "iso_date_opt", skip_serializing_if = "Option::is_none")]
    pub reply_by: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub channel: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswerRecord {
    pub answer: String,
    #[serde(with = "iso_date")]
    pub answered_on: NaiveDate,
    pub agency_answer: String,
    /// When the petitioner was told; `null` until then.
    #[serde(with = "iso_date_opt")]
    pub told_on: Option<NaiveDate>,
}

// ---------------------------------------------------------------------------------------
// The results as the app holds them, cleaned and checked.

/// What the session decided, as the village may read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResultOutcome {
    /// Answered at the session: the answer's summary and who gave it.
    Answered {
        summary: String,
        by: String,
    },
    /// A department answers later, by `due`.
    Later {
        department: String,
        due: NaiveDate,
    },
    /// Beyond the commune: sent to `agency`; the petitioner hears by `reply_by`.
    Forwarded {
        agency: String,
        reply_by: NaiveDate,
    },
    /// Off the dialogue's topic: why, and the proper channel.
    Declined {
        reason: String,
        channel: String,
    },
    Withdrawn,
}

/// The final answer to a matter left open at the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultAnswer {
    pub answer: String,
    pub answered_on: NaiveDate,
    /// A forwarded matter: the higher agency's own answer, when it came.
    pub agency_answer: String,
    pub told_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetitionResult {
    pub petition: PetitionId,
    pub village: String,
    pub question: String,
    pub outcome: ResultOutcome,
    pub answer: Option<ResultAnswer>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsVillage {
    pub code: String,
    pub name: String,
}

/// A results file that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadResults {
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub commune: String,
    /// The dialogue it belongs to; `None` for a file of version 1 (the first's).
    pub dialogue: Option<DialogueRef>,
    /// `None`: the file is for all villages.
    pub village: Option<ResultsVillage>,
    pub session_date: Option<NaiveDate>,
    /// In the file's order.
    pub results: Vec<PetitionResult>,
    pub checksum: String,
    /// The document as read, `results[i]` being [`Self::results`]`[i]`: what the tablet
    /// stores ([`Self::stored_text`]), so that storage is read back by [`parse_results`]
    /// with every check a file gets, and no serialiser is needed on the tablet.
    doc: Value,
}

impl ReadResults {
    /// How many petitions have an answer: given at the session, or given since. A matter
    /// assigned to a department or forwarded is not answered until its answer is in.
    pub fn answered(&self) -> usize {
        self.results
            .iter()
            .filter(|r| matches!(r.outcome, ResultOutcome::Answered { .. }) || r.answer.is_some())
            .count()
    }

    pub fn find(&self, id: &PetitionId) -> Option<&PetitionResult> {
        self.results.iter().find(|r| r.petition == *id)
    }

    /// The results as a results file's text (compact), with their checksum.
    pub fn stored_text(&self) -> String {
        self.doc.to_string()
    }
}

impl From<&PetitionResult> for ResultRecord {
    fn from(r: &PetitionResult) -> Self {
        let o = match &r.outcome {
            ResultOutcome::Answered { summary, by } => OutcomeRecord {
                kind: "answered".into(),
                summary: summary.clone(),
                by: by.clone(),
                ..OutcomeRecord::default()
            },
            ResultOutcome::Later { department, due } => OutcomeRecord {
                kind: "later".into(),
                department: department.clone(),
                due: Some(*due),
                ..OutcomeRecord::default()
            },
            ResultOutcome::Forwarded { agency, reply_by } => OutcomeRecord {
                kind: "forwarded".into(),
                agency: agency.clone(),
                reply_by: Some(*reply_by),
                ..OutcomeRecord::default()
            },
            ResultOutcome::Declined { reason, channel } => OutcomeRecord {
                kind: "declined".into(),
                reason: reason.clone(),
                channel: channel.clone(),
                ..OutcomeRecord::default()
            },
            ResultOutcome::Withdrawn => OutcomeRecord {
                kind: "withdrawn".into(),
                ..OutcomeRecord::default()
            },
        };
        Self {
            petition: r.petition.to_string(),
            village: r.village.clone(),
            question: r.question.clone(),
            outcome: o,
            answer: r.answer.as_ref().map(|a| AnswerRecord {
                answer: a.answer.clone(),
                answered_on: a.answered_on,
                agency_answer: a.agency_answer.clone(),
                told_on: a.told_on,
            }),
        }
    }
}

/// Where an object stands in the file, for naming its members in errors: `results[3]`
/// (`index`), `results[3].outcome` (`index` and `name`), `village` (`name`), or the top.
#[derive(Clone, Copy)]
struct Obj<'a> {
    map: Option<&'a Map<String, Value>>,
    index: Option<usize>,
    name: &'static str,
}

impl Obj<'_> {
    fn path(&self, key: &str) -> String {
        match (self.index, self.name) {
            (None, "") => key.to_string(),
            (None, name) => format!("{name}.{key}"),
            (Some(i), "") => format!("results[{i}].{key}"),
            (Some(i), name) => format!("results[{i}].{name}.{key}"),
        }
    }
}

/// Reads members by hand and keeps the first problem met: the file is refused with it
/// once everything was read. (Each read gives a value either way, so a record is built
/// in one go, without a path out at every member: less code on the tablet.)
#[derive(Default)]
struct Reader {
    problem: Option<FileError>,
}

impl Reader {
    fn fail(&mut self, at: Obj<'_>, key: &str, problem: FieldProblem) {
        if self.problem.is_none() {
            self.problem = Some(FileError::BadField {
                path: at.path(key),
                problem,
            });
        }
    }

    /// A member; absent and `null` are the same. Nothing is read from an object that is
    /// itself missing or of the wrong type (that was noted already).
    fn get<'a>(&mut self, at: Obj<'a>, key: &str, required: bool) -> Option<&'a Value> {
        match at.map?.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.fail(at, key, FieldProblem::Missing);
                }
                None
            }
            v => v,
        }
    }

    fn object<'a>(&mut self, at: Obj<'a>, key: &'static str, required: bool) -> Obj<'a> {
        let map = match self.get(at, key, required) {
            Some(Value::Object(map)) => Some(map),
            Some(_) => {
                self.fail(at, key, FieldProblem::WrongType);
                None
            }
            None => None,
        };
        Obj {
            map,
            index: at.index,
            name: key,
        }
    }

    fn str<'a>(&mut self, at: Obj<'a>, key: &str, required: bool) -> &'a str {
        match self.get(at, key, required) {
            Some(Value::String(s)) => s,
            Some(_) => {
                self.fail(at, key, FieldProblem::WrongType);
                ""
            }
            None => "",
        }
    }

    /// A text, cleaned (to one line when `limit` is a line's), and within `limit`.
    fn text(&mut self, at: Obj<'_>, key: &str, limit: usize, required: bool) -> String {
        let raw = self.str(at, key, required);
        let v = if limit > MAX_LINE {
            clean(raw)
        } else {
            clean_line(raw)
        };
        if (required && v.is_empty()) || char_len(&v) > limit {
            self.fail(at, key, FieldProblem::Invalid);
        }
        v
    }

    /// A date `yyyy-mm-dd`; a required one missing reads as a placeholder (the file is
    /// refused then anyway: the first problem is kept).
    fn date(&mut self, at: Obj<'_>, key: &str, required: bool) -> Option<NaiveDate> {
        let raw = self.str(at, key, required);
        if raw.is_empty() && !required {
            return None;
        }
        let d = parse_iso_date(raw);
        if d.is_none() {
            self.fail(at, key, FieldProblem::Invalid);
        }
        d
    }

    fn required_date(&mut self, at: Obj<'_>, key: &str) -> NaiveDate {
        self.date(at, key, true).unwrap_or_default()
    }

    fn result(&mut self, at: Obj<'_>) -> Option<PetitionResult> {
        let id = self.str(at, "petition", true);
        let petition = PetitionId::parse(id);
        if petition.is_none() {
            self.fail(at, "petition", FieldProblem::Invalid);
        }
        let o = self.object(at, "outcome", true);
        let outcome = match self.str(o, "kind", true) {
            "answered" => ResultOutcome::Answered {
                summary: self.text(o, "summary", MAX_TEXT, true),
                by: self.text(o, "by", MAX_LINE, false),
            },
            "later" => ResultOutcome::Later {
                department: self.text(o, "department", MAX_LINE, true),
                due: self.required_date(o, "due"),
            },
            "forwarded" => ResultOutcome::Forwarded {
                agency: self.text(o, "agency", MAX_LINE, true),
                reply_by: self.required_date(o, "reply_by"),
            },
            "declined" => ResultOutcome::Declined {
                reason: self.text(o, "reason", MAX_TEXT, true),
                channel: self.text(o, "channel", MAX_TEXT, true),
            },
            "withdrawn" => ResultOutcome::Withdrawn,
            _ => {
                self.fail(o, "kind", FieldProblem::Invalid);
                ResultOutcome::Withdrawn
            }
        };
        let a = self.object(at, "answer", false);
        let answer = a.map.map(|_| ResultAnswer {
            answer: self.text(a, "answer", MAX_LONG, true),
            answered_on: self.required_date(a, "answered_on"),
            agency_answer: self.text(a, "agency_answer", MAX_LONG, false),
            told_on: self.date(a, "told_on", false),
        });
        let r = PetitionResult {
            petition: petition?,
            village: self.text(at, "village", 200, false),
            question: self.text(at, "question", MAX_LONG, true),
            outcome,
            answer,
        };
        Some(r)
    }
}

/// Reads a results file; refuses it whole on the first problem. The checksum is required.
pub fn parse_results(text: &str) -> Result<ReadResults, FileError> {
    read_results(read_document(text, FileKind::Results, true)?)
}

/// The members of a results document whose envelope passed (format, version, checksum).
fn read_results(doc: Value) -> Result<ReadResults, FileError> {
    let mut r = Reader::default();
    let top = Obj {
        map: doc.as_object(),
        index: None,
        name: "",
    };
    let exported_at = parse_rfc3339(r.str(top, "exported_at", true));
    if exported_at.is_none() {
        r.fail(top, "exported_at", FieldProblem::Invalid);
    }
    let v = r.object(top, "village", false);
    let village = v.map.map(|_| ResultsVillage {
        code: r.text(v, "code", 200, false),
        name: r.text(v, "name", 200, true),
    });
    let commune = r.text(top, "commune", 200, true);
    let d = r.object(top, "dialogue", false);
    let dialogue = d.map.map(|_| DialogueRef {
        id: r.text(d, "id", 64, true),
        title: r.text(d, "title", 200, false),
    });
    let dialogue = match dialogue.map(DialogueRef::checked).transpose() {
        Ok(d) => d,
        Err(e) => {
            r.problem.get_or_insert(e);
            None
        }
    };
    let app_version = r.text(top, "app_version", 100, false);
    let session_date = r.date(top, "session_date", false);
    let records = match r.get(top, "results", true) {
        Some(Value::Array(records)) if records.len() > MAX_RESULTS => {
            r.fail(top, "results", FieldProblem::Invalid);
            &[][..]
        }
        Some(Value::Array(records)) => records,
        Some(_) => {
            r.fail(top, "results", FieldProblem::WrongType);
            &[][..]
        }
        None => &[][..],
    };
    let mut results: Vec<PetitionResult> = Vec::with_capacity(records.len());
    // The ids met so far, to refuse the same petition twice. (The JSON map as a set: the
    // tablet has its code already, and no hash set.)
    let mut seen = std::collections::HashMap::new();
    for (i, record) in records.iter().enumerate() {
        let at = Obj {
            map: record.as_object(),
            index: Some(i),
            name: "",
        };
        if at.map.is_none() {
            r.problem.get_or_insert(FileError::BadField {
                path: format!("results[{i}]"),
                problem: FieldProblem::WrongType,
            });
        }
        if let Some(result) = r.result(at) {
            if let Some(first) = seen.insert(result.petition.as_str().to_string(), i) {
                let first = format!("results[{first}].petition");
                r.fail(at, "petition", FieldProblem::Repeats(first));
            }
            results.push(result);
        }
        if r.problem.is_some() {
            break;
        }
    }
    if let Some(problem) = r.problem {
        return Err(problem);
    }
    let checksum = doc
        .get("checksum")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Ok(ReadResults {
        app_version,
        exported_at: exported_at.unwrap_or_default(),
        commune,
        dialogue,
        village,
        session_date,
        results,
        checksum,
        doc,
    })
}

// ---------------------------------------------------------------------------------------
// The village's side.

/// What a results file that passed the tablet's checks does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    /// Newer than what the tablet holds (or the first): it replaces it whole. Holds only
    /// this tablet's petitions, with its checksum made again; to be stored.
    New(Box<ReadResults>),
    /// The very results the tablet holds already.
    Unchanged,
    /// An export older than the one the tablet holds: the newer one stays.
    Older,
}

/// Whether a file made for `village` is this tablet's: by the code when both have one
/// (a tablet set up from the commune's file), else by the name, case and marks aside.
fn is_this_village(village: &ResultsVillage, profile: &VillageProfile) -> bool {
    if !village.code.is_empty() && !profile.village_code.is_empty() {
        return village.code == profile.village_code;
    }
    fold(&village.name) == fold(&profile.village)
}

/// Checks a results file against this tablet and decides what it does. `holds` tells
/// the petitions this tablet has (tombstones included); `stored` is the results the
/// tablet keeps now. Refused: another commune's file, another village's, or one that
/// answers none of this tablet's petitions.
pub fn take_for_village(
    read: ReadResults,
    profile: &VillageProfile,
    holds: impl Fn(&PetitionId) -> bool,
    stored: Option<&ReadResults>,
) -> Result<Taken, FileError> {
    if fold(&read.commune) != fold(&profile.commune) {
        return Err(FileError::NotThisCommune {
            found: read.commune,
        });
    }
    let round = profile
        .dialogue
        .as_ref()
        .map_or(FIRST_DIALOGUE, |d| d.id.as_str());
    if !file_belongs(read.dialogue.as_ref().map(|d| d.id.as_str()), round) {
        return Err(FileError::OtherDialogue {
            found: read.dialogue.map(|d| d.title).unwrap_or_default(),
        });
    }
    if let Some(v) = &read.village {
        if !is_this_village(v, profile) {
            return Err(FileError::NotThisVillage {
                found: v.name.clone(),
            });
        }
    }
    // This tablet's results only, in the document it will store, checksum made again;
    // then read again (every record passed already: this cannot fail).
    let mut doc = read.doc;
    if let Some(Value::Array(records)) = doc.get_mut("results") {
        records.retain(|r| {
            r.get("petition")
                .and_then(Value::as_str)
                .and_then(PetitionId::parse)
                .is_some_and(|id| holds(&id))
        });
    }
    let sum = checksum::of_document(&doc);
    if let Value::Object(members) = &mut doc {
        members.insert("checksum".into(), Value::String(sum));
    }
    let read = read_results(doc)?;
    if read.results.is_empty() {
        return Err(FileError::NoPetitionOfOurs);
    }
    Ok(match stored {
        Some(s) if s.checksum == read.checksum => Taken::Unchanged,
        Some(s) if read.exported_at <= s.exported_at => Taken::Older,
        _ => Taken::New(Box::new(read)),
    })
}

// ---------------------------------------------------------------------------------------
// The office's side.

fn result_outcome(o: &Outcome) -> ResultOutcome {
    match o {
        Outcome::Answered { summary, by } => ResultOutcome::Answered {
            summary: summary.clone(),
            by: by.clone(),
        },
        // The official's name stays at the office: the village needs the department.
        Outcome::Later {
            department, due, ..
        } => ResultOutcome::Later {
            department: department.clone(),
            due: *due,
        },
        Outcome::Forwarded { agency, reply_by } => ResultOutcome::Forwarded {
            agency: agency.clone(),
            reply_by: *reply_by,
        },
        Outcome::Declined { reason, channel } => ResultOutcome::Declined {
            reason: reason.clone(),
            channel: channel.clone(),
        },
        Outcome::Withdrawn => ResultOutcome::Withdrawn,
    }
}

/// Builds the results file of one village (`village`: its code) or of all villages
/// (`None`), with its checksum. Every petition of a question with an outcome gets an
/// entry: each member of a group, in the queue's order. A petition asked through two
/// questions takes the outcome recorded last. Questions from the floor have no petition
/// and are left out, as are petitions the register does not hold. Nothing of the asker
/// is copied (the session's items never hold a confidential name; this file holds none).
pub fn build_results(
    setup: &OfficeSetup,
    register: &Register,
    session: &Session,
    items: &[Item],
    village: Option<&str>,
    app_version: &str,
    now: DateTime<Utc>,
) -> ResultsFile {
    let mut order: Vec<&str> = Vec::new();
    let mut chosen: HashMap<&str, (&Item, DateTime<Utc>)> = HashMap::new();
    for item in session.in_order(items) {
        let Some(last) = item.history.last() else {
            continue;
        };
        for p in &item.petitions {
            match chosen.get(p.as_str()) {
                Some((_, at)) if *at > last.at => {}
                Some(_) => {
                    chosen.insert(p.as_str(), (item, last.at));
                }
                None => {
                    order.push(p.as_str());
                    chosen.insert(p.as_str(), (item, last.at));
                }
            }
        }
    }
    let mut results = Vec::new();
    for p in order {
        let Some(id) = PetitionId::parse(p) else {
            continue;
        };
        let Some(entry) = register.get(&id) else {
            continue;
        };
        // A denunciation never reaches the villages, even if a question answered it
        // before the office classified it so.
        if village.is_some_and(|v| v != entry.village) || entry.kind() == Kind::Denunciation {
            continue;
        }
        let (item, _) = chosen[&p];
        let Some(outcome) = item.outcome() else {
            continue;
        };
        let result = PetitionResult {
            petition: id,
            village: setup.village_name(&entry.village),
            question: item.text.clone(),
            outcome: result_outcome(outcome),
            answer: item.answer.as_ref().map(|a| ResultAnswer {
                answer: a.answer.clone(),
                answered_on: a.answered_on,
                agency_answer: a.agency_answer.clone(),
                told_on: a.told_on,
            }),
        };
        results.push(ResultRecord::from(&result));
    }
    let mut file = ResultsFile {
        format: FileKind::Results.format_name().to_string(),
        version: FileKind::Results.supported_version(),
        app_version: app_version.to_string(),
        exported_at: now,
        commune: setup.commune.clone(),
        dialogue: DialogueRef {
            id: setup.dialogue.id.clone(),
            title: setup.dialogue.title.clone(),
        },
        village: village.map(|code| VillageRecord {
            code: code.to_string(),
            name: setup.village_name(code),
        }),
        session_date: setup
            .dialogue
            .session_date
            .or_else(|| session.started_at.map(vietnam_date)),
        results,
        checksum: String::new(),
    };
    file.checksum = checksum::of_document(&json::encode(&file));
    file
}

impl ResultsFile {
    /// The file's text: indented, so a person can open it and read it.
    pub fn to_json(&self) -> String {
        json::to_pretty_text(&json::encode(self))
    }

    /// "ket-qua_thon-1_cam-quang_05-10-2026.json", or "ket-qua_tat-ca_…" for all
    /// villages: ASCII only, because Zalo and old USB sticks mangle other names.
    pub fn file_name(&self, local_date: NaiveDate) -> String {
        let who = match &self.village {
            Some(v) => slug(&v.name),
            None => "tat-ca".to_string(),
        };
        format!(
            "ket-qua_{who}_{}_{}.json",
            slug(&self.commune),
            format_date(local_date).replace('/', "-")
        )
    }
}
