//! The data layer's tests: the rules of `validate` here, through the
//! bundled data with one thing changed; reading and parsing in `load`.

use serde_json::{Value, json};

use super::*;

mod load;

fn bundled_value() -> Value {
    serde_json::from_str(BUNDLED_JSON).unwrap()
}

fn load_value(v: &Value) -> Result<Loaded, LoadError> {
    parse(&v.to_string(), Origin::Bundled)
}

/// The problems validation reports after `edit` changes the bundled data.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = bundled_value();
    edit(&mut v);
    match load_value(&v) {
        Err(LoadError::Invalid { findings, .. }) => findings.problems,
        other => panic!("expected validation problems, got {other:?}"),
    }
}

fn paths(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

#[test]
fn bundled_dataset_is_valid() {
    let loaded = load(None).unwrap();
    assert_eq!(loaded.origin, Origin::Bundled);
    assert_eq!(loaded.dataset.essay.title, "LINE me!");
}

#[test]
fn unsupported_schema() {
    let p = problems_after(|v| v["schema"] = json!(3));
    assert_eq!(paths(&p), ["schema"]);
    assert!(p[0].message.contains("reads 1 and 2"), "{}", p[0].message);
    // A version 2 file that says 1 is told what to say.
    let p = problems_after(|v| v["schema"] = json!(1));
    assert_eq!(paths(&p), ["schema"]);
    assert!(
        p[0].message.contains("set \"schema\": 2"),
        "{}",
        p[0].message
    );
}

#[test]
fn unknown_source_id() {
    let p =
        problems_after(|v| v["growth"]["series"][0]["points"][2]["sources"][0] = json!("ict-2099"));
    assert_eq!(paths(&p), ["growth.series[0].points[2].sources[0]"]);
    assert!(p[0].message.contains("\"ict-2099\""), "{}", p[0].message);
}

#[test]
fn unknown_platform_id() {
    let p = problems_after(|v| v["rankings"][0]["rows"][1]["platform"] = json!("myspace"));
    assert_eq!(paths(&p), ["rankings[0].rows[1].platform"]);
}

#[test]
fn duplicate_ids() {
    let p = problems_after(|v| {
        v["sources"][1]["id"] = json!("ict-2011");
        v["platforms"][1]["id"] = json!("facebook");
        v["rankings"][1]["id"] = json!("2013-all");
    });
    // Renaming ids also orphans their users; the duplicates must be among the problems.
    let found = paths(&p);
    for want in ["sources[1].id", "platforms[1].id", "rankings[1].id"] {
        assert!(found.contains(&want), "{want} missing from {found:?}");
    }
    assert!(
        p.iter()
            .any(|p| p.message.contains("first at sources[0].id"))
    );
}

#[test]
fn a_list_cites_each_source_once() {
    let p = problems_after(|v| {
        let point = &mut v["growth"]["series"][0]["points"][2];
        let id = point["sources"][0].clone();
        point["sources"] = json!([id, "ict-2011", id]);
        v["rankings"][0]["rows"][0]["sources"] = json!(["ict-2014", "ict-2014"]);
        v["surveys"][0]["sources"] = json!(["ict-2014", "ict-2014"]);
        v["notes"][0]["sources"] = json!(["essay", "essay"]);
    });
    assert_eq!(
        paths(&p),
        [
            "surveys[0].sources[1]",
            "growth.series[0].points[2].sources[2]",
            "rankings[0].rows[0].sources[1]",
            "notes[0].sources[1]",
        ]
    );
    assert!(
        p[1].message.starts_with("duplicate source id")
            && p[1]
                .message
                .ends_with("(first at growth.series[0].points[2].sources[0])"),
        "{}",
        p[1].message
    );
}

/// A file of many faults: the first [`KEPT_PROBLEMS`] are kept, the rest
/// counted, and the message says how many there are in all.
#[test]
fn problems_past_the_cap_are_counted_not_kept() {
    let extra = 37;
    let mut v = bundled_value();
    let ids: Vec<String> = (0..KEPT_PROBLEMS + extra)
        .map(|i| format!("nowhere-{i}"))
        .collect();
    v["growth"]["series"][0]["points"][0]["sources"] = json!(ids);
    let Err(LoadError::Invalid { findings, .. }) = load_value(&v) else {
        panic!("expected validation problems");
    };
    assert_eq!(findings.problems.len(), KEPT_PROBLEMS);
    assert_eq!(findings.more, extra);
    assert_eq!(findings.total(), KEPT_PROBLEMS + extra);
    let last = &findings.problems[KEPT_PROBLEMS - 1];
    assert!(last.message.contains("nowhere-999"), "{last}");
    let message = load_value(&v).unwrap_err().to_string();
    assert!(message.contains(": 1037 problems:\n"), "{message}");
    assert!(
        message.ends_with("  … and 1025 more (`sns-tui check FILE` lists the first 1000)"),
        "{message}"
    );
    assert_eq!(
        list(&findings, usize::MAX).lines().last(),
        Some("  … and 37 more")
    );
}

#[test]
fn duplicate_years() {
    let p = problems_after(|v| v["growth"]["series"][0]["points"][3]["year"] = json!(2012));
    assert_eq!(paths(&p), ["growth.series[0].points[3].year"]);
    assert!(
        p[0].message
            .contains("first at growth.series[0].points[2].year")
    );
}

#[test]
fn negative_values() {
    let p = problems_after(|v| {
        v["growth"]["series"][1]["points"][0]["internet_users"] = json!(-1.0);
        v["rankings"][3]["rows"][5]["value"] = json!(-0.5);
    });
    assert_eq!(
        paths(&p),
        [
            "growth.series[1].points[0].internet_users",
            "growth.series[1].points[0].sns_users",
            "rankings[3].rows[5].value"
        ]
    );
}

#[test]
fn non_finite_values_are_refused() {
    // JSON has no NaN or Infinity: an overflowing number is the way to reach one.
    let text = BUNDLED_JSON.replacen("36.71", "1e999", 1);
    let err = parse(&text, Origin::Bundled).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("growth.series[0].points[0].sns_users: number out of range"),
        "{msg}"
    );
}

