//! The report as a Word document (.docx) in the layout of Nghị định 30/2020/NĐ-CP,
//! Appendix I, made with docx-rs in the browser and editable in Word and LibreOffice: A4
//! portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman 14 pt;
//! the issuer and its number left and the national name, motto and place-and-date right,
//! in a borderless two-column table; the title and subject; the body with its tables;
//! recipients and the signature; page numbers centred at the top from page 2.
//!
//! The charts are not in it: Word would need a picture of each, and the tables beside
//! them carry the same figures. The printed view (the UI) shows both.

use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Table, TableCell, TableCellMargins, TableRow, VAlignType, WidthType,
};

use super::document::{
    blocks, recipient_lines, signature, subject, table, Block, Cell, Table as ReportTable, TableId,
    HEADING, RECIPIENTS,
};
use super::{Report, ReportError};
use crate::domain::official::{MOTTO, NATIONAL_NAME};
use crate::domain::time::format_iso_date;

pub const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point (twips).
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
const MM: f64 = 56.692_913;
const fn mm(v: u32) -> i32 {
    // 1 mm = 1440 / 25.4 twips; rounded.
    ((v as f64) * MM + 0.5) as i32
}
const TOP: i32 = mm(20);
const BOTTOM: i32 = mm(20);
const LEFT: i32 = mm(30);
const RIGHT: i32 = mm(15);
/// The width between the margins, in twips.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - LEFT as usize - RIGHT as usize;
/// Sizes in half-points.
/// Sizes in half-points, as the printed page has them (style/office.css): the text 13 pt,
/// the document's name 14 pt.
const BODY: usize = 26;
const TITLE: usize = 28;
const SMALL: usize = 26;
const NATION: usize = 24;
const CELL: usize = 24;
const RECIPIENT_LIST: usize = 22;

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A run of text; line breaks inside become breaks, not lost spaces.
fn run(text: &str, size: usize) -> Run {
    let mut r = Run::new().fonts(fonts()).size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn centred(text: &str, size: usize, bold: bool) -> Paragraph {
    let r = run(text, size);
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
        .add_run(if bold { r.bold() } else { r })
}

/// A short centred line under a heading, as the decree draws one: an empty paragraph
/// with a top border, indented to the line's length.
fn rule(cell_width: usize, length: usize) -> Paragraph {
    let side = (cell_width.saturating_sub(length) / 2) as i32;
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            spacing(80, 60)
                .line(120)
                .line_rule(docx_rs::LineSpacingType::Exact),
        )
        .size(4);
    // Only the top: docx-rs's `set_border` starts from a box on all four sides.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6)
                .color("000000"),
        ),
    );
    p
}

fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// The head: issuer and number left, national name, motto and place-date right.
fn head(r: &Report) -> Table {
    let left = 3_700;
    let right = TEXT_WIDTH - left;
    let issuer = cell(
        left,
        vec![
            centred(&r.authority[0], SMALL, true),
            centred(&r.authority[1], SMALL, true),
            rule(left, 1_200),
            centred(&r.number, SMALL, false),
        ],
    );
    let date = Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
        .add_run(run(&r.place_date, BODY).italic());
    let nation = cell(
        right,
        vec![
            centred(NATIONAL_NAME, NATION, true),
            centred(MOTTO, SMALL, true),
            rule(right, 3_300),
            date,
        ],
    );
    Table::without_borders(vec![TableRow::new(vec![issuer, nation])])
        .set_grid(vec![left, right])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

fn body_paragraph(text: &str, bold: bool) -> Paragraph {
    let r = run(text, BODY);
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(spacing(0, 120).line(288))
        .add_run(if bold { r.bold() } else { r })
}

/// Column widths in twips: the workbook's proportions would leave "STT" and a date
/// too narrow for 12 pt, so the page has its own. The last column takes what is left.
fn widths(t: &ReportTable) -> Vec<usize> {
    let fixed: &[usize] = match t.id {
        TableId::Facts => &[5_000],
        TableId::ByVillage | TableId::ByField | TableId::ByKind => &[800, 6_055],
        TableId::Outcomes => &[800, 4_355, 1_400, 1_400],
        TableId::Forwarded => &[700, 2_800, 1_000, 1_700, 1_300],
        TableId::Open => &[700, 2_400, 1_000, 1_600, 1_300, 900],
        TableId::Comparison => &[6_155, 1_600],
    };
    let used: usize = fixed.iter().sum();
    let mut out = fixed.to_vec();
    out.push(TEXT_WIDTH.saturating_sub(used));
    out
}

fn table_cell(c: &Cell, width: usize, bold: bool) -> TableCell {
    let align = match c {
        Cell::Text(_) => AlignmentType::Left,
        Cell::Number(_) | Cell::Date(_) => AlignmentType::Center,
    };
    let r = run(&c.display(), CELL);
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top)
        .add_paragraph(
            Paragraph::new()
                .align(align)
                .line_spacing(spacing(40, 40))
                .add_run(if bold { r.bold() } else { r }),
        )
}

