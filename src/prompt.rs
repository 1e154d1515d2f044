//! The search prompt's line, edited as a shell edits one: a cursor that
//! moves by characters as the eye sees them, erasing either side of it, a
//! word or the whole start at once, and the searches typed before in the
//! session brought back with Up and Down.

use unicode_segmentation::UnicodeSegmentation;

use crate::dataset::clean_text;

/// What the prompt is for: `/` a search or filter, `:` a place to go to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Purpose {
    #[default]
    Search,
    GoTo,
}

impl Purpose {
    /// The character the prompt's line starts with, as typed to open it.
    pub fn sigil(self) -> char {
        match self {
            Purpose::Search => '/',
            Purpose::GoTo => ':',
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    purpose: Purpose,
    text: String,
    /// Where the cursor is: a byte offset on a grapheme boundary.
    cursor: usize,
    /// Which earlier search Up and Down have brought back, counted from
    /// the latest; None while the line is the user's own.
    recalled: Option<usize>,
    /// The line as typed before Up went back, for Down to return to.
    draft: String,
}

impl Prompt {
    pub fn new(purpose: Purpose) -> Self {
        Prompt {
            purpose,
            ..Prompt::default()
        }
    }

    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Types `s` at the cursor, cleaned as the data is: nothing typed or
    /// pasted (a control, a bidi override, a zero-width character) reaches
    /// the screen.
    pub fn insert(&mut self, s: &str) {
        let s = clean_text(s);
        self.text.insert_str(self.cursor, &s);
        self.cursor += s.len();
    }

    /// Where the character before the cursor starts.
    fn before(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(at, _)| at)
    }

    /// Where the character after the cursor ends.
    fn after(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    pub fn left(&mut self) {
        self.cursor = self.before();
    }

    pub fn right(&mut self) {
        self.cursor = self.after();
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Backspace: the character before the cursor.
    pub fn erase_back(&mut self) {
        let from = self.before();
        self.text.replace_range(from..self.cursor, "");
        self.cursor = from;
    }

    /// Delete: the character under the cursor.
    pub fn erase_forward(&mut self) {
        let to = self.after();
        self.text.replace_range(self.cursor..to, "");
    }

    /// Ctrl-U: everything before the cursor.
    pub fn erase_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Ctrl-W: the word before the cursor, and the spaces after it.
    pub fn erase_word(&mut self) {
        let head = &self.text[..self.cursor];
        let word_end = head.trim_end().len();
        let from = head[..word_end].rfind(char::is_whitespace).map_or(0, |at| {
            at + head[at..].chars().next().map_or(1, char::len_utf8)
        });
        self.text.replace_range(from..self.cursor, "");
        self.cursor = from;
    }

    /// Brings back an earlier search (`delta` -1, Up) or a later one (+1,
    /// Down) from `history`, oldest first; Down past the latest returns
    /// to the line as it was typed. The cursor goes to the end.
    pub fn recall(&mut self, history: &[String], delta: isize) {
        let n = history.len();
        let back = match (self.recalled, delta < 0) {
            (None, true) if n > 0 => Some(0),
            (None, _) => return,
            (Some(i), true) => Some((i + 1).min(n - 1)),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
        };
        if self.recalled.is_none() {
            self.draft = self.text.clone();
        }
        self.recalled = back;
        self.text = match back {
            Some(i) => history[n - 1 - i].clone(),
            None => std::mem::take(&mut self.draft),
        };
        self.cursor = self.text.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Prompt {
        let mut p = Prompt::default();
        p.insert(s);
        p
    }

    #[test]
    fn the_cursor_moves_by_characters_as_seen_and_edits_where_it_is() {
        // "é" as e and a combining accent is one character to the eye.
        let mut p = typed("ae\u{301}b");
        p.left();
        p.left();
        assert_eq!(p.split(), ("a", "e\u{301}b"));
        p.insert("X");
        assert_eq!(p.text(), "aXe\u{301}b");
        p.erase_forward();
        assert_eq!(p.text(), "aXb");
        p.erase_back();
        assert_eq!(p.split(), ("a", "b"));
        p.home();
        p.erase_back();
        assert_eq!(p.text(), "ab", "nothing before the start");
        p.end();
        p.erase_forward();
        assert_eq!(p.text(), "ab", "nothing after the end");
        p.right();
        assert_eq!(p.split(), ("ab", ""));
    }

    #[test]
    fn ctrl_u_and_ctrl_w_erase_before_the_cursor() {
        let mut p = typed("social  media users");
        p.erase_word();
        assert_eq!(p.text(), "social  media ");
        p.erase_word();
        assert_eq!(p.text(), "social  ", "the word and the spaces after it");
        p.insert("net");
        p.left();
        p.left();
        p.erase_to_start();
        assert_eq!(p.split(), ("", "et"));
        let mut p = typed("総務省 ライン");
        p.erase_word();
        assert_eq!(p.text(), "総務省 ");
    }

    #[test]
    fn up_and_down_walk_the_earlier_searches_and_come_back_to_the_draft() {
        let history = ["line".to_string(), "mixi".to_string()];
        let mut p = typed("fa");
        p.recall(&history, -1);
        assert_eq!(p.text(), "mixi");
        p.recall(&history, -1);
        assert_eq!(p.text(), "line");
        p.recall(&history, -1);
        assert_eq!(p.text(), "line", "no further than the first");
        p.recall(&history, 1);
        assert_eq!(p.text(), "mixi");
        p.recall(&history, 1);
        assert_eq!(p.split(), ("fa", ""), "back to what was typed");
        p.recall(&history, 1);
        assert_eq!(p.text(), "fa");
        let mut empty = typed("x");
        empty.recall(&[], -1);
        assert_eq!(empty.text(), "x");
    }

    #[test]
    fn controls_typed_or_pasted_never_reach_the_line() {
        let p = typed("face\u{202e}bo\u{7}ok");
        assert_eq!(p.text(), "facebook");
    }
}
