//! The report as an Excel workbook (.xlsx), one sheet per table, made with
//! rust_xlsxwriter in the browser. Every text is written as a string cell, never as a
//! formula, whatever it starts with; counts are numbers and dates are dates (shown
//! dd/mm/yyyy), so the office can sort and sum them.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::document::{subject, tables, Cell, Table};
use super::{Report, ReportError};

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    // Excel's dates start in 1900; the report's are this century's.
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

struct Formats {
    header: Format,
    text: Format,
    wrapped: Format,
    number: Format,
    date: Format,
    total_text: Format,
    total_number: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Self {
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#D9D9D9"),
            text: cell.clone(),
            wrapped: cell.clone().set_text_wrap(),
            number: cell.clone().set_num_format("#,##0"),
            date: cell
                .clone()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            total_text: cell.clone().set_bold(),
            total_number: cell.set_bold().set_num_format("#,##0"),
        }
    }
}

/// Columns wide enough for a paragraph wrap their text.
const WRAP_FROM: u16 = 25;

fn write_table(ws: &mut Worksheet, t: &Table, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(t.id.sheet())?;
    for (col, (h, w)) in t.header.iter().zip(t.id.widths()).enumerate() {
        let col = col as u16;
        ws.set_column_width(col, f64::from(*w))?;
        ws.write_string_with_format(0, col, *h, &f.header)?;
    }
    let last = t.rows.len();
    for (i, row) in t.all_rows().enumerate() {
        let r = (i + 1) as u32;
        let total = i >= last;
        for (col, c) in row.iter().enumerate() {
            let wide = t.id.widths().get(col).is_some_and(|w| *w >= WRAP_FROM);
            let col = col as u16;
            match c {
                Cell::Text(s) => {
                    let format = if total {
                        &f.total_text
                    } else if wide {
                        &f.wrapped
                    } else {
                        &f.text
                    };
                    // A string cell: "=1+1" stays the text "=1+1".
                    ws.write_string_with_format(r, col, s.as_str(), format)?;
                }
                Cell::Number(n) => {
                    let format = if total { &f.total_number } else { &f.number };
                    // Counts and days fit f64 exactly (below 2^53).
                    ws.write_number_with_format(r, col, *n as f64, format)?;
                }
                Cell::Date(d) => {
                    ws.write_datetime_with_format(r, col, excel_date(*d)?, &f.date)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if !t.rows.is_empty() && t.id != super::document::TableId::Facts {
        let last_col = (t.header.len() - 1) as u16;
        ws.autofilter(0, 0, last as u32, last_col)?;
    }
    Ok(())
}

fn workbook(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = excel_date(r.date)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(subject(r))
            .set_company(r.authority.join(" "))
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    for t in tables(r) {
        let ws = wb.add_worksheet();
        write_table(ws, &t, &formats)?;
    }
    wb.save_to_buffer()
}

/// The workbook's bytes.
pub fn report_xlsx(r: &Report) -> Result<Vec<u8>, ReportError> {
    workbook(r).map_err(|e| ReportError::Spreadsheet(e.to_string()))
}
