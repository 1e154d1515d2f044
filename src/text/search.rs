//! Finding what a person typed: case-insensitive, any white space matching
//! any white space, over any script (Japanese has no case, and matches as
//! it is).
//!
//! Each character is folded to one character (white space to a space,
//! letters to lower case), so a match of the folded texts is a match
//! character for character, and a search is one linear scan of a folded
//! copy ([`memchr::memmem`]): a document is folded once ([`Folded`]), and a
//! query that extends the one before only narrows its matches.

use std::ops::Range;

use memchr::memmem;

use super::Doc;

/// How a search reads `c`. A character whose lower case is several (only
/// 'İ') stays itself, so folding never changes the number of characters.
fn fold(c: char) -> char {
    if c.is_ascii() {
        // Most text is ASCII: no case tables needed.
        return if c.is_ascii_whitespace() || c == '\x0b' {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
    }
    if c.is_whitespace() {
        return ' ';
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// `s` folded, as a query is.
pub fn fold_query(s: &str) -> String {
    s.chars().map(fold).collect()
}

/// An offset or count as stored: texts are far under 4 GiB (files are
/// capped at 64 MiB), so this only saturates in theory.
pub fn stored(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every place `needle` occurs in `haystack`, as byte ranges, not
/// overlapping. An empty needle matches nothing.
pub fn find_all(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let folded = fold_query(haystack);
    let needle = fold_query(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    // Folding may change a character's length (a no-break space becomes a
    // space): walk both texts together to map the matches back, in order.
    let mut chars = haystack.chars();
    let (mut at, mut folded_at) = (0, 0);
    let mut original = move |target: usize| {
        while folded_at < target {
            let Some(c) = chars.next() else { break };
            folded_at += fold(c).len_utf8();
            at += c.len_utf8();
        }
        at
    };
    memmem::find_iter(folded.as_bytes(), needle.as_bytes())
        .map(|start| original(start)..original(start + needle.len()))
        .collect()
}

/// A document folded for search: every paragraph's text folded, each
/// followed by a line break that no query holds, so no match crosses
/// paragraphs; with marks that map offsets between it and the document.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    /// In order: one at each paragraph's start and then one every
    /// [`MARK_EVERY`] bytes or so, so that no offset is far from a mark.
    marks: Vec<FoldMark>,
}

/// Bytes of a paragraph between marks: a mapping walks at most this far.
const MARK_EVERY: usize = 256;

#[derive(Debug, Clone, Copy)]
struct FoldMark {
    folded: u32,
    para: u32,
    offset: u32,
    /// Whether every character up to the next mark folds to one of the
    /// same length, so offsets there map by addition.
    same_lengths: bool,
}

/// Where a folded offset is in the document: a paragraph and a byte offset
/// in its text.
pub type Place = (usize, usize);

impl Folded {
    /// Folds `doc`, asking `go_on` after each paragraph with the paragraphs
    /// done; None once it says stop.
    pub fn new(doc: &Doc, go_on: &mut dyn FnMut(usize) -> bool) -> Option<Folded> {
        let mut f = Folded::default();
        for (para, spans) in doc.paras.iter().enumerate() {
            f.mark(para, 0);
            let mut offset = 0;
            for c in spans.iter().flat_map(|s| s.text.chars()) {
                if f.marks
                    .last()
                    .is_some_and(|m| offset - m.offset as usize >= MARK_EVERY)
                {
                    f.mark(para, offset);
                }
                let folded = fold(c);
                if folded.len_utf8() != c.len_utf8()
                    && let Some(last) = f.marks.last_mut()
                {
                    last.same_lengths = false;
                }
                f.text.push(folded);
                offset += c.len_utf8();
            }
            f.text.push('\n');
            if !go_on(para + 1) {
                return None;
            }
        }
        Some(f)
    }

    fn mark(&mut self, para: usize, offset: usize) {
        self.marks.push(FoldMark {
            folded: stored(self.text.len()),
            para: stored(para),
            offset: stored(offset),
            same_lengths: true,
        });
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The place in `doc` (the document folded) of the folded offset `at`,
    /// which must be a character boundary of the folded text.
    pub fn place(&self, doc: &Doc, at: usize) -> Place {
        let i = self
            .marks
            .partition_point(|m| m.folded as usize <= at)
            .saturating_sub(1);
        let Some(mark) = self.marks.get(i) else {
            return (0, 0);
        };
        let (para, from) = (mark.para as usize, mark.offset as usize);
        let ahead = at - mark.folded as usize;
        if mark.same_lengths {
            return (para, from + ahead);
        }
        let mut folded = 0;
        let mut offset = from;
        for c in para_chars(doc, para, from) {
            if folded >= ahead {
                break;
            }
            folded += fold(c).len_utf8();
            offset += c.len_utf8();
        }
        (para, offset)
    }

    /// The folded offset of a place in `doc`, a character boundary of its
    /// paragraph.
    pub fn offset(&self, doc: &Doc, (para, offset): Place) -> usize {
        let i = self
            .marks
            .partition_point(|m| (m.para as usize, m.offset as usize) <= (para, offset))
            .saturating_sub(1);
        let Some(mark) = self.marks.get(i) else {
            return 0;
        };
        // Every paragraph has a mark at its start: this one is `para`'s.
        let (from, folded) = (mark.offset as usize, mark.folded as usize);
        if mark.same_lengths {
            return folded + offset - from;
        }
        let mut at = from;
        let mut folded = folded;
        for c in para_chars(doc, para, from) {
            if at >= offset {
                break;
            }
            at += c.len_utf8();
            folded += fold(c).len_utf8();
        }
        folded
    }
}

/// The characters of paragraph `para` of `doc` from byte `from` on.
fn para_chars(doc: &Doc, para: usize, from: usize) -> impl Iterator<Item = char> + '_ {
    let mut skip = from;
    doc.paras[para].iter().flat_map(move |span| {
        let s = span.text.get(skip.min(span.text.len())..).unwrap_or("");
        skip = skip.saturating_sub(span.text.len());
        s.chars()
    })
}

/// What a search found: where each match starts in the folded text, in
/// order and not overlapping; every match is `len` folded bytes long.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// The query as folded.
    pub query: String,
    pub starts: Vec<u32>,
    pub len: usize,
}

/// Bytes of folded text a search scans between asking whether to go on.
const CHUNK: usize = 1 << 20;

/// Every match of `query` in `folded`, as [`find_all`] finds them.
/// `previous`, the matches of an earlier query, is narrowed when `query`
/// extends it, instead of scanning the text again. `go_on` is asked after
/// each stretch of work, with the share done (0 to 1) and the matches so
/// far; None once it says stop.
pub fn find_matches(
    folded: &Folded,
    query: &str,
    previous: Option<&Matches>,
    go_on: &mut dyn FnMut(f64, usize) -> bool,
) -> Option<Matches> {
    let needle = fold_query(query);
    let starts = if needle.is_empty() {
        Vec::new()
    } else {
        match previous.filter(|p| narrows(p, &needle)) {
            Some(p) => narrow(folded.text.as_bytes(), p, needle.as_bytes(), go_on)?,
            None => scan(folded.text.as_bytes(), needle.as_bytes(), go_on)?,
        }
    };
    Some(Matches {
        len: needle.len(),
        query: needle,
        starts,
    })
}

/// Whether the matches of `p` hold every place `needle` occurs: `needle`
/// extends `p`'s query, and that query cannot overlap itself (no proper
/// prefix of it is also a suffix), so its matches are all its occurrences.
fn narrows(p: &Matches, needle: &str) -> bool {
    !p.query.is_empty() && needle.starts_with(&p.query) && !overlaps_itself(p.query.as_bytes())
}

/// Whether two occurrences of `q` can overlap: whether it has a border,
/// found with the prefix function of Knuth, Morris and Pratt in linear time.
fn overlaps_itself(q: &[u8]) -> bool {
    let mut border = vec![0usize; q.len()];
    for i in 1..q.len() {
        let mut k = border[i - 1];
        while k > 0 && q[i] != q[k] {
            k = border[k - 1];
        }
        if q[i] == q[k] {
            k += 1;
        }
        border[i] = k;
    }
    border.last().is_some_and(|&b| b > 0)
}

/// The matches of `p` that `needle` also matches, not overlapping.
fn narrow(
    text: &[u8],
    p: &Matches,
    needle: &[u8],
    go_on: &mut dyn FnMut(f64, usize) -> bool,
) -> Option<Vec<u32>> {
    let rest = &needle[p.len..];
    let mut starts = Vec::new();
    let mut after = 0;
    for (i, &start) in p.starts.iter().enumerate() {
        let start = start as usize;
        let at = start + p.len;
        if start >= after && text.get(at..at + rest.len()) == Some(rest) {
            starts.push(stored(start));
            after = start + needle.len();
        }
        if (i + 1) % (CHUNK / 16) == 0 && !go_on(i as f64 / p.starts.len() as f64, starts.len()) {
            return None;
        }
    }
    Some(starts)
}

/// Every match of `needle` in `text`, a chunk at a time.
fn scan(text: &[u8], needle: &[u8], go_on: &mut dyn FnMut(f64, usize) -> bool) -> Option<Vec<u32>> {
    let finder = memmem::Finder::new(needle);
    let mut starts = Vec::new();
    // No match may start before `after`, the end of the one before.
    let (mut chunk, mut after) = (0, 0);
    while chunk < text.len() {
        let end = (chunk + CHUNK).min(text.len());
        let from = after.max(chunk);
        if from < end {
            // Matches that start in this chunk, wherever they end.
            let window = &text[from..(end + needle.len() - 1).min(text.len())];
            for i in finder.find_iter(window) {
                starts.push(stored(from + i));
                after = from + i + needle.len();
            }
        }
        chunk = end;
        if !go_on(chunk as f64 / text.len() as f64, starts.len()) {
            return None;
        }
    }
    Some(starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Mark, Marked};

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
        assert_eq!(find_all(text, "japan\u{3000}is 95"), vec![9..21]);
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

    #[test]
    fn a_letter_whose_lower_case_is_longer_maps_back_whole() {
        // 'Ⱥ' is two bytes, 'ⱥ' three; the Kelvin sign three bytes, 'k' one.
        let text = "Ⱥa \u{212a}elvin Ⱥa";
        assert_eq!(find_all(text, "ⱥa"), [0..3, 13..16]);
        assert_eq!(find_all(text, "kelvin"), vec![4..12]);
        assert_eq!(find_all("İi", "i"), vec![2..3], "'İ' matches only itself");
    }

    fn doc(paras: &[&str]) -> Doc {
        Doc {
            paras: paras
                .iter()
                .map(|p| {
                    // Two spans a paragraph, split at its middle character.
                    let mid = p
                        .char_indices()
                        .nth(p.chars().count() / 2)
                        .map_or(0, |c| c.0);
                    vec![
                        Marked::new(&p[..mid], Mark::Plain),
                        Marked::new(&p[mid..], Mark::Figure),
                    ]
                })
                .collect(),
        }
    }

    #[test]
    fn places_map_both_ways_through_characters_that_change_length() {
        let long = format!("{}\u{a0}Ⱥ end", "x".repeat(600));
        let d = doc(&["a\u{a0}b Ⱥc", "", &long]);
        let f = Folded::new(&d, &mut |_| true).unwrap();
        for (para, text) in ["a\u{a0}b Ⱥc", "", long.as_str()].iter().enumerate() {
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let at = f.offset(&d, (para, offset));
                assert_eq!(f.place(&d, at), (para, offset), "{para} {offset}");
            }
        }
        let found = find_matches(&f, "ⱥ", None, &mut |_, _| true).unwrap();
        let places: Vec<Place> = found
            .starts
            .iter()
            .map(|&s| f.place(&d, s as usize))
            .collect();
        assert_eq!(places, [(0, 5), (2, 602)]);
    }

    #[test]
    fn matches_never_cross_paragraphs() {
        let d = doc(&["ends with a", "b starts"]);
        let f = Folded::new(&d, &mut |_| true).unwrap();
        assert!(
            find_matches(&f, "a b", None, &mut |_, _| true)
                .unwrap()
                .starts
                .is_empty()
        );
    }

    #[test]
    fn an_extended_query_narrows_unless_its_start_can_overlap_itself() {
        let d = doc(&["aaab", "abab abc"]);
        let f = Folded::new(&d, &mut |_| true).unwrap();
        let fresh = |q: &str| find_matches(&f, q, None, &mut |_, _| true).unwrap();
        let aa = fresh("aa");
        assert!(!narrows(&aa, "aab"), "\"aa\" overlaps itself");
        let ab = fresh("ab");
        assert!(narrows(&ab, "abc"));
        let abc = find_matches(&f, "abc", Some(&ab), &mut |_, _| true).unwrap();
        assert_eq!(abc, fresh("abc"));
        assert_eq!(abc.starts.len(), 1);
    }

    #[test]
    fn a_search_told_to_stop_stops() {
        let d = doc(&["abc"]);
        let f = Folded::new(&d, &mut |_| true).unwrap();
        assert_eq!(find_matches(&f, "b", None, &mut |_, _| false), None);
        assert!(Folded::new(&d, &mut |_| false).is_none());
    }
}
