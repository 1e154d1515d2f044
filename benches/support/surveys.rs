//! A dataset of one family of many surveys, for the Trends benchmarks.

use serde_json::{Value, json};

/// One family of many surveys a month apart, a break in method before
/// each, whose usage tables each list a platform no other lists: the
/// Trends listing is platforms by surveys, nearly all of it gaps.
pub fn one_family(mut v: Value, n: usize) -> Value {
    let survey = v["surveys"][0].clone();
    let brk = v["breaks"][0].clone();
    let table = v["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["base"] == "survey" && t["unit"] == "%")
        .unwrap()
        .clone();
    let platforms = v["platforms"].as_array_mut().unwrap();
    for i in 0..n {
        platforms.push(json!({"id": format!("p{i}"), "name": format!("P{i}"), "name_ja": "名"}));
    }
    let surveys = v["surveys"].as_array_mut().unwrap();
    let tables: Vec<Value> = (0..n)
        .map(|i| {
            let mut s = survey.clone();
            s["id"] = json!(format!("s{i}"));
            s["month"] = json!(format!("{}-{:02}", 3000 + i / 12, i % 12 + 1));
            surveys.push(s);
            let mut t = table.clone();
            t["id"] = json!(format!("t{i}"));
            t["survey"] = json!(format!("s{i}"));
            t.as_object_mut().unwrap().remove("compare_with");
            t["rows"] = json!([{"rank": 1, "platform": format!("p{i}"), "value": 50, "sources": ["ict-2013"]}]);
            t
        })
        .collect();
    v["rankings"].as_array_mut().unwrap().extend(tables);
    let breaks = v["breaks"].as_array_mut().unwrap();
    for i in 1..n {
        let mut b = brk.clone();
        b["from"] = json!(format!("s{i}"));
        breaks.push(b);
    }
    v
}
