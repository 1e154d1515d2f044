//! Tables in plain text that fold on narrow paper. A row too wide for the
//! paper breaks between its columns, at the same places in every row and
//! in the header, and each later line is indented past the first column:
//! every column still stands under its heading and each row reads as one
//! block. A cell too wide for any line is word-wrapped, indented the same.

use std::ops::Range;

use crate::text::{Doc, Mark, Marked, wrap_with_origins};
use crate::width::{pad, str_width};

/// Columns on one line are this far apart.
const GAP: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub width: usize,
    /// Padded on the left, as figures are.
    pub right: bool,
    /// Kept on the line of the column before it where both fit on one,
    /// as a bar beside its figure.
    pub glued: bool,
}

impl Column {
    pub fn left(width: usize) -> Column {
        Column {
            width,
            right: false,
            glued: false,
        }
    }

    pub fn right(width: usize) -> Column {
        Column {
            right: true,
            ..Column::left(width)
        }
    }

    pub fn glued(self) -> Column {
        Column {
            glued: true,
            ..self
        }
    }
}

/// Where a table's rows break: the columns of each line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    columns: Vec<Column>,
    lines: Vec<Range<usize>>,
    /// Where every line but the first starts.
    indent: usize,
    width: usize,
}

impl Fold {
    /// Lays `columns` out on lines `width` wide: as many as fit on each,
    /// in order, a glued column with the one before it.
    pub fn new(columns: Vec<Column>, width: usize) -> Fold {
        let indent = columns.first().map_or(0, |c| c.width + GAP);
        let mut lines: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        let mut used = 0;
        let mut i = 0;
        while i < columns.len() {
            // The column and those glued to it, if they fit on a line of
            // their own; else the column alone.
            let unit_end = (i + 1..columns.len())
                .find(|&j| !columns[j].glued)
                .unwrap_or(columns.len());
            let span = |end: usize| {
                columns[i..end].iter().map(|c| c.width).sum::<usize>() + GAP * (end - i - 1)
            };
            let end = if indent + span(unit_end) <= width {
                unit_end
            } else {
                i + 1
            };
            if i > start && used + GAP + span(end) > width {
                lines.push(start..i);
                start = i;
                used = indent;
            }
            used += if i > start { GAP } else { 0 } + span(end);
            i = end;
        }
        if start < columns.len() {
            lines.push(start..columns.len());
        }
        Fold {
            columns,
            lines,
            indent,
            width,
        }
    }

    pub fn column(&self, c: usize) -> Column {
        self.columns[c]
    }

    /// The columns left free on the line of column `c`, past the last
    /// column there: what a bar in it may grow by.
    pub fn room(&self, c: usize) -> usize {
        let Some((n, line)) = self.lines.iter().enumerate().find(|(_, l)| l.contains(&c)) else {
            return 0;
        };
        let start = if n == 0 { 0 } else { self.indent };
        let used: usize = self.columns[line.clone()]
            .iter()
            .map(|c| c.width)
            .sum::<usize>()
            + GAP * (line.len() - 1);
        self.width.saturating_sub(start + used)
    }

    /// A row's lines: its cells padded to their columns, each line cut of
    /// its trailing spaces. A later line left empty (a blank cell) is not
    /// written.
    pub fn lines<S: AsRef<str>>(&self, cells: &[S]) -> Vec<String> {
        let mut out = Vec::new();
        for (n, line) in self.lines.iter().enumerate() {
            let mut text = if n == 0 {
                String::new()
            } else {
                " ".repeat(self.indent)
            };
            for (i, c) in line.clone().enumerate() {
                if i > 0 {
                    text.push_str(&" ".repeat(GAP));
                }
                let cell = cells.get(c).map_or("", AsRef::as_ref);
                let column = self.columns[c];
                text.push_str(&pad(cell, column.width, column.right));
            }
            let text = text.trim_end();
            if n == 0 || !text.is_empty() {
                out.extend(hang(text, self.indent, self.width));
            }
        }
        out
    }
}

