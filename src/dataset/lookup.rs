//! Ids to positions, so that every look-up a frame makes is one hash away
//! however large the dataset.

use rustc_hash::FxHashMap as HashMap;

use super::checked::Dataset;
use super::clean::CleanString;
use super::ids::positions;
use super::model::{Platform, RankRow, RawDataset, Source, Survey};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lookup {
    sources: HashMap<CleanString, usize>,
    platforms: HashMap<CleanString, usize>,
    surveys: HashMap<CleanString, usize>,
    tables: HashMap<CleanString, usize>,
    /// For each table, platform id to row.
    rows: Vec<HashMap<CleanString, usize>>,
    /// For each family of surveys, its breaks by when they start (the
    /// first survey's month, then its place in the file), with their index.
    family_breaks: HashMap<CleanString, Vec<(SurveyOrder, usize)>>,
}

/// Where a survey stands in time: its month where known (YYYY-MM and YYYY
/// sort as text), then its place in the file (version 1 files give no
/// months).
pub type SurveyOrder = (String, usize);

/// Ids to their first positions: the first of a duplicate wins, as
/// validation reports the rest.
fn owned<'a>(ids: impl Iterator<Item = &'a CleanString>) -> HashMap<CleanString, usize> {
    positions(ids.cloned())
}

impl Lookup {
    /// Indexes the ids of `d`, its rows as they are ordered now.
    pub(super) fn new(d: &RawDataset) -> Lookup {
        let surveys = owned(d.surveys.iter().map(|s| &s.id));
        let mut family_breaks: HashMap<CleanString, Vec<(SurveyOrder, usize)>> = HashMap::default();
        for (i, b) in d.breaks.iter().enumerate() {
            if let Some(&at) = surveys.get(b.from.as_str()) {
                let s = &d.surveys[at];
                family_breaks
                    .entry(s.family.clone())
                    .or_default()
                    .push((survey_order(s, at), i));
            }
        }
        for list in family_breaks.values_mut() {
            list.sort_unstable();
        }
        Lookup {
            sources: owned(d.sources.iter().map(|s| &s.id)),
            platforms: owned(d.platforms.iter().map(|p| &p.id)),
            surveys,
            tables: owned(d.rankings.iter().map(|t| &t.id)),
            rows: d
                .rankings
                .iter()
                .map(|t| owned(t.rows.iter().map(|r| &r.platform)))
                .collect(),
            family_breaks,
        }
    }
}

/// Where the survey `s`, at `index` in the file, stands in time.
fn survey_order(s: &Survey, index: usize) -> SurveyOrder {
    (s.month.as_deref().unwrap_or_default().to_string(), index)
}

impl RawDataset {
    /// Every quote of the essay's words the dataset holds.
    pub fn quotes(&self) -> impl Iterator<Item = &str> {
        let points = self
            .growth
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter_map(|p| p.quote.as_deref());
        let rows = self
            .rankings
            .iter()
            .flat_map(|t| &t.rows)
            .filter_map(|r| r.quote.as_deref());
        let notes = self.notes.iter().filter_map(|n| n.quote.as_deref());
        points.chain(rows).chain(notes)
    }
}

impl Dataset {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.lookup().sources.get(id).map(|&i| &self.sources[i])
    }

    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.lookup().platforms.get(id).map(|&i| &self.platforms[i])
    }

    pub fn survey(&self, id: &str) -> Option<&Survey> {
        self.survey_index(id).map(|i| &self.surveys[i])
    }

    pub fn survey_index(&self, id: &str) -> Option<usize> {
        self.lookup().surveys.get(id).copied()
    }

    /// Where `s` stands in time among its family's surveys.
    pub fn survey_order(&self, s: &Survey) -> SurveyOrder {
        survey_order(s, self.survey_index(&s.id).unwrap_or(0))
    }

    /// The breaks of `family`, in order of when they start.
    pub fn family_breaks(&self, family: &str) -> &[(SurveyOrder, usize)] {
        self.lookup()
            .family_breaks
            .get(family)
            .map_or(&[], Vec::as_slice)
    }

    pub fn table_index(&self, id: &str) -> Option<usize> {
        self.lookup().tables.get(id).copied()
    }

    /// The position of `platform`'s row in the table at `table`.
    pub fn row_index(&self, table: usize, platform: &str) -> Option<usize> {
        self.lookup().rows.get(table)?.get(platform).copied()
    }

    /// The row of `platform` in the table at `table`.
    pub fn row_of(&self, table: usize, platform: &str) -> Option<&RankRow> {
        self.row_index(table, platform)
            .map(|row| &self.rankings[table].rows[row])
    }

    /// The display name of a platform id; the id itself if it is unknown
    /// (validation rules that out for a loaded dataset).
    pub fn platform_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.platform(id).map_or(id, |p| p.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use crate::dataset::load;

    #[test]
    fn look_ups_find_what_the_lists_hold() {
        let d = load(None).unwrap().dataset;
        assert_eq!(d.source("ict-2014").unwrap().date, "2014-08-21");
        assert_eq!(d.platform_name("googleplus"), "Google+");
        assert_eq!(d.platform_name("nobody"), "nobody");
        let smartphone = d.table_index("2013-smartphone").unwrap();
        assert_eq!(d.row_of(smartphone, "line").unwrap().rank, Some(1));
        assert_eq!(d.survey("ict-2014-07").unwrap().sample_size, Some(4193));
        assert!(d.survey("nobody").is_none());
        assert!(d.row_of(smartphone, "kakaotalk").is_none());
        assert!(d.row_of(99, "line").is_none());
    }
}
