//! Version 1 of the serialised shapes: the records inside files and inside local storage.
//! These are a compatibility promise (docs/bundle-format.md): add optional members, never
//! rename or retype one. Conversions to and from the domain types live here and nowhere
//! else, and every conversion from a record cleans its text (NFC) and checks the domain's
//! limits, because a record may come from any file or any tablet.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::dialogue::{is_dialogue_id, FIRST_DIALOGUE};
use super::setup::is_office_key;
use crate::domain::petition::{
    Kind, Petition, PetitionError, PetitionId, PetitionValues, Petitioners, Status,
};
use crate::domain::text::{clean_line, clean_line_owned, clean_owned};
use crate::domain::time::{iso_date_opt, rfc3339};
use crate::domain::village::{Attendee, DialogueInfo, Meeting, VillageProfile};

/// One petition as stored and as exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PetitionRecord {
    pub id: String,
    pub revision: u32,
    #[serde(with = "rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "rfc3339")]
    pub updated_at: DateTime<Utc>,
    pub content: String,
    pub field: String,
    /// y_kien, kien_nghi, phan_anh, cau_hoi, khieu_nai, to_cao
    pub kind: String,
    /// Empty when raised by many citizens.
    #[serde(default)]
    pub petitioners: Vec<String>,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    pub backers: u32,
    pub confidential: bool,
    #[serde(default)]
    pub merged_from: Vec<String>,
    /// active, deleted, merged
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
}

/// A status as its record's two members: `status`, and `merged_into` for a merge.
fn status_parts(s: &Status) -> (&'static str, Option<&PetitionId>) {
    match s {
        Status::Active => ("active", None),
        Status::Deleted => ("deleted", None),
        Status::MergedInto(id) => ("merged", Some(id)),
    }
}

impl From<&Petition> for PetitionRecord {
    fn from(p: &Petition) -> Self {
        let (status, merged_into) = status_parts(&p.status);
        Self {
            id: p.id.to_string(),
            revision: p.revision,
            created_at: p.created_at,
            updated_at: p.updated_at,
            content: p.content.clone(),
            field: p.field.clone(),
            kind: p.kind.code().to_string(),
            petitioners: p.petitioners.names().to_vec(),
            address: p.address.clone(),
            phone: p.phone.clone(),
            backers: p.backers,
            confidential: p.confidential,
            merged_from: p.merged_from.iter().map(ToString::to_string).collect(),
            status: status.to_string(),
            merged_into: merged_into.map(ToString::to_string),
        }
    }
}

/// A petition as one row of the office's stored village chunk: the members of a
/// [`PetitionRecord`] in its order, in an array instead of an object, its times in
/// milliseconds since 1970 (UTC). The members' names were a third of a chunk's text;
/// without them a village's import writes and stores a third less (docs/PERF.md, figure 4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PetitionRow(
    String,         // id
    u32,            // revision
    i64,            // created_at
    i64,            // updated_at
    String,         // content
    String,         // field
    String,         // kind
    Vec<String>,    // petitioners
    String,         // address
    String,         // phone
    u32,            // backers
    bool,           // confidential
    Vec<String>,    // merged_from
    String,         // status
    Option<String>, // merged_into
);

impl From<PetitionRecord> for PetitionRow {
    fn from(r: PetitionRecord) -> Self {
        Self(
            r.id,
            r.revision,
            r.created_at.timestamp_millis(),
            r.updated_at.timestamp_millis(),
            r.content,
            r.field,
            r.kind,
            r.petitioners,
            r.address,
            r.phone,
            r.backers,
            r.confidential,
            r.merged_from,
            r.status,
            r.merged_into,
        )
    }
}

impl TryFrom<PetitionRow> for PetitionRecord {
    type Error = RecordError;

    /// The row's members, its times checked; [`Petition::try_from`] checks the rest.
    fn try_from(r: PetitionRow) -> Result<Self, RecordError> {
        let time = |ms: i64, member| DateTime::from_timestamp_millis(ms).ok_or(rule(member));
        Ok(Self {
            id: r.0,
            revision: r.1,
            created_at: time(r.2, "created_at")?,
            updated_at: time(r.3, "updated_at")?,
            content: r.4,
            field: r.5,
            kind: r.6,
            petitioners: r.7,
            address: r.8,
            phone: r.9,
            backers: r.10,
            confidential: r.11,
            merged_from: r.12,
            status: r.13,
            merged_into: r.14,
        })
    }
}

/// A [`PetitionRow`] written straight from the domain, without copying its texts first:
/// the same text (the office writes every petition of a village whenever one changes).
#[derive(Serialize)]
pub struct PetitionRowView<'a>(
    &'a str,
    u32,
    i64,
    i64,
    &'a str,
    &'a str,
    &'static str,
    &'a [String],
    &'a str,
    &'a str,
    u32,
    bool,
    #[serde(serialize_with = "ids")] &'a [PetitionId],
    &'static str,
    Option<&'a str>,
);

