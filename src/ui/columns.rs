//! A vertical bar chart drawn cell by cell: ratatui's BarChart takes one
//! glyph set for all bars, and the kinds of figure must look unlike each
//! other without colour.
//!
//! Every bar, of every kind, is drawn to an eighth of a cell on one scale
//! ([`eighths`]), so a bigger figure is never drawn shorter and equal
//! figures are drawn equal. The kind shows in a bar's whole cells
//! ([`BarKind::body`]); where a bar ends inside a cell its tip is a solid
//! partial block, the same for every kind, since a hatched block cannot be
//! cut to eighths. A bar under one cell tall is only its tip: its kind is
//! then in the detail panel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::format;
use crate::text::str_width;

/// What a slot shows where a series has no figure.
pub const GAP: &str = "n/a";
/// The row the bars stand on.
const BASELINE: char = '─';
/// Wider bars would only look heavier.
const MAX_BAR_WIDTH: u16 = 7;
/// The partial blocks, 1/8 to 7/8 of a cell, for each way a bar grows: the
/// one table of them.
const PARTIAL: [[char; 7]; 2] = [
    ['▁', '▂', '▃', '▄', '▅', '▆', '▇'],
    ['▏', '▎', '▍', '▌', '▋', '▊', '▉'],
];

/// What a bar's figure is. Each kind has its own glyph for a bar's whole
/// cells: the denser the glyph, the firmer the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// `█`: counted or estimated after the year.
    Estimate,
    /// `▓`: a report's expectation (見込み) for the year it is published in.
    Expected,
    /// `▒`: a figure for a year still to come.
    Projection,
}

impl BarKind {
    pub const ALL: [BarKind; 3] = [BarKind::Estimate, BarKind::Expected, BarKind::Projection];

    /// The glyph of a bar's whole cells.
    pub fn body(self) -> char {
        match self {
            BarKind::Estimate => '█',
            BarKind::Expected => '▓',
            BarKind::Projection => '▒',
        }
    }

    /// The legend's word for it.
    pub fn label(self) -> &'static str {
        match self {
            BarKind::Estimate => "estimate",
            BarKind::Expected => "expected",
            BarKind::Projection => "projection",
        }
    }
}

/// Which way a bar grows from its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grow {
    /// From the bottom of a cell: the chart's columns.
    Up,
    /// From the left of a cell: bars in running text.
    Right,
}

/// The solid block filling `eighths` (taken modulo 8) eighths of a cell
/// from its base; None when that is none of it.
pub fn partial(grow: Grow, eighths: u32) -> Option<char> {
    let part = (eighths % 8) as usize;
    (part > 0).then(|| PARTIAL[grow as usize][part - 1])
}

/// How many eighths of a cell stand for `value` where `max` fills `cells`
/// cells: rounded to the nearest eighth, never below zero or past `cells`.
/// Every kind of bar goes through here and nothing rounds it again, so
/// the drawn length keeps the order of the figures.
pub fn eighths(value: f64, max: f64, cells: usize) -> u32 {
    if max.is_nan() || max <= 0.0 || value.is_nan() {
        return 0;
    }
    ((value / max).clamp(0.0, 1.0) * cells as f64 * 8.0).round() as u32
}

/// A bar's cells from its base outwards: whole cells of its kind's glyph,
/// then the partial block its length ends in, if any.
pub fn bar_cells(kind: BarKind, grow: Grow, eighths: u32) -> impl Iterator<Item = char> {
    std::iter::repeat_n(kind.body(), (eighths / 8) as usize).chain(partial(grow, eighths))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// None: no figure for this slot, drawn as a gap.
    pub value: Option<f64>,
    pub kind: BarKind,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub label: String,
    pub bars: Vec<Bar>,
}

pub struct Columns<'a> {
    pub slots: Vec<Slot>,
    pub selected: Option<usize>,
    /// The value a full-height bar stands for.
    pub max: f64,
    /// Whether values are millions, written with two decimals where they fit.
    pub millions: bool,
    pub theme: &'a Theme,
}

