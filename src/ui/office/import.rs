//! Importing the villages' bundles: many files at once, picked or dropped, each checked
//! and merged whole, then a summary per village and the reason for every refused file.

use leptos::prelude::*;

use super::backup::BackupButton;
use super::state::{FileOutcome, NotTaken, OfficeState};
use crate::domain::office::arrivals::{arrivals, missing, Arrival};
use crate::domain::office::register::ImportCounts;
use crate::domain::office::rehearsal::Rehearsal;
use crate::domain::text::shown_safely;
use crate::domain::time::{format_date, format_datetime};
use crate::i18n::office::OfficeTexts;
use crate::ui::browser;

/// The outcome of a batch, added up per village.
fn per_village(outcomes: &[FileOutcome]) -> Vec<(String, ImportCounts, usize)> {
    let mut rows: Vec<(String, ImportCounts, usize)> = Vec::new();
    for o in outcomes {
        if let Ok(i) = &o.result {
            let row = match rows.iter_mut().find(|r| r.0 == i.village_name) {
                Some(r) => r,
                None => {
                    rows.push((i.village_name.clone(), ImportCounts::default(), 0));
                    rows.last_mut().expect("just pushed")
                }
            };
            let c = &mut row.1;
            c.new += i.counts.new;
            c.updated += i.counts.updated;
            c.unchanged += i.counts.unchanged;
            c.conflicting += i.counts.conflicting;
            c.withdrawn += i.counts.withdrawn;
            row.2 += i.legacy.len();
        }
    }
    rows
}

/// Rehearses the import on a made-up village, one slice per idle moment
/// ([`crate::domain::office::rehearsal`]), so the first real import finds the office's code
/// compiled and optimised and its memory ready. It starts the first time the import page
/// opens in this page (a person then takes some seconds to pick or drop the files), not
/// when the office opens for other work. The first slice makes the made-up bundle. Each
/// slice is the "office-rehearsal" measure; the end is marked "office-rehearsal-done"
/// (docs/PERF.md, figure 4).
fn rehearse_once(app: OfficeState) {
    if !app.rehearsed.get_value() {
        app.rehearsed.set_value(true);
        rehearse_when_idle(None);
    }
}

fn rehearse_when_idle(rehearsal: Option<Rehearsal>) {
    // The browser's idle callback may be called as `Fn`; the rehearsal moves on once.
    let pending = std::cell::Cell::new(Some(rehearsal));
    request_idle_callback(move || {
        if let Some(rehearsal) = pending.take() {
            let (rehearsal, more) = browser::measured("office-rehearsal", || match rehearsal {
                None => (Rehearsal::new(browser::now()), true),
                Some(mut r) => {
                    let more = r.step();
                    (r, more)
                }
            });
            if more {
                rehearse_when_idle(Some(rehearsal));
            } else {
                // Dropped before the mark: its memory is back with the allocator.
                drop(rehearsal);
                browser::mark("office-rehearsal-done");
            }
        }
    });
}

/// One village's row: what came from it, when, in which file, and its meeting.
fn arrival_row(t: &'static OfficeTexts, a: &Arrival) -> impl IntoView {
    let (state, class) = match a.latest {
        None => (t.state_missing.to_string(), "missing"),
        Some(_) if a.resent() => ((t.state_resent)(a.files), "sent"),
        Some(_) => (t.state_sent.to_string(), "sent"),
    };
    let received = a.latest.map(|s| format_datetime(s.imported_at));
    let file = a.latest.map(|s| {
        let sealed = if s.file.sealed {
            t.file_sealed
        } else {
            t.file_plain
        };
        if s.file.name.is_empty() {
            sealed.to_string()
        } else {
            format!("{} ({sealed})", s.file.name)
        }
    });
    let meeting = a.meeting.map_or_else(
        || a.has_sent().then_some(t.meeting_none.to_string()),
        |m| {
            let parts: Vec<String> = [
                m.meeting_date.map(format_date),
                (!m.meeting_place.is_empty()).then(|| m.meeting_place.clone()),
                m.attendance.map(t.meeting_attendance),
            ]
            .into_iter()
            .flatten()
            .collect();
            Some(parts.join(" · "))
        },
    );
    view! {
        <tr class=class>
            <th scope="row">{shown_safely(a.name)}</th>
            <td>{state}</td>
            <td>{received}</td>
            <td class="file">{file}</td>
            <td>{a.has_sent().then_some(a.petitions)}</td>
            <td>{meeting}</td>
        </tr>
    }
}

