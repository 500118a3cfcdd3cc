//! The session's actions on the office's state. Each runs a domain change on the session
//! and its questions, writes the session's entry and the questions it changed (one small
//! entry each), waits for IndexedDB to commit, and tells a projector window what to show.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::state::OfficeState;
use crate::domain::json;
use crate::domain::office::denunciation;
use crate::domain::official::DocumentRegister;
use crate::domain::session::{Item, Projection, Session};
use crate::i18n::session::{SessionTexts, VI};

/// What a session action changed, to be written.
#[derive(Default)]
pub struct Changed {
    /// Ids of the questions changed or added.
    pub items: Vec<String>,
    /// Ids of the questions taken off the queue.
    pub removed: Vec<String>,
    /// A number was taken from the register.
    pub documents: bool,
}

impl Changed {
    pub fn item(id: impl Into<String>) -> Self {
        Self {
            items: vec![id.into()],
            ..Self::default()
        }
    }
}

impl OfficeState {
    pub fn session_texts(&self) -> &'static SessionTexts {
        &VI
    }

    /// Runs `action`; on success stores what it changed and says `done` (if not empty:
    /// a tick at the door needs no message). The action
    /// returns a message already in Vietnamese when it refuses. Returns whether the
    /// change was taken.
    pub fn session_act(
        self,
        done: impl Into<String>,
        action: impl FnOnce(
            &mut Session,
            &mut Vec<Item>,
            &mut DocumentRegister,
        ) -> Result<Changed, String>,
    ) -> bool {
        let mut session = self.session.get_untracked();
        let mut items = self.items.get_untracked();
        let mut documents = self.documents.get_untracked();
        let changed = match action(&mut session, &mut items, &mut documents) {
            Ok(c) => c,
            Err(message) => {
                self.fail(message);
                return false;
            }
        };
        let written = self.repo.with_value(|repo| {
            repo.save_session(&session)?;
            for id in &changed.items {
                if let Some(i) = items.iter().find(|i| &i.id == id) {
                    repo.save_item(i)?;
                }
            }
            for id in &changed.removed {
                repo.remove_item(id);
            }
            if changed.documents {
                repo.save_documents(&documents)?;
            }
            Ok::<(), crate::storage::StoreError>(())
        });
        if let Err(e) = written {
            self.fail(crate::i18n::VI.store_error(&e));
            return false;
        }
        self.broadcast(
            &self
                .register
                .with_untracked(|r| denunciation::projection(&session, &items, r)),
        );
        self.session.set(session);
        self.items.set(items);
        if changed.documents {
            self.documents.set(documents);
        }
        let done = done.into();
        leptos::task::spawn_local(async move {
            if self.commit().await.is_ok() && !done.is_empty() {
                self.say(done);
            }
        });
        true
    }

    /// Sends what the projector shows to any projector window of this app.
    fn broadcast(&self, p: &Projection) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&JsValue::from_str(&json::to_text_fast(p)));
            }
        });
    }
}
