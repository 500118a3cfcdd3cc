//! Who this tablet belongs to (commune, village, village head) and the village meeting
//! the petitions were raised at.

use chrono::NaiveDate;

use super::text::{char_len, clean_line, limit};
use super::time::parse_date;

/// The fields (lĩnh vực) a village can choose from when the commune sent no list: the
/// fields the plan names for the dialogue, in the order the plan names them.
pub const DEFAULT_FIELDS: [&str; 12] = [
    "Đất đai",
    "Xây dựng cơ bản",
    "Kinh tế - Tài chính",
    "Văn hóa - Xã hội",
    "Quốc phòng",
    "An ninh - Trật tự",
    "Cải cách hành chính",
    "Nông thôn mới",
    "Chính sách xã hội",
    "Tư pháp",
    "Cán bộ, công chức",
    "Khác",
];

/// The dialogue as the commune set it in its setup file; shown to the village head so the
/// meeting falls in the window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DialogueInfo {
    /// Which dialogue this round of collecting is for; its bundles name it.
    pub id: String,
    pub title: String,
    /// What a thematic dialogue is about; empty for a general one.
    pub theme: String,
    pub meeting_from: Option<NaiveDate>,
    pub meeting_to: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
}

/// This tablet's identity, chosen at first start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VillageProfile {
    pub commune: String,
    pub province: String,
    /// The village's code in the commune setup file; empty when set up by hand.
    pub village_code: String,
    pub village: String,
    pub head: String,
    pub fields: Vec<String>,
    pub dialogue: Option<DialogueInfo>,
    /// The commune office's public key (age, "age1…") from its setup file: when present,
    /// the export encrypts the bundle for it.
    pub office_key: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    NoCommune,
    NoVillage,
    NoHead,
    TooLong,
}

/// What the first-start form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    pub commune: String,
    pub village: String,
    pub head: String,
}

impl ProfileDraft {
    /// A profile set up by hand: the default fields, no dialogue.
    pub fn validate(&self) -> Result<VillageProfile, ProfileError> {
        let profile = VillageProfile {
            commune: clean_line(&self.commune),
            province: String::new(),
            village_code: String::new(),
            village: clean_line(&self.village),
            head: clean_line(&self.head),
            fields: DEFAULT_FIELDS.iter().map(|f| f.to_string()).collect(),
            dialogue: None,
            office_key: None,
        };
        profile.check()?;
        Ok(profile)
    }
}

impl VillageProfile {
    pub fn check(&self) -> Result<(), ProfileError> {
        if self.commune.is_empty() {
            return Err(ProfileError::NoCommune);
        }
        if self.village.is_empty() {
            return Err(ProfileError::NoVillage);
        }
        if self.head.is_empty() {
            return Err(ProfileError::NoHead);
        }
        let parts = [&self.commune, &self.village, &self.head, &self.province];
        if parts.iter().any(|p| char_len(p) > limit::NAME) {
            return Err(ProfileError::TooLong);
        }
        Ok(())
    }
}

/// One named participant of the village meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    /// chức danh: "Bí thư chi bộ", "Công dân", …
    pub role: String,
}

/// The position written for a citizen who is not an office holder.
pub const CITIZEN_ROLE: &str = "Công dân";

/// The people the plan asks to attend each village meeting: the Party secretary and the
/// village head, the heads of the branches and unions, and five citizens.
pub const EXPECTED_ROLES: [&str; 12] = [
    "Bí thư chi bộ",
    "Trưởng thôn",
    "Trưởng ban công tác Mặt trận",
    "Chi hội trưởng Hội Phụ nữ",
    "Chi hội trưởng Hội Nông dân",
    "Chi hội trưởng Hội Cựu chiến binh",
    "Bí thư Chi đoàn",
    "Công dân",
    "Công dân",
    "Công dân",
    "Công dân",
    "Công dân",
];

/// The village meeting (họp thôn) where the petitions were collected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meeting {
    pub date: Option<NaiveDate>,
    pub place: String,
    pub chair: String,
    /// How many people attended in all, named or not.
    pub attendance: u32,
    pub attendees: Vec<Attendee>,
}

impl Meeting {
    /// A new meeting record, with a row for each participant the plan expects.
    pub fn planned(head: &str) -> Self {
        Self {
            chair: head.to_string(),
            attendees: EXPECTED_ROLES
                .iter()
                .map(|r| Attendee {
                    name: if *r == "Trưởng thôn" {
                        head.to_string()
                    } else {
                        String::new()
                    },
                    role: r.to_string(),
                })
                .collect(),
            ..Self::default()
        }
    }

