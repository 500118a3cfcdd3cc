//! First start: choose the role, then load the commune setup file or type the village in.

use leptos::prelude::*;

use crate::domain::bundle::setup::{parse_commune_setup, CommuneSetup};
use crate::domain::village::ProfileDraft;
use crate::i18n::Lang;
use crate::storage::Settings;
use crate::ui::browser;
use crate::ui::state::AppState;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = move || app.texts();
    let setup = RwSignal::new(None::<CommuneSetup>);
    let setup_error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(0usize);
    let head_from_file = RwSignal::new(String::new());
    let hand = RwSignal::new(ProfileDraft::default());
    let hand_error = RwSignal::new(None::<String>);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = match browser::read_text(file).await {
                Some(text) => parse_commune_setup(&text).map_err(|e| t().file_error(&e)),
                None => Err(t().read_failed.to_string()),
            };
            match result {
                Ok(s) => {
                    head_from_file.set(
                        s.villages
                            .first()
                            .map(|v| v.head.clone())
                            .unwrap_or_default(),
                    );
                    chosen.set(0);
                    setup.set(Some(s));
                    setup_error.set(None);
                }
                // A refused file changes nothing: the previous choice (if any) stays.
                Err(message) => setup_error.set(Some(message)),
            }
        });
    };

    let start_from_file = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let profile = setup.with_untracked(|s| {
            s.as_ref().and_then(|s| {
                s.profile_for(chosen.get_untracked(), &head_from_file.get_untracked())
            })
        });
        if let Some(p) = profile {
            app.save_profile(p);
        }
    };

    let start_by_hand = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match hand.with_untracked(ProfileDraft::validate) {
            Ok(p) => {
                app.save_profile(p);
            }
            Err(e) => hand_error.set(Some(t().profile_error(&e).to_string())),
        }
    };

    let set_lang = move |ev: leptos::ev::Event| {
        let lang = Lang::from_code(&event_target_value(&ev));
        app.save_settings(Settings {
            lang: lang.code().to_string(),
            ..app.settings.get_untracked()
        });
    };

    view! {
        <main id="main" class="welcome">
            <h1>{move || t().welcome_title}</h1>
            <p>{move || t().welcome_intro}</p>
            <label class="field">
                <span>{move || t().language}</span>
                <select on:change=set_lang>
                    <option value="vi" prop:selected=move || app.settings.with(|s| s.lang == "vi")>
                        "Tiếng Việt"
                    </option>
                    <option value="en" prop:selected=move || app.settings.with(|s| s.lang == "en")>
                        "English"
                    </option>
                </select>
            </label>
            <fieldset class="roles">
                <legend>{move || t().role_legend}</legend>
                <label class="choice">
                    <input type="radio" name="role" value="village" checked />
                    <span>{move || t().role_village}</span>
                </label>
                <label class="choice">
                    <input type="radio" name="role" value="office" disabled />
                    <span>{move || format!("{} ({})", t().role_office, t().role_office_later)}</span>
                </label>
            </fieldset>

            <section aria-labelledby="setup-file-title" class="card">
                <h2 id="setup-file-title">{move || t().setup_file_title}</h2>
                <p class="hint">{move || t().setup_file_hint}</p>
                <label class="file-button">
                    <span>{move || t().setup_file_pick}</span>
                    <input type="file" accept=".json,application/json" on:change=on_file />
                </label>
                {move || setup_error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
                {move || {
                    setup.get().map(|s| {
                        let summary = (t().setup_file_read)(&s.commune, s.villages.len(), s.fields.len());
                        let options = s
                            .villages
                            .iter()
                            .enumerate()
                            .map(|(i, v)| view! { <option value=i.to_string()>{v.name.clone()}</option> })
                            .collect_view();
                        view! {
                            <form on:submit=start_from_file>
                                <p class="ok" role="status">{summary}</p>
                                <label class="field">
                                    <span>{move || t().setup_choose_village}</span>
                                    <select on:change=move |ev| {
                                        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                                        chosen.set(i);
                                        let head = setup.with_untracked(|s| {
                                            s.as_ref().and_then(|s| s.villages.get(i)).map(|v| v.head.clone())
                                        });
                                        head_from_file.set(head.unwrap_or_default());
                                    }>{options}</select>
                                </label>
                                <label class="field">
                                    <span>{move || t().village_head}</span>
                                    <input
                                        type="text"
                                        autocomplete="name"
                                        prop:value=move || head_from_file.get()
                                        on:input=move |ev| head_from_file.set(event_target_value(&ev))
                                    />
                                </label>
                                <button type="submit" class="primary">{move || t().start}</button>
                            </form>
                        }
                    })
                }}
            </section>

            <section aria-labelledby="by-hand-title" class="card">
                <h2 id="by-hand-title">{move || t().setup_by_hand_title}</h2>
                <form on:submit=start_by_hand>
                    <label class="field">
                        <span>{move || t().commune}</span>
                        <input
                            type="text"
                            prop:value=move || hand.with(|h| h.commune.clone())
                            on:input=move |ev| hand.update(|h| h.commune = event_target_value(&ev))
                        />
                    </label>
                    <label class="field">
                        <span>{move || t().village}</span>
                        <input
                            type="text"
                            prop:value=move || hand.with(|h| h.village.clone())
                            on:input=move |ev| hand.update(|h| h.village = event_target_value(&ev))
                        />
                    </label>
                    <label class="field">
                        <span>{move || t().village_head}</span>
                        <input
                            type="text"
                            autocomplete="name"
                            prop:value=move || hand.with(|h| h.head.clone())
                            on:input=move |ev| hand.update(|h| h.head = event_target_value(&ev))
                        />
                    </label>
                    {move || hand_error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
                    <button type="submit" class="primary">{move || t().start}</button>
                </form>
            </section>
        </main>
    }
}
