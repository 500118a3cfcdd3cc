//! A village tablet's rounds of collecting (one per dialogue): the next dialogue's setup
//! file, the confirmation before a round ends, and the rounds kept read-only. Vietnamese
//! and English; kept apart from the main table, as the tablet's second module alone
//! shows these screens.

use super::{Lang, Texts};
use crate::domain::text::shown_safely;

pub struct RoundTexts {
    /// A newer setup file opens another dialogue: what ending the round does.
    pub new_round: fn(&str, &str, usize) -> String,
    /// Changes the office has not received yet.
    pub unsent: fn(usize) -> String,
    pub export_first: &'static str,
    pub begin: &'static str,
    pub cancel: &'static str,
    pub begun: fn(&str) -> String,
    pub history: &'static str,
    pub history_hint: &'static str,
    pub none: &'static str,
    /// "Đối thoại năm 2026 — kết thúc 07/12/2026 — 12 kiến nghị"
    pub summary: fn(&str, &str, usize) -> String,
    pub untitled: &'static str,
    pub no_results: &'static str,
}

pub static VI: RoundTexts = RoundTexts {
    new_round: |old, new, n| {
        format!(
            "Tệp thiết lập này là của cuộc đối thoại mới: “{}”. Máy sẽ bắt đầu vòng thu thập mới. {n} kiến nghị của “{}” được cất vào lịch sử, vẫn xem được, nhưng không gửi lại về xã.",
            shown_safely(new),
            shown_safely(old)
        )
    },
    unsent: |n| {
        format!("Chú ý: {n} kiến nghị có thay đổi chưa gửi về xã. Hãy gửi tệp của vòng cũ trước, rồi nhận lại tệp thiết lập này.")
    },
    export_first: "Gửi tệp vòng cũ trước",
    begin: "Bắt đầu vòng mới",
    cancel: "Để sau",
    begun: |new| format!("Đã bắt đầu vòng thu thập mới: “{}”.", shown_safely(new)),
    history: "Các vòng thu thập trước",
    history_hint: "Kiến nghị và kết quả của các cuộc đối thoại trước, chỉ để xem.",
    none: "Chưa có vòng nào trước đây.",
    summary: |title, ended, n| {
        format!("{} — kết thúc {ended} — {n} kiến nghị", shown_safely(title))
    },
    untitled: "Cuộc đối thoại trước",
    no_results: "Chưa nhận kết quả của xã cho vòng này.",
};

pub static EN: RoundTexts = RoundTexts {
    new_round: |old, new, n| {
        format!(
            "This setup file is for a new dialogue: “{}”. The tablet will start a new round. The {n} petitions of “{}” are kept in the history, still readable, but never sent again.",
            shown_safely(new),
            shown_safely(old)
        )
    },
    unsent: |n| {
        format!("Note: {n} petitions have changes the commune has not received. Send the old round's file first, then take this setup file again.")
    },
    export_first: "Send the old round first",
    begin: "Start the new round",
    cancel: "Not now",
    begun: |new| format!("A new round has started: “{}”.", shown_safely(new)),
    history: "Earlier rounds",
    history_hint: "The petitions and results of earlier dialogues, for reading only.",
    none: "No earlier round yet.",
    summary: |title, ended, n| format!("{} — ended {ended} — {n} petitions", shown_safely(title)),
    untitled: "An earlier dialogue",
    no_results: "No results from the commune for this round.",
};

impl Texts {
    /// The rounds' strings in this language.
    pub fn rounds(&self) -> &'static RoundTexts {
        match self.lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}
