//! Village bundles encrypted for the commune office (issue 6): the office's key pair made,
//! stored and read back; its public key carried by the setup file to a tablet (a new one,
//! or one already set up); an encrypted bundle opened and imported like a plain one; and
//! every damaged, cut or foreign file refused before anything is read.

use doithoai::domain::bundle::sealed::{self, OfficeKey, SealedError};
use doithoai::domain::bundle::setup::{is_office_key, parse_commune_setup};
use doithoai::domain::bundle::FileError;
use doithoai::domain::office::register::Register;
use doithoai::storage::office::OfficeRepository;
use doithoai::storage::{MemoryStore, Repository};

use crate::office_import::{bundle, import, petition, setup};

/// What the tablet exports, encrypted for the office as its export does.
fn sealed_bundle(key: &OfficeKey) -> (String, String) {
    let plain = bundle(
        "Cẩm Quang",
        0,
        &[
            petition(1, "Đường liên thôn xuống cấp"),
            petition(2, "Tố cáo cán bộ địa chính thu tiền sai quy định"),
        ],
        1,
    );
    let text = sealed::seal(&plain, key.public()).unwrap();
    (plain, text)
}

/// One base64 character of the armour replaced by another (the armour stays well formed),
/// the `n`-th character of the body counted from its first line.
fn flip(text: &str, n: usize) -> String {
    let begin = text.find('\n').unwrap() + 1;
    let mut bytes = text.as_bytes().to_vec();
    let mut i = begin;
    let mut seen = 0;
    while seen < n || bytes[i] == b'\n' {
        if bytes[i] != b'\n' {
            seen += 1;
        }
        i += 1;
    }
    bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

#[test]
fn office_imports_an_encrypted_bundle_as_it_imports_the_plain_one() {
    let key = OfficeKey::generate();
    let (plain, text) = sealed_bundle(&key);
    assert!(sealed::is_sealed(&text));
    assert!(!sealed::is_sealed(&plain));
    // Nothing of the petitions, the names or the village shows in the file.
    for secret in [
        "Tố cáo",
        "Lê Văn Tám",
        "Thôn 1",
        "Cẩm Quang",
        "kien_nghi",
        "village",
    ] {
        assert!(!text.contains(secret), "{secret} shows");
    }
    let opened = sealed::open(&text, Some(&key)).unwrap();
    assert_eq!(opened, plain);

    let mut by_plain = Register::default();
    let mut by_sealed = Register::default();
    let a = import(&mut by_plain, &plain).unwrap();
    let b = import(&mut by_sealed, &opened).unwrap();
    assert_eq!(a.counts, b.counts);
    assert_eq!(b.counts.new, 2);
    // The same file again changes nothing, as for a plain one.
    let again = import(&mut by_sealed, &opened).unwrap();
    assert_eq!(again.counts.unchanged, 2);
}

#[test]
fn a_bundle_encrypted_for_another_office_is_refused() {
    let ours = OfficeKey::generate();
    let theirs = OfficeKey::generate();
    let (_, text) = sealed_bundle(&theirs);
    assert_eq!(sealed::open(&text, Some(&ours)), Err(SealedError::OtherKey));
    // An office that has no key yet says so.
    assert_eq!(sealed::open(&text, None), Err(SealedError::NoKey));
}

#[test]
fn any_byte_changed_is_refused_never_read() {
    let key = OfficeKey::generate();
    let (_, text) = sealed_bundle(&key);
    let body = text.lines().skip(1).map(str::len).sum::<usize>()
        - "-----END AGE ENCRYPTED FILE-----".len();
    // The header's stanza, its MAC, the nonce, the payload's first and last bytes.
    for n in (0..body).step_by(7).chain([body - 1]) {
        let changed = flip(&text, n);
        if changed == text {
            continue;
        }
        match sealed::open(&changed, Some(&key)) {
            // A change to the stanza's name makes it a stanza for no key of ours.
            Err(SealedError::Damaged | SealedError::OtherKey) => {}
            other => panic!("byte {n} changed: {other:?}"),
        }
    }
    // A change in the payload is damage, whatever its place.
    assert_eq!(
        sealed::open(&flip(&text, body - 10), Some(&key)),
        Err(SealedError::Damaged)
    );
}

#[test]
fn a_cut_file_is_refused_as_cut() {
    let key = OfficeKey::generate();
    let (_, text) = sealed_bundle(&key);
    for keep in [40, text.len() / 2, text.len() - 40] {
        assert_eq!(
            sealed::open(&text[..keep], Some(&key)),
            Err(SealedError::Truncated),
            "kept {keep}"
        );
    }
    // Lines lost in the middle, the end line still there.
    let lines: Vec<&str> = text.lines().collect();
    let mut short = lines.clone();
    short.remove(lines.len() / 2);
    let short = short.join("\n");
    assert!(matches!(
        sealed::open(&short, Some(&key)),
        Err(SealedError::Damaged | SealedError::Truncated)
    ));
}

#[test]
fn a_file_made_by_the_tablets_encryption_opens_at_the_office() {
    // Made by the tablet's encryption (js/age-encrypt.js, the reference TypeScript
    // implementation) under Node, with a key pair made for this test only.
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/typage-sealed.json")).unwrap();
    let key = OfficeKey::from_secret(fixture["identity"].as_str().unwrap()).unwrap();
    assert_eq!(key.public(), fixture["recipient"].as_str().unwrap());
    let text = fixture["sealed"].as_str().unwrap();
    assert_eq!(
        sealed::open(text, Some(&key)).unwrap(),
        "{\"commune\":\"Cẩm Quang\",\"ghi chú\":\"made by typage\"}"
    );
}

#[test]
fn the_key_pair_is_stored_and_read_back() {
    let store = MemoryStore::default();
    let repo = OfficeRepository::new(store.clone());
    assert!(repo.load().key.is_none());
    let key = OfficeKey::generate();
    repo.save_key(&key).unwrap();
    let again = OfficeRepository::new(store).load().key.unwrap();
    assert_eq!(again.public(), key.public());
    let (plain, text) = sealed_bundle(&key);
    assert_eq!(sealed::open(&text, Some(&again)).unwrap(), plain);
}

#[test]
fn the_setup_file_carries_the_public_key_to_a_new_tablet() {
    let key = OfficeKey::generate();
    let file = setup().setup_file(Some(key.public()));
    assert!(!file.contains("AGE-SECRET-KEY"));
    let read = parse_commune_setup(&file).unwrap();
    assert_eq!(read.office_key.as_deref(), Some(key.public()));
    let profile = read.profile_for(0, "").unwrap();
    assert_eq!(profile.office_key.as_deref(), Some(key.public()));
    // Stored and read back on the tablet.
    let store = MemoryStore::default();
    Repository::new(store.clone())
        .save_profile(&profile)
        .unwrap();
    let stored = Repository::new(store).load().profile.unwrap();
    assert_eq!(stored.office_key.as_deref(), Some(key.public()));
    // A file without a key still loads: plain bundles, as before.
    assert_eq!(
        parse_commune_setup(&setup().setup_file(None))
            .unwrap()
            .office_key,
        None
    );
}

#[test]
fn a_setup_file_with_a_bad_key_is_refused() {
    let key = OfficeKey::generate();
    let file = setup().setup_file(Some(key.public()));
    let bad = file.replace(key.public(), "age1notakey");
    // The checksum catches the edit first; without one, the key's shape.
    assert!(parse_commune_setup(&bad).is_err());
    let mut doc: serde_json::Value = serde_json::from_str(&bad).unwrap();
    doc.as_object_mut().unwrap().remove("checksum");
    assert_eq!(
        parse_commune_setup(&doc.to_string()),
        Err(doithoai::domain::bundle::FileError::BadField {
            path: "office_key".into(),
            problem: doithoai::domain::bundle::FieldProblem::Invalid,
        })
    );
    assert!(is_office_key(key.public()));
    assert!(!is_office_key(&key.public().to_uppercase()));
    assert!(!is_office_key(&key.public()[..61]));
}

#[test]
fn a_tablet_already_set_up_learns_the_key_from_a_newer_setup_file() {
    let old = parse_commune_setup(&setup().setup_file(None)).unwrap();
    let profile = old.profile_for(1, "").unwrap();
    assert_eq!(profile.office_key, None);
    let key = OfficeKey::generate();
    let newer = parse_commune_setup(&setup().setup_file(Some(key.public()))).unwrap();
    let taken = newer.office_key_for(&profile).unwrap();
    assert_eq!(taken.office_key.as_deref(), Some(key.public()));
    assert_eq!(
        (&taken.village, &taken.head),
        (&profile.village, &profile.head)
    );

    // Another commune's file, or a list without this village, is refused.
    let mut other = newer.clone();
    other.commune = "Cẩm Bình".into();
    assert!(matches!(
        other.office_key_for(&profile),
        Err(FileError::NotThisCommune { .. })
    ));
    let mut without = newer.clone();
    without.villages.remove(1);
    assert!(matches!(
        without.office_key_for(&profile),
        Err(FileError::NotThisVillage { .. })
    ));
}
