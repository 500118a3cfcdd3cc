//! The secretary's queue, made from the office's register: one question per confirmed
//! group and per live petition in no group, ordered by field in the setup's order (then
//! the most backed first). A confidential petitioner's name is never copied into it.
//! A denunciation is never a question (it has its own track,
//! [`crate::domain::office::denunciation`]), nor is a petition the office took off the
//! session; a denunciation the office chose to mention is asked in the general terms the
//! office wrote, with no village and no petition behind it.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::outcome::OutcomeDraft;
use super::{Asker, Item, Origin, Session};
use crate::domain::office::register::{Entry, Register};
use crate::domain::office::setup::OfficeSetup;
use crate::domain::petition::{Kind, PetitionId};

fn asker_of(e: &Entry) -> Asker {
    if e.original.confidential {
        return Asker::Confidential;
    }
    // No names: "many citizens" only when more than one backs it (one is not many).
    match e.names() {
        [] if e.original.backers > 1 => Asker::Many,
        [] => Asker::Anonymous,
        names => Asker::Named(names.join(", ")),
    }
}

/// Every question the register holds, in the queue's standard order.
pub fn questions(register: &Register, setup: &OfficeSetup, now: DateTime<Utc>) -> Vec<Item> {
    let mut items = Vec::new();
    for g in register.groups() {
        let (villages, backers) = register.group_reach(g, setup);
        let live: Vec<&Entry> = g
            .members
            .iter()
            .filter_map(|m| register.get(m))
            .filter(|e| e.is_active() && e.at_session())
            .collect();
        if live.is_empty() {
            continue;
        }
        items.push(Item {
            id: format!("g-{}", g.id),
            origin: Origin::Group {
                group: g.id.clone(),
            },
            petitions: live.iter().map(|e| e.id().to_string()).collect(),
            field: g.field.clone(),
            text: g.title.clone(),
            villages,
            // A group speaks for several villages: no one person asks it.
            asker: if live.iter().any(|e| e.original.confidential) {
                Asker::Confidential
            } else {
                Asker::Many
            },
            backers,
            added_at: now,
            history: Vec::new(),
            answer: None,
            carried: None,
        });
    }
    for e in register.entries() {
        if !e.is_active() || register.group_of(e.id()).is_some() {
            continue;
        }
        if !e.at_session() {
            if let Some(m) = mention(e, now) {
                items.push(m);
            }
            continue;
        }
        items.push(Item {
            id: format!("p-{}", e.id()),
            origin: Origin::Petition,
            petitions: vec![e.id().to_string()],
            field: e.field().to_string(),
            text: e.content().to_string(),
            villages: vec![setup.village_name(&e.village)],
            asker: asker_of(e),
            backers: e.original.backers,
            added_at: now,
            history: Vec::new(),
            answer: None,
            carried: None,
        });
    }
    let rank = |field: &str| {
        setup
            .fields
            .iter()
            .position(|f| f == field)
            .unwrap_or(usize::MAX)
    };
    // Stable: within a field and a backing, groups stay before single petitions.
    items.sort_by(|a, b| {
        rank(&a.field)
            .cmp(&rank(&b.field))
            .then(b.backers.cmp(&a.backers))
    });
    items
}

/// The question a denunciation the office chose to mention becomes: the office's general
/// terms only; no village, no petition (so no results file or notice names it), no asker.
fn mention(e: &Entry, now: DateTime<Utc>) -> Option<Item> {
    let terms = &e.office.track.as_ref()?.mention;
    if e.kind() != Kind::Denunciation || terms.is_empty() {
        return None;
    }
    Some(Item {
        id: format!("m-{}", e.id()),
        origin: Origin::Mention,
        petitions: Vec::new(),
        field: e.field().to_string(),
        text: terms.clone(),
        villages: Vec::new(),
        asker: Asker::Confidential,
        backers: 0,
        added_at: now,
        history: Vec::new(),
        answer: None,
        carried: None,
    })
}

