//! Vietnamese typed in the legacy 8-bit encodings, as it reaches a Unicode app.
//!
//! Before Unicode, Vietnamese offices typed with .VnTime fonts (TCVN3, also called ABC) or
//! VNI-Times fonts (VNI-Windows): the file held plain 8-bit bytes and only the font drew
//! them as Vietnamese letters. Copied out of such an old Word or Excel file, the bytes are
//! read as Windows-1252 and the text arrives as "Hµ Néi" (TCVN3) or "Haø Noäi" (VNI) for
//! "Hà Nội". This module recognises such text with essentially no false alarms and turns
//! it back into Unicode (NFC).
//!
//! Both encodings put their letters at bytes 0xA1–0xFF only, so every character they
//! produce is in Latin-1 and each table below is keyed by the character itself. Bytes
//! 0x80–0x9F hold no Vietnamese letter in either and read as the Windows-1252 punctuation
//! (“ ” – …); text from a tool that decoded them as Latin-1 C1 control characters gets that
//! punctuation back.

/// A legacy Vietnamese encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the ".Vn" fonts of the ABC keyboard.
    Tcvn3,
    /// VNI-Windows, the "VNI-" fonts: a base letter followed by a mark character.
    Vni,
}

impl Legacy {
    /// The name people know the encoding by.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }
}

/// `Some(encoding)` only when the text very probably is legacy-encoded Vietnamese.
///
/// A word counts for an encoding when it holds characters of that encoding, is not a
/// Vietnamese syllable as it stands but becomes one once converted ("Néi" → "Nội"). Words
/// that stay letters of other languages ("café") count against it. Distinct words are
/// counted, so a repeated "µm" does not add up.
pub fn detect(text: &str) -> Option<Legacy> {
    // Legacy text is made of Latin-1 only: a letter that only Vietnamese Unicode has (or a
    // combining mark of decomposed Unicode) means the text is Unicode already.
    if text.is_ascii() || text.chars().any(is_unicode_vietnamese) {
        return None;
    }
    let tcvn3 = score(text, Legacy::Tcvn3);
    let vni = score(text, Legacy::Vni);
    match (tcvn3.convincing(), vni.convincing()) {
        (true, false) => Some(Legacy::Tcvn3),
        (false, true) => Some(Legacy::Vni),
        // Both fit: the one that yields more Vietnamese is the one the text was typed in.
        (true, true) => match (tcvn3.valid, tcvn3.evidence).cmp(&(vni.valid, vni.evidence)) {
            std::cmp::Ordering::Greater => Some(Legacy::Tcvn3),
            std::cmp::Ordering::Less => Some(Legacy::Vni),
            std::cmp::Ordering::Equal => None,
        },
        (false, false) => None,
    }
}

/// The text in Unicode when it was typed in a legacy encoding ([`detect`]).
pub fn converted(text: &str) -> Option<String> {
    detect(text).map(|enc| to_unicode(text, enc))
}

/// Converts the text to Unicode NFC (precomposed) Vietnamese. Characters that are not part
/// of the legacy encoding pass through, except C1 control characters, which become the
/// Windows-1252 characters of their bytes. TCVN3 has no codes for capitals with a tone;
/// they come back in words written in capitals ("§¦êNG" → "ĐƯỜNG") and at the start of a
/// sentence ("ñy ban" → "Ủy ban").
pub fn to_unicode(text: &str, encoding: Legacy) -> String {
    let src: Vec<char> = text.chars().map(from_c1).collect();
    let converted = convert(&src, encoding);
    match encoding {
        Legacy::Vni => converted.text.into_iter().collect(),
        Legacy::Tcvn3 => restore_tcvn3_case(&src, converted.text),
    }
}

/// Vowels by base letter and tone: none, huyền, hỏi, ngã, sắc, nặng.
const VOWELS: [[char; 6]; 12] = [
    ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
    ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
    ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
    ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
    ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
    ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
    ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
    ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
    ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
    ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
    ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];
const A: usize = 0;
const A_BREVE: usize = 1;
const A_CIRCUMFLEX: usize = 2;
const E: usize = 3;
const E_CIRCUMFLEX: usize = 4;
const I: usize = 5;
const O: usize = 6;
const O_CIRCUMFLEX: usize = 7;
const O_HORN: usize = 8;
const U: usize = 9;
const U_HORN: usize = 10;
const Y: usize = 11;
const ACUTE: usize = 4;
const DOT: usize = 5;

