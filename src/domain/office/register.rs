//! The office's register: every petition the villages sent, with what the office made of
//! it (classification, group, assignment), kept apart from the village's own text so that
//! a newer export from a village never overwrites the office's work, and the village's
//! original always stays visible.
//!
//! Importing a bundle is all or nothing: every check runs before the register changes.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::denunciation::Track;
use super::dialogue::file_belongs;
use super::setup::OfficeSetup;
use crate::domain::bundle::village::ReadBundle;
use crate::domain::bundle::FileError;
use crate::domain::grouping::{self, Candidate};
use crate::domain::legacy;
use crate::domain::petition::{Kind, Petition, PetitionId};
use crate::domain::text::{char_len, clean, clean_line, limit, shown_safely};

/// What the office decided about a petition. `None` means "as the village sent it".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficeFields {
    pub field: Option<String>,
    pub kind: Option<Kind>,
    /// The texts converted from a legacy encoding; the village's stay as they came.
    pub content: Option<String>,
    pub names: Option<Vec<String>>,
    pub address: Option<String>,
    pub department: Option<String>,
    pub official: String,
    /// The answer the department prepared (dự thảo trả lời): shown at the session and
    /// the starting text of the answer recorded there.
    pub draft: String,
    /// A denunciation's own track ([`super::denunciation`]); `None` while only received.
    pub track: Option<Track>,
    /// Whether the petition is asked at the session; `None`: as its kind has it (a
    /// denunciation never is, anything else is). The office takes a complaint off.
    pub discuss: Option<bool>,
}

impl OfficeFields {
    /// Drops the texts converted from an earlier version: a new version from the village
    /// is converted again, if it needs to be, never shown with the old one's text.
    fn forget_converted(&mut self) {
        self.content = None;
        self.names = None;
        self.address = None;
    }
}

/// One petition in the register.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The village's code in the office's setup.
    pub village: String,
    /// The petition as the village last sent it.
    pub original: Petition,
    /// Another content under the same id and revision, kept until a person decides.
    pub conflict: Option<Petition>,
    pub office: OfficeFields,
    pub imported_at: DateTime<Utc>,
}

/// Where a petition stands at the office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OfficeStatus {
    /// Imported, not yet given to a department.
    Received,
    /// A department prepares the answer (itself or through its group).
    Assigned,
    /// Two versions disagree; a person must choose.
    Conflict,
    /// The village deleted it or merged it into another.
    Withdrawn,
}

impl OfficeStatus {
    pub const ALL: [OfficeStatus; 4] = [
        OfficeStatus::Received,
        OfficeStatus::Assigned,
        OfficeStatus::Conflict,
        OfficeStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OfficeStatus::Received => "moi",
            OfficeStatus::Assigned => "da-giao",
            OfficeStatus::Conflict => "xung-dot",
            OfficeStatus::Withdrawn => "thon-rut",
        }
    }
}

impl Entry {
    pub fn id(&self) -> &PetitionId {
        &self.original.id
    }

    pub fn field(&self) -> &str {
        self.office.field.as_deref().unwrap_or(&self.original.field)
    }

    pub fn kind(&self) -> Kind {
        self.office.kind.unwrap_or(self.original.kind)
    }

    /// Whether it becomes a question of the public session: never a denunciation, which
    /// has its own track; anything else unless the office took it off.
    pub fn at_session(&self) -> bool {
        self.kind() != Kind::Denunciation && self.office.discuss.unwrap_or(true)
    }

    pub fn content(&self) -> &str {
        self.office
            .content
            .as_deref()
            .unwrap_or(&self.original.content)
    }

    /// The petitioners' names, as converted by the office if they were.
    pub fn names(&self) -> &[String] {
        self.office
            .names
            .as_deref()
            .unwrap_or(self.original.petitioners.names())
    }

    pub fn address(&self) -> &str {
        self.office
            .address
            .as_deref()
            .unwrap_or(&self.original.address)
    }

