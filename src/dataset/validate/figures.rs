//! The rules on the figures: growth series and ranking tables.

use rustc_hash::FxHashMap as HashMap;

use super::problems::{At, Ids, Problems};
use super::{YEARS, check_id};
use crate::dataset::ids::{first_before, positions};
use crate::dataset::model::{RankingTable, RawDataset};

/// How far a stated share may sit from users / internet users, in
/// percentage points: publishers round shares to whole percents.
const SHARE_TOLERANCE: f64 = 1.0;

pub(super) fn growth(d: &RawDataset, p: &mut Problems) {
    let g = &d.growth;
    let root = At::Root("growth");
    p.words(root.field("title"), &g.title);
    p.words(root.field("unit"), &g.unit);
    let list = root.field("series");
    p.non_empty_list(list, &g.series);
    let series_ids = positions(g.series.iter().map(|s| s.id.as_str()));
    let mut ledger_only_before = false;
    for (si, s) in g.series.iter().enumerate() {
        let at = list.index(si);
        check_id(p, list, &series_ids, &s.id, si, "series id");
        p.words(at.field("label"), &s.label);
        // The chart shows the series before the first ledger-only one.
        if s.chart && ledger_only_before {
            p.add(
                at.field("chart"),
                "a charted series must come before every series with \"chart\": false",
            );
        } else if si == 0 && !s.chart {
            p.add(
                at.field("chart"),
                "the first series is the essay's view: it is charted",
            );
        }
        // A first series not charted is reported once, above.
        ledger_only_before |= !s.chart && si > 0;
        let points = at.field("points");
        p.non_empty_list(points, &s.points);
        let mut years: HashMap<i32, usize> = HashMap::default();
        for (pi, pt) in s.points.iter().enumerate() {
            let at = points.index(pi);
            if !YEARS.contains(&pt.year) {
                let (lo, hi) = (YEARS.start(), YEARS.end());
                p.add(
                    at.field("year"),
                    format_args!("year {} is outside {lo}..={hi}", pt.year),
                );
            }
            if let Some(first) = years.insert(pt.year, pi) {
                let first = points.index(first);
                p.add(
                    at.field("year"),
                    format_args!("duplicate year {} (first at {first}.year)", pt.year),
                );
            }
            p.amount(at.field("sns_users"), pt.sns_users);
            if let Some(v) = pt.internet_users {
                p.amount(at.field("internet_users"), v);
                if v.is_finite() && pt.sns_users.is_finite() && pt.sns_users > v {
                    let users = pt.sns_users;
                    p.add(
                        at.field("sns_users"),
                        format_args!("{users} SNS users exceed {v} internet users"),
                    );
                }
            }
            if let Some(share) = pt.share_pct {
                share_rule(
                    p,
                    at.field("share_pct"),
                    share,
                    pt.sns_users,
                    pt.internet_users,
                );
            }
            p.sources(at, &pt.sources);
            p.quote(at, pt.quote.as_deref());
        }
    }
}

fn share_rule(p: &mut Problems, at: At, share: f64, users: f64, internet: Option<f64>) {
    if !share.is_finite() || !(0.0..=100.0).contains(&share) {
        p.add(
            at,
            format_args!("a share must be between 0% and 100%, found {share}"),
        );
        return;
    }
    if let Some(internet) = internet.filter(|v| v.is_finite() && *v > 0.0) {
        let computed = users / internet * 100.0;
        if (computed - share).abs() > SHARE_TOLERANCE {
            p.add(
                at,
                format_args!("share {share}% does not match {users} / {internet} = {computed:.1}%"),
            );
        }
    }
}

