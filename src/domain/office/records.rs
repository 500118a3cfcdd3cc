//! How the office's data is stored: the setup, one chunk per village (its petitions with
//! the office's fields), the groups, and the tablets seen. A chunk per village keeps an
//! import to one write, which the store commits whole, and keeps 10,000 petitions in a
//! few dozen entries instead of 10,000.
//!
//! Like [`crate::domain::bundle::v1`], these shapes are a compatibility promise: add
//! optional members, never rename or retype one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::denunciation::Track;
use super::dialogue::{is_dialogue_id, ClosedDialogue, DialogueKind, FIRST_DIALOGUE};
use super::register::{Entry, FileLabel, Group, OfficeFields, Source};
use super::setup::{Dialogue, OfficeSetup};
use crate::domain::bundle::setup::SetupVillage;
use crate::domain::bundle::v1::{PetitionRecord, PetitionRow, PetitionRowView, RecordError};
use crate::domain::json;
use crate::domain::official::{DocType, DocumentNumber};
use crate::domain::petition::{Kind, Petition, PetitionId};
use crate::domain::text::{char_len, clean_line, shown_safely};
use crate::domain::time::{iso_date, iso_date_opt, rfc3339};

fn is_empty(s: &str) -> bool {
    s.is_empty()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupRecord {
    pub commune: String,
    #[serde(default)]
    pub province: String,
    /// The dialogue's id; a setup stored before dialogues had ids is the first's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialogue_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialogue_kind: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub theme: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub target_group: String,
    /// The codes of the villages taking part; empty: all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub plan_number: String,
    #[serde(default, with = "iso_date_opt")]
    pub meeting_from: Option<chrono::NaiveDate>,
    #[serde(default, with = "iso_date_opt")]
    pub meeting_to: Option<chrono::NaiveDate>,
    #[serde(default, with = "iso_date_opt")]
    pub session_date: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub chair: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub front: String,
    pub villages: Vec<VillageRecord>,
    pub fields: Vec<String>,
    pub departments: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VillageRecord {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub head: String,
}

impl From<&OfficeSetup> for SetupRecord {
    fn from(s: &OfficeSetup) -> Self {
        let d = &s.dialogue;
        Self {
            commune: s.commune.clone(),
            province: s.province.clone(),
            dialogue_id: Some(d.id.clone()),
            dialogue_kind: Some(d.kind.code().to_string()),
            theme: d.theme.clone(),
            target_group: d.target_group.clone(),
            participants: d.villages.clone(),
            title: d.title.clone(),
            plan_number: d.plan_number.clone(),
            meeting_from: d.meeting_from,
            meeting_to: d.meeting_to,
            session_date: d.session_date,
            place: d.place.clone(),
            chair: d.chair.clone(),
            front: d.front.clone(),
            villages: s
                .villages
                .iter()
                .map(|v| VillageRecord {
                    code: v.code.clone(),
                    name: v.name.clone(),
                    head: v.head.clone(),
                })
                .collect(),
            fields: s.fields.clone(),
            departments: s.departments.clone(),
        }
    }
}

impl TryFrom<SetupRecord> for OfficeSetup {
    type Error = RecordError;

    fn try_from(r: SetupRecord) -> Result<Self, RecordError> {
        let line = |s: &str| clean_line(s);
        let setup = OfficeSetup {
            commune: line(&r.commune),
            province: line(&r.province),
            dialogue: Dialogue {
                id: match r.dialogue_id {
                    Some(id) if is_dialogue_id(&id) => id,
                    Some(_) => {
                        return Err(RecordError {
                            member: "dialogue_id",
                        })
                    }
                    None => FIRST_DIALOGUE.to_string(),
                },
                kind: match r.dialogue_kind.as_deref() {
                    None => DialogueKind::Yearly,
                    Some(code) => DialogueKind::from_code(code).ok_or(RecordError {
                        member: "dialogue_kind",
                    })?,
                },
                theme: line(&r.theme),
                target_group: line(&r.target_group),
                villages: r.participants.iter().map(|c| line(c)).collect(),
                title: line(&r.title),
                plan_number: line(&r.plan_number),
                meeting_from: r.meeting_from,
                meeting_to: r.meeting_to,
                session_date: r.session_date,
                place: line(&r.place),
                chair: line(&r.chair),
                front: line(&r.front),
            },
            villages: r
                .villages
                .iter()
                .map(|v| SetupVillage {
                    code: line(&v.code),
                    name: line(&v.name),
                    head: line(&v.head),
                })
                .collect(),
            fields: r.fields.iter().map(|f| line(f)).collect(),
            departments: r.departments.iter().map(|d| line(d)).collect(),
        };
        let empty_name = setup
            .villages
            .iter()
            .any(|v| v.name.is_empty() || v.code.is_empty())
            || setup
                .dialogue
                .villages
                .iter()
                .any(|c| !setup.villages.iter().any(|v| v.code == *c));
        if setup.commune.is_empty() || setup.villages.is_empty() || empty_name {
            return Err(RecordError { member: "setup" });
        }
        setup
            .check_sizes()
            .map_err(|_| RecordError { member: "setup" })?;
        Ok(setup)
    }
}

/// A closed dialogue in the office's list of dialogues.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosedRecord {
    pub id: String,
    pub kind: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub theme: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub plan_number: String,
    #[serde(default, with = "iso_date_opt")]
    pub session_date: Option<chrono::NaiveDate>,
    #[serde(with = "rfc3339")]
    pub closed_at: DateTime<Utc>,
    pub petitions: usize,
    pub carried: usize,
}

impl From<&ClosedDialogue> for ClosedRecord {
    fn from(c: &ClosedDialogue) -> Self {
        Self {
            id: c.id.clone(),
            kind: c.kind.code().to_string(),
            title: c.title.clone(),
            theme: c.theme.clone(),
            plan_number: c.plan_number.clone(),
            session_date: c.session_date,
            closed_at: c.closed_at,
            petitions: c.petitions,
            carried: c.carried,
        }
    }
}

impl TryFrom<ClosedRecord> for ClosedDialogue {
    type Error = RecordError;

    fn try_from(r: ClosedRecord) -> Result<Self, RecordError> {
        if !is_dialogue_id(&r.id) {
            return Err(RecordError { member: "id" });
        }
        Ok(Self {
            kind: DialogueKind::from_code(&r.kind).ok_or(RecordError { member: "kind" })?,
            id: r.id,
            title: clean_line(&r.title),
            theme: clean_line(&r.theme),
            plan_number: clean_line(&r.plan_number),
            session_date: r.session_date,
            closed_at: r.closed_at,
            petitions: r.petitions,
            carried: r.carried,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OfficeFieldsRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub official: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub draft: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<Track>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discuss: Option<bool>,
}

/// One entry of a village's chunk in the shape releases up to 2026-12-03 wrote: an object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryRecord {
    pub petition: PetitionRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<PetitionRecord>,
    #[serde(default)]
    pub office: OfficeFieldsRecord,
    #[serde(with = "rfc3339")]
    pub imported_at: DateTime<Utc>,
}

/// One entry of a village's chunk as written since: an array of the village's original
/// ([`PetitionRow`]), the office's fields, the time of the import (milliseconds since
/// 1970, UTC) and the conflicting version, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryRow(PetitionRow, OfficeFieldsRecord, i64, Option<PetitionRow>);

impl TryFrom<EntryRow> for EntryRecord {
    type Error = RecordError;

    fn try_from(r: EntryRow) -> Result<Self, RecordError> {
        Ok(Self {
            petition: PetitionRecord::try_from(r.0)?,
            conflict: r.3.map(PetitionRecord::try_from).transpose()?,
            office: r.1,
            imported_at: DateTime::from_timestamp_millis(r.2).ok_or(RecordError {
                member: "imported_at",
            })?,
        })
    }
}

/// All the petitions of one village, stored as one entry: `rows`, or in a chunk that an
/// earlier release wrote and nothing has changed since, `entries`. A chunk with both or
/// neither is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VillageChunk {
    pub village: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<Vec<EntryRecord>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<Vec<EntryRow>>,
}

impl VillageChunk {
    pub fn new<'a>(village: &str, entries: impl Iterator<Item = &'a Entry>) -> Self {
        let row = |e: &Entry| {
            let o = &e.office;
            EntryRow(
                PetitionRow::from(PetitionRecord::from(&e.original)),
                OfficeFieldsRecord {
                    field: o.field.clone(),
                    kind: o.kind.map(|k| k.code().to_string()),
                    content: o.content.clone(),
                    names: o.names.clone(),
                    address: o.address.clone(),
                    department: o.department.clone(),
                    official: o.official.clone(),
                    draft: o.draft.clone(),
                    track: o.track.clone(),
                    discuss: o.discuss,
                },
                e.imported_at.timestamp_millis(),
                e.conflict
                    .as_ref()
                    .map(|c| PetitionRow::from(PetitionRecord::from(c))),
            )
        };
        Self {
            village: village.to_string(),
            entries: None,
            rows: Some(entries.map(row).collect()),
        }
    }

    /// The chunk's entries; refuses the chunk if any entry breaks a rule, so the caller
    /// can set the whole chunk aside rather than lose part of it silently.
    pub fn into_entries(self) -> Result<Vec<Entry>, RecordError> {
        let village = clean_line(&self.village);
        // A village code keeps the setup's rules: the code stands for the village's name
        // where the setup no longer lists it, in the results file too, whose reader refuses
        // a name over 200 characters (a damaged chunk's code did: found by the fuzz tests).
        if village.is_empty() || char_len(&village) > super::setup::MAX_LINE {
            return Err(RecordError { member: "village" });
        }
        match (self.entries, self.rows) {
            (Some(records), None) => records
                .into_iter()
                .map(|r| r.into_entry(&village))
                .collect(),
            (None, Some(rows)) => rows
                .into_iter()
                .map(|r| EntryRecord::try_from(r)?.into_entry(&village))
                .collect(),
            _ => Err(RecordError { member: "rows" }),
        }
    }
}

/// A village's chunk written straight from the register: the same text as
/// [`VillageChunk::new`] serialised, without copying every entry into records first (an
/// import writes the chunk of a thousand petitions).
#[derive(Serialize)]
pub struct VillageChunkView<'a> {
    village: &'a str,
    rows: Vec<EntryRowView<'a>>,
}

