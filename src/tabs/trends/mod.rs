//! The Trends tab: each platform's usage rate across one family's surveys
//! (see `crate::trends`), a dot chart on a 0-100% scale with years to
//! scale, one letter per platform, the selected platform's points joined
//! except across a break in method, and its figures listed below.
//!
//! A point is drawn in the row nearest its value: to a row, not to an
//! eighth as the bars are, so two close figures may share a row (the list
//! below the chart gives every figure as published).

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

mod plot;
mod table;

use super::{Ctx, View};
use crate::compare::FULL_BREAKS;
use crate::dataset::Dataset;
use crate::format;
use crate::text::{self, Doc, Mark, Marked};
use crate::tr;
use crate::trends::{Family, SEVERAL, Trend, Trends};
use crate::width::{fit_words, str_width};
use plot::{Plot, top_of};

/// The fewest rows the plot is drawn in; the text below gives way first.
const MIN_PLOT_ROWS: u16 = 5;
/// What marks a break in method, on the axis and down the plot.
pub const BREAK: char = '┆';
/// What joins the selected platform's points.
const JOIN: char = '·';

#[derive(Debug, Clone, PartialEq)]
pub struct TrendsView {
    trends: Trends,
    family: usize,
    platform: usize,
    wave: usize,
    /// The survey last chosen with ←/→: moving through platforms that
    /// lack it keeps it, and comes back to it.
    want: usize,
    /// Per family, the survey chosen when it was last left: `m` and `m`
    /// again come back to it.
    left: Vec<Option<usize>>,
    /// Whether the figures are shown as a table, not the chart.
    table: bool,
}

/// A cell of the plot with points in it, as drawn: the glyph shown and
/// the figures of every point that falls there.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub x: u16,
    pub y: u16,
    pub glyph: char,
    pub values: Vec<f64>,
}

impl TrendsView {
    pub fn new(d: &Dataset) -> Self {
        let mut view = TrendsView {
            trends: Trends::new(d),
            family: 0,
            platform: 0,
            wave: 0,
            want: 0,
            left: Vec::new(),
            table: false,
        };
        view.left = vec![None; view.trends.families.len()];
        // The latest survey first: what happened next.
        view.want = view.family().map_or(0, |f| f.waves.len().saturating_sub(1));
        view.snap_wave();
        view
    }

    /// The chart as a table of the same figures, or back.
    pub fn toggle_table(&mut self) {
        self.table = !self.table;
    }

    pub fn table_shown(&self) -> bool {
        self.table
    }

    /// The family on screen, if any family has a trend.
    pub fn family(&self) -> Option<&Family> {
        self.trends.families.get(self.family)
    }

    pub fn families(&self) -> &[Family] {
        &self.trends.families
    }

    /// The selected platform's trend.
    pub fn trend(&self) -> Option<&Trend> {
        self.family()?.trends.get(self.platform)
    }

    /// The selected wave (survey) of the family.
    pub fn wave(&self) -> usize {
        self.wave
    }

    /// Selects the wave last chosen, or where the selected platform has
    /// no figure there, the nearest where it has one, the later on a tie.
    fn snap_wave(&mut self) {
        let Some(t) = self.trend() else {
            return;
        };
        let wave = self.want as isize;
        let best = t
            .waves()
            .min_by_key(|&w| ((w as isize - wave).abs(), std::cmp::Reverse(w)));
        self.wave = best.unwrap_or(0);
    }

    /// The previous (-1) or next (+1) platform, stopping at the ends.
    pub fn move_platform(&mut self, delta: isize) {
        let n = self.family().map_or(0, |f| f.trends.len());
        self.platform = self
            .platform
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
        self.snap_wave();
    }

    /// The selected platform's previous or next survey with a figure.
    pub fn step_wave(&mut self, delta: isize) {
        let Some(t) = self.trend() else {
            return;
        };
        let waves: Vec<usize> = t.waves().collect();
        let at = waves.iter().position(|&w| w == self.wave).unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(waves.len() - 1);
        self.wave = waves[to];
        self.want = self.wave;
    }