/// The fewest columns a slot of `bars` bars needs: each bar at least three
/// wide, a column between bars and one between slots, and room for a label
/// of `label` columns.
pub fn min_slot_width(bars: usize, label: usize) -> u16 {
    let bars = bars.clamp(1, 16) as u16;
    (bars * 3 + (bars - 1)).max(label.min(16) as u16) + 1
}

/// How many slots of `bars` bars, labelled in `label` columns, fit in
/// `width` columns.
pub fn capacity(width: u16, bars: usize, label: usize) -> usize {
    usize::from(width / min_slot_width(bars, label)).max(1)
}

/// Where `n` slots stand in `area`: each slot's width and the first's column.
fn slots_geometry(area: Rect, n: usize) -> (u16, u16) {
    let slot_width = area.width / n.max(1) as u16;
    (
        slot_width,
        area.x + (area.width - slot_width * n as u16) / 2,
    )
}

/// The slot, of `n` in `area`, that column `x` falls in.
pub fn slot_at(area: Rect, n: usize, x: u16) -> Option<usize> {
    let (slot_width, left) = slots_geometry(area, n);
    let slot = usize::from(x.checked_sub(left)? / slot_width.max(1));
    (slot_width > 0 && slot < n).then_some(slot)
}

impl Widget for Columns<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Rows: value labels above the tallest bar, the bars, the baseline,
        // the year labels.
        if self.slots.is_empty() || area.height < 4 || area.width == 0 {
            return;
        }
        let baseline = area.bottom() - 2;
        fill(
            buf,
            area.x,
            area.width,
            baseline,
            BASELINE,
            self.theme.border,
        );
        // Bars start at zero, and the baseline says so.
        buf.set_string(area.x, baseline, "0", self.theme.meta);
        for (bar_area, bar) in self.placed(area) {
            self.draw(bar, bar_area, area.y, buf);
        }
        let (slot_width, left) = slots_geometry(area, self.slots.len());
        for (i, slot) in self.slots.iter().enumerate() {
            let style = if self.selected == Some(i) {
                self.theme.selected
            } else {
                self.theme.heading
            };
            let x = left + slot_width * i as u16;
            let width = slot_width.saturating_sub(1);
            centre(buf, x, width, area.bottom() - 1, &slot.label, style);
        }
    }
}

impl Columns<'_> {
    /// Where each bar stands in a chart of `area`: its columns, from the
    /// highest row a bar may reach down to the row it stands on. Drawing
    /// and tests both place bars by this.
    pub fn placed(&self, area: Rect) -> Vec<(Rect, &Bar)> {
        let (slot_width, left) = slots_geometry(area, self.slots.len());
        if area.height < 4 || slot_width == 0 {
            return Vec::new();
        }
        let rows = Rect::new(0, area.y + 1, 0, area.height - 3);
        let mut placed = Vec::new();
        for (i, slot) in self.slots.iter().enumerate() {
            let n = slot.bars.len().max(1) as u16;
            // One column of the slot is the gap to the next slot.
            let usable = slot_width.saturating_sub(1);
            let bar_width = (usable.saturating_sub(n - 1) / n).clamp(1, MAX_BAR_WIDTH);
            let bars_width = bar_width * n + (n - 1);
            let x0 = left + slot_width * i as u16 + usable.saturating_sub(bars_width) / 2;
            for (b, bar) in slot.bars.iter().enumerate() {
                let x = x0 + (bar_width + 1) * b as u16;
                if x + bar_width > left + slot_width * (i as u16 + 1) {
                    break;
                }
                placed.push((
                    Rect {
                        x,
                        width: bar_width,
                        ..rows
                    },
                    bar,
                ));
            }
        }
        placed
    }

    /// Draws `bar` in `area` (see [`Columns::placed`]), its value above
    /// it but not above `top`.
    fn draw(&self, bar: &Bar, area: Rect, top: u16, buf: &mut Buffer) {
        let base = area.bottom() - 1;
        let Some(v) = bar.value else {
            let gap = if area.width >= 3 { GAP } else { "-" };
            centre(buf, area.x, area.width, base, gap, self.theme.gap);
            return;
        };
        let cells = bar_cells(
            bar.kind,
            Grow::Up,
            eighths(v, self.max, usize::from(area.height)),
        );
        let mut height = 0;
        for (row, glyph) in cells.enumerate() {
            fill(buf, area.x, area.width, base - row as u16, glyph, bar.style);
            height = row as u16 + 1;
        }
        if let Some(label) = format::fit(v, usize::from(area.width), self.millions) {
            // On the row above the bar; a bar of no height has its label
            // where its base would be.
            let y = if height == 0 {
                base
            } else {
                base.saturating_sub(height)
            };
            centre(buf, area.x, area.width, y.max(top), &label, bar.style);
        }
    }
}

