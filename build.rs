//! Generates the Unicode tables `src/domain/text/nfc.rs` needs for Latin script (every
//! Vietnamese letter lives there): full canonical decompositions, primary compositions and
//! canonical combining classes, taken from the unicode-normalization crate so they follow
//! the Unicode standard exactly. Only these few KB reach the app, not the crate's tables.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// Letters: Basic Latin to Combining Diacritical Marks, and Latin Extended Additional
/// (where the precomposed Vietnamese letters are).
const LETTERS: [(u32, u32); 2] = [(0x0000, 0x036F), (0x1E00, 0x1EFF)];
/// Blocks of combining marks.
const MARKS: [(u32, u32); 5] = [
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
];

fn chars(ranges: &[(u32, u32)]) -> impl Iterator<Item = char> + '_ {
    ranges
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter_map(char::from_u32)
}

fn covered(c: char) -> bool {
    LETTERS.iter().any(|&(a, b)| (a..=b).contains(&(c as u32)))
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut out = String::new();

    let mut decompositions = Vec::new();
    for c in chars(&LETTERS) {
        let mut parts = Vec::new();
        decompose_canonical(c, |d| parts.push(d as u32));
        if parts != [c as u32] {
            assert!(parts.len() <= 4 && parts.iter().all(|&p| p <= 0xFFFF));
            parts.resize(4, 0);
            decompositions.push((c as u32, parts));
        }
    }
    writeln!(
        out,
        "/// (character, its full canonical decomposition, 0-padded), by character."
    )
    .unwrap();
    writeln!(
        out,
        "static DECOMPOSITIONS: [(u16, [u16; 4]); {}] = [",
        decompositions.len()
    )
    .unwrap();
    for (c, p) in &decompositions {
        writeln!(
            out,
            "    ({c:#06x}, [{:#06x}, {:#06x}, {:#06x}, {:#06x}]),",
            p[0], p[1], p[2], p[3]
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();

    let marks: Vec<char> = chars(&MARKS)
        .filter(|&m| canonical_combining_class(m) != 0)
        .collect();
    let mut compositions = Vec::new();
    for a in chars(&LETTERS) {
        for &b in &marks {
            if let Some(c) = compose(a, b) {
                if covered(c) {
                    compositions.push((a as u32, b as u32, c as u32));
                }
            }
        }
    }
    compositions.sort_unstable();
    writeln!(out, "/// (first, second, composed), by (first, second).").unwrap();
    writeln!(
        out,
        "static COMPOSITIONS: [(u16, u16, u16); {}] = [",
        compositions.len()
    )
    .unwrap();
    for (a, b, c) in &compositions {
        writeln!(out, "    ({a:#06x}, {b:#06x}, {c:#06x}),").unwrap();
    }
    writeln!(out, "];").unwrap();

    let classes: Vec<(u32, u8)> = chars(&MARKS)
        .chain(chars(&LETTERS))
        .map(|c| (c as u32, canonical_combining_class(c)))
        .filter(|&(_, cc)| cc != 0)
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .collect();
    writeln!(
        out,
        "/// (mark, canonical combining class), by mark; absent means class 0."
    )
    .unwrap();
    writeln!(
        out,
        "static COMBINING_CLASSES: [(u16, u8); {}] = [",
        classes.len()
    )
    .unwrap();
    for (c, cc) in &classes {
        writeln!(out, "    ({c:#06x}, {cc}),").unwrap();
    }
    writeln!(out, "];").unwrap();

    // Characters that NFC replaces even when they stand alone (singletons, exclusions).
    let unstable: Vec<u32> = chars(&LETTERS)
        .filter(|&c| {
            let mut parts = Vec::new();
            decompose_canonical(c, |d| parts.push(d));
            let recomposed = parts
                .iter()
                .skip(1)
                .try_fold(parts[0], |acc, &m| compose(acc, m));
            recomposed != Some(c) && parts != [c]
        })
        .map(|c| c as u32)
        .collect();
    writeln!(out, "/// Characters that NFC replaces even on their own.").unwrap();
    writeln!(out, "static NFC_UNSTABLE: [u16; {}] = [", unstable.len()).unwrap();
    for c in &unstable {
        writeln!(out, "    {c:#06x},").unwrap();
    }
    writeln!(out, "];").unwrap();

    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("latin_nfc.rs");
    fs::write(dest, out).unwrap();
}
