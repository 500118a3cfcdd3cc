//! The office's backup page: the full backup of both roles held by this browser (the
//! office's IndexedDB and any village tablet's local storage on the same site) as one
//! file; the restore of such a file, checked whole, confirmed, then written whole or not at
//! all; and the entries set aside because they could not be read, with a download to
//! rescue them.
//!
//! A restore writes local storage first (putting it back if a write fails), then commits
//! the office's entries in one IndexedDB transaction; if that commit fails, local storage
//! is put back too, so a failed restore changes nothing.

use leptos::prelude::*;

use super::lock::{Passphrase, PassphraseFields, UnlockForm};
use super::state::{OfficeState, Page};
use crate::domain::bundle::backup::{build_backup, Backup, BackupContext, MadeBy, Role};
use crate::domain::bundle::dialogue::DialogueRef;
use crate::domain::bundle::sealed;
use crate::domain::time::format_datetime;
use crate::i18n::backup::VI as B;
use crate::i18n::lock::VI as L;
use crate::i18n::VI as T;
use crate::storage::backup::{entries_of, is_village_key, put_back, read_for_office, replace_all};
use crate::storage::local::BrowserStore;
use crate::ui::browser;
use crate::ui::components::CheckField;

/// The office's keys in its IndexedDB store (all of the app's).
fn is_office_store_key(key: &str) -> bool {
    key.starts_with("dt1:")
}

/// Downloads the full backup: the office's entries (the closed dialogues' read first)
/// and the village's, as stored; locked with `passphrase` unless it is `None`, which the
/// person chose knowingly.
pub fn download_backup(app: OfficeState, passphrase: Option<String>) {
    leptos::task::spawn_local(async move {
        match app.store().load_deferred().await {
            Ok(()) => download_loaded(app, passphrase.as_deref()),
            Err(e) => app.fail(T.store_error(&e)),
        }
    });
}

fn download_loaded(app: OfficeState, passphrase: Option<&str>) {
    let name = app
        .setup
        .with_untracked(|s| {
            s.as_ref()
                .map(|s| format!("Văn phòng UBND xã {}", s.commune))
        })
        .unwrap_or_else(|| "Văn phòng UBND xã".to_string());
    let backup = build_backup(
        Some(entries_of(&BrowserStore, is_village_key)),
        Some(entries_of(&app.store(), is_office_store_key)),
        BackupContext {
            app_version: crate::APP_VERSION,
            now: browser::now(),
            made_by: MadeBy {
                role: Role::Office,
                name,
                // The dialogue under way (read from the store while a closed one is shown).
                dialogue: match app.viewing.get_untracked() {
                    Some(_) => {
                        crate::storage::office::OfficeRepository::new(app.store())
                            .load()
                            .setup
                    }
                    None => app.setup.get_untracked(),
                }
                .map(|s| DialogueRef {
                    id: s.dialogue.id,
                    title: s.dialogue.title,
                }),
            },
        },
    );
    let plain = backup.file_name();
    let (file, text) = match passphrase {
        Some(p) => match sealed::lock(&backup.to_json(), p, sealed::WORK_FACTOR) {
            Some(locked) => (plain.replace(".json", sealed::FILE_SUFFIX), locked),
            None => return app.fail(L.lock_failed),
        },
        None => (plain, backup.to_json()),
    };
    match browser::download(&file, &text) {
        Ok(()) => app.say((B.done)(&file)),
        Err(_) => app.fail(B.download_failed),
    }
}

/// "văn phòng: 12 mục dữ liệu; thôn: 40 kiến nghị" for what a file holds or what is held.
fn describe(office: Option<usize>, village_petitions: Option<usize>) -> String {
    let office = office.map_or_else(|| B.not_in_file.to_string(), B.entries);
    let village = village_petitions.map_or_else(|| B.not_in_file.to_string(), B.petitions);
    format!("văn phòng: {office}; thôn: {village}")
}

/// Writes a checked backup: local storage, then the office's store in one commit.
async fn restore(app: OfficeState, backup: Backup) -> Result<(), String> {
    let village_before = match &backup.village {
        Some(v) => Some(
            replace_all(&BrowserStore, is_village_key, v)
                .map_err(|e| (B.not_restored)(T.store_error(&e)))?,
        ),
        None => None,
    };
    if let Some(o) = &backup.office {
        let store = app.store();
        // Every entry in the copy, so the restore replaces the closed dialogues too.
        store
            .load_deferred()
            .await
            .map_err(|e| (B.not_restored)(T.store_error(&e)))?;
        // The in-memory copy never refuses; the commit below decides.
        let _ = replace_all(&store, is_office_store_key, o);
        if let Err(e) = store.flush().await {
            if let Some(before) = &village_before {
                put_back(&BrowserStore, is_village_key, before);
            }
            return Err((B.not_restored)(T.store_error(&e)));
        }
    }
    Ok(())
}