    /// The next family of surveys, on a chart of its own; false when there
    /// is no other.
    pub fn next_family(&mut self) -> bool {
        let n = self.trends.families.len();
        if n < 2 {
            return false;
        }
        let platform = self.trend().map(|t| t.platform.clone());
        let time = self
            .family()
            .and_then(|f| f.waves.get(self.wave))
            .map(|w| w.time());
        self.left[self.family] = Some(self.want);
        self.family = (self.family + 1) % n;
        let f = &self.trends.families[self.family];
        // The same platform, at the survey nearest in time, where it can be.
        self.platform = platform
            .and_then(|p| f.trends.iter().position(|t| t.platform == p))
            .unwrap_or(0);
        self.want = time.map_or(0, |time| {
            (0..f.waves.len())
                .min_by(|&a, &b| {
                    (f.waves[a].time() - time)
                        .abs()
                        .total_cmp(&(f.waves[b].time() - time).abs())
                })
                .unwrap_or(0)
        });
        self.want = self.left[self.family].unwrap_or(self.want);
        self.snap_wave();
        true
    }

    /// The plot's geometry and the lines of text under it, in `body`.
    fn layout<'a>(&self, ctx: &Ctx<'a>, body: Rect) -> Option<(Plot, Rect, Vec<Line<'a>>)> {
        let f = self.family()?;
        let inner = body.inner(Margin::new(1, 1));
        let lines = self.text(ctx, f, inner.width, inner.height);
        let top = top_of(ctx.data, f);
        let label_width = str_width(&format::with_unit(top, "%")) as u16;
        // The axis, the year labels, and at least a few rows of plot.
        let fixed = 2 + MIN_PLOT_ROWS;
        if inner.height < fixed || inner.width < label_width + 8 {
            return None;
        }
        let text_rows = (lines.len() as u16).min(inner.height - fixed);
        let plot_rows = inner.height - 2 - text_rows;
        let (first, last) = f.years();
        let years = (i64::from(last) - i64::from(first) + 1).clamp(1, i64::from(u16::MAX)) as u16;
        let plot = Plot {
            area: Rect::new(
                inner.x + label_width + 1,
                inner.y,
                inner.width - label_width - 2,
                plot_rows,
            ),
            top,
            labels: Rect::new(inner.x, inner.y, label_width, plot_rows),
            first_year: first,
            years,
        };
        let text = Rect::new(inner.x, inner.y + plot_rows + 2, inner.width, text_rows);
        Some((plot, text, lines))
    }

    /// The plot's geometry in `body`, if a chart is drawn there.
    pub fn plot(&self, ctx: &Ctx, body: Rect) -> Option<Plot> {
        self.layout(ctx, body).map(|(plot, _, _)| plot)
    }

    /// Every cell with points, as drawn in `body`: each platform's points
    /// at its row and column, the selected platform's on top, and
    /// [`SEVERAL`] where other platforms' points share a cell.
    pub fn drawn(&self, ctx: &Ctx, body: Rect) -> Vec<Drawn> {
        match (self.family(), self.plot(ctx, body)) {
            (Some(f), Some(plot)) => self.cells(ctx.data, f, &plot),
            _ => Vec::new(),
        }
    }

    /// The cells with points on `plot`, each with whether the selected
    /// platform has a point there.
    fn cells(&self, d: &Dataset, f: &Family, plot: &Plot) -> Vec<Drawn> {
        let mut points: Vec<(u16, u16, bool, char, f64)> = Vec::new();
        for (ti, t) in f.trends.iter().enumerate() {
            for w in t.waves() {
                let Some((v, _)) = t.point(d, f, w) else {
                    continue;
                };
                let x = plot.col_of(f.waves[w].time());
                points.push((x, plot.row_of(v), ti == self.platform, t.marker, v));
            }
        }
        // The selected platform's point first in its cell: it is drawn on top.
        points.sort_by_key(|p| (p.1, p.0, !p.2));
        let mut drawn: Vec<Drawn> = Vec::new();
        let mut on_top = false;
        for (x, y, selected, marker, v) in points {
            match drawn.last_mut() {
                Some(d) if (d.x, d.y) == (x, y) => {
                    d.values.push(v);
                    if !on_top {
                        d.glyph = SEVERAL;
                    }
                }
                _ => {
                    on_top = selected;
                    drawn.push(Drawn {
                        x,
                        y,
                        glyph: marker,
                        values: vec![v],
                    });
                }
            }
        }
        drawn
    }

    /// The selected platform's figures, the breaks, and the legend, as
    /// lines of `width`; of the legend, only what `height` lines can show.
    fn text<'a>(&self, ctx: &Ctx<'a>, f: &Family, width: u16, height: u16) -> Vec<Line<'a>> {
        let (d, theme, lang) = (ctx.data, ctx.theme, ctx.lang);
        let mut lines = Vec::new();
        if let Some(t) = self.trend() {
            let name = lang.platform(d, &t.platform).to_string();
            let mut items = vec![(
                "",
                vec![
                    Span::styled(t.marker.to_string(), theme.selected),
                    Span::styled(format!(" {name}:"), theme.heading),
                ],
            )];
            for w in t.waves() {
                let Some((v, row)) = t.point(d, f, w) else {
                    continue;
                };
                let year = f.waves[w].year;
                let figure = format::with_unit(v, "%");
                let sources: Vec<&str> = row.sources.iter().map(|s| s.as_str()).collect();
                let sources = sources.join(",");
                let figure_style = if w == self.wave {
                    theme.selected
                } else {
                    theme.figure
                };
                items.push((
                    if items.len() == 1 { " " } else { " · " },
                    vec![
                        Span::raw(format!("{year}: ")),
                        Span::styled(figure, figure_style),
                        Span::styled(format!(" {sources}"), theme.meta),
                    ],
                ));
            }
            lines.extend(pack(items, width, usize::from(height)));
        }
        let doc = breaks_doc(d, f, lang);
        for line in text::wrap(&doc, usize::from(width)) {
            let spans: Vec<Span> = line
                .into_iter()
                .map(|m| Span::styled(m.text, theme.mark(m.mark)))
                .collect();
            lines.push(Line::from(spans));
        }
        let room = usize::from(height).saturating_sub(lines.len());
        let legend = f.trends.iter().enumerate().map(|(i, t)| {
            let style = if i == self.platform {
                theme.selected
            } else {
                theme.heading
            };
            let name = lang.platform(d, &t.platform).to_string();
            (
                "  ",
                vec![
                    Span::styled(t.marker.to_string(), style),
                    Span::raw(format!(" {name}")),
                ],
            )
        });
        let several = (
            "  ",
            vec![
                Span::styled(SEVERAL.to_string(), theme.heading),
                Span::raw(lang.pick(" several", " 複数")),
            ],
        );
        let mut legend = pack(legend.chain([several]), width, room);
        // How points are placed, where it costs no line of its own.
        let note = lang.pick("each point to the nearest row", "点は最も近い行に");
        if let Some(last) = legend.last_mut()
            && last.width() + 2 + str_width(note) <= usize::from(width)
        {
            last.push_span(Span::raw("  "));
            last.push_span(Span::styled(note, theme.meta));
        }
        lines.extend(legend);
        lines
    }
}

