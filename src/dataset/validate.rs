//! Rules about meaning that the JSON shape cannot express. Every rule is
//! checked and every problem reported, each with the JSON path of the datum.

use std::collections::HashMap;
use std::fmt;

use super::model::{Dataset, RankingTable, SCHEMA_VERSION};
use super::quote::find_quote;

/// Years outside this range are refused: labels are four digits wide.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// How far a stated share may sit from users / internet users, in
/// percentage points: publishers round shares to whole percents.
const SHARE_TOLERANCE: f64 = 1.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, path: String, value: &str) {
        if value.trim().is_empty() {
            self.add(path, "must not be empty");
        }
    }

    fn non_empty_list<T>(&mut self, path: String, list: &[T]) {
        if list.is_empty() {
            self.add(path, "must not be an empty list");
        }
    }

    /// Records `path` for `key`, or a problem if the key was seen before.
    fn unique<'a>(
        &mut self,
        seen: &mut HashMap<&'a str, String>,
        key: &'a str,
        path: String,
        what: &str,
    ) {
        if let Some(first) = seen.get(key) {
            self.add(path, format!("duplicate {what} {key:?} (first at {first})"));
        } else {
            seen.insert(key, path);
        }
    }

    fn amount(&mut self, path: String, value: f64) {
        if !value.is_finite() {
            self.add(path, format!("must be a finite number, not {value}"));
        } else if value < 0.0 {
            self.add(path, format!("must not be negative, found {value}"));
        }
    }
}

/// Checks every rule; an empty list means the dataset is valid.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut p = Problems::default();
    if d.schema != SCHEMA_VERSION {
        p.add(
            "schema",
            format!(
                "unsupported schema version {}, this build reads {SCHEMA_VERSION}",
                d.schema
            ),
        );
    }
    essay(d, &mut p);
    let sources = ids(
        &mut p,
        "sources",
        d.sources.iter().map(|s| s.id.as_str()),
        "source id",
    );
    let platforms = ids(
        &mut p,
        "platforms",
        d.platforms.iter().map(|s| s.id.as_str()),
        "platform id",
    );
    let refs = Refs {
        d,
        sources: &sources,
    };
    for (i, s) in d.sources.iter().enumerate() {
        p.non_empty(format!("sources[{i}].publisher"), &s.publisher);
        p.non_empty(format!("sources[{i}].title"), &s.title);
        iso_date(&mut p, format!("sources[{i}].date"), &s.date);
    }
    for (i, pl) in d.platforms.iter().enumerate() {
        p.non_empty(format!("platforms[{i}].name"), &pl.name);
        p.non_empty(format!("platforms[{i}].name_ja"), &pl.name_ja);
    }
    growth(&refs, &mut p);
    rankings(&refs, &platforms, &mut p);
    for (i, n) in d.notes.iter().enumerate() {
        let at = format!("notes[{i}]");
        p.non_empty(format!("{at}.title"), &n.title);
        p.non_empty(format!("{at}.text"), &n.text);
        refs.sources(&mut p, &at, &n.sources);
        refs.quote(&mut p, &at, n.quote.as_deref());
    }
    p.0
}

fn essay(d: &Dataset, p: &mut Problems) {
    let e = &d.essay;
    p.non_empty("essay.title".into(), &e.title);
    p.non_empty("essay.author".into(), &e.author);
    iso_date(p, "essay.date".into(), &e.date);
    p.non_empty_list("essay.paragraphs".into(), &e.paragraphs);
}

/// Checks a list of ids for blanks and duplicates; returns the id set.
fn ids<'a>(
    p: &mut Problems,
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    what: &str,
) -> HashMap<&'a str, String> {
    let mut seen = HashMap::new();
    let mut count = 0;
    for (i, id) in ids.enumerate() {
        count += 1;
        let path = format!("{list}[{i}].id");
        p.non_empty(path.clone(), id);
        p.unique(&mut seen, id, path, what);
    }
    if count == 0 {
        p.add(list, "must not be an empty list");
    }
    seen
}

fn iso_date(p: &mut Problems, path: String, date: &str) {
    let b = date.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let in_range = shape && {
        let month: u32 = date[5..7].parse().unwrap_or(0);
        let day: u32 = date[8..10].parse().unwrap_or(0);
        (1..=12).contains(&month) && (1..=31).contains(&day)
    };
    if !in_range {
        p.add(
            path,
            format!("expected a date as YYYY-MM-DD, found {date:?}"),
        );
    }
}

struct Refs<'a> {
    d: &'a Dataset,
    sources: &'a HashMap<&'a str, String>,
}

impl Refs<'_> {
    fn sources(&self, p: &mut Problems, at: &str, ids: &[String]) {
        p.non_empty_list(format!("{at}.sources"), ids);
        for (i, id) in ids.iter().enumerate() {
            if !self.sources.contains_key(id.as_str()) {
                p.add(
                    format!("{at}.sources[{i}]"),
                    format!("unknown source id {id:?}"),
                );
            }
        }
    }

    fn quote(&self, p: &mut Problems, at: &str, quote: Option<&str>) {
        let Some(q) = quote else { return };
        let path = format!("{at}.quote");
        if q.trim().is_empty() {
            p.add(path, "must not be empty");
        } else if !self
            .d
            .essay
            .paragraphs
            .iter()
            .any(|para| find_quote(para, q).is_some())
        {
            p.add(path, format!("quote not found in the essay text: {q:?}"));
        }
    }
}

