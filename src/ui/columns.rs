//! A vertical bar chart drawn cell by cell: ratatui's BarChart takes one
//! glyph set for all bars, and a projection must look unlike an estimate
//! without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::format;
use crate::text::str_width;

/// Glyph of a projection's cells; estimates are solid.
pub const PROJECTION: char = '▒';
pub const ESTIMATE: char = '█';
/// What a slot shows where a series has no figure.
pub const GAP: &str = "n/a";
/// Wider bars would only look heavier.
const MAX_BAR_WIDTH: u16 = 7;
const EIGHTHS: [char; 8] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇'];

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// None: no figure for this slot, drawn as a gap.
    pub value: Option<f64>,
    pub projection: bool,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub label: String,
    pub bars: Vec<Bar>,
}

pub struct Columns<'a> {
    pub slots: &'a [Slot],
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
        // Rows: value labels above the tallest bar, the bars, the year labels.
        if self.slots.is_empty() || area.height < 3 || area.width == 0 {
            return;
        }
        let (slot_width, left) = slots_geometry(area, self.slots.len());
        if slot_width == 0 {
            return;
        }
        let base = area.bottom() - 2;
        let max_height = area.height - 2;
        for (i, slot) in self.slots.iter().enumerate() {
            let x = left + slot_width * i as u16;
            let selected = self.selected == Some(i);
            self.draw_slot(
                slot,
                Rect::new(x, area.y, slot_width, area.height),
                base,
                max_height,
                buf,
            );
            let style = if selected {
                self.theme.selected
            } else {
                self.theme.heading
            };
            centre(
                buf,
                x,
                slot_width.saturating_sub(1),
                area.bottom() - 1,
                &slot.label,
                style,
            );
        }
    }
}

impl Columns<'_> {
    fn draw_slot(&self, slot: &Slot, area: Rect, base: u16, max_height: u16, buf: &mut Buffer) {
        let n = slot.bars.len().max(1) as u16;
        // One column of the slot is the gap to the next slot.
        let usable = area.width.saturating_sub(1);
        let bar_width = (usable.saturating_sub(n - 1) / n).clamp(1, MAX_BAR_WIDTH);
        let bars_width = bar_width * n + (n - 1);
        let left = area.x + usable.saturating_sub(bars_width) / 2;
        for (b, bar) in slot.bars.iter().enumerate() {
            let x = left + (bar_width + 1) * b as u16;
            if x + bar_width > area.right() {
                break;
            }
            match bar.value {
                None => centre(
                    buf,
                    x,
                    bar_width,
                    base,
                    if bar_width >= 3 { GAP } else { "-" },
                    self.theme.gap,
                ),
                Some(v) => {
                    let eighths = if self.max > 0.0 {
                        ((v / self.max) * f64::from(max_height.saturating_sub(1)) * 8.0).round()
                            as u32
                    } else {
                        0
                    };
                    let top = draw_bar(buf, x, bar_width, base, eighths, bar.projection, bar.style);
                    if let Some(label) = format::fit(v, usize::from(bar_width), self.millions) {
                        centre(
                            buf,
                            x,
                            bar_width,
                            top.saturating_sub(1).max(area.y),
                            &label,
                            bar.style,
                        );
                    }
                }
            }
        }
    }
}

/// Draws a bar `eighths`/8 cells tall standing on row `base`; returns the
/// row of its top cell.
fn draw_bar(
    buf: &mut Buffer,
    x: u16,
    width: u16,
    base: u16,
    eighths: u32,
    projection: bool,
    style: Style,
) -> u16 {
    let full = eighths / 8;
    let part = (eighths % 8) as usize;
    let mut top = base + 1;
    for row in 0..full {
        top = base - row as u16;
        fill(
            buf,
            x,
            width,
            top,
            if projection { PROJECTION } else { ESTIMATE },
            style,
        );
    }
    let part_glyph = if projection {
        (part >= 4).then_some(PROJECTION)
    } else {
        (part > 0).then(|| EIGHTHS[part])
    };
    if let Some(glyph) = part_glyph {
        top = base - full as u16;
        fill(buf, x, width, top, glyph, style);
    }
    top.min(base)
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
