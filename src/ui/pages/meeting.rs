//! The village meeting: date, place, chair, attendance and the named participants the
//! plan asks for. Each change is saved when the user leaves a box.

use leptos::prelude::*;

use crate::domain::text::format_date;
use crate::domain::village::{Attendee, Meeting, MeetingDraft, CITIZEN_ROLE};
use crate::ui::state::AppState;

fn draft_of(m: &Meeting) -> MeetingDraft {
    MeetingDraft {
        date: m.date.map(format_date).unwrap_or_default(),
        place: m.place.clone(),
        chair: m.chair.clone(),
        attendance: if m.attendance == 0 {
            String::new()
        } else {
            m.attendance.to_string()
        },
        attendees: m.attendees.clone(),
    }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = move || app.texts();
    let start = app.meeting.get_untracked().unwrap_or_else(|| {
        let head = app
            .profile
            .with_untracked(|p| p.as_ref().map(|p| p.head.clone()).unwrap_or_default());
        Meeting::planned(&head)
    });
    let draft = RwSignal::new(draft_of(&start));
    let error = RwSignal::new(None::<String>);
    // Rows re-render only when one is added or removed, not at each keystroke in a row.
    let rows = Memo::new(move |_| draft.with(|d| d.attendees.len()));

    let save = move || match draft.with_untracked(MeetingDraft::validate) {
        Ok(m) => {
            error.set(None);
            if app.save_meeting(m) {
                app.info(t().meeting_saved);
            }
        }
        Err(e) => error.set(Some(t().meeting_error(&e).to_string())),
    };

    let plan = move || {
        app.profile.with(|p| {
            let d = p.as_ref()?.dialogue.as_ref()?;
            let show =
                |x: Option<chrono::NaiveDate>| x.map(format_date).unwrap_or_else(|| "…".into());
            Some((
                d.meeting_from,
                d.meeting_to,
                (t().meeting_plan)(
                    &show(d.meeting_from),
                    &show(d.meeting_to),
                    &show(d.session_date),
                ),
            ))
        })
    };
    let outside_window = move || {
        let date = app.meeting.with(|m| m.as_ref().and_then(|m| m.date))?;
        let (from, to, _) = plan()?;
        let before = from.is_some_and(|f| date < f);
        let after = to.is_some_and(|to| date > to);
        (before || after).then(|| t().meeting_outside_window)
    };

    let text_box = move |label: fn(&'static crate::i18n::Texts) -> &'static str,
                         get: fn(&MeetingDraft) -> String,
                         set: fn(&mut MeetingDraft, String),
                         input_type: &'static str| {
        view! {
            <label class="field">
                <span>{move || label(t())}</span>
                <input
                    type=input_type
                    inputmode=if input_type == "number" { "numeric" } else { "text" }
                    prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    on:change=move |_| save()
                />
            </label>
        }
    };

    view! {
        <section class="card" aria-labelledby="meeting-title">
            <h1 id="meeting-title">{move || t().meeting_title}</h1>
            {move || plan().map(|(_, _, text)| view! { <p class="hint">{text}</p> })}
            <div class="grid">
                {text_box(|t| t.meeting_date, |d| d.date.clone(), |d, v| d.date = v, "text")}
                {text_box(|t| t.meeting_place, |d| d.place.clone(), |d, v| d.place = v, "text")}
                {text_box(|t| t.meeting_chair, |d| d.chair.clone(), |d, v| d.chair = v, "text")}
                {text_box(|t| t.meeting_attendance, |d| d.attendance.clone(), |d, v| d.attendance = v, "number")}
            </div>
            {move || error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            {move || outside_window().map(|m| view! { <p class="warning" role="alert">{m}</p> })}
        </section>
        <section class="card" aria-labelledby="attendees-title">
            <h2 id="attendees-title">{move || t().attendees_title}</h2>
            <p class="hint">{move || t().attendees_hint}</p>
            <p>{move || (t().named_count)(draft.with(|d| d.attendees.iter().filter(|a| !a.name.trim().is_empty()).count()))}</p>
            <ol class="attendees">
                {move || {
                    (0..rows.get())
                        .map(|i| view! { <AttendeeRow index=i draft=draft on_save=save /> })
                        .collect_view()
                }}
            </ol>
            <button type="button" on:click=move |_| {
                draft.update(|d| d.attendees.push(Attendee { role: CITIZEN_ROLE.into(), ..Attendee::default() }));
                save();
            }>{move || t().add_attendee}</button>
        </section>
    }
}

#[component]
fn AttendeeRow(
    index: usize,
    draft: RwSignal<MeetingDraft>,
    on_save: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = move || app.texts();
    let get = move |f: fn(&Attendee) -> String| {
        draft.with(|d| d.attendees.get(index).map(f).unwrap_or_default())
    };
    let role = move || get(|a| a.role.clone());
    view! {
        <li class="attendee">
            <label class="field">
                <span>{move || format!("{} {}", t().attendee_role, index + 1)}</span>
                <input
                    type="text"
                    prop:value=role
                    on:input=move |ev| draft.update(|d| if let Some(a) = d.attendees.get_mut(index) { a.role = event_target_value(&ev) })
                    on:change=move |_| on_save()
                />
            </label>
            <label class="field">
                <span>{move || format!("{} – {}", t().attendee_name, role())}</span>
                <input
                    type="text"
                    autocomplete="off"
                    prop:value=move || get(|a| a.name.clone())
                    on:input=move |ev| draft.update(|d| if let Some(a) = d.attendees.get_mut(index) { a.name = event_target_value(&ev) })
                    on:change=move |_| on_save()
                />
            </label>
            <button type="button" class="danger" on:click=move |_| {
                draft.update(|d| { if index < d.attendees.len() { d.attendees.remove(index); } });
                on_save();
            }>{move || format!("{} ({})", t().remove_attendee, index + 1)}</button>
        </li>
    }
}