#[test]
fn shares_over_100_percent() {
    let p = problems_after(|v| {
        v["growth"]["series"][0]["points"][0]["share_pct"] = json!(138.8);
        v["rankings"][0]["rows"][0]["value"] = json!(134);
    });
    assert_eq!(
        paths(&p),
        [
            "growth.series[0].points[0].share_pct",
            "rankings[0].rows[0].value"
        ]
    );
}

#[test]
fn share_that_contradicts_its_figures() {
    let p = problems_after(|v| v["growth"]["series"][0]["points"][2]["share_pct"] = json!(25));
    assert_eq!(paths(&p), ["growth.series[0].points[2].share_pct"]);
}

#[test]
fn more_sns_users_than_internet_users() {
    let p = problems_after(|v| v["growth"]["series"][0]["points"][1]["sns_users"] = json!(99.0));
    assert!(
        paths(&p).contains(&"growth.series[0].points[1].sns_users"),
        "{p:?}"
    );
}

#[test]
fn quote_not_in_essay() {
    let p = problems_after(|v| v["rankings"][0]["rows"][0]["quote"] = json!("Facebook ranks last"));
    assert_eq!(paths(&p), ["rankings[0].rows[0].quote"]);
}

#[test]
fn quote_matches_across_no_break_spaces() {
    // The essay has "Japan\u{a0}is"; the dataset quotes it with a plain space.
    let d = load(None).unwrap().dataset;
    let q = d.growth.series[0].points[2].quote.as_deref().unwrap();
    assert!(q.contains("Japan is"));
}

