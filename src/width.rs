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

/// `s` in at most `width` columns: whole where it fits, else cut after
/// its last whole word that leaves room for an ellipsis (cut within the
/// word only where the first word alone is too wide). For titles, which
/// a border would otherwise cut mid-word without saying so.
pub fn fit_words(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut cut = String::new();
    cut_to(&mut cut, s, width);
    // cut_to leaves the characters before its ellipsis; back up to a space.
    let head = cut.trim_end_matches('…');
    if s[head.len()..].starts_with(' ') {
        return format!("{}…", head.trim_end());
    }
    match head
        .rfind(' ')
        .filter(|&at| !head[..at].trim_end().is_empty())
    {
        Some(at) => format!("{}…", head[..at].trim_end()),
        None => cut,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_words_cuts_between_words_and_says_so() {
        let title = "SNS users in Japan, end of year (million people)";
        assert_eq!(fit_words(title, 100), title);
        assert_eq!(fit_words(title, 20), "SNS users in Japan,…");
        assert_eq!(fit_words(title, 10), "SNS users…");
        assert_eq!(fit_words("Supercalifragilistic", 8), "Superca…");
        for w in 1..title.len() {
            let fitted = fit_words(title, w);
            assert!(str_width(&fitted) <= w, "{w}: {fitted}");
            assert!(fitted.ends_with('…'));
        }
        assert!(str_width(&fit_words("ICT総研: 調査ごとの利用率", 9)) <= 9);
    }
}
