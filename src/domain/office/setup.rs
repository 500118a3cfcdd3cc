//! What the office defines before the village meetings: the dialogue, the commune's
//! villages, fields and departments. It exports the commune setup file the village tablets
//! load (read back by [`crate::domain::bundle::setup::parse_commune_setup`]).

use chrono::NaiveDate;
use serde::Serialize;

use super::dialogue::{DialogueKind, FIRST_DIALOGUE};
use crate::domain::bundle::setup::SetupVillage;
use crate::domain::bundle::v1::DialogueRecord;
use crate::domain::bundle::{checksum, FileKind};
use crate::domain::json;
use crate::domain::legacy::{self, Legacy};
use crate::domain::text::{char_len, clean_line, fold, limit, slug};
use crate::domain::time::parse_date;
use crate::domain::village::DEFAULT_FIELDS;

/// The departments (bộ phận) the plan names to prepare answers.
pub const DEFAULT_DEPARTMENTS: [&str; 7] = [
    "Công an",
    "Quân sự",
    "Tài chính",
    "Địa chính",
    "Chính sách xã hội",
    "Tư pháp",
    "Văn phòng",
];

/// The dialogue as the office plans it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dialogue {
    /// Stable across edits; every file of this dialogue names it
    /// ([`super::dialogue::FIRST_DIALOGUE`] for an office's first).
    pub id: String,
    pub kind: DialogueKind,
    /// What a thematic dialogue is about ("Giải phóng mặt bằng tuyến đường ĐT 549");
    /// empty for a general one.
    pub theme: String,
    /// Who it is held with, when not all the people ("Đoàn viên thanh niên").
    pub target_group: String,
    /// The codes of the villages taking part, when not all of them (a thematic dialogue
    /// on one road's land clearance); empty: every village of the commune.
    pub villages: Vec<String>,
    pub title: String,
    /// The plan's number and symbol, e.g. "163/KH-UBND".
    pub plan_number: String,
    pub meeting_from: Option<NaiveDate>,
    pub meeting_to: Option<NaiveDate>,
    pub session_date: Option<NaiveDate>,
    pub place: String,
    /// Who chairs the session (the commune Chairman).
    pub chair: String,
    /// Who speaks for the Fatherland Front (Ủy ban MTTQ Việt Nam xã), which takes part in
    /// compiling the petitions and states its view at the session; empty: not named.
    pub front: String,
}

impl Dialogue {
    /// `text` (the dialogue's title on a document) with a thematic dialogue's theme after
    /// it, unless it says the theme already: every document of a thematic dialogue names
    /// its theme.
    pub fn with_theme(&self, text: String) -> String {
        if self.theme.is_empty() || fold(&text).contains(&fold(&self.theme)) {
            text
        } else {
            format!("{text}, chuyên đề: {}", self.theme)
        }
    }

    /// The dialogue's name on its documents: its title, or `default` when it has none,
    /// with its theme.
    pub fn document_title(&self, default: &str) -> String {
        let title = if self.title.is_empty() {
            default.to_string()
        } else {
            self.title.clone()
        };
        self.with_theme(title)
    }
}

