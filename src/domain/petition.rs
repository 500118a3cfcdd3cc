//! A citizen's petition (ý kiến, kiến nghị, …) as the village head records it, and the
//! rules every petition obeys wherever it came from: a typed form, storage or a file.

use chrono::{DateTime, Utc};

use super::text::{char_len, clean, clean_line, limit};

/// Globally unique id of a petition, fixed when it is created on a tablet. Ids from many
/// tablets meet at the commune office, so they are random 128-bit UUIDs (version 4), never
/// counters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PetitionId(String);

impl PetitionId {
    /// Builds an id from 16 random bytes (the browser's `crypto.getRandomValues`).
    pub fn from_random(mut bytes: [u8; 16]) -> Self {
        bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
        bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
        Self(format_uuid(&bytes))
    }

    /// Accepts an id read from storage or a file: a lower- or upper-case UUID.
    pub fn parse(s: &str) -> Option<Self> {
        is_uuid(s).then(|| Self(s.to_ascii_lowercase()))
    }

    /// [`Self::parse`] of a text the caller owns: no copy when it is lower-case already.
    pub fn parse_owned(mut s: String) -> Option<Self> {
        if !is_uuid(&s) {
            return None;
        }
        s.make_ascii_lowercase();
        Some(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PetitionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) fn format_uuid(b: &[u8; 16]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

pub(crate) fn is_uuid(s: &str) -> bool {
    // Bytes, not chars: an import checks a thousand ids per village, and a byte that is
    // not ASCII fails the hex test whole.
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// The kinds of input the plan names. Khiếu nại and tố cáo follow their own legal
/// procedures; a tố cáo petitioner's identity is protected by law.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// ý kiến
    Opinion,
    /// kiến nghị
    Recommendation,
    /// phản ánh
    Report,
    /// câu hỏi
    Question,
    /// khiếu nại
    Complaint,
    /// tố cáo
    Denunciation,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Opinion,
        Kind::Recommendation,
        Kind::Report,
        Kind::Question,
        Kind::Complaint,
        Kind::Denunciation,
    ];

    /// The stable code used in storage and files.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Opinion => "y_kien",
            Kind::Recommendation => "kien_nghi",
            Kind::Report => "phan_anh",
            Kind::Question => "cau_hoi",
            Kind::Complaint => "khieu_nai",
            Kind::Denunciation => "to_cao",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A denunciation's petitioner is confidential unless the village head decides
    /// otherwise; other kinds start open.
    pub fn confidential_by_default(self) -> bool {
        self == Kind::Denunciation
    }
}

/// Who raised the petition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Petitioners {
    /// One or more named citizens.
    Named(Vec<String>),
    /// "Nhiều công dân": raised by many, no names recorded.
    Many,
}

impl Petitioners {
    /// Reads the names field of the form: names separated by commas, semicolons or line
    /// breaks. No name at all means the petition was raised by many citizens.
    pub fn from_names_text(text: &str) -> Self {
        let names: Vec<String> = text
            .split([',', ';', '\n'])
            .map(clean_line)
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            Petitioners::Many
        } else {
            Petitioners::Named(names)
        }
    }

    pub fn names(&self) -> &[String] {
        match self {
            Petitioners::Named(n) => n,
            Petitioners::Many => &[],
        }
    }

    /// Both sides' names, without repeats; "many citizens" absorbs nothing.
    fn joined(&self, other: &Petitioners) -> Petitioners {
        let mut names = self.names().to_vec();
        for n in other.names() {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        if names.is_empty() {
            Petitioners::Many
        } else {
            Petitioners::Named(names)
        }
    }
}

/// Whether a petition is live, deleted by the village head, or folded into another.
/// Deleted and merged petitions are kept (as tombstones) so the office learns of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Active,
    Deleted,
    MergedInto(PetitionId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Petition {
    pub id: PetitionId,
    /// Grows by one at each change. The office orders a village's edits by it, never by
    /// the tablet's clock, which is often wrong.
    pub revision: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub content: String,
    /// lĩnh vực, by its name in the commune's list.
    pub field: String,
    pub kind: Kind,
    pub petitioners: Petitioners,
    pub address: String,
    pub phone: String,
    /// How many citizens back it (at least one).
    pub backers: u32,
    /// The petitioner's identity must not be shown to others.
    pub confidential: bool,
    /// Petitions of this village merged into this one.
    pub merged_from: Vec<PetitionId>,
    pub status: Status,
}

/// Limits that keep a hostile or broken file from filling the tablet.
pub const MAX_CONTENT_CHARS: usize = limit::LONG;
pub const MAX_LINE_CHARS: usize = limit::LINE;
pub const MAX_NAMES: usize = 200;
pub const MAX_BACKERS: u32 = 1_000_000;

/// What the petition form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetitionDraft {
    pub content: String,
    pub field: String,
    pub kind_code: String,
    pub names: String,
    pub address: String,
    pub phone: String,
    pub backers: String,
    pub confidential: bool,
}

/// Why a petition cannot be saved; each maps to a message in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PetitionError {
    EmptyContent,
    ContentTooLong,
    NoField,
    UnknownKind,
    LineTooLong,
    TooManyNames,
    BadBackers,
    BadPhone,
}

