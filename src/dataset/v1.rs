//! Schema version 1, read and upgraded in memory to the current version.
//! Only its differences are spelled out here: version 1 named a table's
//! survey in words and gave it a `sample_size` without saying whether that
//! was the table's base; every row had a rank.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::bilingual::Bilingual;
use super::clean::CleanString;
use super::model::{
    Base, Essay, Growth, Note, Platform, RankRow, RankingTable, RawDataset, SCHEMA_VERSION, Source,
    Survey,
};

/// The family every upgraded survey joins: a version 1 file says nothing
/// of methods, so its surveys are compared as one family with no breaks.
pub const FAMILY: &str = "v1";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetV1 {
    /// Its value was read already, to choose this type.
    #[serde(rename = "schema")]
    _schema: IgnoredAny,
    essay: Essay,
    sources: Vec<Source>,
    platforms: Vec<Platform>,
    growth: Growth,
    rankings: Vec<TableV1>,
    #[serde(default)]
    notes: Vec<Note>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableV1 {
    id: CleanString,
    title: Bilingual,
    survey: Bilingual,
    #[serde(default)]
    sample_size: Option<u32>,
    population: Bilingual,
    metric: Bilingual,
    unit: CleanString,
    #[serde(default)]
    compare_with: Option<CleanString>,
    rows: Vec<RowV1>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RowV1 {
    rank: u32,
    platform: CleanString,
    #[serde(default)]
    value: Option<f64>,
    sources: Vec<CleanString>,
    #[serde(default)]
    quote: Option<CleanString>,
}

impl DatasetV1 {
    /// The same figures in the current schema: one survey for each survey
    /// named, holding the first sample size given for it, and every table's
    /// base unstated.
    pub fn upgrade(self) -> RawDataset {
        let mut surveys: Vec<Survey> = Vec::new();
        let mut by_name: HashMap<CleanString, usize> = HashMap::default();
        // Each survey cites the sources of its tables' rows, once each.
        let mut cited: Vec<HashSet<CleanString>> = Vec::new();
        let rankings = self
            .rankings
            .into_iter()
            .map(|t| {
                let at = *by_name.entry(t.survey.en.clone()).or_insert_with(|| {
                    surveys.push(Survey {
                        id: format!("survey-{}", surveys.len() + 1).into(),
                        family: FAMILY.into(),
                        name: t.survey.clone(),
                        month: None,
                        sample_size: None,
                        population: None,
                        definition: None,
                        sources: Vec::new(),
                    });
                    cited.push(HashSet::default());
                    surveys.len() - 1
                });
                let survey = &mut surveys[at];
                survey.sample_size = survey.sample_size.or(t.sample_size);
                for id in t.rows.iter().flat_map(|r| &r.sources) {
                    if cited[at].insert(id.clone()) {
                        survey.sources.push(id.clone());
                    }
                }
                RankingTable {
                    id: t.id,
                    title: t.title,
                    survey: survey.id.clone(),
                    population: t.population,
                    base: Base::Unstated,
                    metric: t.metric,
                    unit: t.unit,
                    compare_with: t.compare_with,
                    compare_note: None,
                    rows: t.rows.into_iter().map(RowV1::upgrade).collect(),
                }
            })
            .collect();
        RawDataset {
            schema: SCHEMA_VERSION,
            essay: self.essay,
            sources: self.sources,
            platforms: self.platforms,
            surveys,
            breaks: Vec::new(),
            growth: self.growth,
            rankings,
            notes: self.notes,
        }
    }
}

impl RowV1 {
    fn upgrade(self) -> RankRow {
        RankRow {
            rank: Some(self.rank),
            platform: self.platform,
            name: None,
            value: self.value,
            sources: self.sources,
            quote: self.quote,
        }
    }
}
