//! Plain-text views for `sns-tui print`: the same figures as the tabs, for
//! pipes, files and screen readers.

use rustc_hash::FxHashMap as HashMap;

use crate::bars::{self, Grow, bar_cells, eighths};
use crate::compare::{Comparison, FULL_BREAKS, base_text, scales};
use crate::dataset::{Dataset, Kind, Point, RankingTable, Series};
use crate::format;
use crate::format::fold::{Column, Fold, hang};
use crate::format::table::{bar_cell, name_room, value_cell, value_width};
use crate::lang::Lang;
use crate::ledger;
use crate::series::outcome_line;
use crate::tab::Tab;
use crate::text::{self, Doc, essay_paras, sources_doc};
use crate::trends::Broken;
use crate::width::{cut_to, pad, str_width};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Growth,
    Rankings,
    Essay,
    Sources,
    Trends,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Growth,
        Section::Rankings,
        Section::Essay,
        Section::Sources,
        Section::Trends,
    ];

    /// The section's heading: the tab's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Growth => Tab::Growth,
            Section::Rankings => Tab::Rankings,
            Section::Essay => Tab::Essay,
            Section::Sources => Tab::Sources,
            Section::Trends => Tab::Trends,
        }
        .title(lang)
    }
}

/// The sections as plain text wrapped to `width`, with a ruled heading
/// between sections when there is more than one.
pub fn print(d: &Dataset, sections: &[Section], width: usize, lang: Lang) -> String {
    let mut out = String::new();
    for (i, section) in sections.iter().enumerate() {
        if sections.len() > 1 {
            if i > 0 {
                out.push('\n');
            }
            let name = section.title(lang);
            out.push_str(&format!("{name}\n{}\n\n", "=".repeat(str_width(name))));
        }
        let body = match section {
            Section::Growth => growth(d, width, lang),
            Section::Rankings => rankings(d, width, lang),
            Section::Essay => plain(essay_paras(d, lang), width),
            Section::Sources => plain(sources_doc(d, lang).paras, width),
            Section::Trends => trends(d, width, lang),
        };
        out.push_str(&body);
    }
    out
}

/// The document wrapped to `width`, a paragraph at a time: each paragraph
/// is freed once written, and the wrapped lines of the whole document
/// (a hundred bytes and more a line, for lines of a few letters) are
/// never all held at once.
fn plain(paras: impl IntoIterator<Item = text::MarkedLine>, width: usize) -> String {
    let mut out = String::new();
    for para in paras {
        // A link cut across lines can be neither followed nor copied: it
        // stands whole on its line, however narrow the paper.
        if let [link] = &para[..]
            && link.mark == text::Mark::Link
        {
            out.push_str(&link.text);
            out.push('\n');
            continue;
        }
        let one = Doc { paras: vec![para] };
        for line in text::wrap(&one, width) {
            let start = out.len();
            line.iter().for_each(|span| out.push_str(&span.text));
            let kept = out[start..].trim_end().len();
            out.truncate(start + kept);
            out.push('\n');
        }
    }
    out
}

