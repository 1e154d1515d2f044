//! A scrolling view of a wrapped [`Doc`]: the Essay and Sources tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use super::{Ctx, View};
use crate::dataset::Dataset;
use crate::format;
use crate::lang::Lang;
use crate::scroll::Scroll;
use crate::tab::Tab;
use crate::text::search::{Place, stored};
use crate::text::{self, Doc, Matches, Searchable};
use crate::tr;
use crate::ui::panel::draw_lines;
use crate::ui::theme::Theme;
use crate::work::{Done, Job, Outcome, Progress, Task};

/// A text built from the dataset when first opened, and wrapped to the
/// width of the window when shown: a large essay costs nothing until read.
/// The building, wrapping and searching run as [`Job`]s, one at a time;
/// until one is done the view shows what it had.
#[derive(Debug)]
pub struct TextView {
    /// Which tab this is, to address its jobs.
    tab: Tab,
    build: fn(&Dataset, Lang) -> Doc,
    text: Option<Arc<Searchable>>,
    /// The text wrapped to `width`, each line with where it starts in the
    /// text; rewrapped only when the width changes.
    wrapped: text::Wrapped,
    width: usize,
    search: Option<Search>,
    /// Where the text goes, as of the last resize.
    area: Rect,
    /// Whether lines run the full width of the window, not the reading
    /// width.
    full: bool,
    scroll: Scroll,
    /// The job under way, if any.
    work: Option<Work>,
    /// The ticket of the latest job: an older one stops.
    latest: Arc<AtomicU64>,
    /// The current match is to be scrolled to once the text is wrapped.
    reveal_when_wrapped: bool,
}

/// A search: what is looked for, what it found once found, and the match
/// the view is on.
#[derive(Debug, Clone)]
struct Search {
    query: String,
    /// Whether `query` is the essay's words, found as [`text::find_quote`]
    /// finds them, or a search.
    quote: bool,
    /// Whether the user typed it: a jump's highlight is not a search, and
    /// the footer does not quote it.
    typed: bool,
    found: Option<Arc<Matches>>,
    /// What the search before found, for this one to narrow.
    previous: Option<Arc<Matches>>,
    current: usize,
}

/// What a job does, to tell whether the one under way is still wanted.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Wrap(usize),
    Search(String),
}

#[derive(Debug, Clone, PartialEq)]
struct Work {
    ticket: u64,
    kind: Kind,
    share: f64,
    found: usize,
}

/// Columns of a query the status quotes before it cuts it.
const QUOTED: usize = 40;

/// The widest a line of text is at the reading width: lines much longer
/// than this are hard to follow from one to the next.
pub const READING_WIDTH: u16 = 78;

