//! Bars as glyphs, for the chart, the tables and `print` alike: every bar,
//! of every kind, drawn to an eighth of a cell on one scale ([`eighths`]),
//! so a bigger figure is never drawn shorter and equal figures are drawn
//! equal. The kind shows in a bar's whole cells ([`body`]); where a bar
//! ends inside a cell its tip is a solid partial block, the same for every
//! kind, since a hatched block cannot be cut to eighths. A bar under one
//! cell tall is only its tip: its kind is then in the detail.

use crate::dataset::Kind;

/// The partial blocks, 1/8 to 7/8 of a cell, for each way a bar grows: the
/// one table of them.
const PARTIAL: [[char; 7]; 2] = [
    ['▁', '▂', '▃', '▄', '▅', '▆', '▇'],
    ['▏', '▎', '▍', '▌', '▋', '▊', '▉'],
];

/// The glyph of a bar's whole cells, by the kind of its figure: the
/// denser, the firmer. `█` an estimate (counted or estimated after the
/// year), `▓` a report's expectation (見込み) for the year it is published
/// in, `▒` a projection of a year still to come.
pub fn body(kind: Kind) -> char {
    match kind {
        Kind::Estimate => '█',
        Kind::Expected => '▓',
        Kind::Projection => '▒',
    }
}

/// Which way a bar grows from its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grow {
    /// From the bottom of a cell: the chart's columns.
    Up,
    /// From the left of a cell: bars in running text.
    Right,
}

/// The solid block filling `eighths` (taken modulo 8) eighths of a cell
/// from its base; None when that is none of it.
pub fn partial(grow: Grow, eighths: u32) -> Option<char> {
    let part = (eighths % 8) as usize;
    (part > 0).then(|| PARTIAL[grow as usize][part - 1])
}

/// How many eighths of a cell stand for `value` where `max` fills `cells`
/// cells: rounded to the nearest eighth, never below zero or past `cells`.
/// Every kind of bar goes through here and nothing rounds it again, so
/// the drawn length keeps the order of the figures.
pub fn eighths(value: f64, max: f64, cells: usize) -> u32 {
    if max.is_nan() || max <= 0.0 || value.is_nan() {
        return 0;
    }
    ((value / max).clamp(0.0, 1.0) * cells as f64 * 8.0).round() as u32
}

/// A bar's cells from its base outwards: whole cells of its kind's glyph,
/// then the partial block its length ends in, if any.
pub fn bar_cells(kind: Kind, grow: Grow, eighths: u32) -> impl Iterator<Item = char> {
    std::iter::repeat_n(body(kind), (eighths / 8) as usize).chain(partial(grow, eighths))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_blocks_fill_their_eighths_either_way() {
        assert_eq!(partial(Grow::Up, 0), None);
        assert_eq!(partial(Grow::Up, 1), Some('▁'));
        assert_eq!(partial(Grow::Up, 7), Some('▇'));
        assert_eq!(partial(Grow::Right, 4), Some('▌'));
        assert_eq!(partial(Grow::Right, 8 + 3), Some('▍'));
        assert_eq!(partial(Grow::Right, 16), None, "whole cells only");
    }

    #[test]
    fn bars_of_every_kind_are_exact_to_an_eighth() {
        for kind in Kind::ALL {
            let b = body(kind);
            let text: String = bar_cells(kind, Grow::Right, 2 * 8 + 5).collect();
            assert_eq!(text, format!("{b}{b}▋"));
            let text: String = bar_cells(kind, Grow::Up, 3 * 8).collect();
            assert_eq!(text, format!("{b}{b}{b}"), "no tip on a whole cell");
            assert_eq!(bar_cells(kind, Grow::Up, 3).collect::<String>(), "▃");
            assert_eq!(bar_cells(kind, Grow::Up, 0).count(), 0);
        }
    }

    #[test]
    fn each_kind_has_its_own_glyph() {
        let bodies: Vec<char> = Kind::ALL.iter().map(|&k| body(k)).collect();
        assert_eq!(bodies, ['█', '▓', '▒']);
        for p in PARTIAL.iter().flatten() {
            assert!(!bodies.contains(p), "a tip is never taken for a body");
        }
    }

    #[test]
    fn the_scale_rounds_to_eighths_and_stays_in_the_chart() {
        assert_eq!(eighths(63.21, 72.16, 8), 56);
        assert_eq!(eighths(64.88, 72.16, 8), 58);
        assert_eq!(eighths(72.16, 72.16, 8), 64);
        assert_eq!(eighths(80.0, 72.16, 8), 64, "never past the top");
        assert_eq!(eighths(-1.0, 72.16, 8), 0, "never below the base");
        assert_eq!(eighths(1.0, 0.0, 8), 0, "no scale, no bar");
        assert_eq!(eighths(f64::NAN, 1.0, 8), 0);
    }
}
