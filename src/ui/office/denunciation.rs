//! The office's screens for petitions that follow their own law: a denunciation's track in
//! its detail and the list of every denunciation on the follow-up page; a complaint's note
//! and the choice whether the session hears it. The rules are the domain's
//! ([`crate::domain::office::denunciation`]).

use leptos::prelude::*;

use super::state::{OfficeState, Page};
use crate::domain::office::denunciation::{self, forward_due, TrackDraft};
use crate::domain::office::register::Entry;
use crate::domain::petition::PetitionId;
use crate::domain::time::{format_date, vietnam_date};
use crate::i18n::denunciation::VI as T;
use crate::ui::browser;
use crate::ui::components::{draft_field, CheckField, TextField};

/// A denunciation's track, in its detail: what the law asks, the due date, the form.
#[component]
pub fn TrackForm(entry: Entry) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let holidays = app.session.with_untracked(|s| s.holidays());
    let received = denunciation::received(&entry);
    let due = forward_due(received, &holidays);
    let draft = RwSignal::new(TrackDraft::from_track(
        &entry.office.track.clone().unwrap_or_default(),
    ));
    let id = entry.id().clone();
    let village = vec![entry.village.clone()];
    let content = entry.content().to_string();
    let save = move |_| {
        let today = vietnam_date(browser::now());
        match draft.with_untracked(|d| d.validate(&content, received, today)) {
            Ok(track) => {
                let id = id.clone();
                app.act(village.clone(), T.saved, move |r| r.set_track(&id, track));
            }
            Err(e) => app.fail(T.error(e)),
        }
    };
    let text = |label: &'static str,
                get: fn(&TrackDraft) -> &String,
                set: fn(&mut TrackDraft, String),
                hint: Option<&'static str>| {
        let value = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
        match hint {
            Some(hint) => {
                view! { <TextField label=label.to_string() value on_input rows=3 wide=true hint /> }
                    .into_any()
            }
            None => view! { <TextField label=label.to_string() value on_input rows=3 wide=true /> }
                .into_any(),
        }
    };
    view! {
        <section class="warning track" aria-labelledby="track-title">
            <h3 id="track-title">{T.title}</h3>
            <p>{T.law}</p>
            <p><strong>{(T.forward_due)(&format_date(due))}</strong></p>
            <div class="form">
                {draft_field(draft, T.forwarded_to, |d| &d.forwarded_to, |d, v| d.forwarded_to = v, None)}
                {draft_field(draft, T.forwarded_on, |d| &d.forwarded_on, |d, v| d.forwarded_on = v, None)}
                {draft_field(draft, T.informed_on, |d| &d.informed_on, |d, v| d.informed_on = v, None)}
                {draft_field(draft, T.informed_how, |d| &d.informed_how, |d, v| d.informed_how = v, Some(T.informed_how_hint))}
                {text(T.result, |d| &d.result, |d, v| d.result = v, None)}
                {draft_field(draft, T.result_on, |d| &d.result_on, |d, v| d.result_on = v, None)}
                {text(T.mention, |d| &d.mention, |d, v| d.mention = v, Some(T.mention_hint))}
                <p class="wide hint" role="note">{T.mention_warning}</p>
                <div class="actions wide">
                    <button type="button" class="primary" on:click=save>{T.save}</button>
                </div>
            </div>
        </section>
    }
}

/// A complaint's note, and whether the session hears it.
#[component]
pub fn ComplaintChoice(entry: Entry) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let id = entry.id().clone();
    let village = vec![entry.village.clone()];
    let checked = Signal::derive({
        let id = id.clone();
        move || {
            app.register
                .with(|r| r.get(&id).is_some_and(Entry::at_session))
        }
    });
    let change = Callback::new(move |on: bool| {
        let id = id.clone();
        let done = if on { T.discussed } else { T.not_discussed };
        app.act(village.clone(), done, move |r| r.set_discussed(&id, on));
    });
    view! {
        <div class="note-law" role="group" aria-label=T.discuss>
            <p class="hint">{T.complaint_law}</p>
            <CheckField label=T.discuss.to_string() checked on_change=change />
        </div>
    }
}

/// Every denunciation and where it stands, on the follow-up page: no content, for the
/// office's eyes; each opens in the list.
#[component]
pub fn TrackBoard() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let rows = Memo::new(move |_| {
        let holidays = app.session.with(|s| s.holidays());
        let today = vietnam_date(browser::now());
        app.register
            .with(|r| denunciation::rows(r, &holidays, today))
    });
    let setup = move || app.setup.get().unwrap_or_default();
    let open = move |id: PetitionId| {
        app.open.set(Some(id));
        app.page.set(Page::List);
        let _ = window().location().set_hash(Page::List.hash());
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
    move || {
        let rows = rows.get();
        let setup = setup();
        (!rows.is_empty()).then(|| {
            let body = rows
                .into_iter()
                .map(|r| {
                    let village = setup.village_name(&r.village);
                    let id = r.id.clone();
                    let forwarded = match r.track.forwarded_on {
                        Some(d) => format!("{} – {}", format_date(d), r.track.forwarded_to),
                        None => String::new(),
                    };
                    view! {
                        <tr class:overdue=r.overdue>
                            <th scope="row">{village}</th>
                            <td class="date">{format_date(r.received)}</td>
                            <td class="date">
                                {format_date(r.forward_due)}
                                {r.overdue.then(|| view! { " " <span class="badge late">{T.overdue}</span> })}
                            </td>
                            <td>{forwarded}</td>
                            <td class="date">{date(r.track.informed_on)}</td>
                            <td class="date">{date(r.track.result_on)}</td>
                            <td>{T.stage(r.stage)}</td>
                            <td><button type="button" on:click=move |_| open(id.clone())>{T.open}</button></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <section class="card" aria-labelledby="tracks-title">
                    <h2 id="tracks-title">{T.board_title}</h2>
                    <p class="hint">{T.board_intro}</p>
                    <table class="summary tracks">
                        <thead>
                            <tr>
                                <th scope="col">{T.col_village}</th>
                                <th scope="col">{T.col_received}</th>
                                <th scope="col">{T.col_forward_due}</th>
                                <th scope="col">{T.col_forwarded}</th>
                                <th scope="col">{T.col_informed}</th>
                                <th scope="col">{T.col_result}</th>
                                <th scope="col">{T.col_stage}</th>
                                <th scope="col">{T.open}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </section>
            }
        })
    }
}
