//! How a ranking table stands against the one it compares with, said so
//! that a reader knows what is compared: two populations of one survey are
//! not a change, a change between surveys carries the breaks in method
//! between them, and ranks are compared only among the platforms both
//! tables list. The screen and `print` both read this.

use rustc_hash::FxHashMap as HashMap;

use crate::dataset::{Base, Dataset, RankingTable};
use crate::format;
use crate::lang::Lang;
use crate::tr;
use crate::width::str_width;

/// How many breaks a caption gives in full; the Sources tab has the rest.
pub const FULL_BREAKS: usize = 3;

/// What the two tables are to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Two populations of one survey (smartphone users against all
    /// respondents): the same moment, not a change.
    Populations,
    /// A later survey of the same family: a change over time.
    Change,
    /// Another family of surveys, or not a later one: side by side only.
    Surveys,
}

/// How one row of the main table stands against the compared-with table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Standing {
    /// Places up, among the platforms both tables rank.
    Up(u32),
    Down(u32),
    Same,
    /// This figure less the other table's, in the tables' unit.
    Diff(f64),
    /// Not in the other table's published list (which is not "new": the
    /// platform may have been asked about and ranked lower).
    Unlisted,
    /// Listed in both, but a figure is missing on one side.
    NoFigure,
}

impl Standing {
    /// ▲ up, ▼ down, = same: arrows, so the meaning needs no colour; a
    /// difference carries its sign.
    pub fn label(self) -> String {
        match self {
            Standing::Up(n) => format!("▲{n}"),
            Standing::Down(n) => format!("▼{n}"),
            Standing::Same => "=".into(),
            Standing::Diff(v) => format::signed(v),
            Standing::Unlisted => "unlisted".into(),
            Standing::NoFigure => "—".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub main: usize,
    pub base: usize,
    pub relation: Relation,
    /// Per row of the main table (in the dataset's order), its standing.
    pub standings: Vec<Standing>,
    /// How many platforms both tables list.
    pub common: usize,
    /// The breaks in method between the two surveys, oldest first.
    pub breaks: Vec<usize>,
    /// Whether the standings are rank moves (both tables ranked, a change
    /// over time) rather than differences of figures.
    pub by_rank: bool,
    width: usize,
}

impl Comparison {
    /// `main` against `base`, both table indices. Costs the main table's
    /// size (and its log), however large the other table is.
    pub fn new(d: &Dataset, main: usize, base: usize) -> Comparison {
        let (t, b) = (&d.rankings[main], &d.rankings[base]);
        let relation = relation(d, t, b);
        let in_base: Vec<Option<usize>> = t
            .rows
            .iter()
            .map(|r| d.row_index(base, &r.platform))
            .collect();
        let common = in_base.iter().flatten().count();
        let ranked = t.rows.iter().all(|r| r.rank.is_some())
            && in_base.iter().flatten().all(|&i| b.rows[i].rank.is_some());
        let places = if relation == Relation::Change && ranked {
            Some((
                places_among(
                    t.rows
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| in_base[*i].is_some()),
                ),
                places_among(in_base.iter().flatten().map(|&i| (i, &b.rows[i]))),
            ))
        } else {
            None
        };
        let standings: Vec<Standing> = t
            .rows
            .iter()
            .zip(&in_base)
            .enumerate()
            .map(|(i, (r, other))| {
                let Some(o) = *other else {
                    return Standing::Unlisted;
                };
                if let Some((now, then)) = &places {
                    let (now, then) = (now[&i], then[&o]);
                    return match now.cmp(&then) {
                        std::cmp::Ordering::Less => Standing::Up(then - now),
                        std::cmp::Ordering::Greater => Standing::Down(now - then),
                        std::cmp::Ordering::Equal => Standing::Same,
                    };
                }
                match (r.value, b.rows[o].value) {
                    (Some(x), Some(y)) => Standing::Diff(format::difference(x, y)),
                    _ => Standing::NoFigure,
                }
            })
            .collect();
        // Room for the header in either language, so `L` keeps the columns.
        let header = |l: Lang| match relation {
            Relation::Change => l.pick("change", "変化"),
            _ => l.pick("vs", "比較"),
        };
        let headers = [Lang::En, Lang::Ja].map(|l| str_width(header(l)));
        let width = standings
            .iter()
            .map(|s| s.label().chars().count())
            .chain(headers)
            .max()
            .unwrap_or(0);
        Comparison {
            main,
            base,
            relation,
            standings,
            common,
            breaks: breaks_between(d, &b.survey, &t.survey),
            by_rank: places.is_some(),
            width,
        }
    }

    /// The widest the comparison column needs, found once: a frame must not
    /// walk every row.
    pub fn column_width(&self) -> usize {
        self.width
    }

    /// The comparison column's header.
    pub fn header(&self, lang: Lang) -> &'static str {
        if self.relation == Relation::Change {
            lang.pick("change", "変化")
        } else {
            lang.pick("vs", "比較")
        }
    }

