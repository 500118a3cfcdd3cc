//! The one catalogue of every string a person reads, in Vietnamese (the app's language)
//! and English (chosen in settings). A struct rather than a key lookup so that a missing
//! translation is a compile error, not a blank on a village head's screen.

pub mod backup;
pub mod denunciation;
pub mod dialogues;
pub mod lock;
pub mod migration;
pub mod office;
pub mod rounds;
pub mod session;

use crate::domain::bundle::results::{PetitionResult, ResultAnswer, ResultOutcome};
use crate::domain::bundle::{FieldProblem, FileError, FileKind};
use crate::domain::petition::{Kind, PetitionError};
use crate::domain::text::{number, shown_safely};
use crate::domain::time::format_date;
use crate::domain::village::{MeetingError, ProfileError};
use crate::storage::StoreError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

pub struct Texts {
    pub lang: Lang,
    pub app_name: &'static str,
    pub language: &'static str,
    pub nav_label: &'static str,
    pub nav_petitions: &'static str,
    pub nav_meeting: &'static str,
    pub nav_export: &'static str,
    pub nav_settings: &'static str,

    // First start
    pub welcome_title: &'static str,
    pub welcome_intro: &'static str,
    pub role_legend: &'static str,
    pub role_village: &'static str,
    pub role_office: &'static str,
    pub role_office_later: &'static str,
    pub setup_file_title: &'static str,
    pub setup_file_hint: &'static str,
    pub setup_file_pick: &'static str,
    pub setup_file_read: fn(&str, usize, usize) -> String,
    pub setup_choose_village: &'static str,
    /// The empty first choice of a list the person must choose from.
    pub choose_village: &'static str,
    pub choose_field: &'static str,
    pub village_not_chosen: &'static str,
    /// A petition without names, raised by one person.
    pub no_name: &'static str,
    /// Asked before a petition the commune has answered is edited or deleted.
    pub answered_change: &'static str,
    pub setup_by_hand_title: &'static str,
    pub commune: &'static str,
    pub village: &'static str,
    pub village_head: &'static str,
    pub start: &'static str,

    // Petition form
    pub form_new: &'static str,
    pub form_edit: &'static str,
    pub content: &'static str,
    pub field: &'static str,
    pub kind: &'static str,
    pub petitioners: &'static str,
    pub petitioners_hint: &'static str,
    /// A box near its limit: characters typed of the most it takes.
    pub typed_of: fn(usize, usize) -> String,
    /// Under a box holding invisible or direction characters, which saving drops.
    pub hidden_characters: &'static str,
    /// A paste longer than the box takes: its length, the limit, the characters kept.
    pub paste_cut: fn(usize, usize, usize) -> String,
    /// Texts of a form typed in a legacy encoding: the heading over them as converted.
    pub legacy_found: &'static str,
    pub legacy_convert: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub backers: &'static str,
    pub fewer: &'static str,
    pub more: &'static str,
    pub confidential: &'static str,
    pub confidential_hint: &'static str,
    pub save_petition: &'static str,
    pub cancel_edit: &'static str,
    pub saved: &'static str,

    // Petition list
    pub list_title: fn(usize) -> String,
    pub search: &'static str,
    pub filter_field: &'static str,
    pub all_fields: &'static str,
    pub no_petitions: &'static str,
    pub no_match: &'static str,
    pub many_citizens: &'static str,
    pub identity_confidential: &'static str,
    pub backers_count: fn(u32) -> String,
    pub edit: &'static str,
    pub delete: &'static str,
    pub deleted: &'static str,
    pub undo: &'static str,
    pub restored: &'static str,
    pub select_to_merge: &'static str,
    pub merge_selected: &'static str,
    pub merge_hint: &'static str,
    pub merged: &'static str,

    // Meeting
    pub meeting_title: &'static str,
    pub meeting_plan: fn(&str, &str, &str) -> String,
    pub meeting_outside_window: &'static str,
    pub meeting_date: &'static str,
    pub meeting_place: &'static str,
    pub meeting_chair: &'static str,
    pub meeting_attendance: &'static str,
    pub attendees_title: &'static str,
    pub attendees_hint: &'static str,
    pub attendee_role: &'static str,
    pub attendee_name: &'static str,
    pub add_attendee: &'static str,
    pub remove_attendee: &'static str,
    pub named_count: fn(usize) -> String,
    pub meeting_saved: &'static str,

    // Export
    pub export_title: &'static str,
    pub export_summary: fn(usize, usize) -> String,
    pub export_no_meeting: &'static str,
    pub export_last: fn(&str, u32) -> String,
    pub export_never: &'static str,
    pub export_download: &'static str,
    pub export_share: &'static str,
    pub export_done: fn(&str) -> String,
    pub export_privacy: &'static str,
    pub export_encrypt: &'static str,
    pub export_seal_failed: &'static str,
    pub key_taken: &'static str,
    pub setup_no_key: &'static str,

