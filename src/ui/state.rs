//! The app's state as signals, built once from storage at start, and the actions that
//! change it. Each action validates with the domain, writes the one entry that changed,
//! and only then updates the screen; on a failed write the screen keeps the user's input.

use leptos::prelude::*;

use crate::domain::bundle::results::{parse_results, take_for_village, Taken};
use crate::domain::bundle::setup::parse_commune_setup;
use crate::domain::bundle::{FileError, FileKind};
use crate::domain::petition::{Petition, PetitionDraft, PetitionError, PetitionId};
use crate::domain::round::{take_setup, unsent, SetupTaken};
use crate::domain::search::search_key;
use crate::domain::time::format_datetime;
use crate::domain::village::{Meeting, VillageProfile};
use crate::i18n::{Lang, Texts};
use crate::storage::local::BrowserStore;
use crate::storage::{BrokenEntry, DraftRecord, ExportLog, Repository, Settings, StoreError};

use super::browser;

pub fn repo() -> Repository<BrowserStore> {
    Repository::new(BrowserStore)
}

/// A petition with its search key, kept together so typing in the search box never
/// re-folds every petition.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub petition: Petition,
    pub key: String,
}

impl Entry {
    fn new(petition: Petition) -> Self {
        let key = search_key(&petition);
        Self { petition, key }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// The one message shown at the bottom of the screen; an undo travels with a deletion.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub undo: Option<PetitionId>,
}

/// The tablet's app is two wasm modules, so that what it loads every day stays small: the
/// daily one (index.html: the petitions, the meeting, the export) and the one for what a
/// tablet does rarely (cong-cu.html: the first start, settings, backup and restore, taking in
/// the commune's results). Each links only the pages it shows; a link to a page of the other
/// is a page load, from the service worker's cache when offline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    Daily,
    Tools,
}

impl Module {
    /// The module's page, relative to the app's folder (both pages sit side by side).
    fn path(self) -> &'static str {
        match self {
            Module::Daily => "./",
            Module::Tools => "cong-cu.html",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Petitions,
    Meeting,
    Export,
    Settings,
    Results,
    /// The rounds that ended, read-only.
    Rounds,
    Welcome,
}

impl Page {
    pub const ALL: [Page; 7] = [
        Page::Petitions,
        Page::Meeting,
        Page::Export,
        Page::Settings,
        Page::Results,
        Page::Rounds,
        Page::Welcome,
    ];

    pub fn hash(self) -> &'static str {
        match self {
            Page::Petitions => "#/kien-nghi",
            Page::Meeting => "#/hop-thon",
            Page::Export => "#/gui-ve-xa",
            Page::Settings => "#/cai-dat",
            Page::Results => "#/ket-qua",
            Page::Rounds => "#/cac-vong-truoc",
            Page::Welcome => "#/bat-dau",
        }
    }

    pub fn from_hash(hash: &str) -> Page {
        Page::ALL
            .into_iter()
            .find(|p| p.hash() == hash)
            .unwrap_or(Page::Petitions)
    }

    /// The module that shows this page.
    pub fn module(self) -> Module {
        match self {
            Page::Petitions | Page::Meeting | Page::Export => Module::Daily,
            Page::Settings | Page::Results | Page::Rounds | Page::Welcome => Module::Tools,
        }
    }

    /// The address of this page from a page of `here`: its #fragment when `here` shows it,
    /// else the other module's page with it.
    pub fn href(self, here: Module) -> String {
        if self.module() == here {
            self.hash().to_string()
        } else {
            format!("{}{}", self.module().path(), self.hash())
        }
    }

    /// The tab marked as current on this page (the results are part of sending to the
    /// commune and hearing back).
    pub fn tab(self) -> Page {
        match self {
            Page::Results | Page::Rounds => Page::Export,
            p => p,
        }
    }
}

/// Session storage keys of what a page of one tablet module hands to the page of the other
/// about to open (a page load clears signals): the message line, its first character
/// telling an error ("e") from a confirmation ("i"), and how many entries this start set
/// aside.
const CARRIED_NOTICE: &str = "dt1:notice";
const CARRIED_SET_ASIDE: &str = "dt1:set-aside";

/// Takes (reads, then removes) what the previous page left under `key`.
fn carried(key: &str) -> Option<String> {
    let s = window().session_storage().ok()??;
    let value = s.get_item(key).ok()??;
    let _ = s.remove_item(key);
    Some(value)
}

/// The message the previous page left for this one ([`AppState::carry_to_next_page`]).
fn carried_notice() -> Option<Notice> {
    let text = carried(CARRIED_NOTICE)?;
    let (kind, text) = match text.split_at_checked(1)? {
        ("e", text) => (NoticeKind::Error, text),
        (_, text) => (NoticeKind::Info, text),
    };
    Some(Notice {
        kind,
        text: text.to_string(),
        undo: None,
    })
}

