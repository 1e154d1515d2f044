//! Jumps and the way back: Enter to where a figure comes from (the essay's
//! words, else its source), and `b` back through the places jumped from.

use super::App;
use crate::cite::Figure;
use crate::format;
use crate::series::{point, short_label};
use crate::tab::Tab;
use crate::tr;

/// A place to come back to: a tab, and where in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub tab: Tab,
    pub spot: Option<Spot>,
}

/// Where in a tab: the first line of a text in view, Growth's year, or
/// the Rankings row selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    Line(usize),
    Year(i32),
    Row(usize),
}

/// Jumps remembered for `b`: enough for any reading, bounded for a long
/// session.
const BACK_LIMIT: usize = 100;

impl App {
    /// The selected figure: what it is, its value, the essay's words and
    /// its sources.
    pub(super) fn selected_figure(&self) -> Option<Figure> {
        let (d, lang) = (&*self.data, self.lang);
        let users = |p: &crate::dataset::Point| {
            let m = format::millions(p.sns_users);
            let kind = lang.kind(p.kind);
            tr!(lang, "{m} M SNS users, {kind}", "SNS利用者 {m} M（{kind}）")
        };
        let ranked = |t: &crate::dataset::RankingTable, r: &crate::dataset::RankRow| {
            let value = r.value.map(|v| format::with_unit(v, &t.unit));
            match (r.rank, value) {
                (Some(rank), Some(v)) => Some(tr!(lang, "{v}, rank {rank}", "{v}（{rank}位）")),
                (Some(rank), None) => Some(tr!(lang, "rank {rank}", "{rank}位")),
                (None, v) => v,
            }
        };
        match self.tab {
            Tab::Growth if self.growth.table_row().is_some() => {
                // The figure selected in the table, whichever report gave it.
                let row = self.growth.table_entry()?.row(d);
                let (year, report) = (row.point.year, row.report());
                Some(Figure {
                    what: tr!(
                        lang,
                        "the {year} figure in {report}",
                        "{report}の{year}年の数値"
                    ),
                    value: Some(users(row.point)),
                    quote: row.point.quote.clone(),
                    sources: row.point.sources.clone(),
                })
            }
            Tab::Growth => {
                let year = self.growth.year();
                let s = self.growth.shown(d).get(self.growth.figure())?;
                let label = short_label(s, lang);
                let label = lang.pick(label.to_lowercase(), label.to_string());
                let what = tr!(
                    lang,
                    "the {year} figure ({label})",
                    "{year}年の数値（{label}）"
                );
                let p = point(s, year);
                Some(Figure {
                    what,
                    value: p.map(users),
                    quote: p.and_then(|p| p.quote.clone()),
                    sources: p.map(|p| p.sources.clone()).unwrap_or_default(),
                })
            }
            Tab::Rankings => {
                let id = self.rankings.selected_platform();
                let ti = self.rankings.focused_table();
                let t = &d.rankings[ti];
                let (name, title) = (lang.platform(d, id), t.title.get(lang));
                let what = tr!(lang, "{name} in {title}", "{title}の{name}");
                let row = d.row_of(ti, id);
                Some(Figure {
                    what,
                    value: row.and_then(|r| ranked(t, r)),
                    quote: row.and_then(|r| r.quote.clone()),
                    sources: row.map(|r| r.sources.clone()).unwrap_or_default(),
                })
            }
            Tab::Trends => {
                let (f, t) = (self.trends.family()?, self.trends.trend()?);
                let (_, row) = t.point(d, f, self.trends.wave())?;
                let table = &d.rankings[f.waves[self.trends.wave()].table];
                let (name, title) = (lang.platform(d, &t.platform), table.title.get(lang));
                Some(Figure {
                    what: tr!(lang, "{name} in {title}", "{title}の{name}"),
                    value: ranked(table, row),
                    quote: row.quote.clone(),
                    sources: row.sources.clone(),
                })
            }
            Tab::Essay | Tab::Sources => None,
        }
    }

    /// Remembers where the app is, for `b` to come back to.
    pub(super) fn mark_jump(&mut self) {
        let spot = match self.tab {
            Tab::Essay => Some(Spot::Line(self.essay.scroll())),
            Tab::Sources => Some(Spot::Line(self.sources.scroll())),
            Tab::Growth => Some(Spot::Year(self.growth.year())),
            Tab::Rankings => Some(Spot::Row(self.rankings.selected())),
            Tab::Trends => None,
        };
        if self.back.len() == BACK_LIMIT {
            self.back.remove(0);
        }
        self.back.push(Place {
            tab: self.tab,
            spot,
        });
    }

