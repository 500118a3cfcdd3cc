//! Village bundles encrypted for the commune office ("tệp mã hoá"): the office's key pair,
//! and opening an encrypted file back into the bundle's JSON text.
//!
//! The format is age (age-encryption.org/v1) with one X25519 recipient, in its ASCII
//! armour (`-----BEGIN AGE ENCRYPTED FILE-----`). Every cryptographic step is the `age`
//! crate's (rage, a reviewed implementation of the format): this module only recognises
//! the armour, picks which refusal to show, and keeps the key's text forms. The village
//! tablet encrypts with the format's reference TypeScript implementation (`js/`), which
//! writes the same files.
//!
//! What it is not: the bundle's own checks. An opened file is the bundle's text, which then
//! goes through the reading pipeline of [`super::village`] unchanged (size, JSON, format,
//! checksum, rules). Nothing here is compiled into the tablet's module: the tablet only
//! carries the office's public key as text (see [`super::setup::is_office_key`]).

use std::fmt;
use std::io::Read;
use std::iter;
use std::str::FromStr;

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::ExposeSecret;
use age::x25519::{Identity, Recipient};
use age::{DecryptError, Decryptor, Encryptor};

/// The first line of an armoured age file.
pub const ARMOR_BEGIN: &str = "-----BEGIN AGE ENCRYPTED FILE-----";
/// Its last line: a file without it was cut short.
const ARMOR_END: &str = "-----END AGE ENCRYPTED FILE-----";
/// How a binary (not armoured) age file begins.
const BINARY_BEGIN: &str = "age-encryption.org/";

/// The file name's ending for an encrypted bundle: `.age` says what it is, `.txt` that
/// it is plain text (armoured), which share sheets, Zalo and Notepad all accept.
pub const FILE_SUFFIX: &str = ".age.txt";

/// Why an encrypted file could not be opened. Nothing is stored in any case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealedError {
    /// The office has no key pair yet (its setup was never saved on this computer).
    NoKey,
    /// Encrypted for another key: another office's, or an old key of this one.
    OtherKey,
    /// Changed or damaged after it was made: a byte altered, lines mixed up.
    Damaged,
    /// Cut short: copied only in part.
    Truncated,
    /// A binary age file: the app reads the armoured (text) form the tablets write.
    NotArmored,
    /// It opened, but what is inside is not text.
    NotText,
}

/// The office's key pair. The secret half is written only to the office's own storage;
/// the public half ("age1…") goes to the tablets in the commune setup file.
#[derive(Clone)]
pub struct OfficeKey {
    identity: Identity,
    public: String,
}

impl fmt::Debug for OfficeKey {
    // Never the secret, not even in a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OfficeKey")
            .field("public", &self.public)
            .finish_non_exhaustive()
    }
}

impl PartialEq for OfficeKey {
    fn eq(&self, other: &Self) -> bool {
        self.public == other.public
    }
}

impl OfficeKey {
    /// A new key pair from the system's random generator (in the browser,
    /// `crypto.getRandomValues`).
    pub fn generate() -> Self {
        Self::from_identity(Identity::generate())
    }

    fn from_identity(identity: Identity) -> Self {
        let public = identity.to_public().to_string();
        Self { identity, public }
    }

    /// The key pair from its stored secret ("AGE-SECRET-KEY-1…"); `None` if it is not one.
    pub fn from_secret(secret: &str) -> Option<Self> {
        Identity::from_str(secret.trim())
            .ok()
            .map(Self::from_identity)
    }

    /// The secret's text, for the office's storage only.
    pub fn secret(&self) -> String {
        self.identity.to_string().expose_secret().to_string()
    }

    /// The public key ("age1…"), for the setup file.
    pub fn public(&self) -> &str {
        &self.public
    }
}

/// Whether a file's text is an age file (armoured, or binary as far as text shows it).
pub fn is_sealed(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with(ARMOR_BEGIN) || start.starts_with(BINARY_BEGIN)
}

