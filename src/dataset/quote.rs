//! Finding the essay's own words: a quote matches where its words occur in
//! order, separated by any run of white space. The essay as published uses
//! no-break spaces in places a person typing a quote would type a space.

use std::ops::Range;

/// The byte range of the first place `needle` occurs in `haystack`, white
/// space folded as above. An all-blank needle matches nothing.
pub fn find_quote(haystack: &str, needle: &str) -> Option<Range<usize>> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = *words.first()?;
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(first) {
        let start = from + pos;
        if let Some(end) = match_rest(haystack, start + first.len(), &words[1..]) {
            return Some(start..end);
        }
        from = start + first.chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn match_rest(haystack: &str, mut at: usize, words: &[&str]) -> Option<usize> {
    for word in words {
        let rest = &haystack[at..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            return None;
        }
        at += rest.len() - trimmed.len();
        if !trimmed.starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_no_break_spaces() {
        let essay = "users in Japan\u{a0}is 95.6 million";
        assert_eq!(find_quote(essay, "Japan is 95.6"), Some(9..23));
    }

    #[test]
    fn needs_white_space_where_the_quote_has_it() {
        assert_eq!(find_quote("secondis LINE", "second is"), None);
    }

    #[test]
    fn words_must_be_in_order() {
        assert_eq!(find_quote("is LINE second", "second is"), None);
    }

    #[test]
    fn retries_after_a_false_start() {
        assert_eq!(find_quote("the top the second", "the second"), Some(8..18));
    }

    #[test]
    fn blank_needle_matches_nothing() {
        assert_eq!(find_quote("abc", "  "), None);
    }
}
