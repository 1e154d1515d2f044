//! How figures are written, in the TUI and in plain prints alike.

pub mod fold;
pub mod table;

use crate::dataset::{CleanString, Dataset, RankingTable};
use crate::lang::Lang;

/// Figures this large or larger, in absolute value, are written in
/// scientific notation: no source counts that high, and a data file's 1e308
/// written out in full would be 309 digits.
const LARGE: f64 = 1e15;

/// Figures smaller than this, in absolute value and not zero, are written
/// in scientific notation too: 5e-324 written out in full is 326 characters.
const SMALL: f64 = 1e-6;

/// A figure as the sources give it: the shortest form that reads back as
/// the same number, so 34 stays "34" and 47.6 stays "47.6". Zero is "0",
/// never "-0". Beyond the figures a source gives, at or above [`LARGE`] or
/// below [`SMALL`] in absolute value, it is written in scientific notation
/// ("1e308", "-2.5e-7"), so no figure is wider than about 25 characters.
pub fn value(v: f64) -> String {
    if v == 0.0 {
        // -0.0 too: a difference of equal figures is nothing, not a negative.
        "0".into()
    } else if (SMALL..LARGE).contains(&v.abs()) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// A table's title with what it measures, unless the title says so
/// already ("2013, all respondents · usage rate", but "2013, satisfaction").
pub fn table_title(t: &RankingTable, lang: Lang) -> String {
    let (name, metric) = (t.title.get(lang), t.metric.get(lang));
    if name.contains(metric) {
        name.to_string()
    } else {
        format!("{name} · {metric}")
    }
}

/// A figure with its unit, one way everywhere: the percent sign close up
/// ("27%"), any other unit after a space ("75.9 points").
pub fn with_unit(v: f64, unit: &str) -> String {
    match unit {
        "%" => format!("{}%", value(v)),
        "" => value(v),
        unit => format!("{} {unit}", value(v)),
    }
}

/// A bar column's header: zero at its left and the figure a full bar stands
/// for at its right, so a reader sees where bars start and what they span;
/// nothing where the column is too narrow for both. A rate keeps its "%";
/// other units are named in the figure column's header beside it.
pub fn axis(width: usize, scale: f64, unit: &str) -> String {
    let end = if unit == "%" {
        with_unit(scale, unit)
    } else {
        value(scale)
    };
    match width.checked_sub(1 + end.chars().count()) {
        Some(gap) if gap > 0 && scale > 0.0 => format!("0{}{end}", " ".repeat(gap)),
        _ => String::new(),
    }
}

/// Millions, with at least two decimals: the sources count in 万 (10,000),
/// so 95.10 million is written as they wrote it. The decimals are added to
/// [`value`]'s text, so zero is "0.00" and a figure in scientific notation
/// is left as it is rather than written out in full.
pub fn millions(v: f64) -> String {
    let short = value(v);
    match short.split_once('.') {
        _ if short.contains('e') => short,
        None => format!("{short}.00"),
        Some((_, decimals)) if decimals.len() == 1 => format!("{short}0"),
        Some(_) => short,
    }
}

/// `v` written in at most `width` columns, rounding off decimals as needed;
/// None if even the whole number is too wide. Millions keep two decimals
/// where they fit ([`millions`]); other figures are written as given.
pub fn fit(v: f64, width: usize, as_millions: bool) -> Option<String> {
    let full = if as_millions { millions(v) } else { value(v) };
    if full.len() <= width {
        return Some(full);
    }
    (0..2)
        .rev()
        .map(|d| rounded(v, d))
        .find(|s| s.len() <= width)
}

/// `v` rounded half away from zero to `decimals` places, as a person
/// rounds: 49.65 to one place is 49.7 (as the essay writes it), where
/// formatting the binary value directly would give 49.6.
pub fn rounded(v: f64, decimals: usize) -> String {
    let scale = 10f64.powi(decimals as i32);
    format!("{:.decimals$}", (v * scale).round() / scale)
}

/// `x - y` written back to the precision of the figures it comes from, so
/// that 47.6 - 39.9 is 7.7 and not 7.700000000000003.
pub fn difference(x: f64, y: f64) -> f64 {
    let decimals = |v: f64| value(v).split_once('.').map_or(0, |(_, d)| d.len());
    let scale = 10f64.powi(decimals(x).max(decimals(y)).min(6) as i32);
    ((x - y) * scale).round() / scale
}

/// A figure with its sign, as the sources' precision gives it: "+27",
/// "-3.5", "0".
pub fn signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", value(v))
    } else if v < 0.0 {
        format!("-{}", value(-v))
    } else {
        "0".into()
    }
}

