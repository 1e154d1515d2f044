//! Text from a data file is cleaned once, at load, so that nothing a file
//! says can reach the terminal as a control sequence, and every character
//! cluster left takes at least one column, as ratatui lays it out.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::model::Dataset;

/// Columns a tab expands to; text is reflowed, so tab stops mean nothing.
const TAB_WIDTH: usize = 4;

/// True for characters that must never reach the terminal: C0 and C1
/// controls (ESC, BEL, backspace, CR, ...), DEL, the bidi controls that
/// can make text display in an order other than the one it is stored in,
/// and the zero-width joiner, whose emoji sequences terminals draw at
/// widths that disagree with each other and with ratatui, breaking table
/// alignment (joined emoji show as their parts).
fn is_forbidden(c: char) -> bool {
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

/// Whether `c` is one that [`clean_text`] may change or drop.
fn needs_cleaning(c: char) -> bool {
    c == '\t' || is_forbidden(c) || c.width().is_none_or(|w| w == 0)
}

fn clean(s: &mut String) {
    // Printable ASCII needs nothing: a fast check for the common case.
    let printable_ascii = s.bytes().all(|b| (0x20..0x7f).contains(&b));
    if !printable_ascii && s.chars().any(needs_cleaning) {
        *s = clean_text(s);
    }
}

fn clean_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        clean(s);
    }
}

fn clean_all(v: &mut [String]) {
    v.iter_mut().for_each(clean);
}

impl Dataset {
    /// Cleans every string in place.
    pub fn clean(&mut self) {
        let e = &mut self.essay;
        for s in [
            &mut e.title,
            &mut e.blog,
            &mut e.byline,
            &mut e.date,
            &mut e.author,
        ] {
            clean(s);
        }
        clean_opt(&mut e.site);
        clean_all(&mut e.paragraphs);
        for s in &mut self.sources {
            for f in [&mut s.id, &mut s.publisher, &mut s.title, &mut s.date] {
                clean(f);
            }
            clean_all(&mut s.urls);
        }
        for p in &mut self.platforms {
            for f in [&mut p.id, &mut p.name, &mut p.name_ja] {
                clean(f);
            }
            clean_opt(&mut p.note);
        }
        // Bilingual words (titles, labels) are cleaned as they are read.
        for s in &mut self.surveys {
            for f in [&mut s.id, &mut s.family] {
                clean(f);
            }
            clean_opt(&mut s.month);
            clean_all(&mut s.sources);
        }
        for b in &mut self.breaks {
            clean(&mut b.from);
            clean_all(&mut b.sources);
        }
        for series in &mut self.growth.series {
            clean(&mut series.id);
            for p in &mut series.points {
                clean_all(&mut p.sources);
                clean_opt(&mut p.quote);
                clean_opt(&mut p.note);
            }
        }
        for t in &mut self.rankings {
            for f in [&mut t.id, &mut t.survey, &mut t.unit] {
                clean(f);
            }
            clean_opt(&mut t.compare_with);
            for r in &mut t.rows {
                clean(&mut r.platform);
                clean_all(&mut r.sources);
                clean_opt(&mut r.quote);
            }
        }
        for n in &mut self.notes {
            clean(&mut n.title);
            clean(&mut n.text);
            clean_opt(&mut n.quote);
            clean_all(&mut n.sources);
        }
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
}
