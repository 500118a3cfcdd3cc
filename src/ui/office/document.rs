//! An official document on A4 as Nghị định 30/2020/NĐ-CP lays it out: the issuing
//! authority and its number on the left, the national name and motto with the place and
//! date on the right, the title, the body, recipients and signatures. The print style
//! (style/office.css) sets the page, the margins, the font and the page numbers; on screen
//! the same element is the preview.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::office::setup::OfficeSetup;
use crate::domain::official::{commune_authority, place_date_line, MOTTO, NATIONAL_NAME};
use crate::domain::session::minutes::is_heading;
use crate::i18n::session::VI;

/// Opens the browser's print dialog (print to paper or to PDF).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The head of a document: the issuing body and the number on the left, the national
/// name and motto with the place and date on the right.
pub fn doc_head(setup: &OfficeSetup, number: String, place_date: String) -> impl IntoView {
    let [authority, commune] = commune_authority(&setup.commune);
    view! {
        <div class="doc-head">
            // The issuing body's name, both lines in bold (Decree 30/2020, Appendix I).
            <div class="doc-authority">
                <p class="strong">{authority}</p>
                <p class="strong">{commune}</p>
                <hr />
                <p class="doc-number">{number}</p>
            </div>
            <div class="doc-nation">
                <p class="strong">{NATIONAL_NAME}</p>
                <p class="strong motto">{MOTTO}</p>
                <hr />
                <p class="doc-date">{place_date}</p>
            </div>
        </div>
    }
}

#[component]
pub fn OfficialDocument(
    setup: OfficeSetup,
    /// "Số: 03/BB-UBND"
    number: String,
    date: Option<NaiveDate>,
    /// "BIÊN BẢN", "THÔNG BÁO"
    heading: &'static str,
    subject: String,
    /// One paragraph per line; lines like "II. THÀNH PHẦN" are section headings.
    body: String,
    /// One recipient per line.
    #[prop(into)]
    recipients: Option<String>,
    /// (role, possibly on two lines; name)
    signatures: Vec<(String, String)>,
    /// Parts of the body that are more than paragraphs (the report's tables and charts).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let place_date = date
        .map(|d| place_date_line(&setup.commune, d))
        .unwrap_or_default();
    let texts: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    // The body's last two paragraphs are set with the signature block, which then never
    // stands alone on a page: Chromium keeps a block whole ("break-inside: avoid") but
    // does not honour "break-before: avoid". A document with parts of its own (the
    // report) ends on its own paragraphs.
    let kept = if children.is_none() {
        texts.len().min(2)
    } else {
        0
    };
    let (main, end) = texts.split_at(texts.len() - kept);
    let paragraphs = |texts: &[&str]| {
        texts
            .iter()
            .map(|l| {
                if is_heading(l) {
                    view! { <p class="doc-section">{l.to_string()}</p> }.into_any()
                } else {
                    view! { <p>{l.to_string()}</p> }.into_any()
                }
            })
            .collect_view()
    };
    let (main, end) = (paragraphs(main), paragraphs(end));
    let lines = |text: &str| {
        text.lines()
            .map(|l| view! { <span class="line">{l.to_string()}</span> })
            .collect_view()
    };
    view! {
        <article class="document" aria-label=heading>
            {doc_head(&setup, number, place_date)}
            <h2 class="doc-title">{heading}</h2>
            <p class="doc-subject">{subject}</p>
            <hr class="doc-rule" />
            <div class="doc-body">{main} {children.map(|c| c())}</div>
            <div class="doc-end">
            {end}
            // Recipients on the left and the signer on the right; without recipients (the
            // minutes), the signers side by side, the secretary left and the chair right.
            <div class="doc-foot">
                {recipients.map(|r| view! {
                    <div class="doc-recipients">
                        <p class="strong">{VI.recipients}</p>
                        <p class="small">{lines(&r)}</p>
                    </div>
                })}
                {signatures
                    .into_iter()
                    .map(|(role, name)| {
                        view! {
                            <div class="doc-sign">
                                <p class="strong">{lines(&role)}</p>
                                <p class="sign-space"></p>
                                <p class="strong">{name}</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            </div>
        </article>
    }
}
