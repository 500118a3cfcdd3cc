//! Sending the village's petitions to the commune: a JSON bundle downloaded to the tablet
//! or handed to Zalo through the share sheet, encrypted for the commune office when its
//! setup file gave the office's key; and taking in the commune's results file, whose
//! answers the petition list then shows (or a newer setup file, for the office's key).

use leptos::prelude::*;

use crate::domain::bundle::sealed::FILE_SUFFIX;
use crate::domain::bundle::village::{build_village_bundle, ExportContext};
use crate::domain::petition::Petition;
use crate::domain::time::{format_date, format_datetime, vietnam_date};
use crate::storage::StoreError;
use crate::ui::browser;
use crate::ui::components::CheckField;
use crate::ui::state::{repo, AppState, Module, Notice, NoticeKind, Page, PendingRound, Picked};

/// A bundle ready to hand over, and whether noting the export in storage failed.
struct Made {
    name: String,
    text: String,
    not_noted: Option<StoreError>,
}

/// Builds the bundle from what is stored, not from this tab's memory, so petitions saved in
/// another tab travel too. Noting the export (its sequence number) is best effort: with
/// storage full the file is still made, since that is when the village needs it most.
fn make_bundle(app: AppState) -> Option<Made> {
    let now = browser::now();
    let repo = repo();
    let stored = repo.load();
    let profile = stored.profile.or_else(|| app.profile.get_untracked())?;
    let meeting = stored.meeting.or_else(|| app.meeting.get_untracked());
    let (log, not_noted) = match repo.record_export(&stored.exports, now, &stored.petitions) {
        Ok(log) => (log, None),
        Err(e) => (stored.exports.next(now, &stored.petitions), Some(e)),
    };
    let ctx = ExportContext {
        app_version: crate::APP_VERSION,
        device_id: &app.device_id.get_value(),
        sequence: log.sequence,
        now,
    };
    let bundle = build_village_bundle(&profile, meeting.as_ref(), &stored.petitions, &ctx);
    app.exports.set(log);
    Some(Made {
        name: bundle.file_name(vietnam_date(now)),
        text: bundle.to_json(),
        not_noted,
    })
}

/// Says the file was made, and what went wrong beside it, if anything.
fn report(app: AppState, made: &Made) {
    let t = app.texts();
    let done = (t.export_done)(&made.name);
    match &made.not_noted {
        None => app.info(done),
        Some(e) => app.error(format!("{done} {}", t.store_error(e))),
    }
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

    // On by default whenever the office's key is known: the file then reveals nothing
    // to whoever finds it or the tablet.
    let encrypt = RwSignal::new(true);
    let key = move || {
        app.profile
            .with(|p| p.as_ref().and_then(|p| p.office_key.clone()))
    };
    let hand_over = move |share: bool| {
        let Some(mut made) = make_bundle(app) else {
            return;
        };
        let key = key().filter(|_| encrypt.get_untracked());
        leptos::task::spawn_local(async move {
            if let Some(key) = key {
                // The age format's reference implementation, loaded now (js/).
                let Some(sealed) = browser::seal(&key, &made.text).await else {
                    // Never a plain file in place of the encrypted one asked for.
                    return app.error(t.export_seal_failed);
                };
                made.text = sealed;
                made.name = made.name.replace(".json", FILE_SUFFIX);
            }
            if !share {
                if browser::download(&made.name, &made.text).is_err() {
                    return app.error(t.store_not_saved);
                }
            } else if browser::share_file(&made.name, &made.text).await.is_err() {
                // The share sheet failed: fall back to a download so the file exists.
                let _ = browser::download(&made.name, &made.text);
            }
            report(app, &made);
        });
    };

    view! {
        <section class="card" aria-labelledby="export-title">
            <h1 id="export-title">{t.export_title}</h1>
            <p>{move || { let (a, g) = counts(); (t.export_summary)(a, g) }}</p>
            <p>{meeting_line}</p>
            <p>{last}</p>
            <p class="warning">{t.export_privacy}</p>
            // Shown only when the office's key is known (hidden costs the tablet less code
            // than a view made and dropped).
            <div hidden=move || key().is_none()>
                <CheckField label=t.export_encrypt.to_string() checked=encrypt on_change=Callback::new(move |on| encrypt.set(on)) />
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| hand_over(false)>{t.export_download}</button>
                {can_share.then(|| view! {
                    <button type="button" on:click=move |_| hand_over(true)>{t.export_share}</button>
                })}
            </div>
        </section>
        <section class="card" aria-labelledby="results-title">
            <h2 id="results-title">{t.results_title}</h2>
            <p>{results_held(app)}</p>
            <a class="button" href=Page::Results.href(Module::Daily)>{t.results_open}</a>
        </section>
    }
}

