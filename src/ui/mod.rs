//! The browser UI: a thin Leptos layer that shows [`state::AppState`] and forwards what the
//! user does to its actions. No rule lives here that could live in the domain.

mod browser;
mod components;
pub mod office;
mod pages;
mod state;

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use state::{AppState, Module, NoticeKind, Page};

/// The tablet's daily module (index.html): the petitions, the meeting, the export.
pub fn mount() {
    leptos::mount::mount_to_body(|| app(Module::Daily, || shell(Module::Daily, daily_page)));
}

/// The tablet's module for what it does rarely (cong-cu.html): the first start, settings
/// with the backup and restore, the commune's results taken in.
pub fn mount_tools() {
    leptos::mount::mount_to_body(|| app(Module::Tools, tools_screen));
}

fn daily_page(page: Page) -> impl IntoView {
    match page {
        Page::Meeting => EitherOf3::B(pages::meeting::MeetingPage()),
        Page::Export => EitherOf3::C(pages::export::ExportPage()),
        _ => EitherOf3::A(pages::petitions::PetitionsPage()),
    }
}

/// The first start (no tabs: nothing is set up yet), or a page within the tabs.
fn tools_screen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let welcome = Memo::new(move |_| app.page.get() == Page::Welcome);
    move || {
        if welcome.get() {
            Either::Left(pages::welcome::WelcomePage())
        } else {
            Either::Right(shell(Module::Tools, tools_page))
        }
    }
}

fn tools_page(page: Page) -> impl IntoView {
    match page {
        Page::Results => EitherOf3::A(pages::export::ResultsPage()),
        Page::Rounds => EitherOf3::B(pages::export::RoundsPage()),
        _ => EitherOf3::C(pages::settings::SettingsPage()),
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Opens `page`: within this module by its #fragment, else the other module's page. The
/// other module replaces this page in the history only when asked (a redirect), so the
/// back button never lands on an address that sends it forward again.
pub(crate) fn open(page: Page, here: Module, replace: bool) {
    let href = page.href(here);
    let location = window().location();
    let _ = if replace {
        location.replace(&href)
    } else {
        location.set_href(&href)
    };
}

/// The page of `hash` this module shows, or `None` after sending the browser to the
/// module that shows it. Without a profile the first start is the only page.
fn page_here(hash: &str, here: Module, set_up: bool) -> Option<Page> {
    let page = match Page::from_hash(hash) {
        _ if !set_up => Page::Welcome,
        Page::Welcome => Page::Petitions,
        p => p,
    };
    if page.module() == here {
        Some(page)
    } else {
        open(page, here, true);
        None
    }
}

/// What both modules share around their pages (`screen`): the state, the routing, the
/// banner and the notice line.
fn app<V: IntoView + 'static>(here: Module, screen: fn() -> V) -> impl IntoView {
    // The stored format brought up to date before anything reads it (storage::migrate).
    let migrated = crate::storage::migrate::village(&crate::storage::local::BrowserStore);
    let app = AppState::load();
    provide_context(app);
    provide_context(crate::ui::components::ClearNotice(Callback::new(
        move |()| app.notice.set(None),
    )));
    if let Some(text) = app.texts().migration_notice(&migrated) {
        if migrated.failed() {
            app.error(text);
        } else {
            app.info(text);
        }
    }
    // The page shown; a page of the other module sends the browser there (and this
    // module shows nothing meanwhile).
    let routed = move || page_here(&current_hash(), here, app.profile.with(Option::is_some));
    let first = routed();
    if first.is_none() {
        app.carry_to_next_page();
    }
    app.page.set(first.unwrap_or(Page::Petitions));
    let shown = RwSignal::new(first.is_some());

    // The back button and links move between pages through the address's #fragment.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| match routed() {
        Some(page) => app.page.set(page),
        None => shown.set(false),
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
        // On every screen, the first start included: a damaged profile leads there, and the
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
            shown.get().then(screen)
        }}
        {move || {
            let _ = lang.get();
            view! { <NoticeBar /> }
        }}
    }
}

fn shell<V: IntoView + 'static>(here: Module, show: fn(Page) -> V) -> impl IntoView {
    let app = expect_context::<AppState>();
    let t = app.texts();
    let who = move || {
        app.profile.with(|p| {
            p.as_ref()
                .map(|p| format!("{} · {}", p.village, p.commune))
                .unwrap_or_default()
        })
    };
    // The round under way: the dialogue the petitions are collected for.
    let round = move || {
        app.profile.with(|p| {
            p.as_ref()
                .and_then(|p| p.dialogue.as_ref())
                .map(|d| d.title.clone())
                .unwrap_or_default()
        })
    };
    let tab = move |page: Page, label: &'static str| {
        view! {
            <a
                href=page.href(here)
                class="tab"
                aria-current=move || (app.page.get().tab() == page).then_some("page")
            >
                {label}
            </a>
        }
    };
    view! {
        <header class="top">
            <div class="brand">
                <span class="app-name">{t.app_name}</span>
                <span class="who">{who}</span>
                <span class="round">{round}</span>
            </div>
            <nav aria-label=t.nav_label>
                {tab(Page::Petitions, t.nav_petitions)}
                {tab(Page::Meeting, t.nav_meeting)}
                {tab(Page::Export, t.nav_export)}
                {tab(Page::Settings, t.nav_settings)}
            </nav>
        </header>
        <main id="main">{move || show(app.page.get())}</main>
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
