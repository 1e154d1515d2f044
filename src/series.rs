//! What the growth series say, for the chart, the ledger and `print`
//! alike: a series' figure for a year, its short name, what the chart
//! measures, and how far a projection was from what followed.

use crate::dataset::{Kind, Point, Series};
use crate::format;
use crate::lang::Lang;
use crate::tr;

/// What the chart measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// SNS users, millions.
    Users,
    /// SNS users as a share of internet users, %.
    Share,
}

impl Measure {
    pub fn of(self, p: &Point) -> Option<f64> {
        match self {
            Measure::Users => Some(p.sns_users),
            Measure::Share => p.share_pct,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The figure `s` gives for `year`, if any. Points are in year order.
pub fn point(s: &Series, year: i32) -> Option<&Point> {
    s.points
        .binary_search_by_key(&year, |p| p.year)
        .ok()
        .map(|i| &s.points[i])
}

/// A series' label in `lang` up to its first parenthesis: "As the essay
/// saw it", "エッセイが見た数値".
pub fn short_label(s: &Series, lang: Lang) -> &str {
    let label = s.label.get(lang);
    let end = label.find(['(', '（']).unwrap_or(label.len());
    label[..end].trim_end()
}

/// A projection of the first series set against what a later series says
/// of the same year (an estimate where there is one, else a later
/// expectation): how far off it was.
pub fn against_outcome(shown: &[Series], year: i32, lang: Lang) -> Option<String> {
    let projected = point(shown.first()?, year).filter(|p| p.kind == Kind::Projection)?;
    let later = |kind: Kind| {
        shown[1..]
            .iter()
            .find_map(|s| point(s, year).filter(|p| p.kind == kind))
    };
    let outcome = later(Kind::Estimate).or_else(|| later(Kind::Expected))?;
    Some(outcome_line(year, projected, outcome, lang))
}

/// How far off a projection for `year` was, by the figure of the outcome.
pub fn outcome_line(year: i32, projected: &Point, outcome: &Point, lang: Lang) -> String {
    let (then, now) = (
        format::millions(projected.sns_users),
        format::millions(outcome.sns_users),
    );
    let mut line = match outcome.kind {
        Kind::Expected => tr!(
            lang,
            "{year}: projected {then} M, later expected at {now} M",
            "{year}年: 予測 {then} M、その後の見込み {now} M"
        ),
        _ => tr!(
            lang,
            "{year}: projected {then} M, later estimated at {now} M",
            "{year}年: 予測 {then} M、その後の推計 {now} M"
        ),
    };
    // Off by a share of the outcome: of nothing, there is no share to say.
    if outcome.sns_users > 0.0 {
        let off = (projected.sns_users - outcome.sns_users) / outcome.sns_users * 100.0;
        let by = format::with_unit(format::rounded(off.abs(), 1).parse().unwrap_or(0.0), "%");
        line.push_str(&if off < 0.0 {
            tr!(lang, ", {by} low", "、{by}低かった")
        } else {
            tr!(lang, ", {by} high", "、{by}高かった")
        });
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

    #[test]
    fn a_projection_against_an_outcome_of_nothing_says_no_share() {
        let d = load(None).unwrap().dataset;
        let essay = &d.growth.series[0];
        let projected = point(essay, 2015).unwrap();
        let mut outcome = projected.clone();
        outcome.kind = Kind::Estimate;
        outcome.sns_users = 0.0;
        let line = outcome_line(2015, projected, &outcome, Lang::En);
        assert_eq!(line, "2015: projected 63.21 M, later estimated at 0.00 M");
        outcome.sns_users = 64.88;
        let line = outcome_line(2015, projected, &outcome, Lang::En);
        assert!(line.ends_with(", 2.6% low"), "{line}");
        assert!(outcome_line(2015, projected, &outcome, Lang::Ja).ends_with("2.6%低かった"));
    }
}
