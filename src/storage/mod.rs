//! Where the tablet keeps its data: a small key-value trait ([`KeyValueStore`]) with the
//! browser's local storage behind it in the app and a [`MemoryStore`] in tests, and the
//! [`Repository`] that maps domain values to keys.
//!
//! One petition is one key (`dt1:p:<id>`), so saving a petition writes that petition and
//! nothing else, however many are stored. An entry that fails to read is moved aside under
//! `dt1:broken:` and reported; the others still load.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::bundle::results::{parse_results, ReadResults};
use crate::domain::bundle::v1::{DialogueRecord, MeetingRecord, PetitionRecord, ProfileRecord};
use crate::domain::json;
use crate::domain::petition::{Petition, PetitionDraft, PetitionId};
use crate::domain::round::PastRound;
use crate::domain::text::{char_len, limit};
use crate::domain::village::{Meeting, VillageProfile};

pub mod backup;
#[cfg(target_arch = "wasm32")]
pub mod indexed;
#[cfg(target_arch = "wasm32")]
pub mod local;
mod memory;
pub mod migrate;
pub mod office;
pub mod pieces;
pub use memory::MemoryStore;

/// Why a write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full.
    Full,
    /// Storage refused the write for another reason (private mode, disabled by policy),
    /// or the value read back differs from the one written.
    NotSaved,
    /// Another tab of the app saved first; this change was not written, so as not to
    /// overwrite that work.
    Stale,
    /// What is shown is a closed dialogue, kept as it was: nothing of it is changed.
    ReadOnly,
}

/// The few operations the app needs from a key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// Whether the write of `value` at `key`, just made, landed. Local storage can drop a
    /// write silently, so by default the value is read back and compared.
    fn landed(&self, key: &str, value: &str) -> bool {
        self.get(key).as_deref() == Some(value)
    }
}

const PROFILE: &str = "dt1:profile";
const MEETING: &str = "dt1:meeting";
const DEVICE: &str = "dt1:device";
const EXPORTS: &str = "dt1:exports";
const DRAFT: &str = "dt1:draft";
const SETTINGS: &str = "dt1:settings";
/// The latest results from the commune this tablet took in: a results file itself, with
/// only this tablet's petitions (and its checksum made for them), read back like a file.
const RESULTS: &str = "dt1:results";
const PETITION_PREFIX: &str = "dt1:p:";
/// A round that ended, under its dialogue's id: [`RoundRecord`].
const ROUND_PREFIX: &str = "dt1:round:";
const BROKEN_PREFIX: &str = "dt1:broken:";

/// A stored entry that could not be read. Its text is kept under its new key so nothing is
/// lost: it can be exported and rescued by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenEntry {
    pub key: String,
    pub raw: String,
}

/// The file a person downloads to rescue the entries set aside: each key with its text
/// exactly as stored, to be mended by hand.
pub fn rescue_file(broken: &[BrokenEntry]) -> String {
    let entries = broken
        .iter()
        .map(|e| serde_json::json!({ "key": e.key, "raw": e.raw }))
        .collect();
    json::to_pretty_text(&serde_json::Value::Array(entries))
}

/// The user's preferences on this device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// "vi" or "en"
    pub lang: String,
    #[serde(default)]
    pub large_text: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: "vi".into(),
            large_text: false,
        }
    }
}

/// The last export of this tablet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportLog {
    pub sequence: u32,
    #[serde(default, with = "crate::domain::time::rfc3339_opt")]
    pub last_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Each petition's id and revision as the last export sent it: what changed since is
    /// told by the revisions, which only grow, not by the tablet's clock. Empty in a log
    /// of the releases before it (then the clock tells).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<(String, u32)>,
}

impl ExportLog {
    /// The log after one more export, of `petitions`.
    pub fn next(&self, now: chrono::DateTime<chrono::Utc>, petitions: &[Petition]) -> ExportLog {
        ExportLog {
            sequence: self.sequence.saturating_add(1),
            last_at: Some(now),
            sent: petitions
                .iter()
                .map(|p| (p.id.to_string(), p.revision))
                .collect(),
        }
    }
}

