//! The files that travel between tablets and the commune office by USB stick or Zalo:
//! the commune setup file (office → villages) and the village bundle (village → office),
//! plain or encrypted for the office ([`sealed`]).
//!
//! Every file is read the same way, and nothing is stored until all of it has passed:
//! size → JSON syntax → `format` and `version` → checksum → field types → domain rules.
//! Each step that fails names the problem in a [`FileError`] the UI turns into Vietnamese.
//! The serialised shapes live in [`v1`], apart from the domain types, so the domain can
//! change without breaking files already written.

pub mod backup;
pub mod checksum;
pub mod dialogue;
pub mod office_key;
pub mod results;
pub mod sealed;
pub mod setup;
pub mod v1;
pub mod village;

use serde_json::Value;

use super::json;
use super::text::clean_line;

/// Why a file was refused. Every variant says enough for a person to act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    Empty,
    TooLarge {
        limit_bytes: usize,
    },
    /// Not JSON at all (a Word file, a photo, a text with a typo).
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON that stops part-way: a copy interrupted or a file cut short.
    Truncated,
    /// JSON, but not one of this app's files, or another kind of this app's files.
    WrongFormat {
        expected: FileKind,
        found: Option<String>,
    },
    /// This app's file, from a newer (or unknown) format version.
    UnsupportedVersion {
        found: String,
        supported: u32,
    },
    /// The content does not match its checksum: altered or damaged on the way.
    ChecksumMismatch,
    /// A member of the wrong type, missing, or with a value out of range.
    BadField {
        path: String,
        problem: FieldProblem,
    },
    /// A results file of another commune than this tablet's.
    NotThisCommune {
        found: String,
    },
    /// A results file made for another village.
    NotThisVillage {
        found: String,
    },
    /// A results file that answers none of the petitions this tablet holds.
    NoPetitionOfOurs,
    /// A results file of another dialogue than the tablet's round: the file's dialogue
    /// title (empty for a file of version 1, the first dialogue's).
    OtherDialogue {
        found: String,
    },
}

/// What is wrong with one member of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    WrongType,
    Missing,
    /// A value of the right type the app cannot accept (empty name, bad id, too long, …).
    Invalid,
    /// The same id as an earlier member's (the path of the first): one petition twice in
    /// a file, which a hand edit or two files pasted into one makes.
    Repeats(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    CommuneSetup,
    VillageBundle,
    /// The results of the session, back to the villages.
    Results,
    /// The full backup of everything stored, both roles ([`backup`]).
    Backup,
}

impl FileKind {
    /// The `format` member that names this kind of file.
    pub fn format_name(self) -> &'static str {
        match self {
            FileKind::CommuneSetup => "doithoai.commune-setup",
            FileKind::VillageBundle => "doithoai.village-bundle",
            FileKind::Results => "doithoai.results",
            FileKind::Backup => "doithoai.backup",
        }
    }

    /// The newest version of this kind the app reads (and writes); every earlier one is
    /// still read. Version 2 of the dialogue's files names the dialogue they belong to.
    pub fn supported_version(self) -> u32 {
        match self {
            FileKind::CommuneSetup | FileKind::VillageBundle | FileKind::Results => 2,
            FileKind::Backup => 1,
        }
    }

    /// Whether this app reads version `v` of this kind.
    pub fn reads_version(self, v: u64) -> bool {
        (1..=u64::from(self.supported_version())).contains(&v)
    }

    /// The largest file of this kind worth reading: far above any real commune, low
    /// enough that a wrong or hostile file cannot freeze a tablet.
    pub fn size_limit(self) -> usize {
        match self {
            FileKind::CommuneSetup => 1024 * 1024,
            FileKind::VillageBundle => 64 * 1024 * 1024,
            FileKind::Results => 32 * 1024 * 1024,
            // Local storage holds about 5 million characters; an office of 10,000
            // petitions stores about 8 MB.
            FileKind::Backup => 64 * 1024 * 1024,
        }
    }
}

/// Reads and checks the envelope of a file of the expected kind (size, syntax, format,
/// version, checksum) and returns the document for the caller to decode.
/// `checksum_required` is false only for the setup file, which the office may write by hand.
pub(crate) fn read_document(
    text: &str,
    kind: FileKind,
    checksum_required: bool,
) -> Result<Value, FileError> {
    let doc = json::parse(file_text(text, kind)?)?;
    let format = doc.get("format").and_then(Value::as_str);
    if format != Some(kind.format_name()) {
        return Err(FileError::WrongFormat {
            expected: kind,
            // Shown to the person in the refusal: cleaned like any text from a file (a
            // raw control character or line break reached the message before).
            found: format.map(|f| clean_line(f).chars().take(60).collect()),
        });
    }
    match doc.get("version") {
        Some(v) if v.as_u64().is_some_and(|v| kind.reads_version(v)) => {}
        // "1" as text, or 1.5: a wrong type, not a version this app does not know.
        Some(v) if !v.is_u64() => {
            return Err(FileError::BadField {
                path: "version".into(),
                problem: FieldProblem::WrongType,
            })
        }
        other => {
            let found = other.map_or_else(|| "?".to_string(), |v| v.to_string());
            return Err(FileError::UnsupportedVersion {
                found: found.chars().take(20).collect(),
                supported: kind.supported_version(),
            });
        }
    }
    match doc.get("checksum") {
        Some(Value::String(sum)) => {
            if *sum != checksum::of_document(&doc) {
                return Err(FileError::ChecksumMismatch);
            }
        }
        None | Some(Value::Null) if !checksum_required => {}
        None => {
            return Err(FileError::BadField {
                path: "checksum".into(),
                problem: FieldProblem::Missing,
            })
        }
        Some(_) => {
            return Err(FileError::BadField {
                path: "checksum".into(),
                problem: FieldProblem::WrongType,
            })
        }
    }
    Ok(doc)
}

/// The first checks, before the JSON: the size, then emptiness. Returns the text
/// without its byte-order mark (Windows Notepad writes one at the start; it is not
/// content).
pub(crate) fn file_text(text: &str, kind: FileKind) -> Result<&str, FileError> {
    if text.len() > kind.size_limit() {
        return Err(FileError::TooLarge {
            limit_bytes: kind.size_limit(),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok(text)
}

/// A member that decoded but breaks a domain rule.
pub(crate) fn invalid(path: impl Into<String>) -> FileError {
    FileError::BadField {
        path: path.into(),
        problem: FieldProblem::Invalid,
    }
}