impl<'a> VillageChunkView<'a> {
    pub fn new(village: &'a str, entries: impl Iterator<Item = &'a Entry>) -> Self {
        Self {
            village,
            rows: entries.map(EntryRowView::from).collect(),
        }
    }

    /// The chunk's text, written into room reserved for it up front: a chunk of hundreds
    /// of KB grown from nothing is copied a dozen times over as it doubles.
    pub fn to_text(&self) -> String {
        // The content is most of a petition's row; the rest of it runs to about 200 bytes.
        let room = self
            .rows
            .iter()
            .map(|e| {
                let content = |p: &PetitionRowView| p.content_len() + 200;
                content(&e.0) + e.3.as_ref().map_or(0, content)
            })
            .sum::<usize>();
        json::to_text_in(self, room + 64)
    }
}

#[derive(Serialize)]
struct EntryRowView<'a>(
    PetitionRowView<'a>,
    OfficeFieldsView<'a>,
    i64,
    Option<PetitionRowView<'a>>,
);

#[derive(Serialize)]
struct OfficeFieldsView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    department: Option<&'a str>,
    #[serde(skip_serializing_if = "is_empty")]
    official: &'a str,
    #[serde(skip_serializing_if = "is_empty")]
    draft: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    track: Option<&'a Track>,
    #[serde(skip_serializing_if = "Option::is_none")]
    discuss: Option<bool>,
}