/// The petition form in progress, kept so a sleeping tablet or a reload loses no typing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRecord {
    #[serde(default)]
    pub editing: Option<String>,
    pub content: String,
    pub field: String,
    pub kind: String,
    pub names: String,
    pub address: String,
    pub phone: String,
    pub backers: String,
    pub confidential: bool,
}

impl DraftRecord {
    pub fn new(draft: &PetitionDraft, editing: Option<&PetitionId>) -> Self {
        Self {
            editing: editing.map(ToString::to_string),
            content: draft.content.clone(),
            field: draft.field.clone(),
            kind: draft.kind_code.clone(),
            names: draft.names.clone(),
            address: draft.address.clone(),
            phone: draft.phone.clone(),
            backers: draft.backers.clone(),
            confidential: draft.confidential,
        }
    }

    pub fn draft(&self) -> PetitionDraft {
        PetitionDraft {
            content: self.content.clone(),
            field: self.field.clone(),
            kind_code: self.kind.clone(),
            names: self.names.clone(),
            address: self.address.clone(),
            phone: self.phone.clone(),
            backers: self.backers.clone(),
            confidential: self.confidential,
        }
    }

    /// Whether every box of the form is within the limit the form's box holds it to. A
    /// draft over them (a release before the boxes stopped at their limits kept a pasted
    /// million characters) is never stored, nor put back into the form, where its layout
    /// froze the tablet at every start.
    pub fn fits(&self) -> bool {
        let within = |text: &str, max: usize| text.len() <= max || char_len(text) <= max;
        within(&self.content, limit::LONG)
            && within(&self.names, limit::LONG)
            && [
                &self.field,
                &self.kind,
                &self.address,
                &self.phone,
                &self.backers,
            ]
            .into_iter()
            .all(|t| within(t, limit::LINE))
    }

    pub fn editing(&self) -> Option<PetitionId> {
        self.editing.as_deref().and_then(PetitionId::parse)
    }
}

/// Everything read at start-up.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub profile: Option<VillageProfile>,
    pub meeting: Option<Meeting>,
    pub petitions: Vec<Petition>,
    pub draft: Option<DraftRecord>,
    pub settings: Settings,
    pub exports: ExportLog,
    /// Entries moved aside at this start.
    pub broken_now: Vec<BrokenEntry>,
}

/// A round of collecting that ended, stored whole in one entry (read only when the village
/// head opens the rounds' history, so a tablet with many rounds starts as fast as one
/// with none). Its meeting and petitions are kept as the texts they were stored as, and
/// read with the very readers of the round under way (so the module that ends a round
/// needs no writer of petitions: the tablet's first-start download stays small); the
/// results as their file's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub dialogue: DialogueRecord,
    #[serde(with = "crate::domain::time::rfc3339")]
    pub ended_at: chrono::DateTime<chrono::Utc>,
    #[serde(default)]
    pub meeting: Option<String>,
    pub petitions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<String>,
}

/// A stored text read as its record, then as the domain's value.
fn stored_as<R: serde::de::DeserializeOwned, T: TryFrom<R>>(text: &str) -> Option<T> {
    json::from_stored::<R>(text)
        .ok()
        .and_then(|r| T::try_from(r).ok())
}

impl TryFrom<RoundRecord> for PastRound {
    type Error = ();

    fn try_from(r: RoundRecord) -> Result<Self, ()> {
        Ok(PastRound {
            dialogue: r.dialogue.into(),
            ended_at: r.ended_at,
            meeting: match r.meeting {
                Some(text) => Some(stored_as::<MeetingRecord, Meeting>(&text).ok_or(())?),
                None => None,
            },
            petitions: r
                .petitions
                .iter()
                .map(|text| stored_as::<PetitionRecord, Petition>(text).ok_or(()))
                .collect::<Result<_, _>>()?,
            results: r
                .results
                .map(|text| parse_results(&text))
                .transpose()
                .map_err(drop)?,
        })
    }
}

/// Domain values in and out of a [`KeyValueStore`].
pub struct Repository<S: KeyValueStore> {
    store: S,
}

impl<S: KeyValueStore> Repository<S> {
    pub fn new(store: S) -> Self {
        Self { store }
    }

