//! [`Dataset`]: a [`RawDataset`] that passed validation, with its ids
//! indexed. It can be made only by [`Dataset::new`], and gives read access
//! only, so whatever holds one holds a checked one whose look-ups match it.

use std::ops::Deref;

use serde::{Serialize, Serializer};

use super::lookup::Lookup;
use super::model::RawDataset;
use super::validate::{Findings, validate};

#[derive(Debug, Clone)]
pub struct Dataset {
    raw: RawDataset,
    lookup: Lookup,
}

impl Dataset {
    /// Checks `raw` (its strings were cleaned as they were made) and
    /// indexes it: every problem validation finds, or a dataset whose
    /// points are in year order and rows in rank order (stable: rows of
    /// equal rank keep the file's order), so that views can walk them as
    /// they are. Problems name places in `raw` as it was given.
    pub fn new(mut raw: RawDataset) -> Result<Dataset, Findings> {
        let findings = validate(&raw);
        if !findings.is_empty() {
            return Err(findings);
        }
        for s in &mut raw.growth.series {
            s.points.sort_by_key(|p| p.year);
        }
        for t in &mut raw.rankings {
            // A table without ranks keeps the file's order.
            t.rows.sort_by_key(|r| r.rank);
        }
        let lookup = Lookup::new(&raw);
        Ok(Dataset { raw, lookup })
    }

    /// The data as read (sorted as [`Dataset::new`] says).
    pub fn raw(&self) -> &RawDataset {
        &self.raw
    }

    /// The data, to change and check again as a new dataset.
    pub fn into_raw(self) -> RawDataset {
        self.raw
    }

    pub(super) fn lookup(&self) -> &Lookup {
        &self.lookup
    }
}

impl Deref for Dataset {
    type Target = RawDataset;

    fn deref(&self) -> &RawDataset {
        &self.raw
    }
}

/// As its raw data: what `sns-tui dump` writes.
impl Serialize for Dataset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(s)
    }
}