    // Results from the commune
    pub results_title: &'static str,
    pub results_hint: &'static str,
    pub results_pick: &'static str,
    /// The export page's link to the page that takes the results in.
    pub results_open: &'static str,
    pub results_none: &'static str,
    /// When the results held were exported, and how many petitions they answer.
    /// When the file was exported; petitions with a result, and of them those answered.
    pub results_held: fn(&str, usize, usize) -> String,
    pub results_imported: fn(usize, usize) -> String,
    pub results_unchanged: &'static str,
    /// When the results already held were exported.
    pub results_older: fn(&str) -> String,
    pub result_label: &'static str,

    // Settings
    pub settings_title: &'static str,
    pub large_text: &'static str,
    pub device_id: &'static str,
    pub this_tablet: &'static str,
    pub broken_title: &'static str,
    pub broken_none: &'static str,
    pub broken_count: fn(usize) -> String,
    pub broken_download: &'static str,
    pub broken_at_start: fn(usize) -> String,
    pub offline_ready: &'static str,

    // Errors
    pub store_full: &'static str,
    pub store_not_saved: &'static str,
    pub store_stale: &'static str,
    pub store_read_only: &'static str,
    pub read_failed: &'static str,
    pub changed_elsewhere: &'static str,
    pub close: &'static str,
}

