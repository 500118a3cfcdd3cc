//! The one list of every village's petitions: search as you type, filters, sort, and the
//! petition opened below the list to reclassify, assign, settle a conflict or convert a
//! legacy-encoded text.

use leptos::prelude::*;

use super::denunciation::{ComplaintChoice, TrackForm};
use super::document::{doc_head, print_page};
use super::state::OfficeState;
use crate::domain::office::compiled::compiled;
use crate::domain::office::history::History;
use crate::domain::office::list::{select_after, ListFilter, Sort};
use crate::domain::office::register::{BulkChange, Entry, OfficeStatus};
use crate::domain::petition::{Kind, PetitionId};
use crate::domain::time::{format_date, vietnam_date};
use crate::ui::components::{PairSelect, SelectField, TextField};

/// Rows drawn at once: enough to read, few enough that a keystroke stays under a frame.
const SHOWN: usize = 100;

#[component]
pub fn ListPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let filter = RwSignal::new(ListFilter::default());
    let villages = Memo::new(move |_| app.village_pairs());
    let fields = Memo::new(move |_| app.fields());
    let departments = Memo::new(move |_| app.departments());
    // Counts the changes of the register, its search keys and the villages' order: earlier
    // hits serve a narrower filter only while this has not moved.
    let stored = Memo::new(move |before: Option<&u64>| {
        app.register.track();
        app.keys.track();
        villages.track();
        before.map_or(0, |n| n + 1)
    });
    // The filter and the count the hits were found with.
    let found_with: StoredValue<Option<(ListFilter, u64)>> = StoredValue::new(None);
    let hits = Memo::new(move |earlier: Option<&Vec<usize>>| {
        let order: Vec<String> = villages.with(|v| v.iter().map(|(c, _)| c.clone()).collect());
        let f = filter.get();
        let now = stored.get();
        let hits = found_with.with_value(|w| {
            // Earlier hits only of the register and keys as they are now.
            let earlier = match (w, earlier) {
                (Some((before, then)), Some(hits)) if *then == now => {
                    Some((before, hits.as_slice()))
                }
                _ => None,
            };
            crate::ui::browser::measured("office-search", || {
                app.register
                    .with(|r| app.keys.with(|k| select_after(r, k, &f, &order, earlier)))
            })
        });
        found_with.set_value(Some((f, now)));
        hits
    });
    let village_name = move |code: &str| {
        villages.with_untracked(|v| {
            v.iter()
                .find(|(c, _)| c == code)
                .map_or_else(|| code.to_string(), |(_, n)| n.clone())
        })
    };
    let set = move |f: fn(&mut ListFilter, String)| {
        Callback::new(move |v: String| filter.update(|x| f(x, v)))
    };
    let choice = |pairs: Vec<(String, String)>| pairs;

    // The petitions chosen for one change to all of them (see `Bulk`).
    let chosen = RwSignal::new(Vec::<PetitionId>::new());
    // The compiled list being printed: every hit, as the filters stand at the click.
    let printing = RwSignal::new(None::<Vec<usize>>);
    let print_compiled = move |_| {
        printing.set(Some(hits.get_untracked()));
        request_animation_frame(print_page);
    };
    let rows = move || {
        let hits = hits.get();
        app.register.with(|r| {
            hits.iter()
                .take(SHOWN)
                .map(|&i| {
                    let e = &r.entries()[i];
                    let id = e.id().clone();
                    let open_id = id.clone();
                    let status = r.status(e);
                    let group = r.group_of(e.id()).map(|g| g.title.clone());
                    let (pick, is_picked) = (id.clone(), id.clone());
                    let text = excerpt(e.content());
                    view! {
                        <li class="row picked-row" class:withdrawn=!e.is_active()>
                            {e.is_active().then(|| view! {
                                <input
                                    type="checkbox"
                                    class="pick"
                                    aria-label=format!("{}: {text}", t.pick)
                                    prop:checked=move || chosen.with(|c| c.contains(&is_picked))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| {
                                            c.retain(|x| *x != pick);
                                            if on {
                                                c.push(pick.clone());
                                            }
                                        });
                                    }
                                />
                            })}
                            <button
                                type="button"
                                class="row-open"
                                aria-expanded=move || (app.open.get().as_ref() == Some(&open_id)).to_string()
                                on:click=move |_| app.open.set(Some(id.clone()))
                            >
                                <span class="row-text">{excerpt(e.content())}</span>
                                <span class="row-meta">
                                    {village_name(&e.village)} " · " {e.field().to_string()} " · "
                                    {crate::i18n::VI.kind(e.kind())} " · " {(t.backers)(e.original.backers)}
                                </span>
                                <span class=format!("badge status-{}", status.code())>{t.status(status)}</span>
                                {e.original.confidential.then(|| view! { <span class="badge secret">{t.confidential}</span> })}
                                {group.map(|g| view! { <span class="badge group">{format!("{}: {g}", t.group)}</span> })}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card no-print" aria-labelledby="list-title">
            <h1 id="list-title">{t.list_title}</h1>
            <div class="filters">
                <TextField
                    label=t.search.to_string()
                    value=Signal::derive(move || filter.with(|f| f.text.clone()))
                    on_input=set(|f, v| f.text = v)
                    input_type="search"
                    hint=t.search_hint
                    id="office-search"
                />
                <PairSelect
                    label=t.col_village
                    options=Signal::derive(move || choice(villages.get()))
                    selected=Signal::derive(move || filter.with(|f| f.village.clone()))
                    on_change=set(|f, v| f.village = v)
                    first=t.all
                />
                <SelectField
                    label=t.field.to_string()
                    options=fields
                    selected=Signal::derive(move || filter.with(|f| f.field.clone()))
                    on_change=set(|f, v| f.field = v)
                    first=t.all
                />
                <PairSelect
                    label=t.kind
                    options=Signal::derive(move || {
                        Kind::ALL.iter().map(|k| (k.code().to_string(), crate::i18n::VI.kind(*k).to_string())).collect()
                    })
                    selected=Signal::derive(move || filter.with(|f| f.kind.map(|k| k.code().to_string()).unwrap_or_default()))
                    on_change=set(|f, v| f.kind = Kind::from_code(&v))
                    first=t.all
                />
                <PairSelect
                    label=t.status_label
                    options=Signal::derive(move || {
                        OfficeStatus::ALL.iter().map(|s| (s.code().to_string(), t.status(*s).to_string())).collect()
                    })
                    selected=Signal::derive(move || filter.with(|f| f.status.map(|s| s.code().to_string()).unwrap_or_default()))
                    on_change=set(|f, v| f.status = OfficeStatus::ALL.into_iter().find(|s| s.code() == v))
                    first=t.all
                />
                <SelectField
                    label=t.department.to_string()
                    options=departments
                    selected=Signal::derive(move || filter.with(|f| f.department.clone()))
                    on_change=set(|f, v| f.department = v)
                    first=t.all
                />
                <PairSelect
                    label=t.confidential
                    options=Signal::derive(move || vec![("co".to_string(), t.yes.to_string()), ("khong".to_string(), t.no.to_string())])
                    selected=Signal::derive(move || filter.with(|f| match f.confidential { Some(true) => "co".into(), Some(false) => "khong".into(), None => String::new() }))
                    on_change=set(|f, v| f.confidential = match v.as_str() { "co" => Some(true), "khong" => Some(false), _ => None })
                    first=t.all
                />
                <PairSelect
                    label=t.sort
                    options=Signal::derive(move || Sort::ALL.iter().map(|s| (s.code().to_string(), t.sort_name(*s).to_string())).collect())
                    selected=Signal::derive(move || filter.with(|f| f.sort.code().to_string()))
                    on_change=set(|f, v| f.sort = Sort::ALL.into_iter().find(|s| s.code() == v).unwrap_or_default())
                />
            </div>
            <p role="status" class="count">
                {move || {
                    let n = hits.with(Vec::len);
                    if n > SHOWN { (t.shown_of)(SHOWN, n) } else { (t.found)(n) }
                }}
            </p>
            <div class="actions">
                <button type="button" on:click=move |_| {
                    let shown: Vec<PetitionId> = hits.with_untracked(|h| {
                        app.register.with_untracked(|r| {
                            h.iter()
                                .take(SHOWN)
                                .map(|&i| &r.entries()[i])
                                .filter(|e| e.is_active())
                                .map(|e| e.id().clone())
                                .collect()
                        })
                    });
                    chosen.set(shown);
                }>{t.pick_shown}</button>
                <button type="button" on:click=print_compiled>{t.print_compiled}</button>
            </div>
            {move || chosen.with(|c| !c.is_empty()).then(|| view! { <Bulk chosen /> })}
            <ul class="rows">{rows}</ul>
        </section>
        // Drawn again after every change of the register, so an action shows at once.
        {move || {
            app.register.with(|_| ());
            app.open.get().map(|id| view! { <Detail id /> })
        }}
        {move || app.closed.with(|c| !c.is_empty()).then(|| view! { <HistorySearch /> })}
        {move || printing.get().map(|shown| view! { <div class="print-only"><CompiledListView shown /></div> })}
    }
}

/// The compiled list on A4: every petition the list shows with its filters (not only the
/// first hundred drawn), no petitioner named, denunciations left out and counted.
#[component]
fn CompiledListView(shown: Vec<usize>) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let setup = app.setup.get_untracked().unwrap_or_default();
    let list = app.register.with_untracked(|r| compiled(r, &setup, &shown));
    let agreed = app.session.with_untracked(|s| s.prep.front_agreed);
    let count = (t.compiled_count)(list.rows.len());
    let rows = list
        .rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td class="num">{r.number}</td>
                    <td>{r.village}</td>
                    <td>
                        {r.content}
                        {(!r.group.is_empty()).then(|| view! { <br /><em>{format!("{}: {}", t.group, r.group)}</em> })}
                    </td>
                    <td>{r.field}</td>
                    <td>{crate::i18n::VI.kind(r.kind)}</td>
                    <td class="num">{r.backers}</td>
                    <td>{r.department}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="document compiled" aria-label=t.compiled_title>
            {doc_head(&setup, String::new(), String::new())}
            <h2 class="doc-title">{t.compiled_title}</h2>
            <p class="doc-subject">{setup.dialogue.title.clone()}</p>
            <hr class="doc-rule" />
            <table class="doc-table">
                <thead>
                    <tr>
                        <th scope="col">{t.col_number}</th>
                        <th scope="col">{t.col_village}</th>
                        <th scope="col">{t.content_label}</th>
                        <th scope="col">{t.field}</th>
                        <th scope="col">{t.kind}</th>
                        <th scope="col">{t.col_backers}</th>
                        <th scope="col">{t.department}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p>{count}</p>
            {(list.denunciations > 0).then(|| view! { <p>{(t.compiled_denunciations)(list.denunciations)}</p> })}
            <p>
                {match agreed {
                    Some(d) => (t.compiled_agreed)(&format_date(d)),
                    None => t.compiled_not_agreed.to_string(),
                }}
            </p>
        </article>
    }
}

