//! A panel of wrapped lines that may not all fit: it shows what fits from
//! a scroll offset and, where lines are out of view, says so on its last
//! row with the keys that show them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::lang::Lang;
use crate::text;
use crate::tr;
use crate::ui::theme::Theme;

/// What the last row says of lines below and above the view: the keys, or
/// other ways, that show them.
#[derive(Debug, Clone, Copy)]
pub struct Hints<'a> {
    below: &'a str,
    above: &'a str,
}

impl<'a> Hints<'a> {
    pub fn new(below: &'a str, above: &'a str) -> Self {
        Hints { below, above }
    }
}

/// How far `n` lines scroll in `rows` rows (see [`draw_scrolled`]).
pub fn max_scroll(n: usize, rows: u16) -> usize {
    match text_rows(n, rows) {
        0 => 0,
        shown => n.saturating_sub(shown),
    }
}

/// How many of `n` lines show in `rows` rows: all the rows, or all but
/// one where they do not all fit, the last saying so.
fn text_rows(n: usize, rows: u16) -> usize {
    let rows = usize::from(rows);
    if n <= rows {
        rows
    } else {
        rows.saturating_sub(1)
    }
}

/// Draws `lines` from line `scroll` in `area`; where they do not all fit,
/// the last row says how many are out of view and what shows them.
pub fn draw_scrolled(
    lines: &[text::MarkedLine],
    scroll: usize,
    hints: Hints,
    theme: &Theme,
    lang: Lang,
    area: Rect,
    buf: &mut Buffer,
) {
    let shown = text_rows(lines.len(), area.height);
    let scroll = scroll.min(max_scroll(lines.len(), area.height));
    let view = &lines[scroll.min(lines.len())..];
    draw_lines(&view[..shown.min(view.len())], theme, area, buf);
    if shown == usize::from(area.height) {
        return;
    }
    let below = view.len().saturating_sub(shown);
    let plural = |n: usize| if n == 1 { "line" } else { "lines" };
    let status = if below > 0 {
        let (lines, keys) = (plural(below), hints.below);
        tr!(
            lang,
            "… {below} more {lines}: {keys}",
            "…あと{below}行: {keys}"
        )
    } else {
        let (lines, keys) = (plural(scroll), hints.above);
        tr!(
            lang,
            "… {scroll} {lines} above: {keys}",
            "…上に{scroll}行: {keys}"
        )
    };
    let row = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    Line::styled(status, theme.meta).render(row, buf);
}

/// Draws wrapped lines from the top of `area`, as many as fit.
pub fn draw_lines(lines: &[text::MarkedLine], theme: &Theme, area: Rect, buf: &mut Buffer) {
    for (line, row) in lines.iter().zip(area.rows()) {
        let spans: Vec<Span> = line
            .iter()
            .map(|s| Span::styled(s.text.as_str(), theme.mark(s.mark)))
            .collect();
        Line::from(spans).render(row, buf);
    }
}
