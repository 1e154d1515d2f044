//! A view's data as CSV, Markdown or JSON, each row with its sources:
//! `sns-tui export`, and `e` in the explorer. One table of values serves
//! all three formats.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use crate::compare::{Comparison, Relation, base_text};
use crate::dataset::{CleanString, Dataset, Series};
use crate::format;
use crate::lang::Lang;

pub use crate::cli::{ExportView, Format};

/// Named columns and rows of values; `Value::Null` where a figure is absent,
/// an array where a row has a list (JSON keeps it one, CSV and Markdown
/// join it with spaces into one cell).
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
}

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

/// A cell as text: nothing for an absent figure, numbers as the sources give
/// them, a list's items separated by spaces.
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(" "),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().map(format::value).unwrap_or_default(),
        },
        other => other.to_string(),
    }
}

/// A CSV cell a spreadsheet cannot take for a formula: one that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, as
/// OWASP advises against CSV injection. A negative number keeps its sign
/// and stays a number: a minus sign starts a formula only in what is not one.
fn inert(cell: String) -> String {
    let number = || cell.parse::<f64>().is_ok_and(f64::is_finite);
    let formula =
        cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && !number());
    if formula { format!("'{cell}") } else { cell }
}

/// A Markdown table cell that shows its text and nothing else: `<`, `>` and
/// `&` as HTML entities, so that no tag or entity survives, and a backslash
/// before each character that could end the cell or start a link, code,
/// emphasis, strikethrough or math; `!` only before `[`, where it would
/// start an image, since elsewhere it is plain punctuation.
fn markdown_cell(text: &str) -> String {
    if let Some(links) = autolinks(text) {
        return links;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '[' | ']' | '(' | ')' | '`' | '*' | '_' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '!' if chars.peek() == Some(&'[') => out.push_str("\\!"),
            c => out.push(c),
        }
    }
    out
}

/// A cell of web addresses only, each as an autolink (`<https://…>`):
/// inside one, nothing is markup and no backslash is read, so the address
/// stays whole and followable. None where any word is not such an address,
/// or holds what would end the link or the cell.
fn autolinks(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let plain = |w: &&str| {
        (w.starts_with("https://") || w.starts_with("http://"))
            && !w.contains(|c: char| c == '<' || c == '>' || c == '|' || c.is_whitespace())
    };
    (!text.is_empty() && words.iter().all(plain)).then(|| {
        words
            .iter()
            .map(|w| format!("<{w}>"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

impl Table {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Csv => self.csv(),
            Format::Markdown => self.markdown(),
            Format::Json => self.json(),
        }
    }

    fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        let _ = w.write_record(&self.columns);
        for row in &self.rows {
            let _ = w.write_record(row.iter().map(|v| inert(text(v))));
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    fn markdown(&self) -> String {
        let cell = |v: &Value| markdown_cell(&text(v));
        let mut out = format!(
            "| {} |\n|{}\n",
            self.columns.join(" | "),
            "---|".repeat(self.columns.len())
        );
        for row in &self.rows {
            out.push_str(&format!(
                "| {} |\n",
                row.iter().map(cell).collect::<Vec<_>>().join(" | ")
            ));
        }
        out
    }

    fn json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                Value::Object(
                    self.columns
                        .iter()
                        .map(|c| c.to_string())
                        .zip(row.iter().cloned())
                        .collect::<Map<_, _>>(),
                )
            })
            .collect();
        format!(
            "{}\n",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        )
    }
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

/// The longest stem `e` gives a file, in bytes: with "-9999.csv" after it,
/// a name stays well inside the 255 bytes that common file systems allow,
/// however long the table id it comes from.
const MAX_STEM: usize = 100;

/// `stem` as a file name every common system accepts: letters and digits of
/// any script and `-` as they are, `_` for anything else (a path separator,
/// a colon, a space, a dot at the end, all of which some system or shell
/// trips on), cut to [`MAX_STEM`] bytes at a character boundary.
fn safe_stem(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.chars() {
        let c = if c.is_alphanumeric() || c == '-' {
            c
        } else {
            '_'
        };
        if out.len() + c.len_utf8() > MAX_STEM {
            break;
        }
        out.push(c);
    }
    out
}

/// A file that could not be written: the one tried, and why.
#[derive(Debug, thiserror::Error)]
#[error("could not write {}: {error}", path.display())]
pub struct WriteError {
    pub path: PathBuf,
    error: io::Error,
}

/// Writes `contents` to a new file `STEM.csv` in `dir`, or `STEM-2.csv`
/// and so on, `stem` made safe for a file name ([`safe_stem`]); gives back
/// the file written. An existing file is never overwritten, even one that
/// appears between the look and the write.
pub fn write_new_file(dir: &Path, stem: &str, contents: &str) -> Result<PathBuf, WriteError> {
    let stem = safe_stem(stem);
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.csv")
        } else {
            format!("{stem}-{n}.csv")
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return fill(file, path, contents.as_bytes()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(WriteError { path, error }),
        }
    }
    Err(WriteError {
        path: dir.join(format!("{stem}.csv")),
        error: io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("it exists, and so do {stem}-2.csv to {stem}-9999.csv"),
        ),
    })
}