fn add_data_table(doc: Docx, t: &ReportTable) -> Docx {
    let w = widths(t);
    let header = TableRow::new(
        t.header
            .iter()
            .zip(&w)
            .map(|(h, width)| {
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .line_spacing(spacing(40, 40))
                            .add_run(run(h, CELL).bold()),
                    )
            })
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    let last = t.rows.len();
    for (i, row) in t.all_rows().enumerate() {
        rows.push(
            TableRow::new(
                row.iter()
                    .zip(&w)
                    .map(|(c, width)| table_cell(c, *width, i >= last))
                    .collect(),
            )
            .cant_split(),
        );
    }
    let title = Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(true)
        .line_spacing(spacing(120, 60))
        .add_run(run(t.title, BODY).bold().italic());
    let table = Table::new(rows)
        .set_grid(w)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 80, 0, 80));
    doc.add_paragraph(title)
        .add_table(table)
        // Word joins two tables that touch; a small paragraph keeps them apart.
        .add_paragraph(Paragraph::new().line_spacing(spacing(0, 60)))
}

/// Recipients left, the signature right.
fn foot(r: &Report) -> Table {
    let left = 4_200;
    let right = TEXT_WIDTH - left;
    let mut recipients = vec![Paragraph::new()
        .line_spacing(spacing(0, 0))
        .add_run(run(RECIPIENTS, NATION).bold().italic())];
    for line in recipient_lines(r) {
        recipients.push(
            Paragraph::new()
                .line_spacing(spacing(0, 0))
                .add_run(run(&line, RECIPIENT_LIST)),
        );
    }
    let (role, name) = signature(r);
    let mut sign: Vec<Paragraph> = role.lines().map(|l| centred(l, BODY, true)).collect();
    // Room for the signature and the seal.
    for _ in 0..4 {
        sign.push(centred("", BODY, false));
    }
    sign.push(centred(&name, BODY, true));
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, recipients),
        cell(right, sign),
    ])
    .cant_split()])
    .set_grid(vec![left, right])
    .width(TEXT_WIDTH, WidthType::Dxa)
    .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

fn document(r: &Report) -> Docx {
    let page_number = Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new())
            .fonts(fonts())
            .size(BODY),
    );
    let when = format!("{}T00:00:00Z", format_iso_date(r.date));
    let mut doc = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(TOP)
                .bottom(BOTTOM)
                .left(LEFT)
                .right(RIGHT)
                .header(mm(10))
                .footer(mm(10)),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .created_at(&when)
        .updated_at(&when)
        .header(page_number)
        // The first page carries no number.
        .first_header(Header::new())
        .add_table(head(r))
        .add_paragraph(centred(HEADING, TITLE, true).line_spacing(spacing(360, 0)))
        .add_paragraph(centred(&subject(r), BODY, true))
        .add_paragraph(rule(TEXT_WIDTH, 2_000));
    let blocks = blocks(r);
    let last = blocks.len().saturating_sub(1);
    for (i, b) in blocks.into_iter().enumerate() {
        match b {
            Block::Heading(t) | Block::Subheading(t) => {
                doc = doc.add_paragraph(body_paragraph(&t, true).keep_next(true));
            }
            // The body's last paragraph goes over with the signature, whole: the
            // signature block never stands alone on a page (as in print).
            Block::Paragraph(t) if i == last => {
                doc = doc.add_paragraph(body_paragraph(&t, false).keep_next(true).keep_lines(true));
            }
            Block::Paragraph(t) => doc = doc.add_paragraph(body_paragraph(&t, false)),
            Block::Table(id) => doc = add_data_table(doc, &table(r, id)),
            Block::Chart(_) => {}
        }
    }
    doc.add_paragraph(
        Paragraph::new()
            .line_spacing(spacing(0, 120))
            .keep_next(true),
    )
    .add_table(foot(r))
}

/// The Word document's bytes.
pub fn report_docx(r: &Report) -> Result<Vec<u8>, ReportError> {
    let mut out = std::io::Cursor::new(Vec::new());
    document(r)
        .pack(&mut out)
        .map_err(|e| ReportError::Document(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_margins_are_the_decrees() {
        assert_eq!(TOP, 1134);
        assert_eq!(LEFT, 1701);
        assert_eq!(RIGHT, 850);
        assert_eq!(TEXT_WIDTH, 9355);
    }

    #[test]
    fn every_table_has_a_width_per_column_and_fills_the_text_width() {
        let r = crate::domain::report::build(
            &Default::default(),
            &Default::default(),
            &Default::default(),
            &[],
            &Default::default(),
            chrono::NaiveDate::from_ymd_opt(2026, 10, 8).unwrap(),
        );
        for id in TableId::ALL {
            let t = table(&r, id);
            let w = widths(&t);
            assert_eq!(w.len(), t.header.len(), "{id:?}");
            assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH, "{id:?}");
            assert!(w.iter().all(|w| *w >= 600), "{id:?}");
        }
    }
}
