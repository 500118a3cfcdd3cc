//! The full backup (`doithoai.backup`, version 1): every entry this browser stores for the
//! app, both roles, as one file a person can keep on a USB stick and restore whole.
//!
//! The file carries the stored entries as they are, key → text, in two sections: `village`
//! (the tablet's local storage, `dt1:*`) and `office` (the office's IndexedDB). A section
//! that is `null` was not backed up and is left alone by a restore; a section that is
//! present replaces that role's stored data whole. This module owns the envelope (who made
//! it, when, the app's version, the checksum) and its reading; whether each entry reads
//! with the app's current readers is checked by `storage::backup`, which knows the keys.
//! Nothing here touches storage or the browser.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use serde_json::Value;

use super::{checksum, invalid, read_document, FieldProblem, FileError, FileKind};
use crate::domain::json;
use crate::domain::time::{format_datetime, rfc3339};

/// Stored entries, key → text, in key order (so the file is the same for the same data).
pub type Entries = BTreeMap<String, String>;

/// Which role's page made the backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Village,
    Office,
}

/// Who made the file: the role's page, and a name a person recognises ("Thôn Đông · Cẩm
/// Quang", "Văn phòng UBND xã Cẩm Quang"); the name is informative only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MadeBy {
    pub role: Role,
    #[serde(default)]
    pub name: String,
    /// The dialogue the maker was on: the office's dialogue under way, or the tablet's
    /// round (a backup holds every dialogue's entries; this says which was current).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialogue: Option<super::dialogue::DialogueRef>,
}

/// The file as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    #[serde(with = "rfc3339")]
    pub made_at: DateTime<Utc>,
    pub made_by: MadeBy,
    /// The village tablet's entries (local storage), or `null` when not backed up.
    pub village: Option<Entries>,
    /// The office's entries (IndexedDB), or `null` when not backed up.
    pub office: Option<Entries>,
    #[serde(default)]
    pub checksum: String,
}

/// What a backup is made of, besides the entries.
pub struct BackupContext<'a> {
    pub app_version: &'a str,
    pub now: DateTime<Utc>,
    pub made_by: MadeBy,
}

/// Longest key accepted in a backup; the app's own keys are far shorter.
const MAX_KEY: usize = 300;

/// Builds a backup with its checksum, ready to write. Builds only: nothing is stored,
/// so it works when storage is full.
pub fn build_backup(
    village: Option<Entries>,
    office: Option<Entries>,
    ctx: BackupContext<'_>,
) -> Backup {
    let mut backup = Backup {
        format: FileKind::Backup.format_name().to_string(),
        version: 1,
        app_version: ctx.app_version.to_string(),
        made_at: ctx.now,
        made_by: ctx.made_by,
        village,
        office,
        checksum: String::new(),
    };
    backup.checksum = checksum::of_document(&json::encode(&backup));
    backup
}

impl Backup {
    /// The file's text, indented so a person can open it.
    pub fn to_json(&self) -> String {
        json::to_pretty_text(&json::encode(self))
    }

    /// "sao-luu_thon-dong_02-12-2026_1405.json": ASCII only, like the other files; the
    /// time keeps two backups of one day apart.
    pub fn file_name(&self) -> String {
        let who = crate::domain::text::slug(&self.made_by.name);
        let who = if who.is_empty() {
            match self.made_by.role {
                Role::Village => "thon".to_string(),
                Role::Office => "van-phong".to_string(),
            }
        } else {
            who
        };
        // "02/12/2026 14:05" in Vietnam's time, written with file-name characters.
        let when: String = format_datetime(self.made_at)
            .chars()
            .filter_map(|c| match c {
                '/' => Some('-'),
                ' ' => Some('_'),
                ':' => None,
                c => Some(c),
            })
            .collect();
        format!("sao-luu_{who}_{when}.json")
    }

    /// How many petitions the village section holds (one entry each).
    pub fn village_petitions(&self) -> usize {
        self.village
            .as_ref()
            .map_or(0, |v| v.keys().filter(|k| k.starts_with("dt1:p:")).count())
    }

