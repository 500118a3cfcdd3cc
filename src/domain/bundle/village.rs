//! The village bundle: everything a village tablet collected, exported as one JSON file
//! for the commune office. Confidential identities are included (the office needs them)
//! and flagged; deleted and merged petitions travel as tombstones so the office learns of
//! them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::dialogue::DialogueRef;
use super::v1::{MeetingRecord, PetitionRecord};
use super::{checksum, invalid, read_document, FieldProblem, FileError, FileKind};
use crate::domain::json;
use crate::domain::petition::Petition;
use crate::domain::text::slug;
use crate::domain::time::{format_date, rfc3339};
use crate::domain::village::{Meeting, VillageProfile};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VillageRef {
    #[serde(default)]
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub head: String,
}

/// The file as written. Members are in the order a person reading it wants them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VillageBundle {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    #[serde(with = "rfc3339")]
    pub exported_at: DateTime<Utc>,
    /// Random id of the tablet, fixed at its first start.
    pub device_id: String,
    /// Counts this tablet's exports: a larger one is a newer export.
    pub sequence: u32,
    pub commune: String,
    /// The dialogue the petitions were collected for (version 2); none: the first's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialogue: Option<DialogueRef>,
    pub village: VillageRef,
    #[serde(default)]
    pub meeting: Option<MeetingRecord>,
    pub petitions: Vec<PetitionRecord>,
    #[serde(default)]
    pub checksum: String,
}

/// Who exports, and when.
pub struct ExportContext<'a> {
    pub app_version: &'a str,
    pub device_id: &'a str,
    pub sequence: u32,
    pub now: DateTime<Utc>,
}

/// Builds the bundle of a village, with its checksum, ready to write.
pub fn build_village_bundle<'a>(
    profile: &VillageProfile,
    meeting: Option<&Meeting>,
    petitions: impl IntoIterator<Item = &'a Petition>,
    ctx: &ExportContext<'_>,
) -> VillageBundle {
    let mut petitions: Vec<PetitionRecord> = petitions.into_iter().map(Into::into).collect();
    // Oldest first, so a person reading the file sees them in the order they were raised.
    petitions.sort_unstable_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let mut bundle = VillageBundle {
        format: FileKind::VillageBundle.format_name().to_string(),
        version: FileKind::VillageBundle.supported_version(),
        app_version: ctx.app_version.to_string(),
        exported_at: ctx.now,
        device_id: ctx.device_id.to_string(),
        sequence: ctx.sequence,
        commune: profile.commune.clone(),
        dialogue: profile.dialogue.as_ref().map(|d| DialogueRef {
            id: d.id.clone(),
            title: d.title.clone(),
        }),
        village: VillageRef {
            code: profile.village_code.clone(),
            name: profile.village.clone(),
            head: profile.head.clone(),
        },
        meeting: meeting.map(MeetingRecord::from),
        petitions,
        checksum: String::new(),
    };
    bundle.checksum = checksum::of_document(&json::encode(&bundle));
    bundle
}

impl VillageBundle {
    /// The file's text: indented, so a person can open it and read it.
    pub fn to_json(&self) -> String {
        json::to_pretty_text(&json::encode(self))
    }

    /// "kien-nghi_thon-3_cam-quang_25-11-2026.json": ASCII only, because Zalo and old USB
    /// sticks mangle other names.
    pub fn file_name(&self, local_date: chrono::NaiveDate) -> String {
        format!(
            "kien-nghi_{}_{}_{}.json",
            slug(&self.village.name),
            slug(&self.commune),
            format_date(local_date).replace('/', "-")
        )
    }
}

/// A village bundle read back and checked: the petitions decoded into the domain.
#[derive(Debug)]
pub struct ReadBundle {
    /// The file's members; its `petitions` are moved out into [`Self::petitions`], so
    /// this one is left empty.
    pub bundle: VillageBundle,
    pub petitions: Vec<Petition>,
}

/// Reads a village bundle file; refuses it whole on the first problem.
pub fn parse_village_bundle(text: &str) -> Result<ReadBundle, FileError> {
    match begin_village_bundle(text) {
        Begun::ToHash(pending) => {
            let sum = checksum::of_canonical(pending.canonical());
            pending.finish(text, &sum)
        }
        Begun::Read(read) => read,
    }
}

