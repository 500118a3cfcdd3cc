//! The dialogue, the commune's villages, fields and departments, and the setup file the
//! village tablets load.

use crate::domain::text::limit;
use leptos::prelude::*;

use super::dialogues::DialogueFields;
use super::keys::KeyPanel;
use super::state::OfficeState;
use crate::domain::legacy;
use crate::domain::office::setup::SetupDraft;
use crate::ui::browser;
use crate::ui::components::{ErrorText, TextField};

#[component]
pub fn SetupPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let draft = RwSignal::new(app.setup.with_untracked(|s| {
        s.as_ref()
            .map_or_else(SetupDraft::blank, SetupDraft::from_setup)
    }));
    let error = RwSignal::new(None::<String>);
    // Text pasted from an old Word or Excel file may be in a legacy encoding (TCVN3, VNI).
    let pasted_legacy = RwSignal::new(None::<legacy::Legacy>);
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text").ok())
            .unwrap_or_default();
        if let Some(enc) = legacy::detect(&text) {
            pasted_legacy.set(Some(enc));
        }
    };
    let convert = move |_| {
        if let Some(enc) = pasted_legacy.get_untracked() {
            draft.update(|d| d.convert_legacy(enc));
        }
        pasted_legacy.set(None);
    };
    let field = move |label: &'static str,
                      get: fn(&SetupDraft) -> &String,
                      set: fn(&mut SetupDraft, String),
                      rows: Option<u32>,
                      hint: Option<&'static str>| {
        let value = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
        match (rows, hint) {
            (Some(rows), Some(hint)) => view! {
                <TextField label=label.to_string() value on_input rows hint wide=true />
            }
            .into_any(),
            (Some(rows), None) => {
                view! { <TextField label=label.to_string() value on_input rows wide=true /> }
                    .into_any()
            }
            (None, Some(hint)) => {
                view! { <TextField label=label.to_string() value on_input hint max=limit::NAME /> }
                    .into_any()
            }
            (None, None) => {
                view! { <TextField label=label.to_string() value on_input max=limit::NAME /> }
                    .into_any()
            }
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let previous = app.setup.get_untracked();
        match draft.with_untracked(|d| d.validate(previous.as_ref())) {
            Ok(setup) => {
                error.set(None);
                draft.set(SetupDraft::from_setup(&setup));
                app.save_setup(setup);
            }
            Err(e) => error.set(Some(t.setup_error(&e))),
        }
    };
    let export = move |_| {
        if let Some(setup) = app.setup.get_untracked() {
            let key = app
                .key
                .with_untracked(|k| k.as_ref().map(|k| k.public().to_string()));
            let text = setup.setup_file(key.as_deref());
            let name = setup.setup_file_name();
            if browser::download(&name, &text).is_err() {
                app.fail(t.download_failed);
            } else {
                app.say((t.setup_exported)(&name));
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="setup-title">
            <h1 id="setup-title">{t.setup_title}</h1>
            <p>{t.setup_intro}</p>
            {move || {
                pasted_legacy
                    .get()
                    .map(|enc| {
                        view! {
                            <div class="warning" role="alert">
                                <p>{(t.legacy_paste)(enc.name())}</p>
                                <button type="button" on:click=convert>{t.convert_form}</button>
                            </div>
                        }
                    })
            }}
            <form class="form" on:submit=save on:paste=on_paste novalidate>
                <h2 class="wide">{t.setup_commune}</h2>
                {field(t.commune, |d| &d.commune, |d, v| d.commune = v, None, None)}
                {field(t.province, |d| &d.province, |d, v| d.province = v, None, None)}
                <h2 class="wide">{t.setup_dialogue}</h2>
                <DialogueFields draft />
                <h2 class="wide">{t.setup_lists}</h2>
                {field(t.villages, |d| &d.villages, |d, v| d.villages = v, Some(8), Some(t.villages_hint))}
                {field(t.fields, |d| &d.fields, |d, v| d.fields = v, Some(8), Some(t.one_per_line))}
                {field(t.departments, |d| &d.departments, |d, v| d.departments = v, Some(7), Some(t.one_per_line))}
                <ErrorText message=error />
                <div class="actions wide">
                    <button type="submit" class="primary">{t.save_setup}</button>
                    <button
                        type="button"
                        on:click=export
                        disabled=move || app.setup.with(Option::is_none)
                    >
                        {t.export_setup}
                    </button>
                </div>
            </form>
            <p class="hint">{t.village_app_hint} " " <a href="../">{t.nav_village}</a></p>
        </section>
        <KeyPanel />
    }
}
