//! The Growth tab: SNS users by year, the essay's figures and, on request,
//! what later reports estimated, with a detail panel for the selected year.

use std::ops::RangeInclusive;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::{Ctx, View};
use crate::bars;
use crate::dataset::{Dataset, Kind, Series};
use crate::lang::Lang;
use crate::ledger;
use crate::scroll::Scroll;
use crate::series::{Measure, point, short_label};
use crate::text;
use crate::tr;
use crate::ui::columns::{self, Bar, Columns, GAP, Slot};
use crate::ui::panel::{Hints, draw_scrolled, max_scroll};
use crate::ui::theme::Theme;
use crate::width::fit_words;

mod detail;
mod table;

pub use detail::detail_doc;

/// Where the parts of the tab go.
struct ChartLayout {
    chart: Rect,
    legend: Rect,
    detail: Rect,
}

/// The detail panel's share of the rows under the legend: two fifths,
/// whatever the selected year has to say, so the chart keeps its height
/// and scale as the year moves. What does not fit scrolls.
/// The fewest rows the chart keeps: its labels, axis and three of bars.
const MIN_CHART_ROWS: u16 = 6;

fn detail_rows(rows: u16) -> u16 {
    (rows * 2 / 5).max(1)
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthView {
    year: i32,
    show_later: bool,
    measure: Measure,
    /// Which of the year's figures is picked, by its series' place among
    /// those shown: Enter traces it.
    figure: usize,
    /// The first line of the detail in view.
    detail_scroll: Scroll,
    /// Whether the detail is shown in full, over the chart.
    detail_open: bool,
    /// The ledger's row selected while the figures are shown as a table
    /// (`t`), or None while the chart is.
    table: Option<usize>,
    /// The ledger, found once: a frame builds only the rows it shows.
    ledger: Vec<ledger::Entry>,
    tally: ledger::Tally,
    /// Per series, its largest figure in each measure, found once: a frame
    /// must not walk every point.
    maxes: Vec<[f64; 2]>,
    /// How many series the chart shows with the later ones: all but the
    /// ledger-only ones, which come last.
    charted: usize,
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
            figure: 0,
            detail_scroll: Scroll::default(),
            detail_open: false,
            table: None,
            ledger: ledger::entries(d),
            tally: ledger::Tally::of(&ledger::ledger(d)),
            maxes,
            charted: d.growth.series.iter().take_while(|s| s.chart).count(),
        }
    }

    /// The selected year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Whether the later series are shown beside the essay's.
    pub fn show_later(&self) -> bool {
        self.show_later
    }

    pub fn measure(&self) -> Measure {
        self.measure
    }

    /// Whether the detail is open in full, over the chart.
    pub fn detail_open(&self) -> bool {
        self.detail_open
    }

    /// The series on screen: the essay's own, then the later ones if shown.
    pub fn shown<'a>(&self, d: &'a Dataset) -> &'a [Series] {
        let all = &d.growth.series;
        if self.show_later {
            &all[..self.charted]
        } else {
            &all[..1]
        }
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

    /// Selects `year`; a new year's detail is read from its top.
    pub fn select(&mut self, year: i32) {
        if year != self.year {
            self.year = year;
            self.detail_scroll.to_top();
        }
    }

    pub fn step(&mut self, d: &Dataset, delta: i32) {
        let years = self.years(d);
        self.select(
            self.year
                .saturating_add(delta)
                .clamp(*years.start(), *years.end()),
        );
    }

    pub fn first(&mut self, d: &Dataset) {
        self.select(*self.years(d).start());
    }

    pub fn last(&mut self, d: &Dataset) {
        self.select(*self.years(d).end());
    }

    pub fn toggle_measure(&mut self) {
        self.measure = match self.measure {
            Measure::Users => Measure::Share,
            Measure::Share => Measure::Users,
        };
        self.detail_scroll.to_top();
    }

    /// The picked figure's series, by its place among those shown.
    pub fn figure(&self) -> usize {
        self.figure
    }

    /// Picks the year's figure `delta` series on, stopping at the ends,
    /// and scrolls the detail to it where it shows in `body`.
    pub fn move_figure(&mut self, ctx: &Ctx, body: Rect, delta: isize) {
        let last = self.shown(ctx.data).len().saturating_sub(1);
        self.figure = self.figure.saturating_add_signed(delta).min(last);
        let (lines, area) = self.detail(ctx, body);
        let picked = lines
            .iter()
            .position(|l| l.first().is_some_and(|m| m.text.starts_with('▸')));
        self.detail_scroll
            .set_max(max_scroll(lines.len(), area.height));
        // The picked figure's heading first in the panel (the first
        // figure's with what leads it), so no paragraph shows cut in two.
        match picked {
            Some(line) if self.figure > 0 => self.detail_scroll.to(line),
            _ => self.detail_scroll.to_top(),
        }
    }

    pub fn toggle_later(&mut self, d: &Dataset) {
        self.show_later = !self.show_later;
        self.figure = 0;
        self.detail_scroll.to_top();
        self.step(d, 0);
    }

    /// Shows the detail in full over the chart, or puts it back under it;
    /// either way from its top.
    pub fn toggle_detail(&mut self) {
        self.detail_open = !self.detail_open;
        self.detail_scroll.to_top();
    }

    pub fn close_detail(&mut self) {
        if self.detail_open {
            self.toggle_detail();
        }
    }

    /// Scrolls the detail by `delta` lines, as far as its text goes where
    /// it shows in `body`.
    pub fn scroll_detail(&mut self, ctx: &Ctx, body: Rect, delta: isize) {
        let (lines, area) = self.detail(ctx, body);
        self.detail_scroll
            .set_max(max_scroll(lines.len(), area.height));
        self.detail_scroll.by(delta);
    }

    /// How many lines of the detail show at once where it shows in `body`.
    pub fn detail_page(&self, ctx: &Ctx, body: Rect) -> usize {
        usize::from(self.detail(ctx, body).1.height)
    }

    /// The first line of the detail in view.
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll.top()
    }

    /// Where the chart, legend and detail go, with the legend lines that
    /// decide it: one function for drawing and for clicks. The selected
    /// year has no say in it.
    fn layout<'a>(&self, ctx: &Ctx<'a>, body: Rect) -> (ChartLayout, Vec<Line<'a>>) {
        let inner = body.inner(Margin::new(1, 1));
        let mut legend = legend(self.shown(ctx.data), ctx.theme, inner.width, ctx.lang);
        // The bars keep rows enough to be read; the legend gives way first,
        // its last line kept to say so.
        let room = inner.height.saturating_sub(MIN_CHART_ROWS + 2);
        if legend.len() > usize::from(room) {
            legend.truncate(usize::from(room.saturating_sub(1)));
            legend.push(Line::from(ctx.lang.pick(
                "… the legend in full in a taller window",
                "…凡例の全体はウィンドウを高くすると見える",
            )));
        }
        let legend_rows = legend.len() as u16;
        let [chart, legend_area, _, detail_area] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(legend_rows),
            Constraint::Length(1),
            Constraint::Length(detail_rows(inner.height.saturating_sub(legend_rows + 1))),
        ])
        .areas(inner);
        (
            ChartLayout {
                chart,
                legend: legend_area,
                detail: detail_area,
            },
            legend,
        )
    }

    /// The detail's lines, wrapped for where they show, and that place: the
    /// panel under the chart, or the inside of a popup over the body.
    fn detail(&self, ctx: &Ctx, body: Rect) -> (Vec<text::MarkedLine>, Rect) {
        let d = ctx.data;
        let shown = self.shown(d);
        // With one figure a year there is nothing to pick between.
        let picked = (shown.len() > 1).then_some(self.figure);
        let doc = detail_doc(ctx, shown, self.year, self.measure, picked);
        if !self.detail_open {
            let area = self.layout(ctx, body).0.detail;
            return (text::wrap(&doc, usize::from(area.width)), area);
        }
        // The popup's border just inside the body's, a row of the chart
        // left showing above it.
        let room = body.inner(Margin::new(2, 2));
        let lines = text::wrap(&doc, usize::from(room.width));
        let height = (lines.len() as u16).min(room.height);
        let area = Rect {
            y: room.y + (room.height - height) / 2,
            height,
            ..room
        };
        (lines, area)
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
    pub fn year_at(&self, ctx: &Ctx, body: Rect, x: u16, y: u16) -> Option<i32> {
        let d = ctx.data;
        let chart = self.layout(ctx, body).0.chart;
        if self.detail_open || !chart.contains((x, y).into()) {
            return None;
        }
        let (first, fits) = self.window(d, chart);
        let slot = columns::slot_at(chart, fits, x)?;
        Some(self.years(d).start() + (first + slot) as i32)
    }

    /// The chart of the tab in `body`, and where it goes.
    pub fn chart<'t>(&self, ctx: &Ctx<'t>, body: Rect) -> (Rect, Columns<'t>) {
        let (d, theme) = (ctx.data, ctx.theme);
        let area = self.layout(ctx, body).0.chart;
        let shown = self.shown(d);
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
                            // A gap is drawn as one whatever its kind.
                            kind: p.map_or(Kind::Estimate, |p| p.kind),
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
            slots,
            selected: Some(offset - first),
            picked: self.figure,
            max,
            millions: self.measure == Measure::Users,
            theme,
        };
        (area, columns)
    }
}

