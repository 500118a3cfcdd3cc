//! Vietnamese text as data: normalisation on the way in and folding for search keys.
//!
//! Everything a person types or a file brings passes through [`clean`] before it is
//! stored, so stored text is always NFC. Search and matching compare [`fold`]ed keys,
//! never the stored text itself.

mod decode;
mod nfc;

pub use decode::decode_file;

/// NFC-normalise, drop control characters other than line breaks and tabs and the
/// invisible characters of [`is_invisible`], make Unicode's line and paragraph separators
/// line breaks, unify line endings, and trim the ends. Keyboards such as Unikey (and the
/// built-in ones of macOS and Windows) may produce decomposed text; after this it compares
/// equal to precomposed text. An invisible character left in would reach the projector
/// and every printed document, where a direction override visibly reverses what follows.
pub fn clean(input: &str) -> String {
    // Nearly all text is already clean: skip the copies (an import cleans every member
    // of 10,000 petitions).
    if !needs_scrub(input) {
        return nfc::compose(input.trim());
    }
    clean_fully(input)
}

/// [`clean`] of a text the caller owns: when it is clean already (nearly always), the
/// same allocation comes back, without a copy.
pub fn clean_owned(input: String) -> String {
    if is_clean(&input, false) {
        return input;
    }
    if needs_scrub(&input) {
        return clean_fully(&input);
    }
    nfc::compose(input.trim())
}

/// Whether [`clean`] drops anything from the text but white space at its ends: a control
/// character, an invisible one, a line or paragraph separator. Asked of what a person
/// typed, to tell them.
pub fn needs_scrub(input: &str) -> bool {
    // A byte scan rules out nearly every text: the characters dropped are U+0000..U+001F,
    // U+007F..U+00AD, U+061C, U+115F..U+1160 and U+180E, U+2000..U+206F, U+3164, U+FExx
    // and U+FFxx, U+E0000.., whose UTF-8 starts with one of these bytes (E1 not followed
    // by B8..BB, where Vietnamese's letters are).
    let bytes = input.as_bytes();
    let candidate = bytes.iter().enumerate().any(|(i, &b)| match b {
        0x00..=0x1f | 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xe3 | 0xef | 0xf3 => true,
        0xe1 => !bytes.get(i + 1).is_some_and(|n| (0xb8..=0xbb).contains(n)),
        _ => false,
    });
    candidate && input.chars().any(dropped)
}

/// Whether [`clean`] removes the character (a line or paragraph separator becomes a line
/// break).
fn dropped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible(c) || is_separator(c)
}

fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

fn clean_fully(input: &str) -> String {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter_map(|c| match c {
            c if is_separator(c) => Some('\n'),
            c if dropped(c) => None,
            c => Some(c),
        })
        .collect();
    nfc::compose(kept.trim())
}

/// Characters that show nothing yet change the text: the direction controls
/// ([`is_bidi_control`]), zero-width spaces and joiners, the word joiner and invisible
/// operators, the byte-order mark, the soft hyphen, the Mongolian vowel separator, the
/// deprecated format characters, interlinear annotation marks, Hangul fillers and tag
/// characters. Vietnamese needs none of them; pasted from the web or a chat, they hide
/// text from search or reorder it on screen.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{ad}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206a}'..='\u{206f}'
                | '\u{3164}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// [`clean`] for one-line fields (names, places, addresses): inner runs of white space,
/// line breaks included, become one space.
pub fn clean_line(input: &str) -> String {
    single_spaced(clean(input))
}

/// [`clean_line`] of a text the caller owns (no copy when it is clean already).
pub fn clean_line_owned(input: String) -> String {
    if is_clean(&input, true) {
        return input;
    }
    single_spaced(clean_owned(input))
}

/// Whether [`clean_owned`] (or, for a `line`, [`clean_line_owned`]) would give the text
/// back as it is, found in one pass over it rather than one per rule: no control
/// character but line breaks and tabs (none at all in a line), nothing to trim, NFC
/// already, and in a line no white space but single spaces. An import asks this of every
/// text of every petition. `false` may be said of a clean text; the full way then finds
/// the same text again.
fn is_clean(s: &str, line: bool) -> bool {
    let mut ends = s.chars();
    let (first, last) = (ends.next(), ends.next_back());
    if first.is_some_and(char::is_whitespace) || last.is_some_and(char::is_whitespace) {
        return false;
    }
    let bytes = s.as_bytes();
    let mut after_space = false;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while they are plain; else one character.
        if let Some(space_last) = plain_block(bytes, i, line, after_space) {
            after_space = space_last;
            i += 8;
            continue;
        }
        // A block may end inside a character: back to its first byte.
        while i > 0 && !s.is_char_boundary(i) {
            i -= 1;
        }
        let c = s[i..].chars().next().unwrap_or_default();
        if !char_is_clean(c, line, after_space) {
            return false;
        }
        after_space = c == ' ';
        i += c.len_utf8();
    }
    true
}

