//! What the person is told after the stored format's migration at start
//! ([`crate::storage::migrate`]), in Vietnamese and English; the office uses the
//! Vietnamese. Nothing is said when there was nothing to do, or when the format was only
//! stamped.

use super::Texts;
use crate::storage::migrate::Migration;
use crate::storage::StoreError;

/// No room to migrate: the one failure that offers the full backup beside it.
const NO_ROOM: (&str, &str) = (
    "Bộ nhớ của trình duyệt đã đầy nên chưa chuyển được dữ liệu sang cách lưu của phiên bản mới. Dữ liệu vẫn nguyên vẹn và dùng được như cũ. Hãy tải bản sao lưu toàn bộ, rồi giải phóng dung lượng.",
    "The browser's storage is full, so the data could not be moved to the new version's storage format. It is intact and works as before. Download a full backup, then free some space.",
);

impl Texts {
    /// The message after the migration at start, if there is something to say.
    pub fn migration_notice(&self, m: &Migration) -> Option<&'static str> {
        let (vi, en) = match m {
            Migration::Current | Migration::Migrated { changed: 0, .. } => return None,
            Migration::Migrated { .. } => (
                "Ứng dụng vừa được cập nhật: dữ liệu đã được chuyển sang cách lưu mới, không mất gì.",
                "The app was updated: the data was moved to its new storage format; nothing was lost.",
            ),
            Migration::Resumed { .. } => (
                "Lần cập nhật trước bị ngắt giữa chừng: dữ liệu đã được lấy lại từ bản sao lưu tạm rồi chuyển sang cách lưu mới, không mất gì.",
                "The last update was cut short: the data was taken back from its temporary backup, then moved to the new storage format; nothing was lost.",
            ),
            Migration::NotMigrated {
                why: StoreError::Full,
                ..
            } => NO_ROOM,
            Migration::NotMigrated { .. } => (
                "Trình duyệt không cho ghi nên chưa chuyển được dữ liệu sang cách lưu của phiên bản mới. Dữ liệu vẫn nguyên vẹn và dùng được như cũ.",
                "The browser refused to write, so the data could not be moved to the new version's storage format. It is intact and works as before.",
            ),
            Migration::Newer { .. } => (
                "Dữ liệu trên máy này do một phiên bản mới hơn của ứng dụng lưu, nên được để nguyên. Hãy tải lại trang để dùng phiên bản mới.",
                "The data on this device was stored by a newer version of the app, so it is left as it is. Reload the page to use the newer version.",
            ),
        };
        Some(if self.is_vi() { vi } else { en })
    }

    /// Whether the migration's message is the one that offers the full backup.
    pub(super) fn is_no_room(&self, message: &str) -> bool {
        message == if self.is_vi() { NO_ROOM.0 } else { NO_ROOM.1 }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EN, VI};
    use super::*;

    #[test]
    fn only_what_the_person_should_know_is_said() {
        assert_eq!(VI.migration_notice(&Migration::Current), None);
        // The first start after this release only stamps the format: nothing to say.
        let stamped = Migration::Migrated {
            from: 1,
            changed: 0,
        };
        assert_eq!(VI.migration_notice(&stamped), None);
        let resumed = Migration::Resumed {
            from: 1,
            changed: 0,
        };
        assert!(VI
            .migration_notice(&resumed)
            .unwrap()
            .contains("ngắt giữa chừng"));
        let full = Migration::NotMigrated {
            at: 1,
            why: StoreError::Full,
        };
        for t in [&VI, &EN] {
            let said = t.migration_notice(&full).unwrap();
            assert!(t.offers_backup(said));
            assert!(!t.offers_backup(t.migration_notice(&resumed).unwrap()));
        }
        assert!(EN
            .migration_notice(&Migration::Newer { found: 2 })
            .unwrap()
            .contains("newer version"));
    }
}