impl Texts {
    pub fn kind(&self, k: Kind) -> &'static str {
        let vi = match k {
            Kind::Opinion => "Ý kiến",
            Kind::Recommendation => "Kiến nghị",
            Kind::Report => "Phản ánh",
            Kind::Question => "Câu hỏi",
            Kind::Complaint => "Khiếu nại",
            Kind::Denunciation => "Tố cáo",
        };
        if self.is_vi() {
            return vi;
        }
        match k {
            Kind::Opinion => "Opinion",
            Kind::Recommendation => "Recommendation",
            Kind::Report => "Report of a problem",
            Kind::Question => "Question",
            Kind::Complaint => "Complaint",
            Kind::Denunciation => "Denunciation",
        }
    }

    fn is_vi(&self) -> bool {
        self.lang == Lang::Vi
    }

    /// What the session decided about a petition, in a sentence for the village head.
    /// (Put together from pieces rather than with `format!`: less code on the tablet.)
    pub fn result_outcome(&self, o: &ResultOutcome) -> String {
        let vi = self.is_vi();
        let l = |v: &'static str, e: &'static str| if vi { v } else { e };
        match o {
            ResultOutcome::Answered { summary, by } => {
                let by = if by.is_empty() {
                    String::new()
                } else {
                    [" (", by, ")"].concat()
                };
                [
                    l("Đã trả lời tại hội nghị", "Answered at the session"),
                    &by,
                    ": ",
                    summary,
                ]
                .concat()
            }
            ResultOutcome::Later { department, due } => [
                l("Giao ", ""),
                department,
                l(" trả lời, chậm nhất ngày ", " will answer by "),
                &format_date(*due),
                ".",
            ]
            .concat(),
            ResultOutcome::Forwarded { agency, reply_by } => [
                l(
                    "Vượt thẩm quyền của xã, đã chuyển ",
                    "Beyond the commune's authority, sent to ",
                ),
                agency,
                l(
                    "; người nêu được thông báo chậm nhất ngày ",
                    "; the petitioner hears by ",
                ),
                &format_date(*reply_by),
                ".",
            ]
            .concat(),
            ResultOutcome::Declined { reason, channel } => [
                l(
                    "Không thuộc nội dung đối thoại: ",
                    "Not a matter for the dialogue: ",
                ),
                reason,
                stop(reason),
                l(" Hướng dẫn: ", " Where to go: "),
                channel,
            ]
            .concat(),
            ResultOutcome::Withdrawn => l(
                "Người nêu đã rút lại ý kiến.",
                "The petitioner withdrew it.",
            )
            .to_string(),
        }
    }

    /// "Kết quả: …", and the final answer on a line of its own, if there is one.
    pub fn result_text(&self, r: &PetitionResult) -> String {
        let mut out = [self.result_label, ": ", &self.result_outcome(&r.outcome)].concat();
        if let Some(a) = &r.answer {
            out.push('\n');
            out.push_str(&self.result_answer(a));
        }
        out
    }

    /// The final answer to a matter left open at the session.
    pub fn result_answer(&self, a: &ResultAnswer) -> String {
        let vi = self.is_vi();
        let l = |v: &'static str, e: &'static str| if vi { v } else { e };
        let mut out = [
            l("Trả lời ngày ", "Answered on "),
            &format_date(a.answered_on),
            ": ",
            &a.answer,
        ]
        .concat();
        if !a.agency_answer.is_empty() {
            out.push_str(stop(&out));
            out.push_str(l(
                " Cơ quan cấp trên trả lời: ",
                " The higher agency's answer: ",
            ));
            out.push_str(&a.agency_answer);
        }
        if let Some(told) = a.told_on {
            out.push_str(stop(&out));
            out.push_str(l(
                " Đã báo cho người nêu ngày ",
                " The petitioner was told on ",
            ));
            out.push_str(&format_date(told));
            out.push('.');
        }
        out
    }

    pub fn petition_error(&self, e: &PetitionError) -> &'static str {
        let (vi, en) = match e {
            PetitionError::EmptyContent => {
                ("Chưa nhập nội dung kiến nghị.", "The content is empty.")
            }
            PetitionError::ContentTooLong => (
                "Nội dung quá dài (tối đa 10.000 ký tự).",
                "The content is too long (10,000 characters at most).",
            ),
            PetitionError::NoField => ("Chưa chọn lĩnh vực.", "Choose a field."),
            PetitionError::UnknownKind => ("Chưa chọn loại kiến nghị.", "Choose a kind."),
            PetitionError::LineTooLong => (
                "Tên, địa chỉ hoặc số điện thoại quá dài (tối đa 300 ký tự).",
                "A name, address or phone number is too long (300 characters at most).",
            ),
            PetitionError::TooManyNames => (
                "Quá nhiều tên người nêu (tối đa 200).",
                "Too many names (200 at most).",
            ),
            PetitionError::BadBackers => (
                "Số người cùng kiến nghị phải là số từ 1 trở lên.",
                "The number of backers must be a whole number of at least 1.",
            ),
            PetitionError::BadPhone => (
                "Số điện thoại chỉ gồm chữ số, dấu cách, +, -, dấu chấm và ngoặc.",
                "A phone number holds only digits, spaces, +, -, dots and brackets.",
            ),
        };
        if self.is_vi() {
            vi
        } else {
            en
        }
    }

    pub fn profile_error(&self, e: &ProfileError) -> &'static str {
        let (vi, en) = match e {
            ProfileError::NoCommune => ("Chưa nhập tên xã.", "Enter the commune's name."),
            ProfileError::NoVillage => ("Chưa nhập tên thôn.", "Enter the village's name."),
            ProfileError::NoHead => (
                "Chưa nhập họ tên trưởng thôn.",
                "Enter the village head's name.",
            ),
            ProfileError::TooLong => (
                "Tên quá dài (tối đa 200 ký tự).",
                "A name is too long (200 characters at most).",
            ),
        };
        if self.is_vi() {
            vi
        } else {
            en
        }
    }

    pub fn meeting_error(&self, e: &MeetingError) -> &'static str {
        let (vi, en) = match e {
            MeetingError::BadDate => (
                "Ngày họp chưa đúng: viết theo dạng ngày/tháng/năm, ví dụ 27/08/2026.",
                "The meeting date is not valid: write it day/month/year, e.g. 27/08/2026.",
            ),
            MeetingError::BadAttendance => (
                "Tổng số người dự phải là một số nguyên không âm.",
                "The attendance must be a whole number.",
            ),
            MeetingError::TooLong => ("Một ô nhập quá dài.", "An entry is too long."),
        };
        if self.is_vi() {
            vi
        } else {
            en
        }
    }

    pub fn store_error(&self, e: &StoreError) -> &'static str {
        match e {
            StoreError::Full => self.store_full,
            StoreError::NotSaved => self.store_not_saved,
            StoreError::Stale => self.store_stale,
            StoreError::ReadOnly => self.store_read_only,
        }
    }

    /// The message for a refused file: what is wrong, in words a village head can act on.
    pub fn file_error(&self, e: &FileError) -> String {
        let vi = self.is_vi();
        match e {
            FileError::Empty => pick(vi, "Tệp trống, không có nội dung.", "The file is empty."),
            FileError::TooLarge { limit_bytes } => {
                let mb = limit_bytes / (1024 * 1024);
                if vi {
                    format!("Tệp quá lớn (giới hạn {mb} MB). Hãy kiểm tra lại có chọn đúng tệp không.")
                } else {
                    format!("The file is too large (limit {mb} MB). Check that it is the right file.")
                }
            }
            FileError::NotJson { line, column } => {
                if vi {
                    format!("Tệp không đúng định dạng JSON (lỗi ở dòng {line}, cột {column}). Có thể đã chọn nhầm tệp.")
                } else {
                    format!("The file is not valid JSON (error at line {line}, column {column}). It may be the wrong file.")
                }
            }
            FileError::Truncated => pick(
                vi,
                "Tệp bị cắt cụt: nội dung dừng giữa chừng. Hãy chép lại tệp từ nơi gửi.",
                "The file is truncated: it stops part-way. Copy it again from its source.",
            ),
            FileError::WrongFormat { expected, found } => {
                let what = |kind: &FileKind| match (kind, vi) {
                    (FileKind::CommuneSetup, true) => "tệp thiết lập của xã",
                    (FileKind::CommuneSetup, false) => "a commune setup file",
                    (FileKind::VillageBundle, true) => "tệp kiến nghị của thôn",
                    (FileKind::VillageBundle, false) => "a village bundle",
                    (FileKind::Results, true) => "tệp kết quả của xã",
                    (FileKind::Results, false) => "a results file",
                    (FileKind::Backup, true) => "tệp sao lưu của ứng dụng",
                    (FileKind::Backup, false) => "a backup file of this app",
                };
                // Another of the app's files is named for what it is; the format's
                // internal name means nothing to the person holding it.
                let kinds = [
                    FileKind::CommuneSetup,
                    FileKind::VillageBundle,
                    FileKind::Results,
                    FileKind::Backup,
                ];
                let other = kinds
                    .iter()
                    .find(|k| found.as_deref() == Some(k.format_name()));
                let (want, other) = (what(expected), other.map(what));
                match (other, vi) {
                    (Some(o), true) => format!("Đây là {o}, không phải {want}."),
                    (Some(o), false) => format!("This is {o}, not {want}."),
                    (None, true) => format!("Đây không phải {want}: ứng dụng không nhận ra loại tệp này."),
                    (None, false) => format!("This is not {want}: the app does not know this kind of file."),
                }
            }
            FileError::UnsupportedVersion { found, supported } => {
                let found = shown_safely(found);
                if vi {
                    format!("Phiên bản tệp {found} chưa được hỗ trợ (ứng dụng đọc được đến phiên bản {supported}). Hãy cập nhật ứng dụng.")
                } else {
                    format!("File version {found} is not supported (this app reads up to version {supported}). Update the app.")
                }
            }
            FileError::ChecksumMismatch => pick(
                vi,
                "Mã kiểm tra không khớp: tệp đã bị sửa hoặc hỏng trên đường gửi. Hãy xin lại tệp gốc.",
                "The checksum does not match: the file was changed or damaged on the way. Ask for the original.",
            ),
            FileError::BadField { path, problem } => match (problem, vi, shown_safely(path)) {
                (FieldProblem::WrongType, true, path) => format!("Trường “{path}” sai kiểu dữ liệu."),
                (FieldProblem::WrongType, false, path) => format!("The member “{path}” has the wrong type."),
                (FieldProblem::Missing, true, path) => format!("Thiếu trường bắt buộc “{path}”."),
                (FieldProblem::Missing, false, path) => format!("The required member “{path}” is missing."),
                (FieldProblem::Invalid, true, path) => format!("Giá trị của trường “{path}” không hợp lệ."),
                (FieldProblem::Invalid, false, path) => format!("The value of “{path}” is not valid."),
                (FieldProblem::Repeats(first), true, path) => format!(
                    "Mã ở “{path}” trùng với mã ở “{}”: cùng một kiến nghị có hai lần trong tệp. Tệp đã bị sửa hoặc ghép sai; hãy xin lại tệp gốc.",
                    shown_safely(first)
                ),
                (FieldProblem::Repeats(first), false, path) => format!(
                    "The id at “{path}” repeats the id at “{}”: the same petition is twice in the file. The file was edited or joined wrongly; ask for the original.",
                    shown_safely(first)
                ),
            },
            FileError::NotThisCommune { found } => around(
                choose(vi, "Tệp này của xã ", "This file is for "),
                &shown_safely(found),
                choose(vi, ", không phải xã của máy này.", " commune, not this tablet's."),
            ),
            FileError::NotThisVillage { found } => around(
                choose(vi, "Tệp này dành cho ", "This file is for "),
                &shown_safely(found),
                choose(vi, ", không phải thôn của máy này.", ", not this tablet's village."),
            ),
            FileError::NoPetitionOfOurs => pick(
                vi,
                "Tệp kết quả không có kiến nghị nào của máy này.",
                "The results file answers none of this tablet's petitions.",
            ),
            FileError::OtherDialogue { found } => around(
                choose(vi, "Tệp này thuộc cuộc đối thoại “", "This file belongs to the dialogue “"),
                &if found.is_empty() {
                    choose(vi, "trước", "before").to_string()
                } else {
                    shown_safely(found)
                },
                choose(
                    vi,
                    "”, không phải vòng thu thập hiện tại của máy này. Không có gì thay đổi.",
                    "”, not this tablet's current round. Nothing was changed.",
                ),
            ),
        }
    }
}

