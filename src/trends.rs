//! Each platform's usage rate across the surveys of one family, for the
//! Trends tab and `sns-tui print trends`. Nothing here names a survey or
//! a platform: the families, their surveys in order of time, the tables
//! and the breaks in method all come from the data. A usage-rate table is
//! one of unit `%` whose base is every respondent of its survey; a survey
//! takes its place in time from its month, so a survey with none (as in a
//! version 1 file) has no place on the axis and is left out. A family of
//! surveys is drawn only where such tables cover at least two years, and
//! families are never merged: each is its own chart.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::dataset::{Base, Dataset, RankRow};
use crate::lang::Lang;
use crate::width::str_width;

/// One survey of a family, with the usage-rate table drawn for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Wave {
    /// The survey's index in the dataset.
    pub survey: usize,
    /// The table's index in the dataset: the survey's first usage table.
    pub table: usize,
    pub year: i32,
    /// 1-12, where the survey's month is known.
    pub month: Option<u32>,
    /// The breaks in method that fall between the wave before and this
    /// one (indices into the dataset's breaks): no line joins across them.
    pub breaks: Vec<usize>,
}

impl Wave {
    /// Where the wave stands in time, in years: the middle of its month,
    /// or the middle of its year where the month is not known.
    pub fn time(&self) -> f64 {
        let within = self.month.map_or(0.5, |m| (f64::from(m) - 0.5) / 12.0);
        f64::from(self.year) + within
    }

    /// "2013-05", or "2013" where only the year is known.
    pub fn when(&self) -> String {
        match self.month {
            Some(m) => format!("{}-{m:02}", self.year),
            None => self.year.to_string(),
        }
    }
}

/// One platform's figures across a family's waves.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub platform: String,
    /// One character, unique across every family, that marks the
    /// platform's points on the chart (see [`markers`]).
    pub marker: char,
    /// The waves whose table lists the platform with a figure, in order,
    /// each with the row: a wave not here is a gap, never a zero. Kept
    /// sparse, so a family of many surveys each listing other platforms
    /// costs what its tables hold, not platforms times surveys.
    points: Vec<(usize, usize)>,
}

impl Trend {
    /// The platform's figure in wave `w`, with its row.
    pub fn point<'d>(&self, d: &'d Dataset, f: &Family, w: usize) -> Option<(f64, &'d RankRow)> {
        let at = self.points.binary_search_by_key(&w, |p| p.0).ok()?;
        let row = &d.rankings[f.waves.get(w)?.table].rows[self.points[at].1];
        Some((row.value?, row))
    }

    /// The waves with a figure, in order.
    pub fn waves(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        self.points.iter().map(|p| p.0)
    }
}

/// A family of surveys with usage tables from two years or more.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    pub id: String,
    /// What its surveys' names share, in English and Japanese ("ICT総研").
    label: [String; 2],
    /// In order of time.
    pub waves: Vec<Wave>,
    /// The platforms: those in the last wave first, by figure, then those
    /// last seen earlier, the latest first.
    pub trends: Vec<Trend>,
}

impl Family {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label[0], &self.label[1])
    }

    /// The first and last years of the family's waves.
    pub fn years(&self) -> (i32, i32) {
        let first = self.waves.first().map_or(0, |w| w.year);
        let last = self.waves.last().map_or(first, |w| w.year);
        (first, last)
    }
}

/// Every family with a trend to draw, in the order their first usage
/// tables come in the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trends {
    pub families: Vec<Family>,
}

/// A survey's month as a year and, where given, a month: "2013-05" or
/// "2013".
fn parse_month(month: &str) -> Option<(i32, Option<u32>)> {
    let mut parts = month.splitn(2, '-');
    let year = parts.next()?.parse().ok()?;
    match parts.next() {
        None => Some((year, None)),
        Some(m) => {
            let m: u32 = m.parse().ok()?;
            (1..=12).contains(&m).then_some((year, Some(m)))
        }
    }
}

