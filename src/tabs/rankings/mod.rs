//! The Rankings tab: a table next to the one it compares with, how each
//! platform stands against it (and what that compares), and the selected
//! platform highlighted in both.

mod detail;
mod draw;
mod sort;

use std::collections::HashSet;

pub use draw::SIDE_BY_SIDE;
pub use sort::{Sort, SortKey};

use crate::compare::{Comparison, scales};
use crate::dataset::Dataset;
use crate::format::table::{name_width, value_width};
use crate::lang::Lang;
use crate::text::find_all;
use crate::tr;
use crate::width::str_width;

/// What one page of the tab shows: a table, and the one it compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub main: usize,
    pub base: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingsView {
    pages: Vec<Page>,
    page: usize,
    selected: usize,
    sort: Sort,
    /// Per table, its row indices in the sort order, and each row's place
    /// in that order; rebuilt only when the sort changes.
    orders: Vec<Vec<usize>>,
    places: Vec<Vec<usize>>,
    filter: String,
    /// Per table: its platform and figure column widths, measured once.
    columns: Vec<(usize, usize)>,
    /// Per page: the figure a full bar stands for, one for all tables of
    /// the page's unit.
    scales: Vec<f64>,
    /// Per page: how its table stands against the one it compares with.
    comparisons: Vec<Option<Comparison>>,
    /// The current page's platforms, in the order a selection moves.
    platforms: Vec<String>,
    /// The page chosen in the list of tables, while it is open.
    picker: Option<usize>,
    /// Whether the table the user is in is the page's base (the one the
    /// main table compares with), not the main one.
    in_base: bool,
}

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
            columns,
            scales,
            comparisons,
            platforms: Vec::new(),
            picker: None,
            in_base: false,
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

    /// Every page: a table and the one it compares with.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// Which page is shown.
    pub fn page(&self) -> usize {
        self.page
    }

    /// Where the selection is among the page's platforms.
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// Opens the list of tables at the current one, or closes it.
    pub fn toggle_pages(&mut self) {
        self.picker = match self.picker {
            Some(_) => None,
            None => Some(self.page),
        };
    }

    /// The page's tables (the base first) with their rows as shown: in the
    /// sort's order, the filter applied.
    pub fn shown_rows(&self) -> Vec<(usize, &[usize])> {
        let page = self.current();
        page.base
            .into_iter()
            .chain([page.main])
            .map(|ti| (ti, self.orders[ti].as_slice()))
            .collect()
    }

    /// How the rows shown are chosen and ordered, in words: "sorted by
    /// platform ▲, filter “fa”".
    pub fn describe_view(&self, lang: Lang) -> String {
        let sort = self.sort.describe(lang);
        let mut out = tr!(lang, "sorted {sort}", "{sort}");
        if !self.filter.is_empty() {
            let f = &self.filter;
            out.push_str(&tr!(lang, ", filter “{f}”", "、絞り込み “{f}”"));
        }
        out
    }

    /// The table the user is in: Enter and y take its figure.
    pub fn focused_table(&self) -> usize {
        let page = self.pages[self.page];
        match page.base {
            Some(b) if self.in_base => b,
            _ => page.main,
        }
    }

    /// Moves into the page's other table, where it has one.
    pub fn other_table(&mut self) {
        self.in_base = !self.in_base && self.pages[self.page].base.is_some();
    }

    /// The page chosen in the open list of tables.
    pub fn picked(&self) -> Option<usize> {
        self.picker
    }

    /// Moves the choice in the list by `delta` pages, round the ends.
    pub fn pick_by(&mut self, delta: isize) {
        let n = self.pages.len() as isize;
        if let Some(at) = &mut self.picker {
            *at = (*at as isize + delta).rem_euclid(n) as usize;
        }
    }

    /// Chooses page `at` in the open list, or the last where there is none.
    pub fn pick(&mut self, at: usize) {
        let last = self.pages.len().saturating_sub(1);
        if let Some(picked) = &mut self.picker {
            *picked = at.min(last);
        }
    }

    /// Moves the choice by `delta` pages, stopping at the ends: a page of
    /// the list at a time does not wrap round.
    pub fn pick_within(&mut self, delta: isize) {
        if let Some(at) = self.picker {
            self.pick(at.saturating_add_signed(delta));
        }
    }

    /// Goes to the page chosen in the list, and closes it.
    pub fn go_to_picked(&mut self, d: &Dataset) {
        if let Some(at) = self.picker.take() {
            self.turn(d, at as isize - self.page as isize);
        }
    }

    /// Selects the page's first platform.
    pub fn to_first(&mut self) {
        self.selected = 0;
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
    pub fn next_sort(&mut self, d: &Dataset, lang: Lang) {
        self.sort = self.sort.next();
        self.rebuild(d, lang);
    }

    /// Shows only the platforms whose name (English or Japanese) holds
    /// `query`, as a search finds it; an empty query shows all.
    pub fn set_filter(&mut self, d: &Dataset, lang: Lang, query: &str) {
        self.filter = query.to_string();
        self.rebuild(d, lang);
    }

    /// Names platforms in `lang`, and sorts by those names.
    pub fn set_lang(&mut self, d: &Dataset, lang: Lang) {
        self.rebuild(d, lang);
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// "filter “fa”: 1 platform", while a filter is on.
    pub fn filter_status(&self, lang: Lang) -> Option<String> {
        if self.filter.is_empty() {
            return None;
        }
        let (n, filter) = (self.platforms.len(), &self.filter);
        let s = if n == 1 { "" } else { "s" };
        Some(tr!(
            lang,
            "filter “{filter}”: {n} platform{s}",
            "絞り込み “{filter}”: {n}件"
        ))
    }

    /// Orders every table by the sort and the filter, keeping the selected
    /// platform where it is still shown.
    fn rebuild(&mut self, d: &Dataset, lang: Lang) {
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
                    .order(d, t, lang)
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

    /// Selects `platform` if this page lists it.
    pub fn select(&mut self, platform: &str) {
        if let Some(i) = self.platforms.iter().position(|p| p == platform) {
            self.selected = i;
        }
    }
}