impl Default for Dialogue {
    fn default() -> Self {
        Self {
            id: FIRST_DIALOGUE.to_string(),
            kind: DialogueKind::default(),
            theme: String::new(),
            target_group: String::new(),
            villages: Vec::new(),
            title: String::new(),
            plan_number: String::new(),
            meeting_from: None,
            meeting_to: None,
            session_date: None,
            place: String::new(),
            chair: String::new(),
            front: String::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficeSetup {
    pub commune: String,
    pub province: String,
    pub dialogue: Dialogue,
    pub villages: Vec<SetupVillage>,
    pub fields: Vec<String>,
    pub departments: Vec<String>,
}

/// Why the setup cannot be saved; each maps to a message in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupError {
    NoCommune,
    NoVillages,
    /// Two lines name the same village (by its folded name).
    DuplicateVillage(String),
    NoFields,
    NoDepartments,
    /// A date that is not dd/mm/yyyy.
    BadDate,
    /// A thematic dialogue without its theme.
    NoTheme,
    /// A village named as taking part that is not in the commune's list.
    UnknownParticipant(String),
    /// The village meetings end after they start, and before the session.
    DatesOutOfOrder,
    TooLong,
}

/// The setup form as typed: one village per line ("Thôn 1; Nguyễn Văn Hùng", or two
/// columns pasted from a spreadsheet), one field and one department per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetupDraft {
    pub commune: String,
    pub province: String,
    pub kind: DialogueKind,
    pub theme: String,
    pub target_group: String,
    /// The villages taking part, one per line; empty: all.
    pub participants: String,
    pub title: String,
    pub plan_number: String,
    pub meeting_from: String,
    pub meeting_to: String,
    pub session_date: String,
    pub place: String,
    pub chair: String,
    pub front: String,
    pub villages: String,
    pub fields: String,
    pub departments: String,
}

pub(crate) const MAX_LINE: usize = limit::NAME;
const MAX_VILLAGES: usize = 500;
const MAX_LIST: usize = 100;

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(clean_line)
        .filter(|l| !l.is_empty())
        .collect()
}

fn date(text: &str) -> Result<Option<NaiveDate>, SetupError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text).map(Some).ok_or(SetupError::BadDate)
}

/// An ASCII code for a village name ("Tổ dân phố 2" → "to-dan-pho-2"), unique among `taken`.
fn village_code(name: &str, taken: &[SetupVillage]) -> String {
    let slug = match slug(name) {
        s if s.is_empty() => "thon".to_string(),
        s => s,
    };
    let mut code = slug.clone();
    let mut n = 2;
    while taken.iter().any(|v| v.code == code) {
        code = format!("{slug}-{n}");
        n += 1;
    }
    code
}

impl SetupDraft {
    /// A new office's form: the plan's fields and departments filled in.
    pub fn blank() -> Self {
        Self {
            fields: DEFAULT_FIELDS.join("\n"),
            departments: DEFAULT_DEPARTMENTS.join("\n"),
            ..Self::default()
        }
    }