    /// What the column compares in one line, and what "unlisted" means where
    /// a row is; then, where the two tables are not like for like, one line
    /// naming every difference (each break in method by its title, and the
    /// sample sizes); then each break in full. All but the breaks in full
    /// are short, so a small window keeps them.
    pub fn caption(&self, d: &Dataset, lang: Lang) -> Vec<String> {
        let (t, b) = (&d.rankings[self.main], &d.rankings[self.base]);
        let points = if t.unit == "%" {
            lang.pick("percentage points", "ポイント").to_string()
        } else {
            t.unit.to_string()
        };
        let base = b.title.get(lang);
        let common = self.common;
        let mut lines = vec![match self.relation {
            Relation::Populations => tr!(
                lang,
                "vs: {points} above or below {base}: the same survey, another population, not a change",
                "比較: {base}との差（{points}）。同じ調査の別の集団で、変化ではない"
            ),
            Relation::Change if self.by_rank => {
                let platforms = lang.pick(
                    if common == 1 { "platform" } else { "platforms" },
                    "サービス",
                );
                tr!(
                    lang,
                    "change: rank move since {base}, among the {common} {platforms} both list",
                    "変化: {base}からの順位の動き（両方にある{common}{platforms}の中で）"
                )
            }
            // Tables that give figures but no ranking differ by figure.
            Relation::Change => tr!(
                lang,
                "change: {points} up (+) or down (-) since {base}",
                "変化: {base}からの増減（{points}）"
            ),
            Relation::Surveys => {
                let other = survey_name(d, &b.survey, lang);
                tr!(
                    lang,
                    "vs: {points} against {base}, another survey ({other}): not a change",
                    "比較: 別の調査（{other}）の{base}との差（{points}）。変化ではない"
                )
            }
        }];
        if self.standings.contains(&Standing::Unlisted) {
            lines.push(tr!(
                lang,
                "unlisted: not among the figures published for {base}",
                "unlisted: {base}に数値の公表なし"
            ));
        }
        let titles: Vec<String> = self
            .breaks
            .iter()
            .map(|&i| d.breaks[i].title.get(lang).to_string())
            .collect();
        let n = |id: &str| d.survey(id).and_then(|s| s.sample_size);
        let samples = match (n(&b.survey), n(&t.survey)) {
            (Some(then), Some(now)) if then != now && self.relation != Relation::Populations => {
                let (then, now) = (format::thousands(then), format::thousands(now));
                Some(tr!(
                    lang,
                    "surveys of {then} and {now}",
                    "調査の回答者数 {then} と {now}"
                ))
            }
            _ => None,
        };
        // A file may give many breaks: the line names a dozen at most.
        let differences: Vec<String> = (!titles.is_empty())
            .then(|| format::listing(&titles))
            .into_iter()
            .chain(samples)
            .collect();
        if !differences.is_empty() {
            let differences = differences.join("; ");
            lines.push(tr!(
                lang,
                "Caveats: {differences}.",
                "注意: {differences}。"
            ));
        }
        if let Some(note) = &t.compare_note {
            lines.push(note.get(lang).to_string());
        }
        let full = self.breaks.iter().take(FULL_BREAKS).map(|&i| {
            format!(
                "{}: {}",
                d.breaks[i].title.get(lang),
                d.breaks[i].text.get(lang)
            )
        });
        lines.extend(full);
        if self.breaks.len() > FULL_BREAKS {
            let more = self.breaks.len() - FULL_BREAKS;
            lines.push(tr!(
                lang,
                "… and {more} more breaks in method: the Sources tab lists them all",
                "…ほか{more}件の方法の変更: 出典タブにすべてある"
            ));
        }
        lines
    }

