//! Ids to positions, so that every look-up a frame makes is one hash away
//! however large the dataset.

use rustc_hash::FxHashMap as HashMap;

use super::model::{Dataset, Platform, RankRow, Source, Survey};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lookup {
    sources: HashMap<String, usize>,
    platforms: HashMap<String, usize>,
    surveys: HashMap<String, usize>,
    tables: HashMap<String, usize>,
    /// For each table, platform id to row.
    rows: Vec<HashMap<String, usize>>,
    /// For each family of surveys, its breaks by when they start (the
    /// first survey's month, then its place in the file), with their index.
    family_breaks: HashMap<String, Vec<(SurveyOrder, usize)>>,
}

/// Where a survey stands in time: its month where known (YYYY-MM and YYYY
/// sort as text), then its place in the file (version 1 files give no
/// months).
pub type SurveyOrder = (String, usize);

fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    let mut map = HashMap::default();
    for (i, id) in ids.enumerate() {
        // The first of a duplicate wins, as validation reports the rest.
        map.entry(id.clone()).or_insert(i);
    }
    map
}

impl Dataset {
    /// Puts points in year order and rows in rank order, so that views can
    /// walk them as they are (stable: rows of equal rank keep the file's
    /// order), and indexes the ids. Call again after changing the dataset.
    pub fn prepare(&mut self) {
        for s in &mut self.growth.series {
            s.points.sort_by_key(|p| p.year);
        }
        for t in &mut self.rankings {
            // A table without ranks keeps the file's order.
            t.rows.sort_by_key(|r| r.rank);
        }
        self.lookup = Lookup {
            sources: positions(self.sources.iter().map(|s| &s.id)),
            platforms: positions(self.platforms.iter().map(|p| &p.id)),
            surveys: positions(self.surveys.iter().map(|s| &s.id)),
            tables: positions(self.rankings.iter().map(|t| &t.id)),
            rows: self
                .rankings
                .iter()
                .map(|t| positions(t.rows.iter().map(|r| &r.platform)))
                .collect(),
            family_breaks: HashMap::default(),
        };
        let mut family_breaks: HashMap<String, Vec<(SurveyOrder, usize)>> = HashMap::default();
        for (i, b) in self.breaks.iter().enumerate() {
            if let Some(s) = self.survey(&b.from) {
                let at = self.survey_order(s);
                family_breaks
                    .entry(s.family.clone())
                    .or_default()
                    .push((at, i));
            }
        }
        for list in family_breaks.values_mut() {
            list.sort_unstable();
        }
        self.lookup.family_breaks = family_breaks;
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.lookup.sources.get(id).map(|&i| &self.sources[i])
    }

    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.lookup.platforms.get(id).map(|&i| &self.platforms[i])
    }

    pub fn survey(&self, id: &str) -> Option<&Survey> {
        self.survey_index(id).map(|i| &self.surveys[i])
    }

    pub fn survey_index(&self, id: &str) -> Option<usize> {
        self.lookup.surveys.get(id).copied()
    }

    /// Where `s` stands in time among its family's surveys.
    pub fn survey_order(&self, s: &Survey) -> SurveyOrder {
        (
            s.month.clone().unwrap_or_default(),
            self.survey_index(&s.id).unwrap_or(0),
        )
    }

    /// The breaks of `family`, in order of when they start.
    pub fn family_breaks(&self, family: &str) -> &[(SurveyOrder, usize)] {
        self.lookup
            .family_breaks
            .get(family)
            .map_or(&[], Vec::as_slice)
    }

    pub fn table_index(&self, id: &str) -> Option<usize> {
        self.lookup.tables.get(id).copied()
    }

    /// The position of `platform`'s row in the table at `table`.
    pub fn row_index(&self, table: usize, platform: &str) -> Option<usize> {
        self.lookup.rows.get(table)?.get(platform).copied()
    }

    /// The row of `platform` in the table at `table`.
    pub fn row_of(&self, table: usize, platform: &str) -> Option<&RankRow> {
        self.row_index(table, platform)
            .map(|row| &self.rankings[table].rows[row])
    }

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