/// What a file picked on the results page did.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    /// Taken (`true`: results to show on the petition list) or refused politely, said.
    Done(String, bool),
    /// A setup file of the next dialogue, waiting for the village head's word.
    NewRound(PendingRound),
}

/// The next dialogue's round, before the village head starts it.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingRound {
    pub next: VillageProfile,
    /// What starting it does.
    pub message: String,
    /// Changes never sent to the commune, if any.
    pub unsent: Option<String>,
}

/// Signals shared by every page through context. `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: RwSignal<Settings>,
    pub profile: RwSignal<Option<VillageProfile>>,
    pub meeting: RwSignal<Option<Meeting>>,
    pub entries: RwSignal<Vec<Entry>>,
    pub exports: RwSignal<ExportLog>,
    pub notice: RwSignal<Option<Notice>>,
    pub page: RwSignal<Page>,
    pub device_id: StoredValue<String>,
    /// Entries set aside at this start, reported once in a banner.
    pub broken_at_start: RwSignal<usize>,
    /// The petition form: what is typed, and which petition it edits.
    pub draft: RwSignal<PetitionDraft>,
    pub editing: RwSignal<Option<PetitionId>>,
    /// The revision the open edit started from, to notice a change made meanwhile elsewhere.
    editing_base: StoredValue<Option<u32>>,
}

impl AppState {
    /// Reads storage once and builds the signals.
    pub fn load() -> Self {
        let repo = repo();
        let snap = repo.load();
        let device_id =
            repo.device_id(|| PetitionId::from_random(browser::random_bytes()).to_string());
        let (draft, editing) = match &snap.draft {
            Some(d) => (d.draft(), d.editing()),
            None => (PetitionDraft::blank(), None),
        };
        Self {
            settings: RwSignal::new(snap.settings),
            profile: RwSignal::new(snap.profile),
            meeting: RwSignal::new(snap.meeting),
            entries: RwSignal::new(snap.petitions.into_iter().map(Entry::new).collect()),
            exports: RwSignal::new(snap.exports),
            notice: RwSignal::new(carried_notice()),
            page: RwSignal::new(Page::Petitions),
            device_id: StoredValue::new(device_id),
            broken_at_start: RwSignal::new(
                snap.broken_now.len()
                    + carried(CARRIED_SET_ASIDE).map_or(0, |n| n.parse().unwrap_or(0)),
            ),
            draft: RwSignal::new(draft),
            editing: RwSignal::new(editing),
            editing_base: StoredValue::new(None),
        }
    }