/// The full stop a sentence lacks before another is added, if it lacks one.
fn stop(sentence: &str) -> &'static str {
    match sentence.as_bytes().last() {
        Some(b'.' | b'!' | b'?') => "",
        _ => ".",
    }
}

/// `text` between two pieces of a sentence.
fn around(before: &str, text: &str, after: &str) -> String {
    let mut out = String::with_capacity(before.len() + text.len() + after.len());
    out.push_str(before);
    out.push_str(text);
    out.push_str(after);
    out
}

fn choose(vi: bool, v: &'static str, e: &'static str) -> &'static str {
    if vi {
        v
    } else {
        e
    }
}

fn pick(vi: bool, v: &str, e: &str) -> String {
    if vi { v } else { e }.to_string()
}

pub static VI: Texts = Texts {
    lang: Lang::Vi,
    app_name: "Đối thoại",
    language: "Ngôn ngữ",
    nav_label: "Các mục chính",
    nav_petitions: "Kiến nghị",
    nav_meeting: "Họp thôn",
    nav_export: "Gửi về xã",
    nav_settings: "Cài đặt",

    welcome_title: "Bắt đầu sử dụng",
    welcome_intro: "Ứng dụng giúp thôn ghi ý kiến, kiến nghị của nhân dân cho buổi đối thoại với Chủ tịch UBND xã. Dùng được khi không có mạng.",
    role_legend: "Máy này dùng cho",
    role_village: "Thôn, tổ dân phố (trưởng thôn ghi kiến nghị)",
    role_office: "Văn phòng UBND xã",
    role_office_later: "mở trang của văn phòng",
    setup_file_title: "Nạp tệp thiết lập của xã",
    setup_file_hint: "Văn phòng UBND xã gửi tệp này qua Zalo hoặc USB.",
    setup_file_pick: "Chọn tệp thiết lập",
    setup_file_read: |commune, villages, fields| {
        let commune = shown_safely(commune);
        format!("Đã đọc tệp thiết lập của xã {commune}: {villages} thôn, {fields} lĩnh vực.")
    },
    setup_choose_village: "Thôn của bạn",
    choose_village: "— Chọn thôn —",
    choose_field: "— Chọn lĩnh vực —",
    village_not_chosen: "Hãy chọn thôn của bạn trong danh sách.",
    no_name: "Không ghi tên",
    answered_change: "Kiến nghị này đã có kết quả trả lời của xã. Nếu sửa hoặc xoá, lần gửi tới xã sẽ nhận bản khác với bản đã được trả lời. Vẫn tiếp tục?",
    setup_by_hand_title: "Hoặc nhập tay",
    commune: "Tên xã",
    village: "Tên thôn (tổ dân phố, ấp, bản)",
    village_head: "Họ tên trưởng thôn",
    start: "Bắt đầu",

    form_new: "Thêm kiến nghị",
    form_edit: "Sửa kiến nghị",
    content: "Nội dung",
    field: "Lĩnh vực",
    kind: "Loại",
    petitioners: "Người nêu",
    petitioners_hint: "Họ tên, cách nhau bởi dấu phẩy. Để trống nếu nhiều công dân cùng nêu.",
    typed_of: |n, max| format!("{}/{} ký tự", number(n as i64), number(max as i64)),
    hidden_characters: "Có ký tự ẩn (đảo chiều chữ, khoảng trắng không độ rộng): sẽ được bỏ khi lưu.",
    legacy_found: "Có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI), máy khác sẽ đọc thành chữ lỗi. Sau khi chuyển sang chữ Unicode sẽ là:",
    legacy_convert: "Chuyển sang chữ Unicode",
    paste_cut: |pasted, max, kept| {
        format!(
            "Đoạn vừa dán dài {} ký tự, quá giới hạn {} ký tự của ô này: chỉ giữ được {} ký tự đầu. Phần còn lại không được dán.",
            number(pasted as i64),
            number(max as i64),
            number(kept as i64)
        )
    },
    address: "Địa chỉ",
    phone: "Số điện thoại (không bắt buộc)",
    backers: "Số người cùng kiến nghị",
    fewer: "Bớt một người",
    more: "Thêm một người",
    confidential: "Giữ bí mật danh tính người nêu",
    confidential_hint: "Luôn bật cho tố cáo. Xã vẫn nhận được danh tính nhưng không công bố.",
    save_petition: "Lưu kiến nghị",
    cancel_edit: "Huỷ sửa",
    saved: "Đã lưu kiến nghị.",

    list_title: |n| format!("Danh sách kiến nghị ({n})"),
    search: "Tìm kiếm (gõ không dấu cũng được)",
    filter_field: "Lọc theo lĩnh vực",
    all_fields: "Tất cả lĩnh vực",
    no_petitions: "Chưa có kiến nghị nào.",
    no_match: "Không có kiến nghị nào khớp.",
    many_citizens: "Nhiều công dân",
    identity_confidential: "Danh tính được giữ bí mật",
    backers_count: |n| format!("{n} người cùng kiến nghị"),
    edit: "Sửa",
    delete: "Xoá",
    deleted: "Đã xoá kiến nghị.",
    undo: "Hoàn tác",
    restored: "Đã khôi phục kiến nghị.",
    select_to_merge: "Chọn để gộp",
    merge_selected: "Gộp 2 kiến nghị đã chọn",
    merge_hint: "Chọn đúng 2 kiến nghị trùng nhau để gộp: số người cộng lại, giữ cả hai nội dung.",
    merged: "Đã gộp 2 kiến nghị.",

    meeting_title: "Cuộc họp thôn",
    meeting_plan: |from, to, session| {
        format!("Theo kế hoạch của xã: họp thôn từ {from} đến {to}; đối thoại ngày {session}.")
    },
    meeting_outside_window: "Ngày họp nằm ngoài thời gian họp thôn trong kế hoạch của xã.",
    meeting_date: "Ngày họp (ngày/tháng/năm)",
    meeting_place: "Địa điểm",
    meeting_chair: "Người chủ trì",
    meeting_attendance: "Tổng số người dự",
    attendees_title: "Thành phần dự họp",
    attendees_hint: "Kế hoạch yêu cầu: bí thư chi bộ, trưởng thôn, người đứng đầu các chi hội, chi đoàn và 5 công dân.",
    attendee_role: "Chức danh",
    attendee_name: "Họ tên",
    add_attendee: "Thêm người dự",
    remove_attendee: "Bỏ dòng",
    named_count: |n| format!("Đã ghi tên {n} người."),
    meeting_saved: "Đã lưu thông tin cuộc họp.",

    export_title: "Gửi kiến nghị về xã",
    export_summary: |active, gone| {
        format!("{active} kiến nghị sẽ được gửi (kèm {gone} kiến nghị đã xoá hoặc gộp để xã cập nhật).")
    },
    export_no_meeting: "Chưa ghi ngày họp thôn.",
    export_last: |when, n| format!("Lần xuất gần nhất: {when} (lần thứ {n})."),
    export_never: "Chưa xuất tệp lần nào.",
    export_download: "Tải tệp về máy",
    export_share: "Chia sẻ qua Zalo, thư…",
    export_done: |name| format!("Đã tạo tệp {name}."),
    export_privacy: "Tệp có danh tính người nêu (kể cả người được giữ bí mật). Chỉ gửi cho Văn phòng UBND xã.",
    export_encrypt: "Mã hoá tệp (nên dùng): chỉ Văn phòng UBND xã mở được; ai nhặt được tệp hay máy cũng không đọc được.",
    export_seal_failed: "Chưa mã hoá được tệp nên chưa tạo tệp. Hãy tải lại trang rồi thử lại.",
    key_taken: "Đã nhận khoá mã hoá của xã: từ nay tệp gửi về xã được mã hoá.",
    setup_no_key: "Tệp thiết lập này không có khoá mã hoá; không có gì thay đổi.",

    results_title: "Kết quả đối thoại từ xã",
    results_hint: "Sau buổi đối thoại, xã gửi tệp kết quả qua Zalo hoặc USB. Nạp tệp để xem câu trả lời từng kiến nghị, báo lại cho bà con. Tệp thiết lập mới của xã cũng nạp ở đây.",
    results_pick: "Nhận kết quả từ xã",
    results_open: "Nhận tệp kết quả…",
    results_none: "Chưa nhận kết quả nào.",
    results_held: |when, n, a| format!("Kết quả đã nhận: tệp xuất lúc {when}, {n} kiến nghị có kết quả, {a} kiến nghị đã được trả lời."),
    results_imported: |n, a| format!("Đã nhận kết quả từ xã: {n} kiến nghị có kết quả, {a} kiến nghị đã được trả lời."),
    results_unchanged: "Tệp kết quả này đã được nhận rồi, không có gì thay đổi.",
    results_older: |when| format!("Tệp này cũ hơn kết quả đã nhận (xuất lúc {when}), nên giữ nguyên kết quả mới hơn."),
    result_label: "Kết quả",

    settings_title: "Cài đặt",
    large_text: "Chữ lớn",
    device_id: "Mã thiết bị",
    this_tablet: "Máy này thuộc",
    broken_title: "Dữ liệu bị hỏng",
    broken_none: "Không có mục dữ liệu nào bị hỏng.",
    broken_count: |n| format!("{n} mục dữ liệu không đọc được đã được cất riêng, không mất."),
    broken_download: "Tải các mục hỏng về máy",
    broken_at_start: |n| {
        format!("Có {n} mục dữ liệu không đọc được; đã cất riêng (xem Cài đặt). Các dữ liệu khác vẫn đầy đủ.")
    },
    offline_ready: "Ứng dụng đã sẵn sàng dùng khi không có mạng.",

    store_full: "Bộ nhớ của trình duyệt đã đầy, chưa lưu được. Nội dung vẫn còn trên màn hình: hãy xuất tệp gửi về xã ngay.",
    store_not_saved: "Trình duyệt không cho lưu dữ liệu. Nội dung vẫn còn trên màn hình; hãy xuất tệp để giữ lại.",
    store_stale: "Một cửa sổ khác của ứng dụng vừa lưu thay đổi, nên thao tác vừa rồi chưa được lưu để không ghi đè lên đó. Màn hình đã cập nhật theo dữ liệu mới nhất; xin làm lại thao tác.",
    store_read_only: "Đây là cuộc đối thoại đã kết thúc, chỉ để xem: không sửa được. Muốn làm việc, hãy trở về cuộc đối thoại hiện tại.",
    read_failed: "Không đọc được tệp.",
    changed_elsewhere: "Kiến nghị này vừa được sửa ở cửa sổ khác của ứng dụng. Bản mới nhất đã hiện ra; nội dung bạn gõ vẫn còn trong ô, hãy xem lại rồi lưu.",
    close: "Đóng thông báo",
};

