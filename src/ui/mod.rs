//! Drawing: `impl Widget for &App` lays out the tab bar, the current tab,
//! the footer and the help popup. Nothing here changes the app.

pub mod columns;
pub mod help;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Tabs, Widget, Wrap};

use crate::app::App;
use crate::keymap;
use crate::lang::Lang;
use crate::tabs::Tab;
use crate::text::str_width;

/// Below this size the app shows only a "terminal too small" message.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

/// The tab bar, the body and the footer.
fn areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Where the current tab draws, for a terminal of `size`.
pub fn body_area(size: Rect) -> Rect {
    areas(size)[1]
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            render_too_small(area, buf);
            return;
        }
        let [bar, body, footer] = areas(area);
        self.render_tab_bar(bar, buf);
        let (d, theme) = (&self.data, &self.theme);
        match self.tab {
            Tab::Growth => self.growth.render(d, theme, body, buf),
            Tab::Rankings => self.rankings.render(d, theme, body, buf),
            Tab::Essay => self.essay.render("Essay", theme, body, buf),
            Tab::Sources => self.sources.render("Sources", theme, body, buf),
        }
        self.render_footer(footer, buf);
        if let Some(scroll) = self.help {
            help::render(theme, scroll, area, buf);
        }
    }
}

fn tab_titles(lang: Lang) -> Vec<String> {
    Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{} {}", i + 1, lang.say(t.title())))
        .collect()
}

/// The tab whose title is at column `x` of the tab bar (row 0), as
/// ratatui's Tabs lays them out: a space either side and a divider after.
pub fn tab_at(size: Rect, lang: Lang, x: u16, y: u16) -> Option<Tab> {
    if y != 0 || too_small(size) {
        return None;
    }
    let mut left = 0;
    for (tab, title) in Tab::ALL.iter().zip(tab_titles(lang)) {
        let right = left + str_width(&title) + 2;
        if (left..right).contains(&usize::from(x)) {
            return Some(*tab);
        }
        left = right + 1;
    }
    None
}

impl App {
    fn render_tab_bar(&self, area: Rect, buf: &mut Buffer) {
        let titles = tab_titles(self.lang);
        // Tabs pads each title by a space either side and divides them by
        // one column; the essay's title shows only in the room left over.
        let tabs_width: usize = titles.iter().map(|t| str_width(t) + 3).sum();
        let title = format!("{} ", self.data.essay.title);
        let room = usize::from(area.width).saturating_sub(tabs_width);
        let title_width = if str_width(&title) <= room {
            str_width(&title)
        } else {
            0
        };
        let [tabs, name] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(title_width as u16)])
                .areas(area);
        Tabs::new(titles)
            .select(self.tab.index())
            .style(self.theme.tab)
            .highlight_style(self.theme.tab_selected)
            .divider("│")
            .render(tabs, buf);
        Line::from(title)
            .style(self.theme.title)
            .right_aligned()
            .render(name, buf);
    }

    fn render_footer(&self, area: Rect, buf: &mut Buffer) {
        // A status message first; then whole hints only: a hint cut in
        // half says nothing.
        let mut spans = Vec::new();
        let mut used = 0;
        let found = match self.tab {
            Tab::Essay => self.essay.status(),
            Tab::Sources => self.sources.status(),
            Tab::Rankings => self.rankings.filter_status(),
            Tab::Growth => None,
        };
        let status = match (&self.prompt, &self.status) {
            (Some(q), _) => {
                let found = found.unwrap_or_default();
                let room = usize::from(area.width).saturating_sub(str_width(&found) + 5);
                Some(format!("/{}▏ {found}", tail(q, room)))
            }
            (None, Some(message)) => Some(message.clone()),
            (None, None) => found,
        };
        if let Some(status) = status {
            let status = format!(" {status} ");
            used += str_width(&status);
            spans.push(Span::styled(status, self.theme.title));
        }
        for (keys, hint) in keymap::hints(&self.scopes()) {
            let (keys, hint) = (format!(" {keys}"), format!(" {hint} "));
            used += str_width(&keys) + str_width(&hint);
            if used > usize::from(area.width) {
                break;
            }
            spans.push(Span::styled(keys, self.theme.key));
            spans.push(Span::styled(hint, self.theme.hint));
        }
        Line::from(spans).render(area, buf);
    }
}

/// The end of `s` in at most `width` columns, after an ellipsis where it
/// is cut: a long query at the prompt shows where the typing is.
fn tail(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut used = 1;
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| {
            used += str_width(c.encode_utf8(&mut [0; 4]));
            used <= width
        })
        .last()
        .map_or(s.len(), |(at, _)| at);
    format!("…{}", &s[start..])
}

/// Clears `area` for a popup. A wide character just left of it would
/// otherwise still cover the popup's left border on a real terminal: the
/// buffer keeps it whole and the terminal draws both its columns.
pub fn clear_for_popup(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    if area.x > buf.area.x {
        for y in area.top()..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x - 1, y))
                && str_width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small: {}x{}. sns-tui needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
        area.width, area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
