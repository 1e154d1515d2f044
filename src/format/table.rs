//! A ranking table's cells, as the screen and `print` write them: the
//! platform column's room, the figure and the bar.

use crate::bars::{Grow, bar_cells, eighths};
use crate::dataset::{Dataset, Kind, RankingTable};
use crate::lang::Lang;
use crate::width::str_width;

use super::with_unit;

/// The platform column never takes more than this share of a table's
/// width; longer names are cut with an ellipsis (the detail has them whole).
pub const NAME_SHARE: usize = 3;

/// The most a platform column may take of `width` columns.
pub fn name_room(width: usize) -> usize {
    (width / NAME_SHARE).max(8)
}

/// The width of a table's platform column, at least that of its header.
pub fn name_width(d: &Dataset, t: &RankingTable) -> usize {
    let names = t.rows.iter().map(|r| str_width(Lang::En.row_name(d, r)));
    names.max().unwrap_or(0).max("Platform".len())
}

/// A row's figure as its cell shows it: "34%", "75.9", or "—" where the
/// source publishes only the rank.
pub fn value_cell(t: &RankingTable, value: Option<f64>) -> String {
    let mut cell = String::new();
    write_value_cell(&mut cell, t, value);
    cell
}

/// [`value_cell`] written over `out`, so a frame can reuse one buffer.
pub fn write_value_cell(out: &mut String, t: &RankingTable, value: Option<f64>) {
    out.clear();
    match value {
        // The unit is in the column's header; a rate keeps its sign.
        Some(v) if t.unit == "%" => out.push_str(&with_unit(v, "%")),
        Some(v) => out.push_str(&super::value(v)),
        None => out.push('—'),
    }
}

/// The width of a table's figure column, at least that of its unit header.
pub fn value_width(t: &RankingTable) -> usize {
    let cells = t.rows.iter().map(|r| str_width(&value_cell(t, r.value)));
    cells.max().unwrap_or(0).max(str_width(&t.unit))
}

/// A row's bar where `width` cells stand for `scale` (none where the
/// scale is nothing: `eighths` draws nothing of it), or words where there
/// is no figure to draw.
pub fn bar_cell(value: Option<f64>, scale: f64, width: usize, lang: Lang) -> String {
    match value {
        Some(v) => hbar(v, scale, width).collect(),
        None => lang.pick("not published", "非公表").to_string(),
    }
}

/// The glyphs of a horizontal bar for `value` where `width` cells stand
/// for `scale`, exact to an eighth of a cell.
pub fn hbar(value: f64, scale: f64, width: usize) -> impl Iterator<Item = char> {
    bar_cells(Kind::Estimate, Grow::Right, eighths(value, scale, width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_measured_in_eighths() {
        assert_eq!(bar_cell(Some(100.0), 100.0, 4, Lang::En), "████");
        assert_eq!(bar_cell(Some(50.0), 100.0, 3, Lang::En), "█▌");
        assert_eq!(bar_cell(Some(0.0), 100.0, 10, Lang::En), "");
        assert_eq!(
            bar_cell(Some(5.0), 0.0, 10, Lang::En),
            "",
            "a scale of nothing"
        );
        assert_eq!(bar_cell(None, 100.0, 10, Lang::En), "not published");
        assert_eq!(bar_cell(None, 100.0, 10, Lang::Ja), "非公表");
    }

    #[test]
    fn figures_are_written_as_everywhere() {
        let d = crate::dataset::load(None).unwrap().dataset;
        let rate = &d.rankings[0];
        assert_eq!(value_cell(rate, Some(34.0)), "34%");
        assert_eq!(value_cell(rate, Some(-0.0)), "0%");
        assert_eq!(value_cell(rate, None), "—");
        let points = d.rankings.iter().find(|t| t.unit == "points").unwrap();
        assert_eq!(value_cell(points, Some(75.9)), "75.9");
    }
}
