//! The office's dialogues: the one under way, those closed (each opened read-only on
//! request), and closing the one under way with the list of matters it carries, which the
//! person confirms, into the next one, set up from it.

use leptos::prelude::*;

use super::state::{OfficeState, Page};
use crate::domain::office::dialogue::{
    close, next_session, open_rows, CloseError, ClosedDialogue, DialogueKind,
};
use crate::domain::office::setup::SetupDraft;
use crate::domain::petition::PetitionId;
use crate::domain::session::Phase;
use crate::domain::time::{format_date, vietnam_date};
use crate::i18n::dialogues::{DialogueTexts, VI};
use crate::storage::office::OfficeRepository;
use crate::ui::browser;
use crate::ui::components::{draft_field, CheckField, ErrorText, PairSelect, TextField};

impl OfficeState {
    pub fn dialogue_texts(&self) -> &'static DialogueTexts {
        &VI
    }

    /// Reads the closed dialogues' entries, if not yet (in the background: `archives`
    /// says when they are there, and what waits for them follows it).
    pub fn need_archives(self) {
        if self.archives.get_untracked() || self.store().deferred_loaded() {
            if !self.archives.get_untracked() {
                self.archives.set(true);
            }
            return;
        }
        leptos::task::spawn_local(async move {
            match self.store().load_deferred().await {
                Ok(()) => self.archives.set(true),
                Err(e) => self.fail(crate::i18n::VI.store_error(&e)),
            }
        });
    }

    /// The figures of the dialogue of `kind` held before the one shown (the last closed
    /// before it), read from its archive, for the report's comparison.
    pub fn previous_figures(
        self,
        kind: DialogueKind,
        today: chrono::NaiveDate,
    ) -> Option<crate::domain::report::Figures> {
        let shown = self.viewing.get().map(|d| d.closed_at);
        let previous = self.closed.with(|c| {
            c.iter()
                .filter(|d| d.kind == kind && shown.is_none_or(|at| d.closed_at < at))
                .max_by_key(|d| d.closed_at)
                .cloned()
        })?;
        if !self.archives.get() {
            self.need_archives();
            return None;
        }
        let kept = self.compared.with_value(|c| {
            c.as_ref()
                .filter(|(id, day, _)| *id == previous.id && *day == today)
                .map(|(_, _, f)| f.clone())
        });
        if kept.is_some() {
            return kept;
        }
        let snap = OfficeRepository::viewing(self.store(), &previous.id).load();
        let setup = snap.setup?;
        let figures = crate::domain::report::build(
            &setup,
            &snap.register,
            &snap.session,
            &snap.items,
            &snap.session.report,
            today,
        )
        .figures;
        self.compared
            .set_value(Some((previous.id, today, figures.clone())));
        Some(figures)
    }

    /// The petitions of every dialogue, the one shown first, then those closed, newest
    /// first (each read from its archive).
    pub fn history(self) -> crate::domain::office::history::History {
        let mut h = crate::domain::office::history::History::default();
        let shown = self.viewing.get_untracked().map(|d| d.id);
        if let Some(setup) = self.setup.get_untracked() {
            self.register.with_untracked(|r| h.add(&setup, r));
        }
        let closed = self.closed.get_untracked();
        for d in closed
            .iter()
            .rev()
            .filter(|d| Some(&d.id) != shown.as_ref())
        {
            let snap = OfficeRepository::viewing(self.store(), &d.id).load();
            if let Some(setup) = &snap.setup {
                h.add(setup, &snap.register);
            }
        }
        // Viewing a closed dialogue: the one under way is searched too.
        if shown.is_some() {
            let snap = OfficeRepository::new(self.store()).load();
            if let Some(setup) = &snap.setup {
                h.add(setup, &snap.register);
            }
        }
        h
    }

    /// Shows the closed dialogue `id` read-only, or with `None` the one under way again.
    pub fn view_dialogue(self, id: Option<String>) {
        if id.is_some() && !self.store().deferred_loaded() {
            leptos::task::spawn_local(async move {
                match self.store().load_deferred().await {
                    Ok(()) => {
                        self.archives.set(true);
                        self.view_dialogue(id);
                    }
                    Err(e) => self.fail(crate::i18n::VI.store_error(&e)),
                }
            });
            return;
        }
        let store = self.store();
        let shown = id.as_ref().and_then(|id| {
            self.closed
                .with_untracked(|c| c.iter().find(|d| &d.id == id).cloned())
        });
        let repo = match &shown {
            Some(d) => OfficeRepository::viewing(store, &d.id),
            None => OfficeRepository::new(store),
        };
        self.repo.set_value(repo);
        self.viewing.set(shown);
        self.suggestions.set(Vec::new());
        self.open.set(None);
        self.outcomes.set(Vec::new());
        self.show_stored();
    }

    /// Closes the dialogue under way, carrying the matters `confirmed` (the list the
    /// person saw), and opens the next from `next`. Nothing changes on any refusal.
    pub fn close_dialogue(self, confirmed: Vec<String>, next: &SetupDraft) -> Result<(), String> {
        let dt = self.dialogue_texts();
        if self.viewing.with_untracked(Option::is_some) {
            return Err(crate::i18n::VI.store_read_only.into());
        }
        let Some(previous) = self.setup.get_untracked() else {
            return Err(dt.close_error(&CloseError::NoDialogue).into());
        };
        let id = PetitionId::from_random(browser::random_bytes()).to_string();
        let next = next
            .validate_next(&previous, &id)
            .map_err(|e| self.texts().setup_error(&e))?;
        let now = browser::now();
        let petitions = self
            .register
            .with_untracked(|r| r.entries().iter().filter(|e| e.is_active()).count());
        let closing = self
            .session
            .with_untracked(|s| {
                self.items
                    .with_untracked(|i| close(Some(&previous), s, i, petitions, &confirmed, now))
            })
            .map_err(|e| dt.close_error(&e).to_string())?;
        let session = self
            .session
            .with_untracked(|s| next_session(s, &closing.carried));
        let closed = self.closed.get_untracked();
        self.repo
            .with_value(|r| r.close_dialogue(&closing, &closed, &next, &session))
            .map_err(|e| crate::i18n::VI.store_error(&e).to_string())?;
        leptos::task::spawn_local(async move {
            if self.commit().await.is_ok() {
                self.show_stored();
                self.say((dt.closed_done)(
                    &previous.dialogue.title,
                    &next.dialogue.title,
                    closing.carried.len(),
                ));
            }
        });
        Ok(())
    }
}