/// TCVN3 bytes 0xA1..=0xFE; '\0' where the .VnTime fonts have no Vietnamese letter.
///
/// VN3 has capitals only for Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7). A capital with a tone has no code
/// of its own: keyboards type the lower-case code and the all-capitals ".VnTimeH" fonts
/// draw every code as a capital, so the codes are read as the lower-case letters here and
/// [`restore_tcvn3_case`] brings capitals back where the word shows them. The full
/// standard (VN1) puts such capitals at 0x80–0x9F and in the gaps, but the ABC fonts keep
/// punctuation there, and reading “ as Ỏ would spoil every quotation.
#[rustfmt::skip]
const TCVN3: [char; 94] = [
    /* A1 */ 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', '\0',
    /* B0 */ '\0', '\0', '\0', '\0', '\0', 'à', 'ả', 'ã', 'á', 'ạ', '\0', 'ằ', 'ẳ', 'ẵ', 'ắ', '\0',
    /* C0 */ '\0', '\0', '\0', '\0', '\0', '\0', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', '\0', 'ẻ', 'ẽ',
    /* D0 */ 'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', '\0', '\0', '\0', 'ĩ', 'í', 'ị', 'ò',
    /* E0 */ '\0', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    /* F0 */ '\0', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ',
];

/// VNI mark characters in lower case (their Latin-1 capitals are the same marks, typed
/// after capital letters): the mark, what it does to the letter before it (0: tone only,
/// 1: circumflex too, 2: breve too), and the tone.
#[rustfmt::skip]
const VNI_MARKS: [(char, u8, usize); 17] = [
    ('ø', 0, 1), ('û', 0, 2), ('õ', 0, 3), ('ù', 0, 4), ('ï', 0, 5),
    ('â', 1, 0), ('à', 1, 1), ('å', 1, 2), ('ã', 1, 3), ('á', 1, 4), ('ä', 1, 5),
    ('ê', 2, 0), ('è', 2, 1), ('ú', 2, 2), ('ü', 2, 3), ('é', 2, 4), ('ë', 2, 5),
];

/// Letters VNI writes as one character (in lower case; capitals likewise).
#[rustfmt::skip]
const VNI_LETTERS: [(char, char); 9] = [
    ('ñ', 'đ'), ('ö', 'ư'), ('ô', 'ơ'),
    ('ì', 'ì'), ('í', 'í'), ('æ', 'ỉ'), ('ó', 'ĩ'), ('ò', 'ị'), ('î', 'ỵ'),
];

/// Windows-1252 at 0x80–0x9F, for text whose bytes were decoded as Latin-1 (C1 controls).
/// The five bytes Windows-1252 leaves undefined stay as they are.
#[rustfmt::skip]
const CP1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn from_c1(c: char) -> char {
    match c {
        '\u{80}'..='\u{9F}' => CP1252_C1[c as usize - 0x80],
        _ => c,
    }
}

fn tcvn3(c: char) -> Option<char> {
    match c {
        '\u{A1}'..='\u{FE}' => Some(TCVN3[c as usize - 0xA1]).filter(|&v| v != '\0'),
        _ => None,
    }
}

/// A TCVN3 code of a toned vowel: it has no capital form, so its case is unknown.
fn is_toned_tcvn3(c: char) -> bool {
    c >= '\u{B5}' && tcvn3(c).is_some()
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The capital of a small letter of the alphabets legacy text and its conversion are
/// written in (ASCII, Latin-1 and Latin Extended-A as Windows-1252 shows them, the
/// Vietnamese letters); any other character stays as it is. Not `char::to_uppercase`:
/// its table of every script (some 12 KB) would be the tablet's to download, for
/// letters this module never makes.
fn upper(c: char) -> char {
    let n = c as u32;
    let capital = match n {
        0x61..=0x7a | 0xe0..=0xfe if n != 0xf7 => n - 0x20,
        0xff => 0x178,
        0x131 => 0x49,
        0x17f => 0x53,
        // Pairs of a capital and its small letter, the capital first (even or odd).
        0x101..=0x137 | 0x14b..=0x177 | 0x1ea1..=0x1ef9 if n % 2 == 1 => n - 1,
        0x13a..=0x148 | 0x17a..=0x17e if n % 2 == 0 => n - 1,
        0x1a1 | 0x1b0 => n - 1,
        _ => n,
    };
    char::from_u32(capital).unwrap_or(c)
}

/// Whether a character is a letter. Exact for the alphabets legacy text is read in
/// (ASCII, Latin-1, Latin Extended-A and -B, the Vietnamese letters); any other character
/// counts as a letter unless it is punctuation, a symbol or a space of the blocks text
/// copied from Windows holds. Not `char::is_alphabetic`, whose table of every script
/// would be the tablet's to download.
fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphabetic(),
        0xaa | 0xb5 | 0xba => true,
        0x80..=0xbf | 0xd7 | 0xf7 => false,
        0xc0..=0x24f | 0x1e00..=0x1eff => true,
        // Spacing modifiers and combining marks, punctuation, symbols and spaces of all
        // kinds, private use, specials.
        0x2b0..=0x36f
        | 0x2000..=0x2bff
        | 0x3000..=0x303f
        | 0xe000..=0xf8ff
        | 0xfe00..=0xfe6f
        | 0xff00..=0xff20
        | 0xfff0..=0xffff => false,
        _ => !c.is_whitespace() && !c.is_control(),
    }
}