/// The validated values of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetitionValues {
    pub content: String,
    pub field: String,
    pub kind: Kind,
    pub petitioners: Petitioners,
    pub address: String,
    pub phone: String,
    pub backers: u32,
    pub confidential: bool,
}

impl PetitionDraft {
    /// An empty form: a recommendation (the commonest kind), its field not chosen yet.
    /// A field kept from the petition before put the next one in the wrong field unseen.
    pub fn blank() -> Self {
        Self {
            kind_code: Kind::Recommendation.code().to_string(),
            ..Self::default()
        }
    }

    /// The form of an existing petition, for editing.
    pub fn from_petition(p: &Petition) -> Self {
        Self {
            content: p.content.clone(),
            field: p.field.clone(),
            kind_code: p.kind.code().to_string(),
            names: p.petitioners.names().join(", "),
            address: p.address.clone(),
            phone: p.phone.clone(),
            backers: p.backers.to_string(),
            confidential: p.confidential,
        }
    }

    pub fn validate(&self) -> Result<PetitionValues, PetitionError> {
        let content = clean(&self.content);
        if content.is_empty() {
            return Err(PetitionError::EmptyContent);
        }
        let field = clean_line(&self.field);
        if field.is_empty() {
            return Err(PetitionError::NoField);
        }
        let kind = Kind::from_code(&self.kind_code).ok_or(PetitionError::UnknownKind)?;
        let petitioners = Petitioners::from_names_text(&self.names);
        let backers = match self.backers.trim() {
            "" => 1,
            text => parse_count(text).ok_or(PetitionError::BadBackers)?,
        };
        let phone = clean_line(&self.phone);
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +.-()".contains(c))
        {
            return Err(PetitionError::BadPhone);
        }
        let values = PetitionValues {
            content,
            field,
            kind,
            petitioners,
            address: clean_line(&self.address),
            phone,
            backers,
            confidential: self.confidential,
        };
        values.check_limits()?;
        Ok(values)
    }
}

/// Reads a count as Vietnamese writes it: "1000", "1.000" or "1 000" (a dot or a space
/// between groups of three digits).
pub fn parse_count(text: &str) -> Option<u32> {
    let groups: Vec<&str> = text.split(['.', ' ']).collect();
    let digits_only = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !digits_only || !grouped {
        return None;
    }
    groups.concat().parse().ok()
}

impl PetitionValues {
    /// Limits shared by the form and by files: a petition read from anywhere obeys them.
    pub fn check_limits(&self) -> Result<(), PetitionError> {
        if self.content.is_empty() {
            return Err(PetitionError::EmptyContent);
        }
        if char_len(&self.content) > MAX_CONTENT_CHARS {
            return Err(PetitionError::ContentTooLong);
        }
        if self.field.is_empty() {
            return Err(PetitionError::NoField);
        }
        let names = self.petitioners.names();
        if names.len() > MAX_NAMES {
            return Err(PetitionError::TooManyNames);
        }
        let lines = [&self.field, &self.address, &self.phone];
        if lines
            .into_iter()
            .chain(names)
            .any(|l| char_len(l) > MAX_LINE_CHARS)
        {
            return Err(PetitionError::LineTooLong);
        }
        if self.backers == 0 || self.backers > MAX_BACKERS {
            return Err(PetitionError::BadBackers);
        }
        Ok(())
    }
}

