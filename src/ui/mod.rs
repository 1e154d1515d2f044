//! Drawing pieces the views share: the theme, the bar chart, a panel of
//! lines that may not fit, the help popup. Nothing here knows the app.

pub mod columns;
pub mod help;
pub mod panel;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::width::str_width;

/// Clears `area` for a popup. A wide character just left of it would
/// otherwise still cover the popup's left border on a real terminal: the
/// buffer keeps it whole and the terminal draws both its columns.
pub fn clear_for_popup(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    if area.x > buf.area.x {
        for y in area.top()..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x - 1, y))
                && str_width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
}
