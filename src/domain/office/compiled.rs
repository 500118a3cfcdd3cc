//! The compiled list (bảng tổng hợp ý kiến, kiến nghị): the petitions the office's list
//! shows, with the filters the person chose, as the paper the Fatherland Front and the
//! departments receive. It names no petitioner; a denunciation is left out (it follows
//! its own procedure and its content stays at the office) and only counted.

use super::register::Register;
use super::setup::OfficeSetup;
use crate::domain::petition::Kind;

/// One line of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledRow {
    pub number: usize,
    /// The village's name.
    pub village: String,
    pub content: String,
    pub field: String,
    pub kind: Kind,
    pub backers: u32,
    /// The department preparing the answer (the group's when it is in one), or empty.
    pub department: String,
    /// The group it was put in, or empty.
    pub group: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledList {
    pub rows: Vec<CompiledRow>,
    /// Denunciations among the shown, left out.
    pub denunciations: usize,
}

/// The list of the register's entries at `shown` (indices, in the list's order): live
/// petitions only, denunciations counted apart.
pub fn compiled(register: &Register, setup: &OfficeSetup, shown: &[usize]) -> CompiledList {
    let mut rows = Vec::new();
    let mut denunciations = 0;
    for e in shown.iter().filter_map(|&i| register.entries().get(i)) {
        if !e.is_active() {
            continue;
        }
        if e.kind() == Kind::Denunciation {
            denunciations += 1;
            continue;
        }
        rows.push(CompiledRow {
            number: rows.len() + 1,
            village: setup.village_name(&e.village),
            content: e.content().to_string(),
            field: e.field().to_string(),
            kind: e.kind(),
            backers: e.original.backers,
            department: register.department_of(e).unwrap_or_default().to_string(),
            group: register
                .group_of(e.id())
                .map(|g| g.title.clone())
                .unwrap_or_default(),
        });
    }
    CompiledList {
        rows,
        denunciations,
    }
}
