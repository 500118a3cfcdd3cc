//! Sending the village's petitions to the commune: a JSON bundle downloaded to the tablet
//! or handed to Zalo through the share sheet.

use leptos::prelude::*;

use crate::domain::bundle::village::{build_village_bundle, ExportContext};
use crate::domain::time::{format_date, format_datetime, vietnam_date};
use crate::ui::browser;
use crate::ui::state::{repo, AppState};

/// The bundle's file name and text, with the export noted in storage.
fn make_bundle(app: AppState) -> Option<(String, String)> {
    let now = browser::now();
    let log = match repo().record_export(&app.exports.get_untracked(), now) {
        Ok(log) => log,
        Err(e) => {
            app.error(app.texts().store_error(&e));
            return None;
        }
    };
    let profile = app.profile.get_untracked()?;
    let meeting = app.meeting.get_untracked();
    let bundle = app.entries.with_untracked(|es| {
        let ctx = ExportContext {
            app_version: crate::APP_VERSION,
            device_id: &app.device_id.get_value(),
            sequence: log.sequence,
            now,
        };
        build_village_bundle(
            &profile,
            meeting.as_ref(),
            es.iter().map(|e| &e.petition),
            &ctx,
        )
    });
    app.exports.set(log);
    Some((bundle.file_name(vietnam_date(now)), bundle.to_json()))
}

#[component]
pub fn ExportPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let can_share = browser::can_share_files();
    let counts = move || {
        app.entries.with(|es| {
            let active = es.iter().filter(|e| e.petition.is_active()).count();
            (active, es.len() - active)
        })
    };
    let meeting_line = move || {
        app.meeting
            .with(|m| m.as_ref().and_then(|m| m.date))
            .map(|d| format!("{}: {}", t.meeting_date, format_date(d)))
            .unwrap_or_else(|| t.export_no_meeting.to_string())
    };
    let last = move || {
        app.exports.with(|log| match log.last_at {
            Some(at) => (t.export_last)(&format_datetime(at), log.sequence),
            None => t.export_never.to_string(),
        })
    };

    let download = move |_| {
        if let Some((name, text)) = make_bundle(app) {
            match browser::download(&name, &text) {
                Ok(()) => app.info((t.export_done)(&name)),
                Err(_) => app.error(t.store_not_saved),
            }
        }
    };
    let share = move |_| {
        if let Some((name, text)) = make_bundle(app) {
            leptos::task::spawn_local(async move {
                if browser::share_file(&name, &text).await.is_err() {
                    // The share sheet failed: fall back to a download so the file exists.
                    let _ = browser::download(&name, &text);
                }
                app.info((t.export_done)(&name));
            });
        }
    };

    view! {
        <section class="card" aria-labelledby="export-title">
            <h1 id="export-title">{t.export_title}</h1>
            <p>{move || { let (a, g) = counts(); (t.export_summary)(a, g) }}</p>
            <p>{meeting_line}</p>
            <p>{last}</p>
            <p class="warning">{t.export_privacy}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=download>{t.export_download}</button>
                {can_share.then(|| view! {
                    <button type="button" on:click=share>{t.export_share}</button>
                })}
            </div>
        </section>
    }
}
