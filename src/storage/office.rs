//! The office's data in a [`KeyValueStore`]: the setup, one chunk per village, the groups
//! and the tablets seen. In the app the store is IndexedDB ([`super::indexed`]), because
//! 10,000 petitions outgrow local storage's quota; tests use [`super::MemoryStore`].

use super::{broken_entries, read_entry, write_entry, BrokenEntry, KeyValueStore, StoreError};
use crate::domain::bundle::sealed::OfficeKey;
use crate::domain::json;
use crate::domain::office::dialogue::{is_dialogue_id, ClosedDialogue, Closing};
use crate::domain::office::records::{ClosedRecord, DocumentRecord};
use crate::domain::office::records::{
    GroupRecord, SetupRecord, SourceRecord, VillageChunk, VillageChunkView,
};
use crate::domain::office::register::{Group, Register, Source};
use crate::domain::office::setup::OfficeSetup;
use crate::domain::official::{DocumentNumber, DocumentRegister};
use crate::domain::session::{Item, Session};

const OFFICE_PREFIX: &str = "dt1:o:";
const SETUP: &str = "dt1:o:setup";
/// The closed dialogues, oldest first.
const DIALOGUES: &str = "dt1:o:dialogues";
/// A closed dialogue's entries: [`archive_key`]. The office's IndexedDB reads them only
/// when a closed dialogue is opened (or the full backup made), not at start.
pub const ARCHIVE_PREFIX: &str = "dt1:o:d:";
const GROUPS: &str = "dt1:o:groups";
const SOURCES: &str = "dt1:o:sources";
const VILLAGE_PREFIX: &str = "dt1:o:v:";
const SESSION: &str = "dt1:o:session";
const ITEM_PREFIX: &str = "dt1:o:q:";
const DOCUMENTS: &str = "dt1:o:docs";
/// The office's key pair for encrypted bundles (its secret half: the public one follows).
const KEY: &str = "dt1:o:key";

/// How the key pair is stored: the age secret key's text ("AGE-SECRET-KEY-1…").
#[derive(serde::Serialize, serde::Deserialize)]
struct KeyRecord {
    age_secret_key: String,
}

impl TryFrom<KeyRecord> for OfficeKey {
    type Error = ();

    fn try_from(r: KeyRecord) -> Result<Self, ()> {
        OfficeKey::from_secret(&r.age_secret_key).ok_or(())
    }
}

/// Everything the office reads at start-up.
#[derive(Debug, Default)]
pub struct OfficeSnapshot {
    pub setup: Option<OfficeSetup>,
    pub register: Register,
    pub session: Session,
    /// The session's questions, in no particular order (the session orders them).
    pub items: Vec<Item>,
    pub documents: DocumentRegister,
    /// The office's key pair, once made.
    pub key: Option<OfficeKey>,
    /// Entries moved aside at this start.
    pub broken_now: Vec<BrokenEntry>,
    /// The dialogues closed, oldest first.
    pub closed: Vec<ClosedDialogue>,
}

pub struct OfficeRepository<S: KeyValueStore> {
    store: S,
    /// The closed dialogue shown instead of the one under way, if any: reads come from
    /// its archive and writes are refused.
    viewing: Option<String>,
}

/// The entries of the office's prefix that belong to one dialogue (the rest, the register
/// of numbers, the key pair, the list of dialogues, the format stamp, are the office's).
fn is_dialogue_key(key: &str) -> bool {
    [SETUP, GROUPS, SOURCES, SESSION].contains(&key)
        || [VILLAGE_PREFIX, ITEM_PREFIX]
            .iter()
            .any(|p| key.len() > p.len() && key.starts_with(p))
}

/// Where a closed dialogue's entries are kept: `dt1:o:d:<id>:` and the entry's own key
/// after `dt1:o:` ("dt1:o:d:<id>:v:thon-1").
fn archive_prefix(id: &str) -> String {
    format!("{ARCHIVE_PREFIX}{id}:")
}

