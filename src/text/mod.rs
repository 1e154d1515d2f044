//! Styled text that wraps: the Essay and Sources tabs and their plain-text
//! prints are all built as a [`Doc`] and wrapped by [`wrap`].

mod essay;
mod lost_chart;
mod marks;
pub mod search;
mod sources;

pub use essay::{essay_doc, essay_paras};
pub use marks::Marker;
pub use search::{Folded, Matches, find_all, find_matches};

pub use crate::dataset::find_quote;
use crate::width::str_width;
pub use sources::sources_doc;

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// A document and its copy folded for search, built once.
#[derive(Debug)]
pub struct Searchable {
    pub doc: Doc,
    pub folded: Folded,
    /// The language its words of the interface are in.
    pub lang: crate::lang::Lang,
}

/// What a piece of text is, so the theme can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Plain,
    Title,
    Heading,
    Meta,
    Platform,
    Figure,
    Quote,
    Link,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub mark: Mark,
}

impl Marked {
    pub fn new(text: impl Into<String>, mark: Mark) -> Self {
        Marked {
            text: text.into(),
            mark,
        }
    }
}

/// One wrapped line (or one unwrapped paragraph): marked pieces in order.
/// Named apart from ratatui's `Line` and `Span`, which the views draw them as.
pub type MarkedLine = Vec<Marked>;

/// Paragraphs of styled text; an empty paragraph is a blank line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub paras: Vec<MarkedLine>,
}

impl Doc {
    pub fn push(&mut self, para: MarkedLine) {
        self.paras.push(para);
    }

    pub fn blank(&mut self) {
        self.paras.push(Vec::new());
    }
}

/// Word-wraps every paragraph to `width` columns. Breaks only at plain
/// spaces (a no-break space holds its words together), drops the spaces at
/// a break but keeps a paragraph's indent, and cuts a word wider than the
/// line wherever it must.
pub fn wrap(doc: &Doc, width: usize) -> Vec<MarkedLine> {
    wrap_with_origins(doc, width).lines
}

/// Where a wrapped line starts: its paragraph, and the byte offset in the
/// paragraph's text. A line is that text from there, unbroken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub para: usize,
    pub offset: usize,
}

/// Wrapped lines, each with where it starts in the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub lines: Vec<MarkedLine>,
    pub origins: Vec<Origin>,
}

/// Part of a match on one line: a byte range of the line's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

impl Wrapped {
    /// The hits a byte range of paragraph `para` makes on the lines. A line
    /// is its paragraph's text from its origin, so the range maps onto it
    /// by subtraction; spaces dropped at a break make no hit.
    pub fn locate(&self, para: usize, range: Range<usize>) -> Vec<Hit> {
        // The last line starting at or before the range, unless the range
        // starts in spaces before the paragraph's first line (an indent
        // wider than a line): then that first line.
        let first = self
            .origins
            .partition_point(|o| (o.para, o.offset) <= (para, range.start))
            .saturating_sub(1)
            .max(self.origins.partition_point(|o| o.para < para));
        let mut hits = Vec::new();
        for (line, (spans, origin)) in self.lines.iter().zip(&self.origins).enumerate().skip(first)
        {
            if origin.para != para || origin.offset >= range.end {
                break;
            }
            let len = spans.iter().map(|s| s.text.len()).sum::<usize>();
            let (start, end) = (
                range.start.max(origin.offset),
                range.end.min(origin.offset + len),
            );
            if start < end {
                hits.push(Hit {
                    line,
                    start: start - origin.offset,
                    end: end - origin.offset,
                });
            }
        }
        hits
    }
}

/// As [`wrap`], keeping where each line starts, so that a place in a
/// paragraph (a search hit, a quote) can be found on screen.
pub fn wrap_with_origins(doc: &Doc, width: usize) -> Wrapped {
    wrap_stepwise(doc, width, &mut |_| true).unwrap_or_default()
}

