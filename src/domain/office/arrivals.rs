//! Which villages have sent their petitions: the office's first question in the week
//! before the session ("who is still missing?"). Read from what the register keeps of
//! every file it took ([`Source`]), so the answer is the same after a reload, a day
//! later, or on a restored backup.

use std::collections::HashMap;

use super::register::{Register, Source};
use super::setup::OfficeSetup;

/// One village taking part in the dialogue, and what the office has received from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival<'a> {
    pub code: &'a str,
    pub name: &'a str,
    /// The latest file taken from the village (of its tablets, the one taken last);
    /// `None` while nothing came.
    pub latest: Option<&'a Source>,
    /// The newest export of the village's tablets that recorded the village meeting.
    pub meeting: Option<&'a Source>,
    /// Files taken from the village in all, every tablet and re-send counted.
    pub files: u32,
    /// Its petitions in the register, withdrawn ones left out.
    pub petitions: usize,
}

impl Arrival<'_> {
    pub fn has_sent(&self) -> bool {
        self.latest.is_some()
    }

    /// Sent more than once: a later export, or the same file taken again.
    pub fn resent(&self) -> bool {
        self.files > 1
    }
}

/// Every village taking part, in the setup's order.
pub fn arrivals<'a>(register: &'a Register, setup: &'a OfficeSetup) -> Vec<Arrival<'a>> {
    let mut petitions: HashMap<&str, usize> = HashMap::new();
    for e in register.entries().iter().filter(|e| e.is_active()) {
        *petitions.entry(e.village.as_str()).or_default() += 1;
    }
    setup
        .participating()
        .map(|v| {
            let sources = || register.sources().iter().filter(|s| s.village == v.code);
            Arrival {
                code: &v.code,
                name: &v.name,
                latest: sources().max_by_key(|s| s.imported_at),
                meeting: sources()
                    .filter(|s| s.meeting_date.is_some() || !s.meeting_place.is_empty())
                    .max_by_key(|s| s.exported_at),
                files: sources().map(|s| s.received).sum(),
                petitions: petitions.get(v.code.as_str()).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// The names of the villages that have sent nothing yet, in the setup's order.
pub fn missing<'a>(arrivals: &[Arrival<'a>]) -> Vec<&'a str> {
    arrivals
        .iter()
        .filter(|a| !a.has_sent())
        .map(|a| a.name)
        .collect()
}
