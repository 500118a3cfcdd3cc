//! After the session: the follow-up board of every matter left open (by department, with
//! its due date and days left, overdue ones standing out), the final answer of each with
//! how the petitioner was told, the printable reply notice, and the public results notice
//! with its 10-day deadline.

use leptos::prelude::*;

use super::denunciation::TrackBoard;
use super::document::{print_page, OfficialDocument};
use super::session_state::Changed;
use super::state::OfficeState;
use crate::domain::bundle::results::build_results;
use crate::domain::office::denunciation::hides;
use crate::domain::official::DocType;
use crate::domain::session::followup::{
    board, results_deadline, results_notice_body, AnswerDraft, BoardFilter, BoardRow, BoardState,
    ToldHow,
};
use crate::domain::session::outcome::OutcomeKind;
use crate::domain::session::{Asker, SessionError};
use crate::domain::time::{format_date, parse_date, vietnam_date};
use crate::ui::browser;
use crate::ui::components::{ErrorText, PairSelect, SelectField, TextField};

/// What is printed: a reply to one question, or the public results notice.
#[derive(Clone, Debug, PartialEq)]
enum Printed {
    Reply(String),
    Results,
}

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let filter = RwSignal::new(BoardFilter::default());
    let open = RwSignal::new(None::<String>);
    let printed = RwSignal::new(None::<Printed>);
    let today = vietnam_date(browser::now());
    let rows = Memo::new(move |_| app.session.with(|s| app.items.with(|i| board(s, i, today))));
    let shown = move || {
        let f = filter.get();
        rows.get()
            .into_iter()
            .filter(|r| f.keeps(r))
            .collect::<Vec<_>>()
    };
    let owners = Signal::derive(move || {
        let mut o: Vec<String> = rows.get().into_iter().map(|r| r.owner).collect();
        o.sort();
        o.dedup();
        o
    });
    let villages = Signal::derive(move || app.village_names());
    let fields = Signal::derive(move || app.fields());
    let states = Signal::derive(move || {
        BoardState::ALL
            .into_iter()
            .map(|s| (s.code().to_string(), t.board_state(s).to_string()))
            .collect::<Vec<_>>()
    });
    let row_view = move |r: BoardRow| {
        let id = r.item.clone();
        let is_open = Memo::new({
            let id = id.clone();
            move |_| open.get().as_deref() == Some(id.as_str())
        });
        let expanded = move || is_open.get();
        let toggle = {
            let id = id.clone();
            move |_| {
                open.update(|o| {
                    *o = if o.as_deref() == Some(id.as_str()) {
                        None
                    } else {
                        Some(id.clone())
                    }
                })
            }
        };
        let late = r.state == BoardState::Overdue;
        let days = if matches!(r.state, BoardState::Closed | BoardState::Answered) {
            t.board_state(r.state).to_string()
        } else {
            (t.days_left)(r.days_left)
        };
        let owner = if r.official.is_empty() {
            r.owner.clone()
        } else {
            format!("{} ({})", r.owner, r.official)
        };
        view! {
            <li class="row" class:overdue=late>
                <button type="button" class="row-open" aria-expanded=move || expanded().to_string() on:click=toggle>
                    <span class="row-text">{format!("{}. {}", r.position, r.text)}</span>
                    <span class="row-meta">
                        {
                            // A forwarded matter's date is when the petitioner must be told.
                            let due = if r.kind == OutcomeKind::Forwarded { t.reply_by } else { t.due };
                            format!("{} · {} · {} · {} {}", r.field, r.villages.join(", "), owner, due, format_date(r.due))
                        }
                    </span>
                    <span class="badge" class:late=late>{days}</span>
                    {super::dialogues::carried_note(r.carried.as_ref(), &r.villages)}
                </button>
                {move || expanded().then(|| view! { <AnswerForm item=id.clone() printed /> })}
            </li>
        }
    };
    // One filter by a text of the row (owner, village, field); empty means all.
    let choice = move |label: &'static str,
                       options: Signal<Vec<String>>,
                       get: fn(&BoardFilter) -> &String,
                       set: fn(&mut BoardFilter, String)| {
        view! {
            <SelectField
                label=label.to_string()
                options
                selected=Signal::derive(move || filter.with(|f| get(f).clone()))
                on_change=Callback::new(move |v| filter.update(|f| set(f, v)))
                first=t.all
            />
        }
    };
    view! {
        <section class="card no-print" aria-labelledby="follow-title">
            <h1 id="follow-title">{t.follow_title}</h1>
            <p>{t.follow_intro}</p>
            <div class="form filters">
                {choice(t.filter_owner, owners, |f| &f.owner, |f, v| f.owner = v)}
                {choice(t.floor_village, villages, |f| &f.village, |f, v| f.village = v)}
                {choice(t.floor_field, fields, |f| &f.field, |f, v| f.field = v)}
                <PairSelect
                    label=t.filter_state
                    options=states
                    selected=Signal::derive(move || filter.with(|f| f.state.map(|s| s.code().to_string()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| filter.update(|f| f.state = BoardState::from_code(&v)))
                    first=t.all
                />
            </div>
            <p class="count">{move || (t.board_count)(shown().len(), rows.with(|r| r.iter().filter(|x| x.state == BoardState::Overdue).count()))}</p>
            <ul class="rows">{move || shown().into_iter().map(row_view).collect_view()}</ul>
        </section>
        <div class="no-print"><TrackBoard /></div>
        <Publication printed />
        <ResultsExport />
        {move || printed.get().map(|p| view! { <div class="print-only"><PrintedNotice printed=p /></div> })}
    }
}

#[component]
fn AnswerForm(item: String, printed: RwSignal<Option<Printed>>) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let today = format_date(vietnam_date(browser::now()));
    let draft = RwSignal::new(app.items.with_untracked(|items| {
        items
            .iter()
            .find(|i| i.id == item)
            .and_then(|i| i.answer.as_ref().map(AnswerDraft::from_answer))
            .unwrap_or_else(|| AnswerDraft {
                answered_on: today.clone(),
                ..AnswerDraft::default()
            })
    }));
    let forwarded = app.items.with_untracked(|items| {
        items.iter().any(|i| {
            i.id == item
                && matches!(
                    i.outcome(),
                    Some(crate::domain::session::outcome::Outcome::Forwarded { .. })
                )
        })
    });
    let error = RwSignal::new(None::<String>);
    let id = item.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(session_date) = app
            .setup
            .with_untracked(|s| s.as_ref().and_then(|s| s.dialogue.session_date))
        else {
            return error.set(Some(t.session_error(&SessionError::NoSessionDate)));
        };
        let mut answer = match draft.with_untracked(|d| d.validate(session_date, browser::now())) {
            Ok(a) => a,
            Err(e) => return error.set(Some(t.answer_error(&e).to_string())),
        };
        error.set(None);
        let id = id.clone();
        app.session_act(t.answer_saved, move |_, items, _| {
            let i = items
                .iter_mut()
                .find(|i| i.id == id)
                .ok_or_else(|| t.session_error(&SessionError::UnknownItem))?;
            // A reply notice already printed keeps its number.
            answer.notice = i.answer.as_ref().and_then(|a| a.notice);
            i.answer = Some(answer);
            Ok(Changed::item(id))
        });
    };
    let text = move |label: &'static str,
                     get: fn(&AnswerDraft) -> &String,
                     set: fn(&mut AnswerDraft, String),
                     rows: Option<u32>| {
        let value = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
        match rows {
            Some(rows) => {
                view! { <TextField label=label.to_string() value on_input rows wide=true /> }
                    .into_any()
            }
            None => view! { <TextField label=label.to_string() value on_input hint=t.date_hint /> }
                .into_any(),
        }
    };
    let hows = Signal::derive(move || {
        ToldHow::ALL
            .into_iter()
            .map(|h| (h.code().to_string(), t.told_how(h).to_string()))
            .collect::<Vec<_>>()
    });
    let print_reply = {
        let item = item.clone();
        move |_| {
            let id = item.clone();
            let numbered = app.items.with_untracked(|items| {
                items
                    .iter()
                    .any(|i| i.id == id && i.answer.as_ref().is_some_and(|a| a.notice.is_some()))
            });
            if !numbered {
                let date = vietnam_date(browser::now());
                let id = id.clone();
                app.session_act("", move |_, items, docs| {
                    let answer = items
                        .iter_mut()
                        .find(|i| i.id == id)
                        .and_then(|i| i.answer.as_mut())
                        .ok_or_else(|| t.session_error(&SessionError::UnknownItem))?;
                    let n = docs.next(DocType::Notice, date, "UBND");
                    answer.notice = Some((n.year, n.number));
                    Ok(Changed {
                        items: vec![id],
                        documents: true,
                        ..Changed::default()
                    })
                });
            }
            printed.set(Some(Printed::Reply(item.clone())));
            request_animation_frame(print_page);
        }
    };
    let has_answer = {
        let item = item.clone();
        move || {
            app.items
                .with(|items| items.iter().any(|i| i.id == item && i.answer.is_some()))
        }
    };
    view! {
        <form class="form detail" on:submit=save novalidate>
            {text(t.final_answer, |d| &d.answer, |d, v| d.answer = v, Some(4))}
            {text(t.answered_on, |d| &d.answered_on, |d, v| d.answered_on = v, None)}
            {forwarded.then(|| text(t.agency_answer, |d| &d.agency_answer, |d, v| d.agency_answer = v, Some(3)))}
            {text(t.told_on, |d| &d.told_on, |d, v| d.told_on = v, None)}
            <PairSelect
                label=t.told_how_label
                options=hows
                selected=Signal::derive(move || draft.with(|d| d.told_how.clone()))
                on_change=Callback::new(move |v| draft.update(|d| d.told_how = v))
                first=t.not_told
            />
            <ErrorText message=error />
            <div class="actions wide">
                <button type="submit" class="primary">{t.save_answer}</button>
                <button type="button" on:click=print_reply disabled=move || !has_answer()>{t.print_reply}</button>
            </div>
        </form>
    }
}

