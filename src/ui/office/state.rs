//! The office's state as signals, loaded once from IndexedDB, and the actions that change
//! it. Each action changes the register through the domain, writes the entries that
//! changed, and waits for IndexedDB to commit; if the commit fails, the register is read
//! back from what is stored, so the screen never shows what was not saved.

use leptos::prelude::*;

use crate::domain::bundle::checksum;
use crate::domain::bundle::sealed::{self, OfficeKey};
use crate::domain::bundle::village::{begin_village_bundle, Begun};
use crate::domain::office::dialogue::ClosedDialogue;
use crate::domain::office::list::{search_keys, update_search_keys};
use crate::domain::office::register::{ActionError, FileLabel, Imported, Refusal, Register};
use crate::domain::office::setup::OfficeSetup;
use crate::domain::official::DocumentRegister;
use crate::domain::petition::PetitionId;
use crate::domain::session::{Item, Session};
use crate::i18n::office::{OfficeTexts, VI};
use crate::storage::indexed::{Durability, IdbStore};
use crate::storage::migrate::Migration;
use crate::storage::office::OfficeRepository;
use crate::storage::StoreError;

use crate::ui::browser;

pub const DATABASE: &str = "doithoai-office";
/// The BroadcastChannel between the secretary's window and a projector window.
pub const PROJECTOR_CHANNEL: &str = "doithoai-projector";
/// The BroadcastChannel on which each office tab says it has committed a change, so the
/// other tabs read the database again and show it.
const DATA_CHANNEL: &str = "doithoai-office-data";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The dialogues: the one under way, those closed, closing and opening the next.
    Dialogues,
    Setup,
    Import,
    List,
    Groups,
    Departments,
    Prepare,
    Attendance,
    Session,
    Projector,
    Minutes,
    FollowUp,
    Report,
    /// The full backup, the restore, and entries set aside.
    Backup,
}

impl Page {
    pub const ALL: [Page; 14] = [
        Page::Dialogues,
        Page::Setup,
        Page::Import,
        Page::List,
        Page::Groups,
        Page::Departments,
        Page::Prepare,
        Page::Attendance,
        Page::Session,
        Page::Projector,
        Page::Minutes,
        Page::FollowUp,
        Page::Report,
        Page::Backup,
    ];

    pub fn hash(self) -> &'static str {
        match self {
            Page::Dialogues => "#/doi-thoai",
            Page::Setup => "#/thiet-lap",
            Page::Import => "#/nhap-tep",
            Page::List => "#/tong-hop",
            Page::Groups => "#/nhom",
            Page::Departments => "#/bo-phan",
            Page::Prepare => "#/chuan-bi",
            Page::Attendance => "#/diem-danh",
            Page::Session => "#/phien",
            Page::Projector => "#/may-chieu",
            Page::Minutes => "#/bien-ban",
            Page::FollowUp => "#/theo-doi",
            Page::Report => "#/bao-cao",
            Page::Backup => "#/sao-luu",
        }
    }

    pub fn from_hash(hash: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.hash() == hash)
    }
}

thread_local! {
    /// How many messages [`OfficeState::say`] has shown: the one a timer would close.
    static SAID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// Storage is full: the full backup is offered beside the message.
    pub backup: bool,
}

/// Why a file of an import batch was not taken. Nothing of it is stored either way.
#[derive(Clone, Debug, PartialEq)]
pub enum NotTaken {
    /// The file was refused, or could not be stored; the reason, for the person.
    Refused(String),
    /// Storage had no room for it: the full backup is offered beside the message.
    StorageFull,
}

impl NotTaken {
    fn stored(e: &StoreError) -> Self {
        match e {
            StoreError::Full => NotTaken::StorageFull,
            other => NotTaken::Refused(crate::i18n::VI.store_error(other).to_string()),
        }
    }
}

/// One file of an import batch, once read.
#[derive(Clone, Debug, PartialEq)]
pub struct FileOutcome {
    pub file: String,
    pub result: Result<Imported, NotTaken>,
}