/// Opens an encrypted bundle with the office's key: the bundle's JSON text, or why not.
pub fn open(text: &str, key: Option<&OfficeKey>) -> Result<String, SealedError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.starts_with(BINARY_BEGIN) {
        return Err(SealedError::NotArmored);
    }
    if !text.ends_with(ARMOR_END) {
        return Err(SealedError::Truncated);
    }
    let key = key.ok_or(SealedError::NoKey)?;
    // The armour allows LF or CRLF but not both; a mail program or Notepad may have
    // changed some line ends, which changes no byte of the encrypted content.
    let armored = text.replace("\r\n", "\n");
    let decryptor =
        Decryptor::new_buffered(ArmoredReader::new(armored.as_bytes())).map_err(refusal)?;
    let mut reader = decryptor
        .decrypt(iter::once(&key.identity as &dyn age::Identity))
        .map_err(refusal)?;
    let mut plain = Vec::new();
    reader
        .read_to_end(&mut plain)
        .map_err(|e| refusal(DecryptError::Io(e)))?;
    String::from_utf8(plain).map_err(|_| SealedError::NotText)
}

fn refusal(e: DecryptError) -> SealedError {
    match e {
        DecryptError::NoMatchingKeys => SealedError::OtherKey,
        DecryptError::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            SealedError::Truncated
        }
        // A bad header, a header MAC that fails, a chunk that fails its tag, broken
        // armour, an unknown stanza: the file is not as it was made.
        _ => SealedError::Damaged,
    }
}

/// Encrypts a text for the office's public key, armoured: what the tablet's export does
/// (there with the reference TypeScript implementation). Here for tests and tools.
pub fn seal(text: &str, office_public: &str) -> Option<String> {
    let recipient = Recipient::from_str(office_public.trim()).ok()?;
    let encryptor =
        Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient)).ok()?;
    let mut out = Vec::with_capacity(text.len() * 4 / 3 + 256);
    let armor = ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).ok()?;
    let mut writer = encryptor.wrap_output(armor).ok()?;
    std::io::Write::write_all(&mut writer, text.as_bytes()).ok()?;
    writer.finish().ok()?.finish().ok()?;
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_secret_gives_back_the_same_key_pair() {
        let key = OfficeKey::generate();
        assert!(key.public().starts_with("age1"));
        assert!(key.secret().starts_with("AGE-SECRET-KEY-1"));
        let again = OfficeKey::from_secret(&key.secret()).unwrap();
        assert_eq!(again.public(), key.public());
        assert!(OfficeKey::from_secret("age1notasecret").is_none());
        assert!(!format!("{key:?}").contains("SECRET"));
    }

    #[test]
    fn a_sealed_text_opens_only_with_its_key() {
        let key = OfficeKey::generate();
        let sealed = seal("{\"a\":\"Nguyễn Văn A\"}", key.public()).unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("Nguy"));
        assert_eq!(
            open(&sealed, Some(&key)).unwrap(),
            "{\"a\":\"Nguyễn Văn A\"}"
        );
        let other = OfficeKey::generate();
        assert_eq!(open(&sealed, Some(&other)), Err(SealedError::OtherKey));
        assert_eq!(open(&sealed, None), Err(SealedError::NoKey));
    }

    #[test]
    fn line_ends_changed_on_the_way_do_not_matter() {
        let key = OfficeKey::generate();
        let sealed = seal("xin chào", key.public()).unwrap();
        let crlf = format!("\u{feff}\r\n{}\r\n", sealed.replace('\n', "\r\n"));
        assert!(is_sealed(&crlf));
        assert_eq!(open(&crlf, Some(&key)).unwrap(), "xin chào");
    }

    #[test]
    fn a_binary_age_file_is_named_as_such() {
        let key = OfficeKey::generate();
        let text = "age-encryption.org/v1\n-> X25519 abc\n";
        assert!(is_sealed(text));
        assert_eq!(open(text, Some(&key)), Err(SealedError::NotArmored));
    }
}