/// As [`wrap_with_origins`], asking `go_on` after each paragraph with the
/// paragraphs done, so a large text can report progress and be stopped;
/// None once it says stop.
pub fn wrap_stepwise(
    doc: &Doc,
    width: usize,
    go_on: &mut dyn FnMut(usize) -> bool,
) -> Option<Wrapped> {
    let width = width.max(1);
    let mut out = Wrapped::default();
    for (para, spans) in doc.paras.iter().enumerate() {
        wrap_para(spans, width, para, &mut out);
        if !go_on(para + 1) {
            return None;
        }
    }
    Some(out)
}

/// Builds one output line from marked pieces, merging runs of a mark.
#[derive(Default)]
struct LineBuf {
    spans: MarkedLine,
    width: usize,
    /// The paragraph offset of the first piece, once there is one.
    start: Option<usize>,
}

impl LineBuf {
    fn push(&mut self, s: &str, mark: Mark, w: usize, offset: usize) {
        self.start.get_or_insert(offset);
        match self.spans.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(s),
            _ => self.spans.push(Marked::new(s, mark)),
        }
        self.width += w;
    }

    fn take(&mut self) -> (MarkedLine, usize) {
        self.width = 0;
        (
            std::mem::take(&mut self.spans),
            self.start.take().unwrap_or(0),
        )
    }
}

/// A run of spaces or of a word's characters, gathered across spans, each
/// piece with its byte offset in the paragraph.
#[derive(Default)]
struct Run<'a> {
    pieces: Vec<(&'a str, Mark, usize)>,
    width: usize,
}

impl<'a> Run<'a> {
    fn last_char(&self) -> Option<char> {
        self.pieces.last().and_then(|p| p.0.chars().next_back())
    }

    fn add(&mut self, s: &'a str, mark: Mark, offset: usize) {
        self.pieces.push((s, mark, offset));
        self.width += str_width(s);
    }

    fn clear(&mut self) {
        self.pieces.clear();
        self.width = 0;
    }
}

struct Wrapper<'a, 'o> {
    width: usize,
    para: usize,
    out: &'o mut Wrapped,
    line: LineBuf,
    first: bool,
    spaces: Run<'a>,
    word: Run<'a>,
}

impl<'a> Wrapper<'a, '_> {
    fn end_line(&mut self) {
        let (line, offset) = self.line.take();
        self.out.lines.push(line);
        self.out.origins.push(Origin {
            para: self.para,
            offset,
        });
    }

    /// Places the spaces and the word gathered so far.
    fn flush(&mut self) {
        if self.first {
            // A paragraph's own indent is kept, as far as the line allows:
            // its last columns, so that the line is still the paragraph's
            // text from where it starts, unbroken, as its origin says.
            let mut skip = self.spaces.width.saturating_sub(self.width - 1);
            for &(s, mark, offset) in &self.spaces.pieces {
                let n = skip.min(s.len());
                skip -= n;
                if n < s.len() {
                    self.line.push(&s[n..], mark, s.len() - n, offset + n);
                }
            }
            self.first = false;
        } else if self.line.width + self.spaces.width + self.word.width <= self.width {
            for &(s, mark, offset) in &self.spaces.pieces {
                self.line.push(s, mark, s.len(), offset);
            }
        } else {
            self.end_line();
        }
        if self.line.width + self.word.width <= self.width {
            for &(s, mark, offset) in &self.word.pieces {
                self.line.push(s, mark, str_width(s), offset);
            }
        } else {
            // Wider than a line: cut wherever it must.
            let pieces = std::mem::take(&mut self.word.pieces);
            for &(s, mark, offset) in &pieces {
                for (at, c) in s.char_indices() {
                    let w = char_width(c);
                    if self.line.width + w > self.width && self.line.width > 0 {
                        self.end_line();
                    }
                    self.line
                        .push(&s[at..at + c.len_utf8()], mark, w, offset + at);
                }
            }
        }
        self.spaces.clear();
        self.word.clear();
    }
}

