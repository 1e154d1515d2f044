//! A vertical bar chart drawn cell by cell: ratatui's BarChart takes one
//! glyph set for all bars, and the kinds of figure must look unlike each
//! other without colour (the glyphs and their scale are in `crate::bars`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::bars::{Grow, bar_cells, eighths};
use crate::dataset::Kind;
use crate::format;
use crate::width::str_width;

/// What a slot shows where a series has no figure.
pub const GAP: &str = "n/a";
/// The row the bars stand on.
const BASELINE: char = '─';
/// The baseline under the selected year's bars.
const SELECTED_BASE: char = '━';
/// Wider bars would only look heavier.
const MAX_BAR_WIDTH: u16 = 7;
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// None: no figure for this slot, drawn as a gap.
    pub value: Option<f64>,
    pub kind: Kind,
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
    /// The bar of the selected slot whose figure is picked: its label is
    /// reversed, the other labels of the slot underlined, so the selected
    /// year shows on its bars as well as its label, without colour.
    pub picked: usize,
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
        let placed = self.placed(area);
        for &(slot, b, bar_area, bar) in &placed {
            let label = match self.selected {
                Some(s) if s == slot && b == self.picked => self.theme.selected,
                Some(s) if s == slot => bar.style.add_modifier(Modifier::UNDERLINED),
                _ => bar.style,
            };
            self.draw(bar, bar_area, area.y, label, buf);
            // The selected year's bars stand on a heavy stretch of the
            // baseline: a mark on the bars themselves, with or without
            // colour.
            if self.selected == Some(slot) {
                let under = Rect::new(bar_area.x, baseline, bar_area.width, 1);
                fill(
                    buf,
                    under.x,
                    under.width,
                    baseline,
                    SELECTED_BASE,
                    self.theme.heading,
                );
            }
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
            let y = area.bottom() - 1;
            // A year of several bars is bracketed under them, so it reads
            // as one group.
            let mut bars = placed.iter().filter(|p| p.0 == i).map(|p| p.2);
            if let (Some(first), Some(last)) = (bars.next(), bars.next_back()) {
                let (from, to) = (first.x, last.right());
                fill(buf, from, to - from, y, '─', self.theme.border);
                buf.set_string(from, y, "└", self.theme.border);
                buf.set_string(to - 1, y, "┘", self.theme.border);
                let label = format!(" {} ", slot.label);
                centre(buf, from, to - from, y, &label, style);
                continue;
            }
            centre(buf, x, width, y, &slot.label, style);
        }
    }
}

impl Columns<'_> {
    /// Where each bar stands in a chart of `area`, with its slot and its
    /// place in the slot: its columns, from the highest row a bar may reach
    /// down to the row it stands on. Drawing and tests both place bars by
    /// this.
    pub fn placed(&self, area: Rect) -> Vec<(usize, usize, Rect, &Bar)> {
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
                    i,
                    b,
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
    /// it in `label` style but not above `top`.
    fn draw(&self, bar: &Bar, area: Rect, top: u16, label_style: Style, buf: &mut Buffer) {
        let base = area.bottom() - 1;
        let Some(v) = bar.value else {
            let gap = if area.width >= 3 { GAP } else { "-" };
            let style = if label_style == bar.style {
                self.theme.gap
            } else {
                label_style
            };
            centre(buf, area.x, area.width, base, gap, style);
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
            centre(buf, area.x, area.width, y.max(top), &label, label_style);
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
