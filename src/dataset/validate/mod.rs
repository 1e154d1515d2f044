//! Rules about meaning that the JSON shape cannot express. Every rule is
//! checked and every problem reported, each with the JSON path of the datum.
//! Paths are written only for problems, and quotes are all looked for in one
//! pass over the essay, so a valid dataset of any size costs one walk.

mod figures;
mod problems;

use rustc_hash::FxHashSet as HashSet;
use std::fmt;

use crate::dataset::ids::{first_before, positions};
use crate::dataset::model::{ESSAY_SOURCE, RawDataset, SCHEMA_VERSION};
use crate::dataset::quote::QuoteIndex;
use problems::{At, Ids, Problems};

/// Years outside this range are refused: a chart label has room for five
/// digits, and a series of many thousand points needs more than four.
pub const YEARS: std::ops::RangeInclusive<i32> = 0..=99_999;

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
    figures::growth(d, &mut p);
    figures::rankings(d, &platform_ids, &survey_ids, &mut p);
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
