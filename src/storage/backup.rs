//! The full backup's side in storage: the entries a role stores, taken as they are (read
//! only, so a backup works when storage is full); the check that every entry of a backup
//! reads with the app's current readers; and the restore, which replaces a role's entries
//! whole and puts the old ones back if any write fails.
//!
//! The file format itself is `domain::bundle::backup`. The village's entries are checked
//! one by one with the very decoders [`Repository::load`] uses (no second copy of the
//! loading code in the tablet's download); the office's by loading them into a
//! [`MemoryStore`] with [`OfficeRepository::load`].

use super::migrate;
use super::office::OfficeRepository;
use super::{
    DraftRecord, ExportLog, KeyValueStore, MemoryStore, Repository, RoundRecord, Settings,
    StoreError, BROKEN_PREFIX, DEVICE, DRAFT, EXPORTS, MEETING, PETITION_PREFIX, PROFILE, RESULTS,
    ROUND_PREFIX, SETTINGS,
};
use crate::domain::bundle::backup::{parse_backup, Backup, BackupError, Entries};
use crate::domain::bundle::results::parse_results;
use crate::domain::bundle::v1::{MeetingRecord, PetitionRecord, ProfileRecord};
use crate::domain::bundle::FileError;
use crate::domain::json;
use crate::domain::petition::Petition;
use crate::domain::village::{Meeting, VillageProfile};

/// Every entry of `store` whose key `owns` accepts, as stored. Writes nothing.
pub fn entries_of(store: &impl KeyValueStore, owns: impl Fn(&str) -> bool) -> Entries {
    store
        .keys()
        .into_iter()
        .filter(|k| owns(k))
        .filter_map(|k| store.get(&k).map(|v| (k, v)))
        .collect()
}

/// Whether a key of local storage is the village tablet's (`dt1:`; the office keeps its
/// data in IndexedDB, never in local storage).
pub fn is_village_key(key: &str) -> bool {
    key.starts_with("dt1:")
}

/// Whether `key` is one the village tablet stores.
fn known_village_key(key: &str) -> bool {
    [
        PROFILE,
        MEETING,
        SETTINGS,
        EXPORTS,
        DEVICE,
        DRAFT,
        RESULTS,
        migrate::VILLAGE_MARKER,
        migrate::VILLAGE_BACKUP,
    ]
    .contains(&key)
        || [PETITION_PREFIX, BROKEN_PREFIX, ROUND_PREFIX]
            .iter()
            .any(|p| key.len() > p.len() && key.starts_with(p))
}

fn decodes<R, T: TryFrom<R>>(raw: &str, decode: fn(&str) -> Result<R, FileError>) -> bool {
    decode(raw).ok().and_then(|r| T::try_from(r).ok()).is_some()
}

/// Whether one village entry reads as the tablet reads it at start-up. An entry already
/// set aside as broken is kept as text and always passes.
fn village_entry_reads(key: &str, raw: &str) -> bool {
    match key {
        PROFILE => decodes::<ProfileRecord, VillageProfile>(raw, json::from_stored),
        MEETING => decodes::<MeetingRecord, Meeting>(raw, json::from_stored),
        SETTINGS => decodes::<Settings, Settings>(raw, json::from_stored),
        EXPORTS => decodes::<ExportLog, ExportLog>(raw, json::from_stored),
        DRAFT => decodes::<DraftRecord, DraftRecord>(raw, json::from_stored),
        DEVICE => crate::domain::petition::is_uuid(raw),
        RESULTS => parse_results(raw).is_ok(),
        migrate::VILLAGE_MARKER => migrate::is_known_format(raw, migrate::VILLAGE_STEPS),
        migrate::VILLAGE_BACKUP => migrate::read_backup(raw, &migrate::VILLAGE).is_some(),
        _ if key.starts_with(BROKEN_PREFIX) => true,
        _ if key.starts_with(ROUND_PREFIX) => {
            decodes::<RoundRecord, crate::domain::round::PastRound>(raw, json::from_stored)
        }
        _ => {
            // A petition, stored under its own id (as `Repository::load` requires).
            json::from_stored::<PetitionRecord>(raw)
                .ok()
                .and_then(|r| Petition::try_from(r).ok())
                .is_some_and(|p| key == format!("{PETITION_PREFIX}{}", p.id))
        }
    }
}