impl Petition {
    pub fn new(id: PetitionId, values: PetitionValues, now: DateTime<Utc>) -> Self {
        let mut p = Self {
            id,
            revision: 1,
            created_at: now,
            updated_at: now,
            content: String::new(),
            field: String::new(),
            kind: Kind::Opinion,
            petitioners: Petitioners::Many,
            address: String::new(),
            phone: String::new(),
            backers: 1,
            confidential: false,
            merged_from: Vec::new(),
            status: Status::Active,
        };
        p.set_values(values);
        p
    }

    pub fn is_active(&self) -> bool {
        self.status == Status::Active
    }

    fn set_values(&mut self, v: PetitionValues) {
        self.content = v.content;
        self.field = v.field;
        self.kind = v.kind;
        self.petitioners = v.petitioners;
        self.address = v.address;
        self.phone = v.phone;
        self.backers = v.backers;
        self.confidential = v.confidential;
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        self.revision = self.revision.saturating_add(1);
        self.updated_at = now;
    }

    /// The petition with the form's values; the revision grows.
    pub fn edited(&self, values: PetitionValues, now: DateTime<Utc>) -> Self {
        let mut p = self.clone();
        p.set_values(values);
        p.touch(now);
        p
    }

    /// The petition deleted (kept as a tombstone so the office learns of it).
    pub fn deleted(&self, now: DateTime<Utc>) -> Self {
        let mut p = self.clone();
        p.status = Status::Deleted;
        p.touch(now);
        p
    }

    /// The deleted petition brought back (undo).
    pub fn restored(&self, now: DateTime<Utc>) -> Self {
        let mut p = self.clone();
        p.status = Status::Active;
        p.touch(now);
        p
    }

    /// Folds `other` into `self`: backers add up, both texts are kept, names join, and
    /// the result is confidential if either side was. Returns the kept petition and the
    /// other as a tombstone pointing to it.
    pub fn merged_with(&self, other: &Petition, now: DateTime<Utc>) -> (Petition, Petition) {
        let mut kept = self.clone();
        kept.content = format!("{}\n\n{}", self.content, other.content);
        kept.backers = self.backers.saturating_add(other.backers).min(MAX_BACKERS);
        kept.petitioners = self.petitioners.joined(&other.petitioners);
        if kept.address.is_empty() {
            kept.address = other.address.clone();
        }
        if kept.phone.is_empty() {
            kept.phone = other.phone.clone();
        }
        kept.confidential = self.confidential || other.confidential;
        kept.merged_from.push(other.id.clone());
        kept.merged_from.extend(other.merged_from.iter().cloned());
        kept.touch(now);
        let mut folded = other.clone();
        folded.status = Status::MergedInto(self.id.clone());
        folded.touch(now);
        (kept, folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_000_000, 0).unwrap()
    }

    fn draft(content: &str) -> PetitionDraft {
        PetitionDraft {
            content: content.into(),
            field: "Đất đai".into(),
            kind_code: "kien_nghi".into(),
            names: "Nguyễn Văn A, Trần Thị B".into(),
            backers: "3".into(),
            ..Default::default()
        }
    }

    fn petition(seed: u8, content: &str) -> Petition {
        Petition::new(
            PetitionId::from_random([seed; 16]),
            draft(content).validate().unwrap(),
            now(),
        )
    }