#[derive(Clone, Copy)]
pub struct OfficeState {
    pub page: RwSignal<Page>,
    pub setup: RwSignal<Option<OfficeSetup>>,
    pub register: RwSignal<Register>,
    /// Each entry's folded search key, in the register's order, kept so a keystroke never
    /// folds 10,000 texts again.
    pub keys: RwSignal<Vec<String>>,
    pub notice: RwSignal<Option<Notice>>,
    pub broken: RwSignal<usize>,
    /// The last import's outcome per file, and how far it is.
    pub outcomes: RwSignal<Vec<FileOutcome>>,
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Suggested groups, until confirmed or dismissed.
    pub suggestions: RwSignal<Vec<Vec<PetitionId>>>,
    /// The petition opened in the list.
    pub open: RwSignal<Option<PetitionId>>,
    /// The dialogue session: preparation, queue order, phase, minutes.
    pub session: RwSignal<Session>,
    /// The session's questions with their outcomes (the session orders them).
    pub items: RwSignal<Vec<Item>>,
    /// The year's register of document numbers.
    pub documents: RwSignal<DocumentRegister>,
    /// The office's key pair for encrypted bundles, once made (keys.rs).
    pub key: RwSignal<Option<OfficeKey>>,
    pub(super) repo: StoredValue<OfficeRepository<IdbStore>, LocalStorage>,
    /// Carries what the projector shows to a projector window.
    pub(super) channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// Tells the other office tabs that this one committed a change.
    data_channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// The import's rehearsal has started in this page (import.rs).
    pub(super) rehearsed: StoredValue<bool>,
    /// The dialogues closed, oldest first (dialogues.rs).
    pub closed: RwSignal<Vec<ClosedDialogue>>,
    /// The closed dialogue shown read-only instead of the one under way, if any.
    pub viewing: RwSignal<Option<ClosedDialogue>>,
    /// The closed dialogues' entries have been read (they are not at start).
    pub archives: RwSignal<bool>,
    /// The last closed dialogue's figures the report compared with, by its id and the
    /// day they were counted to: a closed dialogue never changes, so the report does not
    /// read its archive again at each change of the one shown.
    pub(super) compared:
        StoredValue<Option<(String, chrono::NaiveDate, crate::domain::report::Figures)>>,
}

impl OfficeState {
    pub fn new(store: IdbStore, page: Page) -> Self {
        let repo = OfficeRepository::new(store);
        let snap = browser::measured("office-load", || repo.load());
        let first = if snap.setup.is_none() {
            Page::Setup
        } else {
            page
        };
        let keys = search_keys(&snap.register);
        let broken = repo.broken_entries().len();
        Self {
            page: RwSignal::new(first),
            setup: RwSignal::new(snap.setup),
            register: RwSignal::new(snap.register),
            keys: RwSignal::new(keys),
            notice: RwSignal::new(None),
            broken: RwSignal::new(broken),
            outcomes: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            suggestions: RwSignal::new(Vec::new()),
            open: RwSignal::new(None),
            session: RwSignal::new(snap.session),
            items: RwSignal::new(snap.items),
            documents: RwSignal::new(snap.documents),
            key: RwSignal::new(snap.key),
            repo: StoredValue::new_local(repo),
            channel: StoredValue::new_local(web_sys::BroadcastChannel::new(PROJECTOR_CHANNEL).ok()),
            data_channel: StoredValue::new_local(web_sys::BroadcastChannel::new(DATA_CHANNEL).ok()),
            rehearsed: StoredValue::new(false),
            closed: RwSignal::new(snap.closed),
            viewing: RwSignal::new(None),
            archives: RwSignal::new(false),
            compared: StoredValue::new(None),
        }
    }

