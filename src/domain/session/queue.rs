//! The secretary's queue, made from the office's register: one question per confirmed
//! group and per live petition in no group, ordered by field in the setup's order (then
//! the most backed first). A confidential petitioner's name is never copied into it.

use chrono::{DateTime, Utc};

use super::{Asker, Item, Origin, Session};
use crate::domain::office::register::{Entry, Register};
use crate::domain::office::setup::OfficeSetup;

fn asker_of(e: &Entry) -> Asker {
    if e.original.confidential {
        return Asker::Confidential;
    }
    match e.names() {
        [] => Asker::Many,
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
            .filter(|e| e.is_active())
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

/// Puts the register's questions on the queue: the first time all of them; afterwards
/// only those not on it yet, at the end (the office may have confirmed another group
/// since). A question whose petitions are all answered by questions already queued is
/// left out, so a petition is never asked twice. Returns the new items, which the caller
/// stores.
pub fn fill(session: &mut Session, queued: &[Item], fresh: Vec<Item>) -> Vec<Item> {
    let covered: std::collections::HashSet<&str> = queued
        .iter()
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
    added
}
