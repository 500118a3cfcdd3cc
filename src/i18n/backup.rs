//! The full backup's strings (Vietnamese and English), and the messages for a refused
//! backup file. Kept apart from the main table so the backup's screens are one piece; the
//! office, Vietnamese only, uses [`VI`].

use super::{Lang, Texts};
use crate::domain::bundle::backup::BackupError;
use crate::domain::text::shown_safely;

pub struct BackupTexts {
    pub title: &'static str,
    pub hint: &'static str,
    pub download: &'static str,
    pub done: fn(&str) -> String,
    pub download_failed: &'static str,
    pub restore_title: &'static str,
    pub restore_hint: &'static str,
    pub restore_pick: &'static str,
    /// The confirmation: when the file was made, by whom, what it holds, what is held now.
    pub confirm: fn(&str, &str, &str, &str) -> String,
    pub confirm_button: &'static str,
    pub cancel: &'static str,
    pub petitions: fn(usize) -> String,
    pub entries: fn(usize) -> String,
    pub not_in_file: &'static str,
    /// "Not restored: {reason} What is stored has not changed."
    pub refused: fn(&str) -> String,
    /// The store refused the restore's writes: everything was put back.
    pub not_restored: fn(&str) -> String,
    pub unknown_key: fn(&str) -> String,
    pub unreadable: fn(&str) -> String,
    pub office_data_here: &'static str,
    pub nothing: &'static str,
}

pub static VI: BackupTexts = BackupTexts {
    title: "Sao lưu toàn bộ",
    hint: "Một tệp chứa mọi dữ liệu đang lưu trên máy này (kiến nghị, buổi họp, cài đặt, cả các mục bị hỏng), không mã hoá: ai có tệp đều đọc được tên, số điện thoại người kiến nghị, kể cả người tố cáo. Chỉ cất vào USB của thôn và giữ như sổ sách; không gửi qua Zalo hay mạng xã hội.",
    download: "Tải bản sao lưu toàn bộ",
    done: |name| format!("Đã tải bản sao lưu: {name}."),
    download_failed: "Trình duyệt không cho tải tệp về máy.",
    restore_title: "Khôi phục từ bản sao lưu",
    restore_hint: "Dữ liệu trong tệp sẽ thay toàn bộ dữ liệu đang lưu. Tệp hỏng hoặc không đúng bị từ chối, không thay đổi gì.",
    restore_pick: "Chọn tệp sao lưu…",
    confirm: |made_at, who, holds, now| {
        let who = shown_safely(who);
        format!("Tệp sao lưu của {who}, lập lúc {made_at}, có {holds}. Khôi phục sẽ xoá toàn bộ dữ liệu đang lưu trên máy này ({now}) và thay bằng dữ liệu trong tệp.")
    },
    confirm_button: "Khôi phục, thay dữ liệu hiện tại",
    cancel: "Huỷ",
    petitions: |n| format!("{n} kiến nghị"),
    entries: |n| format!("{n} mục dữ liệu"),
    not_in_file: "không có trong tệp, giữ nguyên",
    refused: |why| format!("Không khôi phục: {why} Dữ liệu đang lưu không thay đổi."),
    not_restored: |why| format!("Không khôi phục được: {why} Dữ liệu cũ vẫn giữ nguyên."),
    unknown_key: |key| format!("Tệp có mục “{key}” không phải của ứng dụng này."),
    unreadable: |key| format!("Mục “{key}” trong tệp không đọc được."),
    office_data_here: "Tệp này có cả dữ liệu của văn phòng xã: hãy khôi phục ở trang của văn phòng (/office/).",
    nothing: "Tệp sao lưu không có dữ liệu nào.",
};

pub static EN: BackupTexts = BackupTexts {
    title: "Full backup",
    hint: "One file with everything stored on this device (petitions, the meeting, settings, damaged entries too), not encrypted: whoever has it reads petitioners' names and phones, a denouncer's too. Keep it only on the village's USB stick, as you keep the records; never send it over Zalo or social media.",
    download: "Download a full backup",
    done: |name| format!("Backup downloaded: {name}."),
    download_failed: "The browser did not let the file be downloaded.",
    restore_title: "Restore from a backup",
    restore_hint: "The file's data replaces everything stored. A damaged or wrong file is refused and changes nothing.",
    restore_pick: "Choose a backup file…",
    confirm: |made_at, who, holds, now| {
        let who = shown_safely(who);
        format!("Backup of {who}, made {made_at}, holding {holds}. Restoring deletes everything stored on this device ({now}) and puts the file's data in its place.")
    },
    confirm_button: "Restore, replacing the current data",
    cancel: "Cancel",
    petitions: |n| format!("{n} petitions"),
    entries: |n| format!("{n} entries"),
    not_in_file: "not in the file, kept",
    refused: |why| format!("Not restored: {why} What is stored has not changed."),
    not_restored: |why| format!("Could not restore: {why} The old data is kept."),
    unknown_key: |key| format!("The file has an entry “{key}” that is not this app's."),
    unreadable: |key| format!("The entry “{key}” in the file cannot be read."),
    office_data_here: "This file also holds the commune office's data: restore it from the office's page (/office/).",
    nothing: "The backup file holds no data.",
};

impl Texts {
    /// The backup's strings in this language.
    pub fn backup(&self) -> &'static BackupTexts {
        match self.lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// Why a backup file was refused, in a sentence.
    pub fn backup_error(&self, e: &BackupError) -> String {
        let b = self.backup();
        match e {
            BackupError::File(f) => self.file_error(f),
            BackupError::UnknownKey { key } => (b.unknown_key)(&shown_safely(key)),
            BackupError::Unreadable { key } => (b.unreadable)(&shown_safely(key)),
            BackupError::OfficeDataHere => b.office_data_here.to_string(),
            BackupError::Nothing => b.nothing.to_string(),
        }
    }

    /// Whether a message is (or ends with) "storage is full", or says the migration at
    /// start found no room: the ones that offer the full backup beside them.
    pub fn offers_backup(&self, message: &str) -> bool {
        message.ends_with(self.store_full) || self.is_no_room(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::FileError;

    #[test]
    fn a_refused_backup_says_why_in_vietnamese() {
        let t = &super::super::VI;
        assert_eq!(
            (t.backup().refused)(&t.backup_error(&BackupError::File(FileError::ChecksumMismatch))),
            "Không khôi phục: Mã kiểm tra không khớp: tệp đã bị sửa hoặc hỏng trên đường gửi. Hãy xin lại tệp gốc. Dữ liệu đang lưu không thay đổi."
        );
        assert!(t.offers_backup(t.store_full));
        assert!(!t.offers_backup(t.store_not_saved));
    }

    #[test]
    fn keys_and_names_from_a_backup_file_are_echoed_safely() {
        use super::super::tests::{echoes_safely, hostile_name};
        let h = format!("dt1:{}", hostile_name());
        for t in [&super::super::VI, &super::super::EN] {
            echoes_safely(&t.backup_error(&BackupError::UnknownKey { key: h.clone() }));
            echoes_safely(&t.backup_error(&BackupError::Unreadable { key: h.clone() }));
            echoes_safely(&(t.backup().confirm)("01/12/2026 10:00", &h, "2", "3"));
        }
    }
}