fn growth(d: &Dataset, width: usize, lang: Lang) -> String {
    let g = &d.growth;
    let mut doc = Doc::default();
    let head = |s: String| vec![text::Marked::new(s, text::Mark::Plain)];
    doc.push(head(format!(
        "{} ({})",
        g.title.get(lang),
        g.unit.get(lang)
    )));
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{} {}", bars::body(*k), lang.kind(*k)))
        .collect();
    let kinds = kinds.join(", ");
    doc.push(head(crate::tr!(
        lang,
        "{kinds}; each bar from zero and exact to an eighth of a character, its tip one of ▏▎▍▌▋▊▉; a year with no figure is a gap, never a zero.",
        "{kinds}。どの棒も0から、1文字の8分の1まで正確に描き、端は▏▎▍▌▋▊▉のいずれか。数値のない年は空白で、0ではない。"
    )));
    let max = g
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| p.sns_users)
        .fold(0.0, f64::max);
    let headings = [
        lang.pick("year", "年"),
        lang.pick("SNS users", "SNS利用者"),
        lang.pick("internet", "ネット利用者"),
        lang.pick("share", "割合"),
        lang.pick("kind", "種類"),
        "",
    ];
    // One layout for every series, so that their bars share one scale.
    let mut columns = columns_for(
        &headings,
        g.series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| point_cells(p, lang)),
    );
    columns[1..4].iter_mut().for_each(|c| c.right = true);
    let fold = with_bar(columns, 5, width);
    let bar_width = fold.column(5).width;
    for s in &g.series {
        doc.blank();
        doc.push(head(s.label.get(lang).to_string()));
        fold.lines(&headings)
            .into_iter()
            .for_each(|l| doc.push(head(l)));
        let mut before: Option<i32> = None;
        for p in &s.points {
            if let Some(gap) = before.and_then(|b| gap(b, p.year, lang)) {
                doc.push(head(gap));
            }
            let [year, users, internet, share, kind] = point_cells(p, lang);
            let bar: String =
                bar_cells(p.kind, Grow::Right, eighths(p.sns_users, max, bar_width)).collect();
            for l in fold.lines(&[year, users, internet, share, kind, bar]) {
                doc.push(head(l));
            }
            before = Some(p.year);
        }
        for p in &s.points {
            let year = p.year;
            let sources = format::sources(d, &p.sources);
            doc.push(head(crate::tr!(
                lang,
                "{year} source: {sources}",
                "{year} 出典: {sources}"
            )));
            if let Some(q) = &p.quote {
                doc.push(head(crate::tr!(
                    lang,
                    "{year} in the essay: “{q}”",
                    "{year} エッセイでは: “{q}”"
                )));
            }
            if let Some(n) = &p.note {
                doc.push(head(crate::tr!(lang, "{year} note: {n}", "{year} 注: {n}")));
            }
        }
    }
    let outcomes = outcomes(&g.series, lang);
    if !outcomes.is_empty() {
        doc.blank();
        outcomes.into_iter().for_each(|o| doc.push(head(o)));
    }
    doc.blank();
    doc.push(head(
        lang.pick(
            "Every report's figure, year by year (the ledger)",
            "報告ごとの数値、年ごと（台帳）",
        )
        .to_string(),
    ));
    let rows = ledger::ledger(d);
    let headings = ledger::headings(lang);
    let mut columns = columns_for(&headings, rows.iter().map(|r| ledger::cells(r, lang)));
    columns[3..5].iter_mut().for_each(|c| c.right = true);
    let fold = Fold::new(columns, width);
    fold.lines(&headings)
        .into_iter()
        .for_each(|l| doc.push(head(l)));
    for row in &rows {
        for l in fold.lines(&ledger::cells(row, lang)) {
            doc.push(head(l));
        }
    }
    for line in ledger::summary(&rows, lang) {
        doc.push(head(line));
    }
    plain(doc.paras, width)
}

/// The line for the years strictly between two that have figures, if
/// any: one line however many, so the output grows with the figures and
/// never with the span of years they cover.
fn gap(before: i32, after: i32, lang: Lang) -> Option<String> {
    let (first, last) = (before + 1, after - 1);
    match last - first {
        ..0 => None,
        0 => Some(crate::tr!(lang, "{first}  no figure", "{first}  数値なし")),
        _ => Some(crate::tr!(
            lang,
            "{first}-{last}  no figures",
            "{first}-{last}  数値なし"
        )),
    }
}

/// A year's cells in the Growth table: year, SNS users, internet users,
/// share and kind; the bar is drawn apart.
fn point_cells(p: &Point, lang: Lang) -> [String; 5] {
    let internet = p.internet_users.map_or("—".to_string(), format::millions);
    let share = p
        .share_pct
        .map_or("—".to_string(), |v| format!("{}%", format::value(v)));
    [
        p.year.to_string(),
        format::millions(p.sns_users),
        internet,
        share,
        lang.kind(p.kind).to_string(),
    ]
}

