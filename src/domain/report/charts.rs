//! The report's charts as SVG text the app makes itself: horizontal bars with a black
//! outline and grey or hatched fills, so they read on a black-and-white printout, each
//! label above its bar (long Vietnamese field names are never cut) and the value at the
//! bar's end. The UI puts the text into the page as it is; every text in it is escaped.
//!
//! Not here: the chart's place in the document (see [`super::document::blocks`]).

use super::Report;

/// The charts the report shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    ByField,
    ByVillage,
    Outcomes,
    /// This dialogue beside the previous one of the same kind.
    Comparison,
}

impl ChartId {
    pub fn title(self) -> &'static str {
        match self {
            ChartId::ByField => "Ý kiến, kiến nghị theo lĩnh vực",
            ChartId::ByVillage => "Ý kiến, kiến nghị theo thôn",
            ChartId::Outcomes => "Kết quả trả lời, giải quyết",
            ChartId::Comparison => "So sánh với cuộc đối thoại trước",
        }
    }
}

/// The legend of the outcomes chart: the part done with, and the part still open.
pub const LEGEND: [&str; 2] = ["Đã xong", "Chưa xong"];

pub const WIDTH: u32 = 640;
const PAD: u32 = 12;
const TITLE_H: u32 = 36;
const ROW_H: u32 = 44;
const LABEL_H: u32 = 18;
const BAR_H: u32 = 18;
/// Room kept right of the longest bar for its value ("1.234"), and for the outcomes'
/// longer one ("12 (chưa xong 3)").
const VALUE_W: u32 = 64;
const STACKED_VALUE_W: u32 = 150;
/// A label longer than this wraps onto the next line (13 px Times fits ~85 on a line).
const LABEL_CHARS: usize = 80;
const FONT: &str = "'Times New Roman', Tinos, serif";

/// The chart for the report.
pub fn chart(r: &Report, id: ChartId) -> String {
    match id {
        // Of a dozen fields most may be empty: the chart shows those raised; the table
        // beside it lists them all.
        ChartId::ByField => {
            let raised: Vec<(String, usize)> =
                r.by_field.iter().filter(|(_, n)| *n > 0).cloned().collect();
            bar_chart(id.title(), &raised)
        }
        ChartId::ByVillage => bar_chart(id.title(), &r.by_village),
        ChartId::Outcomes => {
            let rows: Vec<(String, usize, usize)> = r
                .by_outcome
                .iter()
                .map(|o| (o.label.clone(), o.closed, o.pending()))
                .collect();
            stacked_bar_chart(id.title(), &rows, LEGEND)
        }
        ChartId::Comparison => {
            let years = match &r.previous {
                Some(p) => [format!("Năm {}", p.year), format!("Năm {}", r.figures.year)],
                None => [String::new(), String::new()],
            };
            paired_bar_chart(id.title(), &super::document::comparison_rows(r), &years)
        }
    }
}

/// Two bars per row, side by side: (label, the earlier value, the later value); the
/// earlier grey, the later hatched, each outlined in black, with a legend at the foot
/// (`legend`: the earlier's name, the later's).
pub fn paired_bar_chart(
    title: &str,
    rows: &[(String, usize, usize)],
    legend: &[String; 2],
) -> String {
    const LEGEND_H: u32 = 30;
    const PAIR_GAP: u32 = 2;
    let pair_h = 2 * BAR_H + PAIR_GAP;
    let extra = pair_h - BAR_H;
    let height = TITLE_H
        + rows_height(rows.iter().map(|(l, _, _)| wrap(l).len()))
        + rows.len() as u32 * extra
        + LEGEND_H
        + PAD;
    let max = rows.iter().map(|(_, a, b)| *a.max(b)).max().unwrap_or(0);
    let mut out = open(title, height);
    let mut y = TITLE_H;
    let n = |v: usize| super::document::number(i64::try_from(v).unwrap_or(i64::MAX));
    for (text, before, now) in rows {
        let bar_y = label(&mut out, text, y);
        for (i, (value, fill)) in [(before, "#bdbdbd"), (now, "url(#report-hatch)")]
            .into_iter()
            .enumerate()
        {
            let by = bar_y + i as u32 * (BAR_H + PAIR_GAP);
            let w = scaled(*value, max, VALUE_W);
            out.push_str(&format!(
                r##"<rect class="bar" x="{PAD}" y="{by}" width="{w}" height="{BAR_H}" fill="{fill}" stroke="#000" stroke-width="1"/>"##
            ));
            out.push_str(&format!(
                r#"<text class="value" x="{}" y="{}">{}</text>"#,
                PAD + w + 6,
                by + 14,
                n(*value)
            ));
        }
        y = bar_y + pair_h + ROW_H - LABEL_H - BAR_H;
    }
    let ly = y + 8;
    out.push_str(&format!(
        r##"<rect x="{PAD}" y="{ly}" width="16" height="12" fill="#bdbdbd" stroke="#000"/><text x="{}" y="{}">{}</text>"##,
        PAD + 22,
        ly + 11,
        escape(&legend[0])
    ));
    out.push_str(&format!(
        r##"<rect x="{}" y="{ly}" width="16" height="12" fill="url(#report-hatch)" stroke="#000"/><text x="{}" y="{}">{}</text>"##,
        PAD + 140,
        PAD + 162,
        ly + 11,
        escape(&legend[1])
    ));
    out.push_str("</svg>");
    out
}

