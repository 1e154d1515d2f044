//! Text from a data file is cleaned once, at load, so that nothing a file
//! says can reach the terminal as a control sequence, and every character
//! cluster left takes at least one column, as ratatui lays it out.
//! [`CleanString`] is the type of every string the dataset holds: made in
//! any way, it is cleaned.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns a tab expands to; text is reflowed, so tab stops mean nothing.
const TAB_WIDTH: usize = 4;

/// True for characters that must never reach the terminal: C0 and C1
/// controls (ESC, BEL, backspace, CR, ...), DEL, the bidi controls that
/// can make text display in an order other than the one it is stored in,
/// and the zero-width joiner, whose emoji sequences terminals draw at
/// widths that disagree with each other and with ratatui, breaking table
/// alignment (joined emoji show as their parts).
pub(super) fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200D}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Returns `s` with tabs and line breaks turned into spaces, every
/// forbidden character dropped, and every cluster of no width dropped
/// (a byte-order mark, a zero-width space, a combining mark with nothing to
/// combine with): ratatui would give such a cluster a cell of its own that
/// the terminal does not draw, and everything after it would shift.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    if out.chars().any(|c| c.width() == Some(0)) {
        out = out.graphemes(true).filter(|g| g.width() > 0).collect();
    }
    out
}

/// Whether `c` is one that [`clean_text`] may change or drop: a line or
/// paragraph separator (which has a width), or a character of no width or
/// none at all: a tab, a control, a format character (a test checks every
/// one), a mark that may combine with nothing.
fn needs_cleaning(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}') || c.width().is_none_or(|w| w == 0)
}

/// Whether [`clean_text`] would change `s`.
fn is_clean(s: &str) -> bool {
    // Printable ASCII needs nothing: a fast check for the common case
    // (bench: "load and validate: large", 21.9 MB mostly ASCII).
    s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(needs_cleaning)
}

/// A string from a data file, cleaned by [`clean_text`] however it is
/// made: read from JSON, or converted from a `String` or `&str`. Every
/// string of the dataset's model is one, so no field can be left out of
/// cleaning. In JSON it is a plain string; the rest of the crate reads it
/// as a `&str` (it derefs to one, and compares with and looks up as one).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CleanString(String);