/// Left-aligned columns as wide as their widest cell or heading; the
/// caller right-aligns the figures.
fn columns_for<const N: usize, const M: usize>(
    headings: &[&str; M],
    rows: impl Iterator<Item = [String; N]>,
) -> Vec<Column> {
    let mut widths: Vec<usize> = headings.iter().map(|h| str_width(h)).collect();
    for cells in rows {
        for (w, cell) in widths.iter_mut().zip(&cells) {
            *w = (*w).max(str_width(cell));
        }
    }
    widths.into_iter().map(Column::left).collect()
}

/// A bar is never narrower than this: where the paper leaves it less, its
/// row folds, the bar going to a line with room, so every figure keeps a
/// bar whose length can be read (and "0  100%" over it).
const MIN_BAR: usize = 8;

/// The layout of `columns` on paper `width` wide, the bar column `bar`
/// given all the room left on its line and at least [`MIN_BAR`].
fn with_bar(mut columns: Vec<Column>, bar: usize, width: usize) -> Fold {
    columns[bar].width = MIN_BAR;
    let room = Fold::new(columns.clone(), width).room(bar);
    columns[bar].width = MIN_BAR + room;
    Fold::new(columns, width)
}

/// Each projection of the first series against its outcome, as the
/// Growth tab says it of one year (`against_outcome`): the first later
/// estimate of the year, else the first later expectation. Found in one
/// walk over the later series rather than a walk per projection.
fn outcomes(series: &[Series], lang: Lang) -> Vec<String> {
    let Some((first, later)) = series.split_first() else {
        return Vec::new();
    };
    let mut by_year: HashMap<i32, [Option<&Point>; 2]> = HashMap::default();
    for p in later.iter().flat_map(|s| &s.points) {
        let slot = match p.kind {
            Kind::Estimate => 0,
            Kind::Expected => 1,
            Kind::Projection => continue,
        };
        by_year.entry(p.year).or_default()[slot].get_or_insert(p);
    }
    first
        .points
        .iter()
        .filter(|p| p.kind == Kind::Projection)
        .filter_map(|p| {
            let [estimate, expected] = by_year.get(&p.year)?;
            Some(outcome_line(p.year, p, estimate.or(*expected)?, lang))
        })
        .collect()
}

/// Where a print goes: its width and its language.
#[derive(Clone, Copy)]
struct Paper {
    width: usize,
    lang: Lang,
}

/// Every table, each with the comparison it was published with. All bars
/// are one width and each unit one scale, so a bar in one table can be set
/// against a bar in any other of its unit.
fn rankings(d: &Dataset, width: usize, lang: Lang) -> String {
    let paper = Paper { width, lang };
    let layouts: Vec<TableLayout> = d
        .rankings
        .iter()
        .map(|t| TableLayout::of(d, t, paper))
        .collect();
    // The widest bar every table has room for.
    let bar = layouts
        .iter()
        .map(|l| with_bar(l.columns.clone(), BAR, width).column(BAR).width)
        .min()
        .unwrap_or(MIN_BAR);
    let scales = scales(d);
    let mut out = String::new();
    for (i, (t, layout)) in d.rankings.iter().zip(layouts).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&table(d, t, layout, bar, &scales, paper));
    }
    out
}

/// The bar's column in a ranking table: after rank, platform and figure.
const BAR: usize = 3;

/// A table's columns in print (rank, platform, figure, bar, and the
/// comparison where it has one), the bar at its least.
struct TableLayout {
    columns: Vec<Column>,
    comparison: Option<Comparison>,
}

impl TableLayout {
    /// Long names are cut to leave the bar room; each row's source line
    /// below the table names the platform in full.
    fn of(d: &Dataset, t: &RankingTable, paper: Paper) -> TableLayout {
        let Paper { width, lang } = paper;
        let at = d.table_index(&t.id);
        let base = t.compare_with.as_deref().and_then(|id| d.table_index(id));
        let comparison = at
            .zip(base)
            .map(|(main, base)| Comparison::new(d, main, base));
        let rank = t
            .rows
            .iter()
            .map(|r| r.rank.map_or(1, |n| n.to_string().len()))
            .chain([str_width(lang.pick("rank", "順位"))])
            .max()
            .unwrap_or(0);
        let name = t
            .rows
            .iter()
            .map(|r| str_width(lang.row_name(d, r)))
            .chain([str_width(lang.pick("platform", "サービス"))])
            .max()
            .unwrap_or(0)
            .min(name_room(width));
        let mut columns = vec![
            Column::right(rank),
            Column::left(name),
            Column::right(value_width(t)),
            Column::left(MIN_BAR).glued(),
        ];
        if let Some(c) = &comparison {
            columns.push(Column::left(
                c.column_width().max(str_width(c.header(lang))),
            ));
        }
        TableLayout {
            columns,
            comparison,
        }
    }
}

