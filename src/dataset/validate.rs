//! Rules about meaning that the JSON shape cannot express. Every rule is
//! checked and every problem reported, each with the JSON path of the datum.
//! Paths are written only for problems, and quotes are all looked for in one
//! pass over the essay, so a valid dataset of any size costs one walk.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::bilingual::Bilingual;
use super::clean::CleanString;
use super::ids::{first_before, positions};
use super::model::{ESSAY_SOURCE, RankingTable, RawDataset, SCHEMA_VERSION};
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

/// How many problems are kept and listed; past this they are only counted,
/// so a file of millions of faults costs no more memory than one of a
/// thousand.
pub const KEPT_PROBLEMS: usize = 1_000;

/// What validation found: the first [`KEPT_PROBLEMS`] problems, in the
/// order of the file, and how many more there were.
#[derive(Debug, Default, PartialEq)]
pub struct Findings {
    pub problems: Vec<Problem>,
    pub more: usize,
}

impl Findings {
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// Every problem, kept or only counted.
    pub fn total(&self) -> usize {
        self.problems.len() + self.more
    }
}

struct Problems<'d> {
    found: Findings,
    /// Normalised quotes that occur nowhere in the essay.
    missing_quotes: HashSet<String>,
    /// Source ids to where they stand in `sources`.
    sources: Ids<'d>,
}

/// A list's ids to their first positions in it.
type Ids<'d> = HashMap<&'d str, usize>;

impl Problems<'_> {
    /// Keeps a problem, or past the cap only counts it: the message is a
    /// `Display` so that one not kept is never written out.
    fn add(&mut self, at: At, message: impl fmt::Display) {
        if self.found.problems.len() < KEPT_PROBLEMS {
            self.found.problems.push(Problem {
                path: at.to_string(),
                message: message.to_string(),
            });
        } else {
            self.found.more += 1;
        }
    }

    fn non_empty(&mut self, at: At, value: &str) {
        if value.trim().is_empty() {
            self.add(at, "must not be empty");
        }
    }

    fn words(&mut self, at: At, value: &Bilingual) {
        self.non_empty(at, &value.en);
        if let Some(ja) = &value.ja {
            self.non_empty(at.field("ja"), ja);
        }
    }

    fn non_empty_list<T>(&mut self, at: At, list: &[T]) {
        if list.is_empty() {
            self.add(at, "must not be an empty list");
        }
    }

    fn amount(&mut self, at: At, value: f64) {
        if !value.is_finite() {
            self.add(at, format_args!("must be a finite number, not {value}"));
        } else if value < 0.0 {
            self.add(at, format_args!("must not be negative, found {value}"));
        }
    }

    fn sources(&mut self, at: At, ids: &[CleanString]) {
        self.cited(at, ids, false);
    }

    /// Source ids that must exist, each once: a list that cites one source
    /// a million times says nothing more, and costs every view that walks
    /// it. `essay` names the essay where `essay_too`.
    fn cited(&mut self, at: At, ids: &[CleanString], essay_too: bool) {
        let list = at.field("sources");
        self.non_empty_list(list, ids);
        let cited = positions(ids.iter().map(CleanString::as_str));
        for (i, id) in ids.iter().enumerate() {
            let essay = essay_too && id == ESSAY_SOURCE;
            if !essay && !self.sources.contains_key(id.as_str()) {
                self.add(list.index(i), format_args!("unknown source id {id:?}"));
            }
            if let Some(first) = first_before(&cited, &id.as_str(), i) {
                let first = list.index(first);
                self.add(
                    list.index(i),
                    format_args!("duplicate source id {id:?} (first at {first})"),
                );
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
                format_args!("quote not found in the essay text: {q:?}"),
            );
        }
    }
}

