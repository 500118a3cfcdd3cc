//! The commune setup file: what the commune office hands every village tablet (commune,
//! villages, fields, the dialogue's dates). A village head loads it instead of typing.
//! Its checksum is optional because an office may write one by hand.

use serde::Deserialize;

use super::v1::DialogueRecord;
use super::{invalid, read_document, FileError, FileKind};
use crate::domain::json;
use crate::domain::text::{char_len, clean_line};
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
}

#[derive(Deserialize)]
struct SetupFile {
    commune: CommuneRecord,
    villages: Vec<VillageRecord>,
    #[serde(default)]
    fields: Option<Vec<String>>,
    #[serde(default)]
    dialogue: Option<DialogueRecord>,
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
    Ok(CommuneSetup {
        commune,
        province: line(&file.commune.province, "commune.province".into())?,
        villages,
        fields,
        dialogue: file.dialogue.map(DialogueInfo::from),
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
        };
        p.check().ok()?;
        Some(p)
    }
}
