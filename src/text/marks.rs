//! Finds what the Essay tab highlights: platform names and figures.

use super::{Mark, Span};

/// Splits `text` into spans, marking each platform name (any case, whole
/// words only) and each figure: a number with its decimal point, thousands
/// commas, percent sign and a following "million".
pub fn mark_text(text: &str, names: &[&str]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |s: &str, mark: Mark| match spans.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(s),
        _ => spans.push(Span::new(s, mark)),
    };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let at_word_start = !text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let found = if at_word_start {
            figure_len(rest)
                .map(|n| (n, Mark::Figure))
                .or_else(|| name_len(rest, names).map(|n| (n, Mark::Platform)))
        } else {
            None
        };
        match found {
            Some((n, mark)) => {
                push(&rest[..n], mark);
                i += n;
            }
            None => {
                let n = rest.chars().next().map_or(1, char::len_utf8);
                push(&rest[..n], Mark::Plain);
                i += n;
            }
        }
    }
    spans
}

fn ends_word(rest: &str, n: usize) -> bool {
    !rest[n..].chars().next().is_some_and(char::is_alphanumeric)
}

fn name_len(rest: &str, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .filter(|name| !name.is_empty())
        .filter(|name| {
            rest.get(..name.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(name))
        })
        .map(|name| name.len())
        .filter(|&n| ends_word(rest, n))
        .max()
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
        mark_text(text, &["LINE", "mixi", "Google+"])
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
        let joined: String = mark_text(text, &["LINE"])
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn a_trailing_full_stop_is_not_part_of_a_figure() {
        assert_eq!(marked("by 2015."), [("2015".to_string(), Mark::Figure)]);
    }
}
