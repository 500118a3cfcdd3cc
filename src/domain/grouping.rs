//! Suggesting groups of petitions that raise the same issue in several villages.
//!
//! The office imports the petitions of 10–30 villages and must see that "đường liên thôn
//! xuống cấp, nhiều ổ gà" from one village and "ổ gà trên đường liên thôn, đề nghị sửa"
//! from another are one issue. This module only suggests: a person confirms or splits
//! every group, so a missed pair costs some reading and a wrong pair costs a click.
//!
//! How: each petition becomes a bag of folded words and word pairs (Vietnamese words are
//! mostly two syllables, so syllable pairs carry the meaning, and single syllables still
//! match when the order changes), weighted by TF-IDF and compared by cosine. Only
//! petitions sharing a rare feature are ever compared, through an inverted index, so the
//! work grows with the number of petitions, not with its square. Groups then grow from
//! the most similar pairs down, a merge being accepted only when the two groups are
//! similar on average, so one petition touching two topics cannot chain them together.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::text::fold;

/// One petition as the grouping sees it.
pub struct Candidate<'a> {
    pub text: &'a str,
    pub field: &'a str,
    pub village: &'a str,
}

/// Suggested groups: each a sorted Vec of indices into `items`, at least 2 members, an
/// index in at most one group; groups ordered by size descending, then by first index.
pub fn suggest(items: &[Candidate<'_>]) -> Vec<Vec<usize>> {
    suggest_with(items, &TUNING)
}

/// The knobs. Thresholds were tuned on 70% of tests/data/grouping-set.json and checked on
/// the rest (tests/it/grouping_quality.rs); the index bounds on synthetic sets of 10,000
/// and 20,000 petitions.
struct Tuning {
    /// A pair of petitions may link from this cosine (field bonus included) on.
    edge: f32,
    /// Two groups merge only when the average cosine over all pairs across them reaches
    /// this: a petition must resemble the group, not just its nearest member.
    link: f32,
    /// …and reaches this share of the cohesion (average inner cosine) of either group: a
    /// tight group does not absorb what is only loosely like it. This stops one issue's
    /// group from swallowing the next one on a shared phrase ("đường liên thôn": its
    /// surface, its lights) as it grows.
    cohesion: f32,
    /// The cohesion of a pair counts up to this: two near-copies of one petition would
    /// otherwise admit no paraphrase of it.
    pair_cohesion_cap: f32,
    /// Added to a pair's similarity when both heads chose the same field. Mild: heads
    /// classify the same issue differently ("Giao thông" here, "Khác" there).
    field_bonus: f32,
    /// Weight factor of features no other petition has. They only say "this petition
    /// gives details", which should not push it away from its twins as much as a feature
    /// the twin lacks but others have.
    unique_weight: f32,
    /// Weight factor of [`GENERIC`] words: what is asked for and what it causes is said
    /// the same way whatever the issue, so it should count, but less than what it is about.
    generic_weight: f32,
    /// Candidates kept per petition: its most similar others on the indexed features.
    per_item: usize,
    /// Features in more than this share of petitions, bounded by `df_cap_min` and
    /// `df_cap_max`, are not indexed: they match too many petitions to find twins by, and
    /// the fixed upper bound keeps the work per petition constant however many there are.
    /// They still count in the similarity of the pairs found.
    df_cap_share: f32,
    df_cap_min: usize,
    df_cap_max: usize,
}

const TUNING: Tuning = Tuning {
    edge: 0.38,
    link: 0.22,
    cohesion: 0.6,
    pair_cohesion_cap: 0.45,
    field_bonus: 0.04,
    unique_weight: 0.4,
    generic_weight: 0.6,
    per_item: 24,
    df_cap_share: 0.05,
    df_cap_min: 48,
    df_cap_max: 200,
};

fn suggest_with(items: &[Candidate<'_>], t: &Tuning) -> Vec<Vec<usize>> {
    if items.len() < 2 {
        return Vec::new();
    }
    let docs = Docs::build(items, t);
    let fields = field_ids(items);
    let edges = candidate_edges(&docs, &fields, t);
    cluster(&docs, &edges, t)
}

// ---------------------------------------------------------------------------------------
// Words

/// Phrases rewritten before features are taken, on folded words. An empty replacement
/// drops the phrase: the formulas every petition uses ("đề nghị xã xem xét giải quyết")
/// and function words say nothing about the issue, and left in they make unrelated
/// petitions look alike. The others bring common synonyms and abbreviations of petitions
/// to one form. A longer phrase wins over a shorter one starting with the same word, so a
/// phrase mapped to itself keeps a word that folding made look like a dropped one
/// ("vệ sinh" is not "về" + "sinh").
const RULES: &[(&str, &str)] = &[
    // Formulas of petitions, and who raises them.
    ("de nghi", ""),
    ("kien nghi", ""),
    ("de xuat", ""),
    ("phan anh", ""),
    ("yeu cau", ""),
    ("mong muon", ""),
    ("xem xet", ""),
    ("giai quyet", ""),
    ("quan tam", ""),
    ("chi dao", ""),
    ("cu tri", ""),
    ("nhan dan", ""),
    ("nguoi dan", ""),
    ("ba con", ""),
    ("ho dan", ""),
    ("cac cap", ""),
    ("cap tren", ""),
    ("chinh quyen", ""),
    ("dia phuong", ""),
    ("co quan", ""),
    ("chuc nang", ""),
    ("uy ban", ""),
    ("ubnd", ""),
    ("hdnd", ""),
    ("tinh trang", ""),
    ("van de", ""),
    ("hien nay", ""),
    ("hien tai", ""),
    ("lau nay", ""),
    ("tu lau", ""),
    ("kip thoi", ""),
    ("bien phap", ""),
    ("doi voi", ""),
    ("to dan pho", ""),
    ("khu pho", ""),
    // Function words, and the place words every petition has (thôn, xóm, xã). Only
    // those whose folded form is rarely another word: "cho" is also "chợ" and "chó",
    // "thi" is in "thi công", "tai" in "tai nạn", "voi" in "ổ voi", so they stay.
    ("cac", ""),
    ("va", ""),
    ("duoc", ""),
    ("viec", ""),
    ("ve", ""),
    ("nay", ""),
    ("la", ""),
    ("bi", ""),
    ("nhung", ""),
    ("tren", ""),
    ("mot", ""),
    ("rat", ""),
    ("som", ""),
    ("xin", ""),
    ("xa", ""),
    ("thon", ""),
    ("xom", ""),
    // Kept whole where a word above means something else.
    ("xa hoi", "xa hoi"),
    ("xa thai", "xa thai"),
    ("ve sinh", "ve sinh"),
    ("va cham", "va cham"),
    ("bao bi", "bao bi"),
    // Synonyms and abbreviations.
    ("duong xa", "duong"),
    ("giay chung nhan quyen su dung dat", "so do"),
    ("giay chung nhan qsdd", "so do"),
    ("giay cnqsdd", "so do"),
    ("gcn qsdd", "so do"),
    ("gcnqsdd", "so do"),
    ("giay chung nhan", "so do"),
    ("so hong", "so do"),
    ("bao hiem y te", "bhyt"),
    ("hu hong", "hong"),
    ("hu", "hong"),
    ("cham tre", "cham"),
    ("ngap ung", "ngap"),
    ("ngap lut", "ngap"),
    ("ngap nuoc", "ngap"),
    ("mua to", "mua lon"),
    ("rac thai", "rac"),
    ("nguoi gia", "nguoi cao tuoi"),
    ("den chieu sang", "den duong"),
    ("chieu sang cong cong", "den duong"),
    ("kenh muong", "muong"),
    ("kenh", "muong"),
    ("nuoc may", "nuoc sach"),
    ("trom cap", "trom"),
    ("mat trom", "trom"),
    ("nganh dien", "dien luc"),
    ("mau giao", "mam non"),
];

/// Words of petitions about any issue: the action asked for ("sửa chữa", "hỗ trợ kinh
/// phí") and the usual consequences ("gây mất an toàn giao thông", "đi lại khó khăn").
/// Two petitions sharing only these are not about the same thing; see
/// [`Tuning::generic_weight`].
const GENERIC: &[&str] = &[
    // Actions asked for.
    "ho tro",
    "kinh phi",
    "dau tu",
    "nang cap",
    "sua chua",
    "tu sua",
    "sua",
    "xay dung",
    "xay moi",
    "lam lai",
    "cai tao",
    "khac phuc",
    "kiem tra",
    "xu ly",
    "bo tri",
    "tang cuong",
    "chan chinh",
    "trien khai",
    "thuc hien",
    "to chuc",
    "thay moi",
    "lap dat",
    "dieu chinh",
    "phuong an",
    // Consequences.
    "gay mat an toan giao thong",
    "mat an toan giao thong",
    "mat an toan",
    "anh huong",
    "doi song",
    "kho khan",
    "di lai",
    "nguy hiem",
    "buc xuc",
    "nghiem trong",
];

/// A rule of [`RULES`] or [`GENERIC`], split into words.
struct Rule {
    pattern: Vec<&'static str>,
    replacement: Vec<(&'static str, u64)>,
    generic: bool,
}

/// A distinct word form of the texts, folded once however often it occurs: folding is
/// the costliest step per character, and petitions repeat a small vocabulary.
struct Word {
    folded: String,
    hash: u64,
    number: bool,
    /// Rules starting with this word, longest pattern first.
    rules: Vec<u32>,
}

/// The words met so far and the rules, for one call of [`suggest`].
struct Lexicon<'a> {
    rules: Vec<Rule>,
    by_first: FastMap<&'static str, Vec<u32>>,
    index: FastMap<&'a str, u32>,
    words: Vec<Word>,
}

impl<'a> Lexicon<'a> {
    fn new() -> Self {
        let rule = |pattern: &'static str, replacement: &'static str, generic| Rule {
            pattern: pattern.split(' ').collect(),
            replacement: replacement
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| (w, hash_word(w)))
                .collect(),
            generic,
        };
        let rules: Vec<Rule> = RULES
            .iter()
            .map(|&(pattern, replacement)| rule(pattern, replacement, false))
            .chain(GENERIC.iter().map(|&pattern| rule(pattern, pattern, true)))
            .collect();
        let mut by_first: FastMap<&'static str, Vec<u32>> = FastMap::default();
        for (k, rule) in rules.iter().enumerate() {
            by_first.entry(rule.pattern[0]).or_default().push(k as u32);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&k| std::cmp::Reverse(rules[k as usize].pattern.len()));
        }
        Self {
            rules,
            by_first,
            index: FastMap::default(),
            words: Vec::new(),
        }
    }

    /// The id of a word as written, folding it the first time it is met.
    fn word(&mut self, written: &'a str) -> u32 {
        if let Some(&id) = self.index.get(written) {
            return id;
        }
        let folded = fold(written);
        let word = Word {
            hash: hash_word(&folded),
            number: folded.bytes().all(|b| b.is_ascii_digit()),
            rules: self
                .by_first
                .get(folded.as_str())
                .cloned()
                .unwrap_or_default(),
            folded,
        };
        let id = self.words.len() as u32;
        self.words.push(word);
        self.index.insert(written, id);
        id
    }
}

