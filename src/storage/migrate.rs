//! The stored format of each role and its migration at start (issue 6: "an app update
//! that changes the stored format"). Each role stamps the format its entries are in under
//! one key; entries without the stamp are format 1, as every release before this one
//! wrote them. At start, before anything reads storage, [`migrate`] brings older entries up
//! to the current format with the ordered [`Step`]s, keeping a copy of them all under a
//! backup key until the migration has succeeded:
//!
//! 1. the steps run in memory, over the role's entries (key → stored text);
//! 2. if an entry changes, the entries as they were are written as one backup entry;
//! 3. the changed entries are written, then the new format is stamped;
//! 4. the backup entry is removed.
//!
//! A start that finds the backup entry (a migration cut short by a crash or a closed tab)
//! first puts the backed-up entries back, then migrates again. If storage has no room for
//! the backup, nothing is migrated: the app runs on the old format, which the readers
//! accept, and the caller tells the person. A store stamped with a newer format (the app
//! was downgraded) is left alone.
//!
//! Plain Rust over [`KeyValueStore`], tested with [`super::MemoryStore`]; it knows nothing
//! of the browser or of the app's records (a step that needs a record reads it itself).
//! The office's IndexedDB store writes to its in-memory copy here and commits all of it
//! in one transaction afterwards, so there the migration lands whole or not at all.

use serde_json::Value;

use super::{KeyValueStore, StoreError};

/// A role's stored entries, key → stored text (each value a JSON string), in key order.
/// A JSON object, the shape the backup entry is stored in; and the map type the tablet
/// already carries for its JSON, so the migration adds no second one to its download.
pub type Entries = serde_json::Map<String, Value>;

/// One migration step: brings a role's entries from one format to the next. It is given
/// every entry of the role but the format stamp (the `dt1:broken:` copies too, which it
/// should leave alone), and changes, adds or removes entries in place. A step must leave
/// an entry already in its target shape as it is, and an entry it cannot read as it was
/// (the reader then sets it aside as broken, where nothing is lost).
pub type Step = fn(&mut Entries);

/// Where a role keeps its format stamp and its migration backup, and which keys of its
/// store are its entries.
pub struct Formats {
    /// The entry holding the format number ("1").
    pub marker: &'static str,
    /// The entry holding the role's entries while a migration runs.
    pub backup: &'static str,
    /// Whether a key of the store is one of the role's entries.
    pub owns: fn(&str) -> bool,
}

/// The village tablet, in local storage.
pub const VILLAGE: Formats = Formats {
    marker: VILLAGE_MARKER,
    backup: VILLAGE_BACKUP,
    owns: super::backup::is_village_key,
};

/// The commune office, in its IndexedDB store (every key there is the app's).
pub const OFFICE: Formats = Formats {
    marker: OFFICE_MARKER,
    backup: OFFICE_BACKUP,
    owns: |k| k.starts_with("dt1:"),
};

pub(super) const VILLAGE_MARKER: &str = "dt1:format";
pub(super) const VILLAGE_BACKUP: &str = "dt1:migration-backup";
pub(super) const OFFICE_MARKER: &str = "dt1:o:format";
pub(super) const OFFICE_BACKUP: &str = "dt1:o:migration-backup";

/// The tablet's steps, oldest first: `VILLAGE_STEPS[0]` brings format 1 to 2. None yet:
/// no change of the stored format so far has needed its entries rewritten.
pub const VILLAGE_STEPS: &[Step] = &[];

/// The office's steps, oldest first. None yet (entries stored as JavaScript strings by
/// the 2026-12-01 release are read as they are, and rewritten as bytes when next saved).
pub const OFFICE_STEPS: &[Step] = &[];

/// The format `steps` lead to: format 1 and one more per step.
pub fn current(steps: &[Step]) -> u32 {
    1 + steps.len() as u32
}

