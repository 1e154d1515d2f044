//! Searching the text, and jumping to the essay's words: what is looked
//! for, the match the view is on, and what the footer says of it.

use std::sync::Arc;

use super::{Kind, Search, TextView};
use crate::format;
use crate::lang::Lang;
use crate::text::search::{Place, stored};
use crate::text::{self, Matches, Searchable};
use crate::tr;

/// Columns of a query the status quotes before it cuts it.
const QUOTED: usize = 40;

impl TextView {
    /// A search shows the first match at or below the top of the view; a
    /// jump's highlight, its first match.
    pub(super) fn take_matches(&mut self, matches: Matches) {
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
    pub(super) fn reveal(&mut self) {
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
    pub(super) fn folded_offset_of_line(&self, line: usize) -> usize {
        let Some(text) = &self.text else { return 0 };
        match self.wrapped.origins.get(line) {
            Some(o) => text.folded.offset(&text.doc, (o.para, o.offset)),
            None => text.folded.len(),
        }
    }

    /// The hits on the wrapped lines of the match starting at folded offset
    /// `start`.
    pub(super) fn hits(
        &self,
        text: &Searchable,
        start: usize,
        len: usize,
    ) -> (usize, Vec<text::Hit>) {
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
}
