//! The Growth tab: SNS users by year, the essay's figures and, on request,
//! what later reports estimated, with a detail panel for the selected year.

use std::ops::RangeInclusive;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::draw_lines;
use crate::dataset::{Dataset, Kind, Point, Series};
use crate::format;
use crate::lang::Lang;
use crate::text::{self, Doc, Mark};
use crate::ui::columns::{self, Bar, Columns, ESTIMATE, GAP, PROJECTION, Slot};
use crate::ui::theme::Theme;

/// Rows the chart keeps however tall the detail panel wants to be.
const MIN_CHART_ROWS: u16 = 7;

/// What the chart measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// SNS users, millions.
    Users,
    /// SNS users as a share of internet users, %.
    Share,
}

impl Measure {
    pub fn of(self, p: &Point) -> Option<f64> {
        match self {
            Measure::Users => Some(p.sns_users),
            Measure::Share => p.share_pct,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where the parts of the tab go.
struct ChartLayout {
    chart: Rect,
    legend: Rect,
    detail: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthView {
    pub year: i32,
    pub show_later: bool,
    pub measure: Measure,
    pub lang: Lang,
    /// Per series, its largest figure in each measure, found once: a frame
    /// must not walk every point.
    maxes: Vec<[f64; 2]>,
}

impl GrowthView {
    /// Starts on the essay's last figure: for the bundled data, its 2015
    /// projection.
    pub fn new(d: &Dataset) -> Self {
        let year = d.growth.series[0].points.last().map_or(0, |p| p.year);
        let max =
            |s: &Series, m: Measure| s.points.iter().filter_map(|p| m.of(p)).fold(0.0, f64::max);
        let maxes = d
            .growth
            .series
            .iter()
            .map(|s| [max(s, Measure::Users), max(s, Measure::Share)])
            .collect();
        GrowthView {
            year,
            show_later: false,
            measure: Measure::Users,
            lang: Lang::En,
            maxes,
        }
    }

    /// The series on screen: the essay's own, then the later ones if shown.
    pub fn shown<'a>(&self, d: &'a Dataset) -> &'a [Series] {
        let all = &d.growth.series;
        if self.show_later { all } else { &all[..1] }
    }

    /// Every year from the first figure to the last, gaps included. Points
    /// are in year order, so each series' ends are its first and last.
    pub fn years(&self, d: &Dataset) -> RangeInclusive<i32> {
        let ends = self
            .shown(d)
            .iter()
            .filter_map(|s| Some((s.points.first()?.year, s.points.last()?.year)));
        let (lo, hi) = ends.fold((i32::MAX, i32::MIN), |(lo, hi), (a, b)| {
            (lo.min(a), hi.max(b))
        });
        lo..=hi
    }

    pub fn step(&mut self, d: &Dataset, delta: i32) {
        let years = self.years(d);
        self.year = self
            .year
            .saturating_add(delta)
            .clamp(*years.start(), *years.end());
    }

    pub fn first(&mut self, d: &Dataset) {
        self.year = *self.years(d).start();
    }

    pub fn last(&mut self, d: &Dataset) {
        self.year = *self.years(d).end();
    }

    pub fn toggle_measure(&mut self) {
        self.measure = match self.measure {
            Measure::Users => Measure::Share,
            Measure::Share => Measure::Users,
        };
    }

    pub fn toggle_later(&mut self, d: &Dataset) {
        self.show_later = !self.show_later;
        self.step(d, 0);
    }

    pub fn render(&self, d: &Dataset, theme: &Theme, body: Rect, buf: &mut Buffer) {
        let title = match self.measure {
            Measure::Users => format!(" {} ({}) ", d.growth.title, d.growth.unit),
            Measure::Share => format!(" {} (share of internet users, %) ", d.growth.title),
        };
        Block::bordered()
            .title(title)
            .border_style(theme.border)
            .render(body, buf);
        let shown = self.shown(d);
        let (layout, legend, detail) = self.layout(d, theme, body);
        self.render_chart(d, shown, theme, layout.chart, buf);
        for (line, row) in legend.into_iter().zip(layout.legend.rows()) {
            line.render(row, buf);
        }
        draw_lines(&detail, theme, layout.detail, buf);
    }

    /// Where the chart, legend and detail go, with the legend and detail
    /// lines that decide it: one function for drawing and for clicks.
    fn layout<'a>(
        &self,
        d: &'a Dataset,
        theme: &Theme,
        body: Rect,
    ) -> (ChartLayout, Vec<Line<'a>>, Vec<text::Line>) {
        let inner = body.inner(Margin::new(1, 1));
        let shown = self.shown(d);
        let detail = text::wrap(
            &detail_doc(d, shown, self.year, self.measure),
            usize::from(inner.width),
        );
        let legend = legend(shown, theme, inner.width, self.lang);
        let legend_rows = legend.len() as u16;
        let detail_rows = (detail.len() as u16)
            .min(
                inner
                    .height
                    .saturating_sub(MIN_CHART_ROWS + legend_rows + 1),
            )
            .max(1);
        let [chart, legend_area, _, detail_area] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(legend_rows),
            Constraint::Length(1),
            Constraint::Length(detail_rows),
        ])
        .areas(inner);
        (
            ChartLayout {
                chart,
                legend: legend_area,
                detail: detail_area,
            },
            legend,
            detail,
        )
    }

    /// The years in view on a chart of `area`: the first one's offset from
    /// the first year, and how many.
    fn window(&self, d: &Dataset, area: Rect) -> (usize, usize) {
        let years = self.years(d);
        let count = (i64::from(*years.end()) - i64::from(*years.start()) + 1) as usize;
        let label = years.end().to_string().len();
        let fits = columns::capacity(area.width, self.shown(d).len(), label).min(count);
        // Keep the selected year in view, as near the middle as the ends allow.
        let offset = (self.year - years.start()) as usize;
        (offset.saturating_sub(fits / 2).min(count - fits), fits)
    }

    /// The year whose slot of the chart is at column `x`, row `y`.
    pub fn year_at(&self, d: &Dataset, theme: &Theme, body: Rect, x: u16, y: u16) -> Option<i32> {
        let (layout, _, _) = self.layout(d, theme, body);
        if !layout.chart.contains((x, y).into()) {
            return None;
        }
        let (first, fits) = self.window(d, layout.chart);
        let slot = columns::slot_at(layout.chart, fits, x)?;
        Some(self.years(d).start() + (first + slot) as i32)
    }

    fn render_chart(
        &self,
        d: &Dataset,
        shown: &[Series],
        theme: &Theme,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let years = self.years(d);
        let offset = (self.year - years.start()) as usize;
        let (first, fits) = self.window(d, area);
        let slots: Vec<Slot> = (first..first + fits)
            .map(|i| {
                let year = years.start() + i as i32;
                let bars = shown
                    .iter()
                    .enumerate()
                    .map(|(si, s)| {
                        let p = point(s, year);
                        Bar {
                            value: p.and_then(|p| self.measure.of(p)),
                            projection: p.is_some_and(|p| p.kind == Kind::Projection),
                            style: theme.series(si),
                        }
                    })
                    .collect();
                Slot {
                    label: year.to_string(),
                    bars,
                }
            })
            .collect();
        let m = self.measure.index();
        let max = self.maxes[..shown.len()]
            .iter()
            .map(|x| x[m])
            .fold(0.0, f64::max);
        let columns = Columns {
            slots: &slots,
            selected: Some(offset - first),
            max,
            millions: self.measure == Measure::Users,
            theme,
        };
        columns.render(area, buf);
    }
}

