//! A scrolling view of a wrapped [`Doc`]: the Essay and Sources tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::dataset::Dataset;
use crate::text::{self, Doc};
use crate::ui::theme::Theme;

/// A text built from the dataset when first opened, and wrapped to the
/// width of the window when shown: a large essay costs nothing until read.
#[derive(Debug, Clone)]
pub struct TextView {
    build: fn(&Dataset) -> Doc,
    doc: Option<Doc>,
    /// `doc` wrapped to `width`, each line with where it starts in `doc`;
    /// rewrapped only when the width changes.
    wrapped: text::Wrapped,
    width: usize,
    search: Option<Found>,
    /// Where the text goes, as of the last resize.
    area: Rect,
    scroll: usize,
}

/// What a search found: each match as the hits it spans (a match broken
/// over two lines is two hits), and the one the view is on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    query: String,
    /// Whether `query` is the essay's words, found as [`text::find_quote`]
    /// finds them, or a search.
    quote: bool,
    matches: Vec<Vec<text::Hit>>,
    current: usize,
}

/// Where the text goes inside the tab's body: within the border, less one
/// column for the scrollbar.
fn text_area(body: Rect) -> Rect {
    let inner = body.inner(Margin::new(1, 1));
    Rect {
        width: inner.width.saturating_sub(1),
        ..inner
    }
}

impl TextView {
    pub fn new(build: fn(&Dataset) -> Doc) -> Self {
        TextView {
            build,
            doc: None,
            wrapped: text::Wrapped::default(),
            width: 0,
            search: None,
            area: Rect::default(),
            scroll: 0,
        }
    }

    /// Takes the tab's new body area; the text is rewrapped when next
    /// opened. A view at the end stays at the end.
    pub fn resize(&mut self, body: Rect) {
        let at_end = self.at_end();
        self.area = text_area(body);
        if at_end {
            self.to_bottom();
        }
        self.clamp();
    }

    /// Builds the text if it is not built yet and wraps it to the current
    /// width if it is not wrapped to it: at the end it stays at the end,
    /// and otherwise the top line stays at the same place in the text.
    pub fn open(&mut self, d: &Dataset) {
        let build = self.build;
        self.doc.get_or_insert_with(|| build(d));
        let width = usize::from(self.area.width).max(1);
        if let Some(doc) = self.doc.as_ref().filter(|_| width != self.width) {
            let at_end = self.at_end();
            let fraction = if self.wrapped.lines.is_empty() {
                0.0
            } else {
                self.scroll as f64 / self.wrapped.lines.len() as f64
            };
            self.wrapped = text::wrap_with_origins(doc, width);
            self.width = width;
            self.scroll = if at_end {
                self.max_scroll()
            } else {
                (fraction * self.wrapped.lines.len() as f64) as usize
            };
            // Matches are found again at the new width, the same one current.
            if let Some(found) = self.search.take() {
                self.find(&found.query, found.quote);
                if let Some(now) = &mut self.search {
                    now.current = found.current.min(now.matches.len().saturating_sub(1));
                }
            }
        }
        self.clamp();
    }

