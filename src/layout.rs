//! Where things are on the screen, for drawing and for finding what a
//! click hit alike: the tab bar, the body and the footer, the smallest
//! usable size, and the tabs' titles.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::lang::Lang;
use crate::tab::Tab;
use crate::width::str_width;

/// Below this size the app shows only a "terminal too small" message.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

/// The tab bar, the body and the footer.
pub fn areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Where the current tab draws, for a terminal of `size`.
pub fn body_area(size: Rect) -> Rect {
    areas(size)[1]
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn tab_titles(lang: Lang) -> Vec<String> {
    Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{} {}", i + 1, t.title(lang)))
        .collect()
}

/// The spaces either side of each tab's title: one where every title then
/// fits the width, none where only that way they fit (at 50 columns, in
/// English), so no title is cut.
pub fn tab_padding(width: u16, lang: Lang) -> usize {
    let titles = tab_titles(lang);
    let dividers = titles.len().saturating_sub(1);
    let bare: usize = titles.iter().map(|t| str_width(t)).sum::<usize>() + dividers;
    usize::from(bare + 2 * titles.len() <= usize::from(width))
}

/// The tab whose title is at column `x` of the tab bar (row 0), as
/// ratatui's Tabs lays them out: [`tab_padding`] either side and a divider
/// after.
pub fn tab_at(size: Rect, lang: Lang, x: u16, y: u16) -> Option<Tab> {
    if y != 0 || too_small(size) {
        return None;
    }
    let pad = tab_padding(size.width, lang);
    let mut left = 0;
    for (tab, title) in Tab::ALL.iter().zip(tab_titles(lang)) {
        let right = left + str_width(&title) + 2 * pad;
        if (left..right).contains(&usize::from(x)) {
            return Some(*tab);
        }
        left = right + 1;
    }
    None
}