impl Trends {
    pub fn new(d: &Dataset) -> Trends {
        // Per family (in order of first appearance), survey to table.
        let mut order: Vec<&str> = Vec::new();
        let mut by_family: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
        // A survey's first usage table is its wave.
        let mut seen: HashSet<usize> = HashSet::default();
        for (ti, t) in d.rankings.iter().enumerate() {
            if t.unit != "%" || t.base != Base::Survey {
                continue;
            }
            let Some(si) = d.survey_index(&t.survey) else {
                continue;
            };
            let s = &d.surveys[si];
            if s.month.as_deref().and_then(parse_month).is_none() {
                continue;
            }
            let list = by_family.entry(s.family.as_str()).or_insert_with(|| {
                order.push(s.family.as_str());
                Vec::new()
            });
            if seen.insert(si) {
                list.push((si, ti));
            }
        }
        let mut families: Vec<Family> = order
            .into_iter()
            .filter_map(|id| family(d, id, &by_family[id]))
            .collect();
        let marks = markers(
            families
                .iter()
                .flat_map(|f| &f.trends)
                .map(|t| d.platform_name(&t.platform)),
        );
        let marks: HashMap<&str, char> = marks.into_iter().collect();
        let names: Vec<Vec<char>> = families
            .iter()
            .map(|f| {
                f.trends
                    .iter()
                    .map(|t| marks[d.platform_name(&t.platform)])
                    .collect()
            })
            .collect();
        for (f, marks) in families.iter_mut().zip(names) {
            for (t, m) in f.trends.iter_mut().zip(marks) {
                t.marker = m;
            }
        }
        Trends { families }
    }
}

/// The family `id` with its surveys and tables, if they cover two years.
fn family(d: &Dataset, id: &str, tables: &[(usize, usize)]) -> Option<Family> {
    let mut waves: Vec<Wave> = tables
        .iter()
        .filter_map(|&(survey, table)| {
            let s = &d.surveys[survey];
            let (year, month) = parse_month(s.month.as_deref()?)?;
            Some(Wave {
                survey,
                table,
                year,
                month,
                breaks: Vec::new(),
            })
        })
        .collect();
    waves.sort_by_key(|w| d.survey_order(&d.surveys[w.survey]));
    let mut years: Vec<i32> = waves.iter().map(|w| w.year).collect();
    years.sort_unstable();
    years.dedup();
    if years.len() < 2 {
        return None;
    }
    // The breaks after one wave and by the next, as the comparisons find them.
    let list = d.family_breaks(id);
    for w in 1..waves.len() {
        let lo = d.survey_order(&d.surveys[waves[w - 1].survey]);
        let hi = d.survey_order(&d.surveys[waves[w].survey]);
        let start = list.partition_point(|(at, _)| *at <= lo);
        let end = list.partition_point(|(at, _)| *at <= hi).max(start);
        waves[w].breaks = list[start..end].iter().map(|&(_, i)| i).collect();
    }
    // Each platform's row in each wave, in order of first appearance.
    let mut platforms: Vec<&str> = Vec::new();
    let mut rows: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
    for (w, wave) in waves.iter().enumerate() {
        for (ri, r) in d.rankings[wave.table].rows.iter().enumerate() {
            if r.value.is_none() {
                continue;
            }
            let points = rows.entry(r.platform.as_str()).or_insert_with(|| {
                platforms.push(r.platform.as_str());
                Vec::new()
            });
            // A table listing a platform twice: its first row counts.
            if points.last().is_none_or(|p| p.0 != w) {
                points.push((w, ri));
            }
        }
    }
    if platforms.is_empty() {
        return None;
    }
    let mut trends: Vec<Trend> = platforms
        .iter()
        .map(|p| Trend {
            platform: p.to_string(),
            marker: '?',
            points: rows.remove(p).unwrap_or_default(),
        })
        .collect();
    // The platform's last wave and its figure there.
    let last = |t: &Trend| {
        t.points.last().map(|&(w, r)| {
            let value = d.rankings[waves[w].table].rows[r].value.unwrap_or(0.0);
            (w, value)
        })
    };
    // Stable: equal figures keep the order of first appearance.
    trends.sort_by(|a, b| {
        let (la, lb) = (last(a), last(b));
        let (wa, wb) = (la.map(|l| l.0), lb.map(|l| l.0));
        wb.cmp(&wa).then_with(|| {
            let (va, vb) = (la.map_or(0.0, |l| l.1), lb.map_or(0.0, |l| l.1));
            vb.total_cmp(&va)
        })
    });
    let label = [Lang::En, Lang::Ja].map(|lang| {
        let names: Vec<&str> = waves
            .iter()
            .map(|w| d.surveys[w.survey].name.get(lang))
            .collect();
        common_name(&names).unwrap_or_else(|| id.to_string())
    });
    Some(Family {
        id: id.to_string(),
        label,
        waves,
        trends,
    })
}

