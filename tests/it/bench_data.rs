//! The benchmarks' made-up data must stay valid as the schema and its rules
//! change: a bench that stops at an invalid file measures nothing.

#[path = "../../benches/support/large.rs"]
mod large;

use sns_tui::dataset::{self, Origin};

#[test]
fn the_large_benchmark_dataset_loads() {
    let json = large::large_json();
    let d = dataset::parse(&json, Origin::Bundled)
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset;
    assert!(d.essay.paragraphs.len() > 1_000);
    assert!(d.rankings.iter().any(|t| t.rows.len() == large::TABLE_ROWS));
}