/// What filling the queue did: the new items, which the caller stores, and the ids of
/// those taken off, which it removes.
#[derive(Debug, Default)]
pub struct Filled {
    pub added: Vec<Item>,
    pub withdrawn: Vec<String>,
}

/// Puts the register's questions on the queue: the first time all of them; afterwards
/// only those not on it yet, at the end (the office may have confirmed another group
/// since). A question whose petitions are all answered by questions already queued is
/// left out, so a petition is never asked twice. A question not asked yet that holds a
/// petition now off the session (reclassified a denunciation, a complaint taken off)
/// leaves the queue first, and comes back without it if anything is left of it; so does a
/// mention whose words the office changed (it comes back with the new words) or took back.
pub fn fill(
    session: &mut Session,
    queued: &[Item],
    fresh: Vec<Item>,
    register: &Register,
) -> Filled {
    let off = |p: &String| {
        PetitionId::parse(p)
            .and_then(|id| register.get(&id))
            .is_some_and(|e| e.is_active() && !e.at_session())
    };
    // A mention whose words the office changed or took back: its words as they are now.
    let mentions: HashMap<&str, &str> = fresh
        .iter()
        .filter(|i| i.origin == Origin::Mention)
        .map(|i| (i.id.as_str(), i.text.as_str()))
        .collect();
    let stale_mention = |i: &Item| {
        i.origin == Origin::Mention && mentions.get(i.id.as_str()) != Some(&i.text.as_str())
    };
    let withdrawn: Vec<String> = queued
        .iter()
        .filter(|i| {
            i.history.is_empty()
                && session.current.as_ref() != Some(&i.id)
                && (i.petitions.iter().any(off) || stale_mention(i))
        })
        .map(|i| i.id.clone())
        .collect();
    session.order.retain(|id| !withdrawn.contains(id));
    let covered: HashSet<&str> = queued
        .iter()
        .filter(|i| !withdrawn.contains(&i.id))
        .flat_map(|i| i.petitions.iter().map(String::as_str))
        .collect();
    let added: Vec<Item> = fresh
        .into_iter()
        .filter(|i| {
            let asked =
                !i.petitions.is_empty() && i.petitions.iter().all(|p| covered.contains(p.as_str()));
            !session.order.contains(&i.id) && !asked
        })
        .collect();
    session.order.extend(added.iter().map(|i| i.id.clone()));
    Filled { added, withdrawn }
}

/// What the preparation left for a question: the department and official it was
/// assigned to, and the answer they drafted. Nothing for a question from the floor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prepared {
    pub department: Option<String>,
    pub official: String,
    pub draft: String,
}

impl Prepared {
    /// Read from the register as it is now, so a draft written while the session runs
    /// still reaches the secretary.
    pub fn of(register: &Register, item: &Item) -> Self {
        match &item.origin {
            Origin::Group { group } => register
                .groups()
                .iter()
                .find(|g| &g.id == group)
                .map(|g| Prepared {
                    department: g.department.clone(),
                    official: g.official.clone(),
                    draft: g.draft.clone(),
                })
                .unwrap_or_default(),
            Origin::Petition => item
                .petitions
                .first()
                .and_then(|p| PetitionId::parse(p))
                .and_then(|p| register.get(&p))
                .map(|e| Prepared {
                    department: e.office.department.clone(),
                    official: e.office.official.clone(),
                    draft: e.office.draft.clone(),
                })
                .unwrap_or_default(),
            Origin::Floor { .. } | Origin::Mention => Prepared::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.department.is_none() && self.official.is_empty() && self.draft.is_empty()
    }

    /// The outcome form of a question not yet answered starts from the preparation: the
    /// draft as the answer's text, the department and official for an answer later.
    pub fn fill(&self, form: &mut OutcomeDraft) {
        if form.summary.is_empty() {
            form.summary.clone_from(&self.draft);
        }
        if let Some(d) = &self.department {
            form.department.clone_from(d);
        }
        form.official.clone_from(&self.official);
    }
}
