//! The Trends chart as a table (`t`): a row a platform, a column a survey,
//! every figure as published, a gap as "—", a break in method as a dotted
//! column between the surveys it parts. The same figures as the chart,
//! exact, and readable by a screen reader.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::{BREAK, TrendsView, breaks_doc};
use crate::format;
use crate::tabs::Ctx;
use crate::text;
use crate::tr;
use crate::trends::Family;
use crate::ui::panel::draw_lines;
use crate::width::{cut_to, fit_words, pad, str_width};

/// A survey's column: its month ("2013-05") or figure, and a space.
const CELL: usize = 8;
/// The widest the platform column grows.
const NAME_MAX: usize = 24;
/// What a cell shows where the platform has no figure in that survey.
const GAP: &str = "—";

impl TrendsView {
    /// The surveys in view in `width` columns after the names: as many
    /// as fit, the selected one among them, as near the middle as the
    /// ends allow.
    fn table_window(&self, f: &Family, width: usize) -> std::ops::Range<usize> {
        let n = f.waves.len();
        let fits = (width / (CELL + 1)).clamp(1, n.max(1));
        let first = self.wave.saturating_sub(fits / 2).min(n - fits);
        first..first + fits
    }

    pub(super) fn render_table(&self, ctx: &Ctx, f: &Family, body: Rect, buf: &mut Buffer) {
        let (d, theme, lang) = (ctx.data, ctx.theme, ctx.lang);
        let inner = body.inner(Margin::new(1, 1));
        let names: Vec<String> = f
            .trends
            .iter()
            .map(|t| format!("{} {}", t.marker, lang.platform(d, &t.platform)))
            .collect();
        let name_width = names
            .iter()
            .map(|n| str_width(n))
            .max()
            .unwrap_or(0)
            .min(NAME_MAX)
            + 1;
        let room = usize::from(inner.width).saturating_sub(name_width);
        let window = self.table_window(f, room);
        let n = f.waves.len();
        let mut block = Block::bordered()
            .title(fit_words(
                &format!(" {} ", crate::trends::title(f, lang)),
                usize::from(body.width.saturating_sub(2)),
            ))
            .border_style(theme.border);
        let shown = (window.start + 1, window.end);
        let cut = if window.len() < n {
            let (a, b) = shown;
            tr!(
                lang,
                " surveys {a}-{b} of {n}: ←→ ",
                " {n}調査中 {a}-{b}: ←→ "
            )
        } else {
            String::new()
        };
        let back = lang.pick("t chart", "t グラフ");
        block = block.title_bottom(Line::from(format!("{cut} {back} ")).right_aligned());
        block.render(body, buf);

        // A column for each survey in view, a break's dotted column before
        // it where the method changed.
        let column = |w: usize| {
            let breaks = (window.start..=w)
                .skip(1)
                .filter(|&v| !f.waves[v].breaks.is_empty())
                .count();
            name_width + (w - window.start) * (CELL + 1) + breaks.min(w - window.start)
        };
        // What the dotted columns mean, under the table; the table's rows
        // come first.
        let breaks = text::wrap(&breaks_doc(d, f, lang), usize::from(inner.width));
        let table_rows = (f.trends.len() + 1) as u16;
        let notes = (breaks.len() as u16).min(inner.height.saturating_sub(table_rows + 1));
        let table = Rect {
            height: inner.height - notes - u16::from(notes > 0),
            ..inner
        };
        let below = Rect::new(inner.x, inner.bottom() - notes, inner.width, notes);
        draw_lines(&breaks, theme, below, buf);
        let last = table.y + table_rows.min(table.height);
        let mut rows = table.rows();
        let Some(head) = rows.next() else { return };
        for w in window.clone() {
            let x = head.x + column(w) as u16;
            if w > window.start && !f.waves[w].breaks.is_empty() {
                for y in table.top()..last {
                    buf.set_string(x.saturating_sub(1), y, BREAK.to_string(), theme.meta);
                }
            }
            let style = if w == self.wave {
                theme.selected
            } else {
                theme.heading
            };
            buf.set_stringn(x, head.y, pad(&f.waves[w].when(), CELL, true), CELL, style);
        }
        // The selected platform kept in view.
        let height = usize::from(table.height.saturating_sub(1)).max(1);
        let first = self.platform.saturating_sub(height - 1);
        let mut name = String::new();
        for ((ti, t), row) in f.trends.iter().enumerate().skip(first).zip(rows) {
            cut_to(&mut name, &names[ti], name_width - 1);
            let selected = ti == self.platform;
            let name_style = if selected {
                theme.selected
            } else {
                theme.platform
            };
            buf.set_stringn(row.x, row.y, &name, name_width - 1, name_style);
            for w in window.clone() {
                let cell = t
                    .point(d, f, w)
                    .map_or_else(|| GAP.to_string(), |(v, _)| format::with_unit(v, "%"));
                let style = match (selected, w == self.wave) {
                    (true, true) => theme.selected,
                    _ if cell == GAP => theme.gap,
                    _ => Style::new(),
                };
                let x = row.x + column(w) as u16;
                buf.set_stringn(x, row.y, pad(&cell, CELL, true), CELL, style);
            }
        }
    }
}
