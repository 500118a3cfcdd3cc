//! The text functions every input passes through: `clean` (NFC, no control characters),
//! `clean_line`, `fold` (the search key), the legacy-encoding detector and converter, and
//! the spreadsheet formula guard.

use doithoai::domain::legacy::{detect, to_unicode, Legacy};
use doithoai::domain::report::csv::defuse;
use doithoai::domain::text::{
    clean, clean_line, clean_line_owned, clean_owned, fold, is_bidi_control, shown_safely, slug,
    SHOWN_MAX,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::gen::{hostile_string, vietnamese_text};
use super::{check, is_clean_text};

const CASES: u32 = 1_000;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_string(), vietnamese_text()]
}

#[test]
fn fuzz_the_owned_cleaning_and_its_one_pass_shortcut_give_what_clean_gives() {
    check("clean_owned", CASES, any_text(), |s| {
        prop_assert_eq!(clean_owned(s.clone()), clean(&s));
        prop_assert_eq!(clean_line_owned(s.clone()), clean_line(&s));
        // Cleaned text is given back as it is, by the shortcut.
        let c = clean_line(&s);
        prop_assert_eq!(clean_line_owned(c.clone()), c);
        Ok(())
    });
}

#[test]
fn fuzz_clean_makes_clean_text() {
    check("clean", CASES, any_text(), |s| {
        let c = clean(&s);
        is_clean_text(&c).map_err(TestCaseError::fail)?;
        prop_assert!(!c.contains('\r'));
        prop_assert_eq!(c.trim(), c.as_str());
        prop_assert_eq!(clean(&c), c.clone(), "clean is idempotent");
        let line = clean_line(&s);
        is_clean_text(&line).map_err(TestCaseError::fail)?;
        prop_assert!(
            !line.contains(['\n', '\t']) && !line.contains("  "),
            "{:?}",
            line
        );
        Ok(())
    });
}

#[test]
fn fuzz_echoed_text_cannot_reorder_break_or_flood_a_message() {
    check("shown_safely", CASES, any_text(), |s| {
        let shown = shown_safely(&s);
        prop_assert!(
            !shown
                .chars()
                .any(|c| c.is_control() || is_bidi_control(c) || (c.is_whitespace() && c != ' ')),
            "{:?}",
            shown
        );
        prop_assert!(shown.chars().count() <= SHOWN_MAX);
        prop_assert_eq!(shown.trim(), shown.as_str());
        prop_assert!(!shown.contains("  "), "{:?}", shown);
        // Short enough and clean already: shown as it is.
        if shown.chars().count() < SHOWN_MAX {
            prop_assert_eq!(shown_safely(&shown), shown.clone());
        }
        Ok(())
    });
}

#[test]
fn fuzz_decomposed_text_cleans_to_the_precomposed() {
    check("clean NFC", CASES, vietnamese_text(), |s| {
        let nfd: String = s.nfd().collect();
        let nfc: String = s.nfc().collect();
        prop_assert_eq!(clean(&nfd), clean(&nfc));
        Ok(())
    });
}

#[test]
fn fuzz_fold_is_a_stable_search_key() {
    check("fold", CASES, any_text(), |s| {
        let f = fold(&s);
        prop_assert_eq!(fold(&f), f.clone(), "fold is idempotent");
        prop_assert!(!f.starts_with(' ') && !f.ends_with(' ') && !f.contains("  "));
        prop_assert!(!f.chars().any(|c| c.is_ascii_uppercase()), "{:?}", f);
        let s_ascii = slug(&s);
        prop_assert!(s_ascii
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        Ok(())
    });
    check("fold marks", CASES, vietnamese_text(), |s| {
        // Decomposed, precomposed, upper or lower case: one key.
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(fold(&nfd), fold(&s));
        prop_assert_eq!(fold(&s.to_uppercase()), fold(&s.to_lowercase()));
        Ok(())
    });
}

#[test]
fn fuzz_legacy_detection_and_conversion() {
    check("legacy", CASES, any_text(), |s| {
        let found = detect(&s);
        // Text holding a letter only Unicode Vietnamese has is never legacy.
        if s.chars().any(|c| ('\u{1ea0}'..='\u{1ef9}').contains(&c)) {
            prop_assert_eq!(found, None);
        }
        for enc in [Legacy::Tcvn3, Legacy::Vni] {
            let u = to_unicode(&s, enc);
            prop_assert!(
                !u.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)
                    && !matches!(c, '\u{81}' | '\u{8d}' | '\u{8f}' | '\u{90}' | '\u{9d}')),
                "a C1 control left: {:?}",
                u
            );
            // Converted text cleans to itself once its control characters are gone.
            let c = clean(&u);
            is_clean_text(&c).map_err(TestCaseError::fail)?;
        }
        Ok(())
    });
}

#[test]
fn fuzz_formula_guard_leaves_no_formula_start() {
    check("defuse", CASES, any_text(), |s| {
        let d = defuse(&s);
        prop_assert!(!d.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", d);
        Ok(())
    });
}
