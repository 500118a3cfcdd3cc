//! The session's sign-in sheet (danh sách đại biểu, công dân dự – ký tên): the delegates
//! and the invited citizens as the preparation lists them, each with room to sign, and
//! blank rows for those who come uninvited; and the head count the minutes give.

use super::Preparation;
use crate::domain::office::setup::OfficeSetup;

/// Blank rows after the invited, for citizens who come without an invitation.
pub const WALK_IN_ROWS: usize = 15;

/// One line to sign: its number, the person, their post or their village.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInRow {
    pub number: usize,
    pub name: String,
    pub of: String,
}

/// The sheet: delegates first, then the invited citizens village by village (the setup's
/// order), then the blank rows, numbered on from the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInSheet {
    pub delegates: Vec<SignInRow>,
    pub citizens: Vec<SignInRow>,
    /// The numbers of the blank rows.
    pub blank: std::ops::RangeInclusive<usize>,
}

pub fn sign_in_sheet(prep: &Preparation, setup: &OfficeSetup) -> SignInSheet {
    let mut number = 0;
    let mut row = |name: &str, of: String| {
        number += 1;
        SignInRow {
            number,
            name: name.to_string(),
            of,
        }
    };
    let delegates = prep
        .delegates
        .iter()
        .map(|a| row(&a.name, a.role.clone()))
        .collect();
    let rank = |code: &str| setup.villages.iter().position(|v| v.code == code);
    let mut invitees: Vec<_> = prep.invitees.iter().collect();
    invitees.sort_by_key(|a| rank(&a.village).unwrap_or(usize::MAX));
    let citizens = invitees
        .into_iter()
        .map(|a| {
            let village = setup.village_name(&a.village);
            let of = if a.role.is_empty() {
                village
            } else {
                format!("{village} – {}", a.role)
            };
            row(&a.name, of)
        })
        .collect();
    SignInSheet {
        delegates,
        citizens,
        blank: number + 1..=number + WALK_IN_ROWS,
    }
}

/// The most people a hall is taken to hold: a larger count is a typing slip.
const MAX_HEAD_COUNT: u32 = 100_000;

/// The head count as typed ("86", "1.200"); empty clears it. `None` inside: not counted.
pub fn head_count(text: &str) -> Result<Option<u32>, HeadCountError> {
    match text.trim() {
        "" => Ok(None),
        t => crate::domain::petition::parse_count(t)
            .filter(|n| *n <= MAX_HEAD_COUNT)
            .map(Some)
            .ok_or(HeadCountError),
    }
}

/// A head count that is not a number of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadCountError;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Attendee;

    #[test]
    fn delegates_then_citizens_by_village_then_blank_rows_numbered_on() {
        let village = |code: &str, name: &str| crate::domain::bundle::setup::SetupVillage {
            code: code.into(),
            name: name.into(),
            head: String::new(),
        };
        let setup = OfficeSetup {
            villages: vec![village("thon-1", "Thôn 1"), village("thon-2", "Thôn 2")],
            ..OfficeSetup::default()
        };
        let person = |name: &str, role: &str, village: &str| Attendee {
            name: name.into(),
            role: role.into(),
            village: village.into(),
            present: false,
        };
        let prep = Preparation {
            delegates: vec![person("Nguyễn Văn Bình", "Chủ tịch UBND xã", "")],
            invitees: vec![
                person("Ngô Văn Cường", "", "thon-2"),
                person("Hoàng Văn An", "Chi hội trưởng Hội Nông dân", "thon-1"),
            ],
            ..Preparation::default()
        };
        let sheet = sign_in_sheet(&prep, &setup);
        assert_eq!(sheet.delegates[0].of, "Chủ tịch UBND xã");
        let citizens: Vec<(usize, &str, &str)> = sheet
            .citizens
            .iter()
            .map(|r| (r.number, r.name.as_str(), r.of.as_str()))
            .collect();
        assert_eq!(
            citizens,
            [
                (2, "Hoàng Văn An", "Thôn 1 – Chi hội trưởng Hội Nông dân"),
                (3, "Ngô Văn Cường", "Thôn 2")
            ]
        );
        assert_eq!(sheet.blank, 4..=18);
    }

    #[test]
    fn the_head_count_reads_as_vietnamese_write_numbers() {
        assert_eq!(head_count(" 86 "), Ok(Some(86)));
        assert_eq!(head_count("1.200"), Ok(Some(1_200)));
        assert_eq!(head_count(""), Ok(None));
        assert_eq!(head_count("tám mươi"), Err(HeadCountError));
        assert_eq!(head_count("1000000"), Err(HeadCountError));
    }
}