/// A bundle read up to its checksum, which is left for the caller to compute over
/// [`Self::canonical`] (the browser hashes faster than the app's own SHA-256), then
/// [`Self::finish`]ed.
#[derive(Debug)]
pub struct PendingBundle {
    bundle: VillageBundle,
    canonical: Vec<u8>,
}

/// How far [`begin_village_bundle`] got.
#[derive(Debug)]
pub enum Begun {
    /// Everything before the checksum passed: hash the canonical text and finish.
    ToHash(PendingBundle),
    /// Read the whole way (an unusual file, read through the `Value` tree), or refused.
    Read(Result<ReadBundle, FileError>),
}

/// [`parse_village_bundle`] in two steps, for a caller that computes the SHA-256 itself.
pub fn begin_village_bundle(text: &str) -> Begun {
    match read_direct(text) {
        Some((bundle, canonical)) => Begun::ToHash(PendingBundle { bundle, canonical }),
        None => Begun::Read(read_through_value(text)),
    }
}

impl PendingBundle {
    /// The canonical JSON the checksum is computed over (the document without its
    /// `checksum` member).
    pub fn canonical(&self) -> &[u8] {
        &self.canonical
    }

    /// Compares `sum` (`"sha256:"` and the hex digest of [`Self::canonical`]) with the
    /// file's checksum, then checks and decodes the petitions. `text` is the file's text
    /// again: when the sums differ it is read the `Value` way, which finds the same
    /// mismatch, in the documented order of checks.
    pub fn finish(self, text: &str, sum: &str) -> Result<ReadBundle, FileError> {
        if sum != self.bundle.checksum {
            return read_through_value(text);
        }
        decode_petitions(self.bundle)
    }
}

fn read_through_value(text: &str) -> Result<ReadBundle, FileError> {
    decode_petitions(json::decode_fast(read_document(
        text,
        FileKind::VillageBundle,
        true,
    )?)?)
}

/// The domain's checks on a bundle whose envelope and member types passed.
fn decode_petitions(mut bundle: VillageBundle) -> Result<ReadBundle, FileError> {
    if bundle.village.name.trim().is_empty() {
        return Err(invalid("village.name"));
    }
    bundle.dialogue = bundle.dialogue.map(DialogueRef::checked).transpose()?;
    let records = std::mem::take(&mut bundle.petitions);
    let mut petitions = Vec::with_capacity(records.len());
    let mut seen = std::collections::HashMap::with_capacity(records.len());
    for (i, record) in records.into_iter().enumerate() {
        let p = Petition::try_from(record)
            .map_err(|e| invalid(format!("petitions[{i}].{}", e.member)))?;
        if let Some(first) = seen.insert(p.id.clone(), i) {
            return Err(FileError::BadField {
                path: format!("petitions[{i}].id"),
                problem: FieldProblem::Repeats(format!("petitions[{first}].id")),
            });
        }
        petitions.push(p);
    }
    Ok(ReadBundle { bundle, petitions })
}

/// The checks of [`read_document`] and the decoding, straight from the text to the
/// record, without the tree of `Value`s between (several times faster on a bundle of
/// thousands of petitions): the size, the JSON and the member types (serde_json
/// decoding the record), `format` and `version`, and the checksum over the canonical
/// form made from the text ([`checksum::canonical_text`], which yields exactly the bytes
/// the `Value` way hashes).
///
/// It only ever accepts: `None` at the first thing that is not right, or not usual
/// (a check failing, a text the canonical form cannot be copied from), and the caller
/// then takes the `Value` way, which finds the same answer, or the first failure in the
/// documented order and its message. The checksum itself is compared by
/// [`PendingBundle::finish`], on a mismatch the same way.
fn read_direct(text: &str) -> Option<(VillageBundle, Vec<u8>)> {
    let kind = FileKind::VillageBundle;
    let text = super::file_text(text, kind).ok()?;
    let bundle: VillageBundle = serde_json::from_str(text).ok()?;
    if bundle.format != kind.format_name() || !kind.reads_version(u64::from(bundle.version)) {
        return None;
    }
    let canonical = checksum::canonical_text(text)?;
    Some((bundle, canonical))
}
