//! A rehearsal of the import, which the office runs on a made-up village while it waits
//! for a person.
//!
//! The browser compiles the office's WebAssembly function by function on first call, with
//! a quick compiler, and compiles a function again, optimised, only once it has run a
//! while. So the first bundles of an office's day were read three to eight times slower
//! than later ones (docs/PERF.md, figure 4). Going through the same steps on a made-up
//! bundle, a slice at a time while the office is idle, has that compiled code ready when
//! the real files come. Nothing of it is stored or shown, and nothing real is touched: the
//! rehearsal has its own commune, village and register.

use chrono::{DateTime, Utc};

use super::list::{select, update_search_keys, ListFilter};
use super::records::VillageChunkView;
use super::register::Register;
use super::setup::{OfficeSetup, SetupDraft};
use crate::domain::bundle::checksum;
use crate::domain::bundle::village::{
    begin_village_bundle, build_village_bundle, Begun, ExportContext,
};
use crate::domain::petition::{Petition, PetitionDraft, PetitionId};
use crate::domain::village::VillageProfile;

/// How many slices run the import, one per idle moment. Eighty slices of 100 petitions
/// run the import's steps over 16,000 petitions (each slice reads its bundle twice). The
/// browser optimises a function once it has done a given amount of work, and V8's log of
/// its compiles showed sixteen of the import's functions (reading, cleaning, merging,
/// writing the chunk) optimised only during the first seven real files after a
/// rehearsal of 4,000: their compiling then competed with those files for the machine's
/// cores (docs/PERF.md, figure 4).
const RUNS: usize = 80;

/// The memory readied after the runs, a block per slice. WebAssembly memory grows by
/// pages the system gives on first touch, and that first touch cost about half a
/// millisecond per MB (docs/PERF.md): an import of a village's bundle keeps about 3 MB
/// more (its petitions, its chunk, its search keys) and uses more while it runs. Written
/// once while idle and freed, the memory stays with the allocator, which hands it out
/// again to the first imports. The wasm memory never shrinks, so this is only memory the
/// office's imports would take anyway.
const MEMORY_BLOCKS: usize = 8;
const MEMORY_BLOCK: usize = 4 << 20;

/// Petitions in the made-up bundle: a slice stays a few milliseconds long, even before
/// the code is optimised, so a click during the rehearsal waits no longer than that.
const PETITIONS: usize = 100;

/// Wordings like the ones villages send, with the marks the import's text functions fold.
const CONTENTS: [&str; 6] = [
    "Đề nghị xã sửa chữa đường liên thôn đoạn qua ngã ba ông Hùng, mùa mưa ngập sâu, xe không đi được.",
    "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ từ năm 2019 đến nay chưa nhận.",
    "Phản ánh rác thải không được thu gom đúng lịch, tập kết bên đường gây ô nhiễm, mùi hôi.",
    "Đề nghị xem xét chế độ trợ cấp cho người cao tuổi từ đủ 75 tuổi trở lên chưa được hưởng.",
    "Nước sinh hoạt bị nhiễm phèn, đề nghị đầu tư hệ thống nước sạch cho khu dân cư phía đông.",
    "Trâu bò thả rông phá hoại hoa màu, đề nghị xã có biện pháp xử lý dứt điểm.",
];

const NAMES: [&str; 4] = [
    "Nguyễn Văn Hùng",
    "Trần Thị Lan; Lê Văn Tám",
    "Phạm Thị Thu Hà",
    "Đỗ Quang Vinh",
];

/// The made-up commune, its bundle's text, and the checksum once computed.
pub struct Rehearsal {
    setup: OfficeSetup,
    text: String,
    /// The checksum of the bundle's canonical text. The real import hands that text to the
    /// browser's SHA-256; the rehearsal computes it once and reuses it.
    sum: Option<String>,
    now: DateTime<Utc>,
    /// Slices run so far.
    done: usize,
    /// The memory blocks written so far, freed with the rehearsal.
    memory: Vec<Vec<u8>>,
}