/// Every village taking part and what came from it, as stored: the same after a reload.
#[component]
fn Arrivals() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    // Drawn again when a batch is done, not after each of its files: each file's import is
    // timed with what runs meanwhile (docs/PERF.md, figure 4), and drawn after each file
    // the table took the 10 files' sum from about 145 ms to 210.
    let settled = Memo::new(move |_| app.progress.with(Option::is_none));
    move || {
        if settled.get() {
            app.register.track();
        }
        app.setup.with(|setup| {
            let setup = setup.as_ref()?;
            app.register.with_untracked(|r| {
                let all = arrivals(r, setup);
                let missing = missing(&all);
                let sent = all.len() - missing.len();
                let gap = if missing.is_empty() {
                    view! { <p class="ok">{t.arrivals_all}</p> }.into_any()
                } else {
                    let names: Vec<String> = missing.iter().map(|n| shown_safely(n)).collect();
                    view! { <p class="warning">{(t.arrivals_missing)(&names.join(", "))}</p> }
                        .into_any()
                };
                Some(view! {
                    <section class="card arrivals-card" aria-labelledby="arrivals-title">
                        <h2 id="arrivals-title">{t.arrivals_title}</h2>
                        <p>{(t.arrivals_count)(sent, all.len())}</p>
                        {gap}
                        <table class="summary arrivals">
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_village}</th>
                                    <th scope="col">{t.col_state}</th>
                                    <th scope="col">{t.col_received_at}</th>
                                    <th scope="col">{t.col_file}</th>
                                    <th scope="col">{t.col_petitions}</th>
                                    <th scope="col">{t.col_meeting}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {all.iter().map(|a| arrival_row(t, a)).collect_view()}
                            </tbody>
                        </table>
                    </section>
                })
            })
        })
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    rehearse_once(app);
    let dragging = RwSignal::new(false);
    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() || app.progress.get_untracked().is_some() {
            return;
        }
        leptos::task::spawn_local(app.import(files));
    };
    let summary = move || {
        let outcomes = app.outcomes.get();
        if outcomes.is_empty() {
            return None;
        }
        let rows = per_village(&outcomes);
        // A file's name is the sender's choice: shown so that no control in it can
        // reorder or flood the reason beside it.
        let refused: Vec<(String, NotTaken)> = outcomes
            .iter()
            .filter_map(|o| {
                o.result
                    .as_ref()
                    .err()
                    .map(|e| (shown_safely(&o.file), e.clone()))
            })
            .collect();
        let legacy: usize = rows.iter().map(|r| r.2).sum();
        Some(view! {
            <section class="card" aria-labelledby="summary-title">
                <h2 id="summary-title">{t.summary_title}</h2>
                <table class="summary">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_village}</th>
                            <th scope="col">{t.col_new}</th>
                            <th scope="col">{t.col_updated}</th>
                            <th scope="col">{t.col_unchanged}</th>
                            <th scope="col">{t.col_conflicting}</th>
                            <th scope="col">{t.col_withdrawn}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(village, c, _)| {
                                view! {
                                    <tr>
                                        <th scope="row">{shown_safely(&village)}</th>
                                        <td>{c.new}</td>
                                        <td>{c.updated}</td>
                                        <td>{c.unchanged}</td>
                                        <td>{c.conflicting}</td>
                                        <td>{c.withdrawn}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                {(legacy > 0)
                    .then(|| {
                        view! {
                            <p class="warning">
                                {(t.legacy_found)(legacy)} " "
                                <a href="#/tong-hop">{t.legacy_go}</a>
                            </p>
                        }
                    })}
                {(!refused.is_empty())
                    .then(|| {
                        view! {
                            <h3>{(t.refused_count)(refused.len())}</h3>
                            <ul class="refused">
                                {refused
                                    .into_iter()
                                    .map(|(file, why)| {
                                        // No room: the office's words, the backup beside.
                                        let (why, backup) = match why {
                                            NotTaken::Refused(why) => (why, None),
                                            NotTaken::StorageFull => {
                                                (
                                                    t.import_file_full.to_string(),
                                                    Some(view! { " " <BackupButton /> }),
                                                )
                                            }
                                        };
                                        view! {
                                            <li>
                                                <strong>{file}</strong>
                                                ": "
                                                {why}
                                                {backup}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
            </section>
        })
    };
    view! {
        <section class="card" aria-labelledby="import-title">
            <h1 id="import-title">{t.import_title}</h1>
            {move || {
                app.setup.with(Option::is_none).then(|| view! { <p class="warning">{t.import_needs_setup}</p> })
            }}
            <div
                class="drop-zone"
                class:dragging=dragging
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    start(browser::dropped_files(&ev));
                }
            >
                <p>{t.drop_here}</p>
                <label class="file-button primary">
                    <span>{t.pick_files}</span>
                    <input
                        type="file"
                        multiple
                        accept=".json,.txt,.age,application/json,text/plain"
                        on:change=move |ev| start(browser::picked_files(&ev))
                    />
                </label>
            </div>
            {move || {
                app.progress
                    .get()
                    .map(|(done, total)| {
                        view! {
                            <p role="status">
                                <progress max=total value=done></progress>
                                " "
                                {(t.importing)(done + 1, total)}
                            </p>
                        }
                    })
            }}
        </section>
        {summary}
        <Arrivals />
    }
}
