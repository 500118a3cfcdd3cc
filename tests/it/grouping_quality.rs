//! How well the suggested groups match the groups a person made by hand, on realistic
//! petitions from eight villages (tests/data/grouping-set.json): pairwise precision and
//! recall, and the share of true groups found exactly.
//!
//! The set has three parts, and the figures are printed for each
//! (`cargo test --test it grouping -- --nocapture`):
//! - tuning (p01–p90 less the next part): the thresholds were tuned on it;
//! - first held-out (5 whole groups and 7 lone petitions of p01–p90, chosen at random
//!   before tuning): looked at once, which showed two weaknesses (a pair needed one very
//!   close twin to be linked at all, and words every petition uses, "sửa chữa", "gây mất
//!   an toàn giao thông", counted fully); after the fix it was tuned on too, so its
//!   figures are no longer a clean check;
//! - fresh held-out (p91–p128): written after that, on other issues, before the final
//!   tuning, and not looked at until the algorithm was fixed: the clean check.
//!
//! The floors asserted are a little below what the algorithm achieves, so a change that
//! makes grouping worse fails here.

use std::collections::{BTreeMap, BTreeSet};

use doithoai::domain::grouping::{suggest, Candidate};
use serde::Deserialize;
use unicode_normalization::is_nfc;

#[derive(Deserialize)]
struct Set {
    petitions: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    id: String,
    village: String,
    field: String,
    text: String,
    group: Option<String>,
}

/// The first held-out part: these true groups whole, and these lone petitions.
const FIRST_HELD_OUT_GROUPS: &[&str] = &[
    "g-dien-yeu",
    "g-duong-lien-thon",
    "g-ngap-ung",
    "g-tha-rong-trau-bo",
    "g-the-bhyt-sai",
];
const FIRST_HELD_OUT_SINGLETONS: &[&str] = &["p09", "p10", "p22", "p34", "p36", "p46", "p47"];

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Tuning,
    FirstHeldOut,
    FreshHeldOut,
}

fn part(r: &Row) -> Part {
    let number: u32 = r.id[1..].parse().unwrap();
    let first = match &r.group {
        Some(g) => FIRST_HELD_OUT_GROUPS.contains(&g.as_str()),
        None => FIRST_HELD_OUT_SINGLETONS.contains(&r.id.as_str()),
    };
    if number > 90 {
        Part::FreshHeldOut
    } else if first {
        Part::FirstHeldOut
    } else {
        Part::Tuning
    }
}

fn load() -> Vec<Row> {
    serde_json::from_str::<Set>(include_str!("../data/grouping-set.json"))
        .unwrap()
        .petitions
}

#[derive(Debug)]
struct Scores {
    precision: f64,
    recall: f64,
    exact: usize,
    groups: usize,
}

/// Scores on the petitions `in_part` selects. A suggested pair counts for the part when
/// either petition is in it (a wrong pair across parts is wrong in both); true pairs never
/// cross parts, since parts hold whole groups.
fn score(rows: &[Row], groups: &[Vec<usize>], only: Option<Part>) -> Scores {
    let in_part = |r: &Row| only.is_none_or(|p| part(r) == p);
    let mut suggested = BTreeSet::new();
    for g in groups {
        for (k, &a) in g.iter().enumerate() {
            for &b in &g[k + 1..] {
                if in_part(&rows[a]) || in_part(&rows[b]) {
                    suggested.insert((a, b));
                }
            }
        }
    }
    let mut truth: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if let (Some(g), true) = (&r.group, in_part(r)) {
            truth.entry(g).or_default().push(i);
        }
    }
    let mut true_pairs = BTreeSet::new();
    for members in truth.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                true_pairs.insert((a, b));
            }
        }
    }
    let hits = suggested.intersection(&true_pairs).count() as f64;
    Scores {
        precision: if suggested.is_empty() {
            1.0
        } else {
            hits / suggested.len() as f64
        },
        recall: hits / true_pairs.len() as f64,
        exact: truth.values().filter(|m| groups.contains(m)).count(),
        groups: truth.len(),
    }
}

#[test]
fn suggested_groups_match_the_hand_made_ones() {
    let rows = load();
    let items: Vec<Candidate<'_>> = rows
        .iter()
        .map(|r| Candidate {
            text: &r.text,
            field: &r.field,
            village: &r.village,
        })
        .collect();
    let groups = suggest(&items);

    println!("suggested groups:");
    for g in &groups {
        let members: Vec<String> = g
            .iter()
            .map(|&i| {
                format!(
                    "{} ({})",
                    rows[i].id,
                    rows[i].group.as_deref().unwrap_or("-")
                )
            })
            .collect();
        println!("  {}", members.join(", "));
    }
    let parts = [
        ("tuning", Some(Part::Tuning)),
        (
            "first held-out (seen, then tuned on)",
            Some(Part::FirstHeldOut),
        ),
        ("fresh held-out", Some(Part::FreshHeldOut)),
        ("whole", None),
    ];
    let mut all = Vec::new();
    for (name, only) in parts {
        let s = score(&rows, &groups, only);
        println!(
            "{name}: precision {:.3}, recall {:.3}, exact groups {}/{} ({:.0}%)",
            s.precision,
            s.recall,
            s.exact,
            s.groups,
            100.0 * s.exact as f64 / s.groups as f64
        );
        all.push(s);
    }

    let whole = &all[3];
    assert!(whole.precision >= 0.85, "{whole:?}");
    assert!(whole.recall >= 0.70, "{whole:?}");
    assert!(whole.exact * 10 >= whole.groups * 4, "{whole:?}");
    let fresh = &all[2];
    assert!(fresh.precision >= 0.50, "{fresh:?}");
    assert!(fresh.recall >= 0.38, "{fresh:?}");
}

#[test]
fn the_set_is_what_it_claims_to_be() {
    let rows = load();
    assert!(rows.len() >= 70);
    let villages: BTreeSet<&str> = rows.iter().map(|r| r.village.as_str()).collect();
    assert!(villages.len() >= 6);
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        if let Some(g) = &r.group {
            *sizes.entry(g).or_default() += 1;
        }
    }
    assert!(sizes.values().all(|&n| (2..=7).contains(&n)), "{sizes:?}");
    assert!(rows
        .iter()
        .all(|r| is_nfc(&r.text) && is_nfc(&r.village) && is_nfc(&r.field)));
    let ids: BTreeSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), rows.len(), "ids are unique");
    let fresh = rows
        .iter()
        .filter(|r| part(r) == Part::FreshHeldOut)
        .count();
    assert!(fresh * 4 >= rows.len(), "about 30% held out: {fresh}");
}