/// Letters, digits, and combining marks (decomposed text brings them; they belong to the
/// word they follow). Vietnamese letters are answered from their Unicode blocks, the
/// general table being slow for them.
fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}', // Latin-1 letters, Latin Extended
        '\u{1E00}'..='\u{1EFF}' => true,                        // Latin Extended Additional
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// The words of a text as written, each with whether punctuation separates it from the
/// previous one (word pairs are not taken across a comma or a full stop).
fn split_words<'t>(text: &'t str, out: &mut Vec<(&'t str, bool)>) {
    let mut start = None;
    let mut broken = false;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((&text[s..i], broken));
            broken = false;
        }
        if !c.is_whitespace() {
            broken = true;
        }
    }
    if let Some(s) = start {
        out.push((&text[s..], broken));
    }
}

/// A word a petition's features are taken from: folded text, hash, whether punctuation
/// separates it from the previous term, and whether it is [`GENERIC`].
type Term<'l> = (&'l str, u64, bool, bool);

/// The terms of a petition, given its words' ids: its own village's name removed (every
/// petition of a village may name it, and a group is about an issue, not a place),
/// numbers dropped (house numbers, years, "thôn 3"), [`RULES`] applied.
fn terms<'l>(lex: &'l Lexicon<'_>, words: &[(u32, bool)], village: &[String]) -> Vec<Term<'l>> {
    let folded = |k: usize| lex.words[words[k].0 as usize].folded.as_str();
    let matches = |at: usize, pattern: &mut dyn Iterator<Item = &str>| {
        (at..)
            .zip(pattern)
            .all(|(k, p)| k < words.len() && folded(k) == p)
    };
    let mut out = Vec::with_capacity(words.len());
    // A break before a dropped word moves on to the next kept one.
    let mut carry = false;
    let mut i = 0;
    while i < words.len() {
        let word = &lex.words[words[i].0 as usize];
        let broken = words[i].1 || carry;
        if !village.is_empty() && matches(i, &mut village.iter().map(String::as_str)) {
            carry = broken;
            i += village.len();
            continue;
        }
        if word.number || word.folded.is_empty() {
            carry = broken;
            i += 1;
            continue;
        }
        let rule = word
            .rules
            .iter()
            .map(|&k| &lex.rules[k as usize])
            .find(|r| matches(i, &mut r.pattern.iter().copied()));
        match rule {
            Some(rule) => {
                i += rule.pattern.len();
                carry = broken && rule.replacement.is_empty();
                for (k, &(w, h)) in rule.replacement.iter().enumerate() {
                    out.push((w, h, broken && k == 0, rule.generic));
                }
            }
            None => {
                out.push((word.folded.as_str(), word.hash, broken, false));
                carry = false;
                i += 1;
            }
        }
    }
    out
}

