//! Finding the essay's own words: a quote matches where its words occur in
//! order, separated by any run of white space. The essay as published uses
//! no-break spaces in places a person typing a quote would type a space.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashSet as HashSet;

/// The essay with white space folded, for checking many quotes in one pass.
pub struct QuoteIndex {
    /// Paragraphs with each run of white space as one space, joined by a
    /// character that cleaned text never holds, so no quote spans two.
    text: String,
}

impl QuoteIndex {
    pub fn new(paragraphs: &[String]) -> Self {
        let bytes = paragraphs.iter().map(String::len).sum::<usize>() + paragraphs.len();
        let mut text = String::with_capacity(bytes);
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                text.push('\u{0}');
            }
            push_normalised(&mut text, p);
        }
        QuoteIndex { text }
    }

    /// Words separated by single spaces, as both sides are compared.
    pub fn normalise(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        push_normalised(&mut out, s);
        out
    }

    /// The normalised quotes, of those given, that occur nowhere.
    pub fn missing<'a>(&self, quotes: impl Iterator<Item = &'a str>) -> HashSet<String> {
        let wanted: Vec<String> = quotes
            .map(QuoteIndex::normalise)
            .filter(|q| !q.is_empty())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        if wanted.is_empty() {
            return HashSet::default();
        }
        // A DFA searches faster but takes long to build; one pass over the
        // text does not pay for it.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&wanted);
        let Ok(automaton) = automaton else {
            // Too large an automaton for the quotes: look for each alone.
            return wanted
                .into_iter()
                .filter(|q| !self.text.contains(q.as_str()))
                .collect();
        };
        let mut found = vec![false; wanted.len()];
        for m in automaton.find_overlapping_iter(&self.text) {
            found[m.pattern().as_usize()] = true;
        }
        wanted
            .into_iter()
            .zip(found)
            .filter(|(_, f)| !f)
            .map(|(q, _)| q)
            .collect()
    }
}

fn push_normalised(out: &mut String, s: &str) {
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

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
    fn the_index_finds_quotes_across_white_space_but_not_across_paragraphs() {
        let index = QuoteIndex::new(&["one\u{a0}two  three".to_string(), "four five".to_string()]);
        let missing =
            index.missing(["one two", "two\nthree", "three four", "five", "six"].into_iter());
        let mut missing: Vec<String> = missing.into_iter().collect();
        missing.sort();
        assert_eq!(missing, ["six", "three four"]);
    }

    #[test]
    fn blank_needle_matches_nothing() {
        assert_eq!(find_quote("abc", "  "), None);
    }
}
