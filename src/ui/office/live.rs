//! The secretary's screen during the session: the queue of questions ordered by field
//! (reordered with a button press), the current question with its outcome form, and a
//! short form for a question from the floor or a note passed to the secretary.

use crate::domain::text::limit;
use leptos::prelude::*;

use super::session_state::Changed;
use super::state::{OfficeState, Page};
use crate::domain::official::DocType;
use crate::domain::session::followup::results_deadline;
use crate::domain::session::outcome::{Outcome, OutcomeDraft, OutcomeKind, Period};
use crate::domain::session::queue::{fill, questions, Prepared};
use crate::domain::session::{FloorDraft, Item, Phase, SessionError, Task};
use crate::domain::time::{format_date, format_datetime};
use crate::ui::browser;
use crate::ui::components::{draft_field, ErrorText, SelectField, TextField};

/// The answer period of the session, or why there is none.
fn period(app: OfficeState) -> Result<Period, SessionError> {
    let date = app
        .setup
        .with_untracked(|s| s.as_ref().and_then(|s| s.dialogue.session_date))
        .ok_or(SessionError::NoSessionDate)?;
    Ok(app.session.with_untracked(|s| s.period(date)))
}

/// The day the results must be posted and sent to the villages (10 days after the
/// session, by the session's date as set up), as a sentence; empty without a date.
fn publication_due(app: OfficeState) -> String {
    let t = app.session_texts();
    app.setup
        .with(|s| s.as_ref().and_then(|s| s.dialogue.session_date))
        .map(|date| {
            let due = app.session.with(|s| results_deadline(date, &s.holidays()));
            (t.publication_due)(&format_date(due))
        })
        .unwrap_or_default()
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let fill_queue = move |_| {
        let Some(setup) = app.setup.get_untracked() else {
            app.fail(t.needs_setup);
            return;
        };
        let mut count = 0;
        app.session_act("", |s, items, _| {
            let filled = app.register.with_untracked(|r| {
                let fresh = questions(r, &setup, browser::now());
                fill(s, items, fresh, r)
            });
            count = filled.added.len();
            items.retain(|i| !filled.withdrawn.contains(&i.id));
            let ids = filled.added.iter().map(|i| i.id.clone()).collect();
            items.extend(filled.added);
            Ok(Changed {
                items: ids,
                removed: filled.withdrawn,
                documents: false,
            })
        });
        app.say((t.queue_filled)(count));
    };
    let start = move |_| {
        app.session_act(t.started, |s, _, _| {
            s.start(browser::now()).map_err(|e| t.session_error(&e))?;
            Ok(Changed::default())
        });
    };
    // Ending the session is asked twice: the second time says what follows.
    let confirming = RwSignal::new(false);
    let finish = move |_| {
        confirming.set(false);
        let date = app
            .setup
            .with_untracked(|s| s.as_ref().and_then(|s| s.dialogue.session_date))
            .unwrap_or_else(|| crate::domain::time::vietnam_date(browser::now()));
        let mut number = String::new();
        let ok = app.session_act("", |s, items, docs| {
            s.finish(items, browser::now())
                .map_err(|e| t.session_error(&e))?;
            let n = docs.next(DocType::Minutes, date, "UBND");
            number = n.symbol();
            s.minutes.number = Some(n.number);
            s.minutes.year = Some(n.year);
            Ok(Changed {
                items: Vec::new(),
                documents: true,
                ..Changed::default()
            })
        });
        if ok {
            app.say((t.finished)(&number));
            app.page.set(Page::Minutes);
            let _ = window().location().set_hash(Page::Minutes.hash());
        }
    };
    // Memos: the floor form below must not be drawn afresh (and lose what is typed) at
    // every change of the session, only when the phase changes.
    let phase = Memo::new(move |_| app.session.with(|s| s.phase));
    let has_queue = Memo::new(move |_| app.session.with(|s| !s.order.is_empty()));
    let phase = move || phase.get();
    let has_queue = move || has_queue.get();
    view! {
        <section class="card session-head" aria-labelledby="session-title">
            <div class="head-row">
                <h1 id="session-title">{t.session_title}</h1>
                <div class="actions">
                    {move || (phase() != Phase::Finished).then(|| view! {
                        <button type="button" on:click=fill_queue>{t.fill_queue}</button>
                    })}
                    {move || (phase() == Phase::Preparing && has_queue()).then(|| view! {
                        <button type="button" class="primary" on:click=start>{t.start_session}</button>
                    })}
                    {move || (phase() == Phase::Running && !confirming.get()).then(|| view! {
                        <button type="button" on:click=move |_| confirming.set(true)>{t.finish_session}</button>
                    })}
                    <a class="button" href=Page::Projector.hash() target="_blank" rel="opener">{t.open_projector}</a>
                </div>
            </div>
            {move || (!has_queue()).then(|| view! { <p>{t.queue_empty}</p> })}
            {move || (phase() == Phase::Finished).then(|| view! {
                <p class="ok">{t.finished_note} " " {publication_due(app)}</p>
            })}
            {move || (phase() == Phase::Running && confirming.get()).then(|| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="finish-ask">
                    <p id="finish-ask"><strong>{t.finish_ask}</strong></p>
                    <p>{t.finish_next} " " {publication_due(app)}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=finish>{t.finish_confirm}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{t.finish_cancel}</button>
                    </div>
                </div>
            })}
        </section>
        <div class="session-grid">
            <Queue />
            <div>
                <Current />
                {move || (phase() == Phase::Running).then(|| view! { <FloorForm /> })}
            </div>
        </div>
        <FollowUps />
    }
}