fn is_small(c: char) -> bool {
    upper(c) != c
}

fn is_capital(c: char) -> bool {
    c != lower(c) && upper(lower(c)) == c
}

/// Base letter and tone of a lower-case Vietnamese vowel.
fn vowel_of(c: char) -> Option<(usize, usize)> {
    VOWELS
        .iter()
        .enumerate()
        .find_map(|(b, tones)| tones.iter().position(|&v| v == c).map(|t| (b, t)))
}

fn is_unicode_vietnamese(c: char) -> bool {
    matches!(c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
        | '\u{1EA0}'..='\u{1EF9}' // Ạ … ỹ
        | '\u{0300}'..='\u{036F}') // combining marks (decomposed text)
}

/// Text in Unicode with how much of it the encoding accounted for.
struct Converted {
    text: Vec<char>,
    /// Legacy codes used (one per converted letter).
    codes: usize,
    /// Non-ASCII letters the encoding never produces, left as they were.
    foreign: usize,
}

fn convert(src: &[char], encoding: Legacy) -> Converted {
    let mut out = Converted {
        text: Vec::with_capacity(src.len()),
        codes: 0,
        foreign: 0,
    };
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        i += 1;
        let converted = match encoding {
            Legacy::Tcvn3 => tcvn3(c),
            Legacy::Vni => {
                let mark = src.get(i).and_then(|&m| vni_combine(c, m));
                if mark.is_some() {
                    i += 1;
                }
                mark.or_else(|| vni_letter(c))
            }
        };
        match converted {
            Some(v) => {
                out.codes += 1;
                out.text.push(v);
            }
            None => {
                if !c.is_ascii() && is_letter(c) {
                    out.foreign += 1;
                }
                out.text.push(c);
            }
        }
    }
    out
}

/// A VNI base letter followed by a mark character, as one Unicode letter.
fn vni_combine(base: char, mark: char) -> Option<char> {
    let l = lower(base);
    let b = match l {
        'a' => A,
        'e' => E,
        'o' => O,
        'u' => U,
        'y' => Y,
        // ơ and ư are letters of their own in VNI and take tone marks like a, e, o.
        'ô' => O_HORN,
        'ö' => U_HORN,
        _ => return None,
    };
    let m = lower(mark);
    let &(_, shape, tone) = VNI_MARKS.iter().find(|&&(k, _, _)| k == m)?;
    let v = match (shape, b) {
        (0, _) => b,
        (1, A) => A_CIRCUMFLEX,
        (1, E) => E_CIRCUMFLEX,
        (1, O) => O_CIRCUMFLEX,
        (2, A) => A_BREVE,
        _ => return None,
    };
    let letter = VOWELS[v][tone];
    Some(if l == base { letter } else { upper(letter) })
}

fn vni_letter(c: char) -> Option<char> {
    let l = lower(c);
    let &(_, letter) = VNI_LETTERS.iter().find(|&&(k, _)| k == l)?;
    Some(if l == c { letter } else { upper(letter) })
}

