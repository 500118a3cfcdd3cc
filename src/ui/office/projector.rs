//! The projector view for the hall, in large type: the current question, its villages and
//! field, and its outcome once recorded (whatever it is). It shows a [`Projection`], which carries
//! no one's name. Opened in its own window, it follows the secretary's window through a
//! BroadcastChannel; opened in the same window, it follows the state directly.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{OfficeState, PROJECTOR_CHANNEL};
use crate::domain::json;
use crate::domain::office::denunciation;
use crate::domain::session::Projection;

#[component]
pub fn ProjectorPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let shown = RwSignal::new(Projection::default());
    // This window's own state: right at once, and after each change made here.
    Effect::new(move || {
        let p = app.session.with(|s| {
            app.items
                .with(|i| app.register.with(|r| denunciation::projection(s, i, r)))
        });
        shown.set(p);
    });
    // Another window's changes.
    if let Ok(channel) = web_sys::BroadcastChannel::new(PROJECTOR_CHANNEL) {
        let listener =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let Some(p) = ev
                    .data()
                    .as_string()
                    .and_then(|text| json::from_text_fast::<Projection>(&text).ok())
                {
                    shown.set(p);
                }
            });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        let held = StoredValue::new_local((channel, listener));
        on_cleanup(move || held.with_value(|(c, _)| c.close()));
    }
    view! {
        <section class="projector" aria-label=t.projector_label aria-live="polite">
            {move || {
                let p = shown.get();
                if p.finished {
                    view! { <p class="projector-big">{t.projector_finished}</p> }.into_any()
                } else if p.position == 0 {
                    view! { <p class="projector-big">{t.projector_waiting}</p> }.into_any()
                } else {
                    view! {
                        <p class="projector-meta">
                            {(t.projector_position)(p.position, p.total)} " · " {p.field.clone()} " · "
                            {p.villages.join(", ")}
                        </p>
                        <p class="projector-question">{p.text.clone()}</p>
                        {p.outcome.as_ref().map(|o| {
                            let (title, text) = t.projector_outcome(o);
                            view! {
                                <div class="projector-answer">
                                    <p class="projector-meta">{title}</p>
                                    <p>{text}</p>
                                </div>
                            }
                        })}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
