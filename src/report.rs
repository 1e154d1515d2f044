//! Plain-text views for `sns-tui print`: the same figures as the tabs, for
//! pipes, files and screen readers.

use crate::dataset::{Dataset, RankingTable};
use crate::format;
use crate::tabs::growth::{against_outcome, bar_kind, point};
use crate::tabs::rankings::{Move, bar_cell, name_width, thousands, value_cell, value_width};
use crate::text::{self, Doc, essay_doc, sources_doc, str_width};
use crate::ui::columns::{BarKind, Grow, bar_cells, eighths};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Growth,
    Rankings,
    Essay,
    Sources,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Growth,
        Section::Rankings,
        Section::Essay,
        Section::Sources,
    ];
}

/// The sections as plain text wrapped to `width`, with a ruled heading
/// between sections when there is more than one.
pub fn print(d: &Dataset, sections: &[Section], width: usize) -> String {
    let mut out = String::new();
    for (i, section) in sections.iter().enumerate() {
        if sections.len() > 1 {
            if i > 0 {
                out.push('\n');
            }
            let name = format!("{section:?}");
            out.push_str(&format!("{name}\n{}\n\n", "=".repeat(name.len())));
        }
        let body = match section {
            Section::Growth => growth(d, width),
            Section::Rankings => rankings(d, width),
            Section::Essay => plain(&essay_doc(d), width),
            Section::Sources => plain(&sources_doc(d), width),
        };
        out.push_str(&body);
    }
    out
}

fn plain(doc: &Doc, width: usize) -> String {
    text::wrap(doc, width)
        .iter()
        .map(|l| text::plain(l).trim_end().to_string() + "\n")
        .collect()
}

/// Pads `s` to `width` display columns, on the left when `right`.
fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(str_width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

fn growth(d: &Dataset, width: usize) -> String {
    let g = &d.growth;
    let mut doc = Doc::default();
    let head = |s: String| vec![text::Span::new(s, text::Mark::Plain)];
    doc.push(head(format!("{} ({})", g.title, g.unit)));
    let kinds: Vec<String> = BarKind::ALL
        .iter()
        .map(|k| format!("{} {}", k.body(), k.label()))
        .collect();
    doc.push(head(format!(
        "{}; each bar from zero and exact to an eighth of a character, its tip one of ▏▎▍▌▋▊▉; a year with no figure is a gap, never a zero.",
        kinds.join(", ")
    )));
    let max = g
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| p.sns_users)
        .fold(0.0, f64::max);
    let columns = "year  SNS users  internet  share  kind        ";
    let bar_width = width.saturating_sub(columns.len()) as u16;
    for s in &g.series {
        doc.blank();
        doc.push(head(s.label.clone()));
        doc.push(head(columns.trim_end().to_string()));
        let (first, last) = (s.points[0].year, s.points[s.points.len() - 1].year);
        for year in first..=last {
            let row = match point(s, year) {
                None => format!("{year}  {}", pad("no figure", 9, true)),
                Some(p) => {
                    let internet = p.internet_users.map_or("—".to_string(), format::millions);
                    let share = p
                        .share_pct
                        .map_or("—".to_string(), |v| format!("{}%", format::value(v)));
                    let length = eighths(p.sns_users, max, bar_width);
                    let bar: String = bar_cells(bar_kind(p.kind), Grow::Right, length).collect();
                    format!(
                        "{year}  {}  {}  {}  {}{bar}",
                        pad(&format::millions(p.sns_users), 9, true),
                        pad(&internet, 8, true),
                        pad(&share, 5, true),
                        pad(p.kind.label(), 12, false)
                    )
                }
            };
            doc.push(head(row));
        }
        for p in &s.points {
            doc.push(head(format!(
                "{} source: {}",
                p.year,
                format::sources(d, &p.sources)
            )));
            if let Some(q) = &p.quote {
                doc.push(head(format!("{} in the essay: “{q}”", p.year)));
            }
            if let Some(n) = &p.note {
                doc.push(head(format!("{} note: {n}", p.year)));
            }
        }
    }
    let years = g.series[0].points.iter().map(|p| p.year);
    let outcomes: Vec<String> = years
        .filter_map(|y| against_outcome(&g.series, y))
        .collect();
    if !outcomes.is_empty() {
        doc.blank();
        outcomes.into_iter().for_each(|o| doc.push(head(o)));
    }
    plain(&doc, width)
}

fn rankings(d: &Dataset, width: usize) -> String {
    let mut out = String::new();
    for (i, t) in d.rankings.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&table(d, t, width));
    }
    out
}

fn table(d: &Dataset, t: &RankingTable, width: usize) -> String {
    let mut doc = Doc::default();
    let head = |s: String| vec![text::Span::new(s, text::Mark::Plain)];
    let n = t
        .sample_size
        .map(|n| format!(", n={}", thousands(n)))
        .unwrap_or_default();
    doc.push(head(format!(
        "{}: {} ({}{n}; {})",
        t.title, t.metric, t.survey, t.population
    )));
    let base = t.compare_with.as_deref().and_then(|id| d.table_index(id));
    let name_width = name_width(d, t);
    let value_width = value_width(t);
    let mut header = format!(
        "rank  {}  {}",
        pad("platform", name_width, false),
        pad(&t.unit, value_width, true)
    );
    if base.is_some() {
        header.push_str("  change");
    }
    let fixed = str_width(&header) + 2;
    let bar_width = width.saturating_sub(fixed) as u16;
    doc.push(head(header));
    let max = t.rows.iter().filter_map(|r| r.value).fold(0.0, f64::max);
    for r in &t.rows {
        let mut row = format!(
            "{}  {}  {}",
            pad(&r.rank.to_string(), 4, true),
            pad(d.platform_name(&r.platform), name_width, false),
            pad(&value_cell(t, r.value), value_width, true)
        );
        if let Some(base) = base {
            let change = Move::of(d.row_of(base, &r.platform), r.rank).label();
            row.push_str(&format!("  {}", pad(&change, 6, false)));
        }
        row.push_str(&format!("  {}", bar_cell(r.value, max, bar_width)));
        doc.push(head(row));
    }
    if let Some(base) = base {
        doc.push(head(format!(
            "change: rank against {}",
            d.rankings[base].title
        )));
    }
    for r in &t.rows {
        let name = d.platform_name(&r.platform);
        doc.push(head(format!(
            "{name} source: {}",
            format::sources(d, &r.sources)
        )));
        if let Some(q) = &r.quote {
            doc.push(head(format!("{name} in the essay: “{q}”")));
        }
    }
    plain(&doc, width)
}
