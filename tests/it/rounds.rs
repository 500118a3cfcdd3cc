//! A village tablet's rounds (issue 16): the commune's next dialogue arrives in a newer
//! setup file; the round under way ends, its petitions, meeting and results kept
//! read-only and never sent again; the next round starts empty for the new dialogue. A
//! round that cannot be stored for want of room changes nothing.

use doithoai::domain::bundle::village::{build_village_bundle, ExportContext};
use doithoai::domain::round::{round_of, take_setup, unsent, SetupTaken};
use doithoai::domain::village::{DialogueInfo, Meeting, VillageProfile};
use doithoai::storage::backup::check_village;
use doithoai::storage::{KeyValueStore, MemoryStore, Repository, StoreError};

use crate::backup::entries;
use crate::office_import::{at, petition, setup};
use doithoai::domain::bundle::setup::parse_commune_setup;

fn profile() -> VillageProfile {
    let s = setup();
    VillageProfile {
        commune: "Cẩm Quang".into(),
        province: String::new(),
        village_code: "thon-1".into(),
        village: "Thôn 1".into(),
        head: "Nguyễn Văn Hùng".into(),
        fields: s.fields.clone(),
        dialogue: Some(DialogueInfo {
            id: doithoai::domain::bundle::dialogue::FIRST_DIALOGUE.into(),
            title: "Đối thoại năm 2026".into(),
            ..Default::default()
        }),
        office_key: None,
    }
}

/// The 2027 setup file, as the office exports it once 2026 is closed.
fn setup_2027() -> doithoai::domain::bundle::setup::CommuneSetup {
    let first = setup();
    let next = doithoai::domain::office::setup::SetupDraft {
        title: "Đối thoại năm 2027".into(),
        ..doithoai::domain::office::setup::SetupDraft::next_from(&first)
    }
    .validate_next(&first, "n2027")
    .unwrap();
    parse_commune_setup(&next.setup_file(None)).unwrap()
}

/// A tablet of the 2026 round: two petitions and its meeting.
fn tablet() -> (MemoryStore, Repository<MemoryStore>) {
    let store = MemoryStore::default();
    let repo = Repository::new(store.clone());
    repo.save_profile(&profile()).unwrap();
    repo.save_petition(&petition(1, "Đường liên thôn xuống cấp"))
        .unwrap();
    repo.save_petition(&petition(2, "Xin cấp sổ đỏ")).unwrap();
    repo.save_meeting(&Meeting {
        place: "Nhà văn hóa thôn 1".into(),
        ..Meeting::default()
    })
    .unwrap();
    (store, repo)
}

#[test]
fn the_next_dialogue_starts_an_empty_round_and_the_last_is_kept_whole() {
    let (store, repo) = tablet();
    let before = repo.load();
    assert_eq!(unsent(&before.petitions, &[], None), 2, "never exported");
    let SetupTaken::NewRound(next) =
        take_setup(&setup_2027(), &before.profile.clone().unwrap()).unwrap()
    else {
        panic!("the 2027 file starts a new round");
    };
    repo.begin_round(&before, &next, at(900)).unwrap();

    let now = repo.load();
    assert!(now.petitions.is_empty(), "the new round starts empty");
    assert!(now.meeting.is_none());
    assert_eq!(round_of(now.profile.as_ref().unwrap()), "n2027");
    let past = repo.past_rounds();
    assert_eq!(past.len(), 1);
    assert_eq!(past[0].dialogue.title, "Đối thoại năm 2026");
    assert_eq!(past[0].petitions, before.petitions);
    assert_eq!(past[0].meeting, before.meeting);

    // The new round's bundle names 2027 and carries none of 2026's petitions.
    let fresh = petition(3, "Kiến nghị năm 2027");
    repo.save_petition(&fresh).unwrap();
    let ctx = ExportContext {
        app_version: "0.1.0",
        device_id: "3f6c1c9e-8a52-4d0b-9a3e-2b7f5e1c0d44",
        sequence: 5,
        now: at(950),
    };
    let loaded = repo.load();
    let bundle = build_village_bundle(
        loaded.profile.as_ref().unwrap(),
        None,
        &loaded.petitions,
        &ctx,
    );
    assert_eq!(bundle.dialogue.as_ref().unwrap().id, "n2027");
    assert_eq!(bundle.petitions.len(), 1);

    // The rounds' entries are the tablet's own: a backup of it is checked and taken.
    check_village(&entries(&store)).unwrap();

    // Two more dialogues later, every round is still there, oldest first.
    for (id, minute) in [("n2028", 1000), ("n2029", 1100)] {
        let snap = repo.load();
        let mut p = snap.profile.clone().unwrap();
        p.dialogue = Some(DialogueInfo {
            id: id.into(),
            title: format!("Đối thoại {id}"),
            ..Default::default()
        });
        repo.begin_round(&snap, &p, at(minute)).unwrap();
    }
    let titles: Vec<String> = repo
        .past_rounds()
        .into_iter()
        .map(|r| r.dialogue.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Đối thoại năm 2026",
            "Đối thoại năm 2027",
            "Đối thoại n2028"
        ]
    );
}