/// What the migration at start did, for the message the app shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Migration {
    /// The entries were in the current format: nothing done.
    Current,
    /// Brought from format `from` to the current one; `changed` entries rewritten (0: the
    /// format was only stamped).
    Migrated { from: u32, changed: usize },
    /// A migration cut short at an earlier start was found: its backup was put back, then
    /// the entries were brought from format `from` to the current one.
    Resumed { from: u32, changed: usize },
    /// Storage refused a write (`Full`: no room for the backup or the new entries):
    /// nothing was migrated, the entries are as they were, in format `at`.
    NotMigrated { at: u32, why: StoreError },
    /// The entries are stamped with a format newer than this app's (an older app opened a
    /// newer one's storage): left as they are.
    Newer { found: u32 },
}

impl Migration {
    /// Whether the entries were left in an older or newer format than the app's (the
    /// message is an alert then).
    pub fn failed(&self) -> bool {
        matches!(
            self,
            Migration::NotMigrated { .. } | Migration::Newer { .. }
        )
    }

    /// What a migration done in memory came to when its store could not commit it (the
    /// office's IndexedDB): the entries are as they were.
    pub fn not_committed(self, why: StoreError) -> Migration {
        match self {
            Migration::Migrated { from, .. } | Migration::Resumed { from, .. } => {
                Migration::NotMigrated { at: from, why }
            }
            other => other,
        }
    }
}

/// Brings the role's entries in `store` to the format `steps` lead to. Called once at
/// start, before anything reads storage.
pub fn migrate(store: &impl KeyValueStore, role: &Formats, steps: &[Step]) -> Migration {
    let target = current(steps);
    let resumed = match store.get(role.backup) {
        None => false,
        Some(raw) => match read_backup(&raw, role) {
            Some(held) => {
                if let Err(why) = replace(store, role, &held) {
                    return Migration::NotMigrated {
                        at: stamp_of(store, role).unwrap_or(1),
                        why,
                    };
                }
                true
            }
            None => {
                // Damaged: kept aside for rescue, and the entries taken as they are (the
                // readers accept every format). If even the copy finds no room, stop.
                super::set_aside(store, role.backup, raw);
                if store.get(role.backup).is_some() {
                    return Migration::NotMigrated {
                        at: stamp_of(store, role).unwrap_or(1),
                        why: StoreError::Full,
                    };
                }
                false
            }
        },
    };
    let stamp = stamp_of(store, role);
    if stamp == Some(target) && !resumed {
        // Every start but the first after an update: one read.
        return Migration::Current;
    }
    // Unstamped (or a stamp that is not a number) is format 1, as every release before
    // the stamp wrote; it gets stamped.
    let from = stamp.unwrap_or(1);
    if from > target {
        if resumed {
            store.remove(role.backup);
        }
        return Migration::Newer { found: from };
    }
    let before = entries_of(store, role);
    let mut after = before.clone();
    after.remove(role.marker);
    for step in steps.iter().skip(from as usize - 1) {
        step(&mut after);
    }
    let removed: Vec<&String> = before
        .keys()
        .filter(|k| *k != role.marker && !after.contains_key(*k))
        .collect();
    let changed: Vec<(&String, &Value)> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .collect();
    let count = removed.len() + changed.len();
    // A resumed migration's backup is still stored, and holds `before`.
    let backed_up = count > 0 || resumed;
    if count > 0 && !resumed {
        if let Err(why) = write(
            store,
            role.backup,
            &Value::Object(before.clone()).to_string(),
        ) {
            store.remove(role.backup);
            return Migration::NotMigrated { at: from, why };
        }
    }
    for key in &removed {
        store.remove(key);
    }
    let written = changed
        .iter()
        .try_for_each(|(k, v)| write(store, k, v.as_str().unwrap_or_default()))
        .and_then(|()| write(store, role.marker, &target.to_string()));
    if let Err(why) = written {
        // Put back as it was; if even that fails, the backup stays for the next start.
        if replace(store, role, &before).is_ok() && backed_up {
            store.remove(role.backup);
        }
        return Migration::NotMigrated { at: from, why };
    }
    if backed_up {
        store.remove(role.backup);
    }
    if resumed {
        Migration::Resumed {
            from,
            changed: count,
        }
    } else {
        Migration::Migrated {
            from,
            changed: count,
        }
    }
}

/// The tablet's migration at start, with its real steps.
pub fn village(store: &impl KeyValueStore) -> Migration {
    migrate(store, &VILLAGE, VILLAGE_STEPS)
}

