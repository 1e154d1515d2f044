//! The Rankings tab: a table next to the one it compares with, how each
//! platform stands against it (and what that compares), and the selected
//! platform highlighted in both.

use std::collections::HashSet;
use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::panel::{Hints, draw_scrolled};
use crate::compare::{Comparison, Standing, base_text, scales};
use crate::dataset::{Dataset, RankingTable};
use crate::format;
use crate::lang::Lang;
use crate::text::{self, Doc, Mark, cut_to, find_all, str_width};
use crate::ui::columns::{BarKind, Grow, bar_cells, eighths};
use crate::ui::theme::Theme;

/// Inner width from which the two tables stand side by side.
pub const SIDE_BY_SIDE: u16 = 96;

/// Where the parts of the tab go.
struct PageLayout {
    title: Rect,
    /// Each table shown, whether it has the comparison column, and its area.
    tables: Vec<(usize, bool, Rect)>,
    columns: PageColumns,
    detail_area: Rect,
    detail: Vec<text::Line>,
}

/// Column widths shared by the tables of a page, and the figure a full bar
/// stands for.
#[derive(Debug, Clone, Copy)]
struct PageColumns {
    name: usize,
    value: usize,
    /// The comparison column; 0 where the page has none.
    standing: usize,
    bar: usize,
    scale: f64,
}

/// What one page of the tab shows: a table, and the one it compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub main: usize,
    pub base: Option<usize>,
}