/// Maximal runs of letters, as (start, end) indices; TCVN3 codes such as 'µ' and '·' are
/// letters there even though Unicode calls them symbols.
fn words(src: &[char], encoding: Legacy) -> Vec<(usize, usize)> {
    let is_letter = |c: char| is_letter(c) || (encoding == Legacy::Tcvn3 && tcvn3(c).is_some());
    let mut found = Vec::new();
    let mut start = None;
    for (i, &c) in src.iter().enumerate() {
        match (is_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                found.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        found.push((s, src.len()));
    }
    found
}

/// What a text's words say about one encoding.
struct Score {
    /// Distinct words of two or more letters that only become Vietnamese once converted.
    evidence: usize,
    /// Words with legacy codes that are Vietnamese syllables once converted.
    valid: usize,
    /// Words the encoding cannot account for: letters it never produces, or no syllable.
    against: usize,
}

impl Score {
    fn convincing(&self) -> bool {
        // Two words suffice for a short text ("Hµ Néi") when nothing speaks against it;
        // longer texts may hold a name or a foreign word the syllable check rejects.
        (self.evidence >= 3 && self.evidence >= 2 * self.against)
            || (self.evidence == 2 && self.against == 0)
    }
}

fn score(text: &str, encoding: Legacy) -> Score {
    let src: Vec<char> = text.chars().map(from_c1).collect();
    let mut seen: Vec<String> = Vec::new();
    let mut score = Score {
        evidence: 0,
        valid: 0,
        against: 0,
    };
    for (s, e) in words(&src, encoding) {
        let word = &src[s..e];
        let converted = convert(word, encoding);
        if converted.codes == 0 && converted.foreign == 0 {
            continue; // plain ASCII: says nothing
        }
        if converted.foreign > 0 || !is_syllable(&converted.text) {
            score.against += 1;
            continue;
        }
        score.valid += 1;
        // "Tâm" is Vietnamese as it stands (and "Tõm" in TCVN3): it proves nothing.
        if word.len() >= 2 && !is_syllable(word) {
            let key: String = converted.text.iter().map(|&c| lower(c)).collect();
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
    }
    score.evidence = seen.len();
    score
}

/// Vowel groups that end a syllable, and those that a final consonant may follow.
#[rustfmt::skip]
const OPEN: [&str; 44] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi",
    "ưu", "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];
#[rustfmt::skip]
const CLOSED: [&str; 23] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa", "oă", "oe", "oo", "uâ", "uê",
    "uy", "iê", "yê", "uô", "ươ", "uyê",
];

/// Whether a word (any case) is one well-formed Vietnamese syllable: initial consonant,
/// vowel group and final consonant from the language's inventory, one tone at most, and
/// only sắc or nặng before a final c, ch, p or t. Loose about rare loan spellings, strict
/// enough that French, German or Spanish words almost never pass.
fn is_syllable(word: &[char]) -> bool {
    let mut initial = String::new();
    let mut vowels: Vec<usize> = Vec::new();
    let mut last = String::new();
    let mut tone = 0;
    for &c in word {
        let c = lower(c);
        if let Some((base, t)) = vowel_of(c) {
            if !last.is_empty() {
                return false;
            }
            if t != 0 {
                if tone != 0 {
                    return false;
                }
                tone = t;
            }
            vowels.push(base);
        } else if c.is_ascii_lowercase() || c == 'đ' {
            if vowels.is_empty() {
                initial.push(c);
            } else {
                last.push(c);
            }
        } else {
            return false;
        }
    }
    // "gi" and "qu" are initials spelled with a vowel letter: "giữa", "quốc".
    if initial == "g" && vowels.len() > 1 && vowels[0] == I {
        initial.push('i');
        vowels.remove(0);
    }
    if initial == "q" {
        if vowels.len() < 2 || vowels[0] != U {
            return false;
        }
        initial.push('u');
        vowels.remove(0);
    }
    if vowels.is_empty() || vowels.len() > 3 {
        return false;
    }
    let group: String = vowels.iter().map(|&v| VOWELS[v][0]).collect();
    let front = matches!(VOWELS[vowels[0]][0], 'e' | 'ê' | 'i' | 'y');
    let initial_ok = match initial.as_str() {
        "" | "b" | "ch" | "d" | "đ" | "gi" | "h" | "kh" | "l" | "m" | "n" | "nh" | "p" | "ph"
        | "qu" | "r" | "s" | "t" | "th" | "tr" | "v" | "x" => true,
        // Spelling rules: k, gh, ngh before e, ê, i, y; c, g, ng elsewhere.
        "k" | "gh" | "ngh" => front,
        "c" | "ng" => !front,
        "g" => !matches!(VOWELS[vowels[0]][0], 'e' | 'ê'),
        _ => false,
    };
    let rhyme_ok = match last.as_str() {
        "" => OPEN.contains(&group.as_str()),
        "c" | "ng" => CLOSED.contains(&group.as_str()),
        "m" | "n" | "p" | "t" => CLOSED.contains(&group.as_str()) && group != "oo",
        "ch" | "nh" => matches!(group.as_str(), "a" | "ê" | "i" | "oa" | "uê" | "uy"),
        _ => false,
    };
    let tone_ok = !matches!(last.as_str(), "c" | "ch" | "p" | "t") || tone == ACUTE || tone == DOT;
    initial_ok && rhyme_ok && tone_ok
}

/// How a TCVN3 word shows its case, apart from its toned vowels (which cannot show it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Some letter is lower case: the toned vowels are too.
    Lower,
    /// Capitals beyond the first letter and a Vietnamese syllable: "NGHÞ" is "NGHỊ".
    Caps,
    /// Capitals but no syllable ("UBND"): capitalised itself, but says nothing about the
    /// words around it.
    Acronym,
    /// One leading capital and toned vowels only ("Hµ"): "Hà" or "HÀ", as the words
    /// around it are.
    Maybe,
    /// Nothing to decide.
    Other,
}

