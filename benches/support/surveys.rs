//! A dataset of one family of many surveys, for the Trends benchmarks and
//! `tests/it/bounds.rs`.

use serde_json::{Value, json};

/// `v` with its surveys, tables, breaks and platforms replaced by one
/// family of `n` surveys, each a month apart with a break in method before
/// it, whose usage tables each list one platform no other lists: `n`
/// platforms by `n` surveys, of which only `n` hold a figure.
pub fn one_family(mut v: Value, n: usize) -> Value {
    let survey = v["surveys"][0].clone();
    let table = v["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["base"] == "survey" && t["unit"] == "%")
        .unwrap()
        .clone();
    let brk = v["breaks"][0].clone();
    v["platforms"] = (0..n)
        .map(|i| json!({"id": format!("p{i}"), "name": format!("P{i}"), "name_ja": "名"}))
        .collect();
    v["surveys"] = (0..n)
        .map(|i| {
            let mut s = survey.clone();
            s["id"] = json!(format!("s{i}"));
            s["month"] = json!(format!("{}-{:02}", 2000 + i / 12, i % 12 + 1));
            s
        })
        .collect();
    v["breaks"] = (1..n)
        .map(|i| {
            let mut b = brk.clone();
            b["from"] = json!(format!("s{i}"));
            b
        })
        .collect();
    v["rankings"] = (0..n)
        .map(|i| {
            let mut t = table.clone();
            t["id"] = json!(format!("t{i}"));
            t["survey"] = json!(format!("s{i}"));
            t.as_object_mut().unwrap().remove("compare_with");
            t["rows"] = json!([{"rank": 1, "platform": format!("p{i}"), "value": 50, "sources": ["ict-2013"]}]);
            t
        })
        .collect();
    v
}
