//! The petitions of every dialogue the office held, for a search across the years: "đường
//! liên thôn" raised in 2025, 2026 and 2027 shows as recurring. Each dialogue's petitions
//! are folded once when the history is made; a keystroke that only types on searches the
//! earlier hits.

use chrono::NaiveDate;

use super::list::search_key;
use super::register::Register;
use super::setup::OfficeSetup;
use crate::domain::text::fold;

/// One dialogue of the history: its title and session day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryDialogue {
    pub title: String,
    pub session_date: Option<NaiveDate>,
}

/// One petition of the history, as a hit shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRow {
    /// Index into [`History::dialogues`].
    pub dialogue: usize,
    pub village: String,
    pub field: String,
    pub content: String,
}

/// Every live petition of every dialogue, newest dialogue first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    pub dialogues: Vec<HistoryDialogue>,
    pub rows: Vec<HistoryRow>,
    keys: Vec<String>,
}

impl History {
    /// Adds a dialogue's live petitions (call newest first).
    pub fn add(&mut self, setup: &OfficeSetup, register: &Register) {
        let d = self.dialogues.len();
        self.dialogues.push(HistoryDialogue {
            title: setup.dialogue.title.clone(),
            session_date: setup.dialogue.session_date,
        });
        for e in register.entries().iter().filter(|e| e.is_active()) {
            self.keys.push(search_key(e));
            self.rows.push(HistoryRow {
                dialogue: d,
                village: setup.village_name(&e.village),
                field: e.field().to_string(),
                content: e.content().to_string(),
            });
        }
    }

    /// The rows whose folded text holds every folded word of `text`, in the history's
    /// order; none for an empty text (a search across years needs words). `earlier`: the
    /// text and hits of the last search, used when `text` only types on it.
    pub fn search(&self, text: &str, earlier: Option<(&str, &[usize])>) -> Vec<usize> {
        let folded = fold(text);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let hit = |i: &usize| words.iter().all(|w| self.keys[*i].contains(w));
        match earlier {
            Some((before, hits))
                if !fold(before).trim().is_empty() && folded.starts_with(&fold(before)) =>
            {
                hits.iter().copied().filter(hit).collect()
            }
            _ => (0..self.rows.len()).filter(hit).collect(),
        }
    }

    /// How many hits fall in each dialogue, (title, count), for "raised in 2025, 2026 and
    /// 2027".
    pub fn per_dialogue(&self, hits: &[usize]) -> Vec<(String, usize)> {
        let mut counts = vec![0; self.dialogues.len()];
        for &i in hits {
            counts[self.rows[i].dialogue] += 1;
        }
        self.dialogues
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(d, n)| (d.title.clone(), n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::office::setup::SetupDraft;

    fn setup(title: &str) -> OfficeSetup {
        SetupDraft {
            commune: "Cẩm Quang".into(),
            title: title.into(),
            villages: "Thôn 1\nThôn 2".into(),
            ..SetupDraft::blank()
        }
        .validate(None)
        .unwrap()
    }

    #[test]
    fn a_recurring_issue_is_found_in_every_dialogue_that_raised_it() {
        let rows = |list: &[&str]| -> Register {
            let entries = list
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let values = crate::domain::petition::PetitionDraft {
                        content: text.to_string(),
                        field: "Xây dựng cơ bản".into(),
                        kind_code: "kien_nghi".into(),
                        ..Default::default()
                    }
                    .validate()
                    .unwrap();
                    let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
                    crate::domain::office::register::Entry {
                        village: "thon-1".into(),
                        original: crate::domain::petition::Petition::new(
                            crate::domain::petition::PetitionId::from_random(
                                [i as u8 + list.len() as u8 * 16; 16],
                            ),
                            values,
                            at,
                        ),
                        conflict: None,
                        office: Default::default(),
                        imported_at: at,
                    }
                })
                .collect();
            Register::new(entries, Vec::new(), Vec::new())
        };
        let mut h = History::default();
        h.add(
            &setup("Đối thoại năm 2027"),
            &rows(&["Đường liên thôn lại xuống cấp"]),
        );
        h.add(
            &setup("Đối thoại năm 2026"),
            &rows(&["Sửa đường liên thôn xóm 3", "Thiếu đèn đường"]),
        );
        h.add(
            &setup("Đối thoại năm 2025"),
            &rows(&["ĐƯỜNG LIÊN THÔN hư hỏng nặng"]),
        );
        let hits = h.search("duong lien thon", None);
        assert_eq!(hits.len(), 3);
        assert_eq!(
            h.per_dialogue(&hits),
            [
                ("Đối thoại năm 2027".to_string(), 1),
                ("Đối thoại năm 2026".to_string(), 1),
                ("Đối thoại năm 2025".to_string(), 1)
            ]
        );
        assert_eq!(h.rows[hits[2]].village, "Thôn 1");
        // Typing on narrows the earlier hits, and finds what a fresh search finds.
        let narrower = h.search("duong lien thon xom", Some(("duong lien thon", &hits)));
        assert_eq!(narrower, h.search("duong lien thon xom", None));
        assert_eq!(narrower.len(), 1);
        // Erasing is a fresh search, not a narrowing.
        assert_eq!(h.search("duong", Some(("duong lien", &narrower))).len(), 4);
        assert!(h.search("  ", None).is_empty());
    }
}