/// What the outcomes leave to do: answers due from departments, petitioners to be told
/// where a forwarded matter went.
#[component]
fn FollowUps() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let tasks = Memo::new(move |_| app.session.with(|s| app.items.with(|i| s.follow_ups(i))));
    move || {
        let tasks = tasks.get();
        (!tasks.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="follow-title">
                    <h2 id="follow-title">{(t.follow_ups_title)(tasks.len())}</h2>
                    <ul class="follow-ups">
                        {tasks
                            .into_iter()
                            .map(|f| {
                                let what = match &f.task {
                                    Task::Answer { department, official } => {
                                        (t.task_answer)(department, official)
                                    }
                                    Task::TellPetitioner { agency } => (t.task_tell)(agency),
                                };
                                view! {
                                    <li>
                                        <strong>{format!("{} · ", format_date(f.due))}</strong>
                                        {what}
                                        {format!(" — {} {}. {}", t.question_word, f.position, f.text)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn Queue() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let shift = move |id: String, by: isize| {
        app.session_act("", move |s, _, _| {
            s.shift(&id, by).map_err(|e| t.session_error(&e))?;
            Ok(Changed::default())
        });
    };
    let take = move |id: String| {
        app.session_act("", move |s, _, _| {
            s.set_current(&id).map_err(|e| t.session_error(&e))?;
            Ok(Changed::default())
        });
    };
    let rows = move || {
        let (order, current, finished) = app.session.with(|s| {
            (
                s.order.clone(),
                s.current.clone(),
                s.phase == Phase::Finished,
            )
        });
        app.items.with(|items| {
            order
                .iter()
                .enumerate()
                .filter_map(|(n, id)| items.iter().find(|i| &i.id == id).map(|i| (n + 1, i)))
                .map(|(n, i)| {
                    let id = i.id.clone();
                    let (up, down, pick) = (id.clone(), id.clone(), id.clone());
                    let is_current = current.as_deref() == Some(id.as_str());
                    let status = match i.outcome() {
                        Some(o) => t.outcome_kind(o.kind()),
                        None => t.open_badge,
                    };
                    view! {
                        <li class="q-row" class:current=is_current>
                            <div class="q-text">
                                <strong>{format!("{n}. ")}</strong>
                                {i.text.clone()}
                                <span class="row-meta">
                                    {format!(" · {}", i.field)}
                                    {(!i.villages.is_empty()).then(|| format!(" · {}", i.villages.join(", ")))}
                                </span>
                                " "
                                {is_current.then(|| view! { <span class="badge group">{t.current_badge}</span> })}
                                <span class="badge">{status}</span>
                                {super::dialogues::carried_note(i.carried.as_ref(), &i.villages)}
                            </div>
                            {(!finished).then(|| view! {
                                <div class="q-actions">
                                    <button type="button" class="small" aria-label=(t.take_up)(n) on:click=move |_| take(pick.clone())>
                                        {(t.take_up)(n)}
                                    </button>
                                    <button type="button" class="small" aria-label=(t.move_up)(n) on:click=move |_| shift(up.clone(), -1)>"↑"</button>
                                    <button type="button" class="small" aria-label=(t.move_down)(n) on:click=move |_| shift(down.clone(), 1)>"↓"</button>
                                </div>
                            })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let title = move || {
        let (done, total) = app.session.with(|s| {
            app.items.with(|items| {
                let ordered = s.in_order(items);
                (
                    ordered.iter().filter(|i| i.outcome().is_some()).count(),
                    ordered.len(),
                )
            })
        });
        (t.queue_title)(done, total)
    };
    view! {
        <section class="card" aria-labelledby="queue-title">
            <h2 id="queue-title">{title}</h2>
            <ol class="queue">{rows}</ol>
        </section>
    }
}

#[component]
fn Current() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let current = Memo::new(move |_| {
        let id = app.session.with(|s| s.current.clone())?;
        let position = app
            .session
            .with(|s| s.order.iter().position(|o| *o == id))?;
        app.items
            .with(|items| items.iter().find(|i| i.id == id).cloned())
            .map(|i| (position + 1, i))
    });
    move || match current.get() {
        None => view! { <section class="card"><p>{app.session_texts().no_current}</p></section> }
            .into_any(),
        Some((n, item)) => view! { <CurrentItem n item /> }.into_any(),
    }
}

#[component]
fn CurrentItem(n: usize, item: Item) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let period = period(app);
    let prepared = app.register.with_untracked(|r| Prepared::of(r, &item));
    let draft = RwSignal::new(match (&period, item.outcome()) {
        (Ok(p), Some(o)) => OutcomeDraft::from_outcome(o, *p),
        (Ok(p), None) => {
            let mut d = OutcomeDraft {
                channel: t.channel_default.to_string(),
                ..OutcomeDraft::new(*p)
            };
            prepared.fill(&mut d);
            d
        }
        (Err(_), _) => OutcomeDraft::default(),
    });
    let error = RwSignal::new(period.as_ref().err().map(|e| t.session_error(e)));
    let latest = period
        .as_ref()
        .map(|p| format_date(p.latest))
        .unwrap_or_default();
    let id = item.id.clone();
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = match &period {
            Ok(p) => *p,
            Err(e) => return error.set(Some(t.session_error(e))),
        };
        let outcome: Outcome = match draft.with_untracked(|d| d.validate(p)) {
            Ok(o) => o,
            Err(e) => return error.set(Some(t.outcome_error(&e))),
        };
        error.set(None);
        let id = id.clone();
        app.session_act(t.recorded, move |s, items, _| {
            let i = items
                .iter_mut()
                .find(|i| i.id == id)
                .ok_or_else(|| t.session_error(&SessionError::UnknownItem))?;
            s.record(i, outcome, browser::now())
                .map_err(|e| t.session_error(&e))?;
            // The question stays current, so the hall sees the answer on the projector
            // until the secretary moves on.
            Ok(Changed::item(id))
        });
    };
    let next = move |_| {
        app.session_act("", |s, items, _| {
            let next = s
                .next_open(items)
                .ok_or_else(|| t.all_recorded.to_string())?;
            s.set_current(&next).map_err(|e| t.session_error(&e))?;
            Ok(Changed::default())
        });
    };
    let text =
        move |label: &'static str,
              get: fn(&OutcomeDraft) -> &String,
              set: fn(&mut OutcomeDraft, String),
              hint: Option<&'static str>| draft_field(draft, label, get, set, hint);
    let area = move |label: &'static str,
                     get: fn(&OutcomeDraft) -> &String,
                     set: fn(&mut OutcomeDraft, String)| {
        let value = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
        view! { <TextField label=label.to_string() value on_input rows=3 wide=true max=limit::TEXT /> }
    };
    let departments = Signal::derive(move || app.departments());
    let days = app.session.with_untracked(|s| s.prep.answer_days);
    let kind_fields = move || match draft.with(|d| d.kind) {
        OutcomeKind::Answered => view! {
            {area(t.summary, |d| &d.summary, |d, v| d.summary = v)}
            {text(t.answered_by, |d| &d.by, |d, v| d.by = v, None)}
        }
        .into_any(),
        OutcomeKind::Later => view! {
            <SelectField
                label=t.department.to_string()
                options=departments
                selected=Signal::derive(move || draft.with(|d| d.department.clone()))
                on_change=Callback::new(move |v| draft.update(|d| d.department = v))
                first=t.choose
            />
            {text(t.official, |d| &d.official, |d, v| d.official = v, None)}
            {text(t.due, |d| &d.due, |d, v| d.due = v, None)}
            <small class="hint wide">{(t.due_hint)(&latest, days)}</small>
        }
        .into_any(),
        OutcomeKind::Forwarded => view! {
            {text(t.agency, |d| &d.agency, |d, v| d.agency = v, None)}
            {text(t.reply_by, |d| &d.reply_by, |d, v| d.reply_by = v, Some(t.reply_by_hint))}
        }
        .into_any(),
        OutcomeKind::Declined => view! {
            {area(t.reason, |d| &d.reason, |d, v| d.reason = v)}
            {area(t.channel, |d| &d.channel, |d, v| d.channel = v)}
        }
        .into_any(),
        OutcomeKind::Withdrawn => ().into_any(),
    };
    let history = item
        .history
        .iter()
        .map(|c| view! { <li>{format!("{} — {}", format_datetime(c.at), t.outcome_kind(c.outcome.kind()))}</li> })
        .collect_view();
    let has_history = !item.history.is_empty();
    view! {
        <section class="card current" aria-labelledby="current-title">
            <h2 id="current-title">{(t.current_title)(n)} " · " {item.field.clone()}</h2>
            <p class="content">{item.text.clone()}</p>
            {super::dialogues::carried_note(item.carried.as_ref(), &item.villages)}
            <dl class="facts">
                <dt>{t.asked_by}</dt>
                <dd>
                    {format!("{} ({})", t.asker(&item.asker), t.origin(&item.origin))}
                    {(item.backers > 1).then(|| format!("; {}", (t.backers)(item.backers)))}
                </dd>
                <dt>{t.floor_village}</dt>
                <dd>{item.villages.join(", ")}</dd>
                {prepared.department.clone().map(|d| {
                    let who = if prepared.official.is_empty() { d } else { format!("{d} ({})", prepared.official) };
                    view! { <dt>{t.prepared_by}</dt><dd>{who}</dd> }
                })}
                {(!prepared.draft.is_empty()).then(|| view! {
                    <dt>{t.prepared_draft}</dt>
                    <dd class="draft-text">{prepared.draft.clone()}</dd>
                })}
            </dl>
                <form class="form" on:submit=record novalidate>
                    <fieldset class="kinds wide">
                        <legend>{t.outcome_legend}</legend>
                        {OutcomeKind::ALL.into_iter().map(|k| view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="outcome-kind"
                                    value=k.code()
                                    prop:checked=move || draft.with(|d| d.kind == k)
                                    on:change=move |_| draft.update(|d| d.kind = k)
                                />
                                <span>{t.outcome_kind(k)}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    {kind_fields}
                    <ErrorText message=error />
                    <div class="actions record">
                        <button type="submit" class="primary">{t.record}</button>
                        <button type="button" on:click=next>{t.next_question}</button>
                    </div>
                </form>
            {has_history.then(|| view! {
                <h3>{t.history_title}</h3>
                <ul class="history">{history}</ul>
            })}
        </section>
    }
}

#[component]
fn FloorForm() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let draft = RwSignal::new(FloorDraft::default());
    let error = RwSignal::new(None::<String>);
    let villages = Signal::derive(move || app.village_names());
    let fields = Signal::derive(move || app.fields());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let mut added = false;
        let ok = app.session_act(t.floor_added, |s, items, _| {
            let item = s
                .add_floor(&d, &d.village, browser::now())
                .map_err(|e| t.session_error(&e))?;
            let id = item.id.clone();
            items.push(item);
            added = true;
            Ok(Changed::item(id))
        });
        if ok && added {
            error.set(None);
            // Empty, village and field too: the next question is another person's, and a
            // village kept from the last one put an anonymous question under the wrong
            // village in the minutes.
            draft.set(FloorDraft::default());
        }
    };
    let text_field = move |label: &'static str,
                           get: fn(&FloorDraft) -> &String,
                           set: fn(&mut FloorDraft, String),
                           rows: Option<u32>| {
        let value = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
        match rows {
            Some(rows) => view! { <TextField label=label.to_string() value on_input rows wide=true max=limit::TEXT /> }.into_any(),
            None => view! { <TextField label=label.to_string() value on_input hint=t.floor_name_hint /> }.into_any(),
        }
    };
    view! {
        <section class="card" aria-labelledby="floor-title">
            <h2 id="floor-title">{t.floor_title}</h2>
            <form class="form" on:submit=add novalidate>
                <SelectField
                    label=t.floor_village.to_string()
                    options=villages
                    selected=Signal::derive(move || draft.with(|d| d.village.clone()))
                    on_change=Callback::new(move |v| draft.update(|d| d.village = v))
                    first=t.choose
                />
                <SelectField
                    label=t.floor_field.to_string()
                    options=fields
                    selected=Signal::derive(move || draft.with(|d| d.field.clone()))
                    on_change=Callback::new(move |v| draft.update(|d| d.field = v))
                    first=t.choose
                />
                {text_field(t.floor_name, |d| &d.name, |d, v| d.name = v, None)}
                {text_field(t.floor_text, |d| &d.text, |d, v| d.text = v, Some(3))}
                <label class="check wide">
                    <input
                        type="checkbox"
                        prop:checked=move || draft.with(|d| d.written)
                        on:change=move |ev| draft.update(|d| d.written = event_target_checked(&ev))
                    />
                    <span>{t.floor_written}</span>
                </label>
                <ErrorText message=error />
                <div class="actions wide">
                    <button type="submit" class="primary">{t.add_floor}</button>
                </div>
            </form>
        </section>
    }
}