/// What the names share from their start, up to a space or comma where
/// they part: "ICT総研" of "ICT総研, May 2013" and "ICT総研, July 2014".
fn common_name(names: &[&str]) -> Option<String> {
    let first = *names.first()?;
    let mut end = first.len();
    for n in &names[1..] {
        end = first
            .char_indices()
            .zip(n.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(n.len().min(first.len())), |((i, _), _)| i)
            .min(end);
    }
    let shared = &first[..end];
    let cut = if end == first.len() {
        shared
    } else {
        let at = shared.rfind([' ', ',', '、', '，', '　']).unwrap_or(0);
        &shared[..at]
    };
    let cut = cut.trim_end_matches([' ', ',', '、', '，', '　', ':', '：', '-']);
    (!cut.is_empty()).then(|| cut.to_string())
}

/// What the Trends tab and `print trends` say where no family has a trend.
pub fn not_enough(lang: Lang) -> &'static str {
    lang.pick(
        "Not enough surveys for a trend: no family of surveys in this dataset has usage-rate tables (unit %, every respondent as the base, the survey's month given) from two different years. The Rankings tab shows the tables it has.",
        "推移を描くには調査が足りない: このデータには、同じ系列の調査で2つの異なる年の利用率の表（単位%、回答者全体が母数、調査月あり）がない。ランキングのタブに表がある。",
    )
}

/// What a family's chart or listing shows.
pub fn title(f: &Family, lang: Lang) -> String {
    let label = f.label(lang);
    crate::tr!(
        lang,
        "{label}: usage rate by survey, % of all respondents",
        "{label}: 調査ごとの利用率（回答者全体に占める%）"
    )
}

/// The breaks in method of a family's waves, indexed so the breaks that
/// fall in any run of waves are found by binary search.
pub struct Broken {
    /// The waves with breaks before them, in order.
    waves: Vec<usize>,
    /// How many breaks fall before each of those waves, summed.
    before: Vec<usize>,
    breaks: Vec<usize>,
}

impl Broken {
    pub fn new(f: &Family) -> Broken {
        let mut b = Broken {
            waves: Vec::new(),
            before: Vec::new(),
            breaks: Vec::new(),
        };
        for (w, wave) in f.waves.iter().enumerate() {
            if !wave.breaks.is_empty() {
                b.waves.push(w);
                b.before.push(b.breaks.len());
                b.breaks.extend(&wave.breaks);
            }
        }
        b
    }

    /// The breaks that fall before waves `from..to`.
    pub fn within(&self, from: usize, to: usize) -> &[usize] {
        let (a, b) = (
            self.waves.partition_point(|&w| w < from),
            self.waves.partition_point(|&w| w < to),
        );
        let start = self.before.get(a).copied().unwrap_or(self.breaks.len());
        let end = self.before.get(b).copied().unwrap_or(self.breaks.len());
        &self.breaks[start..end]
    }
}

/// What marks a point of a platform not given a letter of its own.
pub const OTHER: char = '*';
/// What marks a cell where the points of more than one platform fall.
pub const SEVERAL: char = '+';