/// Checks every rule; an empty list means the dataset is valid.
pub fn validate(d: &RawDataset) -> Findings {
    let quotes: Vec<&str> = d.quotes().collect();
    let missing_quotes = if quotes.is_empty() {
        HashSet::default()
    } else {
        QuoteIndex::new(&d.essay.paragraphs).missing(quotes.into_iter())
    };
    let mut p = Problems {
        found: Findings::default(),
        missing_quotes,
        sources: Ids::default(),
    };
    if d.schema == 1 {
        p.add(
            At::Root("schema"),
            "the file has the shape of version 2 (it lists surveys): set \"schema\": 2",
        );
    } else if d.schema != SCHEMA_VERSION {
        p.add(
            At::Root("schema"),
            format_args!(
                "unsupported schema version {}, this build reads 1 and {SCHEMA_VERSION}",
                d.schema
            ),
        );
    }
    essay(d, &mut p);
    let sources = At::Root("sources");
    p.sources = ids(
        &mut p,
        sources,
        d.sources.iter().map(|s| s.id.as_str()),
        "source id",
    );
    for (i, s) in d.sources.iter().enumerate() {
        let at = sources.index(i);
        if s.id == ESSAY_SOURCE {
            p.add(
                at.field("id"),
                format_args!("{ESSAY_SOURCE:?} is kept for the essay itself, in notes"),
            );
        }
        p.non_empty(at.field("publisher"), &s.publisher);
        p.non_empty(at.field("title"), &s.title);
        date(&mut p, at.field("date"), &s.date, Precision::Day);
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
    let survey_ids = surveys(d, &mut p);
    growth(d, &mut p);
    rankings(d, &platform_ids, &survey_ids, &mut p);
    let notes = At::Root("notes");
    for (i, n) in d.notes.iter().enumerate() {
        let at = notes.index(i);
        p.non_empty(at.field("title"), &n.title);
        p.non_empty(at.field("text"), &n.text);
        p.cited(at, &n.sources, true);
        p.quote(at, n.quote.as_deref());
    }
    p.found
}

fn surveys<'d>(d: &'d RawDataset, p: &mut Problems) -> Ids<'d> {
    let list = At::Root("surveys");
    let survey_ids = ids(
        p,
        list,
        d.surveys.iter().map(|s| s.id.as_str()),
        "survey id",
    );
    for (i, s) in d.surveys.iter().enumerate() {
        let at = list.index(i);
        p.non_empty(at.field("family"), &s.family);
        p.words(at.field("name"), &s.name);
        if let Some(month) = &s.month {
            date(p, at.field("month"), month, Precision::Month);
        }
        if s.sample_size == Some(0) {
            p.add(at.field("sample_size"), "a survey asks somebody: not 0");
        }
        for (field, words) in [("population", &s.population), ("definition", &s.definition)] {
            if let Some(w) = words {
                p.words(at.field(field), w);
            }
        }
        p.sources(at, &s.sources);
    }
    let list = At::Root("breaks");
    for (i, b) in d.breaks.iter().enumerate() {
        let at = list.index(i);
        if !survey_ids.contains_key(b.from.as_str()) {
            p.add(
                at.field("from"),
                format_args!("unknown survey id {:?}", b.from),
            );
        }
        p.words(at.field("title"), &b.title);
        p.words(at.field("text"), &b.text);
        p.sources(at, &b.sources);
    }
    survey_ids
}

fn essay(d: &RawDataset, p: &mut Problems) {
    let e = &d.essay;
    let at = At::Root("essay");
    p.non_empty(at.field("title"), &e.title);
    p.non_empty(at.field("author"), &e.author);
    date(p, at.field("date"), &e.date, Precision::Day);
    p.non_empty_list(at.field("paragraphs"), &e.paragraphs);
}

/// Checks a list's ids for blanks and duplicates; returns where each
/// first stands.
fn ids<'a>(
    p: &mut Problems,
    list: At,
    ids: impl Iterator<Item = &'a str> + Clone,
    what: &str,
) -> Ids<'a> {
    let first = positions(ids.clone());
    for (i, id) in ids.enumerate() {
        check_id(p, list, &first, id, i, what);
    }
    if first.is_empty() {
        p.add(list, "must not be an empty list");
    }
    first
}

/// Checks the id of the item at `i` of `list` for a blank or a duplicate;
/// `first` holds where each id of the list first stands.
fn check_id(p: &mut Problems, list: At, first: &Ids, id: &str, i: usize, what: &str) {
    let at = list.index(i);
    p.non_empty(at.field("id"), id);
    if let Some(first) = first_before(first, &id, i) {
        let first = list.index(first);
        p.add(
            at.field("id"),
            format_args!("duplicate {what} {id:?} (first at {first}.id)"),
        );
    }
}

/// How precise a date must be at most: a day, or only a month.
#[derive(Clone, Copy, PartialEq)]
enum Precision {
    Day,
    Month,
}

/// A date as YYYY-MM-DD, YYYY-MM or YYYY (where only that much is known),
/// down to `finest`; the essay's own date is always to the day.
fn date(p: &mut Problems, at: At, date: &str, finest: Precision) {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let number = |r: std::ops::Range<usize>| date[r].parse::<u32>().unwrap_or(0);
    let ok = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7) && (1..=12).contains(&number(5..7)),
        10 if finest == Precision::Day => {
            digits(0..4)
                && b[4] == b'-'
                && digits(5..7)
                && b[7] == b'-'
                && digits(8..10)
                && (1..=12).contains(&number(5..7))
                && (1..=31).contains(&number(8..10))
        }
        _ => false,
    };
    if !ok {
        let shapes = match finest {
            Precision::Day => "YYYY-MM-DD, YYYY-MM or YYYY",
            Precision::Month => "YYYY-MM or YYYY",
        };
        p.add(
            at,
            format_args!("expected a date as {shapes}, found {date:?}"),
        );
    }
}

fn growth(d: &RawDataset, p: &mut Problems) {
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

fn rankings(d: &RawDataset, platforms: &Ids, surveys: &Ids, p: &mut Problems) {
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
