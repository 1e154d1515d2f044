//! Finding the essay's own words: a quote matches where its words occur in
//! order, separated by any run of white space, beginning where a word of
//! the essay begins (a one-word quote may stand anywhere). The essay as published uses
//! no-break spaces in places a person typing a quote would type a space.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The essay with white space folded, for checking many quotes in one pass.
pub struct QuoteIndex {
    /// Paragraphs with each run of white space as one space, each led by a
    /// character that cleaned text never holds, so no quote spans two and
    /// every word starts after a space or that character.
    text: String,
}

/// What leads each paragraph in [`QuoteIndex`]'s text.
const PARAGRAPH: u8 = 0;

impl QuoteIndex {
    pub fn new<S: AsRef<str>>(paragraphs: &[S]) -> Self {
        let bytes = paragraphs.iter().map(|p| p.as_ref().len()).sum::<usize>() + paragraphs.len();
        let mut text = String::with_capacity(bytes);
        for p in paragraphs {
            text.push(char::from(PARAGRAPH));
            push_normalised(&mut text, p.as_ref());
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
    /// of several words must begin where a word does, that is after a
    /// space or at a paragraph's start; a one-word quote may stand
    /// anywhere. All are looked for at once, so the cost is the essay's
    /// length plus the quotes', however often their words recur.
    pub fn missing<'a>(&self, quotes: impl Iterator<Item = &'a str>) -> HashSet<String> {
        let wanted: HashSet<String> = quotes
            .map(QuoteIndex::normalise)
            .filter(|q| !q.is_empty())
            .collect();
        let mut trie = Trie::default();
        let ends: Vec<(&String, Vec<u32>)> = wanted
            .iter()
            .map(|q| {
                // What may stand before the quote: nothing, or where a word starts.
                let leads: &[&[u8]] = if q.contains(' ') {
                    &[b" ", &[PARAGRAPH]]
                } else {
                    &[b""]
                };
                let ends = leads
                    .iter()
                    // A quote longer than the essay cannot be in it: no nodes.
                    .filter(|lead| lead.len() + q.len() <= self.text.len())
                    .map(|lead| trie.insert(lead.iter().chain(q.as_bytes())))
                    .collect();
                (q, ends)
            })
            .collect();
        let found = trie.found_in(self.text.as_bytes());
        ends.into_iter()
            .filter(|(_, ends)| !ends.iter().any(|&e| found[e as usize]))
            .map(|(q, _)| q.clone())
            .collect()
    }
}

/// Byte strings looked for all at once (Aho-Corasick): a trie of them in
/// which each node also knows the longest proper suffix of its string that
/// is in the trie, where a search goes on when the next byte has no child.
#[derive(Default)]
struct Trie {
    /// (node, byte) to child; node 0 is the root, the empty string.
    child: HashMap<(u32, u8), u32>,
    /// Each node's parent and the byte that leads to it from there.
    parent: Vec<(u32, u8)>,
    depth: Vec<u32>,
}

impl Trie {
    /// Adds a string; returns its node.
    fn insert<'a>(&mut self, bytes: impl Iterator<Item = &'a u8>) -> u32 {
        if self.parent.is_empty() {
            self.parent.push((0, 0));
            self.depth.push(0);
        }
        let mut node = 0;
        for &b in bytes {
            let next = self.parent.len() as u32;
            node = *self.child.entry((node, b)).or_insert_with(|| {
                self.parent.push((node, b));
                self.depth.push(self.depth[node as usize] + 1);
                next
            });
        }
        node
    }

