//! The shape of a dataset file, as read: [`RawDataset`] and its parts.
//! Field names here are the JSON schema the README documents; unknown
//! fields are rejected so a typo never silently drops a figure. Every
//! string is a [`CleanString`], cleaned as it is read. A raw dataset is
//! not checked: [`super::Dataset::new`] checks one and indexes it.

use serde::{Deserialize, Serialize};

use super::bilingual::Bilingual;
use super::clean::CleanString;

/// The schema version this build writes; it reads this one and version 1
/// (see `super::v1`), which it upgrades in memory.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    pub schema: u32,
    pub essay: Essay,
    pub sources: Vec<Source>,
    pub platforms: Vec<Platform>,
    /// The surveys the ranking tables come from.
    pub surveys: Vec<Survey>,
    /// Changes of method within a family of surveys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<Break>,
    pub growth: Growth,
    pub rankings: Vec<RankingTable>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Essay {
    pub title: CleanString,
    pub blog: CleanString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<CleanString>,
    pub byline: CleanString,
    pub date: CleanString,
    pub author: CleanString,
    pub paragraphs: Vec<CleanString>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: CleanString,
    pub publisher: CleanString,
    pub title: CleanString,
    /// YYYY-MM-DD, or YYYY-MM or YYYY where only that much is known.
    pub date: CleanString,
    pub urls: Vec<CleanString>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: CleanString,
    pub name: CleanString,
    pub name_ja: CleanString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<CleanString>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    pub title: Bilingual,
    pub unit: Bilingual,
    /// The first series is the essay's own view; the rest are shown beside it
    /// on request ("later figures").
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: CleanString,
    /// Up to its first " (" it is the series' short name.
    pub label: Bilingual,
    /// False for a series only the ledger lists, never the chart (a
    /// projection the essay did not see); such series come last.
    #[serde(default = "charted", skip_serializing_if = "is_charted")]
    pub chart: bool,
    pub points: Vec<Point>,
}

fn charted() -> bool {
    true
}

fn is_charted(chart: &bool) -> bool {
    *chart
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A figure for a time that had passed, or was current, when the report
    /// was written (推計).
    Estimate,
    /// A year-end the report expects, usually its own year (見込み).
    Expected,
    /// A later year (予測, 見通し).
    Projection,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Estimate, Kind::Expected, Kind::Projection];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Estimate => "estimate",
            Kind::Expected => "expected",
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
    pub sources: Vec<CleanString>,
    /// The essay's own words for this figure; must occur in the essay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<CleanString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<CleanString>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingTable {
    pub id: CleanString,
    pub title: Bilingual,
    /// The id of the survey the table comes from.
    pub survey: CleanString,
    /// Whom the figures count.
    pub population: Bilingual,
    /// Whether the survey's sample size is this table's base.
    pub base: Base,
    pub metric: Bilingual,
    /// Tables of one unit are drawn on one scale.
    pub unit: CleanString,
    /// Another table's id: the two are shown together, and this one says how
    /// each platform stands against the other: a change where the other is
    /// an earlier survey, a comparison of populations where it is the same
    /// survey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<CleanString>,
    /// What the comparison shown cannot say for itself, beside it: where
    /// the source compares with a survey whose figures are not at hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_note: Option<Bilingual>,
    pub rows: Vec<RankRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankRow {
    /// Absent in every row of a table whose source gives figures but no
    /// ranking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    pub platform: CleanString,
    /// The name the source uses here, where it differs from the platform's
    /// ("X (formerly Twitter)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Bilingual>,
    /// Absent where the source gives the rank but not the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub sources: Vec<CleanString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<CleanString>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub title: CleanString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<CleanString>,
    pub text: CleanString,
    /// Source ids; [`ESSAY_SOURCE`] cites the essay itself.
    pub sources: Vec<CleanString>,
}

/// The source id that names the essay itself, for notes about it.
pub const ESSAY_SOURCE: &str = "essay";

/// One wave of a survey: who was asked, when, and how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    pub id: CleanString,
    /// Surveys of one family repeat one method over the years, so their
    /// figures can be set side by side, across the [`Break`]s.
    pub family: CleanString,
    pub name: Bilingual,
    /// YYYY-MM, or YYYY where only the year is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<CleanString>,
    /// Respondents in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Bilingual>,
    /// What counted as using a platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Bilingual>,
    pub sources: Vec<CleanString>,
}

/// Whose answers a table's figures are shares of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Base {
    /// Every respondent: the survey's sample size is the table's base.
    Survey,
    /// A part of the respondents (smartphone users); its size unpublished.
    Subgroup,
    /// Each figure from the users of that service; their numbers unpublished.
    Users,
    /// The file does not say (a version 1 file).
    Unstated,
}

/// A change of method from one survey of a family on: any comparison
/// across it must say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    /// The first survey measured the new way.
    pub from: CleanString,
    pub title: Bilingual,
    pub text: Bilingual,
    pub sources: Vec<CleanString>,
}
