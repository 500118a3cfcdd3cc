//! How strong a passphrase a person chose is, said in words before a file is locked with
//! it (a full backup, the office's key file). A backup holds every petition and a
//! denouncer's name in clear once opened, and its passphrase can be tried offline at
//! leisure by whoever has the file: a short or guessable one is refused, a weak one is
//! said to be weak.
//!
//! The estimate is deliberately simple and errs low: the characters' variety times the
//! length, less for repeats and for what people commonly choose (all digits, as a phone
//! number or a date is; one word repeated). Nothing here knows of the browser or the
//! encryption.

/// Fewer characters than this are refused outright.
pub const MIN_CHARS: usize = 10;

/// What the person is told of the passphrase they typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Shorter than [`MIN_CHARS`]: refused.
    TooShort,
    /// Accepted, with a warning: guessable by a determined person with the file.
    Weak,
    Fair,
    Strong,
}

impl Strength {
    /// Whether a file may be locked with it.
    pub fn accepted(self) -> bool {
        self != Strength::TooShort
    }
}

/// The estimated strength of a passphrase.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.len() < MIN_CHARS {
        return Strength::TooShort;
    }
    let bits = estimated_bits(&chars);
    if bits >= 72.0 {
        Strength::Strong
    } else if bits >= 50.0 {
        Strength::Fair
    } else {
        Strength::Weak
    }
}

/// Bits of guessing work, roughly: log2 of the alphabet the passphrase draws on, per
/// distinct-enough character.
fn estimated_bits(chars: &[char]) -> f64 {
    let has = |f: fn(&char) -> bool| chars.iter().any(f);
    let mut pool: f64 = 0.0;
    if has(|c| c.is_ascii_lowercase()) {
        pool += 26.0;
    }
    if has(|c| c.is_ascii_uppercase()) {
        pool += 26.0;
    }
    if has(char::is_ascii_digit) {
        pool += 10.0;
    }
    if has(|c| c.is_ascii_punctuation() || *c == ' ') {
        pool += 33.0;
    }
    // Vietnamese letters with marks: many more symbols than ASCII, but a person picks
    // among the common ones.
    if has(|c| !c.is_ascii()) {
        pool += 40.0;
    }
    // Each character counts as much as it is new: "aaaaaaaaaaaa" or "abcabcabcabc" is
    // worth a few characters, not twelve.
    let mut seen = std::collections::HashSet::new();
    let mut effective = 0.0;
    for (i, c) in chars.iter().enumerate() {
        let repeat = i >= 3 && chars[i - 3..i].contains(c);
        effective += match (seen.insert(*c), repeat) {
            (true, _) => 1.0,
            (false, false) => 0.75,
            (false, true) => 0.25,
        };
    }
    let digits_only = chars.iter().all(char::is_ascii_digit);
    // A phone number or a date: far fewer than 10^n in practice.
    let per_char = if digits_only {
        2.5
    } else {
        f64::log2(pool.max(2.0))
    };
    effective * per_char
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passphrases_are_refused_and_common_ones_called_weak() {
        assert_eq!(strength(""), Strength::TooShort);
        assert_eq!(strength("camquang1"), Strength::TooShort);
        assert!(!Strength::TooShort.accepted());
        // A phone number, a date, one letter repeated.
        assert_eq!(strength("0912345678"), Strength::Weak);
        assert_eq!(strength("08122026081220"), Strength::Weak);
        assert_eq!(strength("aaaaaaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("camquang2026"), Strength::Fair);
    }

    #[test]
    fn long_varied_passphrases_are_strong() {
        assert_eq!(strength("trâu vàng gặm cỏ bên sông Lam"), Strength::Strong);
        assert_eq!(strength("Gx7#pQ2!vL9@wZ"), Strength::Strong);
        assert!(Strength::Weak.accepted());
    }
}
