//! The views the explorer moves between.

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Growth,
    Rankings,
    Essay,
    Sources,
    Trends,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Growth,
        Tab::Rankings,
        Tab::Essay,
        Tab::Sources,
        Tab::Trends,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Tab::Growth => lang.pick("Growth", "推移"),
            Tab::Rankings => lang.pick("Rankings", "ランキング"),
            Tab::Essay => lang.pick("Essay", "エッセイ"),
            Tab::Sources => lang.pick("Sources", "出典"),
            Tab::Trends => lang.pick("Trends", "トレンド"),
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The tab `delta` places on, wrapping round.
    pub fn cycle(self, delta: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(self.index() as isize + delta).rem_euclid(n) as usize]
    }
}