/// One change to every chosen petition, in one save: the field, the kind, the department
/// and official (a grouped petition's group is assigned). What is left on "keep" stays.
#[component]
fn Bulk(chosen: RwSignal<Vec<PetitionId>>) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let field = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let official = RwSignal::new(String::new());
    let apply = move |_| {
        let ids = chosen.get_untracked();
        let department = department.get_untracked();
        let change = BulkChange {
            field: Some(field.get_untracked()).filter(|f| !f.is_empty()),
            kind: Kind::from_code(&kind.get_untracked()),
            assign: (!department.is_empty()).then(|| (department, official.get_untracked())),
        };
        if change == BulkChange::default() {
            return app.fail(t.bulk_nothing);
        }
        let villages: Vec<String> = ids.iter().flat_map(|id| app.village_of(id)).collect();
        let done = (t.bulk_done)(ids.len());
        if app.act(villages, done, move |r| {
            r.apply_many(&ids, &change).map(|_| ())
        }) {
            chosen.set(Vec::new());
        }
    };
    view! {
        <section class="bulk" aria-labelledby="bulk-title">
            <h2 id="bulk-title">{move || (t.bulk_title)(chosen.with(Vec::len))}</h2>
            <div class="form">
                <SelectField label=t.field.to_string() options=Signal::derive(move || app.fields()) selected=field on_change=Callback::new(move |v| field.set(v)) first=t.keep />
                <PairSelect
                    label=t.kind
                    options=Signal::stored(Kind::ALL.iter().map(|k| (k.code().to_string(), crate::i18n::VI.kind(*k).to_string())).collect::<Vec<_>>())
                    selected=kind
                    on_change=Callback::new(move |v| kind.set(v))
                    first=t.keep
                />
                <SelectField label=t.department.to_string() options=Signal::derive(move || app.departments()) selected=department on_change=Callback::new(move |v| department.set(v)) first=t.keep />
                <TextField label=t.official.to_string() value=official on_input=Callback::new(move |v| official.set(v)) />
                <div class="actions wide">
                    <button type="button" class="primary" on:click=apply>{move || (t.bulk_apply)(chosen.with(Vec::len))}</button>
                    <button type="button" on:click=move |_| chosen.set(Vec::new())>{t.bulk_clear}</button>
                </div>
            </div>
        </section>
    }
}