    pub fn from_setup(s: &OfficeSetup) -> Self {
        let d = &s.dialogue;
        let show =
            |d: Option<NaiveDate>| d.map(crate::domain::time::format_date).unwrap_or_default();
        Self {
            commune: s.commune.clone(),
            province: s.province.clone(),
            kind: d.kind,
            theme: d.theme.clone(),
            target_group: d.target_group.clone(),
            participants: d
                .villages
                .iter()
                .map(|code| s.village_name(code))
                .collect::<Vec<_>>()
                .join("\n"),
            title: d.title.clone(),
            plan_number: d.plan_number.clone(),
            meeting_from: show(d.meeting_from),
            meeting_to: show(d.meeting_to),
            session_date: show(d.session_date),
            place: d.place.clone(),
            chair: d.chair.clone(),
            front: d.front.clone(),
            villages: s
                .villages
                .iter()
                .map(|v| match v.head.as_str() {
                    "" => v.name.clone(),
                    head => format!("{}; {head}", v.name),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            fields: s.fields.join("\n"),
            departments: s.departments.join("\n"),
        }
    }

    /// The form for the dialogue after `previous`: the commune, its villages, fields and
    /// departments, the place and the chair carried; the kind, title, theme, plan number
    /// and dates are the new dialogue's own, so left for the person.
    pub fn next_from(previous: &OfficeSetup) -> Self {
        let carried = Self::from_setup(previous);
        Self {
            kind: DialogueKind::Yearly,
            theme: String::new(),
            target_group: String::new(),
            participants: String::new(),
            title: String::new(),
            plan_number: String::new(),
            meeting_from: String::new(),
            meeting_to: String::new(),
            session_date: String::new(),
            ..carried
        }
    }

    /// The checked setup of the dialogue after `previous`, under its new `id`.
    pub fn validate_next(
        &self,
        previous: &OfficeSetup,
        id: &str,
    ) -> Result<OfficeSetup, SetupError> {
        let mut next = self.validate(Some(previous))?;
        next.dialogue.id = id.to_string();
        Ok(next)
    }

    /// Converts every line typed (or pasted) in a legacy encoding to Unicode; lines
    /// already in Unicode stay as they are (a pasted list sits among typed ones).
    pub fn convert_legacy(&mut self, enc: Legacy) {
        for text in [
            &mut self.commune,
            &mut self.province,
            &mut self.title,
            &mut self.theme,
            &mut self.target_group,
            &mut self.participants,
            &mut self.place,
            &mut self.chair,
            &mut self.front,
            &mut self.villages,
            &mut self.fields,
            &mut self.departments,
        ] {
            let lines: Vec<String> = text
                .split('\n')
                .map(|line| match legacy::detect(line) {
                    Some(found) if found == enc => legacy::to_unicode(line, enc),
                    _ => line.to_string(),
                })
                .collect();
            *text = lines.join("\n");
        }
    }

    /// The checked setup. Villages already known keep their code (matched by name), so
    /// tablets set up from an earlier setup file still match after an edit.
    pub fn validate(&self, previous: Option<&OfficeSetup>) -> Result<OfficeSetup, SetupError> {
        let commune = clean_line(&self.commune);
        if commune.is_empty() {
            return Err(SetupError::NoCommune);
        }
        let mut villages: Vec<SetupVillage> = Vec::new();
        for line in self.villages.lines() {
            let mut parts = line.splitn(2, ['\t', ';']);
            let name = clean_line(parts.next().unwrap_or_default());
            let head = clean_line(parts.next().unwrap_or_default());
            if name.is_empty() {
                continue;
            }
            if villages.iter().any(|v| fold(&v.name) == fold(&name)) {
                return Err(SetupError::DuplicateVillage(name));
            }
            let known = previous
                .and_then(|p| p.villages.iter().find(|v| fold(&v.name) == fold(&name)))
                .map(|v| v.code.clone())
                .filter(|code| villages.iter().all(|v| v.code != *code));
            let code = known.unwrap_or_else(|| village_code(&name, &villages));
            villages.push(SetupVillage { code, name, head });
        }
        if villages.is_empty() {
            return Err(SetupError::NoVillages);
        }
        let mut fields = lines(&self.fields);
        fields.dedup();
        if fields.is_empty() {
            return Err(SetupError::NoFields);
        }
        let mut departments = lines(&self.departments);
        departments.dedup();
        if departments.is_empty() {
            return Err(SetupError::NoDepartments);
        }
        let theme = clean_line(&self.theme);
        if self.kind == DialogueKind::Thematic && theme.is_empty() {
            return Err(SetupError::NoTheme);
        }
        let mut participating: Vec<String> = Vec::new();
        for name in lines(&self.participants) {
            let code = villages
                .iter()
                .find(|v| fold(&v.name) == fold(&name))
                .map(|v| v.code.clone())
                .ok_or(SetupError::UnknownParticipant(name))?;
            if !participating.contains(&code) {
                participating.push(code);
            }
        }
        let dialogue = Dialogue {
            // An edit keeps the dialogue's id: files already sent still belong to it.
            id: previous.map_or_else(|| FIRST_DIALOGUE.to_string(), |p| p.dialogue.id.clone()),
            kind: self.kind,
            theme,
            target_group: clean_line(&self.target_group),
            villages: participating,
            title: clean_line(&self.title),
            plan_number: clean_line(&self.plan_number),
            meeting_from: date(&self.meeting_from)?,
            meeting_to: date(&self.meeting_to)?,
            session_date: date(&self.session_date)?,
            place: clean_line(&self.place),
            chair: clean_line(&self.chair),
            front: clean_line(&self.front),
        };
        let ordered = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        if !ordered(dialogue.meeting_from, dialogue.meeting_to)
            || !ordered(dialogue.meeting_to, dialogue.session_date)
            || !ordered(dialogue.meeting_from, dialogue.session_date)
        {
            return Err(SetupError::DatesOutOfOrder);
        }
        let setup = OfficeSetup {
            commune,
            province: clean_line(&self.province),
            dialogue,
            villages,
            fields,
            departments,
        };
        setup.check_sizes()?;
        Ok(setup)
    }
}

impl OfficeSetup {
    /// The limits the setup file's reader enforces, so an exported file always loads.
    pub fn check_sizes(&self) -> Result<(), SetupError> {
        let d = &self.dialogue;
        let texts = [
            &self.commune,
            &self.province,
            &d.title,
            &d.theme,
            &d.target_group,
            &d.plan_number,
            &d.place,
            &d.chair,
            &d.front,
        ];
        let too_long = texts.iter().any(|t| char_len(t) > MAX_LINE)
            || self
                .villages
                .iter()
                .any(|v| char_len(&v.name) > MAX_LINE || char_len(&v.head) > MAX_LINE)
            || self
                .fields
                .iter()
                .chain(&self.departments)
                .any(|f| char_len(f) > MAX_LINE);
        if too_long
            || self.villages.len() > MAX_VILLAGES
            || self.fields.len() > MAX_LIST
            || self.departments.len() > MAX_LIST
        {
            return Err(SetupError::TooLong);
        }
        Ok(())
    }

    /// Whether the village `code` takes part in the dialogue (all do, unless the dialogue
    /// names some).
    pub fn takes_part(&self, code: &str) -> bool {
        self.dialogue.villages.is_empty() || self.dialogue.villages.iter().any(|v| v == code)
    }

    /// The villages taking part in the dialogue, in the setup's order.
    pub fn participating(&self) -> impl Iterator<Item = &SetupVillage> {
        self.villages.iter().filter(|v| self.takes_part(&v.code))
    }

    /// The name of the village with this code, or the code itself when the setup no longer
    /// lists it.
    pub fn village_name(&self, code: &str) -> String {
        self.villages
            .iter()
            .find(|v| v.code == code)
            .map_or_else(|| code.to_string(), |v| v.name.clone())
    }

    /// The village a bundle names: by code first, then by name (a tablet set up by hand
    /// has no code).
    pub fn find_village(&self, code: &str, name: &str) -> Option<&SetupVillage> {
        let by_code = (!code.is_empty())
            .then(|| self.villages.iter().find(|v| v.code == code))
            .flatten();
        by_code.or_else(|| {
            let name = fold(name);
            self.villages.iter().find(|v| fold(&v.name) == name)
        })
    }

    /// Whether a bundle's commune name is this commune (case and marks aside).
    pub fn is_this_commune(&self, name: &str) -> bool {
        fold(name) == fold(&self.commune)
    }

    /// The commune setup file's text, with its checksum and, when the office has a key
    /// pair, its public key (`office_key`), for which the tablets then encrypt.
    pub fn setup_file(&self, office_key: Option<&str>) -> String {
        #[derive(Serialize)]
        struct File<'a> {
            format: &'static str,
            version: u32,
            commune: Commune<'a>,
            dialogue: DialogueRecord,
            villages: Vec<Village<'a>>,
            fields: &'a [String],
            departments: &'a [String],
            #[serde(skip_serializing_if = "Option::is_none")]
            office_key: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Commune<'a> {
            name: &'a str,
            province: &'a str,
        }
        #[derive(Serialize)]
        struct Village<'a> {
            code: &'a str,
            name: &'a str,
            head: &'a str,
        }
        let d = &self.dialogue;
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let file = File {
            format: FileKind::CommuneSetup.format_name(),
            version: FileKind::CommuneSetup.supported_version(),
            commune: Commune {
                name: &self.commune,
                province: &self.province,
            },
            dialogue: DialogueRecord {
                id: Some(d.id.clone()),
                kind: Some(d.kind.code().to_string()),
                theme: some(&d.theme),
                target_group: some(&d.target_group),
                title: d.title.clone(),
                plan_number: some(&d.plan_number),
                meeting_from: d.meeting_from,
                meeting_to: d.meeting_to,
                session_date: d.session_date,
                place: some(&d.place),
                chair: some(&d.chair),
            },
            // A dialogue of some villages is for their tablets only.
            villages: self
                .participating()
                .map(|v| Village {
                    code: &v.code,
                    name: &v.name,
                    head: &v.head,
                })
                .collect(),
            fields: &self.fields,
            departments: &self.departments,
            office_key,
        };
        let mut doc = json::encode(&file);
        let sum = checksum::of_document(&doc);
        if let serde_json::Value::Object(map) = &mut doc {
            map.insert("checksum".into(), sum.into());
        }
        json::to_pretty_text(&doc)
    }