#[test]
fn empty_lists() {
    let p = problems_after(|v| {
        v["growth"]["series"][1]["points"] = json!([]);
        v["rankings"][2]["rows"] = json!([]);
        v["essay"]["paragraphs"] = json!([]);
    });
    let found = paths(&p);
    for want in [
        "essay.paragraphs",
        "growth.series[1].points",
        "rankings[2].rows",
    ] {
        assert!(found.contains(&want), "{want} missing from {found:?}");
    }
}

#[test]
fn ranks_that_do_not_match_values() {
    let p = problems_after(|v| v["rankings"][0]["rows"][3]["value"] = json!(30));
    assert_eq!(paths(&p), ["rankings[0].rows[3].rank"]);
    assert!(p[0].message.contains("rank 4 (30)"), "{}", p[0].message);
}

#[test]
fn unpublished_values_rank_last() {
    let p = problems_after(|v| {
        v["rankings"][2]["rows"][0]
            .as_object_mut()
            .unwrap()
            .remove("value")
            .map(drop)
            .unwrap()
    });
    assert_eq!(paths(&p), ["rankings[2].rows[1].rank"]);
}

#[test]
fn ties_share_a_rank_only_with_equal_values() {
    let p = problems_after(|v| v["rankings"][0]["rows"][2]["rank"] = json!(2));
    assert_eq!(paths(&p), ["rankings[0].rows[2].rank"]);
    let ok = {
        let mut v = bundled_value();
        v["rankings"][0]["rows"][2]["rank"] = json!(2);
        v["rankings"][0]["rows"][2]["value"] = json!(27);
        load_value(&v)
    };
    assert!(ok.is_ok(), "{:?}", ok.err());
}

#[test]
fn compare_with_unknown_or_self() {
    let p = problems_after(|v| {
        v["rankings"][1]["compare_with"] = json!("2012-all");
        v["rankings"][3]["compare_with"] = json!("2014-all");
    });
    assert_eq!(
        paths(&p),
        ["rankings[1].compare_with", "rankings[3].compare_with"]
    );
}

#[test]
fn a_compare_note_needs_a_comparison_and_words_in_both_languages() {
    let p = problems_after(|v| {
        v["rankings"][0]["compare_note"] = json!({"en": "a note", "ja": "注"});
        v["rankings"][1]["compare_note"] = json!({"en": "a note", "ja": ""});
    });
    assert_eq!(
        paths(&p),
        ["rankings[0].compare_note", "rankings[1].compare_note.ja"]
    );
}

#[test]
fn bad_dates_and_years() {
    let p = problems_after(|v| {
        v["sources"][0]["date"] = json!("27/12/2011");
        v["growth"]["series"][0]["points"][0]["year"] = json!(100_000);
    });
    assert_eq!(
        paths(&p),
        ["sources[0].date", "growth.series[0].points[0].year"]
    );
}

#[test]
fn reports_every_problem_not_just_the_first() {
    let p = problems_after(|v| {
        v["schema"] = json!(9);
        v["rankings"][0]["rows"][0]["platform"] = json!("orkut");
        v["notes"][0]["sources"] = json!(["nowhere"]);
    });
    assert_eq!(p.len(), 3, "{p:?}");
}

#[test]
fn ledger_only_series_come_after_the_charted_ones() {
    let p = problems_after(|v| v["growth"]["series"][0]["chart"] = json!(false));
    assert_eq!(paths(&p), ["growth.series[0].chart"]);
    let p = problems_after(|v| {
        let mut only = v["growth"]["series"][1].clone();
        only["id"] = json!("ledger");
        only["chart"] = json!(false);
        v["growth"]["series"]
            .as_array_mut()
            .unwrap()
            .insert(1, only);
    });
    // Every charted series after it: the three later ones of the bundle.
    assert_eq!(
        paths(&p),
        [
            "growth.series[2].chart",
            "growth.series[3].chart",
            "growth.series[4].chart"
        ]
    );
}

