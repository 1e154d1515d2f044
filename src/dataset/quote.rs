//! Finding the essay's own words: a quote matches where its words occur in
//! order, separated by any run of white space, beginning where a word of
//! the essay begins (a one-word quote may stand anywhere). The essay as published uses
//! no-break spaces in places a person typing a quote would type a space.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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

    /// The normalised quotes, of those given, that occur nowhere. A quote
    /// of several words must begin where a word does; a one-word quote may
    /// stand anywhere. Only the places where a quote's first word stands
    /// are tried, so many quotes cost one pass over the text.
    pub fn missing<'a>(&self, quotes: impl Iterator<Item = &'a str>) -> HashSet<String> {
        let wanted: HashSet<String> = quotes
            .map(QuoteIndex::normalise)
            .filter(|q| !q.is_empty())
            .collect();
        let firsts: HashSet<&str> = wanted
            .iter()
            .filter_map(|q| q.split_once(' ').map(|(w, _)| w))
            .collect();
        let mut places: HashMap<&str, Vec<usize>> = HashMap::default();
        if !firsts.is_empty() {
            let mut start = 0;
            for (i, b) in self.text.bytes().chain([b' ']).enumerate() {
                if b == b' ' || b == 0 {
                    if let Some(&word) = firsts.get(&self.text[start..i]) {
                        places.entry(word).or_default().push(start);
                    }
                    start = i + 1;
                }
            }
        }
        wanted
            .iter()
            .filter(|q| match q.split_once(' ') {
                Some((first, _)) => !places
                    .get(first)
                    .is_some_and(|at| at.iter().any(|&p| self.text[p..].starts_with(q.as_str()))),
                None => !self.text.contains(q.as_str()),
            })
            .cloned()
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
        // Several words begin where a word does, as QuoteIndex has them.
        let at_word = words.len() == 1
            || haystack[..start]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
        if let Some(end) =
            match_rest(haystack, start + first.len(), &words[1..]).filter(|_| at_word)
        {
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
    fn several_words_begin_where_a_word_does() {
        assert_eq!(
            find_quote("this LINE, then is LINE", "is LINE"),
            Some(16..23)
        );
        let index = QuoteIndex::new(&["this LINE".to_string()]);
        assert_eq!(
            index
                .missing(["is LINE", "is"].into_iter())
                .into_iter()
                .collect::<Vec<_>>(),
            ["is LINE"]
        );
    }

    #[test]
    fn blank_needle_matches_nothing() {
        assert_eq!(find_quote("abc", "  "), None);
    }
}