/// The office's migration at start, with its real steps (its store then commits it).
pub fn office(store: &impl KeyValueStore) -> Migration {
    migrate(store, &OFFICE, OFFICE_STEPS)
}

/// Whether `raw` is a stored format stamp this app can vouch for (a backup file's check).
pub(super) fn is_known_format(raw: &str, steps: &[Step]) -> bool {
    raw.parse::<u32>()
        .is_ok_and(|n| (1..=current(steps)).contains(&n))
}

/// A migration backup's entries: a JSON object of texts under the role's own keys, or
/// `None` if it is damaged (then it is never written back).
pub(super) fn read_backup(raw: &str, role: &Formats) -> Option<Entries> {
    match crate::domain::json::parse(raw).ok()? {
        Value::Object(m)
            if m.iter()
                .all(|(k, v)| v.is_string() && (role.owns)(k) && k != role.backup) =>
        {
            Some(m)
        }
        _ => None,
    }
}

/// The role's entries as stored, the format stamp included, the backup entry not.
fn entries_of(store: &impl KeyValueStore, role: &Formats) -> Entries {
    store
        .keys()
        .into_iter()
        .filter(|k| (role.owns)(k) && k != role.backup)
        .filter_map(|k| store.get(&k).map(|v| (k, Value::String(v))))
        .collect()
}

/// The format the role's entries are stamped with, if they are.
fn stamp_of(store: &impl KeyValueStore, role: &Formats) -> Option<u32> {
    store
        .get(role.marker)
        .and_then(|s| s.parse().ok())
        .filter(|n| *n >= 1)
}

/// Makes the role's entries (but the backup) exactly `held`: the others removed first,
/// which frees their room, then the ones that differ written.
fn replace(store: &impl KeyValueStore, role: &Formats, held: &Entries) -> Result<(), StoreError> {
    let now = entries_of(store, role);
    for key in now.keys().filter(|k| !held.contains_key(*k)) {
        store.remove(key);
    }
    held.iter()
        .filter(|(k, v)| now.get(*k) != Some(*v))
        .try_for_each(|(k, v)| write(store, k, v.as_str().unwrap_or_default()))
}

