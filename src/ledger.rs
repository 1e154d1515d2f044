//! The ledger: every report's figure for SNS users, year by year, each
//! projection and expectation set against what a later report said of the
//! same year. The Growth tab's table view and a section of `print growth`
//! both read it.

use rustc_hash::FxHashMap as HashMap;

use crate::dataset::{Dataset, Kind, Point};
use crate::format;
use crate::lang::Lang;
use crate::tr;
use crate::width::pad;

/// One figure of the ledger, by place: its series and point, and the
/// series and point of what a later report said of its year. Found once;
/// a view keeps these and makes [`Row`]s of those it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub series: usize,
    pub point: usize,
    pub later: Option<(usize, usize)>,
}

impl Entry {
    pub fn row<'d>(&self, d: &'d Dataset) -> Row<'d> {
        let at = |(s, p): (usize, usize)| &d.growth.series[s].points[p];
        Row {
            series: self.series,
            point: at((self.series, self.point)),
            later: self.later.map(at),
        }
    }
}

/// One figure of the ledger.
#[derive(Debug, Clone, Copy)]
pub struct Row<'d> {
    /// The series it comes from.
    pub series: usize,
    pub point: &'d Point,
    /// What a later report said of the same year, for a projection or an
    /// expectation: the latest report's estimate, else its expectation.
    pub later: Option<&'d Point>,
}

impl Row<'_> {
    /// The report that gave the figure: its first source.
    pub fn report(&self) -> &str {
        self.point.sources.first().map_or("", |s| s)
    }

    /// How far off the figure was from the later one, as a share of it, in
    /// percent (negative: low); None without a later figure or of nothing.
    pub fn off_users(&self) -> Option<f64> {
        let later = self.later?;
        (later.sns_users > 0.0)
            .then(|| (self.point.sns_users - later.sns_users) / later.sns_users * 100.0)
    }

    /// The difference of the shares of internet users, in percentage points.
    pub fn off_share(&self) -> Option<f64> {
        Some(format::difference(
            self.point.share_pct?,
            self.later?.share_pct?,
        ))
    }
}

/// Every figure of every series, by year, then by the date of its report:
/// each projection and expectation with what a later report said of its
/// year. Costs n log n: each year's figures are sorted once, and the best
/// later figure for each found from the end.
pub fn ledger(d: &Dataset) -> Vec<Row<'_>> {
    entries(d).iter().map(|e| e.row(d)).collect()
}

/// [`ledger`] by place, for a view to keep.
pub fn entries(d: &Dataset) -> Vec<Entry> {
    let point = |(s, p): (usize, usize)| &d.growth.series[s].points[p];
    let date = |at: (usize, usize)| {
        point(at)
            .sources
            .first()
            .and_then(|id| d.source(id))
            .map_or("", |s| s.date.as_str())
    };
    let mut by_year: HashMap<i32, Vec<(usize, usize)>> = HashMap::default();
    for (si, s) in d.growth.series.iter().enumerate() {
        for (pi, p) in s.points.iter().enumerate() {
            by_year.entry(p.year).or_default().push((si, pi));
        }
    }
    let mut years: Vec<i32> = by_year.keys().copied().collect();
    years.sort_unstable();
    let mut entries = Vec::new();
    for year in years {
        let mut figures = by_year.remove(&year).unwrap_or_default();
        figures.sort_by(|&a, &b| date(a).cmp(date(b)).then(a.0.cmp(&b.0)));
        // From the end: the best figure that a later report gave, an
        // estimate before an expectation, the latest report before others.
        let mut best_after: Vec<Option<(usize, usize)>> = vec![None; figures.len()];
        let mut best: Option<(usize, usize)> = None;
        for i in (0..figures.len()).rev() {
            best_after[i] = best;
            let at = figures[i];
            let kind = point(at).kind;
            let better = |b: (usize, usize)| match (kind, point(b).kind) {
                (Kind::Projection, _) => false,
                (Kind::Estimate, Kind::Expected) => true,
                (Kind::Expected, Kind::Estimate) => false,
                _ => date(at) > date(b),
            };
            if kind != Kind::Projection && best.is_none_or(better) {
                best = Some(at);
            }
        }
        for (i, &at) in figures.iter().enumerate() {
            // Only a report published later can say what came of a figure.
            let later = best_after[i]
                .filter(|_| point(at).kind != Kind::Estimate)
                .filter(|&l| date(l) > date(at));
            entries.push(Entry {
                series: at.0,
                point: at.1,
                later,
            });
        }
    }
    entries
}

/// One figure of the ledger in one line of at most about 75 columns:
/// its [`cells`], each padded to its column but the last.
pub fn line(row: &Row, report_width: usize, lang: Lang) -> String {
    let [year, report, kind, millions, share, later] = cells(row, lang);
    let mut line = format!(
        "{year}  {}  {}  {}  {}",
        pad(&report, report_width, false),
        pad(&kind, 10, false),
        pad(&millions, 6, true),
        pad(&share, 5, true)
    );
    if !later.is_empty() {
        line.push_str("  ");
        line.push_str(&later);
    }
    line
}

