//! The village head's main screen: the petition form on top, the list below with search,
//! field filter, edit, delete (with undo) and merge.

use leptos::prelude::*;

use crate::domain::petition::{Kind, Petition, PetitionDraft, PetitionId, Petitioners};
use crate::domain::search::Query;
use crate::ui::state::AppState;

/// Rows rendered at once; beyond this the search narrows the list. A village has tens of
/// petitions; the cap keeps a tablet fast even with thousands.
const SHOWN_AT_MOST: usize = 200;

#[component]
pub fn PetitionsPage() -> impl IntoView {
    view! {
        <PetitionForm />
        <PetitionList />
    }
}

#[component]
fn PetitionForm() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = move || app.texts();
    let error = RwSignal::new(None::<String>);
    let draft = app.draft;
    let fields = move || {
        app.profile
            .with(|p| p.as_ref().map(|p| p.fields.clone()).unwrap_or_default())
    };

    // Every keystroke is kept (one small entry), so nothing typed is lost on reload.
    let edit = move |change: &dyn Fn(&mut PetitionDraft)| {
        draft.update(|d| change(d));
        app.keep_draft();
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if draft.with_untracked(|d| d.field.is_empty()) {
            // The select shows its first field when none was chosen; take it.
            if let Some(first) = fields().into_iter().next() {
                draft.update(|d| d.field = first);
            }
        }
        match app.submit_draft() {
            Ok(()) => {
                error.set(None);
                crate::ui::focus("petition-content");
            }
            Err(e) => error.set(Some(t().petition_error(&e).to_string())),
        }
    };

    let kind_choice = move |k: Kind| {
        view! {
            <label class="chip">
                <input
                    type="radio"
                    name="kind"
                    value=k.code()
                    prop:checked=move || draft.with(|d| d.kind_code == k.code())
                    on:change=move |_| {
                        edit(&|d| {
                            d.kind_code = k.code().to_string();
                            if k.confidential_by_default() {
                                d.confidential = true;
                            }
                        })
                    }
                />
                <span>{move || t().kind(k)}</span>
            </label>
        }
    };

    let backers_step = move |delta: i64| {
        edit(&|d| {
            let n: i64 = d.backers.trim().parse().unwrap_or(1);
            d.backers = (n + delta).max(1).to_string();
        })
    };

    view! {
        <section class="card" aria-labelledby="form-title">
            <h1 id="form-title">
                {move || if app.editing.with(Option::is_some) { t().form_edit } else { t().form_new }}
            </h1>
            <form on:submit=submit class="petition-form">
                <label class="field wide">
                    <span>{move || t().content}</span>
                    <textarea
                        id="petition-content"
                        rows="4"
                        prop:value=move || draft.with(|d| d.content.clone())
                        on:input=move |ev| edit(&|d| d.content = event_target_value(&ev))
                    ></textarea>
                </label>
                <label class="field">
                    <span>{move || t().field}</span>
                    <select on:change=move |ev| edit(&|d| d.field = event_target_value(&ev))>
                        {move || {
                            fields()
                                .into_iter()
                                .map(|f| {
                                    let this = f.clone();
                                    view! {
                                        <option
                                            value=f.clone()
                                            prop:selected=move || draft.with(|d| d.field == this)
                                        >
                                            {f.clone()}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <fieldset class="field wide kinds">
                    <legend>{move || t().kind}</legend>
                    {Kind::ALL.into_iter().map(kind_choice).collect_view()}
                </fieldset>
                <label class="field wide">
                    <span>{move || t().petitioners}</span>
                    <input
                        type="text"
                        aria-describedby="names-hint"
                        prop:value=move || draft.with(|d| d.names.clone())
                        on:input=move |ev| edit(&|d| d.names = event_target_value(&ev))
                    />
                    <small id="names-hint" class="hint">{move || t().petitioners_hint}</small>
                </label>
                <label class="field">
                    <span>{move || t().address}</span>
                    <input
                        type="text"
                        prop:value=move || draft.with(|d| d.address.clone())
                        on:input=move |ev| edit(&|d| d.address = event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span>{move || t().phone}</span>
                    <input
                        type="tel"
                        inputmode="tel"
                        prop:value=move || draft.with(|d| d.phone.clone())
                        on:input=move |ev| edit(&|d| d.phone = event_target_value(&ev))
                    />
                </label>
                <div class="field">
                    <label for="backers">{move || t().backers}</label>
                    <div class="stepper">
                        <button type="button" aria-label=move || t().fewer on:click=move |_| backers_step(-1)>
                            "−"
                        </button>
                        <input
                            id="backers"
                            type="number"
                            min="1"
                            inputmode="numeric"
                            placeholder="1"
                            prop:value=move || draft.with(|d| d.backers.clone())
                            on:input=move |ev| edit(&|d| d.backers = event_target_value(&ev))
                        />
                        <button type="button" aria-label=move || t().more on:click=move |_| backers_step(1)>
                            "+"
                        </button>
                    </div>
                </div>
                <label class="check wide">
                    <input
                        type="checkbox"
                        aria-describedby="confidential-hint"
                        prop:checked=move || draft.with(|d| d.confidential)
                        on:change=move |ev| edit(&|d| d.confidential = event_target_checked(&ev))
                    />
                    <span>{move || t().confidential}</span>
                </label>
                <small id="confidential-hint" class="hint wide">{move || t().confidential_hint}</small>
                {move || error.get().map(|m| view! { <p class="error wide" role="alert">{m}</p> })}
                <div class="actions wide">
                    <button type="submit" class="primary">{move || t().save_petition}</button>
                    <Show when=move || app.editing.with(Option::is_some)>
                        <button type="button" on:click=move |_| app.cancel_edit()>
                            {move || t().cancel_edit}
                        </button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

#[component]
fn PetitionList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = move || app.texts();
    let text = RwSignal::new(String::new());
    let field = RwSignal::new(String::new());
    let selected = RwSignal::new(Vec::<PetitionId>::new());

    let query = Memo::new(move |_| Query::new(&text.get(), Some(&field.get())));
    let active_count = Memo::new(move |_| {
        app.entries
            .with(|es| es.iter().filter(|e| e.petition.is_active()).count())
    });
    let shown = Memo::new(move |_| {
        let q = query.get();
        app.entries.with(|es| {
            es.iter()
                .rev()
                .filter(|e| e.petition.is_active() && q.matches(&e.petition, &e.key))
                .take(SHOWN_AT_MOST)
                .map(|e| e.petition.clone())
                .collect::<Vec<_>>()
        })
    });
    let fields = move || {
        app.profile
            .with(|p| p.as_ref().map(|p| p.fields.clone()).unwrap_or_default())
    };

    let merge = move |_| {
        if let [a, b] = selected.get_untracked().as_slice() {
            if app.merge(a, b) {
                selected.set(Vec::new());
            }
        }
    };

    view! {
        <section class="card" aria-labelledby="list-title">
            <h2 id="list-title">{move || (t().list_title)(active_count.get())}</h2>
            <div class="filters">
                <label class="field">
                    <span>{move || t().search}</span>
                    <input
                        type="search"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span>{move || t().filter_field}</span>
                    <select on:change=move |ev| field.set(event_target_value(&ev))>
                        <option value="">{move || t().all_fields}</option>
                        {move || {
                            fields()
                                .into_iter()
                                .map(|f| view! { <option value=f.clone()>{f.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            <div class="merge-bar">
                <button
                    type="button"
                    disabled=move || selected.with(|s| s.len() != 2)
                    aria-describedby="merge-hint"
                    on:click=merge
                >
                    {move || t().merge_selected}
                </button>
                <small id="merge-hint" class="hint">{move || t().merge_hint}</small>
            </div>
            <Show
                when=move || shown.with(|s| !s.is_empty())
                fallback=move || {
                    let empty = active_count.get() == 0;
                    view! { <p class="empty">{move || if empty { t().no_petitions } else { t().no_match }}</p> }
                }
            >
                <ul class="petitions">
                    <For
                        each=move || shown.get()
                        key=|p| (p.id.clone(), p.revision)
                        children=move |p| view! { <PetitionItem petition=p selected=selected /> }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn PetitionItem(petition: Petition, selected: RwSignal<Vec<PetitionId>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = move || app.texts();
    let id = petition.id.clone();
    let (id_edit, id_delete, id_sel, id_check) = (id.clone(), id.clone(), id.clone(), id);
    let who = match &petition.petitioners {
        Petitioners::Many => t().many_citizens.to_string(),
        Petitioners::Named(names) => names.join(", "),
    };
    let place = [petition.address.clone(), petition.phone.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="petition" class:confidential=petition.confidential>
            <p class="meta">
                <span class="badge">{t().kind(petition.kind)}</span>
                <span class="badge field">{petition.field.clone()}</span>
                {petition
                    .confidential
                    .then(|| view! { <span class="badge secret">{t().identity_confidential}</span> })}
            </p>
            <p class="content">{petition.content.clone()}</p>
            <p class="who">{who} {(!place.is_empty()).then(|| format!(" — {place}"))}</p>
            <p class="backers">{(t().backers_count)(petition.backers)}</p>
            <div class="row-actions">
                <button type="button" on:click=move |_| {
                    app.start_edit(&id_edit);
                    crate::ui::focus("petition-content");
                }>{t().edit}</button>
                <button type="button" class="danger" on:click=move |_| {
                    selected.update(|s| s.retain(|x| *x != id_delete));
                    app.delete(&id_delete);
                }>{t().delete}</button>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || selected.with(|s| s.contains(&id_check))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| {
                                s.retain(|x| *x != id_sel);
                                if on {
                                    s.push(id_sel.clone());
                                }
                            });
                        }
                    />
                    <span>{t().select_to_merge}</span>
                </label>
            </div>
        </li>
    }
}
