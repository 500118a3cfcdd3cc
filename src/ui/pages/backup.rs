//! The full backup on the tablet: one button that downloads everything the tablet stores
//! (also offered beside the "storage is full" message), and the restore from such a file,
//! checked whole, confirmed, then written whole (or not at all).
//!
//! The backup is built from storage as it is and writes nothing, so it works when storage
//! is full. The tablet backs up its own local storage only: reading the office's IndexedDB
//! would cost the tablet's download budget, and a tablet does not hold the office's data.
//! The office's page backs up both roles, and restores such a file whole.

use leptos::prelude::*;

use crate::domain::bundle::backup::{build_backup, BackupContext, Entries, MadeBy, Role};
use crate::domain::bundle::dialogue::DialogueRef;
use crate::domain::time::format_datetime;
use crate::storage::backup::{is_village_key, read_for_village, replace_all};
use crate::storage::local::BrowserStore;
use crate::ui::browser;
use crate::ui::state::{repo, AppState};

/// Downloads the full backup of the tablet.
pub fn download_backup(app: AppState) {
    let b = app.texts().backup();
    let name = app
        .profile
        .with_untracked(|p| p.as_ref().map(|p| format!("{} · {}", p.village, p.commune)))
        .unwrap_or_default();
    let backup = build_backup(
        Some(repo().all_entries()),
        None,
        BackupContext {
            app_version: crate::APP_VERSION,
            now: browser::now(),
            made_by: MadeBy {
                role: Role::Village,
                name,
                // The round under way.
                dialogue: app.profile.with_untracked(|p| {
                    p.as_ref()
                        .and_then(|p| p.dialogue.as_ref())
                        .map(|d| DialogueRef {
                            id: d.id.clone(),
                            title: d.title.clone(),
                        })
                }),
            },
        },
    );
    let file = backup.file_name();
    match browser::download(&file, &backup.to_json()) {
        Ok(()) => app.info((b.done)(&file)),
        Err(_) => app.error(b.download_failed),
    }
}

#[component]
pub fn BackupCard() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let b = t.backup();
    // A checked file waiting for the person's yes: the question (a signal of a type the
    // tablet already has, which costs no new code) and the entries to write.
    let question = RwSignal::new(None::<String>);
    let entries = StoredValue::new(Entries::new());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        question.set(None);
        leptos::task::spawn_local(async move {
            let Some(text) = browser::read_text(file).await else {
                app.error(t.read_failed);
                return;
            };
            match read_for_village(&text) {
                Err(e) => app.error((b.refused)(&t.backup_error(&e))),
                Ok(backup) => {
                    let held = app.entries.with_untracked(Vec::len);
                    question.set(Some((b.confirm)(
                        &format_datetime(backup.made_at),
                        &backup.made_by.name,
                        &(b.petitions)(backup.village_petitions()),
                        &(b.petitions)(held),
                    )));
                    entries.set_value(backup.village.unwrap_or_default());
                }
            }
        });
    };
    let restore = move |_| {
        if question.get_untracked().is_none() {
            return;
        }
        match entries.with_value(|e| replace_all(&BrowserStore, is_village_key, e)) {
            // Start again from what is stored now, as at any start.
            Ok(_) => {
                let _ = window().location().reload();
            }
            Err(e) => {
                question.set(None);
                app.error((b.not_restored)(t.store_error(&e)));
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">{b.title}</h2>
            <p class="hint">{b.hint}</p>
            <button type="button" class="primary" on:click=move |_| download_backup(app)>
                {b.download}
            </button>
            <h3>{b.restore_title}</h3>
            <p class="hint">{b.restore_hint}</p>
            <label class="file-button">
                <span>{b.restore_pick}</span>
                <input type="file" accept=".json,application/json" on:change=on_file />
            </label>
            {move || {
                question
                    .get()
                    .map(|q| {
                        view! {
                            <div class="confirm" role="alertdialog" aria-labelledby="restore-question">
                                <p id="restore-question">{q}</p>
                                <div class="actions">
                                    <button type="button" class="danger" on:click=restore>
                                        {b.confirm_button}
                                    </button>
                                    <button type="button" on:click=move |_| question.set(None)>
                                        {b.cancel}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </section>
    }
}