/// The rule of [`is_clean`] for one character, after a space or not.
fn char_is_clean(c: char, line: bool, after_space: bool) -> bool {
    if c == ' ' {
        !(line && after_space)
    } else if c.is_ascii() {
        !c.is_ascii_control() || (!line && (c == '\n' || c == '\t'))
    } else {
        !(c.is_control() || is_invisible(c) || is_separator(c) || line && c.is_whitespace())
            && nfc::is_quick(c)
    }
}

/// Whether the eight bytes from `at` need no closer look, and then whether the last is a
/// space: each printable ASCII (a space too, but in a `line` not after another), or part
/// of a letter of U+00C0..U+02FF (first bytes C3..CB) or of U+1E00..U+1EFF (E1 then
/// B8..BB), where Vietnamese's letters are, none a control, white space or combining.
/// Vietnamese text is nearly all such bytes; looked at one character at a time, they took
/// a tenth of a village's import (docs/PERF.md, figure 4).
fn plain_block(bytes: &[u8], at: usize, line: bool, after_space: bool) -> Option<bool> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let x = u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?);
    let low = x & !HIGH;
    // The high bit of each byte whose low seven bits are at least `n` (exact: no borrow
    // crosses a byte, each being at least 0x80 before the subtraction).
    let at_least = |n: u8| (low | HIGH).wrapping_sub(ONES * u64::from(n)) & HIGH;
    let within = |a: u8, b: u8| at_least(a) & !at_least(b + 1);
    let high = x & HIGH;
    let space = !high & within(0x20, 0x20);
    let ascii = !high & within(0x20, 0x7e);
    let e1 = high & within(0x61, 0x61);
    let letters = high & (within(0x00, 0x3f) | within(0x43, 0x4b)) | e1;
    if ascii | letters != HIGH {
        return None;
    }
    // Each E1 followed by B8..BB: the byte after the last may be the next block's.
    let follows = high & within(0x38, 0x3b);
    let next_follows = bytes.get(at + 8).is_some_and(|b| (0xb8..=0xbb).contains(b));
    let follows = follows >> 8 | if next_follows { HIGH << 56 } else { 0 };
    if e1 & !follows != 0 {
        return None;
    }
    let first_space = space & 0x80 != 0;
    if line && (space & space << 8 != 0 || after_space && first_space) {
        return None;
    }
    Some(space >> 56 != 0)
}

