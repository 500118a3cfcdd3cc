//! Finding petitions as a person types: every word of the query must appear in the
//! petition's folded text (content, names, address, field), so "dat dai" finds "Đất đai"
//! and word order does not matter.

use super::petition::Petition;
use super::text::fold;

/// The folded text a petition is searched by. Computed once per petition revision, not
/// at every keystroke.
pub fn search_key(p: &Petition) -> String {
    let mut key = fold(&p.content);
    for part in p
        .petitioners
        .names()
        .iter()
        .chain([&p.address, &p.field, &p.phone])
    {
        key.push(' ');
        key.push_str(&fold(part));
    }
    key
}

/// A query: folded words and an optional field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    field: Option<String>,
}

impl Query {
    pub fn new(text: &str, field: Option<&str>) -> Self {
        Self {
            words: fold(text)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect(),
            field: field.filter(|f| !f.is_empty()).map(String::from),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.field.is_none()
    }

    /// Whether a petition, whose [`search_key`] is `key`, answers the query.
    pub fn matches(&self, p: &Petition, key: &str) -> bool {
        self.field.as_ref().is_none_or(|f| *f == p.field)
            && self.words.iter().all(|w| key.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petition::{PetitionDraft, PetitionId};
    use chrono::DateTime;

    fn p(content: &str, field: &str, names: &str) -> Petition {
        let v = PetitionDraft {
            content: content.into(),
            field: field.into(),
            kind_code: "y_kien".into(),
            names: names.into(),
            address: "Xóm Đồng".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        Petition::new(
            PetitionId::from_random([1; 16]),
            v,
            DateTime::from_timestamp(0, 0).unwrap(),
        )
    }

    #[test]
    fn diacritic_insensitive_any_word_order() {
        let a = p(
            "Cấp giấy chứng nhận quyền sử dụng đất chậm",
            "Đất đai",
            "Hoàng Văn Thủy",
        );
        let k = search_key(&a);
        assert!(Query::new("dat dai", None).matches(&a, &k));
        assert!(Query::new("CHAM giay", None).matches(&a, &k));
        assert!(Query::new("thuỷ", None).matches(&a, &k));
        assert!(Query::new("xom dong", None).matches(&a, &k));
        assert!(!Query::new("nuoc sach", None).matches(&a, &k));
    }

    #[test]
    fn field_filter_and_words_combine() {
        let a = p("Đường hỏng", "Xây dựng cơ bản", "");
        let k = search_key(&a);
        assert!(Query::new("", Some("Xây dựng cơ bản")).matches(&a, &k));
        assert!(!Query::new("duong", Some("Đất đai")).matches(&a, &k));
        assert!(Query::new("", Some("")).is_empty());
    }
}
