//! Rules about meaning that the JSON shape cannot express. Every rule is
//! checked and every problem reported, each with the JSON path of the datum.
//! Paths are written only for problems, and quotes are all looked for in one
//! pass over the essay, so a valid dataset of any size costs one walk.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::model::{Dataset, RankingTable, SCHEMA_VERSION};
use super::quote::QuoteIndex;

/// Years outside this range are refused: a chart label has room for five
/// digits, and a series of many thousand points needs more than four.
pub const YEARS: std::ops::RangeInclusive<i32> = 0..=99_999;

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

/// A JSON path, kept as a chain of borrowed steps and written out only
/// when a problem needs it.
#[derive(Clone, Copy)]
enum At<'a> {
    Root(&'static str),
    Field(&'a At<'a>, &'static str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn field(&'a self, name: &'static str) -> At<'a> {
        At::Field(self, name)
    }

    fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root(name) => f.write_str(name),
            At::Field(parent, name) => write!(f, "{parent}.{name}"),
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

struct Problems<'d> {
    found: Vec<Problem>,
    /// Normalised quotes that occur nowhere in the essay.
    missing_quotes: HashSet<String>,
    sources: HashSet<&'d str>,
}

impl Problems<'_> {
    fn add(&mut self, at: At, message: impl Into<String>) {
        self.found.push(Problem {
            path: at.to_string(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, at: At, value: &str) {
        if value.trim().is_empty() {
            self.add(at, "must not be empty");
        }
    }

    fn non_empty_list<T>(&mut self, at: At, list: &[T]) {
        if list.is_empty() {
            self.add(at, "must not be an empty list");
        }
    }

    fn amount(&mut self, at: At, value: f64) {
        if !value.is_finite() {
            self.add(at, format!("must be a finite number, not {value}"));
        } else if value < 0.0 {
            self.add(at, format!("must not be negative, found {value}"));
        }
    }

    fn sources(&mut self, at: At, ids: &[String]) {
        self.non_empty_list(at.field("sources"), ids);
        for (i, id) in ids.iter().enumerate() {
            if !self.sources.contains(id.as_str()) {
                let list = at.field("sources");
                self.add(list.index(i), format!("unknown source id {id:?}"));
            }
        }
    }

    fn quote(&mut self, at: At, quote: Option<&str>) {
        let Some(q) = quote else { return };
        if q.trim().is_empty() {
            self.add(at.field("quote"), "must not be empty");
        } else if self.missing_quotes.contains(&QuoteIndex::normalise(q)) {
            self.add(
                at.field("quote"),
                format!("quote not found in the essay text: {q:?}"),
            );
        }
    }
}

/// Finds keys met twice in a list; remembers where each was first met.
struct Unique<'a>(HashMap<&'a str, usize>);

impl<'a> Unique<'a> {
    fn new() -> Self {
        Unique(HashMap::default())
    }

    /// The index where `key` was first met, if this is not the first time.
    fn seen(&mut self, key: &'a str, i: usize) -> Option<usize> {
        match self.0.get(key) {
            Some(&first) => Some(first),
            None => {
                self.0.insert(key, i);
                None
            }
        }
    }
}

/// Checks every rule; an empty list means the dataset is valid.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let quotes: Vec<&str> = d.quotes().collect();
    let missing_quotes = if quotes.is_empty() {
        HashSet::default()
    } else {
        QuoteIndex::new(&d.essay.paragraphs).missing(quotes.into_iter())
    };
    let mut p = Problems {
        found: Vec::new(),
        missing_quotes,
        sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    if d.schema != SCHEMA_VERSION {
        p.add(
            At::Root("schema"),
            format!(
                "unsupported schema version {}, this build reads {SCHEMA_VERSION}",
                d.schema
            ),
        );
    }
    essay(d, &mut p);
    let sources = At::Root("sources");
    ids(
        &mut p,
        sources,
        d.sources.iter().map(|s| s.id.as_str()),
        "source id",
    );
    for (i, s) in d.sources.iter().enumerate() {
        let at = sources.index(i);
        p.non_empty(at.field("publisher"), &s.publisher);
        p.non_empty(at.field("title"), &s.title);
        iso_date(&mut p, at.field("date"), &s.date);
    }
    let platforms = At::Root("platforms");
    let platform_ids = ids(
        &mut p,
        platforms,
        d.platforms.iter().map(|s| s.id.as_str()),
        "platform id",
    );
    for (i, pl) in d.platforms.iter().enumerate() {
        let at = platforms.index(i);
        p.non_empty(at.field("name"), &pl.name);
        p.non_empty(at.field("name_ja"), &pl.name_ja);
    }
    growth(d, &mut p);
    rankings(d, &platform_ids, &mut p);
    let notes = At::Root("notes");
    for (i, n) in d.notes.iter().enumerate() {
        let at = notes.index(i);
        p.non_empty(at.field("title"), &n.title);
        p.non_empty(at.field("text"), &n.text);
        p.sources(at, &n.sources);
        p.quote(at, n.quote.as_deref());
    }
    p.found
}

fn essay(d: &Dataset, p: &mut Problems) {
    let e = &d.essay;
    let at = At::Root("essay");
    p.non_empty(at.field("title"), &e.title);
    p.non_empty(at.field("author"), &e.author);
    iso_date(p, at.field("date"), &e.date);
    p.non_empty_list(at.field("paragraphs"), &e.paragraphs);
}

/// Checks a list's ids for blanks and duplicates; returns them as a set.
fn ids<'a>(
    p: &mut Problems,
    list: At,
    ids: impl Iterator<Item = &'a str>,
    what: &str,
) -> Unique<'a> {
    let mut unique = Unique::new();
    let mut count = 0;
    for (i, id) in ids.enumerate() {
        count += 1;
        let at = list.index(i);
        p.non_empty(at.field("id"), id);
        if let Some(first) = unique.seen(id, i) {
            let first = list.index(first);
            p.add(
                at.field("id"),
                format!("duplicate {what} {id:?} (first at {}.id)", first),
            );
        }
    }
    if count == 0 {
        p.add(list, "must not be an empty list");
    }
    unique
}

