//! The commune office's strings: part of the one catalogue, in their own table so the
//! village tablet's download does not carry them. Vietnamese only for now: the office
//! staff work in Vietnamese (English is offered on the village tablet).

use crate::domain::bundle::sealed::SealedError;
use crate::domain::office::list::Sort;
use crate::domain::office::register::{ActionError, OfficeStatus, Refusal};
use crate::domain::office::setup::SetupError;
use crate::domain::text::shown_safely;

pub struct OfficeTexts {
    pub app_name: &'static str,
    pub office: &'static str,
    pub no_database: &'static str,
    /// Storage full, after any change (the tablet's words speak of its form and export).
    pub store_full: &'static str,
    pub broken: fn(usize) -> String,
    pub close: &'static str,
    pub nav_label: &'static str,
    pub nav_setup: &'static str,
    pub nav_import: &'static str,
    pub nav_list: &'static str,
    pub nav_groups: &'static str,
    pub nav_departments: &'static str,
    pub nav_village: &'static str,
    pub nav_backup: &'static str,
    pub phase_before: &'static str,
    pub phase_session: &'static str,
    pub phase_after: &'static str,
    /// Beside the link to the village head's app, on the setup page.
    pub village_app_hint: &'static str,
    /// The setup file was downloaded: its name, and what to do with it.
    pub setup_exported: fn(&str) -> String,

    // Setup
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_commune: &'static str,
    pub setup_dialogue: &'static str,
    pub setup_lists: &'static str,
    pub commune: &'static str,
    pub province: &'static str,
    pub dialogue_title: &'static str,
    pub plan_number: &'static str,
    pub plan_number_hint: &'static str,
    pub meeting_from: &'static str,
    pub meeting_to: &'static str,
    pub session_date: &'static str,
    pub date_hint: &'static str,
    pub place: &'static str,
    pub chair: &'static str,
    pub front: &'static str,
    pub front_hint: &'static str,
    pub villages: &'static str,
    pub villages_hint: &'static str,
    pub fields: &'static str,
    pub departments: &'static str,
    pub one_per_line: &'static str,
    pub save_setup: &'static str,
    pub export_setup: &'static str,
    pub setup_saved: &'static str,
    pub download_failed: &'static str,
    pub legacy_paste: fn(&str) -> String,
    pub convert_form: &'static str,
    pub key_title: &'static str,
    pub key_intro: &'static str,
    pub key_public: &'static str,
    pub key_none: &'static str,
    pub key_not_saved: &'static str,

    // Import
    pub import_title: &'static str,
    pub import_needs_setup: &'static str,
    pub drop_here: &'static str,
    pub pick_files: &'static str,
    pub importing: fn(usize, usize) -> String,
    pub imported: fn(usize, usize) -> String,
    /// How many files of the batch were not taken for want of room.
    pub import_full: fn(usize) -> String,
    /// Beside a file not taken for want of room, in the import's summary.
    pub import_file_full: &'static str,
    pub unreadable: &'static str,
    pub summary_title: &'static str,
    pub col_village: &'static str,
    pub col_number: &'static str,
    pub col_backers: &'static str,
    pub print_compiled: &'static str,
    pub compiled_title: &'static str,
    pub compiled_count: fn(usize) -> String,
    pub compiled_denunciations: fn(usize) -> String,
    pub compiled_agreed: fn(&str) -> String,
    pub compiled_not_agreed: &'static str,
    pub col_new: &'static str,
    pub col_updated: &'static str,
    pub col_unchanged: &'static str,
    pub col_conflicting: &'static str,
    pub col_withdrawn: &'static str,
    pub refused_count: fn(usize) -> String,
    pub legacy_found: fn(usize) -> String,
    pub legacy_go: &'static str,
    pub arrivals_title: &'static str,
    /// Villages sent of those taking part, and the names of those still missing.
    pub arrivals_count: fn(usize, usize) -> String,
    pub arrivals_missing: fn(&str) -> String,
    pub arrivals_all: &'static str,
    pub col_state: &'static str,
    pub col_received_at: &'static str,
    pub col_file: &'static str,
    pub col_petitions: &'static str,
    pub col_meeting: &'static str,
    pub state_missing: &'static str,
    pub state_sent: &'static str,
    pub state_resent: fn(u32) -> String,
    pub file_sealed: &'static str,
    pub file_plain: &'static str,
    pub meeting_attendance: fn(u32) -> String,
    pub meeting_none: &'static str,