/// `text` word-wrapped to `width`, its later lines indented by `indent`
/// (as far as the paper allows), so that a wrapped row stays one block.
pub fn hang(text: &str, indent: usize, width: usize) -> Vec<String> {
    if str_width(text) <= width {
        return vec![text.to_string()];
    }
    let doc = |s: &str| Doc {
        paras: vec![vec![Marked::new(s, Mark::Plain)]],
    };
    let joined = |line: &Vec<Marked>| line.iter().map(|m| m.text.as_str()).collect::<String>();
    let first = wrap_with_origins(&doc(text), width);
    let mut out = vec![joined(&first.lines[0]).trim_end().to_string()];
    let Some(next) = first.origins.get(1) else {
        return out;
    };
    let indent = indent.min(width / 2);
    let rest = text[next.offset..].trim_start();
    for line in wrap_with_origins(&doc(rest), width - indent).lines {
        out.push(format!(
            "{}{}",
            " ".repeat(indent),
            joined(&line).trim_end()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(fold: &Fold) -> Vec<Range<usize>> {
        fold.lines.clone()
    }

    #[test]
    fn a_row_that_fits_is_one_line() {
        let fold = Fold::new(vec![Column::left(4), Column::right(5)], 20);
        assert_eq!(placed(&fold).len(), 1, "one line");
        assert_eq!(fold.lines(&["2010", "36.71"]), ["2010  36.71"]);
        assert_eq!(fold.room(1), 20 - 11);
    }

    #[test]
    fn a_narrow_row_breaks_at_the_same_columns_under_its_first() {
        let columns = vec![
            Column::left(4),
            Column::right(9),
            Column::right(8),
            Column::right(5),
        ];
        let fold = Fold::new(columns, 22);
        assert_eq!(placed(&fold), [0..2, 2..4]);
        assert_eq!(
            fold.lines(&["year", "SNS users", "internet", "share"]),
            ["year  SNS users", "      internet  share"]
        );
        assert_eq!(
            fold.lines(&["2010", "36.71", "—", "38.8%"]),
            ["2010      36.71", "             —  38.8%"]
        );
    }

    #[test]
    fn a_glued_column_moves_with_the_one_before_it() {
        let columns = vec![
            Column::left(4),
            Column::left(8),
            Column::right(4),
            Column::left(8).glued(),
        ];
        // The figure would fit after the name, but not with its bar.
        let fold = Fold::new(columns.clone(), 24);
        assert_eq!(placed(&fold), [0..2, 2..4]);
        assert_eq!(fold.room(3), 24 - 6 - 14);
        // Where the two fit on no line together, they part.
        let fold = Fold::new(columns, 16);
        assert_eq!(placed(&fold), [0..2, 2..3, 3..4]);
    }

    #[test]
    fn an_empty_later_line_is_left_out() {
        let fold = Fold::new(vec![Column::left(4), Column::left(10)], 10);
        assert_eq!(fold.lines(&["2013", ""]), ["2013"]);
    }

    #[test]
    fn a_cell_wider_than_a_line_wraps_under_the_indent() {
        let fold = Fold::new(vec![Column::left(4), Column::left(30)], 20);
        let lines = fold.lines(&["2014", "→ 60.23 ict-2014  -6.3%  -2 pts"]);
        assert_eq!(
            lines,
            [
                "2014",
                "      → 60.23",
                "      ict-2014",
                "      -6.3%  -2 pts"
            ]
        );
        assert!(lines.iter().all(|l| str_width(l) <= 20));
    }

    #[test]
    fn hanging_lines_keep_the_indent() {
        assert_eq!(
            hang("2013-05     27%  ict-2013, ict-2014", 9, 20),
            ["2013-05     27%", "         ict-2013,", "         ict-2014"]
        );
        assert_eq!(hang("short", 4, 20), ["short"]);
        // An indent of more than half the width is cut to half, so the
        // lines under it keep room for their words.
        let lines = hang("aaaa bbbb cccc dddd eeee ffff", 30, 12);
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("      ") && !l.starts_with("       ")),
            "{lines:?}"
        );
    }
}
