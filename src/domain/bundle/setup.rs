//! The commune setup file: what the commune office hands every village tablet (commune,
//! villages, fields, the dialogue's dates). A village head loads it instead of typing.
//! Its checksum is optional because an office may write one by hand.

use serde::Deserialize;

use super::dialogue::is_dialogue_id;
use super::v1::DialogueRecord;
use super::{invalid, read_document, FileError, FileKind};
use crate::domain::json;
use crate::domain::text::{char_len, clean_line, fold};
use crate::domain::village::{DialogueInfo, VillageProfile, DEFAULT_FIELDS};

/// A village as the commune lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetupVillage {
    pub code: String,
    pub name: String,
    pub head: String,
}

/// A setup file that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommuneSetup {
    pub commune: String,
    pub province: String,
    pub villages: Vec<SetupVillage>,
    pub fields: Vec<String>,
    pub dialogue: Option<DialogueInfo>,
    /// The office's public key ("age1…"), when the office has one: bundles are then
    /// encrypted for it.
    pub office_key: Option<String>,
}

#[derive(Deserialize)]
struct SetupFile {
    commune: CommuneRecord,
    villages: Vec<VillageRecord>,
    #[serde(default)]
    fields: Option<Vec<String>>,
    #[serde(default)]
    dialogue: Option<DialogueRecord>,
    #[serde(default)]
    office_key: Option<String>,
}

#[derive(Deserialize)]
struct CommuneRecord {
    name: String,
    #[serde(default)]
    province: String,
}

#[derive(Deserialize)]
struct VillageRecord {
    #[serde(default)]
    code: Option<String>,
    name: String,
    #[serde(default)]
    head: String,
}

const MAX_VILLAGES: usize = 500;

/// Whether a text has the shape of an age X25519 public key: "age1" and 58 characters of
/// bech32's alphabet (62 in all, lower case). Only the shape: the tablet does not carry
/// the key's arithmetic, and the encryption refuses a key that is not a point.
pub fn is_office_key(key: &str) -> bool {
    const BECH32: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    key.len() == 62 && key.starts_with("age1") && key.bytes().skip(4).all(|b| BECH32.contains(&b))
}
const MAX_FIELDS: usize = 100;

fn line(value: &str, path: String) -> Result<String, FileError> {
    let v = clean_line(value);
    if char_len(&v) > 200 {
        return Err(invalid(path));
    }
    Ok(v)
}

/// Reads a commune setup file. Nothing is stored by this; the caller stores the profile
/// the village head then chooses.
pub fn parse_commune_setup(text: &str) -> Result<CommuneSetup, FileError> {
    let file: SetupFile = json::decode(read_document(text, FileKind::CommuneSetup, false)?)?;
    let commune = line(&file.commune.name, "commune.name".into())?;
    if commune.is_empty() {
        return Err(invalid("commune.name"));
    }
    if file.villages.is_empty() || file.villages.len() > MAX_VILLAGES {
        return Err(invalid("villages"));
    }
    let mut villages: Vec<SetupVillage> = Vec::with_capacity(file.villages.len());
    for (i, v) in file.villages.iter().enumerate() {
        let name = line(&v.name, format!("villages[{i}].name"))?;
        if name.is_empty() || villages.iter().any(|o| o.name == name) {
            return Err(invalid(format!("villages[{i}].name")));
        }
        let code = match &v.code {
            Some(c) => line(c, format!("villages[{i}].code"))?,
            None => format!("thon-{}", i + 1),
        };
        // The office tells bundles apart by the village code: two villages may not share one.
        if code.is_empty() || villages.iter().any(|o| o.code == code) {
            return Err(invalid(format!("villages[{i}].code")));
        }
        villages.push(SetupVillage {
            code,
            name,
            head: line(&v.head, format!("villages[{i}].head"))?,
        });
    }
    let fields = match &file.fields {
        None => DEFAULT_FIELDS.iter().map(|f| f.to_string()).collect(),
        Some(list) => {
            if list.is_empty() || list.len() > MAX_FIELDS {
                return Err(invalid("fields"));
            }
            let mut fields = Vec::with_capacity(list.len());
            for (i, f) in list.iter().enumerate() {
                let f = line(f, format!("fields[{i}]"))?;
                if f.is_empty() {
                    return Err(invalid(format!("fields[{i}]")));
                }
                if !fields.contains(&f) {
                    fields.push(f);
                }
            }
            fields
        }
    };
    if let Some(d) = &file.dialogue {
        if d.id.as_deref().is_some_and(|id| !is_dialogue_id(id)) {
            return Err(invalid("dialogue.id"));
        }
        if line(
            d.theme.as_deref().unwrap_or_default(),
            "dialogue.theme".into(),
        )?
        .is_empty()
            && d.kind.as_deref() == Some("chuyen_de")
        {
            return Err(invalid("dialogue.theme"));
        }
    }
    Ok(CommuneSetup {
        commune,
        province: line(&file.commune.province, "commune.province".into())?,
        villages,
        fields,
        dialogue: file.dialogue.map(DialogueInfo::from),
        office_key: match file.office_key {
            Some(k) if !is_office_key(k.trim()) => return Err(invalid("office_key")),
            k => k.map(|k| k.trim().to_string()),
        },
    })
}

impl CommuneSetup {
    /// The profile of the village the head chose from the setup's list.
    pub fn profile_for(&self, village_index: usize, head: &str) -> Option<VillageProfile> {
        let v = self.villages.get(village_index)?;
        let head = match clean_line(head) {
            h if h.is_empty() => v.head.clone(),
            h => h,
        };
        let p = VillageProfile {
            commune: self.commune.clone(),
            province: self.province.clone(),
            village_code: v.code.clone(),
            village: v.name.clone(),
            head,
            fields: self.fields.clone(),
            dialogue: self.dialogue.clone(),
            office_key: self.office_key.clone(),
        };
        p.check().ok()?;
        Some(p)
    }

    /// A tablet already set up takes a newer setup file of its commune to learn the
    /// office's key: the profile with that key, or why not (another commune, or a list
    /// without this tablet's village). Nothing else of the profile changes.
    pub fn office_key_for(&self, p: &VillageProfile) -> Result<VillageProfile, FileError> {
        if fold(&self.commune) != fold(&p.commune) {
            return Err(FileError::NotThisCommune {
                found: self.commune.clone(),
            });
        }
        let ours = self.villages.iter().any(|v| {
            if p.village_code.is_empty() {
                fold(&v.name) == fold(&p.village)
            } else {
                v.code == p.village_code
            }
        });
        if !ours {
            let names: Vec<&str> = self
                .villages
                .iter()
                .take(3)
                .map(|v| v.name.as_str())
                .collect();
            return Err(FileError::NotThisVillage {
                found: names.join(", "),
            });
        }
        Ok(VillageProfile {
            office_key: self.office_key.clone(),
            ..p.clone()
        })
    }
}