fn iso_date(p: &mut Problems, at: At, date: &str) {
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
        p.add(at, format!("expected a date as YYYY-MM-DD, found {date:?}"));
    }
}

fn growth(d: &Dataset, p: &mut Problems) {
    let g = &d.growth;
    let root = At::Root("growth");
    p.non_empty(root.field("unit"), &g.unit);
    let list = root.field("series");
    p.non_empty_list(list, &g.series);
    let mut series_ids = Unique::new();
    for (si, s) in g.series.iter().enumerate() {
        let at = list.index(si);
        p.non_empty(at.field("id"), &s.id);
        if let Some(first) = series_ids.seen(&s.id, si) {
            let first = list.index(first);
            p.add(
                at.field("id"),
                format!("duplicate series id {:?} (first at {first}.id)", s.id),
            );
        }
        let points = at.field("points");
        p.non_empty_list(points, &s.points);
        let mut years: HashMap<i32, usize> = HashMap::default();
        for (pi, pt) in s.points.iter().enumerate() {
            let at = points.index(pi);
            if !YEARS.contains(&pt.year) {
                let (lo, hi) = (YEARS.start(), YEARS.end());
                p.add(
                    at.field("year"),
                    format!("year {} is outside {lo}..={hi}", pt.year),
                );
            }
            if let Some(first) = years.insert(pt.year, pi) {
                let first = points.index(first);
                p.add(
                    at.field("year"),
                    format!("duplicate year {} (first at {first}.year)", pt.year),
                );
            }
            p.amount(at.field("sns_users"), pt.sns_users);
            if let Some(v) = pt.internet_users {
                p.amount(at.field("internet_users"), v);
                if v.is_finite() && pt.sns_users.is_finite() && pt.sns_users > v {
                    let users = pt.sns_users;
                    p.add(
                        at.field("sns_users"),
                        format!("{users} SNS users exceed {v} internet users"),
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
            format!("a share must be between 0 and 100 %, found {share}"),
        );
        return;
    }
    if let Some(internet) = internet.filter(|v| v.is_finite() && *v > 0.0) {
        let computed = users / internet * 100.0;
        if (computed - share).abs() > SHARE_TOLERANCE {
            p.add(
                at,
                format!("share {share} % does not match {users} / {internet} = {computed:.1} %"),
            );
        }
    }
}

fn rankings(d: &Dataset, platforms: &Unique, p: &mut Problems) {
    let list = At::Root("rankings");
    p.non_empty_list(list, &d.rankings);
    let tables: HashSet<&str> = d.rankings.iter().map(|t| t.id.as_str()).collect();
    let mut table_ids = Unique::new();
    for (ti, t) in d.rankings.iter().enumerate() {
        let at = list.index(ti);
        p.non_empty(at.field("id"), &t.id);
        if let Some(first) = table_ids.seen(&t.id, ti) {
            let first = list.index(first);
            p.add(
                at.field("id"),
                format!("duplicate table id {:?} (first at {first}.id)", t.id),
            );
        }
        p.non_empty(at.field("title"), &t.title);
        p.non_empty(at.field("unit"), &t.unit);
        if let Some(other) = &t.compare_with {
            if other == &t.id {
                p.add(
                    at.field("compare_with"),
                    "a table cannot compare with itself",
                );
            } else if !tables.contains(other.as_str()) {
                p.add(
                    at.field("compare_with"),
                    format!("unknown table id {other:?}"),
                );
            }
        }
        let rows = at.field("rows");
        p.non_empty_list(rows, &t.rows);
        let mut seen = Unique::new();
        for (ri, r) in t.rows.iter().enumerate() {
            let at = rows.index(ri);
            if !platforms.0.contains_key(r.platform.as_str()) {
                p.add(
                    at.field("platform"),
                    format!("unknown platform id {:?}", r.platform),
                );
            }
            if let Some(first) = seen.seen(&r.platform, ri) {
                let first = rows.index(first);
                let message = format!(
                    "duplicate platform {:?} (first at {first}.platform)",
                    r.platform
                );
                p.add(at.field("platform"), message);
            }
            if r.rank == 0 {
                p.add(at.field("rank"), "ranks start at 1");
            }
            if let Some(v) = r.value {
                p.amount(at.field("value"), v);
                if t.unit == "%" && v > 100.0 {
                    p.add(
                        at.field("value"),
                        format!("a share must be between 0 and 100 %, found {v}"),
                    );
                }
            }
            p.sources(at, &r.sources);
            p.quote(at, r.quote.as_deref());
        }
        rank_order(p, rows, t);
    }
}

/// Ranks must agree with the values: a better (smaller) rank never has a
/// smaller value, equal ranks have equal values, and rows whose value is not
/// published rank below every row whose value is. Checking neighbours in rank
/// order is enough, since "agrees" is transitive.
fn rank_order(p: &mut Problems, rows: At, t: &RankingTable) {
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
            let at = rows.index(pair[1]);
            p.add(
                at.field("rank"),
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