    /// How many entries each section holds (`None`: not in the file).
    pub fn counts(&self) -> (Option<usize>, Option<usize>) {
        (
            self.village.as_ref().map(BTreeMap::len),
            self.office.as_ref().map(BTreeMap::len),
        )
    }
}

/// Why a backup cannot be restored. Nothing is changed when one is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// The file itself: not JSON, cut short, another format or version, checksum, types.
    File(FileError),
    /// A key the app does not use, or one of the other role's storage.
    UnknownKey { key: String },
    /// An entry the app's current readers do not read.
    Unreadable { key: String },
    /// The file holds the office's data, and this page (the village tablet's) cannot
    /// restore it: it must be restored whole from the office's page.
    OfficeDataHere,
    /// Neither section is in the file.
    Nothing,
}

impl From<FileError> for BackupError {
    fn from(e: FileError) -> Self {
        BackupError::File(e)
    }
}

/// Reads a backup file and checks its envelope (size, JSON, `format` and `version`, the
/// checksum, member types) and that every key is one of the app's (`dt1:`, of sensible
/// length). The entries' contents are checked by `storage::backup`.
pub fn parse_backup(text: &str) -> Result<Backup, BackupError> {
    let backup = from_document(read_document(text, FileKind::Backup, true)?)?;
    if backup.village.is_none() && backup.office.is_none() {
        return Err(BackupError::Nothing);
    }
    for (section, entries) in [("village", &backup.village), ("office", &backup.office)] {
        for key in entries.iter().flat_map(|e| e.keys()) {
            if !key.starts_with("dt1:") || key.len() > MAX_KEY {
                return Err(BackupError::UnknownKey {
                    key: key.chars().take(80).collect(),
                });
            }
            if key.chars().any(char::is_control) {
                return Err(BackupError::File(invalid(section)));
            }
        }
    }
    Ok(backup)
}

/// The members of a checked document, read by hand from the `Value` tree rather than by
/// a derived deserialiser: the tablet's download is at its budget, and this is smaller.
fn from_document(doc: Value) -> Result<Backup, FileError> {
    let Value::Object(mut m) = doc else {
        return Err(wrong_type("."));
    };
    let made_at = text(&mut m, "made_at")?;
    let made_at = crate::domain::time::parse_rfc3339(&made_at).ok_or_else(|| invalid("made_at"))?;
    let made_by = match m.remove("made_by") {
        Some(Value::Object(mut by)) => {
            let role = match text(&mut by, "role")
                .map_err(|e| under("made_by", e))?
                .as_str()
            {
                "village" => Role::Village,
                "office" => Role::Office,
                _ => return Err(invalid("made_by.role")),
            };
            let name = match by.remove("name") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s,
                Some(_) => return Err(wrong_type("made_by.name")),
            };
            // Read member by member, as the rest of the envelope (no decoder of its own
            // in the tablet's download).
            let dialogue = match by.remove("dialogue") {
                None | Some(Value::Null) => None,
                Some(Value::Object(mut d)) => Some(
                    super::dialogue::DialogueRef {
                        id: text(&mut d, "id").map_err(|e| under("made_by.dialogue", e))?,
                        title: text(&mut d, "title").unwrap_or_default(),
                    }
                    .checked()
                    .map_err(|_| invalid("made_by.dialogue.id"))?,
                ),
                Some(_) => return Err(wrong_type("made_by.dialogue")),
            };
            MadeBy {
                role,
                name,
                dialogue,
            }
        }
        None => return Err(missing("made_by")),
        Some(_) => return Err(wrong_type("made_by")),
    };
    Ok(Backup {
        format: FileKind::Backup.format_name().to_string(),
        version: 1,
        app_version: text(&mut m, "app_version")?,
        made_at,
        made_by,
        village: section(m.remove("village"), "village")?,
        office: section(m.remove("office"), "office")?,
        checksum: text(&mut m, "checksum")?,
    })
}

fn text(m: &mut serde_json::Map<String, Value>, key: &str) -> Result<String, FileError> {
    match m.remove(key) {
        Some(Value::String(s)) => Ok(s),
        None => Err(missing(key)),
        Some(_) => Err(wrong_type(key)),
    }
}

