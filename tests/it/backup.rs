//! The full backup (issue 6, "Nothing lost"): everything stored, both roles, as one file;
//! the restore takes it whole, or refuses it and changes nothing.

use doithoai::domain::bundle::backup::{
    build_backup, parse_backup, Backup, BackupContext, BackupError, Entries, MadeBy, Role,
};
use doithoai::domain::bundle::{FieldProblem, FileError};
use doithoai::storage::backup::{is_village_key, read_for_office, read_for_village, replace_all};
use doithoai::storage::office::OfficeRepository;
use doithoai::storage::{KeyValueStore, MemoryStore, Repository};

use crate::office_import::{at, bundle, import, petition, setup};

/// A tablet with three petitions and its profile, and an office with two villages'
/// petitions imported, in one browser.
pub(crate) fn stores() -> (MemoryStore, MemoryStore) {
    let village = MemoryStore::default();
    let repo = Repository::new(village.clone());
    for (i, text) in [
        "Đường liên thôn xuống cấp",
        "Xin cấp sổ đỏ",
        "<img src=x onerror=alert(1)>",
    ]
    .iter()
    .enumerate()
    {
        repo.save_petition(&petition(i as u8 + 1, text)).unwrap();
    }
    let office = MemoryStore::default();
    let orepo = OfficeRepository::new(office.clone());
    orepo.save_setup(&setup()).unwrap();
    let mut r = doithoai::domain::office::register::Register::default();
    import(
        &mut r,
        &bundle("Cẩm Quang", 0, &[petition(10, "Thiếu đèn đường")], 1),
    )
    .unwrap();
    import(
        &mut r,
        &bundle("Cẩm Quang", 1, &[petition(11, "Cống tắc")], 1),
    )
    .unwrap();
    orepo.save(&r, &["thon-1", "thon-2"]).unwrap();
    orepo
        .save_session(&doithoai::domain::session::Session::default())
        .unwrap();
    orepo
        .save_documents(&doithoai::domain::official::DocumentRegister::new())
        .unwrap();
    (village, office)
}

pub(crate) fn entries(store: &MemoryStore) -> Entries {
    store
        .keys()
        .into_iter()
        .filter_map(|k| store.get(&k).map(|v| (k, v)))
        .collect()
}

fn backup_of(village: &MemoryStore, office: Option<&MemoryStore>) -> Backup {
    build_backup(
        Some(Repository::new(village.clone()).all_entries()),
        office.map(entries),
        BackupContext {
            app_version: "0.1.0",
            now: at(900),
            made_by: MadeBy {
                role: if office.is_some() {
                    Role::Office
                } else {
                    Role::Village
                },
                name: "Cẩm Quang".into(),
                dialogue: Some(doithoai::domain::bundle::dialogue::DialogueRef {
                    id: "dau-tien".into(),
                    title: "Đối thoại năm 2026".into(),
                }),
            },
        },
    )
}

#[test]
fn a_backup_of_both_roles_restores_whole_into_an_empty_browser() {
    let (village, office) = stores();
    let text = backup_of(&village, Some(&office)).to_json();
    let read = read_for_office(&text).unwrap();
    assert_eq!(read.village_petitions(), 3);

    let (v2, o2) = (MemoryStore::default(), MemoryStore::default());
    v2.set("other-site:theme", "dark").unwrap();
    replace_all(&v2, is_village_key, read.village.as_ref().unwrap()).unwrap();
    replace_all(
        &o2,
        |k| k.starts_with("dt1:"),
        read.office.as_ref().unwrap(),
    )
    .unwrap();
    assert_eq!(Repository::new(v2.clone()).all_entries(), entries(&village));
    assert_eq!(entries(&o2), entries(&office));
    assert_eq!(v2.get("other-site:theme").as_deref(), Some("dark"));
    // Read back as the app reads at start: every petition, hostile text as text.
    let snap = Repository::new(v2).load();
    assert_eq!(snap.petitions.len(), 3);
    assert!(snap.broken_now.is_empty());
    assert!(snap
        .petitions
        .iter()
        .any(|p| p.content == "<img src=x onerror=alert(1)>"));
    let osnap = OfficeRepository::new(o2).load();
    assert_eq!(osnap.register.entries().len(), 2);
    assert!(osnap.setup.is_some());
}

#[test]
fn the_village_page_refuses_a_file_with_the_office_data_and_takes_its_own() {
    let (village, office) = stores();
    let both = backup_of(&village, Some(&office)).to_json();
    assert_eq!(
        read_for_village(&both).unwrap_err(),
        BackupError::OfficeDataHere
    );
    let own = backup_of(&village, None).to_json();
    assert_eq!(read_for_village(&own).unwrap().village_petitions(), 3);
}