/// Writes one entry and reads it back (local storage can drop data silently).
fn write(store: &impl KeyValueStore, key: &str, value: &str) -> Result<(), StoreError> {
    store.set(key, value)?;
    if store.get(key).as_deref() == Some(value) {
        Ok(())
    } else {
        Err(StoreError::NotSaved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::tests::village_store;
    use crate::storage::{MemoryStore, Repository};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    /// A tablet of the releases before the stamp: three petitions, settings, and another
    /// app's key on the same site.
    fn old_tablet() -> MemoryStore {
        village_store()
    }

    /// Writes the migration backup of `original`'s entries of the tablet, as a migration
    /// does before it changes anything.
    fn write_backup(store: &MemoryStore, original: &[(String, String)]) {
        let held: Entries = original
            .iter()
            .filter(|(k, _)| k.starts_with("dt1:"))
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        store
            .set(VILLAGE_BACKUP, &Value::Object(held).to_string())
            .unwrap();
    }

    fn all(store: &MemoryStore) -> Vec<(String, String)> {
        store
            .keys()
            .into_iter()
            .filter_map(|k| store.get(&k).map(|v| (k, v)))
            .collect()
    }

    /// A made-up format 2: `dt1:settings` renamed `dt1:prefs`, and each petition marked
    /// with a member `"v2"` (an entry already marked, or not JSON, is left as it is).
    fn to_v2(e: &mut Entries) {
        if let Some(s) = e.remove("dt1:settings") {
            e.insert("dt1:prefs".into(), s);
        }
        for (k, v) in e.iter_mut() {
            if !k.starts_with("dt1:p:") {
                continue;
            }
            let Some(Value::Object(mut m)) = v.as_str().and_then(|s| serde_json::from_str(s).ok())
            else {
                continue;
            };
            m.entry("v2").or_insert(Value::Bool(true));
            *v = Value::String(Value::Object(m).to_string());
        }
    }

    /// What the made-up migration makes of `store`'s entries (computed apart).
    fn expected_v2(store: &MemoryStore) -> Vec<(String, String)> {
        let mut e: Entries = all(store)
            .into_iter()
            .filter(|(k, _)| k.starts_with("dt1:"))
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        to_v2(&mut e);
        e.insert(VILLAGE_MARKER.into(), Value::String("2".into()));
        let mut out: Vec<(String, String)> = e
            .into_iter()
            .map(|(k, v)| (k, v.as_str().unwrap().to_string()))
            .collect();
        out.push(("other-app:x".into(), "not ours".into()));
        out.sort();
        out
    }

    /// A store that notes every write and removal, and can stop dead (a crash, a closed
    /// tab) at the `n`th.
    #[derive(Clone)]
    struct Recorded {
        inner: MemoryStore,
        log: Rc<RefCell<Vec<String>>>,
        crash_at: Rc<Cell<Option<usize>>>,
    }

    impl Recorded {
        fn new(inner: MemoryStore) -> Self {
            Self {
                inner,
                log: Rc::default(),
                crash_at: Rc::default(),
            }
        }

        fn note(&self, what: String) {
            if self.crash_at.get() == Some(self.log.borrow().len()) {
                panic!("the tab was closed");
            }
            self.log.borrow_mut().push(what);
        }
    }

    impl KeyValueStore for Recorded {
        fn get(&self, key: &str) -> Option<String> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            self.note(format!("set {key}"));
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) {
            self.note(format!("remove {key}"));
            self.inner.remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.inner.keys()
        }
    }

    #[test]
    fn an_unstamped_tablet_is_stamped_and_nothing_else_changes() {
        let store = old_tablet();
        let before = all(&store);
        let recorded = Recorded::new(store.clone());
        assert_eq!(
            village(&recorded),
            Migration::Migrated {
                from: 1,
                changed: 0
            }
        );
        // No entry changed, so no backup was needed: one write, the stamp.
        assert_eq!(*recorded.log.borrow(), ["set dt1:format"]);
        let mut expected = before.clone();
        expected.push(("dt1:format".into(), "1".into()));
        expected.sort();
        assert_eq!(all(&store), expected);
        assert_eq!(Repository::new(store.clone()).load().petitions.len(), 3);
        // The next start finds it current and writes nothing.
        let writes = store.write_count();
        assert_eq!(village(&store), Migration::Current);
        assert_eq!(store.write_count(), writes);
    }

    #[test]
    fn a_step_rewrites_the_entries_with_a_backup_kept_until_it_is_done() {
        let store = old_tablet();
        let expected = expected_v2(&store);
        let recorded = Recorded::new(store.clone());
        assert_eq!(
            migrate(&recorded, &VILLAGE, &[to_v2]),
            // Three petitions rewritten, the settings moved (one removed, one added).
            Migration::Migrated {
                from: 1,
                changed: 5
            }
        );
        let log = recorded.log.borrow();
        assert_eq!(log.first().unwrap(), "set dt1:migration-backup");
        assert_eq!(log[log.len() - 2], "set dt1:format");
        assert_eq!(log.last().unwrap(), "remove dt1:migration-backup");
        assert_eq!(all(&store), expected);
        assert!(store.get(VILLAGE_BACKUP).is_none());
        assert_eq!(migrate(&store, &VILLAGE, &[to_v2]), Migration::Current);
    }

    #[test]
    fn an_interrupted_migration_is_put_back_then_done_again() {
        let store = old_tablet();
        let original = all(&store);
        let expected = expected_v2(&store);
        // As a closed tab left it: the backup written, one petition and the settings
        // already in format 2, the others not.
        write_backup(&store, &original);
        let first = store
            .keys()
            .into_iter()
            .find(|k| k.starts_with("dt1:p:"))
            .unwrap();
        store.set(&first, "{\"half\":\"changed\"}").unwrap();
        let settings = store.get("dt1:settings").unwrap();
        store.remove("dt1:settings");
        store.set("dt1:prefs", &settings).unwrap();

        assert_eq!(
            migrate(&store, &VILLAGE, &[to_v2]),
            Migration::Resumed {
                from: 1,
                changed: 5
            }
        );
        assert_eq!(all(&store), expected);
    }

    #[test]
    fn an_interrupted_stamp_is_put_back_and_reads_as_before() {
        // The real steps: a tablet whose start was cut short with the backup still there
        // and an entry half-changed gets its original entries back, stamped.
        let store = old_tablet();
        let original = all(&store);
        write_backup(&store, &original);
        store.set("dt1:format", "1").unwrap();
        let first = store
            .keys()
            .into_iter()
            .find(|k| k.starts_with("dt1:p:"))
            .unwrap();
        store.set(&first, "{\"half\":").unwrap();
        store.set("dt1:p:made-by-the-step", "{}").unwrap();
        assert_eq!(
            village(&store),
            Migration::Resumed {
                from: 1,
                changed: 0
            }
        );
        let mut expected = original;
        expected.push(("dt1:format".into(), "1".into()));
        expected.sort();
        assert_eq!(all(&store), expected);
        let snap = Repository::new(store).load();
        assert_eq!(snap.petitions.len(), 3);
        assert!(snap.broken_now.is_empty());
    }

    /// A crash at any write of a migration leaves a store the next start brings to the
    /// same result as a migration never interrupted.
    #[test]
    fn a_crash_at_any_write_loses_nothing() {
        let reference = old_tablet();
        let expected = expected_v2(&reference);
        let writes = {
            let r = Recorded::new(reference);
            migrate(&r, &VILLAGE, &[to_v2]);
            let n = r.log.borrow().len();
            n
        };
        for n in 0..writes {
            let store = old_tablet();
            let recorded = Recorded::new(store.clone());
            recorded.crash_at.set(Some(n));
            let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                migrate(&recorded, &VILLAGE, &[to_v2])
            }));
            assert!(crashed.is_err(), "write {n}");
            let next = migrate(&store, &VILLAGE, &[to_v2]);
            assert!(
                matches!(
                    next,
                    Migration::Migrated { from: 1, .. } | Migration::Resumed { from: 1, .. }
                ),
                "write {n}: {next:?}"
            );
            assert_eq!(all(&store), expected, "crash at write {n}");
        }
    }

    #[test]
    fn no_room_for_the_backup_changes_nothing_and_says_so() {
        let store = old_tablet();
        let before = all(&store);
        let used: usize = before.iter().map(|(k, v)| k.len() + v.len()).sum();
        // Room for a few bytes more, not for a copy of everything.
        store.set_capacity(Some(used + 50));
        assert_eq!(
            migrate(&store, &VILLAGE, &[to_v2]),
            Migration::NotMigrated {
                at: 1,
                why: StoreError::Full
            }
        );
        assert_eq!(all(&store), before);
        // The app reads the old format as it is.
        assert_eq!(Repository::new(store.clone()).load().petitions.len(), 3);
        // With room again, the next start migrates.
        store.set_capacity(None);
        assert!(matches!(
            migrate(&store, &VILLAGE, &[to_v2]),
            Migration::Migrated { from: 1, .. }
        ));
    }

    #[test]
    fn no_room_for_the_stamp_changes_nothing() {
        let store = old_tablet();
        let before = all(&store);
        store.set_capacity(Some(0));
        assert_eq!(
            village(&store),
            Migration::NotMigrated {
                at: 1,
                why: StoreError::Full
            }
        );
        assert_eq!(all(&store), before);
    }

    #[test]
    fn no_room_for_the_new_entries_puts_the_old_ones_back() {
        let store = old_tablet();
        let before = all(&store);
        let used: usize = before.iter().map(|(k, v)| k.len() + v.len()).sum();
        let backup = before
            .iter()
            .filter(|(k, _)| k.starts_with("dt1:"))
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect::<Entries>();
        let backup_size = VILLAGE_BACKUP.len() + Value::Object(backup).to_string().len();
        // Room for the backup, not for the petitions grown by the step.
        store.set_capacity(Some(used + backup_size + 5));
        assert_eq!(
            migrate(&store, &VILLAGE, &[to_v2]),
            Migration::NotMigrated {
                at: 1,
                why: StoreError::Full
            }
        );
        assert_eq!(all(&store), before);
    }

    #[test]
    fn a_damaged_backup_is_set_aside_and_the_entries_taken_as_they_are() {
        let store = old_tablet();
        store.set(VILLAGE_BACKUP, "{\"dt1:p:x\": 5").unwrap();
        assert!(matches!(
            village(&store),
            Migration::Migrated { from: 1, .. }
        ));
        assert!(store.get(VILLAGE_BACKUP).is_none());
        assert_eq!(
            store.get("dt1:broken:dt1:migration-backup").as_deref(),
            Some("{\"dt1:p:x\": 5")
        );
    }

    #[test]
    fn a_backup_with_keys_not_the_roles_is_never_written_back() {
        let store = old_tablet();
        store
            .set(
                VILLAGE_BACKUP,
                r#"{"dt1:profile":"{}","other-app:x":"mine now"}"#,
            )
            .unwrap();
        assert!(matches!(village(&store), Migration::Migrated { .. }));
        assert_eq!(store.get("other-app:x").as_deref(), Some("not ours"));
        assert!(store.get("dt1:broken:dt1:migration-backup").is_some());
    }

    #[test]
    fn a_newer_format_is_left_alone() {
        let store = old_tablet();
        store.set(VILLAGE_MARKER, "7").unwrap();
        let before = all(&store);
        assert_eq!(village(&store), Migration::Newer { found: 7 });
        assert_eq!(all(&store), before);
    }

    #[test]
    fn the_office_is_migrated_the_same_way_in_its_own_keys() {
        let store = MemoryStore::default();
        store
            .set("dt1:o:setup", "{\"commune\":\"Cẩm Quang\"}")
            .unwrap();
        store
            .set("dt1:o:v:thon-1", "{\"village\":\"thon-1\"}")
            .unwrap();
        store.set("dt1:broken:dt1:o:groups", "rác").unwrap();
        let before = all(&store);
        assert_eq!(
            office(&store),
            Migration::Migrated {
                from: 1,
                changed: 0
            }
        );
        assert_eq!(store.get(OFFICE_MARKER).as_deref(), Some("1"));
        assert_eq!(office(&store), Migration::Current);

        // A step, a crash after its backup, and the next start.
        fn rename_chunks(e: &mut Entries) {
            if let Some(v) = e.remove("dt1:o:v:thon-1") {
                e.insert("dt1:o:v2:thon-1".into(), v);
            }
        }
        let recorded = Recorded::new(store.clone());
        recorded.crash_at.set(Some(2));
        let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            migrate(&recorded, &OFFICE, &[rename_chunks])
        }));
        assert!(crashed.is_err());
        assert!(store.get(OFFICE_BACKUP).is_some());
        assert_eq!(
            migrate(&store, &OFFICE, &[rename_chunks]),
            Migration::Resumed {
                from: 1,
                changed: 2
            }
        );
        assert!(store.get(OFFICE_BACKUP).is_none());
        assert_eq!(store.get(OFFICE_MARKER).as_deref(), Some("2"));
        assert_eq!(
            store.get("dt1:o:v2:thon-1").as_deref(),
            Some("{\"village\":\"thon-1\"}")
        );
        assert!(store.get("dt1:o:v:thon-1").is_none());
        assert_eq!(store.keys().len(), before.len() + 1);

        // No room for the backup: nothing changes.
        let full = MemoryStore::default();
        for (k, v) in &before {
            full.set(k, v).unwrap();
        }
        let used: usize = before.iter().map(|(k, v)| k.len() + v.len()).sum();
        full.set_capacity(Some(used + 20));
        assert_eq!(
            migrate(&full, &OFFICE, &[rename_chunks]),
            Migration::NotMigrated {
                at: 1,
                why: StoreError::Full
            }
        );
        assert_eq!(all(&full), before);
    }

    #[test]
    fn a_format_stamp_is_vouched_for_only_up_to_the_current_one() {
        assert!(is_known_format("1", VILLAGE_STEPS));
        assert!(!is_known_format("2", VILLAGE_STEPS));
        assert!(is_known_format("2", &[to_v2]));
        assert!(!is_known_format("0", VILLAGE_STEPS));
        assert!(!is_known_format(" 1", VILLAGE_STEPS));
    }
}
