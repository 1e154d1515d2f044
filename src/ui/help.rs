//! The help popup, written from the keymap table: as wide as its longest
//! line where the screen allows, its descriptions wrapped under themselves
//! where it does not.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::theme::Theme;
use crate::keymap::{BINDINGS, Binding, Scope};
use crate::lang::Lang;
use crate::text::{Doc, Mark, Marked, wrap};
use crate::width::str_width;

/// The keys column: two spaces of indent, the widest keys, a space.
const KEYS_WIDTH: usize = 2 + 12 + 1;

/// A line of the help, before it is styled.
enum Row {
    Heading(Scope),
    /// A binding's keys (on its first line only) and a line of what they do.
    Binding(Option<&'static Binding>, String),
    /// A line of a note after the keys.
    Note(String),
    Blank,
}

/// What the keys cannot say: where y and Y's copies can go.
const NOTES: [[&str; 2]; 1] = [[
    "y and Y send text to the terminal's clipboard by OSC 52. kitty, WezTerm, foot, Alacritty, Windows Terminal and iTerm2 (clipboard access allowed) take it; GNOME Terminal and other VTE terminals and macOS Terminal ignore it. In tmux: set -g set-clipboard on. --no-clipboard turns both off.",
    "y と Y は OSC 52 で端末のクリップボードへ送る。kitty、WezTerm、foot、Alacritty、Windows Terminal、iTerm2（クリップボードへのアクセスを許可）は受け取り、GNOME Terminal など VTE の端末と macOS のターミナルは無視する。tmux では set -g set-clipboard on。--no-clipboard で両方を無効にする。",
]];

/// Every binding under the heading of its scope, the descriptions wrapped
/// to `width` columns inside the popup, then the notes.
fn rows(lang: Lang, width: usize) -> Vec<Row> {
    let room = width.saturating_sub(KEYS_WIDTH).max(1);
    let mut rows = Vec::new();
    for scope in Scope::all() {
        if !rows.is_empty() {
            rows.push(Row::Blank);
        }
        rows.push(Row::Heading(scope));
        for b in BINDINGS.iter().filter(|b| b.scope == scope) {
            let mut doc = Doc::default();
            doc.push(vec![Marked::new(b.help(lang), Mark::Plain)]);
            for (i, line) in wrap(&doc, room).into_iter().enumerate() {
                let text = line.into_iter().map(|m| m.text).collect();
                rows.push(Row::Binding((i == 0).then_some(b), text));
            }
        }
    }
    for [en, ja] in NOTES {
        rows.push(Row::Blank);
        let mut doc = Doc::default();
        doc.push(vec![Marked::new(lang.pick(en, ja), Mark::Plain)]);
        for line in wrap(&doc, width.max(1)) {
            rows.push(Row::Note(line.into_iter().map(|m| m.text).collect()));
        }
    }
    rows
}

/// The widest line of the help unwrapped: what the popup would like.
fn natural_width(lang: Lang) -> usize {
    let headings = Scope::all().into_iter().map(|s| str_width(s.title(lang)));
    let bindings = BINDINGS
        .iter()
        .map(|b| KEYS_WIDTH + str_width(b.help(lang)));
    headings.chain(bindings).max().unwrap_or(0)
}

/// The popup in a screen `area` and its inside: as wide as the longest
/// line, no wider than the screen less a margin.
fn popup(area: Rect, lang: Lang) -> (Rect, Rect) {
    // A column of margin inside each side of the border.
    let width = area
        .width
        .saturating_sub(4)
        .min(natural_width(lang) as u16 + 4);
    let lines = rows(lang, usize::from(width.saturating_sub(4))).len();
    let height = area.height.saturating_sub(2).min(lines as u16 + 2);
    let outer = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    (outer, outer.inner(Margin::new(2, 1)))
}

/// The help's lines for a screen of `size`, wrapped as drawn.
fn lines_for(size: Rect, lang: Lang) -> Vec<Row> {
    rows(lang, usize::from(popup(size, lang).1.width))
}

/// How many lines of help show at once in a terminal of `size`.
pub fn page(size: Rect, lang: Lang) -> usize {
    usize::from(popup(size, lang).1.height)
}

/// How far the help can scroll in a terminal of `size`.
pub fn max_scroll(size: Rect, lang: Lang) -> usize {
    lines_for(size, lang).len().saturating_sub(page(size, lang))
}

/// The line where `scope`'s section starts, for the help to open at.
pub fn section(size: Rect, lang: Lang, scope: Scope) -> usize {
    lines_for(size, lang)
        .iter()
        .position(|r| matches!(r, Row::Heading(s) if *s == scope))
        .unwrap_or(0)
}

pub fn render(theme: &Theme, lang: Lang, scroll: usize, area: Rect, buf: &mut Buffer) {
    let (outer, inner) = popup(area, lang);
    let rows = rows(lang, usize::from(inner.width));
    super::clear_for_popup(outer, buf);
    let more = if rows.len() > usize::from(inner.height) {
        lang.pick(" ↑↓ PgUp PgDn scroll ", " ↑↓ PgUp PgDn スクロール ")
    } else {
        ""
    };
    let close = lang.pick("Esc/q close", "Esc/q 閉じる");
    Block::bordered()
        .title(lang.pick(" Keys ", " キー "))
        .title_bottom(Line::from(format!("{more} {close} ")).right_aligned())
        .border_style(theme.border)
        .render(outer, buf);
    for (row, at) in rows.into_iter().skip(scroll).zip(inner.rows()) {
        let line = match row {
            Row::Heading(scope) => Line::styled(scope.title(lang), theme.heading),
            Row::Binding(first, text) => {
                let keys = first.map(|b| b.key_labels()).unwrap_or_default();
                Line::from(vec![
                    Span::styled(format!("  {keys:<w$}", w = KEYS_WIDTH - 2), theme.key),
                    Span::raw(text),
                ])
            }
            Row::Note(text) => Line::styled(text, theme.meta),
            Row::Blank => Line::default(),
        };
        line.render(at, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_description_is_cut_at_80_columns_or_wider() {
        for lang in [Lang::En, Lang::Ja] {
            let (_, inner) = popup(Rect::new(0, 0, 80, 24), lang);
            let bindings = rows(lang, usize::from(inner.width))
                .iter()
                .filter(|r| matches!(r, Row::Binding(..)))
                .count();
            assert_eq!(
                bindings,
                BINDINGS.len(),
                "{lang:?}: every binding on one line at 80 columns"
            );
        }
    }

    #[test]
    fn a_narrow_screen_wraps_descriptions_and_loses_no_word() {
        let (_, inner) = popup(Rect::new(0, 0, 50, 15), Lang::En);
        let rows = rows(Lang::En, usize::from(inner.width));
        let text: String = rows
            .iter()
            .filter_map(|r| match r {
                Row::Binding(_, t) => Some(format!("{t} ")),
                _ => None,
            })
            .collect();
        for b in BINDINGS {
            for word in b.help(Lang::En).split(' ') {
                assert!(text.contains(word), "{word:?} lost");
            }
        }
        assert!(rows.len() > BINDINGS.len() + Scope::all().len() * 2 - 1);
    }
}