fn fill(buf: &mut Buffer, x: u16, width: u16, y: u16, glyph: char, style: Style) {
    for cx in x..x + width {
        if let Some(cell) = buf.cell_mut((cx, y)) {
            cell.set_char(glyph).set_style(style);
        }
    }
}

/// Writes `text` centred in `width` columns from `x`, cut to fit.
fn centre(buf: &mut Buffer, x: u16, width: u16, y: u16, text: &str, style: Style) {
    let w = str_width(text) as u16;
    let start = x + width.saturating_sub(w) / 2;
    buf.set_stringn(start, y, text, usize::from(width), style);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_blocks_fill_their_eighths_either_way() {
        assert_eq!(partial(Grow::Up, 0), None);
        assert_eq!(partial(Grow::Up, 1), Some('▁'));
        assert_eq!(partial(Grow::Up, 7), Some('▇'));
        assert_eq!(partial(Grow::Right, 4), Some('▌'));
        assert_eq!(partial(Grow::Right, 8 + 3), Some('▍'));
        assert_eq!(partial(Grow::Right, 16), None, "whole cells only");
    }

    #[test]
    fn bars_of_every_kind_are_exact_to_an_eighth() {
        for kind in BarKind::ALL {
            let b = kind.body();
            let text: String = bar_cells(kind, Grow::Right, 2 * 8 + 5).collect();
            assert_eq!(text, format!("{b}{b}▋"));
            let text: String = bar_cells(kind, Grow::Up, 3 * 8).collect();
            assert_eq!(text, format!("{b}{b}{b}"), "no tip on a whole cell");
            assert_eq!(bar_cells(kind, Grow::Up, 3).collect::<String>(), "▃");
            assert_eq!(bar_cells(kind, Grow::Up, 0).count(), 0);
        }
    }

    #[test]
    fn each_kind_has_its_own_glyph() {
        let bodies: Vec<char> = BarKind::ALL.iter().map(|k| k.body()).collect();
        assert_eq!(bodies, ['█', '▓', '▒']);
        for p in PARTIAL.iter().flatten() {
            assert!(!bodies.contains(p), "a tip is never taken for a body");
        }
    }

    #[test]
    fn the_scale_rounds_to_eighths_and_stays_in_the_chart() {
        assert_eq!(eighths(63.21, 72.16, 8), 56);
        assert_eq!(eighths(64.88, 72.16, 8), 58);
        assert_eq!(eighths(72.16, 72.16, 8), 64);
        assert_eq!(eighths(80.0, 72.16, 8), 64, "never past the top");
        assert_eq!(eighths(-1.0, 72.16, 8), 0, "never below the base");
        assert_eq!(eighths(1.0, 0.0, 8), 0, "no scale, no bar");
        assert_eq!(eighths(f64::NAN, 1.0, 8), 0);
    }
}
