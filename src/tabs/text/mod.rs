//! A scrolling view of a wrapped [`Doc`]: the Essay and Sources tabs.

mod draw;
mod search;

use ratatui::layout::{Margin, Rect};

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use crate::dataset::Dataset;
use crate::lang::Lang;
use crate::scroll::Scroll;
use crate::tab::Tab;
use crate::text::{self, Doc, Matches, Searchable};
use crate::tr;
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