    /// Back to where the latest jump came from.
    pub(super) fn go_back(&mut self) {
        let Some(place) = self.back.pop() else {
            self.status = Some(
                self.lang
                    .pick("no jump to go back from", "戻るジャンプはない")
                    .to_string(),
            );
            return;
        };
        self.show(place.tab);
        match place.spot {
            Some(Spot::Line(line)) => self.text_view(place.tab).scroll_to(line),
            Some(Spot::Year(year)) => self.growth.select(year),
            Some(Spot::Row(row)) => {
                self.rankings.to_first();
                self.rankings.move_by(row as isize);
            }
            None => {}
        }
        let left = self.back.len();
        if left > 0 {
            let s = if left == 1 { "" } else { "s" };
            self.status = Some(tr!(
                self.lang,
                "b back · {left} more jump{s} to go back through",
                "b で戻る · さらに{left}回戻れる"
            ));
        }
    }

    /// `:` and a number: a line of the essay or the sources (as `:12` in
    /// less and vim), a year on Growth, a row of the Rankings table. A
    /// jump, for `b` to come back from.
    pub(super) fn go_to(&mut self, typed: &str) {
        let lang = self.lang;
        let Ok(n) = typed.trim().parse::<i64>() else {
            self.status = Some(tr!(
                lang,
                ":{typed} is not a number: : takes a line, a year or a row",
                ":{typed} は数ではない: : には行・年・行番号を入れる"
            ));
            return;
        };
        let problem = match self.tab {
            Tab::Essay | Tab::Sources => {
                let lines = self.text_view(self.tab).line_count();
                match usize::try_from(n) {
                    Ok(line @ 1..) if line <= lines => {
                        self.mark_jump();
                        self.text_view(self.tab).scroll_to(line - 1);
                        None
                    }
                    _ => Some(tr!(
                        lang,
                        "no line {n}: the text has lines 1-{lines}",
                        "{n}行目はない: 本文は1-{lines}行"
                    )),
                }
            }
            Tab::Growth if self.growth.table_row().is_some() => {
                let year = i32::try_from(n).unwrap_or(i32::MAX);
                if self.growth.table_to_year(&self.data, year) {
                    None
                } else {
                    Some(tr!(
                        lang,
                        "no figure for {n} in the table",
                        "表に{n}年の数値はない"
                    ))
                }
            }
            Tab::Growth => {
                let years = self.growth.years(&self.data);
                match i32::try_from(n) {
                    Ok(year) if years.contains(&year) => {
                        self.mark_jump();
                        self.growth.select(year);
                        None
                    }
                    _ => {
                        let (a, b) = (years.start(), years.end());
                        Some(tr!(
                            lang,
                            "no year {n}: the figures run {a}-{b}",
                            "{n}年はない: 数値は{a}-{b}年"
                        ))
                    }
                }
            }
            Tab::Rankings => {
                let rows = self.rankings.platforms().len();
                match usize::try_from(n) {
                    Ok(row @ 1..) if row <= rows => {
                        self.mark_jump();
                        self.rankings.to_first();
                        self.rankings.move_by(row as isize - 1);
                        None
                    }
                    _ => Some(tr!(
                        lang,
                        "no row {n}: the table shows rows 1-{rows}",
                        "{n}行目はない: 表は1-{rows}行"
                    )),
                }
            }
            Tab::Trends => None,
        };
        self.status = problem;
    }

    /// The essay's words for the selected figure, or else its source. The
    /// words are found once the essay is ready: a quote is checked at load
    /// to stand in the essay.
    pub(super) fn provenance(&mut self) {
        let Some(Figure {
            what,
            quote,
            sources,
            ..
        }) = self.selected_figure()
        else {
            return;
        };
        if let Some(q) = quote {
            self.mark_jump();
            self.show(Tab::Essay);
            self.essay.show_quote(&q);
            self.status = Some(tr!(
                self.lang,
                "b back · the essay's words for {what}",
                "b で戻る · {what}のエッセイの言葉"
            ));
            return;
        }
        if let Some(id) = sources.first() {
            self.mark_jump();
            self.show(Tab::Sources);
            self.sources.show_text(&format!("[{id}]"));
            self.status = Some(tr!(
                self.lang,
                "b back · source of {what}",
                "b で戻る · {what}の出典"
            ));
            return;
        }
        self.status = Some(tr!(
            self.lang,
            "{what}: none was published, so there is no source",
            "{what}: 公表されておらず、出典もない"
        ));
    }
}