/// What results this tablet holds, in one line.
fn results_held(app: AppState) -> String {
    let t = app.texts();
    match repo().stored_results() {
        Some(r) => (t.results_held)(
            &format_datetime(r.exported_at),
            r.results.len(),
            r.answered(),
        ),
        None => t.results_none.to_string(),
    }
}

/// The commune's results file (on the tools module): picked, checked, taken in (or
/// refused, with why, on the message line). A file taken in leads to the petition list,
/// which shows the answers.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let r = t.rounds();
    let held = results_held(app);
    // A setup file of the next dialogue, until the village head starts its round.
    let pending = RwSignal::new(None::<PendingRound>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let done = match browser::read_text(file).await {
                Some(text) => app.import_results(&text),
                None => Err(t.read_failed.to_string()),
            };
            let (kind, text) = match done {
                Ok(Picked::Done(text, true)) => {
                    // To the petition list, which shows the answers, with the message.
                    app.info(text);
                    app.carry_to_next_page();
                    return crate::ui::open(Page::Petitions, Module::Tools, false);
                }
                Ok(Picked::Done(text, false)) => (NoticeKind::Info, text),
                Ok(Picked::NewRound(round)) => {
                    app.notice.set(None);
                    pending.set(Some(round));
                    return;
                }
                Err(text) => (NoticeKind::Error, text),
            };
            app.notice.set(Some(Notice {
                kind,
                text,
                undo: None,
            }));
        });
    };
    let begin = move |_| {
        let Some(round) = pending.get_untracked() else {
            return;
        };
        match app.begin_round(round.next) {
            Ok(text) => {
                app.info(text);
                app.carry_to_next_page();
                crate::ui::open(Page::Petitions, Module::Tools, false);
            }
            Err(text) => app.error(text),
        }
    };
    view! {
        {move || {
            pending
                .get()
                .map(|round| {
                    view! {
                        <section class="card warning-card" role="alertdialog" aria-labelledby="round-title">
                            <h1 id="round-title">{r.begin}</h1>
                            <p>{round.message}</p>
                            {round.unsent.map(|u| view! { <p class="warning">{u}</p> })}
                            <div class="actions">
                                <a class="button" href=Page::Export.href(Module::Tools)>{r.export_first}</a>
                                <button type="button" class="primary" on:click=begin>{r.begin}</button>
                                <button type="button" on:click=move |_| pending.set(None)>{r.cancel}</button>
                            </div>
                        </section>
                    }
                })
        }}
        <section class="card" aria-labelledby="results-title">
            <h1 id="results-title">{t.results_title}</h1>
            <p class="hint">{t.results_hint}</p>
            <p>{held}</p>
            <label class="file-button">
                <span>{t.results_pick}</span>
                <input type="file" accept=".json,application/json" on:change=on_file />
            </label>
            <p>
                <a href=Page::Rounds.hash()>{r.history}</a>
            </p>
        </section>
    }
}

/// The rounds that ended (on the tools module): each dialogue's petitions and results, as
/// they were, for reading. Each round is one block of text (what the tablet's download
/// can afford: a list of elements per petition cost 8 KB of its first-start download).
#[component]
pub fn RoundsPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let r = t.rounds();
    let rounds = repo().past_rounds();
    let none = rounds.is_empty().then_some(r.none);
    let shown = rounds
        .into_iter()
        .rev()
        .map(|round| {
            let live: Vec<Petition> = round
                .petitions
                .into_iter()
                .filter(Petition::is_active)
                .collect();
            let title = match round.dialogue.title.as_str() {
                "" => r.untitled,
                title => title,
            };
            let summary = (r.summary)(
                title,
                &format_date(vietnam_date(round.ended_at)),
                live.len(),
            );
            let mut text = Vec::with_capacity(live.len() + 1);
            if round.results.is_none() {
                text.push(r.no_results.to_string());
            }
            for p in &live {
                let result = round
                    .results
                    .as_ref()
                    .and_then(|res| res.find(&p.id))
                    .map(|res| format!("\n{}", t.result_text(res)))
                    .unwrap_or_default();
                text.push(format!(
                    "{}\n{} · {}{result}",
                    p.content,
                    p.field,
                    t.kind(p.kind)
                ));
            }
            view! {
                <details class="round">
                    <summary>{summary}</summary>
                    <p class="round-text">{text.join("\n\n")}</p>
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="rounds-title">
            <h1 id="rounds-title">{r.history}</h1>
            <p class="hint">{r.history_hint}</p>
            {none.map(|n| view! { <p>{n}</p> })}
            {shown}
        </section>
    }
}