/// FNV-1a: a stable 64-bit hash of a word, so features need no strings of their own.
fn hash_word(w: &str) -> u64 {
    let mut h = FastHasher(0xcbf2_9ce4_8422_2325);
    h.write(w.as_bytes());
    h.0
}

/// splitmix64's finaliser: spreads the bits of a hash.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The feature hashes of a petition's terms: each word (bit 0 clear) and each pair of
/// neighbours not separated by punctuation (bit 0 set). Bit 1 is set on generic words and
/// on pairs of them.
fn feature_hashes(terms: &[Term<'_>], out: &mut Vec<u64>) {
    let flag = |generic: bool| if generic { 2 } else { 0 };
    let mut prev: Option<(u64, bool)> = None;
    for &(_, h, broken, generic) in terms {
        out.push(h & !3 | flag(generic));
        if let (Some((p, p_generic)), false) = (prev, broken) {
            out.push(mix(p ^ mix(h)) & !3 | 1 | flag(generic && p_generic));
        }
        prev = Some((h, generic));
    }
}

// ---------------------------------------------------------------------------------------
// Vectors

/// FNV-1a for strings, a multiplicative step for numbers, and a finaliser: fast for the
/// short keys here, and fixed, so that iteration order (and with it every float sum, and
/// the result) is the same from run to run.
#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A petition as (feature id, weight) sorted by id, of unit length.
type Vector = Vec<(u32, f32)>;

/// The TF-IDF vectors of all petitions, and the document frequency of each feature id.
struct Docs {
    vectors: Vec<Vector>,
    df: Vec<u32>,
}

impl Docs {
    fn build(items: &[Candidate<'_>], t: &Tuning) -> Self {
        let mut lex = Lexicon::new();
        let mut ids: FastMap<u64, u32> = FastMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut generic: Vec<bool> = Vec::new();
        let mut counted: Vec<Vec<(u32, u32)>> = Vec::with_capacity(items.len());
        let (mut written, mut words, mut hashes) = (Vec::new(), Vec::new(), Vec::new());
        for item in items {
            written.clear();
            split_words(item.text, &mut written);
            words.clear();
            words.extend(written.iter().map(|&(w, broken)| (lex.word(w), broken)));
            let mut village = Vec::new();
            split_words(item.village, &mut village);
            let village: Vec<String> = village.iter().map(|(w, _)| fold(w)).collect();
            hashes.clear();
            feature_hashes(&terms(&lex, &words, &village), &mut hashes);
            let mut own: Vec<u32> = hashes
                .iter()
                .map(|&h| {
                    *ids.entry(h).or_insert_with(|| {
                        df.push(0);
                        generic.push(h & 2 != 0);
                        (df.len() - 1) as u32
                    })
                })
                .collect();
            own.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::with_capacity(own.len());
            for id in own {
                match tf.last_mut() {
                    Some((last, count)) if *last == id => *count += 1,
                    _ => tf.push((id, 1)),
                }
            }
            for &(id, _) in &tf {
                df[id as usize] += 1;
            }
            counted.push(tf);
        }
        let n = items.len() as f32;
        let vectors = counted
            .into_iter()
            .map(|tf| {
                let mut v: Vector = tf
                    .into_iter()
                    .map(|(id, count)| {
                        let d = df[id as usize];
                        let mut w = (1.0 + (count as f32).ln()) * ((n + 1.0) / d as f32).ln();
                        if d == 1 {
                            w *= t.unique_weight;
                        }
                        if generic[id as usize] {
                            w *= t.generic_weight;
                        }
                        (id, w)
                    })
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for (_, w) in &mut v {
                        *w /= norm;
                    }
                }
                v
            })
            .collect();
        Self { vectors, df }
    }
}

/// Each petition's field as a small number; petitions without a field match none.
fn field_ids(items: &[Candidate<'_>]) -> Vec<u32> {
    let mut ids: FastMap<String, u32> = FastMap::default();
    items
        .iter()
        .map(|item| {
            let f = fold(item.field);
            if f.is_empty() {
                return u32::MAX;
            }
            let next = ids.len() as u32;
            *ids.entry(f).or_insert(next)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Candidate pairs

/// A pair (i < j), its similarity with the field bonus (for ordering and the `edge`
/// threshold) and its plain cosine.
type Edge = (f32, f32, u32, u32);

/// Pairs worth linking, most similar first. Each petition looks up the petitions sharing
/// its rarest indexed features, scores them on those features, and keeps its best
/// `per_item`; the kept pairs are then scored on all features.
fn candidate_edges(docs: &Docs, fields: &[u32], t: &Tuning) -> Vec<Edge> {
    let n = docs.vectors.len();
    let cap = ((n as f32 * t.df_cap_share) as usize).clamp(t.df_cap_min, t.df_cap_max) as u32;
    let indexed = |id: u32| (2..=cap).contains(&docs.df[id as usize]);
    // The postings of feature `id` (petition, weight) are
    // postings[start[id]..start[id + 1]]: one flat array, built in two passes.
    let mut start = vec![0u32; docs.df.len() + 1];
    for id in 0..docs.df.len() {
        let len = if indexed(id as u32) { docs.df[id] } else { 0 };
        start[id + 1] = start[id] + len;
    }
    let mut fill = start.clone();
    let mut postings = vec![(0u32, 0f32); start[docs.df.len()] as usize];
    for (doc, v) in docs.vectors.iter().enumerate() {
        for &(id, w) in v {
            if indexed(id) {
                postings[fill[id as usize] as usize] = (doc as u32, w);
                fill[id as usize] += 1;
            }
        }
    }

    // Each petition's part outside the index. A pair's cosine is its score on indexed
    // features, summed exactly through the postings, plus the dot product of these parts.
    // By Cauchy–Schwarz that is at most the score plus the product of their lengths, which
    // rules most candidates out before any dot product.
    let outside: Vec<Vector> = docs
        .vectors
        .iter()
        .map(|v| v.iter().copied().filter(|&(id, _)| !indexed(id)).collect())
        .collect();
    let outside_len: Vec<f32> = outside
        .iter()
        .map(|v| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt())
        .collect();
    let bonus = |i: u32, j: u32| {
        let (fi, fj) = (fields[i as usize], fields[j as usize]);
        if fi != u32::MAX && fi == fj {
            t.field_bonus
        } else {
            0.0
        }
    };

    // Candidates: (i < j, score on indexed features).
    let mut score = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut candidates: Vec<(u32, u32, f32)> = Vec::new();
    for (i, v) in docs.vectors.iter().enumerate() {
        for &(id, w) in v {
            let range = start[id as usize] as usize..start[id as usize + 1] as usize;
            for &(j, wj) in &postings[range] {
                if j as usize == i {
                    continue;
                }
                let s = &mut score[j as usize];
                if *s == 0.0 {
                    touched.push(j);
                }
                *s += w * wj;
            }
        }
        let kept = touched.len().min(t.per_item);
        if touched.len() > kept {
            touched.select_nth_unstable_by(kept, |a, b| {
                score[*b as usize]
                    .total_cmp(&score[*a as usize])
                    .then(a.cmp(b))
            });
        }
        for &j in &touched[..kept] {
            let (i, j) = (i as u32, j);
            let s = score[j as usize];
            if s + outside_len[i as usize] * outside_len[j as usize] + bonus(i, j) >= t.edge {
                candidates.push((i.min(j), i.max(j), s));
            }
        }
        for &j in &touched {
            score[j as usize] = 0.0;
        }
        touched.clear();
    }
    // A pair found from both sides has the same score up to rounding: keep the larger.
    candidates.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
    candidates.dedup_by_key(|c| (c.0, c.1));

    // Cosines, a petition's outside part spread once into a dense array for all its pairs.
    let mut dense = vec![0f32; docs.df.len()];
    let mut edges: Vec<Edge> = Vec::new();
    for run in candidates.chunk_by(|a, b| a.0 == b.0) {
        let i = run[0].0;
        for &(id, w) in &outside[i as usize] {
            dense[id as usize] = w;
        }
        for &(_, j, s) in run {
            let c = s + outside[j as usize]
                .iter()
                .map(|&(id, w)| dense[id as usize] * w)
                .sum::<f32>();
            let b = bonus(i, j);
            if c + b >= t.edge {
                edges.push((c + b, c, i, j));
            }
        }
        for &(id, _) in &outside[i as usize] {
            dense[id as usize] = 0.0;
        }
    }
    edges.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    edges
}

// ---------------------------------------------------------------------------------------
// Groups

/// Grows groups from the most similar pairs down (see [`Tuning::link`] and
/// [`Tuning::cohesion`] for when two groups merge). With unit vectors, the sum of the
/// cosines over all pairs across two groups is the dot product of their summed vectors,
/// so checking a merge costs one pass over the smaller group's features.
fn cluster(docs: &Docs, edges: &[Edge], t: &Tuning) -> Vec<Vec<usize>> {
    let n = docs.vectors.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut size: Vec<u32> = vec![1; n];
    // By root: the summed vector of a group of two or more, and the sum of the cosines of
    // all pairs inside it.
    let mut sums: Vec<Option<FastMap<u32, f32>>> = (0..n).map(|_| None).collect();
    let mut inner: Vec<f32> = vec![0.0; n];
    // Merges refused, by (root, size, root, size): the many pairs across the same two
    // groups are then checked once until either group changes.
    let mut refused: FastMap<(u32, u32, u32, u32), ()> = FastMap::default();

    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }

    for &(_, plain, i, j) in edges {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a == b {
            continue;
        }
        // The larger group keeps its root and takes in the smaller one's sum.
        let (big, small) = if (size[a as usize], b) > (size[b as usize], a) {
            (a as usize, b as usize)
        } else {
            (b as usize, a as usize)
        };
        let key = (big as u32, size[big], small as u32, size[small]);
        if size[small] > 1 && refused.contains_key(&key) {
            continue;
        }
        let across = match (&sums[big], &sums[small]) {
            (None, None) => plain,
            (Some(m), None) => dot_map(m, &docs.vectors[small]),
            (None, Some(m)) => dot_map(m, &docs.vectors[big]),
            (Some(mb), Some(ms)) => ms
                .iter()
                .map(|(id, w)| w * mb.get(id).copied().unwrap_or(0.0))
                .sum(),
        };
        let average = across / (size[big] as f32 * size[small] as f32);
        let cohesion = |g: usize| match size[g] {
            0 | 1 => 0.0,
            2 => inner[g].min(t.pair_cohesion_cap),
            s => inner[g] / (s * (s - 1) / 2) as f32,
        };
        if average < t.link || average < t.cohesion * cohesion(big).max(cohesion(small)) {
            if size[small] > 1 {
                refused.insert(key, ());
            }
            continue;
        }
        let mut merged = sums[big]
            .take()
            .unwrap_or_else(|| docs.vectors[big].iter().copied().collect());
        match sums[small].take() {
            Some(m) => m
                .into_iter()
                .for_each(|(id, w)| *merged.entry(id).or_insert(0.0) += w),
            None => docs.vectors[small]
                .iter()
                .for_each(|&(id, w)| *merged.entry(id).or_insert(0.0) += w),
        }
        sums[big] = Some(merged);
        inner[big] += inner[small] + across;
        size[big] += size[small];
        parent[small] = big as u32;
    }

    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
    for x in 0..n {
        let r = find(&mut parent, x as u32);
        by_root[r as usize].push(x);
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_iter().filter(|g| g.len() >= 2).collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

fn dot_map(m: &FastMap<u32, f32>, v: &Vector) -> f32 {
    v.iter()
        .map(|(id, w)| w * m.get(id).copied().unwrap_or(0.0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items<'a>(texts: &[&'a str]) -> Vec<Candidate<'a>> {
        texts
            .iter()
            .enumerate()
            .map(|(k, text)| Candidate {
                text,
                field: "Khác",
                village: ["Thôn 1", "Thôn 2", "Thôn Đông", "Tổ dân phố 4"][k % 4],
            })
            .collect()
    }

    /// Petitions on issues of their own, so that IDF has something to compare with.
    const OTHERS: [&str; 6] = [
        "Trạm y tế xã thiếu thuốc và thiếu bác sĩ, đề nghị bổ sung.",
        "Quán karaoke hát to đến khuya, ảnh hưởng việc nghỉ ngơi.",
        "Hộ ông Hùng và hộ bà Lan tranh chấp ranh giới đất ở, đề nghị hòa giải.",
        "Đề nghị mở lớp dạy nghề may cho thanh niên.",
        "Cột điện trước nhà văn hóa bị nghiêng, có nguy cơ đổ.",
        "Các khoản thu đầu năm học ở trường tiểu học quá nhiều.",
    ];

    fn with_others<'a>(texts: &[&'a str]) -> Vec<&'a str> {
        texts.iter().chain(OTHERS.iter()).copied().collect()
    }

    #[test]
    fn same_petition_without_marks_and_in_another_order_is_grouped() {
        let texts = with_others(&[
            "Đường liên thôn xuống cấp nghiêm trọng, nhiều ổ gà.",
            "NHIEU O GA, duong lien thon xuong cap nghiem trong",
        ]);
        assert_eq!(suggest(&items(&texts)), vec![vec![0, 1]]);
    }

    #[test]
    fn decomposed_text_and_formulas_do_not_matter() {
        let texts = with_others(&[
            "Cử tri thôn đề nghị xã xem xét giải quyết: rác thải không được thu gom.",
            "Ra\u{0301}c tha\u{0309}i không được thu gom", // typed as base letters + marks
        ]);
        assert_eq!(suggest(&items(&texts)), vec![vec![0, 1]]);
    }

    #[test]
    fn different_issues_are_not_grouped() {
        assert!(suggest(&items(&OTHERS)).is_empty());
        // The same words, another issue: the road's surface and its lights.
        let texts = with_others(&[
            "Đường liên thôn xuống cấp, nhiều ổ gà, đề nghị sửa chữa.",
            "Đèn đường liên thôn không sáng, đề nghị thay bóng.",
            "Mặt đường liên thôn hư hỏng, ổ gà lớn.",
            "Đèn chiếu sáng đường liên thôn hỏng, buổi tối không sáng.",
        ]);
        assert_eq!(suggest(&items(&texts)), vec![vec![0, 2], vec![1, 3]]);
    }

    #[test]
    fn a_petition_on_two_issues_does_not_chain_them() {
        let texts = with_others(&[
            "Đường liên thôn xuống cấp, nhiều ổ gà, mưa lầy lội.",
            "Đường liên thôn nhiều ổ gà, xuống cấp nặng.",
            "Mặt đường liên thôn xuống cấp, ổ gà khắp nơi.",
            "Rác thải không được thu gom, tồn đọng bốc mùi hôi.",
            "Rác tồn đọng nhiều ngày không thu gom, mùi hôi.",
            "Thu gom rác không thường xuyên, rác tồn đọng bốc mùi.",
            // The bridge: both issues in one petition.
            "Đường liên thôn nhiều ổ gà, rác thải tồn đọng không thu gom.",
        ]);
        let groups = suggest(&items(&texts));
        let road = [0, 1, 2];
        let rubbish = [3, 4, 5];
        assert!(groups.iter().any(|g| road.iter().all(|i| g.contains(i))));
        assert!(groups.iter().any(|g| rubbish.iter().all(|i| g.contains(i))));
        for g in &groups {
            let roads = g.iter().any(|i| road.contains(i));
            let rubbishes = g.iter().any(|i| rubbish.contains(i));
            assert!(!(roads && rubbishes), "{groups:?}");
        }
    }

    #[test]
    fn own_village_name_is_not_a_shared_issue() {
        let texts = [
            "Cử tri thôn Đông Hà đề nghị sửa đường liên thôn.",
            "Thôn Đông Hà thiếu nước sạch sinh hoạt.",
            "Thôn Đông Hà đề nghị công khai danh sách hộ nghèo.",
        ];
        let items: Vec<Candidate<'_>> = texts
            .iter()
            .map(|text| Candidate {
                text,
                field: "",
                village: "Thôn Đông Hà",
            })
            .chain(OTHERS.iter().map(|text| Candidate {
                text,
                field: "",
                village: "Thôn 2",
            }))
            .collect();
        assert!(suggest(&items).is_empty());
    }

    /// Petitions from templates with village names, numbers and words dropped: many
    /// groups and enough noise for every rule of the output to be exercised.
    fn generated(n: usize) -> Vec<(String, String)> {
        const TOPICS: [&str; 8] = [
            "đường liên thôn xuống cấp nhiều ổ gà lầy lội",
            "kênh mương nội đồng bồi lắng cần nạo vét",
            "rác thải không được thu gom tồn đọng bốc mùi",
            "cấp giấy chứng nhận quyền sử dụng đất chậm",
            "trợ cấp người cao tuổi chi trả chậm nhiều tháng",
            "điện yếu chập chờn mất điện thường xuyên trạm biến áp quá tải",
            "trâu bò thả rông trên đường gây mất an toàn",
            "trường mầm non thiếu phòng học mái dột",
        ];
        let mut seed = 7u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..n)
            .map(|k| {
                let words: Vec<&str> = TOPICS[next() as usize % TOPICS.len()]
                    .split(' ')
                    .filter(|_| next() % 8 != 0)
                    .collect();
                let text = format!("Đề nghị {} đoạn {}", words.join(" "), next() % 1000);
                (text, format!("Thôn {}", k % 12))
            })
            .collect()
    }

    #[test]
    fn output_obeys_its_contract_and_is_deterministic() {
        let data = generated(400);
        let items: Vec<Candidate<'_>> = data
            .iter()
            .map(|(text, village)| Candidate {
                text,
                field: "Khác",
                village,
            })
            .collect();
        let groups = suggest(&items);
        assert!(!groups.is_empty());
        let mut seen = vec![false; items.len()];
        for g in &groups {
            assert!(g.len() >= 2);
            assert!(g.windows(2).all(|w| w[0] < w[1]), "sorted: {g:?}");
            for &i in g {
                assert!(!seen[i], "{i} in two groups");
                seen[i] = true;
            }
        }
        assert!(groups
            .windows(2)
            .all(|w| (w[1].len(), w[0][0]) < (w[0].len(), w[1][0]) || w[0].len() > w[1].len()));
        assert_eq!(suggest(&items), groups);
    }

    #[test]
    fn too_few_petitions_make_no_groups() {
        assert!(suggest(&[]).is_empty());
        assert!(suggest(&items(&["Đường liên thôn xuống cấp"])).is_empty());
        assert!(suggest(&items(&["", "  ", "..."])).is_empty());
    }

    #[test]
    fn rules_drop_formulas_and_join_synonyms() {
        let mut lex = Lexicon::new();
        let mut written = Vec::new();
        split_words(
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất, thôn 3; vệ sinh, đường xá",
            &mut written,
        );
        let words: Vec<(u32, bool)> = written.iter().map(|&(w, b)| (lex.word(w), b)).collect();
        let terms: Vec<(&str, bool)> = terms(&lex, &words, &[])
            .into_iter()
            .map(|(w, _, b, _)| (w, b))
            .collect();
        assert_eq!(
            terms,
            [
                ("cap", false),
                ("so", false),
                ("do", false),
                ("ve", true),
                ("sinh", false),
                ("duong", true),
            ]
        );
    }
}
