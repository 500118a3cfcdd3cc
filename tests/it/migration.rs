//! The stored format's migration at start (issue 6, "an app update that changes the stored
//! format"), on the storage earlier releases really wrote: the fixtures of the browser
//! suite (`tests/e2e/fixtures/stored/`, one per release, never edited) and stores made by
//! the app's own repositories. The mechanics (a step, a crash at every write, no room) are
//! tested beside the code, in `storage/migrate.rs`.

use doithoai::domain::bundle::backup::Entries;
use doithoai::storage::backup::{check_office, check_village, entries_of, is_village_key};
use doithoai::storage::migrate::{self, Migration};
use doithoai::storage::office::OfficeRepository;
use doithoai::storage::{KeyValueStore, MemoryStore, Repository, StoreError};

/// A store holding one of the browser suite's fixtures of stored data.
fn stored_fixture(name: &str) -> MemoryStore {
    let path = format!(
        "{}/tests/e2e/fixtures/stored/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("the fixture is in the repository");
    let entries: Entries = serde_json::from_str(&text).expect("key → text");
    let store = MemoryStore::default();
    for (k, v) in &entries {
        store.set(k, v).unwrap();
    }
    store
}

fn all(store: &MemoryStore) -> Entries {
    entries_of(store, |_| true)
}

#[test]
fn a_tablet_of_the_2026_12_01_release_is_stamped_and_reads_the_same() {
    let store = stored_fixture("village-2026-12-01.json");
    let before = all(&store);
    let read_before = Repository::new(store.clone()).load();
    assert_eq!(
        migrate::village(&store),
        Migration::Migrated {
            from: 1,
            changed: 0
        }
    );
    let mut expected = before;
    expected.insert("dt1:format".into(), "1".into());
    assert_eq!(all(&store), expected);
    let read_after = Repository::new(store.clone()).load();
    assert_eq!(read_after.petitions, read_before.petitions);
    assert_eq!(read_after.petitions.len(), 3);
    assert_eq!(read_after.profile, read_before.profile);
    assert!(read_after.broken_now.is_empty());
    // A full backup of the stamped tablet restores (the stamp is one of its keys).
    assert_eq!(
        check_village(&Repository::new(store.clone()).all_entries()),
        Ok(())
    );
    assert_eq!(migrate::village(&store), Migration::Current);
}

#[test]
fn an_office_of_the_2026_12_01_release_is_stamped_and_reads_the_same() {
    let store = stored_fixture("office-2026-12-01.json");
    let before = all(&store);
    let read_before = OfficeRepository::new(store.clone()).load();
    assert_eq!(
        migrate::office(&store),
        Migration::Migrated {
            from: 1,
            changed: 0
        }
    );
    let mut expected = before;
    expected.insert("dt1:o:format".into(), "1".into());
    assert_eq!(all(&store), expected);
    let read_after = OfficeRepository::new(store.clone()).load();
    assert_eq!(read_after.register.entries().len(), 4);
    assert_eq!(
        read_after.register.entries(),
        read_before.register.entries()
    );
    assert_eq!(read_after.register.groups(), read_before.register.groups());
    assert_eq!(read_after.setup, read_before.setup);
    assert!(read_after.broken_now.is_empty());
    assert_eq!(check_office(&all(&store)), Ok(()));
    assert_eq!(migrate::office(&store), Migration::Current);
}

#[test]
fn a_tablet_and_an_office_in_one_browser_keep_to_their_own_keys() {
    let (village, office) = crate::backup::stores();
    village.set("other-app:x", "theirs").unwrap();
    let office_before = all(&office);
    migrate::village(&village);
    assert_eq!(village.get("dt1:format").as_deref(), Some("1"));
    assert_eq!(village.get("other-app:x").as_deref(), Some("theirs"));
    assert!(village.get("dt1:o:format").is_none());
    assert_eq!(all(&office), office_before);
    migrate::office(&office);
    assert_eq!(office.get("dt1:o:format").as_deref(), Some("1"));
    assert!(office.get("dt1:format").is_none());
    assert_eq!(check_office(&all(&office)), Ok(()));
    assert!(all(&village)
        .keys()
        .all(|k| !k.starts_with("dt1:") || is_village_key(k)));
}

#[test]
fn an_office_interrupted_mid_migration_gets_its_data_back() {
    // As a migration of another release, cut short, would leave it: the backup of every
    // entry, the stamp written, a village's chunk damaged half-way.
    let store = stored_fixture("office-2026-12-01.json");
    let original = all(&store);
    let read_before = OfficeRepository::new(store.clone()).load();
    let backup: serde_json::Map<String, serde_json::Value> = original
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    store
        .set(
            "dt1:o:migration-backup",
            &serde_json::Value::Object(backup).to_string(),
        )
        .unwrap();
    store.set("dt1:o:format", "1").unwrap();
    store
        .set("dt1:o:v:thon-1", "{\"village\":\"thon-1\",\"entr")
        .unwrap();
    assert_eq!(
        migrate::office(&store),
        Migration::Resumed {
            from: 1,
            changed: 0
        }
    );
    let mut expected = original;
    expected.insert("dt1:o:format".into(), "1".into());
    assert_eq!(all(&store), expected);
    let read_after = OfficeRepository::new(store).load();
    assert!(read_after.broken_now.is_empty());
    assert_eq!(
        read_after.register.entries(),
        read_before.register.entries()
    );
}

#[test]
fn a_full_tablet_runs_on_its_old_format() {
    let store = stored_fixture("village-2026-12-01.json");
    let before = all(&store);
    store.set_capacity(Some(0));
    assert_eq!(
        migrate::village(&store),
        Migration::NotMigrated {
            at: 1,
            why: StoreError::Full
        }
    );
    assert_eq!(all(&store), before);
    assert_eq!(Repository::new(store).load().petitions.len(), 3);
}
