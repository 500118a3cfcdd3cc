//! The report to the level above (báo cáo kết quả đối thoại): its recipient, date and
//! narrative sections typed by the office; the figures, tables and charts made from the
//! data; printed on A4 in the official layout or saved as .docx, .xlsx and .csv.

use leptos::prelude::*;

use super::document::{print_page, OfficialDocument};
use super::session_state::Changed;
use super::state::OfficeState;
use crate::domain::official::DocType;
use crate::domain::report::document::{blocks, signature, subject, table, Block};
use crate::domain::report::{build, charts, csv, docx, xlsx, Report, ReportDraft, Section};
use crate::domain::time::vietnam_date;
use crate::ui::browser;
use crate::ui::components::{ErrorText, TextField};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv;charset=utf-8";

fn report_now(app: OfficeState) -> Option<Report> {
    let setup = app.setup.get()?;
    let today = vietnam_date(browser::now());
    let report = app.register.with(|r| {
        app.session
            .with(|s| app.items.with(|i| build(&setup, r, s, i, &s.report, today)))
    });
    Some(match app.previous_figures(setup.dialogue.kind, today) {
        Some(previous) => report.compared_with(previous),
        None => report,
    })
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let app = expect_context::<OfficeState>();
    let t = app.session_texts();
    let draft = RwSignal::new(
        app.session
            .with_untracked(|s| ReportDraft::from_settings(&s.report)),
    );
    let error = RwSignal::new(None::<String>);
    let report = Memo::new(move |_| report_now(app));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = app
            .session
            .with_untracked(|s| draft.with_untracked(|d| d.read(&s.report)));
        match read {
            Ok(settings) => {
                error.set(None);
                app.session_act(t.report_saved, move |s, _, _| {
                    s.report = settings;
                    Ok(Changed::default())
                });
            }
            Err(e) => error.set(Some(t.report_form_error(&e).to_string())),
        }
    };
    // The report takes its number from the year's register the first time it leaves the
    // office (printed or saved as a file).
    let numbered = move || {
        if app.session.with_untracked(|s| s.report.number.is_some()) {
            return;
        }
        let date = app
            .session
            .with_untracked(|s| s.report.date)
            .unwrap_or_else(|| vietnam_date(browser::now()));
        app.session_act("", move |s, _, docs| {
            let n = docs.next(DocType::Report, date, "UBND");
            s.report.number = Some(n.number);
            s.report.year = Some(n.year);
            Ok(Changed {
                items: Vec::new(),
                documents: true,
                ..Changed::default()
            })
        });
    };
    let file_name = move |ext: &str| {
        let slug = app.setup.with_untracked(|s| {
            s.as_ref()
                .map(|s| crate::domain::text::slug(&s.commune))
                .unwrap_or_default()
        });
        let year = report.with_untracked(|r| r.as_ref().map(|r| r.year).unwrap_or_default());
        format!("bao-cao-doi-thoai_{slug}_{year}.{ext}")
    };
    let save_file = move |ext: &'static str| {
        numbered();
        let Some(r) = report_now(app) else {
            return;
        };
        let result = match ext {
            "docx" => docx::report_docx(&r).map(|b| (b, DOCX)),
            "xlsx" => xlsx::report_xlsx(&r).map(|b| (b, XLSX)),
            _ => Ok((csv::report_csv(&r).into_bytes(), CSV)),
        };
        match result {
            Ok((bytes, mime)) => {
                if browser::download_bytes(&file_name(ext), &bytes, mime).is_err() {
                    app.fail(app.texts().download_failed);
                }
            }
            Err(e) => app.fail((t.report_export_failed)(&e.to_string())),
        }
    };
    let print = move |_| {
        numbered();
        request_animation_frame(print_page);
    };
    let sections = move || {
        (0..draft.with(|d| d.narrative.len()))
            .map(|i| {
                let heading = Signal::derive(move || {
                    draft.with(|d| d.narrative.get(i).map(|s| s.heading.clone()).unwrap_or_default())
                });
                let text = Signal::derive(move || {
                    draft.with(|d| d.narrative.get(i).map(|s| s.text.clone()).unwrap_or_default())
                });
                let set_heading = Callback::new(move |v| {
                    draft.update(|d| {
                        if let Some(s) = d.narrative.get_mut(i) {
                            s.heading = v;
                        }
                    })
                });
                let set_text = Callback::new(move |v| {
                    draft.update(|d| {
                        if let Some(s) = d.narrative.get_mut(i) {
                            s.text = v;
                        }
                    })
                });
                view! {
                    <TextField label=(t.section_heading)(i + 1) value=heading on_input=set_heading wide=true />
                    <TextField label=(t.section_text)(i + 1) value=text on_input=set_text rows=4 wide=true />
                }
            })
            .collect_view()
    };
    let document = move || {
        let r = report.get()?;
        let setup = app.setup.get()?;
        let (role, name) = signature(&r);
        let parts = blocks(&r)
            .into_iter()
            .map(|b| match b {
                Block::Heading(h) => view! { <p class="doc-section">{h}</p> }.into_any(),
                Block::Subheading(h) => view! { <p class="doc-sub">{h}</p> }.into_any(),
                Block::Paragraph(p) => view! { <p>{p}</p> }.into_any(),
                Block::Table(id) => {
                    let tb = table(&r, id);
                    view! {
                        <table class="doc-table">
                            <caption>{tb.title}</caption>
                            <thead><tr>{tb.header.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {tb.all_rows().map(|row| view! {
                                    <tr>{row.iter().map(|c| view! { <td>{c.display()}</td> }).collect_view()}</tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                }
                // The SVG is made by the app, with every text escaped.
                Block::Chart(id) => view! { <figure class="doc-chart" inner_html=charts::chart(&r, id)></figure> }.into_any(),
            })
            .collect_view();
        Some(view! {
            <OfficialDocument
                setup
                number=r.number.clone()
                date=Some(r.date)
                heading=t.report_heading
                subject=subject(&r)
                body=String::new()
                recipients=Some(r.recipients.join("\n"))
                signatures=vec![(role, name)]
            >
                {parts}
            </OfficialDocument>
        })
    };
    view! {
        <section class="card no-print" aria-labelledby="report-title">
            <h1 id="report-title">{t.report_title}</h1>
            <p>{t.report_intro}</p>
            <form class="form" on:submit=save novalidate>
                <TextField
                    label=t.report_recipient.to_string()
                    value=Signal::derive(move || draft.with(|d| d.recipient.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.recipient = v))
                    rows=2
                    hint=t.report_recipient_hint
                    wide=true
                />
                <TextField
                    label=t.report_date.to_string()
                    value=Signal::derive(move || draft.with(|d| d.date.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.date = v))
                    hint=t.date_hint
                />
                {sections}
                <div class="actions wide">
                    <button type="button" on:click=move |_| draft.update(|d| d.narrative.push(Section::default()))>{t.add_section}</button>
                </div>
                <ErrorText message=error />
                <div class="actions wide">
                    <button type="submit" class="primary">{t.save_report}</button>
                    <button type="button" on:click=print>{t.print_report}</button>
                    <button type="button" on:click=move |_| save_file("docx")>{t.save_docx}</button>
                    <button type="button" on:click=move |_| save_file("xlsx")>{t.save_xlsx}</button>
                    <button type="button" on:click=move |_| save_file("csv")>{t.save_csv}</button>
                </div>
            </form>
        </section>
        {document}
    }
}
