//! Growth's figures as a table (`t`): every report's figure year by year
//! (the ledger), its selection kept with the chart's year.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::GrowthView;
use crate::dataset::Dataset;
use crate::lang::Lang;
use crate::ledger;
use crate::tabs::Ctx;
use crate::text::{self, Mark};
use crate::tr;
use crate::width::{cut_to, str_width};

impl GrowthView {
    /// Shows every report's figure as a table (the ledger), or the chart
    /// again: the same figures, for exact values and for screen readers.
    /// The table opens at the chart's year, and the chart comes back at
    /// the table's, where it has that year: one selection, two views.
    pub fn toggle_table(&mut self, d: &Dataset) {
        match self.table {
            Some(row) => {
                self.table = None;
                let year = self.ledger.get(row).map(|e| e.row(d).point.year);
                if let Some(year) = year.filter(|y| self.years(d).contains(y)) {
                    self.select(year);
                }
            }
            None => {
                self.table = Some(0);
                self.table_to_year(d, self.year);
            }
        }
    }

    /// In the table: the first row of the year before (-1) or after (+1)
    /// the selected row's, where there is one.
    pub fn table_step_year(&mut self, d: &Dataset, delta: i32) {
        let Some(row) = self.table else { return };
        let year_of = |i: usize| self.ledger[i].row(d).point.year;
        let Some(now) = self.ledger.get(row).map(|_| year_of(row)) else {
            return;
        };
        let target = if delta < 0 {
            (0..row).rev().map(year_of).find(|&y| y < now)
        } else {
            (row..self.ledger.len()).map(year_of).find(|&y| y > now)
        };
        if let Some(year) = target {
            self.table_to_year(d, year);
        }
    }

    /// While the table is shown, selects the first of its rows for `year`;
    /// false where it has none.
    pub fn table_to_year(&mut self, d: &Dataset, year: i32) -> bool {
        let found = self.ledger.iter().position(|e| e.row(d).point.year == year);
        if let (Some(at), Some(row)) = (&mut self.table, found) {
            *at = row;
        }
        found.is_some()
    }

    /// The ledger's selected row, while the table is shown.
    pub fn table_row(&self) -> Option<usize> {
        self.table
    }

    /// Moves the table's selection by `delta` rows.
    pub fn move_in_table(&mut self, delta: isize) {
        let last = self.ledger.len().saturating_sub(1);
        if let Some(at) = &mut self.table {
            *at = at.saturating_add_signed(delta).min(last);
        }
    }

    /// The ledger's entry selected in the table, while it is shown.
    pub fn table_entry(&self) -> Option<ledger::Entry> {
        self.ledger.get(self.table?).copied()
    }

    /// The tally wrapped to the table's width (what the table adds up to),
    /// and where the header, the rows and the tally go in `body`.
    fn table_layout(&self, lang: Lang, body: Rect) -> (Vec<text::MarkedLine>, [Rect; 3]) {
        let inner = body.inner(Margin::new(1, 1));
        let mut tally = text::Doc::default();
        for line in self.tally.words(lang) {
            tally.push(vec![text::Marked::new(line, Mark::Meta)]);
        }
        let tally = text::wrap(&tally, usize::from(inner.width));
        let areas = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(tally.len().min(4) as u16),
        ])
        .areas(inner);
        (tally, areas)
    }

    /// How many of the table's rows show at once in `body`.
    pub fn table_page(&self, ctx: &Ctx, body: Rect) -> usize {
        usize::from(self.table_layout(ctx.lang, body).1[1].height)
    }

    /// The ledger as a table: a header, then a row a figure, the selected
    /// one reversed and kept in view.
    pub(super) fn render_table(&self, ctx: &Ctx, selected: usize, body: Rect, buf: &mut Buffer) {
        let (theme, lang) = (ctx.theme, ctx.lang);
        let d = ctx.data;
        let (tally, [head, list, summary]) = self.table_layout(lang, body);
        let shown = usize::from(list.height).max(1);
        let first = selected.saturating_sub(shown - 1);
        let n = self.ledger.len();
        let mut block = Block::bordered()
            .title(lang.pick(
                " Every report's figure, year by year ",
                " 報告ごとの数値、年ごと ",
            ))
            .title_bottom(Line::from(lang.pick(" t chart ", " t グラフ ")).right_aligned())
            .border_style(theme.border);
        // A table cut by the window says which rows it shows.
        if shown < n {
            let (a, b) = (first + 1, (first + shown).min(n));
            block = block.title_bottom(
                Line::from(tr!(lang, " rows {a}-{b} of {n} ", " {n}行中 {a}-{b}行 "))
                    .left_aligned(),
            );
        }
        block.render(body, buf);
        // The report column is as wide as the rows in view need.
        let view =
            &self.ledger[first.min(self.ledger.len())..(first + shown).min(self.ledger.len())];
        let rows: Vec<ledger::Row> = view.iter().map(|e| e.row(d)).collect();
        let width = rows
            .iter()
            .map(|r| str_width(r.report()))
            .max()
            .unwrap_or(0);
        // A line wider than the window ends in an ellipsis, so that a cut
        // figure ("→ 60.") is not read as a whole one.
        let mut cut = String::new();
        cut_to(
            &mut cut,
            &ledger::header(width, lang),
            usize::from(head.width),
        );
        Line::styled(cut.as_str(), theme.heading).render(head, buf);
        for ((i, row), area) in (first..).zip(&rows).zip(list.rows()) {
            let style = if i == selected {
                theme.selected
            } else {
                Style::new()
            };
            cut_to(
                &mut cut,
                &ledger::line(row, width, lang),
                usize::from(area.width),
            );
            Line::styled(cut.as_str(), style).render(area, buf);
        }
        crate::ui::panel::draw_lines(&tally, theme, summary, buf);
    }
}
