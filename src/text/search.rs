//! Finding what a person typed: case-insensitive, any white space matching
//! any white space, over any script (Japanese has no case, and matches as
//! it is).

use std::ops::Range;

/// True when `a` and `b` read the same to a search.
fn same(a: char, b: char) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // Most text is ASCII: no case tables needed.
        return a.eq_ignore_ascii_case(&b) || (a.is_ascii_whitespace() && b.is_ascii_whitespace());
    }
    a == b || (a.is_whitespace() && b.is_whitespace()) || a.to_lowercase().eq(b.to_lowercase())
}

/// Every place `needle` occurs in `haystack`, as byte ranges, not
/// overlapping. An empty needle matches nothing.
pub fn find_all(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().collect();
    let Some(&first) = needle.first() else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    let mut from = 0;
    for (start, c) in haystack.char_indices() {
        if start < from || !same(c, first) {
            continue;
        }
        let mut rest = haystack[start..].char_indices();
        let matched = needle
            .iter()
            .all(|&n| rest.next().is_some_and(|(_, h)| same(h, n)));
        if matched {
            let end = rest.next().map_or(haystack.len(), |(at, _)| start + at);
            hits.push(start..end);
            from = end;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case() {
        assert_eq!(
            find_all("LINE and line and Line", "line"),
            [0..4, 9..13, 18..22]
        );
    }

    #[test]
    fn white_space_matches_any_white_space() {
        let text = "users in Japan\u{a0}is 95.6";
        assert_eq!(find_all(text, "japan is"), vec![9..18]);
    }

    #[test]
    fn matches_japanese_text() {
        let text = "2013年 SNS利用動向に関する調査";
        let hits = find_all(text, "利用動向");
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].clone()], "利用動向");
    }

    #[test]
    fn hits_do_not_overlap_and_empty_finds_nothing() {
        assert_eq!(find_all("aaaa", "aa"), [0..2, 2..4]);
        assert!(find_all("abc", "").is_empty());
        assert!(find_all("abc", "abcd").is_empty());
    }
}