fn wrap_para(spans: &[Marked], width: usize, para: usize, out: &mut Wrapped) {
    if spans.iter().all(|s| s.text.is_empty()) {
        out.lines.push(Vec::new());
        out.origins.push(Origin { para, offset: 0 });
        return;
    }
    let first_line = out.lines.len();
    let mut w = Wrapper {
        width,
        para,
        out,
        line: LineBuf::default(),
        first: true,
        spaces: Run::default(),
        word: Run::default(),
    };
    let mut offset = 0;
    for span in spans {
        let mut rest = span.text.as_str();
        while !rest.is_empty() {
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            let n = if spaces > 0 {
                if !w.word.pieces.is_empty() {
                    w.flush();
                }
                w.spaces.add(&rest[..spaces], span.mark, offset);
                spaces
            } else {
                let end = word_end(rest);
                // A word after a word with no space between: a line may
                // break there (beside a wide character).
                if !w.word.pieces.is_empty() && breaks_before(w.word.last_char(), rest) {
                    w.flush();
                }
                w.word.add(&rest[..end], span.mark, offset);
                end
            };
            rest = &rest[n..];
            offset += n;
        }
    }
    w.flush();
    // Spaces alone, on a line with no room for them, are still a line.
    if !w.line.spans.is_empty() || w.out.lines.len() == first_line {
        w.end_line();
    }
}

/// Punctuation a line must not start with (Japanese 行頭禁則): it stays
/// with the character before it.
const NO_LINE_START: &str =
    "、。，．・：；？！」』）】〕〉》ーっゃゅょァィゥェォッャュョぁぃぅぇぉ々";

/// Punctuation a line must not end with (行末禁則): it goes with the
/// character after it.
const NO_LINE_END: &str = "(（「『【〔〈《“‘";

/// Whether a character is wide (CJK), where lines may break without a
/// space.
fn is_wide(c: char) -> bool {
    char_width(c) > 1
}

/// Where the word at the start of `rest` (no leading space) ends: at a
/// space, or, for text without spaces between words as Japanese is, at
/// each wide character (with the punctuation that may not start a line),
/// and where narrow text meets wide.
fn word_end(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    if is_wide(first) {
        let tail = &rest[first.len_utf8()..];
        let held = tail.len() - tail.trim_start_matches(|c| NO_LINE_START.contains(c)).len();
        return first.len_utf8() + held;
    }
    chars
        .find(|&(_, c)| c == ' ' || is_wide(c))
        .map_or(rest.len(), |(at, _)| at)
}

/// Whether a line may break between `before` and the word starting `rest`:
/// beside a wide character, unless `rest` starts with what may not start a
/// line.
fn breaks_before(before: Option<char>, rest: &str) -> bool {
    let Some(next) = rest.chars().next() else {
        return false;
    };
    (before.is_some_and(is_wide) || is_wide(next))
        && !NO_LINE_START.contains(next)
        && !before.is_some_and(|c| NO_LINE_END.contains(c))
}