/// The glyph of each kind of bar and of a gap, then which bars are which
/// series, in as few lines of `width` as they fit in; the series start a
/// line of their own where that costs no line.
fn legend<'a>(shown: &'a [Series], theme: &Theme, width: u16, lang: Lang) -> Vec<Line<'a>> {
    // Each item, with what parts it from the one before on a line.
    let mut glyphs: Vec<(&str, Vec<Span>)> = Kind::ALL
        .iter()
        .map(|k| {
            let glyph = bars::body(*k);
            let text = format!("{glyph}{glyph} {}", lang.kind(*k));
            ("  ", vec![Span::raw(text)])
        })
        .collect();
    glyphs.push((
        "  ",
        vec![
            Span::styled(GAP, theme.gap),
            Span::raw(format!(" {}", lang.pick("no figure", "数値なし"))),
        ],
    ));
    let mut series = Vec::new();
    for (i, s) in shown.iter().enumerate() {
        let place = match (i, shown.len()) {
            (_, 1) => String::new(),
            (0, 2) => lang.pick("left ", "左 ").into(),
            (1, 2) => lang.pick("right ", "右 ").into(),
            (i, _) => {
                let n = i + 1;
                tr!(lang, "bar {n}: ", "棒{n}: ")
            }
        };
        let spans = vec![
            Span::raw(place),
            Span::styled(short_label(s, lang), theme.series(i)),
        ];
        series.push((" · ", spans));
    }
    let all = pack(glyphs.iter().chain(&series).cloned(), width);
    let mut apart = pack(glyphs, width);
    apart.extend(pack(series, width));
    if apart.len() > all.len() { all } else { apart }
}

