//! The minutes (biên bản): assembled from the session as it was recorded, editable by the
//! secretary, printed on A4 in the official layout.

use leptos::prelude::*;

use super::document::{print_page, OfficialDocument};
use super::session_state::Changed;
use super::state::OfficeState;
use crate::domain::official::DocType;
use crate::domain::session::minutes::{assemble_body, minutes};
use crate::domain::session::MinutesParts;
use crate::domain::text::limit;
use crate::ui::components::TextField;

#[component]
pub fn MinutesPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let assembled = move || {
        let setup = app.setup.get()?;
        let number = app.session.with(|s| (s.minutes.number, s.minutes.year));
        let doc = app.documents.with(|d| {
            d.entries()
                .iter()
                .find(|n| {
                    n.doc == DocType::Minutes
                        && Some(n.number) == number.0
                        && Some(n.year) == number.1
                })
                .cloned()
        });
        let m = app.session.with(|s| {
            app.items
                .with(|items| minutes(&setup, s, &s.in_order(items), doc.as_ref()))
        });
        Some((setup, m))
    };
    let body = RwSignal::new(assembled().map(|(_, m)| m.body).unwrap_or_default());
    let edited = move || app.session.with(|s| s.minutes.edited.is_some());
    let save = move |_| {
        let text = crate::domain::text::clean(&body.get_untracked());
        app.session_act(t.minutes_saved, move |s, _, _| {
            s.minutes.edited = Some(text);
            Ok(Changed::default())
        });
    };
    let reassemble = move |_| {
        let Some(setup) = app.setup.get_untracked() else {
            return;
        };
        let fresh = app.session.with_untracked(|s| {
            app.items
                .with_untracked(|items| assemble_body(&setup, s, &s.in_order(items)))
        });
        body.set(fresh);
        app.session_act(t.reassembled, |s, _, _| {
            s.minutes.edited = None;
            Ok(Changed::default())
        });
    };
    // The speakers' parts, typed during or after the session.
    let parts = app.session.with_untracked(|s| s.minutes.parts.clone());
    let opening = RwSignal::new(parts.opening);
    let front = RwSignal::new(parts.front);
    let conclusion = RwSignal::new(parts.conclusion);
    let save_parts = move |_| {
        let checked = MinutesParts::checked(
            &opening.get_untracked(),
            &front.get_untracked(),
            &conclusion.get_untracked(),
        );
        let parts = match checked {
            Ok(p) => p,
            Err(e) => return app.fail(t.session_error(&e)),
        };
        let done = if edited() {
            t.parts_not_in_edited
        } else {
            t.parts_saved
        };
        let saved = app.session_act(done, move |s, _, _| {
            s.minutes.parts = parts;
            Ok(Changed::default())
        });
        if saved && !edited() {
            if let Some((_, m)) = assembled() {
                body.set(m.body);
            }
        }
    };
    let part = |label: &'static str, value: RwSignal<String>| {
        view! {
            <TextField
                label=label.to_string()
                value
                on_input=Callback::new(move |v| value.set(v))
                rows=4
                wide=true
                max=limit::TEXT
            />
        }
    };
    let document = move || {
        assembled().map(|(setup, m)| {
            let date = setup.dialogue.session_date;
            view! {
                <OfficialDocument
                    setup
                    number=m.number
                    date
                    heading=t.minutes_heading
                    subject=m.subject
                    body=m.body
                    recipients={None::<String>}
                    signatures=m.signatures.to_vec()
                />
            }
        })
    };
    view! {
        <section class="card no-print" aria-labelledby="minutes-title">
            <h1 id="minutes-title">{t.minutes_title}</h1>
            <p>{t.minutes_intro}</p>
            <h2>{t.parts_title}</h2>
            <p class="hint">{t.parts_intro}</p>
            <div class="form">
                {part(t.part_opening, opening)}
                {part(t.part_front, front)}
                {part(t.part_conclusion, conclusion)}
                <div class="actions wide">
                    <button type="button" on:click=save_parts>{t.save_parts}</button>
                </div>
            </div>
            {move || edited().then(|| view! { <p class="warning">{t.edited_note}</p> })}
            <TextField
                label=t.edit_minutes.to_string()
                value=body
                on_input=Callback::new(move |v| body.set(v))
                rows=14
                wide=true
            />
            <div class="actions">
                <button type="button" class="primary" on:click=save>{t.save_minutes}</button>
                <button type="button" on:click=reassemble>{t.reassemble}</button>
                <button type="button" on:click=move |_| print_page()>{t.print_minutes}</button>
            </div>
        </section>
        {document}
    }
}