pub fn point(s: &Series, year: i32) -> Option<&Point> {
    s.points
        .binary_search_by_key(&year, |p| p.year)
        .ok()
        .map(|i| &s.points[i])
}

/// The glyphs, then which bars are which series: one line where it fits,
/// two where it does not.
fn legend<'a>(shown: &'a [Series], theme: &Theme, width: u16, lang: Lang) -> Vec<Line<'a>> {
    let kinds = vec![
        Span::raw(format!(
            "{ESTIMATE}{ESTIMATE} {}  {PROJECTION}{PROJECTION} {}  ",
            lang.say("estimate"),
            lang.say("projection")
        )),
        Span::styled(GAP, theme.gap),
        Span::raw(format!(" {}", lang.say("no figure"))),
    ];
    let mut spans = Vec::new();
    for (i, s) in shown.iter().enumerate() {
        let place = match (i, shown.len()) {
            (_, 1) => String::new(),
            (0, 2) => "left ".into(),
            (1, 2) => "right ".into(),
            (i, _) => format!("bar {}: ", i + 1),
        };
        spans.push(Span::raw(format!(" · {place}")));
        spans.push(Span::styled(short_label(s), theme.series(i)));
    }
    let one = Line::from(kinds.iter().chain(&spans).cloned().collect::<Vec<_>>());
    if one.width() <= usize::from(width) {
        return vec![one];
    }
    spans[0].content = spans[0]
        .content
        .trim_start_matches(" · ")
        .to_string()
        .into();
    vec![Line::from(kinds), Line::from(spans)]
}