pub static EN: Texts = Texts {
    lang: Lang::En,
    app_name: "Dialogue",
    language: "Language",
    nav_label: "Main sections",
    nav_petitions: "Petitions",
    nav_meeting: "Village meeting",
    nav_export: "Send to commune",
    nav_settings: "Settings",

    welcome_title: "Getting started",
    welcome_intro: "This app helps a village record citizens' opinions and petitions for the dialogue with the commune Chairman. It works without a network.",
    role_legend: "This device is for",
    role_village: "A village (the village head records petitions)",
    role_office: "The commune office",
    role_office_later: "opens the office's pages",
    setup_file_title: "Load the commune setup file",
    setup_file_hint: "The commune office sends this file by Zalo or USB stick.",
    setup_file_pick: "Choose the setup file",
    setup_file_read: |commune, villages, fields| {
        let commune = shown_safely(commune);
        format!("Read the setup file of {commune} commune: {villages} villages, {fields} fields.")
    },
    setup_choose_village: "Your village",
    choose_village: "— Choose the village —",
    choose_field: "— Choose the field —",
    village_not_chosen: "Choose your village from the list.",
    no_name: "No name given",
    answered_change: "The commune has answered this petition. If you edit or delete it, the commune will next receive a version other than the one it answered. Go on?",
    setup_by_hand_title: "Or type it in",
    commune: "Commune",
    village: "Village",
    village_head: "Village head's name",
    start: "Start",

    form_new: "Add a petition",
    form_edit: "Edit the petition",
    content: "Content",
    field: "Field",
    kind: "Kind",
    petitioners: "Raised by",
    petitioners_hint: "Names, separated by commas. Leave empty when raised by many citizens.",
    typed_of: |n, max| format!("{n}/{max} characters"),
    hidden_characters: "Hidden characters (direction overrides, zero-width spaces): removed when saved.",
    legacy_found: "Some text was typed in an old encoding (TCVN3 or VNI) that other devices read as garbage. Converted to Unicode it reads:",
    legacy_convert: "Convert to Unicode",
    paste_cut: |pasted, max, kept| {
        format!("The text pasted is {pasted} characters long, over this box's limit of {max}: only its first {kept} were kept. The rest was not pasted.")
    },
    address: "Address",
    phone: "Phone (optional)",
    backers: "Number of people backing it",
    fewer: "One person fewer",
    more: "One person more",
    confidential: "Keep the petitioner's identity confidential",
    confidential_hint: "Always on for denunciations. The commune still receives the identity but never shows it.",
    save_petition: "Save petition",
    cancel_edit: "Cancel editing",
    saved: "Petition saved.",

    list_title: |n| format!("Petitions ({n})"),
    search: "Search (accents optional)",
    filter_field: "Filter by field",
    all_fields: "All fields",
    no_petitions: "No petitions yet.",
    no_match: "No petition matches.",
    many_citizens: "Many citizens",
    identity_confidential: "Identity kept confidential",
    backers_count: |n| format!("{n} people back it"),
    edit: "Edit",
    delete: "Delete",
    deleted: "Petition deleted.",
    undo: "Undo",
    restored: "Petition restored.",
    select_to_merge: "Select to merge",
    merge_selected: "Merge the 2 selected petitions",
    merge_hint: "Select exactly 2 petitions about the same matter: backers add up and both texts are kept.",
    merged: "2 petitions merged.",

    meeting_title: "Village meeting",
    meeting_plan: |from, to, session| {
        format!("The commune's plan: village meetings from {from} to {to}; dialogue on {session}.")
    },
    meeting_outside_window: "The meeting date is outside the window of the commune's plan.",
    meeting_date: "Meeting date (day/month/year)",
    meeting_place: "Place",
    meeting_chair: "Chaired by",
    meeting_attendance: "Number of people present",
    attendees_title: "Participants",
    attendees_hint: "The plan asks for the Party secretary, the village head, the heads of the branches and unions, and 5 citizens.",
    attendee_role: "Position",
    attendee_name: "Name",
    add_attendee: "Add a participant",
    remove_attendee: "Remove row",
    named_count: |n| format!("{n} people named."),
    meeting_saved: "Meeting saved.",

    export_title: "Send the petitions to the commune",
    export_summary: |active, gone| {
        format!("{active} petitions will be sent (with {gone} deleted or merged ones, so the commune can update).")
    },
    export_no_meeting: "The meeting date is not recorded yet.",
    export_last: |when, n| format!("Last export: {when} (number {n})."),
    export_never: "Never exported.",
    export_download: "Download the file",
    export_share: "Share via Zalo, mail…",
    export_done: |name| format!("Created {name}."),
    export_privacy: "The file holds the petitioners' identities (confidential ones too). Send it only to the commune office.",
    export_encrypt: "Encrypt the file (recommended): only the commune office can open it; whoever finds the file or the tablet cannot read it.",
    export_seal_failed: "The file could not be encrypted, so none was made. Reload the page and try again.",
    key_taken: "The commune's encryption key was received: files sent to the commune are now encrypted.",
    setup_no_key: "This setup file has no encryption key; nothing changed.",

    results_title: "Dialogue results from the commune",
    results_hint: "After the dialogue the commune sends a results file by Zalo or USB. Load it to see each petition's answer and tell the citizens. A newer setup file of the commune is loaded here too.",
    results_pick: "Receive the results from the commune",
    results_open: "Take in a results file…",
    results_none: "No results received yet.",
    results_held: |when, n, a| format!("Results received: file exported {when}, {n} petitions with a result, {a} answered."),
    results_imported: |n, a| format!("Results received from the commune: {n} petitions with a result, {a} answered."),
    results_unchanged: "This results file was received already; nothing changed.",
    results_older: |when| format!("This file is older than the results already received (exported {when}); the newer ones stay."),
    result_label: "Result",

    settings_title: "Settings",
    large_text: "Large text",
    device_id: "Device id",
    this_tablet: "This device belongs to",
    broken_title: "Damaged data",
    broken_none: "No stored entry is damaged.",
    broken_count: |n| format!("{n} stored entries could not be read; they were set aside, not lost."),
    broken_download: "Download the damaged entries",
    broken_at_start: |n| {
        format!("{n} stored entries could not be read; they were set aside (see Settings). Everything else is intact.")
    },
    offline_ready: "The app is ready to work offline.",

    store_full: "The browser's storage is full; nothing was saved. Your entry is still on screen: export the file for the commune now.",
    store_not_saved: "The browser refused to save. Your entry is still on screen; export the file to keep it.",
    store_stale: "Another window of the app has just saved a change, so your last action was not saved, to avoid overwriting it. The screen now shows the latest data; please do it again.",
    store_read_only: "This is a closed dialogue, kept for reading: it cannot be changed. To work, go back to the current dialogue.",
    read_failed: "The file could not be read.",
    changed_elsewhere: "This petition was just changed in another window of the app. The newest version is shown; what you typed is still in the form: check it, then save.",
    close: "Close the message",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_errors_name_the_problem_in_vietnamese() {
        let t = Lang::Vi.texts();
        assert!(t.file_error(&FileError::Truncated).contains("cắt cụt"));
        let m = t.file_error(&FileError::BadField {
            path: "villages[0].name".into(),
            problem: FieldProblem::WrongType,
        });
        assert!(m.contains("villages[0].name") && m.contains("sai kiểu"));
        let m = t.file_error(&FileError::UnsupportedVersion {
            found: "9".into(),
            supported: 1,
        });
        assert!(m.contains("Phiên bản tệp 9"));
        assert!(Lang::En
            .texts()
            .file_error(&FileError::Empty)
            .contains("empty"));
    }

    /// A village or commune name, a file's member name or format, as a hostile file may
    /// write them: a right-to-left override, isolates, a line break, markup, and length.
    pub(crate) fn hostile_name() -> String {
        format!(
            "Thôn \u{202e}1 nôhT\u{2066}\u{200f}\n\u{0}<img src=x onerror=alert(1)>{}",
            "x".repeat(500)
        )
    }

    /// What any message echoing a hostile name must be: no bidi control, no control
    /// character, the name cut short, the markup kept as text (the view escapes it).
    pub(crate) fn echoes_safely(m: &str) {
        assert!(
            !m.chars()
                .any(|c| crate::domain::text::is_bidi_control(c) || c.is_control()),
            "{m:?}"
        );
        assert!(m.contains("Thôn 1 nôhT <img src=x"), "{m:?}");
        assert!(m.contains('…') && m.chars().count() < 300, "{m:?}");
    }

    #[test]
    fn a_wrong_kind_of_file_is_named_for_what_it_is_never_by_its_format() {
        let wrong = |found: &str| {
            VI.file_error(&FileError::WrongFormat {
                expected: FileKind::Results,
                found: Some(found.to_string()),
            })
        };
        assert_eq!(
            wrong("doithoai.village-bundle"),
            "Đây là tệp kiến nghị của thôn, không phải tệp kết quả của xã."
        );
        let hostile = wrong(&hostile_name());
        assert!(
            !hostile.contains("<img") && !hostile.contains("doithoai"),
            "{hostile}"
        );
    }

    #[test]
    fn names_from_a_file_cannot_reorder_or_flood_a_refusal() {
        let h = hostile_name();
        for t in [&VI, &EN] {
            for e in [
                FileError::NotThisVillage { found: h.clone() },
                FileError::OtherDialogue { found: h.clone() },
                FileError::NotThisCommune { found: h.clone() },
                FileError::UnsupportedVersion {
                    found: h.clone(),
                    supported: 1,
                },
                FileError::BadField {
                    path: format!("village.{h}"),
                    problem: FieldProblem::WrongType,
                },
            ] {
                echoes_safely(&t.file_error(&e));
            }
            echoes_safely(&(t.setup_file_read)(&h, 3, 4));
        }
    }

    #[test]
    fn kinds_have_vietnamese_names() {
        assert_eq!(VI.kind(Kind::Denunciation), "Tố cáo");
        assert_eq!(EN.kind(Kind::Denunciation), "Denunciation");
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code("xx"), Lang::Vi);
    }
}
