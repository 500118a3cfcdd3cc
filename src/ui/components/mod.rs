//! Small reused pieces of the pages: labelled fields and messages. They take type-erased
//! `Signal`s and `Callback`s so that each is compiled once, which keeps the tablet's
//! download small, and so that every control gets its visible label as accessible name.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::either::Either;
use leptos::prelude::*;

/// A unique element id for `aria-describedby` links.
fn next_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A labelled one-line input (or a text area with `rows`). `on_commit` fires when the
/// user leaves a changed box.
#[component]
pub fn TextField(
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] on_commit: Option<Callback<()>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let hint_id = hint.map(|_| next_id("hint"));
    let described = hint_id.clone();
    let id = id.map_or_else(|| next_id("field"), str::to_string);
    let for_id = id.clone();
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let change = move |_| {
        if let Some(c) = on_commit {
            c.run(());
        }
    };
    let control = match rows {
        Some(rows) => Either::Left(view! {
            <textarea
                id=id
                rows=rows
                aria-describedby=described
                prop:value=value
                on:input=input
                on:change=change
            ></textarea>
        }),
        None => Either::Right(view! {
            <input
                id=id
                type=input_type
                inputmode=match input_type {
                    "number" => "numeric",
                    "tel" => "tel",
                    _ => "text",
                }
                aria-describedby=described
                prop:value=value
                on:input=input
                on:change=change
            />
        }),
    };
    // The label names the control through `for`, and wraps neither the control nor the
    // hint: wrapped, the typed value and the hint would become part of its accessible name.
    view! {
        <div class="field" class:wide=wide>
            <label for=for_id>{label}</label>
            {control}
            {hint.map(|h| view! { <small id=hint_id class="hint">{h}</small> })}
        </div>
    }
}

/// A labelled one-line field bound to one member of a form's draft: it shows the member
/// and writes back what is typed (the office's forms; the tablet's pages hold their own).
pub fn draft_field<D: Send + Sync + 'static>(
    draft: RwSignal<D>,
    label: &'static str,
    get: fn(&D) -> &String,
    set: fn(&mut D, String),
    hint: Option<&'static str>,
) -> AnyView {
    let value = Signal::derive(move || draft.with(|d| get(d).clone()));
    let on_input = Callback::new(move |v: String| draft.update(|d| set(d, v)));
    match hint {
        Some(hint) => {
            view! { <TextField label=label.to_string() value on_input hint /> }.into_any()
        }
        None => view! { <TextField label=label.to_string() value on_input /> }.into_any(),
    }
}

/// A labelled choice from a list of texts; `first` is an extra first option with an empty
/// value ("all fields").
#[component]
pub fn SelectField(
    label: String,
    #[prop(into)] options: Signal<Vec<String>>,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] first: Option<&'static str>,
) -> impl IntoView {
    let option = move |value: String, text: String| {
        let this = value.clone();
        // `selected` on the option, not `value` on the select: the options are rendered
        // after the select, so a value set first would not stick.
        view! {
            <option value=value prop:selected=move || selected.with(|s| *s == this)>
                {text}
            </option>
        }
    };
    let id = next_id("select");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {first.map(|f| option(String::new(), f.to_string()))}
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|o| option(o.clone(), o))
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// A labelled choice whose options have a value and a shown text (codes and names).
#[component]
pub fn PairSelect(
    label: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] first: Option<&'static str>,
) -> impl IntoView {
    let option = move |value: String, text: String| {
        let this = value.clone();
        view! { <option value=value prop:selected=move || selected.with(|s| *s == this)>{text}</option> }
    };
    let id = next_id("select");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {first.map(|f| option(String::new(), f.to_string()))}
                {move || options.get().into_iter().map(|(v, t)| option(v, t)).collect_view()}
            </select>
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckField(
    label: String,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    let hint_id = hint.map(|_| next_id("hint"));
    let described = hint_id.clone();
    view! {
        <label class="check" class:wide=wide>
            <input
                type="checkbox"
                aria-describedby=described
                prop:checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span>{label}</span>
        </label>
        {hint.map(|h| view! { <small id=hint_id class="hint" class:wide=wide>{h}</small> })}
    }
}

/// An error message read out as soon as it appears.
#[component]
pub fn ErrorText(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <p class="error wide" role="alert">{m}</p> })
    }
}