#[component]
pub fn BackupPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let pending: RwSignal<Option<(String, Backup)>> = RwSignal::new(None);
    // A file locked with a passphrase, waiting for it.
    let locked: RwSignal<Option<String>> = RwSignal::new(None);
    let passphrase = Passphrase::empty();
    let plain_chosen = RwSignal::new(false);
    let check = move |text: String| match read_for_office(&text) {
        Err(e) => app.fail((B.refused)(&T.backup_error(&e))),
        Ok(backup) => {
            let holds = describe(
                backup.office.as_ref().map(|o| o.len()),
                backup.village.as_ref().map(|_| backup.village_petitions()),
            );
            let held_office = entries_of(&app.store(), is_office_store_key).len();
            let held_village = entries_of(&BrowserStore, |k| k.starts_with("dt1:p:")).len();
            let question = (B.confirm)(
                &format_datetime(backup.made_at),
                &backup.made_by.name,
                &holds,
                &describe(Some(held_office), Some(held_village)),
            );
            pending.set(Some((question, backup)));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        pending.set(None);
        locked.set(None);
        leptos::task::spawn_local(async move {
            let Some(text) = browser::read_text(file).await else {
                app.fail(T.read_failed);
                return;
            };
            if sealed::is_sealed(&text) {
                locked.set(Some(text));
            } else {
                check(text);
            }
        });
    };
    let unlock = Callback::new(move |typed: String| {
        let Some(text) = locked.get_untracked() else {
            return;
        };
        match sealed::unlock(&text, &typed) {
            Ok(plain) => {
                locked.set(None);
                check(plain);
            }
            Err(e) => app.fail(L.locked_error(&e)),
        }
    });
    let confirm = move |_| {
        let Some((_, backup)) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        leptos::task::spawn_local(async move {
            match restore(app, backup).await {
                // Start again from what is stored now, as at any start.
                Ok(()) => {
                    let _ = window().location().reload();
                }
                Err(why) => app.fail(why),
            }
        });
    };
    let download_locked = move |_| match passphrase.checked() {
        Ok(p) => download_backup(app, Some(p)),
        Err(why) => app.fail(why),
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h1 id="backup-title">{B.title}</h1>
            <p class="hint">
                "Một tệp chứa mọi dữ liệu ứng dụng lưu trên máy này: của văn phòng (thiết lập, kiến nghị các thôn, nhóm, phiên đối thoại, sổ văn bản, khoá bí mật của văn phòng) và của thôn nếu máy này cũng dùng làm máy của thôn. Tệp được mã hoá bằng mật khẩu bạn chọn."
            </p>
            <PassphraseFields passphrase />
            <button type="button" class="primary" on:click=download_locked>
                {L.download_locked}
            </button>
            <details class="plain-backup">
                <summary>{L.plain_summary}</summary>
                <p class="warning">{L.plain_warning}</p>
                <CheckField
                    label=L.plain_confirm.to_string()
                    checked=plain_chosen
                    on_change=Callback::new(move |on| plain_chosen.set(on))
                />
                <button
                    type="button"
                    disabled=move || !plain_chosen.get()
                    on:click=move |_| download_backup(app, None)
                >
                    {L.download_plain}
                </button>
            </details>
        </section>
        <section class="card" aria-labelledby="restore-title">
            <h2 id="restore-title">{B.restore_title}</h2>
            <p class="hint">{B.restore_hint}</p>
            <label class="file-button">
                <span>{B.restore_pick}</span>
                <input type="file" accept=".json,.txt,application/json,text/plain" on:change=on_file />
            </label>
            {move || locked.with(Option::is_some).then(|| view! {
                <UnlockForm button=L.unlock_button on_unlock=unlock />
            })}
            {move || {
                pending
                    .get()
                    .map(|(question, _)| {
                        view! {
                            <div class="confirm" role="alertdialog" aria-labelledby="restore-question">
                                <p id="restore-question">{question}</p>
                                <div class="actions">
                                    <button type="button" class="danger" on:click=confirm>
                                        {B.confirm_button}
                                    </button>
                                    <button type="button" on:click=move |_| pending.set(None)>
                                        {B.cancel}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </section>
        <BrokenEntries />
    }
}

/// The entries set aside because they could not be read: how many, their keys, and a
/// download of their text for rescue.
#[component]
fn BrokenEntries() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let broken = app.repo.with_value(|r| r.broken_entries());
    let keys: Vec<String> = broken.iter().map(|b| b.key.clone()).collect();
    let count = keys.len();
    let rescue = move |_| {
        let text = crate::storage::rescue_file(&broken);
        if browser::download("du-lieu-hong_van-phong.json", &text).is_err() {
            app.fail(B.download_failed);
        }
    };
    view! {
        <section class="card" aria-labelledby="broken-title">
            <h2 id="broken-title">{T.broken_title}</h2>
            {if count == 0 {
                view! { <p>{T.broken_none}</p> }.into_any()
            } else {
                view! {
                    <p>{(T.broken_count)(count)}</p>
                    <ul>{keys.into_iter().map(|k| view! { <li><code>{k}</code></li> }).collect_view()}</ul>
                    <button type="button" on:click=rescue>{T.broken_download}</button>
                }
                    .into_any()
            }}
        </section>
    }
}

/// The way to the full backup, offered beside a "storage is full" message: the backup
/// page, where it is locked with a passphrase (making it writes nothing).
#[component]
pub fn BackupButton() -> impl IntoView {
    view! { <a class="button" href=Page::Backup.hash()>{B.title}</a> }
}
