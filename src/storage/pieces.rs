//! How the office's IndexedDB holds an entry longer than 60 KiB: in pieces, the first
//! under the entry's own key, the next ones under piece keys (`<key>\u{1}0001`, `…0002`).
//!
//! Why: Chromium moves any value over 64 KiB out of its database into a file of its own
//! (a "wrapped" value), which is slower to store. In a page of its own, committing the
//! 680 KB chunk of 1,000 petitions took about 8 ms as one value and 4.5 ms as twelve
//! pieces of 60 KiB; the office's import of 10 villages took 124 ms with one value per
//! chunk and 104 ms with pieces (docs/PERF.md, figure 4). Smaller pieces were slower
//! again: every `put` has its own cost.
//!
//! An entry of one piece is stored exactly as before pieces existed, so the stores of
//! earlier releases read as they are. This module knows nothing of the browser.

use std::collections::BTreeMap;

/// The largest piece, in bytes: under Chromium's 64 KiB, with room for the few bytes the
/// browser adds around a stored byte array.
pub const PIECE: usize = 60 * 1024;

/// Follows an entry's key in its pieces' keys. No key of the app holds a control character,
/// and this one sorts before every other character, so an entry's pieces come right after
/// it in the database's order.
const MARK: char = '\u{1}';

/// The pieces of a value, each with the key it is stored under. An empty value is one
/// empty piece.
pub fn split<'a>(key: &'a str, value: &'a [u8]) -> impl Iterator<Item = (String, &'a [u8])> {
    let first = value.get(..PIECE).unwrap_or(value);
    let rest = value.get(PIECE..).unwrap_or_default();
    std::iter::once((key.to_string(), first)).chain(
        rest.chunks(PIECE)
            .enumerate()
            // Four digits, so that the database's order of keys is the pieces' order.
            .map(move |(i, part)| (format!("{key}{MARK}{:04}", i + 1), part)),
    )
}

/// The bounds of the keys of every piece of `key` but the first: from the lower, included,
/// to the upper, excluded. A write deletes them all before it writes the new pieces, so a
/// value that shrank leaves none of its old pieces behind.
pub fn piece_range(key: &str) -> (String, String) {
    (format!("{key}{MARK}"), format!("{key}\u{2}"))
}

/// A stored key read back: the entry it belongs to and which piece it is (0: the entry's
/// own key). `None` for a key that only looks like a piece's.
fn parse(stored: &str) -> Option<(&str, usize)> {
    let Some((key, n)) = stored.rsplit_once(MARK) else {
        return Some((stored, 0));
    };
    let written = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    match n.parse::<usize>() {
        Ok(n) if written && n > 0 => Some((key, n)),
        _ => None,
    }
}

/// Every entry's value put together again from what the database holds, keys in any
/// order. A piece without its entry (only a damaged database has one) is left out; an
/// entry missing a piece gets the pieces it has, in order, and its reader then finds it
/// broken and sets it aside whole, where it can still be rescued.
pub fn join(stored: impl IntoIterator<Item = (String, Vec<u8>)>) -> BTreeMap<String, Vec<u8>> {
    let mut firsts = BTreeMap::new();
    let mut rest: BTreeMap<(String, usize), Vec<u8>> = BTreeMap::new();
    for (key, value) in stored {
        match parse(&key) {
            Some((_, 0)) => {
                firsts.insert(key, value);
            }
            Some((entry, n)) => {
                rest.insert((entry.to_string(), n), value);
            }
            None => {}
        }
    }
    for ((entry, _), part) in rest {
        if let Some(value) = firsts.get_mut(&entry) {
            value.extend_from_slice(&part);
        }
    }
    firsts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(key: &str, value: &[u8]) -> Vec<(String, Vec<u8>)> {
        split(key, value).map(|(k, p)| (k, p.to_vec())).collect()
    }

    #[test]
    fn a_short_value_is_one_entry_under_its_own_key() {
        assert_eq!(
            stored("dt1:o:setup", b"{}"),
            [("dt1:o:setup".to_string(), b"{}".to_vec())]
        );
        assert_eq!(stored("k", b""), [("k".to_string(), Vec::new())]);
        let exact = vec![b'a'; PIECE];
        assert_eq!(stored("k", &exact).len(), 1);
    }

    #[test]
    fn a_long_value_is_cut_into_pieces_under_64_kib_and_joined_back() {
        // Vietnamese text, so pieces end in the middle of a character's bytes.
        // As long as a village's chunk of 1,000 petitions: more than nine pieces.
        let text = "Đề nghị sửa chữa đường liên thôn đã xuống cấp. ".repeat(12_000);
        let pieces = stored("dt1:o:v:thon-1", text.as_bytes());
        assert_eq!(pieces.len(), text.len().div_ceil(PIECE));
        assert!(pieces.len() > 10);
        assert!(pieces
            .iter()
            .all(|(_, p)| p.len() <= PIECE && p.len() < 64 * 1024));
        assert_eq!(pieces[1].0, "dt1:o:v:thon-1\u{1}0001");
        let mut all = pieces;
        // Keys come back in the database's order, or any other.
        all.reverse();
        all.extend(stored("dt1:o:v:thon-10", b"[10]"));
        all.extend(stored("dt1:o:v:thon-2", b"[2]"));
        let joined = join(all);
        assert_eq!(joined.len(), 3);
        assert_eq!(joined["dt1:o:v:thon-1"], text.as_bytes());
        assert_eq!(joined["dt1:o:v:thon-10"], b"[10]");
    }

    #[test]
    fn pieces_sort_right_after_their_entry_and_inside_its_range() {
        let text = vec![b'x'; 3 * PIECE];
        let (low, high) = piece_range("dt1:o:v:thon-1");
        let mut keys: Vec<String> = split("dt1:o:v:thon-1", &text).map(|(k, _)| k).collect();
        for k in &keys[1..] {
            assert!(low.as_str() <= k.as_str() && k.as_str() < high.as_str());
        }
        assert!("dt1:o:v:thon-1" < low.as_str());
        assert!("dt1:o:v:thon-10" >= high.as_str());
        keys.push("dt1:o:v:thon-10".into());
        keys.push("dt1:o:v:thon-1".into());
        keys.sort();
        assert_eq!(keys[0], "dt1:o:v:thon-1");
        assert_eq!(keys.last().unwrap(), "dt1:o:v:thon-10");
    }

    #[test]
    fn damaged_pieces_lose_nothing_that_can_be_read() {
        let text = vec![b'y'; 3 * PIECE];
        let mut all = stored("a", &text);
        // Piece 1 lost: the entry keeps the pieces it has, in order.
        all.remove(1);
        // A piece without its entry, and a key that only looks like a piece's.
        all.push(("gone\u{1}1".into(), b"zz".to_vec()));
        all.push(("odd\u{1}x".into(), b"?".to_vec()));
        all.push(("odd\u{1}0000".into(), b"?".to_vec()));
        all.push(("odd\u{1}+1".into(), b"?".to_vec()));
        let joined = join(all);
        assert_eq!(joined.keys().collect::<Vec<_>>(), ["a"]);
        assert_eq!(joined["a"].len(), 2 * PIECE);
    }
}
