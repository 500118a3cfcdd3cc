//! The office's key file (tệp khoá của văn phòng): the office's key pair in a file of its
//! own, locked with a passphrase ([`super::sealed::lock`]), so a second office computer can
//! open the tablets' encrypted bundles, or the key can be kept somewhere safe apart from
//! the office's browser. The JSON inside is this module's; the lock is age's.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::sealed::OfficeKey;
use crate::domain::text::{clean_line, slug};
use crate::domain::time::{format_date, rfc3339};

pub const FORMAT: &str = "doithoai.office-key";
const VERSION: u32 = 1;

/// The file's text, before it is locked.
#[derive(Debug, Serialize, Deserialize)]
struct KeyFile {
    format: String,
    version: u32,
    #[serde(with = "rfc3339")]
    made_at: DateTime<Utc>,
    /// The commune whose office it is, for a person reading.
    commune: String,
    /// The public half ("age1…"), as the setup file carries it.
    public: String,
    /// The secret half ("AGE-SECRET-KEY-1…").
    secret: String,
}

/// Why a key file's text was refused once opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFileError {
    /// Not the office's key file (another of the app's files, or not one of its files).
    NotKeyFile,
    /// The key in it is not a key, or its two halves do not belong together.
    BadKey,
}

/// The key file's text (JSON, indented), to be locked before it leaves the app.
pub fn key_file(key: &OfficeKey, commune: &str, now: DateTime<Utc>) -> String {
    let file = KeyFile {
        format: FORMAT.to_string(),
        version: VERSION,
        made_at: now,
        commune: commune.to_string(),
        public: key.public().to_string(),
        secret: key.secret(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The key pair a key file's (opened) text holds.
pub fn read_key_file(text: &str) -> Result<(OfficeKey, String), KeyFileError> {
    let file: KeyFile = serde_json::from_str(text).map_err(|_| KeyFileError::NotKeyFile)?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(KeyFileError::NotKeyFile);
    }
    let key = OfficeKey::from_secret(&file.secret).ok_or(KeyFileError::BadKey)?;
    if key.public() != file.public.trim() {
        return Err(KeyFileError::BadKey);
    }
    Ok((key, clean_line(&file.commune)))
}

/// "khoa-van-phong_cam-quang_08-12-2026.age.txt": ASCII, like every file the app names.
pub fn file_name(commune: &str, date: NaiveDate) -> String {
    format!(
        "khoa-van-phong_{}_{}{}",
        slug(commune),
        format_date(date).replace('/', "-"),
        super::sealed::FILE_SUFFIX
    )
}

#[cfg(test)]
mod tests {
    use super::super::sealed::{lock, unlock};
    use super::*;

    #[test]
    fn a_key_file_moves_the_key_pair_whole() {
        let key = OfficeKey::generate();
        let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let text = key_file(&key, "Cẩm Quang", now);
        let locked = lock(&text, "trâu vàng gặm cỏ bên sông", 10).unwrap();
        assert!(!locked.contains(&key.secret()));
        let opened = unlock(&locked, "trâu vàng gặm cỏ bên sông").unwrap();
        let (back, commune) = read_key_file(&opened).unwrap();
        assert_eq!(back, key);
        assert_eq!(commune, "Cẩm Quang");
        assert_eq!(
            file_name("Cẩm Quang", now.date_naive()),
            "khoa-van-phong_cam-quang_21-09-2026.age.txt"
        );
    }

    #[test]
    fn another_file_or_a_mismatched_key_is_refused() {
        assert_eq!(
            read_key_file("{\"format\":\"doithoai.backup\"}").unwrap_err(),
            KeyFileError::NotKeyFile
        );
        assert_eq!(
            read_key_file("not json").unwrap_err(),
            KeyFileError::NotKeyFile
        );
        let key = OfficeKey::generate();
        let other = OfficeKey::generate();
        let text =
            key_file(&key, "Cẩm Quang", DateTime::UNIX_EPOCH).replace(key.public(), other.public());
        assert_eq!(read_key_file(&text).unwrap_err(), KeyFileError::BadKey);
    }
}
