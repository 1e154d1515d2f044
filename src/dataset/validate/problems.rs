//! Where a problem is and how problems are kept: the checks every rule
//! shares.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::{Findings, KEPT_PROBLEMS, Problem};
use crate::dataset::bilingual::Bilingual;
use crate::dataset::clean::CleanString;
use crate::dataset::ids::{first_before, positions};
use crate::dataset::model::ESSAY_SOURCE;
use crate::dataset::quote::QuoteIndex;

/// A JSON path, kept as a chain of borrowed steps and written out only
/// when a problem needs it.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Root(&'static str),
    Field(&'a At<'a>, &'static str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    pub(super) fn field(&'a self, name: &'static str) -> At<'a> {
        At::Field(self, name)
    }

    pub(super) fn index(&'a self, i: usize) -> At<'a> {
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

/// The problems found so far, and what the checks look up as they go.
pub(super) struct Problems<'d> {
    pub(super) found: Findings,
    /// Normalised quotes that occur nowhere in the essay.
    pub(super) missing_quotes: HashSet<String>,
    /// Source ids to where they stand in `sources`.
    pub(super) sources: Ids<'d>,
}

/// A list's ids to their first positions in it.
pub(super) type Ids<'d> = HashMap<&'d str, usize>;

impl Problems<'_> {
    /// Keeps a problem, or past the cap only counts it: the message is a
    /// `Display` so that one not kept is never written out.
    pub(super) fn add(&mut self, at: At, message: impl fmt::Display) {
        if self.found.problems.len() < KEPT_PROBLEMS {
            self.found.problems.push(Problem {
                path: at.to_string(),
                message: message.to_string(),
            });
        } else {
            self.found.more += 1;
        }
    }

    pub(super) fn non_empty(&mut self, at: At, value: &str) {
        if value.trim().is_empty() {
            self.add(at, "must not be empty");
        }
    }

    pub(super) fn words(&mut self, at: At, value: &Bilingual) {
        self.non_empty(at, &value.en);
        if let Some(ja) = &value.ja {
            self.non_empty(at.field("ja"), ja);
        }
    }

    pub(super) fn non_empty_list<T>(&mut self, at: At, list: &[T]) {
        if list.is_empty() {
            self.add(at, "must not be an empty list");
        }
    }

    pub(super) fn amount(&mut self, at: At, value: f64) {
        if !value.is_finite() {
            self.add(at, format_args!("must be a finite number, not {value}"));
        } else if value < 0.0 {
            self.add(at, format_args!("must not be negative, found {value}"));
        }
    }

    pub(super) fn sources(&mut self, at: At, ids: &[CleanString]) {
        self.cited(at, ids, false);
    }

    /// Source ids that must exist, each once: a list that cites one source
    /// a million times says nothing more, and costs every view that walks
    /// it. `essay` names the essay where `essay_too`.
    pub(super) fn cited(&mut self, at: At, ids: &[CleanString], essay_too: bool) {
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

    pub(super) fn quote(&mut self, at: At, quote: Option<&str>) {
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