/// Checks a backup's village section: every key one the tablet uses, every entry read by
/// the tablet's readers. The first failure names its key.
pub fn check_village(entries: &Entries) -> Result<(), BackupError> {
    for (key, raw) in entries {
        if !known_village_key(key) {
            return Err(BackupError::UnknownKey { key: key.clone() });
        }
        if !village_entry_reads(key, raw) {
            return Err(BackupError::Unreadable { key: key.clone() });
        }
    }
    Ok(())
}

/// Checks a backup's office section: every key one the office uses, and the whole loaded
/// as the office loads it at start-up with nothing set aside.
pub fn check_office(entries: &Entries) -> Result<(), BackupError> {
    if let Some(key) = entries
        .keys()
        .find(|k| !OfficeRepository::<MemoryStore>::is_office_key(k))
    {
        return Err(BackupError::UnknownKey { key: key.clone() });
    }
    let scratch = MemoryStore::default();
    for (k, v) in entries {
        // A memory store without a capacity never refuses.
        let _ = scratch.set(k, v);
    }
    let snap = OfficeRepository::new(scratch).load();
    match snap.broken_now.first() {
        Some(b) => Err(BackupError::Unreadable {
            key: b
                .key
                .strip_prefix(BROKEN_PREFIX)
                .unwrap_or(&b.key)
                .to_string(),
        }),
        None => Ok(()),
    }
}

/// Reads a backup file for a restore on the tablet's page and checks it whole: the
/// envelope ([`parse_backup`]), then the village's entries with the tablet's readers. A
/// file with the office's data is refused: this page cannot write the office's store (the
/// office's page restores it, [`read_for_office`]). Nothing is written.
///
/// Two functions rather than one with a flag, so the tablet's module never carries the
/// office's readers.
pub fn read_for_village(text: &str) -> Result<Backup, BackupError> {
    let backup = parse_backup(text)?;
    if backup.office.is_some() {
        return Err(BackupError::OfficeDataHere);
    }
    if let Some(v) = &backup.village {
        check_village(v)?;
    }
    Ok(backup)
}

/// Reads a backup file for a restore on the office's page, which restores both roles:
/// the envelope, then each section present with the readers of its role.
pub fn read_for_office(text: &str) -> Result<Backup, BackupError> {
    let backup = parse_backup(text)?;
    if let Some(v) = &backup.village {
        check_village(v)?;
    }
    if let Some(o) = &backup.office {
        check_office(o)?;
    }
    Ok(backup)
}

/// Replaces every entry `owns` accepts with `entries`: the old ones removed first (which
/// frees their room), then the new ones written and read back. If a write fails, the new
/// entries are removed again and the old ones written back, and the error returned: the
/// store holds what it held. On success returns the old entries, for a caller that must
/// undo it later (the office restores two stores, one after the other).
pub fn replace_all(
    store: &impl KeyValueStore,
    owns: impl Fn(&str) -> bool,
    entries: &Entries,
) -> Result<Entries, StoreError> {
    let before = entries_of(store, &owns);
    for key in before.keys() {
        store.remove(key);
    }
    for (key, value) in entries {
        let written = store.set(key, value).and_then(|()| {
            // Local storage can drop data silently; read back what matters.
            if store.get(key).as_deref() == Some(value.as_str()) {
                Ok(())
            } else {
                Err(StoreError::NotSaved)
            }
        });
        if let Err(e) = written {
            put_back(store, owns, &before);
            return Err(e);
        }
    }
    Ok(before)
}

/// Puts `before` back as the whole of what `owns` accepts (undoes [`replace_all`]).
pub fn put_back(store: &impl KeyValueStore, owns: impl Fn(&str) -> bool, before: &Entries) {
    for key in entries_of(store, &owns).keys() {
        store.remove(key);
    }
    for (key, value) in before {
        // They fitted before, with the new ones removed again they fit now.
        let _ = store.set(key, value);
    }
}

