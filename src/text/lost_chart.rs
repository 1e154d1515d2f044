//! The essay's chart, lost with its image: where the essay's caption names
//! the Growth chart (its title up to the first comma, "SNS Users in
//! Japan"), the essay's own series is drawn from the dataset under it,
//! small, and marked as drawn from the sources, with the years whose
//! values the original showed but no text gives.

use super::{Mark, Marked, MarkedLine};
use crate::bars::{Grow, bar_cells, eighths};
use crate::dataset::Dataset;
use crate::format;
use crate::lang::Lang;
use crate::tr;

/// The cells of the longest bar: small beside the Growth tab's chart, and
/// short enough that a line fits a reading width.
const BAR_CELLS: usize = 24;

/// Whether `para` is the caption of the essay's chart: the Growth chart's
/// title up to its first comma, in any case.
fn is_caption(d: &Dataset, para: &str) -> bool {
    let title = d.growth.title.get(Lang::En);
    let name = title.split(',').next().unwrap_or(title).trim();
    !name.is_empty() && para.trim().eq_ignore_ascii_case(name)
}

/// The lines drawn under `para` if it is the chart's caption: a bar a
/// year of the essay's series, on one scale from zero, a gap where the
/// series has no figure, and what the drawing is and is not.
pub fn under(d: &Dataset, lang: Lang, para: &str) -> Vec<MarkedLine> {
    let Some(series) = d.growth.series.first().filter(|_| is_caption(d, para)) else {
        return Vec::new();
    };
    let (Some(first), Some(last)) = (series.points.first(), series.points.last()) else {
        return Vec::new();
    };
    let max = series
        .points
        .iter()
        .map(|p| p.sns_users)
        .fold(0.0, f64::max);
    let mut lines = vec![vec![Marked::new(
        lang.pick(
            "[Drawn here from the essay's sources, not the essay's image, which is lost: SNS users in millions, bars from 0]",
            "［エッセイの画像は失われた。ここではエッセイの出典から描いた: SNS利用者（百万人）、棒は0から］",
        ),
        Mark::Meta,
    )]];
    let mut unknown = Vec::new();
    for year in first.year..=last.year {
        let line = match series.points.iter().find(|p| p.year == year) {
            Some(p) => {
                let bar: String =
                    bar_cells(p.kind, Grow::Right, eighths(p.sns_users, max, BAR_CELLS)).collect();
                let pad = " ".repeat(BAR_CELLS + 1 - bar.chars().count());
                let (m, kind) = (format::millions(p.sns_users), lang.kind(p.kind));
                vec![
                    Marked::new(format!("  {year} "), Mark::Plain),
                    Marked::new(bar, Mark::Figure),
                    Marked::new(format!("{pad}{m} M {kind}"), Mark::Plain),
                ]
            }
            None => {
                unknown.push(year.to_string());
                vec![
                    Marked::new(format!("  {year} "), Mark::Plain),
                    Marked::new(lang.pick("no figure", "数値なし"), Mark::Meta),
                ]
            }
        };
        lines.push(line);
    }
    if !unknown.is_empty() {
        let years = year_list(&unknown, lang);
        lines.push(vec![Marked::new(
            tr!(
                lang,
                "The original's values for {years} are unknown.",
                "元の図の{years}の値は分からない。"
            ),
            Mark::Meta,
        )]);
    }
    lines
}

/// "2013", "2013 and 2014", "2012, 2013 and 2014"; in Japanese
/// "2013年と2014年".
fn year_list(years: &[String], lang: Lang) -> String {
    match lang {
        Lang::Ja => years
            .iter()
            .map(|y| format!("{y}年"))
            .collect::<Vec<_>>()
            .join("と"),
        Lang::En => match years {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::plain;

    #[test]
    fn the_caption_gets_the_essays_series_drawn_to_one_scale_and_the_gaps_named() {
        let d = crate::dataset::load(None).unwrap().dataset;
        let lines: Vec<String> = under(&d, Lang::En, "SNS Users in Japan")
            .iter()
            .map(|l| plain(l))
            .collect();
        assert!(lines[0].contains("not the essay's image"), "{lines:?}");
        let series = &d.growth.series[0];
        for p in &series.points {
            let line = lines
                .iter()
                .find(|l| l.starts_with(&format!("  {} ", p.year)))
                .unwrap();
            assert!(
                line.contains(&format!("{} M", format::millions(p.sns_users))),
                "{line}"
            );
        }
        // A bigger figure is never drawn shorter: bars are in the order of
        // their figures.
        // The cells after "  2010 " up to the space before the label.
        let bar = |l: &String| l.chars().skip(7).take_while(|c| *c != ' ').count();
        let mut drawn: Vec<(f64, usize)> = series
            .points
            .iter()
            .map(|p| {
                let l = lines
                    .iter()
                    .find(|l| l.starts_with(&format!("  {} ", p.year)))
                    .unwrap();
                (p.sns_users, bar(l))
            })
            .collect();
        drawn.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(drawn.windows(2).all(|w| w[0].1 <= w[1].1), "{drawn:?}");
        assert!(lines.iter().any(|l| l.contains("2013 no figure")));
        assert!(
            lines
                .last()
                .unwrap()
                .contains("The original's values for 2013 and 2014 are unknown."),
            "{lines:?}"
        );
        let ja = under(&d, Lang::Ja, "SNS Users in Japan");
        assert!(plain(ja.last().unwrap()).contains("2013年と2014年"));
        assert!(
            under(&d, Lang::En, "As you can see").is_empty(),
            "only under the caption"
        );
    }
}
