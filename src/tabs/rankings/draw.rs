//! How the Rankings tab draws: the page's title, its tables side by side or
//! stacked in one set of columns, and the detail below; and what a click
//! at a place of it hits.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::RankingsView;
use super::sort::SortKey;
use crate::compare::{Comparison, Relation, Standing, base_text};
use crate::dataset::Dataset;
use crate::format;
use crate::format::table::{hbar, name_room, write_value_cell};
use crate::tab::Tab;
use crate::tabs::{Ctx, View};
use crate::text::{self, Doc};
use crate::tr;
use crate::ui::panel::{Hints, draw_scrolled};
use crate::ui::theme::Theme;
use crate::width::{cut_to, fit_words, str_width};

/// Inner width from which the two tables stand side by side.
pub const SIDE_BY_SIDE: u16 = 96;

/// The rank column: room for its header and the sort arrow ("Rank ▲").
const RANK_WIDTH: usize = 6;

/// Where the parts of the tab go.
struct PageLayout {
    title: Rect,
    /// Each table shown, whether it has the comparison column, and its area.
    tables: Vec<(usize, bool, Rect)>,
    columns: PageColumns,
    detail_area: Rect,
    detail: Vec<text::MarkedLine>,
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

impl RankingsView {
    /// Where everything goes in the tab's body: one function for drawing
    /// and for finding what a click hit.
    fn layout(&self, ctx: &Ctx, body: Rect) -> PageLayout {
        let d = ctx.data;
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
        let mut doc = self.detail_doc(ctx);
        let width = usize::from(inner.width);
        // The comparison's summary leads the detail; it keeps its rows, and
        // one more says what is cut where more follows.
        let summary = self
            .comparison()
            .map_or(0, |c| c.summary_len(&c.caption(d, ctx.lang)));
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

    /// How many rows of the page's main table are in view: a page of it.
    pub fn rows_in_view(&self, ctx: &Ctx, body: Rect) -> usize {
        let main = self.current().main;
        self.layout(ctx, body)
            .tables
            .into_iter()
            .find(|(ti, _, _)| *ti == main)
            .map_or(1, |(_, _, area)| usize::from(area.height.saturating_sub(3)))
    }

    /// The platform whose row is at column `x`, row `y` of the screen.
    pub fn platform_at(&self, ctx: &Ctx, body: Rect, x: u16, y: u16) -> Option<String> {
        let d = ctx.data;
        let layout = self.layout(ctx, body);
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
}

/// One table of a page, drawn in the page's columns, with the comparison
/// column when `with`: only the rows in view are built.
struct TableView<'a> {
    view: &'a RankingsView,
    ctx: &'a Ctx<'a>,
    table: usize,
    cols: PageColumns,
    with: bool,
}

impl Widget for TableView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (d, theme, ti, cols, with) = (
            self.ctx.data,
            self.ctx.theme,
            self.table,
            self.cols,
            self.with,
        );
        let t = &d.rankings[ti];
        let lang = self.ctx.lang;
        // On a page of two tables, the one the user is in is marked.
        let mark = if self.view.current().base.is_some() && self.view.focused_table() == ti {
            "▸ "
        } else {
            ""
        };
        let title = format!(" {mark}{} ", format::table_title(t, lang));
        let (first, selected) = self.view.window(d, ti, area);
        let order = &self.view.orders[ti];
        // Below the borders and the header row.
        let in_view = usize::from(area.height.saturating_sub(3));
        let shown = first.min(order.len())..(first + in_view).min(order.len());
        // A table cut by the window says so: no row is hidden silently.
        let rows = (shown.len() < order.len()).then(|| {
            let (a, b, n) = (shown.start + 1, shown.end, order.len());
            if shown.is_empty() {
                tr!(lang, " {n} rows, none in view ", " {n}行、表示なし ")
            } else if a == b {
                tr!(lang, " row {a} of {n} ", " {n}行中 {a}行目 ")
            } else {
                tr!(lang, " rows {a}-{b} of {n} ", " {n}行中 {a}-{b}行 ")
            }
        });
        // The base gives way to the rows where the border holds not both.
        let room = usize::from(area.width.saturating_sub(4))
            .saturating_sub(rows.as_deref().map_or(0, str_width));
        let mut base = String::new();
        cut_to(&mut base, &base_text(d, t, lang), room.saturating_sub(2));
        let mut block = Block::bordered()
            .title(
                Line::from(fit_words(&title, usize::from(area.width.saturating_sub(2))))
                    .style(theme.heading),
            )
            .title_bottom(Line::from(format!(" {base} ")).right_aligned())
            .border_style(theme.border);
        if let Some(rows) = rows {
            block = block.title_bottom(Line::from(rows).left_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        // Both tables of a page use one set of columns, so their bars share
        // cells as well as a scale; only one has the comparison column.
        let comparison = self.view.comparison().filter(|_| with);
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
        let s = self.view.sort;
        let headers = [
            format!("{}{}", lang.pick("Rank", "順位"), s.arrow(SortKey::Rank)),
            format!(
                "{}{}",
                lang.pick("Platform", "サービス"),
                s.arrow(SortKey::Platform)
            ),
            format!("{}{}", t.unit, s.arrow(SortKey::Value)),
            format::axis(cols.bar, cols.scale, &t.unit),
            comparison.map_or(String::new(), |c| c.header(lang).to_string()),
        ];
        for (c, header) in headers.iter().enumerate() {
            put(buf, at(c), inner.y, header, room(c), theme.heading);
        }
        let window = &order[shown];
        // One buffer for every cell's text: a frame allocates nothing a row
        // (bench: "rankings frame, row 50000").
        let mut text = String::new();
        let plain = Style::new();
        for ((y, &i), place) in (inner.y + 1..inner.bottom()).zip(window).zip(first..) {
            let r = &t.rows[i];
            text.clear();
            match r.rank {
                Some(rank) => write!(text, "{rank:>4}"),
                None => write!(text, "   —"),
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
                None => put(
                    buf,
                    at(3),
                    y,
                    lang.pick("not published", "非公表"),
                    room(3),
                    theme.gap,
                ),
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
                // Reversed in the table the user is in; underlined in the
                // other, where the same platform stands.
                let style = if self.view.focused_table() == ti {
                    theme.selected
                } else {
                    Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
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
                    buf.set_style(part, style);
                }
            }
        }
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

/// Writes `text` from `x` on row `y`, at most `max` columns, as
/// `Buffer::set_stringn` does; printable ASCII (all that cleaned ASCII text
/// holds) goes straight into cells, a character a cell, without the
/// grapheme segmentation that costs a full table most of its frame
/// (`cargo bench --bench bench`, "frame Rankings 200x60: large").
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

impl View for RankingsView {
    fn render(&self, ctx: &Ctx, body: Rect, buf: &mut Buffer) {
        let (d, theme) = (ctx.data, ctx.theme);
        let page = self.current();
        let lang = ctx.lang;
        let main = d.rankings[page.main].title.get(lang);
        let mut title = format!(
            " {} {}/{}: {main} ",
            Tab::Rankings.title(lang),
            self.page + 1,
            self.pages.len()
        );
        if let Some(b) = page.base {
            let word = match self.comparison().map(|c| c.relation) {
                Some(Relation::Change) => lang.pick("since", "対"),
                _ => lang.pick("against", "対"),
            };
            let _ = write!(title, "{word} {} ", d.rankings[b].title.get(lang));
        }
        if let Some(status) = self.filter_status(lang) {
            title.push_str(&format!("· {status} "));
        }
        let layout = self.layout(ctx, body);
        Line::from(fit_words(&title, usize::from(layout.title.width)))
            .style(theme.title)
            .render(layout.title, buf);
        let hints = Hints::new(
            lang.pick("a taller window shows them", "ウィンドウを高くすると見える"),
            "",
        );
        draw_scrolled(
            &layout.detail,
            0,
            hints,
            theme,
            lang,
            layout.detail_area,
            buf,
        );
        for &(ti, with, area) in &layout.tables {
            let table = TableView {
                view: self,
                ctx,
                table: ti,
                cols: layout.columns,
                with,
            };
            table.render(area, buf);
        }
        if let Some(picked) = self.picker {
            self.render_pages(ctx, picked, body, buf);
        }
    }
}

/// Where the list of tables goes over a body, and its inside.
fn pages_area(body: Rect) -> (Rect, Rect) {
    let area = body.inner(Margin::new(4, 2));
    (area, area.inner(Margin::new(1, 1)))
}

impl RankingsView {
    /// How many tables the open list shows at once.
    pub fn pages_in_view(&self, body: Rect) -> usize {
        usize::from(pages_area(body).1.height)
    }

    /// The list of tables over the body: each page's number and what it
    /// sets against what, the chosen one reversed and kept in view.
    fn render_pages(&self, ctx: &Ctx, picked: usize, body: Rect, buf: &mut Buffer) {
        let (d, theme, lang) = (ctx.data, ctx.theme, ctx.lang);
        let (area, inner) = pages_area(body);
        crate::ui::clear_for_popup(area, buf);
        let rows = usize::from(inner.height).max(1);
        let first = picked.saturating_sub(rows - 1);
        let n = self.pages.len();
        let mut block = Block::bordered()
            .title(lang.pick(" Tables ", " 表の一覧 "))
            .title_bottom(
                Line::from(lang.pick(
                    " ↑↓ choose  Enter go  Esc close ",
                    " ↑↓ 選ぶ  Enter 移る  Esc 閉じる ",
                ))
                .right_aligned(),
            )
            .border_style(theme.border);
        // A list cut by the window says which tables it shows.
        if rows < n {
            let (a, b) = (first + 1, (first + rows).min(n));
            block = block.title_bottom(
                Line::from(tr!(lang, " tables {a}-{b} of {n} ", " {n}表中 {a}-{b} "))
                    .left_aligned(),
            );
        }
        block.render(area, buf);
        for ((i, page), row) in self.pages.iter().enumerate().skip(first).zip(inner.rows()) {
            let main = d.rankings[page.main].title.get(lang);
            let mut line = format!("{:>3}/{n}  {main}", i + 1);
            if let Some(b) = page.base {
                let _ = write!(line, " · {}", d.rankings[b].title.get(lang));
            }
            let style = if i == picked {
                theme.selected
            } else {
                Style::new()
            };
            Line::styled(line, style).render(row, buf);
        }
    }
}