    pub fn is_active(&self) -> bool {
        self.original.is_active()
    }

    /// What converting this petition's texts typed in a legacy encoding (TCVN3, VNI) gives,
    /// each text detected on its own (a name typed in an old program beside content typed
    /// in Unicode); `None` when none is, or the office converted them already.
    pub fn legacy_texts(&self) -> Option<LegacyTexts> {
        let o = &self.office;
        if !self.is_active() || o.content.is_some() || o.names.is_some() || o.address.is_some() {
            return None;
        }
        let p = &self.original;
        let names = p.petitioners.names();
        let found = LegacyTexts {
            content: legacy::converted(&p.content),
            names: names.iter().any(|n| legacy::detect(n).is_some()).then(|| {
                names
                    .iter()
                    .map(|n| legacy::converted(n).unwrap_or_else(|| n.clone()))
                    .collect()
            }),
            address: legacy::converted(&p.address),
        };
        (found != LegacyTexts::default()).then_some(found)
    }

    /// Whether the office changed the village's field or kind.
    pub fn is_reclassified(&self) -> bool {
        self.office.field.is_some() || self.office.kind.is_some()
    }
}

/// A petition's texts that were typed in a legacy encoding, converted (the others `None`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LegacyTexts {
    pub content: Option<String>,
    pub names: Option<Vec<String>>,
    pub address: Option<String>,
}

/// The same issue raised in several villages, answered once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub field: String,
    pub members: Vec<PetitionId>,
    pub department: Option<String>,
    pub official: String,
    /// The answer prepared for the group (see [`OfficeFields::draft`]).
    pub draft: String,
}

/// One change a person makes to many petitions at once; `None` leaves that part as it
/// is. `assign` is the department and the official (empty when not named).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkChange {
    pub field: Option<String>,
    pub kind: Option<Kind>,
    pub assign: Option<(String, String)>,
}

/// A draft answer as it is kept: cleaned, and no longer than the answer it starts.
fn draft_answer(text: &str) -> Result<String, ActionError> {
    let text = clean(text);
    if char_len(&text) > limit::TEXT {
        return Err(ActionError::TooLong);
    }
    Ok(text)
}

/// The last export of a tablet the office has seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub village: String,
    pub device_id: String,
    pub sequence: u32,
    pub exported_at: DateTime<Utc>,
    pub imported_at: DateTime<Utc>,
    /// When and where the village held its meeting, and how many came, as its bundle
    /// says (a bundle sent before the meeting was recorded says nothing).
    pub meeting_date: Option<chrono::NaiveDate>,
    pub meeting_place: String,
    pub attendance: Option<u32>,
    /// The latest file's name as it was picked, and whether it came encrypted: what the
    /// office looks for when a village says "we sent it on Zalo".
    pub file: FileLabel,
    /// How many files of this tablet the office has taken; more than one is a re-send.
    pub received: u32,
}

/// A bundle file as it reached the office. Empty for files taken before the office kept
/// their names, and for the import's rehearsal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileLabel {
    pub name: String,
    pub sealed: bool,
}

/// How one bundle changed the register.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicting: usize,
    /// Petitions the village deleted or merged since the last import.
    pub withdrawn: usize,
}

/// A bundle that was taken in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub village: String,
    pub village_name: String,
    pub counts: ImportCounts,
    /// Petitions whose text looks typed in a legacy encoding (TCVN3, VNI).
    pub legacy: Vec<PetitionId>,
    /// Where in [`Register::entries`] the entries added or changed are, ascending, so
    /// that only their search keys are made again.
    pub touched: Vec<usize>,
}

