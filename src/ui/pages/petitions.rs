//! The village head's main screen: the petition form on top, the list below with search,
//! field filter, edit, delete (with undo) and merge.

use crate::domain::text::limit;
use leptos::prelude::*;

use crate::domain::legacy;
use crate::domain::petition::{
    parse_count, Kind, Petition, PetitionDraft, PetitionId, Petitioners,
};
use crate::domain::search::Query;
use crate::ui::components::{CheckField, ErrorText, LegacyOffer, SelectField, TextField};
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
    let t = app.texts();
    let error = RwSignal::new(None::<String>);
    let draft = app.draft;
    let fields = Signal::derive(move || {
        app.profile
            .with(|p| p.as_ref().map(|p| p.fields.clone()).unwrap_or_default())
    });

    // Every keystroke is kept (one small entry), so nothing typed is lost on reload.
    let edit = move |change: &dyn Fn(&mut PetitionDraft)| {
        draft.update(|d| change(d));
        app.keep_draft();
    };
    let text = move |get: fn(&PetitionDraft) -> String, set: fn(&mut PetitionDraft, String)| {
        (
            Signal::derive(move || draft.with(get)),
            Callback::new(move |v: String| edit(&|d| set(d, v.clone()))),
        )
    };

    // Text typed or pasted in TCVN3 or VNI, found as it is typed, converted on request.
    let legacy = Memo::new(move |_| {
        draft.with(|d| {
            let mut found = String::new();
            for (label, text) in [
                (t.content, &d.content),
                (t.petitioners, &d.names),
                (t.address, &d.address),
            ] {
                if let Some(converted) = legacy::converted(text) {
                    found += &format!("{label}: {converted}\n");
                }
            }
            found
        })
    });
    let convert_legacy = Callback::new(move |()| {
        edit(&|d| {
            for text in [&mut d.content, &mut d.names, &mut d.address] {
                if let Some(converted) = legacy::converted(text) {
                    *text = converted;
                }
            }
        });
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.submit_draft() {
            Ok(()) => {
                error.set(None);
                crate::ui::focus("petition-content");
            }
            Err(e) => error.set(Some(t.petition_error(&e).to_string())),
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
                <span>{t.kind(k)}</span>
            </label>
        }
    };

    let backers_step = move |delta: i64| {
        edit(&|d| {
            let n = i64::from(parse_count(&d.backers).unwrap_or(1));
            d.backers = (n + delta).max(1).to_string();
        })
    };
    let (content, set_content) = text(|d| d.content.clone(), |d, v| d.content = v);
    let (names, set_names) = text(|d| d.names.clone(), |d, v| d.names = v);
    let (address, set_address) = text(|d| d.address.clone(), |d, v| d.address = v);
    let (phone, set_phone) = text(|d| d.phone.clone(), |d, v| d.phone = v);

    view! {
        <section class="card" aria-labelledby="form-title">
            <h1 id="form-title">
                {move || if app.editing.with(Option::is_some) { t.form_edit } else { t.form_new }}
            </h1>
            <form on:submit=submit class="petition-form">
                <TextField label=t.content.to_string() id="petition-content" rows=4 wide=true value=content on_input=set_content />
                <SelectField
                    label=t.field.to_string()
                    options=fields
                    selected=Signal::derive(move || draft.with(|d| d.field.clone()))
                    on_change=Callback::new(move |v: String| edit(&|d| d.field = v.clone()))
                    first=t.choose_field
                />
                <fieldset class="field wide kinds">
                    <legend>{t.kind}</legend>
                    {Kind::ALL.into_iter().map(kind_choice).collect_view()}
                </fieldset>
                <TextField label=t.petitioners.to_string() hint=t.petitioners_hint wide=true max=limit::LONG value=names on_input=set_names />
                <TextField label=t.address.to_string() value=address on_input=set_address />
                <TextField label=t.phone.to_string() input_type="tel" value=phone on_input=set_phone />
                <div class="field">
                    <label for="backers">{t.backers}</label>
                    <div class="stepper">
                        <button type="button" aria-label=t.fewer on:click=move |_| backers_step(-1)>
                            "−"
                        </button>
                        <input
                            id="backers"
                            type="text"
                            inputmode="numeric"
                            maxlength="13"
                            placeholder="1"
                            prop:value=move || draft.with(|d| d.backers.clone())
                            on:input=move |ev| edit(&|d| d.backers = event_target_value(&ev))
                        />
                        <button type="button" aria-label=t.more on:click=move |_| backers_step(1)>
                            "+"
                        </button>
                    </div>
                </div>
                <CheckField
                    label=t.confidential.to_string()
                    hint=t.confidential_hint
                    wide=true
                    checked=Signal::derive(move || draft.with(|d| d.confidential))
                    on_change=Callback::new(move |on| edit(&|d| d.confidential = on))
                />
                <LegacyOffer found=legacy on_convert=convert_legacy />
                <ErrorText message=error />
                <div class="actions wide">
                    <button type="submit" class="primary">{t.save_petition}</button>
                    <Show when=move || app.editing.with(Option::is_some)>
                        <button type="button" on:click=move |_| app.cancel_edit()>
                            {t.cancel_edit}
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
    let t = app.texts();
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

    // The commune's answers, once its results file was taken in (on another page: this
    // one is drawn afresh after it).
    let results = std::sync::Arc::new(crate::ui::state::repo().stored_results());
    let result_of = move |p: &Petition| -> String {
        results
            .as_ref()
            .as_ref()
            .and_then(|r| r.find(&p.id))
            .map(|r| t.result_text(r))
            .unwrap_or_default()
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
            <h2 id="list-title">{move || (t.list_title)(active_count.get())}</h2>
            <div class="filters">
                <TextField
                    label=t.search.to_string()
                    input_type="search"
                    value=text
                    on_input=Callback::new(move |v| text.set(v))
                />
                <SelectField
                    label=t.filter_field.to_string()
                    first=t.all_fields
                    options=fields
                    selected=field
                    on_change=Callback::new(move |v| field.set(v))
                />
            </div>
            <div class="merge-bar">
                <button
                    type="button"
                    disabled=move || selected.with(|s| s.len() != 2)
                    aria-describedby="merge-hint"
                    on:click=merge
                >
                    {t.merge_selected}
                </button>
                <small id="merge-hint" class="hint">{t.merge_hint}</small>
            </div>
            <Show
                when=move || shown.with(|s| !s.is_empty())
                fallback=move || {
                    let empty = active_count.get() == 0;
                    view! { <p class="empty">{move || if empty { t.no_petitions } else { t.no_match }}</p> }
                }
            >
                <ul class="petitions">
                    <For
                        each=move || shown.get()
                        key=|p| (p.id.clone(), p.revision)
                        children={
                            let result_of = result_of.clone();
                            move |p| {
                                let result = result_of(&p);
                                view! { <PetitionItem petition=p result=result selected=selected /> }
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn PetitionItem(
    petition: Petition,
    /// The commune's answer ("Kết quả: …"), empty until its results file was taken in.
    result: String,
    selected: RwSignal<Vec<PetitionId>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let id = petition.id.clone();
    // Every row has the same button names; the petition's text describes which one it is.
    let content_id = format!("content-{id}");
    let (id_edit, id_delete, id_sel, id_check) = (id.clone(), id.clone(), id.clone(), id);
    // No names: "many citizens" only when more than one raised it.
    let who = match &petition.petitioners {
        Petitioners::Many if petition.backers > 1 => t.many_citizens.to_string(),
        Petitioners::Many => t.no_name.to_string(),
        Petitioners::Named(names) => names.join(", "),
    };
    // The commune answered it: a change is asked for first.
    let answered = !result.is_empty();
    let go_on = move || {
        !answered
            || window()
                .confirm_with_message(t.answered_change)
                .unwrap_or(false)
    };
    let place = [petition.address.clone(), petition.phone.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="petition" class:confidential=petition.confidential>
            <p class="meta">
                <span class="badge">{t.kind(petition.kind)}</span>
                <span class="badge field">{petition.field.clone()}</span>
                {petition
                    .confidential
                    .then(|| view! { <span class="badge secret">{t.identity_confidential}</span> })}
            </p>
            <p class="content" id=content_id.clone()>{petition.content.clone()}</p>
            <p class="who">{who} {(!place.is_empty()).then(|| format!(" — {place}"))}</p>
            {(petition.backers > 1)
                .then(|| view! { <p class="backers">{(t.backers_count)(petition.backers)}</p> })}
            // Always there, empty (and hidden) without a result: one shape of row.
            <p class="result">{result}</p>
            <div class="row-actions">
                <button type="button" aria-describedby=content_id.clone() on:click=move |_| {
                    if !go_on() {
                        return;
                    }
                    app.start_edit(&id_edit);
                    crate::ui::focus("petition-content");
                }>{t.edit}</button>
                <button type="button" class="danger" aria-describedby=content_id.clone() on:click=move |_| {
                    if !go_on() {
                        return;
                    }
                    selected.update(|s| s.retain(|x| *x != id_delete));
                    app.delete(&id_delete);
                    // The row is gone: keep keyboard users next to the way back.
                    request_animation_frame(|| crate::ui::focus("undo"));
                }>{t.delete}</button>
                <label class="check">
                    <input
                        type="checkbox"
                        aria-describedby=content_id.clone()
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
                    <span>{t.select_to_merge}</span>
                </label>
            </div>
        </li>
    }
}