#[component]
fn Publication(printed: RwSignal<Option<Printed>>) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let deadline = move || {
        let date = app
            .setup
            .with(|s| s.as_ref().and_then(|s| s.dialogue.session_date))?;
        Some(app.session.with(|s| results_deadline(date, &s.holidays())))
    };
    let posted = RwSignal::new(
        app.session
            .with_untracked(|s| s.publication.posted_on.map(format_date).unwrap_or_default()),
    );
    let sent = RwSignal::new(
        app.session
            .with_untracked(|s| s.publication.sent_on.map(format_date).unwrap_or_default()),
    );
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |text: String| {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                parse_date(&text).map(Some).ok_or(())
            }
        };
        let (Ok(p), Ok(s)) = (read(posted.get_untracked()), read(sent.get_untracked())) else {
            return error.set(Some(
                t.answer_error(&crate::domain::session::followup::AnswerError::BadDate)
                    .to_string(),
            ));
        };
        error.set(None);
        app.session_act(t.publication_saved, move |session, _, _| {
            session.publication.posted_on = p;
            session.publication.sent_on = s;
            Ok(Changed::default())
        });
    };
    let print_results = move |_| {
        let date = vietnam_date(browser::now());
        if app
            .session
            .with_untracked(|s| s.publication.notice_number.is_none())
        {
            app.session_act("", move |s, _, docs| {
                let n = docs.next(DocType::Notice, date, "UBND");
                s.publication.notice_number = Some(n.number);
                s.publication.notice_year = Some(n.year);
                Ok(Changed {
                    items: Vec::new(),
                    documents: true,
                    ..Changed::default()
                })
            });
        }
        printed.set(Some(Printed::Results));
        request_animation_frame(print_page);
    };
    view! {
        <section class="card no-print" aria-labelledby="publication-title">
            <h2 id="publication-title">{t.publication_title}</h2>
            <p>
                {move || deadline().map(|d| {
                    let today = vietnam_date(browser::now());
                    let state = app.session.with(|s| s.publication.state(d, today));
                    (t.publication_deadline)(&format_date(d), state)
                })}
            </p>
            <form class="form" on:submit=save novalidate>
                <TextField label=t.posted_on.to_string() value=posted on_input=Callback::new(move |v| posted.set(v)) hint=t.date_hint />
                <TextField label=t.sent_on.to_string() value=sent on_input=Callback::new(move |v| sent.set(v)) hint=t.date_hint />
                <ErrorText message=error />
                <div class="actions wide">
                    <button type="submit" class="primary">{t.save_publication}</button>
                    <button type="button" on:click=print_results>{t.print_results}</button>
                </div>
            </form>
        </section>
    }
}

