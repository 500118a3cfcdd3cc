//! The village meeting: date, place, chair, attendance and the named participants the
//! plan asks for. Each change is saved when the user leaves a box.

use leptos::prelude::*;

use crate::domain::legacy;
use crate::domain::time::format_date;
use crate::domain::village::{Attendee, Meeting, MeetingDraft, CITIZEN_ROLE};
use crate::ui::components::{LegacyOffer, TextField};
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
    let t = app.texts();
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

    // Each keystroke is kept quietly, so a reload loses nothing; a slip (a bad date) keeps
    // its previous value. Leaving a box saves, then says so or says what is wrong.
    let read = move || {
        let previous = app.meeting.get_untracked().unwrap_or_default();
        draft.with_untracked(|d| d.read(&previous))
    };
    let keep = Callback::new(move |()| {
        app.save_meeting(read().0);
    });
    let save = move || {
        let (meeting, problem) = read();
        if app.save_meeting(meeting) {
            match problem {
                None => {
                    error.set(None);
                    app.info(t.meeting_saved);
                }
                Some(e) => error.set(Some(t.meeting_error(&e).to_string())),
            }
        }
    };

    let plan = move || {
        app.profile.with(|p| {
            let d = p.as_ref()?.dialogue.as_ref()?;
            let show =
                |x: Option<chrono::NaiveDate>| x.map(format_date).unwrap_or_else(|| "…".into());
            Some((
                d.meeting_from,
                d.meeting_to,
                (t.meeting_plan)(
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
        (before || after).then_some(t.meeting_outside_window)
    };

    let commit = Callback::new(move |()| save());
    // Names and places typed or pasted in TCVN3 or VNI, converted on request.
    let legacy = Memo::new(move |_| {
        draft.with(|d| {
            let mut found = String::new();
            let mut line = |label: &str, text: &str| {
                if let Some(converted) = legacy::converted(text) {
                    found += &format!("{label}: {converted}\n");
                }
            };
            line(t.meeting_place, &d.place);
            line(t.meeting_chair, &d.chair);
            for (i, a) in d.attendees.iter().enumerate() {
                line(&format!("{} {}", t.attendee_role, i + 1), &a.role);
                line(&format!("{} {}", t.attendee_name, i + 1), &a.name);
            }
            found
        })
    });
    let convert_legacy = Callback::new(move |()| {
        draft.update(|d| {
            let texts = [&mut d.place, &mut d.chair].into_iter().chain(
                d.attendees
                    .iter_mut()
                    .flat_map(|a| [&mut a.role, &mut a.name]),
            );
            for text in texts {
                if let Some(converted) = legacy::converted(text) {
                    *text = converted;
                }
            }
        });
        save();
    });
    let text_box = move |label: &str,
                         get: fn(&MeetingDraft) -> String,
                         set: fn(&mut MeetingDraft, String),
                         input_type| {
        view! {
            <TextField
                label=label.to_string()
                input_type=input_type
                value=Signal::derive(move || draft.with(get))
                on_input=Callback::new(move |v| {
                    draft.update(|d| set(d, v));
                    keep.run(());
                })
                on_commit=commit
            />
        }
    };

    view! {
        <section class="card" aria-labelledby="meeting-title">
            <h1 id="meeting-title">{t.meeting_title}</h1>
            {move || plan().map(|(_, _, text)| view! { <p class="hint">{text}</p> })}
            <div class="grid">
                {text_box(t.meeting_date, |d| d.date.clone(), |d, v| d.date = v, "text")}
                {text_box(t.meeting_place, |d| d.place.clone(), |d, v| d.place = v, "text")}
                {text_box(t.meeting_chair, |d| d.chair.clone(), |d, v| d.chair = v, "text")}
                {text_box(t.meeting_attendance, |d| d.attendance.clone(), |d, v| d.attendance = v, "number")}
            </div>
            <LegacyOffer found=legacy on_convert=convert_legacy />
            {move || error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            {move || outside_window().map(|m| view! { <p class="warning" role="alert">{m}</p> })}
        </section>
        <section class="card" aria-labelledby="attendees-title">
            <h2 id="attendees-title">{t.attendees_title}</h2>
            <p class="hint">{t.attendees_hint}</p>
            <p>{move || (t.named_count)(draft.with(|d| d.attendees.iter().filter(|a| !a.name.trim().is_empty()).count()))}</p>
            <ol class="attendees">
                {move || {
                    (0..rows.get())
                        .map(|i| view! { <AttendeeRow index=i draft=draft on_keep=keep on_save=commit /> })
                        .collect_view()
                }}
            </ol>
            <button type="button" on:click=move |_| {
                draft.update(|d| d.attendees.push(Attendee { role: CITIZEN_ROLE.into(), ..Attendee::default() }));
                save();
            }>{t.add_attendee}</button>
        </section>
    }
}

#[component]
fn AttendeeRow(
    index: usize,
    draft: RwSignal<MeetingDraft>,
    on_keep: Callback<()>,
    on_save: Callback<()>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let part = move |get: fn(&Attendee) -> String, set: fn(&mut Attendee, String)| {
        (
            Signal::derive(move || {
                draft.with(|d| d.attendees.get(index).map(get).unwrap_or_default())
            }),
            Callback::new(move |v: String| {
                draft.update(|d| {
                    if let Some(a) = d.attendees.get_mut(index) {
                        set(a, v);
                    }
                });
                on_keep.run(());
            }),
        )
    };
    let (role, set_role) = part(|a| a.role.clone(), |a, v| a.role = v);
    let (name, set_name) = part(|a| a.name.clone(), |a, v| a.name = v);
    let row = index + 1;
    view! {
        <li class="attendee">
            <TextField label=format!("{} {row}", t.attendee_role) value=role on_input=set_role on_commit=on_save />
            <TextField label=format!("{} {row}", t.attendee_name) value=name on_input=set_name on_commit=on_save />
            <button type="button" class="danger" on:click=move |_| {
                draft.update(|d| {
                    if index < d.attendees.len() {
                        d.attendees.remove(index);
                    }
                });
                on_save.run(());
            }>{format!("{} {row}", t.remove_attendee)}</button>
        </li>
    }
}
