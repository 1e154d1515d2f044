//! Finds what the Essay tab highlights: platform names and figures.

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashSet as HashSet;

use super::{Mark, Marked};

/// Marks platform names and figures in text. Names are found by one
/// automaton over them all (leftmost-longest, ASCII case folded), so
/// marking costs the text's length however many names share a word.
pub struct Marker {
    names: Option<AhoCorasick>,
}

/// `word` in ASCII lower case, written over `buf`.
fn lowercase_into(buf: &mut String, word: &str) {
    buf.clear();
    buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
}

/// The words of `s`, split at anything not a letter or digit.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl Marker {
    /// A marker for `names` as they may occur in `texts`: a name with a word
    /// that no text holds cannot occur, and is left out, which keeps the
    /// automaton to the names that matter.
    pub fn new(names: &[&str], texts: &[impl AsRef<str>]) -> Marker {
        // The distinct words of the texts, in lower case: a reused buffer
        // lowercases each word, so only a word not seen before allocates.
        let mut held: HashSet<String> = HashSet::default();
        let mut lower = String::new();
        for word in texts.iter().flat_map(|t| words(t.as_ref())) {
            lowercase_into(&mut lower, word);
            if !held.contains(lower.as_str()) {
                held.insert(lower.clone());
            }
        }
        let occurring: Vec<&str> = names
            .iter()
            .copied()
            .filter(|name| {
                words(name).next().is_some()
                    && words(name).all(|w| {
                        lowercase_into(&mut lower, w);
                        held.contains(lower.as_str())
                    })
            })
            .collect();
        // The longest name wins where two start together ("Google+" over
        // "Google"). An automaton is built only for names that can occur.
        let names = (!occurring.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&occurring)
                    .ok()
            })
            .flatten();
        Marker { names }
    }

    /// Where names occur in `text`, in order, whole words only.
    fn names_in(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(names) = &self.names else {
            return Vec::new();
        };
        names
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .filter(|&(start, end)| starts_word(text, start) && ends_word(text, end))
            .collect()
    }

    /// Splits `text` into spans, marking each platform name (any case,
    /// whole words only) and each figure: a number with its decimal point,
    /// thousands commas, percent sign and a following "million".
    pub fn mark(&self, text: &str) -> Vec<Marked> {
        let mut names = self.names_in(text).into_iter().peekable();
        let bytes = text.as_bytes();
        let mut spans = Vec::new();
        let (mut plain, mut i) = (0, 0);
        while i < text.len() {
            let digit = bytes[i..]
                .iter()
                .position(u8::is_ascii_digit)
                .map(|n| i + n);
            let name = names.peek().map(|&(start, _)| start);
            let (at, found) = match (digit, name) {
                (_, Some(n)) if digit.is_none_or(|d| n <= d) => {
                    let (start, end) = names.next().unwrap_or((n, n));
                    (start, Some((end, Mark::Platform)))
                }
                (Some(d), _) => {
                    let figure = starts_word(text, d)
                        .then(|| figure_len(&text[d..]))
                        .flatten();
                    (d, figure.map(|n| (d + n, Mark::Figure)))
                }
                (None, _) => break,
            };
            match found {
                Some((end, mark)) => {
                    if plain < at {
                        spans.push(Marked::new(&text[plain..at], Mark::Plain));
                    }
                    spans.push(Marked::new(&text[at..end], mark));
                    (plain, i) = (end, end);
                }
                // A digit inside a word: skip its run of digits.
                None => {
                    i = at
                        + bytes[at..]
                            .iter()
                            .take_while(|b| b.is_ascii_digit())
                            .count()
                            .max(1)
                }
            }
            while names.peek().is_some_and(|&(start, _)| start < i) {
                names.next();
            }
        }
        if plain < text.len() {
            spans.push(Marked::new(&text[plain..], Mark::Plain));
        }
        spans
    }
}

fn starts_word(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

fn figure_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let mut n = 1;
    while n < b.len() {
        let digit_after = b.get(n + 1).is_some_and(u8::is_ascii_digit);
        match b[n] {
            c if c.is_ascii_digit() => n += 1,
            b'.' | b',' if digit_after => n += 1,
            _ => break,
        }
    }
    if b.get(n) == Some(&b'%') {
        n += 1;
    }
    if !ends_word(rest, n) {
        return None;
    }
    for gap in [" ", "\u{a0}"] {
        let unit = format!("{gap}million");
        if rest[n..].starts_with(&unit) && ends_word(rest, n + unit.len()) {
            return Some(n + unit.len());
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<(String, Mark)> {
        Marker::new(&["LINE", "mixi", "Google+"], &[text.to_string()])
            .mark(text)
            .into_iter()
            .filter(|s| s.mark != Mark::Plain)
            .map(|s| (s.text, s.mark))
            .collect()
    }

    #[test]
    fn marks_figures_with_units() {
        let found = marked("is 95.6 million, and 52% of them (49.7 million) of 12,000 users.");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["95.6 million", "52%", "49.7 million", "12,000"]);
        assert!(found.iter().all(|(_, m)| *m == Mark::Figure));
    }

    #[test]
    fn marks_platforms_in_any_case_as_whole_words() {
        let found = marked("Mixi and LINE; not LINEAR nor online; Google+ too");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Mixi", "LINE", "Google+"]);
    }

    #[test]
    fn keeps_every_character() {
        let text = "LINE me! 🙂 2015. ミクシィ";
        let joined: String = Marker::new(&["LINE"], &[text.to_string()])
            .mark(text)
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn names_of_several_words_match_in_any_case() {
        let text = "see PLATFORM 7 and Platform 70";
        let spans = Marker::new(&["Platform 7", "Platform 8"], &[text.to_string()]).mark(text);
        let marked: Vec<(&str, Mark)> = spans
            .iter()
            .filter(|s| s.mark != Mark::Plain)
            .map(|s| (s.text.as_str(), s.mark))
            .collect();
        assert_eq!(
            marked,
            [("PLATFORM 7", Mark::Platform), ("70", Mark::Figure)]
        );
    }

    #[test]
    fn digits_inside_words_are_not_figures() {
        assert!(marked("mp3 and B2B").is_empty());
    }

    #[test]
    fn a_trailing_full_stop_is_not_part_of_a_figure() {
        assert_eq!(marked("by 2015."), [("2015".to_string(), Mark::Figure)]);
    }
}
