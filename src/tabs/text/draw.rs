//! Drawing the lines in view, the matches on them and the scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::{TextView, text_area};
use crate::tabs::{Ctx, View};
use crate::text;
use crate::tr;
use crate::ui::panel::draw_lines;
use crate::ui::theme::Theme;

/// The scrollbar's column: the last inside the border.
fn scrollbar_area(body: Rect) -> Rect {
    let inner = body.inner(Margin::new(1, 1));
    Rect {
        x: inner.right().saturating_sub(1),
        width: inner.width.min(1),
        ..inner
    }
}

impl TextView {
    /// Marks the matches in view; the current one as a selection.
    fn draw_hits(&self, theme: &Theme, area: Rect, end: usize, buf: &mut Buffer) {
        let (Some(text), Some(search)) = (&self.text, &self.search) else {
            return;
        };
        let Some(found) = &search.found else { return };
        // Matches are in text order: skip to the first that can be in view
        // (one ending after the top line starts), stop past the last line.
        let (top, bottom) = (
            self.folded_offset_of_line(self.scroll.top()),
            self.folded_offset_of_line(end),
        );
        let from = found
            .starts
            .partition_point(|&s| s as usize + found.len <= top);
        let in_view = found.starts.iter().enumerate().skip(from);
        for (m, &start) in in_view.take_while(|(_, s)| (**s as usize) < bottom) {
            let style = if m == search.current {
                theme.selected
            } else {
                theme.hit
            };
            let (_, hits) = self.hits(text, start as usize, found.len);
            for hit in hits
                .iter()
                .filter(|h| (self.scroll.top()..end).contains(&h.line))
            {
                let text = text::plain(&self.wrapped.lines[hit.line]);
                let x = area.x as usize + crate::width::str_width(&text[..hit.start]);
                let width = crate::width::str_width(&text[hit.start..hit.end]);
                let y = area.y + (hit.line - self.scroll.top()) as u16;
                let right = (x + width).min(area.right() as usize);
                if x < right {
                    buf.set_style(Rect::new(x as u16, y, (right - x) as u16, 1), style);
                }
            }
        }
    }
}

impl View for TextView {
    /// Draws only the lines in view.
    fn render(&self, ctx: &Ctx, body: Rect, buf: &mut Buffer) {
        let (theme, title) = (ctx.theme, self.tab.title(ctx.lang));
        let area = text_area(body, self.full);
        let end = (self.scroll.top() + usize::from(area.height)).min(self.wrapped.lines.len());
        let position = if self.wrapped.lines.is_empty() {
            String::new()
        } else {
            let (first, n) = (self.scroll.top() + 1, self.wrapped.lines.len());
            tr!(
                ctx.lang,
                " lines {first}-{end} of {n} ",
                " {n}行中 {first}-{end}行 "
            )
        };
        Block::bordered()
            .title(format!(" {title} "))
            .title_bottom(Line::from(position).right_aligned())
            .border_style(theme.border)
            .render(body, buf);
        draw_lines(
            &self.wrapped.lines[self.scroll.top()..end],
            theme,
            area,
            buf,
        );
        self.draw_hits(theme, area, end, buf);
        if self.max_scroll() > 0 {
            let mut state = ScrollbarState::new(self.max_scroll()).position(self.scroll.top());
            let bar_area = scrollbar_area(body);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.border)
                .render(bar_area, buf, &mut state);
        }
    }
}
