//! What each view's table holds: its columns, and a row for each figure
//! with its sources.

use serde_json::{Value, json};

use super::Table;
use crate::compare::{Comparison, Relation, base_text};
use crate::dataset::{CleanString, Dataset, Series};
use crate::format;
use crate::lang::Lang;

fn source_urls(d: &Dataset, ids: &[CleanString]) -> Value {
    let urls: Vec<&str> = ids
        .iter()
        .filter_map(|id| d.source(id))
        .flat_map(|s| s.urls.iter().map(CleanString::as_str))
        .collect();
    json!(urls)
}

/// Every point of every growth series; a year with no figure has no row.
pub fn growth(d: &Dataset, series: &[Series]) -> Table {
    let columns = vec![
        "series",
        "year",
        "sns_users_million",
        "internet_users_million",
        "share_pct",
        "kind",
        "sources",
        "source_urls",
        "essay_quote",
    ];
    let rows = series
        .iter()
        .flat_map(|s| s.points.iter().map(move |p| (s, p)))
        .map(|(s, p)| {
            vec![
                json!(s.id),
                json!(p.year),
                json!(p.sns_users),
                json!(p.internet_users),
                json!(p.share_pct),
                json!(p.kind.label()),
                json!(p.sources),
                source_urls(d, &p.sources),
                json!(p.quote),
            ]
        })
        .collect();
    Table { columns, rows }
}

/// The rows of ranking tables: each table (an index into the dataset) with
/// its rows (indices into its rows) in the order to write them. Titles,
/// names and bases in `lang`; the columns keep English names and the kinds
/// their codes, for the tools that read them.
pub fn rankings(d: &Dataset, tables: &[(usize, &[usize])], lang: Lang) -> Table {
    let columns = vec![
        "table",
        "title",
        "survey",
        "survey_sample_size",
        "base",
        "metric",
        "unit",
        "rank",
        "platform",
        "value",
        "sources",
        "source_urls",
        "essay_quote",
        "compared_with",
        "comparison",
        "standing",
    ];
    // What each table compares with, as the Rankings tab shows it: the
    // kind of comparison and each row's standing.
    let compared: Vec<Option<Comparison>> = tables
        .iter()
        .map(|&(i, _)| {
            let base = d.rankings[i].compare_with.as_deref()?;
            Some(Comparison::new(d, i, d.table_index(base)?))
        })
        .collect();
    let rows = tables
        .iter()
        .zip(&compared)
        .flat_map(|(&(i, rows), c)| rows.iter().map(move |&r| (&d.rankings[i], r, c)))
        .map(|(t, ri, c)| {
            let r = &t.rows[ri];
            let survey = d.survey(&t.survey);
            let kind = c.as_ref().map(|c| match c.relation {
                Relation::Populations => "populations",
                Relation::Change => "change",
                Relation::Surveys => "surveys",
            });
            vec![
                json!(t.id),
                json!(t.title.get(lang)),
                json!(survey.map_or(&*t.survey, |s| s.name.get(lang))),
                json!(survey.and_then(|s| s.sample_size)),
                json!(base_text(d, t, lang)),
                json!(t.metric.get(lang)),
                json!(t.unit),
                json!(r.rank),
                json!(lang.row_name(d, r)),
                json!(r.value),
                json!(r.sources),
                source_urls(d, &r.sources),
                json!(r.quote),
                json!(c.as_ref().map(|c| &d.rankings[c.base].id)),
                json!(kind),
                json!(c.as_ref().map(|c| c.standings[ri].label())),
            ]
        })
        .collect();
    Table { columns, rows }
}

/// Every report's SNS-user figure year by year (the ledger, as Growth's
/// table shows it): with the later figure for the same year and how far
/// off the first was.
pub fn ledger(d: &Dataset) -> Table {
    let columns = vec![
        "year",
        "report",
        "series",
        "kind",
        "sns_users_million",
        "share_pct",
        "later_sns_users_million",
        "later_report",
        "off_pct",
        "sources",
        "source_urls",
    ];
    let rows = crate::ledger::ledger(d)
        .iter()
        .map(|r| {
            let p = r.point;
            vec![
                json!(p.year),
                json!(r.report()),
                json!(d.growth.series[r.series].id),
                json!(p.kind.label()),
                json!(p.sns_users),
                json!(p.share_pct),
                json!(r.later.map(|l| l.sns_users)),
                json!(r.later.and_then(|l| l.sources.first())),
                json!(
                    r.off_users()
                        .map(|o| format::rounded(o, 1).parse::<f64>().unwrap_or(o))
                ),
                json!(p.sources),
                source_urls(d, &p.sources),
            ]
        })
        .collect();
    Table { columns, rows }
}

/// Each platform's usage rate in each survey of a family of surveys (the
/// Trends tab's figures), a row a published figure: a gap has no row.
pub fn trends(d: &Dataset, f: &crate::trends::Family, lang: Lang) -> Table {
    let columns = vec![
        "family",
        "survey",
        "month",
        "platform",
        "usage_pct",
        "table",
        "sources",
        "source_urls",
    ];
    let rows = f
        .trends
        .iter()
        .flat_map(|t| t.waves().map(move |w| (t, w)))
        .filter_map(|(t, w)| {
            let (v, row) = t.point(d, f, w)?;
            let wave = &f.waves[w];
            Some(vec![
                json!(f.id),
                json!(d.surveys[wave.survey].name.get(lang)),
                json!(wave.when()),
                json!(lang.platform(d, &t.platform)),
                json!(v),
                json!(d.rankings[wave.table].id),
                json!(row.sources),
                source_urls(d, &row.sources),
            ])
        })
        .collect();
    Table { columns, rows }
}

#[cfg(test)]
mod tests {
    use crate::dataset::load;
    use crate::export::{ExportView, Format, export};
    use crate::lang::Lang;

    #[test]
    fn each_ranking_row_says_what_its_table_compares_with_and_how_it_stands() {
        let d = load(None).unwrap().dataset;
        let csv = export(&d, ExportView::Rankings, Format::Csv, false, Lang::En);
        let row = |table: &str, platform: &str| {
            csv.lines()
                .find(|l| {
                    l.starts_with(&format!("{table},")) && l.contains(&format!(",{platform},"))
                })
                .unwrap()
                .to_string()
        };
        // The same survey's other population: a difference, not a change.
        assert!(row("2013-smartphone", "LINE").ends_with(",2013-all,populations,'+27"));
        // A later survey of the family: a move among the ranks both list.
        assert!(row("2014-all", "Facebook").ends_with(",2013-all,change,▼2"));
        // A table that compares with none says so by empty cells.
        assert!(row("2013-all", "LINE").ends_with(",,,"));
    }
}
