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
    /// `doc` wrapped to `width`; rewrapped only when the width changes.
    lines: Vec<text::Line>,
    width: usize,
    /// Where the text goes, as of the last resize.
    area: Rect,
    scroll: usize,
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
            lines: Vec::new(),
            width: 0,
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
            let fraction = if self.lines.is_empty() {
                0.0
            } else {
                self.scroll as f64 / self.lines.len() as f64
            };
            let lines = text::wrap(doc, width);
            self.lines = lines;
            self.width = width;
            self.scroll = if at_end {
                self.max_scroll()
            } else {
                (fraction * self.lines.len() as f64) as usize
            };
        }
        self.clamp();
    }

    fn at_end(&self) -> bool {
        self.scroll > 0 && self.scroll == self.max_scroll()
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height())
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
        let end = (self.scroll + usize::from(area.height)).min(self.lines.len());
        let position = if self.lines.is_empty() {
            String::new()
        } else {
            format!(" lines {}-{end} of {} ", self.scroll + 1, self.lines.len())
        };
        Block::bordered()
            .title(format!(" {title} "))
            .title_bottom(Line::from(position).right_aligned())
            .border_style(theme.border)
            .render(body, buf);
        draw_lines(&self.lines[self.scroll..end], theme, area, buf);
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