fn ids<S: serde::Serializer>(ids: &&[PetitionId], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ids.iter().map(PetitionId::as_str))
}

impl PetitionRowView<'_> {
    /// The length of the content's text, in bytes: most of the row's.
    pub fn content_len(&self) -> usize {
        self.4.len()
    }
}

impl<'a> From<&'a Petition> for PetitionRowView<'a> {
    fn from(p: &'a Petition) -> Self {
        let (status, merged_into) = status_parts(&p.status);
        Self(
            p.id.as_str(),
            p.revision,
            p.created_at.timestamp_millis(),
            p.updated_at.timestamp_millis(),
            &p.content,
            &p.field,
            p.kind.code(),
            p.petitioners.names(),
            &p.address,
            &p.phone,
            p.backers,
            p.confidential,
            &p.merged_from,
            status,
            merged_into.map(PetitionId::as_str),
        )
    }
}

/// Which member of a record broke a rule; the caller adds where the record stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    pub member: &'static str,
}

fn rule(member: &'static str) -> RecordError {
    RecordError { member }
}

impl TryFrom<PetitionRecord> for Petition {
    type Error = RecordError;

    fn try_from(r: PetitionRecord) -> Result<Self, RecordError> {
        // The record is taken apart: its texts become the petition's without a copy when
        // they are clean already (nearly always).
        let id = PetitionId::parse_owned(r.id).ok_or(rule("id"))?;
        let kind = Kind::from_code(&r.kind).ok_or(rule("kind"))?;
        let status = match (r.status.as_str(), r.merged_into) {
            ("active", _) => Status::Active,
            ("deleted", _) => Status::Deleted,
            ("merged", Some(into)) => {
                Status::MergedInto(PetitionId::parse_owned(into).ok_or(rule("merged_into"))?)
            }
            _ => return Err(rule("status")),
        };
        let merged_from = r
            .merged_from
            .into_iter()
            .map(|m| PetitionId::parse_owned(m).ok_or(rule("merged_from")))
            .collect::<Result<Vec<_>, _>>()?;
        if r.revision == 0 {
            return Err(rule("revision"));
        }
        let names: Vec<String> = r
            .petitioners
            .into_iter()
            .map(clean_line_owned)
            .filter(|n| !n.is_empty())
            .collect();
        let values = PetitionValues {
            content: clean_owned(r.content),
            field: clean_line_owned(r.field),
            kind,
            petitioners: if names.is_empty() {
                Petitioners::Many
            } else {
                Petitioners::Named(names)
            },
            address: clean_line_owned(r.address),
            phone: clean_line_owned(r.phone),
            backers: r.backers,
            confidential: r.confidential,
        };
        values.check_limits().map_err(|e| {
            rule(match e {
                PetitionError::EmptyContent | PetitionError::ContentTooLong => "content",
                PetitionError::NoField => "field",
                PetitionError::UnknownKind => "kind",
                PetitionError::TooManyNames => "petitioners",
                PetitionError::BadBackers => "backers",
                PetitionError::LineTooLong | PetitionError::BadPhone => "address",
            })
        })?;
        if merged_from.len() > 10_000 {
            return Err(rule("merged_from"));
        }
        let mut p = Petition::new(id, values, r.created_at);
        p.revision = r.revision;
        p.updated_at = r.updated_at;
        p.merged_from = merged_from;
        p.status = status;
        Ok(p)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DialogueRecord {
    /// The dialogue's id (version 2 of the setup file); none: the first dialogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `thuong_nien`, `giua_nam` or `chuyen_de` (version 2); none: yearly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_number: Option<String>,
    #[serde(default, with = "iso_date_opt")]
    pub meeting_from: Option<NaiveDate>,
    #[serde(default, with = "iso_date_opt")]
    pub meeting_to: Option<NaiveDate>,
    #[serde(default, with = "iso_date_opt")]
    pub session_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
}

impl From<&DialogueInfo> for DialogueRecord {
    fn from(d: &DialogueInfo) -> Self {
        Self {
            id: Some(d.id.clone()),
            title: d.title.clone(),
            theme: (!d.theme.is_empty()).then(|| d.theme.clone()),
            meeting_from: d.meeting_from,
            meeting_to: d.meeting_to,
            session_date: d.session_date,
            ..Self::default()
        }
    }
}

impl From<DialogueRecord> for DialogueInfo {
    fn from(d: DialogueRecord) -> Self {
        Self {
            // An id that could not be one is refused by the file's reader; a stored one
            // falls back to the first dialogue's, as a record from before ids.
            id: d
                .id
                .filter(|id| is_dialogue_id(id))
                .unwrap_or_else(|| FIRST_DIALOGUE.to_string()),
            title: clean_line(&d.title),
            theme: clean_line(d.theme.as_deref().unwrap_or_default()),
            meeting_from: d.meeting_from,
            meeting_to: d.meeting_to,
            session_date: d.session_date,
        }
    }
}

/// The tablet's profile as stored. `role` leaves room for the commune office.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileRecord {
    pub role: String,
    pub commune: String,
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub village_code: String,
    pub village: String,
    pub head: String,
    pub fields: Vec<String>,
    #[serde(default)]
    pub dialogue: Option<DialogueRecord>,
    /// The office's public key, once a setup file carried one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_key: Option<String>,
}

pub const ROLE_VILLAGE: &str = "village";

impl From<&VillageProfile> for ProfileRecord {
    fn from(p: &VillageProfile) -> Self {
        Self {
            role: ROLE_VILLAGE.to_string(),
            commune: p.commune.clone(),
            province: p.province.clone(),
            village_code: p.village_code.clone(),
            village: p.village.clone(),
            head: p.head.clone(),
            fields: p.fields.clone(),
            dialogue: p.dialogue.as_ref().map(DialogueRecord::from),
            office_key: p.office_key.clone(),
        }
    }
}

impl TryFrom<ProfileRecord> for VillageProfile {
    type Error = RecordError;