    /// The nodes in order of depth, the root first: each after its parent
    /// and after every node its suffix link can name.
    fn by_depth(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.parent.len() as u32).collect();
        order.sort_unstable_by_key(|&n| self.depth[n as usize]);
        order
    }

    /// Where the search goes from `node` on byte `b`, following suffix
    /// links until some node has a child for it, or the root.
    fn step(&self, links: &[u32], mut node: u32, b: u8) -> u32 {
        loop {
            if let Some(&next) = self.child.get(&(node, b)) {
                return next;
            }
            if node == 0 {
                return 0;
            }
            node = links[node as usize];
        }
    }

    /// Whether each node's string occurs in `text`. Each byte of the text
    /// moves the search once, plus suffix links that never outnumber the
    /// bytes: the cost is linear in the text and in the trie.
    fn found_in(&self, text: &[u8]) -> Vec<bool> {
        let mut found = vec![false; self.parent.len()];
        if found.is_empty() {
            return found;
        }
        let order = self.by_depth();
        let mut links = vec![0u32; self.parent.len()];
        for &n in &order {
            let (parent, b) = self.parent[n as usize];
            if parent != 0 {
                links[n as usize] = self.step(&links, links[parent as usize], b);
            }
        }
        let mut node = 0;
        found[0] = true;
        for &b in text {
            node = self.step(&links, node, b);
            found[node as usize] = true;
        }
        // A string occurs wherever one it is a suffix of does.
        for &n in order.iter().rev() {
            if found[n as usize] {
                found[links[n as usize] as usize] = true;
            }
        }
        found
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
    fn a_quote_may_open_the_essay_and_the_first_paragraph_needs_no_lead() {
        let index = QuoteIndex::new(&["one two".to_string(), "two three".to_string()]);
        let missing = index.missing(["one two", "two three", "one", "ne two"].into_iter());
        assert_eq!(missing.into_iter().collect::<Vec<_>>(), ["ne two"]);
    }

    /// The hostile shape that took 16 s: many quotes whose first word is
    /// the essay's every word. Checked in one pass, it is a moment's work
    /// even in a debug build; looked for at each place the first word
    /// stands, it was quotes times places.
    #[test]
    fn many_quotes_of_a_common_first_word_cost_one_pass() {
        let essay = vec!["the ".repeat(200_000) + "the x1"];
        let quotes: Vec<String> = (0..2_000).map(|i| format!("the x{i}K")).collect();
        let index = QuoteIndex::new(&essay);
        let missing = index.missing(quotes.iter().map(String::as_str));
        assert_eq!(missing.len(), quotes.len());
        assert!(index.missing(["the the x1"].into_iter()).is_empty());
    }

    /// A string found only as the suffix of a longer one ("cd" in "abcd")
    /// is found whatever order the strings went into the trie: suffix
    /// links are made shallow nodes first, not in the order of insertion.
    #[test]
    fn a_suffix_of_a_longer_string_is_found_in_any_order_of_insertion() {
        let strings = ["abcd", "bc", "cd"];
        for order in [
            [0, 1, 2],
            [0, 2, 1],
            [1, 0, 2],
            [1, 2, 0],
            [2, 0, 1],
            [2, 1, 0],
        ] {
            let mut trie = Trie::default();
            let ends = order.map(|i| trie.insert(strings[i].as_bytes().iter()));
            let found = trie.found_in(b"abcd");
            for (i, end) in order.iter().zip(ends) {
                assert!(found[end as usize], "{:?} in order {order:?}", strings[*i]);
            }
        }
    }

    proptest::proptest! {
        /// The index says what [`find_quote`] says, paragraph by paragraph.
        #[test]
        fn the_index_agrees_with_find_quote(
            paragraphs in proptest::collection::vec("[ab \u{a0}]{0,12}", 1..4),
            quotes in proptest::collection::vec("[ab ]{1,6}", 1..8),
        ) {
            let index = QuoteIndex::new(&paragraphs);
            let missing = index.missing(quotes.iter().map(String::as_str));
            for q in &quotes {
                let found = paragraphs.iter().any(|p| find_quote(p, q).is_some());
                let normal = QuoteIndex::normalise(q);
                proptest::prop_assert_eq!(
                    !found,
                    normal.is_empty() || missing.contains(&normal),
                    "{:?} in {:?}", q, paragraphs
                );
            }
        }
    }

    #[test]
    fn blank_needle_matches_nothing() {
        assert_eq!(find_quote("abc", "  "), None);
    }
}
