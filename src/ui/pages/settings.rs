//! Preferences (language, large text), what this tablet is, and the entries set aside
//! because they could not be read, with a way to rescue them; the full backup and restore
//! (`backup.rs`).

use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::Lang;
use crate::ui::browser;
use crate::ui::components::{CheckField, SelectField};
use crate::ui::state::AppState;

/// The language choice, shown on the first start and in settings. Each language is named
/// in itself, so a person who cannot read the current one still finds theirs.
#[component]
pub fn LanguageField() -> impl IntoView {
    let app = expect_context::<AppState>();
    let names = |code: &str| {
        if code == "en" {
            "English"
        } else {
            "Tiếng Việt"
        }
    };
    view! {
        <SelectField
            label=format!("{} / Language", app.texts().language)
            options=Signal::derive(move || vec![names("vi").to_string(), names("en").to_string()])
            selected=Signal::derive(move || names(&app.settings.with(|s| s.lang.clone())).to_string())
            on_change=Callback::new(move |name: String| {
                let lang = if name == names("en") { Lang::En } else { Lang::Vi };
                let mut s = app.settings.get_untracked();
                s.lang = lang.code().to_string();
                app.save_settings(s);
            })
        />
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let broken = app.set_aside_entries();
    let count = broken.len();
    let who = app.profile.with_untracked(|p| {
        p.as_ref()
            .map(|p| {
                format!(
                    "{}: {} · {} · {}",
                    t.this_tablet, p.village, p.commune, p.head
                )
            })
            .unwrap_or_default()
    });
    let rescue = move |_| {
        let text = crate::storage::rescue_file(&broken);
        if browser::download("du-lieu-hong.json", &text).is_err() {
            app.error(t.store_not_saved);
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-title">
            <h1 id="settings-title">{t.settings_title}</h1>
            <LanguageField />
            <CheckField
                label=t.large_text.to_string()
                checked=Signal::derive(move || app.settings.with(|s| s.large_text))
                on_change=Callback::new(move |on| {
                    let mut s = app.settings.get_untracked();
                    s.large_text = on;
                    app.save_settings(s);
                })
            />
            <p>{who}</p>
            <p>{format!("{}: {}", t.device_id, app.device_id.get_value())}</p>
        </section>
        <section class="card" aria-labelledby="broken-title">
            <h2 id="broken-title">{t.broken_title}</h2>
            {if count == 0 {
                Either::Left(view! { <p>{t.broken_none}</p> })
            } else {
                Either::Right(view! {
                    <p>{(t.broken_count)(count)}</p>
                    <button type="button" on:click=rescue>{t.broken_download}</button>
                })
            }}
        </section>
        <super::backup::BackupCard />
    }
}