/// Lays `items` out in lines of `width`, as many to a line as fit, each
/// after its separator unless it starts a line; `max` lines at most, so
/// the items past what a window shows are never made into lines.
fn pack<'a>(
    items: impl IntoIterator<Item = (&'a str, Vec<Span<'a>>)>,
    width: u16,
    max: usize,
) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut used = 0;
    for (sep, spans) in items {
        let item = Line::from(spans);
        let wide = item.width();
        let full = lines.len() == max;
        match lines.last_mut() {
            Some(line) if used + str_width(sep) + wide <= usize::from(width) => {
                used += str_width(sep) + wide;
                line.push_span(Span::raw(sep));
                line.spans.extend(item.spans);
            }
            _ if full => break,
            _ => {
                used = wide;
                lines.push(item);
            }
        }
    }
    lines
}

impl View for TrendsView {
    fn render(&self, ctx: &Ctx, body: Rect, buf: &mut Buffer) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let Some(f) = self.family() else {
            let block = Block::bordered()
                .title(lang.pick(" Usage by survey ", " 調査ごとの利用率 "))
                .border_style(theme.border);
            let inner = block.inner(body);
            block.render(body, buf);
            // Wrapped as every text is, wide characters whole.
            let mut doc = Doc::default();
            doc.push(vec![Marked::new(
                crate::trends::not_enough(lang),
                Mark::Plain,
            )]);
            let lines = text::wrap(&doc, usize::from(inner.width));
            crate::ui::panel::draw_lines(&lines, theme, inner, buf);
            return;
        };
        if self.table {
            self.render_table(ctx, f, body, buf);
            return;
        }
        let mut block = Block::bordered()
            .title(fit_words(
                &format!(" {} ", crate::trends::title(f, lang)),
                usize::from(body.width.saturating_sub(2)),
            ))
            .border_style(theme.border);
        let families = self.families();
        if families.len() > 1 {
            let next = families[(self.family + 1) % families.len()].label(lang);
            block = block
                .title_bottom(Line::from(tr!(lang, " m: {next} ", " m: {next} ")).right_aligned());
        }
        block.render(body, buf);
        let Some((plot, text, lines)) = self.layout(ctx, body) else {
            return;
        };
        self.draw_axes(f, &plot, ctx, buf);
        self.draw_points(f, &plot, ctx, buf);
        let shown = if lines.len() > usize::from(text.height) {
            usize::from(text.height).saturating_sub(1)
        } else {
            lines.len()
        };
        for (line, y) in lines.iter().take(shown).zip(text.rows()) {
            line.clone().render(y, buf);
        }
        if shown < lines.len() && text.height > 0 {
            let more = lines.len() - shown;
            let status = tr!(
                lang,
                "… {more} more lines: a taller window shows them",
                "…あと{more}行: ウィンドウを高くすると表示"
            );
            let row = Rect::new(text.x, text.bottom() - 1, text.width, 1);
            Line::styled(status, theme.meta).render(row, buf);
        }
    }
}