fn growth(refs: &Refs, p: &mut Problems) {
    let g = &refs.d.growth;
    p.non_empty("growth.unit".into(), &g.unit);
    let mut series_ids = HashMap::new();
    p.non_empty_list("growth.series".into(), &g.series);
    for (si, s) in g.series.iter().enumerate() {
        let at = format!("growth.series[{si}]");
        p.non_empty(format!("{at}.id"), &s.id);
        p.unique(&mut series_ids, &s.id, format!("{at}.id"), "series id");
        p.non_empty_list(format!("{at}.points"), &s.points);
        let mut years = HashMap::new();
        for (pi, pt) in s.points.iter().enumerate() {
            let at = format!("{at}.points[{pi}]");
            let year_path = format!("{at}.year");
            if !YEARS.contains(&pt.year) {
                p.add(
                    year_path.clone(),
                    format!(
                        "year {} is outside {}..={}",
                        pt.year,
                        YEARS.start(),
                        YEARS.end()
                    ),
                );
            }
            if let Some(first) = years.insert(pt.year, year_path.clone()) {
                p.add(
                    year_path,
                    format!("duplicate year {} (first at {first})", pt.year),
                );
            }
            p.amount(format!("{at}.sns_users"), pt.sns_users);
            if let Some(v) = pt.internet_users {
                p.amount(format!("{at}.internet_users"), v);
                if v.is_finite() && pt.sns_users.is_finite() && pt.sns_users > v {
                    p.add(
                        format!("{at}.sns_users"),
                        format!("{} SNS users exceed {v} internet users", pt.sns_users),
                    );
                }
            }
            if let Some(share) = pt.share_pct {
                share_rule(p, &at, share, pt.sns_users, pt.internet_users);
            }
            refs.sources(p, &at, &pt.sources);
            refs.quote(p, &at, pt.quote.as_deref());
        }
    }
}

fn share_rule(p: &mut Problems, at: &str, share: f64, users: f64, internet: Option<f64>) {
    let path = format!("{at}.share_pct");
    if !share.is_finite() || !(0.0..=100.0).contains(&share) {
        p.add(
            path,
            format!("a share must be between 0 and 100 %, found {share}"),
        );
        return;
    }
    if let Some(internet) = internet.filter(|v| v.is_finite() && *v > 0.0) {
        let computed = users / internet * 100.0;
        if (computed - share).abs() > SHARE_TOLERANCE {
            p.add(
                path,
                format!("share {share} % does not match {users} / {internet} = {computed:.1} %"),
            );
        }
    }
}

fn rankings(refs: &Refs, platforms: &HashMap<&str, String>, p: &mut Problems) {
    let d = refs.d;
    let mut table_ids = HashMap::new();
    p.non_empty_list("rankings".into(), &d.rankings);
    for (ti, t) in d.rankings.iter().enumerate() {
        let at = format!("rankings[{ti}]");
        p.non_empty(format!("{at}.id"), &t.id);
        p.unique(&mut table_ids, &t.id, format!("{at}.id"), "table id");
        p.non_empty(format!("{at}.title"), &t.title);
        p.non_empty(format!("{at}.unit"), &t.unit);
        if let Some(other) = &t.compare_with {
            if other == &t.id {
                p.add(
                    format!("{at}.compare_with"),
                    "a table cannot compare with itself",
                );
            } else if !d.rankings.iter().any(|t| &t.id == other) {
                p.add(
                    format!("{at}.compare_with"),
                    format!("unknown table id {other:?}"),
                );
            }
        }
        p.non_empty_list(format!("{at}.rows"), &t.rows);
        let mut seen = HashMap::new();
        for (ri, r) in t.rows.iter().enumerate() {
            let at = format!("{at}.rows[{ri}]");
            if !platforms.contains_key(r.platform.as_str()) {
                p.add(
                    format!("{at}.platform"),
                    format!("unknown platform id {:?}", r.platform),
                );
            }
            p.unique(&mut seen, &r.platform, format!("{at}.platform"), "platform");
            if r.rank == 0 {
                p.add(format!("{at}.rank"), "ranks start at 1");
            }
            if let Some(v) = r.value {
                p.amount(format!("{at}.value"), v);
                if t.unit == "%" && v > 100.0 {
                    p.add(
                        format!("{at}.value"),
                        format!("a share must be between 0 and 100 %, found {v}"),
                    );
                }
            }
            refs.sources(p, &at, &r.sources);
            refs.quote(p, &at, r.quote.as_deref());
        }
        rank_order(p, &at, t);
    }
}

/// Ranks must agree with the values: a better (smaller) rank never has a
/// smaller value, equal ranks have equal values, and rows whose value is not
/// published rank below every row whose value is. Checking neighbours in rank
/// order is enough, since "agrees" is transitive.
fn rank_order(p: &mut Problems, at: &str, t: &RankingTable) {
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
            p.add(
                format!("{at}.rows[{}].rank", pair[1]),
                format!(
                    "rank {} ({}) does not match the values: rows[{}] has rank {} ({})",
                    worse.rank,
                    show(worse.value),
                    pair[0],
                    better.rank,
                    show(better.value)
                ),
            );
        }
    }
}