    /// "thiet-lap_cam-quang.json"
    pub fn setup_file_name(&self) -> String {
        let slug: String = fold(&self.commune)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("thiet-lap_{}.json", slug.trim_matches('-'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::setup::parse_commune_setup;

    fn draft() -> SetupDraft {
        SetupDraft {
            commune: "Cẩm Quang".into(),
            province: "Hà Tĩnh".into(),
            title: "Đối thoại năm 2026".into(),
            plan_number: "163/KH-UBND".into(),
            meeting_from: "27/08/2026".into(),
            meeting_to: "02/09/2026".into(),
            session_date: "05/09/2026".into(),
            place: "Hội trường UBND xã".into(),
            chair: "Nguyễn Văn Bình".into(),
            villages: "Thôn 1; Nguyễn Văn Hùng\nTổ dân phố 2\tTrần Thị Lan\n\nẤp Đông".into(),
            ..SetupDraft::blank()
        }
    }

    #[test]
    fn the_exported_setup_file_loads_on_a_tablet() {
        let setup = draft().validate(None).unwrap();
        assert_eq!(setup.villages[1].code, "to-dan-pho-2");
        assert_eq!(setup.villages[1].head, "Trần Thị Lan");
        assert_eq!(setup.villages[2].code, "ap-dong");
        assert_eq!(setup.departments.len(), 7);
        let read = parse_commune_setup(&setup.setup_file(None)).unwrap();
        assert_eq!(read.commune, "Cẩm Quang");
        assert_eq!(read.villages, setup.villages);
        assert_eq!(read.fields, setup.fields);
        let dialogue = read.dialogue.unwrap();
        assert_eq!(dialogue.session_date, setup.dialogue.session_date);
        assert_eq!(setup.setup_file_name(), "thiet-lap_cam-quang.json");
    }

    #[test]
    fn bad_forms_are_refused() {
        let mut d = draft();
        d.villages = "Thôn 1\nTHÔN 1".into();
        assert_eq!(
            d.validate(None),
            Err(SetupError::DuplicateVillage("THÔN 1".into()))
        );
        let mut d = draft();
        d.session_date = "01/08/2026".into();
        assert_eq!(d.validate(None), Err(SetupError::DatesOutOfOrder));
        let mut d = draft();
        d.meeting_from = "32/13/2026".into();
        assert_eq!(d.validate(None), Err(SetupError::BadDate));
        let mut d = draft();
        d.departments = " \n".into();
        assert_eq!(d.validate(None), Err(SetupError::NoDepartments));
        let mut d = draft();
        d.commune = "  ".into();
        assert_eq!(d.validate(None), Err(SetupError::NoCommune));
    }

    #[test]
    fn lines_pasted_in_vni_are_converted_and_the_others_kept() {
        let mut d = draft();
        d.villages = "Thôn 1; Nguyễn Văn Hùng\nThoân Ñoâng; Nguyeãn Vaên Huøng".into();
        d.convert_legacy(Legacy::Vni);
        assert_eq!(
            d.villages,
            "Thôn 1; Nguyễn Văn Hùng\nThôn Đông; Nguyễn Văn Hùng"
        );
    }

    #[test]
    fn codes_stay_when_villages_are_edited() {
        let first = draft().validate(None).unwrap();
        let mut d = SetupDraft::from_setup(&first);
        d.villages = format!("Thôn Mới\n{}", d.villages);
        let second = d.validate(Some(&first)).unwrap();
        assert_eq!(second.villages[1].code, first.villages[0].code);
        assert_eq!(second.find_village("", "thon 1").unwrap().code, "thon-1");
        assert_eq!(second.find_village("ap-dong", "x").unwrap().name, "Ấp Đông");
        assert!(second.is_this_commune("CẨM QUANG"));
    }
}
