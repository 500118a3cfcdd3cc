//! Preferences (language, large text), what this tablet is, and the entries set aside
//! because they could not be read, with a way to rescue them.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::storage::Settings;
use crate::ui::browser;
use crate::ui::state::AppState;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = move || app.texts();
    let broken = RwSignal::new(app.set_aside_entries());
    let update = move |change: &dyn Fn(&mut Settings)| {
        let mut s = app.settings.get_untracked();
        change(&mut s);
        app.save_settings(s);
    };
    let who = move || {
        app.profile.with(|p| {
            p.as_ref()
                .map(|p| {
                    format!(
                        "{}: {} · {} · {}",
                        t().this_tablet,
                        p.village,
                        p.commune,
                        p.head
                    )
                })
                .unwrap_or_default()
        })
    };
    let rescue = move |_| {
        let entries: Vec<serde_json::Value> = broken.with_untracked(|b| {
            b.iter()
                .map(|e| serde_json::json!({ "key": e.key, "raw": e.raw }))
                .collect()
        });
        let text = serde_json::to_string_pretty(&entries).unwrap_or_default();
        if browser::download("du-lieu-hong.json", &text).is_err() {
            app.error(t().store_not_saved);
        }
    };
    let lang_option = move |lang: Lang, label: &'static str| {
        view! {
            <option
                value=lang.code()
                prop:selected=move || app.settings.with(|s| s.lang == lang.code())
            >
                {label}
            </option>
        }
    };

    view! {
        <section class="card" aria-labelledby="settings-title">
            <h1 id="settings-title">{move || t().settings_title}</h1>
            <label class="field">
                <span>{move || t().language}</span>
                <select on:change=move |ev| {
                    let code = Lang::from_code(&event_target_value(&ev)).code();
                    update(&|s| s.lang = code.to_string());
                }>
                    {lang_option(Lang::Vi, "Tiếng Việt")}
                    {lang_option(Lang::En, "English")}
                </select>
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || app.settings.with(|s| s.large_text)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update(&|s| s.large_text = on);
                    }
                />
                <span>{move || t().large_text}</span>
            </label>
            <p>{who}</p>
            <p>{move || format!("{}: {}", t().device_id, app.device_id.get_value())}</p>
        </section>
        <section class="card" aria-labelledby="broken-title">
            <h2 id="broken-title">{move || t().broken_title}</h2>
            {move || {
                let n = broken.with(Vec::len);
                if n == 0 {
                    view! { <p>{t().broken_none}</p> }.into_any()
                } else {
                    view! {
                        <p>{(t().broken_count)(n)}</p>
                        <button type="button" on:click=rescue>{t().broken_download}</button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