/// Why a bundle was refused whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    File(FileError),
    /// The bundle names another commune.
    OtherCommune(String),
    /// The bundle's village is not in this commune's list.
    UnknownVillage(String),
    /// A petition id already held by another village: a copied or forged file.
    ForeignId(String),
    /// The office has no setup yet, so it cannot tell whose file it is.
    NoSetup,
    /// The village does not take part in this dialogue (one of some villages): its name.
    NotTakingPart(String),
    /// The bundle was collected for another dialogue than the one under way (an earlier
    /// round, or another commune's office): the bundle's dialogue title (empty for a
    /// bundle of version 1, the first dialogue's) and the title of the one under way.
    OtherDialogue {
        found: String,
        current: String,
    },
}

impl From<FileError> for Refusal {
    fn from(e: FileError) -> Self {
        Refusal::File(e)
    }
}

/// Why an office action was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    UnknownPetition,
    UnknownGroup,
    /// A group needs two petitions or more.
    TooFewMembers,
    /// A petition is in another group already.
    AlreadyGrouped,
    EmptyTitle,
    NotInList,
    /// A draft answer longer than an answer may be ([`limit::TEXT`]).
    TooLong,
    /// A denunciation cannot join a group: it has its own track, and a group's title and
    /// answer are public.
    Denunciation,
    /// A denunciation's track on a petition that is not one.
    NotDenunciation,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    entries: Vec<Entry>,
    index: HashMap<PetitionId, usize>,
    groups: Vec<Group>,
    /// Which group each grouped petition is in (index into `groups`), rebuilt after every
    /// change of groups: the list asks it for every row.
    membership: HashMap<PetitionId, usize>,
    sources: Vec<Source>,
}

impl Register {
    pub fn new(entries: Vec<Entry>, groups: Vec<Group>, sources: Vec<Source>) -> Self {
        let mut r = Self {
            entries: Vec::with_capacity(entries.len()),
            index: HashMap::with_capacity(entries.len()),
            groups,
            membership: HashMap::new(),
            sources,
        };
        for e in entries {
            // A petition stored twice (two chunks disagreeing): the first one stays.
            if !r.index.contains_key(e.id()) {
                r.index.insert(e.id().clone(), r.entries.len());
                r.entries.push(e);
            }
        }
        let known = &r.index;
        for g in &mut r.groups {
            g.members.retain(|m| known.contains_key(m));
        }
        r.reindex_groups();
        r
    }