/// A search across every dialogue the office held, the one shown and those closed: each
/// hit with its dialogue, and how many each dialogue had. The closed dialogues are read
/// from their archive once, when the first words are typed.
#[component]
fn HistorySearch() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let dt = app.dialogue_texts();
    let text = RwSignal::new(String::new());
    // What the history is made from, as of now: the database's generation (every commit,
    // here or in another tab, counts it up), whether the closed dialogues are read, and
    // the dialogue shown. The history is made again only when this moves.
    let data = move || {
        app.register.track();
        app.closed.track();
        (
            app.store().generation(),
            app.archives.get(),
            app.viewing.with(|v| v.as_ref().map(|d| d.id.clone())),
        )
    };
    type Version = (u32, bool, Option<String>);
    let history: StoredValue<Option<(Version, History)>, LocalStorage> =
        StoredValue::new_local(None);
    let last: StoredValue<Option<(String, Vec<usize>)>> = StoredValue::new(None);
    let hits = Memo::new(move |_| {
        let q = text.get();
        let version = data();
        if q.trim().is_empty() {
            return Vec::new();
        }
        if !app.archives.get() {
            app.need_archives();
            return Vec::new();
        }
        if history.with_value(|h| h.as_ref().is_none_or(|(v, _)| *v != version)) {
            let made = crate::ui::browser::measured("history-load", || app.history());
            history.set_value(Some((version, made)));
            last.set_value(None);
        }
        let found = crate::ui::browser::measured("history-search", || {
            history.with_value(|h| {
                last.with_value(|l| {
                    h.as_ref().map_or_else(Vec::new, |(_, h)| {
                        h.search(
                            &q,
                            l.as_ref().map(|(t, hits)| (t.as_str(), hits.as_slice())),
                        )
                    })
                })
            })
        });
        last.set_value(Some((q, found.clone())));
        found
    });
    let rows = move || {
        let hits = hits.get();
        history.with_value(|h| {
            let Some((_, h)) = h else {
                return Vec::new();
            };
            hits.iter()
                .take(SHOWN)
                .map(|&i| {
                    let r = &h.rows[i];
                    let d = &h.dialogues[r.dialogue];
                    view! {
                        <li class="row">
                            <span class="row-text">{excerpt(&r.content)}</span>
                            <span class="row-meta">{format!("{} · {} · {}", d.title, r.village, r.field)}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = move || {
        let hits = hits.get();
        if text.with(|t| t.trim().is_empty()) {
            return String::new();
        }
        history.with_value(|h| {
            h.as_ref()
                .map(|(_, h)| (dt.history_found)(hits.len(), &h.per_dialogue(&hits)))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card no-print" aria-labelledby="history-title">
            <h2 id="history-title">{dt.history_title}</h2>
            <TextField
                label=dt.history_search.to_string()
                value=text
                on_input=Callback::new(move |v| text.set(v))
                input_type="search"
                hint=dt.history_hint
            />
            <p role="status" class="count">{summary}</p>
            <ul class="rows">{rows}</ul>
        </section>
    }
}

fn excerpt(text: &str) -> String {
    const MAX: usize = 180;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

/// Who raised a petition: its names; without them, "many citizens" only when more than
/// one backs it (one person without a name is not many).
fn people(names: &[String], backers: u32, t: &'static crate::i18n::office::OfficeTexts) -> String {
    match names {
        [] if backers > 1 => t.many_citizens.to_string(),
        [] => t.no_name.to_string(),
        names => names.join(", "),
    }
}

/// The opened petition.
#[component]
fn Detail(id: PetitionId) -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.texts();
    let entry: Option<Entry> = app.register.with_untracked(|r| r.get(&id).cloned());
    let Some(e) = entry else {
        return ().into_any();
    };
    let setup = app.setup.get_untracked().unwrap_or_default();
    let village = setup
        .villages
        .iter()
        .find(|v| v.code == e.village)
        .map_or_else(|| e.village.clone(), |v| v.name.clone());
    let p = e.original.clone();
    let field = RwSignal::new(e.field().to_string());
    let kind = RwSignal::new(e.kind().code().to_string());
    let department = RwSignal::new(e.office.department.clone().unwrap_or_default());
    let official = RwSignal::new(e.office.official.clone());
    let mut field_options = setup.fields.clone();
    if !field_options.contains(&p.field) {
        field_options.push(p.field.clone());
    }
    let group = app.register.with_untracked(|r| {
        r.group_of(&id)
            .map(|g| (g.title.clone(), g.department.clone()))
    });
    // A petition the suggestions missed can join a group by hand.
    let groups: Vec<(String, String)> = app.register.with_untracked(|r| {
        r.groups()
            .iter()
            .map(|g| (g.id.clone(), g.title.clone()))
            .collect()
    });
    let join = RwSignal::new(String::new());
    let legacy = e.legacy_texts();
    let village_code = e.village.clone();
    let (id1, id3, id4, id5, id6) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    // A denunciation's track or a complaint's choice, shown as soon as the kind is saved.
    let kind_now = Memo::new({
        let id = id.clone();
        move |_| app.register.with(|r| r.get(&id).map(Entry::kind))
    });
    let law = {
        let id = id.clone();
        move || {
            let e = app.register.with_untracked(|r| r.get(&id).cloned())?;
            match kind_now.get()? {
                Kind::Denunciation => Some(view! { <TrackForm entry=e /> }.into_any()),
                Kind::Complaint => Some(view! { <ComplaintChoice entry=e /> }.into_any()),
                _ => None,
            }
        }
    };
    let v = vec![village_code];
    let (v1, v3, v4, v5, v6) = (v.clone(), v.clone(), v.clone(), v.clone(), v);
    let join_group = move |_| {
        let g = join.get_untracked();
        if g.is_empty() {
            return;
        }
        let id = id6.clone();
        app.act(v6.clone(), t.joined, move |r| r.add_to_group(&g, &id));
    };
    let join_view =
        (group.is_none() && !groups.is_empty() && e.is_active() && e.kind() != Kind::Denunciation)
            .then(|| {
                view! {
                    <div class="form">
                        <PairSelect
                            label=t.join_group
                            options=Signal::stored(groups)
                            selected=join
                            on_change=Callback::new(move |v| join.set(v))
                            first=t.choose
                        />
                        <div class="actions wide">
                            <button type="button" on:click=join_group>{t.join}</button>
                        </div>
                    </div>
                }
            });
    // The classification and the assignment, in one save.
    let save = move |_| {
        let k = Kind::from_code(&kind.get_untracked()).unwrap_or(Kind::Recommendation);
        let f = field.get_untracked();
        let d = department.get_untracked();
        let o = official.get_untracked();
        let id = id1.clone();
        app.act(v1.clone(), t.assigned, move |r| {
            r.reclassify(&id, &f, k)?;
            r.assign_petition(&id, Some(d.as_str()), &o)
        });
    };
    let conflict = e.conflict.clone().map(|other| {
        let keep = {
            let id = id3.clone();
            let v = v3.clone();
            move |_| {
                let id = id.clone();
                app.act(v.clone(), t.conflict_settled, move |r| r.resolve_conflict(&id, false));
            }
        };
        let take = {
            let id = id4.clone();
            let v = v4.clone();
            move |_| {
                let id = id.clone();
                app.act(v.clone(), t.conflict_settled, move |r| r.resolve_conflict(&id, true));
            }
        };
        view! {
            <div class="conflict" role="group" aria-labelledby="conflict-title">
                <h3 id="conflict-title">{t.conflict_title}</h3>
                <p>{t.conflict_intro}</p>
                <div class="versions">
                    <blockquote><strong>{t.version_kept}</strong><p class="pre">{p.content.clone()}</p></blockquote>
                    <blockquote><strong>{t.version_other}</strong><p class="pre">{other.content.clone()}</p></blockquote>
                </div>
                <button type="button" on:click=keep>{t.keep_kept}</button>
                <button type="button" on:click=take>{t.take_other}</button>
            </div>
        }
    });
    let legacy_view = legacy.map(|found| {
        // Each text that changes, as it will read: nothing is replaced before the click.
        let line = |label: &'static str, text: Option<String>| {
            text.map(|text| view! { <dt>{label}</dt><dd class="pre">{text}</dd> })
        };
        let preview = view! {
            <dl class="facts">
                {line(t.content_label, found.content)}
                {line(t.petitioners, found.names.map(|n| n.join(", ")))}
                {line(t.address, found.address)}
            </dl>
        };
        let id = id5.clone();
        let v = v5.clone();
        view! {
            <div class="warning" role="group" aria-labelledby="legacy-title">
                <h3 id="legacy-title">{t.legacy_title}</h3>
                {preview}
                <button
                    type="button"
                    on:click=move |_| {
                        let id = id.clone();
                        app.act(v.clone(), t.converted, move |r| r.convert_legacy(&id));
                    }
                >
                    {t.convert}
                </button>
            </div>
        }
    });
    let o = &e.office;
    let converted = (o.content.is_some() || o.names.is_some() || o.address.is_some()).then(|| {
        view! {
            <details>
                <summary>{t.village_text}</summary>
                <p class="pre">{p.content.clone()}</p>
                <p>{people(p.petitioners.names(), p.backers, t)} " · " {p.address.clone()}</p>
            </details>
        }
    });
    let reclassified = e.is_reclassified().then(|| {
        view! { <p class="hint">{(t.village_classified)(&p.field, crate::i18n::VI.kind(p.kind))}</p> }
    });
    let mut dept_options = setup.departments.clone();
    if let Some(d) = &e.office.department {
        if !dept_options.contains(d) {
            dept_options.push(d.clone());
        }
    }
    view! {
        <section class="card detail no-print" aria-labelledby="detail-title">
            <h2 id="detail-title">{format!("{} — {}", t.petition, village)}</h2>
            <p class="pre content">{e.content().to_string()}</p>
            {converted}
            <dl class="facts">
                <dt>{t.petitioners}</dt>
                <dd>
                    {people(e.names(), p.backers, t)}
                    {p.confidential.then(|| view! { " " <span class="badge secret">{t.confidential}</span> })}
                </dd>
                <dt>{t.address}</dt><dd>{e.address().to_string()}</dd>
                <dt>{t.phone}</dt><dd>{p.phone.clone()}</dd>
                <dt>{t.backers_label}</dt><dd>{p.backers}</dd>
                <dt>{t.received}</dt><dd>{format_date(vietnam_date(p.created_at))}</dd>
            </dl>
            {conflict}
            {legacy_view}
            <h3>{t.classify}</h3>
            {reclassified}
            <div class="form">
                <SelectField label=t.field.to_string() options=Signal::stored(field_options) selected=field on_change=Callback::new(move |v| field.set(v)) />
                <PairSelect
                    label=t.kind
                    options=Signal::stored(Kind::ALL.iter().map(|k| (k.code().to_string(), crate::i18n::VI.kind(*k).to_string())).collect::<Vec<_>>())
                    selected=kind
                    on_change=Callback::new(move |v| kind.set(v))
                />
            </div>
            {law}
            <h3>{t.assign}</h3>
            {group.map(|(title, dept)| view! {
                <p class="hint">{(t.in_group)(&title, dept.as_deref().unwrap_or(t.not_assigned))}</p>
            })}
            <div class="form">
                <SelectField label=t.department.to_string() options=Signal::stored(dept_options) selected=department on_change=Callback::new(move |v| department.set(v)) first=t.none />
                <TextField label=t.official.to_string() value=official on_input=Callback::new(move |v| official.set(v)) />
                <div class="actions wide"><button type="button" class="primary" on:click=save>{t.save_assignment}</button></div>
            </div>
            {join_view}
            <button type="button" on:click=move |_| app.open.set(None)>{t.close_detail}</button>
        </section>
    }
    .into_any()
}