pub(super) fn rankings(d: &RawDataset, platforms: &Ids, surveys: &Ids, p: &mut Problems) {
    let list = At::Root("rankings");
    p.non_empty_list(list, &d.rankings);
    // All of them first: a table may compare with one further on.
    let table_ids = positions(d.rankings.iter().map(|t| t.id.as_str()));
    for (ti, t) in d.rankings.iter().enumerate() {
        let at = list.index(ti);
        check_id(p, list, &table_ids, &t.id, ti, "table id");
        p.words(at.field("title"), &t.title);
        p.words(at.field("population"), &t.population);
        p.words(at.field("metric"), &t.metric);
        p.non_empty(at.field("unit"), &t.unit);
        if !surveys.contains_key(t.survey.as_str()) {
            p.add(
                at.field("survey"),
                format_args!("unknown survey id {:?}", t.survey),
            );
        }
        match (&t.compare_note, &t.compare_with) {
            (Some(note), Some(_)) => p.words(at.field("compare_note"), note),
            (Some(_), None) => p.add(
                at.field("compare_note"),
                "a note on a comparison needs compare_with",
            ),
            (None, _) => {}
        }
        if let Some(other) = &t.compare_with {
            if other == &t.id {
                p.add(
                    at.field("compare_with"),
                    "a table cannot compare with itself",
                );
            } else {
                match table_ids.get(other.as_str()).map(|&i| &d.rankings[i]) {
                    None => p.add(
                        at.field("compare_with"),
                        format_args!("unknown table id {other:?}"),
                    ),
                    Some(o) if o.unit != t.unit => p.add(
                        at.field("compare_with"),
                        format_args!(
                            "table {other:?} counts in {:?}, this one in {:?}: only tables of one unit compare",
                            o.unit, t.unit
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
        let rows = at.field("rows");
        p.non_empty_list(rows, &t.rows);
        let row_platforms = positions(t.rows.iter().map(|r| r.platform.as_str()));
        for (ri, r) in t.rows.iter().enumerate() {
            let at = rows.index(ri);
            if !platforms.contains_key(r.platform.as_str()) {
                p.add(
                    at.field("platform"),
                    format_args!("unknown platform id {:?}", r.platform),
                );
            }
            if let Some(first) = first_before(&row_platforms, &r.platform.as_str(), ri) {
                let first = rows.index(first);
                p.add(
                    at.field("platform"),
                    format_args!(
                        "duplicate platform {:?} (first at {first}.platform)",
                        r.platform
                    ),
                );
            }
            if r.rank == Some(0) {
                p.add(at.field("rank"), "ranks start at 1");
            }
            if let Some(name) = &r.name {
                p.words(at.field("name"), name);
            }
            if let Some(v) = r.value {
                p.amount(at.field("value"), v);
                if t.unit == "%" && v > 100.0 {
                    p.add(
                        at.field("value"),
                        format_args!("a share must be between 0% and 100%, found {v}"),
                    );
                }
            }
            p.sources(at, &r.sources);
            p.quote(at, r.quote.as_deref());
        }
        rank_order(p, rows, t);
    }
}

/// A table ranks every row or none. Ranks must agree with the values: a
/// better (smaller) rank never has a smaller value, equal ranks have equal
/// values, and rows whose value is not published rank below every row whose
/// value is. Checking neighbours in rank order is enough, since "agrees" is
/// transitive.
fn rank_order(p: &mut Problems, rows: At, t: &RankingTable) {
    let ranked = t.rows.iter().filter(|r| r.rank.is_some()).count();
    if ranked == 0 {
        return;
    }
    if ranked != t.rows.len() {
        let first = t.rows.iter().position(|r| r.rank.is_none()).unwrap_or(0);
        p.add(
            rows.index(first).field("rank"),
            "a table ranks every row or none: this row has no rank, others do",
        );
        return;
    }
    let mut order: Vec<usize> = (0..t.rows.len()).collect();
    order.sort_by_key(|&i| t.rows[i].rank);
    for pair in order.windows(2) {
        let (better, worse) = (&t.rows[pair[0]], &t.rows[pair[1]]);
        let clash = match (better.value, worse.value) {
            _ if better.rank == worse.rank => better.value != worse.value,
            (Some(x), Some(y)) => x < y,
            (None, Some(_)) => true,
            (Some(_), None) | (None, None) => false,
        };
        if clash {
            let show = |v: Option<f64>| v.map_or("no value".to_string(), |v| v.to_string());
            let rank = |r: Option<u32>| r.map_or("none".to_string(), |r| r.to_string());
            let at = rows.index(pair[1]);
            p.add(
                at.field("rank"),
                format_args!(
                    "rank {} ({}) does not match the values: rows[{}] has rank {} ({})",
                    rank(worse.rank),
                    show(worse.value),
                    pair[0],
                    rank(better.rank),
                    show(better.value)
                ),
            );
        }
    }
}