/// The results file for the village tablets: one village's, or all villages' in one file.
#[component]
fn ResultsExport() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let village = RwSignal::new(String::new());
    let villages = Signal::derive(move || app.village_pairs());
    let export = move |_| {
        let Some(setup) = app.setup.get_untracked() else {
            return;
        };
        let code = village.get_untracked();
        let file = app.register.with_untracked(|r| {
            app.session.with_untracked(|s| {
                app.items.with_untracked(|items| {
                    build_results(
                        &setup,
                        r,
                        s,
                        items,
                        (!code.is_empty()).then_some(code.as_str()),
                        env!("CARGO_PKG_VERSION"),
                        browser::now(),
                    )
                })
            })
        });
        let name = file.file_name(vietnam_date(browser::now()));
        match browser::download(&name, &file.to_json()) {
            Ok(()) => app.say((t.results_exported)(file.results.len())),
            Err(_) => app.fail(app.texts().download_failed),
        }
    };
    view! {
        <section class="card no-print" aria-labelledby="results-file-title">
            <h2 id="results-file-title">{t.results_file_title}</h2>
            <p>{t.results_file_intro}</p>
            <div class="form">
                <PairSelect
                    label=t.floor_village
                    options=villages
                    selected=village
                    on_change=Callback::new(move |v| village.set(v))
                    first=t.all_villages
                />
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=export>{t.export_results}</button>
            </div>
        </section>
    }
}

