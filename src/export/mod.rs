//! A view's data as CSV, Markdown or JSON, each row with its sources:
//! `sns-tui export`, and `e` in the explorer. One table of values serves
//! all three formats.

mod file;
mod formats;
mod views;

use serde_json::Value;

use crate::dataset::Dataset;
use crate::lang::Lang;

pub use crate::cli::{ExportView, Format};
pub use file::{WriteError, write_new_file};
pub use views::{growth, ledger, rankings, trends};

/// Named columns and rows of values; `Value::Null` where a figure is absent,
/// an array where a row has a list (JSON keeps it one, CSV and Markdown
/// join it with spaces into one cell).
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
}

/// The UTF-8 byte-order mark. Excel reads a CSV file without one in the
/// system's code page, and ICT総研 comes out garbled; a tool reading
/// standard output would take it for data, so `export` writes it only when
/// asked to, and `e`, whose files are meant for spreadsheets, always.
pub const BOM: &str = "\u{feff}";

/// The export of a whole view, as `sns-tui export` writes it, with a
/// byte-order mark if `bom`.
pub fn export(d: &Dataset, view: ExportView, format: Format, bom: bool, lang: Lang) -> String {
    let table = match view {
        ExportView::Growth => growth(d, &d.growth.series),
        ExportView::Rankings => {
            let every: Vec<Vec<usize>> = d
                .rankings
                .iter()
                .map(|t| (0..t.rows.len()).collect())
                .collect();
            let tables: Vec<(usize, &[usize])> = every
                .iter()
                .enumerate()
                .map(|(i, rows)| (i, rows.as_slice()))
                .collect();
            rankings(d, &tables, lang)
        }
    };
    let mark = if bom { BOM } else { "" };
    format!("{mark}{}", table.render(format))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::dataset::load;

    #[test]
    fn csv_has_a_row_per_figure_with_its_sources_and_gaps_as_empty() {
        let d = load(None).unwrap().dataset;
        let csv = export(&d, ExportView::Growth, Format::Csv, false, Lang::En);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "series,year,sns_users_million,internet_users_million,share_pct,kind,sources,source_urls,essay_quote"
        );
        // The essay's 4, then 6 estimates, 7 expectations, 6 projections
        // and the ledger's one.
        assert_eq!(lines.len(), 1 + 4 + 6 + 7 + 6 + 1);
        assert!(lines.contains(&"essay,2015,63.21,,65.3,projection,ict-2013,https://ictr.co.jp/report/20130530000039.html/,it projects that SNS users in Japan will grow to 63.2 million by 2015"));
        assert!(!csv.contains("essay,2013"), "no invented 2013 row");
    }

    #[test]
    fn csv_quotes_fields_that_need_it() {
        let d = load(None).unwrap().dataset;
        let csv = export(&d, ExportView::Rankings, Format::Csv, false, Lang::En);
        assert!(csv.contains("\"2013, all respondents\""), "{csv}");
        assert!(csv.contains(",1,Facebook,34,ict-2013,"), "{csv}");
    }

    #[test]
    fn markdown_and_json_hold_the_same_rows() {
        let d = load(None).unwrap().dataset;
        let md = export(&d, ExportView::Rankings, Format::Markdown, false, Lang::En);
        let rows: usize = d.rankings.iter().map(|t| t.rows.len()).sum();
        assert_eq!(md.lines().count(), 2 + rows);
        let json: Vec<Value> = serde_json::from_str(&export(
            &d,
            ExportView::Rankings,
            Format::Json,
            false,
            Lang::En,
        ))
        .unwrap();
        assert_eq!(json.len(), rows);
        assert_eq!(json[0]["platform"], "Facebook");
        assert_eq!(json[0]["value"], 34.0);
        let unpublished = json
            .iter()
            .find(|r| r["table"] == "2013-satisfaction" && r["rank"] == 8)
            .unwrap();
        assert_eq!(unpublished["value"], Value::Null);
    }

    #[test]
    fn json_lists_sources_as_arrays_and_csv_joins_them() {
        let d = load(None).unwrap().dataset;
        let json: Vec<Value> = serde_json::from_str(&export(
            &d,
            ExportView::Growth,
            Format::Json,
            false,
            Lang::En,
        ))
        .unwrap();
        assert_eq!(json[0]["sources"], json!(["ict-2011", "ict-2013-ascii"]));
        let urls = json[0]["source_urls"].as_array().unwrap();
        assert!(urls.len() >= 2, "{urls:?}");
        assert!(
            urls.iter()
                .all(|u| u.as_str().unwrap().starts_with("https://"))
        );
        let csv = export(&d, ExportView::Growth, Format::Csv, false, Lang::En);
        assert!(
            csv.contains(",estimate,ict-2011 ict-2013-ascii,https://"),
            "{csv}"
        );
    }
}