/// The column a table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Rank,
    Platform,
    Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    pub const RANK: Sort = Sort {
        key: SortKey::Rank,
        descending: false,
    };

    /// Rank up, rank down, platform A-Z, Z-A, value high-low, low-high.
    pub fn next(self) -> Sort {
        let (key, descending) = match (self.key, self.descending) {
            (SortKey::Rank, false) => (SortKey::Rank, true),
            (SortKey::Rank, true) => (SortKey::Platform, false),
            (SortKey::Platform, false) => (SortKey::Platform, true),
            (SortKey::Platform, true) => (SortKey::Value, true),
            (SortKey::Value, true) => (SortKey::Value, false),
            (SortKey::Value, false) => (SortKey::Rank, false),
        };
        Sort { key, descending }
    }

    /// The header's mark on the sorted column: ▲ first to last as the
    /// column reads, ▼ the other way.
    fn arrow(self, key: SortKey) -> &'static str {
        match (self.key == key, self.descending) {
            (false, _) => "",
            (true, false) => " ▲",
            (true, true) => " ▼",
        }
    }

    /// Row indices of `t` in this order. Rows without a figure stay last
    /// when sorting by figure, whichever the direction.
    fn order(self, d: &Dataset, t: &RankingTable, lang: Lang) -> Vec<usize> {
        let mut order: Vec<usize> = (0..t.rows.len()).collect();
        match self.key {
            SortKey::Rank => order.sort_by_key(|&i| t.rows[i].rank),
            SortKey::Platform => {
                order.sort_by_cached_key(|&i| lang.platform(d, &t.rows[i].platform).to_lowercase())
            }
            SortKey::Value => order.sort_by(|&a, &b| {
                let (x, y) = (t.rows[a].value, t.rows[b].value);
                match (x, y) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
            }),
        }
        if self.descending {
            match self.key {
                SortKey::Value => {
                    let published = order
                        .iter()
                        .take_while(|&&i| t.rows[i].value.is_some())
                        .count();
                    order[..published].reverse();
                }
                _ => order.reverse(),
            }
        }
        order
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingsView {
    pub pages: Vec<Page>,
    pub page: usize,
    pub selected: usize,
    pub sort: Sort,
    /// Per table, its row indices in the sort order, and each row's place
    /// in that order; rebuilt only when the sort changes.
    orders: Vec<Vec<usize>>,
    places: Vec<Vec<usize>>,
    filter: String,
    pub lang: Lang,
    /// Per table: its platform and figure column widths, measured once.
    columns: Vec<(usize, usize)>,
    /// Per page: the figure a full bar stands for, one for all tables of
    /// the page's unit.
    scales: Vec<f64>,
    /// Per page: how its table stands against the one it compares with.
    comparisons: Vec<Option<Comparison>>,
    /// The current page's platforms, in the order a selection moves.
    platforms: Vec<String>,
}

/// The platform column never takes more than this share of a table's
/// width; longer names are cut with an ellipsis (the detail has them whole).
pub const NAME_SHARE: usize = 3;
/// The rank column: three digits and a space.
const RANK_WIDTH: usize = 4;

/// One page per table that compares with another, and one per table that
/// neither compares nor is compared with; a compared-with table appears on
/// the pages of the tables that compare with it.
pub fn pages(d: &Dataset) -> Vec<Page> {
    let targets: HashSet<&str> = d
        .rankings
        .iter()
        .filter_map(|t| t.compare_with.as_deref())
        .collect();
    d.rankings
        .iter()
        .enumerate()
        .filter(|(_, t)| t.compare_with.is_some() || !targets.contains(t.id.as_str()))
        .map(|(main, t)| Page {
            main,
            base: t.compare_with.as_deref().and_then(|id| d.table_index(id)),
        })
        .collect()
}

impl RankingsView {
    pub fn new(d: &Dataset) -> Self {
        let orders: Vec<Vec<usize>> = d
            .rankings
            .iter()
            .map(|t| (0..t.rows.len()).collect())
            .collect();
        let places = orders.clone();
        let pages = pages(d);
        let columns = d
            .rankings
            .iter()
            // Room in the headers for the sort arrow.
            .map(|t| {
                // Either language's names fit, so a switch keeps the columns.
                let ja = t
                    .rows
                    .iter()
                    .map(|r| str_width(Lang::Ja.row_name(d, r)))
                    .max()
                    .unwrap_or(0);
                let name = name_width(d, t).max(ja).max("Platform ▲".len());
                let value = value_width(t).max(str_width(&t.unit) + 2);
                (name, value)
            })
            .collect();
        let units = scales(d);
        let scales = pages
            .iter()
            .map(|p| {
                units
                    .get(d.rankings[p.main].unit.as_str())
                    .copied()
                    .unwrap_or(0.0)
            })
            .collect();
        let comparisons = pages
            .iter()
            .map(|p| p.base.map(|b| Comparison::new(d, p.main, b)))
            .collect();
        let mut view = RankingsView {
            pages,
            page: 0,
            selected: 0,
            sort: Sort::RANK,
            orders,
            places,
            filter: String::new(),
            lang: Lang::En,
            columns,
            scales,
            comparisons,
            platforms: Vec::new(),
        };
        view.list_platforms(d);
        view
    }

    /// The platforms a selection on the current page moves through: the
    /// main table's in its order, then those only the other table has.
    /// Listed for the current page only, when it changes, so that a file
    /// of many pages over one large table costs that table once, not once
    /// a page.
    fn list_platforms(&mut self, d: &Dataset) {
        let page = self.pages[self.page];
        let rows = |ti: usize| {
            self.orders[ti]
                .iter()
                .map(move |&i| &d.rankings[ti].rows[i])
        };
        let mut platforms: Vec<String> = rows(page.main).map(|r| r.platform.to_string()).collect();
        if let Some(b) = page.base {
            let only_in_base = rows(b).filter(|r| d.row_index(page.main, &r.platform).is_none());
            platforms.extend(only_in_base.map(|r| r.platform.to_string()));
        }
        self.platforms = platforms;
    }

    /// The current page's platforms, in the order a selection moves.
    pub fn platforms(&self) -> &[String] {
        &self.platforms
    }

    /// How the current page's table stands against the one it compares with.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparisons[self.page].as_ref()
    }

    /// Sorts every table by the next column or direction, keeping the
    /// selected platform.
    pub fn next_sort(&mut self, d: &Dataset) {
        self.sort = self.sort.next();
        self.rebuild(d);
    }

    /// Shows only the platforms whose name (English or Japanese) holds
    /// `query`, as a search finds it; an empty query shows all.
    pub fn set_filter(&mut self, d: &Dataset, query: &str) {
        self.filter = query.to_string();
        self.rebuild(d);
    }

    /// Names platforms in `lang`, and sorts by those names.
    pub fn set_lang(&mut self, d: &Dataset, lang: Lang) {
        self.lang = lang;
        self.rebuild(d);
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// "filter “fa”: 1 platform", while a filter is on.
    pub fn filter_status(&self) -> Option<String> {
        if self.filter.is_empty() {
            return None;
        }
        let n = self.platforms.len();
        Some(format!(
            "filter “{}”: {n} platform{}",
            self.filter,
            if n == 1 { "" } else { "s" }
        ))
    }

    /// Orders every table by the sort and the filter, keeping the selected
    /// platform where it is still shown.
    fn rebuild(&mut self, d: &Dataset) {
        let keep = self.selected_platform().to_string();
        let shown = |id: &str| {
            self.filter.is_empty()
                || d.platform(id).is_some_and(|p| {
                    !find_all(&p.name, &self.filter).is_empty()
                        || !find_all(&p.name_ja, &self.filter).is_empty()
                })
        };
        self.orders = d
            .rankings
            .iter()
            .map(|t| {
                self.sort
                    .order(d, t, self.lang)
                    .into_iter()
                    .filter(|&i| shown(&t.rows[i].platform))
                    .collect()
            })
            .collect();
        self.places = self
            .orders
            .iter()
            .zip(&d.rankings)
            .map(|(order, t)| {
                let mut place = vec![usize::MAX; t.rows.len()];
                for (at, &row) in order.iter().enumerate() {
                    place[row] = at;
                }
                place
            })
            .collect();
        self.list_platforms(d);
        self.keep_selection(&keep);
    }

    /// Selects `platform` where the page lists it, else the first.
    fn keep_selection(&mut self, platform: &str) {
        self.selected = self
            .platforms
            .iter()
            .position(|p| p == platform)
            .unwrap_or(0);
    }

    pub fn current(&self) -> &Page {
        &self.pages[self.page]
    }

    /// The selected platform's id; empty when the filter shows none.
    pub fn selected_platform(&self) -> &str {
        self.platforms.get(self.selected).map_or("", String::as_str)
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.platforms.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn to_last(&mut self) {
        self.selected = self.platforms.len().saturating_sub(1);
    }

    /// Turns the page, keeping the same platform selected where the new
    /// page has it.
    pub fn turn(&mut self, d: &Dataset, delta: isize) {
        let keep = self.selected_platform().to_string();
        let n = self.pages.len() as isize;
        self.page = (self.page as isize + delta).rem_euclid(n) as usize;
        self.list_platforms(d);
        self.keep_selection(&keep);
    }

    pub fn render(&self, d: &Dataset, theme: &Theme, body: Rect, buf: &mut Buffer) {
        let page = self.current();
        let lang = self.lang;
        let main = d.rankings[page.main].title.get(lang);
        let mut title = format!(
            " {} {}/{}: {main} ",
            lang.say("Rankings"),
            self.page + 1,
            self.pages.len()
        );
        if let Some(b) = page.base {
            let word = match self.comparison().map(Comparison::header) {
                Some("change") => lang.say("since"),
                _ => lang.say("against"),
            };
            let _ = write!(title, "{word} {} ", d.rankings[b].title.get(lang));
        }
        if let Some(status) = self.filter_status() {
            title.push_str(&format!("· {status} "));
        }
        let layout = self.layout(d, body);
        Line::from(title)
            .style(theme.title)
            .render(layout.title, buf);
        let hints = Hints::new("a taller window shows them", "");
        draw_scrolled(&layout.detail, 0, hints, theme, layout.detail_area, buf);
        for &(ti, with, area) in &layout.tables {
            self.render_table(d, theme, ti, layout.columns, with, area, buf);
        }
    }

    /// Where everything goes in the tab's body: one function for drawing
    /// and for finding what a click hit.
    fn layout(&self, d: &Dataset, body: Rect) -> PageLayout {
        let page = self.current();
        let [title, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
        let inner = rest.inner(Margin::new(1, 0));
        // Each shown table, and whether it is the one with the comparison.
        let shown: Vec<(usize, bool)> = match page.base {
            Some(b) => vec![(b, false), (page.main, true)],
            None => vec![(page.main, false)],
        };
        let side_by_side = inner.width >= SIDE_BY_SIDE || shown.len() == 1;
        let needs: Vec<u16> = shown
            .iter()
            .map(|&(t, _)| rows_u16(d.rankings[t].rows.len() + 3))
            .collect();
        let tables_need = if side_by_side {
            needs.iter().copied().max().unwrap_or(0)
        } else {
            needs.iter().sum()
        };
        // The tables come first; the detail takes what is left, at least
        // the rows that say what the comparison compares and why it is not
        // like for like.
        let mut doc = self.detail_doc(d);
        let width = usize::from(inner.width);
        // The comparison's summary leads the detail; it keeps its rows, and
        // one more says what is cut where more follows.
        let summary = self
            .comparison()
            .map_or(0, |c| c.summary_len(&c.caption(d, self.lang)));
        let rest = doc.paras.split_off(summary.min(doc.paras.len()));
        let mut detail = text::wrap(&doc, width);
        let caption = detail.len();
        detail.extend(text::wrap(&Doc { paras: rest }, width));
        let least = (caption + usize::from(detail.len() > caption)).max(2) as u16;
        let detail_rows =
            (detail.len() as u16).min(inner.height.saturating_sub(tables_need).max(least));
        let [tables, detail_area, _] = Layout::vertical([
            Constraint::Max(tables_need),
            Constraint::Length(detail_rows),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let areas = if side_by_side {
            Layout::horizontal(vec![Constraint::Fill(1); shown.len()]).split(tables)
        } else {
            let fit = needs.iter().sum::<u16>() <= tables.height;
            let constraints = needs.iter().map(|&n| {
                if fit {
                    Constraint::Length(n)
                } else {
                    Constraint::Fill(n)
                }
            });
            Layout::vertical(constraints).split(tables)
        };
        let tables: Vec<(usize, bool, Rect)> = shown
            .into_iter()
            .zip(areas.iter())
            .map(|((t, with), a)| (t, with, *a))
            .collect();
        let columns = self.columns_for(&tables);
        PageLayout {
            title,
            tables,
            columns,
            detail_area,
            detail,
        }
    }

    /// One set of columns for every table of the page, so that a bar of the
    /// same figure is as long in either table: the bar gets what the
    /// narrowest table leaves, the comparison column included.
    fn columns_for(&self, tables: &[(usize, bool, Rect)]) -> PageColumns {
        let inner = tables
            .iter()
            .map(|(_, _, a)| usize::from(a.width.saturating_sub(2)))
            .min()
            .unwrap_or(0);
        let widest = |f: fn(&(usize, usize)) -> usize| {
            tables
                .iter()
                .map(|&(t, _, _)| f(&self.columns[t]))
                .max()
                .unwrap_or(0)
        };
        let name = widest(|c| c.0).min(name_room(inner));
        let value = widest(|c| c.1);
        let standing = self.comparison().map_or(0, Comparison::column_width);
        let fixed = RANK_WIDTH + 1 + name + 1 + value + 1;
        let bar = inner.saturating_sub(fixed + if standing > 0 { standing + 1 } else { 0 });
        PageColumns {
            name,
            value,
            standing,
            bar,
            scale: self.scales[self.page],
        }
    }

    /// For the table at `ti` drawn in `area`: the first row in view, and
    /// where the selected platform is in the table's order.
    fn window(&self, d: &Dataset, ti: usize, area: Rect) -> (usize, Option<usize>) {
        // Keep the selected row in view: the window scrolls to put it on the
        // last row once it is past the first screenful.
        let in_view = usize::from(area.height.saturating_sub(3)).max(1);
        let selected = d
            .row_index(ti, self.selected_platform())
            .map(|row| self.places[ti][row])
            .filter(|&place| place != usize::MAX);
        (
            selected.map_or(0, |s| s.saturating_sub(in_view - 1)),
            selected,
        )
    }

    /// The platform whose row is at column `x`, row `y` of the screen.
    pub fn platform_at(&self, d: &Dataset, body: Rect, x: u16, y: u16) -> Option<String> {
        let layout = self.layout(d, body);
        let (ti, _, area) = layout
            .tables
            .into_iter()
            .find(|(_, _, a)| a.contains((x, y).into()))?;
        // Below the top border and the header row, above the bottom border.
        let row = y
            .checked_sub(area.y + 2)
            .filter(|_| y + 1 < area.bottom())?;
        let (first, _) = self.window(d, ti, area);
        let at = *self.orders[ti].get(first + usize::from(row))?;
        Some(d.rankings[ti].rows[at].platform.to_string())
    }

    /// Selects `platform` if this page lists it.
    pub fn select(&mut self, platform: &str) {
        if let Some(i) = self.platforms.iter().position(|p| p == platform) {
            self.selected = i;
        }
    }

    /// Draws the table at index `ti` in `area` in the page's columns, with
    /// the comparison column when `with`, building rows only for the window
    /// in view.
    #[allow(clippy::too_many_arguments)]
    fn render_table(
        &self,
        d: &Dataset,
        theme: &Theme,
        ti: usize,
        cols: PageColumns,
        with: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let t = &d.rankings[ti];
        let lang = self.lang;
        let title = format!(" {} ", format::table_title(t, lang));
        let block = Block::bordered()
            .title(Line::from(title).style(theme.heading))
            .title_bottom(Line::from(format!(" {} ", base_text(d, t))).right_aligned())
            .border_style(theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        // Both tables of a page use one set of columns, so their bars share
        // cells as well as a scale; only one has the comparison column.
        let comparison = self.comparison().filter(|_| with);
        // Columns left to right, a space between: rank, platform, figure,
        // the bar, and the comparison where there is one.
        let standing_width = if with { cols.standing } else { 0 };
        let widths = [RANK_WIDTH, cols.name, cols.value, cols.bar, standing_width];
        let mut starts = [0usize; 5];
        let mut x = usize::from(inner.x);
        for (start, w) in starts.iter_mut().zip(widths) {
            *start = x;
            x += w + 1;
        }
        let right = usize::from(inner.right());
        let at = |c: usize| u16::try_from(starts[c].min(right)).unwrap_or(u16::MAX);
        let room = |c: usize| widths[c].min(right.saturating_sub(starts[c]));
        let header_row = Rect { height: 1, ..inner };
        buf.set_style(header_row, theme.heading);
        let s = self.sort;
        let headers = [
            format!("{}{}", lang.say("Rank"), s.arrow(SortKey::Rank)),
            format!("{}{}", lang.say("Platform"), s.arrow(SortKey::Platform)),
            format!("{}{}", t.unit, s.arrow(SortKey::Value)),
            format::axis(cols.bar, cols.scale, &t.unit),
            comparison.map_or(String::new(), |c| lang.say(c.header()).to_string()),
        ];
        for (c, header) in headers.iter().enumerate() {
            put(buf, at(c), inner.y, header, room(c), theme.heading);
        }
        let in_view = usize::from(inner.height.saturating_sub(1)).max(1);
        let (first, selected) = self.window(d, ti, area);
        let order = &self.orders[ti];
        let window = &order[first.min(order.len())..(first + in_view).min(order.len())];
        // One buffer for every cell's text: a frame allocates nothing a row.
        let mut text = String::new();
        let plain = Style::new();
        for ((y, &i), place) in (inner.y + 1..inner.bottom()).zip(window).zip(first..) {
            let r = &t.rows[i];
            text.clear();
            match r.rank {
                Some(rank) => write!(text, "{rank:>3}"),
                None => write!(text, "  —"),
            }
            .ok();
            put(buf, at(0), y, &text, room(0), plain);
            cut_to(&mut text, lang.row_name(d, r), cols.name);
            put(buf, at(1), y, &text, room(1), plain);
            write_value_cell(&mut text, t, r.value);
            let pad = cols.value.saturating_sub(str_width(&text));
            put(
                buf,
                at(2).saturating_add(pad as u16),
                y,
                &text,
                room(2).saturating_sub(pad),
                plain,
            );
            match r.value {
                Some(v) if cols.scale > 0.0 => {
                    draw_hbar(buf, at(3), y, v, cols.scale, room(3), theme.series(0))
                }
                Some(_) => {}
                None => put(buf, at(3), y, "not published", room(3), theme.gap),
            }
            if let Some(c) = comparison {
                let standing = c.standings[i];
                put(
                    buf,
                    at(4),
                    y,
                    standing.label(),
                    room(4),
                    standing_style(standing, theme),
                );
            }
            if selected == Some(place) {
                // Every cell but the bar's: reversed, a bar would show its
                // empty track as the filled part.
                let bar = (
                    at(3),
                    at(3).saturating_add(u16::try_from(cols.bar).unwrap_or(u16::MAX)),
                );
                let row = Rect {
                    y,
                    height: 1,
                    ..inner
                };
                for part in [
                    Rect {
                        width: bar.0.saturating_sub(row.x),
                        ..row
                    },
                    Rect {
                        x: bar.1.min(row.right()),
                        width: row.right().saturating_sub(bar.1),
                        ..row
                    },
                ] {
                    buf.set_style(part, theme.selected);
                }
            }
        }
    }

    /// What the page compares, with its caveats, then the selected platform
    /// across the page's tables, with sources and the essay's words.
    pub fn detail_doc(&self, d: &Dataset) -> Doc {
        let page = self.current();
        let lang = self.lang;
        let id = self.selected_platform();
        let mut doc = Doc::default();
        if id.is_empty() {
            let none = format!(
                "No platform on this page matches “{}”; Esc clears the filter.",
                self.filter
            );
            doc.push(vec![text::Span::new(none, Mark::Meta)]);
            return doc;
        }
        // What the comparison compares leads: a short window must not cut it.
        if let Some(c) = self.comparison() {
            for caveat in c.caption(d, lang) {
                doc.push(vec![text::Span::new(caveat, Mark::Meta)]);
            }
        }
        let mut head = vec![text::Span::new(
            lang.platform(d, id).to_string(),
            Mark::Platform,
        )];
        if let Some(p) = d.platform(id) {
            // The name in the other language, where it differs.
            let other = lang.toggle().platform(d, id);
            let mut extra = if p.name_ja == p.name {
                String::new()
            } else {
                format!(" · {other}")
            };
            if let Some(note) = &p.note {
                extra.push_str(&format!(" · {note}"));
            }
            head.push(text::Span::new(extra, Mark::Meta));
        }
        doc.push(head);
        for ti in page.base.into_iter().chain([page.main]) {
            let t = &d.rankings[ti];
            let title = t.title.get(lang);
            let line = match d.row_index(ti, id) {
                None => vec![text::Span::new(
                    format!("{title}: not in its published list"),
                    Mark::Meta,
                )],
                Some(ri) => {
                    let r = &t.rows[ri];
                    let value = r.value.map_or("figure not published".to_string(), |v| {
                        format::with_unit(v, &t.unit)
                    });
                    let rank = r
                        .rank
                        .map_or("not ranked".to_string(), |n| format!("rank {n}"));
                    let mut line = vec![
                        text::Span::new(format!("{title}: "), Mark::Plain),
                        text::Span::new(format!("{rank}, {value}"), Mark::Figure),
                    ];
                    if let Some(c) = self.comparison().filter(|c| c.main == ti) {
                        let base = d.rankings[c.base].title.get(lang);
                        let words = standing_words(c.standings[ri], base, &t.unit);
                        line.push(text::Span::new(format!(" ({words})"), Mark::Plain));
                    }
                    if let Some(name) = &r.name {
                        line.push(text::Span::new(
                            format!(" · named “{}”", name.get(lang)),
                            Mark::Meta,
                        ));
                    }
                    line.push(text::Span::new(
                        format!(" · {}", r.sources.join(", ")),
                        Mark::Meta,
                    ));
                    if let Some(q) = &r.quote {
                        line.push(text::Span::new(" · essay ", Mark::Meta));
                        line.push(text::Span::new(format!("“{q}”"), Mark::Quote));
                    }
                    line
                }
            };
            doc.push(line);
        }
        doc
    }
}

/// A standing in words, for the detail line.
fn standing_words(s: Standing, base: &str, unit: &str) -> String {
    let points = if unit == "%" {
        " percentage points"
    } else {
        ""
    };
    match s {
        Standing::Up(n) => format!("up {n} since {base}, among the platforms both list"),
        Standing::Down(n) => format!("down {n} since {base}, among the platforms both list"),
        Standing::Same => format!("same place as in {base}, among the platforms both list"),
        Standing::Diff(v) => format!("{}{points} against {base}", format::signed(v)),
        Standing::Unlisted => format!("not in the published list of {base}"),
        Standing::NoFigure => format!("no figure to set against {base}"),
    }
}

fn standing_style(s: Standing, theme: &Theme) -> Style {
    match s {
        Standing::Up(_) => theme.up,
        Standing::Down(_) => theme.down,
        Standing::Diff(v) if v > 0.0 => theme.up,
        Standing::Diff(v) if v < 0.0 => theme.down,
        _ => Style::new(),
    }
}

/// The most a platform column may take of `width` columns.
pub fn name_room(width: usize) -> usize {
    (width / NAME_SHARE).max(8)
}

/// The width of a table's platform column, at least that of its header.
pub fn name_width(d: &Dataset, t: &RankingTable) -> usize {
    let names = t.rows.iter().map(|r| str_width(Lang::En.row_name(d, r)));
    names.max().unwrap_or(0).max("Platform".len())
}

/// A row's figure as its cell shows it: "34%", "75.9", or "—" where the
/// source publishes only the rank.
pub fn value_cell(t: &RankingTable, value: Option<f64>) -> String {
    let mut cell = String::new();
    write_value_cell(&mut cell, t, value);
    cell
}

/// [`value_cell`] written over `out`, so a frame can reuse one buffer.
fn write_value_cell(out: &mut String, t: &RankingTable, value: Option<f64>) {
    out.clear();
    let suffix = if t.unit == "%" { "%" } else { "" };
    // Writing to a String cannot fail.
    let _ = match value {
        Some(v) => write!(out, "{v}{suffix}"),
        None => write!(out, "—"),
    };
}

/// The width of a table's figure column, at least that of its unit header.
pub fn value_width(t: &RankingTable) -> usize {
    let cells = t.rows.iter().map(|r| str_width(&value_cell(t, r.value)));
    cells.max().unwrap_or(0).max(str_width(&t.unit))
}

/// A row's bar where `width` cells stand for `scale`, or words where there
/// is no figure to draw.
pub fn bar_cell(value: Option<f64>, scale: f64, width: usize) -> String {
    match value {
        Some(v) if scale > 0.0 => hbar(v, scale, width).collect(),
        Some(_) => String::new(),
        None => "not published".to_string(),
    }
}

/// The glyphs of a horizontal bar for `value` where `width` cells stand
/// for `scale`, exact to an eighth of a cell.
fn hbar(value: f64, scale: f64, width: usize) -> impl Iterator<Item = char> {
    bar_cells(BarKind::Estimate, Grow::Right, eighths(value, scale, width))
}

/// Writes `text` from `x` on row `y`, at most `max` columns, as
/// `Buffer::set_stringn` does; printable ASCII (all that cleaned ASCII text
/// holds) goes straight into cells, a character a cell, without the
/// grapheme segmentation that costs a full table most of its frame.
fn put(buf: &mut Buffer, x: u16, y: u16, text: impl AsRef<str>, max: usize, style: Style) {
    let text = text.as_ref();
    if !text.is_ascii() {
        buf.set_stringn(x, y, text, max, style);
        return;
    }
    for (cx, c) in (x..).zip(text.chars().take(max)) {
        if let Some(cell) = buf.cell_mut((cx, y)) {
            cell.set_char(c).set_style(style);
        }
    }
}

/// A horizontal bar drawn into the cells from `x` on row `y`, its style laid
/// over what is there (a selected row stays reversed).
fn draw_hbar(buf: &mut Buffer, x: u16, y: u16, value: f64, scale: f64, width: usize, style: Style) {
    for (cx, glyph) in (x..).zip(hbar(value, scale, width)) {
        if let Some(cell) = buf.cell_mut((cx, y)) {
            cell.set_char(glyph).set_style(style);
        }
    }
}

/// A count of rows or columns as a terminal dimension, capped rather than
/// wrapped round.
fn rows_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_measured_in_eighths() {
        assert_eq!(bar_cell(Some(100.0), 100.0, 4), "████");
        assert_eq!(bar_cell(Some(50.0), 100.0, 3), "█▌");
        assert_eq!(bar_cell(Some(0.0), 100.0, 10), "");
        assert_eq!(bar_cell(None, 100.0, 10), "not published");
    }
}