    // List
    pub list_title: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub all: &'static str,
    pub field: &'static str,
    pub kind: &'static str,
    pub status_label: &'static str,
    pub department: &'static str,
    pub confidential: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub sort: &'static str,
    pub found: fn(usize) -> String,
    pub shown_of: fn(usize, usize) -> String,
    pub backers: fn(u32) -> String,
    pub group: &'static str,
    pub petition: &'static str,
    pub petitioners: &'static str,
    pub content_label: &'static str,
    pub many_citizens: &'static str,
    pub no_name: &'static str,
    // Many petitions at once
    pub pick: &'static str,
    pub pick_shown: &'static str,
    pub keep: &'static str,
    pub bulk_title: fn(usize) -> String,
    pub bulk_apply: fn(usize) -> String,
    pub bulk_clear: &'static str,
    pub bulk_done: fn(usize) -> String,
    pub bulk_nothing: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub backers_label: &'static str,
    pub received: &'static str,
    pub conflict_title: &'static str,
    pub conflict_intro: &'static str,
    pub version_kept: &'static str,
    pub version_other: &'static str,
    pub keep_kept: &'static str,
    pub take_other: &'static str,
    pub conflict_settled: &'static str,
    pub legacy_title: &'static str,
    pub convert: &'static str,
    pub converted: &'static str,
    pub village_text: &'static str,
    pub village_classified: fn(&str, &str) -> String,
    pub classify: &'static str,
    pub assign: &'static str,
    pub in_group: fn(&str, &str) -> String,
    pub not_assigned: &'static str,
    pub none: &'static str,
    pub official: &'static str,
    pub save_assignment: &'static str,
    pub assigned: &'static str,
    pub close_detail: &'static str,
    pub join_group: &'static str,
    pub choose: &'static str,
    pub join: &'static str,
    pub joined: &'static str,

    // Groups
    pub groups_title: &'static str,
    pub groups_intro: &'static str,
    pub suggest: &'static str,
    pub no_suggestions: &'static str,
    pub suggestions_count: fn(usize) -> String,
    pub suggestion_heading: fn(usize, usize) -> String,
    pub group_title: &'static str,
    pub confirm_group: &'static str,
    pub dismiss: &'static str,
    pub group_created: &'static str,
    pub confirmed_groups: &'static str,
    pub no_groups: &'static str,
    pub villages_count: fn(usize) -> String,
    pub total_backers: fn(u32) -> String,
    pub split: &'static str,
    pub split_done: &'static str,
    pub save_group: &'static str,
    pub group_saved: &'static str,
    pub dissolve: &'static str,
    pub group_dissolved: &'static str,
    pub departments_title: &'static str,
    pub department_load: fn(usize, usize) -> String,
    pub draft_answer: &'static str,
    pub save_draft: &'static str,
    pub draft_saved: &'static str,
}

