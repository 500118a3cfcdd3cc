//! The office's words for files locked with a passphrase: the full backup and the office's
//! key file. Vietnamese, as the rest of the office's table.

use crate::domain::bundle::office_key::KeyFileError;
use crate::domain::bundle::sealed::LockedError;
use crate::domain::passphrase::Strength;

pub struct LockTexts {
    pub passphrase: &'static str,
    pub passphrase_again: &'static str,
    pub passphrase_hint: &'static str,
    pub mismatch: &'static str,
    pub forget_warning: &'static str,
    pub lock_failed: &'static str,
    pub download_locked: &'static str,
    pub plain_summary: &'static str,
    pub plain_warning: &'static str,
    pub plain_confirm: &'static str,
    pub download_plain: &'static str,
    pub unlock_title: &'static str,
    pub unlock_passphrase: &'static str,
    pub unlock_button: &'static str,
    pub key_file_title: &'static str,
    pub key_file_intro: &'static str,
    pub key_file_save: &'static str,
    pub key_file_saved: fn(&str) -> String,
    pub key_file_pick: &'static str,
    pub key_file_unlock: &'static str,
    pub key_file_imported: fn(&str) -> String,
    pub no_key: &'static str,
}

impl LockTexts {
    pub fn strength(&self, s: Strength) -> &'static str {
        match s {
            Strength::TooShort => "Mật khẩu quá ngắn: cần ít nhất 10 ký tự.",
            Strength::Weak => {
                "Mật khẩu yếu: người có tệp có thể dò ra. Nên dài hơn, ghép thêm vài từ."
            }
            Strength::Fair => "Mật khẩu tạm được; dài hơn thì an toàn hơn.",
            Strength::Strong => "Mật khẩu mạnh.",
        }
    }

    pub fn locked_error(&self, e: &LockedError) -> &'static str {
        match e {
            LockedError::WrongPassphrase => {
                "Mật khẩu không đúng (hoặc tệp đã bị sửa). Không có gì thay đổi."
            }
            LockedError::NotLocked => {
                "Tệp này được mã hoá cho khoá của văn phòng, không phải bằng mật khẩu: đây là tệp kiến nghị của thôn, hãy nhận ở trang Nhận tệp các thôn."
            }
            LockedError::Damaged => "Tệp bị hỏng hoặc đã bị sửa. Không có gì thay đổi.",
            LockedError::Truncated => {
                "Tệp bị thiếu phần cuối (chép chưa hết). Hãy chép lại tệp. Không có gì thay đổi."
            }
            LockedError::NotText => "Nội dung tệp không phải văn bản. Không có gì thay đổi.",
            LockedError::TooCostly => {
                "Tệp đòi mức tính toán quá lớn để mở; không mở tệp lạ này. Không có gì thay đổi."
            }
        }
    }

    pub fn key_file_error(&self, e: KeyFileError) -> &'static str {
        match e {
            KeyFileError::NotKeyFile => "Tệp này không phải tệp khoá của văn phòng.",
            KeyFileError::BadKey => "Khoá trong tệp không hợp lệ. Không có gì thay đổi.",
        }
    }
}

pub static VI: LockTexts = LockTexts {
    passphrase: "Mật khẩu bảo vệ tệp",
    passphrase_again: "Nhập lại mật khẩu",
    passphrase_hint: "Ít nhất 10 ký tự. Nên là một câu chỉ bạn nhớ, gồm bốn, năm từ không liền nghĩa.",
    mismatch: "Hai lần nhập mật khẩu không giống nhau.",
    forget_warning: "Quên mật khẩu là mất tệp: không ai mở lại được, kể cả người làm ứng dụng. Hãy ghi mật khẩu vào sổ và cất riêng, không để cùng chỗ với tệp.",
    lock_failed: "Không mã hoá được tệp. Không có tệp nào được tải về.",
    download_locked: "Tải bản sao lưu có mật khẩu",
    plain_summary: "Tải bản không mã hoá…",
    plain_warning: "Tệp không mã hoá chứa rõ mọi kiến nghị; họ tên, địa chỉ, số điện thoại của người kiến nghị và người tố cáo; và khoá bí mật của văn phòng: ai có tệp đều đọc được, và mở được mọi tệp các thôn đã mã hoá gửi xã.",
    plain_confirm: "Tôi hiểu, vẫn tải tệp không mã hoá",
    download_plain: "Tải bản sao lưu không mã hoá",
    unlock_title: "Tệp có mật khẩu",
    unlock_passphrase: "Mật khẩu của tệp",
    unlock_button: "Mở tệp",
    key_file_title: "Tệp khoá của văn phòng",
    key_file_intro: "Khoá bí mật của văn phòng nằm trong trình duyệt này (dữ liệu của trang /office/) và trong mỗi bản sao lưu toàn bộ. Lưu một tệp khoá có mật khẩu để cất giữ, hoặc để máy thứ hai của văn phòng mở được các tệp thôn đã mã hoá.",
    key_file_save: "Lưu tệp khoá (có mật khẩu)",
    key_file_saved: |name| format!("Đã tải tệp khoá “{name}”. Cất tệp và mật khẩu ở hai nơi khác nhau."),
    key_file_pick: "Nhập tệp khoá từ máy khác…",
    key_file_unlock: "Mở tệp khoá",
    key_file_imported: |commune| {
        let commune = crate::domain::text::shown_safely(commune);
        format!("Đã nhập khoá của văn phòng xã {commune}. Máy này mở được các tệp thôn mã hoá cho khoá đó; tệp thiết lập xuất từ máy này mang khoá đó.")
    },
    no_key: "Văn phòng chưa có khoá: hãy lưu thiết lập trước.",
};