/// Display width of a character; control characters are cleaned away at
/// load, so those that remain count as nothing.
fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The plain text of a line.
pub fn plain(line: &[Marked]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn japanese_wraps_between_characters_keeping_latin_words_and_punctuation() {
        let text = "y と Y は OSC 52 で送る。kitty、WezTerm、Windows Terminal は受け取る。";
        let mut doc = super::Doc::default();
        doc.push(vec![super::Marked::new(text, super::Mark::Plain)]);
        // From the widest word and what it holds to it ("WezTerm、").
        for width in 10..40 {
            let lines: Vec<String> = super::wrap(&doc, width)
                .iter()
                .map(|l| super::plain(l))
                .collect();
            for l in &lines {
                assert!(super::str_width(l) <= width, "{width}: {l:?} in {lines:?}");
                assert!(!l.starts_with(['、', '。']), "{width}: {l:?} starts a line");
            }
            // Latin words whole: each is on one line.
            for word in ["kitty", "WezTerm", "Windows", "Terminal"] {
                assert!(
                    lines.iter().any(|l| l.contains(word)),
                    "{width}: {word} cut in {lines:?}"
                );
            }
            // Nothing lost: the lines are the text, less spaces at breaks.
            let joined: String = lines.concat().replace(' ', "");
            assert_eq!(joined, text.replace(' ', ""), "{width}");
        }
    }

    use super::*;

    fn wrap_plain(text: &str, width: usize) -> Vec<String> {
        let doc = Doc {
            paras: vec![vec![Marked::new(text, Mark::Plain)]],
        };
        wrap(&doc, width).iter().map(|l| plain(l)).collect()
    }

    #[test]
    fn wraps_at_spaces_and_drops_them_at_breaks() {
        assert_eq!(
            wrap_plain("the quick brown fox", 10),
            ["the quick", "brown fox"]
        );
    }

    #[test]
    fn never_breaks_at_a_no_break_space() {
        assert_eq!(wrap_plain("aa bb\u{a0}cc", 6), ["aa", "bb\u{a0}cc"]);
    }

    #[test]
    fn keeps_a_paragraphs_indent_but_not_spaces_at_breaks() {
        assert_eq!(wrap_plain("   1  LINE  54%", 10), ["   1  LINE", "54%"]);
    }

    #[test]
    fn each_line_knows_where_it_starts_in_its_paragraph() {
        let doc = Doc {
            paras: vec![
                vec![
                    Marked::new("the quick ", Mark::Plain),
                    Marked::new("brown fox", Mark::Figure),
                ],
                vec![],
            ],
        };
        let wrapped = wrap_with_origins(&doc, 10);
        let starts: Vec<(usize, usize)> =
            wrapped.origins.iter().map(|o| (o.para, o.offset)).collect();
        assert_eq!(starts, [(0, 0), (0, 10), (1, 0)]);
        let text = "the quick brown fox";
        for (line, origin) in wrapped.lines.iter().zip(&wrapped.origins).take(2) {
            let plain = plain(line);
            assert_eq!(&text[origin.offset..origin.offset + plain.len()], plain);
        }
    }

    #[test]
    fn an_indent_wider_than_the_line_keeps_its_last_columns() {
        // The paragraph at the Essay tab's width in an 80x24
        // terminal: the line must be the text from where it says it starts.
        let text = format!("{}é and more", " ".repeat(100));
        let doc = Doc {
            paras: vec![vec![Marked::new(text.as_str(), Mark::Plain)]],
        };
        let wrapped = wrap_with_origins(&doc, 77);
        let lines: Vec<String> = wrapped.lines.iter().map(|l| plain(l)).collect();
        assert_eq!(lines, [format!("{}é", " ".repeat(76)), "and more".into()]);
        let starts: Vec<usize> = wrapped.origins.iter().map(|o| o.offset).collect();
        assert_eq!(starts, [24, 103]);
        assert_eq!(
            wrapped.locate(0, 100..106),
            [
                Hit {
                    line: 0,
                    start: 76,
                    end: 78
                },
                Hit {
                    line: 1,
                    start: 0,
                    end: 3
                }
            ]
        );
        // A match in the spaces cut from the indent shows from the line's start.
        assert_eq!(
            wrapped.locate(0, 20..26),
            [Hit {
                line: 0,
                start: 0,
                end: 2
            }]
        );
    }

    #[test]
    fn spaces_alone_on_a_line_with_no_room_are_still_a_line() {
        assert_eq!(wrap_plain("   ", 1), [""]);
    }

    #[test]
    fn cuts_words_longer_than_the_line() {
        assert_eq!(wrap_plain("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn counts_wide_characters_as_two_columns() {
        assert_eq!(wrap_plain("ミクシィ", 5), ["ミク", "シィ"]);
        for line in wrap_plain("フェイスブック ツイッター", 7) {
            assert!(str_width(&line) <= 7, "{line}");
        }
    }

    #[test]
    fn keeps_marks_across_breaks() {
        let doc = Doc {
            paras: vec![vec![
                Marked::new("see ", Mark::Plain),
                Marked::new("LINE", Mark::Platform),
            ]],
        };
        let lines = wrap(&doc, 4);
        assert_eq!(
            lines,
            vec![
                vec![Marked::new("see", Mark::Plain)],
                vec![Marked::new("LINE", Mark::Platform)]
            ]
        );
    }

    #[test]
    fn blank_paragraph_is_a_blank_line() {
        let mut doc = Doc::default();
        doc.blank();
        assert_eq!(wrap(&doc, 10), vec![Vec::<Marked>::new()]);
    }

    #[test]
    fn width_zero_is_treated_as_one() {
        assert_eq!(wrap_plain("ab", 0), ["a", "b"]);
    }
}
