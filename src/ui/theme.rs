//! All styles in one place. The mono theme (NO_COLOR, or a terminal without
//! colour) carries every distinction by bold, reverse, underline, italic
//! and dim alone, and the views never let colour carry meaning by itself:
//! projections differ by glyph, selections by reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::text::Mark;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub tab: Style,
    pub tab_selected: Style,
    pub key: Style,
    pub hint: Style,
    pub title: Style,
    pub heading: Style,
    pub meta: Style,
    pub platform: Style,
    pub figure: Style,
    pub quote: Style,
    pub link: Style,
    /// The selected row, bar or year.
    pub selected: Style,
    pub gap: Style,
    /// A search match that is not the current one.
    pub hit: Style,
    pub up: Style,
    pub down: Style,
    /// One style per growth series, by position; cycles past the end.
    pub series: Vec<Style>,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

impl Theme {
    pub fn color() -> Self {
        Theme {
            border: fg(Color::Gray),
            tab: Style::new(),
            tab_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            hint: Style::new(),
            title: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            meta: fg(Color::Gray),
            platform: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            figure: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            quote: fg(Color::Green).add_modifier(Modifier::ITALIC),
            link: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            gap: fg(Color::Gray).add_modifier(Modifier::DIM),
            hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            up: fg(Color::Green),
            down: fg(Color::Red),
            series: vec![fg(Color::Cyan), fg(Color::Magenta), fg(Color::Green)],
        }
    }

    pub fn mono() -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let dim = plain.add_modifier(Modifier::DIM);
        let underlined = plain.add_modifier(Modifier::UNDERLINED);
        Theme {
            border: plain,
            tab: plain,
            tab_selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: bold,
            hint: plain,
            title: bold,
            heading: bold,
            meta: dim,
            platform: bold,
            figure: underlined,
            quote: plain.add_modifier(Modifier::ITALIC),
            link: underlined,
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            gap: dim,
            hit: bold.add_modifier(Modifier::UNDERLINED),
            up: plain,
            down: plain,
            series: vec![plain, dim],
        }
    }

    /// Mono when NO_COLOR is set to anything but the empty string
    /// (no-color.org), colour otherwise.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::color(),
        }
    }

    pub fn mark(&self, mark: Mark) -> Style {
        match mark {
            Mark::Plain => Style::new(),
            Mark::Title => self.title,
            Mark::Heading => self.heading,
            Mark::Meta => self.meta,
            Mark::Platform => self.platform,
            Mark::Figure => self.figure,
            Mark::Quote => self.quote,
            Mark::Link => self.link,
        }
    }

    pub fn series(&self, index: usize) -> Style {
        self.series[index % self.series.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(t: &Theme) -> Vec<Style> {
        let mut all = vec![
            t.border,
            t.tab,
            t.tab_selected,
            t.key,
            t.hint,
            t.title,
            t.heading,
            t.meta,
            t.platform,
            t.figure,
            t.quote,
            t.link,
            t.selected,
            t.gap,
            t.hit,
            t.up,
            t.down,
        ];
        all.extend(t.series.iter().copied());
        all
    }

    #[test]
    fn mono_uses_no_colour_and_still_tells_things_apart() {
        let mono = Theme::mono();
        for s in styles(&mono) {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        assert!(mono.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(mono.hit.add_modifier.contains(Modifier::UNDERLINED));
        assert_ne!(
            mono.selected, mono.hit,
            "the current match differs from the others"
        );
        assert_ne!(mono.series[0], mono.series[1], "the two series differ");
    }

    #[test]
    fn the_colour_theme_has_colour() {
        assert!(styles(&Theme::color()).iter().any(|s| s.fg.is_some()));
    }
}