    /// Reads everything; an entry that cannot be read is moved aside and reported.
    pub fn load(&self) -> Snapshot {
        let mut snap = Snapshot::default();
        let mut broken = Vec::new();
        snap.profile = self.read::<ProfileRecord, VillageProfile>(PROFILE, &mut broken);
        snap.meeting = self.read::<MeetingRecord, Meeting>(MEETING, &mut broken);
        snap.draft = self.read::<DraftRecord, DraftRecord>(DRAFT, &mut broken);
        if snap.draft.as_ref().is_some_and(|d| !d.fits()) {
            // Set aside, not lost: the person can still download it from Settings.
            if let Some(raw) = self.store.get(DRAFT) {
                broken.push(self.set_aside(DRAFT, raw));
            }
            snap.draft = None;
        }
        snap.settings = self
            .read::<Settings, Settings>(SETTINGS, &mut broken)
            .unwrap_or_default();
        snap.exports = self
            .read::<ExportLog, ExportLog>(EXPORTS, &mut broken)
            .unwrap_or_default();
        let keys = self.store.keys();
        for key in keys.iter().filter(|k| k.starts_with(PETITION_PREFIX)) {
            let p = self.read::<PetitionRecord, Petition>(key, &mut broken);
            // An entry stored under another petition's key is as broken as a bad one.
            match p {
                Some(p) if *key == petition_key(&p.id) => snap.petitions.push(p),
                Some(_) => {
                    if let Some(raw) = self.store.get(key) {
                        broken.push(self.set_aside(key, raw));
                    }
                }
                None => {}
            }
        }
        snap.petitions
            .sort_unstable_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        snap.broken_now = broken;
        snap
    }

    fn read<R, T>(&self, key: &str, broken: &mut Vec<BrokenEntry>) -> Option<T>
    where
        R: DeserializeOwned,
        T: TryFrom<R>,
    {
        read_entry::<R, T>(&self.store, key, broken, json::from_stored)
    }

    fn set_aside(&self, key: &str, raw: String) -> BrokenEntry {
        set_aside(&self.store, key, raw)
    }

    /// Every entry set aside so far, at this start or before.
    pub fn broken_entries(&self) -> Vec<BrokenEntry> {
        broken_entries(&self.store)
    }

    fn write<R: Serialize>(&self, key: &str, record: &R) -> Result<(), StoreError> {
        write_entry(&self.store, key, record, json::to_text)
    }

    /// The revision of a petition as stored now (another tab may have saved a newer one).
    pub fn stored_revision(&self, id: &PetitionId) -> Option<u32> {
        let raw = self.store.get(&petition_key(id))?;
        json::from_stored::<PetitionRecord>(&raw)
            .ok()
            .map(|r| r.revision)
    }

    /// Whether a key of this store holds a petition (for telling other tabs' changes apart).
    pub fn is_petition_key(key: &str) -> bool {
        key.starts_with(PETITION_PREFIX)
    }

    /// Saves one petition: one key written, whatever else is stored.
    pub fn save_petition(&self, p: &Petition) -> Result<(), StoreError> {
        self.write(&petition_key(&p.id), &PetitionRecord::from(p))
    }

    pub fn save_profile(&self, p: &VillageProfile) -> Result<(), StoreError> {
        self.write(PROFILE, &ProfileRecord::from(p))
    }

    pub fn save_meeting(&self, m: &Meeting) -> Result<(), StoreError> {
        self.write(MEETING, &MeetingRecord::from(m))
    }

    pub fn save_settings(&self, s: &Settings) -> Result<(), StoreError> {
        self.write(SETTINGS, s)
    }

    /// Keeps what the form holds. A draft over the form's limits is not written (only a
    /// script gets past the boxes' limits; see [`DraftRecord::fits`]).
    pub fn save_draft(&self, d: &DraftRecord) -> Result<(), StoreError> {
        if !d.fits() {
            return Ok(());
        }
        self.write(DRAFT, d)
    }

    pub fn clear_draft(&self) {
        self.store.remove(DRAFT);
    }

    /// The results from the commune as stored now: read when a page that shows them is
    /// drawn, so another tab's newer file counts too. A broken entry is set aside.
    pub fn stored_results(&self) -> Option<ReadResults> {
        read_entry(&self.store, RESULTS, &mut Vec::new(), parse_results)
    }

