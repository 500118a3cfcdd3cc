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
    let decryptor = decryptor(text).map_err(refusal)?;
    let plain = decrypted(decryptor, &key.identity).map_err(refusal)?;
    String::from_utf8(plain).map_err(|_| SealedError::NotText)
}

/// The armoured file's decryptor. The armour allows LF or CRLF but not both; a mail
/// program or Notepad may have changed some line ends, which changes no byte of the
/// encrypted content.
fn decryptor(armored: &str) -> Result<Decryptor<impl std::io::BufRead>, DecryptError> {
    let armored = armored.replace("\r\n", "\n").into_bytes();
    Decryptor::new_buffered(ArmoredReader::new(std::io::Cursor::new(armored)))
}

/// The file's content, opened with `identity`.
fn decrypted<R: std::io::BufRead>(
    decryptor: Decryptor<R>,
    identity: &dyn age::Identity,
) -> Result<Vec<u8>, DecryptError> {
    let mut reader = decryptor.decrypt(iter::once(identity))?;
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).map_err(DecryptError::Io)?;
    Ok(plain)
}

/// The text armoured and encrypted for `recipient`.
fn encrypted(text: &str, recipient: &dyn age::Recipient) -> Option<String> {
    let encryptor = Encryptor::with_recipients(iter::once(recipient)).ok()?;
    let mut out = Vec::with_capacity(text.len() * 4 / 3 + 256);
    let armor = ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).ok()?;
    let mut writer = encryptor.wrap_output(armor).ok()?;
    std::io::Write::write_all(&mut writer, text.as_bytes()).ok()?;
    writer.finish().ok()?.finish().ok()?;
    String::from_utf8(out).ok()
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
    encrypted(text, &recipient)
}

/// The scrypt work factor of a file locked with a passphrase: 2^16, 64 MiB of memory
/// and about a second on an office computer; a tablet's browser opens it too.
pub const WORK_FACTOR: u8 = 16;

/// The highest work factor a locked file may ask for before opening it is refused: a
/// hostile file could otherwise demand gigabytes and hours.
const MAX_WORK_FACTOR: u8 = 20;

/// Why a file locked with a passphrase could not be opened. Nothing changes in any case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockedError {
    /// The passphrase is not the one it was locked with (or the file was altered).
    WrongPassphrase,
    /// Encrypted for a key (a village bundle), not locked with a passphrase.
    NotLocked,
    Damaged,
    Truncated,
    NotText,
    /// It asks for more work than a hostile file could be allowed.
    TooCostly,
}

/// Locks a text with a passphrase (age's scrypt recipient, work factor `log_n`), armoured.
pub fn lock(text: &str, passphrase: &str, log_n: u8) -> Option<String> {
    let mut recipient = age::scrypt::Recipient::new(passphrase.to_string().into());
    recipient.set_work_factor(log_n);
    encrypted(text, &recipient)
}

/// Opens a text locked with a passphrase, by this app or any age tool.
pub fn unlock(text: &str, passphrase: &str) -> Result<String, LockedError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if !text.starts_with(ARMOR_BEGIN) {
        return Err(LockedError::Damaged);
    }
    if !text.ends_with(ARMOR_END) {
        return Err(LockedError::Truncated);
    }
    let decryptor = decryptor(text).map_err(locked_refusal)?;
    if !decryptor.is_scrypt() {
        return Err(LockedError::NotLocked);
    }
    let mut identity = age::scrypt::Identity::new(passphrase.to_string().into());
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let plain = decrypted(decryptor, &identity).map_err(locked_refusal)?;
    String::from_utf8(plain).map_err(|_| LockedError::NotText)
}

fn locked_refusal(e: DecryptError) -> LockedError {
    match e {
        DecryptError::DecryptionFailed | DecryptError::NoMatchingKeys => {
            LockedError::WrongPassphrase
        }
        DecryptError::ExcessiveWork { .. } => LockedError::TooCostly,
        DecryptError::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            LockedError::Truncated
        }
        _ => LockedError::Damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_locked_with_a_passphrase_opens_only_with_it() {
        let text = "{\"format\":\"doithoai.backup\",\"ghi chú\":\"Người Tố Cáo Kín\"}";
        let locked = lock(text, "trâu vàng gặm cỏ", 10).unwrap();
        assert!(locked.starts_with(ARMOR_BEGIN));
        assert!(!locked.contains("Người"));
        assert!(is_sealed(&locked));
        assert_eq!(unlock(&locked, "trâu vàng gặm cỏ").unwrap(), text);
        assert_eq!(
            unlock(&locked, "trâu vàng gặm cò"),
            Err(LockedError::WrongPassphrase)
        );
        let cut = &locked[..locked.len() - 40];
        assert_eq!(unlock(cut, "trâu vàng gặm cỏ"), Err(LockedError::Truncated));
        // A bundle sealed to the office's key is not a passphrase's file.
        let key = OfficeKey::generate();
        let bundle = seal(text, key.public()).unwrap();
        assert_eq!(unlock(&bundle, "x"), Err(LockedError::NotLocked));
        // Windows line ends change nothing.
        assert_eq!(
            unlock(&locked.replace('\n', "\r\n"), "trâu vàng gặm cỏ").unwrap(),
            text
        );
    }

    #[test]
    fn a_file_asking_for_too_much_work_is_refused_before_any() {
        // A file locked at 2^10, its header then made to ask for 2^30 (gigabytes): the
        // header's own check would fail too, but only after the work.
        let mut recipient =
            age::scrypt::Recipient::new("passphrase long enough".to_string().into());
        recipient.set_work_factor(10);
        let encryptor =
            Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient)).unwrap();
        let mut binary = Vec::new();
        let mut writer = encryptor.wrap_output(&mut binary).unwrap();
        std::io::Write::write_all(&mut writer, b"x").unwrap();
        writer.finish().unwrap();
        let header_end = binary.windows(4).position(|w| w == b"\n---").unwrap();
        let header = String::from_utf8(binary[..header_end].to_vec()).unwrap();
        let costly = header.replace(" 10\n", " 30\n");
        assert_ne!(costly, header);
        let mut hostile = costly.into_bytes();
        hostile.extend_from_slice(&binary[header_end..]);
        let mut out = Vec::new();
        let mut armor = ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).unwrap();
        std::io::Write::write_all(&mut armor, &hostile).unwrap();
        armor.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            unlock(&text, "passphrase long enough"),
            Err(LockedError::TooCostly)
        );
    }

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