/// Inner runs of white space as one space; the text comes trimmed from [`clean`].
fn single_spaced(cleaned: String) -> String {
    let mut prev_space = false;
    let already = cleaned.chars().all(|c| {
        let ok = if c == ' ' {
            !prev_space
        } else {
            !c.is_whitespace()
        };
        prev_space = c == ' ';
        ok
    });
    if already {
        return cleaned;
    }
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The search key of a text: lower case, without tone or vowel marks, đ and its
/// look-alikes folded to d, white space collapsed. "Đất  ĐAI" and "dat dai" share a key,
/// and so do the old and new tone placements ("hòa" / "hoà", "thủy" / "thuỷ").
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut last_space = true;
    let mut parts = Vec::new();
    for c in input.chars() {
        // ASCII decomposes to itself: most of a Vietnamese text takes this path.
        if c.is_ascii() {
            if c.is_whitespace() {
                if !last_space {
                    out.push(' ');
                    last_space = true;
                }
            } else {
                out.push(c.to_ascii_lowercase());
                last_space = false;
            }
            continue;
        }
        // Every Vietnamese letter folds to one letter: looked up, not decomposed.
        match fold_table::lookup(c) {
            fold_table::Folded::One(f) => {
                out.push(f);
                last_space = false;
            }
            fold_table::Folded::Nothing => {}
            fold_table::Folded::Slow => fold_char(c, &mut parts, &mut out, &mut last_space),
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// How [`fold`] treats one character, in full: its canonical decomposition without the
/// marks, each letter lower-cased, white space collapsed.
fn fold_char(c: char, parts: &mut Vec<char>, out: &mut String, last_space: &mut bool) {
    parts.clear();
    nfc::decompose_into(c, parts);
    for &p in parts.iter() {
        if nfc::combining_class(p) != 0 {
            continue;
        }
        let p = match p {
            'đ' | 'Đ' | 'Ð' | 'Ɖ' | 'ɖ' | 'ð' => 'd',
            other => other,
        };
        if p.is_whitespace() {
            if !*last_space {
                out.push(' ');
                *last_space = true;
            }
        } else {
            out.extend(p.to_lowercase());
            *last_space = false;
        }
    }
}

/// What [`fold_char`] makes of each character of Latin-1 to Latin Extended-B, the
/// combining marks and Latin Extended Additional (where the Vietnamese letters are),
/// worked out once.
mod fold_table {
    use std::sync::OnceLock;

    pub(super) enum Folded {
        /// Exactly one letter, not white space.
        One(char),
        /// Nothing at all (a lone combining mark).
        Nothing,
        /// Anything else: white space, or several characters.
        Slow,
    }

    const SLOW: u32 = u32::MAX;
    const NOTHING: u32 = u32::MAX - 1;
    const RANGES: [(u32, u32); 2] = [(0x80, 0x370), (0x1E00, 0x1F00)];

    fn table() -> &'static [u32] {
        static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = Vec::new();
            let mut parts = Vec::new();
            for &(a, b) in &RANGES {
                for u in a..b {
                    let Some(c) = char::from_u32(u) else {
                        t.push(SLOW);
                        continue;
                    };
                    let mut out = String::new();
                    let mut last_space = false;
                    super::fold_char(c, &mut parts, &mut out, &mut last_space);
                    let mut chars = out.chars();
                    t.push(match (chars.next(), chars.next()) {
                        _ if last_space => SLOW,
                        (None, _) => NOTHING,
                        (Some(f), None) if !f.is_whitespace() => u32::from(f),
                        _ => SLOW,
                    });
                }
            }
            t
        })
    }

    pub(super) fn lookup(c: char) -> Folded {
        let u = u32::from(c);
        let mut base = 0;
        for &(a, b) in &RANGES {
            if (a..b).contains(&u) {
                return match table()[(base + u - a) as usize] {
                    SLOW => Folded::Slow,
                    NOTHING => Folded::Nothing,
                    f => char::from_u32(f).map_or(Folded::Slow, Folded::One),
                };
            }
            base += b - a;
        }
        Folded::Slow
    }
}

/// An ASCII name for files and codes: "Tổ dân phố 2" → "to-dan-pho-2". Zalo and old USB
/// sticks mangle other names.
pub fn slug(input: &str) -> String {
    let mut out = String::new();
    for c in fold(input).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The longest text from outside the app a message echoes, in characters.
pub const SHOWN_MAX: usize = 80;

/// A text from a file or a field, made safe to echo inside a message ("Tệp này dành cho
/// {village}, …"): Unicode's bidirectional controls dropped (U+202A–U+202E, U+2066–U+2069,
/// U+200E, U+200F, U+061C), which would otherwise reverse or reorder the rest of the
/// message on screen; control characters and line or paragraph separators made one space,
/// so a name cannot break the message into lines; and at most [`SHOWN_MAX`] characters,
/// the last an ellipsis when cut, so a name cannot flood it. For showing only: what is
/// stored keeps its text.
pub fn shown_safely(input: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut space = false;
    for c in input.chars() {
        if is_bidi_control(c) {
            continue;
        }
        if c.is_control() || c.is_whitespace() {
            space = count > 0;
            continue;
        }
        if space {
            out.push(' ');
            count += 1;
            space = false;
        }
        out.push(c);
        count += 1;
        if count > SHOWN_MAX {
            let mut cut: String = out.chars().take(SHOWN_MAX - 1).collect();
            cut.truncate(cut.trim_end().len());
            cut.push('…');
            return cut;
        }
    }
    out
}

/// The characters that set or change the direction of the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    )
}

