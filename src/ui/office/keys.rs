//! The office's key pair for encrypted village bundles: made once when the setup is
//! saved, shown on the setup page (its public half, which the setup file carries), and
//! used by the import to open an encrypted file before the usual reading.

use leptos::prelude::*;

use super::state::OfficeState;
use crate::domain::bundle::sealed::{self, OfficeKey};

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

/// The public key, for the setup page.
#[component]
pub fn KeyPanel() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
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
        </section>
    }
}
