//! Vietnamese text as data: normalisation on the way in and folding for search keys.
//!
//! Everything a person types or a file brings passes through [`clean`] before it is
//! stored, so stored text is always NFC. Search and matching compare [`fold`]ed keys,
//! never the stored text itself.

mod nfc;

/// NFC-normalise, drop control characters other than line breaks and tabs, unify line
/// endings, and trim the ends. Keyboards such as Unikey (and the built-in ones of macOS and
/// Windows) may produce decomposed text; after this it compares equal to precomposed text.
pub fn clean(input: &str) -> String {
    // Nearly all text is already clean: skip the copies (an import cleans every member
    // of 10,000 petitions).
    if !input
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return nfc::compose(input.trim());
    }
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    nfc::compose(kept.trim())
}

/// [`clean`] for one-line fields (names, places, addresses): inner runs of white space,
/// line breaks included, become one space.
pub fn clean_line(input: &str) -> String {
    clean(input)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The search key of a text: lower case, without tone or vowel marks, đ and its
/// look-alikes folded to d, white space collapsed. "Đất  ĐAI" and "dat dai" share a key,
/// and so do the old and new tone placements ("hòa" / "hoà", "thủy" / "thuỷ").
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut last_space = true;
    let mut parts = Vec::with_capacity(4);
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.extend(c.to_lowercase());
            last_space = false;
        }
    };
    for c in input.chars() {
        // ASCII decomposes to itself: most of a Vietnamese text takes this path.
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut out);
            continue;
        }
        parts.clear();
        nfc::decompose_into(c, &mut parts);
        for &p in &parts {
            if nfc::combining_class(p) != 0 {
                continue;
            }
            push(
                match p {
                    'đ' | 'Đ' | 'Ð' | 'Ɖ' | 'ɖ' | 'ð' => 'd',
                    other => other,
                },
                &mut out,
            );
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The number of characters (not bytes) of a text, as a person counts them.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}
#[cfg(test)]
mod tests {
    use super::*;

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
}