fn shape(src: &[char], converted: &[char]) -> Shape {
    let mut capitals = 0;
    let mut capital_inside = false;
    let mut toned = false;
    for (k, (&c, &v)) in src.iter().zip(converted).enumerate() {
        if is_toned_tcvn3(c) {
            toned = true;
        } else if is_small(v) {
            return Shape::Lower;
        } else if is_capital(v) {
            capitals += 1;
            capital_inside |= k > 0;
        }
    }
    if capitals >= 2 || capital_inside {
        if is_syllable(converted) {
            Shape::Caps
        } else {
            Shape::Acronym
        }
    } else if toned {
        Shape::Maybe
    } else {
        Shape::Other
    }
}

/// Capital toned vowels for TCVN3: in words written in capitals ("§¦êNG" → "ĐƯỜNG"), in
/// short words between such words ("CéNG Hµ" → "CỘNG HÀ"), and first in a sentence, where
/// the author could not type the capital ("ñy ban" → "Ủy ban").
fn restore_tcvn3_case(src: &[char], mut out: Vec<char>) -> String {
    let words = words(src, Legacy::Tcvn3);
    let shapes: Vec<Shape> = words
        .iter()
        .map(|&(s, e)| shape(&src[s..e], &out[s..e]))
        .collect();
    let mut lines = Vec::with_capacity(words.len());
    let mut line = 0;
    let mut from = 0;
    for &(s, _) in &words {
        line += src[from..s].iter().filter(|&&c| c == '\n').count();
        lines.push(line);
        from = s;
    }
    // The nearest word on the same line that shows its case: Some(true) for capitals.
    let neighbour = |i: usize, step: isize| -> Option<bool> {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < words.len() && lines[j as usize] == lines[i] {
            match shapes[j as usize] {
                Shape::Lower => return Some(false),
                Shape::Caps => return Some(true),
                _ => j += step,
            }
        }
        None
    };
    for (i, &(s, e)) in words.iter().enumerate() {
        let capitals = match shapes[i] {
            Shape::Caps | Shape::Acronym => true,
            Shape::Maybe => match (neighbour(i, -1), neighbour(i, 1)) {
                (None, None) => false,
                (left, right) => left != Some(false) && right != Some(false),
            },
            Shape::Lower | Shape::Other => false,
        };
        if capitals {
            for k in s..e {
                if is_toned_tcvn3(src[k]) {
                    out[k] = upper(out[k]);
                }
            }
        } else if is_toned_tcvn3(src[s]) && starts_sentence(src, s) {
            out[s] = upper(out[s]);
        }
    }
    out.into_iter().collect()
}