/// How long a text a person types or a file brings may be, in characters. Each rule
/// that refuses a long text takes its limit from here, and each box on screen stops
/// there as the person types or pastes, so no box takes what its rule would refuse.
pub mod limit {
    /// A name: a person's, a village's, a commune's, a field's.
    pub const NAME: usize = 200;
    /// One line: a place, an address, a title, a department.
    pub const LINE: usize = 300;
    /// A paragraph: an answer given at the session, a reason, a statement.
    pub const TEXT: usize = 5_000;
    /// A long text: a petition's content, a final answer, a section of the report, a list
    /// typed one item per line (villages, departments, delegates: some 250 lines). Laid
    /// out on one line, 10,000 characters take about 60 ms a keystroke on a slow tablet
    /// (4x CPU throttling); 20,000 took up to 104 (docs/RELIABILITY.md, issue 22).
    pub const LONG: usize = 10_000;
}

/// A count as Vietnamese documents write it, thousands grouped with dots: "12.345".
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The number of characters (not bytes) of a text, as a person counts them.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands_with_dots() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1_000), "1.000");
        assert_eq!(number(12_345_678), "12.345.678");
        assert_eq!(number(-4_500), "-4.500");
    }

    /// [`is_clean`] one character at a time, as it was written first: the reference for
    /// its blocks of eight bytes.
    fn is_clean_by_chars(s: &str, line: bool) -> bool {
        let mut ends = s.chars();
        let (first, last) = (ends.next(), ends.next_back());
        if first.is_some_and(char::is_whitespace) || last.is_some_and(char::is_whitespace) {
            return false;
        }
        let mut after_space = false;
        s.chars().all(|c| {
            let ok = char_is_clean(c, line, after_space);
            after_space = c == ' ';
            ok
        })
    }

    #[test]
    fn eight_bytes_at_a_time_says_what_one_character_at_a_time_says() {
        let base = "Đề nghị sửa chữa đường liên thôn, xóm Bàu; ruộng ngập “sâu” – gấp!";
        // Whatever stands at each place of an eight-byte block, before and after a
        // letter of two marks (E1 ..) and a space, in a line or not.
        let odd = [
            "  ",
            " ",
            "\n",
            "\t",
            "\u{7f}",
            "\u{85}",
            "\u{a0}",
            "\u{300}",
            "e\u{301}",
            "\u{1e00}",
            "\u{1ef9}",
            "\u{1f71}",
            "\u{1100}",
            "\u{2028}",
            "\u{202e}",
            "ế",
            "ư",
            "Ð",
            "\u{2c0}",
            "\u{2ff}",
            "\u{340}",
            "~",
            "\u{1}",
            "\u{10ffff}",
            "\u{fffd}",
            "Ả",
            // Combining marks whose first byte is E1, as the letters' is.
            "a\u{1dc4}",
            "a\u{1ab0}",
        ];
        for cut in 0..base.len() {
            if !base.is_char_boundary(cut) {
                continue;
            }
            for o in odd {
                let s = format!("{}{o}{}", &base[..cut], &base[cut..]);
                for text in [s.as_str(), s.trim_end_matches('!')] {
                    for line in [false, true] {
                        assert_eq!(
                            is_clean(text, line),
                            is_clean_by_chars(text, line),
                            "{text:?} line {line}"
                        );
                    }
                }
            }
        }
        assert!(is_clean(base, true));
        assert!(is_clean(&base.repeat(20), false));
    }

    #[test]
    fn echoed_text_cannot_reorder_break_or_flood_a_message() {
        // A right-to-left override would show the rest of the message backwards.
        assert_eq!(shown_safely("Thôn \u{202e}1 nôhT"), "Thôn 1 nôhT");
        let every_bidi = "a\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}b";
        assert_eq!(shown_safely(every_bidi), "ab");
        // Controls, line breaks, tabs and Unicode's separators are one space, trimmed.
        assert_eq!(
            shown_safely("\n tệp\r\n\u{0}của\t\u{85}thôn\u{2028}\u{2029}1 \u{7f}"),
            "tệp của thôn 1"
        );
        // Long: 80 characters, the last an ellipsis.
        let long = "Thôn ".repeat(40);
        let shown = shown_safely(&long);
        assert_eq!(shown.chars().count(), SHOWN_MAX);
        assert!(shown.ends_with("Thôn…"), "{shown}");
        let exact = "đ".repeat(SHOWN_MAX);
        assert_eq!(shown_safely(&exact), exact);
        let over = "đ".repeat(SHOWN_MAX + 1);
        assert_eq!(shown_safely(&over), "đ".repeat(SHOWN_MAX - 1) + "…");
        // Markup is left as text: the view escapes it.
        assert_eq!(shown_safely("<img src=x>"), "<img src=x>");
        assert_eq!(shown_safely(""), "");
    }

    #[test]
    fn decomposed_input_becomes_precomposed() {
        let decomposed = "Đa\u{0300}o đa\u{0302}\u{0301}t"; // "Đào đất" typed as base + marks
        assert_eq!(clean(decomposed), "Đào đất");
        assert_eq!(clean(decomposed).chars().count(), 7);
    }

    #[test]
    fn clean_drops_control_characters_but_keeps_line_breaks() {
        assert_eq!(clean("  a\u{0007}b\r\nc\u{0000}  "), "ab\nc");
        assert_eq!(clean_line(" Nguyễn \n  Văn\tA "), "Nguyễn Văn A");
    }

    #[test]
    fn clean_drops_invisible_and_direction_characters_and_says_so() {
        // An override pasted before a text reverses it on the projector and in print.
        let pasted = "\u{202e}Đường\u{200b} bị\u{2066} ngập\u{feff}\u{ad}\u{e0041}";
        assert!(needs_scrub(pasted));
        assert_eq!(clean(pasted), "Đường bị ngập");
        assert_eq!(clean_owned(pasted.to_string()), "Đường bị ngập");
        assert_eq!(clean("dòng một\u{2028}dòng hai"), "dòng một\ndòng hai");
        assert_eq!(clean_line("dòng một\u{2029}dòng hai"), "dòng một dòng hai");
        // Vietnamese letters, quotes, dashes and ellipses are kept and not flagged.
        let plain = "Đề nghị “sửa” đường – cầu… ỷ ạ Ữ";
        assert!(!needs_scrub(plain));
        assert_eq!(clean(plain), plain);
    }

    #[test]
    fn fold_removes_marks_and_d_stroke_in_all_forms() {
        assert_eq!(fold("Đất đai"), "dat dai");
        assert_eq!(fold("ÐẤT ƉAI"), "dat dai");
        assert_eq!(fold("Xây dựng   cơ bản"), "xay dung co ban");
        assert_eq!(fold("Đa\u{0300}o"), "dao");
    }

    #[test]
    fn fold_treats_old_and_new_tone_placement_alike() {
        assert_eq!(fold("hòa"), fold("hoà"));
        assert_eq!(fold("thủy"), fold("thuỷ"));
        assert_eq!(fold("Khánh Hòa"), "khanh hoa");
    }

    /// [`fold`] as it was written before the lookup table: the reference.
    fn fold_reference(input: &str) -> String {
        let mut out = String::new();
        let mut last_space = true;
        let mut parts = Vec::new();
        for c in input.chars() {
            fold_char(c, &mut parts, &mut out, &mut last_space);
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }

    #[test]
    fn fold_by_table_equals_fold_by_decomposition() {
        let mut all: Vec<char> = (0u32..0x3100).filter_map(char::from_u32).collect();
        all.extend(['\u{feff}', '\u{fe20}', 'Ａ', '東']);
        for &c in &all {
            for s in [
                c.to_string(),
                format!("a{c}"),
                format!(" {c} b"),
                format!("{c}{c} "),
            ] {
                assert_eq!(fold(&s), fold_reference(&s), "U+{:04X}", c as u32);
            }
        }
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let s: String = (0..(state % 12))
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    all[(state >> 33) as usize % all.len()]
                })
                .collect();
            assert_eq!(fold(&s), fold_reference(&s), "{s:?}");
        }
    }

    #[test]
    fn owned_cleaning_equals_cleaning() {
        let samples = [
            "",
            "  ",
            "Đất đai",
            " Đất  đai ",
            "Đa\u{0300}o\r\nđất\u{0007}",
            "a\u{85}b\u{a0}c",
            "Nguyễn\u{a0}Văn\tA",
            "x\u{2028}y",
            "Thôn\u{1ebf}\u{301}",
        ];
        for s in samples {
            assert_eq!(clean_owned(s.to_string()), clean(s), "{s:?}");
            assert_eq!(clean_line_owned(s.to_string()), clean_line(s), "{s:?}");
            // The reference of clean_line: clean, then split on white space.
            let reference = clean(s).split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(clean_line(s), reference, "{s:?}");
        }
    }
}