fn table(
    d: &Dataset,
    t: &RankingTable,
    layout: TableLayout,
    bar_width: usize,
    scales: &HashMap<&str, f64>,
    paper: Paper,
) -> String {
    let Paper { width, lang } = paper;
    let mut doc = Doc::default();
    let head = |s: String| vec![text::Marked::new(s, text::Mark::Plain)];
    let survey = d
        .survey(&t.survey)
        .map_or(t.survey.to_string(), |s| s.name.get(lang).to_string());
    doc.push(head(format!(
        "{} ({survey}; {}; {})",
        format::table_title(t, lang),
        t.population.get(lang),
        base_text(d, t, lang)
    )));
    let scale = scales.get(t.unit.as_str()).copied().unwrap_or(0.0);
    let TableLayout {
        mut columns,
        comparison,
    } = layout;
    columns[BAR].width = bar_width;
    let fold = Fold::new(columns, width);
    // The bar, then the comparison, as on screen.
    let mut header = vec![
        lang.pick("rank", "順位").to_string(),
        lang.pick("platform", "サービス").to_string(),
        t.unit.to_string(),
        format::axis(bar_width, scale, &t.unit),
    ];
    if let Some(c) = &comparison {
        header.push(c.header(lang).to_string());
    }
    fold.lines(&header)
        .into_iter()
        .for_each(|l| doc.push(head(l)));
    let mut name = String::new();
    for (i, r) in t.rows.iter().enumerate() {
        cut_to(&mut name, lang.row_name(d, r), fold.column(1).width);
        let mut row = vec![
            r.rank.map_or("—".to_string(), |n| n.to_string()),
            name.clone(),
            value_cell(t, r.value),
            bar_cell(r.value, scale, bar_width, lang),
        ];
        if let Some(c) = &comparison {
            row.push(c.standings[i].label());
        }
        fold.lines(&row).into_iter().for_each(|l| doc.push(head(l)));
    }
    if let Some(c) = &comparison {
        for line in c.caption(d, lang) {
            doc.push(head(line));
        }
    }
    for r in &t.rows {
        let name = lang.row_name(d, r);
        let sources = format::sources(d, &r.sources);
        doc.push(head(crate::tr!(
            lang,
            "{name} source: {sources}",
            "{name} 出典: {sources}"
        )));
        if let Some(q) = &r.quote {
            doc.push(head(crate::tr!(
                lang,
                "{name} in the essay: “{q}”",
                "{name} エッセイでは: “{q}”"
            )));
        }
    }
    plain(doc.paras, width)
}

