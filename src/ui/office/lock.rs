//! The office's passphrase boxes, for the files it locks (the full backup, the key file)
//! and for opening one: the strength said as it is typed, the warning that a forgotten
//! passphrase loses the file. The rules are the domain's ([`crate::domain::passphrase`]);
//! the locking is age's ([`crate::domain::bundle::sealed::lock`]).

use leptos::prelude::*;

use crate::domain::passphrase::strength;
use crate::i18n::lock::VI as L;
use crate::ui::components::TextField;

/// A passphrase typed twice.
#[derive(Clone, Copy)]
pub struct Passphrase {
    first: RwSignal<String>,
    again: RwSignal<String>,
}

impl Passphrase {
    pub fn empty() -> Self {
        Self {
            first: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
        }
    }

    /// The passphrase, or why a file may not be locked with it.
    pub fn checked(self) -> Result<String, &'static str> {
        let first = self.first.get_untracked();
        let s = strength(&first);
        if !s.accepted() {
            return Err(L.strength(s));
        }
        if first != self.again.get_untracked() {
            return Err(L.mismatch);
        }
        Ok(first)
    }
}

/// The two boxes, the strength of what is typed, and the warning.
#[component]
pub fn PassphraseFields(passphrase: Passphrase) -> impl IntoView {
    let Passphrase { first, again } = passphrase;
    let said = move || first.with(|p| (!p.is_empty()).then(|| L.strength(strength(p))));
    view! {
        <div class="form">
            <TextField
                label=L.passphrase.to_string()
                value=first
                on_input=Callback::new(move |v| first.set(v))
                input_type="password"
                hint=L.passphrase_hint
            />
            <TextField
                label=L.passphrase_again.to_string()
                value=again
                on_input=Callback::new(move |v| again.set(v))
                input_type="password"
            />
            <p class="wide strength" aria-live="polite">{said}</p>
            <p class="wide warning">{L.forget_warning}</p>
        </div>
    }
}

/// The box and the button that open a locked file.
#[component]
pub fn UnlockForm(button: &'static str, on_unlock: Callback<String>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    view! {
        <div class="form" role="group" aria-label=L.unlock_title>
            <TextField
                label=L.unlock_passphrase.to_string()
                value=typed
                on_input=Callback::new(move |v| typed.set(v))
                input_type="password"
            />
            <div class="actions wide">
                <button type="button" class="primary" on:click=move |_| on_unlock.run(typed.get_untracked())>
                    {button}
                </button>
            </div>
        </div>
    }
}
