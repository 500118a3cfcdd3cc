//! Small reused pieces of the pages: labelled fields and messages. They take type-erased
//! `Signal`s and `Callback`s so that each is compiled once, which keeps the tablet's
//! download small, and so that every control gets its visible label as accessible name.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::text::{limit, needs_scrub};
use crate::i18n::Texts;

/// A unique element id for `aria-describedby` links.
fn next_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A labelled one-line input (or a text area with `rows`). `on_commit` fires when the
/// user leaves a changed box.
///
/// The box takes at most `max` characters (`text::limit::LINE` for a line, `LONG` for a
/// text area unless said): the browser stops typing and cuts a paste there, at once, so
/// no text of a million characters ever reaches the page's layout or the app (pasted
/// whole, one froze a tablet for minutes). Near the limit the count is shown; a paste that
/// was cut says so.
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
    #[prop(optional)] max: Option<usize>,
) -> impl IntoView {
    let max = max.unwrap_or(if rows.is_some() {
        limit::LONG
    } else {
        limit::LINE
    });
    let t = texts();
    let hint_id = hint.map(|_| next_id("hint"));
    let count_id = next_id("count");
    let described = hint_id
        .clone()
        .map_or(count_id.clone(), |h| format!("{h} {count_id}"));
    let id = id.map_or_else(|| next_id("field"), str::to_string);
    let for_id = id.clone();
    // What is said of a paste that was cut, until the person types on (signals of types
    // the app has already: each new one costs the tablet's download).
    let cut = RwSignal::new(String::new());
    let pasted = RwSignal::new(false);
    let input = move |ev: leptos::ev::Event| {
        if pasted.get_untracked() {
            pasted.set(false);
        } else {
            cut.set(String::new());
        }
        on_input.run(event_target_value(&ev));
    };
    let paste = move |ev: leptos::ev::ClipboardEvent| {
        let length = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text").ok())
            .map_or(0, |text| text.encode_utf16().count());
        // What the box keeps of it: its room once the selection the paste replaces is gone.
        let target = ev.target().map(JsValue::from).unwrap_or_default();
        let at = |key: &str| {
            js_sys::Reflect::get(&target, &key.into())
                .ok()
                .and_then(|v| v.as_f64())
                .map_or(0, |v| v as usize)
        };
        let kept_now = value
            .with_untracked(|v| v.encode_utf16().count())
            .saturating_sub(at("selectionEnd").saturating_sub(at("selectionStart")));
        let room = max.saturating_sub(kept_now);
        pasted.set(true);
        cut.set(if length > room {
            (t.paste_cut)(length, max, room)
        } else {
            String::new()
        });
    };
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
                maxlength=max
                aria-describedby=described
                prop:value=value
                on:input=input
                on:paste=paste
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
                maxlength=max
                aria-describedby=described
                prop:value=value
                on:input=input
                on:paste=paste
                on:change=change
            />
        }),
    };
    // One line under the box: a paste cut short says so (in red) until the person types on;
    // then invisible characters pasted in, which saving drops (`text::clean`); otherwise
    // the count, from nine tenths of the limit (before, it is noise).
    let note = move || {
        let n = value.with(|v| v.encode_utf16().count());
        match cut.get() {
            said if !said.is_empty() => said,
            _ if value.with(|v| needs_scrub(v)) => t.hidden_characters.to_string(),
            _ if n * 10 >= max * 9 => (t.typed_of)(n, max),
            _ => String::new(),
        }
    };
    // The label names the control through `for`, and wraps neither the control nor the
    // hint: wrapped, the typed value and the hint would become part of its accessible name.
    view! {
        <div class="field" class:wide=wide>
            <label for=for_id>{label}</label>
            {control}
            {hint.map(|h| view! { <small id=hint_id class="hint">{h}</small> })}
            <small id=count_id class="typed" class:error=move || cut.with(|c| !c.is_empty()) || value.with(|v| needs_scrub(v)) aria-live="polite">
                {note}
            </small>
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

/// The catalogue the boxes' own words (their count, a paste cut short) come from: the
/// tablet's language, or the office's Vietnamese. Read when a box is made: the pages are
/// made again when the tablet's language changes.
fn texts() -> &'static Texts {
    use_context::<crate::ui::state::AppState>().map_or(&crate::i18n::VI, |app| app.texts())
}

/// Clears the app's message line. Provided by each app, so that a form's refusal replaces
/// what the line said before: a green "saved" from an earlier action left beside a later
/// red refusal reads as if both were true.
#[derive(Clone, Copy)]
pub struct ClearNotice(pub Callback<()>);

/// The texts of a form found typed in a legacy encoding (TCVN3, VNI: copied from an old
/// Word file, or typed with an old keyboard setting), each on a line as it will read once
/// converted ("Người nêu: Nguyễn Văn An"), and one button that converts them all. Nothing
/// is replaced before the person has seen it and clicked.
#[component]
pub fn LegacyOffer(#[prop(into)] found: Signal<String>, on_convert: Callback<()>) -> impl IntoView {
    let t = texts();
    move || {
        let found = found.get();
        (!found.is_empty()).then(|| {
            view! {
                <div class="warning wide legacy" role="group">
                    <p>{t.legacy_found}</p>
                    <p class="pre">{found}</p>
                    <button type="button" on:click=move |_| on_convert.run(())>{t.legacy_convert}</button>
                </div>
            }
        })
    }
}

/// An error message read out as soon as it appears; it replaces the message line's.
#[component]
pub fn ErrorText(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    if let Some(ClearNotice(clear)) = use_context::<ClearNotice>() {
        Effect::new(move |_| {
            if message.with(Option::is_some) {
                clear.run(());
            }
        });
    }
    move || {
        message
            .get()
            .map(|m| view! { <p class="error wide" role="alert">{m}</p> })
    }
}
