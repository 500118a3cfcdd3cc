//! Which dialogue a file belongs to. Setup files, village bundles and results files of
//! version 2 name it (`dialogue.id`, and its title for a person reading the file); a file
//! of version 1 names none and belongs to the first dialogue, the one every office and
//! tablet of those releases held. The office's dialogues are [`crate::domain::office::dialogue`].

use serde::{Deserialize, Serialize};

use super::{invalid, FileError};
use crate::domain::text::{char_len, clean_line};

/// The id of the dialogue an office held before dialogues had ids, and of every file and
/// store made then. An office's first dialogue keeps it; each dialogue opened after gets
/// a random one (a UUID).
pub const FIRST_DIALOGUE: &str = "dau-tien";

/// At most this many characters in an id read from a file or a store.
const MAX_ID: usize = 64;

/// Whether `id` can name a dialogue: the first one's, or a short ASCII token (a UUID).
/// Ids go into storage keys, so nothing else is taken.
pub fn is_dialogue_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether a file that names the dialogue `file` (or none: a file of version 1, which
/// belongs to the first) belongs to the dialogue `current`.
pub fn file_belongs(file: Option<&str>, current: &str) -> bool {
    file.unwrap_or(FIRST_DIALOGUE) == current
}

/// The dialogue a village bundle or a results file belongs to, as the file names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogueRef {
    pub id: String,
    #[serde(default)]
    pub title: String,
}

impl DialogueRef {
    /// The reference as read from a file's `dialogue`: its id a dialogue's, its title one
    /// line of at most 200 characters.
    pub fn checked(self) -> Result<Self, FileError> {
        if !is_dialogue_id(&self.id) {
            return Err(invalid("dialogue.id"));
        }
        let title = clean_line(&self.title);
        if char_len(&title) > 200 {
            return Err(invalid("dialogue.title"));
        }
        Ok(Self { id: self.id, title })
    }
}
