//! How wide text is on a terminal, and text cut to a width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a string, as ratatui measures it; cleaned ASCII is one
/// column a byte.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        UnicodeWidthStr::width(s)
    }
}

/// `s` written over `out`, cut to `width` columns with an ellipsis where
/// it is wider: for names in a column, whose whole text is shown elsewhere.
pub fn cut_to(out: &mut String, s: &str, width: usize) {
    out.clear();
    if str_width(s) <= width {
        out.push_str(s);
        return;
    }
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
}

/// Pads `s` to `width` display columns, on the left when `right`.
pub fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(str_width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}
