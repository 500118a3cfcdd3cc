//! The office's one list of every petition: search as you type (diacritics and word order
//! aside), filters, and sorting. Search keys are folded once per change of the register,
//! never at a keystroke.

use super::register::{Entry, OfficeStatus, Register};
use crate::domain::petition::Kind;
use crate::domain::text::fold;

/// The folded text a petition is found by: the office's text, the names, the address.
pub fn search_key(e: &Entry) -> String {
    let mut key = fold(e.content());
    for part in e.names().iter().map(String::as_str).chain([e.address()]) {
        key.push(' ');
        key.push_str(&fold(part));
    }
    key
}

/// Brings `keys` up to date after a change that touched only the entries at `touched`
/// (an import), instead of folding every text again.
pub fn update_search_keys(keys: &mut Vec<String>, r: &Register, touched: &[usize]) {
    keys.resize(r.entries().len(), String::new());
    for &i in touched {
        if let Some(e) = r.entries().get(i) {
            keys[i] = search_key(e);
        }
    }
}

/// The keys of every entry, in the register's order.
pub fn search_keys(r: &Register) -> Vec<String> {
    r.entries().iter().map(search_key).collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// By village in the setup's order, then oldest first: how the report lists them.
    #[default]
    Village,
    Newest,
    Field,
    /// Most backers first.
    Backers,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Village, Sort::Newest, Sort::Field, Sort::Backers];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Village => "thon",
            Sort::Newest => "moi-nhat",
            Sort::Field => "linh-vuc",
            Sort::Backers => "so-nguoi",
        }
    }
}

/// What the list shows. Empty texts and `None` mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub text: String,
    pub village: String,
    pub field: String,
    pub kind: Option<Kind>,
    pub status: Option<OfficeStatus>,
    pub department: String,
    pub confidential: Option<bool>,
    pub sort: Sort,
}

/// Whether the entry at `i` passes `f`, whose text is folded into `words`.
fn passes(r: &Register, keys: &[String], f: &ListFilter, words: &[String], i: usize) -> bool {
    let e = &r.entries()[i];
    (f.village.is_empty() || e.village == f.village)
        && (f.field.is_empty() || e.field() == f.field)
        && f.kind.is_none_or(|k| e.kind() == k)
        && f.confidential.is_none_or(|c| e.original.confidential == c)
        && (f.department.is_empty() || r.department_of(e) == Some(f.department.as_str()))
        && f.status.is_none_or(|s| r.status(e) == s)
        && keys
            .get(i)
            .is_some_and(|k| words.iter().all(|w| k.contains(w.as_str())))
}

fn words_of(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Whether every entry `after` lets through, `before` let through too: the same filter,
/// its text typed on (the folded text of `before` begins that of `after`, so each word of
/// `before` lies within a word of `after`).
fn narrows(before: &ListFilter, after: &ListFilter) -> bool {
    ListFilter {
        text: String::new(),
        ..before.clone()
    } == ListFilter {
        text: String::new(),
        ..after.clone()
    } && fold(&after.text).starts_with(&fold(&before.text))
}

/// What [`select`] returns for `f`, given `earlier`: the filter and the hits of the last
/// search over the same register and keys. When `f` only types on that filter's text, its
/// hits are found among the earlier ones, already in order, so a keystroke checks fewer
/// entries each time and never sorts them again; otherwise all are searched.
pub fn select_after(
    r: &Register,
    keys: &[String],
    f: &ListFilter,
    villages: &[String],
    earlier: Option<(&ListFilter, &[usize])>,
) -> Vec<usize> {
    match earlier {
        Some((before, hits)) if narrows(before, f) => {
            let words = words_of(&f.text);
            hits.iter()
                .copied()
                .filter(|&i| passes(r, keys, f, &words, i))
                .collect()
        }
        _ => select(r, keys, f, villages),
    }
}

/// The indices (into `r.entries()`) of the entries the filter lets through, sorted (ties
/// in the register's order). `villages` is the setup's order of village codes.
pub fn select(r: &Register, keys: &[String], f: &ListFilter, villages: &[String]) -> Vec<usize> {
    let words = words_of(&f.text);
    let entries = r.entries();
    let mut hits: Vec<usize> = (0..entries.len())
        .filter(|&i| passes(r, keys, f, &words, i))
        .collect();
    let rank = |code: &str| {
        villages
            .iter()
            .position(|v| v == code)
            .unwrap_or(usize::MAX)
    };
    match f.sort {
        Sort::Village => hits.sort_by_cached_key(|&i| {
            let e = &entries[i];
            (rank(&e.village), e.original.created_at)
        }),
        Sort::Newest => hits.sort_by_key(|&i| std::cmp::Reverse(entries[i].original.created_at)),
        Sort::Field => hits.sort_by(|&a, &b| {
            (entries[a].field(), entries[a].original.created_at)
                .cmp(&(entries[b].field(), entries[b].original.created_at))
        }),
        Sort::Backers => hits.sort_by_key(|&i| std::cmp::Reverse(entries[i].original.backers)),
    }
    hits
}