    /// Replaces the results held with newer ones (written whole, then read back).
    pub fn save_results(&self, results: &ReadResults) -> Result<(), StoreError> {
        write_entry(&self.store, RESULTS, results, ReadResults::stored_text)
    }

    /// The rounds that ended, oldest first; one that cannot be read is set aside.
    pub fn past_rounds(&self) -> Vec<PastRound> {
        let mut keys: Vec<String> = self
            .store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(ROUND_PREFIX))
            .collect();
        keys.sort_unstable();
        let mut rounds: Vec<PastRound> = keys
            .iter()
            .filter_map(|k| self.read::<RoundRecord, PastRound>(k, &mut Vec::new()))
            .collect();
        rounds.sort_unstable_by_key(|r| r.ended_at);
        rounds
    }

    /// Ends the round under way and starts the one of `next` (its profile): the round's
    /// petitions, meeting and results are kept whole under its dialogue's id, then the
    /// new profile is written, and only then are the round's own entries removed, so a
    /// failure at any step loses nothing and taking the file again finishes the work. An
    /// entry kept already under that id (an earlier attempt) keeps every petition of it
    /// that this round no longer holds.
    pub fn begin_round(
        &self,
        current: &Snapshot,
        next: &VillageProfile,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let dialogue = current
            .profile
            .as_ref()
            .and_then(|p| p.dialogue.clone())
            .unwrap_or_else(|| crate::domain::village::DialogueInfo {
                id: crate::domain::bundle::dialogue::FIRST_DIALOGUE.to_string(),
                ..Default::default()
            });
        let key = format!("{ROUND_PREFIX}{}", dialogue.id);
        let mut petitions: Vec<String> = current
            .petitions
            .iter()
            .filter_map(|p| self.store.get(&petition_key(&p.id)))
            .collect();
        if let Some(kept) = self.read::<RoundRecord, RoundRecord>(&key, &mut Vec::new()) {
            for text in kept.petitions {
                let held = stored_as::<PetitionRecord, Petition>(&text)
                    .is_some_and(|p| current.petitions.iter().any(|q| q.id == p.id));
                if !held {
                    petitions.push(text);
                }
            }
        }
        let record = RoundRecord {
            dialogue: DialogueRecord::from(&dialogue),
            ended_at: now,
            meeting: self.store.get(MEETING),
            petitions,
            results: self.stored_results().map(|r| r.stored_text()),
        };
        self.write(&key, &record)?;
        self.save_profile(next)?;
        for p in &current.petitions {
            self.store.remove(&petition_key(&p.id));
        }
        for own in [MEETING, RESULTS, DRAFT] {
            self.store.remove(own);
        }
        Ok(())
    }

    /// This tablet's id: read, or made with `fresh` and stored at the first call.
    pub fn device_id(&self, fresh: impl FnOnce() -> String) -> String {
        match self.store.get(DEVICE) {
            Some(id) if crate::domain::petition::is_uuid(&id) => id,
            _ => {
                let id = fresh();
                // If this fails the id is new at each start; exports still work.
                let _ = self.store.set(DEVICE, &id);
                id
            }
        }
    }

    /// Notes an export and returns its entry in the log.
    pub fn record_export(
        &self,
        log: &ExportLog,
        now: chrono::DateTime<chrono::Utc>,
        petitions: &[Petition],
    ) -> Result<ExportLog, StoreError> {
        let next = log.next(now, petitions);
        self.write(EXPORTS, &next)?;
        Ok(next)
    }
}

/// Decodes one entry with `decode` (the compact or the fast JSON path, see
/// [`crate::domain::json`]); on failure moves it aside and notes it.
fn read_entry<R, T>(
    store: &impl KeyValueStore,
    key: &str,
    broken: &mut Vec<BrokenEntry>,
    decode: fn(&str) -> Result<R, crate::domain::bundle::FileError>,
) -> Option<T>
where
    T: TryFrom<R>,
{
    let raw = store.get(key)?;
    let decoded = decode(&raw).ok().and_then(|r| T::try_from(r).ok());
    if decoded.is_none() {
        broken.push(set_aside(store, key, raw));
    }
    decoded
}

