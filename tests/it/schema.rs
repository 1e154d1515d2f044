//! Schema versions: a version 1 file (the bundled dataset as `dump` wrote
//! it before version 2, kept with its `print all` in `tests/fixtures/v1/`)
//! loads, upgraded in memory, with every figure it holds, and prints the
//! same figures; `dump` writes version 2, which reads back as it was.

use assert_cmd::Command;
use serde_json::Value;
use sns_tui::dataset::{self, Base, Dataset, Origin, SCHEMA_VERSION};
use sns_tui::report::{self, Section};

const V1: &str = include_str!("../fixtures/v1/dataset.json");
const V1_PRINT: &str = include_str!("../fixtures/v1/print-all.txt");

fn upgraded() -> Dataset {
    dataset::parse(V1, Origin::Bundled).unwrap().dataset
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_version_1_file_loads_with_every_figure_it_holds() {
    let raw: Value = serde_json::from_str(V1).unwrap();
    assert_eq!(raw["schema"], 1);
    let d = upgraded();
    assert_eq!(d.schema, SCHEMA_VERSION);
    for (s, raw) in d
        .growth
        .series
        .iter()
        .zip(raw["growth"]["series"].as_array().unwrap())
    {
        assert_eq!(s.label.en, raw["label"].as_str().unwrap());
        let points = raw["points"].as_array().unwrap();
        assert_eq!(s.points.len(), points.len());
        for (p, raw) in s.points.iter().zip(points) {
            assert_eq!(i64::from(p.year), raw["year"].as_i64().unwrap());
            assert_eq!(p.sns_users, raw["sns_users"].as_f64().unwrap());
            assert_eq!(p.internet_users, raw["internet_users"].as_f64());
            assert_eq!(p.share_pct, raw["share_pct"].as_f64());
            assert_eq!(p.kind.label(), raw["kind"].as_str().unwrap());
            assert_eq!(p.sources, strings(&raw["sources"]));
        }
    }
    let tables = raw["rankings"].as_array().unwrap();
    assert_eq!(d.rankings.len(), tables.len());
    for (t, raw) in d.rankings.iter().zip(tables) {
        assert_eq!(t.title.en, raw["title"].as_str().unwrap());
        // The survey named in words becomes a survey of its own, holding the
        // sample size; whether that is the table's base, version 1 never said.
        let survey = d.survey(&t.survey).unwrap();
        assert_eq!(survey.name.en, raw["survey"].as_str().unwrap());
        assert_eq!(
            survey.sample_size.map(u64::from),
            raw["sample_size"].as_u64()
        );
        assert_eq!(t.base, Base::Unstated);
        assert_eq!(t.compare_with.as_deref(), raw["compare_with"].as_str());
        let rows = raw["rows"].as_array().unwrap();
        assert_eq!(t.rows.len(), rows.len());
        for (r, raw) in t.rows.iter().zip(rows) {
            assert_eq!(r.rank.map(u64::from), raw["rank"].as_u64());
            assert_eq!(r.platform, raw["platform"].as_str().unwrap());
            assert_eq!(r.value, raw["value"].as_f64());
            assert_eq!(r.sources, strings(&raw["sources"]));
        }
    }
    // Two surveys were named: one survey each, in one family, no breaks.
    assert_eq!(d.surveys.len(), 2);
    assert!(d.breaks.is_empty());
}

/// The figures of a `print all`: each growth row with a figure (year, SNS
/// users, internet users, share, kind) and each table row (rank, platform,
/// figure), in order, from the Growth and Rankings sections.
fn printed_figures(print: &str) -> Vec<Vec<String>> {
    let end = print.find("\nEssay\n=====").unwrap_or(print.len());
    print[..end]
        .lines()
        .filter_map(|line| {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let year = tokens.first()?.len() == 4 && line.starts_with(tokens[0]);
            let (first, second) = (tokens.first()?, tokens.get(1)?);
            let growth = year && first.parse::<u32>().is_ok() && second.parse::<f64>().is_ok();
            let table = line.starts_with(' ') && first.parse::<u32>().is_ok();
            let take = if growth {
                5
            } else if table {
                3
            } else {
                return None;
            };
            Some(tokens.iter().take(take).map(|t| t.to_string()).collect())
        })
        .collect()
}

#[test]
fn a_version_1_file_prints_the_same_figures() {
    let old = printed_figures(V1_PRINT);
    assert!(old.len() >= 35, "{} figure rows in the fixture", old.len());
    let new = printed_figures(&report::print(
        &upgraded(),
        &Section::ALL,
        80,
        sns_tui::lang::Lang::En,
    ));
    assert_eq!(old, new);
}

#[test]
fn dump_writes_version_2_which_reads_back_the_same() {
    let out = Command::cargo_bin("sns-tui")
        .unwrap()
        .arg("dump")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema"], 2);
    // A field at its default is left out, as in the bundled file: only the
    // series kept off the chart say so.
    let series = json["growth"]["series"].as_array().unwrap();
    assert!(
        series
            .iter()
            .all(|s| s.get("chart").is_none_or(|c| c == false))
    );
    assert!(series.iter().any(|s| s.get("chart").is_some()));
    let again = dataset::parse(&text, Origin::Bundled).unwrap().dataset;
    // The raw data: the look-ups follow from it.
    assert_eq!(*again, *dataset::load(None).unwrap().dataset);
    // A dumped version 1 file comes out upgraded.
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), V1).unwrap();
    let out = Command::cargo_bin("sns-tui")
        .unwrap()
        .arg("--data")
        .arg(file.path())
        .arg("dump")
        .output()
        .unwrap();
    let dumped = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        *dataset::parse(&dumped, Origin::Bundled).unwrap().dataset,
        *upgraded()
    );
}