    fn try_from(r: ProfileRecord) -> Result<Self, RecordError> {
        if r.role != ROLE_VILLAGE {
            return Err(rule("role"));
        }
        let p = VillageProfile {
            commune: clean_line(&r.commune),
            province: clean_line(&r.province),
            village_code: clean_line(&r.village_code),
            village: clean_line(&r.village),
            head: clean_line(&r.head),
            fields: r.fields.iter().map(|f| clean_line(f)).collect(),
            dialogue: r.dialogue.map(DialogueInfo::from),
            office_key: r.office_key.filter(|k| is_office_key(k)),
        };
        p.check().map_err(|_| rule("profile"))?;
        if p.fields.is_empty() || p.fields.iter().any(String::is_empty) {
            return Err(rule("fields"));
        }
        Ok(p)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttendeeRecord {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingRecord {
    #[serde(default, with = "iso_date_opt")]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub chair: String,
    #[serde(default)]
    pub attendance: u32,
    #[serde(default)]
    pub attendees: Vec<AttendeeRecord>,
}

impl From<&Meeting> for MeetingRecord {
    fn from(m: &Meeting) -> Self {
        Self {
            date: m.date,
            place: m.place.clone(),
            chair: m.chair.clone(),
            attendance: m.attendance,
            attendees: m
                .attendees
                .iter()
                .map(|a| AttendeeRecord {
                    name: a.name.clone(),
                    role: a.role.clone(),
                })
                .collect(),
        }
    }
}

impl TryFrom<MeetingRecord> for Meeting {
    type Error = RecordError;

    fn try_from(r: MeetingRecord) -> Result<Self, RecordError> {
        let m = Meeting {
            date: r.date,
            place: r.place,
            chair: r.chair,
            attendance: r.attendance,
            attendees: r
                .attendees
                .into_iter()
                .map(|a| Attendee {
                    name: a.name,
                    role: a.role,
                })
                .collect(),
        }
        .cleaned();
        m.check().map_err(|_| rule("meeting"))?;
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petition::PetitionDraft;

    fn sample() -> Petition {
        let values = PetitionDraft {
            content: "Đề nghị sửa cầu tràn".into(),
            field: "Xây dựng cơ bản".into(),
            kind_code: "to_cao".into(),
            names: "Phạm Thị D".into(),
            backers: "2".into(),
            confidential: true,
            ..Default::default()
        }
        .validate()
        .unwrap();
        let now = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        Petition::new(PetitionId::from_random([7; 16]), values, now)
    }

    #[test]
    fn petition_round_trips_through_its_record() {
        let p = sample();
        let back = Petition::try_from(PetitionRecord::from(&p)).unwrap();
        assert_eq!(back, p);
        let gone = p.deleted(p.updated_at);
        assert_eq!(
            Petition::try_from(PetitionRecord::from(&gone)).unwrap(),
            gone
        );
    }

    #[test]
    fn records_are_cleaned_and_checked_on_the_way_in() {
        let mut r = PetitionRecord::from(&sample());
        r.content = "Đe\u{0302}\u{0300} nghi\u{0323}".into();
        assert_eq!(Petition::try_from(r.clone()).unwrap().content, "Đề nghị");
        r.kind = "bogus".into();
        assert_eq!(Petition::try_from(r.clone()), Err(rule("kind")));
        let mut r2 = PetitionRecord::from(&sample());
        r2.backers = 0;
        assert_eq!(Petition::try_from(r2), Err(rule("backers")));
        let mut r3 = PetitionRecord::from(&sample());
        r3.status = "merged".into();
        assert_eq!(Petition::try_from(r3), Err(rule("status")));
        let mut r4 = PetitionRecord::from(&sample());
        r4.id = "1".into();
        assert_eq!(Petition::try_from(r4), Err(rule("id")));
    }
}