/// One figure of the ledger: year, report, kind, millions and share, then
/// for a projection or an expectation what a later report said (→
/// millions, report) and how far off it was, in percent of that and in
/// points of share; that last cell is empty for other figures.
pub fn cells(row: &Row, lang: Lang) -> [String; 6] {
    let p = row.point;
    let share = p
        .share_pct
        .map_or("—".to_string(), |v| format::with_unit(v, "%"));
    let mut later = String::new();
    if let Some(l) = row.later {
        let report = l.sources.first().map_or("", |s| s);
        later.push_str(&format!("→ {} {report}", format::millions(l.sns_users)));
        if let Some(off) = row.off_users() {
            let off = format::signed(format::rounded(off, 1).parse().unwrap_or(0.0));
            later.push_str(&format!("  {off}%"));
        }
        if let Some(points) = row.off_share() {
            let points = format::signed(points);
            later.push_str(&tr!(lang, "  {points} pts", "  {points}pt"));
        }
    }
    [
        p.year.to_string(),
        row.report().to_string(),
        lang.kind(p.kind).to_string(),
        format::millions(p.sns_users),
        share,
        later,
    ]
}

/// The heading of [`line`]s: each word over its column.
pub fn header(report_width: usize, lang: Lang) -> String {
    let [year, report, kind, millions, share, later] = headings(lang);
    format!(
        "{}  {}  {}  {}  {}  {later}",
        pad(year, 4, false),
        pad(report, report_width, false),
        pad(kind, 10, false),
        pad(millions, 6, true),
        pad(share, 5, true),
    )
}

/// The word over each of the [`cells`].
pub fn headings(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("year", "年"),
        lang.pick("report", "報告"),
        lang.pick("kind", "種類"),
        lang.pick("M", "百万人"),
        lang.pick("share", "割合"),
        lang.pick("→ later figure, how far off", "→ 後の数値と差"),
    ]
}

/// What the ledger shows of projections in sum: of those with a later
/// figure, how many were low in millions, and of those with both shares,
/// how many were high in share of internet users.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub projections: usize,
    pub low: usize,
    pub with_shares: usize,
    pub high_share: usize,
}

impl Tally {
    pub fn of(rows: &[Row]) -> Tally {
        let mut t = Tally::default();
        for r in rows
            .iter()
            .filter(|r| r.point.kind == Kind::Projection && r.later.is_some())
        {
            t.projections += 1;
            t.low += usize::from(r.off_users().is_some_and(|o| o < 0.0));
            if let Some(o) = r.off_share() {
                t.with_shares += 1;
                t.high_share += usize::from(o > 0.0);
            }
        }
        t
    }

    /// The tally in words, and why the shares can tell otherwise.
    pub fn words(self, lang: Lang) -> Vec<String> {
        let Tally {
            projections: n,
            low,
            with_shares: m,
            high_share: high,
        } = self;
        if n == 0 {
            return Vec::new();
        }
        let mut lines = vec![tr!(
            lang,
            "In millions, {low} of the {n} projections with a later figure were low.",
            "百万人で見ると、後の数値がある予測{n}件のうち{low}件が低かった。"
        )];
        if m > 0 {
            lines.push(tr!(
                lang,
                "In share of internet users, {high} of {m} were high: a later report may count internet users anew, so a share can fall while users rise.",
                "インターネット利用者に占める割合で見ると、{m}件のうち{high}件が高かった。後の報告がインターネット利用者数を数え直すと、利用者が増えても割合は下がりうる。"
            ));
        }
        lines
    }
}

/// [`Tally::of`] the rows, in words.
pub fn summary(rows: &[Row], lang: Lang) -> Vec<String> {
    Tally::of(rows).words(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

    #[test]
    fn every_figure_is_listed_and_each_projection_meets_its_later_figure() {
        let d = load(None).unwrap().dataset;
        let rows = ledger(&d);
        let figures: usize = d.growth.series.iter().map(|s| s.points.len()).sum();
        assert_eq!(rows.len(), figures);
        let find = |year: i32, report: &str| {
            rows.iter()
                .find(|r| r.point.year == year && r.report() == report)
                .unwrap()
        };
        // The essay's 2015: later estimated at 64.88 M by ict-2016.
        let essay = find(2015, "ict-2013");
        assert_eq!(essay.later.map(|l| l.sns_users), Some(64.88));
        assert_eq!(format::rounded(essay.off_users().unwrap(), 1), "-2.6");
        // ict-2016's 2018 projection against ict-2018's expectation.
        let p2018 = find(2018, "ict-2016");
        assert_eq!(p2018.later.map(|l| l.sns_users), Some(75.23));
        // ict-2011's 2014 projection against ict-2014's expectation.
        assert_eq!(
            find(2014, "ict-2011").later.map(|l| l.sns_users),
            Some(60.23)
        );
        // An estimate is what happened: nothing later is set against it.
        assert!(find(2015, "ict-2016").later.is_none());
        // The last projection has nothing later yet.
        assert!(find(2026, "ict-2024").later.is_none());
        // Years in order.
        assert!(rows.windows(2).all(|w| w[0].point.year <= w[1].point.year));
    }

    #[test]
    fn every_projection_was_low_in_millions_and_two_high_in_share() {
        let d = load(None).unwrap().dataset;
        let lines = summary(&ledger(&d), Lang::En);
        assert!(
            lines[0].starts_with("In millions, 7 of the 7 projections"),
            "{lines:?}"
        );
        assert!(lines[1].contains("2 of 7 were high"), "{lines:?}");
    }
}