    /// How many attendees have a name written in.
    pub fn named_count(&self) -> usize {
        self.attendees.iter().filter(|a| !a.name.is_empty()).count()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingError {
    BadDate,
    BadAttendance,
    TooLong,
}

/// The meeting form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingDraft {
    pub date: String,
    pub place: String,
    pub chair: String,
    pub attendance: String,
    pub attendees: Vec<Attendee>,
}

impl MeetingDraft {
    /// Reads the form. What cannot be read (a mistyped date or count) keeps its value from
    /// `previous`, so one slip never throws away the rest of the meeting; the problem comes
    /// back beside the meeting for the form to show.
    pub fn read(&self, previous: &Meeting) -> (Meeting, Option<MeetingError>) {
        let mut problem = None;
        let date = match self.date.trim() {
            "" => None,
            d => parse_date(d).or_else(|| {
                problem = Some(MeetingError::BadDate);
                previous.date
            }),
        };
        let attendance = match self.attendance.trim() {
            "" => 0,
            n => n.parse().unwrap_or_else(|_| {
                problem = Some(MeetingError::BadAttendance);
                previous.attendance
            }),
        };
        let meeting = Meeting {
            date,
            place: self.place.clone(),
            chair: self.chair.clone(),
            attendance,
            attendees: self.attendees.clone(),
        }
        .cleaned();
        match meeting.check() {
            Ok(()) => (meeting, problem),
            Err(e) => (previous.clone(), Some(e)),
        }
    }
}

impl Meeting {
    /// The meeting with every text normalised (NFC, one line each), wherever it came from.
    pub fn cleaned(self) -> Meeting {
        Meeting {
            place: clean_line(&self.place),
            chair: clean_line(&self.chair),
            attendees: self
                .attendees
                .into_iter()
                .map(|a| Attendee {
                    name: clean_line(&a.name),
                    role: clean_line(&a.role),
                })
                .collect(),
            ..self
        }
    }

    pub fn check(&self) -> Result<(), MeetingError> {
        if self.attendance > 100_000 {
            return Err(MeetingError::BadAttendance);
        }
        let too_long = char_len(&self.place) > limit::LINE
            || char_len(&self.chair) > limit::NAME
            || self.attendees.len() > 500
            || self
                .attendees
                .iter()
                .any(|a| char_len(&a.name) > limit::NAME || char_len(&a.role) > limit::NAME);
        if too_long {
            return Err(MeetingError::TooLong);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_setup_needs_commune_village_and_head() {
        let mut d = ProfileDraft {
            commune: " Cẩm  Quang ".into(),
            village: "Thôn 1".into(),
            head: "Nguyễn Văn Hùng".into(),
        };
        let p = d.validate().unwrap();
        assert_eq!(p.commune, "Cẩm Quang");
        assert_eq!(p.fields.len(), DEFAULT_FIELDS.len());
        d.head = "  ".into();
        assert_eq!(d.validate(), Err(ProfileError::NoHead));
        d.village = String::new();
        assert_eq!(d.validate(), Err(ProfileError::NoVillage));
    }

    #[test]
    fn planned_meeting_lists_the_expected_participants() {
        let m = Meeting::planned("Lê Văn Tám");
        assert_eq!(m.attendees.len(), 12);
        assert_eq!(m.named_count(), 1);
        assert_eq!(m.chair, "Lê Văn Tám");
        assert_eq!(
            m.attendees.iter().filter(|a| a.role == "Công dân").count(),
            5
        );
    }

    #[test]
    fn meeting_form_reads_vietnamese_dates() {
        let d = MeetingDraft {
            date: "27/8/2021".into(),
            attendance: "45".into(),
            place: " Nhà  văn hóa thôn ".into(),
            ..Default::default()
        };
        let (m, problem) = d.read(&Meeting::default());
        assert_eq!(problem, None);
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2021, 8, 27));
        assert_eq!((m.attendance, m.place.as_str()), (45, "Nhà văn hóa thôn"));
    }

    #[test]
    fn one_slip_keeps_the_rest_of_the_meeting() {
        let before = Meeting {
            date: NaiveDate::from_ymd_opt(2026, 8, 27),
            attendance: 40,
            ..Meeting::default()
        };
        let typed = MeetingDraft {
            date: "2026-08-28".into(),
            attendance: "-3".into(),
            place: "Nhà văn hóa".into(),
            ..Default::default()
        };
        let (m, problem) = typed.read(&before);
        assert_eq!(problem, Some(MeetingError::BadAttendance));
        assert_eq!((m.date, m.attendance), (before.date, 40));
        assert_eq!(m.place, "Nhà văn hóa");
        let bad_date = MeetingDraft {
            date: "32/13/2026".into(),
            ..typed.clone()
        };
        assert!(bad_date.read(&before).1.is_some());
        let too_long = MeetingDraft {
            place: "x".repeat(301),
            ..Default::default()
        };
        assert_eq!(
            too_long.read(&before),
            (before.clone(), Some(MeetingError::TooLong))
        );
    }
}