/// Lays `items` out in lines of `width`, as many to a line as fit, each
/// after its separator unless it starts a line.
fn pack<'a>(
    items: impl IntoIterator<Item = (&'a str, Vec<Span<'a>>)>,
    width: u16,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = Vec::new();
    for (sep, spans) in items {
        let item = Line::from(spans);
        match lines.last_mut() {
            Some(line)
                if line.width() + crate::width::str_width(sep) + item.width()
                    <= usize::from(width) =>
            {
                line.push_span(Span::raw(sep));
                line.spans.extend(item.spans);
            }
            _ => lines.push(item),
        }
    }
    lines
}

impl View for GrowthView {
    fn render(&self, ctx: &Ctx, body: Rect, buf: &mut Buffer) {
        if let Some(selected) = self.table {
            self.render_table(ctx, selected, body, buf);
            return;
        }
        let (d, theme) = (ctx.data, ctx.theme);
        let (lang, g) = (ctx.lang, &d.growth);
        let title = match self.measure {
            Measure::Users => format!(" {} ({}) ", g.title.get(lang), g.unit.get(lang)),
            Measure::Share => format!(
                " {} ({}) ",
                g.title.get(lang),
                lang.pick(
                    "share of internet users, %",
                    "インターネット利用者に占める割合、%"
                )
            ),
        };
        let (area, columns) = self.chart(ctx, body);
        let room = usize::from(body.width.saturating_sub(2));
        let mut block = Block::bordered()
            .title(fit_words(&title, room))
            .border_style(theme.border);
        // Years the width cannot hold are said to be there, not dropped.
        let (first, fits) = self.window(d, area);
        let years = self.years(d);
        let (start, end) = (*years.start(), *years.end());
        if (i64::from(end) - i64::from(start) + 1) as usize > fits {
            let a = start + first as i32;
            let b = a + fits.saturating_sub(1) as i32;
            block = block.title_bottom(
                Line::from(tr!(
                    lang,
                    " years {a}-{b} of {start}-{end}: ←→ ",
                    " {start}〜{end}年のうち{a}〜{b}年: ←→ "
                ))
                .right_aligned(),
            );
        }
        block.render(body, buf);
        let (layout, legend) = self.layout(ctx, body);
        columns.render(area, buf);
        for (line, row) in legend.into_iter().zip(layout.legend.rows()) {
            line.render(row, buf);
        }
        let (detail, area) = self.detail(ctx, body);
        if self.detail_open {
            let popup = area.outer(Margin::new(1, 1));
            crate::ui::clear_for_popup(popup, buf);
            Block::bordered()
                .title({
                    let year = self.year;
                    tr!(lang, " {year} in full ", " {year}年のすべて ")
                })
                .title_bottom(
                    Line::from(if self.show_later {
                        lang.pick(
                            " ↑↓ figure  PgUp PgDn scroll  d/Esc close ",
                            " ↑↓ 数値  PgUp PgDn スクロール  d/Esc 閉じる ",
                        )
                    } else {
                        lang.pick(" ↑↓ scroll  d/Esc close ", " ↑↓ スクロール  d/Esc 閉じる ")
                    })
                    .right_aligned(),
                )
                .border_style(theme.border)
                .render(popup, buf);
        }
        // With several figures a year, ↑↓ pick among them; the page keys
        // scroll.
        let (down, up) = if self.show_later {
            ("PgDn", "PgUp")
        } else {
            ("↓", "↑")
        };
        let (below, above) = if self.detail_open {
            (
                tr!(lang, "{down} scrolls", "{down} スクロール"),
                tr!(lang, "{up} scrolls back", "{up} 戻る"),
            )
        } else {
            (
                tr!(
                    lang,
                    "{down} scrolls, d shows all",
                    "{down} スクロール、d ですべて表示"
                ),
                tr!(
                    lang,
                    "{up} scrolls back, d shows all",
                    "{up} 戻る、d ですべて表示"
                ),
            )
        };
        let hints = Hints::new(&below, &above);
        draw_scrolled(
            &detail,
            self.detail_scroll.top(),
            hints,
            theme,
            lang,
            area,
            buf,
        );
    }
}