/// A one-column character for each name, unique while any are left: the
/// name's first character as written ("L" for LINE, "m" for mixi), else a
/// later capital, else a later letter as a capital ("K" for TikTok after
/// Twitter), else the first free letter or digit; [`OTHER`] once all are
/// taken. The same name gets the same marker.
pub fn markers<'a>(names: impl Iterator<Item = &'a str>) -> Vec<(&'a str, char)> {
    const POOL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut taken: Vec<char> = Vec::new();
    let mut out: Vec<(&str, char)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::default();
    for name in names {
        if !seen.insert(name) {
            continue;
        }
        let letters: Vec<char> = name.chars().filter(char::is_ascii_alphanumeric).collect();
        let first = name.chars().next().filter(char::is_ascii_alphanumeric);
        let rest = letters.iter().skip(usize::from(first.is_some()));
        let candidates = first
            .into_iter()
            .chain(rest.clone().copied().filter(char::is_ascii_uppercase))
            .chain(rest.map(char::to_ascii_uppercase))
            .chain(POOL.chars());
        let mut candidates = candidates;
        let marker = if taken.len() == POOL.len() {
            OTHER
        } else {
            candidates.find(|c| !taken.contains(c)).unwrap_or(OTHER)
        };
        if marker != OTHER {
            taken.push(marker);
        }
        out.push((name, marker));
    }
    debug_assert!(out.iter().all(|(_, m)| str_width(&m.to_string()) == 1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

    #[test]
    fn markers_come_from_the_names_and_are_unique() {
        let names = [
            "LINE",
            "Facebook",
            "Twitter",
            "mixi",
            "Instagram",
            "TikTok",
            "YouTube",
            "ミクシィ",
        ];
        let m: Vec<char> = markers(names.into_iter()).iter().map(|x| x.1).collect();
        assert_eq!(m, ['L', 'F', 'T', 'm', 'I', 'K', 'Y', 'A']);
        let many: Vec<String> = (0..70).map(|i| format!("x{i}")).collect();
        let m = markers(many.iter().map(String::as_str));
        assert_eq!(m[0].1, 'x');
        assert_eq!(m.last().unwrap().1, OTHER);
    }

    #[test]
    fn common_names_stop_where_the_names_part() {
        assert_eq!(
            common_name(&["ICT総研, May 2013", "ICT総研, July 2014"]).as_deref(),
            Some("ICT総研")
        );
        assert_eq!(
            common_name(&["総務省 2012年調査", "総務省 2013年11〜12月調査"]).as_deref(),
            Some("総務省")
        );
        assert_eq!(common_name(&["2013", "2014"]), None);
    }

    #[test]
    fn the_bundled_families_are_ict_then_mic_with_their_breaks() {
        let d = load(None).unwrap().dataset;
        let t = Trends::new(&d);
        let ids: Vec<&str> = t.families.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["ict", "mic"]);
        let ict = &t.families[0];
        assert_eq!(ict.label(Lang::En), "ICT総研");
        assert_eq!(t.families[1].label(Lang::Ja), "総務省");
        let years: Vec<i32> = ict.waves.iter().map(|w| w.year).collect();
        assert_eq!(years, [2013, 2014, 2016, 2017, 2018, 2020, 2022, 2024]);
        let broken: Vec<i32> = ict
            .waves
            .iter()
            .filter(|w| !w.breaks.is_empty())
            .map(|w| w.year)
            .collect();
        assert_eq!(broken, [2014, 2022]);
        let line = &ict.trends[0];
        assert_eq!((line.platform.as_str(), line.marker), ("line", 'L'));
        let values: Vec<f64> = (0..ict.waves.len())
            .filter_map(|w| line.point(&d, ict, w).map(|p| p.0))
            .collect();
        assert_eq!(values, [27.0, 47.6, 72.1, 76.9, 80.8, 77.4, 79.5, 74.7]);
        let tiktok = ict.trends.iter().find(|t| t.platform == "tiktok").unwrap();
        assert_eq!(tiktok.marker, 'K');
        // The smartphone table (a subgroup) is not a wave.
        assert!(
            ict.waves
                .iter()
                .all(|w| d.rankings[w.table].id.ends_with("-all"))
        );
    }
}