/// Where the text goes inside the tab's body: within the border, less the
/// scrollbar's column on the right, a column of margin either side where
/// there is room, and (unless `full`) no wider than [`READING_WIDTH`],
/// centred.
fn text_area(body: Rect, full: bool) -> Rect {
    let inner = body.inner(Margin::new(1, 1));
    let room = inner.width.saturating_sub(1);
    let margin = if room >= 40 { 1 } else { 0 };
    let usable = room - 2 * margin;
    let width = if full {
        usable
    } else {
        usable.min(READING_WIDTH)
    };
    Rect {
        x: inner.x + margin + (usable - width) / 2,
        width,
        ..inner
    }
}

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
    pub fn new(tab: Tab, build: fn(&Dataset, Lang) -> Doc) -> Self {
        TextView {
            tab,
            build,
            text: None,
            wrapped: text::Wrapped::default(),
            width: 0,
            search: None,
            area: Rect::default(),
            full: false,
            scroll: Scroll::default(),
            work: None,
            latest: Arc::default(),
            reveal_when_wrapped: false,
        }
    }

    /// Takes the tab's new body area; the text is rewrapped when next
    /// shown. A view at the end stays at the end.
    pub fn resize(&mut self, body: Rect) {
        let at_end = self.scroll.at_bottom();
        self.area = text_area(body, self.full);
        self.fit();
        if at_end {
            self.scroll.to_bottom();
        }
    }

    /// Lines the full width of the window, or at the reading width; the
    /// text is rewrapped when next shown.
    pub fn set_full_width(&mut self, full: bool, body: Rect) {
        self.full = full;
        self.resize(body);
    }

    pub fn full_width(&self) -> bool {
        self.full
    }

    fn area_width(&self) -> usize {
        usize::from(self.area.width).max(1)
    }

    /// What the view needs done next: build and wrap the text (only while
    /// `shown`), then find what is searched for.
    fn wanted(&self, shown: bool, lang: Lang) -> Option<Kind> {
        let stale = self.text.as_ref().is_none_or(|t| t.lang != lang);
        if stale || self.width != self.area_width() {
            return shown.then(|| Kind::Wrap(self.area_width()));
        }
        let search = self.search.as_ref().filter(|s| s.found.is_none())?;
        Some(Kind::Search(search.query.clone()))
    }

    /// The job to start next, if any: the work under way goes on while
    /// still wanted, and is stopped when not. A view not `shown` starts
    /// nothing, but lets its work finish.
    pub fn next_job(&mut self, data: &Arc<Dataset>, lang: Lang, shown: bool) -> Option<Job> {
        let wanted = self.wanted(shown, lang);
        if let Some(work) = &self.work {
            if !shown || wanted.as_ref() == Some(&work.kind) {
                return None;
            }
            self.stop();
        }
        let task = match wanted.clone()? {
            Kind::Wrap(width) => Task::Wrap {
                data: Arc::clone(data),
                build: self.build,
                // A text in another language is built again.
                text: self.text.clone().filter(|t| t.lang == lang),
                width,
                lang,
            },
            Kind::Search(query) => {
                let search = self.search.as_ref()?;
                Task::Search {
                    text: self.text.clone()?,
                    query,
                    quote: search.quote,
                    previous: search.previous.clone(),
                }
            }
        };
        let job = Job::new(self.tab, &self.latest, task);
        self.work = Some(Work {
            ticket: job.ticket,
            kind: wanted?,
            share: 0.0,
            found: 0,
        });
        Some(job)
    }

    /// Stops the work under way; its outcome, if it comes, is ignored.
    pub fn stop(&mut self) {
        if self.work.take().is_some() {
            self.latest
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    pub fn busy(&self) -> bool {
        self.work.is_some()
    }

    /// Whether the text is being built or wrapped.
    pub fn wrapping(&self) -> bool {
        self.work
            .as_ref()
            .is_some_and(|w| matches!(w.kind, Kind::Wrap(_)))
    }

    /// The work under way, if `ticket` is its.
    fn work_for(&mut self, ticket: u64) -> Option<&mut Work> {
        self.work.as_mut().filter(|w| w.ticket == ticket)
    }

    /// Takes a report of how far the work under way has got.
    pub fn progress(&mut self, p: Progress) {
        if let Some(work) = self.work_for(p.ticket) {
            (work.share, work.found) = (p.share, p.found);
        }
    }

    /// Takes the outcome of the work under way; an outcome of work since
    /// stopped or overtaken is dropped.
    pub fn finish(&mut self, done: Done) {
        if self.work_for(done.ticket).is_none() {
            return;
        }
        self.work = None;
        match done.outcome {
            Outcome::Wrapped {
                text,
                width,
                wrapped,
            } => self.take_wrapped(text, width, wrapped),
            Outcome::Found(matches) => self.take_matches(matches),
        }
    }

    /// At the end of the text it stays at the end, and otherwise the top
    /// line stays at the same place in the text.
    fn take_wrapped(&mut self, text: Arc<Searchable>, width: usize, wrapped: text::Wrapped) {
        let at_end = self.scroll.at_bottom();
        let fraction = if self.wrapped.lines.is_empty() {
            0.0
        } else {
            self.scroll.top() as f64 / self.wrapped.lines.len() as f64
        };
        // A text built again (in another language) moves what a search
        // found: it is searched again.
        let rebuilt = self.text.as_ref().is_some_and(|t| !Arc::ptr_eq(t, &text));
        if rebuilt && let Some(search) = &mut self.search {
            search.found = None;
            search.previous = None;
        }
        self.text = Some(text);
        self.wrapped = wrapped;
        self.width = width;
        self.fit();
        if at_end {
            self.scroll.to_bottom();
        } else {
            self.scroll
                .to((fraction * self.wrapped.lines.len() as f64) as usize);
        }
        if std::mem::take(&mut self.reveal_when_wrapped) {
            self.reveal();
        }
    }

    /// A search shows the first match at or below the top of the view; a
    /// jump's highlight, its first match.
    fn take_matches(&mut self, matches: Matches) {
        let top = self.folded_offset_of_line(self.scroll.top());
        let Some(search) = &mut self.search else {
            return;
        };
        search.current = if !search.typed {
            0
        } else {
            matches.starts.partition_point(|&s| (s as usize) < top)
        };
        if search.current >= matches.starts.len() {
            search.current = 0;
        }
        search.found = Some(Arc::new(matches));
        search.previous = None;
        self.reveal();
    }

    /// Looks for `query` (as [`text::find_all`] does); the first match at
    /// or below the top of the view is shown once found. An empty query
    /// clears the search.
    pub fn search(&mut self, query: &str) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        // What the last search typed found, for this one to narrow.
        let previous = self
            .search
            .take()
            .filter(|s| s.typed)
            .and_then(|s| s.found.or(s.previous));
        self.search = Some(Search {
            query: query.to_string(),
            quote: false,
            typed: true,
            found: None,
            previous,
            current: 0,
        });
    }

    /// Highlights the essay's words `quote` and scrolls to them, once found.
    pub fn show_quote(&mut self, quote: &str) {
        self.highlight(quote, true);
    }

    /// Highlights `text` where it stands and scrolls to it, once found.
    pub fn show_text(&mut self, text: &str) {
        self.highlight(text, false);
    }

    fn highlight(&mut self, query: &str, quote: bool) {
        self.search = Some(Search {
            query: query.to_string(),
            quote,
            typed: false,
            found: None,
            previous: None,
            current: 0,
        });
    }

    /// Moves to the next (or, with -1, previous) match, round the ends;
    /// true when it went round.
    pub fn next_match(&mut self, delta: isize) -> bool {
        let mut wrapped = false;
        if let Some(search) = &mut self.search
            && let Some(found) = &search.found
            && !found.starts.is_empty()
        {
            let n = found.starts.len() as isize;
            let to = search.current as isize + delta;
            wrapped = !(0..n).contains(&to);
            search.current = to.rem_euclid(n) as usize;
        }
        self.reveal();
        wrapped
    }

    /// Scrolls the current match into view, a third of the way down; once
    /// the text is wrapped, if it is not yet.
    fn reveal(&mut self) {
        if self.width != self.area_width() || self.text.is_none() {
            self.reveal_when_wrapped = true;
            return;
        }
        let Some(line) = self.current_match_line() else {
            return;
        };
        let rows = self.height();
        self.scroll.reveal(line, rows);
    }

    /// The place in the text of a folded offset.
    fn place(&self, text: &Searchable, at: usize) -> Place {
        text.folded.place(&text.doc, at)
    }

    /// The folded offset where wrapped line `line` starts; the end of the
    /// text past the last line.
    fn folded_offset_of_line(&self, line: usize) -> usize {
        let Some(text) = &self.text else { return 0 };
        match self.wrapped.origins.get(line) {
            Some(o) => text.folded.offset(&text.doc, (o.para, o.offset)),
            None => text.folded.len(),
        }
    }

    /// The hits on the wrapped lines of the match starting at folded offset
    /// `start`.
    fn hits(&self, text: &Searchable, start: usize, len: usize) -> (usize, Vec<text::Hit>) {
        let (para, from) = self.place(text, start);
        let (_, to) = self.place(text, start + len);
        // The line it starts on, even if it shows on none (a match on
        // nothing but the spaces dropped at a break): the last line that
        // starts at or before it, within its paragraph.
        let line = self
            .wrapped
            .origins
            .partition_point(|o| (o.para, o.offset) <= (para, from))
            .saturating_sub(1)
            .max(self.wrapped.origins.partition_point(|o| o.para < para));
        (line, self.wrapped.locate(para, from..to))
    }

    /// "“query” 3/7", that there is no match, or how the search is going,
    /// while a search the user typed is on: the essay's words an Enter
    /// jumped to are a highlight, not a search.
    pub fn search_status(&self, lang: Lang) -> Option<String> {
        let s = self.search.as_ref().filter(|s| s.typed)?;
        // A long query (a paste) is cut, so what it found still shows.
        let mut query = String::new();
        crate::width::cut_to(&mut query, &s.query, QUOTED);
        Some(match (&s.found, &self.work) {
            (Some(found), _) if found.starts.is_empty() => {
                tr!(lang, "“{query}” not found", "“{query}” 見つからない")
            }
            (Some(found), _) => format!("“{query}” {}/{}", s.current + 1, found.starts.len()),
            (None, Some(work)) if work.kind == Kind::Search(s.query.clone()) => {
                let done = match work.found {
                    0 => format!("{:.0}%", work.share * 100.0),
                    n => {
                        let n = format::thousands(stored(n));
                        tr!(lang, "{n} matches so far", "これまでに{n}件")
                    }
                };
                tr!(
                    lang,
                    "“{query}” searching… {done}",
                    "“{query}” 検索中… {done}"
                )
            }
            (None, _) => format!("“{query}”"),
        })
    }

    /// What the footer says of the view: that its text is being wrapped,
    /// or else the search.
    pub fn status(&self, lang: Lang) -> Option<String> {
        match &self.work {
            Some(work) if matches!(work.kind, Kind::Wrap(_)) => {
                let done = format!("{:.0}%", work.share * 100.0);
                Some(tr!(
                    lang,
                    "wrapping… {done} (Esc goes back)",
                    "折り返し中… {done}（Escで戻る）"
                ))
            }
            _ => self.search_status(lang),
        }
    }

    /// Whether a search the user typed is on (not a jump's highlight).
    pub fn searching(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.typed)
    }

    pub fn query(&self) -> Option<&str> {
        self.search.as_ref().map(|s| s.query.as_str())
    }

    /// The line the current match starts on.
    pub fn current_match_line(&self) -> Option<usize> {
        let text = self.text.as_ref()?;
        let s = self.search.as_ref()?;
        let found = s.found.as_ref()?;
        let start = *found.starts.get(s.current)? as usize;
        Some(self.hits(text, start, found.len).0)
    }

    /// The first line in view.
    pub fn scroll(&self) -> usize {
        self.scroll.top()
    }

    pub fn line_count(&self) -> usize {
        self.wrapped.lines.len()
    }

    pub fn max_scroll(&self) -> usize {
        self.scroll.max()
    }

    /// Bounds the scroll by the wrapped text and the rows that show it.
    fn fit(&mut self) {
        self.scroll.fit(self.wrapped.lines.len(), self.height());
    }

    fn height(&self) -> usize {
        usize::from(self.area.height)
    }

    /// Moves by `delta` lines, clamped to the text.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll.by(delta);
    }

    pub fn page(&self) -> isize {
        self.height().saturating_sub(1).max(1) as isize
    }

    pub fn to_top(&mut self) {
        self.scroll.to_top();
    }

    /// Scrolls so that `line` is the first in view, as far as the text goes.
    pub fn scroll_to(&mut self, line: usize) {
        self.scroll.to(line);
    }

    pub fn to_bottom(&mut self) {
        self.scroll.to_bottom();
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
