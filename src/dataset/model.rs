//! The shape of a dataset file. Field names here are the JSON schema the
//! README documents; unknown fields are rejected so a typo never silently
//! drops a figure.

use serde::{Deserialize, Serialize};

/// The schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema: u32,
    pub essay: Essay,
    pub sources: Vec<Source>,
    pub platforms: Vec<Platform>,
    pub growth: Growth,
    pub rankings: Vec<RankingTable>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Ids to positions, built by [`Dataset::prepare`].
    #[serde(skip)]
    pub(super) lookup: super::lookup::Lookup,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Essay {
    pub title: String,
    pub blog: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub byline: String,
    pub date: String,
    pub author: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub date: String,
    pub urls: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    pub name: String,
    pub name_ja: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    pub title: String,
    pub unit: String,
    /// The first series is the essay's own view; the rest are shown beside it
    /// on request ("later estimates").
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub label: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Estimate,
    Projection,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Estimate => "estimate",
            Kind::Projection => "projection",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub year: i32,
    pub sns_users: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internet_users: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_pct: Option<f64>,
    pub kind: Kind,
    pub sources: Vec<String>,
    /// The essay's own words for this figure; must occur in the essay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingTable {
    pub id: String,
    pub title: String,
    pub survey: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_size: Option<u32>,
    pub population: String,
    pub metric: String,
    pub unit: String,
    /// Another table's id: this table then shows each platform's rank change
    /// against it, and the two are shown together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<String>,
    pub rows: Vec<RankRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankRow {
    pub rank: u32,
    pub platform: String,
    /// Absent where the source gives the rank but not the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
}