/// Every way a file can be bad, each refused with its reason.
#[test]
fn bad_backups_are_refused_with_their_reason() {
    let (village, office) = stores();
    let good = backup_of(&village, Some(&office));
    let text = good.to_json();
    let refuse = |t: &str| read_for_office(t).unwrap_err();

    assert_eq!(refuse(""), BackupError::File(FileError::Empty));
    assert!(matches!(
        refuse("PK\u{3}\u{4} not json"),
        BackupError::File(FileError::NotJson { .. })
    ));
    assert_eq!(
        refuse(&text[..text.len() / 2]),
        BackupError::File(FileError::Truncated)
    );
    let huge = " ".repeat(64 * 1024 * 1024 + 1);
    assert!(matches!(
        refuse(&huge),
        BackupError::File(FileError::TooLarge { .. })
    ));
    let bundle_text = bundle("Cẩm Quang", 0, &[petition(1, "Đường")], 1);
    assert!(matches!(
        refuse(&bundle_text),
        BackupError::File(FileError::WrongFormat { .. })
    ));
    assert!(matches!(
        refuse(&text.replacen("\"version\": 1", "\"version\": 2", 1)),
        BackupError::File(FileError::UnsupportedVersion { .. })
    ));
    // One petition's text changed by hand, checksum left as it was.
    assert_eq!(
        refuse(&text.replacen("Xin cấp sổ đỏ", "Xin cấp sổ hồng", 1)),
        BackupError::File(FileError::ChecksumMismatch)
    );
    let mut no_sum: serde_json::Value = serde_json::from_str(&text).unwrap();
    no_sum.as_object_mut().unwrap().remove("checksum");
    assert_eq!(
        refuse(&no_sum.to_string()),
        BackupError::File(FileError::BadField {
            path: "checksum".into(),
            problem: FieldProblem::Missing
        })
    );

    // Re-sealed with a good checksum, but with content the app cannot take.
    let resealed = |edit: &dyn Fn(&mut Backup)| {
        let mut b = good.clone();
        edit(&mut b);
        build_backup(
            b.village,
            b.office,
            BackupContext {
                app_version: "0.1.0",
                now: b.made_at,
                made_by: b.made_by,
            },
        )
        .to_json()
    };
    // The dialogue the maker was on reads back; an id that could not be one is refused.
    assert_eq!(read_for_office(&text).unwrap().made_by, good.made_by);
    assert_eq!(
        refuse(&resealed(&|b| {
            b.made_by.dialogue.as_mut().unwrap().id = "../x".into();
        })),
        BackupError::File(FileError::BadField {
            path: "made_by.dialogue.id".into(),
            problem: FieldProblem::Invalid
        })
    );
    let key = good
        .village
        .as_ref()
        .unwrap()
        .keys()
        .find(|k| k.starts_with("dt1:p:"))
        .unwrap()
        .clone();
    assert_eq!(
        refuse(&resealed(&|b| {
            b.village
                .as_mut()
                .unwrap()
                .insert(key.clone(), "{\"id\": \"cut off".into());
        })),
        BackupError::Unreadable { key: key.clone() }
    );
    assert_eq!(
        refuse(&resealed(&|b| {
            b.office
                .as_mut()
                .unwrap()
                .insert("dt1:o:v:thon-1".into(), "[1, 2".into());
        })),
        BackupError::Unreadable {
            key: "dt1:o:v:thon-1".into()
        }
    );
    assert_eq!(
        refuse(&resealed(&|b| {
            b.village
                .as_mut()
                .unwrap()
                .insert("session-token".into(), "x".into());
        })),
        BackupError::UnknownKey {
            key: "session-token".into()
        }
    );
    assert_eq!(
        refuse(&resealed(&|b| {
            b.office
                .as_mut()
                .unwrap()
                .insert("dt1:profile".into(), "{}".into());
        })),
        BackupError::UnknownKey {
            key: "dt1:profile".into()
        }
    );
    assert_eq!(
        refuse(&resealed(&|b| {
            b.village = None;
            b.office = None;
        })),
        BackupError::Nothing
    );
    // Sanity: the untouched file passes, and parses to what was written.
    assert_eq!(parse_backup(&text).unwrap(), good);
}

#[test]
fn a_refused_restore_leaves_the_store_untouched() {
    let (village, office) = stores();
    let before = entries(&village);
    let writes = village.write_count();
    let tampered =
        backup_of(&village, None)
            .to_json()
            .replacen("Xin cấp sổ đỏ", "Xin cấp sổ hồng", 1);
    // The page's order: read and check the file whole, write only if it passed.
    if let Ok(b) = read_for_village(&tampered) {
        replace_all(&village, is_village_key, b.village.as_ref().unwrap()).unwrap();
    }
    assert_eq!(entries(&village), before);
    assert_eq!(village.write_count(), writes);
    let _ = office;
}

#[test]
fn a_restore_with_no_room_keeps_what_was_stored() {
    let (village, office) = stores();
    let b = backup_of(&village, Some(&office));
    let target = MemoryStore::default();
    let repo = Repository::new(target.clone());
    repo.save_petition(&petition(42, "Đã có trên máy")).unwrap();
    let held = entries(&target);
    target.set_capacity(Some(
        held.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>() + 10,
    ));
    assert!(replace_all(&target, is_village_key, b.village.as_ref().unwrap()).is_err());
    assert_eq!(entries(&target), held);
    assert_eq!(repo.load().petitions.len(), 1);
}

#[test]
fn a_backup_is_built_from_a_full_store_without_writing() {
    let (village, _) = stores();
    village.set_capacity(Some(0));
    let writes = village.write_count();
    let b = backup_of(&village, None);
    assert_eq!(village.write_count(), writes);
    assert_eq!(parse_backup(&b.to_json()).unwrap().village_petitions(), 3);
}
