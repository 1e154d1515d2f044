//! The help popup, written from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::theme::Theme;
use crate::keymap::{BINDINGS, Scope};
use crate::lang::Lang;

const KEYS_WIDTH: usize = 14;

/// Every binding under the heading of its scope.
pub fn lines(theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for scope in Scope::all() {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(scope.title(lang), theme.heading));
        for b in BINDINGS.iter().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<KEYS_WIDTH$}", b.key_labels()), theme.key),
                Span::raw(b.help(lang)),
            ]));
        }
    }
    lines
}

fn popup_area(area: Rect, content_rows: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(60);
    let height = area.height.saturating_sub(2).min(content_rows as u16 + 2);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// How many lines [`lines`] gives, without building them: a heading a
/// scope, its bindings, and a blank line between scopes.
fn line_count() -> usize {
    let scopes = Scope::all();
    let bindings = scopes
        .iter()
        .map(|s| BINDINGS.iter().filter(|b| b.scope == *s).count());
    bindings.map(|n| n + 1).sum::<usize>() + scopes.len() - 1
}

/// How far `n` lines of help scroll in a terminal of `size`.
fn scroll_room(size: Rect, n: usize) -> usize {
    let inner = popup_area(size, n).height.saturating_sub(2);
    n.saturating_sub(usize::from(inner))
}

/// How far the help can scroll in a terminal of `size`.
pub fn max_scroll(size: Rect) -> usize {
    scroll_room(size, line_count())
}

pub fn render(theme: &Theme, lang: Lang, scroll: usize, area: Rect, buf: &mut Buffer) {
    let lines = lines(theme, lang);
    let popup = popup_area(area, lines.len());
    super::clear_for_popup(popup, buf);
    let more = if scroll_room(area, lines.len()) > 0 {
        lang.pick(" ↑↓ scroll ", " ↑↓ スクロール ")
    } else {
        ""
    };
    let close = lang.pick("Esc close", "Esc 閉じる");
    Block::bordered()
        .title(lang.pick(" Keys ", " キー "))
        .title_bottom(Line::from(format!("{more} {close} ")).right_aligned())
        .border_style(theme.border)
        .render(popup, buf);
    let inner = popup.inner(Margin::new(1, 1));
    for (line, row) in lines.into_iter().skip(scroll).zip(inner.rows()) {
        line.render(row, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_is_the_lines_drawn() {
        assert_eq!(line_count(), lines(&Theme::mono(), Lang::En).len());
        assert_eq!(line_count(), lines(&Theme::mono(), Lang::Ja).len());
    }
}