impl CleanString {
    /// `s` cleaned; a string already clean is kept as it is.
    pub fn new(s: impl Into<String>) -> Self {
        let s = s.into();
        if is_clean(&s) {
            CleanString(s)
        } else {
            CleanString(clean_text(&s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for CleanString {
    fn from(s: String) -> Self {
        CleanString::new(s)
    }
}

impl From<&str> for CleanString {
    fn from(s: &str) -> Self {
        if is_clean(s) {
            CleanString(s.to_owned())
        } else {
            CleanString(clean_text(s))
        }
    }
}

impl From<CleanString> for String {
    fn from(s: CleanString) -> Self {
        s.0
    }
}

impl Deref for CleanString {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for CleanString {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for CleanString {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CleanString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

/// As a string's, so that messages quote it as they would a `&str`.
impl fmt::Debug for CleanString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for CleanString {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CleanString {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for CleanString {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<CleanString> for str {
    fn eq(&self, other: &CleanString) -> bool {
        self == other.0
    }
}

impl PartialEq<CleanString> for &str {
    fn eq(&self, other: &CleanString) -> bool {
        *self == other.0
    }
}

impl PartialEq<CleanString> for String {
    fn eq(&self, other: &CleanString) -> bool {
        *self == other.0
    }
}

impl Serialize for CleanString {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CleanString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_string(CleanStringVisitor)
    }
}

struct CleanStringVisitor;

impl Visitor<'_> for CleanStringVisitor {
    type Value = CleanString;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // As serde says it of a `String`.
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<CleanString, E> {
        Ok(CleanString::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<CleanString, E> {
        Ok(CleanString::new(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_escape_sequences_and_controls() {
        assert_eq!(clean_text("a\x1b[31mred\x1b[0m"), "a[31mred[0m");
        assert_eq!(clean_text("bell\x07 back\x08space"), "bell backspace");
        assert_eq!(clean_text("osc\x1b]52;c;aGk=\x07"), "osc]52;c;aGk=");
        assert_eq!(clean_text("c1\u{9b}31m"), "c131m");
        assert_eq!(clean_text("del\x7f"), "del");
    }

    #[test]
    fn drops_bidi_overrides() {
        assert_eq!(clean_text("abc\u{202E}def\u{2066}"), "abcdef");
    }

    #[test]
    fn turns_tabs_and_line_breaks_into_spaces() {
        assert_eq!(clean_text("a\tb"), "a    b");
        assert_eq!(clean_text("a\r\nb"), "a  b");
    }

    #[test]
    fn keeps_wide_text_emoji_and_combining_marks() {
        let s = "ミクシィ 🙂 e\u{301}";
        assert_eq!(clean_text(s), s);
    }

    #[test]
    fn drops_clusters_of_no_width() {
        assert_eq!(clean_text("年\u{feff}度"), "年度");
        assert_eq!(clean_text("a\u{200b}b\u{2060}c"), "abc");
        assert_eq!(clean_text("\u{301}e\u{301}"), "e\u{301}");
        assert_eq!(clean_text("🉠\u{d7b0}x"), "🉠x");
        assert_eq!(clean_text("line\u{2028}break"), "line break");
    }

    #[test]
    fn splits_joined_emoji_into_their_parts() {
        assert_eq!(clean_text("👩\u{200D}💻"), "👩💻");
    }

    #[test]
    fn a_clean_string_is_cleaned_however_it_is_made() {
        // ASCII with controls, and text that is not ASCII (no fast path):
        // a bidi override, a tab, clusters of no width alone.
        for (dirty, want) in [
            ("a\u{1b}[31m\u{9b}b\u{202e}c\u{200d}d\te", "a[31mbcd    e"),
            ("総\u{202e}研", "総研"),
            ("総\t研", "総    研"),
            ("総\u{2028}研", "総 研"),
            ("\u{200b}", ""),
            ("\u{feff}\u{200b}", ""),
        ] {
            assert_eq!(clean_text(dirty), want);
            assert_eq!(CleanString::new(dirty), *want, "{dirty:?}");
            assert_eq!(CleanString::from(dirty), want, "{dirty:?}");
            assert_eq!(CleanString::from(dirty.to_string()), want, "{dirty:?}");
            let read: CleanString =
                serde_json::from_str(&serde_json::to_string(dirty).unwrap()).unwrap();
            assert_eq!(read, want, "{dirty:?}");
        }
        // Clean text is kept as it is, wide or not.
        for s in ["plain ASCII", "ミクシィ 🙂 e\u{301}", ""] {
            assert_eq!(CleanString::from(s), s);
        }
    }

    #[test]
    fn every_character_clean_text_changes_is_one_with_no_width() {
        let changed = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}') || is_forbidden(c)
        });
        for c in changed {
            assert!(needs_cleaning(c), "{:?} has width {:?}", c, c.width());
        }
    }

    #[test]
    fn a_clean_string_is_a_plain_string_in_json_and_a_str_in_rust() {
        let s: CleanString = serde_json::from_str(r#""ict-2014""#).unwrap();
        assert_eq!(serde_json::to_string(&s).unwrap(), r#""ict-2014""#);
        assert_eq!(format!("{s} {s:?}"), r#"ict-2014 "ict-2014""#);
        assert_eq!(s, "ict-2014");
        assert_eq!("ict-2014", s);
        assert_eq!(*"ict-2014", s);
        assert_eq!("ict-2014".to_string(), s);
        // Each comparison says unequal where the text differs.
        let (other, owned_other) = ("ict-2013", "ict-2013".to_string());
        assert!(s != other && s != *other && s != owned_other);
        assert!(other != s && *other != s && owned_other != s);
        assert!(s.starts_with("ict"));
        assert_eq!(s.as_ref() as &str, "ict-2014");
        // Read from an owned string (a JSON value), cleaned as any other.
        let owned: CleanString =
            serde_json::from_value(serde_json::Value::String("x\u{202e}y".into())).unwrap();
        assert_eq!(owned, "xy");
        let map: std::collections::HashMap<CleanString, usize> = [(s.clone(), 7)].into();
        assert_eq!(map.get("ict-2014"), Some(&7));
        let err = serde_json::from_str::<CleanString>("3")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid type: integer `3`, expected a string"),
            "{err}"
        );
    }
}