/// Each family's trends: per platform, its figure in each survey of the
/// family in order of time, the surveys that do not list it, the years
/// with no survey, and each break in method where it falls. Families are
/// listed apart, never merged.
fn trends(d: &Dataset, width: usize, lang: Lang) -> String {
    use crate::trends::{Trends, not_enough, title};
    let trends = Trends::new(d);
    let mut doc = Doc::default();
    let line = |s: String| vec![text::Marked::new(s, text::Mark::Plain)];
    if trends.families.is_empty() {
        doc.push(line(not_enough(lang).to_string()));
    }
    for (fi, f) in trends.families.iter().enumerate() {
        if fi > 0 {
            doc.blank();
        }
        doc.push(line(title(f, lang)));
        doc.push(line(lang.pick(
            "Each platform's figure in each survey, in order of time; “not listed”: that survey's table does not list it (a gap, not a zero); ┆ a break in method, across which the figures were measured differently.",
            "各サービスの調査ごとの数値（時間順）。「掲載なし」はその調査の表に載っていないこと（0ではなく空白）。┆ は調査方法の変更で、その前後は測り方が違う。",
        ).to_string()));
        let when = f.waves.iter().map(|w| w.when().len()).max().unwrap_or(4);
        let broken = Broken::new(f);
        for t in &f.trends {
            doc.blank();
            let name = lang.platform(d, &t.platform);
            doc.push(line(format!("{} {name}", t.marker)));
            // Each listed wave, and before it the run of waves that do not
            // list the platform (one line however long the run), so a
            // platform's listing grows with its figures, not the surveys.
            let mut next = 0;
            let mut before: Option<i32> = None;
            for w in t.waves().map(Some).chain([None]) {
                let end = w.unwrap_or(f.waves.len());
                // What comes before waves `from..to`: the years with no
                // survey since the last line, and the breaks before `from`.
                let mut step = |doc: &mut Doc, from: usize, to: usize| {
                    if let Some(gap) = before.and_then(|b| no_survey(b, f.waves[from].year, lang)) {
                        doc.push(line(gap(when)));
                    }
                    for l in break_lines(d, &broken, from, lang) {
                        doc.push(line(l));
                    }
                    before = Some(f.waves[to - 1].year);
                };
                if next < end {
                    step(&mut doc, next, end);
                    let at = pad(&f.waves[next].when(), when, false);
                    let count = end - next;
                    let across = match broken.within(next + 1, end).len() {
                        0 => String::new(),
                        1 => lang
                            .pick(", across a break in method", "（間に調査方法の変更1件）")
                            .to_string(),
                        n => crate::tr!(
                            lang,
                            ", across {n} breaks in method",
                            "（間に調査方法の変更{n}件）"
                        ),
                    };
                    let last = f.waves[end - 1].when();
                    doc.push(line(if count == 1 {
                        crate::tr!(lang, "{at}  not listed", "{at}  掲載なし")
                    } else {
                        crate::tr!(
                            lang,
                            "{at}  not listed in the {count} surveys to {last}{across}",
                            "{at}  {last}までの{count}回の調査に掲載なし{across}"
                        )
                    }));
                }
                let Some(w) = w else { break };
                step(&mut doc, w, w + 1);
                let at = pad(&f.waves[w].when(), when, false);
                if let Some((v, row)) = t.point(d, f, w) {
                    let figure = pad(&format::with_unit(v, "%"), 6, true);
                    let sources: Vec<&str> = row.sources.iter().map(|s| s.as_str()).collect();
                    let row = format!("{at}  {figure}  {}", sources.join(", "));
                    for l in hang(&row, when + 2, width) {
                        doc.push(line(l));
                    }
                }
                next = w + 1;
            }
        }
    }
    plain(doc.paras, width)
}

/// The lines for the breaks that fall just before wave `w`: each named
/// up to [`FULL_BREAKS`], else how many.
fn break_lines(d: &Dataset, broken: &Broken, w: usize, lang: Lang) -> Vec<String> {
    let found = broken.within(w, w + 1);
    if found.len() > FULL_BREAKS {
        let n = found.len();
        return vec![crate::tr!(
            lang,
            "┆ {n} breaks in method: the Sources tab lists them all",
            "┆ 調査方法の変更{n}件: 出典タブにすべてある"
        )];
    }
    found
        .iter()
        .map(|&bi| {
            let title = d.breaks[bi].title.get(lang);
            crate::tr!(
                lang,
                "┆ a break in method: {title}",
                "┆ 調査方法の変更: {title}"
            )
        })
        .collect()
}

/// The line for the years strictly between two surveys, if any, its
/// years padded to a column's width.
fn no_survey(before: i32, after: i32, lang: Lang) -> Option<impl Fn(usize) -> String> {
    let (first, last) = (before + 1, after - 1);
    let years = match last - first {
        ..0 => return None,
        0 => first.to_string(),
        _ => format!("{first}-{last}"),
    };
    Some(move |width: usize| {
        let years = pad(&years, width, false);
        crate::tr!(lang, "{years}  no survey", "{years}  調査なし")
    })
}