impl<S: KeyValueStore> Repository<S> {
    /// Every entry of the village tablet, as stored (for the full backup).
    pub fn all_entries(&self) -> Entries {
        entries_of(&self.store, is_village_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petition::PetitionId;
    use chrono::DateTime;

    use crate::storage::tests::{petition, village_store};

    /// Every kind of entry the tablet writes is one a backup may carry: a key added to the
    /// tablet must be added to `known_village_key` too, or its backups would be refused.
    #[test]
    fn every_entry_the_tablet_writes_passes_the_check() {
        let store = village_store();
        let repo = Repository::new(store.clone());
        let profile = VillageProfile {
            commune: "Cẩm Quang".into(),
            village: "Thôn Đông".into(),
            head: "Nguyễn Văn Hùng".into(),
            province: String::new(),
            village_code: String::new(),
            fields: vec!["Đất đai".into()],
            dialogue: None,
            office_key: Some(
                "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p".into(),
            ),
        };
        repo.save_profile(&profile).unwrap();
        repo.save_meeting(&Meeting::planned("Nguyễn Văn Hùng"))
            .unwrap();
        repo.save_draft(&DraftRecord::default()).unwrap();
        repo.record_export(
            &ExportLog::default(),
            DateTime::from_timestamp(9, 0).unwrap(),
            &[],
        )
        .unwrap();
        repo.device_id(|| PetitionId::from_random([4; 16]).to_string());
        store.set("dt1:p:bad", "rác").unwrap();
        // Set aside at start, then carried as text.
        assert_eq!(repo.load().broken_now.len(), 1);
        let entries = repo.all_entries();
        assert_eq!(entries.len(), 10);
        assert_eq!(check_village(&entries), Ok(()));
    }

    #[test]
    fn the_village_entries_pass_their_own_check() {
        let store = village_store();
        let entries = Repository::new(store.clone()).all_entries();
        assert_eq!(entries.len(), 4);
        assert!(!entries.contains_key("other-app:x"));
        assert_eq!(check_village(&entries), Ok(()));
    }

    #[test]
    fn an_entry_the_readers_refuse_is_named() {
        let mut entries = Repository::new(village_store()).all_entries();
        let key = entries
            .keys()
            .find(|k| k.starts_with("dt1:p:"))
            .unwrap()
            .clone();
        entries.insert(key.clone(), "{\"id\": tru".into());
        assert_eq!(
            check_village(&entries),
            Err(BackupError::Unreadable { key: key.clone() })
        );
        // A good petition under another petition's key is as bad.
        let other = json::to_text(&PetitionRecord::from(&petition(9)));
        entries.insert(key.clone(), other);
        assert_eq!(
            check_village(&entries),
            Err(BackupError::Unreadable { key })
        );
    }

    #[test]
    fn keys_the_app_does_not_use_are_refused() {
        let mut entries = Repository::new(village_store()).all_entries();
        entries.insert("dt1:secret".into(), "x".into());
        assert_eq!(
            check_village(&entries),
            Err(BackupError::UnknownKey {
                key: "dt1:secret".into()
            })
        );
        let office: Entries = [("dt1:profile".to_string(), "{}".to_string())].into();
        assert!(matches!(
            check_office(&office),
            Err(BackupError::UnknownKey { .. })
        ));
    }

    #[test]
    fn a_broken_office_chunk_is_refused_and_a_good_office_passes() {
        let good: Entries = [("dt1:broken:dt1:o:v:thon-1".to_string(), "rác".to_string())].into();
        assert_eq!(check_office(&good), Ok(()));
        let bad: Entries = [("dt1:o:v:thon-1".to_string(), "{\"village\":".to_string())].into();
        assert_eq!(
            check_office(&bad),
            Err(BackupError::Unreadable {
                key: "dt1:o:v:thon-1".into()
            })
        );
    }

    #[test]
    fn a_restore_replaces_the_whole_and_leaves_other_apps_alone() {
        let from = village_store();
        let entries = Repository::new(from).all_entries();
        let to = MemoryStore::default();
        let repo = Repository::new(to.clone());
        repo.save_petition(&petition(7)).unwrap();
        to.set("other-app:y", "theirs").unwrap();
        let before = replace_all(&to, is_village_key, &entries).unwrap();
        assert_eq!(before.len(), 1);
        assert_eq!(repo.all_entries(), entries);
        assert_eq!(to.get("other-app:y").as_deref(), Some("theirs"));
        let ids: Vec<_> = repo.load().petitions.into_iter().map(|p| p.id).collect();
        assert_eq!(ids, (1..=3).map(|i| petition(i).id).collect::<Vec<_>>());
    }

    #[test]
    fn a_restore_that_runs_out_of_room_puts_everything_back() {
        let entries = Repository::new(village_store()).all_entries();
        let to = MemoryStore::default();
        let repo = Repository::new(to.clone());
        repo.save_petition(&petition(7)).unwrap();
        let held = repo.all_entries();
        // Room for what is held, not for the backup's four entries.
        let used: usize = held.iter().map(|(k, v)| k.len() + v.len()).sum();
        to.set_capacity(Some(used + 100));
        assert_eq!(
            replace_all(&to, is_village_key, &entries),
            Err(StoreError::Full)
        );
        assert_eq!(repo.all_entries(), held);
    }
}
