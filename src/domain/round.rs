//! A village tablet's rounds of collecting: one per dialogue of the commune. The tablet
//! collects for the dialogue its setup file names; when a newer setup file opens the next
//! dialogue, the round under way ends: its petitions, meeting and results are kept,
//! read-only, and never go out again in the new round's bundle. A round whose last
//! changes were never sent is not ended without the village head being told so first.

use chrono::{DateTime, Utc};

use crate::domain::bundle::dialogue::FIRST_DIALOGUE;
use crate::domain::bundle::results::ReadResults;
use crate::domain::bundle::setup::CommuneSetup;
use crate::domain::bundle::FileError;
use crate::domain::petition::Petition;
use crate::domain::village::{DialogueInfo, Meeting, VillageProfile};

/// A round that ended: what the tablet held for that dialogue, as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct PastRound {
    pub dialogue: DialogueInfo,
    pub ended_at: DateTime<Utc>,
    pub meeting: Option<Meeting>,
    /// Tombstones included, as the round's last bundle carried them.
    pub petitions: Vec<Petition>,
    /// The results of the round's dialogue, if the tablet took them in.
    pub results: Option<ReadResults>,
}

/// The id of the dialogue a profile collects for: the one its setup file named, or the
/// first dialogue's for a tablet set up before ids (or by hand).
pub fn round_of(profile: &VillageProfile) -> &str {
    profile
        .dialogue
        .as_ref()
        .map_or(FIRST_DIALOGUE, |d| d.id.as_str())
}

/// How many petitions changed since the last export: what the office has not seen of this
/// round. `sent`: each petition's id and revision as the last export sent it (a petition's
/// revision grows at every change, whatever the tablet's clock says); a log of the releases
/// before it has none, and then `last_export`'s time tells (never exported: all of them).
pub fn unsent(
    petitions: &[Petition],
    sent: &[(String, u32)],
    last_export: Option<DateTime<Utc>>,
) -> usize {
    if !sent.is_empty() {
        return petitions
            .iter()
            .filter(|p| {
                !sent
                    .iter()
                    .any(|(id, revision)| *revision == p.revision && *id == p.id.to_string())
            })
            .count();
    }
    petitions
        .iter()
        .filter(|p| last_export.is_none_or(|at| p.updated_at > at))
        .count()
}

/// What a newer setup file of this tablet's commune does.
#[derive(Clone, Debug, PartialEq)]
pub enum SetupTaken {
    /// The same dialogue: the profile with the office's key (the rest unchanged).
    SameRound(VillageProfile),
    /// The next dialogue: the profile of the new round (its dialogue, fields and key; the
    /// same village and head), once the village head confirms.
    NewRound(VillageProfile),
}

/// Checks a setup file against this tablet (its commune, its village in the list) and
/// says what it does.
pub fn take_setup(setup: &CommuneSetup, profile: &VillageProfile) -> Result<SetupTaken, FileError> {
    let same = setup.office_key_for(profile)?;
    let next = setup
        .dialogue
        .as_ref()
        .map_or(FIRST_DIALOGUE, |d| d.id.as_str());
    if next == round_of(profile) {
        return Ok(SetupTaken::SameRound(same));
    }
    Ok(SetupTaken::NewRound(VillageProfile {
        fields: setup.fields.clone(),
        dialogue: setup.dialogue.clone(),
        office_key: setup.office_key.clone(),
        ..profile.clone()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::setup::SetupVillage;
    use crate::domain::petition::{PetitionDraft, PetitionId};

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000 + minutes * 60, 0).unwrap()
    }

    fn profile(dialogue: Option<&str>) -> VillageProfile {
        VillageProfile {
            commune: "Cẩm Quang".into(),
            province: String::new(),
            village_code: "thon-1".into(),
            village: "Thôn 1".into(),
            head: "Nguyễn Văn Hùng".into(),
            fields: vec!["Đất đai".into()],
            dialogue: dialogue.map(|id| DialogueInfo {
                id: id.into(),
                title: format!("Đối thoại {id}"),
                ..Default::default()
            }),
            office_key: None,
        }
    }

    fn setup(dialogue: Option<&str>) -> CommuneSetup {
        CommuneSetup {
            commune: "CẨM QUANG".into(),
            province: String::new(),
            villages: vec![SetupVillage {
                code: "thon-1".into(),
                name: "Thôn 1".into(),
                head: String::new(),
            }],
            fields: vec!["Đất đai".into(), "Môi trường".into()],
            dialogue: dialogue.map(|id| DialogueInfo {
                id: id.into(),
                title: format!("Đối thoại {id}"),
                ..Default::default()
            }),
            office_key: None,
        }
    }

    #[test]
    fn a_setup_file_of_the_same_dialogue_keeps_the_round_and_one_of_the_next_starts_a_new_one() {
        // A tablet of the first dialogue (set up before ids) and a file of version 1.
        assert!(matches!(
            take_setup(&setup(None), &profile(None)),
            Ok(SetupTaken::SameRound(_))
        ));
        assert!(matches!(
            take_setup(&setup(Some(FIRST_DIALOGUE)), &profile(None)),
            Ok(SetupTaken::SameRound(_))
        ));
        let Ok(SetupTaken::NewRound(next)) = take_setup(&setup(Some("n2027")), &profile(None))
        else {
            panic!("a new round");
        };
        assert_eq!(round_of(&next), "n2027");
        assert_eq!(next.village, "Thôn 1");
        assert_eq!(next.head, "Nguyễn Văn Hùng");
        assert_eq!(next.fields.len(), 2, "the new dialogue's fields");
        // Another commune's file is refused before anything else.
        let mut other = setup(Some("n2027"));
        other.commune = "Cẩm Xuyên".into();
        assert!(matches!(
            take_setup(&other, &profile(None)),
            Err(FileError::NotThisCommune { .. })
        ));
    }

    #[test]
    fn what_changed_since_the_last_export_is_unsent() {
        let p = |minute: i64| {
            let values = PetitionDraft {
                content: "Đường xuống cấp".into(),
                field: "Đất đai".into(),
                kind_code: "kien_nghi".into(),
                ..Default::default()
            }
            .validate()
            .unwrap();
            Petition::new(
                PetitionId::from_random([minute as u8; 16]),
                values,
                at(minute),
            )
        };
        let petitions = [p(1), p(2), p(5)];
        assert_eq!(unsent(&petitions, &[], None), 3);
        assert_eq!(unsent(&petitions, &[], Some(at(3))), 1);
        assert_eq!(unsent(&petitions, &[], Some(at(5))), 0);
        // With the revisions sent, the clock no longer counts: a tablet whose clock went
        // back still sees the petition changed after the export.
        let sent: Vec<(String, u32)> = petitions[..2]
            .iter()
            .map(|p| (p.id.to_string(), p.revision))
            .collect();
        assert_eq!(unsent(&petitions, &sent, Some(at(99))), 1);
        let mut edited = petitions.clone();
        edited[0].revision += 1;
        assert_eq!(unsent(&edited, &sent, Some(at(99))), 2);
    }
}