/// Escapes text for SVG content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A label cut at spaces into lines of at most [`LABEL_CHARS`] characters.
fn wrap(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        let fits =
            line.is_empty() || line.chars().count() + 1 + word.chars().count() <= LABEL_CHARS;
        if !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn open(title: &str, height: u32) -> String {
    let t = escape(title);
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" font-family="{font}" font-size="13">"#,
            "<title>{t}</title>",
            r##"<defs><pattern id="report-hatch" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="#fff"/><path d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5" stroke="#000" stroke-width="1"/></pattern></defs>"##,
            r##"<rect width="{w}" height="{h}" fill="#fff"/>"##,
            r#"<text x="{pad}" y="22" font-size="15" font-weight="bold">{t}</text>"#,
        ),
        w = WIDTH,
        h = height,
        t = t,
        font = FONT,
        pad = PAD
    )
}

/// Where a row's label lines go, and where its bar starts (y).
fn label(out: &mut String, text: &str, y: u32) -> u32 {
    let lines = wrap(text);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(&format!(
            r#"<text class="label" x="{PAD}" y="{}">{}</text>"#,
            y + 13 + i as u32 * LABEL_H,
            escape(line)
        ));
    }
    y + lines.len() as u32 * LABEL_H
}

fn rows_height(labels: impl Iterator<Item = usize>) -> u32 {
    labels
        .map(|lines| ROW_H + (lines as u32).saturating_sub(1) * LABEL_H)
        .sum()
}

/// Bar width for `value` of `max`, in whole pixels; 0 for 0.
fn scaled(value: usize, max: usize, value_w: u32) -> u32 {
    let room = WIDTH - 2 * PAD - value_w;
    if max == 0 || value == 0 {
        return 0;
    }
    // At least a pixel, so a small count still shows.
    ((value as f64 / max as f64 * f64::from(room)).round() as u32).max(1)
}

/// Horizontal bars, one per row, grey with a black outline.
pub fn bar_chart(title: &str, rows: &[(String, usize)]) -> String {
    let height = TITLE_H + rows_height(rows.iter().map(|(l, _)| wrap(l).len())) + PAD;
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let mut out = open(title, height);
    let mut y = TITLE_H;
    for (text, n) in rows {
        let bar_y = label(&mut out, text, y);
        let w = scaled(*n, max, VALUE_W);
        out.push_str(&format!(
            r##"<rect class="bar" x="{PAD}" y="{bar_y}" width="{w}" height="{BAR_H}" fill="#bdbdbd" stroke="#000" stroke-width="1"/>"##
        ));
        out.push_str(&format!(
            r#"<text class="value" x="{}" y="{}">{}</text>"#,
            PAD + w + 6,
            bar_y + 14,
            super::document::number(i64::try_from(*n).unwrap_or(i64::MAX))
        ));
        y = bar_y + ROW_H - LABEL_H;
    }
    out.push_str("</svg>");
    out
}

