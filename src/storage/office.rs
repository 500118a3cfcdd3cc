//! The office's data in a [`KeyValueStore`]: the setup, one chunk per village, the groups
//! and the tablets seen. In the app the store is IndexedDB ([`super::indexed`]), because
//! 10,000 petitions outgrow local storage's quota; tests use [`super::MemoryStore`].

use super::{broken_entries, read_entry, write_entry, BrokenEntry, KeyValueStore, StoreError};
use crate::domain::bundle::sealed::OfficeKey;
use crate::domain::json;
use crate::domain::office::records::DocumentRecord;
use crate::domain::office::records::{
    GroupRecord, SetupRecord, SourceRecord, VillageChunk, VillageChunkView,
};
use crate::domain::office::register::{Group, Register, Source};
use crate::domain::office::setup::OfficeSetup;
use crate::domain::official::{DocumentNumber, DocumentRegister};
use crate::domain::session::{Item, Session};

const SETUP: &str = "dt1:o:setup";
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
}

pub struct OfficeRepository<S: KeyValueStore> {
    store: S,
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
        Self { store }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Reads everything; an entry that cannot be read is moved aside and reported, and
    /// the rest loads.
    pub fn load(&self) -> OfficeSnapshot {
        let mut broken = Vec::new();
        let setup = read_entry::<SetupRecord, OfficeSetup>(
            &self.store,
            SETUP,
            &mut broken,
            json::from_text_fast,
        );
        let groups = read_entry::<List<GroupRecord>, ListOf<Group>>(
            &self.store,
            GROUPS,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(Vec::new, |l| l.0);
        let sources = read_entry::<List<SourceRecord>, ListOf<Source>>(
            &self.store,
            SOURCES,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(Vec::new, |l| l.0);
        let mut keys: Vec<String> = self
            .store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(VILLAGE_PREFIX))
            .collect();
        keys.sort_unstable();
        let mut entries = Vec::new();
        for key in keys {
            let chunk = read_entry::<VillageChunk, ChunkEntries>(
                &self.store,
                &key,
                &mut broken,
                json::from_text_fast,
            );
            if let Some(ChunkEntries(list)) = chunk {
                entries.extend(list);
            }
        }
        let session = read_entry::<Session, CleanSession>(
            &self.store,
            SESSION,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(Session::default, |s| s.0);
        let mut session = session;
        let mut items = Vec::new();
        for key in self.store.keys() {
            if key.starts_with(ITEM_PREFIX) {
                if let Some(CleanItem(i)) = read_entry::<Item, CleanItem>(
                    &self.store,
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
            &self.store,
            DOCUMENTS,
            &mut broken,
            json::from_text_fast,
        )
        .map_or_else(DocumentRegister::new, |l| {
            DocumentRegister::from_entries(l.0)
        });
        let key =
            read_entry::<KeyRecord, OfficeKey>(&self.store, KEY, &mut broken, json::from_text_fast);
        OfficeSnapshot {
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
        broken_entries(&self.store)
    }

    /// The office's key pair. Written once: replacing it would leave every bundle already
    /// encrypted for the old one unreadable.
    pub fn save_key(&self, key: &OfficeKey) -> Result<(), StoreError> {
        let record = KeyRecord {
            age_secret_key: key.secret(),
        };
        write_entry(&self.store, KEY, &record, json::to_text_fast)
    }

    pub fn save_setup(&self, s: &OfficeSetup) -> Result<(), StoreError> {
        write_entry(
            &self.store,
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
                &self.store,
                &format!("{VILLAGE_PREFIX}{v}"),
                &chunk,
                VillageChunkView::to_text,
            )?;
        }
        let groups: Vec<GroupRecord> = r.groups().iter().map(GroupRecord::from).collect();
        write_entry(&self.store, GROUPS, &List(groups), json::to_text_fast)?;
        let sources: Vec<SourceRecord> = r.sources().iter().map(SourceRecord::from).collect();
        write_entry(&self.store, SOURCES, &List(sources), json::to_text_fast)
    }
}

impl<S: KeyValueStore> OfficeRepository<S> {
    /// The session's own entry: preparation, phase, order, minutes.
    pub fn save_session(&self, s: &Session) -> Result<(), StoreError> {
        write_entry(&self.store, SESSION, s, json::to_text_fast)
    }

    /// One question of the session, with its outcomes.
    pub fn save_item(&self, i: &Item) -> Result<(), StoreError> {
        write_entry(
            &self.store,
            &format!("{ITEM_PREFIX}{}", i.id),
            i,
            json::to_text_fast,
        )
    }

    pub fn save_documents(&self, d: &DocumentRegister) -> Result<(), StoreError> {
        let list: Vec<DocumentRecord> = d.entries().iter().map(DocumentRecord::from).collect();
        write_entry(&self.store, DOCUMENTS, &List(list), json::to_text_fast)
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
        ]
        .contains(&key)
            || [VILLAGE_PREFIX, ITEM_PREFIX, super::BROKEN_PREFIX]
                .iter()
                .any(|p| key.len() > p.len() && key.starts_with(p))
    }
}
