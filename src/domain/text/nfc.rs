//! Unicode normalisation (NFC, and the decomposition that folding needs) for Latin script,
//! which holds every Vietnamese letter, from small tables generated at build time (build.rs).
//!
//! For text in Basic Latin to Latin Extended-B, the combining marks, and Latin Extended
//! Additional, the result is exactly Unicode NFC (the tests compare it with the
//! unicode-normalization crate). Characters of other scripts pass through unchanged; a
//! commune's petitions are in Vietnamese, and the full tables would cost the tablet ~70 KB.

include!(concat!(env!("OUT_DIR"), "/latin_nfc.rs"));

fn u16_of(c: char) -> Option<u16> {
    u16::try_from(u32::from(c)).ok()
}

fn to_char(u: u16) -> char {
    char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}')
}

/// Canonical combining class: 0 for letters (starters), more for marks.
pub fn combining_class(c: char) -> u8 {
    u16_of(c)
        .and_then(|u| {
            COMBINING_CLASSES
                .binary_search_by_key(&u, |&(m, _)| m)
                .ok()
                .map(|i| COMBINING_CLASSES[i].1)
        })
        .unwrap_or(0)
}

/// The full canonical decomposition of one character, appended to `out`.
pub(super) fn decompose_into(c: char, out: &mut Vec<char>) {
    let found = u16_of(c).and_then(|u| DECOMPOSITIONS.binary_search_by_key(&u, |&(k, _)| k).ok());
    match found {
        Some(i) => out.extend(
            DECOMPOSITIONS[i]
                .1
                .iter()
                .take_while(|&&p| p != 0)
                .map(|&p| to_char(p)),
        ),
        None => out.push(c),
    }
}

/// Canonical decomposition with marks in canonical order (NFD).
pub fn decompose(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_into(c, &mut out);
    }
    // Canonical ordering: within each run of marks, a stable sort by combining class.
    let mut start = 0;
    while start < out.len() {
        if combining_class(out[start]) == 0 {
            start += 1;
            continue;
        }
        let end = out[start..]
            .iter()
            .position(|&c| combining_class(c) == 0)
            .map_or(out.len(), |p| start + p);
        // Runs are a few marks long: an insertion sort, stable as the standard requires.
        for i in start + 1..end {
            let mut j = i;
            while j > start && combining_class(out[j - 1]) > combining_class(out[j]) {
                out.swap(j - 1, j);
                j -= 1;
            }
        }
        start = end;
    }
    out
}

fn compose_pair(a: char, b: char) -> Option<char> {
    let key = (u16_of(a)?, u16_of(b)?);
    COMPOSITIONS
        .binary_search_by_key(&key, |&(x, y, _)| (x, y))
        .ok()
        .map(|i| to_char(COMPOSITIONS[i].2))
}

/// Whether a text is certainly NFC already: no combining mark, and no character that NFC
/// replaces. Typed and stored Vietnamese almost always is, so the full work is skipped.
pub(super) fn is_nfc_quick(s: &str) -> bool {
    // Below U+0300 every character is quick; the bytes of such text are below 0xCC.
    if s.bytes().all(|b| b < 0xcc) {
        return true;
    }
    s.chars().all(is_quick)
}

/// Whether a character can stand in NFC text whatever surrounds it.
pub(super) fn is_quick(c: char) -> bool {
    c < '\u{0300}'
        || if ('\u{1e00}'..='\u{1eff}').contains(&c) {
            // Latin Extended Additional, where the Vietnamese letters are: looked up.
            let i = u32::from(c) - 0x1e00;
            quick_latin_additional()[(i / 64) as usize] & (1 << (i % 64)) != 0
        } else {
            is_quick_char(c)
        }
}

fn is_quick_char(c: char) -> bool {
    combining_class(c) == 0 && u16_of(c).is_none_or(|u| NFC_UNSTABLE.binary_search(&u).is_err())
}

/// [`is_quick_char`] of U+1E00..U+1EFF, one bit each, worked out once.
fn quick_latin_additional() -> &'static [u64; 4] {
    static BITS: std::sync::OnceLock<[u64; 4]> = std::sync::OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = [0u64; 4];
        for i in 0..256u32 {
            if char::from_u32(0x1e00 + i).is_some_and(is_quick_char) {
                bits[(i / 64) as usize] |= 1 << (i % 64);
            }
        }
        bits
    })
}

/// Canonical composition (NFC).
pub fn compose(s: &str) -> String {
    if is_nfc_quick(s) {
        return s.to_string();
    }
    compose_fully(s)
}

fn compose_fully(s: &str) -> String {
    let decomposed = decompose(s);
    let mut out: Vec<char> = Vec::with_capacity(decomposed.len());
    let mut starter: Option<usize> = None;
    // Class of the last character kept since the starter; None when right after it.
    let mut last_class: Option<u8> = None;
    for c in decomposed {
        let class = combining_class(c);
        if let Some(si) = starter {
            let blocked = last_class.is_some_and(|l| l == 0 || l >= class);
            if !blocked {
                if let Some(composed) = compose_pair(out[si], c) {
                    out[si] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn reference(s: &str) -> String {
        s.nfc().collect()
    }

    const VIETNAMESE: &str =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";

    #[test]
    fn every_latin_character_matches_unicode_nfc() {
        for range in [0x0000u32..=0x036F, 0x1E00..=0x1EFF] {
            for c in range.filter_map(char::from_u32) {
                let s = c.to_string();
                assert_eq!(compose(&s), reference(&s), "U+{:04X}", c as u32);
                let d: String = decompose(&s).into_iter().collect();
                assert_eq!(d, s.nfd().collect::<String>(), "NFD U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn vietnamese_letters_compose_from_any_mark_order() {
        let marks = [
            '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}',
        ];
        let bases = "aeiouyAEIOUYdD";
        for b in bases.chars() {
            for m1 in marks {
                for m2 in marks {
                    let s: String = [b, m1, m2].iter().collect();
                    assert_eq!(compose(&s), reference(&s), "{:?}", s);
                }
            }
        }
        for c in VIETNAMESE.chars().chain(VIETNAMESE.to_uppercase().chars()) {
            let nfd: String = c.to_string().nfd().collect();
            assert_eq!(compose(&nfd), c.to_string());
        }
    }

    #[test]
    fn random_latin_text_matches_unicode_nfc() {
        // A fixed pseudo-random sequence, so a failure is reproducible.
        let alphabet: Vec<char> = "aeouyAEOUYdđĐ gh\n"
            .chars()
            .chain(VIETNAMESE.chars())
            .chain([
                '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}',
                '\u{31B}', '\u{308}', '\u{327}', '\u{345}',
            ])
            .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let len = (state % 9) as usize;
            let s: String = (0..len)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            assert_eq!(compose(&s), reference(&s), "{:?}", s);
        }
    }

    #[test]
    fn the_quick_check_never_skips_text_that_nfc_would_change() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let s = c.to_string();
            if is_nfc_quick(&s) {
                assert_eq!(compose_fully(&s), s, "U+{:04X}", c as u32);
            }
        }
        assert!(is_nfc_quick("Đề nghị sửa đường liên thôn"));
        assert!(!is_nfc_quick("Đe\u{0302}\u{0300}"));
    }

    #[test]
    fn other_scripts_pass_through() {
        assert_eq!(compose("東京 Київ"), "東京 Київ");
    }
}