pub static VI: OfficeTexts = OfficeTexts {
    app_name: "Đối thoại — Văn phòng xã",
    office: "Văn phòng UBND xã",
    no_database: "Trình duyệt này không cho lưu dữ liệu (IndexedDB bị tắt, có thể do chế độ ẩn danh). Hãy mở ứng dụng trong cửa sổ thường của Chrome, Edge hoặc Firefox.",
    store_full: "Bộ nhớ của trình duyệt đã đầy, chưa lưu được thay đổi vừa rồi; dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy tải bản sao lưu toàn bộ ngay, rồi giải phóng dung lượng.",
    broken: |n| format!("{n} mục dữ liệu bị hỏng đã được để riêng, không mất; các mục khác vẫn dùng được."),
    close: "Đóng thông báo",
    nav_label: "Các trang của văn phòng",
    nav_setup: "Thiết lập",
    nav_import: "Nhận tệp các thôn",
    nav_list: "Tổng hợp",
    nav_groups: "Nhóm vấn đề",
    nav_departments: "Theo bộ phận",
    nav_village: "Mở ứng dụng của trưởng thôn",
    nav_backup: "Sao lưu",
    phase_before: "Chuẩn bị",
    phase_session: "Phiên đối thoại",
    phase_after: "Sau phiên",
    village_app_hint: "Trưởng thôn dùng ứng dụng ở địa chỉ gốc của trang này, trên máy tính bảng của thôn.",
    setup_exported: |name| format!("Đã tải tệp thiết lập “{name}” về máy. Gửi tệp này cho các trưởng thôn (qua Zalo hoặc USB): mỗi máy tính bảng nạp tệp này khi bắt đầu."),

    setup_title: "Thiết lập cuộc đối thoại",
    setup_intro: "Nhập thông tin của xã và cuộc đối thoại, rồi xuất tệp thiết lập gửi các trưởng thôn (qua Zalo hoặc USB). Máy tính bảng của thôn nạp tệp này thay vì gõ tay.",
    setup_commune: "Xã",
    setup_dialogue: "Cuộc đối thoại",
    setup_lists: "Thôn, lĩnh vực và bộ phận",
    commune: "Tên xã",
    province: "Tỉnh",
    dialogue_title: "Tên cuộc đối thoại",
    plan_number: "Số kế hoạch",
    plan_number_hint: "Ví dụ: 163/KH-UBND",
    meeting_from: "Họp thôn từ ngày",
    meeting_to: "Họp thôn đến ngày",
    session_date: "Ngày đối thoại",
    date_hint: "Ngày/tháng/năm, ví dụ 05/09/2026",
    place: "Địa điểm đối thoại",
    chair: "Người chủ trì",
    front: "Đại diện Ủy ban MTTQ Việt Nam xã",
    front_hint: "Họ tên và chức vụ, ví dụ: Bà Lê Thị Hòa, Chủ tịch Ủy ban MTTQ Việt Nam xã. Ghi trong biên bản.",
    villages: "Các thôn, tổ dân phố, ấp, bản",
    villages_hint: "Mỗi dòng một thôn: tên; trưởng thôn. Ví dụ: Thôn 1; Nguyễn Văn Hùng. Có thể dán hai cột từ Excel.",
    fields: "Lĩnh vực",
    departments: "Bộ phận chuẩn bị trả lời",
    one_per_line: "Mỗi dòng một mục.",
    save_setup: "Lưu thiết lập",
    export_setup: "Xuất tệp thiết lập cho các thôn",
    setup_saved: "Đã lưu thiết lập.",
    key_title: "Khoá mã hoá tệp của các thôn",
    key_intro: "Tệp thiết lập mang khoá công khai dưới đây tới máy tính bảng của các thôn. Thôn mã hoá tệp kiến nghị bằng khoá đó, nên chỉ máy tính này mở được: người nhặt được máy tính bảng hay tệp chuyển qua Zalo không đọc được tên người nêu, nội dung kiến nghị. Khoá bí mật lưu trong trình duyệt này, trong mỗi bản sao lưu toàn bộ và trong tệp khoá nếu bạn lưu (cả hai đều có mật khẩu). Nếu xoá dữ liệu trình duyệt mà không có bản sao lưu hay tệp khoá thì không mở được các tệp đã mã hoá, phải gửi lại tệp thiết lập mới cho các thôn.",
    key_public: "Khoá công khai của xã",
    key_none: "Khoá được tạo khi lưu thiết lập lần tới.",
    key_not_saved: "Không lưu được khoá mã hoá: tệp thiết lập được xuất không có khoá, các thôn sẽ gửi tệp không mã hoá.",
    download_failed: "Không tải được tệp xuống. Hãy thử lại.",
    legacy_paste: |enc| format!("Văn bản vừa dán có vẻ gõ bằng bảng mã cũ {enc}, không phải Unicode."),
    convert_form: "Chuyển biểu mẫu sang Unicode",

    import_title: "Nhận tệp kiến nghị của các thôn",
    import_needs_setup: "Hãy lưu thiết lập trước: ứng dụng cần danh sách thôn để biết tệp của thôn nào.",
    drop_here: "Kéo thả các tệp kiến nghị vào đây, hoặc",
    pick_files: "Chọn các tệp…",
    importing: |i, n| format!("Đang đọc tệp {i}/{n}…"),
    imported: |ok, n| format!("Đã nhận {ok}/{n} tệp."),
    import_full: |n| format!("Bộ nhớ của trình duyệt đã đầy nên {n} tệp chưa được nhận; dữ liệu đã lưu không thay đổi. Hãy tải bản sao lưu toàn bộ, giải phóng dung lượng rồi nhận lại các tệp đó."),
    import_file_full: "Bộ nhớ của trình duyệt đã đầy nên tệp này chưa được nhận; dữ liệu đã lưu không thay đổi. Hãy giải phóng dung lượng rồi nhận lại tệp, hoặc tải bản sao lưu toàn bộ ngay.",
    unreadable: "Không đọc được tệp này.",
    summary_title: "Kết quả nhận tệp",
    col_village: "Thôn",
    col_number: "STT",
    col_backers: "Số người",
    print_compiled: "In bảng tổng hợp (A4)",
    compiled_title: "BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN",
    compiled_count: |n| format!("Tổng số: {} ý kiến, kiến nghị.", crate::domain::text::number(n as i64)),
    compiled_denunciations: |n| format!("Không đưa vào bảng {n} đơn tố cáo (giải quyết theo quy định của Luật Tố cáo, giữ bí mật người tố cáo)."),
    compiled_agreed: |d| format!("Bảng tổng hợp đã được thống nhất với Ủy ban MTTQ Việt Nam xã ngày {d}."),
    compiled_not_agreed: "Bảng tổng hợp chưa thống nhất với Ủy ban MTTQ Việt Nam xã.",
    col_new: "Mới",
    col_updated: "Cập nhật",
    col_unchanged: "Không đổi",
    col_conflicting: "Xung đột",
    col_withdrawn: "Thôn đã xoá",
    refused_count: |n| format!("{n} tệp bị từ chối, không có gì trong các tệp này được lưu:"),
    legacy_found: |n| format!("{n} kiến nghị có vẻ gõ bằng bảng mã cũ (TCVN3, VNI)."),
    legacy_go: "Xem và chuyển sang Unicode trong danh sách",
    arrivals_title: "Các thôn đã gửi tệp",
    arrivals_count: |sent, total| format!("Đã nhận tệp của {sent}/{total} thôn."),
    arrivals_missing: |names| format!("Còn thiếu: {names}."),
    arrivals_all: "Đã đủ tệp của các thôn.",
    col_state: "Tình trạng",
    col_received_at: "Nhận lúc",
    col_file: "Tệp",
    col_petitions: "Kiến nghị",
    col_meeting: "Hội nghị ở thôn",
    state_missing: "Chưa gửi",
    state_sent: "Đã gửi",
    state_resent: |n| format!("Đã gửi lại ({n} tệp)"),
    file_sealed: "có mã hoá",
    file_plain: "không mã hoá",
    meeting_attendance: |n| format!("{} người dự", crate::domain::text::number(i64::from(n))),
    meeting_none: "Chưa có biên bản",

    list_title: "Tổng hợp ý kiến, kiến nghị",
    search: "Tìm kiếm",
    search_hint: "Gõ không dấu cũng được: \"duong\" tìm ra \"đường\".",
    all: "Tất cả",
    field: "Lĩnh vực",
    kind: "Loại",
    status_label: "Tình trạng",
    department: "Bộ phận",
    confidential: "Bảo mật",
    yes: "Có",
    no: "Không",
    sort: "Sắp xếp",
    found: |n| format!("{n} kiến nghị"),
    shown_of: |shown, n| format!("{n} kiến nghị; hiện {shown} đầu tiên, hãy lọc thêm"),
    backers: |n| format!("{n} người"),
    group: "Nhóm",
    petition: "Kiến nghị",
    petitioners: "Người kiến nghị",
    content_label: "Nội dung",
    many_citizens: "Nhiều công dân",
    no_name: "Không ghi tên",
    pick: "Chọn",
    pick_shown: "Chọn tất cả kiến nghị đang hiện",
    keep: "Giữ nguyên",
    bulk_title: |n| format!("Phân loại và giao việc cho {n} kiến nghị đã chọn"),
    bulk_apply: |n| format!("Áp dụng cho {n} kiến nghị"),
    bulk_clear: "Bỏ chọn",
    bulk_done: |n| format!("Đã lưu phân loại và giao việc cho {n} kiến nghị."),
    bulk_nothing: "Hãy chọn lĩnh vực, loại hoặc bộ phận cần đổi cho các kiến nghị đã chọn.",
    address: "Địa chỉ",
    phone: "Điện thoại",
    backers_label: "Số người cùng kiến nghị",
    received: "Ngày ghi nhận",
    conflict_title: "Hai bản khác nhau",
    conflict_intro: "Thôn gửi hai nội dung khác nhau cho cùng một kiến nghị. Hãy chọn bản đúng.",
    version_kept: "Bản đang dùng",
    version_other: "Bản kia",
    keep_kept: "Giữ bản đang dùng",
    take_other: "Dùng bản kia",
    conflict_settled: "Đã chọn bản kiến nghị.",
    legacy_title: "Có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI). Sau khi chuyển sang Unicode:",
    convert: "Chuyển sang Unicode",
    converted: "Đã chuyển sang Unicode; bản gốc của thôn vẫn được giữ.",
    village_text: "Bản gốc thôn gửi",
    village_classified: |field, kind| {
        format!("Thôn đã phân loại: {}, {kind}.", shown_safely(field))
    },
    classify: "Phân loại",
    assign: "Giao chuẩn bị trả lời",
    in_group: |title, dept| format!("Thuộc nhóm “{title}” (bộ phận: {dept}). Giao riêng ở đây sẽ thay cho bộ phận của nhóm."),
    not_assigned: "chưa giao",
    none: "Chưa giao",
    official: "Cán bộ phụ trách",
    save_assignment: "Lưu phân loại và giao việc",
    assigned: "Đã lưu phân loại và giao việc.",
    close_detail: "Đóng kiến nghị",
    join_group: "Đưa vào nhóm có sẵn",
    choose: "Chọn nhóm",
    join: "Đưa vào nhóm",
    joined: "Đã đưa kiến nghị vào nhóm.",

    groups_title: "Nhóm các kiến nghị cùng vấn đề",
    groups_intro: "Nhiều thôn thường nêu cùng một vấn đề. Ứng dụng gợi ý các nhóm; hãy bỏ chọn kiến nghị không thuộc nhóm rồi xác nhận.",
    suggest: "Gợi ý nhóm",
    no_suggestions: "Không tìm thấy kiến nghị nào giống nhau chưa được nhóm.",
    suggestions_count: |n| format!("{n} nhóm được gợi ý"),
    suggestion_heading: |i, n| format!("Gợi ý {i}: {n} kiến nghị"),
    group_title: "Tên nhóm",
    confirm_group: "Xác nhận nhóm",
    dismiss: "Bỏ qua",
    group_created: "Đã tạo nhóm.",
    confirmed_groups: "Các nhóm đã xác nhận",
    no_groups: "Chưa có nhóm nào.",
    villages_count: |n| format!("{n} thôn"),
    total_backers: |n| format!("tổng {n} người kiến nghị"),
    split: "Tách khỏi nhóm",
    split_done: "Đã tách kiến nghị khỏi nhóm.",
    save_group: "Lưu nhóm",
    group_saved: "Đã lưu nhóm.",
    dissolve: "Giải tán nhóm",
    group_dissolved: "Đã giải tán nhóm; các kiến nghị vẫn còn.",
    departments_title: "Việc của từng bộ phận",
    department_load: |g, p| format!("{g} nhóm và {p} kiến nghị riêng lẻ"),
    draft_answer: "Dự thảo trả lời",
    save_draft: "Lưu dự thảo",
    draft_saved: "Đã lưu dự thảo trả lời.",
};