/// 12000 as "12,000".
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A signed change, "+6.76" or "-1.20".
pub fn change(delta: f64) -> String {
    let sign = if delta < 0.0 { "-" } else { "+" };
    format!("{sign}{}", rounded(delta.abs(), 2))
}

/// The sources behind a figure, as "id (publisher, date); ...", the
/// publisher without its parenthesis: the Sources tab has the rest.
pub fn sources(d: &Dataset, ids: &[CleanString]) -> String {
    ids.iter()
        .map(|id| match d.source(id) {
            Some(s) => format!(
                "{id} ({}, {})",
                s.publisher.split(" (").next().unwrap_or(&s.publisher),
                s.date
            ),
            None => id.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// How many items a listing names before it counts the rest.
const LISTED: usize = 12;

/// The items joined, or past [`LISTED`] items the first ones and a count
/// of the rest: "1, 2, … 12 and 88 more". A list a file can make as long
/// as it likes never makes a line as long.
pub fn listing(items: &[String]) -> String {
    if items.len() <= LISTED {
        return items.join(", ");
    }
    format!(
        "{} and {} more",
        items[..LISTED].join(", "),
        items.len() - LISTED
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_nothing_is_plus_zero_never_minus_zero() {
        assert_eq!(change(0.0), "+0.00");
        assert_eq!(change(-0.0), "+0.00");
        assert_eq!(change(-1.204), "-1.20");
        assert_eq!(change(6.756), "+6.76");
    }

    #[test]
    fn an_axis_spans_its_column_or_is_left_out() {
        assert_eq!(axis(10, 100.0, "%"), "0     100%");
        assert_eq!(axis(8, 75.9, "points"), "0   75.9");
        // Too narrow for a space between 0 and the end: no axis, not
        // "0100%".
        assert_eq!(axis(5, 100.0, "%"), "");
        assert_eq!(axis(4, 100.0, "%"), "");
        // A scale of nothing spans nothing.
        assert_eq!(axis(20, 0.0, "points"), "");
    }

    #[test]
    fn long_listings_are_counted_not_spelled_out() {
        let few: Vec<String> = (1..=3).map(|i| i.to_string()).collect();
        assert_eq!(listing(&few), "1, 2, 3");
        let many: Vec<String> = (1..=100).map(|i| i.to_string()).collect();
        assert_eq!(
            listing(&many),
            "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 88 more"
        );
    }

    #[test]
    fn millions_keep_two_decimals() {
        assert_eq!(millions(95.1), "95.10");
        assert_eq!(millions(49.65), "49.65");
        assert_eq!(millions(100.125), "100.125");
        assert_eq!(millions(60.0), "60.00");
    }

    #[test]
    fn zero_has_no_sign() {
        assert_eq!(value(-0.0), "0");
        assert_eq!(millions(-0.0), "0.00");
        assert_eq!(with_unit(-0.0, "%"), "0%");
    }

    #[test]
    fn figures_beyond_any_source_are_written_short() {
        assert_eq!(value(999_999_999_999_999.0), "999999999999999");
        assert_eq!(value(1e15), "1e15");
        assert_eq!(value(1e308), "1e308");
        assert_eq!(value(-2.5e20), "-2.5e20");
        assert_eq!(value(0.000001), "0.000001");
        assert_eq!(value(5e-324), "5e-324");
        assert_eq!(millions(1e308), "1e308");
        assert_eq!(millions(f64::MAX), "1.7976931348623157e308");
        assert_eq!(with_unit(1e300, "points"), "1e300 points");
    }

    #[test]
    fn fit_rounds_rather_than_truncates() {
        assert_eq!(fit(49.65, 5, true).as_deref(), Some("49.65"));
        assert_eq!(fit(49.65, 4, true).as_deref(), Some("49.7"));
        assert_eq!(fit(95.56, 4, true).as_deref(), Some("95.6"));
        assert_eq!(fit(63.21, 2, true).as_deref(), Some("63"));
        assert_eq!(fit(100.12, 2, true), None);
        assert_eq!(fit(52.0, 5, false).as_deref(), Some("52"));
        assert_eq!(fit(65.3, 3, false).as_deref(), Some("65"));
    }

    #[test]
    fn differences_keep_the_figures_precision() {
        assert_eq!(difference(47.6, 39.9), 7.7);
        assert_eq!(signed(difference(47.6, 39.9)), "+7.7");
        assert_eq!(signed(difference(27.0, 54.0)), "-27");
        assert_eq!(signed(difference(34.0, 34.0)), "0");
        assert_eq!(difference(64.88, 63.21), 1.67);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(12000), "12,000");
        assert_eq!(thousands(4193), "4,193");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(change(49.65 - 42.89), "+6.76");
        assert_eq!(change(-1.2), "-1.20");
    }
}