fn set_aside(store: &impl KeyValueStore, key: &str, raw: String) -> BrokenEntry {
    // An entry of the same key set aside at an earlier start keeps its place: the new
    // copy goes beside it (`…#2`, `…#3`). (It overwrote it before, and the earlier text
    // was lost: found by the fuzz tests.)
    let first = format!("{BROKEN_PREFIX}{key}");
    let aside = std::iter::once(first.clone())
        .chain((2..).map(|n| format!("{first}#{n}")))
        .find(|k| store.get(k).is_none_or(|held| held == raw))
        .unwrap_or(first);
    // Only remove the original once its copy is safe; if storage is full it stays put
    // (and is reported again next time) rather than being lost.
    if store.set(&aside, &raw).is_ok() {
        store.remove(key);
    }
    BrokenEntry { key: aside, raw }
}

fn broken_entries(store: &impl KeyValueStore) -> Vec<BrokenEntry> {
    let mut keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(BROKEN_PREFIX))
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .filter_map(|key| store.get(&key).map(|raw| BrokenEntry { key, raw }))
        .collect()
}

fn write_entry<R>(
    store: &impl KeyValueStore,
    key: &str,
    record: &R,
    encode: fn(&R) -> String,
) -> Result<(), StoreError> {
    let text = encode(record);
    store.set(key, &text)?;
    // Local storage can drop data silently; read back what matters.
    if !store.landed(key, &text) {
        return Err(StoreError::NotSaved);
    }
    Ok(())
}

