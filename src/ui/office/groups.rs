//! Groups of the same issue raised in several villages: the app's suggestions, which a
//! person confirms (leaving out any petition that does not belong), the confirmed groups
//! (title, field, villages, backers, department), and the view per department.

use leptos::prelude::*;

use super::state::OfficeState;
use crate::domain::office::register::suggested_title;
use crate::domain::petition::PetitionId;
use crate::domain::text::limit;
use crate::ui::components::{SelectField, TextField};

/// The villages a set of petitions touches, for [`OfficeState::act`].
fn villages_of(app: OfficeState, ids: &[PetitionId]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().flat_map(|id| app.village_of(id)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let suggest = move |_| {
        let s = crate::ui::browser::measured("office-suggest", || {
            app.register.with_untracked(|r| r.suggestions())
        });
        if s.is_empty() {
            app.say(t.no_suggestions);
        }
        app.suggestions.set(s);
    };
    view! {
        <section class="card" aria-labelledby="groups-title">
            <h1 id="groups-title">{t.groups_title}</h1>
            <p>{t.groups_intro}</p>
            <button type="button" class="primary" id="suggest" on:click=suggest>{t.suggest}</button>
        </section>
        {move || {
            let list = app.suggestions.get();
            (!list.is_empty()).then(|| view! {
                <section aria-labelledby="suggestions-title">
                    <h2 id="suggestions-title">{(t.suggestions_count)(list.len())}</h2>
                    {list.into_iter().enumerate().map(|(i, members)| view! { <Suggestion index=i members /> }).collect_view()}
                </section>
            })
        }}
        <section aria-labelledby="confirmed-title">
            <h2 id="confirmed-title">{t.confirmed_groups}</h2>
            {move || {
                let ids: Vec<String> = app.register.with(|r| r.groups().iter().map(|g| g.id.clone()).collect());
                if ids.is_empty() {
                    view! { <p>{t.no_groups}</p> }.into_any()
                } else {
                    ids.into_iter().map(|id| view! { <GroupCard id /> }).collect_view().into_any()
                }
            }}
        </section>
    }
}

/// The lines of a group's or suggestion's petitions: village, text, backers.
fn member_lines(app: OfficeState, ids: &[PetitionId]) -> Vec<(PetitionId, String, String, u32)> {
    let setup = app.setup.get_untracked().unwrap_or_default();
    app.register.with_untracked(|r| {
        ids.iter()
            .filter_map(|id| r.get(id))
            .map(|e| {
                let village = setup
                    .villages
                    .iter()
                    .find(|v| v.code == e.village)
                    .map_or_else(|| e.village.clone(), |v| v.name.clone());
                (
                    e.id().clone(),
                    village,
                    e.content().to_string(),
                    e.original.backers,
                )
            })
            .collect()
    })
}

#[component]
fn Suggestion(index: usize, members: Vec<PetitionId>) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let lines = member_lines(app, &members);
    let first_field = app
        .register
        .with_untracked(|r| {
            members
                .first()
                .and_then(|m| r.get(m))
                .map(|e| e.field().to_string())
        })
        .unwrap_or_default();
    let title = RwSignal::new(
        lines
            .first()
            .map(|l| suggested_title(&l.2))
            .unwrap_or_default(),
    );
    let field = RwSignal::new(first_field);
    let kept = RwSignal::new(members.clone());
    let all = members.clone();
    let fields = app
        .setup
        .with_untracked(|s| s.as_ref().map(|s| s.fields.clone()).unwrap_or_default());
    let heading = format!("suggestion-{index}");
    let labelled = heading.clone();
    let confirm = move |_| {
        let ids = kept.get_untracked();
        let villages = villages_of(app, &ids);
        let (ti, fi) = (title.get_untracked(), field.get_untracked());
        let created = app.act(villages, t.group_created, move |r| {
            r.create_group(&ti, &fi, &ids).map(|_| ())
        });
        if created {
            app.suggestions.update(|s| s.retain(|g| g != &members));
        }
    };
    let dismiss = move |_| app.suggestions.update(|s| s.retain(|g| g != &all));
    view! {
        <article class="card suggestion" aria-labelledby=labelled>
            <h3 id=heading>{(t.suggestion_heading)(index + 1, lines.len())}</h3>
            <ul class="members">
                {lines.into_iter().map(|(id, village, text, backers)| {
                    let this = id.clone();
                    view! {
                        <li>
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || kept.with(|k| k.contains(&this))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = id.clone();
                                        kept.update(|k| if on { if !k.contains(&id) { k.push(id) } } else { k.retain(|x| *x != id) });
                                    }
                                />
                                <span><strong>{village}</strong> " — " {text} " " <small>{(t.backers)(backers)}</small></span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="form">
                <TextField label=t.group_title.to_string() value=title on_input=Callback::new(move |v| title.set(v)) wide=true />
                <SelectField label=t.field.to_string() options=Signal::stored(fields) selected=field on_change=Callback::new(move |v| field.set(v)) />
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=confirm>{t.confirm_group}</button>
                <button type="button" on:click=dismiss>{t.dismiss}</button>
            </div>
        </article>
    }
}

#[component]
fn GroupCard(id: String) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let setup = app.setup.get_untracked().unwrap_or_default();
    let Some(g) = app.register.with_untracked(|r| r.group(&id).cloned()) else {
        return ().into_any();
    };
    let (villages, backers) = app.register.with_untracked(|r| r.group_reach(&g, &setup));
    let lines = member_lines(app, &g.members);
    let title = RwSignal::new(g.title.clone());
    let field = RwSignal::new(g.field.clone());
    let department = RwSignal::new(g.department.clone().unwrap_or_default());
    let official = RwSignal::new(g.official.clone());
    let touched = villages_of(app, &g.members);
    let heading = format!("group-{}", g.id);
    let labelled = heading.clone();
    let (id1, id2) = (id.clone(), id);
    let (v1, v2, v3) = (touched.clone(), touched.clone(), touched.clone());
    let save = move |_| {
        let (id, ti, fi, d, o) = (
            id1.clone(),
            title.get_untracked(),
            field.get_untracked(),
            department.get_untracked(),
            official.get_untracked(),
        );
        app.act(v1.clone(), t.group_saved, move |r| {
            r.edit_group(&id, &ti, &fi)?;
            r.assign_group(&id, Some(d.as_str()), &o)
        });
    };
    let dissolve = move |_| {
        let id = id2.clone();
        app.act(v2.clone(), t.group_dissolved, move |r| {
            r.dissolve_group(&id)
        });
    };
    view! {
        <article class="card group" aria-labelledby=labelled>
            <h3 id=heading>{g.title.clone()}</h3>
            <p class="row-meta">
                {g.field.clone()} " · " {(t.villages_count)(villages.len())} ": " {villages.join(", ")} " · "
                {(t.total_backers)(backers)}
                {g.department.clone().map(|d| format!(" · {}: {d}", t.department))}
            </p>
            <ul class="members">
                {lines.into_iter().map(|(pid, village, text, b)| {
                    let v = v3.clone();
                    view! {
                        <li>
                            <strong>{village}</strong> " — " {text} " " <small>{(t.backers)(b)}</small> " "
                            <button type="button" class="small" on:click=move |_| {
                                let pid = pid.clone();
                                app.act(v.clone(), t.split_done, move |r| r.remove_from_group(&pid));
                            }>{t.split}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="form">
                <TextField label=t.group_title.to_string() value=title on_input=Callback::new(move |v| title.set(v)) wide=true />
                <SelectField label=t.field.to_string() options=Signal::stored(setup.fields.clone()) selected=field on_change=Callback::new(move |v| field.set(v)) />
                <SelectField label=t.department.to_string() options=Signal::stored(setup.departments.clone()) selected=department on_change=Callback::new(move |v| department.set(v)) first=t.none />
                <TextField label=t.official.to_string() value=official on_input=Callback::new(move |v| official.set(v)) />
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=save>{t.save_group}</button>
                <button type="button" on:click=dissolve>{t.dissolve}</button>
            </div>
        </article>
    }
    .into_any()
}

/// What each department must answer: its groups and its petitions outside groups.
#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let departments = Memo::new(move |_| {
        app.setup.with(|s| {
            s.as_ref()
                .map(|s| s.departments.clone())
                .unwrap_or_default()
        })
    });
    let chosen = RwSignal::new(
        departments
            .get_untracked()
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    let content = move || {
        let d = chosen.get();
        let setup = app.setup.get().unwrap_or_default();
        app.register.with(|r| {
            let groups: Vec<_> = r.groups().iter().filter(|g| g.department.as_deref() == Some(d.as_str())).collect();
            let singles: Vec<_> = r
                .entries()
                .iter()
                .filter(|e| e.is_active() && e.office.department.as_deref() == Some(d.as_str()) && r.group_of(e.id()).is_none())
                .collect();
            let village = |code: &str| setup.villages.iter().find(|v| v.code == code).map_or_else(|| code.to_string(), |v| v.name.clone());
            view! {
                <h2>{(t.department_load)(groups.len(), singles.len())}</h2>
                <ul class="rows">
                    {groups.into_iter().map(|g| {
                        let (villages, backers) = r.group_reach(g, &setup);
                        let touched = villages_of(app, &g.members);
                        view! {
                            <li class="row">
                                <span class="row-text">{format!("{}: {}", t.group, g.title)}</span>
                                <span class="row-meta">
                                    {villages.join(", ")} " · " {(t.total_backers)(backers)} " · " {t.official} ": " {g.official.clone()}
                                </span>
                                <DraftAnswer matter=Matter::Group(g.id.clone()) text=g.draft.clone() villages=touched />
                            </li>
                        }
                    }).collect_view()}
                    {singles.into_iter().map(|e| view! {
                        <li class="row">
                            <span class="row-text">{e.content().to_string()}</span>
                            <span class="row-meta">{village(&e.village)} " · " {t.official} ": " {e.office.official.clone()}</span>
                            <DraftAnswer matter=Matter::Petition(e.id().clone()) text=e.office.draft.clone() villages=vec![e.village.clone()] />
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="departments-title">
            <h1 id="departments-title">{t.departments_title}</h1>
            <SelectField label=t.department.to_string() options=departments selected=chosen on_change=Callback::new(move |v| chosen.set(v)) />
            {content}
        </section>
    }
}

/// A matter a department prepares an answer to: a group, or a petition in none.
#[derive(Clone)]
enum Matter {
    Group(String),
    Petition(PetitionId),
}

/// The department's draft answer to one matter (dự thảo trả lời), saved with the
/// register: the secretary and the chair see it at the session, where it is the answer's
/// starting text.
#[component]
fn DraftAnswer(matter: Matter, text: String, villages: Vec<String>) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let draft = RwSignal::new(text);
    let save = move |_| {
        let text = draft.get_untracked();
        let matter = matter.clone();
        app.act(villages.clone(), t.draft_saved, move |r| match &matter {
            Matter::Group(id) => r.prepare_group(id, &text),
            Matter::Petition(id) => r.prepare_petition(id, &text),
        });
    };
    view! {
        <div class="form draft">
            <TextField
                label=t.draft_answer.to_string()
                value=draft
                on_input=Callback::new(move |v| draft.set(v))
                rows=3
                wide=true
                max=limit::TEXT
            />
            <div class="actions wide">
                <button type="button" on:click=save>{t.save_draft}</button>
            </div>
        </div>
    }
}
