//! Styled text that wraps: the Essay and Sources tabs and their plain-text
//! prints are all built as a [`Doc`] and wrapped by [`wrap`].

mod essay;
mod marks;
mod sources;

pub use essay::essay_doc;
pub use marks::mark_text;
pub use sources::sources_doc;

use unicode_width::UnicodeWidthChar;

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
pub struct Span {
    pub text: String,
    pub mark: Mark,
}

impl Span {
    pub fn new(text: impl Into<String>, mark: Mark) -> Self {
        Span {
            text: text.into(),
            mark,
        }
    }
}

/// One wrapped line (or one unwrapped paragraph): spans in order.
pub type Line = Vec<Span>;

/// Paragraphs of styled text; an empty paragraph is a blank line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub paras: Vec<Line>,
}

impl Doc {
    pub fn push(&mut self, para: Line) {
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
pub fn wrap(doc: &Doc, width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in &doc.paras {
        wrap_para(para, width, &mut out);
    }
    out
}

/// Builds one output line from marked characters, merging runs of a mark.
#[derive(Default)]
struct LineBuf {
    spans: Line,
    width: usize,
}

impl LineBuf {
    fn push(&mut self, c: char, mark: Mark, w: usize) {
        match self.spans.last_mut() {
            Some(last) if last.mark == mark => last.text.push(c),
            _ => self.spans.push(Span::new(c.to_string(), mark)),
        }
        self.width += w;
    }

    fn take(&mut self) -> Line {
        self.width = 0;
        std::mem::take(&mut self.spans)
    }
}

fn wrap_para(para: &[Span], width: usize, out: &mut Vec<Line>) {
    let chars: Vec<(char, Mark)> = para
        .iter()
        .flat_map(|s| s.text.chars().map(move |c| (c, s.mark)))
        .collect();
    if chars.is_empty() {
        out.push(Vec::new());
        return;
    }
    let mut line = LineBuf::default();
    let mut i = 0;
    while i < chars.len() {
        let space_end = chars[i..]
            .iter()
            .position(|(c, _)| *c != ' ')
            .map_or(chars.len(), |n| i + n);
        let word_end = chars[space_end..]
            .iter()
            .position(|(c, _)| *c == ' ')
            .map_or(chars.len(), |n| space_end + n);
        let spaces = &chars[i..space_end];
        let word = &chars[space_end..word_end];
        let word_width: usize = word.iter().map(|(c, _)| char_width(*c)).sum();
        if i == 0 {
            // A paragraph's own indent is kept, as far as the line allows.
            spaces
                .iter()
                .take(width - 1)
                .for_each(|&(c, m)| line.push(c, m, 1));
        } else if line.width + spaces.len() + word_width <= width {
            spaces.iter().for_each(|&(c, m)| line.push(c, m, 1));
        } else {
            out.push(line.take());
        }
        for &(c, m) in word {
            let w = char_width(c);
            if line.width + w > width && line.width > 0 {
                out.push(line.take());
            }
            line.push(c, m, w);
        }
        i = word_end;
    }
    if !line.spans.is_empty() {
        out.push(line.take());
    }
}

/// Display width of a character; control characters are cleaned away at
/// load, so those that remain count as nothing.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The plain text of a line.
pub fn plain(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap_plain(text: &str, width: usize) -> Vec<String> {
        let doc = Doc {
            paras: vec![vec![Span::new(text, Mark::Plain)]],
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
                Span::new("see ", Mark::Plain),
                Span::new("LINE", Mark::Platform),
            ]],
        };
        let lines = wrap(&doc, 4);
        assert_eq!(
            lines,
            vec![
                vec![Span::new("see", Mark::Plain)],
                vec![Span::new("LINE", Mark::Platform)]
            ]
        );
    }

    #[test]
    fn blank_paragraph_is_a_blank_line() {
        let mut doc = Doc::default();
        doc.blank();
        assert_eq!(wrap(&doc, 10), vec![Vec::<Span>::new()]);
    }

    #[test]
    fn width_zero_is_treated_as_one() {
        assert_eq!(wrap_plain("ab", 0), ["a", "b"]);
    }
}