fn petition_key(id: &PetitionId) -> String {
    format!("{PETITION_PREFIX}{id}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petition::PetitionDraft;
    use chrono::DateTime;

    pub(super) fn petition(seed: u8) -> Petition {
        let v = PetitionDraft {
            content: format!("Kiến nghị số {seed}"),
            field: "Đất đai".into(),
            kind_code: "kien_nghi".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        Petition::new(
            PetitionId::from_random([seed; 16]),
            v,
            DateTime::from_timestamp(i64::from(seed), 0).unwrap(),
        )
    }

    /// A tablet's store as the tests start from: three petitions, the settings, and
    /// another app's key on the same site.
    pub(super) fn village_store() -> MemoryStore {
        let store = MemoryStore::default();
        let repo = Repository::new(store.clone());
        for i in 1..=3 {
            repo.save_petition(&petition(i)).unwrap();
        }
        repo.save_settings(&Settings::default()).unwrap();
        store.set("other-app:x", "not ours").unwrap();
        store
    }

    #[test]
    fn saving_one_petition_writes_one_key() {
        let store = MemoryStore::default();
        let repo = Repository::new(store.clone());
        for i in 1..=50 {
            repo.save_petition(&petition(i)).unwrap();
        }
        let writes_before = store.write_count();
        let edited = petition(7).deleted(DateTime::from_timestamp(99, 0).unwrap());
        repo.save_petition(&edited).unwrap();
        assert_eq!(store.write_count() - writes_before, 1);
        let snap = repo.load();
        assert_eq!(snap.petitions.len(), 50);
        assert_eq!(snap.petitions.iter().filter(|p| !p.is_active()).count(), 1);
    }

    #[test]
    fn a_broken_entry_is_set_aside_and_the_rest_load() {
        let store = MemoryStore::default();
        let repo = Repository::new(store.clone());
        repo.save_petition(&petition(1)).unwrap();
        repo.save_petition(&petition(2)).unwrap();
        let bad_key = petition_key(&petition(3).id);
        store.set(&bad_key, "{\"id\": tru").unwrap();
        store.set(PROFILE, "42").unwrap();
        let snap = repo.load();
        assert_eq!(snap.petitions.len(), 2);
        assert!(snap.profile.is_none());
        assert_eq!(snap.broken_now.len(), 2);
        assert!(store.get(&bad_key).is_none());
        let aside = repo.broken_entries();
        assert_eq!(aside.len(), 2);
        assert!(aside.iter().any(|b| b.raw == "{\"id\": tru"));
        // Next start: nothing new is broken, the set-aside entries are still there.
        let again = repo.load();
        assert!(again.broken_now.is_empty());
        assert_eq!(repo.broken_entries().len(), 2);
    }

    #[test]
    fn an_entry_broken_twice_keeps_both_copies() {
        let store = MemoryStore::default();
        let repo = Repository::new(store.clone());
        store.set(PROFILE, "first damage").unwrap();
        assert_eq!(repo.load().broken_now.len(), 1);
        store.set(PROFILE, "second damage").unwrap();
        let again = repo.load();
        assert_eq!(again.broken_now[0].key, "dt1:broken:dt1:profile#2");
        let kept: Vec<String> = repo.broken_entries().into_iter().map(|b| b.raw).collect();
        assert_eq!(kept, ["first damage", "second damage"]);
        // The same text again is not copied twice.
        store.set(PROFILE, "second damage").unwrap();
        repo.load();
        assert_eq!(repo.broken_entries().len(), 2);
    }

    #[test]
    fn an_entry_under_the_wrong_key_is_set_aside() {
        let store = MemoryStore::default();
        let repo = Repository::new(store.clone());
        let p = petition(1);
        let text = json::to_text(&PetitionRecord::from(&p));
        store.set("dt1:p:someone-else", &text).unwrap();
        let snap = repo.load();
        assert!(snap.petitions.is_empty());
        assert_eq!(snap.broken_now.len(), 1);
    }

    #[test]
    fn a_full_store_reports_and_keeps_what_was_there() {
        let store = MemoryStore::default();
        let repo = Repository::new(store.clone());
        repo.save_petition(&petition(1)).unwrap();
        store.set_capacity(Some(0));
        assert_eq!(repo.save_petition(&petition(2)), Err(StoreError::Full));
        store.set_capacity(None);
        assert_eq!(repo.load().petitions, vec![petition(1)]);
    }

    #[test]
    fn the_stored_revision_is_read_back() {
        let repo = Repository::new(MemoryStore::default());
        let p = petition(4);
        assert_eq!(repo.stored_revision(&p.id), None);
        repo.save_petition(&p.deleted(p.updated_at)).unwrap();
        assert_eq!(repo.stored_revision(&p.id), Some(2));
        assert!(Repository::<MemoryStore>::is_petition_key("dt1:p:x"));
        assert!(!Repository::<MemoryStore>::is_petition_key("dt1:profile"));
    }

    #[test]
    fn device_id_is_made_once() {
        let repo = Repository::new(MemoryStore::default());
        let a = repo.device_id(|| PetitionId::from_random([5; 16]).to_string());
        let b = repo.device_id(|| unreachable!("already stored"));
        assert_eq!(a, b);
    }

    #[test]
    fn a_draft_over_the_forms_limits_is_never_stored_and_one_stored_before_is_set_aside() {
        let repo = Repository::new(MemoryStore::default());
        let huge = DraftRecord {
            content: "Đường ".repeat(200_000),
            ..Default::default()
        };
        repo.save_draft(&huge).unwrap();
        assert_eq!(repo.store.get(DRAFT), None);
        // At the limit it is kept; a char is not a byte ("đ" is two).
        let full = DraftRecord {
            content: "đ".repeat(limit::LONG),
            address: "ư".repeat(limit::LINE),
            ..Default::default()
        };
        repo.save_draft(&full).unwrap();
        assert_eq!(repo.load().draft, Some(full));
        // As a release before the limits stored it: not put back into the form, not lost.
        let text = json::to_text(&huge);
        repo.store.set(DRAFT, &text).unwrap();
        let snap = repo.load();
        assert_eq!(snap.draft, None);
        assert_eq!(snap.broken_now.len(), 1);
        assert_eq!(repo.broken_entries()[0].raw, text);
    }

    #[test]
    fn draft_settings_and_export_log_persist() {
        let repo = Repository::new(MemoryStore::default());
        let d = DraftRecord {
            content: "đang gõ dở".into(),
            ..Default::default()
        };
        repo.save_draft(&d).unwrap();
        repo.save_settings(&Settings {
            lang: "en".into(),
            large_text: true,
        })
        .unwrap();
        let log = repo
            .record_export(
                &ExportLog::default(),
                DateTime::from_timestamp(5, 0).unwrap(),
                &[],
            )
            .unwrap();
        let snap = repo.load();
        assert_eq!(snap.draft, Some(d));
        assert_eq!(snap.settings.lang, "en");
        assert_eq!(snap.exports, log);
        assert_eq!(log.sequence, 1);
        repo.clear_draft();
        assert!(repo.load().draft.is_none());
    }
}
