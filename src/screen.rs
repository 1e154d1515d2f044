//! The whole screen: `impl Widget for &App` lays out the tab bar, the
//! current tab, the footer and the help popup. Nothing here changes the app.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs, Widget, Wrap};

use crate::app::App;
use crate::keymap::{self, Hint};
use crate::lang::Lang;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH, areas, tab_padding, tab_titles, too_small};
use crate::prompt::Purpose;
use crate::tab::Tab;
use crate::tabs::{TabWidget, View};
use crate::tr;
use crate::ui::help;
use crate::width::{cut_to, str_width};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            render_too_small(area, self.lang, buf);
            return;
        }
        let [bar, body, footer] = areas(area);
        self.render_tab_bar(bar, buf);
        let view: &dyn View = match self.tab {
            Tab::Growth => &self.growth,
            Tab::Rankings => &self.rankings,
            Tab::Essay => &self.essay,
            Tab::Sources => &self.sources,
            Tab::Trends => &self.trends,
        };
        TabWidget {
            view,
            ctx: self.ctx(),
        }
        .render(body, buf);
        self.render_footer(footer, buf);
        if let Some(scroll) = self.help {
            help::render(&self.theme, self.lang, scroll.top(), area, buf);
        }
    }
}

impl App {
    fn render_tab_bar(&self, area: Rect, buf: &mut Buffer) {
        let titles = tab_titles(self.lang);
        // Tabs pads each title either side and divides them by one column;
        // the essay's title shows only in the room left over.
        let pad = tab_padding(area.width, self.lang);
        let tabs_width: usize = titles.iter().map(|t| str_width(t) + 2 * pad + 1).sum();
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
            .padding(" ".repeat(pad), " ".repeat(pad))
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
            Tab::Essay => self.essay.status(self.lang),
            Tab::Sources => self.sources.status(self.lang),
            Tab::Rankings => self.rankings.filter_status(self.lang),
            Tab::Growth | Tab::Trends => None,
        };
        let status = match (&self.prompt, &self.status) {
            (Some(p), _) => {
                // What the line typed finds; an empty line has found
                // nothing yet, whatever search is still in force.
                let typed = p.purpose() == Purpose::Search && !p.text().is_empty();
                let found = found.filter(|_| typed).unwrap_or_default();
                let room = usize::from(area.width).saturating_sub(str_width(&found) + 5);
                // The cursor in view, with what follows it as far as fits.
                let (before, after) = p.split();
                let before = tail(before, room.saturating_sub(str_width(after).min(room / 3)));
                let mut after_cut = String::new();
                cut_to(
                    &mut after_cut,
                    after,
                    room.saturating_sub(str_width(&before)),
                );
                let sigil = p.purpose().sigil();
                Some(format!("{sigil}{before}▏{after_cut} {found}"))
            }
            (None, Some(message)) => Some(message.clone()),
            (None, None) => found,
        };
        let hints: Vec<Hint> = keymap::hints(&self.scopes(), self.lang)
            .into_iter()
            .filter(|h| self.offers(h.action))
            .collect();
        let width = |h: &Hint| str_width(&h.keys) + str_width(h.words) + 3;
        // Everywhere's hints (help, quit) keep their room at every width;
        // a message or the tab's own hints give way first.
        let kept: usize = hints.iter().filter(|h| h.kept()).map(width).sum();
        let room = usize::from(area.width).saturating_sub(kept);
        if let Some(status) = status {
            let mut cut = String::new();
            cut_to(&mut cut, &status, room.saturating_sub(2));
            let status = format!(" {cut} ");
            used += str_width(&status);
            spans.push(Span::styled(status, self.theme.title));
        }
        for h in &hints {
            if !h.kept() {
                if used + width(h) > room {
                    continue;
                }
                used += width(h);
            }
            spans.push(Span::styled(format!(" {}", h.keys), self.theme.key));
            spans.push(Span::styled(format!(" {} ", h.words), self.theme.hint));
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

fn render_too_small(area: Rect, lang: Lang, buf: &mut Buffer) {
    let (w, h) = (area.width, area.height);
    let text = tr!(
        lang,
        "Terminal too small: {w}x{h}. sns-tui needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge the window, or press Ctrl-C to quit.",
        "端末が小さすぎる: {w}x{h}。sns-tui には {MIN_WIDTH}x{MIN_HEIGHT} 以上が必要。ウィンドウを広げるか、Ctrl-C で終了。"
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
