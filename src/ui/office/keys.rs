//! The office's key pair for encrypted village bundles: made once when the setup is
//! saved, shown on the setup page (its public half, which the setup file carries), and
//! used by the import to open an encrypted file before the usual reading.

use leptos::prelude::*;

use super::lock::{Passphrase, PassphraseFields, UnlockForm};
use super::state::OfficeState;
use crate::domain::bundle::office_key;
use crate::domain::bundle::sealed::{self, OfficeKey};
use crate::domain::time::vietnam_date;
use crate::i18n::lock::VI as L;
use crate::ui::browser;

impl OfficeState {
    /// Makes and stores the key pair if the office has none. Never replaces one: files
    /// already encrypted for it would no longer open. The caller commits.
    pub(super) fn ensure_key(self) {
        if self.key.with_untracked(Option::is_some) {
            return;
        }
        let key = OfficeKey::generate();
        match self.repo.with_value(|r| r.save_key(&key)) {
            Ok(()) => self.key.set(Some(key)),
            Err(_) => self.fail(self.texts().key_not_saved),
        }
    }

    /// A file's text as the bundle reader takes it: an encrypted file opened with the
    /// office's key, any other file as it is. `Err` says why an encrypted one cannot be
    /// opened, and then nothing is read further.
    pub(super) fn unsealed(self, text: String) -> Result<String, String> {
        if !sealed::is_sealed(&text) {
            return Ok(text);
        }
        self.key
            .with_untracked(|k| sealed::open(&text, k.as_ref()))
            .map_err(|e| self.texts().sealed_error(&e).to_string())
    }
}

/// The public key, for the setup page, and the office's key file: saved locked with a
/// passphrase, or taken from another computer's.
#[component]
pub fn KeyPanel() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let passphrase = Passphrase::empty();
    let save_file = move |_| {
        let Some(key) = app.key.get_untracked() else {
            return app.fail(L.no_key);
        };
        let passphrase = match passphrase.checked() {
            Ok(p) => p,
            Err(why) => return app.fail(why),
        };
        let commune = app
            .setup
            .with_untracked(|s| s.as_ref().map(|s| s.commune.clone()))
            .unwrap_or_default();
        let now = browser::now();
        let text = office_key::key_file(&key, &commune, now);
        let Some(locked) = sealed::lock(&text, &passphrase, sealed::WORK_FACTOR) else {
            return app.fail(L.lock_failed);
        };
        let name = office_key::file_name(&commune, vietnam_date(now));
        match browser::download(&name, &locked) {
            Ok(()) => app.say((L.key_file_saved)(&name)),
            Err(_) => app.fail(crate::i18n::backup::VI.download_failed),
        }
    };
    // A key file picked, waiting for its passphrase.
    let picked: RwSignal<Option<String>> = RwSignal::new(None);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_text(file).await {
                Some(text) if sealed::is_sealed(&text) => picked.set(Some(text)),
                Some(_) => app.fail(L.key_file_error(office_key::KeyFileError::NotKeyFile)),
                None => app.fail(crate::i18n::VI.read_failed),
            }
        });
    };
    let unlock = Callback::new(move |typed: String| {
        let Some(text) = picked.get_untracked() else {
            return;
        };
        let opened = sealed::unlock(&text, &typed).map_err(|e| L.locked_error(&e));
        let read = opened
            .and_then(|plain| office_key::read_key_file(&plain).map_err(|e| L.key_file_error(e)));
        let (key, commune) = match read {
            Ok(found) => found,
            Err(why) => return app.fail(why),
        };
        if let Err(e) = app.repo.with_value(|r| r.save_key(&key)) {
            return app.fail(crate::i18n::VI.store_error(&e));
        }
        picked.set(None);
        leptos::task::spawn_local(async move {
            if app.commit().await.is_ok() {
                app.key.set(Some(key));
                app.say((L.key_file_imported)(&commune));
            }
        });
    });
    view! {
        <section class="card" aria-labelledby="key-title">
            <h2 id="key-title">{t.key_title}</h2>
            <p class="hint">{t.key_intro}</p>
            {move || match app.key.with(|k| k.as_ref().map(|k| k.public().to_string())) {
                Some(public) => view! {
                    <p>
                        {t.key_public} ": "
                        <code class="office-key" data-testid="office-key">{public}</code>
                    </p>
                }
                .into_any(),
                None => view! { <p>{t.key_none}</p> }.into_any(),
            }}
            <h3>{L.key_file_title}</h3>
            <p class="hint">{L.key_file_intro}</p>
            <PassphraseFields passphrase />
            <button type="button" on:click=save_file>{L.key_file_save}</button>
            <label class="file-button">
                <span>{L.key_file_pick}</span>
                <input type="file" accept=".txt,text/plain" on:change=on_file />
            </label>
            {move || picked.with(Option::is_some).then(|| view! {
                <UnlockForm button=L.key_file_unlock on_unlock=unlock />
            })}
        </section>
    }
}