    /// The catalogue of the chosen language. Not tracked: the app re-mounts its pages
    /// when the language changes, so each page reads its strings once.
    pub fn texts(&self) -> &'static Texts {
        Lang::from_code(&self.settings.with_untracked(|s| s.lang.clone())).texts()
    }

    /// Hands the message line and the count of entries set aside at this start to the
    /// page about to open on the other module, in this tab's session storage; that page
    /// shows them once.
    pub fn carry_to_next_page(&self) {
        let Ok(Some(s)) = window().session_storage() else {
            return;
        };
        if let Some(n) = self.notice.get_untracked() {
            let kind = if n.kind == NoticeKind::Error {
                "e"
            } else {
                "i"
            };
            let _ = s.set_item(CARRIED_NOTICE, &format!("{kind}{}", n.text));
        }
        let count = self.broken_at_start.get_untracked();
        if count > 0 {
            let _ = s.set_item(CARRIED_SET_ASIDE, &count.to_string());
        }
    }

    pub fn info(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            kind: NoticeKind::Info,
            text: text.into(),
            undo: None,
        }));
    }

    pub fn error(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            undo: None,
        }));
    }

    fn store_failed(&self, e: &StoreError) {
        self.error(self.texts().store_error(e));
    }

    pub fn save_settings(&self, settings: Settings) {
        match repo().save_settings(&settings) {
            Ok(()) => self.settings.set(settings),
            Err(e) => self.store_failed(&e),
        }
    }

    pub fn save_profile(&self, profile: VillageProfile) -> bool {
        match repo().save_profile(&profile) {
            Ok(()) => {
                self.profile.set(Some(profile));
                true
            }
            Err(e) => {
                self.store_failed(&e);
                false
            }
        }
    }

    pub fn save_meeting(&self, meeting: Meeting) -> bool {
        match repo().save_meeting(&meeting) {
            Ok(()) => {
                self.meeting.set(Some(meeting));
                true
            }
            Err(e) => {
                self.store_failed(&e);
                false
            }
        }
    }

    /// Keeps what is typed in the form, so a reload or a sleeping tablet loses nothing.
    pub fn keep_draft(&self) {
        let record = self
            .draft
            .with_untracked(|d| DraftRecord::new(d, self.editing.get_untracked().as_ref()));
        if let Err(e) = repo().save_draft(&record) {
            self.store_failed(&e);
        }
    }

    pub fn find(&self, id: &PetitionId) -> Option<Petition> {
        self.entries.with_untracked(|es| {
            es.iter()
                .find(|e| e.petition.id == *id)
                .map(|e| e.petition.clone())
        })
    }

    /// Writes one petition, then puts it on screen. Returns false (and says why) when
    /// storage refused it; the caller keeps the user's input then.
    fn put(&self, petitions: &[Petition]) -> bool {
        let repo = repo();
        // Each change was made from the revision before it. If storage holds a newer one, another
        // tab saved it meanwhile: writing would silently erase that work. Refuse, show the
        // newest, and leave the user's typing on screen.
        let stale = petitions.iter().any(|p| {
            repo.stored_revision(&p.id)
                .is_some_and(|stored| stored >= p.revision)
        });
        if stale {
            self.reload_petitions();
            self.error(self.texts().changed_elsewhere);
            return false;
        }
        for (i, p) in petitions.iter().enumerate() {
            if let Err(e) = repo.save_petition(p) {
                // A merge writes two entries: put back the ones already written, so storage
                // never holds half a merge.
                for done in &petitions[..i] {
                    if let Some(before) = self.find(&done.id) {
                        let _ = repo.save_petition(&before);
                    }
                }
                self.store_failed(&e);
                return false;
            }
        }
        self.entries.update(|es| {
            for p in petitions {
                match es.iter_mut().find(|e| e.petition.id == p.id) {
                    Some(e) => *e = Entry::new(p.clone()),
                    None => es.push(Entry::new(p.clone())),
                }
            }
        });
        true
    }

    /// Saves the form as a new petition or as the edit of the one being edited.
    pub fn submit_draft(&self) -> Result<(), PetitionError> {
        let values = self.draft.with_untracked(PetitionDraft::validate)?;
        let now = browser::now();
        let petition = match self.editing.get_untracked().and_then(|id| self.find(&id)) {
            Some(old)
                if self
                    .editing_base
                    .get_value()
                    .is_some_and(|base| base != old.revision) =>
            {
                // Changed in another tab since this edit began: show that first. Saving again
                // then applies this edit on top, knowingly.
                self.editing_base.set_value(Some(old.revision));
                self.error(self.texts().changed_elsewhere);
                return Ok(());
            }
            Some(old) => old.edited(values, now),
            None => Petition::new(
                PetitionId::from_random(browser::random_bytes()),
                values,
                now,
            ),
        };
        let saved = browser::measured("save-petition", || self.put(&[petition]));
        if saved {
            self.draft.set(PetitionDraft::blank());
            self.editing.set(None);
            self.editing_base.set_value(None);
            repo().clear_draft();
            self.info(self.texts().saved);
        }
        Ok(())
    }

    pub fn start_edit(&self, id: &PetitionId) {
        if let Some(p) = self.find(id) {
            self.draft.set(PetitionDraft::from_petition(&p));
            self.editing_base.set_value(Some(p.revision));
            self.editing.set(Some(p.id));
            self.keep_draft();
        }
    }

    pub fn cancel_edit(&self) {
        self.editing.set(None);
        self.editing_base.set_value(None);
        self.draft.set(PetitionDraft::blank());
        repo().clear_draft();
    }

    pub fn delete(&self, id: &PetitionId) {
        let Some(p) = self.find(id) else { return };
        if self.put(&[p.deleted(browser::now())]) {
            if self.editing.get_untracked().as_ref() == Some(id) {
                self.cancel_edit();
            }
            self.notice.set(Some(Notice {
                kind: NoticeKind::Info,
                text: self.texts().deleted.to_string(),
                undo: Some(id.clone()),
            }));
        }
    }

    pub fn undo_delete(&self, id: &PetitionId) {
        let Some(p) = self.find(id) else { return };
        if !p.is_active() && self.put(&[p.restored(browser::now())]) {
            self.info(self.texts().restored);
        }
    }

    /// Merges `b` into `a`; both written, or neither shown as changed.
    pub fn merge(&self, a: &PetitionId, b: &PetitionId) -> bool {
        let (Some(pa), Some(pb)) = (self.find(a), self.find(b)) else {
            return false;
        };
        let (kept, folded) = pa.merged_with(&pb, browser::now());
        let done = self.put(&[kept, folded]);
        if done {
            // The form must not go on editing a petition that changed under it.
            if matches!(self.editing.get_untracked(), Some(id) if id == *a || id == *b) {
                self.cancel_edit();
            }
            self.info(self.texts().merged);
        }
        done
    }

    /// Re-reads the petitions from storage (after another tab changed them).
    pub fn reload_petitions(&self) {
        let petitions = repo().load().petitions;
        self.entries
            .set(petitions.into_iter().map(Entry::new).collect());
    }

    /// Takes in a results file from the commune. `Ok` with what it did, and whether the
    /// file was taken (or changed nothing); `Err` with why it was refused, and then
    /// nothing changed.
    pub fn import_results(&self, text: &str) -> Result<Picked, String> {
        let t = self.texts();
        let read = match parse_results(text) {
            // A newer setup file of the commune, picked on the same button: its key, or
            // the next dialogue's round.
            Err(FileError::WrongFormat { found: Some(f), .. })
                if f == FileKind::CommuneSetup.format_name() =>
            {
                return self.take_setup(text)
            }
            read => read.map_err(|e| t.file_error(&e))?,
        };
        let repo = repo();
        // Compared with what is stored, not with this tab's memory: another tab may have
        // taken a newer file meanwhile.
        let stored = repo.stored_results();
        // A village holds some hundreds of petitions: a plain search is quick enough.
        let taken = self
            .entries
            .with_untracked(|es| {
                let holds = |id: &PetitionId| es.iter().any(|e| e.petition.id == *id);
                self.profile.with_untracked(|p| {
                    // No profile, no petitions: the pages are not even shown then.
                    let p = p.as_ref().ok_or(FileError::NoPetitionOfOurs)?;
                    take_for_village(read, p, holds, stored.as_ref())
                })
            })
            .map_err(|e| t.file_error(&e))?;
        let message = match taken {
            Taken::New(results) => {
                repo.save_results(&results)
                    .map_err(|e| t.store_error(&e).to_string())?;
                return Ok(Picked::Done(
                    (t.results_imported)(results.results.len(), results.answered()),
                    true,
                ));
            }
            Taken::Unchanged => t.results_unchanged.to_string(),
            Taken::Older => (t.results_older)(
                &stored
                    .as_ref()
                    .map(|s| format_datetime(s.exported_at))
                    .unwrap_or_default(),
            ),
        };
        Ok(Picked::Done(message, false))
    }

    /// A newer setup file of this tablet's commune and village. Of the same dialogue: the
    /// office's key is taken, nothing else of the profile changes (a file without a key
    /// changes nothing). Of the next dialogue: the new round, for the village head to
    /// confirm ([`Self::begin_round`]), with what it ends and what was never sent.
    fn take_setup(&self, text: &str) -> Result<Picked, String> {
        let t = self.texts();
        let setup = parse_commune_setup(text).map_err(|e| t.file_error(&e))?;
        let profile = self.profile.get_untracked().ok_or(t.store_not_saved)?;
        match take_setup(&setup, &profile).map_err(|e| t.file_error(&e))? {
            SetupTaken::SameRound(taken) => {
                if taken.office_key.is_none() {
                    return Ok(Picked::Done(t.setup_no_key.to_string(), false));
                }
                if !self.save_profile(taken) {
                    return Err(t.store_not_saved.to_string());
                }
                Ok(Picked::Done(t.key_taken.to_string(), false))
            }
            SetupTaken::NewRound(next) => {
                let r = t.rounds();
                let title = |p: &VillageProfile| {
                    p.dialogue
                        .as_ref()
                        .map(|d| d.title.clone())
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| r.untitled.to_string())
                };
                let stored = repo().load();
                let unsent = unsent(
                    &stored.petitions,
                    &stored.exports.sent,
                    stored.exports.last_at,
                );
                Ok(Picked::NewRound(PendingRound {
                    message: (r.new_round)(&title(&profile), &title(&next), stored.petitions.len()),
                    unsent: (unsent > 0).then(|| (r.unsent)(unsent)),
                    next,
                }))
            }
        }
    }

    /// Ends the round under way and starts the next dialogue's (`next`, confirmed by the
    /// village head): the round is kept whole in the history, the new one starts empty.
    pub fn begin_round(&self, next: VillageProfile) -> Result<String, String> {
        let t = self.texts();
        let repo = repo();
        repo.begin_round(&repo.load(), &next, browser::now())
            .map_err(|e| t.store_error(&e).to_string())?;
        let title = next
            .dialogue
            .as_ref()
            .map(|d| d.title.clone())
            .unwrap_or_default();
        self.profile.set(Some(next));
        self.entries.set(Vec::new());
        self.meeting.set(None);
        Ok((t.rounds().begun)(&title))
    }

    pub fn set_aside_entries(&self) -> Vec<BrokenEntry> {
        repo().broken_entries()
    }
}