    /// Looks for `query` (as [`text::find_all`] does) and shows the first
    /// match at or below the top of the view; an empty query clears it.
    pub fn search(&mut self, query: &str) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        self.find(query, false);
        if let Some(found) = &mut self.search {
            let top = self.scroll;
            found.current = found
                .matches
                .iter()
                .position(|m| m[0].line >= top)
                .unwrap_or(0);
        }
        self.reveal();
    }

    /// Highlights the essay's words `quote` and scrolls to them; false if
    /// the text does not hold them.
    pub fn show_quote(&mut self, quote: &str) -> bool {
        self.find(quote, true);
        self.reveal();
        self.search.as_ref().is_some_and(|f| !f.matches.is_empty())
    }

    fn find(&mut self, query: &str, quote: bool) {
        let Some(doc) = &self.doc else { return };
        let find = |text: &str| -> Vec<std::ops::Range<usize>> {
            if quote {
                text::find_quote(text, query).into_iter().collect()
            } else {
                text::find_all(text, query)
            }
        };
        let mut matches = Vec::new();
        for (para, spans) in doc.paras.iter().enumerate() {
            let plain = text::plain(spans);
            // A match on nothing but the spaces dropped at a line break is
            // nowhere on screen, and is left out.
            matches.extend(
                find(&plain)
                    .into_iter()
                    .map(|range| self.wrapped.locate(para, range))
                    .filter(|hits| !hits.is_empty()),
            );
        }
        self.search = Some(Found {
            query: query.to_string(),
            quote,
            matches,
            current: 0,
        });
    }

    /// Moves to the next (or, with -1, previous) match, round the ends.
    pub fn next_match(&mut self, delta: isize) {
        if let Some(found) = &mut self.search
            && !found.matches.is_empty()
        {
            let n = found.matches.len() as isize;
            found.current = (found.current as isize + delta).rem_euclid(n) as usize;
        }
        self.reveal();
    }

    /// Scrolls the current match into view, a third of the way down.
    fn reveal(&mut self) {
        let Some(line) = self
            .search
            .as_ref()
            .and_then(|f| f.matches.get(f.current))
            .map(|m| m[0].line)
        else {
            return;
        };
        if line < self.scroll || line >= self.scroll + self.height() {
            self.scroll = line.saturating_sub(self.height() / 3);
        }
        self.clamp();
    }

    /// "“query” 3/7", or that there is no match, while a search is on.
    pub fn search_status(&self) -> Option<String> {
        let f = self.search.as_ref()?;
        Some(match f.matches.len() {
            0 => format!("“{}” not found", f.query),
            n => format!("“{}” {}/{n}", f.query, f.current + 1),
        })
    }

    pub fn query(&self) -> Option<&str> {
        self.search.as_ref().map(|f| f.query.as_str())
    }

    /// The line the current match starts on.
    pub fn current_match_line(&self) -> Option<usize> {
        let f = self.search.as_ref()?;
        f.matches.get(f.current).map(|m| m[0].line)
    }

    fn at_end(&self) -> bool {
        self.scroll > 0 && self.scroll == self.max_scroll()
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn line_count(&self) -> usize {
        self.wrapped.lines.len()
    }

    pub fn max_scroll(&self) -> usize {
        self.wrapped.lines.len().saturating_sub(self.height())
    }

    fn height(&self) -> usize {
        usize::from(self.area.height)
    }

    /// Moves by `delta` lines, clamped to the text.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp();
    }

    pub fn page(&self) -> isize {
        self.height().saturating_sub(1).max(1) as isize
    }

    pub fn to_top(&mut self) {
        self.scroll = 0;
    }

    pub fn to_bottom(&mut self) {
        self.scroll = self.max_scroll();
    }

    fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Draws only the lines in view.
    pub fn render(&self, title: &str, theme: &Theme, body: Rect, buf: &mut Buffer) {
        let area = text_area(body);
        let end = (self.scroll + usize::from(area.height)).min(self.wrapped.lines.len());
        let position = if self.wrapped.lines.is_empty() {
            String::new()
        } else {
            format!(
                " lines {}-{end} of {} ",
                self.scroll + 1,
                self.wrapped.lines.len()
            )
        };
        Block::bordered()
            .title(format!(" {title} "))
            .title_bottom(Line::from(position).right_aligned())
            .border_style(theme.border)
            .render(body, buf);
        draw_lines(&self.wrapped.lines[self.scroll..end], theme, area, buf);
        self.draw_hits(theme, area, end, buf);
        if self.max_scroll() > 0 {
            let mut state = ScrollbarState::new(self.max_scroll()).position(self.scroll);
            let bar_area = Rect {
                x: area.right(),
                width: 1,
                ..area
            };
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.border)
                .render(bar_area, buf, &mut state);
        }
    }
}

impl TextView {
    /// Marks the matches in view; the current one as a selection.
    fn draw_hits(&self, theme: &Theme, area: Rect, end: usize, buf: &mut Buffer) {
        let Some(found) = &self.search else { return };
        // Matches are in text order: skip to the first that can be in view
        // (one ending on or after the top line), stop past the last line.
        let from = found
            .matches
            .partition_point(|m| m.last().is_some_and(|h| h.line < self.scroll));
        let in_view = found.matches.iter().enumerate().skip(from);
        for (m, hits) in in_view.take_while(|(_, hits)| hits.first().is_some_and(|h| h.line < end))
        {
            let style = if m == found.current {
                theme.selected
            } else {
                theme.hit
            };
            for hit in hits.iter().filter(|h| (self.scroll..end).contains(&h.line)) {
                let text = text::plain(&self.wrapped.lines[hit.line]);
                let x = area.x as usize + text::str_width(&text[..hit.start]);
                let width = text::str_width(&text[hit.start..hit.end]);
                let y = area.y + (hit.line - self.scroll) as u16;
                let right = (x + width).min(area.right() as usize);
                if x < right {
                    buf.set_style(Rect::new(x as u16, y, (right - x) as u16, 1), style);
                }
            }
        }
    }
}

/// Draws wrapped lines from the top of `area`, as many as fit.
pub fn draw_lines(lines: &[text::Line], theme: &Theme, area: Rect, buf: &mut Buffer) {
    for (line, row) in lines.iter().zip(area.rows()) {
        let spans: Vec<Span> = line
            .iter()
            .map(|s| Span::styled(s.text.as_str(), theme.mark(s.mark)))
            .collect();
        Line::from(spans).render(row, buf);
    }
}