/// A series' label up to its first parenthesis: "As the essay saw it".
pub fn short_label(s: &Series) -> &str {
    s.label.en.split(" (").next().unwrap_or(&s.label.en)
}

/// What the detail panel (and `sns-tui print growth`) says of one year:
/// each shown series' figure with its context and provenance, or the gap.
pub fn detail_doc(d: &Dataset, shown: &[Series], year: i32, measure: Measure) -> Doc {
    let mut doc = Doc::default();
    // The comparison leads: in a short window it is what must not be cut.
    if let Some(line) = against_outcome(shown, year) {
        doc.push(vec![text::Span::new(line, Mark::Heading)]);
    }
    for s in shown {
        let mut head = vec![text::Span::new(
            format!("{year}, {}: ", short_label(s).to_lowercase()),
            Mark::Heading,
        )];
        let Some(p) = point(s, year) else {
            head.push(text::Span::new(
                "no figure published (a gap, not a zero)",
                Mark::Meta,
            ));
            doc.push(head);
            continue;
        };
        let users = format!("{} M SNS users", format::millions(p.sns_users));
        let share = match p.share_pct {
            Some(v) => format!("{} % of internet users", format::value(v)),
            None => "share of internet users not published".into(),
        };
        // The measure on the chart leads; the other follows among the facts.
        let (lead, other) = match measure {
            Measure::Users => (users, share),
            Measure::Share => (share, users),
        };
        head.push(text::Span::new(lead, Mark::Figure));
        head.push(text::Span::new(
            format!(", {}", p.kind.label()),
            Mark::Plain,
        ));
        doc.push(head);
        let mut facts = vec![
            other,
            match p.internet_users {
                Some(v) => format!("internet users {} M", format::millions(v)),
                None => "internet users not published".into(),
            },
        ];
        if s.points.first().is_some_and(|f| f.year < year) {
            let prev = year - 1;
            facts.push(match (point(s, prev), measure) {
                (Some(q), Measure::Users) => format!(
                    "change on {prev} {} M ({}{} %)",
                    format::change(p.sns_users - q.sns_users),
                    if p.sns_users >= q.sns_users { "+" } else { "-" },
                    format::rounded(((p.sns_users - q.sns_users) / q.sns_users * 100.0).abs(), 1)
                ),
                (Some(q), Measure::Share) => match (p.share_pct, q.share_pct) {
                    (Some(a), Some(b)) => format!(
                        "change on {prev} {}{} points",
                        if a >= b { "+" } else { "-" },
                        format::value(((a - b).abs() * 10.0).round() / 10.0)
                    ),
                    _ => format!("no {prev} share to compare"),
                },
                (None, _) => format!("no {prev} figure to compare"),
            });
        }
        doc.push(vec![text::Span::new(facts.join(" · "), Mark::Plain)]);
        let mut source = vec![
            text::Span::new("source ", Mark::Meta),
            text::Span::new(format::sources(d, &p.sources), Mark::Plain),
        ];
        if let Some(q) = &p.quote {
            source.push(text::Span::new(" · essay ", Mark::Meta));
            source.push(text::Span::new(format!("“{q}”"), Mark::Quote));
        }
        doc.push(source);
        if let Some(n) = &p.note {
            doc.push(vec![
                text::Span::new("note ", Mark::Meta),
                text::Span::new(n.clone(), Mark::Plain),
            ]);
        }
    }
    doc
}

/// A projection of the first series set against a later estimate of the
/// same year: how far off it was.
pub fn against_outcome(shown: &[Series], year: i32) -> Option<String> {
    let projected = point(shown.first()?, year).filter(|p| p.kind == Kind::Projection)?;
    let (later, outcome) = shown[1..].iter().find_map(|s| {
        point(s, year)
            .filter(|p| p.kind == Kind::Estimate)
            .map(|p| (s, p))
    })?;
    let off = (projected.sns_users - outcome.sns_users) / outcome.sns_users * 100.0;
    let word = if off < 0.0 { "low" } else { "high" };
    Some(format!(
        "{year}: projected {} M, {} {} M: the projection was {} % {word}",
        format::millions(projected.sns_users),
        short_label(later).to_lowercase(),
        format::millions(outcome.sns_users),
        format::rounded(off.abs(), 1)
    ))
}
