//! The order of a table's rows: by rank, platform or figure, either way.

use crate::dataset::{Dataset, RankingTable};
use crate::lang::Lang;

/// The column a table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Rank,
    Platform,
    Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    pub const RANK: Sort = Sort {
        key: SortKey::Rank,
        descending: false,
    };

    /// Rank up, rank down, platform A-Z, Z-A, value high-low, low-high.
    pub fn next(self) -> Sort {
        let (key, descending) = match (self.key, self.descending) {
            (SortKey::Rank, false) => (SortKey::Rank, true),
            (SortKey::Rank, true) => (SortKey::Platform, false),
            (SortKey::Platform, false) => (SortKey::Platform, true),
            (SortKey::Platform, true) => (SortKey::Value, true),
            (SortKey::Value, true) => (SortKey::Value, false),
            (SortKey::Value, false) => (SortKey::Rank, false),
        };
        Sort { key, descending }
    }

    /// What the order is, for a file written in it: "by platform ▼".
    pub fn describe(self, lang: Lang) -> String {
        let key = match self.key {
            SortKey::Rank => lang.pick("rank", "順位"),
            SortKey::Platform => lang.pick("platform", "サービス名"),
            SortKey::Value => lang.pick("figure", "数値"),
        };
        let arrow = self.arrow(self.key).trim();
        crate::tr!(lang, "by {key} {arrow}", "{key}順 {arrow}")
    }

    /// The header's mark on the sorted column: ▲ first to last as the
    /// column reads, ▼ the other way.
    pub(super) fn arrow(self, key: SortKey) -> &'static str {
        match (self.key == key, self.descending) {
            (false, _) => "",
            (true, false) => " ▲",
            (true, true) => " ▼",
        }
    }

    /// Row indices of `t` in this order. Rows without a figure stay last
    /// when sorting by figure, whichever the direction.
    pub(super) fn order(self, d: &Dataset, t: &RankingTable, lang: Lang) -> Vec<usize> {
        let mut order: Vec<usize> = (0..t.rows.len()).collect();
        match self.key {
            SortKey::Rank => order.sort_by_key(|&i| t.rows[i].rank),
            SortKey::Platform => {
                order.sort_by_cached_key(|&i| lang.platform(d, &t.rows[i].platform).to_lowercase())
            }
            SortKey::Value => order.sort_by(|&a, &b| {
                let (x, y) = (t.rows[a].value, t.rows[b].value);
                match (x, y) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
            }),
        }
        if self.descending {
            match self.key {
                SortKey::Value => {
                    let published = order
                        .iter()
                        .take_while(|&&i| t.rows[i].value.is_some())
                        .count();
                    order[..published].reverse();
                }
                _ => order.reverse(),
            }
        }
        order
    }
}