/// A line for each break in method between the family's surveys (the first
/// [`FULL_BREAKS`], then how many more): what the dotted columns mean.
pub(super) fn breaks_doc(d: &Dataset, f: &Family, lang: crate::lang::Lang) -> Doc {
    let mut doc = Doc::default();
    let breaks = f.waves.iter().enumerate().skip(1).flat_map(|(w, wave)| {
        let (a, b) = (f.waves[w - 1].year, wave.year);
        wave.breaks.iter().map(move |&bi| (a, b, bi))
    });
    for (shown, (a, b, bi)) in breaks.enumerate() {
        if shown == FULL_BREAKS {
            let more = f.waves.iter().map(|w| w.breaks.len()).sum::<usize>() - shown;
            doc.push(vec![Marked::new(
                tr!(
                    lang,
                    "{BREAK} … and {more} more breaks in method: the Sources tab lists them all",
                    "{BREAK} …ほか{more}件の方法の変更: 出典タブにすべてある"
                ),
                Mark::Meta,
            )]);
            break;
        }
        let title = d.breaks[bi].title.get(lang);
        doc.push(vec![
            Marked::new(format!("{BREAK} {a}→{b} "), Mark::Heading),
            Marked::new(
                tr!(lang, "method changed: {title}", "方法の変更: {title}"),
                Mark::Plain,
            ),
        ]);
    }
    doc
}