    /// How many lines of [`Comparison::caption`] are its summary, before
    /// the breaks in full.
    pub fn summary_len(&self, caption: &[String]) -> usize {
        let full =
            self.breaks.len().min(FULL_BREAKS) + usize::from(self.breaks.len() > FULL_BREAKS);
        caption.len() - full
    }
}

/// Each row's place among `rows` by rank, ties sharing a place: one plus
/// how many rank better.
fn places_among<'a>(
    rows: impl Iterator<Item = (usize, &'a crate::dataset::RankRow)>,
) -> HashMap<usize, u32> {
    let mut ranked: Vec<(u32, usize)> = rows.map(|(i, r)| (r.rank.unwrap_or(0), i)).collect();
    ranked.sort_unstable();
    let mut places = HashMap::default();
    let mut place = 0;
    for (at, &(rank, i)) in ranked.iter().enumerate() {
        if at == 0 || ranked[at - 1].0 != rank {
            place = at as u32 + 1;
        }
        places.insert(i, place);
    }
    places
}

fn relation(d: &Dataset, t: &RankingTable, b: &RankingTable) -> Relation {
    if t.survey == b.survey {
        return Relation::Populations;
    }
    match (d.survey(&t.survey), d.survey(&b.survey)) {
        (Some(now), Some(then))
            if now.family == then.family && d.survey_order(now) > d.survey_order(then) =>
        {
            Relation::Change
        }
        _ => Relation::Surveys,
    }
}

/// The breaks of the family that take effect after `then` and by `now`,
/// found by halving the family's breaks in order of time.
fn breaks_between(d: &Dataset, then: &str, now: &str) -> Vec<usize> {
    let (Some(then), Some(now)) = (d.survey(then), d.survey(now)) else {
        return Vec::new();
    };
    if then.family != now.family {
        return Vec::new();
    }
    let (lo, hi) = (d.survey_order(then), d.survey_order(now));
    let list = d.family_breaks(&now.family);
    let start = list.partition_point(|(at, _)| *at <= lo);
    let end = list.partition_point(|(at, _)| *at <= hi);
    list[start..end.max(start)]
        .iter()
        .map(|&(_, i)| i)
        .collect()
}

fn survey_name(d: &Dataset, id: &str, lang: Lang) -> String {
    d.survey(id)
        .map_or(id.to_string(), |s| s.name.get(lang).to_string())
}

/// Whose answers a table counts, with a sample size given as the base only
/// where it is the table's base: "n=12,000", or "of 12,000 respondents;
/// base not published" for a part of them.
pub fn base_text(d: &Dataset, t: &RankingTable, lang: Lang) -> String {
    let n = d
        .survey(&t.survey)
        .and_then(|s| s.sample_size)
        .map(format::thousands);
    let of = |what_en: &str, what_ja: &str| match &n {
        Some(n) => tr!(
            lang,
            "of {n} respondents; {what_en}",
            "回答者{n}人のうち; {what_ja}"
        ),
        None => lang.pick(what_en, what_ja).to_string(),
    };
    match (t.base, &n) {
        (Base::Survey, Some(n)) => format!("n={n}"),
        (Base::Survey, None) => lang
            .pick("all respondents; n not given", "回答者全体; nは不明")
            .to_string(),
        (Base::Subgroup, _) => of("base not published", "母数は非公表"),
        (Base::Users, _) => of("bases not published", "母数は非公表"),
        (Base::Unstated, _) => of("this table's base not stated", "この表の母数は記載なし"),
    }
}