fn archive_key(id: &str, key: &str) -> String {
    format!("{}{}", archive_prefix(id), &key[OFFICE_PREFIX.len()..])
}

/// Whether `key` is a closed dialogue's entry: `dt1:o:d:<id>:` and one of a dialogue's.
fn is_archived_key(key: &str) -> bool {
    key.strip_prefix(ARCHIVE_PREFIX)
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(id, own)| {
            is_dialogue_id(id) && is_dialogue_key(&format!("{OFFICE_PREFIX}{own}"))
        })
}

/// The store as a dialogue sees it: the one under way, the store itself; a closed one,
/// its own entries read from its archive, the office's as they are, and no writes.
struct Scope<'a, S> {
    store: &'a S,
    archive: Option<&'a str>,
}

impl<S: KeyValueStore> Scope<'_, S> {
    fn key<'k>(&self, key: &'k str) -> std::borrow::Cow<'k, str> {
        match self.archive {
            Some(id) if is_dialogue_key(key) => archive_key(id, key).into(),
            _ => key.into(),
        }
    }
}

impl<S: KeyValueStore> KeyValueStore for Scope<'_, S> {
    fn get(&self, key: &str) -> Option<String> {
        self.store.get(&self.key(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self.archive {
            Some(_) => Err(StoreError::ReadOnly),
            None => self.store.set(key, value),
        }
    }

    fn remove(&self, key: &str) {
        if self.archive.is_none() {
            self.store.remove(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let keys = self.store.keys();
        let Some(id) = self.archive else {
            return keys;
        };
        // The archive's own entries under their usual keys, and the office's own (the
        // register of numbers, the key pair), in one pass over the store's keys.
        let prefix = archive_prefix(id);
        keys.into_iter()
            .filter_map(|k| match k.strip_prefix(&prefix) {
                Some(rest) => Some(format!("{OFFICE_PREFIX}{rest}")),
                None => (k.starts_with(OFFICE_PREFIX)
                    && !is_dialogue_key(&k)
                    && !k.starts_with(ARCHIVE_PREFIX))
                .then_some(k),
            })
            .collect()
    }

    fn landed(&self, key: &str, value: &str) -> bool {
        self.store.landed(&self.key(key), value)
    }
}

/// A list stored as one entry, whose items convert one by one.
#[derive(serde::Serialize, serde::Deserialize)]
struct List<T>(Vec<T>);

impl<R, T: TryFrom<R>> TryFrom<List<R>> for ListOf<T> {
    type Error = ();

    fn try_from(l: List<R>) -> Result<Self, ()> {
        l.0.into_iter()
            .map(|r| T::try_from(r).map_err(|_| ()))
            .collect::<Result<Vec<_>, _>>()
            .map(ListOf)
    }
}

struct ListOf<T>(Vec<T>);

impl<S: KeyValueStore> OfficeRepository<S> {
    pub fn new(store: S) -> Self {
        Self {
            store,
            viewing: None,
        }
    }

    /// The repository showing the closed dialogue `id`, read-only.
    pub fn viewing(store: S, id: &str) -> Self {
        Self {
            store,
            viewing: Some(id.to_string()),
        }
    }

    /// The closed dialogue shown, if any.
    pub fn viewed(&self) -> Option<&str> {
        self.viewing.as_deref()
    }

    fn scope(&self) -> Scope<'_, S> {
        Scope {
            store: &self.store,
            archive: self.viewing.as_deref(),
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Reads everything; an entry that cannot be read is moved aside and reported, and
    /// the rest loads.
    pub fn load(&self) -> OfficeSnapshot {
        let mut broken = Vec::new();
        let setup = read_entry::<SetupRecord, OfficeSetup>(
            &self.scope(),
            SETUP,
            &mut broken,
            json::from_text_fast,
        );
        let groups = read_entry::<List<GroupRecord>, ListOf<Group>>(
            &self.scope(),
            GROUPS,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(Vec::new, |l| l.0);
        let sources = read_entry::<List<SourceRecord>, ListOf<Source>>(
            &self.scope(),
            SOURCES,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(Vec::new, |l| l.0);
        let mut keys: Vec<String> = self
            .scope()
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(VILLAGE_PREFIX))
            .collect();
        keys.sort_unstable();
        let mut entries = Vec::new();
        for key in keys {
            let chunk = read_entry::<VillageChunk, ChunkEntries>(
                &self.scope(),
                &key,
                &mut broken,
                json::from_text_fast,
            );
            if let Some(ChunkEntries(list)) = chunk {
                entries.extend(list);
            }
        }
        let session = read_entry::<Session, CleanSession>(
            &self.scope(),
            SESSION,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(Session::default, |s| s.0);
        let mut session = session;
        let mut items = Vec::new();
        for key in self.scope().keys() {
            if key.starts_with(ITEM_PREFIX) {
                if let Some(CleanItem(i)) = read_entry::<Item, CleanItem>(
                    &self.scope(),
                    &key,
                    &mut broken,
                    json::from_text_fast,
                ) {
                    items.push(i);
                }
            }
        }
        // Keys come in no set order; the queue's order is the session's.
        items.sort_by(|a, b| a.added_at.cmp(&b.added_at).then_with(|| a.id.cmp(&b.id)));
        session.adopt(&items);
        let documents = read_entry::<List<DocumentRecord>, ListOf<DocumentNumber>>(
            &self.scope(),
            DOCUMENTS,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(DocumentRegister::new, |l| {
            DocumentRegister::from_entries(l.0)
        });
        let key = read_entry::<KeyRecord, OfficeKey>(
            &self.scope(),
            KEY,
            &mut broken,
            json::from_text_fast,
        );
        let closed = read_entry::<List<ClosedRecord>, ListOf<ClosedDialogue>>(
            &self.scope(),
            DIALOGUES,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(Vec::new, |l| l.0);
        OfficeSnapshot {
            closed,
            setup,
            key,
            register: Register::new(entries, groups, sources),
            session,
            items,
            documents,
            broken_now: broken,
        }
    }

    pub fn broken_entries(&self) -> Vec<BrokenEntry> {
        broken_entries(&self.scope())
    }

    /// The office's key pair. Written once: replacing it would leave every bundle already
    /// encrypted for the old one unreadable.
    pub fn save_key(&self, key: &OfficeKey) -> Result<(), StoreError> {
        let record = KeyRecord {
            age_secret_key: key.secret(),
        };
        write_entry(&self.scope(), KEY, &record, json::to_text_fast)
    }

    pub fn save_setup(&self, s: &OfficeSetup) -> Result<(), StoreError> {
        write_entry(
            &self.scope(),
            SETUP,
            &SetupRecord::from(s),
            json::to_text_fast,
        )
    }

    /// Saves what an import or an office action changed: the chunks of the villages
    /// named, the groups and the sources. The store commits these writes together.
    pub fn save(&self, r: &Register, villages: &[&str]) -> Result<(), StoreError> {
        for v in villages {
            // Written straight from the register's entries: the text of a `VillageChunk`.
            let chunk = VillageChunkView::new(v, r.village_entries(v));
            write_entry(
                &self.scope(),
                &format!("{VILLAGE_PREFIX}{v}"),
                &chunk,
                VillageChunkView::to_text,
            )?;
        }
        let groups: Vec<GroupRecord> = r.groups().iter().map(GroupRecord::from).collect();
        write_entry(&self.scope(), GROUPS, &List(groups), json::to_text_fast)?;
        let sources: Vec<SourceRecord> = r.sources().iter().map(SourceRecord::from).collect();
        write_entry(&self.scope(), SOURCES, &List(sources), json::to_text_fast)
    }
}

impl<S: KeyValueStore> OfficeRepository<S> {
    /// Closes the dialogue under way and opens the next: every entry of the closed one is
    /// kept under its archive key, the list of closed dialogues gains its line, and the
    /// workspace holds the next dialogue's setup, its session and the matters carried.
    /// The store commits these writes together, so a failed commit leaves the dialogue
    /// open as it was.
    pub fn close_dialogue(
        &self,
        closing: &Closing,
        closed: &[ClosedDialogue],
        next: &OfficeSetup,
        session: &Session,
    ) -> Result<(), StoreError> {
        if self.viewing.is_some() {
            return Err(StoreError::ReadOnly);
        }
        let id = &closing.closed.id;
        let mut keys: Vec<String> = self
            .store
            .keys()
            .into_iter()
            .filter(|k| is_dialogue_key(k))
            .collect();
        keys.sort_unstable();
        for key in &keys {
            if let Some(text) = self.store.get(key) {
                self.store.set(&archive_key(id, key), &text)?;
            }
            self.store.remove(key);
        }
        let list: Vec<ClosedRecord> = closed
            .iter()
            .chain(std::iter::once(&closing.closed))
            .map(ClosedRecord::from)
            .collect();
        write_entry(&self.store, DIALOGUES, &List(list), json::to_text_fast)?;
        self.save_setup(next)?;
        self.save_session(session)?;
        for item in &closing.carried {
            self.save_item(item)?;
        }
        Ok(())
    }

    /// The session's own entry: preparation, phase, order, minutes.
    pub fn save_session(&self, s: &Session) -> Result<(), StoreError> {
        write_entry(&self.scope(), SESSION, s, json::to_text_fast)
    }

    /// One question of the session, with its outcomes.
    pub fn save_item(&self, i: &Item) -> Result<(), StoreError> {
        write_entry(
            &self.scope(),
            &format!("{ITEM_PREFIX}{}", i.id),
            i,
            json::to_text_fast,
        )
    }

    /// Removes a question taken off the queue before it was asked.
    pub fn remove_item(&self, id: &str) {
        self.scope().remove(&format!("{ITEM_PREFIX}{id}"));
    }

    pub fn save_documents(&self, d: &DocumentRegister) -> Result<(), StoreError> {
        let list: Vec<DocumentRecord> = d.entries().iter().map(DocumentRecord::from).collect();
        write_entry(&self.scope(), DOCUMENTS, &List(list), json::to_text_fast)
    }
}

/// A stored session, its text cleaned again.
struct CleanSession(Session);

impl TryFrom<Session> for CleanSession {
    type Error = ();

    fn try_from(s: Session) -> Result<Self, ()> {
        Ok(CleanSession(s.cleaned()))
    }
}

/// A stored question, its text cleaned again; one without an id is broken.
struct CleanItem(Item);

impl TryFrom<Item> for CleanItem {
    type Error = ();

    fn try_from(i: Item) -> Result<Self, ()> {
        i.cleaned().map(CleanItem).ok_or(())
    }
}

struct ChunkEntries(Vec<crate::domain::office::register::Entry>);

impl TryFrom<VillageChunk> for ChunkEntries {
    type Error = crate::domain::bundle::v1::RecordError;

    fn try_from(c: VillageChunk) -> Result<Self, Self::Error> {
        c.into_entries().map(ChunkEntries)
    }
}

impl<S: KeyValueStore> OfficeRepository<S> {
    /// Whether `key` is one the office stores (the full backup refuses any other).
    pub fn is_office_key(key: &str) -> bool {
        [
            SETUP,
            GROUPS,
            SOURCES,
            SESSION,
            DOCUMENTS,
            KEY,
            super::migrate::OFFICE_MARKER,
            super::migrate::OFFICE_BACKUP,
            DIALOGUES,
        ]
        .contains(&key)
            || [VILLAGE_PREFIX, ITEM_PREFIX, super::BROKEN_PREFIX]
                .iter()
                .any(|p| key.len() > p.len() && key.starts_with(p))
            || is_archived_key(key)
    }
}