    #[test]
    fn ids_are_version_4_uuids() {
        let id = PetitionId::from_random([0xff; 16]);
        assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(PetitionId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(
            PetitionId::parse("FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF"),
            Some(id)
        );
        assert_eq!(PetitionId::parse("not-an-id"), None);
        assert_eq!(
            PetitionId::parse("ffffffff_ffff-4fff-bfff-ffffffffffff"),
            None
        );
    }

    #[test]
    fn draft_is_cleaned_and_checked() {
        let v = draft("  Đường   bị hỏng \r\n").validate().unwrap();
        assert_eq!(v.content, "Đường   bị hỏng");
        assert_eq!(
            v.petitioners,
            Petitioners::Named(vec!["Nguyễn Văn A".into(), "Trần Thị B".into()])
        );
        assert_eq!(v.backers, 3);
        assert_eq!(draft("   ").validate(), Err(PetitionError::EmptyContent));
        let mut d = draft("x");
        d.backers = "0".into();
        assert_eq!(d.validate(), Err(PetitionError::BadBackers));
        d.backers = "ba".into();
        assert_eq!(d.validate(), Err(PetitionError::BadBackers));
        d.backers = String::new();
        assert_eq!(d.validate().unwrap().backers, 1);
        d.phone = "<script>".into();
        assert_eq!(d.validate(), Err(PetitionError::BadPhone));
        d.phone = "+84 912.345-678".into();
        assert!(d.validate().is_ok());
        d.kind_code = "xyz".into();
        assert_eq!(d.validate(), Err(PetitionError::UnknownKind));
        let mut long = draft(&"a".repeat(MAX_CONTENT_CHARS + 1));
        assert_eq!(long.validate(), Err(PetitionError::ContentTooLong));
        long.content = "ok".into();
        long.field = " ".into();
        assert_eq!(long.validate(), Err(PetitionError::NoField));
    }

    #[test]
    fn a_blank_form_is_a_recommendation_that_saves_once_typed() {
        let mut d = PetitionDraft::blank();
        assert_eq!(d.validate(), Err(PetitionError::EmptyContent));
        d.content = "Đề nghị làm đường".into();
        assert_eq!(d.validate(), Err(PetitionError::NoField));
        d.field = "Đất đai".into();
        let v = d.validate().unwrap();
        assert_eq!(
            (v.kind, v.backers, v.confidential),
            (Kind::Recommendation, 1, false)
        );
        assert_eq!(v.petitioners, Petitioners::Many);
    }

    #[test]
    fn counts_read_with_vietnamese_thousands_separators() {
        assert_eq!(parse_count("12"), Some(12));
        assert_eq!(parse_count("1.000"), Some(1000));
        assert_eq!(parse_count("1 250"), Some(1250));
        assert_eq!(parse_count("12.345.678"), Some(12_345_678));
        for bad in [
            "1.",
            "1.00",
            ".100",
            "1,5",
            "1000.000",
            "-3",
            "ba",
            "1..000",
            "",
            "99999999999",
        ] {
            assert_eq!(parse_count(bad), None, "{bad}");
        }
    }

    #[test]
    fn no_names_means_many_citizens() {
        assert_eq!(Petitioners::from_names_text(" , ;\n"), Petitioners::Many);
    }

    #[test]
    fn edit_delete_restore_each_grow_the_revision() {
        let p = petition(1, "Đèn đường hỏng");
        assert_eq!(p.revision, 1);
        let e = p.edited(draft("Đèn đường thôn 3 hỏng").validate().unwrap(), now());
        assert_eq!(e.revision, 2);
        assert_eq!(e.created_at, p.created_at);
        let d = e.deleted(now());
        assert_eq!((d.revision, d.is_active()), (3, false));
        let r = d.restored(now());
        assert_eq!((r.revision, r.is_active()), (4, true));
    }

    #[test]
    fn merging_adds_backers_and_keeps_both_texts() {
        let mut a = petition(1, "Đường liên thôn xuống cấp");
        a.confidential = false;
        let mut b = petition(2, "Đường thôn 2 nhiều ổ gà");
        b.petitioners = Petitioners::Named(vec!["Lê Văn C".into(), "Nguyễn Văn A".into()]);
        b.backers = 4;
        b.confidential = true;
        b.phone = "0912".into();
        let (kept, folded) = a.merged_with(&b, now());
        assert_eq!(kept.backers, 7);
        assert!(kept.content.contains("xuống cấp") && kept.content.contains("ổ gà"));
        assert_eq!(
            kept.petitioners.names(),
            ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C"]
        );
        assert!(kept.confidential);
        assert_eq!(kept.phone, "0912");
        assert_eq!(kept.merged_from, vec![b.id.clone()]);
        assert_eq!(kept.revision, 2);
        assert_eq!(folded.status, Status::MergedInto(a.id.clone()));
        assert_eq!(folded.revision, 2);
    }

    #[test]
    fn denunciations_start_confidential() {
        assert!(Kind::Denunciation.confidential_by_default());
        assert!(!Kind::Question.confidential_by_default());
        for k in Kind::ALL {
            assert_eq!(Kind::from_code(k.code()), Some(k));
        }
    }
}