/// The figure a full bar stands for, for each unit: tables of one unit
/// share one scale wherever they are drawn. Rates and points run to 100;
/// another unit, or a figure beyond 100, to the largest figure.
pub fn scales(d: &Dataset) -> HashMap<&str, f64> {
    let mut scales: HashMap<&str, f64> = HashMap::default();
    for t in &d.rankings {
        let floor = if t.unit == "%" || t.unit == "points" {
            100.0
        } else {
            0.0
        };
        let most = t.rows.iter().filter_map(|r| r.value).fold(floor, f64::max);
        let scale = scales.entry(t.unit.as_str()).or_insert(0.0);
        *scale = scale.max(most);
    }
    scales
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

    #[test]
    fn many_breaks_make_a_short_caption() {
        let mut d = load(None).unwrap().dataset.into_raw();
        let first = d.breaks[0].clone();
        d.breaks = (0..40)
            .map(|i| {
                let mut b = first.clone();
                b.title = crate::dataset::Bilingual::new(format!("break {i}"));
                b
            })
            .collect();
        let d = crate::dataset::Dataset::new(d).unwrap();
        let (main, base) = (
            d.table_index("2014-all").unwrap(),
            d.table_index("2013-all").unwrap(),
        );
        let c = Comparison::new(&d, main, base);
        assert_eq!(c.breaks.len(), 40);
        let caption = c.caption(&d, Lang::En);
        let caveats = caption.iter().find(|l| l.starts_with("Caveats:")).unwrap();
        assert!(
            caveats.contains("break 11 and 28 more; surveys of 12,000 and 4,193"),
            "{caveats}"
        );
        // What it compares, "unlisted" (Google+), the caveats; three in full.
        assert_eq!(caption.len(), 3 + 3 + 1, "{caption:?}");
        assert_eq!(c.summary_len(&caption), 3);
        assert!(caption.last().unwrap().contains("37 more breaks"));
    }

    #[test]
    fn tables_without_ranks_are_compared_by_figure_and_say_so() {
        let d = load(None).unwrap().dataset;
        let at = |id: &str| d.table_index(id).unwrap();
        let c = Comparison::new(&d, at("2016-all"), at("2014-all"));
        assert!(!c.by_rank);
        let line = d.rankings[at("2016-all")]
            .rows
            .iter()
            .position(|r| &*r.platform == "line")
            .unwrap();
        assert_eq!(c.standings[line], Standing::Diff(24.5), "72.1 against 47.6");
        let caption = c.caption(&d, Lang::En);
        assert!(
            caption[0].starts_with("change: percentage points up (+) or down (-) since"),
            "{caption:?}"
        );
        assert!(!caption[0].contains("rank"), "{caption:?}");
        let ranked = Comparison::new(&d, at("2014-all"), at("2013-all"));
        assert!(ranked.by_rank);
        assert!(ranked.caption(&d, Lang::En)[0].contains("among the 5 platforms both list"));
    }

    #[test]
    fn a_break_applies_only_across_it() {
        let d = load(None).unwrap().dataset;
        let at = |id: &str| d.table_index(id).unwrap();
        // 2014 against 2013 crosses the 2014 break; 2013 against itself does not.
        assert_eq!(
            Comparison::new(&d, at("2014-all"), at("2013-all")).breaks,
            [0]
        );
        assert!(
            Comparison::new(&d, at("2013-smartphone"), at("2013-all"))
                .breaks
                .is_empty()
        );
        assert_eq!(
            Comparison::new(&d, at("2013-smartphone"), at("2013-all")).relation,
            Relation::Populations
        );
    }
}
