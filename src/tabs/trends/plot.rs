//! The Trends chart's geometry and drawing: where a value and a time fall,
//! the axes with their ticks, years and breaks, and the points.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{BREAK, JOIN, TrendsView};
use crate::dataset::Dataset;
use crate::format;
use crate::tabs::Ctx;
use crate::trends::{Family, SEVERAL};
use crate::width::str_width;

/// Where the parts of the chart go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    /// The cells points are drawn in: the bottom row is 0, the top row
    /// `top`.
    pub area: Rect,
    pub top: f64,
    /// The columns of the y axis' labels, left of the axis line.
    pub labels: Rect,
    pub(super) first_year: i32,
    pub(super) years: u16,
}

impl Plot {
    /// The row of `value`: the nearest row on the scale.
    pub fn row_of(&self, value: f64) -> u16 {
        let steps = f64::from(self.area.height - 1);
        let up = ((value / self.top).clamp(0.0, 1.0) * steps).round() as u16;
        self.area.bottom() - 1 - up
    }

    /// The column of a time in years: every year the same width.
    pub fn col_of(&self, time: f64) -> u16 {
        let width = f64::from(self.area.width);
        let at = (time - f64::from(self.first_year)) / f64::from(self.years) * width;
        self.area.x + (at.max(0.0) as u16).min(self.area.width - 1)
    }

    /// The first column of the `i`-th year and its width.
    pub(super) fn year_span(&self, i: u16) -> (u16, u16) {
        let at = |i: u16| {
            (u32::from(i) * u32::from(self.area.width) / u32::from(self.years.max(1))) as u16
        };
        (self.area.x + at(i), at(i + 1) - at(i))
    }
}

/// The top of the y scale: 100%, or the next hundred above a larger figure.
pub(super) fn top_of(d: &Dataset, f: &Family) -> f64 {
    let most = f
        .trends
        .iter()
        .flat_map(|t| t.waves().filter_map(|w| t.point(d, f, w)))
        .map(|(v, _)| v)
        .fold(100.0, f64::max);
    if most.is_finite() {
        (most / 100.0).ceil() * 100.0
    } else {
        100.0
    }
}

/// The values of the y axis' labelled ticks: 0, the top, and steps
/// between them at least two rows apart, so no label touches another.
fn ticks(plot: &Plot) -> Vec<f64> {
    let rows = f64::from(plot.area.height - 1);
    let step = [0.1, 0.2, 0.25, 0.5, 1.0]
        .into_iter()
        .map(|s| s * plot.top)
        .find(|s| s / plot.top * rows >= 2.0)
        .unwrap_or(plot.top);
    let n = (plot.top / step).round() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

fn set(buf: &mut Buffer, x: u16, y: u16, glyph: char, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_char(glyph).set_style(style);
    }
}

impl TrendsView {
    /// The y axis with its ticks, the x axis with the breaks marked down
    /// the plot, and the years under it.
    pub(super) fn draw_axes(&self, f: &Family, plot: &Plot, ctx: &Ctx, buf: &mut Buffer) {
        let theme = ctx.theme;
        let area = plot.area;
        let axis_x = area.x - 1;
        for y in area.top()..area.bottom() {
            set(buf, axis_x, y, '│', theme.border);
        }
        for v in ticks(plot) {
            let y = plot.row_of(v);
            set(buf, axis_x, y, '┤', theme.border);
            let label = format::with_unit(v, "%");
            let x = plot.labels.right() - str_width(&label) as u16;
            buf.set_string(x, y, &label, theme.meta);
        }
        let axis_y = area.bottom();
        set(buf, axis_x, axis_y, '└', theme.border);
        for x in area.left()..area.right() {
            set(buf, x, axis_y, '─', theme.border);
        }
        // A break between two surveys: a dotted line halfway between them.
        // Many breaks share a column on a narrow plot: each column once.
        let mut drawn = None;
        for (w, wave) in f.waves.iter().enumerate().skip(1) {
            if wave.breaks.is_empty() {
                continue;
            }
            let x = plot.col_of((f.waves[w - 1].time() + wave.time()) / 2.0);
            if drawn.replace(x) == Some(x) {
                continue;
            }
            for y in area.top()..=axis_y {
                set(buf, x, y, BREAK, theme.meta);
            }
        }
        // The years, as many as fit with a space between; the selected
        // survey's year always, reversed.
        let labels_y = axis_y + 1;
        let selected = f.waves.get(self.wave).map(|w| w.year);
        let (first, _) = f.years();
        let (_, span) = plot.year_span(0);
        let every = [
            1u16, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000,
        ]
        .into_iter()
        .find(|k| u32::from(span) * u32::from(*k) >= 5 || u32::from(*k) >= u32::from(plot.years))
        .unwrap_or(u16::MAX);
        let years = selected
            .map(|y| (y - first) as u16)
            .into_iter()
            .chain((0..plot.years).step_by(usize::from(every)));
        let mut taken: Vec<(u16, u16)> = Vec::new();
        let left = area.x.saturating_sub(1);
        let right = area.right() + 1;
        for i in years {
            let label = (first + i32::from(i)).to_string();
            let width = str_width(&label) as u16;
            let (start, span) = plot.year_span(i);
            let x = (start + span / 2).saturating_sub(width / 2).max(left);
            let end = x + width;
            if end > right || taken.iter().any(|&(a, b)| x < b + 1 && a < end + 1) {
                continue;
            }
            taken.push((x, end));
            let style = if Some(first + i32::from(i)) == selected {
                theme.selected
            } else {
                theme.heading
            };
            buf.set_string(x, labels_y, &label, style);
        }
    }

    /// The selected platform's line, then every point, the selected
    /// platform's last and reversed.
    pub(super) fn draw_points(&self, f: &Family, plot: &Plot, ctx: &Ctx, buf: &mut Buffer) {
        let (d, theme) = (ctx.data, ctx.theme);
        if let Some(t) = self.trend() {
            for w in 1..f.waves.len() {
                let (Some((a, _)), Some((b, _))) = (t.point(d, f, w - 1), t.point(d, f, w)) else {
                    continue;
                };
                if !f.waves[w].breaks.is_empty() {
                    continue;
                }
                let (xa, xb) = (
                    plot.col_of(f.waves[w - 1].time()),
                    plot.col_of(f.waves[w].time()),
                );
                for x in xa + 1..xb {
                    let v = a + (b - a) * f64::from(x - xa) / f64::from(xb - xa);
                    set(buf, x, plot.row_of(v), JOIN, theme.heading);
                }
            }
        }
        let selected = self.trend().map(|t| t.marker);
        for cell in self.cells(d, f, plot) {
            let style = if Some(cell.glyph) == selected && cell.glyph != SEVERAL {
                theme.selected
            } else {
                theme.heading
            };
            set(buf, cell.x, cell.y, cell.glyph, style);
        }
    }
}