fn section(v: Option<Value>, name: &str) -> Result<Option<Entries>, FileError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => map
            .into_iter()
            .map(|(k, v)| match v {
                Value::String(s) => Ok((k, s)),
                _ => Err(wrong_type(&format!("{name}.{k}"))),
            })
            .collect::<Result<Entries, _>>()
            .map(Some),
        Some(_) => Err(wrong_type(name)),
    }
}

fn wrong_type(path: &str) -> FileError {
    FileError::BadField {
        path: path.to_string(),
        problem: FieldProblem::WrongType,
    }
}

fn missing(path: &str) -> FileError {
    FileError::BadField {
        path: path.to_string(),
        problem: FieldProblem::Missing,
    }
}

/// An error of a member inside `parent`, named from the top.
fn under(parent: &str, e: FileError) -> FileError {
    match e {
        FileError::BadField { path, problem } => FileError::BadField {
            path: format!("{parent}.{path}"),
            problem,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(pairs: &[(&str, &str)]) -> Entries {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn sample() -> Backup {
        build_backup(
            Some(entries(&[
                ("dt1:settings", r#"{"lang":"vi"}"#),
                ("dt1:p:x", "<script>alert(1)</script>"),
            ])),
            None,
            BackupContext {
                app_version: "0.1.0",
                now: DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
                made_by: MadeBy {
                    role: Role::Village,
                    name: "Thôn Đông · Cẩm Quang".into(),
                    dialogue: None,
                },
            },
        )
    }

    #[test]
    fn a_backup_reads_back_as_written() {
        let b = sample();
        let read = parse_backup(&b.to_json()).unwrap();
        assert_eq!(read, b);
        assert_eq!(read.village_petitions(), 1);
        assert_eq!(read.counts(), (Some(2), None));
        // Hostile text is carried as text, byte for byte.
        assert_eq!(
            read.village.unwrap()["dt1:p:x"],
            "<script>alert(1)</script>"
        );
    }

    #[test]
    fn the_file_name_is_ascii_and_dated() {
        // 1_764_000_000 s is 24/11/2025 16:00 UTC, 23:00 in Vietnam.
        assert_eq!(
            sample().file_name(),
            "sao-luu_thon-dong-cam-quang_24-11-2025_2300.json"
        );
    }

    #[test]
    fn keys_outside_the_app_are_refused() {
        let mut b = sample();
        b.office = Some(entries(&[("other-app:token", "x")]));
        let b = build_backup(
            b.village,
            b.office,
            BackupContext {
                app_version: "0.1.0",
                now: b.made_at,
                made_by: b.made_by,
            },
        );
        assert!(matches!(
            parse_backup(&b.to_json()),
            Err(BackupError::UnknownKey { key }) if key == "other-app:token"
        ));
    }

    #[test]
    fn members_of_the_wrong_type_are_named() {
        let mut doc: Value = serde_json::from_str(&sample().to_json()).unwrap();
        doc["village"]["dt1:settings"] = Value::from(5);
        doc["checksum"] = Value::from(checksum::of_document(&doc));
        assert_eq!(
            parse_backup(&doc.to_string()),
            Err(BackupError::File(wrong_type("village.dt1:settings")))
        );
        doc["made_by"]["role"] = Value::from("mayor");
        doc["checksum"] = Value::from(checksum::of_document(&doc));
        assert_eq!(
            parse_backup(&doc.to_string()),
            Err(BackupError::File(invalid("made_by.role")))
        );
        doc.as_object_mut().unwrap().remove("made_at");
        doc["checksum"] = Value::from(checksum::of_document(&doc));
        assert_eq!(
            parse_backup(&doc.to_string()),
            Err(BackupError::File(missing("made_at")))
        );
    }

    #[test]
    fn a_file_with_neither_section_is_refused() {
        let b = build_backup(
            None,
            None,
            BackupContext {
                app_version: "0.1.0",
                now: DateTime::from_timestamp(0, 0).unwrap(),
                made_by: MadeBy {
                    role: Role::Office,
                    name: String::new(),
                    dialogue: None,
                },
            },
        );
        assert_eq!(parse_backup(&b.to_json()), Err(BackupError::Nothing));
    }
}