    /// Rebuilds the membership index. A petition listed by two groups stays in the first,
    /// and a group left with fewer than two petitions is dissolved: a group of one is just
    /// a petition.
    fn reindex_groups(&mut self) {
        let mut seen = std::collections::HashSet::new();
        for g in &mut self.groups {
            g.members.retain(|m| seen.insert(m.clone()));
        }
        self.groups.retain(|g| g.members.len() >= 2);
        self.membership.clear();
        for (i, g) in self.groups.iter().enumerate() {
            for m in &g.members {
                self.membership.insert(m.clone(), i);
            }
        }
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Each village's meeting date, from its latest bundle that gave one: (village
    /// name, date), in the setup's order.
    pub fn meeting_dates(&self, setup: &OfficeSetup) -> Vec<(String, chrono::NaiveDate)> {
        setup
            .villages
            .iter()
            .filter_map(|v| {
                self.sources
                    .iter()
                    .filter(|s| s.village == v.code)
                    .filter_map(|s| s.meeting_date.map(|d| (s.exported_at, d)))
                    .max()
                    .map(|(_, d)| (v.name.clone(), d))
            })
            .collect()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, id: &PetitionId) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    fn get_mut(&mut self, id: &PetitionId) -> Result<&mut Entry, ActionError> {
        match self.index.get(id) {
            Some(&i) => Ok(&mut self.entries[i]),
            None => Err(ActionError::UnknownPetition),
        }
    }

    /// The entries of one village, for storing that village's chunk.
    pub fn village_entries<'a>(&'a self, village: &'a str) -> impl Iterator<Item = &'a Entry> {
        self.entries.iter().filter(move |e| e.village == village)
    }

    pub fn group_of(&self, id: &PetitionId) -> Option<&Group> {
        self.membership.get(id).map(|&i| &self.groups[i])
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The department that prepares the answer: the petition's own, or its group's.
    pub fn department_of<'a>(&'a self, e: &'a Entry) -> Option<&'a str> {
        e.office
            .department
            .as_deref()
            .or_else(|| self.group_of(e.id()).and_then(|g| g.department.as_deref()))
    }

    pub fn status(&self, e: &Entry) -> OfficeStatus {
        if !e.is_active() {
            OfficeStatus::Withdrawn
        } else if e.conflict.is_some() {
            OfficeStatus::Conflict
        } else if self.department_of(e).is_some() {
            OfficeStatus::Assigned
        } else {
            OfficeStatus::Received
        }
    }

    /// Takes in a village bundle that passed the file checks. Refuses it whole when it is
    /// not this commune's, or when it would touch another village's petitions. The
    /// petitions are moved into the register, not copied: a bundle holds thousands.
    pub fn import(
        &mut self,
        read: ReadBundle,
        setup: Option<&OfficeSetup>,
        now: DateTime<Utc>,
    ) -> Result<Imported, Refusal> {
        self.import_file(read, setup, now, FileLabel::default())
    }

    /// [`Self::import`] of a file the office picked or was dropped, remembered with the
    /// village's latest export (see [`Source`]).
    pub fn import_file(
        &mut self,
        read: ReadBundle,
        setup: Option<&OfficeSetup>,
        now: DateTime<Utc>,
        file: FileLabel,
    ) -> Result<Imported, Refusal> {
        let setup = setup.ok_or(Refusal::NoSetup)?;
        let ReadBundle {
            bundle: b,
            petitions,
        } = read;
        if !setup.is_this_commune(&b.commune) {
            return Err(Refusal::OtherCommune(clean_line(&b.commune)));
        }
        if !file_belongs(
            b.dialogue.as_ref().map(|d| d.id.as_str()),
            &setup.dialogue.id,
        ) {
            return Err(Refusal::OtherDialogue {
                found: b
                    .dialogue
                    .as_ref()
                    .map(|d| d.title.clone())
                    .unwrap_or_default(),
                current: setup.dialogue.title.clone(),
            });
        }
        let village = setup
            .find_village(&b.village.code, &b.village.name)
            .ok_or_else(|| Refusal::UnknownVillage(clean_line(&b.village.name)))?;
        if !setup.takes_part(&village.code) {
            return Err(Refusal::NotTakingPart(village.name.clone()));
        }
        for p in &petitions {
            if let Some(e) = self.get(&p.id) {
                if e.village != village.code {
                    return Err(Refusal::ForeignId(p.id.to_string()));
                }
            }
        }
        let mut counts = ImportCounts::default();
        let mut legacy = Vec::new();
        let mut changed = Vec::new();
        // Room for a village's petitions at once: the register grows by a thousand of
        // them per file, and grown one at a time it is copied whole at every doubling.
        self.entries.reserve(petitions.len());
        self.index.reserve(petitions.len());
        for p in petitions {
            let at = self.index.get(&p.id).copied().unwrap_or(self.entries.len());
            // Looked at before the petition moves into the register.
            let legacy_hit = (p.is_active()
                && [&p.content, &p.address]
                    .into_iter()
                    .chain(p.petitioners.names())
                    .any(|t| legacy::detect(t).is_some()))
            .then(|| p.id.clone());
            let touched = match self.index.get(&p.id) {
                None => {
                    if p.is_active() {
                        counts.new += 1;
                    } else {
                        counts.withdrawn += 1;
                    }
                    self.index.insert(p.id.clone(), self.entries.len());
                    self.entries.push(Entry {
                        village: village.code.clone(),
                        original: p,
                        conflict: None,
                        office: OfficeFields::default(),
                        imported_at: now,
                    });
                    true
                }
                Some(&i) => {
                    let e = &mut self.entries[i];
                    if p.revision > e.original.revision {
                        if e.original.is_active() && !p.is_active() {
                            counts.withdrawn += 1;
                        } else {
                            counts.updated += 1;
                        }
                        e.original = p;
                        e.office.forget_converted();
                        // A conflict of an older revision is settled by the newer one.
                        e.conflict = None;
                        e.imported_at = now;
                        true
                    } else if p.revision < e.original.revision
                        || p == e.original
                        || e.conflict.as_ref() == Some(&p)
                    {
                        counts.unchanged += 1;
                        false
                    } else {
                        counts.conflicting += 1;
                        e.conflict = Some(p);
                        false
                    }
                }
            };
            if touched {
                changed.push(at);
                legacy.extend(legacy_hit);
            }
        }
        changed.sort_unstable();
        self.note_source(Source {
            village: village.code.clone(),
            device_id: clean_line(&b.device_id),
            sequence: b.sequence,
            exported_at: b.exported_at,
            imported_at: now,
            meeting_date: b.meeting.as_ref().and_then(|m| m.date),
            meeting_place: b
                .meeting
                .as_ref()
                .map(|m| clean_line(&m.place))
                .unwrap_or_default(),
            attendance: b.meeting.as_ref().map(|m| m.attendance).filter(|&n| n > 0),
            file: FileLabel {
                // Only ever shown: kept as it is safe to show.
                name: shown_safely(&file.name),
                sealed: file.sealed,
            },
            received: 1,
        });
        Ok(Imported {
            village: village.code.clone(),
            village_name: village.name.clone(),
            counts,
            legacy,
            touched: changed,
        })
    }

    fn note_source(&mut self, s: Source) {
        match self
            .sources
            .iter_mut()
            .find(|o| o.village == s.village && o.device_id == s.device_id)
        {
            Some(o) if o.sequence <= s.sequence => {
                let received = o.received.saturating_add(1);
                *o = Source { received, ..s };
            }
            // An older file taken again: counted, the latest export stays.
            Some(o) => o.received = o.received.saturating_add(1),
            None => self.sources.push(s),
        }
    }

    /// A person settles a conflict: keep what the office has, or take the other version.
    pub fn resolve_conflict(
        &mut self,
        id: &PetitionId,
        take_other: bool,
    ) -> Result<(), ActionError> {
        let e = self.get_mut(id)?;
        let other = e.conflict.take().ok_or(ActionError::UnknownPetition)?;
        if take_other {
            e.original = other;
            e.office.forget_converted();
        }
        Ok(())
    }

    /// Changes the field and kind the office files the petition under. Choosing the
    /// village's own value clears the override.
    pub fn reclassify(
        &mut self,
        id: &PetitionId,
        field: &str,
        kind: Kind,
    ) -> Result<(), ActionError> {
        let e = self.get_mut(id)?;
        let field = clean_line(field);
        e.office.field = (field != e.original.field).then_some(field);
        e.office.kind = (kind != e.original.kind).then_some(kind);
        // A denunciation leaves its group: it has its own track, not the group's answer.
        if kind == Kind::Denunciation && self.group_of(id).is_some() {
            self.remove_from_group(id)?;
        }
        Ok(())
    }

    fn refuse_denunciation(&self, id: &PetitionId) -> Result<(), ActionError> {
        match self.get(id) {
            Some(e) if e.kind() == Kind::Denunciation => Err(ActionError::Denunciation),
            _ => Ok(()),
        }
    }

    /// Records a denunciation's track (checked by [`super::denunciation::TrackDraft`]).
    pub fn set_track(&mut self, id: &PetitionId, track: Track) -> Result<(), ActionError> {
        let e = self.get_mut(id)?;
        if e.kind() != Kind::Denunciation {
            return Err(ActionError::NotDenunciation);
        }
        e.office.track = Some(track);
        Ok(())
    }

    /// Puts a petition on the session's questions or takes it off (a complaint the office
    /// leaves to its own procedure).
    pub fn set_discussed(&mut self, id: &PetitionId, discuss: bool) -> Result<(), ActionError> {
        self.get_mut(id)?.office.discuss = (!discuss).then_some(false);
        Ok(())
    }

    /// Applies one change to many petitions in one save, or to none if one of them is
    /// not in the register: the field and kind to each petition; the assignment to the
    /// group a petition is in (a group is answered as one), else to the petition.
    /// Returns the villages whose entries changed, sorted, for the store.
    pub fn apply_many(
        &mut self,
        ids: &[PetitionId],
        change: &BulkChange,
    ) -> Result<Vec<String>, ActionError> {
        if ids.iter().any(|id| !self.index.contains_key(id)) {
            return Err(ActionError::UnknownPetition);
        }
        let mut villages = Vec::new();
        for id in ids {
            if change.field.is_some() || change.kind.is_some() {
                let e = self.get(id).ok_or(ActionError::UnknownPetition)?;
                let field = change
                    .field
                    .clone()
                    .unwrap_or_else(|| e.field().to_string());
                let kind = change.kind.unwrap_or_else(|| e.kind());
                self.reclassify(id, &field, kind)?;
            }
            if let Some((department, official)) = &change.assign {
                match self.membership.get(id).copied() {
                    Some(g) => {
                        let group = self.groups[g].id.clone();
                        self.assign_group(&group, Some(department), official)?;
                    }
                    None => self.assign_petition(id, Some(department), official)?,
                }
            }
            villages.push(self.get(id).map(|e| e.village.clone()).unwrap_or_default());
        }
        villages.sort_unstable();
        villages.dedup();
        Ok(villages)
    }

    /// Converts a petition's texts typed in a legacy encoding (`Entry::legacy_texts`);
    /// the village's texts stay as they came.
    pub fn convert_legacy(&mut self, id: &PetitionId) -> Result<(), ActionError> {
        let e = self.get_mut(id)?;
        if let Some(found) = e.legacy_texts() {
            e.office.content = found.content;
            e.office.names = found.names;
            e.office.address = found.address;
        }
        Ok(())
    }

    pub fn assign_petition(
        &mut self,
        id: &PetitionId,
        department: Option<&str>,
        official: &str,
    ) -> Result<(), ActionError> {
        let e = self.get_mut(id)?;
        e.office.department = department.map(clean_line).filter(|d| !d.is_empty());
        e.office.official = clean_line(official);
        Ok(())
    }

    /// The department's prepared answer to a petition not in a group.
    pub fn prepare_petition(&mut self, id: &PetitionId, draft: &str) -> Result<(), ActionError> {
        let draft = draft_answer(draft)?;
        self.get_mut(id)?.office.draft = draft;
        Ok(())
    }

    /// The department's prepared answer to a group.
    pub fn prepare_group(&mut self, id: &str, draft: &str) -> Result<(), ActionError> {
        let draft = draft_answer(draft)?;
        self.group_mut(id)?.draft = draft;
        Ok(())
    }

    fn group_mut(&mut self, id: &str) -> Result<&mut Group, ActionError> {
        self.groups
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or(ActionError::UnknownGroup)
    }

    /// Creates a group from petitions a person chose (usually a suggestion, maybe split).
    pub fn create_group(
        &mut self,
        title: &str,
        field: &str,
        members: &[PetitionId],
    ) -> Result<String, ActionError> {
        let title = clean_line(title);
        if title.is_empty() {
            return Err(ActionError::EmptyTitle);
        }
        let mut unique: Vec<PetitionId> = Vec::with_capacity(members.len());
        for m in members {
            if self.get(m).is_none() {
                return Err(ActionError::UnknownPetition);
            }
            if self.group_of(m).is_some() {
                return Err(ActionError::AlreadyGrouped);
            }
            self.refuse_denunciation(m)?;
            if !unique.contains(m) {
                unique.push(m.clone());
            }
        }
        if unique.len() < 2 {
            return Err(ActionError::TooFewMembers);
        }
        let next = self
            .groups
            .iter()
            .filter_map(|g| g.id.strip_prefix("n")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let id = format!("n{next}");
        self.groups.push(Group {
            id: id.clone(),
            title,
            field: clean_line(field),
            members: unique,
            department: None,
            official: String::new(),
            draft: String::new(),
        });
        self.reindex_groups();
        Ok(id)
    }

    pub fn edit_group(&mut self, id: &str, title: &str, field: &str) -> Result<(), ActionError> {
        let title = clean_line(title);
        if title.is_empty() {
            return Err(ActionError::EmptyTitle);
        }
        let g = self.group_mut(id)?;
        g.title = title;
        g.field = clean_line(field);
        Ok(())
    }

    pub fn add_to_group(&mut self, id: &str, member: &PetitionId) -> Result<(), ActionError> {
        if self.get(member).is_none() {
            return Err(ActionError::UnknownPetition);
        }
        if self.group_of(member).is_some() {
            return Err(ActionError::AlreadyGrouped);
        }
        self.refuse_denunciation(member)?;
        self.group_mut(id)?.members.push(member.clone());
        self.reindex_groups();
        Ok(())
    }

    /// Takes a petition out of its group (a split).
    pub fn remove_from_group(&mut self, member: &PetitionId) -> Result<(), ActionError> {
        let g = self
            .groups
            .iter_mut()
            .find(|g| g.members.contains(member))
            .ok_or(ActionError::NotInList)?;
        g.members.retain(|m| m != member);
        self.reindex_groups();
        Ok(())
    }

    pub fn dissolve_group(&mut self, id: &str) -> Result<(), ActionError> {
        let before = self.groups.len();
        self.groups.retain(|g| g.id != id);
        if self.groups.len() == before {
            return Err(ActionError::UnknownGroup);
        }
        self.reindex_groups();
        Ok(())
    }

    pub fn assign_group(
        &mut self,
        id: &str,
        department: Option<&str>,
        official: &str,
    ) -> Result<(), ActionError> {
        let g = self.group_mut(id)?;
        g.department = department.map(clean_line).filter(|d| !d.is_empty());
        g.official = clean_line(official);
        Ok(())
    }

    /// The villages a group's petitions came from, in the setup's order, and how many
    /// citizens back them in all.
    pub fn group_reach(&self, g: &Group, setup: &OfficeSetup) -> (Vec<String>, u32) {
        let members: Vec<&Entry> = g.members.iter().filter_map(|m| self.get(m)).collect();
        let villages = setup
            .villages
            .iter()
            .filter(|v| members.iter().any(|e| e.village == v.code))
            .map(|v| v.name.clone())
            .collect();
        let backers = members
            .iter()
            .filter(|e| e.is_active())
            .fold(0u32, |sum, e| sum.saturating_add(e.original.backers));
        (villages, backers)
    }

    /// Groups the app suggests among the live petitions not yet in a group: lists of
    /// petition ids, largest first.
    pub fn suggestions(&self) -> Vec<Vec<PetitionId>> {
        let free: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| {
                e.is_active() && e.kind() != Kind::Denunciation && self.group_of(e.id()).is_none()
            })
            .collect();
        let candidates: Vec<Candidate<'_>> = free
            .iter()
            .map(|e| Candidate {
                text: e.content(),
                field: e.field(),
                village: &e.village,
            })
            .collect();
        grouping::suggest(&candidates)
            .into_iter()
            .map(|g| g.into_iter().map(|i| free[i].id().clone()).collect())
            .collect()
    }
}

/// A title for a suggested group: the start of its first petition, cut at a word.
pub fn suggested_title(text: &str) -> String {
    const MAX: usize = 80;
    let line = clean_line(text);
    if line.chars().count() <= MAX {
        return line;
    }
    let cut: String = line.chars().take(MAX).collect();
    match cut.rfind(' ') {
        Some(i) if i > 20 => format!("{}…", &cut[..i]),
        _ => format!("{cut}…"),
    }
}