impl OfficeTexts {
    pub fn status(&self, s: OfficeStatus) -> &'static str {
        match s {
            OfficeStatus::Received => "Mới nhận",
            OfficeStatus::Assigned => "Đã giao",
            OfficeStatus::Conflict => "Xung đột",
            OfficeStatus::Withdrawn => "Thôn đã xoá",
        }
    }

    pub fn sort_name(&self, s: Sort) -> &'static str {
        match s {
            Sort::Village => "Theo thôn",
            Sort::Newest => "Mới nhất trước",
            Sort::Field => "Theo lĩnh vực",
            Sort::Backers => "Nhiều người nhất trước",
        }
    }

    pub fn refusal(&self, r: &Refusal) -> String {
        match r {
            Refusal::File(e) => super::VI.file_error(e),
            Refusal::OtherCommune(c) => format!(
                "Tệp này của xã “{}”, không phải của xã mình. Không có gì được lưu.",
                shown_safely(c)
            ),
            Refusal::UnknownVillage(v) => format!(
                "Thôn “{}” không có trong danh sách thôn của xã (trang Thiết lập). Hãy thêm thôn hoặc kiểm tra tệp.",
                shown_safely(v)
            ),
            Refusal::ForeignId(id) => format!(
                "Tệp chứa kiến nghị {} đã nhận từ một thôn khác: tệp bị chép hoặc bị sửa. Không có gì được lưu.",
                shown_safely(id)
            ),
            Refusal::OtherDialogue { found, current } => {
                let found = if found.is_empty() {
                    "một cuộc đối thoại trước".to_string()
                } else {
                    format!("cuộc đối thoại “{}”", shown_safely(found))
                };
                format!(
                    "Tệp này thuộc {found}, không phải cuộc đối thoại hiện tại “{}”. Thôn cần nhận tệp thiết lập mới rồi gửi lại. Không có gì được lưu.",
                    shown_safely(current)
                )
            }
            Refusal::NotTakingPart(v) => format!(
                "Thôn “{}” không tham gia cuộc đối thoại này (trang Thiết lập: các thôn tham gia). Không có gì được lưu.",
                shown_safely(v)
            ),
            Refusal::NoSetup => {
                "Chưa có thiết lập của xã: hãy lưu trang Thiết lập trước khi nhận tệp.".into()
            }
        }
    }

    /// Why an encrypted village bundle could not be opened.
    pub fn sealed_error(&self, e: &SealedError) -> &'static str {
        match e {
            SealedError::NoKey => "Tệp đã được mã hoá nhưng máy này chưa có khoá giải mã (trang Thiết lập). Không có gì được lưu.",
            SealedError::OtherKey => "Tệp được mã hoá cho một khoá khác (của xã khác, hoặc khoá cũ của xã): máy này không mở được. Hãy gửi tệp thiết lập mới cho thôn rồi xin thôn xuất lại tệp. Không có gì được lưu.",
            SealedError::Damaged => "Tệp mã hoá đã bị sửa hoặc bị hỏng trên đường gửi nên không mở được. Hãy xin thôn gửi lại tệp gốc. Không có gì được lưu.",
            SealedError::Truncated => "Tệp mã hoá bị cắt cụt (chép chưa hết). Hãy chép lại tệp từ nơi gửi. Không có gì được lưu.",
            SealedError::NotArmored => "Đây là tệp mã hoá dạng nhị phân; ứng dụng chỉ đọc tệp mã hoá dạng văn bản (.age.txt) do máy tính bảng của thôn xuất. Không có gì được lưu.",
            SealedError::NotText => "Tệp mã hoá mở được nhưng bên trong không phải tệp kiến nghị. Không có gì được lưu.",
        }
    }

    pub fn setup_error(&self, e: &SetupError) -> String {
        match e {
            SetupError::NoCommune => "Hãy nhập tên xã.".into(),
            SetupError::NoVillages => "Hãy nhập ít nhất một thôn.".into(),
            SetupError::DuplicateVillage(v) => {
                format!("Thôn “{}” có hai lần trong danh sách.", shown_safely(v))
            }
            SetupError::NoFields => "Hãy nhập ít nhất một lĩnh vực.".into(),
            SetupError::NoDepartments => "Hãy nhập ít nhất một bộ phận.".into(),
            SetupError::NoTheme => "Đối thoại chuyên đề cần ghi chủ đề.".into(),
            SetupError::UnknownParticipant(v) => format!(
                "Thôn “{}” không có trong danh sách các thôn của xã.",
                shown_safely(v)
            ),
            SetupError::BadDate => "Ngày phải viết dạng ngày/tháng/năm, ví dụ 05/09/2026.".into(),
            SetupError::DatesOutOfOrder => {
                "Ngày không hợp lý: họp thôn phải bắt đầu trước khi kết thúc, và trước ngày đối thoại."
                    .into()
            }
            SetupError::TooLong => "Một mục quá dài (tối đa 200 ký tự) hoặc danh sách quá dài.".into(),
        }
    }

    pub fn action_error(&self, e: &ActionError) -> &'static str {
        match e {
            ActionError::UnknownPetition => {
                "Không tìm thấy kiến nghị này (có thể vừa bị thay đổi)."
            }
            ActionError::UnknownGroup => "Không tìm thấy nhóm này.",
            ActionError::TooFewMembers => "Một nhóm cần ít nhất hai kiến nghị.",
            ActionError::AlreadyGrouped => "Có kiến nghị đã thuộc một nhóm khác.",
            ActionError::EmptyTitle => "Hãy đặt tên nhóm.",
            ActionError::NotInList => "Kiến nghị này không thuộc nhóm nào.",
            ActionError::TooLong => "Dự thảo trả lời dài quá 5.000 ký tự; hãy rút gọn.",
            ActionError::Denunciation => {
                "Đơn tố cáo được xử lý theo quy trình riêng (Luật Tố cáo), không gộp vào nhóm kiến nghị."
            }
            ActionError::NotDenunciation => "Kiến nghị này không phải đơn tố cáo.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::{echoes_safely, hostile_name};

    #[test]
    fn names_from_a_villages_file_are_echoed_safely() {
        let h = hostile_name();
        for r in [
            Refusal::OtherCommune(h.clone()),
            Refusal::UnknownVillage(h.clone()),
            Refusal::ForeignId(h.clone()),
            Refusal::OtherDialogue {
                found: h.clone(),
                current: "Đối thoại năm 2027".into(),
            },
        ] {
            echoes_safely(&VI.refusal(&r));
        }
        echoes_safely(&VI.setup_error(&SetupError::DuplicateVillage(h.clone())));
        echoes_safely(&(VI.village_classified)(&h, "Kiến nghị"));
    }
}