/// Dates are YYYY-MM-DD, YYYY-MM or YYYY, with a real month and day; each
/// refused date below breaks exactly one part of its shape, so every part
/// is checked on its own.
#[test]
fn a_date_is_refused_for_any_one_part_out_of_shape() {
    let day = "expected a date as YYYY-MM-DD, YYYY-MM or YYYY";
    let month = "expected a date as YYYY-MM or YYYY";
    let refused = |field: &str, date: &str| {
        let (list, key) = field.split_once('.').unwrap();
        let problems = problems_after(|v| v[list][0][key] = json!(date));
        let path = format!("{list}[0].{key}");
        assert_eq!(paths(&problems), [path.as_str()], "{date:?}");
        problems[0].message.clone()
    };
    for bad in [
        "+013",
        "2013-5",
        "+013-05",
        "2013x05",
        "2013-+5",
        "2013-13",
        "2013-00",
        "+013-05-31",
        "2013x05-31",
        "2013-+5-31",
        "2013-05x31",
        "2013-05-+1",
        "2013-13-31",
        "2013-00-31",
        "2013-05-32",
        "2013-05-00",
        "2013-05-311",
    ] {
        let message = refused("sources.date", bad);
        assert_eq!(message, format!("{day}, found {bad:?}"));
    }
    // A survey's month is no finer than a month.
    for bad in ["2013-05-31", "2013-5"] {
        let message = refused("surveys.month", bad);
        assert_eq!(message, format!("{month}, found {bad:?}"));
    }
    for (list, key, good) in [
        ("sources", "date", "2013"),
        ("sources", "date", "2013-12"),
        ("sources", "date", "2013-01-31"),
        ("surveys", "month", "2013"),
        ("surveys", "month", "2013-12"),
    ] {
        let mut v = bundled_value();
        v[list][0][key] = json!(good);
        assert!(load_value(&v).is_ok(), "{list}[0].{key} = {good:?}");
    }
}

/// The growth rules at their bounds: as many SNS users as internet users
/// is no contradiction, and a stated share may be off by one point (a
/// publisher's rounding) but not by more.
#[test]
fn growth_rules_hold_exactly_at_their_bounds() {
    let point = |sns: f64, internet: f64, share: f64| {
        let mut v = bundled_value();
        let p = &mut v["growth"]["series"][0]["points"][1];
        p["sns_users"] = json!(sns);
        p["internet_users"] = json!(internet);
        p["share_pct"] = json!(share);
        load_value(&v).err()
    };
    for (sns, internet, share) in [
        (95.1, 95.1, 100.0),
        (50.0, 100.0, 51.0),
        (50.0, 100.0, 49.0),
    ] {
        assert!(
            point(sns, internet, share).is_none(),
            "{sns} of {internet} at {share}%"
        );
    }
    assert!(point(50.0, 100.0, 51.5).is_some());
    // No internet users: the users exceed them, and that is the one
    // problem; a share of nothing is not worked out.
    let p = problems_after(|v| {
        let p = &mut v["growth"]["series"][0]["points"][1];
        p["internet_users"] = json!(0);
    });
    assert_eq!(paths(&p), ["growth.series[0].points[1].sns_users"]);
}

/// Equal values may stand at different ranks (the publisher ranked
/// figures it rounded); a table compares only with one of its unit.
#[test]
fn ranking_rules_at_their_bounds() {
    let mut v = bundled_value();
    v["rankings"][0]["rows"][1]["value"] = json!(34);
    assert!(load_value(&v).is_ok(), "{:?}", load_value(&v).err());
    let p = problems_after(|v| v["rankings"][1]["unit"] = json!("points"));
    assert_eq!(paths(&p), ["rankings[1].compare_with"]);
    assert!(
        p[0].message.contains("only tables of one unit compare"),
        "{}",
        p[0].message
    );
}