/// The dialogue's own fields (kind, theme, target group, title, plan, dates, place,
/// chair), on the setup page and for the next dialogue alike.
#[component]
pub fn DialogueFields(draft: RwSignal<SetupDraft>) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let dt = app.dialogue_texts();
    let field =
        move |label: &'static str,
              get: fn(&SetupDraft) -> &String,
              set: fn(&mut SetupDraft, String),
              hint: Option<&'static str>| draft_field(draft, label, get, set, hint);
    let kinds = Signal::derive(move || {
        DialogueKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), dt.kind(*k).to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <PairSelect
            label=dt.kind_label
            options=kinds
            selected=Signal::derive(move || draft.with(|d| d.kind.code().to_string()))
            on_change=Callback::new(move |v: String| {
                draft.update(|d| d.kind = DialogueKind::from_code(&v).unwrap_or_default())
            })
        />
        {field(t.dialogue_title, |d| &d.title, |d, v| d.title = v, None)}
        {field(dt.theme, |d| &d.theme, |d, v| d.theme = v, Some(dt.theme_hint))}
        {field(dt.target_group, |d| &d.target_group, |d, v| d.target_group = v, Some(dt.target_group_hint))}
        <TextField
            label=dt.participants.to_string()
            value=Signal::derive(move || draft.with(|d| d.participants.clone()))
            on_input=Callback::new(move |v: String| draft.update(|d| d.participants = v))
            rows=3

            hint=dt.participants_hint
        />
        {field(t.plan_number, |d| &d.plan_number, |d, v| d.plan_number = v, Some(t.plan_number_hint))}
        {field(t.meeting_from, |d| &d.meeting_from, |d, v| d.meeting_from = v, Some(t.date_hint))}
        {field(t.meeting_to, |d| &d.meeting_to, |d, v| d.meeting_to = v, Some(t.date_hint))}
        {field(t.session_date, |d| &d.session_date, |d, v| d.session_date = v, Some(t.date_hint))}
        {field(t.place, |d| &d.place, |d, v| d.place = v, None)}
        {field(t.chair, |d| &d.chair, |d, v| d.chair = v, None)}
        {field(t.front, |d| &d.front, |d, v| d.front = v, Some(t.front_hint))}
    }
}

/// The line shown above every page while a closed dialogue is shown.
#[component]
pub fn ViewingBanner() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let dt = app.dialogue_texts();
    move || {
        app.viewing.get().map(|d| {
            let closed = format_date(vietnam_date(d.closed_at));
            view! {
                <p class="banner viewing" role="status">
                    <span>{(dt.viewing)(&d.title, &closed)}</span>
                    " "
                    <button type="button" on:click=move |_| app.view_dialogue(None)>
                        {dt.back_to_current}
                    </button>
                </p>
            }
        })
    }
}