/// Writes `contents` to `file`, just created at `path`, and gives back the
/// path; if the write fails (a full disk) the file is removed, so no
/// export is left behind that looks whole and is not.
fn fill(mut file: impl Write, path: PathBuf, contents: &[u8]) -> Result<PathBuf, WriteError> {
    match file.write_all(contents).and_then(|()| file.flush()) {
        Ok(()) => Ok(path),
        Err(error) => {
            // Closed first: Windows removes no file that is open.
            drop(file);
            // A file that cannot be removed either is still named in the error.
            let _ = std::fs::remove_file(&path);
            Err(WriteError { path, error })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

    #[test]
    fn new_files_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new_file(dir.path(), "sns-tui-growth", "a").unwrap();
        let second = write_new_file(dir.path(), "sns-tui-growth", "b").unwrap();
        assert_eq!(first.file_name().unwrap(), "sns-tui-growth.csv");
        assert_eq!(second.file_name().unwrap(), "sns-tui-growth-2.csv");
        assert_eq!(std::fs::read_to_string(first).unwrap(), "a");
        let odd = write_new_file(dir.path(), "a/b c", "x").unwrap();
        assert_eq!(odd.file_name().unwrap(), "a_b_c.csv");
        // A directory that is not there: its own cause, at the first name,
        // not "it exists" after trying ten thousand.
        let gone = dir.path().join("gone");
        let err = write_new_file(&gone, "sns-tui-growth", "x").unwrap_err();
        assert_eq!(err.error.kind(), io::ErrorKind::NotFound, "{err}");
        assert_eq!(err.path, gone.join("sns-tui-growth.csv"));
    }

    #[test]
    fn file_names_keep_letters_of_any_script_and_stay_short() {
        assert_eq!(safe_stem("ICT総研: 2013/05."), "ICT総研__2013_05_");
        assert_eq!(safe_stem("..\\..\\CON*?<>|\"'"), "______CON_______");
        let long = safe_stem(&format!("a{}", "調".repeat(300)));
        assert_eq!(long, format!("a{}", "調".repeat(33)), "cut at a character");
        assert_eq!(long.len(), MAX_STEM);
    }

    /// A disk that fills up after `room` bytes.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_that_fails_leaves_no_file_and_names_the_one_it_tried() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sns-tui-growth-2.csv");
        std::fs::write(&path, "series,ye").unwrap();
        let e = fill(Full { room: 9 }, path.clone(), b"series,year\n").unwrap_err();
        assert!(!path.exists(), "the partial file is removed");
        assert_eq!(
            e.to_string(),
            format!("could not write {}: disk full", path.display())
        );
    }

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

    /// A one-column table of `cells`, as an export writes it.
    fn one_column(cells: Vec<Value>, format: Format) -> String {
        let rows = cells.into_iter().map(|c| vec![c]).collect();
        Table {
            columns: vec!["cell"],
            rows,
        }
        .render(format)
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_text() {
        let csv = one_column(
            vec![
                json!("=HYPERLINK(\"http://evil.example\",\"x\")"),
                json!("+49 30 1234"),
                json!("-2+3"),
                json!("@SUM(A1:A9)"),
                json!("\tx"),
                json!("\rx"),
                json!("-3.5"),
                json!(-3.5),
                json!("1+1"),
                json!("ICT総研"),
            ],
            Format::Csv,
        );
        assert_eq!(
            csv,
            "cell\n\
             \"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\n\
             '+49 30 1234\n\
             '-2+3\n\
             '@SUM(A1:A9)\n\
             '\tx\n\
             \"'\rx\"\n\
             -3.5\n\
             -3.5\n\
             1+1\n\
             ICT総研\n"
        );
    }

    #[test]
    fn markdown_cells_show_their_text_and_never_become_markup() {
        let md = one_column(
            vec![
                json!("<img src=x onerror=alert(1)>&amp;"),
                json!("![x](http://evil.example/x.png) [click](javascript:alert(1))"),
                json!("`code` **bold** _em_ ~~gone~~ $x^2$"),
                json!("a|b \\| c\\"),
                json!("Wow! ICT総研"),
                json!("https://ictr.co.jp/report/20130530_601545.html https://x.example/a_b"),
                json!("https://x.example/a|b <https://y.example>"),
                json!("https://x.example/a|b"),
                json!("https://x.example/a<b"),
                json!("https://x.example/a>b"),
            ],
            Format::Markdown,
        );
        assert_eq!(
            md,
            "| cell |\n|---|\n\
             | &lt;img src=x onerror=alert\\(1\\)&gt;&amp;amp; |\n\
             | \\!\\[x\\]\\(http://evil.example/x.png\\) \\[click\\]\\(javascript:alert\\(1\\)\\) |\n\
             | \\`code\\` \\*\\*bold\\*\\* \\_em\\_ \\~\\~gone\\~\\~ \\$x^2\\$ |\n\
             | a\\|b \\\\\\| c\\\\ |\n\
             | Wow! ICT総研 |\n\
             | <https://ictr.co.jp/report/20130530_601545.html> <https://x.example/a_b> |\n\
             | https://x.example/a\\|b &lt;https://y.example&gt; |\n\
             | https://x.example/a\\|b |\n\
             | https://x.example/a&lt;b |\n\
             | https://x.example/a&gt;b |\n"
        );
    }

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
