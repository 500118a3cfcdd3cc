//! First start: choose the role, then load the commune setup file or type the village in.

use leptos::prelude::*;

use crate::domain::bundle::setup::{parse_commune_setup, CommuneSetup};
use crate::domain::village::ProfileDraft;
use crate::ui::browser;
use crate::ui::components::{ErrorText, SelectField, TextField};
use crate::ui::pages::settings::LanguageField;
use crate::ui::state::{AppState, Module, Page};

/// Saves the profile the head set up, then opens the petitions (on the daily module).
fn start_with(app: AppState, profile: crate::domain::village::VillageProfile) {
    if app.save_profile(profile) {
        crate::ui::open(Page::Petitions, Module::Tools, true);
    }
}

#[component]
pub fn WelcomePage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let setup = RwSignal::new(None::<CommuneSetup>);
    view! {
        <main id="main" class="welcome">
            <h1>{t.welcome_title}</h1>
            <p>{t.welcome_intro}</p>
            <LanguageField />
            <fieldset class="roles">
                <legend>{t.role_legend}</legend>
                <label class="choice">
                    <input type="radio" name="role" value="village" checked />
                    <span>{t.role_village}</span>
                </label>
                <label class="choice">
                    // The office's screens are a second app (office/), so the tablet never
                    // downloads them: choosing the role opens it.
                    <input
                        type="radio"
                        name="role"
                        value="office"
                        on:change=move |_| {
                            let _ = window().location().set_href("office/");
                        }
                    />
                    <span>{format!("{} ({})", t.role_office, t.role_office_later)}</span>
                </label>
            </fieldset>
            <SetupFromFile setup />
            // Typing the village in is for a tablet without the file: once a file is read,
            // its one "Bắt đầu" is the only one.
            <Show when=move || setup.with(Option::is_none)>
                <SetupByHand />
            </Show>
        </main>
    }
}

/// Loads the commune's setup file, then lets the head pick the village from its list.
#[component]
fn SetupFromFile(setup: RwSignal<Option<CommuneSetup>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let error = RwSignal::new(None::<String>);
    // "Choose your village", said beside the list and the button, not above the file.
    let unchosen = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(String::new());
    let head = RwSignal::new(String::new());

    let choose = move |name: String| {
        let village_head = setup.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.villages.iter().find(|v| v.name == name))
                .map(|v| v.head.clone())
        });
        head.set(village_head.unwrap_or_default());
        unchosen.set(None);
        chosen.set(name);
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = match browser::read_text(file).await {
                Some(text) => parse_commune_setup(&text).map_err(|e| t.file_error(&e)),
                None => Err(t.read_failed.to_string()),
            };
            match result {
                // The head chooses the village: none is chosen for them.
                Ok(s) => {
                    setup.set(Some(s));
                    error.set(None);
                    choose(String::new());
                }
                // A refused file changes nothing: the previous choice (if any) stays.
                Err(message) => error.set(Some(message)),
            }
        });
    };

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let profile = setup.with_untracked(|s| {
            let s = s.as_ref()?;
            let index = s
                .villages
                .iter()
                .position(|v| v.name == chosen.get_untracked())?;
            s.profile_for(index, &head.get_untracked())
        });
        match profile {
            Some(p) => start_with(app, p),
            None => unchosen.set(Some(t.village_not_chosen.to_string())),
        }
    };

    let villages = Signal::derive(move || {
        setup.with(|s| {
            s.as_ref()
                .map(|s| s.villages.iter().map(|v| v.name.clone()).collect())
                .unwrap_or_default()
        })
    });

    view! {
        <section aria-labelledby="setup-file-title" class="card">
            <h2 id="setup-file-title">{t.setup_file_title}</h2>
            <p class="hint">{t.setup_file_hint}</p>
            <label class="file-button">
                <span>{t.setup_file_pick}</span>
                <input type="file" accept=".json,application/json" on:change=on_file />
            </label>
            <ErrorText message=error />
            <Show when=move || setup.with(Option::is_some)>
                <form on:submit=start>
                    <p class="ok" role="status">
                        {move || {
                            setup.with(|s| {
                                s.as_ref().map(|s| (t.setup_file_read)(&s.commune, s.villages.len(), s.fields.len()))
                            })
                        }}
                    </p>
                    <SelectField
                        label=t.setup_choose_village.to_string()
                        options=villages
                        selected=chosen
                        on_change=Callback::new(choose)
                        first=t.choose_village
                    />
                    <TextField
                        label=t.village_head.to_string()
                        value=head
                        on_input=Callback::new(move |v| head.set(v))
                    />
                    <ErrorText message=unchosen />
                    <button type="submit" class="primary">{t.start}</button>
                </form>
            </Show>
        </section>
    }
}

/// Sets the village up by typing commune, village and head.
#[component]
fn SetupByHand() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let draft = RwSignal::new(ProfileDraft::default());
    let error = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(ProfileDraft::validate) {
            Ok(p) => start_with(app, p),
            Err(e) => error.set(Some(t.profile_error(&e).to_string())),
        }
    };
    let field =
        move |label: &str, get: fn(&ProfileDraft) -> String, set: fn(&mut ProfileDraft, String)| {
            view! {
                <TextField
                    label=label.to_string()
                    value=Signal::derive(move || draft.with(get))
                    on_input=Callback::new(move |v| draft.update(|d| set(d, v)))
                />
            }
        };
    view! {
        <section aria-labelledby="by-hand-title" class="card">
            <h2 id="by-hand-title">{t.setup_by_hand_title}</h2>
            <form on:submit=start>
                {field(t.commune, |d| d.commune.clone(), |d, v| d.commune = v)}
                {field(t.village, |d| d.village.clone(), |d, v| d.village = v)}
                {field(t.village_head, |d| d.head.clone(), |d, v| d.head = v)}
                <ErrorText message=error />
                <button type="submit" class="primary">{t.start}</button>
            </form>
        </section>
    }
}
