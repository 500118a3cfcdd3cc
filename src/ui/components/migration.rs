//! The tablet's side of the stored format's migration ([`crate::storage::migrate`]): run
//! at the top of `AppState::load`, before anything reads local storage, and told in the
//! message line once the state it makes is there.

use leptos::prelude::*;

use crate::storage::local::BrowserStore;
use crate::storage::migrate::{self, Migration};
use crate::ui::state::AppState;

/// Migrates local storage to the current format, then says what was done (if it is
/// worth saying) in the message line of the state being built, when the app has it.
pub fn migrate_storage() {
    let migrated = migrate::village(&BrowserStore);
    if matches!(migrated, Migration::Current) {
        return;
    }
    let Some(owner) = Owner::current() else {
        return;
    };
    // `AppState::load` is still building the state; the app provides it right after.
    leptos::task::spawn_local(async move {
        let Some(app) = owner.with(use_context::<AppState>) else {
            return;
        };
        if let Some(text) = app.texts().migration_notice(&migrated) {
            if migrated.failed() {
                app.error(text);
            } else {
                app.info(text);
            }
        }
    });
}