/// Horizontal bars in two parts: (label, done, open). The done part is grey, the open
/// part hatched, each outlined in black, with a legend at the foot.
pub fn stacked_bar_chart(
    title: &str,
    rows: &[(String, usize, usize)],
    legend: [&str; 2],
) -> String {
    const LEGEND_H: u32 = 30;
    let height = TITLE_H + rows_height(rows.iter().map(|(l, _, _)| wrap(l).len())) + LEGEND_H + PAD;
    let max = rows.iter().map(|(_, a, b)| a + b).max().unwrap_or(0);
    let mut out = open(title, height);
    let mut y = TITLE_H;
    for (text, done, pending) in rows {
        let bar_y = label(&mut out, text, y);
        let total = done + pending;
        let w = scaled(total, max, STACKED_VALUE_W);
        let done_w = if total == 0 {
            0
        } else {
            (f64::from(w) * *done as f64 / total as f64).round() as u32
        };
        out.push_str(&format!(
            r##"<rect class="bar" x="{PAD}" y="{bar_y}" width="{done_w}" height="{BAR_H}" fill="#bdbdbd" stroke="#000" stroke-width="1"/>"##
        ));
        out.push_str(&format!(
            r##"<rect class="bar-open" x="{}" y="{bar_y}" width="{}" height="{BAR_H}" fill="url(#report-hatch)" stroke="#000" stroke-width="1"/>"##,
            PAD + done_w,
            w - done_w
        ));
        let n = |v: usize| super::document::number(i64::try_from(v).unwrap_or(i64::MAX));
        let value = if *pending > 0 {
            format!(
                "{} ({} {})",
                n(total),
                legend[1].to_lowercase(),
                n(*pending)
            )
        } else {
            n(total)
        };
        out.push_str(&format!(
            r#"<text class="value" x="{}" y="{}">{}</text>"#,
            PAD + w + 6,
            bar_y + 14,
            escape(&value)
        ));
        y = bar_y + ROW_H - LABEL_H;
    }
    let ly = y + 8;
    out.push_str(&format!(
        r##"<rect x="{PAD}" y="{ly}" width="16" height="12" fill="#bdbdbd" stroke="#000"/><text x="{}" y="{}">{}</text>"##,
        PAD + 22,
        ly + 11,
        escape(legend[0])
    ));
    out.push_str(&format!(
        r##"<rect x="{}" y="{ly}" width="16" height="12" fill="url(#report-hatch)" stroke="#000"/><text x="{}" y="{}">{}</text>"##,
        PAD + 140,
        PAD + 162,
        ly + 11,
        escape(legend[1])
    ));
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(l, n)| (l.to_string(), *n)).collect()
    }

    fn widths(svg: &str, class: &str) -> Vec<u32> {
        let marker = format!(r#"class="{class}""#);
        svg.split("<rect ")
            .filter(|r| r.contains(&marker))
            .map(|r| {
                let w = r.split("width=\"").nth(1).unwrap();
                w[..w.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn one_bar_per_row_and_the_largest_fills_the_room() {
        let svg = bar_chart(
            "Theo thôn",
            &rows(&[("Thôn 1", 4), ("Thôn 2", 2), ("Thôn 3", 0)]),
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        let w = widths(&svg, "bar");
        assert_eq!(w.len(), 3);
        assert_eq!(w[0], WIDTH - 2 * PAD - VALUE_W);
        assert_eq!(w[1], w[0] / 2);
        assert_eq!(w[2], 0, "a row of zero has no bar");
        assert!(
            svg.contains(r#"class="value" x="18" y="#),
            "the zero's value sits at the start"
        );
        assert!(svg.contains(">0</text>"));
    }

    #[test]
    fn texts_are_escaped() {
        let svg = bar_chart(
            "A & <B> \"C\"",
            &rows(&[("<script>alert('x')</script> & co", 1)]),
        );
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<B>"));
        assert!(svg.contains("A &amp; &lt;B&gt; &quot;C&quot;"));
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co"));
        // Every '&' starts an entity.
        for (i, _) in svg.match_indices('&') {
            let rest = &svg[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "{}",
                &rest[..10.min(rest.len())]
            );
        }
    }

    #[test]
    fn long_vietnamese_labels_are_kept_whole() {
        let long = "Chính sách xã hội, bảo trợ xã hội, người có công với cách mạng";
        let svg = bar_chart("Theo lĩnh vực", &rows(&[(long, 3)]));
        assert!(svg.contains(long));
        let longer = "Tài nguyên và môi trường, đất đai, xây dựng cơ bản, giao thông nông thôn, thủy lợi nội đồng và nước sạch";
        let svg = bar_chart("Theo lĩnh vực", &rows(&[(longer, 3), ("Khác", 1)]));
        let words: Vec<&str> = longer.split(' ').collect();
        for w in words {
            assert!(svg.contains(w), "{w}");
        }
        // Two lines for the long label, so the chart grows by one line.
        let short = bar_chart("Theo lĩnh vực", &rows(&[("Đất đai", 3), ("Khác", 1)]));
        let h = |s: &str| {
            let h = s.split("height=\"").nth(1).unwrap();
            h[..h.find('"').unwrap()].parse::<u32>().unwrap()
        };
        assert_eq!(h(&svg), h(&short) + LABEL_H);
    }

    #[test]
    fn an_empty_chart_is_still_a_picture() {
        let svg = bar_chart("Theo thôn", &[]);
        assert!(svg.ends_with("</svg>"));
        assert!(widths(&svg, "bar").is_empty());
    }

    #[test]
    fn the_outcome_bars_show_the_done_and_the_open_part() {
        let rows = vec![
            ("Trả lời tại hội nghị".to_string(), 4, 0),
            ("Giao bộ phận trả lời sau".to_string(), 1, 3),
            ("Công dân rút lại".to_string(), 0, 0),
        ];
        let svg = stacked_bar_chart("Kết quả", &rows, LEGEND);
        let done = widths(&svg, "bar");
        let open = widths(&svg, "bar-open");
        assert_eq!(done.len(), 3);
        assert_eq!(open.len(), 3);
        assert_eq!(
            done[0] + open[0],
            done[1] + open[1],
            "4 and 1+3 are as long"
        );
        assert_eq!(open[0], 0);
        assert_eq!(done[0], WIDTH - 2 * PAD - STACKED_VALUE_W);
        let quarter = f64::from(done[1]) / f64::from(done[1] + open[1]);
        assert!((quarter - 0.25).abs() < 0.01, "a quarter done: {quarter}");
        assert_eq!((done[2], open[2]), (0, 0));
        assert!(svg.contains("4 (chưa xong 3)"));
        assert!(svg.contains("url(#report-hatch)"));
        assert!(svg.contains(">Đã xong</text>"));
    }
}
