//! The browser UI: a thin Leptos layer that shows [`state::AppState`] and forwards what the
//! user does to its actions. No rule lives here that could live in the domain.

mod browser;
mod components;
pub mod office;
mod pages;
mod state;

use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use state::{AppState, NoticeKind, Page};

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
fn App() -> impl IntoView {
    let app = AppState::load(Page::from_hash(&current_hash()));
    provide_context(app);

    // The back button and links move between pages through the address's #fragment.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        app.page.set(Page::from_hash(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    // Another tab of the app saved a petition: show it here too, so this tab neither misses
    // it nor overwrites it.
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        let ours = ev.key().is_none_or(|k| {
            crate::storage::Repository::<crate::storage::local::BrowserStore>::is_petition_key(&k)
        });
        if ours {
            app.reload_petitions();
        }
    });
    on_cleanup(move || storage.remove());

    // Language and text size apply to the whole document, for screen readers and zoom.
    Effect::new(move |_| {
        let settings = app.settings.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", &settings.lang);
            let _ = root
                .class_list()
                .toggle_with_force("large-text", settings.large_text);
        }
        document().set_title(app.texts().app_name);
    });

    // Pages read their strings once; a change of language re-mounts them (drafts are
    // stored, so nothing typed is lost).
    let lang = Memo::new(move |_| app.settings.with(|s| s.lang.clone()));
    view! {
        // On every screen, the welcome page included: a damaged profile leads there, and the
        // petitions it left are still stored.
        {move || {
            let count = app.broken_at_start.get();
            (count > 0).then(|| {
                let _ = lang.get();
                view! {
                    <p class="banner error" role="alert">
                        {(app.texts().broken_at_start)(count)}
                    </p>
                }
            })
        }}
        {move || {
            let _ = lang.get();
            if app.profile.with(Option::is_none) {
                Either::Left(pages::welcome::WelcomePage())
            } else {
                Either::Right(view! { <Shell /> })
            }
        }}
        {move || {
            let _ = lang.get();
            view! { <NoticeBar /> }
        }}
    }
}

#[component]
fn Shell() -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let who = move || {
        app.profile.with(|p| {
            p.as_ref()
                .map(|p| format!("{} · {}", p.village, p.commune))
                .unwrap_or_default()
        })
    };
    let tab = move |page: Page, label: fn(&'static crate::i18n::Texts) -> &'static str| {
        view! {
            <a
                href=page.hash()
                class="tab"
                aria-current=move || (app.page.get() == page).then_some("page")
            >
                {label(t)}
            </a>
        }
    };
    view! {
        <header class="top">
            <div class="brand">
                <span class="app-name">{t.app_name}</span>
                <span class="who">{who}</span>
            </div>
            <nav aria-label=t.nav_label>
                {tab(Page::Petitions, |t| t.nav_petitions)}
                {tab(Page::Meeting, |t| t.nav_meeting)}
                {tab(Page::Export, |t| t.nav_export)}
                {tab(Page::Settings, |t| t.nav_settings)}
            </nav>
        </header>
        <main id="main">
            {move || match app.page.get() {
                Page::Petitions => EitherOf4::A(pages::petitions::PetitionsPage()),
                Page::Meeting => EitherOf4::B(pages::meeting::MeetingPage()),
                Page::Export => EitherOf4::C(pages::export::ExportPage()),
                Page::Settings => EitherOf4::D(pages::settings::SettingsPage()),
            }}
        </main>
    }
}

/// The one message line: saved, deleted (with undo), or what went wrong.
#[component]
fn NoticeBar() -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <div class="notice-area" role="status" aria-live="polite">
            {move || {
                app.notice
                    .get()
                    .map(|n| {
                        // A failure is announced at once; a confirmation politely.
                        let (class, role) = match n.kind {
                            NoticeKind::Info => ("notice", None),
                            NoticeKind::Error => ("notice error", Some("alert")),
                        };
                        let undo = n
                            .undo
                            .map(|id| {
                                view! {
                                    <button
                                        type="button"
                                        id="undo"
                                        on:click=move |_| app.undo_delete(&id)
                                    >
                                        {app.texts().undo}
                                    </button>
                                }
                            });
                        // Storage full: the one-click full backup, right in the message.
                        let backup = app
                            .texts()
                            .offers_backup(&n.text)
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        on:click=move |_| pages::backup::download_backup(app)
                                    >
                                        {app.texts().backup().download}
                                    </button>
                                }
                            });
                        view! {
                            <div class=class role=role>
                                <span>{n.text}</span>
                                {undo}
                                {backup}
                                <button
                                    type="button"
                                    class="close"
                                    aria-label=app.texts().close
                                    on:click=move |_| app.notice.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Focuses an element by id after the current render (for keyboard users after a save).
pub(crate) fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