    /// Follows the other office tabs: when one commits a change this tab has not seen, the
    /// database is read again and shown.
    pub fn follow_other_tabs(self) {
        let Some(channel) = self.data_channel.get_value() else {
            return;
        };
        let on_message = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
            move |ev: web_sys::MessageEvent| {
                let theirs = ev.data().as_f64().map(|g| g as u32);
                if theirs != Some(self.store().generation()) {
                    leptos::task::spawn_local(self.reload());
                }
            },
        );
        channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(
            on_message.as_ref(),
        )));
        // The listener lives as long as the page.
        on_message.forget();
    }

    /// Reads the database again and shows it (unless this tab is saving: then its own
    /// commit finds the other tab's change and reloads).
    async fn reload(self) {
        match self.store().reload().await {
            Ok(true) => self.show_stored(),
            Ok(false) => {}
            Err(e) => self.fail(crate::i18n::VI.store_error(&e)),
        }
    }

    /// Shows what the store holds: after another tab's change, or a failed commit.
    pub(super) fn show_stored(self) {
        let snap = self.repo.with_value(|r| r.load());
        self.closed.set(snap.closed);
        self.keys.set(search_keys(&snap.register));
        self.register.set(snap.register);
        self.setup.set(snap.setup);
        self.session.set(snap.session);
        self.items.set(snap.items);
        self.documents.set(snap.documents);
        self.key.set(snap.key);
        self.broken
            .set(self.repo.with_value(|r| r.broken_entries().len()));
    }

    /// Says what the migration of the stored format did at start, if it is worth saying.
    pub fn tell_migration(&self, m: &Migration) {
        if let Some(text) = crate::i18n::VI.migration_notice(m) {
            if m.failed() {
                self.fail(text);
            } else {
                self.say(text);
            }
        }
    }

    pub fn texts(&self) -> &'static OfficeTexts {
        &VI
    }

    /// The setup's villages as (code, name), in its order.
    pub fn village_pairs(&self) -> Vec<(String, String)> {
        self.setup.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.villages
                        .iter()
                        .map(|v| (v.code.clone(), v.name.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// The setup's village names, in its order.
    pub fn village_names(&self) -> Vec<String> {
        self.village_pairs().into_iter().map(|(_, n)| n).collect()
    }

    /// The setup's fields (lĩnh vực), in its order.
    pub fn fields(&self) -> Vec<String> {
        self.setup
            .with(|s| s.as_ref().map(|s| s.fields.clone()).unwrap_or_default())
    }

    /// The setup's departments, in its order.
    pub fn departments(&self) -> Vec<String> {
        self.setup.with(|s| {
            s.as_ref()
                .map(|s| s.departments.clone())
                .unwrap_or_default()
        })
    }

    /// Says what was done. The message closes by itself once there was time to read it
    /// (a failure stays until it is closed); a later message is not closed early.
    pub fn say(&self, text: impl Into<String>) {
        let text = text.into();
        let serial = SAID.with(|s| {
            s.set(s.get().wrapping_add(1));
            s.get()
        });
        let read_in = std::time::Duration::from_millis(
            (6_000 + 60 * text.chars().count() as u64).min(20_000),
        );
        self.notice.set(Some(Notice {
            error: false,
            text,
            backup: false,
        }));
        let notice = self.notice;
        set_timeout(
            move || {
                let unchanged = SAID.with(|s| s.get() == serial)
                    && notice.with_untracked(|n| n.as_ref().is_some_and(|n| !n.error));
                if unchanged {
                    notice.set(None);
                }
            },
            read_in,
        );
    }

    /// Says what went wrong. Storage full (the catalogue's words are the tablet's) is said
    /// in the office's words, with the full backup beside it.
    pub fn fail(&self, text: impl Into<String>) {
        let text = text.into();
        let backup = crate::i18n::VI.offers_backup(&text);
        let text = if text == crate::i18n::VI.store_full {
            self.texts().store_full.to_string()
        } else {
            text
        };
        self.notice.set(Some(Notice {
            error: true,
            text,
            backup,
        }));
    }

    /// Says that storage is full, in `text`, with the full backup beside it.
    fn fail_full(&self, text: String) {
        self.notice.set(Some(Notice {
            error: true,
            text,
            backup: true,
        }));
    }

    pub(super) fn store(&self) -> IdbStore {
        self.repo.with_value(|r| r.store().clone())
    }

    /// Waits for the writes made so far to commit and tells the other tabs; on failure,
    /// shows the register as stored (after another tab's change, as that tab left it) and
    /// says so.
    pub(super) async fn commit(self) -> Result<(), StoreError> {
        self.commit_as(Durability::Strict).await
    }

    /// [`Self::commit`], as sure of the disk as `durability` asks.
    async fn commit_as(self, durability: Durability) -> Result<(), StoreError> {
        let store = self.store();
        let result = store.flush_as(durability).await;
        match &result {
            Ok(()) => {
                if let Some(channel) = self.data_channel.get_value() {
                    let _ = channel.post_message(&store.generation().into());
                }
            }
            Err(StoreError::Stale) => {
                if let Err(e) = store.reload().await {
                    self.fail(crate::i18n::VI.store_error(&e));
                    return result;
                }
                self.show_stored();
                self.fail(crate::i18n::VI.store_error(&StoreError::Stale));
            }
            Err(e) => {
                self.show_stored();
                self.fail(crate::i18n::VI.store_error(e));
            }
        }
        result
    }

    /// Saves the setup.
    pub fn save_setup(self, setup: OfficeSetup) {
        let written = self.repo.with_value(|r| r.save_setup(&setup));
        if let Err(e) = written {
            self.fail(crate::i18n::VI.store_error(&e));
            return;
        }
        self.setup.set(Some(setup));
        self.ensure_key();
        leptos::task::spawn_local(async move {
            if self.commit().await.is_ok() {
                self.say(self.texts().setup_saved);
            }
        });
    }

    /// Runs an office action on the register and stores what it changed: the chunks of
    /// the villages named, and the groups.
    pub fn act(
        self,
        villages: Vec<String>,
        done: impl Into<String> + 'static,
        action: impl FnOnce(&mut Register) -> Result<(), ActionError>,
    ) -> bool {
        let mut result = Ok(());
        self.register.update(|r| result = action(r));
        if let Err(e) = result {
            self.fail(self.texts().action_error(&e));
            return false;
        }
        let names: Vec<&str> = villages.iter().map(String::as_str).collect();
        let written = self
            .register
            .with_untracked(|r| self.repo.with_value(|repo| repo.save(r, &names)));
        if let Err(e) = written {
            self.fail(crate::i18n::VI.store_error(&e));
            return false;
        }
        // Only the named villages' entries can have changed their text.
        self.register.with_untracked(|r| {
            let touched: Vec<usize> = r
                .entries()
                .iter()
                .enumerate()
                .filter(|(_, e)| villages.contains(&e.village))
                .map(|(i, _)| i)
                .collect();
            self.keys.update(|k| update_search_keys(k, r, &touched));
        });
        leptos::task::spawn_local(async move {
            if self.commit().await.is_ok() {
                self.say(done.into());
            }
        });
        true
    }

    /// The village of a petition, for [`Self::act`].
    pub fn village_of(&self, id: &PetitionId) -> Vec<String> {
        self.register.with_untracked(|r| {
            r.get(id)
                .map(|e| vec![e.village.clone()])
                .unwrap_or_default()
        })
    }

    /// Imports files one after another. Each file is read, checked and merged whole, then
    /// committed on its own, so a bad file (or a failed write) leaves the others alone.
    pub async fn import(self, files: Vec<web_sys::File>) {
        let t = self.texts();
        let total = files.len();
        self.outcomes.set(Vec::new());
        for (i, file) in files.into_iter().enumerate() {
            self.progress.set(Some((i, total)));
            let name = file.name();
            let text = browser::read_text(file).await;
            // An encrypted file is opened here; then it is read as any other.
            let sealed = text.as_deref().is_some_and(sealed::is_sealed);
            let result = match text.map(|text| self.unsealed(text)) {
                None => Err(NotTaken::Refused(t.unreadable.to_string())),
                Some(Err(why)) => Err(NotTaken::Refused(why)),
                Some(Ok(text)) => {
                    // The benchmark's figure: parse, check, merge, write and commit.
                    let timer = browser::Timer::start("office-import");
                    let label = FileLabel {
                        name: name.clone(),
                        sealed,
                    };
                    let result = self.import_text(&text, label).await;
                    timer.stop();
                    // The list's search keys of what changed, timed apart: they serve
                    // the search, not the import (docs/PERF.md, figure 4).
                    if let Ok(imported) = &result {
                        let timer = browser::Timer::start("office-import-keys");
                        self.register.with_untracked(|r| {
                            self.keys
                                .update(|k| update_search_keys(k, r, &imported.touched))
                        });
                        timer.stop();
                    }
                    result
                }
            };
            self.outcomes
                .update(|o| o.push(FileOutcome { file: name, result }));
        }
        self.progress.set(None);
        self.suggestions.set(Vec::new());
        let (ok, full) = self.outcomes.with_untracked(|o| {
            let count = |f: fn(&FileOutcome) -> bool| o.iter().filter(|x| f(x)).count();
            (
                count(|f| f.result.is_ok()),
                count(|f| matches!(f.result, Err(NotTaken::StorageFull))),
            )
        });
        if full > 0 {
            // Told at once, with the backup: what is stored is safe, the files wait.
            self.fail_full(format!(
                "{} {}",
                (t.imported)(ok, total),
                (t.import_full)(full)
            ));
        } else {
            self.say((t.imported)(ok, total));
        }
    }

    async fn import_text(self, text: &str, file: FileLabel) -> Result<Imported, NotTaken> {
        let t = self.texts();
        let setup = self.setup.get_untracked();
        let read = match begin_village_bundle(text) {
            Begun::ToHash(pending) => {
                // The browser's SHA-256 is native code, several times faster than the
                // app's own in wasm; where it offers none, the app's.
                let sum = match browser::sha256_hex(pending.canonical()).await {
                    Some(sum) => sum,
                    None => checksum::of_canonical(pending.canonical()),
                };
                pending.finish(text, &sum)
            }
            Begun::Read(read) => read,
        };
        let read = read.map_err(|e| NotTaken::Refused(t.refusal(&Refusal::File(e))))?;
        let mut result = Err(Refusal::NoSetup);
        let now = browser::now();
        self.register
            .update(|r| result = r.import_file(read, setup.as_ref(), now, file));
        let imported = result.map_err(|e| NotTaken::Refused(t.refusal(&e)))?;
        let written = self.register.with_untracked(|r| {
            self.repo
                .with_value(|repo| repo.save(r, &[imported.village.as_str()]))
        });
        if let Err(e) = written {
            return Err(NotTaken::stored(&e));
        }
        // Relaxed: the files can be imported again (Durability::Relaxed).
        self.commit_as(Durability::Relaxed)
            .await
            .map_err(|e| NotTaken::stored(&e))?;
        Ok(imported)
    }
}

/// Shown when the browser offers no IndexedDB (some private modes): nothing can be kept.
pub fn no_database() -> &'static str {
    VI.no_database
}