/// Whether only white space, opening quotes or brackets stand between the start of the
/// text or the end of the previous sentence and this position.
fn starts_sentence(src: &[char], at: usize) -> bool {
    for &c in src[..at].iter().rev() {
        match c {
            '.' | '!' | '?' | '…' => return true,
            '"' | '\'' | '(' | '[' | '“' | '‘' | '-' | '–' | '—' | '•' | '*' => {}
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_the_standard_ones_for_every_letter_this_module_meets() {
        let latin = (0x20..0x250u32).filter_map(char::from_u32);
        let vietnamese = (0x1ea0..=0x1ef9u32).filter_map(char::from_u32);
        for c in latin.chain(vietnamese) {
            let mut standard = c.to_uppercase();
            let expected = match (standard.next(), standard.next()) {
                (Some(x), None)
                    if (x as u32) < 0x250 || (0x1ea0..=0x1ef9).contains(&(x as u32)) =>
                {
                    x
                }
                _ => c,
            };
            // Latin Extended-B (beyond Ơ and Ư) is no alphabet of legacy text.
            if (0x180..0x250).contains(&(c as u32)) && !matches!(c, 'ơ' | 'ư') {
                continue;
            }
            assert_eq!(upper(c), expected, "{c} U+{:04X}", c as u32);
            assert_eq!(is_small(c), c.is_lowercase() && expected != c, "{c}");
        }
    }
    use unicode_normalization::UnicodeNormalization;

    /// Unicode → TCVN3 as the ABC and Unikey keyboards typed it, written out from the
    /// published table rather than from the module's own.
    const TCVN3_UNICODE: &str =
        "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđĂÂÊÔƠƯĐ";
    const TCVN3_CODES: &str =
        "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\u{AD}øõö÷ùýúûüþ®¡¢£¤¥¦§";

    fn to_tcvn3(s: &str) -> String {
        s.chars()
            .map(|c| {
                let find = |x: char| TCVN3_UNICODE.chars().position(|u| u == x);
                // A capital with a tone has no code: keyboards type the lower-case one.
                match find(c).or_else(|| find(lower(c))) {
                    Some(p) => TCVN3_CODES.chars().nth(p).unwrap(),
                    None => c,
                }
            })
            .collect()
    }

    /// Unicode → VNI-Windows, from the published table; capitals take capital marks.
    const VNI_UNICODE: &str = "áàảãạâấầẩẫậăắằẳẵặéèẻẽẹêếềểễệóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựíìỉĩịýỳỷỹỵđ";
    const VNI_CODES: &str = "aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë \
        eù eø eû eõ eï eâ eá eà eå eã eä où oø oû oõ oï oâ oá oà oå oã oä \
        ô ôù ôø ôû ôõ ôï uù uø uû uõ uï ö öù öø öû öõ öï í ì æ ó ò yù yø yû yõ î ñ";

    fn to_vni(s: &str) -> String {
        let codes: Vec<&str> = VNI_CODES.split(' ').collect();
        s.chars()
            .map(|c| match VNI_UNICODE.chars().position(|u| u == lower(c)) {
                Some(p) if lower(c) == c => codes[p].to_string(),
                Some(p) => codes[p].to_uppercase(),
                None => c.to_string(),
            })
            .collect()
    }

    const SENTENCES: [&str; 20] = [
        "Đề nghị xã sửa chữa tuyến đường liên thôn bị sạt lở, ổ gà nhiều năm nay.",
        "Ông Nguyễn Văn Hùng, thôn Phú Hưng, phản ánh việc cấp giấy chứng nhận quyền sử dụng đất chậm trễ.",
        "Bà Trần Thị Thuỷ hỏi về chế độ trợ cấp cho người cao tuổi và hộ nghèo.",
        "Ủy ban nhân dân xã cần giải quyết dứt điểm tình trạng lấn chiếm hành lang giao thông.",
        "ĐƯỜNG LÀNG NGÕ XÓM XUỐNG CẤP NGHIÊM TRỌNG",
        "HỘI NÔNG DÂN xã kiến nghị hỗ trợ giống lúa, phân bón sau đợt lũ lụt.",
        "Hộ ông Lê Văn Tuấn ở xóm Bến Đò bị ảnh hưởng do xây dựng trạm bơm.",
        "Người dân thôn Đông Yên đề nghị làm rõ việc thu tiền đóng góp xây nhà văn hoá.",
        "Chị Phạm Thị Lan phản ánh nước sinh hoạt bị ô nhiễm, có mùi hôi khó chịu.",
        "Cử tri kiến nghị lắp đặt đèn chiếu sáng trên tuyến đường từ ngã ba Quỳnh Lưu đến cầu Sắt.",
        "Gia đình anh Hoàng Minh Đức chưa nhận được tiền bồi thường giải phóng mặt bằng.",
        "Đề nghị cơ quan chức năng thẩm tra việc khai thác cát trái phép trên sông Hồng, thiệt hại không ít.",
        "Trường mầm non thiếu phòng học, các cháu nhỏ phải học nhờ ở nhà văn hoá thôn, nghĩa là rất chật.",
        "Ý kiến của cử tri về việc điều chỉnh quy hoạch khu dân cư mới chưa được trả lời.",
        "Ở khu vực chợ Nguyễn Huệ, rác thải tồn đọng nhiều ngày gây mùi hôi thối.",
        "THÔNG BÁO: Lịch tiếp công dân của Chủ tịch UBND xã vào thứ Năm hằng tuần.",
        "Khiếu nại của ông Huỳnh Văn Tỷ về bồi thường đất ở khu tái định cư Mỹ Lợi.",
        "Bà Ngụy Thị Kỵ vẫn phải ẵm cháu đi qua con đường hẹp, đá vỡ, bùn ngập thẳng tới gối.",
        "BIÊN BẢN TIẾP CÔNG DÂN VỀ VIỆC ĐỀ NGHỊ CẤP LẠI SỔ HỘ NGHÈO NĂM 2024",
        "Kè sông bị xói lở, trẻ em không có chỗ vui chơi; đề nghị vẽ lại sơ đồ thửa đất cũ.",
    ];

    #[test]
    fn the_encoders_cover_every_vietnamese_letter() {
        assert_eq!(TCVN3_UNICODE.chars().count(), TCVN3_CODES.chars().count());
        assert_eq!(TCVN3_UNICODE.chars().count(), 74);
        assert_eq!(VNI_UNICODE.chars().count(), VNI_CODES.split(' ').count());
        assert_eq!(VNI_UNICODE.chars().count(), 67);
        // Every letter with a tone, every tone and every special letter occurs in the
        // sentences, in lower or upper case.
        let all: String = SENTENCES.concat().to_lowercase();
        for c in TCVN3_UNICODE.chars().filter(|c| c.is_lowercase()) {
            assert!(all.contains(c), "no sentence has {c}");
        }
    }

    #[test]
    fn tcvn3_round_trips() {
        for s in SENTENCES {
            let legacy = to_tcvn3(s);
            assert_ne!(legacy, s);
            assert_eq!(to_unicode(&legacy, Legacy::Tcvn3), s, "{legacy}");
        }
    }

    #[test]
    fn vni_round_trips() {
        for s in SENTENCES {
            let legacy = to_vni(s);
            assert_ne!(legacy, s);
            assert_eq!(to_unicode(&legacy, Legacy::Vni), s, "{legacy}");
        }
    }

    #[test]
    fn each_encoding_is_detected() {
        for s in SENTENCES {
            assert_eq!(detect(&to_tcvn3(s)), Some(Legacy::Tcvn3), "{}", to_tcvn3(s));
            assert_eq!(detect(&to_vni(s)), Some(Legacy::Vni), "{}", to_vni(s));
        }
        let tcvn3: String = SENTENCES.map(to_tcvn3).join("\n");
        let vni: String = SENTENCES.map(to_vni).join("\n");
        assert_eq!(detect(&tcvn3), Some(Legacy::Tcvn3));
        assert_eq!(detect(&vni), Some(Legacy::Vni));
        assert_eq!(to_unicode(&tcvn3, Legacy::Tcvn3), SENTENCES.join("\n"));
        assert_eq!(to_unicode(&vni, Legacy::Vni), SENTENCES.join("\n"));
    }

    #[test]
    fn unicode_vietnamese_is_not_legacy() {
        for s in SENTENCES {
            assert_eq!(detect(s), None, "{s}");
            let nfd: String = s.nfd().collect();
            assert_eq!(detect(&nfd), None, "{nfd}");
        }
        // Vietnamese written only with letters that Latin-1 also has.
        for s in [
            "Cô Tâm là cô giáo",
            "Bà Tâm ở Hà Tây",
            "Hoà Bình có núi cao",
            "Tôi là Lê Văn Tú",
            "CÔNG AN TÂN BÌNH",
        ] {
            assert_eq!(detect(s), None, "{s}");
        }
    }

    #[test]
    fn other_languages_numbers_and_symbols_are_not_legacy() {
        for s in [
            "",
            "Hello world, this is a petition about the road.",
            "café",
            "Müller",
            "naïve",
            "São Paulo",
            "Le café est très bon, où je suis né.",
            "Où est la gare ? Ça coûte 5 €, à côté de l'hôtel.",
            "Crème brûlée à la française, déjà vu, rôle, tête-à-tête",
            "Herr Müller wohnt in Köln, die Straße ist schön, Größe über alles.",
            "El niño está en España, señor; mañana sí, él también.",
            "A João e a Conceição estão em São Paulo, não é? Três cafés.",
            "Particles of 5 µm, 10 µm × 20 µm; © 2024 ACME Corp.",
            "Copyright © 2023, all rights reserved. µ = 3,5 ± 0,2",
            "12/03/2024 – 1.250.000 VND – 0912 345 678",
            "Zoë, Chloë and Noël visited Zürich; résumé, fiancée, Pokémon.",
        ] {
            assert_eq!(detect(s), None, "{s}");
        }
    }

    #[test]
    fn known_samples_convert() {
        assert_eq!(to_unicode("Hµ Néi", Legacy::Tcvn3), "Hà Nội");
        assert_eq!(detect("Hµ Néi"), Some(Legacy::Tcvn3));
        let tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam";
        assert_eq!(detect(tcvn3), Some(Legacy::Tcvn3));
        assert_eq!(
            to_unicode(tcvn3, Legacy::Tcvn3),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            to_unicode("§éc lËp - Tù do - H¹nh phóc", Legacy::Tcvn3),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(to_unicode("T«i ®i häc", Legacy::Tcvn3), "Tôi đi học");
        assert_eq!(to_unicode("Haø Noäi", Legacy::Vni), "Hà Nội");
        assert_eq!(detect("Haø Noäi"), Some(Legacy::Vni));
        let vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam";
        assert_eq!(detect(vni), Some(Legacy::Vni));
        assert_eq!(
            to_unicode(vni, Legacy::Vni),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc", Legacy::Vni),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(
            to_unicode("Xin chaøo caùc baïn", Legacy::Vni),
            "Xin chào các bạn"
        );
        assert_eq!(to_unicode("Toâi ñi hoïc", Legacy::Vni), "Tôi đi học");
        assert_eq!(
            to_unicode("THÖÔØNG TRÖÏC UÛY BAN", Legacy::Vni),
            "THƯỜNG TRỰC ỦY BAN"
        );
    }

    #[test]
    fn mixed_text_keeps_digits_and_punctuation() {
        let s = "Ngày 15/3/2024 (thứ Sáu), hộ ông Đặng Văn Sơn – số 12, tổ 3 – nộp đơn lần 2: \"đề nghị cấp sổ đỏ\"! Tổng: 1.500.000 đồng; email: ut@xa.vn";
        for (legacy, encoding) in [(to_tcvn3(s), Legacy::Tcvn3), (to_vni(s), Legacy::Vni)] {
            assert_eq!(detect(&legacy), Some(encoding), "{legacy}");
            assert_eq!(to_unicode(&legacy, encoding), s);
        }
    }

    #[test]
    fn c1_controls_read_as_windows_1252() {
        // Bytes 0x93/0x94/0x96 decoded as Latin-1 instead of Windows-1252.
        let latin1 = "\u{93}Hµ Néi\u{94} \u{96} ViÖt Nam";
        assert_eq!(detect(latin1), Some(Legacy::Tcvn3));
        assert_eq!(to_unicode(latin1, Legacy::Tcvn3), "“Hà Nội” – Việt Nam");
        let vni = "\u{93}Haø Noäi\u{94}\u{85}";
        assert_eq!(detect(vni), Some(Legacy::Vni));
        assert_eq!(to_unicode(vni, Legacy::Vni), "“Hà Nội”…");
    }

    #[test]
    fn tcvn3_capitals_follow_the_words_around_them() {
        // A toned capital inside a sentence has no code of its own; with nothing around
        // it in capitals, the lower-case letter is what the author's font showed too.
        assert_eq!(
            to_unicode(&to_tcvn3("anh Lê Ánh"), Legacy::Tcvn3),
            "anh Lê ánh"
        );
        // Acronyms do not make the names after them capitals.
        assert_eq!(to_unicode("UBND Hµ Néi", Legacy::Tcvn3), "UBND Hà Nội");
        assert_eq!(to_unicode("UBND Hµ", Legacy::Tcvn3), "UBND Hà");
        assert_eq!(to_unicode("Hµ NéI", Legacy::Tcvn3), "HÀ NỘI");
        // .VnTimeH text typed in lower case stays lower case: nothing shows otherwise.
        assert_eq!(to_unicode("®\u{AD}êng lµng", Legacy::Tcvn3), "đường làng");
        assert_eq!(
            to_unicode("Gåm:\n- ñng hé", Legacy::Tcvn3),
            "Gồm:\n- ủng hộ"
        );
        assert_eq!(to_unicode("Xong. ñng hé", Legacy::Tcvn3), "Xong. Ủng hộ");
    }

    #[test]
    fn conversion_output_is_nfc() {
        for s in SENTENCES {
            let out = to_unicode(&to_vni(s), Legacy::Vni);
            assert_eq!(out.nfc().collect::<String>(), out);
            let out = to_unicode(&to_tcvn3(s), Legacy::Tcvn3);
            assert_eq!(out.nfc().collect::<String>(), out);
        }
    }

    #[test]
    fn syllables() {
        let ok = |w: &str| is_syllable(&w.chars().collect::<Vec<_>>());
        for w in [
            "nghiêng",
            "giữa",
            "quốc",
            "người",
            "khuỷu",
            "xoong",
            "gì",
            "gìn",
            "thuở",
            "ĐƯỜNG",
            "oái",
            "yêu",
            "kỳ",
            "quyết",
            "ngoặt",
            "huỳnh",
            "a",
        ] {
            assert!(ok(w), "{w}");
        }
        for w in [
            "tôt", "sóo", "café", "ce", "ghá", "cí", "â", "ăń", "schön", "nạve", "UBND", "ei",
        ] {
            assert!(!ok(w), "{w}");
        }
    }
}