#[component]
pub fn DialoguesPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let dt = app.dialogue_texts();
    let current = move || {
        app.setup.with(|s| {
            s.as_ref().map(|s| {
                let d = &s.dialogue;
                let mut line = vec![dt.kind(d.kind).to_string()];
                if !d.theme.is_empty() {
                    line.push(d.theme.clone());
                }
                if !d.target_group.is_empty() {
                    line.push(d.target_group.clone());
                }
                if let Some(day) = d.session_date {
                    line.push(format!(
                        "{} {}",
                        dt.col_session.to_lowercase(),
                        format_date(day)
                    ));
                }
                (d.title.clone(), line.join(" · "))
            })
        })
    };
    let row = move |d: ClosedDialogue| {
        let id = d.id.clone();
        view! {
            <tr>
                <td>{d.title.clone()}</td>
                <td>{dt.kind(d.kind)}{(!d.theme.is_empty()).then(|| format!(": {}", d.theme))}</td>
                <td>{d.session_date.map(format_date).unwrap_or_default()}</td>
                <td class="num">{d.petitions}</td>
                <td class="num">{d.carried}</td>
                <td>{format_date(vietnam_date(d.closed_at))}</td>
                <td>
                    <button
                        type="button"
                        on:click=move |_| {
                            app.view_dialogue(Some(id.clone()));
                            app.page.set(Page::List);
                            let _ = window().location().set_hash(Page::List.hash());
                        }
                    >
                        {dt.view}
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="dialogues-title">
            <h1 id="dialogues-title">{dt.title}</h1>
            <p>{dt.intro}</p>
            <h2>{dt.current}</h2>
            {move || {
                current()
                    .map(|(title, line)| {
                        view! {
                            <p class="current-dialogue">
                                <strong>{title}</strong>
                                <br />
                                {line}
                            </p>
                        }
                    })
            }}
            <h2>{dt.closed_list}</h2>
            {move || {
                let closed = app.closed.get();
                if closed.is_empty() {
                    return view! { <p>{dt.none_closed}</p> }.into_any();
                }
                view! {
                    <table class="summary dialogues">
                        <thead>
                            <tr>
                                <th scope="col">{dt.col_title}</th>
                                <th scope="col">{dt.col_kind}</th>
                                <th scope="col">{dt.col_session}</th>
                                <th scope="col">{dt.col_petitions}</th>
                                <th scope="col">{dt.col_carried}</th>
                                <th scope="col">{dt.col_closed}</th>
                                <th scope="col"></th>
                            </tr>
                        </thead>
                        <tbody>{closed.into_iter().rev().map(row).collect_view()}</tbody>
                    </table>
                }
                    .into_any()
            }}
        </section>
        {move || {
            (app.viewing.with(Option::is_none) && app.setup.with(Option::is_some))
                .then(|| view! { <ClosePanel /> })
        }}
    }
}

/// Closing the dialogue under way: the open matters to confirm, the next dialogue's form.
#[component]
fn ClosePanel() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let dt = app.dialogue_texts();
    let draft = RwSignal::new(
        app.setup
            .with_untracked(|s| s.as_ref().map(SetupDraft::next_from).unwrap_or_default()),
    );
    let confirmed = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let today = vietnam_date(browser::now());
    let finished = move || app.session.with(|s| s.phase == Phase::Finished);
    let open = Memo::new(move |_| {
        app.session
            .with(|s| app.items.with(|i| open_rows(s, i, today)))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !confirmed.get_untracked() {
            error.set(Some(dt.must_confirm.into()));
            return;
        }
        let ids: Vec<String> = open.with_untracked(|o| o.iter().map(|r| r.item.clone()).collect());
        match draft.with_untracked(|d| app.close_dialogue(ids, d)) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card" aria-labelledby="close-title">
            <h2 id="close-title">{dt.close_title}</h2>
            {move || {
                if !finished() {
                    return view! { <p>{dt.close_not_yet}</p> }.into_any();
                }
                let rows = open.get();
                let n = rows.len();
                let list = if rows.is_empty() {
                    view! { <p>{dt.none_open}</p> }.into_any()
                } else {
                    view! {
                        <p>{dt.close_intro}</p>
                        <ol class="rows carried-list">
                            {rows
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <li>
                                            <strong>{r.text}</strong>
                                            <br />
                                            <small>
                                                {format!(
                                                    "{} · {} · {} {}",
                                                    r.villages.join(", "),
                                                    r.owner,
                                                    format_date(r.due),
                                                    if r.days_left < 0 { "(quá hạn)" } else { "" },
                                                )}
                                            </small>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                };
                view! {
                    {list}
                    <form class="form" on:submit=submit novalidate>
                        <CheckField
                            label=(dt.confirm_list)(n)
                            checked=confirmed
                            on_change=Callback::new(move |v| confirmed.set(v))
                            wide=true
                        />
                        <h3 class="wide">{dt.next_title}</h3>
                        <p class="wide">{dt.next_intro}</p>
                        <DialogueFields draft />
                        <ErrorText message=error />
                        <div class="actions wide">
                            <button type="submit" class="primary">{dt.close_button}</button>
                        </div>
                    </form>
                }
                    .into_any()
            }}
        </section>
    }
}

/// "Chuyển từ …": where a carried matter was first raised, on every screen that lists it.
pub fn carried_note(
    carried: Option<&crate::domain::office::dialogue::Carried>,
    villages: &[String],
) -> Option<impl IntoView> {
    carried.map(|c| {
        let mut text = (VI.carried_from)(&c.title, c.raised_on, &villages.join(", "));
        if let Some(due) = c.due() {
            text = format!("{text}; {}", (VI.carried_due)(due));
        }
        view! { <span class="badge carried">{text}</span> }
    })
}