#[test]
fn a_round_that_finds_no_room_changes_nothing() {
    let (store, repo) = tablet();
    let before = repo.load();
    let kept = entries(&store);
    let SetupTaken::NewRound(next) =
        take_setup(&setup_2027(), before.profile.as_ref().unwrap()).unwrap()
    else {
        panic!("a new round");
    };
    let used: usize = kept.iter().map(|(k, v)| k.len() + v.len()).sum();
    store.set_capacity(Some(used + 100));
    assert_eq!(
        repo.begin_round(&before, &next, at(900)),
        Err(StoreError::Full)
    );
    assert_eq!(entries(&store), kept, "nothing changed");
}

#[test]
fn a_setup_file_of_the_same_dialogue_only_brings_the_key() {
    let (_, repo) = tablet();
    let before = repo.load();
    let first = setup();
    let same = parse_commune_setup(&first.setup_file(None)).unwrap();
    assert_eq!(
        take_setup(&same, before.profile.as_ref().unwrap()).unwrap(),
        SetupTaken::SameRound(before.profile.clone().unwrap())
    );
}

#[test]
fn a_damaged_round_is_set_aside_and_the_others_still_read() {
    let (store, repo) = tablet();
    let before = repo.load();
    let SetupTaken::NewRound(next) =
        take_setup(&setup_2027(), before.profile.as_ref().unwrap()).unwrap()
    else {
        panic!("a new round");
    };
    repo.begin_round(&before, &next, at(900)).unwrap();
    // A round entry cut short, and one whose title was written decomposed (as a
    // keyboard of another system may type it).
    store
        .set("dt1:round:cut", "{\"dialogue\": {\"id\": \"cut\"")
        .unwrap();
    let kept = store.get("dt1:round:dau-tien").unwrap();
    let decomposed = kept
        .replace("Đối thoại năm 2026", "Đối thoại năm 2026 (bổ sung)")
        .replace("Đối", "Đo\u{0302}\u{0301}i");
    store.set("dt1:round:dau-tien", &decomposed).unwrap();
    let rounds = repo.past_rounds();
    assert_eq!(rounds.len(), 1, "the damaged one is left out");
    assert_eq!(rounds[0].petitions.len(), 2);
    assert_eq!(
        rounds[0].dialogue.title, "Đối thoại năm 2026 (bổ sung)",
        "read precomposed"
    );
    // Set aside for rescue, not lost.
    assert_eq!(
        store.get("dt1:broken:dt1:round:cut").as_deref(),
        Some("{\"dialogue\": {\"id\": \"cut\"")
    );
    assert!(store.get("dt1:round:cut").is_none());
}