/// The document being printed, in the official layout.
#[component]
fn PrintedNotice(printed: Printed) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    move || {
        let setup = app.setup.get()?;
        let chair = setup.dialogue.chair.clone();
        let today = vietnam_date(browser::now());
        let signatures = vec![(format!("{}\n{}", t.for_committee, t.chairman), chair)];
        let view = match &printed {
            Printed::Results => {
                let (body, number) = app.session.with(|s| {
                    app.items.with(|items| {
                        let number = s.publication.notice_number.and_then(|n| {
                            app.documents.with(|d| {
                                d.entries()
                                    .iter()
                                    .find(|e| {
                                        e.doc == DocType::Notice
                                            && e.number == n
                                            && Some(e.year) == s.publication.notice_year
                                    })
                                    .map(|e| e.line())
                            })
                        });
                        // A question that answered only denunciations is not published.
                        let public: Vec<_> = app
                            .register
                            .with(|r| items.iter().filter(|i| !hides(r, i)).cloned().collect());
                        (results_notice_body(&setup, s, &public), number)
                    })
                });
                view! {
                    <OfficialDocument
                        setup
                        number=number.unwrap_or_else(|| DocType::Notice.blank_number_line())
                        date=Some(today)
                        heading=t.notice_heading
                        subject=t.results_subject.to_string()
                        body
                        recipients=Some(t.results_recipients.to_string())
                        signatures
                    />
                }
            }
            Printed::Reply(id) => {
                let item = app
                    .items
                    .with(|items| items.iter().find(|i| &i.id == id).cloned())?;
                let answer = item.answer.clone()?;
                let number = answer.notice.and_then(|(year, n)| {
                    app.documents.with(|d| {
                        d.entries()
                            .iter()
                            .find(|e| e.doc == DocType::Notice && e.year == year && e.number == n)
                            .map(|e| e.line())
                    })
                });
                let date = setup
                    .dialogue
                    .session_date
                    .map(format_date)
                    .unwrap_or_default();
                let to = (t.reply_to)(&item.asker, &item.villages.join(", "));
                let body = (t.reply_body)(
                    &to,
                    &date,
                    &item.text,
                    &answer.answer,
                    &answer.agency_answer,
                );
                view! {
                    <OfficialDocument
                        setup
                        number=number.unwrap_or_else(|| DocType::Notice.blank_number_line())
                        date=Some(today)
                        heading=t.notice_heading
                        subject=t.reply_subject.to_string()
                        body
                        recipients=Some(if item.asker == Asker::Confidential {
                            t.reply_recipients_confidential
                        } else {
                            t.reply_recipients
                        }.to_string())
                        signatures
                    />
                }
            }
        };
        Some(view)
    }
}
