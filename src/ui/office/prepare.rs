//! Before the session: the programme, delegates and invited citizens, the announcement
//! for the commune radio with the date rules checked, the printable notice, and the
//! attendance taken at the door.

use leptos::prelude::*;

use super::document::{doc_head, print_page, OfficialDocument};
use super::session_state::Changed;
use super::state::OfficeState;
use crate::domain::official::DocType;
use crate::domain::session::announcement::{announcement, checks};
use crate::domain::session::{set_present, signin, PreparationDraft};
use crate::domain::time::date_in_words;
use crate::ui::components::{ErrorText, TextField};

#[component]
pub fn PreparePage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let villages = app.village_pairs();
    let draft = RwSignal::new(
        app.session
            .with_untracked(|s| PreparationDraft::from_preparation(&s.prep, &villages)),
    );
    let error = RwSignal::new(None::<String>);
    let field = move |label: &'static str,
                      get: fn(&PreparationDraft) -> &String,
                      set: fn(&mut PreparationDraft, String),
                      hint: &'static str| {
        let value = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
        view! { <TextField label=label.to_string() value on_input hint /> }
    };
    let area = move |label: &'static str,
                     get: fn(&PreparationDraft) -> &String,
                     set: fn(&mut PreparationDraft, String),
                     rows: u32,
                     hint: &'static str| {
        let value = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
        view! { <TextField label=label.to_string() value on_input rows hint wide=true /> }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let villages = app.village_pairs();
        let read = app
            .session
            .with_untracked(|s| draft.with_untracked(|d| d.read(&s.prep, &villages)));
        match read {
            Ok(prep) => {
                error.set(None);
                draft.set(PreparationDraft::from_preparation(&prep, &villages));
                app.session_act(t.prepare_saved, move |s, _, _| {
                    s.prep = prep;
                    Ok(Changed::default())
                });
            }
            Err(e) => error.set(Some(t.preparation_error(&e))),
        }
    };
    let warnings = move || {
        let setup = app.setup.get()?;
        let meetings = app.register.with(|r| r.meeting_dates(&setup));
        let session = app.session.get();
        let holidays = session.holidays();
        let found = checks(&setup, &session.prep, |y| holidays.covers(y), &meetings);
        Some(if found.is_empty() {
            view! { <p class="ok">{t.checks_ok}</p> }.into_any()
        } else {
            view! {
                <ul class="warnings" role="alert">
                    {found.iter().map(|w| view! { <li>{t.warning(w)}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    let text = move || {
        app.setup
            .get()
            .map(|s| app.session.with(|x| announcement(&s, &x.prep)))
    };
    let print_notice = move |_| {
        let need = app.session.with_untracked(|s| s.prep.notice.is_none());
        let date = app
            .session
            .with_untracked(|s| s.prep.announce_date)
            .unwrap_or_else(|| crate::domain::time::vietnam_date(crate::ui::browser::now()));
        if need {
            app.session_act("", move |s, _, docs| {
                let n = docs.next(DocType::Notice, date, "UBND");
                s.prep.notice = Some((n.year, n.number));
                Ok(Changed {
                    items: Vec::new(),
                    documents: true,
                    ..Changed::default()
                })
            });
        }
        // After the number is drawn into the notice.
        request_animation_frame(print_page);
    };
    let notice = move || {
        let setup = app.setup.get()?;
        let body = text().unwrap_or_default();
        let number = app.session.with(|s| s.prep.notice).and_then(|(year, n)| {
            app.documents.with(|d| {
                d.entries()
                    .iter()
                    .find(|e| e.doc == DocType::Notice && e.year == year && e.number == n)
                    .map(|e| e.line())
            })
        });
        let date = app.session.with(|s| s.prep.announce_date);
        Some(view! {
            <OfficialDocument
                setup
                number=number.unwrap_or_else(|| DocType::Notice.blank_number_line())
                date
                heading=t.notice_heading
                subject=t.notice_subject.to_string()
                body
                recipients=Some(t.notice_recipients.to_string())
                signatures=vec![(format!("{}\n{}", t.for_committee, t.chairman), app.setup.with_untracked(|s| s.as_ref().map(|s| s.dialogue.chair.clone()).unwrap_or_default()))]
            />
        })
    };
    view! {
        <section class="card no-print" aria-labelledby="prepare-title">
            <h1 id="prepare-title">{t.prepare_title}</h1>
            <p>{t.prepare_intro}</p>
            {move || app.setup.with(Option::is_none).then(|| view! { <p class="warning">{t.needs_setup}</p> })}
            <form class="form" on:submit=save novalidate>
                {field(t.start_time, |d| &d.start_time, |d, v| d.start_time = v, t.start_time_hint)}
                {field(t.announce_date, |d| &d.announce_date, |d, v| d.announce_date = v, t.date_hint)}
                {field(t.front_agreed, |d| &d.front_agreed, |d, v| d.front_agreed = v, t.date_hint)}
                {field(t.secretary, |d| &d.secretary, |d, v| d.secretary = v, t.secretary_hint)}
                {field(t.answer_days, |d| &d.answer_days, |d, v| d.answer_days = v, t.answer_days_hint)}
                {area(t.programme, |d| &d.programme, |d, v| d.programme = v, 6, t.programme_hint)}
                {area(t.delegates, |d| &d.delegates, |d, v| d.delegates = v, 6, t.delegates_hint)}
                {area(t.invitees, |d| &d.invitees, |d, v| d.invitees = v, 8, t.invitees_hint)}
                {area(t.extra_holidays, |d| &d.extra_holidays, |d, v| d.extra_holidays = v, 2, t.extra_holidays_hint)}
                <ErrorText message=error />
                <div class="actions wide">
                    <button type="submit" class="primary">{t.save_prepare}</button>
                </div>
            </form>
        </section>
        <section class="card no-print" aria-labelledby="checks-title">
            <h2 id="checks-title">{t.checks_title}</h2>
            {warnings}
        </section>
        <section class="card no-print" aria-labelledby="announcement-title">
            <h2 id="announcement-title">{t.announcement_title}</h2>
            <p>{t.announcement_intro}</p>
            <div class="announcement">
                {move || text().unwrap_or_default().lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
            </div>
            <div class="actions">
                <button type="button" on:click=print_notice disabled=move || app.setup.with(Option::is_none)>
                    {t.print_notice}
                </button>
            </div>
        </section>
        <div class="print-only">{notice}</div>
    }
}

#[component]
pub fn AttendancePage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let tick = move |delegate: bool, index: usize, present: bool| {
        app.session_act("", move |s, _, _| {
            set_present(&mut s.prep, delegate, index, present).map_err(|e| t.session_error(&e))?;
            Ok(Changed::default())
        });
    };
    let person = move |delegate: bool, index: usize, name: String, role: String, present: bool| {
        view! {
            <li>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=present
                        on:change=move |ev| tick(delegate, index, event_target_checked(&ev))
                    />
                    <span>
                        <strong>{name}</strong>
                        {(!role.is_empty()).then(|| format!(" — {role}"))}
                    </span>
                </label>
            </li>
        }
    };
    let body = move || {
        let prep = app.session.with(|s| s.prep.clone());
        if prep.delegates.is_empty() && prep.invitees.is_empty() {
            return view! { <p>{t.attendance_empty}</p> }.into_any();
        }
        let villages = app.village_pairs();
        let count =
            |list: &[crate::domain::session::Attendee]| list.iter().filter(|a| a.present).count();
        let delegates = prep
            .delegates
            .iter()
            .enumerate()
            .map(|(i, a)| person(true, i, a.name.clone(), a.role.clone(), a.present))
            .collect_view();
        let mut by_village: Vec<(String, Vec<(usize, &crate::domain::session::Attendee)>)> =
            villages
                .iter()
                .map(|(c, n)| {
                    (
                        n.clone(),
                        prep.invitees
                            .iter()
                            .enumerate()
                            .filter(|(_, a)| &a.village == c)
                            .collect(),
                    )
                })
                .collect();
        by_village.retain(|(_, v)| !v.is_empty());
        let invitees = by_village
            .into_iter()
            .map(|(village, people)| {
                let present = people.iter().filter(|(_, a)| a.present).count();
                let total = people.len();
                view! {
                    <h3>{format!("{village} ({present}/{total})")}</h3>
                    <ul class="people">
                        {people
                            .into_iter()
                            .map(|(i, a)| person(false, i, a.name.clone(), a.role.clone(), a.present))
                            .collect_view()}
                    </ul>
                }
            })
            .collect_view();
        view! {
            <h2>{(t.delegates_present)(count(&prep.delegates), prep.delegates.len())}</h2>
            <ul class="people">{delegates}</ul>
            <h2>{(t.invitees_present)(count(&prep.invitees), prep.invitees.len())}</h2>
            {invitees}
        }
        .into_any()
    };
    let count = RwSignal::new(
        app.session
            .with_untracked(|s| s.prep.head_count.map(|n| n.to_string()))
            .unwrap_or_default(),
    );
    let save_count = move |_| match signin::head_count(&count.get_untracked()) {
        Ok(n) => {
            app.session_act(t.head_count_saved, move |s, _, _| {
                s.prep.head_count = n;
                Ok(Changed::default())
            });
        }
        Err(_) => app.fail(t.head_count_bad),
    };
    // Counts the prints: each draws the sheet afresh from the lists as they are now.
    let printing = RwSignal::new(0u32);
    let print_sheet = move |_| {
        printing.update(|n| *n += 1);
        request_animation_frame(print_page);
    };
    view! {
        <section class="card no-print" aria-labelledby="attendance-title">
            <h1 id="attendance-title">{t.attendance_title}</h1>
            <p>{t.attendance_intro}</p>
            <div class="actions">
                <button type="button" on:click=print_sheet>{t.print_sign_in}</button>
            </div>
            {body}
            <div class="form">
                <TextField
                    label=t.head_count.to_string()
                    value=count
                    on_input=Callback::new(move |v| count.set(v))
                    input_type="number"
                    hint=t.head_count_hint
                />
                <div class="actions">
                    <button type="button" on:click=save_count>{t.head_count_save}</button>
                </div>
            </div>
        </section>
        {move || (printing.get() > 0).then(|| view! { <div class="print-only"><SignInSheetView /></div> })}
    }
}

/// The sign-in sheet on A4: the head of a document, the title, then a table per part with
/// room to sign, the blank rows last.
#[component]
fn SignInSheetView() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let setup = app.setup.get_untracked().unwrap_or_default();
    let sheet = app
        .session
        .with_untracked(|s| signin::sign_in_sheet(&s.prep, &setup));
    let d = &setup.dialogue;
    let subject = (t.sign_in_subject)(
        &d.session_date.map(date_in_words).unwrap_or_default(),
        &d.place,
    );
    let table = |title: &'static str, of: &'static str, rows: Vec<signin::SignInRow>| {
        view! {
            <table class="doc-table sign-in">
                <caption>{title}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{t.col_number}</th>
                        <th scope="col">{t.col_name}</th>
                        <th scope="col">{of}</th>
                        <th scope="col" class="sign">{t.col_sign}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| view! {
                            <tr>
                                <td class="num">{r.number}</td>
                                <td>{r.name}</td>
                                <td>{r.of}</td>
                                <td></td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    };
    let blank: Vec<signin::SignInRow> = sheet
        .blank
        .clone()
        .map(|number| signin::SignInRow {
            number,
            name: String::new(),
            of: String::new(),
        })
        .collect();
    view! {
        <article class="document" aria-label=t.sign_in_title>
            {doc_head(&setup, String::new(), String::new())}
            <h2 class="doc-title">{t.sign_in_title}</h2>
            <p class="doc-subject">{subject}</p>
            <hr class="doc-rule" />
            {(!sheet.delegates.is_empty()).then(|| table(t.sign_in_delegates, t.col_post, sheet.delegates))}
            {(!sheet.citizens.is_empty()).then(|| table(t.sign_in_citizens, t.col_village_post, sheet.citizens))}
            {table(t.sign_in_walk_ins, t.col_village_post, blank)}
        </article>
    }
}