impl<'a> From<&'a Entry> for EntryRowView<'a> {
    fn from(e: &'a Entry) -> Self {
        let o = &e.office;
        Self(
            PetitionRowView::from(&e.original),
            OfficeFieldsView {
                field: o.field.as_deref(),
                kind: o.kind.map(Kind::code),
                content: o.content.as_deref(),
                names: o.names.as_deref(),
                address: o.address.as_deref(),
                department: o.department.as_deref(),
                official: &o.official,
                draft: &o.draft,
                track: o.track.as_ref(),
                discuss: o.discuss,
            },
            e.imported_at.timestamp_millis(),
            e.conflict.as_ref().map(PetitionRowView::from),
        )
    }
}

impl EntryRecord {
    fn into_entry(self, village: &str) -> Result<Entry, RecordError> {
        let original = Petition::try_from(self.petition)?;
        let conflict = self.conflict.map(Petition::try_from).transpose()?;
        let o = self.office;
        let kind = match o.kind {
            Some(code) => Some(Kind::from_code(&code).ok_or(RecordError { member: "kind" })?),
            None => None,
        };
        let text = |s: Option<String>| s.map(|s| clean_line(&s)).filter(|s| !s.is_empty());
        Ok(Entry {
            village: village.to_string(),
            original,
            conflict,
            office: OfficeFields {
                field: text(o.field),
                kind,
                content: o.content.map(|c| crate::domain::text::clean(&c)),
                names: o.names.map(|n| n.iter().map(|n| clean_line(n)).collect()),
                address: text(o.address),
                department: text(o.department),
                official: clean_line(&o.official),
                draft: crate::domain::text::clean(&o.draft),
                track: o.track.map(Track::cleaned),
                discuss: o.discuss,
            },
            imported_at: self.imported_at,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupRecord {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub field: String,
    pub members: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub official: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub draft: String,
}

impl From<&Group> for GroupRecord {
    fn from(g: &Group) -> Self {
        Self {
            id: g.id.clone(),
            title: g.title.clone(),
            field: g.field.clone(),
            members: g.members.iter().map(ToString::to_string).collect(),
            department: g.department.clone(),
            official: g.official.clone(),
            draft: g.draft.clone(),
        }
    }
}

impl TryFrom<GroupRecord> for Group {
    type Error = RecordError;

    fn try_from(r: GroupRecord) -> Result<Self, RecordError> {
        let members = r
            .members
            .iter()
            .map(|m| PetitionId::parse(m).ok_or(RecordError { member: "members" }))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Group {
            id: clean_line(&r.id),
            title: clean_line(&r.title),
            field: clean_line(&r.field),
            members,
            department: r
                .department
                .map(|d| clean_line(&d))
                .filter(|d| !d.is_empty()),
            official: clean_line(&r.official),
            draft: crate::domain::text::clean(&r.draft),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub village: String,
    pub device_id: String,
    pub sequence: u32,
    #[serde(with = "rfc3339")]
    pub exported_at: DateTime<Utc>,
    #[serde(with = "rfc3339")]
    pub imported_at: DateTime<Utc>,
    /// The village meeting's date as the bundle gave it (added after version 1 first
    /// shipped, hence optional).
    #[serde(
        default,
        with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub meeting_date: Option<chrono::NaiveDate>,
    /// What the import page shows of each village (issue 18); each optional, for the
    /// entries written before.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub meeting_place: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sealed: bool,
    #[serde(default = "one")]
    pub received: u32,
}

/// An entry written before the office counted files had been sent once.
fn one() -> u32 {
    1
}

impl From<&Source> for SourceRecord {
    fn from(s: &Source) -> Self {
        Self {
            village: s.village.clone(),
            device_id: s.device_id.clone(),
            sequence: s.sequence,
            exported_at: s.exported_at,
            imported_at: s.imported_at,
            meeting_date: s.meeting_date,
            meeting_place: s.meeting_place.clone(),
            attendance: s.attendance,
            file: s.file.name.clone(),
            sealed: s.file.sealed,
            received: s.received,
        }
    }
}

impl From<SourceRecord> for Source {
    fn from(r: SourceRecord) -> Self {
        Self {
            village: clean_line(&r.village),
            device_id: clean_line(&r.device_id),
            sequence: r.sequence,
            exported_at: r.exported_at,
            imported_at: r.imported_at,
            meeting_date: r.meeting_date,
            meeting_place: clean_line(&r.meeting_place),
            attendance: r.attendance,
            file: FileLabel {
                name: shown_safely(&r.file),
                sealed: r.sealed,
            },
            received: r.received.max(1),
        }
    }
}

/// A number taken from the year's register of documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// "BB", "TB", … ([`DocType::abbreviation`]).
    pub doc: String,
    pub year: i32,
    pub number: u32,
    pub issuer: String,
    #[serde(with = "iso_date")]
    pub date: chrono::NaiveDate,
}

impl From<&DocumentNumber> for DocumentRecord {
    fn from(n: &DocumentNumber) -> Self {
        Self {
            doc: n.doc.abbreviation().to_string(),
            year: n.year,
            number: n.number,
            issuer: n.issuer.clone(),
            date: n.date,
        }
    }
}

impl TryFrom<DocumentRecord> for DocumentNumber {
    type Error = ();

    fn try_from(r: DocumentRecord) -> Result<Self, ()> {
        Ok(DocumentNumber {
            doc: DocType::from_abbreviation(&r.doc).ok_or(())?,
            year: r.year,
            number: r.number,
            issuer: clean_line(&r.issuer),
            date: r.date,
        })
    }
}
