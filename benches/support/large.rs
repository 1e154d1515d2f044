//! A large dataset, made the same way every time: the bundled essay
//! repeated to 5 MB, a ranking table of 100,000 rows and a growth series of
//! 10,000 points, on top of the bundled figures. Nothing is random, so two
//! runs measure the same work.

use serde_json::{Value, json};
use sns_tui::dataset::BUNDLED_JSON;

pub const ESSAY_BYTES: usize = 5 * 1024 * 1024;
pub const TABLE_ROWS: usize = 100_000;
pub const SERIES_POINTS: usize = 10_000;

pub fn large_json() -> String {
    let mut v: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    let originals: Vec<String> = v["essay"]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let paragraphs = v["essay"]["paragraphs"].as_array_mut().unwrap();
    let mut bytes: usize = originals.iter().map(String::len).sum();
    let mut copy = 0;
    while bytes < ESSAY_BYTES {
        let p = format!("{} (copy {copy})", originals[copy % originals.len()]);
        bytes += p.len();
        paragraphs.push(json!(p));
        copy += 1;
    }

    let platforms = v["platforms"].as_array_mut().unwrap();
    for i in 0..TABLE_ROWS {
        platforms.push(json!({"id": format!("p{i}"), "name": format!("Platform {i}"), "name_ja": format!("プラットフォーム{i}")}));
    }
    let rows: Vec<Value> = (0..TABLE_ROWS)
        .map(|i| {
            json!({
                "rank": i + 1,
                "platform": format!("p{i}"),
                "value": (TABLE_ROWS - i) as f64 / 1000.0,
                "sources": ["ict-2014"],
            })
        })
        .collect();
    v["rankings"].as_array_mut().unwrap().push(json!({
        "id": "large",
        "title": "synthetic, 100,000 platforms",
        "survey": "ict-2013-05",
        "population": "none",
        "base": "survey",
        "metric": "score",
        // The unit of the table it compares with: only such tables compare.
        "unit": "%",
        "compare_with": "2013-all",
        "rows": rows,
    }));

    let points: Vec<Value> = (0..SERIES_POINTS)
        .map(|i| {
            let users = 1.0 + i as f64 / 100.0;
            let mut p = json!({
                "year": i + 1,
                "sns_users": users,
                "internet_users": users * 2.0,
                "share_pct": 50.0,
                "kind": if i % 7 == 0 { "projection" } else { "estimate" },
                "sources": ["ict-2013"],
            });
            // A hundred distinct quotes, each found only deep in the text.
            if i % 100 == 0 {
                p["quote"] = json!(format!("(copy {})", copy - 1 - i / 100));
            }
            p
        })
        .collect();
    // Charted series come before the ledger-only ones.
    v["growth"]["series"].as_array_mut().unwrap().insert(
        1,
        json!({
            "id": "synthetic",
            "label": "Synthetic (10,000 years)",
            "points": points,
        }),
    );
    v.to_string()
}
