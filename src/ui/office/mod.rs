//! The commune office's app: a second wasm module (src/office_main.rs) over the same
//! library. It defines the dialogue and exports the setup file, imports the villages'
//! bundles, and classifies, groups and assigns their petitions; then it prepares and runs
//! the session (programme, announcement, attendance, the secretary's queue, the
//! projector, the minutes).

mod backup;
mod denunciation;
mod dialogues;
mod document;
mod followup;
mod groups;
mod import;
mod keys;
mod list;
mod live;
mod lock;
mod minutes;
mod prepare;
mod projector;
mod report;
mod session_state;
mod setup;
mod state;

use leptos::prelude::*;

use state::{OfficeState, Page};

use crate::storage::indexed::IdbStore;
use crate::storage::migrate::Migration;

pub fn mount() {
    // A panic would only show as "unreachable": say where it happened, for whoever helps
    // the office (the office's module has no download budget to keep).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    // Leptos's own executor starts with the mount, which waits for the database.
    wasm_bindgen_futures::spawn_local(async {
        match IdbStore::open(state::DATABASE, crate::storage::office::ARCHIVE_PREFIX).await {
            Ok(store) => {
                // The stored format brought up to date before anything reads it.
                let migrated = store.migrate().await;
                leptos::mount::mount_to_body(move || view! { <OfficeApp store migrated /> })
            }
            Err(_) => leptos::mount::mount_to_body(|| {
                view! { <p class="banner error" role="alert">{state::no_database()}</p> }
            }),
        }
    });
}

fn current_page() -> Page {
    Page::from_hash(&window().location().hash().unwrap_or_default()).unwrap_or(Page::List)
}

#[component]
fn OfficeApp(store: IdbStore, migrated: Migration) -> impl IntoView {
    let app = OfficeState::new(store, current_page());
    app.tell_migration(&migrated);
    app.follow_other_tabs();
    provide_context(app);
    provide_context(crate::ui::components::ClearNotice(Callback::new(
        move |()| app.notice.set(None),
    )));
    let t = app.texts();
    let st = app.session_texts();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        app.page.set(current_page());
    });
    on_cleanup(move || handle.remove());
    document().set_title(t.app_name);

    let tab = move |page: Page, label: &'static str| {
        view! {
            <a
                href=page.hash()
                class="tab"
                aria-current=move || (app.page.get() == page).then_some("page")
            >
                {label}
            </a>
        }
        .into_any()
    };
    let phase = |id: &'static str, name: &'static str, tabs: Vec<AnyView>| {
        view! {
            <div class="phase" role="group" aria-labelledby=id>
                <span class="phase-name" id=id>{name}</span>
                {tabs}
            </div>
        }
    };
    let who = move || {
        app.setup
            .with(|s| s.as_ref().map(|s| format!("{} · {}", t.office, s.commune)))
            .unwrap_or_else(|| t.office.to_string())
    };
    view! {
        {move || {
            let n = app.broken.get();
            (n > 0)
                .then(|| {
                    view! {
                        <p class="banner error" role="alert">
                            {(t.broken)(n)}
                            " "
                            <a href=Page::Backup.hash()>"Xem và tải các mục hỏng"</a>
                        </p>
                    }
                })
        }}
        <header class="top office-top" hidden=move || app.page.get() == Page::Projector>
            <div class="bar">
                <div class="brand">
                    <span class="app-name">{t.app_name}</span>
                    <span class="who">{who}</span>
                </div>
                // The pages in the order of the work, grouped by its phases.
                <nav aria-label=t.nav_label>
                    {phase("phase-before", t.phase_before, vec![
                        tab(Page::Setup, t.nav_setup),
                        tab(Page::Import, t.nav_import),
                        tab(Page::List, t.nav_list),
                        tab(Page::Groups, t.nav_groups),
                        tab(Page::Departments, t.nav_departments),
                        tab(Page::Prepare, st.nav_prepare),
                    ])}
                    {phase("phase-session", t.phase_session, vec![
                        tab(Page::Attendance, st.nav_attendance),
                        tab(Page::Session, st.nav_session),
                        tab(Page::Minutes, st.nav_minutes),
                    ])}
                    {phase("phase-after", t.phase_after, vec![
                        tab(Page::FollowUp, st.nav_follow),
                        tab(Page::Report, st.nav_report),
                    ])}
                    <div class="phase tools">
                        {tab(Page::Dialogues, app.dialogue_texts().nav)}
                        {tab(Page::Backup, t.nav_backup)}
                    </div>
                </nav>
            </div>
        </header>
        <dialogues::ViewingBanner />
        <main id="main" class="office">
            {move || {
                // A page's forms start from the dialogue shown: switching dialogues
                // makes each page afresh.
                app.viewing.track();
                match app.page.get() {
                Page::Dialogues => dialogues::DialoguesPage().into_any(),
                Page::Setup => setup::SetupPage().into_any(),
                Page::Import => import::ImportPage().into_any(),
                Page::List => list::ListPage().into_any(),
                Page::Groups => groups::GroupsPage().into_any(),
                Page::Departments => groups::DepartmentsPage().into_any(),
                Page::Prepare => prepare::PreparePage().into_any(),
                Page::Attendance => prepare::AttendancePage().into_any(),
                Page::Session => live::SessionPage().into_any(),
                Page::Projector => projector::ProjectorPage().into_any(),
                Page::Minutes => minutes::MinutesPage().into_any(),
                Page::FollowUp => followup::FollowUpPage().into_any(),
                Page::Report => report::ReportPage().into_any(),
                Page::Backup => backup::BackupPage().into_any(),
                }
            }}
        </main>
        <div class="notice-area office-notice" role="status" aria-live="polite">
            {move || {
                app.notice
                    .get()
                    .map(|n| {
                        let (class, role) = if n.error {
                            ("notice error", Some("alert"))
                        } else {
                            ("notice", None)
                        };
                        // Storage full: the backup, one click beside the message.
                        let backup = n.backup.then(|| view! { <backup::BackupButton /> });
                        view! {
                            <div class=class role=role>
                                <span>{n.text}</span>
                                {backup}
                                <button
                                    type="button"
                                    class="close"
                                    aria-label=t.close
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