impl Rehearsal {
    /// The made-up commune and the bundle one of its villages would export at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        let setup = SetupDraft {
            commune: "Xã Diễn Tập".into(),
            villages: "Thôn Diễn Tập; Nguyễn Văn Hùng".into(),
            ..SetupDraft::blank()
        }
        .validate(None)
        .expect("the rehearsal's setup is valid");
        let village = &setup.villages[0];
        let profile = VillageProfile {
            commune: setup.commune.clone(),
            province: String::new(),
            village_code: village.code.clone(),
            village: village.name.clone(),
            head: village.head.clone(),
            fields: setup.fields.clone(),
            dialogue: None,
            office_key: None,
        };
        let petitions: Vec<Petition> = (0..PETITIONS)
            .map(|i| made_up_petition(i, &setup.fields, now))
            .collect();
        let ctx = ExportContext {
            app_version: "rehearsal",
            device_id: "00000000-0000-4000-8000-000000000000",
            sequence: 1,
            now,
        };
        let text = build_village_bundle(&profile, None, &petitions, &ctx).to_json();
        Self {
            setup,
            text,
            sum: None,
            now,
            done: 0,
            memory: Vec::new(),
        }
    }

    /// One slice: a run of the import, or, after the runs, a block of memory written.
    /// Returns whether slices are left; once none is, the rehearsal is dropped, which
    /// gives its memory back to the allocator.
    pub fn step(&mut self) -> bool {
        if self.done < RUNS {
            self.run();
        } else {
            let mut block = Vec::with_capacity(MEMORY_BLOCK);
            // Written, not only reserved: the allocator knows fresh memory is zero and
            // would leave it untouched.
            block.resize(MEMORY_BLOCK, 1);
            self.memory.push(block);
        }
        self.done += 1;
        self.done < RUNS + MEMORY_BLOCKS
    }

    /// One slice: the bundle read, checked and merged into an empty register (all new),
    /// then again (all unchanged); the village's chunk written out as stored; the search
    /// keys made and a search run. Returns how many petitions the register holds.
    fn run(&mut self) -> usize {
        let mut register = Register::default();
        for _ in 0..2 {
            let read = match begin_village_bundle(&self.text) {
                Begun::ToHash(pending) => {
                    let sum = self
                        .sum
                        .get_or_insert_with(|| checksum::of_canonical(pending.canonical()));
                    pending.finish(&self.text, sum)
                }
                Begun::Read(read) => read,
            };
            let Ok(read) = read else { return 0 };
            let Ok(imported) = register.import(read, Some(&self.setup), self.now) else {
                return 0;
            };
            let chunk = VillageChunkView::new(
                &imported.village,
                register.village_entries(&imported.village),
            );
            std::hint::black_box(chunk.to_text());
            let mut keys = Vec::new();
            update_search_keys(&mut keys, &register, &imported.touched);
            let filter = ListFilter {
                text: "duong lien thon".into(),
                ..ListFilter::default()
            };
            let codes = [imported.village];
            std::hint::black_box(select(&register, &keys, &filter, &codes));
        }
        register.entries().len()
    }
}

fn made_up_petition(i: usize, fields: &[String], now: DateTime<Utc>) -> Petition {
    let values = PetitionDraft {
        content: format!("{} (lần {})", CONTENTS[i % CONTENTS.len()], i + 1),
        field: fields[i % fields.len()].clone(),
        kind_code: "kien_nghi".into(),
        names: NAMES[i % NAMES.len()].into(),
        address: format!("Xóm {}, Thôn Diễn Tập", i % 7 + 1),
        phone: if i % 3 == 0 {
            "0912345678".into()
        } else {
            String::new()
        },
        backers: (i % 40 + 1).to_string(),
        confidential: i % 11 == 0,
    }
    .validate()
    .expect("the rehearsal's petitions are valid");
    let mut id = [0u8; 16];
    id[..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
    Petition::new(PetitionId::from_random(id), values, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_slice_takes_in_the_whole_made_up_bundle() {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let mut r = Rehearsal::new(now);
        assert_eq!(r.run(), PETITIONS);
        // The second slice reuses the checksum and still finds the file whole.
        assert_eq!(r.run(), PETITIONS);
    }

    #[test]
    fn the_runs_come_first_then_the_memory_then_the_end() {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let mut r = Rehearsal::new(now);
        let mut steps = 0usize;
        loop {
            let more = r.step();
            steps += 1;
            assert_eq!(r.memory.len(), steps.saturating_sub(RUNS));
            if !more {
                break;
            }
        }
        assert_eq!(steps, RUNS + MEMORY_BLOCKS);
        assert_eq!(r.memory.len(), MEMORY_BLOCKS);
        assert!(r.memory.iter().all(|b| b.len() == MEMORY_BLOCK));
    }
}
